// cpyext: argument parsing for C functions (CPython's Python/getargs.c
// surface): PyArg_ParseTuple and friends with every format unit of 3.11,
// PyArg_UnpackTuple and the small _PyArg_* checks.
//
// The parser works on the C side only: it reads argument proxies
// (PyTuple_GET_ITEM on the args tuple's proxy) and converts them with the
// public C-API functions (PyLong_AsLong, PyUnicode_AsUTF8AndSize, ...), so a
// pointer it hands out (the "s" text, "y#" bytes) lives in the argument's
// proxy and is valid exactly as long as CPython's would be.
//
// Errors are worded as CPython 3.11 words them: the converter says what it
// expected ("must be int, not str"), and the message is prefixed with the
// function name and argument position ("f() argument 2 must be ...", "item
// 1" inside nested tuples); ";message" in the format replaces the whole
// text.  A converter whose own call raised (an OverflowError from
// PyLong_AsLong) keeps that exception.
//
// Cleanup: buffers ("s*", "y*", "w*"), "es" allocations and "O&" converters
// returning Py_CLEANUP_SUPPORTED are recorded, and released when parsing
// fails later on, so a failed call leaks nothing.
#include <climits>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "Python.h"
#include "cpyext/proxy.h"
#include "runtime/interp/errors.h"
#include "runtime/modules/_warnings.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/int.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"

#ifndef Py_CLEANUP_SUPPORTED  // modsupport.h's
#define Py_CLEANUP_SUPPORTED 0x20000
#endif

#pragma GCC diagnostic ignored "-Wdeprecated-declarations"

namespace tern::cpyext {
namespace {

constexpr int kFlagCompat = 1;  // PyArg_Parse: a single object, not a tuple
constexpr int kFlagSizeT = 2;   // the _SizeT entry points: '#' lengths are Py_ssize_t

// ===========================================================================
// Cleanup

class FreeList {
 public:
  using Destructor = int (*)(PyObject*, void*);
  void add(void* item, Destructor d) { entries_.push_back({item, d}); }
  // On failure, runs every destructor (with NULL as the object, as CPython
  // calls converters to release).
  int finish(int ok) {
    if (!ok) {
      for (auto& e : entries_) e.destructor(nullptr, e.item);
    }
    entries_.clear();
    return ok;
  }

 private:
  struct Entry {
    void* item;
    Destructor destructor;
  };
  std::vector<Entry> entries_;
};

int cleanupPtr(PyObject*, void* ptr) {
  PyMem_Free(ptr);
  return 0;
}

int cleanupBuffer(PyObject*, void* view) {
  PyBuffer_Release(static_cast<Py_buffer*>(view));
  return 0;
}

// ===========================================================================
// Messages

constexpr size_t kMsgSize = 256;

const char* typeNameOfArg(PyObject* arg) { return arg == Py_None ? "None" : Py_TYPE(arg)->tp_name; }

// "must be <expected>, not <type>", or "(...)" texts as they are (those
// become SystemErrors).
const char* convErr(const char* expected, PyObject* arg, char* msgbuf) {
  if (expected[0] == '(') {
    std::snprintf(msgbuf, kMsgSize, "%.100s", expected);
  } else {
    std::snprintf(msgbuf, kMsgSize, "must be %.50s, not %.50s", expected, typeNameOfArg(arg));
  }
  return msgbuf;
}

// The message of a converter whose call raised: the pending exception stays.
const char* errOccurred(char* msgbuf) {
  msgbuf[0] = '\0';
  return msgbuf;
}

void setError(Py_ssize_t iarg, const char* msg, const int* levels, const char* fname, const char* message) {
  if (errorPending()) return;
  std::string text;
  if (message == nullptr) {
    if (fname != nullptr) {
      text += std::string(fname).substr(0, 200);
      text += "() ";
    }
    if (iarg != 0) {
      text += "argument " + std::to_string(iarg);
      for (int i = 0; i < 32 && levels[i] > 0 && text.size() < 220; ++i)
        text += ", item " + std::to_string(levels[i] - 1);
    } else {
      text += "argument";
    }
    text += " ";
    text += std::string(msg).substr(0, 256);
    message = text.c_str();
  }
  raise(msg[0] == '(' ? exc::SystemError : exc::TypeError, message);
}

// A borrowed proxy of `item` that `owner` keeps alive.  The small ints that
// longobject.cc caches need no keeping: the cache holds them for good.
PyObject* borrowedFrom(PyObject* owner, Value item) {
  if (item.isSmallInt() && item.asSmallInt() >= -5 && item.asSmallInt() <= 256) {
    PyObject* p = toNew(item);
    Py_DECREF(p);
    return p;
  }
  return toBorrowed(owner, item);
}

// ===========================================================================
// Buffers

// Whether arg's buffers must be released (their memory is only lent):
// CPython refuses those for "s#"/"y#", which keep no buffer.  Of the
// runtime's exporters only bytes lends nothing (bytearray, memoryview,
// array and mmap all release).
bool isBytesLikeRelease(PyObject* arg) {
  PyBufferProcs* pb = Py_TYPE(arg)->tp_as_buffer;
  if (pb != nullptr && pb->bf_getbuffer != nullptr) return pb->bf_releasebuffer != nullptr;
  return PyObject_CheckBuffer(arg) != 0;
}

// A simple contiguous buffer of arg; "bytes-like object" / "contiguous
// buffer" as the expected-what on failure.
int getBuffer(PyObject* arg, Py_buffer* view, const char** errmsg) {
  if (PyObject_GetBuffer(arg, view, PyBUF_SIMPLE) != 0) {
    *errmsg = "bytes-like object";
    return -1;
  }
  if (!PyBuffer_IsContiguous(view, 'C')) {
    PyBuffer_Release(view);
    *errmsg = "contiguous buffer";
    return -1;
  }
  return 0;
}

// The pointer and size of a read-only bytes-like object, whose memory stays
// valid without holding the buffer (bytes and the like).
Py_ssize_t convertBuffer(PyObject* arg, const void** p, const char** errmsg) {
  if (PyBytes_Check(arg)) {
    *p = PyBytes_AS_STRING(arg);
    return PyBytes_GET_SIZE(arg);
  }
  if (isBytesLikeRelease(arg)) {
    *errmsg = "read-only bytes-like object";
    return -1;
  }
  Py_buffer view;
  if (getBuffer(arg, &view, errmsg) < 0) return -1;
  Py_ssize_t count = view.len;
  *p = view.buf;
  PyBuffer_Release(&view);
  return count;
}

// ===========================================================================
// One format unit

struct Parser {
  va_list* ap;
  int flags;
  FreeList* freelist;
  char msgbuf[kMsgSize];  // left uninitialised: written before any read

  Parser(va_list* a, int f, FreeList* fl) : ap(a), flags(f), freelist(fl) {}

