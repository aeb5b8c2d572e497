// cpyext: CPython's private time API (cpython/pytime.h), which Debian's _ssl
// (socket deadlines), _lsprof (its clock), select-like modules and
// _testcapi call.
//
// _PyTime_t is an int64_t count of nanoseconds; a rounding mode says how
// values that fall between two representable ones round: FLOOR (towards
// -inf), CEILING (towards +inf), HALF_EVEN (nearest, ties to even), UP (away
// from zero).  Conversions that do not fit raise OverflowError with
// CPython's messages; arithmetic on deadlines saturates instead (a deadline
// far in the future is simply never reached).  Clocks are the monotonic
// clock (also the performance counter, as on Linux CPython) and the
// system clock.
#include <cerrno>
#include <climits>
#include <cmath>
#include <ctime>
#include <sys/time.h>

#include "Python.h"

extern "C" {
typedef int64_t _PyTime_t;
typedef enum {
  _PyTime_ROUND_FLOOR = 0,
  _PyTime_ROUND_CEILING = 1,
  _PyTime_ROUND_HALF_EVEN = 2,
  _PyTime_ROUND_UP = 3,
} _PyTime_round_t;
}

namespace {

constexpr _PyTime_t kNsPerSec = 1000000000;
constexpr _PyTime_t kMin = INT64_MIN;
constexpr _PyTime_t kMax = INT64_MAX;

void overflowError() { PyErr_SetString(PyExc_OverflowError, "timestamp too large to convert to C _PyTime_t"); }
void timeTOverflow() { PyErr_SetString(PyExc_OverflowError, "timestamp out of range for platform time_t"); }
void nanError() { PyErr_SetString(PyExc_ValueError, "Invalid value NaN (not a number)"); }

bool validRound(_PyTime_round_t round) {
  switch (round) {
    case _PyTime_ROUND_FLOOR:
    case _PyTime_ROUND_CEILING:
    case _PyTime_ROUND_HALF_EVEN:
    case _PyTime_ROUND_UP:
      return true;
  }
  return false;
}

double roundDouble(double x, _PyTime_round_t round) {
  switch (round) {
    case _PyTime_ROUND_FLOOR:
      return std::floor(x);
    case _PyTime_ROUND_CEILING:
      return std::ceil(x);
    case _PyTime_ROUND_UP:
      return x >= 0 ? std::ceil(x) : std::floor(x);
    case _PyTime_ROUND_HALF_EVEN:
    default: {
      double r = std::round(x);  // ties away from zero: fix them to even
      if (std::fabs(x - r) == 0.5) r = 2.0 * std::round(x / 2.0);
      return r;
    }
  }
}

// t / k rounded as asked (k > 0), without overflow.
_PyTime_t divideRounded(_PyTime_t t, _PyTime_t k, _PyTime_round_t round) {
  _PyTime_t q = t / k, r = t % k;  // q truncated towards zero
  if (r == 0) return q;
  bool up;  // whether the result moves away from zero
  switch (round) {
    case _PyTime_ROUND_FLOOR:
      up = t < 0;
      break;
    case _PyTime_ROUND_CEILING:
      up = t >= 0;
      break;
    case _PyTime_ROUND_UP:
      up = true;
      break;
    case _PyTime_ROUND_HALF_EVEN:
    default: {
      _PyTime_t twice = r < 0 ? -r : r;
      up = twice > k - twice || (twice == k - twice && (q & 1) != 0);
      break;
    }
  }
  if (!up) return q;
  return t >= 0 ? q + 1 : q - 1;
}

_PyTime_t saturatingAdd(_PyTime_t a, _PyTime_t b) {
  _PyTime_t r;
  if (__builtin_add_overflow(a, b, &r)) return b > 0 ? kMax : kMin;
  return r;
}

_PyTime_t clockNs(clockid_t clock) {
  timespec ts;
  clock_gettime(clock, &ts);
  return static_cast<_PyTime_t>(ts.tv_sec) * kNsPerSec + ts.tv_nsec;
}

// A number of seconds (float or int) times `unit` nanoseconds per second.
int fromObject(_PyTime_t* t, PyObject* obj, _PyTime_round_t round, _PyTime_t unit) {
  if (!validRound(round)) {
    PyErr_SetString(PyExc_ValueError, "invalid rounding mode");
    return -1;
  }
  if (PyFloat_Check(obj)) {
    double d = PyFloat_AsDouble(obj);
    if (std::isnan(d)) {
      nanError();
      return -1;
    }
    d = roundDouble(d * static_cast<double>(unit), round);
    if (!(static_cast<double>(kMin) <= d && d < -static_cast<double>(kMin))) {
      overflowError();
      return -1;
    }
    *t = static_cast<_PyTime_t>(d);
    return 0;
  }
  long long n = PyLong_AsLongLong(obj);
  if (n == -1 && PyErr_Occurred()) {
    if (PyErr_ExceptionMatches(PyExc_OverflowError)) overflowError();
    return -1;
  }
  if (__builtin_mul_overflow(static_cast<_PyTime_t>(n), unit, t)) {
    overflowError();
    return -1;
  }
  return 0;
}

// seconds as a time_t, for a float or an int.
int toTimeT(PyObject* obj, time_t* sec) {
  long long n = PyLong_AsLongLong(obj);
  if (n == -1 && PyErr_Occurred()) {
    if (PyErr_ExceptionMatches(PyExc_OverflowError)) timeTOverflow();
    return -1;
  }
  *sec = static_cast<time_t>(n);
  return 0;
}

bool doubleFitsTimeT(double d) {
  return static_cast<double>(LLONG_MIN) <= d && d < -static_cast<double>(LLONG_MIN);
}

// Seconds and a fraction counted in 1/denominator units.
int splitObject(PyObject* obj, time_t* sec, long* fraction, long denominator, _PyTime_round_t round) {
  if (PyFloat_Check(obj)) {
    double d = PyFloat_AsDouble(obj);
    if (std::isnan(d)) {
      *fraction = 0;
      nanError();
      return -1;
    }
    double whole;
    double part = std::modf(d, &whole);
    part = roundDouble(part * static_cast<double>(denominator), round);
    if (part >= static_cast<double>(denominator)) {
      part -= static_cast<double>(denominator);
      whole += 1.0;
    } else if (part < 0) {
      part += static_cast<double>(denominator);
      whole -= 1.0;
    }
    if (!doubleFitsTimeT(whole)) {
      timeTOverflow();
      return -1;
    }
    *sec = static_cast<time_t>(whole);
    *fraction = static_cast<long>(part);
    return 0;
  }
  if (toTimeT(obj, sec) < 0) return -1;
  *fraction = 0;
  return 0;
}

// t as whole seconds and a fraction of `per_sec` units, the fraction in
// [0, per_sec).
void splitTime(_PyTime_t t, _PyTime_t unit_ns, _PyTime_t per_sec, _PyTime_round_t round, time_t* sec, long* fraction) {
  _PyTime_t units = divideRounded(t, unit_ns, round);
  _PyTime_t s = units / per_sec, f = units % per_sec;
  if (f < 0) {
    f += per_sec;
    s -= 1;
  }
  *sec = static_cast<time_t>(s);
  *fraction = static_cast<long>(f);
}

}  // namespace

