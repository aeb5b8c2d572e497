// code: code objects from CodeUnits (code.h), and their Python surface.
#include "runtime/interp/code.h"

#include <cstdio>
#include <cstring>
#include <string>

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"  // code_unit.h's designated initialisers
#include "runtime/compiler/code_unit.h"
#pragma GCC diagnostic pop
#include "runtime/interp/errors.h"
#include "runtime/interp/opcodes.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/bytes.h"
#include "runtime/objects/complex.h"
#include "runtime/objects/set.h"
#include "runtime/objects/float.h"
#include "runtime/objects/int.h"
#include "runtime/objects/list.h"
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

Value makeConstant(const compiler::Constant& c) {
  using Kind = compiler::Constant::Kind;
  switch (c.kind) {
    case Kind::None: return None();
    case Kind::Ellipsis: return Value(singletons::Ellipsis);
    case Kind::True: return True();
    case Kind::False: return False();
    case Kind::Int: return intFromString(c.text, 10);
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
Value code_get_co_lnotab(Value) { return bytesFromData("", 0); }
Value code_get_co_exceptiontable(Value) { return bytesFromData("", 0); }
Value code_get_co_linetable(Value) { return bytesFromData("", 0); }

Value code_co_lines(Value* args) {
  // (start, end, line) triples in byte offsets (2 * instruction index, as
  // CPython), merging consecutive instructions on the same line.
  CodeObj* c = self(args);
  Value list = newList();
  uint32_t n = c->ninstr;
  uint32_t i = 0;
  while (i < n) {
    int line = c->positions()[i].lineno;
    uint32_t j = i + 1;
    while (j < n && c->positions()[j].lineno == line) ++j;
    Value l = line < 0 ? None() : newInt(line);
    Value t = newTupleOf({newInt(2 * i), newInt(2 * j), l});
    if (!listAppend(list, t)) return Value();
    i = j;
  }
  return getIter(list);
}

Value optionalInt(int v) { return v < 0 ? None() : newInt(v); }

Value code_co_positions(Value* args) {
  CodeObj* c = asCode(args[0]);
  Value list = newList();
  for (uint32_t i = 0; i < asCode(args[0])->ninstr; ++i) {
    c = asCode(args[0]);
    InstrPosition p = c->positions()[i];
    Value t = newTupleOf({optionalInt(p.lineno), optionalInt(p.end_lineno), optionalInt(p.col),
                          optionalInt(p.end_col)});
    // CPython yields one entry per code unit: an instruction and its caches.
    if (!listAppend(list, t)) return Value();
  }
  return getIter(list);
}

Value code_repr(Value v) {
  CodeObj* c = asCode(v);
  char addr[32];
  std::snprintf(addr, sizeof addr, "%p", reinterpret_cast<void*>(gc::identity(c)));
  Value fname = repr(c->filename.get());
  if (fname.isNull()) return fname;
  return newStr("<code object " + strToUtf8(c->name.get()) + " at " + addr + ", file " + strToUtf8(fname) +
                ", line " + std::to_string(c->firstlineno) + ">");
}

Value code_richcompare(Value a, Value b, int op) {
  if ((op != kEq && op != kNe) || !isCode(b)) return NotImplemented();
  bool eq = a == b;
  return Bool(op == kEq ? eq : !eq);
}

int64_t code_hash(Value v) { return gc::identityHash(v.asObject()); }


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
  size_t code_offset = align8(sizeof(CodeObj));
  size_t exc_offset = align8(code_offset + ninstr * sizeof(uint32_t));
  size_t pos_offset = align8(exc_offset + nexc * sizeof(ExceptionTableEntry));
  size_t kinds_offset = align8(pos_offset + ninstr * sizeof(InstrPosition));
  size_t total = align8(kinds_offset + kinds.size());

  Obj* o = newObjectOld(types::code_type, total);
  auto* c = static_cast<CodeObj*>(o);
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
  c->ninstr = static_cast<uint32_t>(ninstr);
  c->nexc = static_cast<uint32_t>(nexc);
  c->code_offset = static_cast<uint32_t>(code_offset);
  c->exc_offset = static_cast<uint32_t>(exc_offset);
  c->pos_offset = static_cast<uint32_t>(pos_offset);
  c->kinds_offset = static_cast<uint32_t>(kinds_offset);
  if (ninstr != 0) std::memcpy(c->bytes() + code_offset, unit.code.data(), ninstr * sizeof(uint32_t));
  auto* exc = reinterpret_cast<ExceptionTableEntry*>(c->bytes() + exc_offset);
  for (size_t i = 0; i < nexc; ++i) {
    const compiler::ExceptionTableEntry& e = unit.exception_table[i];
    exc[i].start = e.start;
    exc[i].end = e.end;
    exc[i].target = e.target;
    exc[i].depth = e.depth;
    exc[i].push_lasti = e.push_lasti ? 1 : 0;
  }
  auto* pos = reinterpret_cast<InstrPosition*>(c->bytes() + pos_offset);
  for (size_t i = 0; i < ninstr; ++i) {
    const compiler::InstrPosition p = i < unit.positions.size() ? unit.positions[i] : compiler::InstrPosition{};
    pos[i] = InstrPosition{p.lineno, p.end_lineno, p.col_offset, p.end_col_offset};
  }
  if (!kinds.empty()) std::memcpy(c->bytes() + kinds_offset, kinds.data(), kinds.size());
  return o;
}

int codeLine(const CodeObj* code, int64_t index) {
  if (index < 0 || index >= static_cast<int64_t>(code->ninstr)) return code->firstlineno;
  return code->positions()[index].lineno;
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