  const char* convertItem(PyObject* arg, const char** p_format, int* levels);
  // Out of line: inlined, it made every convertItem save registers for it.
  [[gnu::noinline]] const char* convertTuple(PyObject* arg, const char** p_format, int* levels, bool toplevel);
  const char* convertSimple(PyObject* arg, const char** p_format);
  bool needSizeT() {
    if (flags & kFlagSizeT) return true;
    raise(exc::SystemError, "PY_SSIZE_T_CLEAN macro must be defined for '#' formats");
    return false;
  }
};

// Items of a sequence argument, counted the way the format counts them.
int countTupleUnits(const char* format) {
  int level = 0, n = 0;
  for (;;) {
    char c = *format++;
    if (c == '(') {
      if (level == 0) ++n;
      ++level;
    } else if (c == ')') {
      if (level == 0) break;
      --level;
    } else if (c == ':' || c == ';' || c == '\0') {
      break;
    } else if (level == 0 && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) && c != 'e') {
      ++n;
    }
  }
  return n;
}

const char* Parser::convertTuple(PyObject* arg, const char** p_format, int* levels, bool toplevel) {
  const char* format = *p_format;
  int n = countTupleUnits(format);
  Value seq = fromC(arg);
  bool is_sequence = typeOf(seq)->slots.mp_subscript != nullptr && !isDict(seq);
  if (!is_sequence || PyBytes_Check(arg)) {
    levels[0] = 0;
    std::snprintf(msgbuf, kMsgSize,
                  toplevel ? "expected %d arguments, not %.50s" : "must be %d-item sequence, not %.50s", n,
                  typeNameOfArg(arg));
    return msgbuf;
  }
  Py_ssize_t len = length(seq);
  if (len < 0) {
    levels[0] = 0;
    return errOccurred(msgbuf);
  }
  if (len != n) {
    levels[0] = 0;
    if (toplevel) {
      std::snprintf(msgbuf, kMsgSize, "expected %d argument%s, not %zd", n, n == 1 ? "" : "s", len);
    } else {
      std::snprintf(msgbuf, kMsgSize, "must be sequence of length %d, not %zd", n, len);
    }
    return msgbuf;
  }
  for (int i = 0; i < n; ++i) {
    Value item = getItem(fromC(arg), newInt(i));
    if (item.isNull()) {
      clearError();
      levels[0] = i + 1;
      levels[1] = 0;
      std::snprintf(msgbuf, kMsgSize, "is not retrievable");
      return msgbuf;
    }
    // The item stays alive through the sequence (a tagged int's proxy
    // through the borrowed-reference table), as CPython's does.
    PyObject* borrowed = borrowedFrom(arg, item);
    const char* msg = convertItem(borrowed, &format, levels + 1);
    if (msg != nullptr) {
      levels[0] = i + 1;
      return msg;
    }
  }
  *p_format = format;
  return nullptr;
}

const char* Parser::convertItem(PyObject* arg, const char** p_format, int* levels) {
  const char* format = *p_format;
  const char* msg;
  if (*format == '(') {
    ++format;
    msg = convertTuple(arg, &format, levels, false);
    if (msg == nullptr) ++format;
  } else {
    msg = convertSimple(arg, &format);
    if (msg != nullptr) levels[0] = 0;
  }
  if (msg == nullptr) *p_format = format;
  return msg;
}

#define TERN_ARG(type) va_arg(*ap, type)

const char* Parser::convertSimple(PyObject* arg, const char** p_format) {
  const char* format = *p_format;
  char c = *format++;
  switch (c) {
    case 'b': {
      auto* p = TERN_ARG(char*);
      long v = PyLong_AsLong(arg);
      if (v == -1 && errorPending()) return errOccurred(msgbuf);
      if (v < 0) {
        raise(exc::OverflowError, "unsigned byte integer is less than minimum");
        return errOccurred(msgbuf);
      }
      if (v > UCHAR_MAX) {
        raise(exc::OverflowError, "unsigned byte integer is greater than maximum");
        return errOccurred(msgbuf);
      }
      *p = static_cast<char>(v);
      break;
    }
    case 'B': {
      auto* p = TERN_ARG(char*);
      unsigned long v = PyLong_AsUnsignedLongMask(arg);
      if (v == static_cast<unsigned long>(-1) && errorPending()) return errOccurred(msgbuf);
      *p = static_cast<char>(v);
      break;
    }
    case 'h': {
      auto* p = TERN_ARG(short*);
      long v = PyLong_AsLong(arg);
      if (v == -1 && errorPending()) return errOccurred(msgbuf);
      if (v < SHRT_MIN) {
        raise(exc::OverflowError, "signed short integer is less than minimum");
        return errOccurred(msgbuf);
      }
      if (v > SHRT_MAX) {
        raise(exc::OverflowError, "signed short integer is greater than maximum");
        return errOccurred(msgbuf);
      }
      *p = static_cast<short>(v);
      break;
    }
    case 'H': {
      auto* p = TERN_ARG(unsigned short*);
      unsigned long v = PyLong_AsUnsignedLongMask(arg);
      if (v == static_cast<unsigned long>(-1) && errorPending()) return errOccurred(msgbuf);
      *p = static_cast<unsigned short>(v);
      break;
    }
    case 'i': {
      auto* p = TERN_ARG(int*);
      long v = PyLong_AsLong(arg);
      if (v == -1 && errorPending()) return errOccurred(msgbuf);
      if (v > INT_MAX) {
        raise(exc::OverflowError, "signed integer is greater than maximum");
        return errOccurred(msgbuf);
      }
      if (v < INT_MIN) {
        raise(exc::OverflowError, "signed integer is less than minimum");
        return errOccurred(msgbuf);
      }
      *p = static_cast<int>(v);
      break;
    }
    case 'I': {
      auto* p = TERN_ARG(unsigned int*);
      unsigned long v = PyLong_AsUnsignedLongMask(arg);
      if (v == static_cast<unsigned long>(-1) && errorPending()) return errOccurred(msgbuf);
      *p = static_cast<unsigned int>(v);
      break;
    }
    case 'n': {
      auto* p = TERN_ARG(Py_ssize_t*);
      Py_ssize_t v = -1;
      Value i = index(fromC(arg));
      if (!i.isNull()) {
        PyObject* io = toNew(i);
        v = PyLong_AsSsize_t(io);
        Py_DECREF(io);
      }
      if (v == -1 && errorPending()) return errOccurred(msgbuf);
      *p = v;
      break;
    }
    case 'l': {
      auto* p = TERN_ARG(long*);
      long v = PyLong_AsLong(arg);
      if (v == -1 && errorPending()) return errOccurred(msgbuf);
      *p = v;
      break;
    }
    case 'k': {
      auto* p = TERN_ARG(unsigned long*);
      if (!PyLong_Check(arg)) return convErr("int", arg, msgbuf);
      *p = PyLong_AsUnsignedLongMask(arg);
      break;
    }
    case 'L': {
      auto* p = TERN_ARG(long long*);
      long long v = PyLong_AsLongLong(arg);
      if (v == -1 && errorPending()) return errOccurred(msgbuf);
      *p = v;
      break;
    }
    case 'K': {
      auto* p = TERN_ARG(unsigned long long*);
      if (!PyLong_Check(arg)) return convErr("int", arg, msgbuf);
      *p = PyLong_AsUnsignedLongLongMask(arg);
      break;
    }
    case 'f': {
      auto* p = TERN_ARG(float*);
      double v = PyFloat_AsDouble(arg);
      if (v == -1.0 && errorPending()) return errOccurred(msgbuf);
      *p = static_cast<float>(v);
      break;
    }
    case 'd': {
      auto* p = TERN_ARG(double*);
      double v = PyFloat_AsDouble(arg);
      if (v == -1.0 && errorPending()) return errOccurred(msgbuf);
      *p = v;
      break;
    }
    case 'D': {
      auto* p = TERN_ARG(Py_complex*);
      Py_complex v = PyComplex_AsCComplex(arg);
      if (errorPending()) return errOccurred(msgbuf);
      *p = v;
      break;
    }
    case 'c': {
      auto* p = TERN_ARG(char*);
      if (PyBytes_Check(arg) && PyBytes_GET_SIZE(arg) == 1) {
        *p = PyBytes_AS_STRING(arg)[0];
      } else if (PyByteArray_Check(arg) && PyByteArray_Size(arg) == 1) {
        *p = PyByteArray_AsString(arg)[0];
      } else {
        return convErr("a byte string of length 1", arg, msgbuf);
      }
      break;
    }
    case 'C': {
      auto* p = TERN_ARG(int*);
      if (!PyUnicode_Check(arg) || PyUnicode_GET_LENGTH(arg) != 1) return convErr("a unicode character", arg, msgbuf);
      *p = static_cast<int>(PyUnicode_READ_CHAR(arg, 0));
      break;
    }
    case 'p': {
      auto* p = TERN_ARG(int*);
      int v = PyObject_IsTrue(arg);
      if (v < 0) return errOccurred(msgbuf);
      *p = v;
      break;
    }
    case 'y': {
      void** p = reinterpret_cast<void**>(TERN_ARG(char**));
      const char* expected;
      if (*format == '*') {
        if (getBuffer(arg, reinterpret_cast<Py_buffer*>(p), &expected) < 0) return convErr(expected, arg, msgbuf);
        ++format;
        freelist->add(p, cleanupBuffer);
        break;
      }
      Py_ssize_t count = convertBuffer(arg, const_cast<const void**>(p), &expected);
      if (count < 0) return convErr(expected, arg, msgbuf);
      if (*format == '#') {
        if (!needSizeT()) return errOccurred(msgbuf);
        *TERN_ARG(Py_ssize_t*) = count;
        ++format;
      } else if (std::strlen(static_cast<const char*>(*p)) != static_cast<size_t>(count)) {
        raise(exc::ValueError, "embedded null byte");
        return errOccurred(msgbuf);
      }
      break;
    }
    case 's':
    case 'z': {
      if (*format == '*') {
        auto* view = TERN_ARG(Py_buffer*);
        if (c == 'z' && arg == Py_None) {
          PyBuffer_FillInfo(view, nullptr, nullptr, 0, 1, 0);
        } else if (PyUnicode_Check(arg)) {
          Py_ssize_t len;
          const char* s = PyUnicode_AsUTF8AndSize(arg, &len);
          if (s == nullptr) return convErr("(unicode conversion error)", arg, msgbuf);
          PyBuffer_FillInfo(view, arg, const_cast<char*>(s), len, 1, 0);
        } else {
          const char* expected;
          if (getBuffer(arg, view, &expected) < 0) return convErr(expected, arg, msgbuf);
        }
        freelist->add(view, cleanupBuffer);
        ++format;
      } else if (*format == '#') {
        auto** p = reinterpret_cast<const void**>(TERN_ARG(const char**));
        if (!needSizeT()) return errOccurred(msgbuf);
        auto* psize = TERN_ARG(Py_ssize_t*);
        if (c == 'z' && arg == Py_None) {
          *p = nullptr;
          *psize = 0;
        } else if (PyUnicode_Check(arg)) {
          Py_ssize_t len;
          const char* s = PyUnicode_AsUTF8AndSize(arg, &len);
          if (s == nullptr) return convErr("(unicode conversion error)", arg, msgbuf);
          *p = s;
          *psize = len;
        } else {
          const char* expected;
          Py_ssize_t count = convertBuffer(arg, p, &expected);
          if (count < 0) return convErr(expected, arg, msgbuf);
          *psize = count;
        }
        ++format;
      } else {
        auto** p = TERN_ARG(const char**);
        if (c == 'z' && arg == Py_None) {
          *p = nullptr;
        } else if (PyUnicode_Check(arg)) {
          Py_ssize_t len;
          const char* s = PyUnicode_AsUTF8AndSize(arg, &len);
          if (s == nullptr) return convErr("(unicode conversion error)", arg, msgbuf);
          if (std::strlen(s) != static_cast<size_t>(len)) {
            raise(exc::ValueError, "embedded null character");
            return errOccurred(msgbuf);
          }
          *p = s;
        } else {
          return convErr(c == 'z' ? "str or None" : "str", arg, msgbuf);
        }
      }
      break;
    }
    case 'u':
    case 'Z': {
      // Deprecated wchar_t forms (gone in 3.12).
      auto** p = TERN_ARG(Py_UNICODE**);
      std::string warning = std::string("getargs: The '") + c + "' format is deprecated. Use 'U' instead.";
      if (!warn(exc::DeprecationWarning, warning, 1)) return errOccurred(msgbuf);
      bool hash = *format == '#';
      Py_ssize_t* psize = nullptr;
      if (hash) {
        if (!needSizeT()) return errOccurred(msgbuf);
        psize = TERN_ARG(Py_ssize_t*);
        ++format;
      }
      if (c == 'Z' && arg == Py_None) {
        *p = nullptr;
        if (psize != nullptr) *psize = 0;
      } else if (PyUnicode_Check(arg)) {
        Py_ssize_t len;
        *p = PyUnicode_AsUnicodeAndSize(arg, &len);
        if (*p == nullptr) return errOccurred(msgbuf);
        if (psize != nullptr) {
          *psize = len;
        } else if (static_cast<Py_ssize_t>(std::wcslen(*p)) != len) {
          raise(exc::ValueError, "embedded null character");
          return errOccurred(msgbuf);
        }
      } else {
        return convErr(c == 'Z' ? "str or None" : "str", arg, msgbuf);
      }
      break;
    }
    case 'e': {
      const char* encoding = TERN_ARG(const char*);
      if (encoding == nullptr) encoding = "utf-8";
      bool recode;
      if (*format == 's') {
        recode = true;
      } else if (*format == 't') {
        recode = false;
      } else {
        return convErr("(unknown parser marker combination)", arg, msgbuf);
      }
      auto** buffer = TERN_ARG(char**);
      ++format;
      if (buffer == nullptr) return convErr("(buffer is NULL)", arg, msgbuf);
      PyObject* s;
      Py_ssize_t size;
      const char* ptr;
      if (!recode && (PyBytes_Check(arg) || PyByteArray_Check(arg))) {
        s = arg;
        Py_INCREF(s);
        if (PyBytes_Check(arg)) {
          size = PyBytes_GET_SIZE(s);
          ptr = PyBytes_AS_STRING(s);
        } else {
          size = PyByteArray_Size(s);
          ptr = PyByteArray_AsString(s);
        }
      } else if (PyUnicode_Check(arg)) {
        s = PyUnicode_AsEncodedString(arg, encoding, nullptr);
        if (s == nullptr) return convErr("(encoding failed)", arg, msgbuf);
        if (!PyBytes_Check(s)) {
          Py_DECREF(s);
          return convErr("(encoder failed to return bytes)", arg, msgbuf);
        }
        size = PyBytes_GET_SIZE(s);
        ptr = PyBytes_AS_STRING(s);
      } else {
        return convErr(recode ? "str" : "str, bytes or bytearray", arg, msgbuf);
      }
      if (*format == '#') {
        if (!needSizeT()) {
          Py_DECREF(s);
          return errOccurred(msgbuf);
        }
        auto* psize = TERN_ARG(Py_ssize_t*);
        ++format;
        if (psize == nullptr) {
          Py_DECREF(s);
          return convErr("(buffer_len is NULL)", arg, msgbuf);
        }
        if (*buffer == nullptr) {
          *buffer = static_cast<char*>(PyMem_Malloc(static_cast<size_t>(size) + 1));
          if (*buffer == nullptr) {
            Py_DECREF(s);
            raiseNoMemory();
            return errOccurred(msgbuf);
          }
          freelist->add(*buffer, cleanupPtr);
        } else if (size + 1 > *psize) {
          Py_DECREF(s);
          raisef(exc::ValueError, "encoded string too long (%zd, maximum length %zd)", static_cast<ssize_t>(size),
                 static_cast<ssize_t>(*psize - 1));
          return errOccurred(msgbuf);
        }
        std::memcpy(*buffer, ptr, static_cast<size_t>(size) + 1);
        *psize = size;
      } else {
        if (static_cast<Py_ssize_t>(std::strlen(ptr)) != size) {
          Py_DECREF(s);
          return convErr("encoded string without null bytes", arg, msgbuf);
        }
        *buffer = static_cast<char*>(PyMem_Malloc(static_cast<size_t>(size) + 1));
        if (*buffer == nullptr) {
          Py_DECREF(s);
          raiseNoMemory();
          return errOccurred(msgbuf);
        }
        freelist->add(*buffer, cleanupPtr);
        std::memcpy(*buffer, ptr, static_cast<size_t>(size) + 1);
      }
      Py_DECREF(s);
      break;
    }
    case 'S': {
      auto** p = TERN_ARG(PyObject**);
      if (!PyBytes_Check(arg)) return convErr("bytes", arg, msgbuf);
      *p = arg;
      break;
    }
    case 'Y': {
      auto** p = TERN_ARG(PyObject**);
      if (!PyByteArray_Check(arg)) return convErr("bytearray", arg, msgbuf);
      *p = arg;
      break;
    }
    case 'U': {
      auto** p = TERN_ARG(PyObject**);
      if (!PyUnicode_Check(arg)) return convErr("str", arg, msgbuf);
      *p = arg;
      break;
    }
    case 'O': {
      if (*format == '!') {
        auto* type = TERN_ARG(PyTypeObject*);
        auto** p = TERN_ARG(PyObject**);
        ++format;
        if (!PyType_IsSubtype(Py_TYPE(arg), type)) return convErr(type->tp_name, arg, msgbuf);
        *p = arg;
      } else if (*format == '&') {
        using Converter = int (*)(PyObject*, void*);
        auto convert = TERN_ARG(Converter);
        void* addr = TERN_ARG(void*);
        ++format;
        int res = convert(arg, addr);
        if (res == 0) return convErr("(unspecified)", arg, msgbuf);
        if (res == Py_CLEANUP_SUPPORTED) freelist->add(addr, convert);
      } else {
        *TERN_ARG(PyObject**) = arg;
      }
      break;
    }
    case 'w': {
      auto* view = TERN_ARG(Py_buffer*);
      if (*format != '*') return convErr("(invalid use of 'w' format character)", arg, msgbuf);
      ++format;
      if (PyObject_GetBuffer(arg, view, PyBUF_WRITABLE) < 0) {
        clearError();
        return convErr("read-write bytes-like object", arg, msgbuf);
      }
      if (!PyBuffer_IsContiguous(view, 'C')) {
        PyBuffer_Release(view);
        return convErr("contiguous buffer", arg, msgbuf);
      }
      freelist->add(view, cleanupBuffer);
      break;
    }
    default:
      return convErr("(impossible<bad format char>)", arg, msgbuf);
  }
  *p_format = format;
  return nullptr;
}

// Steps over one unit's va_list entries without converting (optional
// arguments not given); an error text for a malformed format.
// A va_list entry skipped; with no va_list (a format being validated) nothing.
#define TERN_SKIP_ARG(type)                     \
  do {                                          \
    if (ap != nullptr) (void)va_arg(*ap, type); \
  } while (0)

const char* skipItem(const char** p_format, va_list* ap, int flags) {
  const char* format = *p_format;
  char c = *format++;
  switch (c) {
    case 'b':
    case 'B':
    case 'h':
    case 'H':
    case 'i':
    case 'I':
    case 'l':
    case 'k':
    case 'L':
    case 'K':
    case 'n':
    case 'f':
    case 'd':
    case 'D':
    case 'c':
    case 'C':
    case 'p':
    case 'S':
    case 'Y':
    case 'U':
      TERN_SKIP_ARG(void*);
      break;
    case 'e':
      TERN_SKIP_ARG(const char*);
      if (!(*format == 's' || *format == 't')) goto err;
      ++format;
      [[fallthrough]];
    case 's':
    case 'z':
    case 'y':
    case 'w':
    case 'u':
    case 'Z':
      TERN_SKIP_ARG(void*);
      if (*format == '#') {
        if (ap != nullptr) {
          if (!(flags & kFlagSizeT)) return "PY_SSIZE_T_CLEAN macro must be defined for '#' formats";
          TERN_SKIP_ARG(Py_ssize_t*);
        }
        ++format;
      } else if ((c == 's' || c == 'z' || c == 'y' || c == 'w') && *format == '*') {
        ++format;
      }
      break;
    case 'O':
      if (*format == '!') {
        ++format;
        TERN_SKIP_ARG(PyTypeObject*);
        TERN_SKIP_ARG(PyObject**);
      } else if (*format == '&') {
        ++format;
        TERN_SKIP_ARG(void*);
        TERN_SKIP_ARG(void*);
      } else {
        TERN_SKIP_ARG(PyObject**);
      }
      break;
    case '(': {
      while (*format != ')') {
        const char* msg = skipItem(&format, ap, flags);
        if (msg != nullptr) return msg;
      }
      ++format;
      break;
    }
    case ')':
      return "excess ')' in getargs format";
    default:
    err:
      return "impossible<bad format char>";
  }
  *p_format = format;
  return nullptr;
}

bool isEndOfFormat(char c) { return c == '\0' || c == ';' || c == ':'; }
bool isAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// ===========================================================================
// PyArg_ParseTuple / PyArg_Parse

// PyArg_ParseTuple over `nargs` arguments at `stack`; PyArg_Parse (compat)
// converts `compat_arg` itself.
int parseStack(PyObject* compat_arg, PyObject* const* stack, Py_ssize_t nargs, const char* format, va_list* ap,
               int flags) {
  if (format == nullptr) return badInternalCall("PyArg_ParseTuple"), 0;
  PyObject* args = compat_arg;
  FreeList freelist;
  Parser parser(ap, flags, &freelist);
  const char* fname = nullptr;
  const char* message = nullptr;
  int min = -1, max = 0, level = 0;
  const char* formatsave = format;
  for (const char* f = format;;) {
    char c = *f++;
    if (c == '(') {
      if (level == 0) ++max;
      ++level;
    } else if (c == ')') {
      if (level == 0) {
        raise(exc::SystemError, "excess ')' in getargs format");
        return 0;
      }
      --level;
    } else if (c == '\0') {
      break;
    } else if (c == ':') {
      fname = f;
      break;
    } else if (c == ';') {
      message = f;
      break;
    } else if (c == '|') {
      if (level == 0) min = max;
    } else if (level == 0 && isAlpha(c) && c != 'e') {
      ++max;
    }
  }
  if (level != 0) {
    raise(exc::SystemError, "missing ')' in getargs format");
    return 0;
  }
  if (min < 0) min = max;
  // Not zeroed: a failing convertItem ends the levels it sets with a 0,
  // which is all setError reads.
  int levels[32];
  const char* parens = fname == nullptr ? "" : "()";
  // The function's name as messages show it (made only for an error).
  auto fn_text = [fname] { return fname == nullptr ? std::string("function") : std::string(fname).substr(0, 200); };

  if (flags & kFlagCompat) {
    if (max == 0) {
      if (args == nullptr) return 1;
      raisef(exc::TypeError, "%.200s%s takes no arguments", fn_text().c_str(), parens);
      return freelist.finish(0);
    }
    if (min == 1 && max == 1) {
      if (args == nullptr) {
        raisef(exc::TypeError, "%.200s%s takes at least one argument", fn_text().c_str(), parens);
        return freelist.finish(0);
      }
      const char* msg = parser.convertItem(args, &format, levels);
      if (msg == nullptr) return freelist.finish(1);
      setError(levels[0], msg, levels + 1, fname, message);
      return freelist.finish(0);
    }
    raise(exc::SystemError, "old style getargs format uses new features");
    return 0;
  }
  Py_ssize_t len = nargs;
  if (len < min || max < len) {
    if (message == nullptr) {
      int bound = len < min ? min : max;
      raisef(exc::TypeError, "%.150s%s takes %s %d argument%s (%zd given)", fn_text().c_str(), parens,
             min == max  ? "exactly"
             : len < min ? "at least"
                         : "at most",
             bound, bound == 1 ? "" : "s", static_cast<ssize_t>(len));
    } else {
      raise(exc::TypeError, message);
    }
    return freelist.finish(0);
  }
  for (Py_ssize_t i = 0; i < len; ++i) {
    if (*format == '|') ++format;
    const char* msg = parser.convertItem(stack[i], &format, levels);
    if (msg != nullptr) {
      setError(i + 1, msg, levels, fname, message);
      return freelist.finish(0);
    }
  }
  if (*format != '\0' && !isAlpha(*format) && *format != '(' && *format != '|' && *format != ':' && *format != ';') {
    raisef(exc::SystemError, "bad format string: %.200s", formatsave);
    return freelist.finish(0);
  }
  return freelist.finish(1);
}

int parseTuple(PyObject* args, const char* format, va_list* ap, int flags) {
  if (flags & kFlagCompat) return parseStack(args, nullptr, 0, format, ap, flags);
  if (args == nullptr || !PyTuple_Check(args)) {
    if (format == nullptr) return badInternalCall("PyArg_ParseTuple"), 0;
    raise(exc::SystemError, "new style getargs format but argument is not a tuple");
    return 0;
  }
  return parseStack(nullptr, &PyTuple_GET_ITEM(args, 0), PyTuple_GET_SIZE(args), format, ap, flags);
}

// ===========================================================================
// PyArg_ParseTupleAndKeywords

// kwargs[name] as a borrowed proxy (kwargs keeps it alive), null when absent.
// Keyword dicts are small: a scan comparing str keys with the C name costs
// less than making a str to hash (CPython's _PyDict_GetItemStringWithError).
PyObject* kwargLookup(PyObject* kwargs, const char* name, bool* error) {
  *error = false;
  Value dict = fromC(kwargs);
  int64_t cursor = 0;
  Value key, value;
  while (dictNext(dict, &cursor, &key, &value)) {
    if (isExactStr(key) && strEqualsAscii(key, name)) return borrowedFrom(kwargs, value);
  }
  // A key of a str subclass (or a non-ASCII name) takes the general lookup.
  bool simple = true;
  for (const char* c = name; *c != '\0' && simple; ++c) simple = static_cast<unsigned char>(*c) < 0x80;
  cursor = 0;
  while (simple && dictNext(dict, &cursor, &key, &value)) {
    if (!isExactStr(key)) simple = false;
  }
  if (simple) return nullptr;
  Value k = newStrReplacingInvalid(name);
  if (k.isNull()) {
    *error = true;
    return nullptr;
  }
  Value v = dictGet(dict, k);
  if (v.isNull()) {
    *error = errorPending();
    return nullptr;
  }
  return borrowedFrom(kwargs, v);
}

int parseTupleAndKeywords(PyObject* args, PyObject* kwargs, const char* format, char** kwlist, va_list* ap, int flags) {
  if (args == nullptr || !PyTuple_Check(args) || (kwargs != nullptr && !PyDict_Check(kwargs)) || format == nullptr ||
      kwlist == nullptr) {
    badInternalCall("PyArg_ParseTupleAndKeywords");
    return 0;
  }
  FreeList freelist;
  Parser parser(ap, flags, &freelist);
  const char* fname = std::strchr(format, ':');
  const char* custom_msg = nullptr;
  if (fname != nullptr) {
    ++fname;
  } else {
    custom_msg = std::strchr(format, ';');
    if (custom_msg != nullptr) ++custom_msg;
  }
  std::string fn_text = fname == nullptr ? "function" : std::string(fname).substr(0, 200);
  const char* fn = fn_text.c_str();
  const char* parens = fname == nullptr ? "" : "()";

  int pos = 0;
  while (kwlist[pos] != nullptr && *kwlist[pos] == '\0') ++pos;
  int len = pos;
  for (; kwlist[len] != nullptr; ++len) {
    if (*kwlist[len] == '\0') {
      raise(exc::SystemError, "Empty keyword parameter name");
      return 0;
    }
  }
  Py_ssize_t nargs = PyTuple_GET_SIZE(args);
  Py_ssize_t nkwargs = kwargs == nullptr ? 0 : dictSize(fromC(kwargs));
  if (nargs + nkwargs > len) {
    raisef(exc::TypeError, "%s%s takes at most %d %sargument%s (%zd given)", fn, parens, len,
           nargs == 0 ? "keyword " : "", len == 1 ? "" : "s", static_cast<ssize_t>(nargs + nkwargs));
    return 0;
  }
  int min = INT_MAX, max = INT_MAX;
  bool skip = false;
  int levels[32];  // as in parseStack: a failing convertItem ends what it sets with a 0
  int i;
  for (i = 0; i < len; ++i) {
    if (*format == '|') {
      if (min != INT_MAX) {
        raise(exc::SystemError, "Invalid format string (| specified twice)");
        return freelist.finish(0);
      }
      min = i;
      ++format;
      if (max != INT_MAX) {
        raise(exc::SystemError, "Invalid format string ($ before |)");
        return freelist.finish(0);
      }
    }
    if (*format == '$') {
      if (max != INT_MAX) {
        raise(exc::SystemError, "Invalid format string ($ specified twice)");
        return freelist.finish(0);
      }
      max = i;
      ++format;
      if (max < pos) {
        raise(exc::SystemError, "Empty parameter name after $");
        return freelist.finish(0);
      }
      if (skip) break;
      if (max < nargs) {
        if (max == 0) {
          raisef(exc::TypeError, "%s%s takes no positional arguments", fn, parens);
        } else {
          raisef(exc::TypeError, "%s%s takes %s %d positional argument%s (%zd given)", fn, parens,
                 min != INT_MAX ? "at most" : "exactly", max, max == 1 ? "" : "s", static_cast<ssize_t>(nargs));
        }
        return freelist.finish(0);
      }
    }
    if (isEndOfFormat(*format)) {
      raisef(exc::SystemError, "More keyword list entries (%d) than format specifiers (%d)", len, i);
      return freelist.finish(0);
    }
    if (!skip) {
      PyObject* current = nullptr;
      if (i < nargs) {
        current = PyTuple_GET_ITEM(args, i);
      } else if (nkwargs != 0 && i >= pos) {
        bool error;
        current = kwargLookup(kwargs, kwlist[i], &error);
        if (current != nullptr) {
          --nkwargs;
        } else if (error) {
          return freelist.finish(0);
        }
      }
      if (current != nullptr) {
        const char* msg = parser.convertItem(current, &format, levels);
        if (msg != nullptr) {
          setError(i + 1, msg, levels, fname == nullptr ? nullptr : fn, custom_msg);
          return freelist.finish(0);
        }
        continue;
      }
      if (i < min) {
        if (i < pos) {
          skip = true;  // the count error is raised once | and $ are known
        } else {
          raisef(exc::TypeError, "%s%s missing required argument '%s' (pos %d)", fn, parens, kwlist[i], i + 1);
          return freelist.finish(0);
        }
      }
      if (nkwargs == 0 && !skip) return freelist.finish(1);
    }
    const char* msg = skipItem(&format, ap, flags);
    if (msg != nullptr) {
      raisef(exc::SystemError, "%s: '%s'", msg, format);
      return freelist.finish(0);
    }
  }
  if (skip) {
    int m = pos < min ? pos : min;
    raisef(exc::TypeError, "%s%s takes %s %d positional argument%s (%zd given)", fn, parens,
           m < i ? "at least" : "exactly", m, m == 1 ? "" : "s", static_cast<ssize_t>(nargs));
    return freelist.finish(0);
  }
  if (!isEndOfFormat(*format) && *format != '|' && *format != '$') {
    raisef(exc::SystemError, "more argument specifiers than keyword list entries (remaining format:'%s')", format);
    return freelist.finish(0);
  }
  if (nkwargs > 0) {
    for (i = pos; i < nargs; ++i) {
      bool error;
      if (kwargLookup(kwargs, kwlist[i], &error) != nullptr) {
        raisef(exc::TypeError, "argument for %s%s given by name ('%s') and position (%d)", fn, parens, kwlist[i],
               i + 1);
        return freelist.finish(0);
      }
      if (error) return freelist.finish(0);
    }
    Value dict = fromC(kwargs);
    int64_t cursor = 0;
    Value key, value;
    while (dictNext(dict, &cursor, &key, &value)) {
      if (!isStr(key)) {
        raise(exc::TypeError, "keywords must be strings");
        return freelist.finish(0);
      }
      bool match = false;
      for (i = pos; i < len && !match; ++i) match = strEqualsAscii(key, kwlist[i]);
      if (!match) {
        raisef(exc::TypeError, "'%s' is an invalid keyword argument for %s%s", strToUtf8(key).c_str(),
               fname == nullptr ? "this function" : fn, parens);
        return freelist.finish(0);
      }
    }
  }
  return freelist.finish(1);
}

// ===========================================================================
// The _PyArg_Parser functions (Argument Clinic's, and the vectorcall forms)

// Keyword arguments as a dict (tp_call) or as kwnames + values after the
// positional ones (vectorcall).
struct Keywords {
  PyObject* dict = nullptr;
  PyObject* kwnames = nullptr;
  PyObject* const* values = nullptr;

