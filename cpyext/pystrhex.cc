// cpyext: CPython's private hex formatters (internal/pycore_strhex.h), which
// its hash modules (_hashlib's hexdigest) and others call: the bytes of a C
// buffer as lowercase hex digits, two per byte, in a str (_Py_strhex) or a
// bytes (_Py_strhex_bytes).  The _with_sep forms take bytes.hex()'s `sep`
// and `bytes_per_sep` and behave as it does (same grouping from the right
// for a positive count, from the left for a negative one, same errors), so
// they are that method, called on a bytes copy of the buffer.
#include <string>

#include "Python.h"


namespace {

std::string hexOf(const char* buf, Py_ssize_t len) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.resize(static_cast<size_t>(len) * 2);
  for (Py_ssize_t i = 0; i < len; ++i) {
    auto b = static_cast<unsigned char>(buf[i]);
    out[2 * i] = kDigits[b >> 4];
    out[2 * i + 1] = kDigits[b & 0xf];
  }
  return out;
}

bool checkBuffer(const char* buf, Py_ssize_t len, const char* function) {
  if (len < 0 || (buf == nullptr && len > 0)) {
    PyErr_Format(PyExc_SystemError, "%s: bad argument to internal function", function);
    return false;
  }
  return true;
}

// bytes(buf).hex(sep, bytes_per_sep): a str.
PyObject* hexWithSep(const char* buf, Py_ssize_t len, PyObject* sep, int bytes_per_sep) {
  PyObject* bytes = PyBytes_FromStringAndSize(buf, len);
  if (bytes == nullptr) return nullptr;
  PyObject* r = sep == nullptr ? PyObject_CallMethod(bytes, "hex", nullptr)
                               : PyObject_CallMethod(bytes, "hex", "Oi", sep, bytes_per_sep);
  Py_DECREF(bytes);
  return r;
}

PyObject* asciiToBytes(PyObject* str) {
  if (str == nullptr) return nullptr;
  PyObject* r = PyUnicode_AsASCIIString(str);
  Py_DECREF(str);
  return r;
}

}  // namespace

extern "C" {

Py_EXPORTED_SYMBOL PyObject* _Py_strhex(const char* argbuf, const Py_ssize_t arglen) {
  if (!checkBuffer(argbuf, arglen, "_Py_strhex")) return nullptr;
  std::string hex = hexOf(argbuf, arglen);
  return PyUnicode_FromStringAndSize(hex.data(), static_cast<Py_ssize_t>(hex.size()));
}

Py_EXPORTED_SYMBOL PyObject* _Py_strhex_bytes(const char* argbuf, const Py_ssize_t arglen) {
  if (!checkBuffer(argbuf, arglen, "_Py_strhex_bytes")) return nullptr;
  std::string hex = hexOf(argbuf, arglen);
  return PyBytes_FromStringAndSize(hex.data(), static_cast<Py_ssize_t>(hex.size()));
}

Py_EXPORTED_SYMBOL PyObject* _Py_strhex_with_sep(const char* argbuf, const Py_ssize_t arglen, PyObject* sep,
                                          const int bytes_per_sep_group) {
  if (!checkBuffer(argbuf, arglen, "_Py_strhex_with_sep")) return nullptr;
  return hexWithSep(argbuf, arglen, sep, bytes_per_sep_group);
}

Py_EXPORTED_SYMBOL PyObject* _Py_strhex_bytes_with_sep(const char* argbuf, const Py_ssize_t arglen, PyObject* sep,
                                                const int bytes_per_sep_group) {
  if (!checkBuffer(argbuf, arglen, "_Py_strhex_bytes_with_sep")) return nullptr;
  return asciiToBytes(hexWithSep(argbuf, arglen, sep, bytes_per_sep_group));
}

}  // extern "C"
