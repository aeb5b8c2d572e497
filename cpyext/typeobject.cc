// Types across the boundary, both ways.
//
//   - Runtime types seen from C: fillTypeObject() gives a PyTypeObject its
//     flags, names, sizes, tp_base/tp_bases/tp_mro/tp_dict and protocol slots
//     that call back into the runtime (the rt* functions), for the exported
//     static types and for the heap-type proxies typeProxy() makes.
//   - C-defined types seen from the runtime: PyType_Ready and PyType_FromSpec
//     make a runtime type whose slots call the C slots (the c* functions) and
//     whose instances are wrappers of C memory (objimpl.cc).
//   - Classes whose C metaclass replaced their tp_dict (_ctypes's StgDict):
//     the runtime type adopts that dict as its namespace
//     (adoptForeignTypeDict).
#include <algorithm>
#include <cstring>
#include <string>
#include <unordered_map>

#include "Python.h"
#include "cpyext/proxy.h"
#include "cpyext/proxy_internal.h"
#include "cpyext/pystate.h"
#include "runtime/gc/roots.h"
#include "runtime/interp/errors.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/exceptions.h"
#include "runtime/objects/int.h"
#include "runtime/objects/native.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"
#include "runtime/objects/type.h"

namespace tern::cpyext {

// ===========================================================================
// Runtime types seen from C: the protocol slots call the runtime.

namespace {

PyObject* rtRepr(PyObject* o) { return returnNew(repr(fromC(o))); }
PyObject* rtStr(PyObject* o) { return returnNew(str(fromC(o))); }
Py_hash_t rtHash(PyObject* o) { return hash(fromC(o)); }
PyObject* rtCall(PyObject* c, PyObject* args, PyObject* kwargs) {
  return returnNew(callTupleDict(fromC(c), fromC(args), fromCOrNull(kwargs)));
}
PyObject* rtGetAttr(PyObject* o, PyObject* name) { return returnNew(getAttr(fromC(o), fromC(name))); }
int rtSetAttr(PyObject* o, PyObject* name, PyObject* v) {
  return v == nullptr ? delAttr(fromC(o), fromC(name)) : setAttr(fromC(o), fromC(name), fromC(v));
}
PyObject* rtRichCompare(PyObject* a, PyObject* b, int op) { return returnNew(richCompare(fromC(a), fromC(b), op)); }
PyObject* rtIter(PyObject* o) { return returnNew(getIter(fromC(o))); }
// CPython's tp_iternext: NULL at the end, with a StopIteration pending only
// when it carries a value (a generator's return value, which _asyncio takes
// with _PyGen_FetchStopIterationValue); the runtime's iterators may end
// with a bare one.
PyObject* rtIterNext(PyObject* o) {
  Value it = fromC(o);
  Value r = typeOf(it)->slots.tp_iternext(it);
  if (r.isNull() && errorMatches(exc::StopIteration)) {
    Value value = static_cast<StopIterationObj*>(pendingError().asObject())->value.get();
    if (value.isNull() || isNone(value)) clearError();
  }
  return returnNew(r);
}
Py_ssize_t rtLength(PyObject* o) { return length(fromC(o)); }
PyObject* rtGetItem(PyObject* o, PyObject* key) { return returnNew(getItem(fromC(o), fromC(key))); }
PyObject* rtSqItem(PyObject* o, Py_ssize_t i) { return returnNew(getItem(fromC(o), newInt(i))); }
int rtAssSubscript(PyObject* o, PyObject* key, PyObject* v) {
  return v == nullptr ? delItem(fromC(o), fromC(key)) : setItem(fromC(o), fromC(key), fromC(v));
}
int rtSqAssItem(PyObject* o, Py_ssize_t i, PyObject* v) {
  return v == nullptr ? delItem(fromC(o), newInt(i)) : setItem(fromC(o), newInt(i), fromC(v));
}
int rtContains(PyObject* o, PyObject* item) { return contains(fromC(o), fromC(item)); }
int rtBool(PyObject* o) { return isTrue(fromC(o)); }
PyObject* rtDescrGet(PyObject* d, PyObject* o, PyObject* t) {
  Value descr = fromC(d);
  return returnNew(typeOf(descr)->slots.tp_descr_get(descr, fromCOrNull(o), fromCOrNull(t)));
}

template <BinOp op>
PyObject* rtBinary(PyObject* a, PyObject* b) {
  return returnNew(binaryOp(fromC(a), fromC(b), op));
}
PyObject* rtPower(PyObject* a, PyObject* b, PyObject* c) { return returnNew(power(fromC(a), fromC(b), fromC(c))); }
PyObject* rtNegative(PyObject* o) { return returnNew(negative(fromC(o))); }
PyObject* rtPositive(PyObject* o) { return returnNew(positive(fromC(o))); }
PyObject* rtAbsolute(PyObject* o) { return returnNew(absolute(fromC(o))); }
PyObject* rtInvert(PyObject* o) { return returnNew(invert(fromC(o))); }
PyObject* rtSlotUnary(PyObject* o, UnaryFn Slots::*slot) {
  Value v = fromC(o);
  return returnNew((typeOf(v)->slots.*slot)(v));
}
PyObject* rtInt(PyObject* o) { return rtSlotUnary(o, &Slots::nb_int); }
PyObject* rtFloat(PyObject* o) { return rtSlotUnary(o, &Slots::nb_float); }
PyObject* rtIndex(PyObject* o) { return rtSlotUnary(o, &Slots::nb_index); }

std::unordered_map<Type*, PyTypeObject*>& cTypes();

// tp_new/tp_dealloc of the runtime's builtin types, which C types deriving
// from them call by name (PyBaseObject_Type.tp_new(type, args, kwds)).
// object's allocates through the C type's tp_alloc, as object_new does.
PyObject* objectNew(PyTypeObject* type, PyObject* args, PyObject* kwargs) {
  // object() takes no arguments unless the type overrides __init__, which
  // takes them: a C type's tp_init, a Python subclass's __init__ or its C
  // base's (the runtime's slot; a class's type proxy carries no tp_init).
  bool excess = (args != nullptr && PyTuple_GET_SIZE(args) != 0) || (kwargs != nullptr && PyDict_GET_SIZE(kwargs) != 0);
  if (excess && runtimeTypeOfC(type)->slots.tp_init == types::object_type->slots.tp_init) {
    PyErr_Format(PyExc_TypeError, "%s() takes no arguments", type->tp_name);
    return nullptr;
  }
  return type->tp_alloc(type, 0);
}
void objectDealloc(PyObject* o) { Py_TYPE(o)->tp_free(o); }
// CPython's subtype_dealloc, for a class deriving from a C type: the C
// base's tp_dealloc, then the instance's reference to its class, which
// tp_alloc took (a heap C base's dealloc drops that itself, since 3.8; a
// static one's does not).  Without it a class whose instances died would
// keep a count for each of them, and live for good.
void subtypeDealloc(PyObject* o) {
  PyTypeObject* type = Py_TYPE(o);
  PyTypeObject* base = type;
  while (base->tp_dealloc == subtypeDealloc) base = base->tp_base;
  base->tp_dealloc(o);
  if (!(base->tp_flags & Py_TPFLAGS_HEAPTYPE)) Py_DECREF(type);
}
// A type with only the char* attribute slots (tp_getattr/tp_setattr) is
// reached through these, as PyObject_GetAttr falls back to them.
PyObject* getAttrByCharName(PyObject* o, PyObject* name) {
  const char* s = PyUnicode_AsUTF8(name);
  return s == nullptr ? nullptr : Py_TYPE(o)->tp_getattr(o, const_cast<char*>(s));
}
int setAttrByCharName(PyObject* o, PyObject* name, PyObject* value) {
  const char* s = PyUnicode_AsUTF8(name);
  return s == nullptr ? -1 : Py_TYPE(o)->tp_setattr(o, const_cast<char*>(s), value);
}
Value cNew(Type* type, const Value* args, size_t nargs, Value kwnames);
// Another builtin's makes a runtime instance of the (field-free) C subtype,
// or of a Python class deriving from it (whose tp_new is cNew, which came here).
// The builtin is the first on the base chain that is neither a C type nor a
// class: a class's own __new__ may be what called here (a metaclass deriving
// from _ctypes's, whose __new__ calls super().__new__, whose C function calls
// PyType_Type.tp_new).
PyObject* builtinNew(PyTypeObject* type, PyObject* args, PyObject* kwargs) {
  Type* rt = runtimeTypeOfC(type);
  Type* builtin = rt;
  while (builtin != nullptr &&
         (cTypes().count(builtin) != 0 || builtin->slots.tp_new == cNew || builtin->spec == nullptr)) {
    builtin = static_cast<Type*>(builtin->base.get().asObject());
  }
  if (builtin == nullptr || builtin->slots.tp_new == nullptr) {
    PyErr_Format(PyExc_TypeError, "cannot create '%s' instances", type->tp_name);
    return nullptr;
  }
  Value a = fromC(args);
  // A root vector: making kwnames may collect.
  gc::RootVector values;
  for (int64_t i = 0; i < tupleLength(a); ++i) values.push_back(tupleItem(a, i));
  Value kwnames;
  if (kwargs != nullptr && PyDict_GET_SIZE(kwargs) != 0) {
    Value d = fromC(kwargs);
    kwnames = newTuple(dictSize(d));
    int64_t pos = 0, i = 0;
    Value k, v;
    while (dictNext(d, &pos, &k, &v)) {
      tupleInit(kwnames, i++, k);
      values.push_back(v);
    }
  }
  return returnNew(builtin->slots.tp_new(rt, values.data(), static_cast<size_t>(tupleLength(a)), kwnames));
}
// A runtime object's memory is the collector's: nothing to free from C.
void builtinDealloc(PyObject*) {}

unsigned long cFlagsOf(Type* t) {
  unsigned long f = Py_TPFLAGS_READY | Py_TPFLAGS_HAVE_VERSION_TAG;
  if (t->hasFlag(type_flags::kHeapType)) f |= Py_TPFLAGS_HEAPTYPE | Py_TPFLAGS_HAVE_GC;
  if (t->hasFlag(type_flags::kBaseType)) f |= Py_TPFLAGS_BASETYPE;
  if (t->hasFlag(type_flags::kImmutable)) f |= Py_TPFLAGS_IMMUTABLETYPE;
  if (t->hasFlag(type_flags::kAbstract)) f |= Py_TPFLAGS_IS_ABSTRACT;
  if (t->hasFlag(type_flags::kMethodDescriptor)) f |= Py_TPFLAGS_METHOD_DESCRIPTOR;
  if (t->hasFlag(type_flags::kSequence)) f |= Py_TPFLAGS_SEQUENCE;
  if (t->hasFlag(type_flags::kMapping)) f |= Py_TPFLAGS_MAPPING;
  if (t->hasFlag(type_flags::kIntSubclass)) f |= Py_TPFLAGS_LONG_SUBCLASS;
  if (t->hasFlag(type_flags::kTupleSubclass)) f |= Py_TPFLAGS_TUPLE_SUBCLASS | Py_TPFLAGS_HAVE_GC;
  if (t->hasFlag(type_flags::kListSubclass)) f |= Py_TPFLAGS_LIST_SUBCLASS | Py_TPFLAGS_HAVE_GC;
  if (t->hasFlag(type_flags::kBytesSubclass)) f |= Py_TPFLAGS_BYTES_SUBCLASS;
  if (t->hasFlag(type_flags::kStrSubclass)) f |= Py_TPFLAGS_UNICODE_SUBCLASS;
  if (t->hasFlag(type_flags::kDictSubclass)) f |= Py_TPFLAGS_DICT_SUBCLASS | Py_TPFLAGS_HAVE_GC;
  if (t->hasFlag(type_flags::kBaseExceptionSubclass)) f |= Py_TPFLAGS_BASE_EXC_SUBCLASS | Py_TPFLAGS_HAVE_GC;
  if (t->hasFlag(type_flags::kTypeSubclass)) f |= Py_TPFLAGS_TYPE_SUBCLASS | Py_TPFLAGS_HAVE_GC;
  return f;
}

// The C type a runtime type's instances are laid out by, if any: the type
// itself or its nearest C-defined base.
std::unordered_map<Type*, PyTypeObject*>& cTypes() {
  static auto* table = new std::unordered_map<Type*, PyTypeObject*>();
  return *table;
}

// The first C type on t's base chain, or null; memoised in the type (the
// chain cannot gain a C type later: a class's bases exist before it, and
// __bases__ assignment keeps the instance layout).
PyTypeObject* cSolidBase(Type* t) {
  static char no_c_layout;
  if (t->c_layout != nullptr) return t->c_layout == &no_c_layout ? nullptr : static_cast<PyTypeObject*>(t->c_layout);
  PyTypeObject* found = nullptr;
  for (Type* b = t; b != nullptr; b = static_cast<Type*>(b->base.get().asObject())) {
    auto it = cTypes().find(b);
    if (it != cTypes().end()) {
      found = it->second;
      break;
    }
  }
  t->c_layout = found != nullptr ? static_cast<void*>(found) : &no_c_layout;
  return found;
}

}  // namespace

void fillTypeObject(PyTypeObject* out, Type* t, Py_ssize_t basicsize, Py_ssize_t itemsize) {
  if (out->ob_base.ob_base.ob_refcnt == 0) out->ob_base.ob_base.ob_refcnt = Py_ssize_t{1} << 40;
  out->ob_base.ob_base.ob_type = typeProxy(typeOf(typeValue(t)));
  out->tp_name = strdup(typeName(t).c_str());
  out->tp_flags = cFlagsOf(t);
  Type* base = static_cast<Type*>(t->base.get().asObject());
  out->tp_base = base != nullptr ? typeProxy(base) : nullptr;
  PyTypeObject* c_base = cSolidBase(t);
  if (c_base != nullptr) {
    // A runtime class deriving from a C type: its instances are C objects.
    out->tp_basicsize = c_base->tp_basicsize;
    out->tp_itemsize = c_base->tp_itemsize;
    out->tp_alloc = c_base->tp_alloc;
    out->tp_free = c_base->tp_free;
    out->tp_dealloc = subtypeDealloc;
    out->tp_traverse = c_base->tp_traverse;
    out->tp_clear = c_base->tp_clear;
    // The C finalizer, unless the class has __del__ (CPython's
    // slot_tp_finalize replaces it then); the collector runs __del__ itself.
    if (t->slots.tp_finalize == nullptr) out->tp_finalize = c_base->tp_finalize;
    out->tp_flags |= c_base->tp_flags & Py_TPFLAGS_HAVE_GC;
  } else {
    out->tp_basicsize = basicsize != 0 ? basicsize : (base != nullptr ? typeProxy(base)->tp_basicsize : 16);
    out->tp_itemsize = itemsize;
    out->tp_alloc = PyType_GenericAlloc;
    out->tp_free = (out->tp_flags & Py_TPFLAGS_HAVE_GC) ? PyObject_GC_Del : PyObject_Free;
    if (t == types::object_type) {
      out->tp_new = objectNew;
      out->tp_dealloc = objectDealloc;
    } else {
      if (t->slots.tp_new != nullptr) out->tp_new = builtinNew;
      out->tp_dealloc = builtinDealloc;
    }
  }
  // The protocol tables: inside a heap type proxy, static for the exports.
  bool heap = inArena(out);
  auto* ht = reinterpret_cast<PyHeapTypeObject*>(out);
  PyNumberMethods* nb = heap ? &ht->as_number : new PyNumberMethods{};
  PySequenceMethods* sq = heap ? &ht->as_sequence : new PySequenceMethods{};
  PyMappingMethods* mp = heap ? &ht->as_mapping : new PyMappingMethods{};
  out->tp_as_number = nb;
  out->tp_as_sequence = sq;
  out->tp_as_mapping = mp;
  // A class deriving from a C exporter exports as its C base does (the C
  // code tests Py_TYPE(o)->tp_as_buffer on the class's instances).
  out->tp_as_buffer = c_base != nullptr && c_base->tp_as_buffer != nullptr && c_base->tp_as_buffer->bf_getbuffer
                          ? c_base->tp_as_buffer
                          : runtimeBufferProcsFor(t);
  const Slots& s = t->slots;
  out->tp_getattro = rtGetAttr;
  out->tp_setattro = rtSetAttr;
  if (s.tp_repr) out->tp_repr = rtRepr;
  if (s.tp_str) out->tp_str = rtStr;
  if (s.tp_hash) out->tp_hash = rtHash;
  if (s.tp_call) out->tp_call = rtCall;
  if (s.tp_richcompare) out->tp_richcompare = rtRichCompare;
  if (s.tp_iter) out->tp_iter = rtIter;
  if (s.tp_iternext) out->tp_iternext = rtIterNext;
  if (s.tp_descr_get) out->tp_descr_get = rtDescrGet;
  // The runtime has one subscript slot; CPython's mappings (dict,
  // mappingproxy) have no sequence ones, which PySequence_Check tests.
  bool mapping = t->hasFlag(type_flags::kDictSubclass) || t->hasFlag(type_flags::kMapping) ||
                 t == types::mappingproxy_type;
  if (s.mp_length) {
    mp->mp_length = rtLength;
    if (!mapping) sq->sq_length = rtLength;
  }
  if (s.mp_subscript) {
    mp->mp_subscript = rtGetItem;
    if (!mapping) sq->sq_item = rtSqItem;
  }
  if (s.mp_ass_subscript) {
    mp->mp_ass_subscript = rtAssSubscript;
    if (!mapping) sq->sq_ass_item = rtSqAssItem;
  }
  if (s.sq_contains) sq->sq_contains = rtContains;
  if (s.nb_bool) nb->nb_bool = rtBool;
  if (s.nb_add) nb->nb_add = rtBinary<BinOp::kAdd>;
  if (s.nb_subtract) nb->nb_subtract = rtBinary<BinOp::kSubtract>;
  if (s.nb_multiply) nb->nb_multiply = rtBinary<BinOp::kMultiply>;
  if (s.nb_remainder) nb->nb_remainder = rtBinary<BinOp::kRemainder>;
  if (s.nb_floor_divide) nb->nb_floor_divide = rtBinary<BinOp::kFloorDivide>;
  if (s.nb_true_divide) nb->nb_true_divide = rtBinary<BinOp::kTrueDivide>;
  if (s.nb_lshift) nb->nb_lshift = rtBinary<BinOp::kLshift>;
  if (s.nb_rshift) nb->nb_rshift = rtBinary<BinOp::kRshift>;
  if (s.nb_and) nb->nb_and = rtBinary<BinOp::kAnd>;
  if (s.nb_or) nb->nb_or = rtBinary<BinOp::kOr>;
  if (s.nb_xor) nb->nb_xor = rtBinary<BinOp::kXor>;
  if (s.nb_matrix_multiply) nb->nb_matrix_multiply = rtBinary<BinOp::kMatrixMultiply>;
  if (s.nb_power) nb->nb_power = rtPower;
  if (s.nb_negative) nb->nb_negative = rtNegative;
  if (s.nb_positive) nb->nb_positive = rtPositive;
  if (s.nb_absolute) nb->nb_absolute = rtAbsolute;
  if (s.nb_invert) nb->nb_invert = rtInvert;
  if (s.nb_int) nb->nb_int = rtInt;
  if (s.nb_float) nb->nb_float = rtFloat;
  if (s.nb_index) nb->nb_index = rtIndex;
  // Cython reads these directly (its own subtype test walks tp_mro).
  out->tp_dict = toNew(t->dict.get());
  out->tp_bases = toNew(t->bases.get());
  out->tp_mro = toNew(t->mro.get());
  out->tp_doc = nullptr;
}

PyTypeObject* typeProxy(Type* type) {
  if (gc::ExternalLink* link = gc::findExternal(type)) {
    return reinterpret_cast<PyTypeObject*>(cObjectOf(prefixOfLink(link)));
  }
  // A type made by the runtime (a class, a native module's type): a heap
  // type proxy, linked before it is filled (filling refers back to it).
  // A C metaclass with fields of its own gets them too, zeroed, as
  // CPython's type_new allocates the metatype's tp_basicsize.
  size_t bytes = sizeof(PyHeapTypeObject);
  if (PyTypeObject* meta = cSolidBase(static_cast<Type*>(typeOf(typeValue(type))))) {
    bytes = std::max(bytes, static_cast<size_t>(meta->tp_basicsize));
  }
  PyObject* o = allocProxy(ProxyKind::kType, bytes, nullptr);
  o->ob_refcnt = 0;  // no C reference yet: the proxy lives as long as the type
  linkProxy(o, typeValue(type));
  auto* t = reinterpret_cast<PyTypeObject*>(o);
  fillTypeObject(t, type, 0, 0);
  // fillTypeObject makes an uncounted type immortal, as for static types;
  // what stays is the reference its own tp_mro holds, which full
  // collections count as internal (proxy.cc), so the type still dies with
  // its last outside reference.
  o->ob_refcnt -= Py_ssize_t{1} << 40;
  // A class of a C metaclass: its tp_new may give it a dict of its own.
  if (cSolidBase(static_cast<Type*>(typeOf(typeValue(type)))) != nullptr) {
    prefixOf(o)->flags |= proxy_flags::kForeignDict;
  }
  return t;
}

namespace {

// The dicts types adopted from C (adoptForeignTypeDict): dict proxy -> the
// type proxy whose namespace it is.  An entry goes with its type
// (releaseTypeContents).
std::unordered_map<PyObject*, PyTypeObject*>& adoptedDicts() {
  static auto* table = new std::unordered_map<PyObject*, PyTypeObject*>();
  return *table;
}

}  // namespace

void adoptForeignTypeDict(PyObject* o) {
  auto* t = reinterpret_cast<PyTypeObject*>(o);
  Value type = prefixOf(o)->link.target;
  if (type.isNull() || t->tp_dict == nullptr || !PyDict_Check(t->tp_dict)) return;
  Value dict = fromC(t->tp_dict);
  auto* rt = static_cast<Type*>(type.asObject());
  if (dict == rt->dict.get()) return;
  // C copied the class dict into its own (PyDict_Update) before it put that
  // one in tp_dict; what either side set since is in the dict it used.
  rt->dict.set(dict);
  if (inArena(t->tp_dict)) {
    prefixOf(t->tp_dict)->marks |= proxy_marks::kTypeDict;
    adoptedDicts()[t->tp_dict] = t;
  }
  Value pending = takeError();
  typeModified(rt);
  typeUpdateSlot(rt, Value());  // every slot, from the new dict
  clearError();
  if (!pending.isNull()) restoreError(pending);
}

void foreignTypeDictChanged(PyObject* dict_proxy) {
  auto it = adoptedDicts().find(dict_proxy);
  if (it == adoptedDicts().end()) return;
  Value type = prefixOf(reinterpret_cast<PyObject*>(it->second))->link.target;
  if (!type.isNull()) typeModified(static_cast<Type*>(type.asObject()));
}

void releaseTypeContents(PyObject* o) {
  auto* t = reinterpret_cast<PyTypeObject*>(o);
  free(const_cast<char*>(t->tp_name));
  if (prefixOf(o)->flags & proxy_flags::kForeignDict) {
    auto it = adoptedDicts().find(t->tp_dict);
    if (it != adoptedDicts().end() && it->second == t) adoptedDicts().erase(it);
  }
  Py_XDECREF(t->tp_dict);
  Py_XDECREF(t->tp_bases);
  Py_XDECREF(t->tp_mro);
  // A C heap type (PyType_FromSpec & co.) died: its runtime type is gone, and
  // its address may be a new type's soon.
  Py_XDECREF(reinterpret_cast<PyHeapTypeObject*>(o)->ht_module);
  for (auto it = cTypes().begin(); it != cTypes().end();) {
    if (it->second != t) {
      ++it;
      continue;
    }
    forgetCBufferExporter(it->first);
    it = cTypes().erase(it);
  }
}

// ===========================================================================
// C-defined types seen from the runtime: the runtime slots call the C slots.

Value takeSlotResult(PyObject* r, const char* slot) {
  if (r == nullptr) {
    if (!errorPending()) raiseSystemError(slot, "returned NULL without setting an exception");
    return Value();
  }
  return takeNew(r);
}

PyTypeObject* cTypeOf(Value v) {
  return v.isSmallInt() ? nullptr : cSolidBase(typeOf(v));
}

namespace {

// The proxies of a slot call's arguments (three at most), released after;
// the call is a call into C (CCallScope).
class Args {
 public:
  Args() = default;
  Args(const Args&) = delete;
  Args& operator=(const Args&) = delete;
  ~Args() {
    for (int i = 0; i < n_; ++i) {
      if (items_[i] != nullptr) releaseLent(items_[i]);
    }
  }
  PyObject* add(Value v) { return items_[n_++] = v.isNull() ? nullptr : toNew(v); }

