// tern-astdump [--no-attributes] FILE: prints the AST of FILE exactly as
//   print(ast.dump(ast.parse(source, FILE), include_attributes=True))
// does in python3.11, so tools/compare-ast can diff the two.  When the file
// does not parse, prints the SyntaxError's last traceback line
// (`SyntaxError: invalid syntax (f.py, line 3)`) and `offset: N` to stdout
// and exits 1.
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>

#include "runtime/compiler/parser.h"

int main(int argc, char** argv) {
  bool include_attributes = true;
  const char* path = nullptr;
  for (int i = 1; i < argc; i++) {
    if (std::strcmp(argv[i], "--no-attributes") == 0) {
      include_attributes = false;
    } else if (path == nullptr && argv[i][0] != '-') {
      path = argv[i];
    } else {
      path = nullptr;
      break;
    }
  }
  if (path == nullptr) {
    std::fprintf(stderr, "usage: tern-astdump [--no-attributes] FILE\n");
    return 2;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "tern-astdump: cannot open %s\n", path);
    return 2;
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string source = buffer.str();

  tern::compiler::ParseResult result = tern::compiler::parse_module(source, path);
  std::string out;
  if (!result.ok()) {
    out =
        tern::compiler::format_syntax_error(*result.error) + "\noffset: " + std::to_string(result.error->offset) + "\n";
    std::fwrite(out.data(), 1, out.size(), stdout);
    return 1;
  }
  out = tern::ast::dump(result.module, include_attributes);
  out.push_back('\n');
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}
