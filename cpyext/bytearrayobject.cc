// cpyext: the bytearray API (CPython's Objects/bytearrayobject.c surface)
// and the C-visible fields of bytearray proxies.
//
// PyByteArray_AS_STRING reads ob_start straight from the proxy, and C code
// writes through it, so the proxy points into the runtime bytearray's own
// storage: one buffer both sides see.  The runtime's storage is an ordinary
// (movable) heap block, so while a bytearray has a proxy its storage is kept
// in the old space, which never moves: refreshByteArray copies a young
// storage block into a new old one when it first points C at it (and again
// after the runtime replaced the block, e.g. when it grew).  The proxy's
// ob_size/ob_alloc/ob_start are brought up to date every time the proxy is
// handed to C (toNew -> refreshProxy) and by every PyByteArray_* function.
//
// What is not covered: C keeping PyByteArray_AS_STRING's pointer across a
// call into Python code that resizes the same bytearray (the runtime then
// moves to a new block; CPython would have realloc'd too — C code must
// re-read the pointer after such calls in CPython as well).
#include <cstring>
#include <string>

#include "Python.h"
#include "cpyext/proxy.h"
#include "cpyext/proxy_internal.h"
#include "runtime/interp/errors.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/bytearray.h"
#include "runtime/objects/bytes.h"
#include "runtime/objects/rawbytes.h"
#include "runtime/objects/str.h"

namespace tern::cpyext {

void refreshByteArray(PyObject* o, Value v) {
  auto* p = reinterpret_cast<PyByteArrayObject*>(o);
  ByteArrayObj* ba = asByteArray(v);
  Value storage = ba->storage.get();
  if (storage.isNull()) {
    p->ob_bytes = nullptr;
    p->ob_start = nullptr;
    p->ob_alloc = 0;
  } else {
    if (p->ob_bytes != rawBytesData(storage)) {
      // A block C has not seen yet: give the bytearray an old-space copy.
      int64_t size = rawBytesSize(storage);
      size_t rounded = (static_cast<size_t>(size) + 7) & ~size_t{7};
      Obj* block = newObjectOld(types::rawbytes_type, sizeof(RawBytesObj) + rounded);
      static_cast<RawBytesObj*>(block)->size = size;
      storage = asByteArray(v)->storage.get();  // re-read: the allocation may have moved it
      std::memcpy(static_cast<RawBytesObj*>(block)->data(), rawBytesData(storage), rounded);
      asByteArray(v)->storage.set(Value(block));
      storage = Value(block);
    }
    p->ob_bytes = rawBytesData(storage);
    p->ob_start = p->ob_bytes;
    p->ob_alloc = rawBytesSize(storage);
  }
  Py_SET_SIZE(p, asByteArray(v)->length);
  p->ob_exports = asByteArray(v)->exports;
}

namespace {

// The bytearray behind o, its proxy refreshed; null (no exception) when o is
// not one.
Value byteArrayArg(PyObject* o) {
  if (o == nullptr) return Value();
  Value v = fromC(o);
  if (v.isNull() || !isByteArray(v)) return Value();
  if (inArena(o) && prefixOf(o)->kind == ProxyKind::kPlain) refreshByteArray(o, v);
  return v;
}

}  // namespace

}  // namespace tern::cpyext

using namespace tern;
using namespace tern::cpyext;

extern "C" {

char _PyByteArray_empty_string[8] = {0};

PyObject* PyByteArray_FromStringAndSize(const char* bytes, Py_ssize_t size) {
  if (size < 0) {
    raise(exc::SystemError, "Negative size passed to PyByteArray_FromStringAndSize");
    return nullptr;
  }
  if (bytes == nullptr) {
    std::string zeros(static_cast<size_t>(size), '\0');
    return returnNew(newByteArray(zeros.data(), size));
  }
  return returnNew(newByteArray(bytes, size));
}

PyObject* PyByteArray_FromObject(PyObject* input) {
  if (input == nullptr) return badInternalCall("PyByteArray_FromObject");
  return returnNew(call1(typeValue(types::bytearray_type), fromC(input)));
}

PyObject* PyByteArray_Concat(PyObject* a, PyObject* b) {
  if (a == nullptr || b == nullptr) return badInternalCall("PyByteArray_Concat");
  Value va = fromC(a);
  Value vb = fromC(b);
  std::string left, right;
  std::string_view view;
  if (!bytesLikeView(va, &view) || (left.assign(view), !bytesLikeView(vb, &view))) {
    raisef(exc::TypeError, "can't concat %s to %s", typeNameOf(vb).c_str(), typeNameOf(va).c_str());
    return nullptr;
  }
  right.assign(view);
  left += right;
  return returnNew(newByteArray(left.data(), static_cast<int64_t>(left.size())));
}

Py_ssize_t PyByteArray_Size(PyObject* o) {
  Value v = byteArrayArg(o);
  if (v.isNull()) return badInternalCall("PyByteArray_Size"), -1;
  return byteArrayLength(v);
}

char* PyByteArray_AsString(PyObject* o) {
  Value v = byteArrayArg(o);
  if (v.isNull()) return badInternalCall("PyByteArray_AsString");
  if (byteArrayLength(v) == 0) return _PyByteArray_empty_string;
  if (inArena(o) && prefixOf(o)->kind == ProxyKind::kPlain) return reinterpret_cast<PyByteArrayObject*>(o)->ob_start;
  return byteArrayData(v);
}

int PyByteArray_Resize(PyObject* o, Py_ssize_t size) {
  Value v = byteArrayArg(o);
  if (v.isNull()) return badInternalCall("PyByteArray_Resize"), -1;
  if (size < 0) {
    raisef(exc::ValueError, "Can only resize to positive sizes, got %zd", static_cast<ssize_t>(size));
    return -1;
  }
  if (!byteArrayResize(v, size)) return -1;
  if (inArena(o) && prefixOf(o)->kind == ProxyKind::kPlain) refreshByteArray(o, v);
  return 0;
}

}  // extern "C"
