// Helpers shared by int.cc, float.cc and complex.cc (private to the numeric
// types): views of int values as bigint magnitudes, scratch room for bigint
// results, exact int/float comparison, and the parsing of number text.
//
// GC safety: an IntRef may point into an IntObj's limbs, so it must not be
// used across an allocation.  The pattern is always: take the views, compute
// into a Scratch (malloc'd or stack memory, never the heap), then allocate the
// result from the scratch (newIntFromMag), after which the views are dead.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <new>
#include <string>
#include <string_view>

#include "runtime/objects/bigint.h"
#include "runtime/objects/int.h"
#include "runtime/objects/object.h"

namespace tern::numbers {

namespace bigint = objects::bigint;
using bigint::Limb;
using bigint::Mag;

// The sign and magnitude of an int value (tagged or IntObj, any subclass).
class IntRef {
 public:
  explicit IntRef(Value v) {
    if (v.isSmallInt()) {
      int64_t n = v.asSmallInt();
      neg = n < 0;
      small_ = neg ? static_cast<Limb>(0) - static_cast<Limb>(n) : static_cast<Limb>(n);
      mag = Mag(&small_, n == 0 ? 0 : 1);
    } else {
      IntObj* o = static_cast<IntObj*>(v.asObject());
      neg = o->negative();
      mag = o->mag();
    }
  }
  IntRef(const IntRef&) = delete;
  IntRef& operator=(const IntRef&) = delete;

  bool isZero() const { return mag.empty(); }

  Mag mag;
  bool neg = false;

 private:
  Limb small_ = 0;
};

// Room for a bigint result: inline for small results, malloc'd beyond.
class Scratch {
 public:
  explicit Scratch(size_t n) : n_(n == 0 ? 1 : n) {
    if (n_ > kInline) {
      // nothrow: a result too large for memory is a MemoryError (ok()), not a
      // C++ exception crossing runtime frames.
      heap_.reset(new (std::nothrow) Limb[n_]);
      p_ = heap_.get();
      if (p_ == nullptr) {
        p_ = inline_;
        n_ = kInline;
        failed_ = true;
      }
    } else {
      p_ = inline_;
    }
  }
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;
  bool ok() const { return !failed_; }
  bigint::Out out() { return {p_, n_}; }
  Limb* data() { return p_; }
  Mag mag(const bigint::Int& r) const { return Mag(p_, r.len); }

 private:
  static constexpr size_t kInline = 8;
  Limb inline_[kInline];
  std::unique_ptr<Limb[]> heap_;
  Limb* p_;
  size_t n_;
  bool failed_ = false;
};

// An exact int from a result in `s`.
inline Value fromResult(Scratch& s, bigint::Int r) { return newIntFromMag(r.neg, s.mag(r)); }

// Raises the exception of a failed bigint status; returns null.
Value raiseStatus(bigint::Status s);

// Compares an int with a double exactly: -1, 0, 1, or 2 when d is NaN.
int compareIntDouble(Value i, double d);
// The result of comparison `op` given c = sign(a - b) (2: unordered).
Value compareResult(int c, int op);

// int(d): truncates; OverflowError for infinities, ValueError for NaN.
Value intFromDouble(double d);
// The exact int with the value of v (an int of any subclass): v itself when
// it is an exact int.
Value intExact(Value v);
// A conversion method (`method`: "__int__", "T.__float__", ...) returned `r`,
// an instance of a strict subclass of `base` ("int", "float", "complex"):
// still accepted, with CPython's DeprecationWarning.  False when the warning
// was turned into an error.
bool warnStrictSubclassResult(const std::string& method, Value r, const char* base);

// float ** float with Python's special cases (may return a complex); null on
// error.  Defined in float.cc.
Value floatPow(double a, double b);

// The text of a str as int()/float()/complex() read it: ASCII kept, Unicode
// whitespace becomes ' ', Unicode decimal digits become their ASCII digit,
// anything else becomes '?' (which no parser accepts).
std::string numberTextFromStr(Value s);
// Is c Python whitespace (for ASCII text already transformed)?
inline bool isSpaceAscii(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || (c >= 0x1c && c <= 0x1f); }
std::string_view stripSpaces(std::string_view s);

// Removes the underscores of a number that uses them only between digits;
// false when an underscore is misplaced.
bool removeUnderscores(std::string_view s, std::string* out);
// Parses the longest prefix of `s` that is a float literal ([sign] digits
// [. digits] [e [sign] digits], or inf / infinity / nan in any case), no
// spaces or underscores.  Returns the prefix length (0: none).
size_t parseDoublePrefix(std::string_view s, double* out);

// The bytes of a bytes/bytearray object (or null when v is neither).
bool bytesLikeData(Value v, std::string* out);

}  // namespace tern::numbers
