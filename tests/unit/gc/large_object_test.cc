// The large-object space (objects over 32 KiB): allocation at awkward sizes around
// the 64 KiB page granularity, tracing of trailing refs (old and young referents),
// survival when reachable only through the heap, and freeing when unreachable
// (stats().large_objects goes down and the address stops being an object).
#include <gtest/gtest.h>

#include <cstring>
#include <vector>

#include "tests/unit/gc/test_layouts.h"

namespace tern::gc_test {
namespace {

using gc::Generation;

const size_t kLargeSizes[] = {kLargeBytes + 8, 65536 - 8, 65536, 65536 + 8, 3 * 65536 + 24, 1 << 20, (4 << 20) + 8};

[[gnu::noinline]] void allocateFilledLargeBlobs(gc::RootVector& roots) {
  for (size_t i = 0; i < std::size(kLargeSizes); ++i) {
    Blob* b = newBlob(kLargeSizes[i], static_cast<int64_t>(i));
    // Write to the very last byte: the whole object must be backed by memory.
    memset(b->data(), static_cast<int>(0x10 + i), b->dataBytes());
    roots.push_back(val(b));
  }
}

TEST(LargeObject, AwkwardSizesAreFullyUsableAndSurvive) {
  gc::RootVector roots;
  allocateFilledLargeBlobs(roots);
  EXPECT_GE(gc::stats().large_objects, std::size(kLargeSizes));
  for (int round = 0; round < 2; ++round) {
    collectScrubbed(Generation::kYoung);
    collectScrubbed(Generation::kFull);
    for (size_t i = 0; i < std::size(kLargeSizes); ++i) {
      Blob* b = as<Blob>(roots[i]);
      ASSERT_TRUE(gc::isHeapObject(b));
      EXPECT_TRUE(gc::isOld(b));
      EXPECT_EQ(b->header.sizeBytes(), kLargeSizes[i]);
      EXPECT_EQ(b->payload, static_cast<int64_t>(i));
      size_t wrong = 0;
      for (size_t k = 0; k < b->dataBytes(); ++k) wrong += b->data()[k] != 0x10 + i;
      EXPECT_EQ(wrong, 0u) << "blob " << i;
    }
  }
}

// A large array whose slots refer to young nodes, old nodes and small ints.
[[gnu::noinline]] void buildLargeArray(gc::RootVector& roots, size_t length) {
  Array* array = newArray(length, 99);
  roots.push_back(val(array));
  for (size_t i = 0; i < length; ++i) {
    switch (i % 4) {
      case 0:
        array->at(i).set(val(newNode(static_cast<int64_t>(i))));
        break;
      case 1:
        if (i % 256 == 1) array->at(i).set(val(newOldNode(static_cast<int64_t>(i))));
        break;
      case 2:
        array->at(i).set(Value::fromSmallInt(static_cast<int64_t>(i)));
        break;
      default:
        break;  // null
    }
  }
}

[[gnu::noinline]] size_t countBadSlots(Value array_value) {
  Array* array = as<Array>(array_value);
  size_t bad = 0;
  for (size_t i = 0; i < static_cast<size_t>(array->length); ++i) {
    Value v = array->at(i).get();
    bool want_object = i % 4 == 0 || (i % 4 == 1 && i % 256 == 1);
    if (want_object) {
      if (!v.isObject() || !gc::isHeapObject(v.asObject()) || as<Node>(v)->payload != static_cast<int64_t>(i)) ++bad;
    } else if (i % 4 == 2) {
      if (v != Value::fromSmallInt(static_cast<int64_t>(i))) ++bad;
    } else if (!v.isNull()) {
      ++bad;
    }
  }
  return bad;
}

TEST(LargeObject, TrailingRefsAreTraced) {
  gc::RootVector roots;
  size_t length = scaled(20000, 6000);  // 160 KiB / 48 KiB: both large
  buildLargeArray(roots, length);
  ASSERT_TRUE(gc::isOld(roots[0].asObject()));
  collectScrubbed(Generation::kYoung);
  EXPECT_EQ(countBadSlots(roots[0]), 0u) << "after a minor collection (card marks)";
  collectScrubbed(Generation::kFull);
  EXPECT_EQ(countBadSlots(roots[0]), 0u) << "after a full collection (marking)";
  collectScrubbed(Generation::kFull);
  EXPECT_EQ(countBadSlots(roots[0]), 0u);
  EXPECT_EQ(as<Array>(roots[0])->payload, 99);
}

[[gnu::noinline]] void hangLargeFromYoung(gc::RootVector& roots) {
  Node* young = newNode(1);
  Array* large = newArray(5000, 2);
  large->at(4999).set(val(newNode(3)));
  young->a.set(val(large));
  roots.push_back(val(young));
}

TEST(LargeObject, ReachableOnlyThroughYoungObject) {
  gc::RootVector roots;
  hangLargeFromYoung(roots);
  collectScrubbed(Generation::kFull);  // young object still young when the full collection starts
  for (int i = 0; i < 2; ++i) {
    Node* young = as<Node>(roots[0]);
    Value large = young->a.get();
    ASSERT_TRUE(large.isObject());
    ASSERT_TRUE(gc::isHeapObject(large.asObject()));
    EXPECT_EQ(as<Array>(large)->payload, 2);
    Value tail = as<Array>(large)->at(4999).get();
    ASSERT_TRUE(tail.isObject());
    EXPECT_EQ(as<Node>(tail)->payload, 3);
    collectScrubbed(Generation::kYoung);
    collectScrubbed(Generation::kFull);
  }
}

[[gnu::noinline]] void allocateLargeGarbage(gc::RootVector& roots, size_t n, std::vector<uintptr_t>& hidden) {
  for (size_t i = 0; i < n; ++i) {
    Array* a = newArray(5000 + i, static_cast<int64_t>(i));
    a->at(0).set(val(newNode(static_cast<int64_t>(i))));  // a young referent too
    roots.push_back(val(a));
    hidden.push_back(hide(a));
  }
}

TEST(LargeObject, UnreachableLargeObjectsAreFreed) {
  constexpr size_t kCount = 64;
  gc::RootVector roots;
  std::vector<uintptr_t> hidden;
  collectScrubbed(Generation::kFull);
  allocateLargeGarbage(roots, kCount, hidden);
  size_t with_them = gc::stats().large_objects;
  ASSERT_GE(with_them, kCount);
  collectScrubbed(Generation::kFull);
  EXPECT_GE(gc::stats().large_objects, kCount) << "rooted large objects were freed";
  roots.clear();
  collectScrubbed(Generation::kFull);
  size_t after = gc::stats().large_objects;
  EXPECT_LE(after + kCount * 9 / 10, with_them) << "large objects: " << with_them << " -> " << after;
  size_t still_objects = 0;
  for (uintptr_t h : hidden) still_objects += gc::isHeapObject(unhide<Array>(h)) ? 1 : 0;
  EXPECT_LE(still_objects, kCount / 10);
  EXPECT_EQ(gc::verifyHeap(), std::vector<std::string>{});
}

[[gnu::noinline]] size_t churnLarge(size_t rounds) {
  size_t bad = 0;
  for (size_t i = 0; i < rounds; ++i) {
    Blob* b = newBlob(kLargeBytes + 8 + (i % 7) * 65536, static_cast<int64_t>(i));
    for (size_t k = 0; k < b->dataBytes(); k += 4096) bad += b->data()[k] != 0;
    memset(b->data(), 0xff, b->dataBytes());
  }
  return bad;
}

TEST(LargeObject, ChurnReusesSpaceAndZeroes) {
  // Only garbage: the large space is reused (the count does not run away) and
  // every reused object comes back zeroed.
  collectScrubbed(Generation::kFull);
  size_t before = gc::stats().large_objects;
  for (int round = 0; round < 4; ++round) {
    EXPECT_EQ(churnLarge(50), 0u);
    collectScrubbed(Generation::kFull);
  }
  EXPECT_LE(gc::stats().large_objects, before + 10);
}

}  // namespace
}  // namespace tern::gc_test
