// The debug tooling finds the bugs it exists for: the heap verifier reports a store
// that bypassed the write barrier (strong and weak), references to things that are
// not live objects, and corrupt headers; with verification on, a collection over a
// broken heap stops the process; with poisoning on, evacuated nursery memory is
// filled with kPoisonByte so a stale pointer read from it faults at once.  Also
// TERN_GC_STRESS really collects that often, and Config::fromEnvironment parses
// the documented variables.
#include <gtest/gtest.h>

#include <cstdlib>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "tests/unit/gc/test_layouts.h"

namespace tern::gc_test {
namespace {

using gc::Generation;

bool anyLineMentions(const std::vector<std::string>& lines, const char* a, const char* b) {
  for (const std::string& line : lines) {
    if (line.find(a) != std::string::npos && line.find(b) != std::string::npos) return true;
  }
  return false;
}

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& line : lines) out += line + "\n";
  return out;
}

bool cardIsDirty(const void* slot) {
  return gc::g_bounds.cards[(reinterpret_cast<uintptr_t>(slot) - gc::g_bounds.old_lo) >> gc::kCardShift] != 0;
}

// What a store that forgot its barrier does: the bits land, nothing is recorded.
void storeWithoutBarrier(void* slot, Value v) {
  uintptr_t bits = v.bits();
  memcpy(slot, &bits, sizeof bits);
}

TEST(Tooling, VerifierReportsMissingWriteBarrier) {
  gc::RootVector roots;
  roots.push_back(val(newOldNode(1)));
  collectScrubbed(Generation::kYoung);  // leaves no dirty card behind (nothing young is referenced)
  roots.push_back(val(newNode(2)));
  Node* old = as<Node>(roots[0]);
  ASSERT_TRUE(gc::isOld(old));
  ASSERT_TRUE(gc::isYoung(roots[1].asObject()));
  ASSERT_FALSE(cardIsDirty(&old->a)) << "the test needs a clean card to prove anything";
  ASSERT_EQ(gc::verifyHeap(), std::vector<std::string>{});

  storeWithoutBarrier(&old->a, roots[1]);
  std::vector<std::string> problems = gc::verifyHeap();
  EXPECT_TRUE(anyLineMentions(problems, "card", "not remembered")) << joined(problems);

  // Repair with a barriered store, so the heap is sound for the tests that follow.
  old->a.set(roots[1]);
  EXPECT_EQ(gc::verifyHeap(), std::vector<std::string>{});
  collectScrubbed(Generation::kYoung);
  EXPECT_EQ(as<Node>(as<Node>(roots[0])->a.get())->payload, 2);
}

TEST(Tooling, VerifierReportsMissingWeakBarrier) {
  gc::RootVector roots;
  roots.push_back(val(newWeakBox(1, kYoungMaxBytes + 64)));
  roots.push_back(val(newNode(2)));
  auto* box = as<WeakBox>(roots[0]);
  ASSERT_TRUE(gc::isOld(box));
  ASSERT_TRUE(gc::isYoung(roots[1].asObject()));

  storeWithoutBarrier(&box->weak, roots[1]);
  std::vector<std::string> problems = gc::verifyHeap();
  EXPECT_TRUE(anyLineMentions(problems, "weak", "not remembered")) << joined(problems);

  box->weak.set(roots[1]);
  EXPECT_EQ(gc::verifyHeap(), std::vector<std::string>{});
}

TEST(Tooling, VerifierReportsReferencesToNonObjects) {
  Node* holder = newNode(1);
  Node* target = newNode(2);
  Node* old_target = newOldNode(3);
  std::vector<char> malloced(64);
  const Value bad[] = {
      Value::fromBits(addr(target) + 8),                              // inside a young object
      Value::fromBits(addr(old_target) + 8),                          // inside an old object
      Value::fromBits(reinterpret_cast<uintptr_t>(malloced.data())),  // outside the heap
  };
  for (Value v : bad) {
    holder->a.set(v);
    std::vector<std::string> problems = gc::verifyHeap();
    EXPECT_TRUE(anyLineMentions(problems, "strong slot", "not a live heap object")) << joined(problems);
  }
  holder->a.set(Value());
  EXPECT_EQ(gc::verifyHeap(), std::vector<std::string>{});

  // The same through a root.
  auto root = std::make_unique<gc::GlobalRoot>(bad[0]);
  EXPECT_FALSE(gc::verifyHeap().empty());
  root->set(val(target));
  EXPECT_EQ(gc::verifyHeap(), std::vector<std::string>{});
}

