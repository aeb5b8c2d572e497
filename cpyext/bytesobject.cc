// cpyext: the bytes API (CPython's Objects/bytesobject.c surface) and bytes
// proxies.
//
// A bytes proxy is a PyBytesObject: ob_size bytes in ob_sval and a NUL after
// them, ob_shash -1 (C reads the hash through PyObject_Hash).  The text is
// copied once, when the proxy is made.
//
// PyBytes_FromStringAndSize(NULL, n) returns a proxy with no runtime bytes
// yet (proxy_flags::kFilling): C writes ob_sval (PyBytes_AS_STRING) and may
// shrink or grow it with _PyBytes_Resize; the first crossing into the runtime
// (fromC) makes the bytes from ob_sval (finishBytesProxy) and links them.
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <string>

#include "Python.h"
#include "cpyext/proxy.h"
#include "cpyext/proxy_internal.h"
#include "runtime/interp/errors.h"
#include "runtime/modules/module.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/bytes.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"

// ob_shash is deprecated for C code; this file owns it.
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"

namespace tern::cpyext {

namespace {

bool isFilling(PyObject* o) { return inArena(o) && (prefixOf(o)->flags & proxy_flags::kFilling) != 0; }

PyObject* allocBytesProxy(PyTypeObject* type, Py_ssize_t n) {
  size_t bytes = offsetof(PyBytesObject, ob_sval) + static_cast<size_t>(n) + 1;
  PyObject* p = allocProxy(ProxyKind::kBytes, (bytes + 7) & ~size_t{7}, type);
  auto* b = reinterpret_cast<PyBytesObject*>(p);
  Py_SET_SIZE(b, n);
  b->ob_shash = -1;
  b->ob_sval[n] = '\0';
  return p;
}

PyObject* newFillingBytes(Py_ssize_t n) {
  PyObject* p = allocBytesProxy(&PyBytes_Type, n);
  prefixOf(p)->flags |= proxy_flags::kFilling;
  return p;
}

// A bytes proxy, or an object of a C type deriving from bytes that C
// allocated (numpy.bytes_): both hold CPython's PyBytesObject.
bool isBytesProxy(PyObject* o) {
  if (!inArena(o)) return false;
  ProxyKind kind = prefixOf(o)->kind;
  return kind == ProxyKind::kBytes || (kind == ProxyKind::kCObject && PyBytes_Check(o));
}

// The bytes behind o with CPython's "expected bytes, X found".
bool expectBytes(PyObject* o) {
  if (isFilling(o)) return true;
  Value v = fromC(o);
  if (v.isNull()) return false;
  if (isBytes(v) && isBytesProxy(o)) return true;
  raisef(exc::TypeError, "expected bytes, %s found", typeNameOf(v).c_str());
  return false;
}

}  // namespace

PyObject* newBytesProxy(Value v) {
  PyTypeObject* type = typeProxy(typeOf(v));
  int64_t n = bytesLength(v);
  PyObject* p = allocBytesProxy(type, n);
  std::memcpy(reinterpret_cast<PyBytesObject*>(p)->ob_sval, asBytes(v)->data(), static_cast<size_t>(n));
  linkProxy(p, v);
  return p;
}

// A fresh bytes, never a shared one (newBytes returns the cached b"" and
// one-byte objects, which have proxies of their own).
Value bytesOfFilled(PyObject* o) {
  auto* b = reinterpret_cast<PyBytesObject*>(o);
  int64_t n = Py_SIZE(o);
  BytesObj* fresh = allocBytes(n);
  if (fresh == nullptr) return Value();
  std::memcpy(fresh->data(), b->ob_sval, static_cast<size_t>(n));
  fresh->data()[n] = '\0';
  return Value(fresh);
}

}  // namespace tern::cpyext

using namespace tern;
using namespace tern::cpyext;

