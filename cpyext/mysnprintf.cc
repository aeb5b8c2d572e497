// cpyext: PyOS_snprintf / PyOS_vsnprintf (CPython's Python/mysnprintf.c):
// the C library's vsnprintf, with CPython's guarantees: the output is always
// NUL-terminated, and a size beyond INT_MAX - 1 gives -666 without writing.
#include <climits>
#include <cstdarg>
#include <cstdio>

#include "Python.h"

extern "C" {

int PyOS_vsnprintf(char* str, size_t size, const char* format, va_list va) {
  if (str == nullptr || size == 0 || format == nullptr) return -1;
  int len;
  if (size > static_cast<size_t>(INT_MAX) - 1) {
    len = -666;
  } else {
    va_list ap;
    va_copy(ap, va);
    len = std::vsnprintf(str, size, format, ap);
    va_end(ap);
  }
  str[size - 1] = '\0';
  return len;
}

int PyOS_snprintf(char* str, size_t size, const char* format, ...) {
  va_list ap;
  va_start(ap, format);
  int r = PyOS_vsnprintf(str, size, format, ap);
  va_end(ap);
  return r;
}

}  // extern "C"
