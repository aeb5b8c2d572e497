// Memory of C objects and the objects of C-defined types.
//
// PyObject_Malloc and PyMem_Malloc blocks come from the proxy arena, behind a
// ProxyPrefix like every proxy, so that any of them may become an object
// (PyObject_Init) and so that the two families may be mixed as CPython's
// pymalloc lets them be.  PyMem_RawMalloc is the C library's malloc unless
// PyMem_SetAllocator replaced it (allocators.cc).
//
// An object of a C-defined type lives in its C memory (tp_alloc).  It gets a
// runtime wrapper — an instance of the runtime type, holding the address —
// only when it first crosses into the runtime (wrapCObject).  Until then its
// last Py_DECREF deallocates it at once, as in CPython; after that the
// wrapper decides: the C object is deallocated by the wrapper's finalizer,
// once the wrapper is unreachable and ob_refcnt is zero.  The collector traces
// a wrapper through its C type's tp_traverse.
#include <cstddef>
#include <cstdlib>
#include <cstring>

#include "Python.h"
#include "cpyext/allocators.h"
#include "cpyext/arena.h"
#include "cpyext/proxy.h"
#include "cpyext/proxy_internal.h"
#include "runtime/gc/heap.h"
#include "runtime/interp/errors.h"
#include "runtime/objects/complex.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/exceptions.h"
#include "runtime/objects/float.h"
#include "runtime/objects/list.h"
#include "runtime/objects/object.h"
#include "runtime/objects/type.h"
#include "runtime/objects/weakref.h"

