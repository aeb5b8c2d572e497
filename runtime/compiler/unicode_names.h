// Unicode character names for "\N{...}" escapes, as Python 3.11 knows them
// (Unicode 14.0).  The other character properties the compiler needs (XID,
// str.isprintable()) are in identifier.h.
//
// The tables are generated at build time by gen_unicode_names.py from
// Debian's unicode-data package, restricted to the characters Unicode 14.0
// assigned, so that a newer database does not change what Tern accepts.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tern::compiler {

// The code point "\N{name}" denotes in a Python 3.11 string literal, or
// nullopt.  As in CPython: names and aliases (every kind) compare
// ASCII-case-insensitively; "CJK UNIFIED IDEOGRAPH-XXXX[X]" (uppercase hex)
// and "HANGUL SYLLABLE ..." are computed and must be written in uppercase;
// named sequences are not accepted.
// `is_alias` (optional) tells whether `name` is an alias (NameAliases.txt)
// rather than the character's name.
std::optional<char32_t> lookup_unicode_name(std::string_view name, bool* is_alias = nullptr);

// The name of `code` as unicodedata.name() gives it (never an alias;
// Hangul syllables and CJK unified ideographs computed), or nullopt.
std::optional<std::string> unicode_name_of(char32_t code);

}  // namespace tern::compiler
