// External links (external.h): the table from objects to their links, and
// what the two collections do with it.
//
// Heap::externals maps each linked object's current address to its link;
// Heap::young_externals lists (object, link) for the links whose object was
// young after the last collection or when linked, so that a minor collection
// touches only those.  Both are kept exact: removeExternal() takes the entry
// out of both, since the link's memory may be freed right after.
#include "runtime/gc/external.h"

#include <algorithm>
#include <cassert>
#include <functional>

#include "runtime/gc/heap_internal.h"

namespace tern::gc {

namespace {
const ExternalHooks* g_hooks = nullptr;
}

void setExternalHooks(const ExternalHooks* hooks) { g_hooks = hooks; }

ExternalLink* findExternalSlow(Object* object) {
  auto it = heap().externals.find(object);
  return it == heap().externals.end() ? nullptr : it->second;
}

void addExternal(Object* object, ExternalLink* link) {
  assert(g_hooks != nullptr && !object->hasFlag(header::kHasExternal));
  Heap& h = heap();
  link->target = Value(object);
  object->setFlag(header::kHasExternal);
  h.externals.emplace(object, link);
  if (isYoung(object)) h.young_externals.emplace_back(object, link);
}

void removeExternal(Object* object) {
  Heap& h = heap();
  auto it = h.externals.find(object);
  if (it == h.externals.end()) return;
  ExternalLink* link = it->second;
  h.externals.erase(it);
  object->clearFlag(header::kHasExternal);
  if (isYoung(object)) {
    auto& young = h.young_externals;
    young.erase(std::find(young.begin(), young.end(), std::make_pair(object, link)));
  }
  link->target = Value();
}

size_t externalCount() { return heap().externals.size(); }

void forEachExternal(void (*fn)(ExternalLink* link, void* data), void* data) {
  for (auto& [object, link] : heap().externals) fn(link, data);
}

void beginFullExternals() {
  if (g_hooks != nullptr && g_hooks->begin_full != nullptr) g_hooks->begin_full();
}

void endFullExternals() {
  if (g_hooks != nullptr && g_hooks->end_full != nullptr) g_hooks->end_full();
}

// ---------------------------------------------------------------------------
// Collections

void traceStrongExternals(RootVisitor& visitor, bool young_only) {
  if (g_hooks == nullptr) return;
  Heap& h = heap();
  if (young_only) {
    for (auto [object, link] : h.young_externals) {
      if (g_hooks->is_strong(link)) visitor.visitRoot(&link->target);
    }
    return;
  }
  for (auto& [object, link] : h.externals) {
    if (g_hooks->is_strong(link)) visitor.visitRoot(&link->target);
  }
}

void updateYoungExternals(const std::function<Object*(Object*)>& survivor_of) {
  Heap& h = heap();
  std::vector<std::pair<Object*, ExternalLink*>> entries;
  entries.swap(h.young_externals);
  // Take every moved or dead entry out of the table first, then put the
  // survivors back under their new addresses: an object's new address may be
  // another (dead) object's old one.
  std::vector<std::pair<Object*, ExternalLink*>> moved;
  std::vector<ExternalLink*> dead;
  for (auto [object, link] : entries) {
    // Strong links were visited as roots (their target is the new address
    // already); survivor_of answers for both kinds from the old address.
    Object* now = survivor_of(object);
    if (now == object) {
      h.young_externals.emplace_back(object, link);
      continue;
    }
    h.externals.erase(object);
    if (now == nullptr) {
      dead.push_back(link);
    } else {
      moved.emplace_back(now, link);
    }
  }
  for (auto [object, link] : moved) {
    link->target = Value(object);
    h.externals.emplace(object, link);
    if (isYoung(object)) h.young_externals.emplace_back(object, link);
  }
  for (ExternalLink* link : dead) {
    link->target = Value();
    g_hooks->release(link);
  }
}

void sweepExternals(const std::function<bool(Object*)>& is_live) {
  Heap& h = heap();
  std::vector<ExternalLink*> dead;
  for (auto it = h.externals.begin(); it != h.externals.end();) {
    if (is_live(it->first)) {
      ++it;
      continue;
    }
    dead.push_back(it->second);
    it = h.externals.erase(it);
  }
  h.young_externals.clear();
  for (auto& [object, link] : h.externals) {
    if (isYoung(object)) h.young_externals.emplace_back(object, link);
  }
  for (ExternalLink* link : dead) {
    link->target = Value();
    g_hooks->release(link);
  }
}

}  // namespace tern::gc
