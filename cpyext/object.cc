// The object protocol (PyObject_*), the plain proxies of families without a
// materialiser, and cpyext's one-time set-up.
#include <cstring>
#include <vector>

#include "Python.h"
#include "cpyext/arena.h"
#include "cpyext/proxy.h"
#include "cpyext/proxy_internal.h"
#include "cpyext/pyruntime.h"
#include "runtime/gc/heap.h"
#include "runtime/gc/roots.h"
#include "runtime/interp/errors.h"
#include "runtime/interp/gil.h"
#include "runtime/modules/_socket.h"
#include "runtime/modules/fd_arg.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/hash.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/exceptions.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"
#include "runtime/objects/type.h"

namespace tern::cpyext {

size_t moduleProxyBytes();
size_t builtinFunctionProxyBytes();               // methodobject.cc
void refreshBuiltinFunction(PyObject* o, Value v);  // methodobject.cc
extern uint64_t g_dict_version;      // dictobject.cc
void dictChanged(DictObj* d);         // dictobject.cc
size_t frameFamilyProxyBytes(Type* type);       // frameobject.cc
void refreshFrameFamily(PyObject* o, Value v);  // frameobject.cc
// Families with fields C reads directly (setobject.cc, sliceobject.cc,
// classobject.cc, cellobject.cc), and the C-defined builtin types (capsule.cc,
// classobject.cc).
size_t cellProxyBytes();
size_t memoryViewProxyBytes();
void refreshMemoryView(PyObject* o, Value v);
void refreshSet(PyObject* o, Value v);
void refreshSlice(PyObject* o, Value v);
void refreshMethod(PyObject* o, Value v);
void refreshCell(PyObject* o, Value v);
void initializeCapsuleType();
size_t exceptionProxyBytes(Type* type);        // exceptions.cc
void refreshException(PyObject* o, Value v);  // exceptions.cc
bool isSocket(Value v);                       // socketmodule.cc
size_t socketProxyBytes();
void refreshSocket(PyObject* o, Value v);
void initializeSocketCapi();
const char* cMethodDoc(const MethodDef* def);  // methodobject.cc
const char* cGetSetDoc(const GetSetDef* def);  // descrobject.cc
void initializeInstanceMethodType();
bool isWeakrefType(Type* type);                 // weakrefobject.cc
void refreshWeakref(PyObject* o, Value v);      // weakrefobject.cc

size_t plainProxyBytes(Type* type) {
  if (type->hasFlag(type_flags::kDictSubclass)) return sizeof(PyDictObject);
  if (type->hasFlag(type_flags::kBaseExceptionSubclass)) return exceptionProxyBytes(type);
  if (socketType() != nullptr && isSubtype(type, socketType())) return socketProxyBytes();
  if (isSubtype(type, types::module_type)) return moduleProxyBytes();
  if (type == types::builtin_function_type) return builtinFunctionProxyBytes();
  if (isSubtype(type, types::bytearray_type)) return sizeof(PyByteArrayObject);
  if (isSubtype(type, types::complex_type)) return sizeof(PyComplexObject);
  if (isSubtype(type, types::set_type) || isSubtype(type, types::frozenset_type)) return sizeof(PySetObject);
  if (type == types::slice_type) return sizeof(PySliceObject);
  if (type == types::method_type) return sizeof(PyMethodObject);
  if (type == types::cell_type) return cellProxyBytes();
  if (isWeakrefType(type)) return sizeof(PyWeakReference);
  if (type == types::memoryview_type) return memoryViewProxyBytes();
  if (size_t n = frameFamilyProxyBytes(type)) return n;
  if (size_t n = descriptorProxyBytes(type)) return n;
  if (size_t n = dateTimeProxyBytes(type)) return n;
  return sizeof(PyObject);
}

void refreshPlain(PyObject* o, Value v) {
  if (PyDict_Check(o)) {
    // C obtains the dict: count and version as they are now (the
    // runtime's changes are watched from here on, dictChanged).
    reinterpret_cast<PyDictObject*>(o)->ma_used = dictSize(v);
    if (reinterpret_cast<PyDictObject*>(o)->ma_version_tag == 0) {
      reinterpret_cast<PyDictObject*>(o)->ma_version_tag = ++g_dict_version;
    }
  } else {
    // Exact types by pointer; only a heap type can be a subclass (keeps
    // modules and functions, the usual plain proxies, off PyType_IsSubtype).
    PyTypeObject* t = Py_TYPE(o);
    bool heap = (t->tp_flags & Py_TPFLAGS_HEAPTYPE) != 0;
    if (t == &PyByteArray_Type || (heap && PyType_IsSubtype(t, &PyByteArray_Type))) {
      refreshByteArray(o, v);
    } else if (t == &PyComplex_Type || (heap && PyType_IsSubtype(t, &PyComplex_Type))) {
      refreshComplex(o, v);
    } else if (t == &PySet_Type || t == &PyFrozenSet_Type ||
               (heap && (PyType_IsSubtype(t, &PySet_Type) || PyType_IsSubtype(t, &PyFrozenSet_Type)))) {
      refreshSet(o, v);
    } else if (t == &PySlice_Type) {
      refreshSlice(o, v);
    } else if (t == &PyMethod_Type) {
      refreshMethod(o, v);
    } else if (t == &PyCell_Type) {
      refreshCell(o, v);
    } else if (t == &PyMemoryView_Type) {
      refreshMemoryView(o, v);
    } else if (t == &PyFrame_Type || t == &PyTraceBack_Type || t == &PyCode_Type) {
      refreshFrameFamily(o, v);
    } else if (t == &PyCFunction_Type) {
      refreshBuiltinFunction(o, v);
    } else if (PyExceptionInstance_Check(o)) {
      refreshException(o, v);
    } else if (isSocket(v)) {
      refreshSocket(o, v);
    } else if (t == &PyMethodDescr_Type || t == &PyClassMethodDescr_Type || t == &PyGetSetDescr_Type ||
               t == &PyMemberDescr_Type || t == &PyWrapperDescr_Type) {
      refreshDescriptor(o, v);
    } else if (t == &_PyWeakref_RefType || t == &_PyWeakref_ProxyType || t == &_PyWeakref_CallableProxyType ||
               (heap && PyType_IsSubtype(t, &_PyWeakref_RefType))) {
      refreshWeakref(o, v);
    } else {
      refreshDateTime(o, v);  // the native datetime types and their subclasses
    }
  }
}

void initializeCpyext() {
  static bool done = false;
  if (done) return;
  done = true;
  initializeBuiltinExports();
  g_dict_watcher = dictChanged;
  // Docs C may write into its tables later (numpy's add_docstring).
  g_raw_method_doc = cMethodDoc;
  g_raw_getset_doc = cGetSetDoc;
  // Extensions may start threads that call back (PyGILState_Ensure): from now
  // on the runtime releases the GIL around blocking calls.
  interp::noteThreadStarted();
  initializePyRuntime();  // what CPython's own modules read: tstate_current, tp_methods
  initializeCapsuleType();
  initializeInstanceMethodType();
  initializeSocketCapi();
  installTerminalReader();  // input() through the readline module's reader, once it installs one
  // Py_OptimizeFlag / Py_VerboseFlag from sys.flags (-O, -v).
  PyObject* flags = PySys_GetObject("flags");
  if (flags != nullptr) {
    PyObject* o = PyObject_GetAttrString(flags, "optimize");
    PyObject* v = PyObject_GetAttrString(flags, "verbose");
    if (o != nullptr) Py_OptimizeFlag = static_cast<int>(PyLong_AsLong(o));
    if (v != nullptr) Py_VerboseFlag = static_cast<int>(PyLong_AsLong(v));
    Py_XDECREF(o);
    Py_XDECREF(v);
    PyErr_Clear();
  }
}

}  // namespace tern::cpyext

