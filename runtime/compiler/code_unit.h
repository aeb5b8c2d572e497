// What the code generator produces: one CodeUnit per code object (module,
// class body, function, lambda, comprehension), holding everything CPython
// 3.11's code object holds, but no heap objects — the object model turns a
// CodeUnit into a heap `code` object (constants become ints, strs, tuples,
// nested code objects, ...).
//
// Invariants of a CodeUnit produced by the code generator:
//   - code.size() == positions.size(); every instruction is encoded as in
//     runtime/interp/opcodes.def (opcode bits 0..7, argument bits 8..31);
//   - every jump argument is an instruction index < code.size(); the last
//     instruction never falls through (RETURN_VALUE, RERAISE, a jump, ...);
//   - exception_table entries are sorted by start, do not overlap, and have
//     start < end <= code.size(), target < code.size(), depth + push_lasti + 1
//     <= co_stacksize;
//   - co_stacksize is the maximum stack depth reached on any path through
//     the code, exception handlers entered from the table included;
//   - co_consts[0] of a function (not a lambda, class body, module or
//     comprehension) is its docstring, or None when it has none: `__doc__`
//     of the function object is co_consts[0] when that is a str;
//   - co_cellvars lists every cell variable, sorted as CPython sorts them;
//     cell2arg[i] is the co_varnames index of co_cellvars[i] when it is also
//     a parameter (MAKE_CELL then wraps the argument's value), else -1.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace tern::compiler {

struct CodeUnit;

// A compile-time constant (an element of co_consts).
struct Constant {
  enum class Kind : uint8_t {
    None,
    Ellipsis,
    True,
    False,
    Int,        // text: decimal digits, optional leading '-', any size
    Float,      // real
    Complex,    // real + imag j (a literal `2j` has real 0.0)
    Str,        // text: UTF-8; lone surrogates in generalized UTF-8 (3 bytes each)
    Bytes,      // text: the bytes
    Tuple,      // items
    FrozenSet,  // items (deduplicated, in the order the code generator met them)
    Code,       // code: a nested code object
  };
  Kind kind = Kind::None;
  std::string text;
  double real = 0;
  double imag = 0;
  std::vector<Constant> items;
  std::shared_ptr<CodeUnit> code;

  static Constant none() { return Constant{}; }
  static Constant ellipsis() { return of(Kind::Ellipsis); }
  static Constant boolean(bool b) { return of(b ? Kind::True : Kind::False); }
  static Constant integer(std::string digits) { return of(Kind::Int, std::move(digits)); }
  static Constant floating(double d) {
    Constant c = of(Kind::Float);
    c.real = d;
    return c;
  }
  static Constant complex(double real, double imag) {
    Constant c = of(Kind::Complex);
    c.real = real;
    c.imag = imag;
    return c;
  }
  static Constant str(std::string utf8) { return of(Kind::Str, std::move(utf8)); }
  static Constant bytes(std::string data) { return of(Kind::Bytes, std::move(data)); }
  static Constant tuple(std::vector<Constant> items) {
    Constant c = of(Kind::Tuple);
    c.items = std::move(items);
    return c;
  }
  static Constant frozenset(std::vector<Constant> items) {
    Constant c = of(Kind::FrozenSet);
    c.items = std::move(items);
    return c;
  }
  static Constant code_unit(std::shared_ptr<CodeUnit> code) {
    Constant c = of(Kind::Code);
    c.code = std::move(code);
    return c;
  }
  static Constant of(Kind kind, std::string text = {}) {
    Constant c;
    c.kind = kind;
    c.text = std::move(text);
    return c;
  }

  bool is_str() const { return kind == Kind::Str; }
};

// CPython's co_flags bits, with CPython's values.
inline constexpr uint32_t CO_OPTIMIZED = 0x0001;
inline constexpr uint32_t CO_NEWLOCALS = 0x0002;
inline constexpr uint32_t CO_VARARGS = 0x0004;
inline constexpr uint32_t CO_VARKEYWORDS = 0x0008;
inline constexpr uint32_t CO_NESTED = 0x0010;
inline constexpr uint32_t CO_GENERATOR = 0x0020;
inline constexpr uint32_t CO_NOFREE = 0x0040;
inline constexpr uint32_t CO_COROUTINE = 0x0080;
inline constexpr uint32_t CO_ITERABLE_COROUTINE = 0x0100;
inline constexpr uint32_t CO_ASYNC_GENERATOR = 0x0200;
// `from __future__` features recorded in co_flags (as CPython does, so
// compile()'s flag inheritance and `__future__` introspection work).  Only
// the last two change anything; compile() accepts the others in `flags`
// and records them too.
inline constexpr uint32_t CO_FUTURE_DIVISION = 0x20000;
inline constexpr uint32_t CO_FUTURE_ABSOLUTE_IMPORT = 0x40000;
inline constexpr uint32_t CO_FUTURE_WITH_STATEMENT = 0x80000;
inline constexpr uint32_t CO_FUTURE_PRINT_FUNCTION = 0x100000;
inline constexpr uint32_t CO_FUTURE_UNICODE_LITERALS = 0x200000;
inline constexpr uint32_t CO_FUTURE_BARRY_AS_BDFL = 0x400000;
inline constexpr uint32_t CO_FUTURE_GENERATOR_STOP = 0x800000;
inline constexpr uint32_t CO_FUTURE_ANNOTATIONS = 0x1000000;
// Every CO_FUTURE_* bit (CPython's PyCF_MASK): what compile() passes on
// from its `flags` and inherits from the calling code.
inline constexpr uint32_t kFutureFlagsMask = CO_FUTURE_DIVISION | CO_FUTURE_ABSOLUTE_IMPORT |
                                             CO_FUTURE_WITH_STATEMENT | CO_FUTURE_PRINT_FUNCTION |
                                             CO_FUTURE_UNICODE_LITERALS | CO_FUTURE_BARRY_AS_BDFL |
                                             CO_FUTURE_GENERATOR_STOP | CO_FUTURE_ANNOTATIONS;

