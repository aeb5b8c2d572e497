// The arena and the non-generated half of ast::dump().
#include "runtime/compiler/ast.h"

#include <cstdlib>

#include "runtime/compiler/ast_dumper.h"
#include "runtime/compiler/literals.h"

namespace tern::ast {

// ---------------------------------------------------------------- Arena

namespace {
constexpr size_t kChunkBytes = 64 * 1024;
}

Arena::~Arena() {
  for (char* chunk : chunks_) std::free(chunk);
}

void* Arena::allocate_slow(size_t bytes, size_t align) {
  size_t size = bytes + align > kChunkBytes ? bytes + align : kChunkBytes;
  char* chunk = static_cast<char*>(std::malloc(size));
  if (!chunk) std::abort();
  chunks_.push_back(chunk);
  total_ += size;
  chunk_ = chunk;
  capacity_ = size;
  used_ = 0;
  return allocate(bytes, align);
}

std::string_view Arena::copy(std::string_view text) {
  char* at = static_cast<char*>(allocate(text.size() + 1, 1));
  std::memcpy(at, text.data(), text.size());
  at[text.size()] = 0;
  return {at, text.size()};
}

// ---------------------------------------------------------------- Dumper

void Dumper::separate() {
  if (!first_.empty()) {
    if (!first_.back()) out_ += ", ";
    first_.back() = false;
  }
}

void Dumper::begin_node(const char* name) {
  out_ += name;
  out_ += '(';
  first_.push_back(true);
}

void Dumper::end_node(const Node* node) {
  if (include_attributes_ && is_located(node->kind)) {
    auto* located = static_cast<const LocatedNode*>(node);
    field("lineno");
    integer(located->lineno);
    field("col_offset");
    integer(located->col_offset);
    field("end_lineno");
    integer(located->end_lineno);
    field("end_col_offset");
    integer(located->end_col_offset);
  }
  first_.pop_back();
  out_ += ')';
}

void Dumper::field(const char* name) {
  separate();
  out_ += name;
  out_ += '=';
}

void Dumper::open_list() {
  out_ += '[';
  first_.push_back(true);
}

void Dumper::item() { separate(); }

void Dumper::close_list() {
  first_.pop_back();
  out_ += ']';
}

void Dumper::str(std::string_view text) { out_ += compiler::repr_str(text); }

void Dumper::integer(long value) { out_ += std::to_string(value); }

void Dumper::enumerator(const char* name) {
  out_ += name;
  out_ += "()";
}

void Dumper::constant(const ConstantValue& value) {
  using Type = ConstantValue::Type;
  switch (value.type) {
    case Type::None:
      out_ += "None";
      break;
    case Type::True:
      out_ += "True";
      break;
    case Type::False:
      out_ += "False";
      break;
    case Type::Ellipsis:
      out_ += "Ellipsis";
      break;
    case Type::Int:
      out_ += value.text;
      break;
    case Type::Float:
      out_ += compiler::repr_float(value.number);
      break;
    case Type::Complex:
      out_ += compiler::repr_imaginary(value.number);
      break;
    case Type::Str:
      out_ += compiler::repr_str(value.text);
      break;
    case Type::Bytes:
      out_ += compiler::repr_bytes(value.text);
      break;
  }
}

std::string dump(const Node* node, bool include_attributes) {
  Dumper dumper(include_attributes);
  dumper.node(node);
  return dumper.take();
}

}  // namespace tern::ast
