// The value stack as a root: what a frame stores below the top survives and is
// updated when it moves; what was popped is not traced; new words are zeroed.
#include "runtime/interp/value_stack.h"

#include <gtest/gtest.h>

#include "runtime/gc/heap.h"
#include "tests/unit/gc/test_layouts.h"

namespace tern::gc_test {
namespace {

using gc::Generation;
using interp::ValueStack;

// Fills `frame` with fresh young nodes (payload base + i), from a helper frame so
// the test's own stack holds no reference to them.
[[gnu::noinline]] void fillFrame(Value* frame, size_t n, int64_t base) {
  for (size_t i = 0; i < n; ++i) frame[i] = val(newNode(base + static_cast<int64_t>(i)));
}

[[gnu::noinline]] size_t countIntact(const Value* frame, size_t n, int64_t base) {
  size_t good = 0;
  for (size_t i = 0; i < n; ++i) {
    if (frame[i].isObject() && as<Node>(frame[i])->payload == base + static_cast<int64_t>(i)) ++good;
  }
  return good;
}

// A weak box (rooted in `roots`) whose referent is the node in frame[0].
[[gnu::noinline]] void watch(gc::RootVector& roots, const Value* frame) {
  pushWeakBox(roots, 0);
  as<WeakBox>(roots.back())->weak.set(frame[0]);
}

TEST(ValueStack, PushGivesZeroedWordsAndRefusesOverflow) {
  ValueStack stack(1024);
  Value* a = stack.push(10);
  ASSERT_NE(a, nullptr);
  for (size_t i = 0; i < 10; ++i) a[i] = Value::fromSmallInt(7);
  stack.popTo(a);
  Value* b = stack.push(10);
  ASSERT_EQ(b, a);
  for (size_t i = 0; i < 10; ++i) EXPECT_TRUE(b[i].isNull()) << i;
  EXPECT_EQ(stack.used(), 10u);
  EXPECT_EQ(stack.push(1015), nullptr);
  EXPECT_NE(stack.push(1014), nullptr);
  EXPECT_EQ(stack.push(1), nullptr);
}

TEST(ValueStack, ObjectsBelowTheTopSurviveAndFollowMoves) {
  ValueStack stack(1 << 16);
  size_t n = scaled(3000, 300);
  Value* frame = stack.push(n);
  fillFrame(frame, n, 500);
  std::vector<uintptr_t> before;
  for (size_t i = 0; i < n; ++i) before.push_back(hide(frame[i].asObject()));
  collectScrubbed(Generation::kYoung);
  EXPECT_EQ(countIntact(frame, n, 500), n);
  size_t young_before = 0, moved = 0;
  for (size_t i = 0; i < n; ++i) {
    if (!gc::isYoungAddress(unhideAddress(before[i]))) continue;  // promoted by a stress collection
    ++young_before;
    moved += unhideAddress(before[i]) != frame[i].bits();
  }
  // A few may be pinned by stray stack words; the rest were copied and updated.
  EXPECT_GE(moved + 3, young_before * 9 / 10);
  collectScrubbed(Generation::kFull);
  EXPECT_EQ(countIntact(frame, n, 500), n);
  EXPECT_TRUE(gc::verifyHeap().empty());
}

// Whether the weak box in roots[0] still has its referent; read in a helper
// frame, so an unoptimised build leaves no copy of the referent on the test's stack.
[[gnu::noinline]] bool watchedAlive(const gc::RootVector& roots) { return !as<WeakBox>(roots[0])->weak.get().isNull(); }

TEST(ValueStack, PoppedWordsAreNotRoots) {
  ValueStack stack(1 << 12);
  gc::RootVector roots;
  Value* frame = stack.push(1);
  fillFrame(frame, 1, 9);
  watch(roots, frame);
  collectScrubbed(Generation::kFull);
  ASSERT_TRUE(watchedAlive(roots)) << "kept alive while below the top";
  stack.popTo(frame);
  frame[0] = Value();  // the popped word itself: only the stack's word held the node
  // Several attempts: a stray stack word may keep the node alive once.
  for (int i = 0; i < 3 && watchedAlive(roots); ++i) collectScrubbed(Generation::kFull);
  EXPECT_FALSE(watchedAlive(roots));
}

}  // namespace
}  // namespace tern::gc_test
