// Allocation and the decision when to collect.
#include "runtime/gc/heap.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "runtime/gc/external_memory.h"
#include "runtime/gc/heap_internal.h"
#include "runtime/gc/sanitizer.h"

namespace tern::gc {

namespace {

Heap* g_heap = nullptr;
void (*g_collection_prologue)() = nullptr;
CollectionObserver g_observer;

const Layout kShadowLayout{.name = "identity shadow"};

void verifyOrDie(const char* when) {
  std::vector<std::string> problems = verifyHeap();
  if (problems.empty()) return;
  std::fprintf(stderr, "tern: heap verification failed %s (%zu problems):\n", when, problems.size());
  for (size_t i = 0; i < problems.size() && i < 20; ++i) std::fprintf(stderr, "  %s\n", problems[i].c_str());
  std::abort();
}

void updateMajorThreshold(Heap& h) {
  h.major_threshold_bytes = std::max(
      h.config.major_min_bytes, static_cast<size_t>(static_cast<double>(h.old.liveBytes()) * h.config.major_growth));
}

// Runs one collection of the given generation, with the verifier around it when
// asked for.  Not reentrant: collections never nest.
void runCollection(Generation generation) {
  Heap& h = heap();
  if (h.collecting) {
    std::fprintf(stderr, "tern: internal error: a collection started inside a collection\n");
    std::abort();
  }
  if (g_collection_prologue != nullptr) g_collection_prologue();
  if (g_observer.before != nullptr) g_observer.before(generation);
  if (h.config.verify) verifyOrDie("before a collection");
  h.collecting = true;
  stopTheWorld();
  auto start = std::chrono::steady_clock::now();
  if (generation == Generation::kYoung) {
    scavenge(/*promote_all=*/false, /*want_old_candidates=*/false);
    ++h.stats.minor_collections;
  } else {
    markAndSweep(scavenge(/*promote_all=*/true, /*want_old_candidates=*/true));
    updateMajorThreshold(h);
    ++h.stats.major_collections;  // its minor part is not counted as a minor collection
  }
  recordPause(generation, std::chrono::steady_clock::now() - start);
  noteCollectionForExternalMemory(generation == Generation::kFull);
  resumeTheWorld();
  h.collecting = false;
  if (h.config.verify) verifyOrDie("after a collection");
  if (g_observer.after != nullptr) g_observer.after(generation);
}

// A minor collection, followed by a major one when the old space has grown enough.
void collectForAllocation() {
  Heap& h = heap();
  runCollection(Generation::kYoung);
  if (h.config.automatic_major && h.old.liveBytes() >= h.major_threshold_bytes) runCollection(Generation::kFull);
}

void stressCollect() {
  Heap& h = heap();
  ++h.stress_collections;
  bool major = h.config.stress_major_every != 0 && h.stress_collections % h.config.stress_major_every == 0;
  runCollection(major ? Generation::kFull : Generation::kYoung);
}

}  // namespace

Heap& heap() { return *g_heap; }
Config& config() { return g_heap->config; }

void initialize(const Config& config) {
  if (g_heap != nullptr) {
    std::fprintf(stderr, "tern: the heap is initialised twice\n");
    std::abort();
  }
  g_heap = new Heap();
  Heap& h = *g_heap;
  h.config = config;
  h.nursery.init(config.nursery_bytes, config.huge_pages);
  h.old.init(config.old_reserve_bytes, config.huge_pages);
  h.shadow_layout = registerLayout(&kShadowLayout);
  h.stats.young_capacity_bytes = h.nursery.capacityBytes();
  if (config.stress_every != 0) g_bump.stress_countdown = config.stress_every;
  h.every_allocation_slow = config.stress_every != 0;
  updateMajorThreshold(h);
  static MutatorThread main_thread;
}

namespace {

// The rest of both allocation paths once the space is chosen: `object` is a cell
// of `bytes`, or null for "the old space".  Returns null only when `fallible`
// and the old space has no room.
Object* finishAllocation(Heap& h, Object* object, LayoutId layout, size_t bytes, bool fallible = false) {
  bool zeroed = false;
  if (object == nullptr) {
    if (h.config.automatic_major && h.old.liveBytes() + bytes >= h.major_threshold_bytes) {
      runCollection(Generation::kFull);
    }
    object = fallible ? h.old.tryAllocate(bytes, &zeroed) : h.old.allocate(bytes, &zeroed);
    if (object == nullptr) return nullptr;
    h.stats.bytes_allocated += bytes;
  }
  asanUnpoison(object, bytes);
  object->header_word = header::make(layout, bytes);
  if (!zeroed) std::memset(object->bytes() + kHeaderBytes, 0, bytes - kHeaderBytes);
  if (!layoutOf(layout).weak_fields.empty()) {
    (isYoung(object) ? h.young_weak_holders : h.old_weak_holders).push_back(object);
  }
  return object;
}

// Counts an allocation towards the next stress collection and runs it when
// due.  Every allocation comes through here while stress collections run:
// the inline path's limit is kept at its top (bump.h).
void stressIfDue() {
  if (--g_bump.stress_countdown == 0) {
    g_bump.stress_countdown = heap().config.stress_every;
    stressCollect();
  }
}

}  // namespace

Object* allocateSlow(LayoutId layout, size_t bytes) {
  Heap& h = heap();
  stressIfDue();
  Object* object = nullptr;
  if (bytes <= kMaxYoungObjectBytes) {
    object = h.nursery.tryAllocate(bytes);
    if (object == nullptr) {
      collectForAllocation();
      object = h.nursery.tryAllocate(bytes);
    }
    if (h.every_allocation_slow) g_bump.limit = g_bump.top;
  }
  // Objects too big for the nursery, and young ones when pinned objects have left
  // it no room, live in the old space from the start.
  object = finishAllocation(h, object, layout, bytes);
  if (h.tracer != nullptr) traceAllocation(h, object);
  return object;
}

Object* tryAllocateLarge(LayoutId layout, size_t bytes) {
  Heap& h = heap();
  if (bytes > h.old.reservedBytes()) return nullptr;  // no collection can make room
  bytes = (bytes + kWordBytes - 1) & ~(kWordBytes - 1);
  stressIfDue();
  if (!h.old.hasRoomFor(bytes)) runCollection(Generation::kFull);  // dead large objects may leave room
  Object* object = finishAllocation(h, nullptr, layout, bytes, /*fallible=*/true);
  if (object != nullptr && h.tracer != nullptr) traceAllocation(h, object);
  return object;
}

Object* allocateOld(LayoutId layout, size_t bytes) {
  Heap& h = heap();
  bytes = bytes < kMinObjectBytes ? kMinObjectBytes : (bytes + kWordBytes - 1) & ~(kWordBytes - 1);
  stressIfDue();
  Object* object = finishAllocation(h, nullptr, layout, bytes);
  if (h.tracer != nullptr) traceAllocation(h, object);
  return object;
}

void collect(Generation generation) { runCollection(generation); }

void collectAtExit() {
  Heap& h = heap();
  if (h.collecting) {
    std::fprintf(stderr, "tern: internal error: a collection started inside a collection\n");
    std::abort();
  }
  if (g_collection_prologue != nullptr) g_collection_prologue();
  if (h.config.verify) verifyOrDie("before the collection at exit");
  h.collecting = true;
  stopTheWorld();
  markInPlace();
  resumeTheWorld();
  h.collecting = false;
  if (h.config.verify) verifyOrDie("after the collection at exit");
}

void setCollectionPrologue(void (*prologue)()) { g_collection_prologue = prologue; }

void setCollectionObserver(const CollectionObserver& observer) { g_observer = observer; }

bool isHeapObject(const void* address) {
  auto a = reinterpret_cast<uintptr_t>(address);
  Heap& h = heap();
  if (isYoungAddress(a)) return h.nursery.isObjectStart(a);
  if (isOldAddress(a))
    return h.old.isObjectStart(a) && reinterpret_cast<const Object*>(a)->layoutId() != h.shadow_layout;
  return false;
}

// Called by the write barrier when a card becomes dirty.
void noteDirtyCard(uintptr_t card_index) {
  g_bounds.cards[card_index] = 1;
  heap().dirty_cards.push_back(card_index);
}

void noteYoungWeakSlot(Value* slot) { heap().young_weak_slots.push_back(slot); }

void moveSlots(HeapValue* dst, HeapValue* src, size_t n) {
  if (n == 0) return;
  std::memmove(static_cast<void*>(dst), static_cast<const void*>(src), n * sizeof(HeapValue));
  if (!isOld(dst)) return;
  if (!isOld(src)) {  // from a young object: the values say which cards need marking
    for (size_t i = 0; i < n; ++i) writeBarrier(&dst[i], dst[i].get());
    return;
  }
  // Each dirty card of the source dirties the cards its slots moved to.
  constexpr size_t kSlotsPerCard = kCardBytes / sizeof(HeapValue);
  auto cardOf = [](const void* p) { return (reinterpret_cast<uintptr_t>(p) - g_bounds.old_lo) >> kCardShift; };
  size_t i = 0;
  while (i < n) {
    uintptr_t card = cardOf(src + i);
    size_t in_card = kSlotsPerCard - ((reinterpret_cast<uintptr_t>(src + i) & (kCardBytes - 1)) / sizeof(HeapValue));
    size_t end = std::min(n, i + in_card);
    if (g_bounds.cards[card] != 0) {
      for (uintptr_t c = cardOf(dst + i), last = cardOf(dst + end - 1); c <= last; ++c) {
        if (g_bounds.cards[c] == 0) noteDirtyCard(c);
      }
    }
    i = end;
  }
}

void storeSlots(HeapValue* dst, const Value* src, size_t n) {
  if (n == 0) return;
  std::memcpy(static_cast<void*>(dst), static_cast<const void*>(src), n * sizeof(HeapValue));
  if (!isOld(dst)) return;
  for (size_t i = 0; i < n; ++i) writeBarrier(&dst[i], src[i]);
}

}  // namespace tern::gc
