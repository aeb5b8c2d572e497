// Python identifiers outside ASCII (PEP 3131), as CPython 3.11 reads them.
//
// The tokenizer takes any run of ASCII letters, digits, '_' and non-ASCII
// characters as a candidate name, then checks it with
// find_invalid_identifier_char: the first character must be XID_Start or
// '_', the rest XID_Continue.  The XID properties are closed under NFKC, so
// this is the language reference's "valid after NFKC normalisation" rule.
// The parser then stores normalize_identifier(text) as the name, so `ﬁ` and
// `fi` are the same variable, as in CPython.
//
// Character properties are Unicode 14.0, CPython 3.11's version, from tables
// generated at build time (gen_xid_tables.py, reading the Unicode data through
// unicode_data.py); they agree with python3.11's
// str.isidentifier() and str.isprintable() on every code point.  NFKC comes
// from utf8proc, whose Unicode version may differ (Debian's 2.6 is 13.0):
// characters added since normalise to themselves.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace tern::compiler {

bool is_xid_start(char32_t cp);
bool is_xid_continue(char32_t cp);
// str.isprintable() of the one-character string `cp`: what repr() shows as
// itself rather than escapes (repr_str, tern-tokdump), and what the tokenizer
// accepts outside a name or string; objects::unicode::is_printable beyond ASCII.
bool is_printable(char32_t cp);

// Decodes the code point at utf8[i] and moves i past it.  The input must be
// valid generalized UTF-8 (lone surrogates allowed, as str values hold them);
// malformed input decodes to some code point without reading out of bounds.
char32_t decode_utf8(std::string_view utf8, size_t& i);

// Byte offset of the first character of `utf8` that cannot be in that place
// of an identifier, or npos if all of `utf8` is one (an empty string is not:
// offset 0).
size_t find_invalid_identifier_char(std::string_view utf8);

// str.isidentifier().
bool is_identifier(std::string_view utf8);

// The NFKC form of a non-ASCII identifier; an ASCII one unchanged.
std::string normalize_identifier(std::string_view utf8);

}  // namespace tern::compiler
