// Allocation: what allocate() hands out (size, header, zeroed words, which space),
// that objects survive and move through collections with their contents, that
// reused memory comes back zeroed, and the counters stats() keeps about it.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <vector>

#include "tests/unit/gc/test_layouts.h"

namespace tern::gc_test {
namespace {

using gc::Generation;

size_t roundUp8(size_t n) { return (n + 7) & ~size_t{7}; }

bool allZeroAfterHeader(gc::Object* o) {
  const char* p = o->bytes();
  for (size_t i = gc::kHeaderBytes; i < o->sizeBytes(); ++i) {
    if (p[i] != 0) return false;
  }
  return true;
}

const size_t kSizes[] = {16,   17,   24,   32,    40,    63,    64,    100,   256,   1000,  1001,  4096,
                         8191, 8192, 8193, 12000, 16384, 32760, 32768, 32769, 40000, 65536, 65544, 200000};

TEST(Allocation, ReturnsAlignedZeroedObjectOfTheRequestedSize) {
  for (size_t size : kSizes) {
    SCOPED_TRACE(size);
    gc::Object* o = gc::allocate(layouts().blob, size);
    ASSERT_NE(o, nullptr);
    EXPECT_EQ(reinterpret_cast<uintptr_t>(o) % gc::kWordBytes, 0u);
    EXPECT_EQ(o->layoutId(), layouts().blob);
    EXPECT_EQ(o->sizeBytes(), roundUp8(size));
    EXPECT_TRUE(gc::isHeapObject(o));
    EXPECT_TRUE(allZeroAfterHeader(o));
    // Dirty the memory so that a later allocation reusing it must zero it again.
    memset(o->bytes() + gc::kHeaderBytes, 0xa5, o->sizeBytes() - gc::kHeaderBytes);
  }
}

TEST(Allocation, SmallObjectsAreYoungBigOnesOld) {
  gc::Object* small = gc::allocate(layouts().blob, 64);
  gc::Object* at_limit = gc::allocate(layouts().blob, kYoungMaxBytes);
  gc::Object* past_limit = gc::allocate(layouts().blob, kYoungMaxBytes + 8);
  gc::Object* large = gc::allocate(layouts().blob, kLargeBytes + 8);
  EXPECT_TRUE(gc::isYoung(small));
  EXPECT_FALSE(gc::isOld(small));
  EXPECT_TRUE(gc::isYoung(at_limit));
  EXPECT_TRUE(gc::isOld(past_limit));
  EXPECT_FALSE(gc::isYoung(past_limit));
  // The large-object space is part of the old generation: the barrier's isOld()
  // test must see its slots.
  EXPECT_TRUE(gc::isOld(large));
  EXPECT_FALSE(gc::isYoung(large));
}

[[gnu::noinline]] void allocateRootedBlobs(gc::RootVector& roots, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    size_t size = kSizes[i % std::size(kSizes)] % 20000 + 16;
    Blob* b = newBlob(size, static_cast<int64_t>(i));
    memset(b->data(), static_cast<int>(i & 0xff), b->dataBytes());
    roots.push_back(val(b));
  }
}

TEST(Allocation, LiveObjectsDoNotOverlapAndKeepTheirBytes) {
  gc::RootVector roots;
  size_t n = scaled(3000, 400);
  allocateRootedBlobs(roots, n);
  collectScrubbed(Generation::kYoung);
  struct Range {
    uintptr_t lo, hi;
  };
  std::vector<Range> ranges;
  for (size_t i = 0; i < n; ++i) {
    Blob* b = as<Blob>(roots[i]);
    ASSERT_EQ(b->payload, static_cast<int64_t>(i));
    const uint8_t* data = b->data();
    size_t wrong = 0;
    for (size_t k = 0; k < b->dataBytes(); ++k) wrong += data[k] != (i & 0xff);
    ASSERT_EQ(wrong, 0u) << "blob " << i << " was overwritten";
    ranges.push_back({addr(b), addr(b) + b->header.sizeBytes()});
  }
  std::sort(ranges.begin(), ranges.end(), [](const Range& x, const Range& y) { return x.lo < y.lo; });
  for (size_t i = 1; i < ranges.size(); ++i) {
    ASSERT_LE(ranges[i - 1].hi, ranges[i].lo) << "two live objects overlap";
  }
}

[[gnu::noinline]] size_t countIntactNodes(const gc::RootVector& roots, int64_t base) {
  size_t intact = 0;
  for (size_t i = 0; i < roots.size(); ++i) {
    Node* n = as<Node>(roots[i]);
    if (gc::isHeapObject(n) && n->header.layoutId() == layouts().node && n->payload == base + static_cast<int64_t>(i) &&
        n->a.get().isNull() && n->b.get().isNull()) {
      ++intact;
    }
  }
  return intact;
}

TEST(Allocation, MinorCollectionMovesRootedYoungObjectsOut) {
  gc::RootVector roots;
  size_t n = 2000;
  pushNodes(roots, n, 7000);
  std::vector<uintptr_t> before = addressesOf(roots);
  uint64_t promoted_before = gc::stats().bytes_promoted;
  collectScrubbed(Generation::kYoung);

  EXPECT_EQ(countIntactNodes(roots, 7000), n);
  size_t young_before = 0, moved = 0, now_old = 0;
  for (size_t i = 0; i < n; ++i) {
    if (!gc::isYoungAddress(before[i])) continue;  // promoted already by a stress collection
    ++young_before;
    if (roots[i].bits() != before[i]) ++moved;
    if (gc::isOld(roots[i].asObject())) ++now_old;
  }
  ASSERT_GT(young_before, 0u);
  // A few may be pinned by stray stack words; the rest must have been copied out.
  EXPECT_GE(moved + 3, young_before * 9 / 10) << "of " << young_before << " young objects";
  if (gc::config().tenure_age == 1) {
    EXPECT_EQ(now_old, moved) << "tenure_age 1 promotes every survivor";
    EXPECT_GT(gc::stats().bytes_promoted, promoted_before);
  }
}

// allocateOld: old from the start, never moved, its young referents kept alive
// by the barrier, and collected like any object once unreachable.
[[gnu::noinline]] uintptr_t makeOldHolderOfYoungNode(gc::RootVector& roots) {
  auto* holder = reinterpret_cast<Node*>(gc::allocateOld(layouts().node, sizeof(Node)));
  holder->payload = 41;
  Node* young = newNode(42);
  holder->a.set(val(young));
  roots.push_back(val(holder));
  // Complemented, so that this word on the test's stack does not keep it alive.
  return ~reinterpret_cast<uintptr_t>(holder);
}

// Reads the holder in a helper frame, so that an unoptimised build leaves no
// copy of its address in the test's own frame.
[[gnu::noinline]] bool holderIntactAt(const gc::RootVector& roots, uintptr_t hidden) {
  Node* holder = as<Node>(roots[0]);
  return reinterpret_cast<uintptr_t>(holder) == ~hidden && gc::isOld(holder) && holder->payload == 41 &&
         holder->a.get().isObject() && as<Node>(holder->a.get())->payload == 42;
}

TEST(Allocation, AllocateOldNeverMoves) {
  gc::RootVector roots;
  uintptr_t hidden = makeOldHolderOfYoungNode(roots);
  EXPECT_TRUE(holderIntactAt(roots, hidden));
  collectScrubbed(Generation::kYoung);
  collectScrubbed(Generation::kFull);
  EXPECT_TRUE(holderIntactAt(roots, hidden)) << "moved or damaged";
  EXPECT_TRUE(gc::verifyHeap().empty());

  size_t live_before = gc::stats().old_live_bytes;
  roots.clear();
  collectScrubbed(Generation::kFull);
  EXPECT_LT(gc::stats().old_live_bytes, live_before);
}

[[gnu::noinline]] void buildList(gc::RootVector& roots, size_t n) {
  // Built from the tail so each node is referenced only by its predecessor.
  Node* next = nullptr;
  for (size_t i = n; i-- > 0;) {
    Node* node = newNode(static_cast<int64_t>(i) * 3 + 1);
    if (next != nullptr) node->a.set(val(next));
    node->b.set(Value::fromSmallInt(static_cast<int64_t>(i)));
    next = node;
  }
  roots.push_back(val(next));
}

[[gnu::noinline]] size_t checkList(const gc::RootVector& roots, size_t n) {
  size_t good = 0;
  Value v = roots[0];
  for (size_t i = 0; i < n && v.isObject(); ++i) {
    Node* node = as<Node>(v);
    if (node->header.layoutId() != layouts().node || node->payload != static_cast<int64_t>(i) * 3 + 1 ||
        node->b.get() != Value::fromSmallInt(static_cast<int64_t>(i))) {
      break;
    }
    ++good;
    v = node->a.get();
  }
  return good;
}

TEST(Allocation, LinkedListSurvivesRepeatedCollections) {
  gc::RootVector roots;
  size_t n = scaled(50000, 5000);
  buildList(roots, n);
  for (int round = 0; round < 3; ++round) {
    collectScrubbed(Generation::kYoung);
    ASSERT_EQ(checkList(roots, n), n) << "after minor collection, round " << round;
    collectScrubbed(Generation::kFull);
    ASSERT_EQ(checkList(roots, n), n) << "after full collection, round " << round;
  }
  EXPECT_EQ(gc::verifyHeap(), std::vector<std::string>{});
}

[[gnu::noinline]] void allocateDirtyGarbage() {
  for (size_t size : kSizes) {
    for (int copies = 0; copies < 4; ++copies) {
      Blob* b = newBlob(size, -1);
      memset(b->data(), 0xff, b->dataBytes());
    }
  }
}

[[gnu::noinline]] size_t countNonZeroedFreshObjects() {
  size_t bad = 0;
  for (int round = 0; round < 3; ++round) {
    for (size_t size : kSizes) {
      for (int copies = 0; copies < 4; ++copies) {
        gc::Object* o = gc::allocate(layouts().blob, size);
        if (!allZeroAfterHeader(o)) ++bad;
      }
    }
  }
  return bad;
}

TEST(Allocation, ReusedMemoryComesBackZeroed) {
  // Garbage filled with 0xff in every space, freed, then the same sizes again:
  // whatever memory they reuse must be zeroed.
  for (int round = 0; round < 3; ++round) {
    allocateDirtyGarbage();
    collectScrubbed(round == 1 ? Generation::kYoung : Generation::kFull);
    EXPECT_EQ(countNonZeroedFreshObjects(), 0u) << "round " << round;
  }
}

TEST(Allocation, FillingTheNurseryTriggersMinorCollections) {
  size_t capacity = std::max(gc::config().nursery_bytes, gc::stats().young_capacity_bytes);
  uint64_t before = gc::stats().minor_collections;
  for (size_t done = 0; done < 3 * capacity; done += 2048) gc::allocate(layouts().blob, 2048);
  EXPECT_GE(gc::stats().minor_collections, before + 2);
}

TEST(Allocation, CollectCountsCollections) {
  gc::Stats s0 = gc::stats();
  gc::collect(Generation::kYoung);
  gc::Stats s1 = gc::stats();
  EXPECT_EQ(s1.minor_collections, s0.minor_collections + 1);
  EXPECT_EQ(s1.major_collections, s0.major_collections);
  gc::collect(Generation::kFull);
  gc::Stats s2 = gc::stats();
  EXPECT_EQ(s2.major_collections, s1.major_collections + 1);
  EXPECT_GE(s2.minor_pause_ns_total, s2.minor_pause_ns_max);
  EXPECT_GE(s2.major_pause_ns_total, s2.major_pause_ns_max);
  ASSERT_FALSE(s2.recent_minor_pauses_ns.empty());
  for (uint64_t pause : s2.recent_minor_pauses_ns) EXPECT_LE(pause, s2.minor_pause_ns_max);
}

TEST(Allocation, BytesAllocatedCountsEveryAllocation) {
  uint64_t before = gc::stats().bytes_allocated;
  size_t total = 0;
  for (size_t size : kSizes) {
    gc::allocate(layouts().blob, size);
    total += roundUp8(size);
  }
  EXPECT_GE(gc::stats().bytes_allocated, before + total);
}

[[gnu::noinline]] void allocateRootedOldBlobs(gc::RootVector& roots, size_t n, size_t bytes) {
  for (size_t i = 0; i < n; ++i) roots.push_back(val(newBlob(bytes, static_cast<int64_t>(i))));
}

TEST(Allocation, OldLiveBytesCountsWhatAFullCollectionKept) {
  gc::RootVector roots;
  size_t n = 64, bytes = 12000;
  allocateRootedOldBlobs(roots, n, bytes);
  collectScrubbed(Generation::kFull);
  gc::Stats s = gc::stats();
  EXPECT_GE(s.old_live_bytes, n * bytes);
  EXPECT_GE(s.old_committed_bytes, s.old_live_bytes);
  EXPECT_GT(gc::residentBytes(), n * bytes);
}

[[gnu::noinline]] void allocateGarbageNodes(std::vector<uintptr_t>& hidden, size_t n) {
  for (size_t i = 0; i < n; ++i) hidden.push_back(hide(newNode(static_cast<int64_t>(i))));
}

TEST(Allocation, IsHeapObjectOnlyForLiveObjectStarts) {
  Node* young = newNode(1);
  Node* old = newOldNode(2);
  Blob* large = newBlob(kLargeBytes * 2, 3);
  for (gc::Object* o : {&young->header, &old->header, &large->header}) {
    EXPECT_TRUE(gc::isHeapObject(o));
    EXPECT_FALSE(gc::isHeapObject(o->bytes() + 8)) << "an interior address is not an object start";
  }
  int local = 0;
  std::vector<char> malloced(64);
  EXPECT_FALSE(gc::isHeapObject(nullptr));
  EXPECT_FALSE(gc::isHeapObject(&local));
  EXPECT_FALSE(gc::isHeapObject(malloced.data()));

  // Dead young objects are not objects any more once a minor collection ran.
  std::vector<uintptr_t> hidden;
  allocateGarbageNodes(hidden, 500);
  collectScrubbed(Generation::kYoung);
  size_t still_objects = 0;
  for (uintptr_t h : hidden) still_objects += gc::isHeapObject(unhide<Node>(h)) ? 1 : 0;
  EXPECT_LE(still_objects, hidden.size() / 10);
}

TEST(Allocation, LayoutRegistry) {
  const Layouts& ids = layouts();
  gc::LayoutId all[] = {ids.node, ids.array, ids.weak_box, ids.fin_node, ids.blob};
  for (gc::LayoutId id : all) {
    EXPECT_NE(id, 0);
    EXPECT_TRUE(gc::isRegisteredLayout(id));
    EXPECT_EQ(std::count(std::begin(all), std::end(all), id), 1) << "ids are distinct";
  }
  EXPECT_FALSE(gc::isRegisteredLayout(0));
  EXPECT_STREQ(gc::layoutOf(ids.node).name, "test.Node");
  EXPECT_EQ(gc::layoutOf(ids.node).fields.size(), 2u);
  EXPECT_EQ(gc::layoutOf(ids.array).trailing_refs_from, Array::kRefsOffset);
  EXPECT_EQ(gc::layoutOf(ids.weak_box).weak_fields.size(), 1u);
  EXPECT_NE(gc::layoutOf(ids.fin_node).finalize, nullptr);
}

TEST(Allocation, HeapIsConsistentAfterwards) {
  collectScrubbed(Generation::kFull);
  EXPECT_EQ(gc::verifyHeap(), std::vector<std::string>{});
}

}  // namespace
}  // namespace tern::gc_test
