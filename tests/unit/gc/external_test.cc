// External links (runtime/gc/external.h): a strong link is a root and follows
// its object as it moves; a weak link follows it while something else keeps it
// alive and is released, exactly once, when it dies (young: minor collection;
// old: full collection); removeExternal() unlinks without a release.
#include <gtest/gtest.h>

#include <memory>
#include <vector>

#include "runtime/gc/external.h"
#include "tests/unit/gc/test_layouts.h"

namespace tern::gc_test {
namespace {

using gc::Generation;

// What cpyext's proxies look like to the collector: the link and a count.
struct TestLink {
  gc::ExternalLink link;
  int refcount = 0;
  int64_t payload = 0;
  int released = 0;
};

TestLink* owner(gc::ExternalLink* link) { return reinterpret_cast<TestLink*>(link); }

const gc::ExternalHooks kHooks = {
    .is_strong = [](const gc::ExternalLink* link) { return reinterpret_cast<const TestLink*>(link)->refcount > 0; },
    .release = [](gc::ExternalLink* link) { owner(link)->released++; },
};

using Links = std::vector<std::unique_ptr<TestLink>>;

// Links n fresh nodes (young, or old when `old`); rooted in `roots` if given.
[[gnu::noinline]] void makeLinked(Links& links, size_t n, int refcount, bool old, gc::RootVector* roots) {
  gc::setExternalHooks(&kHooks);
  for (size_t i = 0; i < n; ++i) {
    auto payload = static_cast<int64_t>(links.size() + 1000);
    Node* node = old ? newOldNode(payload) : newNode(payload);
    auto link = std::make_unique<TestLink>();
    link->refcount = refcount;
    link->payload = payload;
    gc::addExternal(reinterpret_cast<gc::Object*>(node), &link->link);
    if (roots != nullptr) roots->push_back(val(node));
    links.push_back(std::move(link));
  }
}

// A link is intact when it names a live node carrying its payload, whose own
// lookup finds the link again.
[[gnu::noinline]] size_t intact(const Links& links) {
  size_t n = 0;
  for (const auto& l : links) {
    Value v = l->link.target;
    if (l->released != 0 || !v.isObject() || !gc::isHeapObject(v.asObject())) continue;
    if (v.asObject()->layoutId() != layouts().node || as<Node>(v)->payload != l->payload) continue;
    if (gc::findExternal(v.asObject()) != &l->link) continue;
    ++n;
  }
  return n;
}

[[gnu::noinline]] size_t released(const Links& links) {
  size_t n = 0;
  for (const auto& l : links) {
    EXPECT_LE(l->released, 1);
    n += l->released;
  }
  return n;
}

[[gnu::noinline]] void dropAll(Links& links) {
  for (auto& l : links) l->refcount = 0;
}

TEST(External, StrongLinksAreRootsAndFollowMoves) {
  Links links;
  makeLinked(links, 200, /*refcount=*/1, /*old=*/false, nullptr);
  gc::collect(Generation::kYoung);
  EXPECT_EQ(intact(links), links.size());
  gc::collect(Generation::kFull);
  EXPECT_EQ(intact(links), links.size());
  EXPECT_EQ(released(links), 0u);
  dropAll(links);
  gc::collect(Generation::kFull);
  // Stale stack words may keep a few alive; most must be released.
  EXPECT_GE(released(links), links.size() - 8);
  for (auto& l : links) {
    if (l->released == 0) gc::removeExternal(l->link.target.asObject());
  }
}

TEST(External, WeakLinksFollowRootedObjectsAndAreReleasedWhenTheyDie) {
  Links links;
  gc::RootVector roots;
  makeLinked(links, 200, /*refcount=*/0, /*old=*/false, &roots);
  gc::collect(Generation::kYoung);
  EXPECT_EQ(intact(links), links.size());
  EXPECT_EQ(released(links), 0u);
  roots.clear();
  gc::collect(Generation::kYoung);
  gc::collect(Generation::kFull);
  EXPECT_GE(released(links), links.size() - 8);
  for (auto& l : links) {
    if (l->released == 0) gc::removeExternal(l->link.target.asObject());
  }
}

TEST(External, OldObjectsReleasedByAFullCollection) {
  Links links;
  gc::RootVector roots;  // alive while they are made (stress may collect)
  makeLinked(links, 50, /*refcount=*/0, /*old=*/true, &roots);
  roots.clear();
  gc::collect(Generation::kYoung);
  EXPECT_EQ(released(links), 0u);  // old objects die only in a full collection
  gc::collect(Generation::kFull);
  EXPECT_GE(released(links), links.size() - 8);
  for (auto& l : links) {
    if (l->released == 0) gc::removeExternal(l->link.target.asObject());
  }
}

TEST(External, RemoveUnlinksWithoutRelease) {
  Links links;
  gc::RootVector roots;
  makeLinked(links, 20, /*refcount=*/1, /*old=*/false, &roots);
  for (size_t i = 0; i < links.size(); ++i) {
    gc::Object* object = roots[i].asObject();
    gc::removeExternal(object);
    EXPECT_EQ(gc::findExternal(object), nullptr);
    EXPECT_TRUE(links[i]->link.target.isNull());
  }
  links.clear();  // the links' memory goes: the collector must not touch it
  gc::collect(Generation::kYoung);
  gc::collect(Generation::kFull);
  EXPECT_EQ(roots.size(), 20u);
}

}  // namespace
}  // namespace tern::gc_test
