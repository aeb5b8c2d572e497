// The _operator module: the C accelerator of operator.py (which imports
// everything from here with `from _operator import *`): the operator
// functions, itemgetter / attrgetter / methodcaller, length_hint, call and
// _compare_digest.
//
// attrgetter keeps, per requested attribute, either an interned str (a
// plain name) or a tuple of interned strs (a dotted path, split once).
#include <cstddef>
#include <cstdint>
#include <string>

#include "runtime/interp/errors.h"
#include "runtime/modules/module.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/buffer.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/int.h"
#include "runtime/objects/native.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"

namespace tern {

namespace {

Type* g_itemgetter_type = nullptr;
Type* g_attrgetter_type = nullptr;
Type* g_methodcaller_type = nullptr;

bool reprUtf8(Value v, std::string* out) {
  Value r = repr(v);
  if (r.isNull()) return false;
  *out = strToUtf8(r);
  return true;
}

bool noKeywords(const char* name, Value kwnames) {
  if (!kwnames.isNull() && tupleLength(kwnames) > 0) {
    raisef(exc::TypeError, "%s() takes no keyword arguments", name);
    return false;
  }
  return true;
}

bool checkPositional(const char* name, size_t nargs, size_t min, size_t max) {
  if (nargs >= min && nargs <= max) return true;
  size_t expected = nargs < min ? min : max;
  const char* qualifier = min == max ? "" : nargs < min ? "at least " : "at most ";
  raisef(exc::TypeError, "%s expected %s%zu argument%s, got %zu", name, qualifier, expected, expected == 1 ? "" : "s",
         nargs);
  return false;
}

// ===========================================================================
// The operator functions

#define TERN_BINARY_OP(id, op) \
  Value operator_##id(Value* args) { return binaryOp(args[1], args[2], BinOp::op); }
TERN_BINARY_OP(add, kAdd)
TERN_BINARY_OP(sub, kSubtract)
TERN_BINARY_OP(mul, kMultiply)
TERN_BINARY_OP(matmul, kMatrixMultiply)
TERN_BINARY_OP(truediv, kTrueDivide)
TERN_BINARY_OP(floordiv, kFloorDivide)
TERN_BINARY_OP(mod, kRemainder)
TERN_BINARY_OP(lshift, kLshift)
TERN_BINARY_OP(rshift, kRshift)
TERN_BINARY_OP(and_, kAnd)
TERN_BINARY_OP(or_, kOr)
TERN_BINARY_OP(xor_, kXor)
TERN_BINARY_OP(iadd, kInplaceAdd)
TERN_BINARY_OP(isub, kInplaceSubtract)
TERN_BINARY_OP(imul, kInplaceMultiply)
TERN_BINARY_OP(imatmul, kInplaceMatrixMultiply)
TERN_BINARY_OP(itruediv, kInplaceTrueDivide)
TERN_BINARY_OP(ifloordiv, kInplaceFloorDivide)
TERN_BINARY_OP(imod, kInplaceRemainder)
TERN_BINARY_OP(ilshift, kInplaceLshift)
TERN_BINARY_OP(irshift, kInplaceRshift)
TERN_BINARY_OP(iand, kInplaceAnd)
TERN_BINARY_OP(ior, kInplaceOr)
TERN_BINARY_OP(ixor, kInplaceXor)
TERN_BINARY_OP(ipow, kInplacePower)
#undef TERN_BINARY_OP

Value operator_pow(Value* args) { return power(args[1], args[2], None()); }

#define TERN_COMPARE_OP(id, op) \
  Value operator_##id(Value* args) { return richCompare(args[1], args[2], op); }
TERN_COMPARE_OP(lt, kLt)
TERN_COMPARE_OP(le, kLe)
TERN_COMPARE_OP(eq, kEq)
TERN_COMPARE_OP(ne, kNe)
TERN_COMPARE_OP(gt, kGt)
TERN_COMPARE_OP(ge, kGe)
#undef TERN_COMPARE_OP

Value operator_neg(Value* args) { return negative(args[1]); }
Value operator_pos(Value* args) { return positive(args[1]); }
Value operator_abs(Value* args) { return absolute(args[1]); }
Value operator_inv(Value* args) { return invert(args[1]); }
Value operator_index(Value* args) { return index(args[1]); }

Value operator_truth(Value* args) {
  int r = isTrue(args[1]);
  return r < 0 ? Value() : Bool(r != 0);
}

Value operator_not_(Value* args) {
  int r = isTrue(args[1]);
  return r < 0 ? Value() : Bool(r == 0);
}

Value operator_is_(Value* args) { return Bool(args[1] == args[2]); }
Value operator_is_not(Value* args) { return Bool(args[1] != args[2]); }

Value operator_contains(Value* args) {
  int r = contains(args[1], args[2]);
  return r < 0 ? Value() : Bool(r != 0);
}

// Counts (or finds) items equal to `b` (identity first), as CPython's
// _PySequence_IterSearch.
Value iterSearch(Value seq, Value b, bool count) {
  Value it = getIter(seq);
  if (it.isNull()) return it;
  int64_t n = 0;
  for (int64_t i = 0;; ++i) {
    Value item = iterNext(it);
    if (item.isNull()) break;
    int r = item == b ? 1 : richCompareBool(item, b, kEq);
    if (r < 0) return Value();
    if (r > 0) {
      if (!count) return newInt(i);
      ++n;
    }
  }
  if (errorPending()) return Value();
  if (!count) return raise(exc::ValueError, "sequence.index(x): x not in sequence");
  return newInt(n);
}

Value operator_countOf(Value* args) { return iterSearch(args[1], args[2], true); }
Value operator_indexOf(Value* args) { return iterSearch(args[1], args[2], false); }

// PySequence_Check: a __getitem__ that is not a dict's.
bool isSequence(Value v) {
  if (isDict(v)) return false;
  return typeOf(v)->slots.mp_subscript != nullptr;
}

Value operator_concat(Value* args) {
  if (!isSequence(args[1])) return raisef(exc::TypeError, "'%s' object can't be concatenated", typeNameOf(args[1]).c_str());
  return binaryOp(args[1], args[2], BinOp::kAdd);
}

Value operator_iconcat(Value* args) {
  if (!isSequence(args[1])) return raisef(exc::TypeError, "'%s' object can't be concatenated", typeNameOf(args[1]).c_str());
  return binaryOp(args[1], args[2], BinOp::kInplaceAdd);
}

Value operator_getitem(Value* args) { return getItem(args[1], args[2]); }
Value operator_setitem(Value* args) { return setItem(args[1], args[2], args[3]) < 0 ? Value() : None(); }
Value operator_delitem(Value* args) { return delItem(args[1], args[2]) < 0 ? Value() : None(); }

Value operator_length_hint(Value* args) {
  int64_t default_value;
  if (!argSsize(args[2], &default_value)) return Value();
  int64_t n = lengthHint(args[1], default_value);
  if (n < 0 && errorPending()) return Value();
  return newInt(n);
}

Value operator_call(Value* args) { return callTupleDict(args[1], args[2], args[3]); }

Value operator__compare_digest(Value* args) {
  Value a = args[1], b = args[2];
  std::string x, y;
  if (isStr(a) && isStr(b)) {
    if (!asStr(a)->ascii || !asStr(b)->ascii) {
      return raise(exc::TypeError, "comparing strings with non-ASCII characters is not supported");
    }
    x = strToUtf8(a);
    y = strToUtf8(b);
  } else {
    if (!hasBuffer(a) && !hasBuffer(b)) {
      return raisef(exc::TypeError, "unsupported operand types(s) or combination of types: '%s' and '%s'",
                    typeNameOf(a).c_str(), typeNameOf(b).c_str());
    }
    if (!bufferCopyBytes(a, &x) || !bufferCopyBytes(b, &y)) return Value();
  }
  // Time independent of where the first difference lies (only the length of
  // `y` is observable), as CPython's.
  unsigned char diff = x.size() == y.size() ? 0 : 1;
  const std::string& left = x.size() == y.size() ? x : y;
  for (size_t i = 0; i < y.size(); ++i) diff |= static_cast<unsigned char>(left[i] ^ y[i]);
  return Bool(diff == 0);
}

// ===========================================================================
// itemgetter(item, /, *items)

struct GetterObj : Obj {
  gc::HeapValue items;  // tuple: items / attribute paths / call arguments
  gc::HeapValue name;   // methodcaller: the method name; attrgetter: the names as given
  gc::HeapValue kwargs;  // methodcaller: dict
};
GetterObj* asGetter(Value v) { return static_cast<GetterObj*>(v.asObject()); }

Value itemgetter_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  if (!noKeywords("itemgetter", kwnames) || (nargs == 0 && !checkPositional("itemgetter", nargs, 1, 1))) return Value();
  Value items = newTupleFrom(args, static_cast<int64_t>(nargs));
  GetterObj* g = static_cast<GetterObj*>(newObject(type, type->basic_size));
  g->items.set(items);
  return Value(g);
}

Value itemgetter_call(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!noKeywords("itemgetter", kwnames) || !checkPositional("itemgetter", nargs, 1, 1)) return Value();
  Value items = asGetter(self)->items.get();
  int64_t n = tupleLength(items);
  if (n == 1) return getItem(args[0], tupleItem(items, 0));
  Value result = newTuple(n);
  for (int64_t i = 0; i < n; ++i) {
    Value v = getItem(args[0], tupleItem(items, i));
    if (v.isNull()) return v;
    tupleInit(result, i, v);
  }
  return result;
}

