// Layouts whose references are found by a trace function rather than offsets
// (what the cpyext wrappers will do with tp_traverse): the collector must trace
// exactly the slots the function reports, in the nursery, in the old space and
// through dirty cards, where it filters them to the card's range.
#include <gtest/gtest.h>

#include "tests/unit/gc/test_layouts.h"

namespace tern::gc_test {
namespace {

using gc::Generation;

// `count` live slots out of kSlots; the trace function reports only those.
struct Traced {
  static constexpr size_t kSlots = 4;
  gc::Object header;
  int64_t count;
  gc::HeapValue slots[kSlots];
};

void traceTraced(gc::Object* object, gc::SlotVisitor& visitor) {
  Traced* t = as<Traced>(object);
  for (int64_t i = 0; i < t->count; ++i) visitor.visit(reinterpret_cast<Value*>(&t->slots[i]));
}

const gc::Layout kTracedLayout{.name = "Traced", .trace = traceTraced};

gc::LayoutId tracedLayout() {
  static gc::LayoutId id = gc::registerLayout(&kTracedLayout);
  return id;
}

// `bytes` above the nursery limit makes an old Traced.
[[gnu::noinline]] Value newTraced(int64_t count, int64_t first_payload, size_t bytes = sizeof(Traced)) {
  auto* t = as<Traced>(gc::allocate(tracedLayout(), bytes));
  t->count = count;
  for (int64_t i = 0; i < count; ++i) t->slots[i].set(val(newNode(first_payload + i)));
  return val(t);
}

::testing::AssertionResult slotsIntact(Value traced, int64_t first_payload) {
  Traced* t = as<Traced>(traced);
  for (int64_t i = 0; i < t->count; ++i) {
    Value v = t->slots[i].get();
    if (!v.isObject() || !gc::isHeapObject(v.asObject()))
      return ::testing::AssertionFailure() << "slot " << i << " stale";
    if (as<Node>(v)->payload != first_payload + i) return ::testing::AssertionFailure() << "slot " << i << " damaged";
  }
  return ::testing::AssertionSuccess();
}

[[gnu::noinline]] uintptr_t hiddenSlot(Value traced, size_t i) {
  return hide(as<Traced>(traced)->slots[i].get().bits());
}

TEST(CustomTrace, YoungHolderReferentsMoveAndSurvive) {
  gc::RootVector roots;
  roots.push_back(newTraced(3, 500));
  // Read only in a helper frame and kept hidden: a plain local in this frame
  // would pin the referent (and does, at -O0).
  uintptr_t before = hiddenSlot(roots[0], 0);
  collectScrubbed(Generation::kYoung);
  ASSERT_TRUE(slotsIntact(roots[0], 500));
  EXPECT_NE(hiddenSlot(roots[0], 0), before) << "the referent should have been evacuated";
  collectScrubbed(Generation::kFull);
  EXPECT_TRUE(slotsIntact(roots[0], 500));
  EXPECT_EQ(gc::verifyHeap(), std::vector<std::string>{});
}

TEST(CustomTrace, OldHolderKeepsYoungReferentsThroughItsCards) {
  gc::RootVector roots;
  roots.push_back(newTraced(4, 600, gc::kMaxYoungObjectBytes + 64));
  ASSERT_TRUE(gc::isOld(roots[0].asObject()));
  ASSERT_TRUE(gc::isYoung(as<Traced>(roots[0])->slots[3].get().asObject()));
  for (int i = 0; i < 3; ++i) {
    collectScrubbed(Generation::kYoung);
    ASSERT_TRUE(slotsIntact(roots[0], 600)) << "after minor collection " << i;
  }
  collectScrubbed(Generation::kFull);
  EXPECT_TRUE(slotsIntact(roots[0], 600));
}

// Slots the trace function does not report are not references: the collector
// must leave whatever they hold alone.
TEST(CustomTrace, UnreportedSlotsAreNotTraced) {
  gc::RootVector roots;
  roots.push_back(newTraced(1, 700));
  Traced* t = as<Traced>(roots[0]);
  t->slots[2].set(Value::fromBits(0x1234560));  // not an object: fatal if it were traced
  collectScrubbed(Generation::kYoung);
  collectScrubbed(Generation::kFull);
  t = as<Traced>(roots[0]);
  EXPECT_EQ(t->slots[2].get().bits(), 0x1234560u);
  EXPECT_TRUE(slotsIntact(roots[0], 700));
}

}  // namespace
}  // namespace tern::gc_test
