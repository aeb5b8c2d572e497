// Identity: identity() is non-zero, stable while the object moves (young -> old,
// through minor and full collections), unique among live objects, and the same for
// pinned and old objects; identityHash() is _Py_HashPointer of it.  Identities
// taken on objects that then die must not pin old-space memory forever.
#include <gtest/gtest.h>

#include <algorithm>
#include <unordered_set>
#include <vector>

#include "tests/unit/gc/test_layouts.h"

namespace tern::gc_test {
namespace {

using gc::Generation;

// CPython 3.11 Python/pyhash.c: _Py_HashPointerRaw rotates the address right by 4
// bits (the low bits of aligned pointers carry no information); -1 becomes -2.
int64_t pyHashPointer(uintptr_t p) {
  uintptr_t y = (p >> 4) | (p << (8 * sizeof(void*) - 4));
  auto x = static_cast<int64_t>(y);
  return x == -1 ? -2 : x;
}

struct Taken {
  std::vector<uintptr_t> ids;
  std::vector<int64_t> hashes;
  std::vector<uintptr_t> addresses;
};

[[gnu::noinline]] void allocateAndTakeIdentities(gc::RootVector& roots, size_t n, Taken& taken) {
  for (size_t i = 0; i < n; ++i) roots.push_back(val(newNode(static_cast<int64_t>(i))));
  // Identities are taken after all allocations, so (stress aside) the objects are
  // young when asked and must move afterwards.
  for (size_t i = 0; i < n; ++i) {
    gc::Object* o = roots[i].asObject();
    taken.ids.push_back(gc::identity(o));
    taken.hashes.push_back(gc::identityHash(o));
    taken.addresses.push_back(addr(o));
  }
}

[[gnu::noinline]] size_t countIdentityChanges(const gc::RootVector& roots, const Taken& taken) {
  size_t changed = 0;
  for (size_t i = 0; i < roots.size(); ++i) {
    gc::Object* o = roots[i].asObject();
    if (gc::identity(o) != taken.ids[i] || gc::identityHash(o) != taken.hashes[i]) ++changed;
  }
  return changed;
}

TEST(Identity, StableAcrossMoves) {
  size_t n = scaled(5000, 500);
  gc::RootVector roots;
  Taken taken;
  allocateAndTakeIdentities(roots, n, taken);
  for (uintptr_t id : taken.ids) ASSERT_NE(id, 0u);
  collectScrubbed(Generation::kYoung);
  size_t moved = 0, young_before = 0;
  for (size_t i = 0; i < n; ++i) {
    if (!gc::isYoungAddress(taken.addresses[i])) continue;
    ++young_before;
    moved += roots[i].bits() != taken.addresses[i] ? 1 : 0;
  }
  ASSERT_GT(young_before, 0u);
  EXPECT_GE(moved + 3, young_before * 9 / 10) << "the objects did not move: the test proves nothing";
  EXPECT_EQ(countIdentityChanges(roots, taken), 0u) << "after a minor collection";
  collectScrubbed(Generation::kFull);
  EXPECT_EQ(countIdentityChanges(roots, taken), 0u) << "after a full collection";
  collectScrubbed(Generation::kYoung);
  EXPECT_EQ(countIdentityChanges(roots, taken), 0u);
}

TEST(Identity, HashIsPyHashPointerOfIdentity) {
  Node* young = newNode(1);
  Node* old = newOldNode(2);
  Blob* large = newBlob(kLargeBytes * 2, 3);
  for (gc::Object* o : {&young->header, &old->header, &large->header}) {
    EXPECT_EQ(gc::identityHash(o), pyHashPointer(gc::identity(o)));
    EXPECT_NE(gc::identityHash(o), -1);
  }
}

TEST(Identity, UniqueAmongLiveObjects) {
  size_t n = scaled(20000, 2000);
  gc::RootVector roots;
  Taken taken;
  allocateAndTakeIdentities(roots, n / 2, taken);
  collectScrubbed(Generation::kYoung);
  // A second batch, allocated in the nursery the first one just left: their
  // addresses may be the first batch's old addresses, their identities may not
  // equal the first batch's.
  Taken more;
  gc::RootVector roots2;
  allocateAndTakeIdentities(roots2, n / 2, more);
  // Some old and large objects too.
  for (int i = 0; i < 20; ++i) {
    roots.push_back(val(newOldNode(i)));
    roots.push_back(val(newBlob(kLargeBytes + 8, i)));
  }
  collectScrubbed(Generation::kFull);
  std::unordered_set<uintptr_t> seen;
  for (const gc::RootVector* r : {&roots, &roots2}) {
    for (size_t i = 0; i < r->size(); ++i) {
      uintptr_t id = gc::identity((*r)[i].asObject());
      EXPECT_TRUE(seen.insert(id).second) << "identity " << id << " shared by two live objects";
    }
  }
}

TEST(Identity, PinnedAndOldObjectsKeepTheirIdentity) {
  Node* pinned = newNode(1);
  Node* old = newOldNode(2);
  uintptr_t pinned_id = gc::identity(&pinned->header);
  uintptr_t old_id = gc::identity(&old->header);
  collectScrubbed(Generation::kYoung);
  collectScrubbed(Generation::kFull);
  asm volatile("" : : "r"(pinned), "r"(old) : "memory");
  EXPECT_EQ(gc::identity(&pinned->header), pinned_id);
  EXPECT_EQ(gc::identity(&old->header), old_id);
  EXPECT_NE(pinned_id, old_id);
}

[[gnu::noinline]] void takeIdentitiesOfGarbage(size_t n) {
  for (size_t i = 0; i < n; ++i) gc::identity(&newNode(static_cast<int64_t>(i))->header);
}

TEST(Identity, DeadObjectsGiveTheirReservationsBack) {
  // Taking the identity of a young object reserves its old-space home.  When the
  // object dies young, the minor collection that finds it dead gives the
  // reservation back: a program that hashes many short-lived objects must not grow
  // the old space until the next major collection.
  size_t n = scaled(200000, 20000);
  collectScrubbed(Generation::kFull);
  size_t live_before = gc::stats().old_live_bytes;
  for (int round = 0; round < 3; ++round) {
    takeIdentitiesOfGarbage(n);
    collectScrubbed(Generation::kYoung);
  }
  size_t live_after = gc::stats().old_live_bytes;
  size_t reserved = n * sizeof(Node);
  EXPECT_LE(live_after, live_before + reserved / 4)
      << "old_live_bytes " << live_before << " -> " << live_after << " after " << 3 * n << " dead hashed objects";
}

}  // namespace
}  // namespace tern::gc_test
