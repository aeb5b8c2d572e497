// cpyext: the str API (CPython's Objects/unicodeobject.c surface) and str
// proxies.
//
// A str proxy is a compact PEP 393 string in CPython 3.11's layout: a
// PyASCIIObject followed by the text when every code point is < 128, else a
// PyCompactUnicodeObject followed by the text in the str's kind, always
// NUL-terminated.  state: kind, compact = 1, ascii, ready = 1, interned as
// the runtime says.  The hash is the runtime's cached one (or -1).
//
// What the proxy owns beyond its fixed part (freed by releaseUnicodeProxy
// when the proxy goes, releaseUnicodeContents): the UTF-8 form of a non-ASCII str, made on the first
// PyUnicode_AsUTF8 (CPython caches it in the same field), and the wchar_t
// form of a non-UCS4 str made by the deprecated PyUnicode_AsUnicode.
//
// PyUnicode_New returns a proxy that has no runtime str yet
// (proxy_flags::kFilling, link null): C writes its text with
// PyUnicode_WRITE / memcpy, and the first time the proxy crosses into the
// runtime (fromC -> realiseFilled) finishUnicodeProxy makes the str from the text and links
// the two.  Functions that write text (PyUnicode_WriteChar, CopyCharacters,
// Fill, Resize) accept only such proxies, as CPython accepts only strings
// nobody else has seen yet.
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <cwchar>
#include <string>
#include <vector>

#include "Python.h"
#include "cpyext/proxy.h"
#include "cpyext/proxy_internal.h"
#include "runtime/interp/errors.h"
#include "runtime/modules/_warnings.h"
#include "runtime/modules/module.h"
#include "runtime/modules/posix_internal.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/buffer.h"
#include "runtime/objects/bytes.h"
#include "runtime/objects/int.h"
#include "runtime/objects/str.h"
#include "runtime/objects/str_impl.h"
#include "runtime/objects/tuple.h"
#include "runtime/objects/unicode_props.h"

// This file defines the deprecated functions too.
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"

#ifndef Py_CLEANUP_SUPPORTED  // modsupport.h's
#define Py_CLEANUP_SUPPORTED 0x20000
#endif

namespace tern::cpyext {

namespace {

bool isFilling(PyObject* o) { return inArena(o) && (prefixOf(o)->flags & proxy_flags::kFilling) != 0; }

size_t unicodeHeaderBytes(bool ascii) { return ascii ? sizeof(PyASCIIObject) : sizeof(PyCompactUnicodeObject); }

// A zeroed compact str proxy for n code units of `kind`, not linked.
PyObject* allocUnicode(PyTypeObject* type, int64_t n, int kind, bool ascii) {
  size_t bytes = unicodeHeaderBytes(ascii) + static_cast<size_t>(n + 1) * kind;
  PyObject* p = allocProxy(ProxyKind::kUnicode, (bytes + 7) & ~size_t{7}, type);
  auto* a = reinterpret_cast<PyASCIIObject*>(p);
  a->length = n;
  a->hash = -1;
  a->state.interned = 0;
  a->state.kind = kind;
  a->state.compact = 1;
  a->state.ascii = ascii ? 1 : 0;
  a->state.ready = 1;
  a->wstr = nullptr;
  return p;
}

// Type checks with CPython's wording.
bool ensureStr(Value v) {
  if (isStr(v)) return true;
  raisef(exc::TypeError, "must be str, not %s", typeNameOf(v).c_str());
  return false;
}

std::nullptr_t badArgument() {
  raise(exc::TypeError, "bad argument type for built-in operation");
  return nullptr;
}

// A runtime str for an ASCII C string (encoding and error-handler names).
Value asciiName(const char* s) {
  if (s == nullptr) return Value();
  return newStrReplacingInvalid(s);
}

// str's own method `name` called with args (self first): subclasses'
// overrides are not consulted, as CPython's C functions do not.
Value callStrMethod(const char* name, std::initializer_list<Value> args) {
  Value m = getAttr(typeValue(types::str_type), internStr(name));
  if (m.isNull()) return m;
  return call(m, args.begin(), args.size());
}

Value decodeStrict(const char* s, Py_ssize_t n, const char* encoding, const char* errors) {
  bool ascii = true;
  if (encoding == nullptr || std::strcmp(encoding, "utf-8") == 0 || std::strcmp(encoding, "utf8") == 0) {
    for (Py_ssize_t i = 0; i < n && ascii; ++i) ascii = static_cast<unsigned char>(s[i]) < 0x80;
    if (ascii) return newStrFromUnits(1, s, n);
  }
  return strimpl::decodeBytes(std::string_view(s, static_cast<size_t>(n)), asciiName(encoding), asciiName(errors));
}

}  // namespace

namespace {

// A zeroed legacy (not compact) str proxy for an instance of a C type
// deriving from str with fields of its own (numpy.str_): as in CPython, the
// PyUnicodeObject is followed by the type's fields, and data.any points at
// the text, which here follows them in the same block.
PyObject* allocLegacyUnicode(PyTypeObject* type, size_t basicsize, int64_t n, int kind, bool ascii) {
  size_t head = (basicsize + 7) & ~size_t{7};
  size_t bytes = head + static_cast<size_t>(n + 1) * kind;
  PyObject* p = allocProxy(ProxyKind::kUnicode, (bytes + 7) & ~size_t{7}, type);
  auto* u = reinterpret_cast<PyUnicodeObject*>(p);
  PyASCIIObject* a = &u->_base._base;
  a->length = n;
  a->hash = -1;
  a->state.kind = kind;
  a->state.compact = 0;
  a->state.ascii = ascii ? 1 : 0;
  a->state.ready = 1;
  u->data.any = reinterpret_cast<char*>(p) + head;
  if (ascii) {
    // PyUnicode_UTF8 reads utf8 of a non-compact str, ASCII too.
    u->_base.utf8 = static_cast<char*>(u->data.any);
    u->_base.utf8_length = n;
  }
  return p;
}

}  // namespace

PyObject* newUnicodeProxy(Value v) {
  PyTypeObject* type = typeProxy(typeOf(v));
  StrObj* s = asStr(v);
  int64_t n = s->length;
  int kind = s->kind;
  bool ascii = s->ascii != 0;
  PyTypeObject* c_type = cTypeOf(v);
  PyObject* p = c_type != nullptr && c_type->tp_basicsize > static_cast<Py_ssize_t>(sizeof(PyUnicodeObject))
                    ? allocLegacyUnicode(type, static_cast<size_t>(c_type->tp_basicsize), n, kind, ascii)
                    : allocUnicode(type, n, kind, ascii);
  s = asStr(v);  // re-read after anything that might allocate
  auto* a = reinterpret_cast<PyASCIIObject*>(p);
  a->hash = s->hash;
  a->state.interned = s->interned ? SSTATE_INTERNED_MORTAL : SSTATE_NOT_INTERNED;
  std::memcpy(PyUnicode_DATA(p), s->data(), static_cast<size_t>(n) * kind);
  linkProxy(p, v);
  return p;
}

namespace {
}  // namespace

// A fresh str, never a shared one (newStrFromUnits may return the cached ""
// or one-character strings, which have proxies of their own): the filled
// proxy may become this object's proxy.  Narrowed to the smallest kind, as
// the runtime's invariant wants, whatever maxchar C asked for.
Value strOfFilled(PyObject* o) {
  auto* a = reinterpret_cast<PyASCIIObject*>(o);
  int64_t n = a->length;
  int from_kind = a->state.kind;
  const void* data = PyUnicode_DATA(o);
  if (a->state.ascii) {
    // The usual case (C's ASCII text): copied as it is once every byte is
    // checked to be ASCII, as C may have written any byte.
    unsigned char all = 0;
    for (int64_t i = 0; i < n; ++i) all |= static_cast<const unsigned char*>(data)[i];
    if (all < 0x80) {
      StrObj* s = allocStr(1, n, true);
      if (s == nullptr) return Value();
      copyBytes(s->data(), data, static_cast<size_t>(n));
      static_cast<char*>(s->data())[n] = 0;
      return Value(s);
    }
  }
  Py_UCS4 max = 0;
  for (int64_t i = 0; i < n; ++i) {
    Py_UCS4 c = PyUnicode_READ(from_kind, data, i);
    if (c > max) max = c;
  }
  int kind = max < 0x100 ? 1 : max < 0x10000 ? 2 : 4;
  StrObj* s = allocStr(kind, n, max < 0x80);
  if (s == nullptr) return Value();
  void* out = s->data();
  for (int64_t i = 0; i < n; ++i) PyUnicode_WRITE(kind, out, i, PyUnicode_READ(from_kind, data, i));
  PyUnicode_WRITE(kind, out, n, 0);
  return Value(s);
}

void releaseUnicodeContents(PyObject* o) {
  auto* a = reinterpret_cast<PyASCIIObject*>(o);
  void* data = PyUnicode_DATA(o);
  if (a->wstr != nullptr && a->wstr != data) std::free(a->wstr);
  a->wstr = nullptr;
  if (!a->state.ascii || !a->state.compact) {
    auto* c = reinterpret_cast<PyCompactUnicodeObject*>(o);
    if (c->utf8 != nullptr && c->utf8 != data) std::free(c->utf8);
    c->utf8 = nullptr;
  }
}

namespace {

// The str behind a str proxy, or TypeError "bad argument type ..." (null).
Value strArg(PyObject* o) {
  Value v = fromC(o);
  if (v.isNull()) return v;
  if (!isStr(v)) return badArgument(), Value();
  return v;
}

PyObject* newFilling(Py_ssize_t size, Py_UCS4 maxchar) {
  int kind = maxchar < 0x100 ? 1 : maxchar < 0x10000 ? 2 : 4;
  PyObject* p = allocUnicode(&PyUnicode_Type, size, kind, maxchar < 0x80);
  prefixOf(p)->flags |= proxy_flags::kFilling;
  return p;
}

// A new str from strict UTF-8, as C makes its strings: ASCII text longer than
// one character (the cached ones keep their identity) is a proxy only until
// it crosses over (kFilling); the rest decodes in the runtime.
PyObject* fromUtf8(const char* u, Py_ssize_t size) {
  bool ascii = size > 1;
  for (Py_ssize_t i = 0; i < size && ascii; ++i) ascii = static_cast<unsigned char>(u[i]) < 0x80;
  if (!ascii) return returnNew(decodeStrict(u, size, nullptr, nullptr));
  PyObject* p = newFilling(size, 0x7f);
  copyBytes(PyUnicode_DATA(p), u, static_cast<size_t>(size));
  return p;
}

bool checkModifiable(PyObject* o, const char* function) {
  if (o == nullptr || !inArena(o) || prefixOf(o)->kind != ProxyKind::kUnicode) {
    badInternalCall(function);
    return false;
  }
  if (!isFilling(o) || Py_REFCNT(o) != 1) {
    raise(exc::SystemError, "Cannot modify a string currently used");
    return false;
  }
  return true;
}

Py_UCS4 maxCharOfKind(PyObject* o) { return PyUnicode_MAX_CHAR_VALUE(o); }

}  // namespace

}  // namespace tern::cpyext

