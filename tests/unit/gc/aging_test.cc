// Aging (Config::tenure_age > 1): survivors are copied within the nursery until they
// have survived tenure_age minor collections, then promoted.  Old slots and old
// weak slots that refer to aged young objects stay remembered from collection to
// collection, identities hold through every copy, and a slot is evacuated once per
// collection however many ways the collector reaches it.
//
// tenure_age is set from TERN_GC_TENURE_AGE when the heap is initialised; these
// tests skip under the default of 1 and run in the `gc-aged` test (meson.build).
#include <gtest/gtest.h>

#include <vector>

#include "tests/unit/gc/test_layouts.h"

namespace tern::gc_test {
namespace {

using gc::Generation;

#define SKIP_UNLESS_AGING()                                                                   \
  if (gc::config().tenure_age <= 1) GTEST_SKIP() << "needs TERN_GC_TENURE_AGE > 1 (gc-aged)"; \
  [[maybe_unused]] const unsigned tenure = gc::config().tenure_age

[[gnu::noinline]] size_t countPayloadMismatches(const gc::RootVector& roots, int64_t base) {
  size_t bad = 0;
  for (size_t i = 0; i < roots.size(); ++i) {
    Node* n = as<Node>(roots[i]);
    if (!gc::isHeapObject(n) || n->payload != base + static_cast<int64_t>(i)) ++bad;
  }
  return bad;
}

TEST(Aging, SurvivorsAreCopiedWithinTheNurseryUntilTenured) {
  SKIP_UNLESS_AGING();
  size_t n = scaled(2000, 300);
  gc::RootVector roots;
  pushNodes(roots, n, 0);
  // Under stress some were collected (and aged) already; follow those that were not.
  std::vector<uintptr_t> before = addressesOf(roots);
  for (unsigned round = 1; round <= tenure; ++round) {
    SCOPED_TRACE(round);
    collectScrubbed(Generation::kYoung);
    ASSERT_EQ(countPayloadMismatches(roots, 0), 0u);
    size_t young_before = 0, young_now = 0, moved = 0;
    for (size_t i = 0; i < n; ++i) {
      if (!gc::isYoungAddress(before[i])) continue;
      ++young_before;
      young_now += gc::isYoung(roots[i].asObject()) ? 1 : 0;
      moved += roots[i].bits() != before[i] ? 1 : 0;
    }
    EXPECT_GE(moved + 3, young_before * 9 / 10) << "survivors are copied, not left in place";
    if (round < tenure && !wantSmallHeap()) {
      EXPECT_EQ(young_now, young_before) << "promoted before surviving tenure_age collections";
    }
    before = addressesOf(roots);
  }
  size_t still_young = 0;
  for (size_t i = 0; i < n; ++i) still_young += gc::isYoung(roots[i].asObject()) ? 1 : 0;
  EXPECT_LE(still_young, n / 10 + 3) << "not promoted after tenure_age collections";
}

[[gnu::noinline]] void hangChildrenOnEvenFillers(gc::RootVector& fillers) {
  for (size_t i = 0; i < fillers.size(); i += 2) as<Node>(fillers[i])->a.set(val(newNode(-1)));
}

[[gnu::noinline]] void giveEachAFreshChild(gc::RootVector& parents, gc::RootVector& children, int64_t base) {
  for (size_t i = 0; i < parents.size(); ++i) {
    Node* child = newNode(base + static_cast<int64_t>(i));
    children.push_back(val(child));
    as<Node>(parents[i])->a.set(val(child));
  }
}

[[gnu::noinline]] size_t countSplitChildren(const gc::RootVector& parents, const gc::RootVector& children) {
  size_t split = 0;
  for (size_t i = 0; i < parents.size(); ++i) split += as<Node>(parents[i])->a.get() != children[i] ? 1 : 0;
  return split;
}

TEST(Aging, PromotionOntoADirtyCardEvacuatesTheChildOnce) {
  // A parent promoted by this collection into an old cell whose card is dirty has
  // its slots visited twice: by the dirty-card scan and from the worklist.  Its
  // child, young enough to be copied into to-space, must not be copied twice, or
  // the root that reached the child first keeps the first copy, now a forwarding
  // husk.
  SKIP_UNLESS_AGING();
  size_t n = scaled(4096, 1024);
  // Old pages of Node-sized cells, every other one free.
  gc::RootVector fillers;
  pushNodes(fillers, 2 * n, 0);
  for (unsigned i = 0; i < tenure; ++i) collectScrubbed(Generation::kYoung);
  {
    gc::RootVector kept;
    for (size_t i = 0; i < fillers.size(); i += 2) kept.push_back(fillers[i]);
    fillers.clear();
    for (size_t i = 0; i < kept.size(); ++i) fillers.push_back(kept[i]);
  }
  collectScrubbed(Generation::kFull);

  // Parents one collection short of tenure.
  gc::RootVector parents;
  pushNodes(parents, n, 0);
  for (unsigned i = 1; i < tenure; ++i) collectScrubbed(Generation::kYoung);

  // Dirty the cards of the filler pages, then give each parent a new child that a
  // root reaches too.
  hangChildrenOnEvenFillers(fillers);
  gc::RootVector children;
  giveEachAFreshChild(parents, children, 100'000);
  collectScrubbed(Generation::kYoung);

  EXPECT_EQ(countSplitChildren(parents, children), 0u) << "a parent and a root disagree about where the child is";
  EXPECT_EQ(countPayloadMismatches(children, 100'000), 0u);
  EXPECT_EQ(gc::verifyHeap(), std::vector<std::string>{});
}

[[gnu::noinline]] void hangYoung(Value holder, int64_t payload) { as<Node>(holder)->a.set(val(newNode(payload))); }

TEST(Aging, OldSlotToAgingObjectStaysRemembered) {
  // The card of an old slot referring to a young object that survives in the
  // nursery must stay dirty collection after collection.
  SKIP_UNLESS_AGING();
  gc::RootVector roots;
  roots.push_back(val(newOldNode(1)));
  hangYoung(roots[0], 2);
  for (unsigned round = 0; round <= tenure; ++round) {
    collectScrubbed(Generation::kYoung);
    Value child = as<Node>(roots[0])->a.get();
    ASSERT_TRUE(child.isObject()) << "round " << round;
    ASSERT_TRUE(gc::isHeapObject(child.asObject())) << "round " << round;
    ASSERT_EQ(as<Node>(child)->payload, 2) << "round " << round;
  }
  EXPECT_EQ(gc::verifyHeap(), std::vector<std::string>{});
}

[[gnu::noinline]] void makeOldBoxesPointingAt(gc::RootVector& boxes, const gc::RootVector& targets, int64_t base) {
  for (size_t i = 0; i < targets.size(); ++i) {
    WeakBox* box = newWeakBox(base + static_cast<int64_t>(i), kYoungMaxBytes + 64);
    box->weak.set(targets[i]);
    boxes.push_back(val(box));
  }
}

// Counted out of line: the test body's frame must not keep the referents alive.
[[gnu::noinline]] size_t countWeakIs(const gc::RootVector& boxes, const gc::RootVector& targets) {
  size_t same = 0;
  for (size_t i = 0; i < boxes.size(); ++i) same += as<WeakBox>(boxes[i])->weak.get() == targets[i] ? 1 : 0;
  return same;
}

[[gnu::noinline]] size_t countWeakNull(const gc::RootVector& boxes) {
  size_t cleared = 0;
  for (size_t i = 0; i < boxes.size(); ++i) cleared += as<WeakBox>(boxes[i])->weak.get().isNull() ? 1 : 0;
  return cleared;
}

TEST(Aging, OldWeakSlotFollowsAgingReferent) {
  // An old weak slot referring to a young object stays on the collector's list
  // while the referent keeps surviving in the nursery.
  SKIP_UNLESS_AGING();
  size_t n = 100;
  int64_t base = freshIds(static_cast<int64_t>(n));
  gc::RootVector boxes, targets;
  pushNodes(targets, n, base);
  makeOldBoxesPointingAt(boxes, targets, base);
  for (unsigned round = 0; round + 1 < tenure; ++round) {
    collectScrubbed(Generation::kYoung);
    EXPECT_EQ(countWeakIs(boxes, targets), n) << "round " << round;
  }
  // They die while still young: cleared by the next minor collection (unless stress
  // collections during the allocations aged them early), and by a full one anyway.
  targets.clear();
  collectScrubbed(Generation::kYoung);
  if (!wantSmallHeap()) {
    EXPECT_GE(countWeakNull(boxes), n * 9 / 10);
  }
  collectScrubbed(Generation::kFull);
  EXPECT_GE(countWeakNull(boxes), n * 9 / 10);
}

[[gnu::noinline]] void pointWeakAgain(const gc::RootVector& boxes, const gc::RootVector& targets) {
  for (size_t i = 0; i < boxes.size(); ++i) as<WeakBox>(boxes[i])->weak.set(targets[i]);
}

TEST(Aging, OldWeakSlotStoredTwiceBeforeACollection) {
  // Each store of a young referent into an old weak slot records the slot, so the
  // collector meets the slot twice; the second time the referent is already a
  // to-space copy, which is alive, not dead.
  SKIP_UNLESS_AGING();
  size_t n = 100;
  int64_t base = freshIds(static_cast<int64_t>(n));
  gc::RootVector boxes, targets;
  pushNodes(targets, n, base);
  makeOldBoxesPointingAt(boxes, targets, base);
  pointWeakAgain(boxes, targets);
  collectScrubbed(Generation::kYoung);
  EXPECT_EQ(countWeakIs(boxes, targets), n);
  EXPECT_EQ(countWeakNull(boxes), 0u);
}

[[gnu::noinline]] std::vector<uintptr_t> identitiesOf(const gc::RootVector& roots) {
  std::vector<uintptr_t> out;
  for (size_t i = 0; i < roots.size(); ++i) out.push_back(gc::identity(roots[i].asObject()));
  return out;
}

TEST(Aging, IdentityHoldsThroughSurvivorCopies) {
  SKIP_UNLESS_AGING();
  gc::RootVector roots;
  pushNodes(roots, scaled(1000, 200), 0);
  std::vector<uintptr_t> ids = identitiesOf(roots);
  for (unsigned round = 0; round <= tenure; ++round) {
    collectScrubbed(Generation::kYoung);
    EXPECT_EQ(identitiesOf(roots), ids) << "round " << round;
    EXPECT_EQ(countPayloadMismatches(roots, 0), 0u);
  }
  EXPECT_EQ(gc::verifyHeap(), std::vector<std::string>{});
}

TEST(Aging, SurvivorsBeyondToSpaceArePromoted) {
  // More live young data than to-space can take: the overflow is promoted early.
  SKIP_UNLESS_AGING();
  size_t capacity = gc::stats().young_capacity_bytes;
  size_t n = capacity / sizeof(Node) * 9 / 10;
  gc::RootVector roots;
  pushNodes(roots, n, 0);
  collectScrubbed(Generation::kYoung);
  collectScrubbed(Generation::kYoung);
  EXPECT_EQ(countPayloadMismatches(roots, 0), 0u);
  EXPECT_EQ(gc::verifyHeap(), std::vector<std::string>{});
}

}  // namespace
}  // namespace tern::gc_test
