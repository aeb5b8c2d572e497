// cpyext: the codec registry and error-handler API (codecs.h, CPython's
// Python/codecs.c), and the accessors of UnicodeEncodeError /
// UnicodeDecodeError / UnicodeTranslateError objects (pyerrors.h), which
// Debian's _multibytecodec and the CJK codecs use to report and recover
// from unencodable or undecodable input.
//
// The registry is the runtime's: every function here is the corresponding
// call into the native _codecs module (lookup, encode, decode, register,
// unregister, register_error, lookup_error) or into the CodecInfo it
// returns, so C and Python share search functions, the cache and the
// error handlers.  The exception accessors read and write the objects'
// attributes, with CPython's clamping of start/end to the object's length
// and its TypeErrors for attributes of the wrong type.
#include <cstring>

#include "Python.h"

namespace {

PyObject* callCodecs(const char* function, const char* format, ...) {
  PyObject* module = PyImport_ImportModule("_codecs");
  if (module == nullptr) return nullptr;
  PyObject* f = PyObject_GetAttrString(module, function);
  Py_DECREF(module);
  if (f == nullptr) return nullptr;
  va_list ap;
  va_start(ap, format);
  PyObject* args = Py_VaBuildValue(format, ap);
  va_end(ap);
  PyObject* r = nullptr;
  if (args != nullptr) {
    r = PyObject_Call(f, args, nullptr);
    Py_DECREF(args);
  }
  Py_DECREF(f);
  return r;
}

PyObject* lookupField(const char* encoding, Py_ssize_t index) {
  PyObject* info = _PyCodec_Lookup(encoding);
  if (info == nullptr) return nullptr;
  PyObject* r = PySequence_GetItem(info, index);
  Py_DECREF(info);
  return r;
}

// codec_info.<factory>(args...), errors left out when NULL.
PyObject* makeCoder(const char* encoding, const char* factory, PyObject* stream, const char* errors) {
  PyObject* info = _PyCodec_Lookup(encoding);
  if (info == nullptr) return nullptr;
  PyObject* r;
  if (stream != nullptr) {
    r = errors != nullptr ? PyObject_CallMethod(info, factory, "Os", stream, errors)
                          : PyObject_CallMethod(info, factory, "O", stream);
  } else {
    r = errors != nullptr ? PyObject_CallMethod(info, factory, "s", errors) : PyObject_CallMethod(info, factory, nullptr);
  }
  Py_DECREF(info);
  return r;
}

PyObject* callHandler(const char* name, PyObject* exc) {
  PyObject* handler = PyCodec_LookupError(name);
  if (handler == nullptr) return nullptr;
  PyObject* r = PyObject_CallOneArg(handler, exc);
  Py_DECREF(handler);
  return r;
}

// ---- Unicode error objects -------------------------------------------------

bool checkUnicodeError(PyObject* exc, PyObject* type, const char* function) {
  if (exc == nullptr || !PyObject_TypeCheck(exc, reinterpret_cast<PyTypeObject*>(type))) {
    PyErr_Format(PyExc_SystemError, "%s: bad argument to internal function", function);
    return false;
  }
  return true;
}

// The attribute `name`, which must be an instance of `type` (str or bytes).
PyObject* typedAttr(PyObject* exc, const char* name, PyTypeObject* type, const char* type_name) {
  PyObject* v = PyObject_GetAttrString(exc, name);
  if (v == nullptr) return nullptr;
  if (v == Py_None) {
    Py_DECREF(v);
    PyErr_Format(PyExc_TypeError, "%s attribute not set", name);
    return nullptr;
  }
  if (!PyObject_TypeCheck(v, type)) {
    Py_DECREF(v);
    PyErr_Format(PyExc_TypeError, "%s attribute must be %s", name, type_name);
    return nullptr;
  }
  return v;
}

Py_ssize_t objectLength(PyObject* exc, bool bytes) {
  PyObject* o = bytes ? typedAttr(exc, "object", &PyBytes_Type, "bytes")
                      : typedAttr(exc, "object", &PyUnicode_Type, "unicode");
  if (o == nullptr) return -1;
  Py_ssize_t n = PyObject_Length(o);
  Py_DECREF(o);
  return n;
}

int getIndex(PyObject* exc, const char* name, Py_ssize_t* out) {
  PyObject* v = PyObject_GetAttrString(exc, name);
  if (v == nullptr) return -1;
  Py_ssize_t n = PyLong_AsSsize_t(v);
  Py_DECREF(v);
  if (n == -1 && PyErr_Occurred()) return -1;
  *out = n;
  return 0;
}

// start clamped to [0, len - 1] (0 for an empty object), as CPython reports it.
int getStart(PyObject* exc, Py_ssize_t* start, bool bytes) {
  Py_ssize_t len = objectLength(exc, bytes);
  if (len < 0 || getIndex(exc, "start", start) < 0) return -1;
  if (*start < 0) *start = 0;
  if (*start >= len) *start = len == 0 ? 0 : len - 1;
  return 0;
}

// end clamped to [1, len] (0 for an empty object).
int getEnd(PyObject* exc, Py_ssize_t* end, bool bytes) {
  Py_ssize_t len = objectLength(exc, bytes);
  if (len < 0 || getIndex(exc, "end", end) < 0) return -1;
  if (*end < 1) *end = 1;
  if (*end > len) *end = len;
  return 0;
}

int setIndex(PyObject* exc, const char* name, Py_ssize_t value) {
  PyObject* v = PyLong_FromSsize_t(value);
  if (v == nullptr) return -1;
  int r = PyObject_SetAttrString(exc, name, v);
  Py_DECREF(v);
  return r;
}

int setReason(PyObject* exc, const char* reason) {
  PyObject* v = PyUnicode_FromString(reason);
  if (v == nullptr) return -1;
  int r = PyObject_SetAttrString(exc, "reason", v);
  Py_DECREF(v);
  return r;
}

}  // namespace