using namespace tern;
using namespace tern::cpyext;

extern "C" {

// ===========================================================================
// Creation

PyObject* PyUnicode_New(Py_ssize_t size, Py_UCS4 maxchar) {
  if (size < 0) {
    raise(exc::SystemError, "Negative size passed to PyUnicode_New");
    return nullptr;
  }
  if (maxchar > 0x10ffff) {
    raise(exc::SystemError, "invalid maximum character passed to PyUnicode_New");
    return nullptr;
  }
  return newFilling(size, maxchar);
}

PyObject* PyUnicode_FromStringAndSize(const char* u, Py_ssize_t size) {
  if (size < 0) {
    raise(exc::SystemError, "Negative size passed to PyUnicode_FromStringAndSize");
    return nullptr;
  }
  if (u != nullptr) return fromUtf8(u, size);
  // The deprecated "text filled in later" form: a UCS4 string whose wstr is
  // its data, so PyUnicode_AS_UNICODE writes land in the text.
  if (size > 0) {
    PyObject* p = newFilling(size, 0x10ffff);
    auto* c = reinterpret_cast<PyCompactUnicodeObject*>(p);
    c->_base.wstr = static_cast<wchar_t*>(PyUnicode_DATA(p));
    c->wstr_length = size;
    return p;
  }
  return returnNew(emptyStr());
}

PyObject* PyUnicode_FromString(const char* u) {
  if (u == nullptr) return badInternalCall("PyUnicode_FromString");
  return fromUtf8(u, static_cast<Py_ssize_t>(std::strlen(u)));
}

PyObject* _PyUnicode_FromASCII(const char* buffer, Py_ssize_t size) {
  if (buffer == nullptr || size < 0) return badInternalCall("_PyUnicode_FromASCII");
  return returnNew(newStrFromUnits(1, buffer, size));
}

PyObject* PyUnicode_FromKindAndData(int kind, const void* buffer, Py_ssize_t size) {
  if (size < 0) {
    raise(exc::ValueError, "size must be positive");
    return nullptr;
  }
  if (kind != 1 && kind != 2 && kind != 4) {
    raise(exc::SystemError, "invalid kind");
    return nullptr;
  }
  if (size > 0 && buffer == nullptr) return badInternalCall("PyUnicode_FromKindAndData");
  if (kind == 4) {
    const auto* u = static_cast<const uint32_t*>(buffer);
    for (Py_ssize_t i = 0; i < size; ++i) {
      if (u[i] > 0x10ffff) {
        raisef(exc::ValueError, "character U+%x is not in range [U+0000; U+10ffff]", u[i]);
        return nullptr;
      }
    }
  }
  return returnNew(newStrFromUnits(kind, buffer, size));
}

PyObject* PyUnicode_FromOrdinal(int ordinal) {
  if (ordinal < 0 || ordinal > 0x10ffff) {
    raise(exc::ValueError, "chr() arg not in range(0x110000)");
    return nullptr;
  }
  return returnNew(strFromCodePoint(static_cast<char32_t>(ordinal)));
}

PyObject* PyUnicode_FromWideChar(const wchar_t* w, Py_ssize_t size) {
  if (w == nullptr && size != 0) return badInternalCall("PyUnicode_FromWideChar");
  if (size == -1) size = static_cast<Py_ssize_t>(std::wcslen(w));
  if (size < 0) return badInternalCall("PyUnicode_FromWideChar");
  for (Py_ssize_t i = 0; i < size; ++i) {
    auto c = static_cast<uint32_t>(w[i]);
    if (c > 0x10ffff) {
      raisef(exc::ValueError, "character U+%x is not in range [U+0000; U+10ffff]", c);
      return nullptr;
    }
  }
  return returnNew(newStrFromUnits(4, w, size));
}

PyObject* PyUnicode_FromUnicode(const Py_UNICODE* u, Py_ssize_t size) {
  if (u == nullptr) return PyUnicode_FromStringAndSize(nullptr, size);
  return PyUnicode_FromWideChar(u, size);
}

PyObject* PyUnicode_FromObject(PyObject* obj) {
  if (obj == nullptr) return badInternalCall("PyUnicode_FromObject");
  Value v = fromC(obj);
  if (isExactStr(v)) {
    Py_INCREF(obj);
    return obj;
  }
  if (isStr(v)) return returnNew(strSubstring(v, 0, asStr(v)->length));
  raisef(exc::TypeError, "Can't convert '%s' object to str implicitly", typeNameOf(v).c_str());
  return nullptr;
}

PyObject* _PyUnicode_Copy(PyObject* unicode) {
  if (unicode == nullptr) return badInternalCall("_PyUnicode_Copy");
  Value v = fromC(unicode);
  if (!isStr(v)) return badInternalCall("_PyUnicode_Copy");
  // A copy the caller may modify: a filling proxy with the same text.
  auto* a = reinterpret_cast<PyASCIIObject*>(unicode);
  PyObject* p = newFilling(a->length, maxCharOfKind(unicode));
  std::memcpy(PyUnicode_DATA(p), PyUnicode_DATA(unicode), static_cast<size_t>(a->length) * a->state.kind);
  return p;
}

PyObject* PyUnicode_FromEncodedObject(PyObject* obj, const char* encoding, const char* errors) {
  if (obj == nullptr) return badInternalCall("PyUnicode_FromEncodedObject");
  Value v = fromC(obj);
  if (isBytes(v)) {
    if (bytesLength(v) == 0) return returnNew(emptyStr());
    std::string copy(asBytes(v)->view());
    return returnNew(strimpl::decodeBytes(copy, asciiName(encoding), asciiName(errors)));
  }
  if (isStr(v)) {
    raise(exc::TypeError, "decoding str is not supported");
    return nullptr;
  }
  std::string_view view;
  if (bytesLikeView(v, &view)) {
    std::string copy(view);
    if (copy.empty()) return returnNew(emptyStr());
    return returnNew(strimpl::decodeBytes(copy, asciiName(encoding), asciiName(errors)));
  }
  // Other buffer exporters (memoryview, array): through bytes(v).
  Value b = Value();
  if (!isInt(v)) {
    b = bytesFromObject(v);
    if (b.isNull()) clearError();
  }
  if (b.isNull()) {
    raisef(exc::TypeError, "decoding to str: need a bytes-like object, %s found", typeNameOf(v).c_str());
    return nullptr;
  }
  std::string copy(asBytes(b)->view());
  return returnNew(strimpl::decodeBytes(copy, asciiName(encoding), asciiName(errors)));
}

// ===========================================================================
// Access

Py_ssize_t PyUnicode_GetLength(PyObject* unicode) {
  if (unicode == nullptr) return badInternalCall("PyUnicode_GetLength"), -1;
  if (isFilling(unicode)) return reinterpret_cast<PyASCIIObject*>(unicode)->length;
  Value v = strArg(unicode);
  if (v.isNull()) return -1;
  return asStr(v)->length;
}

Py_ssize_t PyUnicode_GetSize(PyObject* unicode) { return PyUnicode_GetLength(unicode); }

Py_UCS4 PyUnicode_ReadChar(PyObject* unicode, Py_ssize_t index) {
  if (unicode == nullptr) return badInternalCall("PyUnicode_ReadChar"), static_cast<Py_UCS4>(-1);
  if (!isFilling(unicode) && strArg(unicode).isNull()) return static_cast<Py_UCS4>(-1);
  auto* a = reinterpret_cast<PyASCIIObject*>(unicode);
  if (index < 0 || index >= a->length) {
    raise(exc::IndexError, "string index out of range");
    return static_cast<Py_UCS4>(-1);
  }
  return PyUnicode_READ_CHAR(unicode, index);
}

int PyUnicode_WriteChar(PyObject* unicode, Py_ssize_t index, Py_UCS4 ch) {
  if (unicode == nullptr || !inArena(unicode) || prefixOf(unicode)->kind != ProxyKind::kUnicode) {
    return badArgument(), -1;
  }
  auto* a = reinterpret_cast<PyASCIIObject*>(unicode);
  if (index < 0 || index >= a->length) {
    raise(exc::IndexError, "string index out of range");
    return -1;
  }
  if (!checkModifiable(unicode, "PyUnicode_WriteChar")) return -1;
  if (ch > maxCharOfKind(unicode)) {
    raise(exc::ValueError, "character out of range");
    return -1;
  }
  PyUnicode_WRITE(a->state.kind, PyUnicode_DATA(unicode), index, ch);
  return 0;
}

int _PyUnicode_Ready(PyObject*) { return 0; }

Py_UCS4* PyUnicode_AsUCS4(PyObject* unicode, Py_UCS4* buffer, Py_ssize_t buflen, int copy_null) {
  if (unicode == nullptr || buffer == nullptr || buflen < 0) return badInternalCall("PyUnicode_AsUCS4");
  if (!isFilling(unicode) && strArg(unicode).isNull()) return nullptr;
  auto* a = reinterpret_cast<PyASCIIObject*>(unicode);
  Py_ssize_t n = a->length;
  if (buflen < n + (copy_null ? 1 : 0)) {
    raise(exc::SystemError, "string is longer than the buffer");
    if (copy_null && buflen > 0) buffer[0] = 0;
    return nullptr;
  }
  for (Py_ssize_t i = 0; i < n; ++i) buffer[i] = PyUnicode_READ_CHAR(unicode, i);
  if (copy_null) buffer[n] = 0;
  return buffer;
}

Py_UCS4* PyUnicode_AsUCS4Copy(PyObject* unicode) {
  if (unicode == nullptr) return badInternalCall("PyUnicode_AsUCS4Copy");
  if (!isFilling(unicode) && strArg(unicode).isNull()) return nullptr;
  Py_ssize_t n = reinterpret_cast<PyASCIIObject*>(unicode)->length;
  auto* buffer = static_cast<Py_UCS4*>(PyMem_Malloc(static_cast<size_t>(n + 1) * sizeof(Py_UCS4)));
  if (buffer == nullptr) {
    raiseNoMemory();
    return nullptr;
  }
  return PyUnicode_AsUCS4(unicode, buffer, n + 1, 1);
}

Py_ssize_t PyUnicode_AsWideChar(PyObject* unicode, wchar_t* w, Py_ssize_t size) {
  if (unicode == nullptr) return badInternalCall("PyUnicode_AsWideChar"), -1;
  if (!isFilling(unicode) && strArg(unicode).isNull()) return -1;
  Py_ssize_t res = reinterpret_cast<PyASCIIObject*>(unicode)->length;
  if (w == nullptr) return res + 1;
  if (size > res) {
    size = res + 1;
  } else {
    res = size;
  }
  for (Py_ssize_t i = 0; i < size; ++i) {
    w[i] = i < reinterpret_cast<PyASCIIObject*>(unicode)->length ? static_cast<wchar_t>(PyUnicode_READ_CHAR(unicode, i))
                                                                 : 0;
  }
  return res;
}

wchar_t* PyUnicode_AsWideCharString(PyObject* unicode, Py_ssize_t* size) {
  if (unicode == nullptr) return badInternalCall("PyUnicode_AsWideCharString");
  if (!isFilling(unicode) && strArg(unicode).isNull()) return nullptr;
  Py_ssize_t n = reinterpret_cast<PyASCIIObject*>(unicode)->length;
  auto* buffer = static_cast<wchar_t*>(PyMem_Malloc(static_cast<size_t>(n + 1) * sizeof(wchar_t)));
  if (buffer == nullptr) {
    raiseNoMemory();
    return nullptr;
  }
  bool has_nul = false;
  for (Py_ssize_t i = 0; i < n; ++i) {
    buffer[i] = static_cast<wchar_t>(PyUnicode_READ_CHAR(unicode, i));
    has_nul |= buffer[i] == 0;
  }
  buffer[n] = 0;
  if (size != nullptr) {
    *size = n;
  } else if (has_nul) {
    PyMem_Free(buffer);
    raise(exc::ValueError, "embedded null character");
    return nullptr;
  }
  return buffer;
}

Py_UNICODE* PyUnicode_AsUnicodeAndSize(PyObject* unicode, Py_ssize_t* size) {
  if (unicode == nullptr || !inArena(unicode) || prefixOf(unicode)->kind != ProxyKind::kUnicode) {
    return badArgument();
  }
  auto* a = reinterpret_cast<PyASCIIObject*>(unicode);
  if (a->wstr == nullptr) {
    if (a->state.kind == 4) {
      a->wstr = static_cast<wchar_t*>(PyUnicode_DATA(unicode));
    } else {
      auto* w = static_cast<wchar_t*>(std::malloc(static_cast<size_t>(a->length + 1) * sizeof(wchar_t)));
      if (w == nullptr) {
        raiseNoMemory();
        return nullptr;
      }
      for (Py_ssize_t i = 0; i < a->length; ++i) w[i] = static_cast<wchar_t>(PyUnicode_READ_CHAR(unicode, i));
      w[a->length] = 0;
      a->wstr = w;
    }
    if (!a->state.ascii) reinterpret_cast<PyCompactUnicodeObject*>(unicode)->wstr_length = a->length;
  }
  if (size != nullptr) *size = a->length;
  return a->wstr;
}

Py_UNICODE* PyUnicode_AsUnicode(PyObject* unicode) { return PyUnicode_AsUnicodeAndSize(unicode, nullptr); }
const Py_UNICODE* _PyUnicode_AsUnicode(PyObject* unicode) { return PyUnicode_AsUnicodeAndSize(unicode, nullptr); }

// ===========================================================================
// UTF-8 and the codecs

const char* PyUnicode_AsUTF8AndSize(PyObject* unicode, Py_ssize_t* size) {
  if (unicode == nullptr) return badArgument();
  Value v = fromC(unicode);  // finishes a filling proxy
  if (v.isNull()) return nullptr;
  if (!isStr(v) || !inArena(unicode) || prefixOf(unicode)->kind != ProxyKind::kUnicode) return badArgument();
  auto* a = reinterpret_cast<PyASCIIObject*>(unicode);
  if (a->state.ascii) {
    if (size != nullptr) *size = a->length;
    return static_cast<const char*>(PyUnicode_DATA(unicode));
  }
  auto* c = reinterpret_cast<PyCompactUnicodeObject*>(unicode);
  if (c->utf8 == nullptr) {
    Value b = strimpl::encodeStr(v, Value(), Value());
    if (b.isNull()) return nullptr;
    int64_t n = bytesLength(b);
    auto* buffer = static_cast<char*>(std::malloc(static_cast<size_t>(n) + 1));
    if (buffer == nullptr) {
      raiseNoMemory();
      return nullptr;
    }
    std::memcpy(buffer, asBytes(b)->data(), static_cast<size_t>(n) + 1);
    c->utf8 = buffer;
    c->utf8_length = n;
  }
  if (size != nullptr) *size = c->utf8_length;
  return c->utf8;
}

const char* PyUnicode_AsUTF8(PyObject* unicode) { return PyUnicode_AsUTF8AndSize(unicode, nullptr); }

namespace {
PyObject* encodeWith(PyObject* unicode, const char* encoding, const char* errors) {
  if (unicode == nullptr) return badInternalCall("PyUnicode_AsEncodedString");
  Value v = strArg(unicode);
  if (v.isNull()) return nullptr;
  return returnNew(strimpl::encodeStr(v, asciiName(encoding), asciiName(errors)));
}
}  // namespace

PyObject* PyUnicode_AsEncodedString(PyObject* unicode, const char* encoding, const char* errors) {
  return encodeWith(unicode, encoding == nullptr ? "utf-8" : encoding, errors);
}
PyObject* PyUnicode_AsUTF8String(PyObject* unicode) { return encodeWith(unicode, "utf-8", nullptr); }
PyObject* _PyUnicode_AsUTF8String(PyObject* unicode, const char* errors) {
  return encodeWith(unicode, "utf-8", errors);
}
PyObject* PyUnicode_AsASCIIString(PyObject* unicode) { return encodeWith(unicode, "ascii", nullptr); }
PyObject* _PyUnicode_AsASCIIString(PyObject* unicode, const char* errors) {
  return encodeWith(unicode, "ascii", errors);
}
PyObject* PyUnicode_AsLatin1String(PyObject* unicode) { return encodeWith(unicode, "latin-1", nullptr); }
PyObject* _PyUnicode_AsLatin1String(PyObject* unicode, const char* errors) {
  return encodeWith(unicode, "latin-1", errors);
}
PyObject* PyUnicode_AsUTF16String(PyObject* unicode) { return encodeWith(unicode, "utf-16", nullptr); }
PyObject* PyUnicode_AsUTF32String(PyObject* unicode) { return encodeWith(unicode, "utf-32", nullptr); }
PyObject* PyUnicode_AsUnicodeEscapeString(PyObject* unicode) { return encodeWith(unicode, "unicode_escape", nullptr); }
PyObject* PyUnicode_AsRawUnicodeEscapeString(PyObject* unicode) {
  return encodeWith(unicode, "raw_unicode_escape", nullptr);
}
PyObject* PyUnicode_EncodeFSDefault(PyObject* unicode) { return encodeWith(unicode, "utf-8", "surrogateescape"); }
PyObject* PyUnicode_EncodeLocale(PyObject* unicode, const char* errors) {
  return encodeWith(unicode, "utf-8", errors == nullptr ? "strict" : errors);
}

PyObject* PyUnicode_Decode(const char* s, Py_ssize_t size, const char* encoding, const char* errors) {
  if (size < 0 || (s == nullptr && size != 0)) return badInternalCall("PyUnicode_Decode");
  return returnNew(decodeStrict(s == nullptr ? "" : s, size, encoding, errors));
}

PyObject* PyUnicode_DecodeUTF8(const char* s, Py_ssize_t size, const char* errors) {
  return PyUnicode_Decode(s, size, "utf-8", errors);
}

PyObject* PyUnicode_DecodeUTF8Stateful(const char* s, Py_ssize_t size, const char* errors, Py_ssize_t* consumed) {
  if (consumed != nullptr && s != nullptr && size > 0) {
    // Leave an incomplete multi-byte sequence at the end for the next call.
    Py_ssize_t lead = size - 1;
    Py_ssize_t back = 0;
    while (lead >= 0 && back < 3 && (static_cast<unsigned char>(s[lead]) & 0xC0) == 0x80) --lead, ++back;
    if (lead >= 0) {
      auto c = static_cast<unsigned char>(s[lead]);
      Py_ssize_t need = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 && c < 0xF0 ? 3 : c >= 0xC2 && c < 0xE0 ? 2 : 1;
      if (need > 1 && back + 1 < need) size = lead;
    }
    *consumed = size;
  } else if (consumed != nullptr) {
    *consumed = size;
  }
  return PyUnicode_Decode(s, size, "utf-8", errors);
}

PyObject* PyUnicode_DecodeLatin1(const char* s, Py_ssize_t size, const char* errors) {
  (void)errors;
  if (size < 0 || (s == nullptr && size != 0)) return badInternalCall("PyUnicode_DecodeLatin1");
  return returnNew(newStrFromUnits(1, s, size));
}

PyObject* PyUnicode_DecodeASCII(const char* s, Py_ssize_t size, const char* errors) {
  return PyUnicode_Decode(s, size, "ascii", errors);
}

namespace {
PyObject* decodeUtfN(const char* s, Py_ssize_t size, const char* errors, int* byteorder, int width) {
  int order = byteorder != nullptr ? *byteorder : 0;
  const char* encoding;
  if (order < 0) {
    encoding = width == 2 ? "utf-16-le" : "utf-32-le";
  } else if (order > 0) {
    encoding = width == 2 ? "utf-16-be" : "utf-32-be";
  } else {
    encoding = width == 2 ? "utf-16" : "utf-32";
    // Report the order a BOM announced, as CPython does.
    if (byteorder != nullptr && size >= width) {
      auto* u = reinterpret_cast<const unsigned char*>(s);
      if (width == 2 && u[0] == 0xFF && u[1] == 0xFE) *byteorder = -1;
      if (width == 2 && u[0] == 0xFE && u[1] == 0xFF) *byteorder = 1;
      if (width == 4 && size >= 4 && u[0] == 0xFF && u[1] == 0xFE && u[2] == 0 && u[3] == 0) *byteorder = -1;
      if (width == 4 && size >= 4 && u[0] == 0 && u[1] == 0 && u[2] == 0xFE && u[3] == 0xFF) *byteorder = 1;
    }
  }
  return PyUnicode_Decode(s, size, encoding, errors);
}
}  // namespace

PyObject* PyUnicode_DecodeUTF16(const char* s, Py_ssize_t size, const char* errors, int* byteorder) {
  return decodeUtfN(s, size, errors, byteorder, 2);
}
PyObject* PyUnicode_DecodeUTF16Stateful(const char* s, Py_ssize_t size, const char* errors, int* byteorder,
                                        Py_ssize_t* consumed) {
  if (consumed != nullptr) {
    size -= size % 2;
    *consumed = size;
  }
  return decodeUtfN(s, size, errors, byteorder, 2);
}
PyObject* PyUnicode_DecodeUTF32(const char* s, Py_ssize_t size, const char* errors, int* byteorder) {
  return decodeUtfN(s, size, errors, byteorder, 4);
}
PyObject* PyUnicode_DecodeUTF32Stateful(const char* s, Py_ssize_t size, const char* errors, int* byteorder,
                                        Py_ssize_t* consumed) {
  if (consumed != nullptr) {
    size -= size % 4;
    *consumed = size;
  }
  return decodeUtfN(s, size, errors, byteorder, 4);
}
PyObject* PyUnicode_DecodeUnicodeEscape(const char* s, Py_ssize_t size, const char* errors) {
  return PyUnicode_Decode(s, size, "unicode_escape", errors);
}
PyObject* PyUnicode_DecodeRawUnicodeEscape(const char* s, Py_ssize_t size, const char* errors) {
  return PyUnicode_Decode(s, size, "raw_unicode_escape", errors);
}

PyObject* PyUnicode_DecodeFSDefaultAndSize(const char* s, Py_ssize_t size) {
  return PyUnicode_Decode(s, size, "utf-8", "surrogateescape");
}
PyObject* PyUnicode_DecodeFSDefault(const char* s) {
  if (s == nullptr) return badInternalCall("PyUnicode_DecodeFSDefault");
  return PyUnicode_DecodeFSDefaultAndSize(s, static_cast<Py_ssize_t>(std::strlen(s)));
}
PyObject* PyUnicode_DecodeLocaleAndSize(const char* s, Py_ssize_t size, const char* errors) {
  return PyUnicode_Decode(s, size, "utf-8", errors == nullptr ? "strict" : errors);
}
PyObject* PyUnicode_DecodeLocale(const char* s, const char* errors) {
  if (s == nullptr) return badInternalCall("PyUnicode_DecodeLocale");
  return PyUnicode_DecodeLocaleAndSize(s, static_cast<Py_ssize_t>(std::strlen(s)), errors);
}

const char* PyUnicode_GetDefaultEncoding(void) { return "utf-8"; }

// PyArg_Parse "O&" converters: Py_CLEANUP_SUPPORTED lets the parser call
// them again with NULL to release what they made.
int PyUnicode_FSConverter(PyObject* arg, void* addr) {
  auto** out = static_cast<PyObject**>(addr);
  if (arg == nullptr) {
    Py_XDECREF(*out);
    *out = nullptr;
    return 1;
  }
  Value path = posix::fspath(fromC(arg));
  if (path.isNull()) return 0;
  Value b = path;
  if (isStr(path)) {
    b = strimpl::encodeStr(path, internStr("utf-8"), internStr("surrogateescape"));
    if (b.isNull()) return 0;
  }
  std::string_view view = asBytes(b)->view();
  if (view.find('\0') != std::string_view::npos) {
    raise(exc::ValueError, "embedded null byte");
    return 0;
  }
  *out = toNew(b);
  return Py_CLEANUP_SUPPORTED;
}

int PyUnicode_FSDecoder(PyObject* arg, void* addr) {
  auto** out = static_cast<PyObject**>(addr);
  if (arg == nullptr) {
    Py_XDECREF(*out);
    *out = nullptr;
    return 1;
  }
  Value path = posix::fspath(fromC(arg));
  if (path.isNull()) return 0;
  Value s = path;
  if (isBytes(path)) {
    std::string copy(asBytes(path)->view());
    s = strimpl::decodeBytes(copy, internStr("utf-8"), internStr("surrogateescape"));
    if (s.isNull()) return 0;
  } else if (!isStr(path)) {
    raisef(exc::TypeError, "path should be string, bytes, or os.PathLike, not %s", typeNameOf(path).c_str());
    return 0;
  }
  for (int64_t i = 0, n = asStr(s)->length; i < n; ++i) {
    if (asStr(s)->at(i) == 0) {
      raise(exc::ValueError, "embedded null character");
      return 0;
    }
  }
  *out = toNew(s);
  return Py_CLEANUP_SUPPORTED;
}

// ===========================================================================
// Interning

PyObject* PyUnicode_InternFromString(const char* u) {
  if (u == nullptr) return badInternalCall("PyUnicode_InternFromString");
  Value s = decodeStrict(u, static_cast<Py_ssize_t>(std::strlen(u)), nullptr, nullptr);
  if (s.isNull()) return nullptr;
  PyObject* p = returnNew(intern(s));
  if (p != nullptr) reinterpret_cast<PyASCIIObject*>(p)->state.interned = SSTATE_INTERNED_MORTAL;
  return p;
}

void PyUnicode_InternInPlace(PyObject** p) {
  if (p == nullptr || *p == nullptr) return;
  Value v = fromC(*p);
  if (v.isNull()) {
    clearError();
    return;
  }
  if (!isExactStr(v)) return;
  Value w = intern(v);
  if (w.isNull()) {
    clearError();
    return;
  }
  if (w == v) {
    reinterpret_cast<PyASCIIObject*>(*p)->state.interned = SSTATE_INTERNED_MORTAL;
    return;
  }
  PyObject* q = toNew(w);
  reinterpret_cast<PyASCIIObject*>(q)->state.interned = SSTATE_INTERNED_MORTAL;
  Py_DECREF(*p);
  *p = q;
}

void PyUnicode_InternImmortal(PyObject** p) { PyUnicode_InternInPlace(p); }

// ===========================================================================
// Methods

PyObject* PyUnicode_Concat(PyObject* left, PyObject* right) {
  if (left == nullptr || right == nullptr) return badInternalCall("PyUnicode_Concat");
  Value l = fromC(left);
  if (l.isNull() || !ensureStr(l)) return nullptr;
  Value r = fromC(right);
  if (r.isNull()) return nullptr;
  if (!isStr(r)) {
    raisef(exc::TypeError, "can only concatenate str (not \"%s\") to str", typeNameOf(r).c_str());
    return nullptr;
  }
  return returnNew(strConcat(l, r));
}

void PyUnicode_Append(PyObject** pleft, PyObject* right) {
  if (pleft == nullptr) return;
  if (*pleft == nullptr) return;
  if (right == nullptr) {
    Py_CLEAR(*pleft);
    badInternalCall("PyUnicode_Append");
    return;
  }
  PyObject* result = PyUnicode_Concat(*pleft, right);
  Py_DECREF(*pleft);
  *pleft = result;
}

void PyUnicode_AppendAndDel(PyObject** pleft, PyObject* right) {
  PyUnicode_Append(pleft, right);
  Py_XDECREF(right);
}

PyObject* PyUnicode_Join(PyObject* separator, PyObject* seq) {
  if (seq == nullptr) return badInternalCall("PyUnicode_Join");
  Value sep = separator == nullptr ? internStr(" ") : fromC(separator);
  if (sep.isNull()) return nullptr;
  if (!isStr(sep)) {
    // CPython looks at the separator only when it has two items to join.
    Value items = tupleFromIterable(fromC(seq));
    if (items.isNull()) return nullptr;
    if (tupleLength(items) == 0) return returnNew(emptyStr());
    if (tupleLength(items) == 1 && isExactStr(tupleItem(items, 0))) return returnNew(tupleItem(items, 0));
    raisef(exc::TypeError, "separator: expected str instance, %s found", typeNameOf(sep).c_str());
    return nullptr;
  }
  return returnNew(strJoin(sep, fromC(seq)));
}

PyObject* _PyUnicode_JoinArray(PyObject* separator, PyObject* const* items, Py_ssize_t seqlen) {
  if (seqlen < 0 || (items == nullptr && seqlen > 0)) return badInternalCall("_PyUnicode_JoinArray");
  Value t = newTuple(seqlen);
  if (t.isNull()) return nullptr;
  for (Py_ssize_t i = 0; i < seqlen; ++i) tupleInit(t, i, fromC(items[i]));
  Value sep = separator == nullptr ? internStr(" ") : fromC(separator);
  if (!isStr(sep)) {
    raisef(exc::TypeError, "separator: expected str instance, %s found", typeNameOf(sep).c_str());
    return nullptr;
  }
  return returnNew(strJoin(sep, t));
}

namespace {
// The runtime values of a str method's C arguments, str-checked.
bool strArgs(std::initializer_list<PyObject*> objects, Value* out, const char* function) {
  size_t i = 0;
  for (PyObject* o : objects) {
    if (o == nullptr) {
      badInternalCall(function);
      return false;
    }
    out[i] = fromC(o);
    if (out[i].isNull() || !ensureStr(out[i])) return false;
    ++i;
  }
  return true;
}
Value sepOrNone(PyObject* sep, bool* ok) {
  *ok = true;
  if (sep == nullptr) return None();
  Value v = fromC(sep);
  if (v.isNull() || !ensureStr(v)) *ok = false;
  return v;
}
}  // namespace

PyObject* PyUnicode_Split(PyObject* s, PyObject* sep, Py_ssize_t maxsplit) {
  Value v[1];
  if (!strArgs({s}, v, "PyUnicode_Split")) return nullptr;
  bool ok;
  Value sv = sepOrNone(sep, &ok);
  if (!ok) return nullptr;
  return returnNew(callStrMethod("split", {v[0], sv, newInt(maxsplit)}));
}

PyObject* PyUnicode_RSplit(PyObject* s, PyObject* sep, Py_ssize_t maxsplit) {
  Value v[1];
  if (!strArgs({s}, v, "PyUnicode_RSplit")) return nullptr;
  bool ok;
  Value sv = sepOrNone(sep, &ok);
  if (!ok) return nullptr;
  return returnNew(callStrMethod("rsplit", {v[0], sv, newInt(maxsplit)}));
}

PyObject* PyUnicode_Splitlines(PyObject* s, int keepends) {
  Value v[1];
  if (!strArgs({s}, v, "PyUnicode_Splitlines")) return nullptr;
  return returnNew(callStrMethod("splitlines", {v[0], Bool(keepends != 0)}));
}

PyObject* PyUnicode_Partition(PyObject* s, PyObject* sep) {
  Value v[2];
  if (!strArgs({s, sep}, v, "PyUnicode_Partition")) return nullptr;
  return returnNew(callStrMethod("partition", {v[0], v[1]}));
}

PyObject* PyUnicode_RPartition(PyObject* s, PyObject* sep) {
  Value v[2];
  if (!strArgs({s, sep}, v, "PyUnicode_RPartition")) return nullptr;
  return returnNew(callStrMethod("rpartition", {v[0], v[1]}));
}

PyObject* PyUnicode_Translate(PyObject* str, PyObject* table, const char* errors) {
  (void)errors;
  Value v[1];
  if (!strArgs({str}, v, "PyUnicode_Translate")) return nullptr;
  if (table == nullptr) return badInternalCall("PyUnicode_Translate");
  return returnNew(callStrMethod("translate", {v[0], fromC(table)}));
}

PyObject* PyUnicode_Replace(PyObject* str, PyObject* substr, PyObject* replstr, Py_ssize_t maxcount) {
  Value v[3];
  if (!strArgs({str, substr, replstr}, v, "PyUnicode_Replace")) return nullptr;
  return returnNew(callStrMethod("replace", {v[0], v[1], v[2], newInt(maxcount)}));
}

Py_ssize_t PyUnicode_Find(PyObject* str, PyObject* substr, Py_ssize_t start, Py_ssize_t end, int direction) {
  Value v[2];
  if (!strArgs({str, substr}, v, "PyUnicode_Find")) return -2;
  Value r = callStrMethod(direction > 0 ? "find" : "rfind", {v[0], v[1], newInt(start), newInt(end)});
  if (r.isNull()) return -2;
  return r.asSmallInt();
}

Py_ssize_t PyUnicode_FindChar(PyObject* str, Py_UCS4 ch, Py_ssize_t start, Py_ssize_t end, int direction) {
  if (str == nullptr) return badInternalCall("PyUnicode_FindChar"), -2;
  if (!isFilling(str) && strArg(str).isNull()) return -2;
  Py_ssize_t len = reinterpret_cast<PyASCIIObject*>(str)->length;
  if (start < 0 || end < 0) {
    raise(exc::IndexError, "string index out of range");
    return -2;
  }
  if (end > len) end = len;
  if (start >= end) return -1;
  if (direction > 0) {
    for (Py_ssize_t i = start; i < end; ++i)
      if (PyUnicode_READ_CHAR(str, i) == ch) return i;
  } else {
    for (Py_ssize_t i = end - 1; i >= start; --i)
      if (PyUnicode_READ_CHAR(str, i) == ch) return i;
  }
  return -1;
}

Py_ssize_t PyUnicode_Count(PyObject* str, PyObject* substr, Py_ssize_t start, Py_ssize_t end) {
  Value v[2];
  if (!strArgs({str, substr}, v, "PyUnicode_Count")) return -1;
  Value r = callStrMethod("count", {v[0], v[1], newInt(start), newInt(end)});
  if (r.isNull()) return -1;
  return r.asSmallInt();
}

Py_ssize_t PyUnicode_Tailmatch(PyObject* str, PyObject* substr, Py_ssize_t start, Py_ssize_t end, int direction) {
  Value v[2];
  if (!strArgs({str, substr}, v, "PyUnicode_Tailmatch")) return -1;
  Value r = callStrMethod(direction > 0 ? "endswith" : "startswith", {v[0], v[1], newInt(start), newInt(end)});
  if (r.isNull()) return -1;
  return r == True() ? 1 : 0;
}

PyObject* PyUnicode_Substring(PyObject* str, Py_ssize_t start, Py_ssize_t end) {
  if (str == nullptr) return badInternalCall("PyUnicode_Substring");
  Value v = strArg(str);
  if (v.isNull()) return nullptr;
  int64_t len = asStr(v)->length;
  if (end > len) end = len;
  if (start == 0 && end == len && isExactStr(v)) {
    Py_INCREF(str);
    return str;
  }
  if (start < 0 || end < 0) {
    raise(exc::IndexError, "string index out of range");
    return nullptr;
  }
  if (start >= len || end < start) return returnNew(emptyStr());
  return returnNew(strSubstring(v, start, end));
}

int PyUnicode_Compare(PyObject* left, PyObject* right) {
  if (left == nullptr || right == nullptr) return badInternalCall("PyUnicode_Compare"), -1;
  Value l = fromC(left);
  Value r = fromC(right);
  if (l.isNull() || r.isNull()) return -1;
  if (isStr(l) && isStr(r)) {
    int c = strCompare(l, r);
    return c < 0 ? -1 : c > 0 ? 1 : 0;
  }
  raisef(exc::TypeError, "Can't compare %s and %s", typeNameOf(l).c_str(), typeNameOf(r).c_str());
  return -1;
}

int PyUnicode_CompareWithASCIIString(PyObject* uni, const char* str) {
  // No error path exists (CPython asserts): a non-str compares as smaller.
  if (uni == nullptr || str == nullptr || !inArena(uni) || prefixOf(uni)->kind != ProxyKind::kUnicode) return -1;
  auto* a = reinterpret_cast<PyASCIIObject*>(uni);
  Py_ssize_t n = a->length;
  Py_ssize_t i = 0;
  for (; i < n && str[i] != '\0'; ++i) {
    Py_UCS4 c = PyUnicode_READ_CHAR(uni, i);
    auto d = static_cast<unsigned char>(str[i]);
    if (c != d) return c < d ? -1 : 1;
  }
  if (i < n) return 1;            // uni is longer
  if (str[i] != '\0') return -1;  // str is longer
  return 0;
}

int _PyUnicode_EqualToASCIIString(PyObject* left, const char* right) {
  return PyUnicode_CompareWithASCIIString(left, right) == 0;
}

int _PyUnicode_EQ(PyObject* a, PyObject* b) {
  if (a == nullptr || b == nullptr) return 0;
  Value x = fromC(a);
  Value y = fromC(b);
  if (x.isNull() || y.isNull() || !isStr(x) || !isStr(y)) return 0;
  return strEquals(x, y) ? 1 : 0;
}
int _PyUnicode_Equal(PyObject* a, PyObject* b) { return _PyUnicode_EQ(a, b); }

PyObject* PyUnicode_RichCompare(PyObject* left, PyObject* right, int op) {
  if (left == nullptr || right == nullptr) return badInternalCall("PyUnicode_RichCompare");
  Value l = fromC(left);
  Value r = fromC(right);
  if (l.isNull() || r.isNull()) return nullptr;
  if (!isStr(l) || !isStr(r)) return toNew(NotImplemented());
  if (op < Py_LT || op > Py_GE) return badInternalCall("PyUnicode_RichCompare");
  bool result;
  if (op == Py_EQ || op == Py_NE) {
    result = strEquals(l, r) == (op == Py_EQ);
  } else {
    result = orderingSatisfies(strCompare(l, r), op);
  }
  return toNew(Bool(result));
}

PyObject* PyUnicode_Format(PyObject* format, PyObject* args) {
  if (format == nullptr || args == nullptr) return badInternalCall("PyUnicode_Format");
  Value f = fromC(format);
  if (f.isNull() || !ensureStr(f)) return nullptr;
  return returnNew(strPercentFormat(f, fromC(args)));
}

int PyUnicode_Contains(PyObject* container, PyObject* element) {
  if (container == nullptr || element == nullptr) return badInternalCall("PyUnicode_Contains"), -1;
  Value e = fromC(element);
  if (e.isNull()) return -1;
  if (!isStr(e)) {
    raisef(exc::TypeError, "'in <string>' requires string as left operand, not %s", typeNameOf(e).c_str());
    return -1;
  }
  Value c = fromC(container);
  if (c.isNull() || !ensureStr(c)) return -1;
  return strimpl::strFind(c, e, 0, asStr(c)->length) >= 0 ? 1 : 0;
}

int PyUnicode_IsIdentifier(PyObject* s) {
  Value v = fromC(s);
  if (v.isNull() || !isStr(v)) return 0;
  Value r = callStrMethod("isidentifier", {v});
  if (r.isNull()) {
    clearError();
    return 0;
  }
  return r == True() ? 1 : 0;
}

// ===========================================================================
// Writing into a new string (PyUnicode_New's proxies)

Py_ssize_t PyUnicode_CopyCharacters(PyObject* to, Py_ssize_t to_start, PyObject* from, Py_ssize_t from_start,
                                    Py_ssize_t how_many) {
  if (to == nullptr || from == nullptr) return badInternalCall("PyUnicode_CopyCharacters"), -1;
  if (!isFilling(from) && strArg(from).isNull()) return -1;
  if (!inArena(to) || prefixOf(to)->kind != ProxyKind::kUnicode) return badInternalCall("PyUnicode_CopyCharacters"), -1;
  Py_ssize_t from_len = PyUnicode_GET_LENGTH(from);
  Py_ssize_t to_len = PyUnicode_GET_LENGTH(to);
  if (from_start < 0 || from_start > from_len) {
    raise(exc::IndexError, "string index out of range");
    return -1;
  }
  if (to_start < 0 || to_start > to_len) {
    raise(exc::IndexError, "string index out of range");
    return -1;
  }
  if (how_many < 0) return badInternalCall("PyUnicode_CopyCharacters"), -1;
  if (how_many > from_len - from_start) how_many = from_len - from_start;
  if (to_start + how_many > to_len) {
    raisef(exc::SystemError, "Cannot write %zd characters at %zd in string of length %zd",
           static_cast<ssize_t>(how_many), static_cast<ssize_t>(to_start), static_cast<ssize_t>(to_len));
    return -1;
  }
  if (how_many == 0) return 0;
  if (!checkModifiable(to, "PyUnicode_CopyCharacters")) return -1;
  Py_UCS4 limit = maxCharOfKind(to);
  for (Py_ssize_t i = 0; i < how_many; ++i) {
    if (PyUnicode_READ_CHAR(from, from_start + i) > limit) {
      raisef(exc::SystemError, "Cannot write %zd characters at %zd in string of length %zd",
             static_cast<ssize_t>(how_many), static_cast<ssize_t>(to_start), static_cast<ssize_t>(to_len));
      return -1;
    }
  }
  _PyUnicode_FastCopyCharacters(to, to_start, from, from_start, how_many);
  return how_many;
}

void _PyUnicode_FastCopyCharacters(PyObject* to, Py_ssize_t to_start, PyObject* from, Py_ssize_t from_start,
                                   Py_ssize_t how_many) {
  int to_kind = PyUnicode_KIND(to);
  int from_kind = PyUnicode_KIND(from);
  void* to_data = PyUnicode_DATA(to);
  const void* from_data = PyUnicode_DATA(from);
  if (to_kind == from_kind) {
    std::memmove(static_cast<char*>(to_data) + to_start * to_kind,
                 static_cast<const char*>(from_data) + from_start * from_kind, static_cast<size_t>(how_many) * to_kind);
    return;
  }
  for (Py_ssize_t i = 0; i < how_many; ++i) {
    PyUnicode_WRITE(to_kind, to_data, to_start + i, PyUnicode_READ(from_kind, from_data, from_start + i));
  }
}

Py_ssize_t PyUnicode_Fill(PyObject* unicode, Py_ssize_t start, Py_ssize_t length, Py_UCS4 fill_char) {
  if (unicode == nullptr || !inArena(unicode) || prefixOf(unicode)->kind != ProxyKind::kUnicode) {
    return badInternalCall("PyUnicode_Fill"), -1;
  }
  if (!checkModifiable(unicode, "PyUnicode_Fill")) return -1;
  if (fill_char > maxCharOfKind(unicode)) {
    raise(exc::ValueError, "fill character is bigger than the string maximum character");
    return -1;
  }
  Py_ssize_t len = PyUnicode_GET_LENGTH(unicode);
  if (start < 0) {
    raise(exc::IndexError, "string index out of range");
    return -1;
  }
  if (start > len) return 0;
  if (length > len - start) length = len - start;
  if (length <= 0) return 0;
  _PyUnicode_FastFill(unicode, start, length, fill_char);
  return length;
}

void _PyUnicode_FastFill(PyObject* unicode, Py_ssize_t start, Py_ssize_t length, Py_UCS4 fill_char) {
  int kind = PyUnicode_KIND(unicode);
  void* data = PyUnicode_DATA(unicode);
  for (Py_ssize_t i = 0; i < length; ++i) PyUnicode_WRITE(kind, data, start + i, fill_char);
}

int PyUnicode_Resize(PyObject** p_unicode, Py_ssize_t length) {
  if (p_unicode == nullptr || *p_unicode == nullptr || length < 0) return badInternalCall("PyUnicode_Resize"), -1;
  PyObject* old = *p_unicode;
  if (!inArena(old) || prefixOf(old)->kind != ProxyKind::kUnicode) return badInternalCall("PyUnicode_Resize"), -1;
  if (!isFilling(old) && strArg(old).isNull()) return -1;
  Py_ssize_t old_len = PyUnicode_GET_LENGTH(old);
  if (old_len == length) return 0;
  PyObject* p = newFilling(length, maxCharOfKind(old));
  Py_ssize_t n = old_len < length ? old_len : length;
  int kind = PyUnicode_KIND(p);
  std::memcpy(PyUnicode_DATA(p), PyUnicode_DATA(old), static_cast<size_t>(n) * kind);
  Py_DECREF(old);
  *p_unicode = p;
  return 0;
}

Py_UCS4 _PyUnicode_FindMaxChar(PyObject* unicode, Py_ssize_t start, Py_ssize_t end) {
  Py_UCS4 m = 0;
  Py_ssize_t len = PyUnicode_GET_LENGTH(unicode);
  if (end > len) end = len;
  for (Py_ssize_t i = start < 0 ? 0 : start; i < end; ++i) {
    Py_UCS4 c = PyUnicode_READ_CHAR(unicode, i);
    if (c > m) m = c;
  }
  return m;
}

// ===========================================================================
// Character properties

const unsigned char _Py_ascii_whitespace[128] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 0, 0,  // \t \n \v \f \r
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1,  // the four separators
    1,                                               // space
};