using namespace tern;
using namespace tern::cpyext;

namespace {

Value nameOf(const char* name) { return internStr(name); }

}  // namespace

extern "C" {

void Py_IncRef(PyObject* o) { Py_XINCREF(o); }
void Py_DecRef(PyObject* o) { Py_XDECREF(o); }
int(Py_Is)(PyObject* x, PyObject* y) { return x == y; }
int(Py_IsNone)(PyObject* x) { return x == Py_None; }
int(Py_IsTrue)(PyObject* x) { return x == Py_True; }
int(Py_IsFalse)(PyObject* x) { return x == Py_False; }
PyObject*(Py_NewRef)(PyObject* o) { return _Py_NewRef(o); }
PyObject*(Py_XNewRef)(PyObject* o) { return _Py_XNewRef(o); }

PyObject* PyObject_GetAttr(PyObject* o, PyObject* name) { return getAttrOf(o, fromC(name)); }
PyObject* PyObject_GetAttrString(PyObject* o, const char* name) { return getAttrOf(o, nameOf(name)); }
int PyObject_SetAttr(PyObject* o, PyObject* name, PyObject* v) {
  return v == nullptr ? delAttr(fromC(o), fromC(name)) : setAttr(fromC(o), fromC(name), fromC(v));
}
int PyObject_SetAttrString(PyObject* o, const char* name, PyObject* v) {
  return v == nullptr ? delAttr(fromC(o), nameOf(name)) : setAttr(fromC(o), nameOf(name), fromC(v));
}
int PyObject_HasAttr(PyObject* o, PyObject* name) {
  Value v = lookupAttr(fromC(o), fromC(name));
  if (v.isNull()) clearError();
  return !v.isNull();
}
int PyObject_HasAttrString(PyObject* o, const char* name) {
  Value v = lookupAttr(fromC(o), nameOf(name));
  if (v.isNull()) clearError();
  return !v.isNull();
}
int _PyObject_LookupAttr(PyObject* o, PyObject* name, PyObject** result) {
  Value v = lookupAttr(fromC(o), fromC(name));
  if (v.isNull()) {
    *result = nullptr;
    return errorPending() ? -1 : 0;
  }
  *result = toNew(v);
  return 1;
}
PyObject* PyObject_GenericGetAttr(PyObject* o, PyObject* name) {
  return returnNew(genericGetAttr(fromC(o), fromC(name)));
}
// CPython's generic lookup with an explicit instance dict (or the object's own
// when dict is NULL); Cython calls it for objects with a __dict__.
PyObject* _PyObject_GenericGetAttrWithDict(PyObject* o, PyObject* name, PyObject* dict, int suppress) {
  Value self = fromC(o), n = fromC(name);
  Value r;
  if (dict == nullptr) {
    r = genericGetAttr(self, n);
  } else {
    // Descriptors of the type first (data descriptors win), then the dict.
    Value attr = typeLookup(typeOf(self), n);
    Type* at = attr.isNull() ? nullptr : typeOf(attr);
    if (at != nullptr && at->slots.tp_descr_get != nullptr && at->slots.tp_descr_set != nullptr) {
      r = at->slots.tp_descr_get(attr, self, typeValue(typeOf(self)));
    } else {
      r = dictGet(fromC(dict), n);
      if (r.isNull() && !errorPending()) {
        if (at != nullptr && at->slots.tp_descr_get != nullptr) {
          r = at->slots.tp_descr_get(attr, self, typeValue(typeOf(self)));
        } else if (!attr.isNull()) {
          r = attr;
        } else {
          raisef(exc::AttributeError, "'%s' object has no attribute '%s'", typeName(typeOf(self)).c_str(),
                 strToUtf8(n).c_str());
        }
      }
    }
  }
  if (r.isNull() && suppress && errorMatches(exc::AttributeError)) clearError();
  return returnNew(r);
}

int PyObject_GenericSetAttr(PyObject* o, PyObject* name, PyObject* v) {
  return genericSetAttr(fromC(o), fromC(name), fromCOrNull(v));
}
PyObject* PyObject_SelfIter(PyObject* o) { return Py_NewRef(o); }
Py_hash_t PyObject_HashNotImplemented(PyObject* o) { return hashNotImplemented(fromC(o)); }

PyObject* PyObject_Repr(PyObject* o) {
  if (o == nullptr) return PyUnicode_FromString("<NULL>");
  return returnNew(repr(fromC(o)));
}
PyObject* PyObject_Str(PyObject* o) {
  if (o == nullptr) return PyUnicode_FromString("<NULL>");
  return returnNew(str(fromC(o)));
}
PyObject* PyObject_ASCII(PyObject* o) { return returnNew(ascii(fromC(o))); }
PyObject* PyObject_Format(PyObject* o, PyObject* spec) {
  return returnNew(format(fromC(o), spec == nullptr ? newStr("") : fromC(spec)));
}
Py_hash_t PyObject_Hash(PyObject* o) { return hash(fromC(o)); }
int PyObject_IsTrue(PyObject* o) { return isTrue(fromC(o)); }
int PyObject_Not(PyObject* o) {
  int r = isTrue(fromC(o));
  return r < 0 ? r : !r;
}
PyObject* PyObject_RichCompare(PyObject* a, PyObject* b, int op) {
  if (op < Py_LT || op > Py_GE) return badInternalCall("PyObject_RichCompare");
  return returnNew(richCompare(fromC(a), fromC(b), op));
}
int PyObject_RichCompareBool(PyObject* a, PyObject* b, int op) {
  if (a == b && (op == Py_EQ || op == Py_NE)) return op == Py_EQ;
  return richCompareBool(fromC(a), fromC(b), op);
}
PyObject* PyObject_Type(PyObject* o) { return Py_NewRef(reinterpret_cast<PyObject*>(Py_TYPE(o))); }
int PyObject_IsInstance(PyObject* o, PyObject* cls) { return isInstanceGeneric(fromC(o), fromC(cls)); }
int PyObject_IsSubclass(PyObject* d, PyObject* cls) { return isSubclassGeneric(fromC(d), fromC(cls)); }
int PyCallable_Check(PyObject* o) { return o != nullptr && isCallable(fromC(o)); }

PyObject* PyObject_Call(PyObject* callable, PyObject* args, PyObject* kwargs) {
  if (args == nullptr || !PyTuple_Check(args)) return badInternalCall("PyObject_Call");
  return returnNew(callTupleDict(fromC(callable), fromC(args), fromCOrNull(kwargs)));
}
PyObject* PyObject_CallObject(PyObject* callable, PyObject* args) {
  if (args == nullptr) return returnNew(call0(fromC(callable)));
  return PyObject_Call(callable, args, nullptr);
}
PyObject* PyObject_CallNoArgs(PyObject* callable) { return returnNew(call0(fromC(callable))); }
PyObject* PyObject_CallOneArg(PyObject* callable, PyObject* arg) {
  return returnNew(call1(fromC(callable), fromC(arg)));
}
PyObject* PyObject_Vectorcall(PyObject* callable, PyObject* const* args, size_t nargsf, PyObject* kwnames) {
  size_t nargs = PyVectorcall_NARGS(nargsf);
  size_t nkw = kwnames == nullptr ? 0 : static_cast<size_t>(PyTuple_GET_SIZE(kwnames));
  // fromC may allocate (realising what C built): the values must sit where
  // the collector sees them, the stack or a root vector.
  size_t n = nargs + nkw;
  Value small[8];
  gc::RootVector big;
  Value* values = small;
  if (n > 8) {
    big.resize(n);
    values = big.data();
  }
  for (size_t i = 0; i < n; ++i) {
    Value v = fromC(args[i]);
    if (n > 8) {
      big.set(i, v);
    } else {
      values[i] = v;
    }
  }
  if (n > 8) values = big.data();
  return returnNew(call(fromC(callable), values, nargs, fromCOrNull(kwnames)));
}
PyObject* PyObject_VectorcallDict(PyObject* callable, PyObject* const* args, size_t nargsf, PyObject* kwargs) {
  size_t nargs = PyVectorcall_NARGS(nargsf);
  Value tuple = newTuple(static_cast<int64_t>(nargs));
  for (size_t i = 0; i < nargs; ++i) tupleInit(tuple, static_cast<int64_t>(i), fromC(args[i]));
  return returnNew(callTupleDict(fromC(callable), tuple, fromCOrNull(kwargs)));
}
PyObject* PyObject_VectorcallMethod(PyObject* name, PyObject* const* args, size_t nargsf, PyObject* kwnames) {
  size_t nargs = PyVectorcall_NARGS(nargsf);
  if (nargs == 0) return badInternalCall("PyObject_VectorcallMethod");
  PyObject* method = PyObject_GetAttr(args[0], name);
  if (method == nullptr) return nullptr;
  PyObject* r = PyObject_Vectorcall(method, args + 1, nargs - 1, kwnames);
  Py_DECREF(method);
  return r;
}

PyObject* PyObject_GetItem(PyObject* o, PyObject* key) { return returnNew(getItem(fromC(o), fromC(key))); }
int PyObject_SetItem(PyObject* o, PyObject* key, PyObject* v) {
  if (v == nullptr) return badInternalCall("PyObject_SetItem"), -1;
  return setItem(fromC(o), fromC(key), fromC(v));
}
int PyObject_DelItem(PyObject* o, PyObject* key) { return delItem(fromC(o), fromC(key)); }
Py_ssize_t PyObject_Size(PyObject* o) { return length(fromC(o)); }
Py_ssize_t PyObject_LengthHint(PyObject* o, Py_ssize_t d) { return lengthHint(fromC(o), d); }
PyObject* PyObject_GetIter(PyObject* o) { return returnNew(getIter(fromC(o))); }
PyObject* PyIter_Next(PyObject* it) { return returnNew(iterNext(fromC(it))); }
int PyIter_Check(PyObject* o) {
  PyTypeObject* t = Py_TYPE(o);
  return t->tp_iternext != nullptr;
}
PyObject* PyObject_Dir(PyObject* o) {
  PyObject* builtins = PyImport_ImportModule("builtins");
  if (builtins == nullptr) return nullptr;
  PyObject* dir = PyObject_GetAttrString(builtins, "dir");
  Py_DECREF(builtins);
  if (dir == nullptr) return nullptr;
  PyObject* r = o == nullptr ? PyObject_CallNoArgs(dir) : PyObject_CallOneArg(dir, o);
  Py_DECREF(dir);
  return r;
}

// tp_iternext of a type that is not an iterator (CPython marks them so).
PyObject* _PyObject_NextNotImplemented(PyObject* o) {
  PyErr_Format(PyExc_TypeError, "'%.200s' object is not iterable", Py_TYPE(o)->tp_name);
  return nullptr;
}

int PyObject_AsFileDescriptor(PyObject* o) {
  int fd = -1;
  if (!asFileDescriptor(fromC(o), &fd)) return -1;
  return fd;
}

// repr(o) (or str(o) with Py_PRINT_RAW) written to a C stream.
int PyObject_Print(PyObject* o, FILE* fp, int flags) {
  if (o == nullptr) {
    std::fputs("<nil>", fp);
    return 0;
  }
  PyObject* s = (flags & Py_PRINT_RAW) ? PyObject_Str(o) : PyObject_Repr(o);
  if (s == nullptr) return -1;
  const char* text = PyUnicode_AsUTF8(s);
  int r = text == nullptr ? -1 : 0;
  if (text != nullptr) std::fputs(text, fp);
  Py_DECREF(s);
  return r;
}

Py_hash_t _Py_HashPointerRaw(const void* p) {
  auto y = reinterpret_cast<uintptr_t>(p);
  y = (y >> 4) | (y << (8 * sizeof(uintptr_t) - 4));
  return static_cast<Py_hash_t>(y);
}

// An object of a C type hashes as object.__hash__ hashes it: by its
// wrapper's identity (as CPython's hashes both by the address), so that
// _decimal's hash of a NaN, _Py_HashPointer(self), is object.__hash__(self).
// Any other pointer hashes by its address.  (A free arena block never
// carries kCObject: its first word is a 16-byte aligned pointer or null.)
Py_hash_t _Py_HashPointer(const void* p) {
  Py_hash_t h;
  auto* block = static_cast<const char*>(p) - sizeof(ProxyPrefix);
  auto* o = static_cast<PyObject*>(const_cast<void*>(p));
  if (arenaIsBlockStart(block) && prefixOf(o)->kind == ProxyKind::kCObject && Py_TYPE(o) != nullptr) {
    h = gc::identityHash(fromC(o).asObject());
  } else {
    h = _Py_HashPointerRaw(p);
  }
  return h == -1 ? -2 : h;
}

// A NaN hashes by the identity of its object (o), as in 3.10+.
Py_hash_t _Py_HashDouble(PyObject* o, double v) {
  return objects::hash_double(v, o == nullptr ? 0 : PyObject_Hash(o));
}

}  // extern "C"
