// method: bound methods (method.h).
#include "runtime/objects/method.h"

#include <string>

#include "runtime/gc/heap.h"
#include "runtime/interp/errors.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/native.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"
#include "runtime/objects/type.h"

namespace tern {

Value newMethod(Value func, Value self) {
  Value f = func, s = self;
  auto* m = static_cast<MethodObj*>(newObject(types::method_type, sizeof(MethodObj)));
  m->func.set(f);
  m->self.set(s);
  return Value(m);
}

Value callWithSelf(Value func, Value self, const Value* args, size_t nargs, Value kwnames) {
  size_t nk = kwnames.isNull() ? 0 : static_cast<size_t>(tupleLength(kwnames));
  size_t total = 1 + nargs + nk;
  if (total <= 16) {
    Value buf[16];
    buf[0] = self;
    for (size_t i = 0; i < nargs + nk; ++i) buf[1 + i] = args[i];
    return call(func, buf, nargs + 1, kwnames);
  }
  // Many arguments: a tuple holds them (pinned while its items are referenced
  // from this frame).
  Value holder = newTuple(static_cast<int64_t>(total));
  tupleInit(holder, 0, self);
  for (size_t i = 0; i < nargs + nk; ++i) tupleInit(holder, static_cast<int64_t>(1 + i), args[i]);
  const Value* items = reinterpret_cast<const Value*>(asTuple(holder)->items);
  Value r = call(func, items, nargs + 1, kwnames);
  asm volatile("" : : "r"(holder.bits()) : "memory");  // keep `holder` visible to the stack scan until here
  return r;
}

namespace {

MethodObj* asMethod(Value v) { return static_cast<MethodObj*>(v.asObject()); }

Value method_call(Value callable, const Value* args, size_t nargs, Value kwnames) {
  MethodObj* m = asMethod(callable);
  return callWithSelf(m->func.get(), m->self.get(), args, nargs, kwnames);
}

Value method_getattro(Value self, Value name) {
  // Attributes of the method type first (__func__, __self__, ...), then the function's.
  Type* t = typeOf(self);
  Value descr = typeLookup(t, name);
  if (!descr.isNull()) {
    DescrGetFn get = typeOf(descr)->slots.tp_descr_get;
    if (get != nullptr) return get(descr, self, typeValue(t));
    return descr;
  }
  if (errorPending()) return Value();
  return getAttr(asMethod(self)->func.get(), name);
}

Value method_repr(Value self) {
  MethodObj* m = asMethod(self);
  Value func = m->func.get();
  Value name = lookupAttr(func, names::__qualname__);
  if (name.isNull()) {
    if (errorPending()) return Value();
    name = lookupAttr(func, names::__name__);
    if (name.isNull() && errorPending()) return Value();
  }
  std::string n = (!name.isNull() && isStr(name)) ? strToUtf8(name) : "?";
  Value r = repr(asMethod(self)->self.get());
  if (r.isNull()) return Value();
  return newStr("<bound method " + n + " of " + strToUtf8(r) + ">");
}

Value method_richcompare(Value a, Value b, int op) {
  if ((op != kEq && op != kNe) || typeOf(b) != types::method_type) return NotImplemented();
  bool eq = asMethod(a)->self.get() == asMethod(b)->self.get();
  if (eq) {
    int r = richCompareBool(asMethod(a)->func.get(), asMethod(b)->func.get(), kEq);
    if (r < 0) return Value();
    eq = r == 1;
  }
  return Bool(op == kEq ? eq : !eq);
}

int64_t method_hash(Value self) {
  Value s = asMethod(self)->self.get();
  int64_t x = s.isObject() ? gc::identityHash(s.asObject()) : static_cast<int64_t>(s.bits());
  int64_t y = hash(asMethod(self)->func.get());
  if (y == -1) return -1;
  int64_t h = x ^ y;
  return h == -1 ? -2 : h;
}

Value method_new(Type*, const Value* args, size_t nargs, Value kwnames) {
  if (!kwnames.isNull() && tupleLength(kwnames) > 0) return raise(exc::TypeError, "method() takes no keyword arguments");
  if (nargs != 2) return raisef(exc::TypeError, "method expected 2 arguments, got %zu", nargs);
  if (!isCallable(args[0])) return raise(exc::TypeError, "first argument must be callable");
  if (isNone(args[1])) return raise(exc::TypeError, "instance must not be None");
  return newMethod(args[0], args[1]);
}

Value method_get_doc(Value self) { return getAttr(asMethod(self)->func.get(), names::__doc__); }

Value method___reduce__(Value* args) {
  // (getattr, (self, name)) as CPython.
  MethodObj* m = asMethod(args[0]);
  Value name = getAttr(m->func.get(), names::__name__);
  if (name.isNull()) return Value();
  Value builtins_getattr = raise(exc::NotImplementedError, "pickling bound methods is not supported by Tern yet");
  return builtins_getattr;
}

const MethodDef kMethodMethods[] = {
    {.name = "__reduce__", .signature = "($self, /)", .fn = method___reduce__},
};

const GetSetDef kMethodGetSets[] = {
    {.name = "__doc__", .get = method_get_doc},
};

const MemberDef kMethodMembers[] = {
    {.name = "__func__", .kind = MemberKind::kObject, .offset = offsetof(MethodObj, func), .readonly = true,
     .doc = "the function (or other callable) implementing a method"},
    {.name = "__self__", .kind = MemberKind::kObject, .offset = offsetof(MethodObj, self), .readonly = true,
     .doc = "the instance to which a method is bound"},
};

const uint32_t kMethodFields[] = {offsetof(MethodObj, ob_type), offsetof(MethodObj, func), offsetof(MethodObj, self)};
const gc::Layout kMethodLayout = {.name = "method", .fields = kMethodFields};

const TypeSpec kMethodSpec = {
    .name = "method",
    .type = &types::method_type,
    .layout = &kMethodLayout,
    .basic_size = sizeof(MethodObj),
    .slots = {.tp_repr = method_repr,
              .tp_hash = method_hash,
              .tp_call = method_call,
              .tp_getattro = method_getattro,
              .tp_richcompare = method_richcompare,
              .tp_new = method_new},
    .methods = kMethodMethods,
    .getsets = kMethodGetSets,
    .members = kMethodMembers,
    .doc = "Create a bound instance method object.",
    .weakrefable = true,
};
TERN_REGISTER_TYPE(kMethodSpec);

}  // namespace

}  // namespace tern