extern "C" {

// ---- The registry --------------------------------------------------------

int PyCodec_Register(PyObject* search_function) {
  PyObject* r = callCodecs("register", "(O)", search_function);
  if (r == nullptr) return -1;
  Py_DECREF(r);
  return 0;
}

int PyCodec_Unregister(PyObject* search_function) {
  PyObject* r = callCodecs("unregister", "(O)", search_function);
  if (r == nullptr) return -1;
  Py_DECREF(r);
  return 0;
}

PyObject* _PyCodec_Lookup(const char* encoding) {
  if (encoding == nullptr) {
    PyErr_BadArgument();
    return nullptr;
  }
  return callCodecs("lookup", "(s)", encoding);
}

int PyCodec_KnownEncoding(const char* encoding) {
  PyObject* info = _PyCodec_Lookup(encoding);
  if (info == nullptr) {
    PyErr_Clear();
    return 0;
  }
  Py_DECREF(info);
  return 1;
}

PyObject* PyCodec_Encode(PyObject* object, const char* encoding, const char* errors) {
  return callCodecs("encode", "(Oss)", object, encoding, errors != nullptr ? errors : "strict");
}

PyObject* PyCodec_Decode(PyObject* object, const char* encoding, const char* errors) {
  return callCodecs("decode", "(Oss)", object, encoding, errors != nullptr ? errors : "strict");
}

PyObject* PyCodec_Encoder(const char* encoding) { return lookupField(encoding, 0); }
PyObject* PyCodec_Decoder(const char* encoding) { return lookupField(encoding, 1); }

PyObject* PyCodec_IncrementalEncoder(const char* encoding, const char* errors) {
  return makeCoder(encoding, "incrementalencoder", nullptr, errors);
}

PyObject* PyCodec_IncrementalDecoder(const char* encoding, const char* errors) {
  return makeCoder(encoding, "incrementaldecoder", nullptr, errors);
}

PyObject* PyCodec_StreamReader(const char* encoding, PyObject* stream, const char* errors) {
  return makeCoder(encoding, "streamreader", stream, errors);
}

PyObject* PyCodec_StreamWriter(const char* encoding, PyObject* stream, const char* errors) {
  return makeCoder(encoding, "streamwriter", stream, errors);
}

// ---- Error handlers ------------------------------------------------------

int PyCodec_RegisterError(const char* name, PyObject* error) {
  PyObject* r = callCodecs("register_error", "(sO)", name, error);
  if (r == nullptr) return -1;
  Py_DECREF(r);
  return 0;
}

PyObject* PyCodec_LookupError(const char* name) {
  return callCodecs("lookup_error", "(s)", name != nullptr ? name : "strict");
}

PyObject* PyCodec_StrictErrors(PyObject* exc) {
  if (PyExceptionInstance_Check(exc)) {
    PyErr_SetObject(reinterpret_cast<PyObject*>(Py_TYPE(exc)), exc);
  } else {
    PyErr_SetString(PyExc_TypeError, "codec must pass exception instance");
  }
  return nullptr;
}

PyObject* PyCodec_IgnoreErrors(PyObject* exc) { return callHandler("ignore", exc); }
PyObject* PyCodec_ReplaceErrors(PyObject* exc) { return callHandler("replace", exc); }
PyObject* PyCodec_XMLCharRefReplaceErrors(PyObject* exc) { return callHandler("xmlcharrefreplace", exc); }
PyObject* PyCodec_BackslashReplaceErrors(PyObject* exc) { return callHandler("backslashreplace", exc); }
PyObject* PyCodec_NameReplaceErrors(PyObject* exc) { return callHandler("namereplace", exc); }

// ---- UnicodeDecodeError --------------------------------------------------

PyObject* PyUnicodeDecodeError_Create(const char* encoding, const char* object, Py_ssize_t length, Py_ssize_t start,
                                      Py_ssize_t end, const char* reason) {
  PyObject* bytes = PyBytes_FromStringAndSize(object, length);
  if (bytes == nullptr) return nullptr;
  PyObject* r = PyObject_CallFunction(PyExc_UnicodeDecodeError, "sOnns", encoding, bytes, start, end, reason);
  Py_DECREF(bytes);
  return r;
}

PyObject* PyUnicodeDecodeError_GetEncoding(PyObject* exc) {
  return typedAttr(exc, "encoding", &PyUnicode_Type, "unicode");
}
PyObject* PyUnicodeDecodeError_GetObject(PyObject* exc) { return typedAttr(exc, "object", &PyBytes_Type, "bytes"); }
PyObject* PyUnicodeDecodeError_GetReason(PyObject* exc) { return typedAttr(exc, "reason", &PyUnicode_Type, "unicode"); }
int PyUnicodeDecodeError_GetStart(PyObject* exc, Py_ssize_t* start) { return getStart(exc, start, true); }
int PyUnicodeDecodeError_GetEnd(PyObject* exc, Py_ssize_t* end) { return getEnd(exc, end, true); }

int PyUnicodeDecodeError_SetStart(PyObject* exc, Py_ssize_t start) {
  if (!checkUnicodeError(exc, PyExc_UnicodeDecodeError, "PyUnicodeDecodeError_SetStart")) return -1;
  return setIndex(exc, "start", start);
}
int PyUnicodeDecodeError_SetEnd(PyObject* exc, Py_ssize_t end) {
  if (!checkUnicodeError(exc, PyExc_UnicodeDecodeError, "PyUnicodeDecodeError_SetEnd")) return -1;
  return setIndex(exc, "end", end);
}
int PyUnicodeDecodeError_SetReason(PyObject* exc, const char* reason) {
  if (!checkUnicodeError(exc, PyExc_UnicodeDecodeError, "PyUnicodeDecodeError_SetReason")) return -1;
  return setReason(exc, reason);
}

// ---- UnicodeEncodeError --------------------------------------------------

PyObject* PyUnicodeEncodeError_GetEncoding(PyObject* exc) {
  return typedAttr(exc, "encoding", &PyUnicode_Type, "unicode");
}
PyObject* PyUnicodeEncodeError_GetObject(PyObject* exc) { return typedAttr(exc, "object", &PyUnicode_Type, "unicode"); }
PyObject* PyUnicodeEncodeError_GetReason(PyObject* exc) { return typedAttr(exc, "reason", &PyUnicode_Type, "unicode"); }
int PyUnicodeEncodeError_GetStart(PyObject* exc, Py_ssize_t* start) { return getStart(exc, start, false); }
int PyUnicodeEncodeError_GetEnd(PyObject* exc, Py_ssize_t* end) { return getEnd(exc, end, false); }

int PyUnicodeEncodeError_SetStart(PyObject* exc, Py_ssize_t start) {
  if (!checkUnicodeError(exc, PyExc_UnicodeEncodeError, "PyUnicodeEncodeError_SetStart")) return -1;
  return setIndex(exc, "start", start);
}
int PyUnicodeEncodeError_SetEnd(PyObject* exc, Py_ssize_t end) {
  if (!checkUnicodeError(exc, PyExc_UnicodeEncodeError, "PyUnicodeEncodeError_SetEnd")) return -1;
  return setIndex(exc, "end", end);
}
int PyUnicodeEncodeError_SetReason(PyObject* exc, const char* reason) {
  if (!checkUnicodeError(exc, PyExc_UnicodeEncodeError, "PyUnicodeEncodeError_SetReason")) return -1;
  return setReason(exc, reason);
}

// ---- UnicodeTranslateError -----------------------------------------------

PyObject* PyUnicodeTranslateError_GetObject(PyObject* exc) {
  return typedAttr(exc, "object", &PyUnicode_Type, "unicode");
}
PyObject* PyUnicodeTranslateError_GetReason(PyObject* exc) {
  return typedAttr(exc, "reason", &PyUnicode_Type, "unicode");
}
int PyUnicodeTranslateError_GetStart(PyObject* exc, Py_ssize_t* start) { return getStart(exc, start, false); }
int PyUnicodeTranslateError_GetEnd(PyObject* exc, Py_ssize_t* end) { return getEnd(exc, end, false); }

int PyUnicodeTranslateError_SetStart(PyObject* exc, Py_ssize_t start) {
  if (!checkUnicodeError(exc, PyExc_UnicodeTranslateError, "PyUnicodeTranslateError_SetStart")) return -1;
  return setIndex(exc, "start", start);
}
int PyUnicodeTranslateError_SetEnd(PyObject* exc, Py_ssize_t end) {
  if (!checkUnicodeError(exc, PyExc_UnicodeTranslateError, "PyUnicodeTranslateError_SetEnd")) return -1;
  return setIndex(exc, "end", end);
}
int PyUnicodeTranslateError_SetReason(PyObject* exc, const char* reason) {
  if (!checkUnicodeError(exc, PyExc_UnicodeTranslateError, "PyUnicodeTranslateError_SetReason")) return -1;
  return setReason(exc, reason);
}

}  // extern "C"