TEST(Tooling, VerifierReportsCorruptHeader) {
  constexpr gc::LayoutId kUnregistered = 0xfff0;
  ASSERT_FALSE(gc::isRegisteredLayout(kUnregistered));
  Node* young = newNode(1);
  Node* old = newOldNode(2);
  for (Node* victim : {young, old}) {
    uint64_t saved = victim->header.header_word;
    victim->header.header_word = (saved & ~(uint64_t{0xffff} << gc::header::kLayoutShift)) |
                                 (uint64_t{kUnregistered} << gc::header::kLayoutShift);
    std::vector<std::string> problems = gc::verifyHeap();
    EXPECT_TRUE(anyLineMentions(problems, "bad header", "")) << joined(problems);
    victim->header.header_word = saved;
  }
  EXPECT_EQ(gc::verifyHeap(), std::vector<std::string>{});
}

TEST(Tooling, VerifyingCollectionStopsOnBrokenHeap) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_DEATH(
      {
        gc::config().verify = true;
        gc::RootVector roots;
        roots.push_back(val(newOldNode(1)));
        roots.push_back(val(newNode(2)));
        storeWithoutBarrier(&as<Node>(roots[0])->a, roots[1]);
        gc::collect(Generation::kYoung);
      },
      "verification failed");
}

// Reads memory the collector (and, under ASan, the sanitizer) considers dead: the
// test inspects the poison on purpose.
[[gnu::no_sanitize("address"), gnu::noinline]] uint64_t rawLoad(uintptr_t address) {
  return *reinterpret_cast<const volatile uint64_t*>(address);
}

// Young nodes, each with a young child, rooted; returns their addresses hidden in
// malloc'd memory.  Addresses are taken after all allocations, so those still
// young are where a minor collection will find them.
[[gnu::noinline]] void makeMovableParents(gc::RootVector& roots, std::vector<uintptr_t>& hidden, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    Node* parent = newNode(static_cast<int64_t>(i));
    parent->a.set(val(newNode(1000 + static_cast<int64_t>(i))));
    roots.push_back(val(parent));
  }
  for (size_t i = 0; i < n; ++i) hidden.push_back(hide(roots[i].asObject()));
}

// After a minor collection with poisoning on, the index of a parent that moved out
// of the nursery (its old address is the stale pointer), if any.
[[gnu::noinline]] std::optional<size_t> movedParent(const gc::RootVector& roots, const std::vector<uintptr_t>& hidden) {
  for (size_t i = 0; i < hidden.size(); ++i) {
    auto* stale = unhide<Node>(hidden[i]);
    if (gc::isYoung(stale) && roots[i].asObject() != &stale->header) return i;
  }
  return std::nullopt;
}

TEST(Tooling, StalePointerIntoEvacuatedNurseryIsPoisoned) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  ConfigRestorer<bool> restore(&gc::Config::poison);
  gc::config().poison = true;
  gc::RootVector roots;
  std::vector<uintptr_t> hidden;  // the stale pointers live only here, XOR-ed
  makeMovableParents(roots, hidden, 64);
  collectScrubbed(Generation::kYoung);
  std::optional<size_t> moved = movedParent(roots, hidden);
  ASSERT_TRUE(moved.has_value()) << "no parent moved: nothing is stale";

  uintptr_t stale = unhideAddress(hidden[*moved]);
  uint64_t header = rawLoad(stale);
  uint64_t field = rawLoad(stale + offsetof(Node, a));
  const uint64_t kPoisonWord = 0x0101010101010101ULL * gc::kPoisonByte;
  EXPECT_EQ(header, kPoisonWord) << std::hex << "header " << header;
  EXPECT_EQ(field, kPoisonWord) << std::hex << "field " << field;
  EXPECT_FALSE(gc::isHeapObject(reinterpret_cast<void*>(stale)));
  // The live copy is intact.
  Node* live = as<Node>(roots[*moved]);
  EXPECT_EQ(live->payload, static_cast<int64_t>(*moved));
  EXPECT_EQ(as<Node>(live->a.get())->payload, 1000 + static_cast<int64_t>(*moved));

  // Following a reference read from the stale object faults at once: the poisoned
  // word is a non-canonical address.
  EXPECT_DEATH(
      {
        auto* referent = reinterpret_cast<const volatile uint64_t*>(rawLoad(stale + offsetof(Node, a)));
        [[maybe_unused]] uint64_t word = *referent;
      },
      "");
}