// "operator.NAME(a, b, ...)" from the reprs of the tuple's items.
Value getterRepr(Value self, const char* name, Value items) {
  std::string qualified = std::string("operator.") + name;
  int entered = reprEnter(self);
  if (entered < 0) return Value();
  if (entered > 0) return newStr(qualified + "(...)");
  std::string out = qualified + "(", text;
  bool ok = true;
  for (int64_t i = 0; ok && i < tupleLength(items); ++i) {
    ok = reprUtf8(tupleItem(items, i), &text);
    if (i > 0) out += ", ";
    out += text;
  }
  reprLeave(self);
  if (!ok) return Value();
  return newStr(out + ")");
}

Value itemgetter_repr(Value self) { return getterRepr(self, "itemgetter", asGetter(self)->items.get()); }

Value itemgetter___reduce__(Value* args) {
  return newTupleOf({typeValue(typeOf(args[0])), asGetter(args[0])->items.get()});
}

// ===========================================================================
// attrgetter(attr, /, *attrs)

Value attrgetter_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  if (!noKeywords("attrgetter", kwnames) || (nargs == 0 && !checkPositional("attrgetter", nargs, 1, 1))) return Value();
  Value paths = newTuple(static_cast<int64_t>(nargs));
  for (size_t i = 0; i < nargs; ++i) {
    if (!isStr(args[i])) return raise(exc::TypeError, "attribute name must be a string");
    std::u32string text = strToUcs4(args[i]);
    if (text.find(U'.') == std::u32string::npos) {
      tupleInit(paths, static_cast<int64_t>(i), intern(args[i]));
      continue;
    }
    int64_t parts = 1;
    for (char32_t c : text) parts += c == U'.';
    Value path = newTuple(parts);
    size_t start = 0;
    for (int64_t k = 0; k < parts; ++k) {
      size_t end = text.find(U'.', start);
      if (end == std::u32string::npos) end = text.size();
      Value part = newStrFromUcs4(std::u32string_view(text).substr(start, end - start));
      tupleInit(path, k, intern(part));
      start = end + 1;
    }
    tupleInit(paths, static_cast<int64_t>(i), path);
  }
  Value names_given = newTupleFrom(args, static_cast<int64_t>(nargs));
  GetterObj* g = static_cast<GetterObj*>(newObject(type, type->basic_size));
  g->items.set(paths);
  g->name.set(names_given);
  return Value(g);
}