namespace tern::cpyext {

int visitProxy(PyObject* o, void* arg) {
  if (o == nullptr) return 0;
  auto* visitor = static_cast<gc::SlotVisitor*>(arg);
  if (arenaContains(o)) {
    visitor->visit(&prefixOf(o)->link.target);
  } else if (Value* slot = staticLinkSlot(o)) {
    visitor->visit(slot);
  }
  return 0;
}

namespace {

// A wrapper: the runtime object standing for a C object.  `c_object` is a
// raw address, not a reference (the layout lists no fields).
struct CWrapperObj : Obj {
  uint64_t c_object;
};

PyObject* cObjectOf(gc::Object* wrapper) {
  return reinterpret_cast<PyObject*>(static_cast<CWrapperObj*>(wrapper)->c_object);
}

void traceWrapper(gc::Object* wrapper, gc::SlotVisitor& visitor) {
  PyObject* o = cObjectOf(wrapper);
  if (o == nullptr) return;
  traverseproc traverse = Py_TYPE(o)->tp_traverse;
  if (traverse != nullptr) traverse(o, visitProxy, &visitor);
}

// What CPython's PyObject_ClearWeakRefs does in tp_dealloc, for the wrapper
// of a C object about to go: its weak references die now and their callbacks
// run (weakref.WeakSet drops the object).  The collector would clear them only
// at its next collection, the wrapper having been kept alive for this
// finalizer, and a weak reference would meanwhile give a deallocated object.
// Each weakref's referent is cleared as the collector clears it, then the
// weak_cleared hook of one of them unlists them all and calls the callbacks,
// newest first, as after a collection.
void clearWeakrefsTo(Value wrapper) {
  if (weakrefCount(wrapper) == 0) return;
  Value refs = weakrefList(wrapper);
  if (refs.isNull()) {
    clearError();  // no memory for the list: the next collection clears them
    return;
  }
  for (int64_t i = 0; i < listLength(refs); ++i) asWeakref(listItem(refs, i))->referent.set(Value());
  gc::Object* first = listItem(refs, 0).asObject();
  gc::layoutOf(first).weak_cleared(first);
}

// The wrapper was found unreachable.  With ob_refcnt at zero the C object
// goes now.  A count above zero means a full collection found every one of
// its references inside garbage (a cycle through C objects): as CPython does,
// tp_clear breaks the cycle, and the object is deallocated when its count
// reaches zero, as an unwrapped object is.
void finalizeWrapper(gc::Object* wrapper) {
  PyObject* o = cObjectOf(wrapper);
  if (o == nullptr) return;
  if (Py_TYPE(o)->tp_finalize != nullptr) {
    Py_ssize_t before = o->ob_refcnt;
    PyObject_CallFinalizer(o);
    // Resurrected by its finalizer: C (or the runtime, through a new
    // reference) keeps it; a later collection sees it again.
    if (o->ob_refcnt > before) {
      gc::setFinalizable(wrapper);
      return;
    }
  }
  clearWeakrefsTo(Value(wrapper));
  gc::removeExternal(wrapper);
  static_cast<CWrapperObj*>(wrapper)->c_object = 0;
  prefixOf(o)->flags |= proxy_flags::kNoWrapper;
  if (o->ob_refcnt == 0) {
    Py_TYPE(o)->tp_dealloc(o);
    return;
  }
  Py_INCREF(o);  // tp_clear may drop the last cycle reference to o itself
  if (Py_TYPE(o)->tp_clear != nullptr) Py_TYPE(o)->tp_clear(o);
  Py_DECREF(o);
}

const gc::Layout kCWrapperLayout = {
    .name = "cpyext wrapper",
    .trace = traceWrapper,
    .finalize = finalizeWrapper,
};

// The wrapper of an object of a C type with tp_dictoffset (Cython's
// functions): the runtime finds the instance __dict__ in `dict`, and the C
// field holds a reference to the same dict, set when the wrapper is made.
struct CWrapperDictObj : CWrapperObj {
  gc::HeapValue dict;
};
constexpr uint32_t kWrapperDictFields[] = {offsetof(CWrapperDictObj, dict)};
const gc::Layout kCWrapperDictLayout = {
    .name = "cpyext wrapper with __dict__",
    .fields = kWrapperDictFields,
    .trace = traceWrapper,
    .finalize = finalizeWrapper,
};

// Makes the wrapper's __dict__ and the C object's the same dict: C's if it
// made one before the object crossed, else a new one C gets a reference to.
void shareInstanceDict(CWrapperDictObj* w, PyObject* o) {
  PyObject** field = _PyObject_GetDictPtr(o);
  if (field == nullptr) return;
  if (*field != nullptr) {
    w->dict.set(fromC(*field));
    return;
  }
  Value d = newDict();
  w->dict.set(d);
  *field = toNew(d);
}

void* blockOf(void* p) { return static_cast<char*>(p) - sizeof(ProxyPrefix); }

}  // namespace

const gc::Layout* cWrapperLayout() { return &kCWrapperLayout; }
const gc::Layout* cWrapperDictLayout() { return &kCWrapperDictLayout; }
uint32_t cWrapperDictSize() { return sizeof(CWrapperDictObj); }
int32_t cWrapperDictOffset() { return offsetof(CWrapperDictObj, dict); }

namespace {

// The value builtin a C type derives from (its instances are that
// builtin's runtime objects), or null.
Type* valueBuiltinOf(Type* type) {
  if (isSubtype(type, types::float_type)) return types::float_type;
  if (isSubtype(type, types::complex_type)) return types::complex_type;
  if (type->hasFlag(type_flags::kBytesSubclass)) return types::bytes_type;
  if (type->hasFlag(type_flags::kStrSubclass)) return types::str_type;
  return nullptr;
}

// The value in the builtin struct at the head of o, an object of a C type
// deriving from value builtin `builtin` that C allocated and filled in place
// (numpy's scalars: tp_alloc, then ob_fval written): an instance of `type`
// made by the builtin's own constructor.  Null with the exception pending.
Value valueOfCObject(PyObject* o, Type* type, Type* builtin) {
  Value value;
  if (builtin == types::float_type) {
    value = floatOfFilled(o);
  } else if (builtin == types::complex_type) {
    Py_complex c = reinterpret_cast<PyComplexObject*>(o)->cval;
    value = newComplex(c.real, c.imag);
  } else if (builtin == types::bytes_type) {
    value = bytesOfFilled(o);
  } else {
    value = strOfFilled(o);
  }
  if (value.isNull()) return value;
  return builtin->slots.tp_new(type, &value, 1, Value());
}

// A wrapper of type `type` for C object o (its __dict__ shared with C's).
CWrapperObj* newWrapper(Type* type, PyObject* o) {
  auto* w = static_cast<CWrapperObj*>(newObject(type, type->basic_size));
  w->c_object = reinterpret_cast<uint64_t>(o);
  if (type->dict_offset == cWrapperDictOffset()) shareInstanceDict(static_cast<CWrapperDictObj*>(w), o);
  return w;
}

}  // namespace

Value wrapCObject(PyObject* o) {
  Type* type = runtimeTypeOfC(Py_TYPE(o));
  if (Type* builtin = valueBuiltinOf(type)) {
    // A C type deriving from a builtin: the runtime object is the builtin's,
    // and the C memory becomes its proxy, keeping the type's own fields for
    // as long as the object lives (freed with it, without tp_dealloc).
    Value v = valueOfCObject(o, type, builtin);
    if (v.isNull()) return v;
    prefixOf(o)->flags &= ~proxy_flags::kNoWrapper;
    linkProxy(o, v);
    return v;
  }
  CWrapperObj* w = newWrapper(type, o);
  Value v(static_cast<gc::Object*>(w));
  prefixOf(o)->flags &= ~proxy_flags::kNoWrapper;
  linkProxy(o, v);
  gc::setFinalizable(w);
  return v;
}

Value adoptStaticCObject(PyObject* o) {
  Type* type = runtimeTypeOfC(Py_TYPE(o));
  Type* builtin = valueBuiltinOf(type);
  // Else a wrapper without a finalizer: the static record keeps it for good.
  Value v = builtin != nullptr ? valueOfCObject(o, type, builtin)
                               : Value(static_cast<gc::Object*>(newWrapper(type, o)));
  if (!v.isNull()) registerStatic(o, v);
  return v;
}

void deallocCObject(PyObject* o) {
  // With a wrapper, the wrapper's finalizer deallocates (finalizeWrapper).
  if (prefixOf(o)->flags & proxy_flags::kNoWrapper) Py_TYPE(o)->tp_dealloc(o);
}

}  // namespace tern::cpyext