extern "C" {

Py_EXPORTED_SYMBOL _PyTime_t _PyTime_FromSeconds(int seconds) { return static_cast<_PyTime_t>(seconds) * kNsPerSec; }

Py_EXPORTED_SYMBOL _PyTime_t _PyTime_FromNanoseconds(_PyTime_t ns) { return ns; }

Py_EXPORTED_SYMBOL int _PyTime_FromNanosecondsObject(_PyTime_t* t, PyObject* obj) {
  if (!PyLong_Check(obj)) {
    PyErr_Format(PyExc_TypeError, "expect int, got %s", Py_TYPE(obj)->tp_name);
    return -1;
  }
  long long n = PyLong_AsLongLong(obj);
  if (n == -1 && PyErr_Occurred()) {
    if (PyErr_ExceptionMatches(PyExc_OverflowError)) overflowError();
    return -1;
  }
  *t = n;
  return 0;
}

Py_EXPORTED_SYMBOL int _PyTime_FromSecondsObject(_PyTime_t* t, PyObject* obj, _PyTime_round_t round) {
  return fromObject(t, obj, round, kNsPerSec);
}

Py_EXPORTED_SYMBOL int _PyTime_FromMillisecondsObject(_PyTime_t* t, PyObject* obj, _PyTime_round_t round) {
  return fromObject(t, obj, round, 1000000);
}

Py_EXPORTED_SYMBOL double _PyTime_AsSecondsDouble(_PyTime_t t) {
  // Exact when t is whole seconds; otherwise one rounding, in the division.
  if (t % kNsPerSec == 0) return static_cast<double>(t / kNsPerSec);
  return static_cast<double>(t) / 1e9;
}

Py_EXPORTED_SYMBOL _PyTime_t _PyTime_AsMilliseconds(_PyTime_t t, _PyTime_round_t round) {
  return divideRounded(t, 1000000, round);
}

Py_EXPORTED_SYMBOL _PyTime_t _PyTime_AsMicroseconds(_PyTime_t t, _PyTime_round_t round) {
  return divideRounded(t, 1000, round);
}

Py_EXPORTED_SYMBOL _PyTime_t _PyTime_AsNanoseconds(_PyTime_t t) { return t; }

Py_EXPORTED_SYMBOL PyObject* _PyTime_AsNanosecondsObject(_PyTime_t t) { return PyLong_FromLongLong(t); }

// time_t is 64-bit here, so every _PyTime_t fits: the checked forms cannot
// fail, and the _clamp forms are the same conversion.
Py_EXPORTED_SYMBOL int _PyTime_AsTimeval(_PyTime_t t, struct timeval* tv, _PyTime_round_t round) {
  time_t sec;
  long usec;
  splitTime(t, 1000, 1000000, round, &sec, &usec);
  tv->tv_sec = sec;
  tv->tv_usec = usec;
  return 0;
}

Py_EXPORTED_SYMBOL void _PyTime_AsTimeval_clamp(_PyTime_t t, struct timeval* tv, _PyTime_round_t round) {
  _PyTime_AsTimeval(t, tv, round);
}

Py_EXPORTED_SYMBOL int _PyTime_AsTimevalTime_t(_PyTime_t t, time_t* p_secs, int* us, _PyTime_round_t round) {
  long usec;
  splitTime(t, 1000, 1000000, round, p_secs, &usec);
  *us = static_cast<int>(usec);
  return 0;
}

Py_EXPORTED_SYMBOL int _PyTime_AsTimespec(_PyTime_t t, struct timespec* ts) {
  time_t sec;
  long nsec;
  splitTime(t, 1, kNsPerSec, _PyTime_ROUND_FLOOR, &sec, &nsec);
  ts->tv_sec = sec;
  ts->tv_nsec = nsec;
  return 0;
}

Py_EXPORTED_SYMBOL void _PyTime_AsTimespec_clamp(_PyTime_t t, struct timespec* ts) { _PyTime_AsTimespec(t, ts); }

Py_EXPORTED_SYMBOL int _PyTime_FromTimespec(_PyTime_t* tp, struct timespec* ts) {
  _PyTime_t s;
  if (__builtin_mul_overflow(static_cast<_PyTime_t>(ts->tv_sec), kNsPerSec, &s) ||
      __builtin_add_overflow(s, static_cast<_PyTime_t>(ts->tv_nsec), tp)) {
    overflowError();
    return -1;
  }
  return 0;
}

Py_EXPORTED_SYMBOL int _PyTime_FromTimeval(_PyTime_t* tp, struct timeval* tv) {
  _PyTime_t s;
  if (__builtin_mul_overflow(static_cast<_PyTime_t>(tv->tv_sec), kNsPerSec, &s) ||
      __builtin_add_overflow(s, static_cast<_PyTime_t>(tv->tv_usec) * 1000, tp)) {
    overflowError();
    return -1;
  }
  return 0;
}

Py_EXPORTED_SYMBOL int _PyTime_ObjectToTime_t(PyObject* obj, time_t* sec, _PyTime_round_t round) {
  if (PyFloat_Check(obj)) {
    double d = PyFloat_AsDouble(obj);
    if (std::isnan(d)) {
      nanError();
      return -1;
    }
    d = roundDouble(d, round);
    if (!doubleFitsTimeT(d)) {
      timeTOverflow();
      return -1;
    }
    *sec = static_cast<time_t>(d);
    return 0;
  }
  return toTimeT(obj, sec);
}

Py_EXPORTED_SYMBOL int _PyTime_ObjectToTimeval(PyObject* obj, time_t* sec, long* usec, _PyTime_round_t round) {
  return splitObject(obj, sec, usec, 1000000, round);
}

Py_EXPORTED_SYMBOL int _PyTime_ObjectToTimespec(PyObject* obj, time_t* sec, long* nsec, _PyTime_round_t round) {
  return splitObject(obj, sec, nsec, 1000000000, round);
}

Py_EXPORTED_SYMBOL _PyTime_t _PyTime_GetMonotonicClock(void) { return clockNs(CLOCK_MONOTONIC); }

Py_EXPORTED_SYMBOL _PyTime_t _PyTime_GetPerfCounter(void) { return clockNs(CLOCK_MONOTONIC); }

Py_EXPORTED_SYMBOL _PyTime_t _PyTime_GetSystemClock(void) { return clockNs(CLOCK_REALTIME); }

Py_EXPORTED_SYMBOL _PyTime_t _PyTime_Add(_PyTime_t t1, _PyTime_t t2) { return saturatingAdd(t1, t2); }

Py_EXPORTED_SYMBOL _PyTime_t _PyDeadline_Init(_PyTime_t timeout) {
  return saturatingAdd(_PyTime_GetMonotonicClock(), timeout);
}

Py_EXPORTED_SYMBOL _PyTime_t _PyDeadline_Get(_PyTime_t deadline) {
  _PyTime_t now = _PyTime_GetMonotonicClock();
  _PyTime_t left;
  if (__builtin_sub_overflow(deadline, now, &left)) return deadline < 0 ? kMin : kMax;
  return left;
}

}  // extern "C"