Value getPath(Value obj, Value path) {
  if (isStr(path)) return getAttr(obj, path);
  for (int64_t k = 0; k < tupleLength(path) && !obj.isNull(); ++k) obj = getAttr(obj, tupleItem(path, k));
  return obj;
}

Value attrgetter_call(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!noKeywords("attrgetter", kwnames) || !checkPositional("attrgetter", nargs, 1, 1)) return Value();
  Value paths = asGetter(self)->items.get();
  int64_t n = tupleLength(paths);
  if (n == 1) return getPath(args[0], tupleItem(paths, 0));
  Value result = newTuple(n);
  for (int64_t i = 0; i < n; ++i) {
    Value v = getPath(args[0], tupleItem(paths, i));
    if (v.isNull()) return v;
    tupleInit(result, i, v);
  }
  return result;
}

Value attrgetter_repr(Value self) { return getterRepr(self, "attrgetter", asGetter(self)->name.get()); }

Value attrgetter___reduce__(Value* args) {
  return newTupleOf({typeValue(typeOf(args[0])), asGetter(args[0])->name.get()});
}

// ===========================================================================
// methodcaller(name, /, *args, **kwargs)

Value methodcaller_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  if (nargs < 1) return raise(exc::TypeError, "methodcaller needs at least one argument, the method name");
  if (!isStr(args[0])) return raise(exc::TypeError, "method name must be a string");
  Value name = intern(args[0]);
  Value call_args = newTupleFrom(args + 1, static_cast<int64_t>(nargs) - 1);
  Value kwargs = newDict();
  for (int64_t i = 0; !kwnames.isNull() && i < tupleLength(kwnames); ++i) {
    if (dictSet(kwargs, tupleItem(kwnames, i), args[nargs + i]) < 0) return Value();
  }
  GetterObj* g = static_cast<GetterObj*>(newObject(type, type->basic_size));
  g->items.set(call_args);
  g->name.set(name);
  g->kwargs.set(kwargs);
  return Value(g);
}

