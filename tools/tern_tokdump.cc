// tern-tokdump FILE: prints FILE's tokens exactly as `python3.11 -m tokenize -e FILE`
// does, so tools/compare-tokens can diff the two.  On a tokenize error prints
// `FILE:LINE:COL: error: MESSAGE` to stderr and exits 1.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "runtime/compiler/literals.h"
#include "runtime/compiler/tokenizer.h"

namespace {

using tern::compiler::Token;

// Python's "%-Ns": pads to N code points.
void pad(std::string& line, const std::string& field, int width) {
  line += field;
  int n = 0;
  for (char c : field) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  for (; n < width; n++) line.push_back(' ');
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: tern-tokdump FILE\n");
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "tern-tokdump: cannot open %s\n", argv[1]);
    return 1;
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string source = buffer.str();

  tern::compiler::TokenizeResult result = tern::compiler::tokenize(source);
  if (!result.ok()) {
    const tern::compiler::TokenizeError& e = *result.error;
    std::fprintf(stderr, "%s:%d:%d: error: %s: %s\n", argv[1], e.line, e.col, tern::compiler::error_kind_name(e.kind),
                 e.message.c_str());
    return 1;
  }
  std::string out;
  for (const Token& t : result.tokens) {
    std::string line;
    pad(line,
        std::to_string(t.start.line) + "," + std::to_string(t.start.col) + "-" + std::to_string(t.end.line) + "," +
            std::to_string(t.end.col) + ":",
        20);
    pad(line, tern::compiler::exact_type_name(t), 15);
    pad(line, tern::compiler::repr_str(t.text), 15);
    out += line;
    out.push_back('\n');
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}
