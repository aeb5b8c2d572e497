// Allocation tracing, for tracemalloc: while it is on, every object the heap
// allocates gets a trace — where it was allocated and its size — which
// follows the object when a minor collection moves it and goes away when a
// collection finds the object dead.
//
// The collector keeps the traces in two address-keyed tables, by the
// generation of the object, as it keeps external links (external.cc): a
// minor collection re-keys or drops the young ones, a major collection drops
// those of the old objects it sweeps.  The tracer (the _tracemalloc module)
// says what "where" is; the collector only stores it.
//
// While tracing, the inline allocation path (heap.h) is closed — its limit is
// held at its top, as under stress collections — so every allocation comes
// to the slow path, which records it; when tracing is off the inline path is
// exactly what it was.
#pragma once

#include <cstddef>

#include "runtime/gc/object.h"

namespace tern::gc {

struct AllocationTrace {
  const void* origin = nullptr;  // the tracer's record of where; never null in a trace
  size_t bytes = 0;              // the object's size, header included (its header's size)
};

// Called after every allocation while tracing, with the new object (header
// written, body zeroed, not yet initialised by its maker); returns the origin
// to keep with it, never null.  It runs inside the allocator: it must not
// allocate on the heap nor collect.
using AllocationTracer = const void* (*)(Object* object);

// Starts tracing with `tracer`; a no-op when tracing is on already.
void startAllocationTracing(AllocationTracer tracer);
// Stops tracing and forgets every trace.
void stopAllocationTracing();
bool allocationTracing();
// Forgets every trace and zeroes the traced memory and its peak; tracing goes on.
void clearAllocationTraces();

// The trace of a live object allocated while tracing (origin null if none).
AllocationTrace findAllocationTrace(Object* object);
// Calls fn for every trace.  fn must not allocate on the heap (copy the
// traces out first, then build objects).
void forEachAllocationTrace(void (*fn)(const AllocationTrace& trace, void* data), void* data);

// The bytes of the traced objects alive now (as far as the last collection
// could tell: dead objects keep their trace until a collection frees them),
// and the largest that sum has been since tracing started, was cleared, or
// the peak was reset (resetTracedPeak: the peak becomes the current sum).
struct TracedMemory {
  size_t current = 0, peak = 0;
};
TracedMemory tracedMemory();
void resetTracedPeak();
// The memory the collector's trace tables hold.
size_t allocationTraceTableBytes();

// Memory traced outside the heap: C extensions' blocks, whose traces the
// tracer keeps itself (the _tracemalloc module).  Counted in tracedMemory()
// with the heap's traces, so that the peak is that of the sum; forgotten by
// clearAllocationTraces and stopAllocationTracing (the tracer forgets its
// traces with them).  The caller holds the GIL.
void addOutsideTracedBytes(size_t bytes);
void removeOutsideTracedBytes(size_t bytes);

// Whether a collection is running: the tracer must not record Python frames
// then (recording may grow its root set).
bool collectionRunning();

}  // namespace tern::gc
