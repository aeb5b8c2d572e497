// The parts of the Unicode Character Database the compiler needs, as Python
// 3.11 sees it (Unicode 14.0): character names for "\N{...}" escapes and the
// printable property for repr().
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

// str.isprintable() for one code point: false for the categories Other (Cc,
// Cf, Cs, Co, Cn) and Separator (Zl, Zp, Zs) except the space, and for code
// points Unicode 14.0 left unassigned.
bool unicode_isprintable(char32_t code);

}  // namespace tern::compiler
