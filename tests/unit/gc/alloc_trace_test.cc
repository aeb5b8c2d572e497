// Allocation tracing (runtime/gc/alloc_trace.h): every allocation while tracing
// gets a trace with the tracer's origin and the object's size; the trace
// follows its object through minor collections (moved, promoted) and full
// ones, goes when a collection frees the object (young: minor; old: full),
// and the traced sum and its peak follow.  Stopping gives the inline
// allocation path back.
#include <gtest/gtest.h>

#include <vector>

#include "runtime/gc/alloc_trace.h"
#include "tests/unit/gc/test_layouts.h"

namespace tern::gc_test {
namespace {

using gc::Generation;

// The origin the tracer hands out: the address of one of these tags.
int g_tags[2];
int* g_current_tag = &g_tags[0];
const void* tagTracer(gc::Object*) { return g_current_tag; }

// Starts tracing for one test and stops it at the end, whatever happened.
class Tracing {
 public:
  Tracing() { gc::startAllocationTracing(tagTracer); }
  ~Tracing() { gc::stopAllocationTracing(); }
  Tracing(const Tracing&) = delete;
  Tracing& operator=(const Tracing&) = delete;
};

// How many rooted objects have a trace with this origin and the object's size.
[[gnu::noinline]] size_t tracedWith(const gc::RootVector& roots, const void* origin) {
  size_t n = 0;
  for (size_t i = 0; i < roots.size(); ++i) {
    gc::Object* object = roots[i].asObject();
    gc::AllocationTrace trace = gc::findAllocationTrace(object);
    if (trace.origin == origin && trace.bytes == object->sizeBytes()) ++n;
  }
  return n;
}

size_t traceCount() {
  size_t n = 0;
  gc::forEachAllocationTrace([](const gc::AllocationTrace&, void* data) { ++*static_cast<size_t*>(data); }, &n);
  return n;
}

[[gnu::noinline]] void allocateGarbage(size_t n, bool old) {
  for (size_t i = 0; i < n; ++i) {
    if (old) {
      newOldNode(static_cast<int64_t>(i));
    } else {
      newNode(static_cast<int64_t>(i));
    }
  }
}

TEST(AllocTrace, TracesFollowMovedAndPromotedObjects) {
  gc::RootVector roots;
  Tracing tracing;
  size_t n = scaled(2000, 300);
  g_current_tag = &g_tags[0];
  pushNodes(roots, n, 0);
  g_current_tag = &g_tags[1];
  pushNodes(roots, n, 0);
  gc::RootVector first, second;
  for (size_t i = 0; i < n; ++i) first.push_back(roots[i]);
  for (size_t i = n; i < 2 * n; ++i) second.push_back(roots[i]);
  EXPECT_EQ(tracedWith(first, &g_tags[0]), n);
  EXPECT_EQ(tracedWith(second, &g_tags[1]), n);
  collectScrubbed(Generation::kYoung);
  collectScrubbed(Generation::kYoung);
  EXPECT_EQ(tracedWith(first, &g_tags[0]), n);
  EXPECT_EQ(tracedWith(second, &g_tags[1]), n);
  collectScrubbed(Generation::kFull);
  EXPECT_EQ(tracedWith(first, &g_tags[0]), n);
  EXPECT_EQ(tracedWith(second, &g_tags[1]), n);
  EXPECT_GE(gc::tracedMemory().current, 2 * n * sizeof(Node));
}

TEST(AllocTrace, DeadYoungObjectsLoseTheirTracesAtAMinorCollection) {
  Tracing tracing;
  size_t n = scaled(5000, 500);
  allocateGarbage(n, /*old=*/false);
  size_t current = gc::tracedMemory().current;
  if (gc::config().stress_every == 0) {  // else stress collections free it as it is made
    EXPECT_GE(traceCount(), n);
    EXPECT_GE(current, n * sizeof(Node));
  }
  collectScrubbed(Generation::kYoung);
  // Stale stack words may keep a few alive; the rest are gone with their traces.
  EXPECT_LE(traceCount(), 16u);
  EXPECT_LE(gc::tracedMemory().current, 16 * sizeof(Node));
  EXPECT_GE(gc::tracedMemory().peak, current);
}

TEST(AllocTrace, DeadOldObjectsLoseTheirTracesAtAFullCollectionOnly) {
  Tracing tracing;
  size_t n = scaled(1000, 200);
  collectScrubbed(Generation::kFull);
  gc::clearAllocationTraces();
  allocateGarbage(n, /*old=*/true);
  size_t bytes = gc::tracedMemory().current;
  EXPECT_GE(bytes, n * sizeof(Node));
  if (gc::config().stress_every == 0) {  // a stress collection may be a full one
    collectScrubbed(Generation::kYoung);
    EXPECT_GE(gc::tracedMemory().current, bytes);
  }
  collectScrubbed(Generation::kFull);
  EXPECT_LE(gc::tracedMemory().current, bytes - (n - 16) * sizeof(Node));
}

TEST(AllocTrace, LargeObjectsAreTracedWithTheirSize) {
  gc::RootVector roots;
  Tracing tracing;
  g_current_tag = &g_tags[0];
  roots.push_back(val(newBlob(kLargeBytes * 2, 1)));
  roots.push_back(val(newBlob(kYoungMaxBytes + 8, 2)));
  EXPECT_EQ(tracedWith(roots, &g_tags[0]), 2u);
  collectScrubbed(Generation::kFull);
  EXPECT_EQ(tracedWith(roots, &g_tags[0]), 2u);
}

TEST(AllocTrace, PeakClearAndStop) {
  gc::RootVector roots;
  {
    Tracing tracing;
    allocateGarbage(scaled(2000, 300), /*old=*/false);
    collectScrubbed(Generation::kYoung);
    gc::TracedMemory m = gc::tracedMemory();
    EXPECT_GT(m.peak, m.current);
    gc::resetTracedPeak();
    EXPECT_EQ(gc::tracedMemory().peak, gc::tracedMemory().current);
    pushNode(roots, 7);
    if (gc::config().stress_every == 0) {  // else a collection may free some of what the peak counted
      EXPECT_EQ(gc::tracedMemory().peak, gc::tracedMemory().current);
    }
    gc::clearAllocationTraces();
    EXPECT_EQ(gc::tracedMemory().current, 0u);
    EXPECT_EQ(gc::tracedMemory().peak, 0u);
    EXPECT_EQ(gc::findAllocationTrace(roots[0].asObject()).origin, nullptr);
    EXPECT_TRUE(gc::allocationTracing());
  }
  EXPECT_FALSE(gc::allocationTracing());
  EXPECT_EQ(traceCount(), 0u);
  pushNode(roots, 8);
  EXPECT_EQ(gc::findAllocationTrace(roots[1].asObject()).origin, nullptr);
  EXPECT_EQ(gc::allocationTraceTableBytes(), 0u);
  // The inline path is open again (unless stress collections keep it closed).
  if (gc::config().stress_every == 0) {
    newNode(9);
    EXPECT_GT(gc::g_bump.limit, gc::g_bump.top);
  }
}

}  // namespace
}  // namespace tern::gc_test