 private:
  CCallScope scope_;
  PyObject* items_[3];
  int n_ = 0;
};

Value cRepr(Value self) {
  Args a;
  return takeSlotResult(cTypeOf(self)->tp_repr(a.add(self)), "__repr__");
}
Value cStr(Value self) {
  Args a;
  return takeSlotResult(cTypeOf(self)->tp_str(a.add(self)), "__str__");
}
int64_t cHash(Value self) {
  Args a;
  Py_hash_t h = cTypeOf(self)->tp_hash(a.add(self));
  return h == -1 && !errorPending() ? -2 : h;
}
Value cCall(Value callable, const Value* args, size_t nargs, Value kwnames);
Value cGetAttr(Value self, Value name) {
  Args a;
  PyObject* s = a.add(self);
  return takeSlotResult(cTypeOf(self)->tp_getattro(s, a.add(name)), "__getattribute__");
}
int cSetAttr(Value self, Value name, Value value) {
  Args a;
  PyObject* s = a.add(self);
  PyObject* n = a.add(name);
  return cTypeOf(self)->tp_setattro(s, n, a.add(value));
}
Value cRichCompare(Value x, Value y, int op) {
  PyTypeObject* t = cTypeOf(x);
  if (t == nullptr || t->tp_richcompare == nullptr) t = cTypeOf(y);
  Args a;
  PyObject* px = a.add(x);
  return takeSlotResult(t->tp_richcompare(px, a.add(y), op), "__richcmp__");
}
Value cIter(Value self) {
  Args a;
  return takeSlotResult(cTypeOf(self)->tp_iter(a.add(self)), "__iter__");
}
Value cIterNext(Value self) {
  Args a;
  PyObject* r = cTypeOf(self)->tp_iternext(a.add(self));
  if (r == nullptr) return Value();  // exhausted, or an error: the runtime's convention too
  Value v = takeNew(r);
  return v;
}
Value cDescrGet(Value descr, Value obj, Value type) {
  Args a;
  PyObject* d = a.add(descr);
  PyObject* o = a.add(obj);
  return takeSlotResult(cTypeOf(descr)->tp_descr_get(d, o, a.add(type)), "__get__");
}
int cDescrSet(Value descr, Value obj, Value value) {
  Args a;
  PyObject* d = a.add(descr);
  PyObject* o = a.add(obj);
  return cTypeOf(descr)->tp_descr_set(d, o, a.add(value));
}

Value cCall(Value callable, const Value* args, size_t nargs, Value kwnames) {
  CallTupleDict td;
  if (!td.make(args, nargs, kwnames)) return Value();
  Args a;
  return takeSlotResult(cTypeOf(callable)->tp_call(a.add(callable), td.tuple, td.dict), "__call__");
}

Value cNew(Type* type, const Value* args, size_t nargs, Value kwnames) {
  PyTypeObject* c = cSolidBase(type);
  CallTupleDict td;
  if (!td.make(args, nargs, kwnames)) return Value();
  return takeSlotResult(c->tp_new(typeProxy(type), td.tuple, td.dict), "__new__");
}
int cInit(Value self, const Value* args, size_t nargs, Value kwnames) {
  CallTupleDict td;
  if (!td.make(args, nargs, kwnames)) return -1;
  Args a;
  return cTypeOf(self)->tp_init(a.add(self), td.tuple, td.dict);
}

// Binary number slots, as CPython's binary_op1 among the operands' C types:
// the left one's function, then the right one's if it differs (first if its
// type derives from the left's), until one gives something other than
// NotImplemented.  The runtime sees one slot (this function) on every C
// type, so it calls it once for two C operands: numpy's int8 + int16 needs
// int16's function after int8's defers.
binaryfunc numberSlotOf(PyTypeObject* t, binaryfunc PyNumberMethods::*slot) {
  return t != nullptr && t->tp_as_number != nullptr ? t->tp_as_number->*slot : nullptr;
}

template <binaryfunc PyNumberMethods::*slot>
Value cBinary(Value x, Value y) {
  PyTypeObject* tx = cTypeOf(x);
  PyTypeObject* ty = cTypeOf(y);
  binaryfunc fx = numberSlotOf(tx, slot);
  binaryfunc fy = numberSlotOf(ty, slot);
  if (fy == fx) fy = nullptr;
  Args a;
  PyObject* px = a.add(x);
  PyObject* py = a.add(y);
  auto attempt = [&](binaryfunc f) -> PyObject* {
    PyObject* r = f(px, py);
    if (r != Py_NotImplemented) return r;
    Py_DECREF(r);
    return Py_NotImplemented;
  };
  if (fx != nullptr) {
    if (fy != nullptr && PyType_IsSubtype(ty, tx)) {
      PyObject* r = attempt(fy);
      if (r != Py_NotImplemented) return takeSlotResult(r, "number slot");
      fy = nullptr;
    }
    PyObject* r = attempt(fx);
    if (r != Py_NotImplemented) return takeSlotResult(r, "number slot");
  }
  if (fy != nullptr) {
    PyObject* r = attempt(fy);
    if (r != Py_NotImplemented) return takeSlotResult(r, "number slot");
  }
  return Value(singletons::NotImplemented);
}
// In-place slots: only the left operand's, as CPython's binary_iop1 (the
// runtime falls back to the plain operator on NotImplemented).
template <binaryfunc PyNumberMethods::*slot>
Value cInplace(Value x, Value y) {
  binaryfunc f = numberSlotOf(cTypeOf(x), slot);
  if (f == nullptr) return Value(singletons::NotImplemented);
  Args a;
  PyObject* px = a.add(x);
  return takeSlotResult(f(px, a.add(y)), "number slot");
}
Value cInplacePower(Value x, Value y, Value z) {
  PyTypeObject* t = cTypeOf(x);
  if (t == nullptr || t->tp_as_number == nullptr || t->tp_as_number->nb_inplace_power == nullptr) {
    return Value(singletons::NotImplemented);
  }
  Args a;
  PyObject* px = a.add(x);
  PyObject* py = a.add(y);
  return takeSlotResult(t->tp_as_number->nb_inplace_power(px, py, a.add(z)), "__ipow__");
}

template <unaryfunc PyNumberMethods::*slot>
Value cUnary(Value x) {
  Args a;
  return takeSlotResult((cTypeOf(x)->tp_as_number->*slot)(a.add(x)), "number slot");
}
Value cPower(Value x, Value y, Value z) {
  PyTypeObject* t = cTypeOf(x);
  if (t == nullptr || t->tp_as_number == nullptr || t->tp_as_number->nb_power == nullptr) t = cTypeOf(y);
  Args a;
  PyObject* px = a.add(x);
  PyObject* py = a.add(y);
  return takeSlotResult(t->tp_as_number->nb_power(px, py, a.add(z)), "__pow__");
}
int cBool(Value x) {
  Args a;
  return cTypeOf(x)->tp_as_number->nb_bool(a.add(x));
}
int64_t cLength(Value x) {
  PyTypeObject* t = cTypeOf(x);
  Args a;
  PyObject* px = a.add(x);
  if (t->tp_as_mapping != nullptr && t->tp_as_mapping->mp_length != nullptr) return t->tp_as_mapping->mp_length(px);
  return t->tp_as_sequence->sq_length(px);
}
Value cSubscript(Value x, Value key) {
  PyTypeObject* t = cTypeOf(x);
  Args a;
  PyObject* px = a.add(x);
  if (t->tp_as_mapping != nullptr && t->tp_as_mapping->mp_subscript != nullptr) {
    return takeSlotResult(t->tp_as_mapping->mp_subscript(px, a.add(key)), "__getitem__");
  }
  int64_t i;
  if (!argIndex(key, &i)) return Value();
  if (i < 0 && t->tp_as_sequence->sq_length != nullptr) {
    Py_ssize_t n = t->tp_as_sequence->sq_length(px);
    if (n < 0) return Value();
    i += n;
  }
  return takeSlotResult(t->tp_as_sequence->sq_item(px, i), "__getitem__");
}
int cAssSubscript(Value x, Value key, Value value) {
  PyTypeObject* t = cTypeOf(x);
  Args a;
  PyObject* px = a.add(x);
  if (t->tp_as_mapping != nullptr && t->tp_as_mapping->mp_ass_subscript != nullptr) {
    PyObject* pk = a.add(key);
    return t->tp_as_mapping->mp_ass_subscript(px, pk, a.add(value));
  }
  int64_t i;
  if (!argIndex(key, &i)) return -1;
  if (i < 0 && t->tp_as_sequence->sq_length != nullptr) {
    Py_ssize_t n = t->tp_as_sequence->sq_length(px);
    if (n < 0) return -1;
    i += n;
  }
  return t->tp_as_sequence->sq_ass_item(px, i, a.add(value));
}
int cContains(Value x, Value item) {
  Args a;
  PyObject* px = a.add(x);
  return cTypeOf(x)->tp_as_sequence->sq_contains(px, a.add(item));
}

// sq_repeat and sq_concat of a C type without the number slots: `*` and
// `+` reach them as CPython's PyNumber_Multiply/Add do after nb_multiply and
// nb_add (`c_int * 4` is _ctypes's metaclass's sq_repeat).  The count may be
// either operand; another type that may still reflect gets NotImplemented.
ssizeargfunc repeatSlotOf(Value v) {
  PyTypeObject* t = cTypeOf(v);
  return t != nullptr && t->tp_as_sequence != nullptr ? t->tp_as_sequence->sq_repeat : nullptr;
}
Value cRepeat(Value x, Value y) {
  ssizeargfunc f = repeatSlotOf(x);
  Value seq = x, count = y;
  if (f == nullptr) {
    f = repeatSlotOf(y);
    seq = y;
    count = x;
  }
  if (f == nullptr) return Value(singletons::NotImplemented);
  if (!count.isSmallInt() && typeOf(count)->slots.nb_index == nullptr) {
    if (typeOf(count)->slots.nb_multiply != nullptr) return Value(singletons::NotImplemented);
    return raisef(exc::TypeError, "can't multiply sequence by non-int of type '%s'", typeNameOf(count).c_str());
  }
  int64_t n;
  if (!indexToInt64(count, &n, exc::OverflowError)) return Value();
  Args a;
  return takeSlotResult(f(a.add(seq), n), "sq_repeat");
}
Value cConcat(Value x, Value y) {
  PyTypeObject* t = cTypeOf(x);
  if (t == nullptr || t->tp_as_sequence == nullptr || t->tp_as_sequence->sq_concat == nullptr) {
    return Value(singletons::NotImplemented);
  }
  Args a;
  PyObject* px = a.add(x);
  return takeSlotResult(t->tp_as_sequence->sq_concat(px, a.add(y)), "sq_concat");
}

// The runtime slots of a C type: a trampoline for each C slot it has.
Slots runtimeSlots(PyTypeObject* t) {
  Slots s;
  if (t->tp_repr) s.tp_repr = cRepr;
  if (t->tp_str) s.tp_str = cStr;
  if (t->tp_hash && t->tp_hash != PyObject_HashNotImplemented) s.tp_hash = cHash;
  if (t->tp_hash == PyObject_HashNotImplemented) s.tp_hash = hashNotImplemented;
  if (t->tp_call) s.tp_call = cCall;
  if (t->tp_getattro && t->tp_getattro != PyObject_GenericGetAttr) s.tp_getattro = cGetAttr;
  if (t->tp_setattro && t->tp_setattro != PyObject_GenericSetAttr) s.tp_setattro = cSetAttr;
  if (t->tp_richcompare) s.tp_richcompare = cRichCompare;
  if (t->tp_iter) s.tp_iter = cIter;
  if (t->tp_iternext) s.tp_iternext = cIterNext;
  if (t->tp_descr_get) s.tp_descr_get = cDescrGet;
  if (t->tp_descr_set) s.tp_descr_set = cDescrSet;
  if (t->tp_init) s.tp_init = cInit;
  if (t->tp_new) s.tp_new = cNew;
  if (PyNumberMethods* nb = t->tp_as_number) {
    if (nb->nb_add) s.nb_add = cBinary<&PyNumberMethods::nb_add>;
    if (nb->nb_subtract) s.nb_subtract = cBinary<&PyNumberMethods::nb_subtract>;
    if (nb->nb_multiply) s.nb_multiply = cBinary<&PyNumberMethods::nb_multiply>;
    if (nb->nb_remainder) s.nb_remainder = cBinary<&PyNumberMethods::nb_remainder>;
    if (nb->nb_divmod) s.nb_divmod = cBinary<&PyNumberMethods::nb_divmod>;
    if (nb->nb_lshift) s.nb_lshift = cBinary<&PyNumberMethods::nb_lshift>;
    if (nb->nb_rshift) s.nb_rshift = cBinary<&PyNumberMethods::nb_rshift>;
    if (nb->nb_and) s.nb_and = cBinary<&PyNumberMethods::nb_and>;
    if (nb->nb_xor) s.nb_xor = cBinary<&PyNumberMethods::nb_xor>;
    if (nb->nb_or) s.nb_or = cBinary<&PyNumberMethods::nb_or>;
    if (nb->nb_floor_divide) s.nb_floor_divide = cBinary<&PyNumberMethods::nb_floor_divide>;
    if (nb->nb_true_divide) s.nb_true_divide = cBinary<&PyNumberMethods::nb_true_divide>;
    if (nb->nb_matrix_multiply) s.nb_matrix_multiply = cBinary<&PyNumberMethods::nb_matrix_multiply>;
#define TERN_INPLACE(field) \
  if (nb->field) s.field = cInplace<&PyNumberMethods::field>
    TERN_INPLACE(nb_inplace_add);
    TERN_INPLACE(nb_inplace_subtract);
    TERN_INPLACE(nb_inplace_multiply);
    TERN_INPLACE(nb_inplace_remainder);
    TERN_INPLACE(nb_inplace_lshift);
    TERN_INPLACE(nb_inplace_rshift);
    TERN_INPLACE(nb_inplace_and);
    TERN_INPLACE(nb_inplace_xor);
    TERN_INPLACE(nb_inplace_or);
    TERN_INPLACE(nb_inplace_floor_divide);
    TERN_INPLACE(nb_inplace_true_divide);
    TERN_INPLACE(nb_inplace_matrix_multiply);
#undef TERN_INPLACE
    if (nb->nb_inplace_power) s.nb_inplace_power = cInplacePower;
    if (nb->nb_power) s.nb_power = cPower;
    if (nb->nb_negative) s.nb_negative = cUnary<&PyNumberMethods::nb_negative>;
    if (nb->nb_positive) s.nb_positive = cUnary<&PyNumberMethods::nb_positive>;
    if (nb->nb_absolute) s.nb_absolute = cUnary<&PyNumberMethods::nb_absolute>;
    if (nb->nb_invert) s.nb_invert = cUnary<&PyNumberMethods::nb_invert>;
    if (nb->nb_int) s.nb_int = cUnary<&PyNumberMethods::nb_int>;
    if (nb->nb_float) s.nb_float = cUnary<&PyNumberMethods::nb_float>;
    if (nb->nb_index) s.nb_index = cUnary<&PyNumberMethods::nb_index>;
    if (nb->nb_bool) s.nb_bool = cBool;
  }
  PyMappingMethods* mp = t->tp_as_mapping;
  PySequenceMethods* sq = t->tp_as_sequence;
  if ((mp && mp->mp_length) || (sq && sq->sq_length)) s.mp_length = cLength;
  if ((mp && mp->mp_subscript) || (sq && sq->sq_item)) s.mp_subscript = cSubscript;
  if ((mp && mp->mp_ass_subscript) || (sq && sq->sq_ass_item)) s.mp_ass_subscript = cAssSubscript;
  if (sq && sq->sq_contains) s.sq_contains = cContains;
  if (sq && sq->sq_repeat && s.nb_multiply == nullptr) s.nb_multiply = cRepeat;
  if (sq && sq->sq_concat && s.nb_add == nullptr) s.nb_add = cConcat;
  return s;
}

Value cannotCreate(Type* type, const Value*, size_t, Value) {
  return raisef(exc::TypeError, "cannot create '%s' instances", typeName(type).c_str());
}

// Fills the null entries of a protocol table from the base's (a table is a
// struct of function pointers); a type without a table shares the base's.
template <class Table>
void inheritTable(Table*& table, Table* base) {
  if (base == nullptr) return;
  if (table == nullptr) {
    table = base;
    return;
  }
  if (table == base) return;
  auto** mine = reinterpret_cast<void**>(table);
  auto** theirs = reinterpret_cast<void**>(base);
  for (size_t i = 0; i < sizeof(Table) / sizeof(void*); ++i) {
    if (mine[i] == nullptr) mine[i] = theirs[i];
  }
}

// What CPython's PyType_Ready inherits from the base into the C struct:
// C code calls these through the type (Py_TYPE(self)->tp_free(self)).
void inheritCSlots(PyTypeObject* t, PyTypeObject* base) {
  constexpr unsigned long kSubclassFlags = Py_TPFLAGS_LONG_SUBCLASS | Py_TPFLAGS_LIST_SUBCLASS |
                                           Py_TPFLAGS_TUPLE_SUBCLASS | Py_TPFLAGS_BYTES_SUBCLASS |
                                           Py_TPFLAGS_UNICODE_SUBCLASS | Py_TPFLAGS_DICT_SUBCLASS |
                                           Py_TPFLAGS_BASE_EXC_SUBCLASS | Py_TPFLAGS_TYPE_SUBCLASS;
  t->tp_flags |= base->tp_flags & kSubclassFlags;
  if (t->tp_basicsize == 0) t->tp_basicsize = base->tp_basicsize;
  if (t->tp_itemsize == 0) t->tp_itemsize = base->tp_itemsize;
  if (t->tp_alloc == nullptr) t->tp_alloc = PyType_GenericAlloc;
  if (t->tp_free == nullptr) t->tp_free = (t->tp_flags & Py_TPFLAGS_HAVE_GC) ? PyObject_GC_Del : PyObject_Free;
  if (t->tp_dealloc == nullptr) t->tp_dealloc = base->tp_dealloc;
  if (t->tp_getattro == nullptr) t->tp_getattro = t->tp_getattr != nullptr ? getAttrByCharName : PyObject_GenericGetAttr;
  if (t->tp_setattro == nullptr) t->tp_setattro = t->tp_setattr != nullptr ? setAttrByCharName : PyObject_GenericSetAttr;
  bool base_is_c = cTypes().count(static_cast<Type*>(fromC(reinterpret_cast<PyObject*>(base)).asObject())) != 0;
  if (base_is_c) {
    // Slot by slot, as CPython inherits them: a heap type has its own tables
    // (empty where the spec said nothing).
    inheritTable(t->tp_as_number, base->tp_as_number);
    inheritTable(t->tp_as_sequence, base->tp_as_sequence);
    inheritTable(t->tp_as_mapping, base->tp_as_mapping);
    inheritTable(t->tp_as_async, base->tp_as_async);
    inheritTable(t->tp_as_buffer, base->tp_as_buffer);
    if (t->tp_repr == nullptr) t->tp_repr = base->tp_repr;
    if (t->tp_str == nullptr) t->tp_str = base->tp_str;
    if (t->tp_call == nullptr) t->tp_call = base->tp_call;
    if (t->tp_iter == nullptr) t->tp_iter = base->tp_iter;
    if (t->tp_iternext == nullptr) t->tp_iternext = base->tp_iternext;
    if (t->tp_richcompare == nullptr && t->tp_hash == nullptr) {
      t->tp_richcompare = base->tp_richcompare;
      t->tp_hash = base->tp_hash;
    }
    if (t->tp_init == nullptr) t->tp_init = base->tp_init;
    if (t->tp_traverse == nullptr && t->tp_clear == nullptr) {
      t->tp_traverse = base->tp_traverse;
      t->tp_clear = base->tp_clear;
    }
  }
  if (t->tp_new == nullptr && !(t->tp_flags & Py_TPFLAGS_DISALLOW_INSTANTIATION) &&
      (base != &PyBaseObject_Type || (t->tp_flags & Py_TPFLAGS_HEAPTYPE))) {
    t->tp_new = base->tp_new;
  }
}

std::string dottedPrefix(const char* name) {
  const char* dot = std::strrchr(name, '.');
  return dot == nullptr ? std::string() : std::string(name, dot - name);
}
const char* lastComponent(const char* name) {
  const char* dot = std::strrchr(name, '.');
  return dot == nullptr ? name : dot + 1;
}

}  // namespace

Type* runtimeTypeOfC(PyTypeObject* t) {
  Value v = fromC(reinterpret_cast<PyObject*>(t));
  return static_cast<Type*>(v.asObject());
}

// Makes the runtime type for C type `t` (already carrying its slots); links
// it as t's proxy (a static record for a static type, the arena link for a
// heap type from a spec).  -1 with an exception on failure.
int readyCType(PyTypeObject* t, bool heap) {
  PyTypeObject* base = t->tp_base != nullptr ? t->tp_base : &PyBaseObject_Type;
  if (!(base->tp_flags & Py_TPFLAGS_READY) && PyType_Ready(base) < 0) return -1;
  // Bases C gave itself (numpy's float64: tp_bases (floating, float), tp_base
  // floating).  A builtin among them that tp_base is not gives the instance
  // layout, as CPython's solid base would: float64's instances are floats.
  PyObject* c_bases = t->tp_bases != nullptr && PyTuple_Check(t->tp_bases) && PyTuple_GET_SIZE(t->tp_bases) > 1
                          ? t->tp_bases
                          : nullptr;
  PyTypeObject* layout_base = base;
  if (c_bases != nullptr) {
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(c_bases); ++i) {
      auto* b = reinterpret_cast<PyTypeObject*>(PyTuple_GET_ITEM(c_bases, i));
      if (!(b->tp_flags & Py_TPFLAGS_READY) && PyType_Ready(b) < 0) return -1;
      Type* rb = runtimeTypeOfC(b);
      if (rb != types::object_type && cTypes().count(rb) == 0 && cTypes().count(runtimeTypeOfC(base)) != 0) {
        layout_base = b;
      }
    }
  }
  Type* runtime_base = runtimeTypeOfC(layout_base);
  // A C type deriving from a builtin other than object without fields of its
  // own (xxlimited.Str) has the builtin's instances: runtime objects, whose
  // proxies C reads as the builtin's struct.
  // A C metaclass may add fields (numpy's _DTypeMeta): its instances are
  // types, whose C faces are either C memory (static types C readies) or
  // type proxies made with the metaclass's size (typeProxy).
  bool field_free = t->tp_basicsize == 0 || t->tp_basicsize == layout_base->tp_basicsize;
  bool builtin_base = runtime_base != types::object_type && cTypes().count(runtime_base) == 0;
  bool metaclass = runtime_base->hasFlag(type_flags::kTypeSubclass);
  // Fields after a fixed-size value's struct (numpy.str_) live in the
  // instance's proxy, which is made with the C type's size and lives as
  // long as the instance; a variable-size one (bytes, int, tuple) leaves no
  // room for fields, only for padding (numpy.bytes_ is sizeof(PyBytesObject)).
  bool value_with_fields = runtime_base->hasFlag(type_flags::kStrSubclass) ||
                           isSubtype(runtime_base, types::float_type) || isSubtype(runtime_base, types::complex_type);
  bool padded = layout_base->tp_itemsize != 0 &&
                t->tp_basicsize <= ((layout_base->tp_basicsize + 7) & ~Py_ssize_t{7});
  // Fields after PyDictObject (_ctypes's StgDict) live in the instance's
  // proxy, made with the C type's size, for the dict's life; ma_used keeps
  // following the runtime dict.
  bool dict_with_fields = runtime_base->hasFlag(type_flags::kDictSubclass) && layout_base->tp_itemsize == 0;
  // A builtin whose instances carry nothing beyond object's header, in C and
  // in the runtime (datetime.tzinfo, which _zoneinfo's ZoneInfo derives
  // from): the C type's instances are C objects as for a C type deriving
  // from object, their wrappers instances of a runtime subtype of the builtin.
  bool bare_base = builtin_base && !field_free && layout_base->tp_basicsize == sizeof(PyObject) &&
                   layout_base->tp_itemsize == 0 && runtime_base->basic_size == sizeof(Obj) &&
                   runtime_base->dict_offset == 0 && !metaclass;
  if (bare_base) {
    builtin_base = false;
    // Its instances come from tp_alloc, as from CPython's tzinfo's
    // PyType_GenericNew, not from the builtin's constructor.
    if (t->tp_new == nullptr) t->tp_new = PyType_GenericNew;
  }
  if (builtin_base && !field_free && !metaclass && !value_with_fields && !padded && !dict_with_fields) {
    raisef(exc::NotImplementedError, "cpyext: C type %s derives from '%s'; Tern supports C types deriving from object "
           "or from other C types so far", t->tp_name, typeName(runtime_base).c_str());
    return -1;
  }
  t->tp_base = base;
  // Slot wrappers (__repr__, __add__, ...) for the slots t defines itself,
  // before it inherits the rest, as CPython's add_operators: a subclass's
  // dict has none of its base's, so C.__repr__ is B.__repr__.
  // So do the runtime slots: the runtime inherits the others from the base.
  std::span<const MethodDef> methods = slotMethodsFor(t, methodDefsFor(t->tp_methods, t));
  Slots own_slots = runtimeSlots(t);
  bool char_getattr = t->tp_getattro == nullptr && t->tp_getattr != nullptr;
  bool char_setattr = t->tp_setattro == nullptr && t->tp_setattr != nullptr;
  inheritCSlots(t, base);
  Slots inherited = runtimeSlots(t);
  own_slots.tp_new = inherited.tp_new;  // object's too, for a heap type (CPython)
  // tp_getattr/tp_setattr of its own became tp_getattro/tp_setattro.
  if (char_getattr) own_slots.tp_getattro = inherited.tp_getattro;
  if (char_setattr) own_slots.tp_setattro = inherited.tp_setattro;
  if (t->tp_new == nullptr && !heap && base == &PyBaseObject_Type) t->tp_flags |= Py_TPFLAGS_DISALLOW_INSTANTIATION;