int _PyUnicode_IsWhitespace(const Py_UCS4 ch) { return objects::unicode::is_space(ch) ? 1 : 0; }
int _PyUnicode_IsLowercase(Py_UCS4 ch) { return objects::unicode::is_lower(ch) ? 1 : 0; }
int _PyUnicode_IsUppercase(Py_UCS4 ch) { return objects::unicode::is_upper(ch) ? 1 : 0; }
int _PyUnicode_IsTitlecase(Py_UCS4 ch) { return objects::unicode::is_title(ch) ? 1 : 0; }
int _PyUnicode_IsDecimalDigit(Py_UCS4 ch) { return objects::unicode::is_decimal(ch) ? 1 : 0; }
int _PyUnicode_IsDigit(Py_UCS4 ch) { return objects::unicode::is_digit(ch) ? 1 : 0; }
int _PyUnicode_IsNumeric(Py_UCS4 ch) { return objects::unicode::is_numeric(ch) ? 1 : 0; }
int _PyUnicode_IsPrintable(Py_UCS4 ch) { return objects::unicode::is_printable(ch) ? 1 : 0; }
int _PyUnicode_IsAlpha(Py_UCS4 ch) { return objects::unicode::is_alpha(ch) ? 1 : 0; }
int _PyUnicode_IsCased(Py_UCS4 ch) { return objects::unicode::is_cased(ch) ? 1 : 0; }
int _PyUnicode_IsCaseIgnorable(Py_UCS4 ch) { return objects::unicode::is_case_ignorable(ch) ? 1 : 0; }
int _PyUnicode_IsLinebreak(const Py_UCS4 ch) {
  switch (ch) {
    case 0x0A:
    case 0x0B:
    case 0x0C:
    case 0x0D:
    case 0x1C:
    case 0x1D:
    case 0x1E:
    case 0x85:
    case 0x2028:
    case 0x2029:
      return 1;
    default:
      return 0;
  }
}
int _PyUnicode_ToDecimalDigit(Py_UCS4 ch) { return objects::unicode::decimal_value(ch); }
int _PyUnicode_ToDigit(Py_UCS4 ch) { return objects::unicode::digit_value(ch); }
double _PyUnicode_ToNumeric(Py_UCS4 ch) {
  auto v = objects::unicode::numeric_value(ch);
  return v ? *v : -1.0;
}

