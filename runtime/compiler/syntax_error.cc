// How a SyntaxError reads: its str() and the report of an uncaught one.
#include <cstdio>
#include <string>
#include <string_view>

#include "runtime/compiler/parser.h"

namespace tern::compiler {

std::string format_syntax_error(const SyntaxErrorInfo& error) {
  // SyntaxError.__str__ shows the file's base name.
  std::string_view file = error.filename;
  size_t slash = file.rfind('/');
  if (slash != std::string_view::npos) file.remove_prefix(slash + 1);
  return std::string(error_kind_name(error.kind)) + ": " + error.message + " (" + std::string(file) + ", line " +
         std::to_string(error.lineno) + ")";
}

namespace {

// The source line and its caret line, as CPython's print_error_text lays
// them out: leading blanks dropped, the offset counted in bytes, one caret
// per byte of the error's range on its first line (at least one), no caret
// line when the offset falls left of the text.
std::string source_and_carets(std::string_view text, long offset, long end_offset) {
  long carets = end_offset > 0 && end_offset > offset ? end_offset - offset : 1;
  offset--;  // 0-based
  while (!text.empty() && (text[0] == ' ' || text[0] == '\t' || text[0] == '\f')) {
    text.remove_prefix(1);
    offset--;
  }
  long len = static_cast<long>(text.size());
  if (len > 0 && text[len - 1] == '\n') len--;
  if (offset > len) offset = len;
  std::string out = "    " + std::string(text.substr(0, len)) + "\n";
  if (offset < 0) return out;
  out += "    " + std::string(offset, ' ') + std::string(carets, '^') + "\n";
  return out;
}

}  // namespace

std::optional<std::string> read_file_line(const std::string& filename, int lineno) {
  if (lineno <= 0) return std::nullopt;
  std::FILE* f = std::fopen(filename.c_str(), "rb");
  if (f == nullptr) return std::nullopt;
  std::string line;
  int current = 1;
  bool found = false;
  for (int c = std::fgetc(f); c != EOF; c = std::fgetc(f)) {
    if (c == '\r') {  // "\r\n" and a lone "\r" end a line as "\n"
      int next = std::fgetc(f);
      if (next != '\n' && next != EOF) std::ungetc(next, f);
      c = '\n';
    }
    if (current == lineno) line.push_back(static_cast<char>(c));
    if (c == '\n' && current++ == lineno) break;
  }
  found = current > lineno || !line.empty();
  std::fclose(f);
  if (!found) return std::nullopt;
  return line;
}

std::string format_syntax_error_report(const SyntaxErrorInfo& error) {
  std::string out = "  File \"" + error.filename + "\", line " + std::to_string(error.lineno) + "\n";
  if (!error.text.empty()) {
    long line_size = static_cast<long>(error.text.size());
    // Only a SyntaxError proper shows its range; its subclasses get one caret.
    bool ranged = error.kind == ErrorKind::SyntaxError;
    long end_offset = ranged ? error.end_offset : -1;
    // A range over several lines is shown to the end of its first one.
    if (ranged && error.end_lineno > error.lineno) end_offset = line_size;
    if (end_offset > line_size + 1) end_offset = line_size + 1;
    out += source_and_carets(error.text, error.offset, end_offset);
  }
  out += std::string(error_kind_name(error.kind)) + ": " + error.message + "\n";
  return out;
}

}  // namespace tern::compiler
