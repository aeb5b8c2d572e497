// The _tracemalloc module: traces of the objects allocated while tracing.
//
// The collector keeps the traces (runtime/gc/alloc_trace.h): while tracing,
// every heap allocation comes to its slow path, which records the object's
// size and what traceOrigin() below answers, and the trace follows the object
// as it moves and goes when a collection frees it.  This module decides what
// is recorded: the traceback of the Python code running, as (code, last
// instruction) pairs, most recent first, at most `nframe` of them.  Lines are
// not computed at allocation — decoding a code object's line table may
// allocate, and the tracer runs inside the allocator — but when traces are
// read (_get_traces, _get_object_traceback).
//
// Tracebacks are interned: one record per distinct traceback, shared by every
// trace that has it and kept until clear_traces() or stop(), as CPython keeps
// its own.  Records name code objects by address: code objects never move
// (runtime/interp/code.h), and `codes` keeps every one a record names alive,
// so an address cannot be reused while a record holds it.
//
// Sizes are Tern's: an object's size in the heap, header included (what
// gc::AllocationTrace::bytes says), not CPython's (docs/differences.md).
#include "runtime/modules/_tracemalloc.h"

#include <cerrno>
#include <climits>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "runtime/gc/alloc_trace.h"
#include "runtime/gc/heap.h"
#include "runtime/interp/code.h"
#include "runtime/interp/config.h"
#include "runtime/interp/errors.h"
#include "runtime/interp/frame.h"
#include "runtime/interp/opcodes.h"
#include "runtime/interp/thread_state.h"
#include "runtime/modules/module.h"
#include "runtime/objects/int.h"
#include "runtime/objects/list.h"
#include "runtime/objects/native.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"

namespace tern {

namespace {

constexpr int kMaxFrames = 65535;  // CPython's MAX_NFRAME (a uint16_t count)

struct TraceFrame {
  CodeObj* code;
  int64_t lasti;  // the instruction running, >= 0
  bool operator==(const TraceFrame&) const = default;
};

struct Traceback {
  std::vector<TraceFrame> frames;  // most recent first; empty: no Python frame ran
  uint32_t total_nframe = 0;       // frames on the stack, up to kMaxFrames
  bool operator==(const Traceback&) const = default;
};

struct TracebackHash {
  size_t operator()(const Traceback& t) const {
    uint64_t h = t.total_nframe;
    for (const TraceFrame& f : t.frames) {
      h = (h ^ reinterpret_cast<uintptr_t>(f.code)) * 0x100000001b3ull;
      h = (h ^ static_cast<uint64_t>(f.lasti)) * 0x100000001b3ull;
    }
    return static_cast<size_t>(h ^ (h >> 29));
  }
};

struct {
  bool tracing = false;
  int traceback_limit = 1;
  // Interned tracebacks; a node set, so a record's address is stable and is
  // what the collector keeps as the trace's origin.
  std::unordered_set<Traceback, TracebackHash> tracebacks;
  std::unordered_set<CodeObj*> code_set;  // the code objects `codes` holds
  gc::RootVector codes;
  Traceback scratch;  // traceOrigin's buffer, reused
} g_state;

// Has the frame left its code's prologue (opcodes.def: COPY_FREE_VARS,
// MAKE_CELL, RETURN_GENERATOR)?  CPython leaves frames still in their
// prologue — before RESUME, "incomplete" — out of tracebacks: a cell or a
// generator made there is allocated by the caller's line.
bool frameStarted(const interp::Frame* f) {
  if (f->lasti() < 0) return false;
  interp::Op op = interp::opOf(*f->instr());
  return op != interp::Op::COPY_FREE_VARS && op != interp::Op::MAKE_CELL && op != interp::Op::RETURN_GENERATOR;
}

// The tracer (gc::AllocationTracer): the current thread's traceback, interned.
// Runs inside the allocator: allocates nothing on the heap.
const void* traceOrigin(gc::Object*) {
  Traceback& t = g_state.scratch;
  t.frames.clear();
  t.total_nframe = 0;
  interp::ThreadState* ts = interp::currentThread();
  for (interp::Frame* f = ts == nullptr ? nullptr : ts->frame; f != nullptr; f = f->previous()) {
    if (!frameStarted(f)) continue;
    if (t.frames.size() < static_cast<size_t>(g_state.traceback_limit)) {
      t.frames.push_back({f->codeObj(), f->lasti()});
    }
    if (t.total_nframe < kMaxFrames) ++t.total_nframe;
  }
  auto [it, inserted] = g_state.tracebacks.insert(t);
  if (inserted) {
    for (const TraceFrame& f : it->frames) {
      if (g_state.code_set.insert(f.code).second) g_state.codes.push_back(Value(f.code));
    }
  }
  return &*it;
}

void forgetTracebacks() {
  g_state.tracebacks.clear();
  g_state.code_set.clear();
  g_state.codes.clear();
}

bool startTracing(int nframe) {
  if (nframe < 1 || nframe > kMaxFrames) {
    raise(exc::ValueError, "the number of frames must be in range [1; 65535]");
    return false;
  }
  if (g_state.tracing) return true;  // nothing changes, the limit included (as CPython)
  g_state.traceback_limit = nframe;
  g_state.tracing = true;
  gc::startAllocationTracing(traceOrigin);
  return true;
}

// --- reading traces -----------------------------------------------------------

// Traceback records as Python tuples of (filename, lineno) pairs, made once
// per distinct list of lines and shared by every trace with those lines
// (records differ by instruction, several instructions share a line), as
// CPython's _get_traces shares them.
class TracebackTuples {
 public:
  Value get(const Traceback* t) {
    auto found = by_record_.find(t);
    if (found != by_record_.end()) return tuples_[found->second];
    Lines lines;
    for (const TraceFrame& f : t->frames) lines.emplace_back(f.code, codeLine(f.code, f.lasti));  // may allocate
    auto [it, inserted] = by_lines_.try_emplace(lines, tuples_.size());
    if (inserted) {
      Value tuple = make(lines);
      if (tuple.isNull()) {
        by_lines_.erase(it);
        return Value();
      }
      tuples_.push_back(tuple);
    }
    by_record_.emplace(t, it->second);
    return tuples_[it->second];
  }