// The simple (one code point) mappings: a character whose full mapping is
// several code points keeps itself, except U+0130, whose simple lowercase
// is 'i'.
Py_UCS4 _PyUnicode_ToLowercase(Py_UCS4 ch) {
  auto m = objects::unicode::to_lower_full(ch);
  return m.length == 1 ? m.chars[0] : ch == 0x130 ? 'i' : ch;
}
Py_UCS4 _PyUnicode_ToUppercase(Py_UCS4 ch) {
  auto m = objects::unicode::to_upper_full(ch);
  return m.length == 1 ? m.chars[0] : ch;
}
Py_UCS4 _PyUnicode_ToTitlecase(Py_UCS4 ch) {
  auto m = objects::unicode::to_title_full(ch);
  return m.length == 1 ? m.chars[0] : ch;
}

namespace {
int writeMapping(objects::unicode::CaseMapped m, Py_UCS4* res) {
  for (size_t i = 0; i < m.length; ++i) res[i] = m.chars[i];
  return static_cast<int>(m.length);
}
}  // namespace
int _PyUnicode_ToLowerFull(Py_UCS4 ch, Py_UCS4* res) { return writeMapping(objects::unicode::to_lower_full(ch), res); }
int _PyUnicode_ToUpperFull(Py_UCS4 ch, Py_UCS4* res) { return writeMapping(objects::unicode::to_upper_full(ch), res); }
int _PyUnicode_ToTitleFull(Py_UCS4 ch, Py_UCS4* res) { return writeMapping(objects::unicode::to_title_full(ch), res); }
int _PyUnicode_ToFoldedFull(Py_UCS4 ch, Py_UCS4* res) {
  return writeMapping(objects::unicode::to_folded_full(ch), res);
}

}  // extern "C"

