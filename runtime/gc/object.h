// The header every heap object starts with, and the per-layout descriptors the
// collector traces objects by.
//
// Header word (64 bits):
//
//   bit  0       kForwarded: the object was evacuated; the rest of the word is the
//                new address.  Only ever true inside a minor collection for objects
//                in from-space; never seen by the mutator.
//   bits 1..11   GC flags (below; bits 4..6 are the age)
//   bits 12..15  reserved for the object model
//   bits 16..31  layout id (index into the layout table; 0 is never a valid layout)
//   bits 32..63  size of the object in 8-byte words, header included
//
// Invariants, checked by the heap verifier (verifier.cc):
//   - every object is 8-byte aligned and at least kMinObjectBytes long;
//   - its layout id names a registered layout and its size fits the space it is in;
//   - every strong or weak reference field holds 0, a small int, or the start of
//     a live object.
#pragma once

#include <cstddef>
#include <cstdint>

#include "runtime/gc/value.h"

namespace tern::gc {

using LayoutId = uint16_t;

inline constexpr size_t kWordBytes = 8;
inline constexpr size_t kHeaderBytes = 8;
inline constexpr size_t kMinObjectBytes = 16;

namespace header {
inline constexpr uint64_t kForwarded = 1u << 0;
// Young object referenced from a stack word: it stays where it is this cycle.
inline constexpr uint64_t kPinned = 1u << 1;
// Registered with setFinalizable() and its finalizer has not been queued yet.
inline constexpr uint64_t kFinalizable = 1u << 2;
// Young object whose identity was taken: its old-space home is reserved (identity.cc).
inline constexpr uint64_t kHasShadow = 1u << 3;
inline constexpr unsigned kAgeShift = 4;  // bits 4..6: minor collections survived
inline constexpr uint64_t kAgeMask = 7u << kAgeShift;
inline constexpr unsigned kMaxAge = 7;
// C memory links to the object: a cpyext proxy (external.h).
inline constexpr uint64_t kHasExternal = 1u << 7;
// Its finalizer was queued and has run (or is running): gc.is_finalized().
inline constexpr uint64_t kFinalized = 1u << 8;
// Found unreachable while unreachable objects were being saved (setSaveUnreachable),
// and not kept: the next collection that finds it unreachable frees it.
inline constexpr uint64_t kSaveDeclined = 1u << 9;
// Young object marked by collectAtExit(), which clears it before it returns.
inline constexpr uint64_t kExitMarked = 1u << 10;
inline constexpr unsigned kLayoutShift = 16;
inline constexpr unsigned kSizeShift = 32;

constexpr uint64_t make(LayoutId layout, size_t bytes) {
  return (uint64_t{layout} << kLayoutShift) | (uint64_t{bytes / kWordBytes} << kSizeShift);
}
}  // namespace header

struct Object {
  uint64_t header_word;

  LayoutId layoutId() const { return static_cast<LayoutId>(header_word >> header::kLayoutShift); }
  size_t sizeBytes() const { return (header_word >> header::kSizeShift) * kWordBytes; }
  bool hasFlag(uint64_t flag) const { return (header_word & flag) != 0; }
  void setFlag(uint64_t flag) { header_word |= flag; }
  void clearFlag(uint64_t flag) { header_word &= ~flag; }
  unsigned age() const { return static_cast<unsigned>((header_word & header::kAgeMask) >> header::kAgeShift); }
  void setAge(unsigned age) { header_word = (header_word & ~header::kAgeMask) | (uint64_t{age} << header::kAgeShift); }

  bool isForwarded() const { return hasFlag(header::kForwarded); }
  Object* forwardee() const { return reinterpret_cast<Object*>(header_word & ~header::kForwarded); }
  void forwardTo(Object* to) { header_word = reinterpret_cast<uint64_t>(to) | header::kForwarded; }

  char* bytes() { return reinterpret_cast<char*>(this); }
  const char* bytes() const { return reinterpret_cast<const char*>(this); }
};

}  // namespace tern::gc
