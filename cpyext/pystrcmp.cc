// cpyext: PyOS_mystrnicmp / PyOS_mystricmp (pystrcmp.h), ASCII
// case-insensitive comparison of C strings, independent of the C locale.
// The result is the difference of the first pair of bytes that differ once
// folded to lower case (a NUL ends either string), 0 when they agree up to
// the limit; PyOS_mystrnicmp compares at most `size` bytes, none when
// `size` is 0 or negative.
#include "Python.h"

namespace {

int folded(const char* p) { return Py_TOLOWER(static_cast<unsigned char>(*p)); }

}  // namespace

extern "C" {

int PyOS_mystrnicmp(const char* s1, const char* s2, Py_ssize_t size) {
  if (size <= 0) return 0;
  // The last byte within the limit is compared whatever it is.
  while (--size > 0 && *s1 != '\0' && *s2 != '\0' && folded(s1) == folded(s2)) {
    ++s1;
    ++s2;
  }
  return folded(s1) - folded(s2);
}

int PyOS_mystricmp(const char* s1, const char* s2) {
  while (*s1 != '\0' && folded(s1) == folded(s2)) {
    ++s1;
    ++s2;
  }
  return folded(s1) - folded(s2);
}

}  // extern "C"