// ===========================================================================
// PyUnicode_FromFormat: printf-like formatting with 3.11's units
// (%c %d %i %u %x %ld %li %lu %lld %lli %llu %zd %zi %zu %p %s %U %V %S %R
// %A %%, with "0" padding, width and precision).  An unknown unit copies the
// rest of the format verbatim, since the arguments can no longer be found.

namespace tern::cpyext {
namespace {

class FormatWriter {
 public:
  void pushAscii(const char* s, size_t n) {
    for (size_t i = 0; i < n; ++i) push(static_cast<unsigned char>(s[i]));
  }
  void push(char32_t c) {
    text_.push_back(c);
    if (c > max_) max_ = c;
  }
  void fill(size_t n, char32_t c) {
    for (size_t i = 0; i < n; ++i) push(c);
  }
  // A str value with a width (right-aligned with spaces) and a precision
  // (at most that many code points).
  void pushStr(Value s, Py_ssize_t width, Py_ssize_t precision) {
    int64_t n = asStr(s)->length;
    if (precision >= 0 && n > precision) n = precision;
    if (width > n) fill(static_cast<size_t>(width - n), ' ');
    for (int64_t i = 0; i < n; ++i) push(asStr(s)->at(i));
  }
  Value finish() { return newStrFromUcs4(text_); }