Value methodcaller_call(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!noKeywords("methodcaller", kwnames) || !checkPositional("methodcaller", nargs, 1, 1)) return Value();
  Value method = getAttr(args[0], asGetter(self)->name.get());
  if (method.isNull()) return method;
  return callTupleDict(method, asGetter(self)->items.get(), asGetter(self)->kwargs.get());
}

Value methodcaller_repr(Value self) {
  int entered = reprEnter(self);
  if (entered < 0) return Value();
  if (entered > 0) return newStr("operator.methodcaller(...)");
  std::string out = "operator.methodcaller(", text;
  bool ok = reprUtf8(asGetter(self)->name.get(), &text);
  out += text;
  Value items = asGetter(self)->items.get();
  for (int64_t i = 0; ok && i < tupleLength(items); ++i) {
    ok = reprUtf8(tupleItem(items, i), &text);
    out += ", " + text;
  }
  Value kwargs = asGetter(self)->kwargs.get();
  int64_t pos = 0;
  Value key, value;
  while (ok && dictNext(kwargs, &pos, &key, &value)) {
    ok = reprUtf8(value, &text);
    out += ", " + strToUtf8(key) + "=" + text;
  }
  reprLeave(self);
  if (!ok) return Value();
  return newStr(out + ")");
}

Value methodcaller___reduce__(Value* args) {
  Value self = args[0];
  Value name = asGetter(self)->name.get(), items = asGetter(self)->items.get();
  Value kwargs = asGetter(self)->kwargs.get();
  Value type = typeValue(typeOf(self));
  if (dictSize(kwargs) == 0) {
    Value ctor_args = newTuple(tupleLength(items) + 1);
    tupleInit(ctor_args, 0, name);
    for (int64_t i = 0; i < tupleLength(items); ++i) tupleInit(ctor_args, i + 1, tupleItem(items, i));
    return newTupleOf({type, ctor_args});
  }
  // partial(type, name, **kwargs), called with the positional arguments.
  Value functools = importModule(internStr("_functools"));
  if (functools.isNull()) return functools;
  Value partial = getAttr(functools, internStr("partial"));
  if (partial.isNull()) return partial;
  Value constructor = callTupleDict(partial, newTupleOf({type, name}), kwargs);
  if (constructor.isNull()) return constructor;
  return newTupleOf({constructor, items});
}

// ===========================================================================
// Tables

const uint32_t kGetterFields[] = {offsetof(Obj, ob_type), offsetof(GetterObj, items), offsetof(GetterObj, name),
                                  offsetof(GetterObj, kwargs)};
const gc::Layout kGetterLayout = {.name = "operator.getter", .fields = kGetterFields};

