// A Value is one machine word: either an immediate small integer or a reference
// to a heap object.
//
//   ...xxxxxxx1   small integer, value = word >> 1 (arithmetic), 63 bits
//   ...xxxxx000   pointer to a gc::Object (8-byte aligned), or 0 for "no object"
//
// The collector relies on this encoding: a word with the low bit clear is a
// reference it must trace and may rewrite when the referent moves; a word with
// the low bit set is never dereferenced.  The conservative stack scanner, which
// cannot know what a stack word is, masks the tag bit and treats every word as a
// possible pointer.
#pragma once

#include <cstdint>

namespace tern {
namespace gc {
struct Object;
}

class Value {
 public:
  static constexpr uintptr_t kSmallIntTag = 1;
  static constexpr int64_t kSmallIntMax = (int64_t{1} << 62) - 1;
  static constexpr int64_t kSmallIntMin = -(int64_t{1} << 62);

  constexpr Value() = default;
  Value(gc::Object* object) : bits_(reinterpret_cast<uintptr_t>(object)) {}  // NOLINT: implicit by design

  static constexpr Value fromBits(uintptr_t bits) {
    Value v;
    v.bits_ = bits;
    return v;
  }
  // Precondition: kSmallIntMin <= n <= kSmallIntMax.
  static constexpr Value fromSmallInt(int64_t n) { return fromBits((static_cast<uintptr_t>(n) << 1) | kSmallIntTag); }

  constexpr uintptr_t bits() const { return bits_; }
  constexpr bool isNull() const { return bits_ == 0; }
  constexpr bool isSmallInt() const { return (bits_ & kSmallIntTag) != 0; }
  // True for a non-null heap reference.
  constexpr bool isObject() const { return bits_ != 0 && (bits_ & kSmallIntTag) == 0; }
  constexpr int64_t asSmallInt() const { return static_cast<int64_t>(bits_) >> 1; }
  gc::Object* asObject() const { return reinterpret_cast<gc::Object*>(bits_); }

  friend constexpr bool operator==(Value a, Value b) { return a.bits_ == b.bits_; }

 private:
  uintptr_t bits_ = 0;
};

}  // namespace tern
