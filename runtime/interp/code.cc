// code: code objects from CodeUnits (code.h), and their Python surface.
#include "runtime/interp/code.h"

#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"  // code_unit.h's designated initialisers
#include "runtime/compiler/code_unit.h"
#pragma GCC diagnostic pop
#include "runtime/interp/errors.h"
#include "runtime/interp/opcodes.h"
#include "runtime/interp/position_table.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/bytes.h"
#include "runtime/objects/complex.h"
#include "runtime/objects/set.h"
#include "runtime/objects/float.h"
#include "runtime/objects/int.h"
#include "runtime/objects/list.h"
#include "runtime/objects/rawbytes.h"
#include "runtime/objects/native.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"

namespace tern {

namespace {

constexpr size_t align8(size_t n) { return (n + 7) & ~size_t{7}; }

// Identifier-like strings are interned, as CPython interns all-name-character
// constants.
bool looksLikeIdentifier(const std::string& s) {
  for (char c : s) {
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

Value bytesFromData(const void* data, size_t n) {
  return newBytes(data, static_cast<int64_t>(n));
}

// An int constant's decimal text.  A decimal literal was held to
// sys.get_int_max_str_digits() by the parser; one written in hexadecimal,
// octal or binary is not limited (CPython converts it without decimal), so
// its text converts with the limit off.
Value intConstant(const std::string& text) {
  size_t limit = g_int_max_str_digits;
  g_int_max_str_digits = 0;
  Value v = intFromString(text, 10);
  g_int_max_str_digits = limit;
  return v;
}

Value makeConstant(const compiler::Constant& c) {
  using Kind = compiler::Constant::Kind;
  switch (c.kind) {
    case Kind::None: return None();
    case Kind::Ellipsis: return Value(singletons::Ellipsis);
    case Kind::True: return True();
    case Kind::False: return False();
    case Kind::Int:
      return intConstant(c.text);
    case Kind::Float: return newFloat(c.real);
    case Kind::Complex: {
      return newComplex(c.real, c.imag);
    }
    case Kind::Str: return looksLikeIdentifier(c.text) ? internStr(c.text) : newStr(c.text);
    case Kind::Bytes: return bytesFromData(c.text.data(), c.text.size());
    case Kind::Tuple:
    case Kind::FrozenSet: {
      Value t = newTuple(static_cast<int64_t>(c.items.size()));
      for (size_t i = 0; i < c.items.size(); ++i) {
        Value item = makeConstant(c.items[i]);
        if (item.isNull()) return item;
        tupleInit(t, static_cast<int64_t>(i), item);
      }
      if (c.kind == Kind::Tuple) return t;
      return newFrozenSet(t);
    }
    case Kind::Code: return newCode(*c.code);
  }
  return raiseSystemError("newCode", "unknown constant kind");
}

Value strTuple(const std::vector<std::string>& names) {
  Value t = newTuple(static_cast<int64_t>(names.size()));
  for (size_t i = 0; i < names.size(); ++i) tupleInit(t, static_cast<int64_t>(i), internStr(names[i]));
  return t;
}

const uint32_t kCodeFields[] = {
    offsetof(Obj, ob_type),          offsetof(CodeObj, consts),   offsetof(CodeObj, names),
    offsetof(CodeObj, localsplusnames), offsetof(CodeObj, varnames), offsetof(CodeObj, cellvars),
    offsetof(CodeObj, freevars),     offsetof(CodeObj, filename), offsetof(CodeObj, name),
    offsetof(CodeObj, qualname),     offsetof(CodeObj, cache),    offsetof(CodeObj, co_code),
    offsetof(CodeObj, lines),
};
const gc::Layout kCodeLayout = {.name = "code", .fields = kCodeFields};

CodeObj* self(Value* args) { return asCode(args[0]); }

// --- attributes ----------------------------------------------------------------

Value code_get_co_code(Value v) {
  CodeObj* c = asCode(v);
  if (c->co_code.get().isNull()) {
    // Little-endian instruction words, as the raw bytes of co_code.
    std::string raw(reinterpret_cast<const char*>(c->code()), c->ninstr * sizeof(uint32_t));
    Value b = bytesFromData(raw.data(), raw.size());
    if (b.isNull()) return b;
    c->co_code.set(b);
  }
  return c->co_code.get();
}
// co_linetable, co_exceptiontable and co_lnotab use CPython 3.11's encodings
// with one Tern instruction as the code unit (so byte offsets are
// 2 * instruction index, as in co_lines; docs/differences.md).

// 6-bit chunks, least significant first, 0x40 = more follow (locations).
void putVarint(std::string& out, uint32_t v) {
  while (v >= 64) {
    out.push_back(static_cast<char>(0x40 | (v & 63)));
    v >>= 6;
  }
  out.push_back(static_cast<char>(v));
}
void putSignedVarint(std::string& out, int32_t v) {
  putVarint(out, v < 0 ? ((static_cast<uint32_t>(-v) << 1) | 1) : (static_cast<uint32_t>(v) << 1));
}

Value code_get_co_linetable(Value v) {
  CodeObj* c = asCode(v);
  std::string out;
  int32_t prev_line = c->firstlineno;
  std::vector<InstrPosition> positions = codePositions(c);
  uint32_t i = 0;
  while (i < c->ninstr) {
    InstrPosition p = positions[i];
    uint32_t j = i + 1;
    while (j < c->ninstr && j - i < 8 && std::memcmp(&positions[j], &p, sizeof p) == 0) ++j;
    uint32_t len = j - i;
    if (p.lineno < 0) {
      out.push_back(static_cast<char>(0x80 | (15 << 3) | (len - 1)));  // no location
    } else {
      out.push_back(static_cast<char>(0x80 | (14 << 3) | (len - 1)));  // long form
      putSignedVarint(out, p.lineno - prev_line);
      putVarint(out, static_cast<uint32_t>(p.end_lineno < 0 ? 0 : p.end_lineno - p.lineno));
      putVarint(out, static_cast<uint32_t>(p.col + 1));
      putVarint(out, static_cast<uint32_t>(p.end_col + 1));
      prev_line = p.lineno;
    }
    i = j;
  }
  return bytesFromData(out.data(), out.size());
}

// 6-bit chunks, most significant first, 0x40 = more follow; 0x80 marks the
// first byte of an entry.
void putExceptionVarint(std::string& out, uint32_t v, bool first) {
  int shift = 0;
  while ((v >> shift) >= 64) shift += 6;
  for (; shift >= 0; shift -= 6) {
    char b = static_cast<char>((v >> shift) & 63);
    if (shift > 0) b |= 0x40;
    if (first) b |= static_cast<char>(0x80);
    first = false;
    out.push_back(b);
  }
}

Value code_get_co_exceptiontable(Value v) {
  CodeObj* c = asCode(v);
  std::string out;
  for (uint32_t k = 0; k < c->nexc; ++k) {
    const ExceptionTableEntry& e = c->exceptionTable()[k];
    putExceptionVarint(out, e.start, true);
    putExceptionVarint(out, e.end - e.start, false);
    putExceptionVarint(out, e.target, false);
    putExceptionVarint(out, (static_cast<uint32_t>(e.depth) << 1) | e.push_lasti, false);
  }
  return bytesFromData(out.data(), out.size());
}

Value code_get_co_lnotab(Value v) {
  // (byte offset increment, line increment) pairs over co_lines' ranges,
  // split into steps that fit a byte (unsigned / signed).
  CodeObj* c = asCode(v);
  std::string out;
  int64_t addr = 0, line = c->firstlineno;
  std::vector<InstrPosition> positions = codePositions(c);
  uint32_t i = 0;
  while (i < c->ninstr) {
    int32_t l = positions[i].lineno;
    uint32_t j = i + 1;
    while (j < c->ninstr && positions[j].lineno == l) ++j;
    if (l >= 0 && l != line) {
      int64_t daddr = 2 * static_cast<int64_t>(i) - addr, dline = l - line;
      while (daddr > 255) {
        out.push_back(static_cast<char>(255));
        out.push_back(0);
        daddr -= 255;
      }
      while (dline > 127 || dline < -128) {
        int64_t step = dline > 0 ? 127 : -128;
        out.push_back(static_cast<char>(daddr));
        out.push_back(static_cast<char>(static_cast<int8_t>(step)));
        daddr = 0;
        dline -= step;
      }
      out.push_back(static_cast<char>(daddr));
      out.push_back(static_cast<char>(static_cast<int8_t>(dline)));
      addr = 2 * static_cast<int64_t>(i);
      line = l;
    }
    i = j;
  }
  return bytesFromData(out.data(), out.size());
}

Value code_co_lines(Value* args) {
  // (start, end, line) triples in byte offsets (2 * instruction index, as
  // CPython), merging consecutive instructions on the same line.
  CodeObj* c = self(args);
  Value list = newList();
  uint32_t n = c->ninstr;
  std::vector<InstrPosition> positions = codePositions(c);
  uint32_t i = 0;
  while (i < n) {
    int line = positions[i].lineno;
    uint32_t j = i + 1;
    while (j < n && positions[j].lineno == line) ++j;
    Value l = line < 0 ? None() : newInt(line);
    Value t = newTupleOf({newInt(2 * i), newInt(2 * j), l});
    if (!listAppend(list, t)) return Value();
    i = j;
  }
  return getIter(list);
}

// code.replace(**changes): a copy with some fields changed.  The raw arrays
// (instructions, exception table, positions) are copied unchanged, so the
// fields they depend on (co_code, co_linetable, co_exceptiontable, the names
// of locals) may only be "replaced" by their current values
// (docs/differences.md).
Value code_replace(Value* args) {
  enum { kArgcount = 1, kPosonly, kKwonly, kNlocals, kStacksize, kFlags, kFirstlineno, kCode, kConsts, kNames,
         kVarnames, kFreevars, kCellvars, kFilename, kName, kQualname, kLinetable, kExceptiontable };
  static const char* const kIntNames[] = {"co_argcount", "co_posonlyargcount", "co_kwonlyargcount", "co_nlocals",
                                          "co_stacksize", "co_flags", "co_firstlineno"};
  int64_t ints[7];
  for (int k = 0; k < 7; ++k) {
    Value v = args[kArgcount + k];
    if (v.isNull()) continue;
    if (!isInt(v)) {
      return raisef(exc::TypeError, "replace() argument '%s' must be int, not %s", kIntNames[k], typeNameOf(v).c_str());
    }
    if (!intToInt64(v, &ints[k])) return Value();
    if (ints[k] < 0 || ints[k] > INT32_MAX) return raisef(exc::ValueError, "code: %s must not be negative", kIntNames[k]);
  }
  struct TupleArg { int index; const char* name; gc::HeapValue CodeObj::*field; };
  static const TupleArg kTuples[] = {{kConsts, "co_consts", &CodeObj::consts}, {kNames, "co_names", &CodeObj::names},
                                     {kVarnames, "co_varnames", &CodeObj::varnames},
                                     {kFreevars, "co_freevars", &CodeObj::freevars},
                                     {kCellvars, "co_cellvars", &CodeObj::cellvars}};
  for (const TupleArg& t : kTuples) {
    Value v = args[t.index];
    if (!v.isNull() && !isExactTuple(v)) {
      return raisef(exc::TypeError, "replace() argument '%s' must be tuple, not %s", t.name, typeNameOf(v).c_str());
    }
  }
  for (int k : {kFilename, kName, kQualname}) {
    Value v = args[k];
    static const char* const kStrNames[] = {"co_filename", "co_name", "co_qualname"};
    if (!v.isNull() && !isStr(v)) {
      return raisef(exc::TypeError, "replace() argument '%s' must be str, not %s", kStrNames[k - kFilename],
                    typeNameOf(v).c_str());
    }
  }
  // What the raw arrays depend on must stay as it is.
  struct Fixed { int index; const char* name; Value (*get)(Value); };
  const Fixed kFixed[] = {{kCode, "co_code", code_get_co_code},
                          {kLinetable, "co_linetable", code_get_co_linetable},
                          {kExceptiontable, "co_exceptiontable", code_get_co_exceptiontable}};
  for (const Fixed& f : kFixed) {
    if (args[f.index].isNull()) continue;
    Value cur = f.get(args[0]);
    if (cur.isNull()) return cur;
    int eq = richCompareBool(cur, args[f.index], kEq);
    if (eq < 0) return Value();
    if (!eq) return raisef(exc::ValueError, "code.replace(): changing %s is not supported by Tern", f.name);
  }
  // A code object without instructions (the C API's PyCode_NewEmpty) runs
  // nothing: its locals may be renamed and counted freely (Cython does).
  bool runs = asCode(args[0])->ninstr != 0;
  for (int k : {kVarnames, kFreevars, kCellvars}) {
    Value v = args[k];
    if (v.isNull() || !runs) continue;
    const TupleArg& t = kTuples[k - kConsts];
    int eq = richCompareBool(asCode(args[0])->*(t.field), v, kEq);
    if (eq < 0) return Value();
    if (!eq) return raisef(exc::ValueError, "code.replace(): changing %s is not supported by Tern", t.name);
  }
  if (runs && !args[kNlocals].isNull() && ints[kNlocals - kArgcount] != asCode(args[0])->nlocals) {
    return raise(exc::ValueError, "code.replace(): changing co_nlocals is not supported by Tern");
  }

  size_t total = asCode(args[0])->sizeBytes();
  auto* c = static_cast<CodeObj*>(newObjectOld(types::code_type, total));
  CodeObj* old = asCode(args[0]);  // code objects never move: still valid
  for (gc::HeapValue CodeObj::*f : {&CodeObj::consts, &CodeObj::names, &CodeObj::localsplusnames, &CodeObj::varnames,
                                    &CodeObj::cellvars, &CodeObj::freevars, &CodeObj::filename, &CodeObj::name,
                                    &CodeObj::qualname}) {
    (c->*f).set((old->*f).get());
  }
  size_t raw = offsetof(CodeObj, argcount);
  std::memcpy(reinterpret_cast<char*>(c) + raw, reinterpret_cast<const char*>(old) + raw, total - raw);
  int32_t* int_fields[] = {&c->argcount, &c->posonlyargcount, &c->kwonlyargcount, &c->nlocals,
                           &c->stacksize, nullptr,  &c->firstlineno};
  for (int k = 0; k < 7; ++k) {
    if (args[kArgcount + k].isNull()) continue;
    if (int_fields[k] != nullptr) {
      *int_fields[k] = static_cast<int32_t>(ints[k]);
    } else {
      c->flags = static_cast<uint32_t>(ints[k]);
    }
  }
  for (const TupleArg& t : kTuples) {
    if (!args[t.index].isNull()) (c->*(t.field)).set(args[t.index]);
  }
  if (!args[kFilename].isNull()) c->filename.set(args[kFilename]);
  if (!args[kName].isNull()) c->name.set(args[kName]);
  if (!args[kQualname].isNull()) c->qualname.set(args[kQualname]);
  return Value(static_cast<Obj*>(c));
}

Value optionalInt(int v) { return v < 0 ? None() : newInt(v); }

Value code_co_positions(Value* args) {
  CodeObj* c = asCode(args[0]);  // code objects never move
  Value list = newList();
  std::vector<InstrPosition> positions = codePositions(c);
  for (uint32_t i = 0; i < c->ninstr; ++i) {
    InstrPosition p = positions[i];
    Value t = newTupleOf({optionalInt(p.lineno), optionalInt(p.end_lineno), optionalInt(p.col),
                          optionalInt(p.end_col)});
    // CPython yields one entry per code unit: an instruction and its caches.
    if (!listAppend(list, t)) return Value();
  }
  return getIter(list);
}

// code._varname_from_oparg(oparg): the name of local slot `oparg` (an
// index into co_varnames + non-argument cells + frees), as dis names the
// operands of LOAD_FAST, LOAD_DEREF and friends.
Value code__varname_from_oparg(Value* args) {
  int64_t oparg;
  if (!indexToInt64(args[1], &oparg, exc::OverflowError)) return Value();
  Value names = asCode(args[0])->localsplusnames.get();
  if (oparg < 0 || oparg >= tupleLength(names)) return raise(exc::IndexError, "tuple index out of range");
  return tupleItem(names, oparg);
}

Value code_repr(Value v) {
  CodeObj* c = asCode(v);
  char addr[32];
  std::snprintf(addr, sizeof addr, "%p", reinterpret_cast<void*>(gc::identity(c)));
  // The file name in double quotes, as written: no repr (CPython's code_repr).
  Value fname = c->filename.get();
  return newStr("<code object " + strToUtf8(c->name.get()) + " at " + addr + ", file \"" +
                (isStr(fname) ? strToUtf8(fname) : std::string("???")) + "\", line " +
                std::to_string(c->firstlineno) + ">");
}

int codeEquals(CodeObj* a, CodeObj* b);

// Are two constants the same constant, as CPython's _PyCode_ConstantKey sees
// it: of one type, and equal — 0.0 and -0.0, 1 and 1.0 and True differ —
// item by item for tuples and frozensets, by codeEquals for code.  1, 0, or
// -1 with an exception pending.
int constantsEqual(Value a, Value b) {
  if (a == b) return 1;
  Type* t = typeOf(a);
  if (t != typeOf(b)) return 0;
  auto same = [](double x, double y) { return x == y && std::signbit(x) == std::signbit(y); };
  if (t == types::float_type) return same(floatValue(a), floatValue(b));
  if (t == types::complex_type) {
    auto *x = static_cast<ComplexObj*>(a.asObject()), *y = static_cast<ComplexObj*>(b.asObject());
    return same(x->real, y->real) && same(x->imag, y->imag);
  }
  if (t == types::tuple_type) {
    if (tupleLength(a) != tupleLength(b)) return 0;
    for (int64_t i = 0; i < tupleLength(a); ++i) {
      int r = constantsEqual(tupleItem(a, i), tupleItem(b, i));
      if (r != 1) return r;
    }
    return 1;
  }
  if (t == types::frozenset_type) {  // small sets (`x in {1, 2}`): each item of a matched in b
    if (setSize(a) != setSize(b)) return 0;
    Value x, y;
    for (int64_t i = 0; setNext(a, &i, &x);) {
      int found = 0;
      for (int64_t j = 0; found == 0 && setNext(b, &j, &y);) found = constantsEqual(x, y);
      if (found != 1) return found;
    }
    return 1;
  }
  if (t == types::code_type) return codeEquals(asCode(a), asCode(b));
  if (t == types::int_type || t == types::str_type || t == types::bytes_type) return richCompareBool(a, b, kEq);
  return 0;  // other constants are equal only to themselves
}

// code == code, as CPython compares: name, argument counts, flags, first
// line, instructions, constants, names, locals, positions and exception table.
int codeEquals(CodeObj* a, CodeObj* b) {
  if (a == b) return 1;
  if (a->argcount != b->argcount || a->posonlyargcount != b->posonlyargcount ||
      a->kwonlyargcount != b->kwonlyargcount || a->flags != b->flags || a->firstlineno != b->firstlineno ||
      a->ninstr != b->ninstr || a->nexc != b->nexc || a->nlocalsplus != b->nlocalsplus ||
      std::memcmp(a->code(), b->code(), a->ninstr * sizeof(uint32_t)) != 0 ||
      a->pos_size != b->pos_size || std::memcmp(a->positionTable(), b->positionTable(), a->pos_size) != 0 ||
      std::memcmp(a->kinds(), b->kinds(), static_cast<size_t>(a->nlocalsplus)) != 0) {
    return 0;
  }
  for (uint32_t i = 0; i < a->nexc; ++i) {
    const ExceptionTableEntry &x = a->exceptionTable()[i], &y = b->exceptionTable()[i];
    if (x.start != y.start || x.end != y.end || x.target != y.target || x.depth != y.depth ||
        x.push_lasti != y.push_lasti) {
      return 0;
    }
  }
  for (gc::HeapValue CodeObj::*f : {&CodeObj::name, &CodeObj::names, &CodeObj::localsplusnames, &CodeObj::consts}) {
    int r = constantsEqual((a->*f).get(), (b->*f).get());
    if (r != 1) return r;
  }
  return 1;
}

Value code_richcompare(Value a, Value b, int op) {
  if ((op != kEq && op != kNe) || !isCode(b)) return NotImplemented();
  int eq = codeEquals(asCode(a), asCode(b));
  if (eq < 0) return Value();
  return Bool(op == kEq ? eq == 1 : eq != 1);
}

// Consistent with codeEquals: from fields equal code objects share.
int64_t code_hash(Value v) {
  CodeObj* c = asCode(v);
  uint64_t h = static_cast<uint64_t>(strHash(c->name.get()));
  for (uint64_t x : {uint64_t{c->ninstr}, uint64_t{c->flags}, static_cast<uint64_t>(c->argcount),
                     static_cast<uint64_t>(c->firstlineno)})
    h = (h ^ x) * 0x100000001b3u;
  for (uint32_t i = 0; i < c->ninstr; ++i) h = (h ^ c->code()[i]) * 0x100000001b3u;
  auto r = static_cast<int64_t>(h >> 1);
  return r == -1 ? -2 : r;
}


Value code_get_co_argcount(Value v) { return newInt(asCode(v)->argcount); }
Value code_get_co_posonlyargcount(Value v) { return newInt(asCode(v)->posonlyargcount); }
Value code_get_co_kwonlyargcount(Value v) { return newInt(asCode(v)->kwonlyargcount); }
Value code_get_co_nlocals(Value v) { return newInt(asCode(v)->nlocals); }
Value code_get_co_stacksize(Value v) { return newInt(asCode(v)->stacksize); }
Value code_get_co_flags(Value v) { return newInt(asCode(v)->flags); }
Value code_get_co_firstlineno(Value v) { return newInt(asCode(v)->firstlineno); }
Value code_get_co_consts(Value v) { return asCode(v)->consts.get(); }
Value code_get_co_names(Value v) { return asCode(v)->names.get(); }
Value code_get_co_varnames(Value v) { return asCode(v)->varnames.get(); }
Value code_get_co_cellvars(Value v) { return asCode(v)->cellvars.get(); }
Value code_get_co_freevars(Value v) { return asCode(v)->freevars.get(); }
Value code_get_co_filename(Value v) { return asCode(v)->filename.get(); }
Value code_get_co_name(Value v) { return asCode(v)->name.get(); }
Value code_get_co_qualname(Value v) { return asCode(v)->qualname.get(); }

const GetSetDef kCodeGetSets[] = {
    {.name = "co_argcount", .get = code_get_co_argcount},
    {.name = "co_posonlyargcount", .get = code_get_co_posonlyargcount},
    {.name = "co_kwonlyargcount", .get = code_get_co_kwonlyargcount},
    {.name = "co_nlocals", .get = code_get_co_nlocals},
    {.name = "co_stacksize", .get = code_get_co_stacksize},
    {.name = "co_flags", .get = code_get_co_flags},
    {.name = "co_firstlineno", .get = code_get_co_firstlineno},
    {.name = "co_consts", .get = code_get_co_consts},
    {.name = "co_names", .get = code_get_co_names},
    {.name = "co_varnames", .get = code_get_co_varnames},
    {.name = "co_cellvars", .get = code_get_co_cellvars},
    {.name = "co_freevars", .get = code_get_co_freevars},
    {.name = "co_filename", .get = code_get_co_filename},
    {.name = "co_name", .get = code_get_co_name},
    {.name = "co_qualname", .get = code_get_co_qualname},
    {.name = "co_code", .get = code_get_co_code},
    {.name = "_co_code_adaptive", .get = code_get_co_code},
    {.name = "co_lnotab", .get = code_get_co_lnotab},
    {.name = "co_linetable", .get = code_get_co_linetable},
    {.name = "co_exceptiontable", .get = code_get_co_exceptiontable},
};

const MethodDef kCodeMethods[] = {
    {.name = "co_lines", .signature = "($self, /)", .fn = code_co_lines},
    {.name = "co_positions", .signature = "($self, /)", .fn = code_co_positions},
    {.name = "replace",
     .signature = "($self, /, *, co_argcount=<unrepresentable>, co_posonlyargcount=<unrepresentable>, "
                  "co_kwonlyargcount=<unrepresentable>, co_nlocals=<unrepresentable>, "
                  "co_stacksize=<unrepresentable>, co_flags=<unrepresentable>, co_firstlineno=<unrepresentable>, "
                  "co_code=<unrepresentable>, co_consts=<unrepresentable>, co_names=<unrepresentable>, "
                  "co_varnames=<unrepresentable>, co_freevars=<unrepresentable>, co_cellvars=<unrepresentable>, "
                  "co_filename=<unrepresentable>, co_name=<unrepresentable>, co_qualname=<unrepresentable>, "
                  "co_linetable=<unrepresentable>, co_exceptiontable=<unrepresentable>)",
     .fn = code_replace,
     .doc = "Return a copy of the code object with new values for the specified fields."},
    {.name = "_varname_from_oparg",
     .signature = "($self, /, oparg)",
     .fn = code__varname_from_oparg,
     .doc = "(internal-only) Return the local variable name for the given oparg.\n\n"
            "WARNING: this method is for internal use only and may change or go away."},
};

const TypeSpec kCodeSpec = {
    .name = "code",
    .type = &types::code_type,
    .layout = &kCodeLayout,
    .basic_size = sizeof(CodeObj),
    .slots = {.tp_repr = code_repr, .tp_hash = code_hash, .tp_richcompare = code_richcompare},
    .methods = kCodeMethods,
    .getsets = kCodeGetSets,
    .doc = "Create a code object.  Not for the faint of heart.",
    .weakrefable = true,
};
TERN_REGISTER_TYPE(kCodeSpec);

}  // namespace

Value newCode(const compiler::CodeUnit& unit) {
  // Everything that allocates comes first; the object is filled last.
  Value consts = newTuple(static_cast<int64_t>(unit.co_consts.size()));
  for (size_t i = 0; i < unit.co_consts.size(); ++i) {
    Value c = makeConstant(unit.co_consts[i]);
    if (c.isNull()) return c;
    tupleInit(consts, static_cast<int64_t>(i), c);
  }
  Value names = strTuple(unit.co_names);
  std::vector<std::string> lp_names = unit.localsplus_names();
  std::vector<uint8_t> kinds = unit.localsplus_kinds();
  Value localsplusnames = strTuple(lp_names);
  Value varnames = strTuple(unit.co_varnames);
  Value cellvars = strTuple(unit.co_cellvars);
  Value freevars = strTuple(unit.co_freevars);
  Value filename = internStr(unit.co_filename);
  Value name = internStr(unit.co_name);
  Value qualname = internStr(unit.co_qualname);

  size_t ninstr = unit.code.size();
  size_t nexc = unit.exception_table.size();
  std::vector<InstrPosition> positions(ninstr, InstrPosition{-1, -1, -1, -1});
  for (size_t i = 0; i < ninstr && i < unit.positions.size(); ++i) {
    const compiler::InstrPosition& p = unit.positions[i];
    positions[i] = InstrPosition{p.lineno, p.end_lineno, p.col_offset, p.end_col_offset};
  }
  std::string table = encodePositionTable(positions.data(), static_cast<uint32_t>(ninstr));
  CodeObj* c = allocateCode(static_cast<uint32_t>(ninstr), static_cast<uint32_t>(nexc),
                            static_cast<uint32_t>(table.size()), static_cast<uint32_t>(kinds.size()));
  c->consts.set(consts);
  c->names.set(names);
  c->localsplusnames.set(localsplusnames);
  c->varnames.set(varnames);
  c->cellvars.set(cellvars);
  c->freevars.set(freevars);
  c->filename.set(filename);
  c->name.set(name);
  c->qualname.set(qualname);
  c->argcount = unit.co_argcount;
  c->posonlyargcount = unit.co_posonlyargcount;
  c->kwonlyargcount = unit.co_kwonlyargcount;
  c->nlocals = unit.co_nlocals();
  c->nlocalsplus = static_cast<int32_t>(lp_names.size());
  c->ncells = static_cast<int32_t>(unit.co_cellvars.size());
  c->nfrees = static_cast<int32_t>(unit.co_freevars.size());
  c->stacksize = unit.co_stacksize;
  c->flags = unit.co_flags;
  c->firstlineno = unit.co_firstlineno;
  if (ninstr != 0) std::memcpy(c->bytes() + c->code_offset, unit.code.data(), ninstr * sizeof(uint32_t));
  auto* exc = reinterpret_cast<ExceptionTableEntry*>(c->bytes() + c->exc_offset);
  for (size_t i = 0; i < nexc; ++i) {
    const compiler::ExceptionTableEntry& e = unit.exception_table[i];
    exc[i].start = e.start;
    exc[i].end = e.end;
    exc[i].target = e.target;
    exc[i].depth = e.depth;
    exc[i].push_lasti = e.push_lasti ? 1 : 0;
  }
  std::memcpy(c->bytes() + c->pos_offset, table.data(), table.size());
  if (!kinds.empty()) std::memcpy(c->bytes() + c->kinds_offset, kinds.data(), kinds.size());
  return Value(static_cast<Obj*>(c));
}

CodeObj* allocateCode(uint32_t ninstr, uint32_t nexc, uint32_t pos_size, uint32_t nlocalsplus) {
  size_t code_offset = align8(sizeof(CodeObj));
  size_t exc_offset = align8(code_offset + ninstr * sizeof(uint32_t));
  size_t pos_offset = align8(exc_offset + nexc * sizeof(ExceptionTableEntry));
  size_t kinds_offset = align8(pos_offset + pos_size);
  size_t total = align8(kinds_offset + nlocalsplus);
  auto* c = static_cast<CodeObj*>(newObjectOld(types::code_type, total));
  c->ninstr = ninstr;
  c->nexc = nexc;
  c->nlocalsplus = static_cast<int32_t>(nlocalsplus);
  c->code_offset = static_cast<uint32_t>(code_offset);
  c->exc_offset = static_cast<uint32_t>(exc_offset);
  c->pos_offset = static_cast<uint32_t>(pos_offset);
  c->pos_size = pos_size;
  c->kinds_offset = static_cast<uint32_t>(kinds_offset);
  return c;
}

int codeLine(CodeObj* code, int64_t index) {
  if (index < 0 || index >= static_cast<int64_t>(code->ninstr)) return code->firstlineno;
  if (code->lines.get().isNull()) {
    Value block = newRawBytes(size_t{code->ninstr} * sizeof(int32_t));  // code objects never move
    if (block.isNull()) {  // no room: decode just this one
      clearError();
      return codePosition(code, static_cast<uint32_t>(index)).lineno;
    }
    auto* lines = reinterpret_cast<int32_t*>(rawBytesData(block));
    PositionReader reader(code);
    for (uint32_t i = 0; i < code->ninstr; ++i) lines[i] = reader.next().lineno;
    code->lines.set(block);
  }
  return reinterpret_cast<const int32_t*>(rawBytesData(code->lines.get()))[index];
}

const ExceptionTableEntry* codeFindHandler(const CodeObj* code, int64_t index) {
  // Entries are sorted and disjoint: binary search on start.
  const ExceptionTableEntry* t = code->exceptionTable();
  uint32_t lo = 0, hi = code->nexc;
  while (lo < hi) {
    uint32_t mid = (lo + hi) / 2;
    if (t[mid].end <= index) {
      lo = mid + 1;
    } else if (t[mid].start > index) {
      hi = mid;
    } else {
      return &t[mid];
    }
  }
  return nullptr;
}

}  // namespace tern
