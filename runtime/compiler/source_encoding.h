// Source encodings (PEP 263, PEP 3120): from a file's bytes to UTF-8 text.
//
// A UTF-8 BOM or a coding cookie on line 1 or 2 (`# -*- coding: NAME -*-`)
// names the encoding; without either it is UTF-8.  NAME is looked up as
// Python's codec registry does (lower-cased, punctuation runs folded to '_',
// then its alias table), so every spelling CPython 3.11 accepts is accepted.
// UTF-8, Latin-1 and ASCII are decoded here; the other single- and
// multi-byte codecs go through glibc's iconv.  Python codecs glibc lacks
// (cp720, cp1006, hz, palmos, most mac_* ...) and the odd ones no real file
// uses (utf_16/utf_32 with a BOM, idna, unicode_escape ...) are rejected with
// a message naming them.  Errors are worded as compile(bytes) words them.
//
// A UTF-8 source (no cookie, a BOM, or a cookie spelling "utf-8") is not
// validated here: compile(bytes) does not either.  Invalid UTF-8 is an error
// only where CPython decodes it: in a name (the tokenizer), in a str literal
// (literals.h); in a comment it is fine.  Both use next_utf8_char below, so the
// messages and positions are those of Python's UTF-8 codec.  A cookie naming
// another alias of UTF-8 ("utf8", "u8", "cp65001") makes CPython decode the
// whole buffer first, and so do we: errors at line 0, as it reports them.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "runtime/compiler/tokenizer.h"

namespace tern::compiler {

struct DecodedSource {
  std::string text;       // UTF-8, BOM removed, lone '\r' turned into '\n'
  std::string encoding;   // as tokenize's ENCODING token names it
  bool declared = false;  // a BOM or a coding declaration named the encoding
  std::optional<TokenizeError> error;
};

// `ignore_cookie`: the source is a str's UTF-8 (compile() of a str, CPython's
// PyCF_IGNORE_COOKIE): no BOM or coding declaration counts, and the encoding
// is taken as declared (error offsets count characters).
DecodedSource decode_source(std::string_view raw, bool ignore_cookie = false);

// The Python codec module a coding name selects ("latin-1" -> "latin_1",
// "Shift-JIS" -> "shift_jis"), or nullopt if Python 3.11 knows no such
// codec.
std::optional<std::string> python_codec_name(std::string_view name);

// CPython's UTF-8 decoder (Objects/stringlib/codecs.h), one character at a
// time.  On invalid input it reports what bytes.decode('utf-8') reports: the
// reason and how many bytes the error covers, which is also how far
// errors='replace' skips (one U+FFFD per error).
struct Utf8Char {
  char32_t code = 0;        // when valid
  size_t length = 0;        // bytes of the character, or of the error's range
  std::string_view reason;  // empty when valid; "invalid start byte",
                            // "invalid continuation byte", "unexpected end of data"
  bool valid() const { return reason.empty(); }
};

// The character at s[i] (i < s.size()); s ends where the decoded buffer ends.
Utf8Char next_utf8_char(std::string_view s, size_t i);

// str() of the UnicodeDecodeError that decoding `s` raises, such as "'utf-8'
// codec can't decode byte 0xff in position 1: invalid start byte" or "...
// bytes in position 0-1: invalid continuation byte"; empty if s is valid.
std::string utf8_decode_error(std::string_view s);

// len(s.decode('utf-8', 'replace')): how CPython counts the columns of a line
// with invalid UTF-8 in it.
int utf8_replace_length(std::string_view s);

}  // namespace tern::compiler