const MethodDef kItemGetterMethods[] = {
    {.name = "__reduce__", .signature = "($self, /)", .fn = itemgetter___reduce__, .doc = "Return state information for pickling"},
};
const MethodDef kAttrGetterMethods[] = {
    {.name = "__reduce__", .signature = "($self, /)", .fn = attrgetter___reduce__, .doc = "Return state information for pickling"},
};
const MethodDef kMethodCallerMethods[] = {
    {.name = "__reduce__", .signature = "($self, /)", .fn = methodcaller___reduce__, .doc = "Return state information for pickling"},
};

const TypeSpec kItemGetterSpec = {
    .name = "itemgetter", .module = "operator", .type = &g_itemgetter_type, .layout = &kGetterLayout,
    .basic_size = sizeof(GetterObj),
    .slots = {.tp_repr = itemgetter_repr, .tp_call = itemgetter_call, .tp_new = itemgetter_new},
    .methods = kItemGetterMethods,
    .doc = "itemgetter(item, ...) --> itemgetter object\n\nReturn a callable object that fetches the given item(s) "
           "from its operand.\nAfter f = itemgetter(2), the call f(r) returns r[2].\nAfter g = itemgetter(2, 5, 3), "
           "the call g(r) returns (r[2], r[5], r[3])",
};
TERN_REGISTER_TYPE(kItemGetterSpec);

const TypeSpec kAttrGetterSpec = {
    .name = "attrgetter", .module = "operator", .type = &g_attrgetter_type, .layout = &kGetterLayout,
    .basic_size = sizeof(GetterObj),
    .slots = {.tp_repr = attrgetter_repr, .tp_call = attrgetter_call, .tp_new = attrgetter_new},
    .methods = kAttrGetterMethods,
    .doc = "attrgetter(attr, ...) --> attrgetter object\n\nReturn a callable object that fetches the given "
           "attribute(s) from its operand.\nAfter f = attrgetter('name'), the call f(r) returns r.name.\nAfter g = "
           "attrgetter('name', 'date'), the call g(r) returns (r.name, r.date).\nAfter h = attrgetter('name.first', "
           "'name.last'), the call h(r) returns\n(r.name.first, r.name.last).",
};
TERN_REGISTER_TYPE(kAttrGetterSpec);

const TypeSpec kMethodCallerSpec = {
    .name = "methodcaller", .module = "operator", .type = &g_methodcaller_type, .layout = &kGetterLayout,
    .basic_size = sizeof(GetterObj),
    .slots = {.tp_repr = methodcaller_repr, .tp_call = methodcaller_call, .tp_new = methodcaller_new},
    .methods = kMethodCallerMethods,
    .doc = "methodcaller(name, ...) --> methodcaller object\n\nReturn a callable object that calls the given method "
           "on its operand.\nAfter f = methodcaller('name'), the call f(r) returns r.name().\nAfter g = "
           "methodcaller('name', 'date', foo=1), the call g(r) returns\nr.name('date', foo=1).",
};
TERN_REGISTER_TYPE(kMethodCallerSpec);

