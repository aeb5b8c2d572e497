// cpyext: CPython's private file-descriptor helpers (cpython/fileutils.h,
// Python/fileutils.c) that its own extension modules call: ossaudiodev's
// _Py_open/_Py_read/_Py_write, _curses' _Py_set_inheritable, _ssl's
// _Py_fopen_obj.
//
// They behave as CPython's: descriptors and FILEs are opened non-inheritable
// (O_CLOEXEC / "e"); a call interrupted by a signal (EINTR) runs the Python
// signal handlers and is retried unless a handler raised; the raising forms
// release the GIL around the system call and report failure as OSError from
// errno (naming the file where there is one), the _noraise forms only set
// errno and may be called without the GIL.
#include "Python.h"  // first: pyconfig.h before the system headers

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstring>
#include <string>

namespace {

// count as the system calls take it: at most PY_SSIZE_T_MAX.
size_t clampCount(size_t count) {
  return count > static_cast<size_t>(PY_SSIZE_T_MAX) ? static_cast<size_t>(PY_SSIZE_T_MAX) : count;
}

// Runs `op` (a system call returning < 0 with errno on failure) without the
// GIL, retrying after EINTR while no signal handler raised.  -1 with an
// OSError (or the handler's exception) pending on failure.
template <typename R, typename Op>
R retryRaising(Op op, PyObject* filename) {
  for (;;) {
    R r;
    int saved_errno;
    Py_BEGIN_ALLOW_THREADS
    errno = 0;
    r = op();
    saved_errno = errno;
    Py_END_ALLOW_THREADS
    if (r >= 0) return r;
    if (saved_errno == EINTR) {
      if (PyErr_CheckSignals() < 0) return -1;
      continue;
    }
    errno = saved_errno;
    if (filename != nullptr) {
      PyErr_SetFromErrnoWithFilenameObject(PyExc_OSError, filename);
    } else {
      PyErr_SetFromErrno(PyExc_OSError);
    }
    return -1;
  }
}

int setInheritable(int fd, int inheritable) {
  int flags = fcntl(fd, F_GETFD);
  if (flags < 0) return -1;
  int wanted = inheritable ? (flags & ~FD_CLOEXEC) : (flags | FD_CLOEXEC);
  if (wanted == flags) return 0;
  return fcntl(fd, F_SETFD, wanted);
}

}  // namespace

extern "C" {

Py_EXPORTED_SYMBOL int _Py_open(const char* pathname, int flags) {
  PyObject* name = PyUnicode_DecodeFSDefault(pathname);
  if (name == nullptr) return -1;
  int fd = retryRaising<int>([&] { return open(pathname, flags | O_CLOEXEC, 0666); }, name);
  Py_DECREF(name);
  return fd;
}

Py_EXPORTED_SYMBOL int _Py_open_noraise(const char* pathname, int flags) {
  int fd;
  do {
    fd = open(pathname, flags | O_CLOEXEC, 0666);
  } while (fd < 0 && errno == EINTR);
  return fd;
}

Py_EXPORTED_SYMBOL Py_ssize_t _Py_read(int fd, void* buf, size_t count) {
  count = clampCount(count);
  return retryRaising<Py_ssize_t>([&] { return read(fd, buf, count); }, nullptr);
}

Py_EXPORTED_SYMBOL Py_ssize_t _Py_write(int fd, const void* buf, size_t count) {
  count = clampCount(count);
  return retryRaising<Py_ssize_t>([&] { return write(fd, buf, count); }, nullptr);
}

Py_EXPORTED_SYMBOL Py_ssize_t _Py_write_noraise(int fd, const void* buf, size_t count) {
  count = clampCount(count);
  Py_ssize_t n;
  do {
    n = write(fd, buf, count);
  } while (n < 0 && errno == EINTR);
  return n;
}

Py_EXPORTED_SYMBOL int _Py_get_inheritable(int fd) {
  int flags = fcntl(fd, F_GETFD);
  if (flags < 0) {
    PyErr_SetFromErrno(PyExc_OSError);
    return -1;
  }
  return (flags & FD_CLOEXEC) ? 0 : 1;
}

// atomic_flag_works is CPython's cache of whether O_CLOEXEC is honoured at
// open(); Linux always honours it, so it is only set to 1.
Py_EXPORTED_SYMBOL int _Py_set_inheritable(int fd, int inheritable, int* atomic_flag_works) {
  if (atomic_flag_works != nullptr) *atomic_flag_works = 1;
  if (setInheritable(fd, inheritable) < 0) {
    PyErr_SetFromErrno(PyExc_OSError);
    return -1;
  }
  return 0;
}

Py_EXPORTED_SYMBOL int _Py_set_inheritable_async_safe(int fd, int inheritable, int* atomic_flag_works) {
  if (atomic_flag_works != nullptr) *atomic_flag_works = 1;
  return setInheritable(fd, inheritable);
}

Py_EXPORTED_SYMBOL int _Py_dup(int fd) {
  int r = fcntl(fd, F_DUPFD_CLOEXEC, 0);
  if (r < 0) PyErr_SetFromErrno(PyExc_OSError);
  return r;
}

FILE* _Py_fopen_obj(PyObject* path, const char* mode) {
  if (path == nullptr || mode == nullptr) {
    PyErr_SetString(PyExc_SystemError, "_Py_fopen_obj: bad argument to internal function");
    return nullptr;
  }
  PyObject* bytes = nullptr;
  if (!PyUnicode_FSConverter(path, &bytes)) return nullptr;
  std::string m = std::string(mode) + "e";  // non-inheritable
  const char* name = PyBytes_AS_STRING(bytes);
  FILE* f = nullptr;
  int saved_errno = 0;
  for (;;) {
    Py_BEGIN_ALLOW_THREADS
    errno = 0;
    f = std::fopen(name, m.c_str());
    saved_errno = errno;
    Py_END_ALLOW_THREADS
    if (f != nullptr || saved_errno != EINTR) break;
    if (PyErr_CheckSignals() < 0) break;
  }
  Py_DECREF(bytes);
  if (f == nullptr && !PyErr_Occurred()) {
    errno = saved_errno;
    PyErr_SetFromErrnoWithFilenameObject(PyExc_OSError, path);
  }
  return f;
}

}  // extern "C"
