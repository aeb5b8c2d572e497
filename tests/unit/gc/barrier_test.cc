// The write barrier and the generational invariant: a young object referenced only
// from an old object survives minor collections, and the old slot is updated when
// the young object moves.  Covers plain fields and trailing refs, old objects that
// were born old, promoted or large, cards cleaned by one collection and dirtied
// again, slots holding small integers (which the collector must leave alone), and
// the bulk copies moveSlots and storeSlots.
#include <gtest/gtest.h>

#include <vector>

#include "tests/unit/gc/test_layouts.h"

namespace tern::gc_test {
namespace {

using gc::Generation;

// Stores a fresh young two-node chain into old->a: the chain is reachable only
// through the old object once this frame returns.
[[gnu::noinline]] void hangYoungChain(Value old_value, int64_t payload) {
  Node* old = as<Node>(old_value);
  Node* first = newNode(payload);
  Node* second = newNode(payload + 1);
  first->a.set(val(second));  // young -> young: no card involved
  old->a.set(val(first));
}

[[gnu::noinline]] ::testing::AssertionResult chainIntact(Value old_value, int64_t payload) {
  Value first = as<Node>(old_value)->a.get();
  if (!first.isObject() || !gc::isHeapObject(first.asObject())) return ::testing::AssertionFailure() << "first gone";
  if (as<Node>(first)->payload != payload) return ::testing::AssertionFailure() << "first damaged";
  Value second = as<Node>(first)->a.get();
  if (!second.isObject() || !gc::isHeapObject(second.asObject())) {
    return ::testing::AssertionFailure() << "second gone";
  }
  if (as<Node>(second)->payload != payload + 1) return ::testing::AssertionFailure() << "second damaged";
  return ::testing::AssertionSuccess();
}

TEST(Barrier, OldObjectKeepsYoungChainAlive) {
  gc::RootVector roots;
  roots.push_back(val(newOldNode(1)));
  ASSERT_TRUE(gc::isOld(roots[0].asObject()));
  hangYoungChain(roots[0], 100);
  ASSERT_TRUE(gc::isYoung(as<Node>(roots[0])->a.get().asObject()));
  for (int i = 0; i < 3; ++i) {
    collectScrubbed(Generation::kYoung);
    ASSERT_TRUE(chainIntact(roots[0], 100)) << "after minor collection " << i;
  }
  collectScrubbed(Generation::kFull);
  EXPECT_TRUE(chainIntact(roots[0], 100));
}

TEST(Barrier, PromotedObjectKeepsYoungChainAlive) {
  gc::RootVector roots;
  pushNode(roots, 2);
  ASSERT_TRUE(promote(roots, 0));
  hangYoungChain(roots[0], 200);
  collectScrubbed(Generation::kYoung);
  EXPECT_TRUE(chainIntact(roots[0], 200));
  // The card was cleaned when its only young referent left the nursery; a new
  // store into the same slot must dirty it again.
  hangYoungChain(roots[0], 300);
  collectScrubbed(Generation::kYoung);
  EXPECT_TRUE(chainIntact(roots[0], 300));
  collectScrubbed(Generation::kFull);
  EXPECT_TRUE(chainIntact(roots[0], 300));
}

// Fills every `stride`-th slot of the array with a fresh young node whose payload
// encodes (generation, index); the other slots get small ints or stay null.
[[gnu::noinline]] void fillArray(Value array_value, int64_t generation, size_t stride) {
  Array* array = as<Array>(array_value);
  for (size_t i = 0; i < static_cast<size_t>(array->length); ++i) {
    if (i % stride == 0) {
      array->at(i).set(val(newNode(generation * 1'000'000 + static_cast<int64_t>(i))));
    } else if (i % stride == 1) {
      array->at(i).set(Value::fromSmallInt(-static_cast<int64_t>(i)));
    }
  }
}

struct ArrayCheck {
  size_t bad = 0;
  size_t refs = 0;
  size_t still_young = 0;
};

[[gnu::noinline]] ArrayCheck checkArray(Value array_value, int64_t generation, size_t stride) {
  ArrayCheck check;
  Array* array = as<Array>(array_value);
  for (size_t i = 0; i < static_cast<size_t>(array->length); ++i) {
    Value v = array->at(i).get();
    if (i % stride == 0) {
      ++check.refs;
      if (!v.isObject() || !gc::isHeapObject(v.asObject()) ||
          as<Node>(v)->payload != generation * 1'000'000 + static_cast<int64_t>(i)) {
        ++check.bad;
      } else if (gc::isYoung(v.asObject())) {
        ++check.still_young;
      }
    } else if (i % stride == 1) {
      if (v != Value::fromSmallInt(-static_cast<int64_t>(i))) ++check.bad;
    } else if (!v.isNull()) {
      ++check.bad;
    }
  }
  return check;
}

void exerciseOldArray(size_t length, size_t stride) {
  gc::RootVector roots;
  roots.push_back(val(newArray(length, 0)));
  ASSERT_TRUE(gc::isOld(roots[0].asObject()));
  for (int64_t generation = 1; generation <= 3; ++generation) {
    SCOPED_TRACE(generation);
    // Each generation overwrites the previous one's young nodes, so it also proves
    // that cards cleaned by the last collection are dirtied again.
    fillArray(roots[0], generation, stride);
    collectScrubbed(Generation::kYoung);
    ArrayCheck check = checkArray(roots[0], generation, stride);
    EXPECT_EQ(check.bad, 0u);
    if (gc::config().tenure_age == 1) {
      // Moved out of the nursery, and the old slots rewritten to the new addresses.
      EXPECT_LE(check.still_young, check.refs / 10 + 2);
    }
  }
  collectScrubbed(Generation::kFull);
  EXPECT_EQ(checkArray(roots[0], 3, stride).bad, 0u);
  EXPECT_EQ(gc::verifyHeap(), std::vector<std::string>{});
}

TEST(Barrier, OldArrayTrailingRefs) {
  // 2000 slots: 16 KiB, in the old space but not large; spans ~32 cards.
  exerciseOldArray(2000, 3);
}

TEST(Barrier, LargeArrayTrailingRefs) {
  // 6000 slots: 48 KiB, in the large-object space.
  exerciseOldArray(6000, 7);
}

TEST(Barrier, SparseStoresIntoLargeArray) {
  // One young reference per few cards: each store dirties a different card.
  exerciseOldArray(20000, 97);
}

[[gnu::noinline]] void makeOldHolders(gc::RootVector& roots, size_t n) {
  for (size_t i = 0; i < n; ++i) roots.push_back(val(newOldNode(static_cast<int64_t>(i))));
}

[[gnu::noinline]] void storeYoungIntoHolders(gc::RootVector& roots, int64_t base) {
  for (size_t i = 0; i < roots.size(); ++i) {
    Node* holder = as<Node>(roots[i]);
    holder->a.set(val(newNode(base + static_cast<int64_t>(i))));
    // b: a young node first, then overwritten by a small int before any collection.
    holder->b.set(val(newNode(-1)));
    holder->b.set(Value::fromSmallInt(static_cast<int64_t>(i)));
  }
}

[[gnu::noinline]] size_t countBadHolders(const gc::RootVector& roots, int64_t base) {
  size_t bad = 0;
  for (size_t i = 0; i < roots.size(); ++i) {
    Node* holder = as<Node>(roots[i]);
    Value a = holder->a.get();
    if (!a.isObject() || !gc::isHeapObject(a.asObject()) || as<Node>(a)->payload != base + static_cast<int64_t>(i) ||
        holder->b.get() != Value::fromSmallInt(static_cast<int64_t>(i)) || holder->payload != static_cast<int64_t>(i)) {
      ++bad;
    }
  }
  return bad;
}

TEST(Barrier, ManyOldHoldersInterleavedWithChurn) {
  gc::RootVector roots;
  makeOldHolders(roots, scaled(500, 100));
  for (int64_t round = 0; round < 4; ++round) {
    storeYoungIntoHolders(roots, round * 10'000);
    // Garbage between the stores and the collection, so the young referents are
    // scattered among dead objects.
    for (int i = 0; i < 2000; ++i) newNode(-2);
    collectScrubbed(round == 2 ? Generation::kFull : Generation::kYoung);
    ASSERT_EQ(countBadHolders(roots, round * 10'000), 0u) << "round " << round;
  }
}

[[gnu::noinline]] void youngPointsToOld(gc::RootVector& roots) {
  Node* young = newNode(10);
  Node* old = newOldNode(11);
  young->a.set(val(old));  // young -> old needs no card: the minor collection traces young objects
  roots.push_back(val(young));
}

TEST(Barrier, OldObjectReachableOnlyFromYoungSurvivesFullCollection) {
  gc::RootVector roots;
  youngPointsToOld(roots);
  // A full collection while the young object is still young (no minor in between).
  collectScrubbed(Generation::kFull);
  Node* young = as<Node>(roots[0]);
  ASSERT_EQ(young->payload, 10);
  Value old = young->a.get();
  ASSERT_TRUE(old.isObject());
  EXPECT_TRUE(gc::isHeapObject(old.asObject()));
  EXPECT_EQ(as<Node>(old)->payload, 11);
  collectScrubbed(Generation::kFull);
  EXPECT_TRUE(gc::isHeapObject(as<Node>(roots[0])->a.get().asObject()));
  EXPECT_EQ(as<Node>(as<Node>(roots[0])->a.get())->payload, 11);
}

// moveSlots shifts an old array's items by `shift` slots (as list.pop(0) and
// list.insert(0, x) do): young referents moved into cards that were clean must
// survive the next minor collection, and the verifier must find every old slot
// holding a young reference in a dirty card.
void exerciseMoveSlots(size_t length, size_t stride, ptrdiff_t shift) {
  gc::RootVector roots;
  roots.push_back(val(newArray(length, 0)));
  ASSERT_TRUE(gc::isOld(roots[0].asObject()));
  fillArray(roots[0], 1, stride);
  Array* array = as<Array>(roots[0]);
  size_t n = length - static_cast<size_t>(shift < 0 ? -shift : shift);
  if (shift > 0) {
    gc::moveSlots(&array->at(static_cast<size_t>(shift)), &array->at(0), n);
  } else {
    gc::moveSlots(&array->at(0), &array->at(static_cast<size_t>(-shift)), n);
  }
  EXPECT_EQ(gc::verifyHeap(), std::vector<std::string>{});
  collectScrubbed(Generation::kYoung);
  EXPECT_EQ(gc::verifyHeap(), std::vector<std::string>{});
  array = as<Array>(roots[0]);
  size_t bad = 0;
  for (size_t j = 0; j < n; ++j) {
    size_t to = shift > 0 ? j + static_cast<size_t>(shift) : j;
    size_t from = shift > 0 ? j : j + static_cast<size_t>(-shift);
    Value v = array->at(to).get();
    if (from % stride == 0) {
      if (!v.isObject() || !gc::isHeapObject(v.asObject()) || as<Node>(v)->payload != 1'000'000 + int64_t(from)) ++bad;
    } else if (from % stride == 1 && v != Value::fromSmallInt(-static_cast<int64_t>(from))) {
      ++bad;
    }
  }
  EXPECT_EQ(bad, 0u);
}

TEST(Barrier, MoveSlotsDownAcrossCards) { exerciseMoveSlots(2000, 97, -1); }
TEST(Barrier, MoveSlotsUpAcrossCards) { exerciseMoveSlots(2000, 97, 70); }
TEST(Barrier, MoveSlotsInLargeArray) { exerciseMoveSlots(20000, 301, -200); }

// storeSlots copies values from outside the heap into an old array (a
// suspended generator's frame is saved so): young referents held only by the
// array afterwards must survive a minor collection, with the verifier content.
TEST(Barrier, StoreSlotsIntoOldArray) {
  constexpr size_t kLength = 2000;
  gc::RootVector roots;
  roots.push_back(val(newArray(kLength, 0)));
  ASSERT_TRUE(gc::isOld(roots[0].asObject()));
  gc::RootVector source;
  for (size_t i = 0; i < kLength; ++i) {
    source.push_back(i % 97 == 0 ? val(newNode(2'000'000 + int64_t(i))) : Value::fromSmallInt(-int64_t(i)));
  }
  ASSERT_TRUE(gc::isYoung(source[0].asObject()));
  gc::storeSlots(&as<Array>(roots[0])->at(0), source.data(), kLength);
  source.clear();
  EXPECT_EQ(gc::verifyHeap(), std::vector<std::string>{});
  collectScrubbed(Generation::kYoung);
  EXPECT_EQ(gc::verifyHeap(), std::vector<std::string>{});
  Array* array = as<Array>(roots[0]);
  size_t bad = 0;
  for (size_t i = 0; i < kLength; ++i) {
    Value v = array->at(i).get();
    if (i % 97 == 0) {
      if (!v.isObject() || !gc::isHeapObject(v.asObject()) || as<Node>(v)->payload != 2'000'000 + int64_t(i)) ++bad;
    } else if (v != Value::fromSmallInt(-int64_t(i))) {
      ++bad;
    }
  }
  EXPECT_EQ(bad, 0u);
}

TEST(Barrier, VerifierIsHappyWithBarrieredStores) {
  gc::RootVector roots;
  roots.push_back(val(newOldNode(1)));
  hangYoungChain(roots[0], 5);
  // Right after the store, before any collection: the card is dirty.
  EXPECT_EQ(gc::verifyHeap(), std::vector<std::string>{});
  collectScrubbed(Generation::kYoung);
  EXPECT_EQ(gc::verifyHeap(), std::vector<std::string>{});
}

}  // namespace
}  // namespace tern::gc_test