 private:
  using Lines = std::vector<std::pair<CodeObj*, int>>;

  static Value make(const Lines& lines) {
    if (lines.empty()) {  // CPython's "empty traceback": one unknown frame
      Value frame = newTupleOf({newStr("<unknown>"), newInt(0)});
      return frame.isNull() ? Value() : newTupleOf({frame});
    }
    Value tuple = newTuple(static_cast<int64_t>(lines.size()));
    if (tuple.isNull()) return Value();
    for (size_t i = 0; i < lines.size(); ++i) {
      auto [code, line] = lines[i];
      Value frame = newTupleOf({code->filename.get(), newInt(line < 0 ? 0 : line)});
      if (frame.isNull()) return Value();
      tupleInit(tuple, static_cast<int64_t>(i), frame);
    }
    return tuple;
  }

  std::unordered_map<const Traceback*, size_t> by_record_;
  std::map<Lines, size_t> by_lines_;
  gc::RootVector tuples_;
};

uint32_t totalFrames(const Traceback* t) { return t->frames.empty() ? 1 : t->total_nframe; }

// --- module functions ---------------------------------------------------------

Value _tracemalloc_start(Value* args) {
  int nframe;
  if (!argCInt(args[1], &nframe)) return Value();
  if (!startTracing(nframe)) return Value();
  return None();
}

Value _tracemalloc_stop(Value*) {
  if (g_state.tracing) {
    g_state.tracing = false;
    gc::stopAllocationTracing();
    forgetTracebacks();
  }
  return None();
}

Value _tracemalloc_is_tracing(Value*) { return Bool(g_state.tracing); }
Value _tracemalloc_get_traceback_limit(Value*) { return newInt(g_state.traceback_limit); }

Value _tracemalloc_clear_traces(Value*) {
  if (g_state.tracing) {
    gc::clearAllocationTraces();  // first: the traces point at the records
    forgetTracebacks();
  }
  return None();
}

Value _tracemalloc_get_traced_memory(Value*) {
  if (!g_state.tracing) return newTupleOf({newInt(0), newInt(0)});
  gc::TracedMemory m = gc::tracedMemory();
  return newTupleOf({newIntUnsigned(m.current), newIntUnsigned(m.peak)});
}

Value _tracemalloc_reset_peak(Value*) {
  if (g_state.tracing) gc::resetTracedPeak();
  return None();
}

Value _tracemalloc_get_tracemalloc_memory(Value*) {
  // The collector's tables, the records and their frames, the code set.
  size_t bytes = sizeof(g_state) + gc::allocationTraceTableBytes();
  bytes += g_state.tracebacks.bucket_count() * sizeof(void*);
  for (const Traceback& t : g_state.tracebacks) {
    bytes += sizeof(Traceback) + 2 * sizeof(void*) + t.frames.capacity() * sizeof(TraceFrame);
  }
  bytes += g_state.code_set.bucket_count() * sizeof(void*) + g_state.code_set.size() * 3 * sizeof(void*);
  bytes += g_state.codes.size() * sizeof(Value);
  return newIntUnsigned(bytes);
}

Value _tracemalloc__get_traces(Value*) {
  Value list = newList();
  if (list.isNull() || !g_state.tracing) return list;
  // Copied out first: making the result allocates, which adds traces.
  std::vector<gc::AllocationTrace> traces;
  auto copy = [](const gc::AllocationTrace& trace, void* data) {
    static_cast<std::vector<gc::AllocationTrace>*>(data)->push_back(trace);
  };
  gc::forEachAllocationTrace(copy, &traces);
  TracebackTuples tuples;
  for (const gc::AllocationTrace& trace : traces) {
    const auto* t = static_cast<const Traceback*>(trace.origin);
    Value tb = tuples.get(t);
    if (tb.isNull()) return Value();
    Value entry = newTupleOf({newInt(0), newIntUnsigned(trace.bytes), tb, newIntUnsigned(totalFrames(t))});
    if (entry.isNull() || !listAppend(list, entry)) return Value();
  }
  return list;
}

Value _tracemalloc__get_object_traceback(Value* args) {
  Value obj = args[1];
  if (!g_state.tracing || !obj.isObject()) return None();
  gc::AllocationTrace trace = gc::findAllocationTrace(obj.asObject());
  if (trace.origin == nullptr) return None();
  TracebackTuples tuples;
  return tuples.get(static_cast<const Traceback*>(trace.origin));
}

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

// A frame count as CPython reads it: a whole decimal int >= 0; -1 otherwise.
int parseFrameCount(const char* text) {
  errno = 0;
  char* end = nullptr;
  long n = std::strtol(text, &end, 10);
  if (end == text || *end != '\0' || errno != 0 || n < 0 || n > INT_MAX) return -1;
  return static_cast<int>(n);
}

}  // namespace

std::string startTracemallocFromConfig() {
  const std::string kPreinitialized = "\nPython runtime state: preinitialized";
  const Config& c = config();
  int nframe = 0;
  if (const char* v = c.env("PYTHONTRACEMALLOC")) {
    nframe = parseFrameCount(v);
    if (nframe < 0) return "config_init_tracemalloc: PYTHONTRACEMALLOC: invalid number of frames" + kPreinitialized;
  }
  if (c.hasXOption("tracemalloc")) {
    const std::string* v = c.xoptionValue("tracemalloc");
    // No value is 1; an empty one, as CPython reads it, 0.
    nframe = v == nullptr ? 1 : v->empty() ? 0 : parseFrameCount(v->c_str());
    if (nframe < 0) return "config_init_tracemalloc: -X tracemalloc=NFRAME: invalid number of frames" + kPreinitialized;
  }
  if (nframe == 0) return "";
  if (!startTracing(nframe)) {
    clearError();
    return "init_interp_main: can't initialize tracemalloc\nPython runtime state: core initialized\n"
           "ValueError: the number of frames must be in range [1; 65535]";
  }
  return "";
}

}  // namespace tern
