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
//
// Memory outside the heap — C extensions' blocks, which cpyext reports
// through tracemalloc::track/untrack (its allocators in domain 0, numpy's
// array data in domain 389047 through PyTraceMalloc_Track) — has its traces
// here, in `c_traces`, keyed by (domain, address) as CPython keys them, with
// the size C asked for; their bytes count in the collector's sums
// (gc::addOutsideTracedBytes) so that get_traced_memory's peak covers both.
// A thread without the GIL cannot touch the table: its untracks wait in
// `freed_elsewhere` until the GIL holder next adds or reads traces.
#include "runtime/modules/_tracemalloc.h"

#include <cerrno>
#include <climits>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <mutex>
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

struct CTraceKey {
  unsigned domain;
  uintptr_t address;
  bool operator==(const CTraceKey&) const = default;
};

struct CTraceKeyHash {
  size_t operator()(const CTraceKey& k) const {
    uint64_t h = (k.address ^ (uint64_t{k.domain} << 48)) * 0x9e3779b97f4a7c15ull;
    return static_cast<size_t>(h ^ (h >> 32));
  }
};

struct CTrace {
  size_t size;
  const Traceback* origin;
};

// The origin of a trace added where Python frames cannot be recorded (during
// a collection): read as CPython's empty traceback.
const Traceback kNoFrames;

struct {
  bool tracing = false;
  int traceback_limit = 1;
  // Interned tracebacks; a node set, so a record's address is stable and is
  // what the collector keeps as the trace's origin.
  std::unordered_set<Traceback, TracebackHash> tracebacks;
  std::unordered_set<CodeObj*> code_set;  // the code objects `codes` holds
  gc::RootVector codes;
  Traceback scratch;  // traceOrigin's buffer, reused
  // C memory: the traces (under the GIL), and the untracks of threads
  // without it (under freed_lock; `any_freed_elsewhere` says whether to look).
  std::unordered_map<CTraceKey, CTrace, CTraceKeyHash> c_traces;
  std::mutex freed_lock;
  std::vector<CTraceKey> freed_elsewhere;
  std::atomic<bool> any_freed_elsewhere{false};
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

// Forgets every C trace (the collector forgets their bytes with its own
// traces: clearAllocationTraces, stopAllocationTracing).
void forgetCTraces() {
  g_state.c_traces.clear();
  std::lock_guard<std::mutex> lock(g_state.freed_lock);
  g_state.freed_elsewhere.clear();
  g_state.any_freed_elsewhere.store(false, std::memory_order_relaxed);
}

void removeCTrace(const CTraceKey& key) {
  auto it = g_state.c_traces.find(key);
  if (it == g_state.c_traces.end()) return;
  gc::removeOutsideTracedBytes(it->second.size);
  g_state.c_traces.erase(it);
}

// Applies the untracks of threads that did not hold the GIL.
void applyFreedElsewhere() {
  if (!g_state.any_freed_elsewhere.load(std::memory_order_acquire)) return;
  std::vector<CTraceKey> freed;
  {
    std::lock_guard<std::mutex> lock(g_state.freed_lock);
    freed.swap(g_state.freed_elsewhere);
    g_state.any_freed_elsewhere.store(false, std::memory_order_relaxed);
  }
  for (const CTraceKey& key : freed) removeCTrace(key);
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
  tracemalloc::detail::g_tracing.store(true, std::memory_order_relaxed);
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
    tracemalloc::detail::g_tracing.store(false, std::memory_order_relaxed);
    gc::stopAllocationTracing();
    forgetCTraces();
    forgetTracebacks();
  }
  return None();
}

Value _tracemalloc_is_tracing(Value*) { return Bool(g_state.tracing); }
Value _tracemalloc_get_traceback_limit(Value*) { return newInt(g_state.traceback_limit); }

Value _tracemalloc_clear_traces(Value*) {
  if (g_state.tracing) {
    gc::clearAllocationTraces();  // first: the traces point at the records
    forgetCTraces();
    forgetTracebacks();
  }
  return None();
}

