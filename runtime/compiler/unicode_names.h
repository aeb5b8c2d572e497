// Unicode character names for "\N{...}" escapes, as Python 3.11 knows them
// (Unicode 14.0).  The other character properties the compiler needs (XID,
// str.isprintable()) are in identifier.h.
//
// The tables are generated at build time by gen_unicode_names.py from
// Debian's unicode-data package, restricted to the characters Unicode 14.0
// assigned, so that a newer database does not change what Tern accepts.
#pragma once

#include <optional>
#include <string_view>

namespace tern::compiler {

// The code point "\N{name}" denotes in a Python 3.11 string literal, or
// nullopt.  As in CPython: names and aliases (every kind) compare
// ASCII-case-insensitively; "CJK UNIFIED IDEOGRAPH-XXXX[X]" (uppercase hex)
// and "HANGUL SYLLABLE ..." are computed and must be written in uppercase;
// named sequences are not accepted.
std::optional<char32_t> lookup_unicode_name(std::string_view name);

}  // namespace tern::compiler