TEST(Tooling, StressCollectsAsConfigured) {
  const gc::Config& c = gc::config();
  if (c.stress_every == 0) GTEST_SKIP() << "only meaningful under TERN_GC_STRESS";
  gc::Stats before = gc::stats();
  uint64_t allocations = c.stress_every * 10;
  for (uint64_t i = 0; i < allocations; ++i) newNode(static_cast<int64_t>(i));
  gc::Stats after = gc::stats();
  uint64_t collections =
      (after.minor_collections + after.major_collections) - (before.minor_collections + before.major_collections);
  EXPECT_GE(collections, 10u);
  if (c.stress_major_every != 0) {
    before = after;
    for (uint64_t i = 0; i < c.stress_every * c.stress_major_every * 2; ++i) newNode(static_cast<int64_t>(i));
    EXPECT_GE(gc::stats().major_collections, before.major_collections + 2);
  }
}

// Sets environment variables for one test and puts the old values back.
class ScopedEnv {
 public:
  ScopedEnv() {
    for (const char* name : kNames) {
      const char* v = getenv(name);
      saved_.emplace_back(name, v ? std::optional<std::string>(v) : std::nullopt);
      unsetenv(name);
    }
  }
  ~ScopedEnv() {
    for (auto& [name, value] : saved_) {
      if (value) {
        setenv(name, value->c_str(), 1);
      } else {
        unsetenv(name);
      }
    }
  }
  void set(const char* name, const char* value) { setenv(name, value, 1); }

 private:
  static constexpr const char* kNames[] = {"TERN_GC_NURSERY", "TERN_GC_TENURE_AGE", "TERN_GC_MADVISE", "TERN_GC_STRESS",
                                           "TERN_GC_VERIFY"};
  std::vector<std::pair<const char*, std::optional<std::string>>> saved_;
};

TEST(Tooling, ConfigFromEnvironment) {
  {
    ScopedEnv env;
    gc::Config c = gc::Config::fromEnvironment();
    gc::Config defaults;
    EXPECT_EQ(c.nursery_bytes, defaults.nursery_bytes);
    EXPECT_EQ(c.stress_every, 0u);
    EXPECT_FALSE(c.verify);
    EXPECT_FALSE(c.poison);
    EXPECT_EQ(c.release, gc::ReleaseMode::kFree);
  }
  {
    ScopedEnv env;
    env.set("TERN_GC_STRESS", "97,13");
    env.set("TERN_GC_VERIFY", "1");
    env.set("TERN_GC_MADVISE", "dontneed");
    env.set("TERN_GC_TENURE_AGE", "3");
    env.set("TERN_GC_NURSERY", "8m");
    gc::Config c = gc::Config::fromEnvironment();
    EXPECT_EQ(c.stress_every, 97u);
    EXPECT_EQ(c.stress_major_every, 13u);
    EXPECT_TRUE(c.verify);
    EXPECT_TRUE(c.poison) << "poisoning comes with verification and stress";
    EXPECT_EQ(c.release, gc::ReleaseMode::kDontNeed);
    EXPECT_EQ(c.tenure_age, 3u);
    EXPECT_EQ(c.nursery_bytes, size_t{8} << 20);
  }
  {
    ScopedEnv env;
    env.set("TERN_GC_STRESS", "50");
    env.set("TERN_GC_MADVISE", "free");
    gc::Config c = gc::Config::fromEnvironment();
    EXPECT_EQ(c.stress_every, 50u);
    EXPECT_EQ(c.stress_major_every, 0u);
    EXPECT_TRUE(c.poison);
    EXPECT_EQ(c.release, gc::ReleaseMode::kFree);
  }
}

}  // namespace
}  // namespace tern::gc_test
