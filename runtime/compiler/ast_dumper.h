// The writer behind ast::dump(): CPython 3.11's ast.dump() layout, with
// annotate_fields=True and no indent.  Dumper::node() is generated from
// ast.def (ast_nodes.cc); the punctuation and the value formats live here.
#pragma once

#include <string>
#include <vector>

#include "runtime/compiler/ast.h"

namespace tern::ast {

bool is_located(Kind kind);

class Dumper {
 public:
  explicit Dumper(bool include_attributes) : include_attributes_(include_attributes) {}

  void node(const Node* node);  // generated
  std::string take() { return std::move(out_); }

  // Used by the generated code.
  void begin_node(const char* name);
  void end_node(const Node* node);
  void field(const char* name);
  void open_list();
  void item();
  void close_list();
  void str(std::string_view text);
  void integer(long value);
  void enumerator(const char* name);
  void constant(const ConstantValue& value);

 private:
  void separate();
  std::string out_;
  std::vector<bool> first_;  // per open node or list: nothing written in it yet
  bool include_attributes_;
};

}  // namespace tern::ast