  auto* spec = new TypeSpec();
  spec->name = strdup(lastComponent(t->tp_name));
  std::string module = dottedPrefix(t->tp_name);
  spec->module = module.empty() ? nullptr : strdup(module.c_str());
  spec->type = new Type*(nullptr);
  spec->base = new Type*(runtime_base);
  if (builtin_base || runtime_base->dict_offset == cWrapperDictOffset()) {
    // The base's instance layout (a builtin's, or a wrapper with __dict__).
  } else if (t->tp_dictoffset > 0) {
    spec->layout = cWrapperDictLayout();
    spec->basic_size = cWrapperDictSize();
    spec->dict_offset = cWrapperDictOffset();
  } else {
    spec->layout = cWrapperLayout();
    spec->basic_size = sizeof(Obj) + sizeof(uint64_t);
  }
  spec->flags = (t->tp_flags & Py_TPFLAGS_BASETYPE) ? type_flags::kBaseType : 0;
  // With a builtin layout base besides tp_base, t's slots as inherited
  // from tp_base come first, the builtin's fill the rest (CPython's MRO
  // order for numpy's scalars).
  spec->slots = layout_base == base ? own_slots : inherited;
  if (t->tp_flags & Py_TPFLAGS_DISALLOW_INSTANTIATION) spec->slots.tp_new = cannotCreate;
  spec->methods = methods;
  spec->getsets = getSetDefsFor(t->tp_getset, t->tp_members);
  spec->doc = docWithoutSignature(t->tp_doc, spec->name, &spec->text_signature);
  spec->weakrefable = t->tp_weaklistoffset != 0;
  // A heap type lives while referenced (its proxy's count, Python's
  // references); a static type for good, as its C memory does.
  Type* rt = readyBuiltinType(spec, /*immortal=*/!heap);
  if (rt == nullptr) return -1;
  if (heap) {
    // Heap types keep __module__ in their dict (from tp_name's prefix).
    if (!module.empty() && dictSet(rt->dict.get(), names::__module__, newStr(module)) < 0) return -1;
    rt->flags |= type_flags::kHeapType;
    if (!(t->tp_flags & Py_TPFLAGS_IMMUTABLETYPE)) rt->flags &= ~type_flags::kImmutable;
    // The runtime tells a heap type's own fields by its slot names: one that
    // is no identifier stands for the C struct, so that a class deriving from
    // a mixin and this type (`class W(Mixin, CType)`) gets this type as its
    // solid base (__base__) and the wrapper layout, as in CPython.
    if (!builtin_base) {
      Value marker = newTuple(1);
      tupleInit(marker, 0, newStr("<C struct>"));
      rt->slot_names.set(marker);
    }
  }
  // The metatype a C metaclass makes (pybind11_type): instances of types have
  // the same layout, only their type differs.
  // A static type without one takes its base's metatype, as in CPython
  // (numpy's _ScaledFloatTestDType becomes a _DTypeMeta instance).
  if (Py_TYPE(t) == nullptr && Py_TYPE(base) != nullptr) Py_SET_TYPE(t, Py_TYPE(base));
  PyTypeObject* meta = Py_TYPE(t);
  if (meta != nullptr && meta != &PyType_Type && (meta->tp_flags & Py_TPFLAGS_READY)) {
    rt->ob_type.set(typeValue(runtimeTypeOfC(meta)));
  }
  if (c_bases != nullptr) {
    Value bases = newTuple(PyTuple_GET_SIZE(c_bases));
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(c_bases); ++i) {
      tupleInit(bases, i, typeValue(runtimeTypeOfC(reinterpret_cast<PyTypeObject*>(PyTuple_GET_ITEM(c_bases, i)))));
    }
    if (typeSetForeignBases(rt, bases) < 0) return -1;
  }
  cTypes()[rt] = t;
  rt->c_layout = t;  // cSolidBase's memo, in case it was asked while rt was being made
  if (t->tp_as_buffer != nullptr && t->tp_as_buffer->bf_getbuffer != nullptr && !builtin_base) {
    registerCBufferExporter(rt);
  }
  if (heap) {
    linkProxy(reinterpret_cast<PyObject*>(t), typeValue(rt));
  } else if (inArena(t)) {
    // A static type in memory C took from PyMem_Malloc (numpy's DType
    // classes copy a prototype there): its block's prefix is the link.
    prefixOf(reinterpret_cast<PyObject*>(t))->kind = ProxyKind::kType;
    prefixOf(reinterpret_cast<PyObject*>(t))->flags = 0;
    linkProxy(reinterpret_cast<PyObject*>(t), typeValue(rt));
  } else {
    registerStatic(reinterpret_cast<PyObject*>(t), typeValue(rt));
  }
  if (t->ob_base.ob_base.ob_type == nullptr) t->ob_base.ob_base.ob_type = &PyType_Type;
  t->tp_flags |= Py_TPFLAGS_READY;
  t->tp_dict = toNew(rt->dict.get());
  t->tp_bases = toNew(rt->bases.get());
  t->tp_mro = toNew(rt->mro.get());
  return 0;
}

}  // namespace tern::cpyext