 private:
  std::u32string text_;
  char32_t max_ = 0;
};

// %s's argument: UTF-8 decoded with "replace", at most `precision` bytes.
bool pushCString(FormatWriter& w, const char* s, Py_ssize_t width, Py_ssize_t precision) {
  size_t n = 0;
  if (precision < 0) {
    n = std::strlen(s);
  } else {
    while (n < static_cast<size_t>(precision) && s[n] != '\0') ++n;
  }
  Value text = strimpl::decodeBytes(std::string_view(s, n), internStr("utf-8"), internStr("replace"));
  if (text.isNull()) return false;
  w.pushStr(text, width, -1);
  return true;
}

// One conversion starting at f (on '%'); returns where formatting goes on,
// or null with an exception.
const char* formatUnit(FormatWriter& w, const char* f, va_list* ap) {
  const char* start = f;
  ++f;
  if (*f == '%') {
    w.push('%');
    return f + 1;
  }
  bool zeropad = false;
  if (*f == '0') {
    zeropad = true;
    ++f;
  }
  Py_ssize_t width = -1;
  if (*f >= '0' && *f <= '9') {
    width = 0;
    while (*f >= '0' && *f <= '9') {
      if (width > (PY_SSIZE_T_MAX - 9) / 10) {
        raise(exc::ValueError, "width too big");
        return nullptr;
      }
      width = width * 10 + (*f++ - '0');
    }
  }
  Py_ssize_t precision = -1;
  if (*f == '.') {
    ++f;
    if (*f >= '0' && *f <= '9') {
      precision = 0;
      while (*f >= '0' && *f <= '9') {
        if (precision > (PY_SSIZE_T_MAX - 9) / 10) {
          raise(exc::ValueError, "precision too big");
          return nullptr;
        }
        precision = precision * 10 + (*f++ - '0');
      }
    }
  }
  enum { kInt, kLong, kLongLong, kSize } size = kInt;
  auto isIntUnit = [](char c) { return c == 'd' || c == 'u' || c == 'i'; };
  if (*f == 'l') {
    if (isIntUnit(f[1])) {
      size = kLong;
      ++f;
    } else if (f[1] == 'l' && isIntUnit(f[2])) {
      size = kLongLong;
      f += 2;
    }
  } else if (*f == 'z' && isIntUnit(f[1])) {
    size = kSize;
    ++f;
  }
  char buffer[64];
  int len;
  switch (*f) {
    case 'c': {
      int ordinal = va_arg(*ap, int);
      if (ordinal < 0 || ordinal > 0x10ffff) {
        raise(exc::OverflowError, "character argument not in range(0x110000)");
        return nullptr;
      }
      w.push(static_cast<char32_t>(ordinal));
      break;
    }
    case 'i':
    case 'd':
    case 'u':
    case 'x': {
      if (*f == 'x') {
        len = std::snprintf(buffer, sizeof buffer, "%x", va_arg(*ap, int));
      } else if (*f == 'u') {
        switch (size) {
          case kLong:
            len = std::snprintf(buffer, sizeof buffer, "%lu", va_arg(*ap, unsigned long));
            break;
          case kLongLong:
            len = std::snprintf(buffer, sizeof buffer, "%llu", va_arg(*ap, unsigned long long));
            break;
          case kSize:
            len = std::snprintf(buffer, sizeof buffer, "%zu", va_arg(*ap, size_t));
            break;
          default:
            len = std::snprintf(buffer, sizeof buffer, "%u", va_arg(*ap, unsigned int));
            break;
        }
      } else {
        switch (size) {
          case kLong:
            len = std::snprintf(buffer, sizeof buffer, "%ld", va_arg(*ap, long));
            break;
          case kLongLong:
            len = std::snprintf(buffer, sizeof buffer, "%lld", va_arg(*ap, long long));
            break;
          case kSize:
            len = std::snprintf(buffer, sizeof buffer, "%zd", va_arg(*ap, Py_ssize_t));
            break;
          default:
            len = std::snprintf(buffer, sizeof buffer, "%d", va_arg(*ap, int));
            break;
        }
      }
      // CPython pads the digits to the precision with zeros, then to the
      // width with zeros or spaces — before any sign, as it does.
      Py_ssize_t digits = precision < len ? len : precision;
      if (width > digits) w.fill(static_cast<size_t>(width - digits), zeropad ? '0' : ' ');
      if (digits > len) w.fill(static_cast<size_t>(digits - len), '0');
      w.pushAscii(buffer, static_cast<size_t>(len));
      break;
    }
    case 'p': {
      len = std::snprintf(buffer, sizeof buffer, "%p", va_arg(*ap, void*));
      if (buffer[1] == 'X') {
        buffer[1] = 'x';
      } else if (buffer[1] != 'x') {
        std::memmove(buffer + 2, buffer, static_cast<size_t>(len) + 1);
        buffer[0] = '0';
        buffer[1] = 'x';
        len += 2;
      }
      w.pushAscii(buffer, static_cast<size_t>(len));
      break;
    }
    case 's': {
      const char* s = va_arg(*ap, const char*);
      if (s == nullptr) s = "(null)";
      if (!pushCString(w, s, width, precision)) return nullptr;
      break;
    }
    case 'U': {
      PyObject* obj = va_arg(*ap, PyObject*);
      if (obj == nullptr) return badInternalCall("PyUnicode_FromFormatV");
      Value v = fromC(obj);
      if (v.isNull() || !isStr(v)) return badInternalCall("PyUnicode_FromFormatV");
      w.pushStr(v, width, precision);
      break;
    }
    case 'V': {
      PyObject* obj = va_arg(*ap, PyObject*);
      const char* s = va_arg(*ap, const char*);
      if (obj != nullptr) {
        Value v = fromC(obj);
        if (v.isNull() || !isStr(v)) return badInternalCall("PyUnicode_FromFormatV");
        w.pushStr(v, width, precision);
      } else {
        if (s == nullptr) return badInternalCall("PyUnicode_FromFormatV");
        if (!pushCString(w, s, width, precision)) return nullptr;
      }
      break;
    }
    case 'S':
    case 'R':
    case 'A': {
      PyObject* obj = va_arg(*ap, PyObject*);
      if (obj == nullptr) return badInternalCall("PyUnicode_FromFormatV");
      Value v = fromC(obj);
      if (v.isNull()) return nullptr;
      Value s = *f == 'S' ? str(v) : *f == 'R' ? repr(v) : ascii(v);
      if (s.isNull()) return nullptr;
      w.pushStr(s, width, precision);
      break;
    }
    default:
      w.pushAscii(start, std::strlen(start));
      return start + std::strlen(start);
  }
  return f + 1;
}

}  // namespace
}  // namespace tern::cpyext

