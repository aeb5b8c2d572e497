// Conservative stack scanning and pinning: a young object that a stack word points
// at or into stays where it is during a minor collection (its root slots and the
// heap slots referring to it keep the same address), its own fields are still
// traced and updated, the nursery allocator works around it, and once nothing on
// the stack refers to it any more it moves like any other survivor.  Interior and
// tagged words count; an interior word also keeps old and large objects alive.
#include <gtest/gtest.h>

#include <cstring>
#include <vector>

#include "tests/unit/gc/test_layouts.h"

namespace tern::gc_test {
namespace {

using gc::Generation;

// Keeps `p` in a register or stack slot across the point where this is called.
template <class T>
void keep(T* p) {
  asm volatile("" : : "r"(p) : "memory");
}

TEST(Pinning, LocalReferencePinsYoungObject) {
  gc::RootVector roots;
  Node* local = newNode(42);
  roots.push_back(val(local));
  uintptr_t before = addr(local);
  gc::collect(Generation::kYoung);
  keep(local);
  EXPECT_EQ(roots[0].bits(), before) << "the root was rewritten: the object moved";
  EXPECT_TRUE(gc::isYoung(local));
  EXPECT_TRUE(gc::isHeapObject(local));
  EXPECT_EQ(local->payload, 42);
  EXPECT_EQ(local->header.layoutId(), layouts().node);
  EXPECT_GE(gc::stats().pinned_last_minor, 1u);
}

// Returns only an interior pointer: the base pointer lives in `roots` (precise,
// rewritten if the object moves) and in this dead frame, which the caller scrubs.
[[gnu::noinline]] char* allocateAndReturnInterior(gc::RootVector& roots, size_t offset) {
  Node* n = newNode(77);
  roots.push_back(val(n));
  return n->header.bytes() + offset;
}

TEST(Pinning, InteriorPointerPins) {
  gc::RootVector roots;
  char* interior = allocateAndReturnInterior(roots, offsetof(Node, payload));
  // Hidden: a plain copy of the address on this stack would pin the object by itself.
  uintptr_t before_hidden = hide(roots[0].bits());
  collectScrubbed(Generation::kYoung);
  keep(interior);
  EXPECT_EQ(roots[0].bits(), unhideAddress(before_hidden));
  int64_t payload;
  memcpy(&payload, interior, sizeof payload);
  EXPECT_EQ(payload, 77);
}

[[gnu::noinline]] uintptr_t allocateAndReturnTagged(gc::RootVector& roots) {
  Node* n = newNode(78);
  roots.push_back(val(n));
  return addr(n) | Value::kSmallIntTag;
}

TEST(Pinning, TaggedWordPins) {
  // A word with the small-int tag set may still be a pointer the scanner must honour.
  gc::RootVector roots;
  volatile uintptr_t tagged = allocateAndReturnTagged(roots);
  uintptr_t before_hidden = hide(roots[0].bits());  // an untagged copy would pin by itself
  collectScrubbed(Generation::kYoung);
  EXPECT_EQ(tagged & ~Value::kSmallIntTag, unhideAddress(before_hidden));
  EXPECT_EQ(roots[0].bits(), unhideAddress(before_hidden));
  EXPECT_EQ(as<Node>(roots[0])->payload, 78);
}

[[gnu::noinline]] void hangYoungChild(Node* parent, int64_t payload) { parent->a.set(val(newNode(payload))); }

TEST(Pinning, PinnedObjectsFieldsAreTracedAndUpdated) {
  Node* pinned = newNode(1);
  hangYoungChild(pinned, 2);
  uintptr_t child_before = pinned->a.get().bits();
  collectScrubbed(Generation::kYoung);
  keep(pinned);
  Value child = pinned->a.get();
  ASSERT_TRUE(child.isObject());
  EXPECT_TRUE(gc::isHeapObject(child.asObject()));
  EXPECT_EQ(as<Node>(child)->payload, 2);
  if (gc::config().tenure_age == 1 && gc::isYoungAddress(child_before)) {
    // The child was referenced from the heap only, so it moved and the pinned
    // object's slot was rewritten (unless a stray word pinned it too).
    EXPECT_TRUE(child.bits() != child_before || gc::isYoung(child.asObject()));
  }
}

[[gnu::noinline]] size_t churnAround(uintptr_t lo, uintptr_t hi, size_t bytes) {
  size_t overlaps = 0;
  for (size_t done = 0; done < bytes; done += 256) {
    Blob* b = newBlob(256, 9);
    if (addr(b) < hi && addr(b) + b->header.sizeBytes() > lo) ++overlaps;
    memset(b->data(), 0xee, b->dataBytes());
  }
  return overlaps;
}

TEST(Pinning, NurseryReuseWorksAroundPinnedObject) {
  Blob* pinned = newBlob(512, 12345);
  memset(pinned->data(), 0x3c, pinned->dataBytes());
  uintptr_t lo = addr(pinned), hi = lo + pinned->header.sizeBytes();
  size_t capacity = std::max(gc::config().nursery_bytes, gc::stats().young_capacity_bytes);
  uint64_t minors = gc::stats().minor_collections;
  // Several nurseries' worth: the allocator must skip the pinned object every time.
  EXPECT_EQ(churnAround(lo, hi, scaled(3, 1) * capacity + capacity / 2), 0u);
  EXPECT_GE(gc::stats().minor_collections, minors + 1);
  keep(pinned);
  EXPECT_EQ(addr(pinned), lo);
  EXPECT_EQ(pinned->payload, 12345);
  EXPECT_EQ(pinned->header.sizeBytes(), 512u);
  size_t wrong = 0;
  for (size_t i = 0; i < pinned->dataBytes(); ++i) wrong += pinned->data()[i] != 0x3c;
  EXPECT_EQ(wrong, 0u);
}

// Pins `n` young nodes referenced from an old array for one minor collection, then
// returns: afterwards only the array refers to them.
[[gnu::noinline]] size_t pinThroughCollection(Value array_value, size_t n, Generation generation) {
  Array* array = as<Array>(array_value);
  Node* pins[64];
  for (size_t i = 0; i < n; ++i) {
    pins[i] = newNode(static_cast<int64_t>(i) + 500);
    array->at(i).set(val(pins[i]));
  }
  gc::collect(generation);
  keep(pins);
  size_t unmoved = 0;
  for (size_t i = 0; i < n; ++i) unmoved += array->at(i).get() == val(pins[i]) && gc::isYoung(pins[i]) ? 1 : 0;
  return unmoved;
}

void pinnedFromOldSpaceThenMoved(Generation pinned_during) {
  // The collector must keep the card of an old slot that still refers to a young
  // (pinned) object dirty -- a full collection rebuilds the card table, so it must
  // dirty it again -- or the next minor collection, which moves the object, would
  // leave the slot dangling.
  constexpr size_t kCount = 64;
  gc::RootVector roots;
  roots.push_back(val(newArray(2000, 0)));  // old, not large
  ASSERT_TRUE(gc::isOld(roots[0].asObject()));
  EXPECT_EQ(pinThroughCollection(roots[0], kCount, pinned_during), kCount);
  collectScrubbed(Generation::kYoung);
  Array* array = as<Array>(roots[0]);
  size_t bad = 0, still_young = 0;
  for (size_t i = 0; i < kCount; ++i) {
    Value v = array->at(i).get();
    if (!v.isObject() || !gc::isHeapObject(v.asObject()) || as<Node>(v)->payload != static_cast<int64_t>(i) + 500) {
      ++bad;
    } else if (gc::isYoung(v.asObject())) {
      ++still_young;
    }
  }
  EXPECT_EQ(bad, 0u);
  if (gc::config().tenure_age == 1) {
    EXPECT_LE(still_young, kCount / 10);
  }
  EXPECT_EQ(gc::verifyHeap(), std::vector<std::string>{});
}

TEST(Pinning, PinnedObjectReferencedFromOldSpaceMovesLater) { pinnedFromOldSpaceThenMoved(Generation::kYoung); }

TEST(Pinning, PinnedThroughFullCollectionReferencedFromOldSpaceMovesLater) {
  pinnedFromOldSpaceThenMoved(Generation::kFull);
}

[[gnu::noinline]] void pinManyThenRelease(gc::RootVector& roots, size_t n, std::vector<uintptr_t>& addresses) {
  Node* pins[128];
  for (size_t i = 0; i < n; ++i) {
    pins[i] = newNode(static_cast<int64_t>(i));
    roots.push_back(val(pins[i]));
  }
  gc::collect(Generation::kYoung);
  keep(pins);
  for (size_t i = 0; i < n; ++i) addresses.push_back(roots[i].bits());
}

TEST(Pinning, UnpinnedOnceTheStackForgetsThem) {
  constexpr size_t kCount = 128;
  gc::RootVector roots;
  std::vector<uintptr_t> addresses;
  pinManyThenRelease(roots, kCount, addresses);
  size_t pinned = 0;
  for (size_t i = 0; i < kCount; ++i) pinned += gc::isYoungAddress(addresses[i]) ? 1 : 0;
  // The last allocations before the collect are certainly pinned; under stress the
  // early ones may have been promoted by an earlier collection.
  ASSERT_GT(pinned, 0u);
  collectScrubbed(Generation::kYoung);
  size_t moved = 0, bad = 0;
  for (size_t i = 0; i < kCount; ++i) {
    if (as<Node>(roots[i])->payload != static_cast<int64_t>(i)) ++bad;
    if (gc::isYoungAddress(addresses[i]) && roots[i].bits() != addresses[i]) ++moved;
  }
  EXPECT_EQ(bad, 0u);
  EXPECT_GE(moved + 3, pinned * 9 / 10) << "pinned objects stay pinned after the stack forgot them";
}

// Pins every other node of a nursery full of them, so that the gaps between pinned
// objects are too small to allocate in, then allocates another nursery's worth.
[[gnu::noinline]] void pinEveryOtherAndAllocate(size_t count, size_t& bad_pinned, size_t& bad_fresh) {
  // On the stack, where the scanner sees them (a std::vector's storage it would not).
  Node** stack_pins = static_cast<Node**>(__builtin_alloca(count * sizeof(Node*)));
  for (size_t i = 0; i < count; ++i) {
    stack_pins[i] = newNode(static_cast<int64_t>(i));
    newNode(-1);  // garbage between the pinned ones
  }
  size_t capacity = gc::stats().young_capacity_bytes;
  for (size_t done = 0; done < capacity; done += sizeof(Node)) {
    Node* fresh = newNode(-2);
    if (!fresh->a.get().isNull() || !fresh->b.get().isNull()) ++bad_fresh;
  }
  gc::collect(Generation::kYoung);
  for (size_t i = 0; i < count; ++i) {
    if (!gc::isHeapObject(stack_pins[i]) || stack_pins[i]->payload != static_cast<int64_t>(i)) ++bad_pinned;
  }
  asm volatile("" : : "r"(stack_pins) : "memory");
}

TEST(Pinning, HeavyPinningLeavesAllocationWorking) {
  // Half the nursery pinned in 32-byte pieces: the collector must still find
  // room (fresh chunks or the old space) and never hand out pinned memory.
  size_t count = gc::stats().young_capacity_bytes / (2 * sizeof(Node));
  if (wantSmallHeap()) count /= 8;
  size_t bad_pinned = 0, bad_fresh = 0;
  pinEveryOtherAndAllocate(count, bad_pinned, bad_fresh);
  EXPECT_EQ(bad_pinned, 0u);
  EXPECT_EQ(bad_fresh, 0u);
  collectScrubbed(Generation::kYoung);
  collectScrubbed(Generation::kFull);
  EXPECT_EQ(gc::verifyHeap(), std::vector<std::string>{});
}

[[gnu::noinline]] char* interiorOfUnrootedOld(size_t bytes, int64_t payload, std::vector<uintptr_t>& hidden) {
  Blob* b = newBlob(bytes, payload);
  memset(b->data(), 0x42, b->dataBytes());
  hidden.push_back(hide(b));
  // Near the end: for a large object that is a page other than the one it starts in.
  return reinterpret_cast<char*>(b->data()) + b->dataBytes() - 8;
}

TEST(Pinning, InteriorPointerKeepsOldAndLargeObjectsAlive) {
  std::vector<uintptr_t> hidden;
  char* into_old = interiorOfUnrootedOld(kYoungMaxBytes + 1000, 1, hidden);
  char* into_large = interiorOfUnrootedOld(kLargeBytes * 3, 2, hidden);
  collectScrubbed(Generation::kFull);
  collectScrubbed(Generation::kFull);
  keep(into_old);
  keep(into_large);
  for (int i = 0; i < 2; ++i) {
    Blob* b = unhide<Blob>(hidden[i]);
    EXPECT_TRUE(gc::isHeapObject(b)) << "object " << i << " was freed under a live interior pointer";
    EXPECT_EQ(b->payload, i + 1);
  }
  EXPECT_EQ(*into_old, 0x42);
  EXPECT_EQ(*into_large, 0x42);
}

}  // namespace
}  // namespace tern::gc_test
