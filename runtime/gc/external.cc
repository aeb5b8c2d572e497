// External links (external.h): the tables from objects to their links, and
// what the two collections do with them.
//
// Two tables, by the generation of the linked object: Heap::young_externals
// holds every link whose object is young, Heap::old_externals every other.
// A minor collection walks only the young table, which stays small; an
// object's entry moves to the old table when the object is promoted.  The
// key is always the object's current address.
#include "runtime/gc/external.h"

#include <cassert>
#include <functional>
#include <vector>

#include "runtime/gc/heap_internal.h"

namespace tern::gc {

namespace {

const ExternalHooks* g_hooks = nullptr;

LinkTable& tableFor(const Object* object) {
  Heap& h = heap();
  return isYoung(object) ? h.young_externals : h.old_externals;
}

}  // namespace

void setExternalHooks(const ExternalHooks* hooks) { g_hooks = hooks; }

ExternalLink* findExternalSlow(Object* object) { return tableFor(object).find(object); }

void addExternal(Object* object, ExternalLink* link) {
  assert(g_hooks != nullptr && !object->hasFlag(header::kHasExternal));
  link->target = Value(object);
  object->setFlag(header::kHasExternal);
  tableFor(object).insert(object, link);
}

void removeExternal(Object* object) {
  LinkTable& table = tableFor(object);
  ExternalLink* link = table.find(object);
  if (link == nullptr) return;
  table.erase(object);
  object->clearFlag(header::kHasExternal);
  link->target = Value();
}

size_t externalCount() { return heap().young_externals.size() + heap().old_externals.size(); }

void forEachExternal(void (*fn)(ExternalLink* link, void* data), void* data) {
  auto call = [&](Object*, ExternalLink* link) { fn(link, data); };
  heap().young_externals.forEach(call);
  heap().old_externals.forEach(call);
}

void beginFullExternals() {
  if (g_hooks != nullptr && g_hooks->begin_full != nullptr) g_hooks->begin_full();
}

void traceExternalContents(Object* object, SlotVisitor& visitor) {
  if (g_hooks == nullptr || g_hooks->trace == nullptr) return;
  if (ExternalLink* link = findExternal(object)) g_hooks->trace(link, visitor);
}

void endFullExternals() {
  if (g_hooks != nullptr && g_hooks->end_full != nullptr) g_hooks->end_full();
}

// ---------------------------------------------------------------------------
// Collections

void traceStrongExternals(RootVisitor& visitor, bool young_only) {
  if (g_hooks == nullptr) return;
  Heap& h = heap();
  auto visit = [&](Object*, ExternalLink* link) {
    if (g_hooks->is_strong(link)) visitor.visitRoot(&link->target);
  };
  h.young_externals.forEach(visit);
  if (!young_only) h.old_externals.forEach(visit);
}

void updateYoungExternals(const std::function<Object*(Object*)>& survivor_of) {
  Heap& h = heap();
  LinkTable before;
  before.swap(h.young_externals);
  // Strong links were visited as roots (their target is the new address
  // already); survivor_of answers for both kinds from the old address.
  std::vector<ExternalLink*> dead;
  before.forEach([&](Object* object, ExternalLink* link) {
    Object* now = survivor_of(object);
    if (now == nullptr) {
      dead.push_back(link);
      return;
    }
    link->target = Value(now);
    tableFor(now).insert(now, link);
  });
  for (ExternalLink* link : dead) {
    link->target = Value();
    g_hooks->release(link);
  }
}

void sweepExternals(const std::function<bool(Object*)>& is_live) {
  Heap& h = heap();
  std::vector<std::pair<Object*, ExternalLink*>> dead;
  auto collect = [&](Object* object, ExternalLink* link) {
    if (!is_live(object)) dead.emplace_back(object, link);
  };
  h.young_externals.forEach(collect);
  h.old_externals.forEach(collect);
  for (auto [object, link] : dead) tableFor(object).erase(object);
  for (auto [object, link] : dead) {
    link->target = Value();
    g_hooks->release(link);
  }
}

}  // namespace tern::gc
