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
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "runtime/compiler/tokenizer.h"

namespace tern::compiler {

struct DecodedSource {
  std::string text;      // UTF-8, BOM removed, lone '\r' turned into '\n'
  std::string encoding;  // as tokenize's ENCODING token names it
  bool declared = false;  // a BOM or a coding declaration named the encoding
  std::optional<TokenizeError> error;
};

DecodedSource decode_source(std::string_view raw);

// The Python codec module a coding name selects ("latin-1" -> "latin_1",
// "Shift-JIS" -> "shift_jis"), or nullopt if Python 3.11 knows no such
// codec.
std::optional<std::string> python_codec_name(std::string_view name);

}  // namespace tern::compiler
