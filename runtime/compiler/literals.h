// The values of Python 3.11 literals, from their token text, and the repr()
// of the constant values `ast.dump` prints.
//
// The tokenizer has already checked that a NUMBER or STRING token is well
// formed; what can still fail here are the escape sequences of a string, with
// the SyntaxError message CPython 3.11 gives.
//
// Strings are UTF-8 throughout.  A lone surrogate (from "\udc80") is kept as
// its 3-byte generalized UTF-8 encoding (ED B2 80), so every Python str value
// has a byte representation; repr_str prints it back as '\udc80'.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace tern::compiler {

// A NUMBER token's value.
struct NumberLiteral {
  enum class Kind : uint8_t { Int, Float, Complex } kind = Kind::Int;
  std::string int_decimal;  // Int: the value in decimal, any size, no leading zeros ("0" for zero)
  double value = 0;         // Float: the value; Complex: the imaginary part (correctly rounded)
};

// Token text as the tokenizer gives it: underscores, 0x/0o/0b prefixes,
// exponents, a trailing j/J.  Out-of-range floats become inf or 0.0, as
// CPython's do.
NumberLiteral parse_number(std::string_view token_text);

// A STRING token's text split into prefix, quote and body.
struct StringToken {
  bool raw = false, bytes = false, fstring = false, u_prefix = false;
  std::string_view body;   // between the quotes (the quotes are ' " ''' or """)
  size_t body_offset = 0;  // byte offset of body within the token text
};

StringToken split_string_token(std::string_view token_text);

// Decodes the body of a string or bytes literal (not an f-string; its literal
// parts can be passed one by one) and appends the value to *out: UTF-8 for a
// str, the bytes for bytes.  "\r\n" and a lone "\r" read as "\n" everywhere,
// also in raw literals and after a backslash (line continuation).
//
// On error returns false with CPython 3.11's SyntaxError message in *error,
// e.g. "(unicode error) 'unicodeescape' codec can't decode bytes in position
// 0-2: truncated \xXX escape", "(value error) invalid \x escape at position
// 0", "bytes can only contain ASCII literal characters".  The positions in
// the unicodeescape messages are CPython's: every non-ASCII character of the
// body counts 10 (CPython rewrites it as \UXXXXXXXX before decoding).
//
// Escapes CPython 3.11 warns about (DeprecationWarning) are kept as they are:
// an unknown escape such as "\d" stays a backslash and a 'd', and an octal
// escape above \377 gives its value (truncated to a byte in bytes).
// *invalid_escape_offset is the byte offset in `body` of the backslash of the
// first such escape, or -1.  The warning is "invalid octal escape sequence
// '\NNN'" when the character after that backslash is '4'..'7', else "invalid
// escape sequence '\C'".
//
// Invalid UTF-8 in a str body (sources without a cookie are not checked
// up front, as in CPython) is "(unicode error) 'utf-8' codec can't decode
// byte 0xff in position 1: invalid start byte", the position as CPython
// finds it: in the body, or, when the body has escapes to process, in its
// run of non-ASCII bytes.  The literal parts of a non-raw f-string always
// count from the run: pass fstring_part = true for them.
bool decode_string_body(std::string_view body, bool raw, bool bytes, std::string* out, std::string* error,
                        long* invalid_escape_offset, bool fstring_part = false);

// repr() as CPython 3.11 prints it (ast.dump uses repr for constants).
std::string repr_str(std::string_view utf8);     // 'abc', "it's", '\n', '\x00', '\u200b', 'é', '\udc80'
std::string repr_bytes(std::string_view bytes);  // b'abc', b'\xff'
std::string repr_float(double value);            // '0.1', '1e+16', '1e-05', '0.0001', 'inf', 'nan', '-0.0'
std::string repr_imaginary(double imag);         // repr(complex(0.0, imag)): '1j', '1.5j', '1e+16j', 'infj'

// Appends a code point as (generalized) UTF-8: surrogates get 3 bytes too.
void append_utf8(std::string* out, char32_t code);

}  // namespace tern::compiler