Value _tracemalloc_get_traced_memory(Value*) {
  if (!g_state.tracing) return newTupleOf({newInt(0), newInt(0)});
  applyFreedElsewhere();
  gc::TracedMemory m = gc::tracedMemory();
  return newTupleOf({newIntUnsigned(m.current), newIntUnsigned(m.peak)});
}

Value _tracemalloc_reset_peak(Value*) {
  if (!g_state.tracing) return None();
  applyFreedElsewhere();
  gc::resetTracedPeak();
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
  bytes += g_state.c_traces.bucket_count() * sizeof(void*) +
           g_state.c_traces.size() * (sizeof(CTraceKey) + sizeof(CTrace) + 2 * sizeof(void*));
  return newIntUnsigned(bytes);
}

Value _tracemalloc__get_traces(Value*) {
  Value list = newList();
  if (list.isNull() || !g_state.tracing) return list;
  // Copied out first: making the result allocates, which adds traces (to
  // the heap, and C memory too when a list grows through a C caller).
  struct Entry {
    unsigned domain;
    size_t bytes;
    const Traceback* origin;
  };
  std::vector<Entry> traces;
  auto copy = [](const gc::AllocationTrace& trace, void* data) {
    static_cast<std::vector<Entry>*>(data)->push_back(
        {tracemalloc::kDefaultDomain, trace.bytes, static_cast<const Traceback*>(trace.origin)});
  };
  gc::forEachAllocationTrace(copy, &traces);
  applyFreedElsewhere();
  for (const auto& [key, trace] : g_state.c_traces) traces.push_back({key.domain, trace.size, trace.origin});
  TracebackTuples tuples;
  for (const Entry& trace : traces) {
    Value tb = tuples.get(trace.origin);
    if (tb.isNull()) return Value();
    Value entry = newTupleOf({newIntUnsigned(trace.domain), newIntUnsigned(trace.bytes), tb,
                              newIntUnsigned(totalFrames(trace.origin))});
    if (entry.isNull() || !listAppend(list, entry)) return Value();
  }
  return list;
}

Value _tracemalloc__get_object_traceback(Value* args) {
  Value obj = args[1];
  if (!g_state.tracing || !obj.isObject()) return None();
  TracebackTuples tuples;
  // An object of a C-defined type is its C memory, as in CPython (its
  // runtime wrapper, made when it first crossed over, is not the object).
  if (uintptr_t c = tracemalloc::g_c_memory_of ? tracemalloc::g_c_memory_of(obj.asObject()) : 0) {
    applyFreedElsewhere();
    auto it = g_state.c_traces.find({tracemalloc::kDefaultDomain, c});
    return it == g_state.c_traces.end() ? None() : tuples.get(it->second.origin);
  }
  gc::AllocationTrace trace = gc::findAllocationTrace(obj.asObject());
  if (trace.origin == nullptr) return None();
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

namespace tracemalloc {

std::atomic<bool> detail::g_tracing{false};
uintptr_t (*g_c_memory_of)(gc::Object* object) = nullptr;

int track(unsigned domain, uintptr_t address, size_t size) {
  if (!g_state.tracing) return -2;
  applyFreedElsewhere();
  const Traceback* origin = gc::collectionRunning() ? &kNoFrames : static_cast<const Traceback*>(traceOrigin(nullptr));
  auto [it, inserted] = g_state.c_traces.try_emplace({domain, address}, CTrace{size, origin});
  if (!inserted) {
    gc::removeOutsideTracedBytes(it->second.size);
    it->second = {size, origin};
  }
  gc::addOutsideTracedBytes(size);
  return 0;
}

int untrack(unsigned domain, uintptr_t address, bool holds_gil) {
  if (!tracing()) return -2;
  if (holds_gil) {
    removeCTrace({domain, address});
    return 0;
  }
  std::lock_guard<std::mutex> lock(g_state.freed_lock);
  g_state.freed_elsewhere.push_back({domain, address});
  g_state.any_freed_elsewhere.store(true, std::memory_order_release);
  return 0;
}

}  // namespace tracemalloc

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