  Py_ssize_t count() const {
    if (dict != nullptr) return dictSize(fromC(dict));
    if (kwnames != nullptr) return PyTuple_GET_SIZE(kwnames);
    return 0;
  }
  // The argument named `name`, borrowed; null when absent (*error says
  // whether the lookup raised).
  PyObject* find(const char* name, bool* error) const {
    *error = false;
    if (dict != nullptr) return kwargLookup(dict, name, error);
    if (kwnames == nullptr) return nullptr;
    for (Py_ssize_t i = 0, n = PyTuple_GET_SIZE(kwnames); i < n; ++i) {
      Value key = fromC(PyTuple_GET_ITEM(kwnames, i));
      if (isStr(key) && strEqualsAscii(key, name)) return values[i];
    }
    return nullptr;
  }
  // Raises for the first keyword not among keywords[pos:].
  void raiseUnexpected(const char* const* keywords, int pos, const char* fname) const {
    auto check = [&](Value key) {
      if (!isStr(key)) {
        raise(exc::TypeError, "keywords must be strings");
        return false;
      }
      for (int i = pos; keywords[i] != nullptr; ++i) {
        if (strEqualsAscii(key, keywords[i])) return true;
      }
      raisef(exc::TypeError, "'%s' is an invalid keyword argument for %.200s%s", strToUtf8(key).c_str(),
             fname == nullptr ? "this function" : fname, fname == nullptr ? "" : "()");
      return false;
    };
    if (dict != nullptr) {
      Value d = fromC(dict);
      int64_t cursor = 0;
      Value key, value;
      while (dictNext(d, &cursor, &key, &value)) {
        if (!check(key)) return;
      }
    } else if (kwnames != nullptr) {
      for (Py_ssize_t i = 0, n = PyTuple_GET_SIZE(kwnames); i < n; ++i) {
        if (!check(fromC(PyTuple_GET_ITEM(kwnames, i)))) return;
      }
    }
  }
};

// Fills the parser's derived fields once (pos, min, max, fname, and the
// kwtuple that marks it initialised), validating its format.
bool parserInit(_PyArg_Parser* parser) {
  if (parser->kwtuple != nullptr) return true;
  const char* const* keywords = parser->keywords;
  int i = 0;
  while (keywords[i] != nullptr && *keywords[i] == '\0') ++i;
  parser->pos = i;
  for (; keywords[i] != nullptr; ++i) {
    if (*keywords[i] == '\0') {
      raise(exc::SystemError, "Empty keyword parameter name");
      return false;
    }
  }
  int len = i;
  const char* format = parser->format;
  if (format != nullptr) {
    parser->fname = std::strchr(format, ':');
    if (parser->fname != nullptr) {
      ++parser->fname;
      parser->custom_msg = nullptr;
    } else {
      parser->custom_msg = std::strchr(format, ';');
      if (parser->custom_msg != nullptr) ++parser->custom_msg;
    }
    int min = INT_MAX, max = INT_MAX;
    for (i = 0; i < len; ++i) {
      if (*format == '|') {
        if (min != INT_MAX) {
          raise(exc::SystemError, "Invalid format string (| specified twice)");
          return false;
        }
        if (max != INT_MAX) {
          raise(exc::SystemError, "Invalid format string ($ before |)");
          return false;
        }
        min = i;
        ++format;
      }
      if (*format == '$') {
        if (max != INT_MAX) {
          raise(exc::SystemError, "Invalid format string ($ specified twice)");
          return false;
        }
        if (i < parser->pos) {
          raise(exc::SystemError, "Empty parameter name after $");
          return false;
        }
        max = i;
        ++format;
      }
      if (isEndOfFormat(*format)) {
        raisef(exc::SystemError, "More keyword list entries (%d) than format specifiers (%d)", len, i);
        return false;
      }
      const char* msg = skipItem(&format, nullptr, 0);
      if (msg != nullptr) {
        raisef(exc::SystemError, "%s: '%s'", msg, format);
        return false;
      }
    }
    parser->min = min < len ? min : len;
    parser->max = max < len ? max : len;
    if (!isEndOfFormat(*format) && *format != '|' && *format != '$') {
      raisef(exc::SystemError, "more argument specifiers than keyword list entries (remaining format:'%s')", format);
      return false;
    }
  }
  Value names = newTuple(len - parser->pos);
  if (names.isNull()) return false;
  for (int k = parser->pos; k < len; ++k) tupleInit(names, k - parser->pos, internStr(keywords[k]));
  parser->kwtuple = toNew(names);  // kept for good, as CPython keeps it
  return true;
}

int parseFast(PyObject* const* args, Py_ssize_t nargs, const Keywords& kw, _PyArg_Parser* parser, va_list* ap,
              int flags) {
  if (parser == nullptr) return badInternalCall("_PyArg_ParseStackAndKeywords"), 0;
  if (!parserInit(parser)) return 0;
  int pos = parser->pos;
  int len = pos + static_cast<int>(PyTuple_GET_SIZE(parser->kwtuple));
  const char* const* keywords = parser->keywords;
  std::string fn_text = parser->fname == nullptr ? "function" : std::string(parser->fname).substr(0, 200);
  const char* fn = fn_text.c_str();
  const char* parens = parser->fname == nullptr ? "" : "()";
  Py_ssize_t nkwargs = kw.count();
  if (nargs + nkwargs > len) {
    raisef(exc::TypeError, "%s%s takes at most %d %sargument%s (%zd given)", fn, parens, len,
           nargs == 0 ? "keyword " : "", len == 1 ? "" : "s", static_cast<ssize_t>(nargs + nkwargs));
    return 0;
  }
  if (parser->max < nargs) {
    if (parser->max == 0) {
      raisef(exc::TypeError, "%s%s takes no positional arguments", fn, parens);
    } else {
      raisef(exc::TypeError, "%s%s takes %s %d positional argument%s (%zd given)", fn, parens,
             parser->min < parser->max ? "at most" : "exactly", parser->max, parser->max == 1 ? "" : "s",
             static_cast<ssize_t>(nargs));
    }
    return 0;
  }
  FreeList freelist;
  Parser conv(ap, flags, &freelist);
  int levels[32];  // as in parseStack: a failing convertItem ends what it sets with a 0
  const char* format = parser->format;
  for (int i = 0; i < len; ++i) {
    if (*format == '|') ++format;
    if (*format == '$') ++format;
    PyObject* current = nullptr;
    if (i < nargs) {
      current = args[i];
    } else if (nkwargs != 0 && i >= pos) {
      bool error;
      current = kw.find(keywords[i], &error);
      if (error) return freelist.finish(0);
      if (current != nullptr) --nkwargs;
    }
    if (current != nullptr) {
      const char* msg = conv.convertItem(current, &format, levels);
      if (msg != nullptr) {
        setError(i + 1, msg, levels, parser->fname == nullptr ? nullptr : fn, parser->custom_msg);
        return freelist.finish(0);
      }
      continue;
    }
    if (i < parser->min) {
      if (i < pos) {
        int m = pos < parser->min ? pos : parser->min;
        raisef(exc::TypeError, "%s%s takes %s %d positional argument%s (%zd given)", fn, parens,
               m < parser->max ? "at least" : "exactly", m, m == 1 ? "" : "s", static_cast<ssize_t>(nargs));
      } else {
        raisef(exc::TypeError, "%s%s missing required argument '%s' (pos %d)", fn, parens, keywords[i], i + 1);
      }
      return freelist.finish(0);
    }
    if (nkwargs == 0) return freelist.finish(1);
    skipItem(&format, ap, flags);
  }
  if (nkwargs > 0) {
    for (int i = pos; i < nargs; ++i) {
      bool error;
      if (kw.find(keywords[i], &error) != nullptr) {
        raisef(exc::TypeError, "argument for %s%s given by name ('%s') and position (%d)", fn, parens, keywords[i],
               i + 1);
        return freelist.finish(0);
      }
      if (error) return freelist.finish(0);
    }
    kw.raiseUnexpected(keywords, pos, parser->fname == nullptr ? nullptr : fn);
    return freelist.finish(0);
  }
  return freelist.finish(1);
}

PyObject* const* unpackKeywords(PyObject* const* args, Py_ssize_t nargs, const Keywords& kw, _PyArg_Parser* parser,
                                int minpos, int maxpos, int minkw, PyObject** buf) {
  if (parser == nullptr || (kw.kwnames != nullptr && !PyTuple_Check(kw.kwnames))) {
    return badInternalCall("_PyArg_UnpackKeywords");
  }
  if (args == nullptr && nargs == 0) args = buf;
  if (!parserInit(parser)) return nullptr;
  int posonly = parser->pos;
  int minposonly = posonly < minpos ? posonly : minpos;
  int maxargs = posonly + static_cast<int>(PyTuple_GET_SIZE(parser->kwtuple));
  const char* const* keywords = parser->keywords;
  Py_ssize_t nkwargs = kw.count();
  if (nkwargs == 0 && minkw == 0 && minpos <= nargs && nargs <= maxpos) return args;
  std::string fn_text = parser->fname == nullptr ? "function" : std::string(parser->fname).substr(0, 200);
  const char* fn = fn_text.c_str();
  const char* parens = parser->fname == nullptr ? "" : "()";
  if (nargs + nkwargs > maxargs) {
    raisef(exc::TypeError, "%s%s takes at most %d %sargument%s (%zd given)", fn, parens, maxargs,
           nargs == 0 ? "keyword " : "", maxargs == 1 ? "" : "s", static_cast<ssize_t>(nargs + nkwargs));
    return nullptr;
  }
  if (nargs > maxpos) {
    if (maxpos == 0) {
      raisef(exc::TypeError, "%s%s takes no positional arguments", fn, parens);
    } else {
      raisef(exc::TypeError, "%s%s takes %s %d positional argument%s (%zd given)", fn, parens,
             minpos < maxpos ? "at most" : "exactly", maxpos, maxpos == 1 ? "" : "s", static_cast<ssize_t>(nargs));
    }
    return nullptr;
  }
  if (nargs < minposonly) {
    raisef(exc::TypeError, "%s%s takes %s %d positional argument%s (%zd given)", fn, parens,
           minposonly < maxpos ? "at least" : "exactly", minposonly, minposonly == 1 ? "" : "s",
           static_cast<ssize_t>(nargs));
    return nullptr;
  }
  for (Py_ssize_t i = 0; i < nargs; ++i) buf[i] = args[i];
  int reqlimit = minkw != 0 ? maxpos + minkw : minpos;
  for (int i = static_cast<int>(nargs) > posonly ? static_cast<int>(nargs) : posonly; i < maxargs; ++i) {
    PyObject* current = nullptr;
    if (nkwargs != 0) {
      bool error;
      current = kw.find(keywords[i], &error);
      if (error) return nullptr;
    } else if (i >= reqlimit) {
      break;
    }
    buf[i] = current;
    if (current != nullptr) {
      --nkwargs;
    } else if (i < minpos || (maxpos <= i && i < reqlimit)) {
      raisef(exc::TypeError, "%s%s missing required argument '%s' (pos %d)", fn, parens, keywords[i], i + 1);
      return nullptr;
    }
  }
  if (nkwargs > 0) {
    for (int i = posonly; i < nargs; ++i) {
      bool error;
      if (kw.find(keywords[i], &error) != nullptr) {
        raisef(exc::TypeError, "argument for %s%s given by name ('%s') and position (%d)", fn, parens, keywords[i],
               i + 1);
        return nullptr;
      }
      if (error) return nullptr;
    }
    kw.raiseUnexpected(keywords, posonly, parser->fname == nullptr ? nullptr : fn);
    return nullptr;
  }
  return buf;
}

int unpackStack(PyObject* const* args, Py_ssize_t nargs, const char* name, Py_ssize_t min, Py_ssize_t max,
                va_list* ap) {
  if (nargs < min || (nargs > max && nargs != 0)) {
    bool few = nargs < min;
    Py_ssize_t bound = few ? min : max;
    const char* qual = min == max ? "" : few ? "at least " : "at most ";
    if (name != nullptr) {
      raisef(exc::TypeError, "%.200s expected %s%zd argument%s, got %zd", name, qual, static_cast<ssize_t>(bound),
             bound == 1 ? "" : "s", static_cast<ssize_t>(nargs));
    } else {
      raisef(exc::TypeError, "unpacked tuple should have %s%zd element%s, but has %zd", qual,
             static_cast<ssize_t>(bound), bound == 1 ? "" : "s", static_cast<ssize_t>(nargs));
    }
    return 0;
  }
  for (Py_ssize_t i = 0; i < nargs; ++i) *va_arg(*ap, PyObject**) = args[i];
  return 1;
}

}  // namespace
}  // namespace tern::cpyext