extern "C" {

PyObject* PyBytes_FromStringAndSize(const char* str, Py_ssize_t size) {
  if (size < 0) {
    raise(exc::SystemError, "Negative size passed to PyBytes_FromStringAndSize");
    return nullptr;
  }
  if (str == nullptr) {
    PyObject* p = newFillingBytes(size);
    std::memset(reinterpret_cast<PyBytesObject*>(p)->ob_sval, 0, static_cast<size_t>(size));
    return p;
  }
  PyObject* p = newFillingBytes(size);  // a runtime bytes only if it crosses over
  std::memcpy(reinterpret_cast<PyBytesObject*>(p)->ob_sval, str, static_cast<size_t>(size));
  return p;
}

PyObject* PyBytes_FromString(const char* str) {
  if (str == nullptr) return badInternalCall("PyBytes_FromString");
  size_t n = std::strlen(str);
  if (n > static_cast<size_t>(PY_SSIZE_T_MAX) - offsetof(PyBytesObject, ob_sval) - 1) {
    raise(exc::OverflowError, "byte string is too large");
    return nullptr;
  }
  return returnNew(newBytes(str, static_cast<int64_t>(n)));
}

char* PyBytes_AsString(PyObject* o) {
  if (o == nullptr) return badInternalCall("PyBytes_AsString");
  if (!expectBytes(o)) return nullptr;
  return reinterpret_cast<PyBytesObject*>(o)->ob_sval;
}

Py_ssize_t PyBytes_Size(PyObject* o) {
  if (o == nullptr) return badInternalCall("PyBytes_Size"), -1;
  if (!expectBytes(o)) return -1;
  return Py_SIZE(o);
}

int PyBytes_AsStringAndSize(PyObject* obj, char** s, Py_ssize_t* len) {
  if (obj == nullptr || s == nullptr) return badInternalCall("PyBytes_AsStringAndSize"), -1;
  if (!expectBytes(obj)) return -1;
  auto* b = reinterpret_cast<PyBytesObject*>(obj);
  *s = b->ob_sval;
  if (len != nullptr) {
    *len = Py_SIZE(obj);
  } else if (std::strlen(b->ob_sval) != static_cast<size_t>(Py_SIZE(obj))) {
    raise(exc::ValueError, "embedded null byte");
    return -1;
  }
  return 0;
}

void PyBytes_Concat(PyObject** pv, PyObject* w) {
  if (pv == nullptr) return;
  if (*pv == nullptr) return;
  if (w == nullptr) {
    Py_CLEAR(*pv);
    return;
  }
  Value a = fromC(*pv);
  Value b = fromC(w);
  PyObject* result = nullptr;
  if (!a.isNull() && !b.isNull()) {
    std::string left, right;
    std::string_view view;
    if (!bytesLikeView(a, &view) || (left.assign(view), !bytesLikeView(b, &view))) {
      raisef(exc::TypeError, "can't concat %s to %s", typeNameOf(b).c_str(), typeNameOf(a).c_str());
    } else {
      right.assign(view);
      result = returnNew(newBytes(left + right));
    }
  }
  Py_DECREF(*pv);
  *pv = result;
}

void PyBytes_ConcatAndDel(PyObject** pv, PyObject* w) {
  PyBytes_Concat(pv, w);
  Py_XDECREF(w);
}

int _PyBytes_Resize(PyObject** pv, Py_ssize_t newsize) {
  if (pv == nullptr) return badInternalCall("_PyBytes_Resize"), -1;
  PyObject* v = *pv;
  if (v == nullptr || !isBytesProxy(v) || newsize < 0 || (!isFilling(v) && Py_REFCNT(v) != 1)) {
    *pv = nullptr;
    Py_XDECREF(v);
    badInternalCall("_PyBytes_Resize");
    return -1;
  }
  Py_ssize_t old = Py_SIZE(v);
  if (old == newsize) return 0;
  PyObject* p = newFillingBytes(newsize);
  auto* dst = reinterpret_cast<PyBytesObject*>(p);
  Py_ssize_t keep = old < newsize ? old : newsize;
  std::memcpy(dst->ob_sval, reinterpret_cast<PyBytesObject*>(v)->ob_sval, static_cast<size_t>(keep));
  if (newsize > keep) std::memset(dst->ob_sval + keep, 0, static_cast<size_t>(newsize - keep));
  Py_DECREF(v);
  *pv = p;
  return 0;
}

PyObject* PyBytes_FromObject(PyObject* x) {
  if (x == nullptr) return badInternalCall("PyBytes_FromObject");
  Value v = fromC(x);
  if (v.isNull()) return nullptr;
  if (isExactBytes(v)) {
    Py_INCREF(x);
    return x;
  }
  if (isStr(v)) {
    raisef(exc::TypeError, "cannot convert '%s' object to bytes", typeNameOf(v).c_str());
    return nullptr;
  }
  std::string_view view;
  if (bytesLikeView(v, &view)) {
    std::string copy(view);
    return returnNew(newBytes(copy));
  }
  // Sequences and iterables of ints, and other buffer exporters.
  Value it = getIter(v);
  if (it.isNull()) {
    clearError();
    raisef(exc::TypeError, "cannot convert '%s' object to bytes", typeNameOf(v).c_str());
    return nullptr;
  }
  return returnNew(bytesFromObject(v));
}

PyObject* _PyBytes_Join(PyObject* sep, PyObject* x) {
  if (sep == nullptr || x == nullptr) return badInternalCall("_PyBytes_Join");
  Value join = getAttr(typeValue(types::bytes_type), internStr("join"));
  if (join.isNull()) return nullptr;
  Value args[2] = {fromC(sep), fromC(x)};
  return returnNew(call(join, args, 2));
}

PyObject* PyBytes_Repr(PyObject* obj, int smartquotes) {
  (void)smartquotes;
  if (obj == nullptr) return badInternalCall("PyBytes_Repr");
  return returnNew(repr(fromC(obj)));
}

// PyBytes_FromFormatV: %c (0..255) %d %u %ld %lu %zd %zu %i %x %s %p %%;
// a precision limits %s; widths are read and ignored, as in 3.11.
PyObject* PyBytes_FromFormatV(const char* format, va_list vargs) {
  if (format == nullptr) return badInternalCall("PyBytes_FromFormatV");
  std::string out;
  va_list ap;
  va_copy(ap, vargs);
  char buffer[64];
  for (const char* f = format; *f != '\0'; ++f) {
    if (*f != '%') {
      out.push_back(*f);
      continue;
    }
    const char* p = f++;
    while (*f >= '0' && *f <= '9') ++f;
    Py_ssize_t prec = 0;
    if (*f == '.') {
      ++f;
      for (; *f >= '0' && *f <= '9'; ++f) prec = prec * 10 + (*f - '0');
    }
    while (*f != '\0' && *f != '%' && !((*f >= 'a' && *f <= 'z') || (*f >= 'A' && *f <= 'Z'))) ++f;
    bool longflag = false, sizeflag = false;
    if (*f == 'l' && (f[1] == 'd' || f[1] == 'u')) {
      longflag = true;
      ++f;
    }
    if (*f == 'z' && (f[1] == 'd' || f[1] == 'u')) {
      sizeflag = true;
      ++f;
    }
    int len = 0;
    switch (*f) {
      case 'c': {
        int c = va_arg(ap, int);
        if (c < 0 || c > 255) {
          va_end(ap);
          raise(exc::OverflowError, "PyBytes_FromFormatV(): %c format expects an integer in range [0; 255]");
          return nullptr;
        }
        out.push_back(static_cast<char>(c));
        break;
      }
      case 'd':
        if (longflag) {
          len = std::snprintf(buffer, sizeof buffer, "%ld", va_arg(ap, long));
        } else if (sizeflag) {
          len = std::snprintf(buffer, sizeof buffer, "%zd", va_arg(ap, Py_ssize_t));
        } else {
          len = std::snprintf(buffer, sizeof buffer, "%d", va_arg(ap, int));
        }
        out.append(buffer, static_cast<size_t>(len));
        break;
      case 'u':
        if (longflag) {
          len = std::snprintf(buffer, sizeof buffer, "%lu", va_arg(ap, unsigned long));
        } else if (sizeflag) {
          len = std::snprintf(buffer, sizeof buffer, "%zu", va_arg(ap, size_t));
        } else {
          len = std::snprintf(buffer, sizeof buffer, "%u", va_arg(ap, unsigned int));
        }
        out.append(buffer, static_cast<size_t>(len));
        break;
      case 'i':
        len = std::snprintf(buffer, sizeof buffer, "%i", va_arg(ap, int));
        out.append(buffer, static_cast<size_t>(len));
        break;
      case 'x':
        len = std::snprintf(buffer, sizeof buffer, "%x", va_arg(ap, int));
        out.append(buffer, static_cast<size_t>(len));
        break;
      case 's': {
        const char* s = va_arg(ap, const char*);
        if (s == nullptr) s = "(null)";
        size_t n = 0;
        if (prec <= 0) {
          n = std::strlen(s);
        } else {
          while (n < static_cast<size_t>(prec) && s[n] != '\0') ++n;
        }
        out.append(s, n);
        break;
      }
      case 'p': {
        len = std::snprintf(buffer, sizeof buffer, "%p", va_arg(ap, void*));
        std::string text(buffer, static_cast<size_t>(len));
        if (text.size() > 1 && text[1] == 'X') text[1] = 'x';
        if (text.size() < 2 || text[1] != 'x') text = "0x" + text;
        out += text;
        break;
      }
      case '%':
        out.push_back('%');
        break;
      default:
        // An unknown unit: the rest of the format, as it is.
        out.append(p);
        va_end(ap);
        return returnNew(newBytes(out));
    }
  }
  va_end(ap);
  return returnNew(newBytes(out));
}

PyObject* PyBytes_FromFormat(const char* format, ...) {
  va_list ap;
  va_start(ap, format);
  PyObject* r = PyBytes_FromFormatV(format, ap);
  va_end(ap);
  return r;
}

// bytes literal escapes (b"\\x41"): the codec the runtime's
// codecs.escape_decode implements.
PyObject* PyBytes_DecodeEscape(const char* s, Py_ssize_t len, const char* errors, Py_ssize_t unicode,
                               const char* recode_encoding) {
  (void)unicode;
  (void)recode_encoding;
  if (s == nullptr || len < 0) return badInternalCall("PyBytes_DecodeEscape");
  Value codecs = importModule(internStr("_codecs"));
  if (codecs.isNull()) return nullptr;
  Value f = getAttr(codecs, internStr("escape_decode"));
  if (f.isNull()) return nullptr;
  Value args[2] = {newBytes(s, len), errors == nullptr ? None() : newStrReplacingInvalid(errors)};
  if (args[0].isNull() || args[1].isNull()) return nullptr;
  Value r = call(f, args, 2);
  if (r.isNull()) return nullptr;
  return returnNew(tupleItem(r, 0));
}

}  // extern "C"
