// cpyext: the bytearray API (CPython's Objects/bytearrayobject.c surface)
// and the C-visible fields of bytearray proxies.
//
// PyByteArray_AS_STRING reads ob_start straight from the proxy, and C code
// writes through it, so the proxy points into the runtime bytearray's own
// storage: one buffer both sides see.  The runtime's storage is an ordinary
// (movable) heap block, so while a bytearray has a proxy its storage is kept
// in the old space, which never moves: refreshByteArray copies a young
// storage block into a new old one when it first points C at it, and from
// then on the runtime allocates the bytearray's storage in the old space
// (runtime/objects/bytearray.h).  The proxy's ob_size/ob_alloc/ob_start/
// ob_exports are set when the proxy is made and whenever the runtime changes
// the length or the storage (g_bytearray_changed_hook: a resize from Python
// is seen by C at once, also by C code that kept the proxy across calls),
// and again each time the proxy is handed to C (toNew -> refreshProxy) and
// by every PyByteArray_* function.
//
// As in CPython, a pointer C got from PyByteArray_AS_STRING before a resize
// is stale after it (the storage moved to a new block): C re-reads the
// macro, which then gives the new block.
#include <cstddef>
#include <cstring>
#include <string>

#include "Python.h"
#include "cpyext/proxy.h"
#include "cpyext/proxy_internal.h"
#include "runtime/gc/barrier.h"
#include "runtime/gc/external.h"
#include "runtime/interp/errors.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/bytearray.h"
#include "runtime/objects/bytes.h"
#include "runtime/objects/rawbytes.h"
#include "runtime/objects/str.h"

namespace tern::cpyext {

namespace {

// The runtime changed the length or storage of a bytearray with a proxy.
void byteArrayChanged(Value v) {
  gc::ExternalLink* link = gc::findExternal(v.asObject());
  if (link == nullptr) return;
  auto* prefix = reinterpret_cast<ProxyPrefix*>(reinterpret_cast<char*>(link) - offsetof(ProxyPrefix, link));
  if (prefix->kind == ProxyKind::kPlain) refreshByteArray(objectOf(prefix), v);
}

}  // namespace

void refreshByteArray(PyObject* o, Value v) {
  if (g_bytearray_changed_hook == nullptr) g_bytearray_changed_hook = byteArrayChanged;
  auto* p = reinterpret_cast<PyByteArrayObject*>(o);
  ByteArrayObj* ba = asByteArray(v);
  Value storage = ba->storage.get();
  if (storage.isNull()) {
    p->ob_bytes = nullptr;
    p->ob_start = nullptr;
    p->ob_alloc = 0;
  } else {
    if (gc::isYoungReference(storage)) {
      // A block that may move: give the bytearray an old-space copy.
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