extern "C" {

PyObject* PyUnicode_FromFormatV(const char* format, va_list vargs) {
  if (format == nullptr) return badInternalCall("PyUnicode_FromFormatV");
  FormatWriter w;
  va_list ap;
  va_copy(ap, vargs);
  const char* f = format;
  while (*f != '\0') {
    if (*f == '%') {
      f = formatUnit(w, f, &ap);
      if (f == nullptr) {
        va_end(ap);
        return nullptr;
      }
      continue;
    }
    const char* p = f;
    while (*p != '\0' && *p != '%') {
      if (static_cast<unsigned char>(*p) > 127) {
        va_end(ap);
        raisef(exc::ValueError,
               "PyUnicode_FromFormatV() expects an ASCII-encoded format string, got a non-ASCII byte: 0x%02x",
               static_cast<unsigned char>(*p));
        return nullptr;
      }
      ++p;
    }
    w.pushAscii(f, static_cast<size_t>(p - f));
    f = p;
  }
  va_end(ap);
  return returnNew(w.finish());
}

PyObject* PyUnicode_FromFormat(const char* format, ...) {
  va_list ap;
  va_start(ap, format);
  PyObject* r = PyUnicode_FromFormatV(format, ap);
  va_end(ap);
  return r;
}

}  // extern "C"