#define TERN_OP2(id, doc_text) \
  {.name = #id, .signature = "($module, a, b, /)", .fn = operator_##id, .doc = doc_text}
#define TERN_OP1(id, doc_text) \
  {.name = #id, .signature = "($module, a, /)", .fn = operator_##id, .doc = doc_text}

const MethodDef kOperatorFunctions[] = {
    TERN_OP1(abs, "Same as abs(a)."),
    TERN_OP2(add, "Same as a + b."),
    TERN_OP2(and_, "Same as a & b."),
    {.name = "call", .signature = "($module, obj, /, *args, **kwargs)", .fn = operator_call,
     .doc = "Same as obj(*args, **kwargs)."},
    TERN_OP2(concat, "Same as a + b, for a and b sequences."),
    TERN_OP2(contains, "Same as b in a (note reversed operands)."),
    TERN_OP2(countOf, "Return the number of items in a which are, or which equal, b."),
    TERN_OP2(delitem, "Same as del a[b]."),
    TERN_OP2(eq, "Same as a == b."),
    TERN_OP2(floordiv, "Same as a // b."),
    TERN_OP2(ge, "Same as a >= b."),
    TERN_OP2(getitem, "Same as a[b]."),
    TERN_OP2(gt, "Same as a > b."),
    TERN_OP2(iadd, "Same as a += b."),
    TERN_OP2(iand, "Same as a &= b."),
    TERN_OP2(iconcat, "Same as a += b, for a and b sequences."),
    TERN_OP2(ifloordiv, "Same as a //= b."),
    TERN_OP2(ilshift, "Same as a <<= b."),
    TERN_OP2(imatmul, "Same as a @= b."),
    TERN_OP2(imod, "Same as a %= b."),
    TERN_OP2(imul, "Same as a *= b."),
    TERN_OP1(index, "Same as a.__index__()"),
    TERN_OP2(indexOf, "Return the first index of b in a."),
    TERN_OP1(inv, "Same as ~a."),
    {.name = "invert", .signature = "($module, a, /)", .fn = operator_inv, .doc = "Same as ~a."},
    TERN_OP2(ior, "Same as a |= b."),
    TERN_OP2(ipow, "Same as a **= b."),
    TERN_OP2(irshift, "Same as a >>= b."),
    TERN_OP2(is_, "Same as a is b."),
    TERN_OP2(is_not, "Same as a is not b."),
    TERN_OP2(isub, "Same as a -= b."),
    TERN_OP2(itruediv, "Same as a /= b."),
    TERN_OP2(ixor, "Same as a ^= b."),
    TERN_OP2(le, "Same as a <= b."),
    {.name = "length_hint", .signature = "($module, obj, default=0, /)", .fn = operator_length_hint,
     .doc = "Return an estimate of the number of items in obj.\n\nThis is useful for presizing containers when "
            "building from an iterable.\n\nIf the object supports len(), the result will be exact.\nOtherwise, it "
            "may over- or under-estimate by an arbitrary amount.\nThe result will be an integer >= 0."},
    TERN_OP2(lshift, "Same as a << b."),
    TERN_OP2(lt, "Same as a < b."),
    TERN_OP2(matmul, "Same as a @ b."),
    TERN_OP2(mod, "Same as a % b."),
    TERN_OP2(mul, "Same as a * b."),
    TERN_OP2(ne, "Same as a != b."),
    TERN_OP1(neg, "Same as -a."),
    TERN_OP1(not_, "Same as not a."),
    TERN_OP2(or_, "Same as a | b."),
    TERN_OP1(pos, "Same as +a."),
    TERN_OP2(pow, "Same as a ** b."),
    TERN_OP2(rshift, "Same as a >> b."),
    {.name = "setitem", .signature = "($module, a, b, c, /)", .fn = operator_setitem, .doc = "Same as a[b] = c."},
    TERN_OP2(sub, "Same as a - b."),
    TERN_OP2(truediv, "Same as a / b."),
    TERN_OP1(truth, "Return True if a is true, False otherwise."),
    {.name = "xor", .signature = "($module, a, b, /)", .fn = operator_xor_, .doc = "Same as a ^ b."},
    {.name = "_compare_digest", .signature = "($module, a, b, /)", .fn = operator__compare_digest,
     .doc = "Return 'a == b'.\n\nThis function uses an approach designed to prevent\ntiming analysis, making it "
            "appropriate for cryptography.\n\na and b must both be of the same type: either str (ASCII only),\nor "
            "any bytes-like object.\n\nNote: If a and b are of different lengths, or if an error occurs,\na timing "
            "attack could theoretically reveal information about the\ntypes and lengths of a and b--but not their "
            "values."},
};

#undef TERN_OP1
#undef TERN_OP2

bool operatorInit(Value module) {
  Value d = moduleDict(module);
  for (Type* t : {g_itemgetter_type, g_attrgetter_type, g_methodcaller_type}) {
    if (dictSet(d, t->name.get(), typeValue(t)) < 0) return false;
  }
  return true;
}

const NativeModuleDef kOperatorModule = {
    .name = "_operator",
    .methods = kOperatorFunctions,
    .init = operatorInit,
    .doc = "Operator interface.\n\nThis module exports a set of functions implemented in C corresponding\nto the "
           "intrinsic operators of Python.  For example, operator.add(x, y)\nis equivalent to the expression x+y.  "
           "The function names are those\nused for special methods; variants without leading and trailing\n'__' "
           "are also provided for convenience.",
};
TERN_REGISTER_MODULE(kOperatorModule);

}  // namespace

}  // namespace tern
