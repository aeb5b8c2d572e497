// The _tracemalloc module, reduced to what Tern can answer honestly.
//
// Tern has no malloc hooks and records no allocation tracebacks: objects
// are bump-allocated in the nursery without a per-object call-out.  So:
//   - start()/stop()/is_tracing()/get_traceback_limit() keep CPython's
//     state and argument checks;
//   - get_traced_memory() returns (current, peak) in bytes measured on the
//     GC heap: "current" is what the old space holds in use after a full
//     collection, minus what it held at start() (or clear_traces());
//     "peak" is the largest "current" seen by a call, not the true peak
//     between calls.  Each call runs a full collection;
//   - _get_traces() is empty (so tracemalloc.take_snapshot() gives an empty
//     snapshot) and _get_object_traceback() is None;
//   - get_tracemalloc_memory() is 0: nothing is kept per allocation.
// docs/differences.md says the same to users.
#include <cstdint>

#include "runtime/gc/heap.h"
#include "runtime/interp/errors.h"
#include "runtime/modules/module.h"
#include "runtime/objects/int.h"
#include "runtime/objects/list.h"
#include "runtime/objects/native.h"
#include "runtime/objects/tuple.h"

namespace tern {

namespace {

struct {
  bool tracing = false;
  int traceback_limit = 1;
  uint64_t baseline = 0;  // old-space bytes in use at start() / clear_traces()
  uint64_t peak = 0;
} g_state;

uint64_t liveBytes() {
  gc::collect(gc::Generation::kFull);
  return gc::stats().old_live_bytes;
}

uint64_t currentTraced() {
  uint64_t live = liveBytes();
  uint64_t current = live > g_state.baseline ? live - g_state.baseline : 0;
  if (current > g_state.peak) g_state.peak = current;
  return current;
}

Value _tracemalloc_start(Value* args) {
  int nframe;
  if (!argCInt(args[1], &nframe)) return Value();
  if (nframe < 1 || nframe > 65535) return raise(exc::ValueError, "the number of frames must be in range [1; 65535]");
  if (!g_state.tracing) {  // already tracing: nothing changes, the limit included
    g_state.traceback_limit = nframe;
    g_state.baseline = liveBytes();
    g_state.peak = 0;
    g_state.tracing = true;
  }
  return None();
}

Value _tracemalloc_stop(Value*) {
  g_state.tracing = false;
  g_state.baseline = 0;
  g_state.peak = 0;
  return None();
}

Value _tracemalloc_is_tracing(Value*) { return Bool(g_state.tracing); }
Value _tracemalloc_get_traceback_limit(Value*) { return newInt(g_state.traceback_limit); }

Value _tracemalloc_clear_traces(Value*) {
  if (g_state.tracing) {
    g_state.baseline = liveBytes();
    g_state.peak = 0;
  }
  return None();
}

Value _tracemalloc_get_traced_memory(Value*) {
  if (!g_state.tracing) return newTupleOf({newInt(0), newInt(0)});
  uint64_t current = currentTraced();
  return newTupleOf({newIntUnsigned(current), newIntUnsigned(g_state.peak)});
}

Value _tracemalloc_reset_peak(Value*) {
  if (g_state.tracing) {
    g_state.peak = 0;
    g_state.peak = currentTraced();
  }
  return None();
}

Value _tracemalloc_get_tracemalloc_memory(Value*) { return newInt(0); }
Value _tracemalloc__get_traces(Value*) { return newList(); }
Value _tracemalloc__get_object_traceback(Value*) { return None(); }

const MethodDef kTracemallocFunctions[] = {
    {.name = "is_tracing",
     .signature = "($module, /)",
     .fn = _tracemalloc_is_tracing,
     .doc = "Return True if the tracemalloc module is tracing Python memory allocations."},
    {.name = "clear_traces",
     .signature = "($module, /)",
     .fn = _tracemalloc_clear_traces,
     .doc = "Clear traces of memory blocks allocated by Python."},
    {.name = "_get_traces",
     .signature = "($module, /)",
     .fn = _tracemalloc__get_traces,
     .doc = "Get traces of all memory blocks allocated by Python.\n\nReturn a list of (size: int, traceback: tuple) "
            "tuples.\ntraceback is a tuple of (filename: str, lineno: int) tuples.\n\nReturn an empty list if the "
            "tracemalloc module is disabled."},
    {.name = "_get_object_traceback",
     .signature = "($module, obj, /)",
     .fn = _tracemalloc__get_object_traceback,
     .doc = "Get the traceback where the Python object obj was allocated.\n\nReturn a tuple of (filename: str, "
            "lineno: int) tuples.\nReturn None if the tracemalloc module is disabled or did not\ntrace the "
            "allocation of the object."},
    {.name = "start",
     .signature = "($module, nframe=1, /)",
     .fn = _tracemalloc_start,
     .doc = "Start tracing Python memory allocations.\n\nAlso set the maximum number of frames stored in the "
            "traceback of a\ntrace to nframe."},
    {.name = "stop",
     .signature = "($module, /)",
     .fn = _tracemalloc_stop,
     .doc = "Stop tracing Python memory allocations.\n\nAlso clear traces of memory blocks allocated by Python."},
    {.name = "get_traceback_limit",
     .signature = "($module, /)",
     .fn = _tracemalloc_get_traceback_limit,
     .doc = "Get the maximum number of frames stored in the traceback of a trace.\n\nBy default, a trace of an "
            "allocated memory block only stores\nthe most recent frame: the limit is 1."},
    {.name = "get_tracemalloc_memory",
     .signature = "($module, /)",
     .fn = _tracemalloc_get_tracemalloc_memory,
     .doc = "Get the memory usage in bytes of the tracemalloc module.\n\nThis memory is used internally to trace "
            "memory allocations."},
    {.name = "get_traced_memory",
     .signature = "($module, /)",
     .fn = _tracemalloc_get_traced_memory,
     .doc = "Get the current size and peak size of memory blocks traced by tracemalloc.\n\nReturns a tuple: "
            "(current: int, peak: int)."},
    {.name = "reset_peak",
     .signature = "($module, /)",
     .fn = _tracemalloc_reset_peak,
     .doc = "Set the peak size of memory blocks traced by tracemalloc to the current size.\n\nDo nothing if the "
            "tracemalloc module is not tracing memory allocations."},
};

const NativeModuleDef kTracemallocModule = {
    .name = "_tracemalloc",
    .methods = kTracemallocFunctions,
    .doc = "Debug module to trace memory blocks allocated by Python.",
};
TERN_REGISTER_MODULE(kTracemallocModule);

}  // namespace

}  // namespace tern
