// Finalization: an unreachable finalizable object is resurrected with everything it
// references, its finalizer is queued by the collection and run by runFinalizers()
// (never inside the collection), at most once, whether the object is young, old or
// large, alone, in a chain or in a cycle; a finalizer that stores its object in a
// root keeps it alive; finalizers may allocate and collect.
#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "tests/unit/gc/test_layouts.h"

namespace tern::gc_test {
namespace {

using gc::Generation;

// n finalizable nodes with ids base.., each with a child Node the finalizer checks;
// nothing refers to them once this returns.
[[gnu::noinline]] void makeGarbageFinNodes(size_t n, int64_t base, int64_t flags, size_t bytes = sizeof(FinNode)) {
  for (size_t i = 0; i < n; ++i) {
    int64_t id = base + static_cast<int64_t>(i);
    FinNode* f = newFinNode(id, flags, bytes);
    f->a.set(val(newNode(childPayloadFor(id))));
  }
}

void expectNoneFinalizedTwice() {
  std::vector<int64_t> ids = callbackLog().finalized_ids;
  std::sort(ids.begin(), ids.end());
  auto dup = std::adjacent_find(ids.begin(), ids.end());
  EXPECT_EQ(dup, ids.end()) << "id " << (dup == ids.end() ? 0 : *dup) << " finalized twice";
}

// Full collections, each followed by running what it queued.
void collectAndFinalize(int rounds) {
  for (int i = 0; i < rounds; ++i) {
    collectScrubbed(Generation::kFull);
    gc::runFinalizers();
  }
}

TEST(Finalizer, UnreachableYoungObjectsAreFinalizedAfterAMinorCollection) {
  size_t n = scaled(1000, 200);
  int64_t base = freshIds(static_cast<int64_t>(n));
  size_t broken = callbackLog().broken;
  makeGarbageFinNodes(n, base, 0);
  size_t log_before = callbackLog().finalized_ids.size();
  collectScrubbed(Generation::kYoung);
  // Queued by the collection, not run by it.
  EXPECT_EQ(callbackLog().finalized_ids.size(), log_before);
  EXPECT_GE(gc::pendingFinalizers(), n * 9 / 10);
  size_t ran = gc::runFinalizers();
  EXPECT_GE(ran, n * 9 / 10);
  EXPECT_GE(finalizedInRange(base, base + static_cast<int64_t>(n)), n * 9 / 10);
  EXPECT_EQ(callbackLog().broken, broken) << "a finalizer found its object or its child damaged";
  collectAndFinalize(2);
  expectNoneFinalizedTwice();
}

TEST(Finalizer, UnreachableOldObjectsAreFinalizedAfterAFullCollection) {
  size_t n = scaled(200, 60);
  int64_t base = freshIds(static_cast<int64_t>(n));
  size_t broken = callbackLog().broken;
  makeGarbageFinNodes(n, base, 0, kYoungMaxBytes + 64);
  // A major collection triggered by the allocations (TERN_GC_STRESS) may have found
  // some already; a minor collection must not find any more.
  gc::runFinalizers();
  size_t before_minor = finalizedInRange(base, base + static_cast<int64_t>(n));
  collectScrubbed(Generation::kYoung);
  gc::runFinalizers();
  EXPECT_EQ(finalizedInRange(base, base + static_cast<int64_t>(n)), before_minor)
      << "old objects do not die at a minor collection";
  collectScrubbed(Generation::kFull);
  gc::runFinalizers();
  EXPECT_GE(finalizedInRange(base, base + static_cast<int64_t>(n)), n * 9 / 10);
  EXPECT_EQ(callbackLog().broken, broken);
  collectAndFinalize(2);
  expectNoneFinalizedTwice();
}

TEST(Finalizer, LargeObjectsToo) {
  size_t n = 16;
  int64_t base = freshIds(static_cast<int64_t>(n));
  makeGarbageFinNodes(n, base, 0, kLargeBytes + 64);
  collectAndFinalize(1);
  EXPECT_GE(finalizedInRange(base, base + static_cast<int64_t>(n)), n - 2);
  collectAndFinalize(2);
  expectNoneFinalizedTwice();
}

[[gnu::noinline]] void makeRootedFinNodes(gc::RootVector& roots, size_t n, int64_t base) {
  for (size_t i = 0; i < n; ++i) {
    FinNode* f = newFinNode(base + static_cast<int64_t>(i));
    f->a.set(val(newNode(childPayloadFor(base + static_cast<int64_t>(i)))));
    roots.push_back(val(f));
  }
}

TEST(Finalizer, ReachableObjectsAreNotFinalized) {
  size_t n = scaled(500, 100);
  int64_t base = freshIds(static_cast<int64_t>(n));
  gc::RootVector roots;
  makeRootedFinNodes(roots, n, base);
  for (int i = 0; i < 3; ++i) {
    collectScrubbed(Generation::kYoung);
    collectScrubbed(Generation::kFull);
    gc::runFinalizers();
  }
  EXPECT_EQ(finalizedInRange(base, base + static_cast<int64_t>(n)), 0u);
  // Dropping them makes them finalizable at last, each once.
  roots.clear();
  collectAndFinalize(2);
  EXPECT_GE(finalizedInRange(base, base + static_cast<int64_t>(n)), n * 9 / 10);
  expectNoneFinalizedTwice();
}

// Cycles of length 1..4 (a self-loop, pairs, triangles, squares) through `a`; `b`
// points at a shared child to make the structure a little less regular.
[[gnu::noinline]] void makeGarbageCycles(size_t cycles, int64_t base) {
  Node* shared = newNode(-7);
  int64_t id = base;
  for (size_t c = 0; c < cycles; ++c) {
    size_t length = c % 4 + 1;
    FinNode* first = newFinNode(id++);
    FinNode* prev = first;
    for (size_t k = 1; k < length; ++k) {
      FinNode* next = newFinNode(id++);
      prev->a.set(val(next));
      prev = next;
    }
    prev->a.set(val(first));
    first->b.set(val(shared));
  }
}

TEST(Finalizer, CyclesAreFinalizedOnceEach) {
  size_t cycles = scaled(400, 80);
  size_t total = 0;
  for (size_t c = 0; c < cycles; ++c) total += c % 4 + 1;
  int64_t base = freshIds(static_cast<int64_t>(total));
  size_t broken = callbackLog().broken;
  makeGarbageCycles(cycles, base);
  collectAndFinalize(3);
  EXPECT_GE(finalizedInRange(base, base + static_cast<int64_t>(total)), total * 9 / 10);
  EXPECT_EQ(callbackLog().broken, broken) << "a finalizer of a cycle member ran after its peer was freed";
  // After their finalizers ran, the cycles are ordinary garbage: collected, never
  // finalized again.
  collectAndFinalize(2);
  expectNoneFinalizedTwice();
}

// A chain f0 -> f1 -> ... of finalizable nodes: each is reachable from the previous
// one, so the collector may finalize them over several collections, but each once.
[[gnu::noinline]] void makeGarbageChain(size_t n, int64_t base) {
  FinNode* next = nullptr;
  for (size_t i = n; i-- > 0;) {
    FinNode* f = newFinNode(base + static_cast<int64_t>(i));
    if (next != nullptr) f->b.set(val(next));
    next = f;
  }
}

TEST(Finalizer, ChainsAreFinalizedOnceEach) {
  size_t n = 50;
  int64_t base = freshIds(static_cast<int64_t>(n));
  makeGarbageChain(n, base);
  for (size_t round = 0; round < n + 2 && finalizedInRange(base, base + static_cast<int64_t>(n)) < n; ++round) {
    collectAndFinalize(1);
  }
  EXPECT_GE(finalizedInRange(base, base + static_cast<int64_t>(n)), n - 3);
  expectNoneFinalizedTwice();
}

[[gnu::noinline]] size_t countResurrectedIntact(int64_t base, int64_t n) {
  size_t intact = 0;
  gc::RootVector& r = resurrected();
  for (size_t i = 0; i < r.size(); ++i) {
    FinNode* f = as<FinNode>(r[i]);
    if (f->id < base || f->id >= base + n) continue;
    Value child = f->a.get();
    if (gc::isHeapObject(f) && child.isObject() && gc::isHeapObject(child.asObject()) &&
        as<Node>(child)->payload == childPayloadFor(f->id)) {
      ++intact;
    }
  }
  return intact;
}

// Lets go of the objects of [base, base+n) that finalizers resurrected.
void dropResurrected(int64_t base, int64_t n) {
  gc::RootVector& r = resurrected();
  gc::RootVector keep;
  for (size_t i = 0; i < r.size(); ++i) {
    int64_t id = as<FinNode>(r[i])->id;
    if (id < base || id >= base + n) keep.push_back(r[i]);
  }
  r.clear();
  for (size_t i = 0; i < keep.size(); ++i) r.push_back(keep[i]);
}

TEST(Finalizer, ResurrectionKeepsTheObjectAndWhatItReferences) {
  size_t n = scaled(300, 60);
  int64_t base = freshIds(static_cast<int64_t>(n));
  makeGarbageFinNodes(n, base, kResurrect);
  collectAndFinalize(1);
  size_t finalized = finalizedInRange(base, base + static_cast<int64_t>(n));
  EXPECT_GE(finalized, n * 9 / 10);
  EXPECT_EQ(countResurrectedIntact(base, static_cast<int64_t>(n)), finalized);
  // Alive through more collections, and not finalized again although unreachable
  // again once the root is dropped.
  collectScrubbed(Generation::kYoung);
  collectAndFinalize(2);
  // (A few more may have been finalized meanwhile, if a stray stack word kept them
  // alive the first time.)
  EXPECT_EQ(countResurrectedIntact(base, static_cast<int64_t>(n)),
            finalizedInRange(base, base + static_cast<int64_t>(n)));
  dropResurrected(base, static_cast<int64_t>(n));
  collectAndFinalize(2);
  expectNoneFinalizedTwice();
}

[[gnu::noinline]] std::vector<uintptr_t> makeGarbageWithIdentities(size_t n, int64_t base) {
  std::vector<uintptr_t> ids;
  for (size_t i = 0; i < n; ++i) {
    FinNode* f = newFinNode(base + static_cast<int64_t>(i), kResurrect);
    f->a.set(val(newNode(childPayloadFor(base + static_cast<int64_t>(i)))));
    ids.push_back(gc::identity(&f->header));
    gc::setFinalizable(&f->header);  // a second time: still finalized once
  }
  return ids;
}

TEST(Finalizer, ResurrectedObjectKeepsItsIdentity) {
  // Identity taken while young; the object dies young, is resurrected (moved out
  // of the nursery) and finalized: same identity.
  size_t n = scaled(200, 50);
  int64_t base = freshIds(static_cast<int64_t>(n));
  std::vector<uintptr_t> ids = makeGarbageWithIdentities(n, base);
  collectScrubbed(Generation::kYoung);
  gc::runFinalizers();
  collectAndFinalize(1);
  size_t checked = 0, wrong = 0;
  gc::RootVector& r = resurrected();
  for (size_t i = 0; i < r.size(); ++i) {
    FinNode* f = as<FinNode>(r[i]);
    if (f->id < base || f->id >= base + static_cast<int64_t>(n)) continue;
    ++checked;
    wrong += gc::identity(&f->header) != ids[static_cast<size_t>(f->id - base)] ? 1 : 0;
  }
  EXPECT_GE(checked, n * 9 / 10);
  EXPECT_EQ(wrong, 0u);
  dropResurrected(base, static_cast<int64_t>(n));
  collectAndFinalize(1);
  expectNoneFinalizedTwice();
}

TEST(Finalizer, FinalizersMayAllocateAndCollect) {
  int64_t base = freshIds(4);
  size_t broken = callbackLog().broken;
  // Each finalizer fills the nursery twice, stores a fresh young node into its own
  // (promoted) object and runs a collection, while other finalizers wait in the queue.
  makeGarbageFinNodes(4, base, kAllocateInFinalizer | kCollectInFinalizer | kResurrect);
  collectScrubbed(Generation::kYoung);
  gc::runFinalizers();
  collectAndFinalize(1);
  EXPECT_GE(finalizedInRange(base, base + 4), 3u);
  EXPECT_EQ(callbackLog().broken, broken);
  // The fresh nodes the finalizers stored survived the collections that followed.
  collectScrubbed(Generation::kYoung);
  collectScrubbed(Generation::kFull);
  EXPECT_EQ(countResurrectedIntact(base, 4), finalizedInRange(base, base + 4));
  EXPECT_EQ(gc::verifyHeap(), std::vector<std::string>{});
  expectNoneFinalizedTwice();
}

[[gnu::noinline]] void makeOldFinNodesBehindYoungGarbage(size_t n, int64_t base) {
  for (size_t i = 0; i < n; ++i) {
    int64_t id = base + static_cast<int64_t>(i);
    Node* young = newNode(0);
    FinNode* old = newFinNode(id, 0, kYoungMaxBytes + 64);
    old->a.set(val(newNode(childPayloadFor(id))));
    young->a.set(val(old));
  }
}

TEST(Finalizer, OldObjectReachableOnlyFromYoungGarbage) {
  // The minor collection cannot know these old objects are dead (it does not trace
  // the old space); the full one must see that the young node referring to each
  // one is dead too, and finalize it.
  size_t n = 50;
  int64_t base = freshIds(static_cast<int64_t>(n));
  makeOldFinNodesBehindYoungGarbage(n, base);
  collectAndFinalize(2);
  EXPECT_GE(finalizedInRange(base, base + static_cast<int64_t>(n)), n * 9 / 10);
  expectNoneFinalizedTwice();
}

}  // namespace
}  // namespace tern::gc_test
