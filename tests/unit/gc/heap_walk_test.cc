// Heap walks (heap_walk.cc) and the facts the gc module reads: objectCount()
// and forEachObject() see rooted objects and stop seeing dead ones after a
// collection; header::kFinalized marks an object whose finalizer ran;
// Config::automatic_major off leaves full collections to collect().
#include <gtest/gtest.h>

#include "tests/unit/gc/test_layouts.h"

namespace tern::gc_test {
namespace {

using gc::Generation;

constexpr int64_t kWalkPayload = 0x5eed'0000;

size_t countWalkNodes() {
  size_t n = 0;
  gc::forEachObject(
      [](gc::Object* object, void* data) {
        if (object->layoutId() == layouts().node && as<Node>(object)->payload >= kWalkPayload &&
            as<Node>(object)->payload < kWalkPayload + 100000) {
          ++*static_cast<size_t*>(data);
        }
      },
      &n);
  return n;
}

TEST(HeapWalk, CountsAndFindsRootedObjects) {
  size_t n = scaled(2000, 300);
  gc::RootVector roots;
  collectScrubbed(Generation::kFull);
  size_t before = gc::objectCount();
  pushNodes(roots, n, kWalkPayload);
  EXPECT_GE(gc::objectCount(), before + n);
  EXPECT_EQ(countWalkNodes(), n);
  collectScrubbed(Generation::kYoung);  // moved, still all there
  EXPECT_EQ(countWalkNodes(), n);
  roots.clear();
  collectScrubbed(Generation::kFull);
  EXPECT_LE(countWalkNodes(), n / 10);
  EXPECT_LE(gc::objectCount(), before + n / 10);
}

[[gnu::noinline]] void makeResurrectingFinNode(int64_t id) {
  FinNode* f = newFinNode(id, kResurrect);
  EXPECT_FALSE(f->header.hasFlag(gc::header::kFinalized));
}

TEST(HeapWalk, FinalizedFlagIsSetWhenTheFinalizerRuns) {
  int64_t id = freshIds(1);
  makeResurrectingFinNode(id);
  for (int i = 0; i < 3 && timesFinalized(id) == 0; ++i) {
    collectScrubbed(Generation::kFull);
    gc::runFinalizers();
  }
  ASSERT_EQ(timesFinalized(id), 1u);
  bool found = false;
  for (size_t i = 0; i < resurrected().size(); ++i) {
    gc::Object* o = resurrected()[i].asObject();
    if (o->layoutId() == layouts().fin_node && as<FinNode>(o)->id == id) {
      EXPECT_TRUE(o->hasFlag(gc::header::kFinalized));
      EXPECT_FALSE(o->hasFlag(gc::header::kFinalizable));
      found = true;
    }
  }
  EXPECT_TRUE(found);
}

TEST(HeapWalk, AutomaticMajorOffLeavesFullCollectionsToCollect) {
  gc::Config& config = gc::config();
  bool saved = config.automatic_major;
  config.automatic_major = false;
  uint64_t majors = gc::stats().major_collections;
  uint64_t minors = gc::stats().minor_collections;
  // Large objects go to the old space directly: far past the major threshold.
  size_t bytes = 0;
  while (bytes < scaled(size_t{80} << 20, size_t{40} << 20)) {
    newBlob(kLargeBytes * 4, 0);
    bytes += kLargeBytes * 4;
  }
  for (int i = 0; i < 300000; ++i) newNode(i);  // more than the nursery holds
  EXPECT_GT(gc::stats().minor_collections, minors);
  // TERN_GC_STRESS runs major collections of its own.
  if (gc::config().stress_major_every == 0) {
    EXPECT_EQ(gc::stats().major_collections, majors);
  }
  config.automatic_major = saved;
  collectScrubbed(Generation::kFull);
  EXPECT_GT(gc::stats().major_collections, majors);
}

}  // namespace
}  // namespace tern::gc_test