using namespace tern;
using namespace tern::cpyext;

extern "C" {

void* PyObject_Malloc(size_t n) {
  // NULL without the memory, as CPython's allocators: the caller raises MemoryError.
  if (n > static_cast<size_t>(PY_SSIZE_T_MAX)) return nullptr;
  if (n > arena_detail::kMaxSmall && !arenaHasRoomFor(sizeof(ProxyPrefix) + n)) return nullptr;
  PyObject* p = objectOf(static_cast<ProxyPrefix*>(arenaAllocate(sizeof(ProxyPrefix) + n)));
  if (tracemalloc::tracing()) [[unlikely]] traceObjectMemory(p, n);  // allocators.h
  return p;
}
void* PyObject_Calloc(size_t n, size_t size) {
  if (size != 0 && n > static_cast<size_t>(PY_SSIZE_T_MAX) / size) return nullptr;
  return PyObject_Malloc(n * size);  // arena blocks are zeroed
}
void PyObject_Free(void* p) {
  if (p == nullptr) return;
  if (!arenaContains(p)) {
    std::free(p);  // a foreign block handed to the wrong free: CPython would crash; we tolerate malloc's
    return;
  }
  ProxyPrefix* prefix = prefixOf(static_cast<PyObject*>(p));
  if (prefix->marks & (proxy_marks::kWeakTarget | proxy_marks::kWeakReader)) {
    forgetWeakProxies(static_cast<PyObject*>(p));
  }
  if (prefix->kind == ProxyKind::kCObject && !prefix->link.target.isNull()) {
    // Freed while its wrapper lives (a tp_dealloc called directly): unlink.
    Value w = prefix->link.target;
    static_cast<CWrapperObj*>(w.asObject())->c_object = 0;
    gc::removeExternal(w.asObject());
  }
  arenaFree(blockOf(p));
}
void* PyObject_Realloc(void* p, size_t n) {
  if (p == nullptr) return PyObject_Malloc(n);
  size_t have = arenaBlockSize(blockOf(p)) - sizeof(ProxyPrefix);
  if (n <= have) {
    if (tracemalloc::tracing()) [[unlikely]] traceObjectMemory(p, n);
    return p;
  }
  void* q = PyObject_Malloc(n);
  if (q == nullptr) return nullptr;
  std::memcpy(q, p, have);
  PyObject_Free(p);
  return q;
}

void* PyMem_Malloc(size_t n) { return PyObject_Malloc(n); }
void* PyMem_Calloc(size_t n, size_t size) { return PyObject_Calloc(n, size); }
void* PyMem_Realloc(void* p, size_t n) { return PyObject_Realloc(p, n); }
void PyMem_Free(void* p) { PyObject_Free(p); }

// Copies of a C string, freed with PyMem_RawFree / PyMem_Free; NULL without
// memory (no exception, as in CPython).
char* _PyMem_RawStrdup(const char* str) {
  size_t n = std::strlen(str) + 1;
  auto* copy = static_cast<char*>(PyMem_RawMalloc(n));
  if (copy != nullptr) std::memcpy(copy, str, n);
  return copy;
}
char* _PyMem_Strdup(const char* str) {
  size_t n = std::strlen(str) + 1;
  auto* copy = static_cast<char*>(PyMem_Malloc(n));
  if (copy != nullptr) std::memcpy(copy, str, n);
  return copy;
}

// --- objects ---

PyObject* PyObject_Init(PyObject* op, PyTypeObject* type) {
  if (op == nullptr) return PyErr_NoMemory();
  op->ob_refcnt = 1;
  op->ob_type = type;
  if (arenaContains(op)) {
    ProxyPrefix* prefix = prefixOf(op);
    prefix->kind = ProxyKind::kCObject;
    prefix->flags = proxy_flags::kNoWrapper;
  }
  return op;
}

PyVarObject* PyObject_InitVar(PyVarObject* op, PyTypeObject* type, Py_ssize_t size) {
  if (op == nullptr) return reinterpret_cast<PyVarObject*>(PyErr_NoMemory());
  PyObject_Init(reinterpret_cast<PyObject*>(op), type);
  op->ob_size = size;
  return op;
}

static size_t varSize(PyTypeObject* type, Py_ssize_t n) {
  size_t bytes = static_cast<size_t>(type->tp_basicsize) + static_cast<size_t>(n) * type->tp_itemsize;
  return (bytes + 7) & ~size_t{7};
}

PyObject* _PyObject_New(PyTypeObject* type) {
  return PyObject_Init(static_cast<PyObject*>(PyObject_Malloc(varSize(type, 0))), type);
}

PyVarObject* _PyObject_NewVar(PyTypeObject* type, Py_ssize_t n) {
  return PyObject_InitVar(static_cast<PyVarObject*>(PyObject_Malloc(varSize(type, n))), type, n);
}

PyObject* _PyObject_GC_New(PyTypeObject* type) { return _PyObject_New(type); }
PyVarObject* _PyObject_GC_NewVar(PyTypeObject* type, Py_ssize_t n) { return _PyObject_NewVar(type, n); }
PyVarObject* _PyObject_GC_Resize(PyVarObject* op, Py_ssize_t n) {
  auto* r = static_cast<PyVarObject*>(PyObject_Realloc(op, varSize(Py_TYPE(op), n)));
  if (r == nullptr) return reinterpret_cast<PyVarObject*>(PyErr_NoMemory());
  r->ob_size = n;
  return r;
}

PyObject* PyType_GenericAlloc(PyTypeObject* type, Py_ssize_t nitems) {
  // One item more, as CPython: var-sized objects keep a sentinel.
  size_t bytes = varSize(type, nitems + (type->tp_itemsize != 0 ? 1 : 0));
  if (type->tp_flags & Py_TPFLAGS_TYPE_SUBCLASS) {
    // A type built by hand (pybind11 fills a PyHeapTypeObject, then calls
    // PyType_Ready): a type proxy, linked to its runtime type when readied.
    if (bytes < sizeof(PyHeapTypeObject)) bytes = sizeof(PyHeapTypeObject);
    PyObject* t = allocProxy(ProxyKind::kType, bytes, type);
    if (type->tp_flags & Py_TPFLAGS_HEAPTYPE) Py_INCREF(type);
    return t;
  }
  auto* o = static_cast<PyObject*>(PyObject_Malloc(bytes));
  if (o == nullptr) return PyErr_NoMemory();
  PyObject_Init(o, type);
  if (type->tp_flags & Py_TPFLAGS_HEAPTYPE) Py_INCREF(type);  // instances of heap types own one
  if (type->tp_itemsize != 0) Py_SET_SIZE(reinterpret_cast<PyVarObject*>(o), nitems);
  return o;
}

// PEP 442: tp_finalize runs at most once per object.
void PyObject_CallFinalizer(PyObject* o) {
  destructor finalize = Py_TYPE(o)->tp_finalize;
  if (finalize == nullptr) return;
  ProxyPrefix* prefix = arenaContains(o) ? prefixOf(o) : nullptr;
  if (prefix != nullptr) {
    if (prefix->flags & proxy_flags::kFinalized) return;
    prefix->flags |= proxy_flags::kFinalized;
  }
  finalize(o);
}

// Called by a tp_dealloc when ob_refcnt reached zero: runs the finalizer
// with the object alive again; -1 if the finalizer resurrected it (the
// dealloc must stop), 0 to go on.
int PyObject_CallFinalizerFromDealloc(PyObject* o) {
  if (o->ob_refcnt != 0) {
    raise(exc::SystemError, "PyObject_CallFinalizerFromDealloc called on object with a non-zero refcount");
    PyErr_WriteUnraisable(o);
    return 0;
  }
  o->ob_refcnt = 1;
  Value pending = takeError();  // a finalizer runs with no exception set
  PyObject_CallFinalizer(o);
  if (errorPending()) PyErr_WriteUnraisable(o);
  if (!pending.isNull()) restoreError(pending);
  if (--o->ob_refcnt == 0) return 0;
  return -1;
}

PyObject** _PyObject_GetDictPtr(PyObject* o) {
  Py_ssize_t offset = Py_TYPE(o)->tp_dictoffset;
  if (offset == 0) return nullptr;
  if (offset < 0) {
    // Counted from the end of a var-sized object, as CPython does.
    Py_ssize_t size = Py_SIZE(o) < 0 ? -Py_SIZE(o) : Py_SIZE(o);
    offset += Py_TYPE(o)->tp_basicsize + size * Py_TYPE(o)->tp_itemsize;
    offset = (offset + 7) & ~Py_ssize_t{7};
  }
  return reinterpret_cast<PyObject**>(reinterpret_cast<char*>(o) + offset);
}

PyObject* PyObject_GenericGetDict(PyObject* o, void*) {
  PyObject** slot = _PyObject_GetDictPtr(o);
  if (slot == nullptr) {
    PyErr_SetString(PyExc_AttributeError, "This object has no __dict__");
    return nullptr;
  }
  if (*slot == nullptr) {
    *slot = PyDict_New();
    if (*slot == nullptr) return nullptr;
  }
  return Py_NewRef(*slot);
}

int PyObject_GenericSetDict(PyObject* o, PyObject* value, void*) {
  PyObject** slot = _PyObject_GetDictPtr(o);
  if (slot == nullptr) {
    PyErr_SetString(PyExc_AttributeError, "This object has no __dict__");
    return -1;
  }
  if (value == nullptr) {
    PyErr_SetString(PyExc_TypeError, "cannot delete __dict__");
    return -1;
  }
  if (!PyDict_Check(value)) {
    PyErr_Format(PyExc_TypeError, "__dict__ must be set to a dictionary, not a '%.200s'", Py_TYPE(value)->tp_name);
    return -1;
  }
  Py_XSETREF(*slot, Py_NewRef(value));
  return 0;
}

// Tern's collector finds C objects through their wrappers; there is no
// separate list of tracked objects to join or leave.
void PyObject_GC_Track(void*) {}
void PyObject_GC_UnTrack(void*) {}
void PyObject_GC_Del(void* p) { PyObject_Free(p); }
int PyObject_GC_IsTracked(PyObject* o) { return (Py_TYPE(o)->tp_flags & Py_TPFLAGS_HAVE_GC) != 0; }
int PyObject_GC_IsFinalized(PyObject*) { return 0; }

}  // extern "C"