// Kinds of localsplus slots (CPython's CO_FAST_*).
inline constexpr uint8_t CO_FAST_LOCAL = 0x20;
inline constexpr uint8_t CO_FAST_CELL = 0x40;
inline constexpr uint8_t CO_FAST_FREE = 0x80;

// One entry of the exception table (see opcodes.def, EXCEPTIONS): an
// exception raised by an instruction in [start, end) unwinds the stack to
// `depth` items, pushes the raising instruction's index if push_lasti, then
// the exception, and jumps to `target`.  Indices are instruction indices.
struct ExceptionTableEntry {
  uint32_t start = 0;
  uint32_t end = 0;  // exclusive
  uint32_t target = 0;
  uint32_t depth = 0;
  bool push_lasti = false;
};

// Source range of one instruction, as co_positions() reports it: lines are
// 1-based, columns 0-based UTF-8 byte offsets; -1 stands for None (an
// artificial instruction with no location, where CPython reports None).
struct InstrPosition {
  int lineno = -1;
  int end_lineno = -1;
  int col_offset = -1;
  int end_col_offset = -1;
};

struct CodeUnit {
  std::string co_name;
  std::string co_qualname;
  std::string co_filename;
  int co_firstlineno = 1;
  int co_argcount = 0;  // positional parameters, positional-only included
  int co_posonlyargcount = 0;
  int co_kwonlyargcount = 0;
  uint32_t co_flags = 0;
  int co_stacksize = 0;

  std::vector<std::string> co_names;     // globals, attributes, imported names (UTF-8)
  std::vector<std::string> co_varnames;  // fast locals: parameters first, then other locals
  std::vector<std::string> co_cellvars;  // see the header comment
  std::vector<std::string> co_freevars;  // names of the closure's cells, in closure order
  std::vector<int> cell2arg;             // per co_cellvars entry: co_varnames index or -1
  std::vector<Constant> co_consts;

  std::vector<uint32_t> code;                        // the instructions
  std::vector<InstrPosition> positions;              // one per instruction
  std::vector<ExceptionTableEntry> exception_table;  // sorted by start

  int co_nlocals() const { return static_cast<int>(co_varnames.size()); }

  // The names of the frame's localsplus slots (opcodes.def, LOCALSPLUS):
  // co_varnames, then the cell variables that are not parameters, then
  // co_freevars.
  std::vector<std::string> localsplus_names() const {
    std::vector<std::string> names = co_varnames;
    for (size_t i = 0; i < co_cellvars.size(); ++i) {
      if (i >= cell2arg.size() || cell2arg[i] < 0) names.push_back(co_cellvars[i]);
    }
    names.insert(names.end(), co_freevars.begin(), co_freevars.end());
    return names;
  }
  // CO_FAST_* kind of each localsplus slot (a cell parameter is LOCAL|CELL).
  std::vector<uint8_t> localsplus_kinds() const {
    std::vector<uint8_t> kinds(co_varnames.size(), CO_FAST_LOCAL);
    for (size_t i = 0; i < co_cellvars.size(); ++i) {
      if (i < cell2arg.size() && cell2arg[i] >= 0) {
        kinds[static_cast<size_t>(cell2arg[i])] |= CO_FAST_CELL;
      } else {
        kinds.push_back(CO_FAST_CELL);
      }
    }
    kinds.insert(kinds.end(), co_freevars.size(), CO_FAST_FREE);
    return kinds;
  }
  // Index in localsplus of the slot named `name` among cells and frees, -1 if none.
  int localsplus_index(const std::string& name) const {
    std::vector<std::string> names = localsplus_names();
    for (size_t i = 0; i < names.size(); ++i) {
      if (names[i] == name) return static_cast<int>(i);
    }
    return -1;
  }
};

}  // namespace tern::compiler
