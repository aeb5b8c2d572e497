#include "runtime/entry.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <sstream>
#include <string>

#include "runtime/compiler/parser.h"
#include "runtime/compiler/symtable.h"
#include "runtime/gc/heap.h"

namespace tern {

namespace {

int usage(const char* program) {
  std::fprintf(stderr, "usage: %s [--version | -c CODE | FILE] [ARG...]\n", program);
  return 2;
}

std::optional<std::string> read_file(const char* path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

int report(compiler::SyntaxErrorInfo error, const std::string& source) {
  // Like CPython, quote the line from the source when the error has none.
  if (error.text.empty() && error.lineno > 0)
    error.text = compiler::quoted_line(compiler::source_line(source, error.lineno));
  std::string text = compiler::format_syntax_error_report(error);
  std::fwrite(text.data(), 1, text.size(), stderr);  // the quoted line may hold a NUL
  return 1;
}

// Compiles what `tern FILE` or `tern -c CODE` would run, as far as the
// compiler goes today (parser, symbol table).  A SyntaxError is reported as
// CPython reports an uncaught one (exit status 1); valid code cannot run yet.
int run_source(const std::string& source, const std::string& filename) {
  compiler::ParseResult parsed = compiler::parse_module(source, filename);
  if (!parsed.ok()) return report(*parsed.error, source);
  compiler::SymtableResult symbols = compiler::build_symtable(parsed.module, filename);
  if (!symbols.ok()) return report(*symbols.error, source);
  std::fprintf(stderr,
               "tern: running Python code is not implemented yet: the compiler and interpreter come with "
               "issue #4 (this build parses the program and stops)\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc >= 2 && (std::strcmp(argv[1], "--version") == 0 || std::strcmp(argv[1], "-V") == 0)) {
    std::printf("Tern 0.1.0 (Python 3.11)\n");
    return 0;
  }
  gc::initialize(gc::Config::fromEnvironment());
  if (argc >= 3 && std::strcmp(argv[1], "-c") == 0) return run_source(argv[2], "<string>");
  if (argc < 2 || argv[1][0] == '-') return usage(argv[0]);
  std::optional<std::string> source = read_file(argv[1]);
  if (!source) {
    int error = errno;
    std::fprintf(stderr, "%s: can't open file '%s': [Errno %d] %s\n", argv[0], argv[1], error, std::strerror(error));
    return 2;
  }
  // As CPython 3.11 names the main script: made absolute, links not resolved.
  std::error_code ignored;
  std::filesystem::path path = std::filesystem::absolute(argv[1], ignored).lexically_normal();
  return run_source(*source, path.string());
}

}  // namespace tern