using namespace tern;
using namespace tern::cpyext;

extern "C" {

#define TERN_VA_ENTRY(call) \
  va_list ap;               \
  va_start(ap, format);     \
  int r = call;             \
  va_end(ap);               \
  return r

int PyArg_ParseTuple(PyObject* args, const char* format, ...) { TERN_VA_ENTRY(parseTuple(args, format, &ap, 0)); }
int _PyArg_ParseTuple_SizeT(PyObject* args, const char* format, ...) {
  TERN_VA_ENTRY(parseTuple(args, format, &ap, kFlagSizeT));
}
int PyArg_Parse(PyObject* args, const char* format, ...) { TERN_VA_ENTRY(parseTuple(args, format, &ap, kFlagCompat)); }
int _PyArg_Parse_SizeT(PyObject* args, const char* format, ...) {
  TERN_VA_ENTRY(parseTuple(args, format, &ap, kFlagCompat | kFlagSizeT));
}

int PyArg_ParseTupleAndKeywords(PyObject* args, PyObject* kw, const char* format, char** kwlist, ...) {
  va_list ap;
  va_start(ap, kwlist);
  int r = parseTupleAndKeywords(args, kw, format, kwlist, &ap, 0);
  va_end(ap);
  return r;
}

int _PyArg_ParseTupleAndKeywords_SizeT(PyObject* args, PyObject* kw, const char* format, char** kwlist, ...) {
  va_list ap;
  va_start(ap, kwlist);
  int r = parseTupleAndKeywords(args, kw, format, kwlist, &ap, kFlagSizeT);
  va_end(ap);
  return r;
}

int PyArg_VaParse(PyObject* args, const char* format, va_list va) {
  va_list ap;
  va_copy(ap, va);
  int r = parseTuple(args, format, &ap, 0);
  va_end(ap);
  return r;
}

int _PyArg_VaParse_SizeT(PyObject* args, const char* format, va_list va) {
  va_list ap;
  va_copy(ap, va);
  int r = parseTuple(args, format, &ap, kFlagSizeT);
  va_end(ap);
  return r;
}

int PyArg_VaParseTupleAndKeywords(PyObject* args, PyObject* kw, const char* format, char** kwlist, va_list va) {
  va_list ap;
  va_copy(ap, va);
  int r = parseTupleAndKeywords(args, kw, format, kwlist, &ap, 0);
  va_end(ap);
  return r;
}

int _PyArg_VaParseTupleAndKeywords_SizeT(PyObject* args, PyObject* kw, const char* format, char** kwlist, va_list va) {
  va_list ap;
  va_copy(ap, va);
  int r = parseTupleAndKeywords(args, kw, format, kwlist, &ap, kFlagSizeT);
  va_end(ap);
  return r;
}

int PyArg_ValidateKeywordArguments(PyObject* kwargs) {
  if (kwargs == nullptr || !PyDict_Check(kwargs)) return badInternalCall("PyArg_ValidateKeywordArguments"), 0;
  Value dict = fromC(kwargs);
  int64_t cursor = 0;
  Value key, value;
  while (dictNext(dict, &cursor, &key, &value)) {
    if (!isStr(key)) {
      raise(exc::TypeError, "keywords must be strings");
      return 0;
    }
  }
  return 1;
}

int PyArg_UnpackTuple(PyObject* args, const char* name, Py_ssize_t min, Py_ssize_t max, ...) {
  if (args == nullptr || !PyTuple_Check(args)) {
    raise(exc::SystemError, "PyArg_UnpackTuple() argument list is not a tuple");
    return 0;
  }
  va_list ap;
  va_start(ap, max);
  int r = unpackStack(&PyTuple_GET_ITEM(args, 0), PyTuple_GET_SIZE(args), name, min, max, &ap);
  va_end(ap);
  return r;
}

int _PyArg_UnpackStack(PyObject* const* args, Py_ssize_t nargs, const char* name, Py_ssize_t min, Py_ssize_t max, ...) {
  va_list ap;
  va_start(ap, max);
  int r = unpackStack(args, nargs, name, min, max, &ap);
  va_end(ap);
  return r;
}

int(_PyArg_CheckPositional)(const char* name, Py_ssize_t nargs, Py_ssize_t min, Py_ssize_t max) {
  if (nargs < min || (nargs > max && nargs != 0)) {
    bool few = nargs < min;
    Py_ssize_t bound = few ? min : max;
    const char* qual = min == max ? "" : few ? "at least " : "at most ";
    if (name != nullptr) {
      raisef(exc::TypeError, "%.200s expected %s%zd argument%s, got %zd", name, qual, static_cast<ssize_t>(bound),
             bound == 1 ? "" : "s", static_cast<ssize_t>(nargs));
    } else {
      raisef(exc::TypeError, "unpacked tuple should have %s%zd element%s, but has %zd", qual,
             static_cast<ssize_t>(bound), bound == 1 ? "" : "s", static_cast<ssize_t>(nargs));
    }
    return 0;
  }
  return 1;
}

int(_PyArg_NoKeywords)(const char* funcname, PyObject* kwargs) {  // parenthesised: modsupport.h has a macro of the name
  if (kwargs == nullptr) return 1;
  if (!PyDict_CheckExact(kwargs)) return badInternalCall("_PyArg_NoKeywords"), 0;
  if (dictSize(fromC(kwargs)) == 0) return 1;
  raisef(exc::TypeError, "%.200s() takes no keyword arguments", funcname);
  return 0;
}

int(_PyArg_NoPositional)(const char* funcname, PyObject* args) {
  if (args == nullptr) return 1;
  if (!PyTuple_CheckExact(args)) return badInternalCall("_PyArg_NoPositional"), 0;
  if (PyTuple_GET_SIZE(args) == 0) return 1;
  raisef(exc::TypeError, "%.200s() takes no positional arguments", funcname);
  return 0;
}

int(_PyArg_NoKwnames)(const char* funcname, PyObject* kwnames) {
  if (kwnames == nullptr) return 1;
  if (PyTuple_GET_SIZE(kwnames) == 0) return 1;
  raisef(exc::TypeError, "%s() takes no keyword arguments", funcname);
  return 0;
}

// ---------------------------------------------------------------------------
// The _PyArg_Parser entry points

int _PyArg_ParseStack(PyObject* const* args, Py_ssize_t nargs, const char* format, ...) {
  TERN_VA_ENTRY(parseStack(nullptr, args, nargs, format, &ap, 0));
}
// Not declared by modsupport.h (PY_SSIZE_T_CLEAN maps the plain name onto it):
// exported explicitly.
PyAPI_FUNC(int) _PyArg_ParseStack_SizeT(PyObject* const* args, Py_ssize_t nargs, const char* format, ...) {
  TERN_VA_ENTRY(parseStack(nullptr, args, nargs, format, &ap, kFlagSizeT));
}

#define TERN_VA_ENTRY_AFTER(last, call) \
  va_list ap;                           \
  va_start(ap, last);                   \
  int r = call;                         \
  va_end(ap);                           \
  return r

int _PyArg_ParseStackAndKeywords(PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames, _PyArg_Parser* parser,
                                 ...) {
  TERN_VA_ENTRY_AFTER(parser,
                      parseFast(args, nargs, Keywords{.kwnames = kwnames, .values = args + nargs}, parser, &ap, 0));
}
// Not declared by modsupport.h (PY_SSIZE_T_CLEAN maps the plain name onto it):
// exported explicitly.
PyAPI_FUNC(int) _PyArg_ParseStackAndKeywords_SizeT(PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames,
                                                   _PyArg_Parser* parser, ...) {
  TERN_VA_ENTRY_AFTER(
      parser, parseFast(args, nargs, Keywords{.kwnames = kwnames, .values = args + nargs}, parser, &ap, kFlagSizeT));
}

namespace {
int parseFastTuple(PyObject* args, PyObject* kwargs, _PyArg_Parser* parser, va_list* ap, int flags) {
  if (args == nullptr || !PyTuple_Check(args) || (kwargs != nullptr && !PyDict_Check(kwargs))) {
    return badInternalCall("_PyArg_ParseTupleAndKeywordsFast"), 0;
  }
  return parseFast(&PyTuple_GET_ITEM(args, 0), PyTuple_GET_SIZE(args), Keywords{.dict = kwargs}, parser, ap, flags);
}
}  // namespace

int _PyArg_ParseTupleAndKeywordsFast(PyObject* args, PyObject* kwargs, _PyArg_Parser* parser, ...) {
  TERN_VA_ENTRY_AFTER(parser, parseFastTuple(args, kwargs, parser, &ap, 0));
}
// Not declared by modsupport.h (PY_SSIZE_T_CLEAN maps the plain name onto it):
// exported explicitly.
PyAPI_FUNC(int) _PyArg_ParseTupleAndKeywordsFast_SizeT(PyObject* args, PyObject* kwargs, _PyArg_Parser* parser, ...) {
  TERN_VA_ENTRY_AFTER(parser, parseFastTuple(args, kwargs, parser, &ap, kFlagSizeT));
}
int _PyArg_VaParseTupleAndKeywordsFast(PyObject* args, PyObject* kwargs, _PyArg_Parser* parser, va_list va) {
  va_list ap;
  va_copy(ap, va);
  int r = parseFastTuple(args, kwargs, parser, &ap, 0);
  va_end(ap);
  return r;
}
// Not declared by modsupport.h (PY_SSIZE_T_CLEAN maps the plain name onto it):
// exported explicitly.
PyAPI_FUNC(int)
    _PyArg_VaParseTupleAndKeywordsFast_SizeT(PyObject* args, PyObject* kwargs, _PyArg_Parser* parser, va_list va) {
  va_list ap;
  va_copy(ap, va);
  int r = parseFastTuple(args, kwargs, parser, &ap, kFlagSizeT);
  va_end(ap);
  return r;
}

PyObject* const*(_PyArg_UnpackKeywords)(PyObject* const* args, Py_ssize_t nargs, PyObject* kwargs, PyObject* kwnames,
                                        _PyArg_Parser* parser, int minpos, int maxpos, int minkw, PyObject** buf) {
  return unpackKeywords(args, nargs, Keywords{.dict = kwargs, .kwnames = kwnames, .values = args + nargs}, parser,
                        minpos, maxpos, minkw, buf);
}

// The clinic form for functions with *args: positional arguments beyond
// maxpos are gathered into a tuple at buf[vararg] (which the parser keeps
// alive), the others unpacked around it.  Only clinic code inside CPython
// 3.11 calls this; the layout follows its buffers for a trailing *args.
PyObject* const* _PyArg_UnpackKeywordsWithVararg(PyObject* const* args, Py_ssize_t nargs, PyObject* kwargs,
                                                 PyObject* kwnames, _PyArg_Parser* parser, int minpos, int maxpos,
                                                 int minkw, int vararg, PyObject** buf) {
  if (vararg < 0 || nargs < 0) return badInternalCall("_PyArg_UnpackKeywordsWithVararg");
  Py_ssize_t extra = nargs > maxpos ? nargs - maxpos : 0;
  Py_ssize_t npos = nargs - extra;
  Value rest = newTuple(extra);
  if (rest.isNull()) return nullptr;
  for (Py_ssize_t i = 0; i < extra; ++i) tupleInit(rest, i, fromC(args[npos + i]));
  // Unpack the others into a scratch array, then splice the tuple in.
  if (parser == nullptr) return badInternalCall("_PyArg_UnpackKeywordsWithVararg");
  if (!parserInit(parser)) return nullptr;
  size_t slots = static_cast<size_t>(parser->pos + PyTuple_GET_SIZE(parser->kwtuple)) + static_cast<size_t>(npos) + 1;
  std::vector<PyObject*> tmp(slots, nullptr);
  Keywords kw{.dict = kwargs, .kwnames = kwnames, .values = args + nargs};
  PyObject* const* r = unpackKeywords(args, npos, kw, parser, minpos, maxpos, minkw, tmp.data());
  if (r == nullptr) return nullptr;
  int total = parser->pos + static_cast<int>(PyTuple_GET_SIZE(parser->kwtuple));
  for (int i = 0, j = 0; i <= total; ++i) {
    if (i == vararg) {
      buf[i] = toBorrowed(parser->kwtuple, rest);
      continue;
    }
    buf[i] = j < total ? r[j] : nullptr;
    ++j;
  }
  return buf;
}

void _PyArg_BadArgument(const char* fname, const char* displayname, const char* expected, PyObject* arg) {
  raisef(exc::TypeError, "%.200s() %.200s must be %.50s, not %.50s", fname, displayname, expected,
         arg == Py_None ? "None" : Py_TYPE(arg)->tp_name);
}

}  // extern "C"