using namespace tern;
using namespace tern::cpyext;

extern "C" {

int PyType_Ready(PyTypeObject* t) {
  if (t == nullptr) return badInternalCall("PyType_Ready"), -1;
  if (t->tp_flags & Py_TPFLAGS_READY) return 0;
  if (t->tp_name == nullptr) {
    raise(exc::SystemError, "Type does not define the tp_name field.");
    return -1;
  }
  // A heap type built by hand lives in the arena (PyType_GenericAlloc).
  bool heap = (t->tp_flags & Py_TPFLAGS_HEAPTYPE) != 0 && inArena(t);
  return readyCType(t, heap);
}

int PyType_IsSubtype(PyTypeObject* a, PyTypeObject* b) {
  if (a == b) return 1;
  return isSubtype(runtimeTypeOfC(a), runtimeTypeOfC(b)) ? 1 : 0;
}

unsigned long PyType_GetFlags(PyTypeObject* t) { return t->tp_flags; }

void PyType_Modified(PyTypeObject* t) { typeModified(runtimeTypeOfC(t)); }
unsigned int PyType_ClearCache(void) { return static_cast<unsigned int>(clearTypeCache()); }

PyObject* PyType_GenericNew(PyTypeObject* t, PyObject*, PyObject*) { return t->tp_alloc(t, 0); }

PyObject* PyType_GetName(PyTypeObject* t) { return returnNew(runtimeTypeOfC(t)->name.get()); }
PyObject* PyType_GetQualName(PyTypeObject* t) { return returnNew(runtimeTypeOfC(t)->qualname.get()); }
const char* _PyType_Name(PyTypeObject* t) { return lastComponent(t->tp_name); }

PyObject* _PyType_Lookup(PyTypeObject* t, PyObject* name) {
  Value v = typeLookup(runtimeTypeOfC(t), fromC(name));
  if (v.isNull()) return nullptr;
  return toBorrowed(reinterpret_cast<PyObject*>(t), v);
}

}  // extern "C"
