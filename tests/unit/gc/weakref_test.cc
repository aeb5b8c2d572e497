// Weak slots: a WeakHeapValue does not keep its referent alive, follows it when it
// moves, and is cleared to null when it dies, young (minor collection) or old (full
// collection); the holder's weak_cleared callback is queued once per holder and run
// by runFinalizers(), on a live holder.  Also the weak barrier: an old holder whose
// weak slot comes to refer to a young object.
#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "tests/unit/gc/test_layouts.h"

namespace tern::gc_test {
namespace {

using gc::Generation;

size_t clearedCallbacksInRange(int64_t lo, int64_t hi) {
  size_t n = 0;
  for (int64_t p : callbackLog().weak_cleared) n += p >= lo && p < hi ? 1 : 0;
  return n;
}

constexpr size_t kYoungBox = sizeof(WeakBox);
constexpr size_t kOldBox = kYoungMaxBytes + 64;
constexpr size_t kLargeBox = kLargeBytes + 64;

// Boxes with ids base..base+n-1 (rooted in `boxes`), weakly referring to nodes with
// the same payloads; the nodes are rooted in `targets` when `keep_targets`.
[[gnu::noinline]] void makeBoxes(gc::RootVector& boxes, gc::RootVector& targets, size_t n, int64_t base,
                                 bool keep_targets, size_t box_bytes, bool old_targets) {
  for (size_t i = 0; i < n; ++i) {
    int64_t id = base + static_cast<int64_t>(i);
    WeakBox* box = newWeakBox(id, box_bytes);
    boxes.push_back(val(box));
  }
  for (size_t i = 0; i < n; ++i) {
    int64_t id = base + static_cast<int64_t>(i);
    Node* target = old_targets ? newOldNode(id) : newNode(id);
    // Re-read the box: the allocation above may have moved it.
    as<WeakBox>(boxes[i])->weak.set(val(target));
    if (keep_targets) targets.push_back(val(target));
  }
}

struct WeakCensus {
  size_t cleared = 0;
  size_t intact = 0;  // still refers to a live node with the right payload
  size_t broken = 0;  // anything else
};

[[gnu::noinline]] WeakCensus census(const gc::RootVector& boxes) {
  WeakCensus c;
  for (size_t i = 0; i < boxes.size(); ++i) {
    WeakBox* box = as<WeakBox>(boxes[i]);
    Value v = box->weak.get();
    if (v.isNull()) {
      ++c.cleared;
    } else if (v.isObject() && gc::isHeapObject(v.asObject()) && v.asObject()->layoutId() == layouts().node &&
               as<Node>(v)->payload == box->payload) {
      ++c.intact;
    } else {
      ++c.broken;
    }
  }
  return c;
}

[[gnu::noinline]] size_t countWeakEqualsTarget(const gc::RootVector& boxes, const gc::RootVector& targets) {
  size_t same = 0;
  for (size_t i = 0; i < boxes.size(); ++i) same += as<WeakBox>(boxes[i])->weak.get() == targets[i] ? 1 : 0;
  return same;
}

TEST(WeakRef, FollowsLiveReferentWhenItMoves) {
  size_t n = scaled(1000, 200);
  int64_t base = freshIds(static_cast<int64_t>(n));
  gc::RootVector boxes, targets;
  makeBoxes(boxes, targets, n, base, /*keep_targets=*/true, kYoungBox, /*old_targets=*/false);
  collectScrubbed(Generation::kYoung);
  EXPECT_EQ(countWeakEqualsTarget(boxes, targets), n);
  collectScrubbed(Generation::kFull);
  EXPECT_EQ(countWeakEqualsTarget(boxes, targets), n);
  EXPECT_EQ(census(boxes).intact, n);
  gc::runFinalizers();
  EXPECT_EQ(clearedCallbacksInRange(base, base + static_cast<int64_t>(n)), 0u);
}

TEST(WeakRef, DeadYoungReferentIsClearedAtMinorCollection) {
  size_t n = scaled(1000, 200);
  int64_t base = freshIds(static_cast<int64_t>(n));
  gc::RootVector boxes, targets;
  makeBoxes(boxes, targets, n, base, /*keep_targets=*/false, kYoungBox, /*old_targets=*/false);
  collectScrubbed(Generation::kYoung);
  WeakCensus c = census(boxes);
  EXPECT_EQ(c.broken, 0u);
  EXPECT_GE(c.cleared, n * 9 / 10);
  // The callbacks are queued, not run, by the collection.
  EXPECT_EQ(clearedCallbacksInRange(base, base + static_cast<int64_t>(n)), 0u);
  EXPECT_GE(gc::pendingFinalizers(), c.cleared);
  size_t broken_before = callbackLog().broken;
  EXPECT_GE(gc::runFinalizers(), c.cleared);
  EXPECT_EQ(clearedCallbacksInRange(base, base + static_cast<int64_t>(n)), c.cleared);
  EXPECT_EQ(callbackLog().broken, broken_before);
  EXPECT_EQ(gc::pendingFinalizers(), 0u);
  // Nothing more to clear, nothing more to call.
  collectScrubbed(Generation::kFull);
  WeakCensus again = census(boxes);
  EXPECT_GE(again.cleared, c.cleared);
  EXPECT_EQ(again.broken, 0u);
  gc::runFinalizers();
  EXPECT_EQ(clearedCallbacksInRange(base, base + static_cast<int64_t>(n)), again.cleared)
      << "one weak_cleared call per holder per clearing";
}

TEST(WeakRef, OldHolderWithYoungReferents) {
  // The weak barrier: old slots that come to refer to young objects are recorded so
  // the minor collection can update them (live referent) or clear them (dead one).
  size_t n = scaled(400, 100);
  int64_t live_base = freshIds(static_cast<int64_t>(n));
  int64_t dead_base = freshIds(static_cast<int64_t>(n));
  gc::RootVector live_boxes, live_targets, dead_boxes, unused;
  makeBoxes(live_boxes, live_targets, n, live_base, true, kOldBox, false);
  makeBoxes(dead_boxes, unused, n, dead_base, false, kOldBox, false);
  ASSERT_TRUE(gc::isOld(live_boxes[0].asObject()));
  collectScrubbed(Generation::kYoung);
  EXPECT_EQ(countWeakEqualsTarget(live_boxes, live_targets), n);
  WeakCensus dead = census(dead_boxes);
  EXPECT_EQ(dead.broken, 0u);
  EXPECT_GE(dead.cleared, n * 9 / 10);
  gc::runFinalizers();
  EXPECT_EQ(clearedCallbacksInRange(dead_base, dead_base + static_cast<int64_t>(n)), dead.cleared);
  EXPECT_EQ(clearedCallbacksInRange(live_base, live_base + static_cast<int64_t>(n)), 0u);
}

TEST(WeakRef, PromotedHolderGetsNewYoungReferent) {
  // A holder that became old by promotion, then has its weak slot set again.
  int64_t id = freshIds(2);
  gc::RootVector boxes, targets;
  pushWeakBox(boxes, id);
  ASSERT_TRUE(promote(boxes, 0));
  pushNode(targets, id);
  as<WeakBox>(boxes[0])->weak.set(targets[0]);
  collectScrubbed(Generation::kYoung);
  EXPECT_EQ(as<WeakBox>(boxes[0])->weak.get(), targets[0]);
  EXPECT_EQ(census(boxes).intact, 1u);
}

TEST(WeakRef, OldReferentSurvivesMinorAndIsClearedAtFull) {
  size_t n = scaled(200, 60);
  int64_t base = freshIds(static_cast<int64_t>(n));
  gc::RootVector boxes, unused;
  makeBoxes(boxes, unused, n, base, false, kYoungBox, /*old_targets=*/true);
  // A major collection triggered by the allocations (TERN_GC_STRESS) may have
  // cleared some already; a minor collection must not clear any more.
  WeakCensus before_minor = census(boxes);
  collectScrubbed(Generation::kYoung);
  WeakCensus after_minor = census(boxes);
  EXPECT_EQ(after_minor.intact, before_minor.intact) << "a minor collection never frees old objects";
  EXPECT_EQ(after_minor.broken, 0u);
  collectScrubbed(Generation::kFull);
  WeakCensus after_full = census(boxes);
  EXPECT_EQ(after_full.broken, 0u);
  EXPECT_GE(after_full.cleared, n * 9 / 10);
  gc::runFinalizers();
  EXPECT_EQ(clearedCallbacksInRange(base, base + static_cast<int64_t>(n)), after_full.cleared);
}

TEST(WeakRef, YoungHolderOldReferentFirstCollectionIsFull) {
  // The holders are still young when the full collection starts: it promotes them
  // and must still clear their slots.
  size_t n = scaled(200, 60);
  int64_t base = freshIds(static_cast<int64_t>(n));
  gc::RootVector boxes, unused;
  makeBoxes(boxes, unused, n, base, false, kYoungBox, /*old_targets=*/true);
  collectScrubbed(Generation::kFull);
  WeakCensus c = census(boxes);
  EXPECT_EQ(c.broken, 0u);
  EXPECT_GE(c.cleared, n * 9 / 10);
  gc::runFinalizers();
  EXPECT_EQ(clearedCallbacksInRange(base, base + static_cast<int64_t>(n)), c.cleared);
}

TEST(WeakRef, LargeHolder) {
  // Holders in the large-object space: the collector finds the holder of a
  // recorded weak slot from the slot's address.
  size_t n = 8;
  int64_t live_base = freshIds(static_cast<int64_t>(n));
  int64_t dead_base = freshIds(static_cast<int64_t>(n));
  gc::RootVector live_boxes, live_targets, dead_boxes, unused;
  makeBoxes(live_boxes, live_targets, n, live_base, true, kLargeBox, false);
  makeBoxes(dead_boxes, unused, n, dead_base, false, kLargeBox, false);
  ASSERT_TRUE(gc::isOld(live_boxes[0].asObject()));
  collectScrubbed(Generation::kYoung);
  EXPECT_EQ(countWeakEqualsTarget(live_boxes, live_targets), n);
  WeakCensus dead = census(dead_boxes);
  EXPECT_EQ(dead.broken, 0u);
  EXPECT_GE(dead.cleared, n - 1);
  gc::runFinalizers();
  EXPECT_EQ(clearedCallbacksInRange(dead_base, dead_base + static_cast<int64_t>(n)), dead.cleared);
}

// Holds the targets on this frame's stack through one collection.
[[gnu::noinline]] void collectWithTargetsPinned(const gc::RootVector& targets, Generation generation) {
  Node* pins[32];
  for (size_t i = 0; i < targets.size(); ++i) pins[i] = as<Node>(targets[i]);
  gc::collect(generation);
  asm volatile("" : : "r"(pins) : "memory");
}

TEST(WeakRef, OldHolderToPinnedYoungReferentAcrossFullCollection) {
  // A full collection rebuilds the list of old weak slots referring to young
  // objects; a pinned referent must stay on it, or the minor collection that
  // later moves the referent leaves the weak slot dangling.
  size_t n = 32;
  int64_t base = freshIds(static_cast<int64_t>(n));
  gc::RootVector boxes, targets;
  makeBoxes(boxes, targets, n, base, true, kOldBox, false);
  collectWithTargetsPinned(targets, Generation::kFull);
  EXPECT_EQ(countWeakEqualsTarget(boxes, targets), n);
  collectScrubbed(Generation::kYoung);
  EXPECT_EQ(countWeakEqualsTarget(boxes, targets), n);
  EXPECT_EQ(census(boxes).intact, n);
}

TEST(WeakRef, StrongAndWeakToTheSameObject) {
  int64_t id = freshIds(1);
  gc::RootVector boxes;
  boxes.push_back(val(newWeakBox(id)));
  Node* target = newNode(id);
  as<WeakBox>(boxes[0])->weak.set(val(target));
  as<WeakBox>(boxes[0])->strong.set(val(target));
  target = nullptr;
  for (Generation g : {Generation::kYoung, Generation::kFull, Generation::kYoung}) {
    collectScrubbed(g);
    WeakBox* box = as<WeakBox>(boxes[0]);
    ASSERT_TRUE(box->weak.get().isObject());
    EXPECT_EQ(box->weak.get(), box->strong.get());
    EXPECT_EQ(as<Node>(box->weak.get())->payload, id);
  }
}

TEST(WeakRef, SmallIntAndNullAreLeftAlone) {
  int64_t id = freshIds(2);
  gc::RootVector boxes;
  boxes.push_back(val(newWeakBox(id)));
  boxes.push_back(val(newWeakBox(id + 1)));
  as<WeakBox>(boxes[0])->weak.set(Value::fromSmallInt(12345));
  collectScrubbed(Generation::kYoung);
  collectScrubbed(Generation::kFull);
  EXPECT_EQ(as<WeakBox>(boxes[0])->weak.get(), Value::fromSmallInt(12345));
  EXPECT_TRUE(as<WeakBox>(boxes[1])->weak.get().isNull());
  gc::runFinalizers();
  EXPECT_EQ(clearedCallbacksInRange(id, id + 2), 0u);
}

TEST(WeakRef, PinnedReferentStaysPut) {
  int64_t id = freshIds(1);
  gc::RootVector boxes;
  boxes.push_back(val(newWeakBox(id)));
  Node* target = newNode(id);  // on the stack: pinned, and alive
  as<WeakBox>(boxes[0])->weak.set(val(target));
  collectScrubbed(Generation::kYoung);
  asm volatile("" : : "r"(target) : "memory");
  EXPECT_EQ(as<WeakBox>(boxes[0])->weak.get(), val(target));
  EXPECT_EQ(target->payload, id);
}

[[gnu::noinline]] void makeDeadBoxesAndTargets(size_t n, int64_t base) {
  for (size_t i = 0; i < n; ++i) {
    WeakBox* box = newWeakBox(base + static_cast<int64_t>(i));
    box->weak.set(val(newNode(base + static_cast<int64_t>(i))));
  }
}

TEST(WeakRef, DeadHoldersNeverSeeTheirCallbackOnFreedMemory) {
  // Holder and referent die together.  Whether weak_cleared runs for such a holder
  // is the collector's choice, but if it does the holder must be alive.
  size_t n = scaled(1000, 200);
  int64_t base = freshIds(static_cast<int64_t>(n));
  size_t broken_before = callbackLog().broken;
  makeDeadBoxesAndTargets(n, base);
  collectScrubbed(Generation::kYoung);
  collectScrubbed(Generation::kFull);
  gc::runFinalizers();
  EXPECT_EQ(callbackLog().broken, broken_before);
  EXPECT_LE(clearedCallbacksInRange(base, base + static_cast<int64_t>(n)), n);
  EXPECT_EQ(gc::verifyHeap(), std::vector<std::string>{});
}

}  // namespace
}  // namespace tern::gc_test