extern "C" {

// ===========================================================================
// _Py_IDENTIFIER strings and the less common codec entry points

// The interned str of an _Py_Identifier, borrowed: made on first use and
// kept for the life of the process (the identifier's `index` numbers its
// slot, as CPython's process-wide table does).
PyObject* _PyUnicode_FromId(_Py_Identifier* id) {
  static std::vector<PyObject*>* ids = new std::vector<PyObject*>();
  if (id == nullptr || id->string == nullptr) return badInternalCall("_PyUnicode_FromId");
  if (id->index >= 0 && static_cast<size_t>(id->index) < ids->size()) return (*ids)[static_cast<size_t>(id->index)];
  PyObject* s = PyUnicode_InternFromString(id->string);
  if (s == nullptr) return nullptr;
  id->index = static_cast<Py_ssize_t>(ids->size());
  ids->push_back(s);  // the table's reference, never released
  return s;
}

int _PyUnicode_EqualToASCIIId(PyObject* left, _Py_Identifier* right) {
  if (right == nullptr || right->string == nullptr) return 0;
  return PyUnicode_CompareWithASCIIString(left, right->string) == 0;
}

namespace {
// _codecs.<name>(args...): the codec functions the runtime already has.
Value callCodecs(const char* name, std::initializer_list<Value> args) {
  Value codecs = importModule(internStr("_codecs"));
  if (codecs.isNull()) return codecs;
  Value f = getAttr(codecs, internStr(name));
  if (f.isNull()) return f;
  return call(f, args.begin(), args.size());
}
Value errorsValue(const char* errors) { return errors == nullptr ? None() : newStrReplacingInvalid(errors); }
}  // namespace

PyObject* PyUnicode_DecodeUTF7(const char* s, Py_ssize_t size, const char* errors) {
  return PyUnicode_Decode(s, size, "utf-7", errors);
}

PyObject* PyUnicode_DecodeUTF7Stateful(const char* s, Py_ssize_t size, const char* errors, Py_ssize_t* consumed) {
  if (consumed != nullptr) *consumed = size;
  return PyUnicode_Decode(s, size, "utf-7", errors);
}

PyObject* PyUnicode_DecodeCharmap(const char* s, Py_ssize_t size, PyObject* mapping, const char* errors) {
  if (size < 0 || (s == nullptr && size != 0)) return badInternalCall("PyUnicode_DecodeCharmap");
  if (mapping == nullptr) return PyUnicode_DecodeLatin1(s, size, errors);
  Value data = newBytes(s == nullptr ? "" : s, size);
  if (data.isNull()) return nullptr;
  Value r = callCodecs("charmap_decode", {data, errorsValue(errors), fromC(mapping)});
  return r.isNull() ? nullptr : returnNew(tupleItem(r, 0));
}

PyObject* PyUnicode_AsCharmapString(PyObject* unicode, PyObject* mapping) {
  if (unicode == nullptr || mapping == nullptr) return badInternalCall("PyUnicode_AsCharmapString");
  Value v = strArg(unicode);
  if (v.isNull()) return nullptr;
  Value r = callCodecs("charmap_encode", {v, None(), fromC(mapping)});
  return r.isNull() ? nullptr : returnNew(tupleItem(r, 0));
}

PyObject* PyUnicode_BuildEncodingMap(PyObject* string) {
  if (string == nullptr) return badInternalCall("PyUnicode_BuildEncodingMap");
  return returnNew(callCodecs("charmap_build", {fromC(string)}));
}

// The deprecated codec-object forms: codecs.decode / codecs.encode, with
// str-in (or bytes-out) checks for the *Unicode variants.
namespace {
PyObject* codecsCall(const char* function, PyObject* unicode, const char* encoding, const char* errors,
                     const char* c_name, const char* deprecation) {
  if (unicode == nullptr) return badInternalCall(c_name);
  Value v = fromC(unicode);
  if (!isStr(v)) return badArgument();
  if (!warn(exc::DeprecationWarning, deprecation, 1)) return nullptr;
  Value codecs = importModule(internStr("codecs"));
  if (codecs.isNull()) return nullptr;
  Value f = getAttr(codecs, internStr(function));
  if (f.isNull()) return nullptr;
  Value args[3] = {v, newStrReplacingInvalid(encoding == nullptr ? "utf-8" : encoding),
                   newStrReplacingInvalid(errors == nullptr ? "strict" : errors)};
  return returnNew(call(f, args, 3));
}
}  // namespace

PyObject* PyUnicode_AsDecodedObject(PyObject* unicode, const char* encoding, const char* errors) {
  return codecsCall("decode", unicode, encoding, errors, "PyUnicode_AsDecodedObject",
                    "PyUnicode_AsDecodedObject() is deprecated; use PyCodec_Decode() to decode from str");
}
PyObject* PyUnicode_AsDecodedUnicode(PyObject* unicode, const char* encoding, const char* errors) {
  PyObject* r =
      codecsCall("decode", unicode, encoding, errors, "PyUnicode_AsDecodedUnicode",
                 "PyUnicode_AsDecodedUnicode() is deprecated; use PyCodec_Decode() to decode from str to str");
  if (r != nullptr && !PyUnicode_Check(r)) {
    raisef(exc::TypeError,
           "'%.400s' decoder returned '%.400s' instead of 'str'; use codecs.decode() to decode to arbitrary types",
           encoding == nullptr ? "utf-8" : encoding, Py_TYPE(r)->tp_name);
    Py_DECREF(r);
    return nullptr;
  }
  return r;
}
PyObject* PyUnicode_AsEncodedObject(PyObject* unicode, const char* encoding, const char* errors) {
  return codecsCall("encode", unicode, encoding, errors, "PyUnicode_AsEncodedObject",
                    "PyUnicode_AsEncodedObject() is deprecated; use PyUnicode_AsEncodedString() to encode from str to "
                    "bytes or PyCodec_Encode() for generic encoding");
}
PyObject* PyUnicode_AsEncodedUnicode(PyObject* unicode, const char* encoding, const char* errors) {
  PyObject* r =
      codecsCall("encode", unicode, encoding, errors, "PyUnicode_AsEncodedUnicode",
                 "PyUnicode_AsEncodedUnicode() is deprecated; use PyCodec_Encode() to encode from str to str");
  if (r != nullptr && !PyUnicode_Check(r)) {
    raisef(exc::TypeError,
           "'%.400s' encoder returned '%.400s' instead of 'str'; use codecs.encode() to encode to arbitrary types",
           encoding == nullptr ? "utf-8" : encoding, Py_TYPE(r)->tp_name);
    Py_DECREF(r);
    return nullptr;
  }
  return r;
}

PyObject* _PyUnicode_EncodeUTF16(PyObject* unicode, const char* errors, int byteorder) {
  return encodeWith(unicode, byteorder < 0 ? "utf-16-le" : byteorder > 0 ? "utf-16-be" : "utf-16", errors);
}
PyObject* _PyUnicode_EncodeUTF32(PyObject* unicode, const char* errors, int byteorder) {
  return encodeWith(unicode, byteorder < 0 ? "utf-32-le" : byteorder > 0 ? "utf-32-be" : "utf-32", errors);
}

}  // extern "C"
