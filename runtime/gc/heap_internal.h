// The collector's state, shared by the files of runtime/gc/ and by nothing else.
//
// Lists the collector keeps outside the objects (all updated by every collection,
// none of them roots):
//   - young_/old_finalizable: objects registered with setFinalizable() whose
//     finalizer has not been queued; an object is on exactly one of them;
//   - young_/old_weak_holders: live objects whose layout has weak slots;
//   - young_weak_slots: old weak slots that referred to a young object when they
//     were stored (barrier.h) or after the last collection;
//   - dirty_cards: the index of every card whose byte is set, each once;
//   - shadows: young objects whose identity was taken -> their reserved old cell;
//   - young_externals, old_externals: linked objects -> their links (external.cc);
//   - young_traces, old_traces: objects allocated while tracing -> their
//     allocation traces (alloc_trace.cc).
// The queues of work for after the collection (pending_finalize,
// pending_weak_cleared) are roots: what is queued stays alive until it ran.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <unordered_map>
#include <vector>

#include "runtime/gc/alloc_trace.h"
#include "runtime/gc/external.h"
#include "runtime/gc/heap.h"
#include "runtime/gc/link_table.h"
#include "runtime/gc/nursery.h"
#include "runtime/gc/old_space.h"

namespace tern::gc {

struct Heap {
  Config config;
  Nursery nursery;
  OldSpace old;
  LayoutId shadow_layout = 0;

  std::vector<uintptr_t> dirty_cards;
  std::vector<Value*> young_weak_slots;
  std::vector<Object*> young_finalizable, old_finalizable;
  std::vector<Object*> young_weak_holders, old_weak_holders;
  std::unordered_map<Object*, Object*> shadows;
  LinkTable young_externals, old_externals;
  // Allocation tracing (alloc_trace.h): the tracer while it is on.
  AllocationTracer tracer = nullptr;
  AddressTable<AllocationTrace> young_traces, old_traces;
  // Empty between collections; a minor collection moves the young traces
  // there to re-key them, so that the young table keeps its slots from one
  // cycle to the next (it fills up with the nursery's garbage every cycle).
  AddressTable<AllocationTrace> spare_traces;
  TracedMemory traced;
  // Every allocation is to come to allocateSlow (stress collections count
  // them, the tracer records them): it holds the inline path's limit at its
  // top (bump.h).
  bool every_allocation_slow = false;
  RootVector pending_finalize;
  RootVector pending_weak_cleared;
  // setSaveUnreachable: which unreachable objects to resurrect, and those
  // resurrected (a root until takeSavedUnreachable).
  bool (*save_filter)(Object*) = nullptr;
  RootVector saved_unreachable;
  bool running_finalizers = false;

  bool collecting = false;
  uint64_t stress_collections = 0;  // counts toward Config::stress_major_every
  size_t major_threshold_bytes = 0;

  Stats stats;
  size_t pause_ring_next = 0;
};

Heap& heap();

// The two collections (scavenge.cc, mark.cc).  Callers hold no lock; the heap
// must not be collecting already.
struct MinorResult {
  std::vector<Object*> pinned;            // young objects that stayed in place
  std::vector<uintptr_t> old_candidates;  // stack words pointing into the old space
};
MinorResult scavenge(bool promote_all, bool want_old_candidates);
void markAndSweep(const MinorResult& minor);
// collectAtExit's marking (mark.cc): everything in place, no sweep.
void markInPlace();

// Every collection runs between these two (stack_scan.cc): no thread parks,
// unparks or registers in between.
void stopTheWorld();
void resumeTheWorld();
// Stack words that point into the heap, tag bits masked.  The world is stopped.
std::vector<uintptr_t> conservativeRoots();

// Finalizer queueing (finalizers.cc).
void queueWeakCleared(Object* holder);
// Is this unreachable object one setSaveUnreachable() asked to keep?
inline bool wantsSaving(Heap& h, Object* object) {
  return h.save_filter != nullptr && !object->hasFlag(header::kSaveDeclined) && h.save_filter(object);
}

// External links (external.cc): strong links as roots (only the young ones
// for a minor collection); after a minor collection, moving or releasing the
// young ones (survivor_of: the object's new address, null if it died); after
// marking, releasing the links of dead objects.
void traceStrongExternals(RootVisitor& visitor, bool young_only);
void updateYoungExternals(const std::function<Object*(Object*)>& survivor_of);
void sweepExternals(const std::function<bool(Object*)>& is_live);
void beginFullExternals();
void endFullExternals();
// At a full collection: the C memory's references of a linked object (the
// hooks' trace), called as the object is traced.
void traceExternalContents(Object* object, SlotVisitor& visitor);

// Allocation traces (alloc_trace.cc): recording a new object; after a minor
// collection, moving or dropping the young ones (survivor_of as above);
// after marking, dropping those of dead objects.
void traceAllocation(Heap& h, Object* object);
void updateYoungTraces(const std::function<Object*(Object*)>& survivor_of);
void sweepTraces(const std::function<bool(Object*)>& is_live);

void recordPause(Generation generation, std::chrono::nanoseconds pause);

}  // namespace tern::gc
