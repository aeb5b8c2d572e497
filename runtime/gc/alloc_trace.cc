// Allocation tracing (alloc_trace.h): the trace tables and what the two
// collections do with them.
//
// Heap::young_traces holds the trace of every traced young object, keyed by
// its current address, Heap::old_traces that of every traced old one.  A
// minor collection walks only the young table: a survivor's trace moves to
// its new address (and to the old table when it was promoted), a dead
// object's trace goes.  A major collection drops the traces of the old
// objects it is about to sweep.  Heap::traced counts the bytes of the traces
// in the tables (current); `g_outside_bytes` those the tracer traces outside
// the heap, and Heap::traced.peak the most the two held together (raised at
// every allocation, in or outside the heap).  The heap verifier checks
// Heap::traced.current against the tables, so outside bytes stay apart.
#include "runtime/gc/alloc_trace.h"

#include <algorithm>
#include <functional>

#include "runtime/gc/heap_internal.h"

namespace tern::gc {

namespace {

size_t g_outside_bytes = 0;

void raisePeak(Heap& h) { h.traced.peak = std::max(h.traced.peak, h.traced.current + g_outside_bytes); }

AddressTable<AllocationTrace>& tableFor(const Object* object) {
  Heap& h = heap();
  return isYoung(object) ? h.young_traces : h.old_traces;
}

void forgetTraces(Heap& h) {
  AddressTable<AllocationTrace>().swap(h.young_traces);
  AddressTable<AllocationTrace>().swap(h.old_traces);
  AddressTable<AllocationTrace>().swap(h.spare_traces);
  h.traced = {};
  g_outside_bytes = 0;
}

}  // namespace

void startAllocationTracing(AllocationTracer tracer) {
  Heap& h = heap();
  if (h.tracer != nullptr) return;
  h.tracer = tracer;
  h.every_allocation_slow = true;
  g_bump.limit = g_bump.top;  // close the inline path
}

void stopAllocationTracing() {
  Heap& h = heap();
  if (h.tracer == nullptr) return;
  h.tracer = nullptr;
  forgetTraces(h);
  h.every_allocation_slow = h.config.stress_every != 0;
  if (!h.every_allocation_slow) h.nursery.reopenCursor();
}

bool allocationTracing() { return heap().tracer != nullptr; }

void clearAllocationTraces() { forgetTraces(heap()); }

AllocationTrace findAllocationTrace(Object* object) { return tableFor(object).find(object); }

void forEachAllocationTrace(void (*fn)(const AllocationTrace& trace, void* data), void* data) {
  auto call = [&](Object*, const AllocationTrace& trace) { fn(trace, data); };
  heap().young_traces.forEach(call);
  heap().old_traces.forEach(call);
}

TracedMemory tracedMemory() {
  Heap& h = heap();
  return {.current = h.traced.current + g_outside_bytes, .peak = h.traced.peak};
}

void resetTracedPeak() {
  Heap& h = heap();
  h.traced.peak = h.traced.current + g_outside_bytes;
}

void addOutsideTracedBytes(size_t bytes) {
  g_outside_bytes += bytes;
  raisePeak(heap());
}

void removeOutsideTracedBytes(size_t bytes) { g_outside_bytes -= bytes; }

bool collectionRunning() { return heap().collecting; }

size_t allocationTraceTableBytes() {
  Heap& h = heap();
  return h.young_traces.capacityBytes() + h.old_traces.capacityBytes() + h.spare_traces.capacityBytes();
}

// ---------------------------------------------------------------------------
// The allocator and the collections

void traceAllocation(Heap& h, Object* object) {
  AllocationTrace trace{h.tracer(object), object->sizeBytes()};
  tableFor(object).insert(object, trace);
  h.traced.current += trace.bytes;
  raisePeak(h);
}

void updateYoungTraces(const std::function<Object*(Object*)>& survivor_of) {
  Heap& h = heap();
  if (h.young_traces.size() == 0) return;
  AddressTable<AllocationTrace>& before = h.spare_traces;
  before.swap(h.young_traces);
  before.forEach([&](Object* object, const AllocationTrace& trace) {
    if (Object* now = survivor_of(object)) {
      tableFor(now).insert(now, trace);
    } else {
      h.traced.current -= trace.bytes;
    }
  });
  before.clear();
}

void sweepTraces(const std::function<bool(Object*)>& is_live) {
  Heap& h = heap();
  std::vector<Object*> dead;
  h.old_traces.forEach([&](Object* object, const AllocationTrace& trace) {
    if (is_live(object)) return;
    dead.push_back(object);
    h.traced.current -= trace.bytes;
  });
  for (Object* object : dead) h.old_traces.erase(object);
}

}  // namespace tern::gc
