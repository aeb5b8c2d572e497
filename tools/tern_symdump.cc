// tern-symdump FILE: prints the symbol table of FILE in the canonical form
// tools/compare-symtable also produces from python3.11's
// symtable.symtable(source, FILE, 'exec')._table, one block per line:
//
//   <type> <name> lineno=<n> nested=<0|1> varnames=[a, b]
//     <symbol> <flags>            (sorted by name; flags as CPython's int)
//     <child block, indented> ...
//
// with <type> one of module, class, function.  When the file does not
// compile that far, prints the SyntaxError's last traceback line and
// `offset: N` to stdout and exits 1, as tern-astdump does.
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "runtime/compiler/parser.h"
#include "runtime/compiler/symtable.h"

namespace {

using tern::compiler::Block;
using tern::compiler::BlockType;

const char* type_name(BlockType type) {
  switch (type) {
    case BlockType::Function:
      return "function";
    case BlockType::Class:
      return "class";
    case BlockType::Module:
      return "module";
    case BlockType::Annotation:
      return "annotation";
  }
  return "?";
}

void dump(const Block* block, const std::string& indent, std::string& out) {
  out += indent + type_name(block->type) + " " + block->name + " lineno=" + std::to_string(block->lineno) +
         " nested=" + (block->nested ? "1" : "0") + " varnames=[";
  for (size_t i = 0; i < block->varnames.size(); i++) {
    if (i) out += ", ";
    out += block->varnames[i];
  }
  out += "]\n";
  std::vector<const tern::compiler::Symbol*> symbols;
  for (const auto& symbol : block->symbols) symbols.push_back(&symbol);
  // Byte order of UTF-8 is code point order, Python's str order.
  std::sort(symbols.begin(), symbols.end(), [](auto* a, auto* b) { return a->name < b->name; });
  for (const auto* symbol : symbols) out += indent + "  " + symbol->name + " " + std::to_string(symbol->flags) + "\n";
  for (const Block* child : block->children) dump(child, indent + "  ", out);
}

int report(const tern::compiler::SyntaxErrorInfo& error) {
  std::string out = tern::compiler::format_syntax_error(error) + "\noffset: " + std::to_string(error.offset) + "\n";
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2 || argv[1][0] == '-') {
    std::fprintf(stderr, "usage: tern-symdump FILE\n");
    return 2;
  }
  const char* path = argv[1];
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "tern-symdump: cannot open %s\n", path);
    return 2;
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string source = buffer.str();

  tern::compiler::ParseResult parsed = tern::compiler::parse_module(source, path);
  if (!parsed.ok()) return report(*parsed.error);
  tern::compiler::SymtableResult table = tern::compiler::build_symtable(parsed.module, path);
  if (!table.ok()) return report(*table.error);
  std::string out;
  dump(table.table->top(), "", out);
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}
