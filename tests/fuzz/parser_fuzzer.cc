// libFuzzer target for the parser: any bytes go to parse_module, which must
// return (a tree or a SyntaxError) without crashing, hanging or tripping
// ASan/UBSan.  A tree is dumped, so that every node is visited; an error is
// checked for what every SyntaxError has.  Run with tools/fuzz-parser.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "runtime/compiler/parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view source(reinterpret_cast<const char*>(data), size);
  tern::compiler::ParseResult result = tern::compiler::parse_module(source, "<fuzz>");
  if (result.ok()) {
    std::string dump = tern::ast::dump(result.module, true);
    if (dump.rfind("Module(", 0) != 0) std::abort();
  } else {
    if (!result.error || result.error->message.empty()) std::abort();
    std::string line = tern::compiler::format_syntax_error(*result.error);
    if (line.empty()) std::abort();
  }
  return 0;
}
