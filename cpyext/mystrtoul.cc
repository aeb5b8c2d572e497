// cpyext: PyOS_strtoul / PyOS_strtol (CPython's Python/mystrtoul.c):
// locale-independent strtoul/strtol with Python's literal prefixes.  Base 0
// reads 0x/0o/0b prefixes and accepts no other leading zero ("012" parses as
// 0, stopping at '1'); *ptr is left where scanning stopped, digits or not; a
// value that does not fit sets errno = ERANGE and gives ULONG_MAX (strtoul)
// or LONG_MAX (strtol, whatever the sign, as CPython).  Neither raises a
// Python exception.
#include <cerrno>
#include <climits>

#include "Python.h"

namespace {

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

int digitValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

}  // namespace

extern "C" {

unsigned long PyOS_strtoul(const char* str, char** ptr, int base) {
  auto done = [ptr](const char* at, unsigned long value) {
    if (ptr != nullptr) *ptr = const_cast<char*>(at);
    return value;
  };
  while (isSpace(*str)) ++str;
  // A prefix must be followed by a digit of its base; otherwise scanning
  // stops on the prefix letter.
  auto prefix = [&](char lower, int prefix_base) {
    if (str[0] == '0' && (str[1] == lower || str[1] == lower - 32)) {
      if (digitValue(str[2]) >= prefix_base) return false;
      str += 2;
    } else if (str[0] == '0') {
      ++str;
    }
    return true;
  };
  switch (base) {
    case 0:
      if (*str != '0') {
        base = 10;
      } else if (str[1] == 'x' || str[1] == 'X') {
        if (!prefix('x', 16)) return done(str + 1, 0);
        base = 16;
      } else if (str[1] == 'o' || str[1] == 'O') {
        if (!prefix('o', 8)) return done(str + 1, 0);
        base = 8;
      } else if (str[1] == 'b' || str[1] == 'B') {
        if (!prefix('b', 2)) return done(str + 1, 0);
        base = 2;
      } else {
        // Only zeros may follow a leading 0 in base 0.
        while (*str == '0') ++str;
        while (isSpace(*str)) ++str;
        return done(str, 0);
      }
      break;
    case 16:
      if (!prefix('x', 16)) return done(str + 1, 0);
      break;
    case 8:
      if (!prefix('o', 8)) return done(str + 1, 0);
      break;
    case 2:
      if (!prefix('b', 2)) return done(str + 1, 0);
      break;
    default:
      break;
  }
  if (base < 2 || base > 36) return done(str, 0);
  while (*str == '0') ++str;
  unsigned long result = 0;
  int d;
  while ((d = digitValue(*str)) < base) {
    if (result > (ULONG_MAX - static_cast<unsigned long>(d)) / static_cast<unsigned long>(base)) {
      while (digitValue(*str) < base) ++str;  // the rest of the digits
      errno = ERANGE;
      return done(str, ULONG_MAX);
    }
    result = result * static_cast<unsigned long>(base) + static_cast<unsigned long>(d);
    ++str;
  }
  return done(str, result);
}

long PyOS_strtol(const char* str, char** ptr, int base) {
  while (isSpace(*str)) ++str;
  char sign = *str;
  if (sign == '+' || sign == '-') ++str;
  unsigned long u = PyOS_strtoul(str, ptr, base);
  if (u <= static_cast<unsigned long>(LONG_MAX)) return sign == '-' ? -static_cast<long>(u) : static_cast<long>(u);
  if (sign == '-' && u == static_cast<unsigned long>(LONG_MAX) + 1) return LONG_MIN;
  errno = ERANGE;
  return LONG_MAX;
}

}  // extern "C"
