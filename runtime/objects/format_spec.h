// The format-specification mini-language of Python 3.11: what format(value,
// spec), str.format and f-strings do with the spec of a str, int or float.
//
// This is the pure C++ half of str.__format__, int.__format__ and
// float.__format__ (CPython's Python/formatter_unicode.c): no heap objects, UTF-8
// in and out.  Formatting takes three steps, in CPython's order, so that a
// bad spec gets the same error CPython gives:
//
//   1. parse_*_spec: the grammar
//        [[fill]align][sign]["z"]["#"]["0"][width][grouping]["." precision][type]
//      and the checks that depend on the kind of value (e.g. no sign for a
//      str).  Every error is a ValueError; the message is CPython 3.11's.
//   2. The caller picks the formatter from the type code:
//        str:   's'                            -> format_str
//        int:   'b' 'o' 'x' 'X' 'd' 'n'        -> format_int (digits supplied
//                                                 by the caller in that base)
//               'c'                            -> format_int_char (the caller
//                                                 checks range(0x110000) and
//                                                 raises OverflowError)
//               'e' 'E' 'f' 'F' 'g' 'G' '%'    -> the caller converts the int
//                                                 to float (OverflowError
//                                                 if too large) and calls
//                                                 format_float
//        float: '\0' 'e' 'E' 'f' 'F' 'g' 'G' 'n' '%' -> format_float
//   3. The formatter, which cannot fail.
//
// An empty spec means str(value) in CPython, whatever the type; the caller
// must special-case it for subclasses with their own __str__.  For exact
// str, int and float the formatters give str(value) for an empty spec.
//
// Widths and counts of characters are in code points; a lone surrogate
// (kept as its 3-byte generalized UTF-8 encoding, see compiler/literals.h)
// counts as one.  Widths and precisions are honoured as given, up to
// PY_SSIZE_T_MAX as in CPython (a float's precision up to INT_MAX, else
// "precision too big"): output too large to allocate throws std::bad_alloc
// or std::length_error, which the runtime turns into MemoryError as CPython
// does.
//
// Type 'n' uses the C locale: no grouping, '.' as the decimal point.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tern::objects {

// A parsed spec.  Fields hold what the spec said, with CPython's defaults
// filled in (the default type and alignment depend on the kind of value).
struct ParsedSpec {
  char32_t fill = U' ';    // any code point
  char align = '>';        // '<' '>' '=' '^'
  char sign = '\0';        // '+' ' ' '-' or '\0' (none given)
  bool no_neg_0 = false;   // 'z': a float that rounds to zero has no '-'
  bool alternate = false;  // '#'
  int64_t width = -1;      // -1: none
  char grouping = '\0';    // ',' or '_' or '\0'
  int64_t precision = -1;  // -1: none
  char32_t type = U'\0';   // the type code; '\0' only for float's default
};

// The type name goes into "Unknown format code 'q' for object of type
// 'MyInt'" and "Invalid format specifier '...' for object of type '...'":
// the name of type(value), which may be a subclass.  On error these return
// std::nullopt and set *error.
std::optional<ParsedSpec> parse_str_spec(std::string_view spec, std::string_view type_name, std::string* error);
std::optional<ParsedSpec> parse_int_spec(std::string_view spec, std::string_view type_name, std::string* error);
std::optional<ParsedSpec> parse_float_spec(std::string_view spec, std::string_view type_name, std::string* error);

// Step 1 without the checks for a kind of value (CPython's
// parse_internal_render_format_spec): the grammar, ',' and '_' against the
// type code.  default_align is '<' for str, '>' for numbers.
std::optional<ParsedSpec> parse_format_spec(std::string_view spec, char32_t default_type, char default_align,
                                            std::string_view type_name, std::string* error);

// True for the int type codes that format as a float ('e' 'E' 'f' 'F' 'g'
// 'G' '%'): the caller converts the int with float(value) first.
bool int_spec_is_float_type(const ParsedSpec& spec);

// str: precision truncates, width pads, both in code points.
std::string format_str(std::string_view utf8, const ParsedSpec& spec);

// float, for every float type code (and int converted to float).  Digits
// are correctly rounded (round-half-even on the exact binary value), as
// CPython's dtoa gives them.
std::string format_float(double value, const ParsedSpec& spec);

// int, types 'b' 'o' 'x' 'X' 'd' 'n'.  `digits` is the magnitude in the
// base of the type code (lower-case letters for 'x' and 'X'; 'X' upper-cases
// them), without sign or prefix, "0" for zero.
std::string format_int(bool negative, std::string_view digits, const ParsedSpec& spec);

// int, type 'c': the code point (already checked to be in range(0x110000)).
std::string format_int_char(char32_t code_point, const ParsedSpec& spec);

}  // namespace tern::objects
