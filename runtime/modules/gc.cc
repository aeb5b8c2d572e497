// The gc module over Tern's generational collector (docs/gc.md; the user's
// view of the differences is in docs/differences.md, "The gc module").
//
// CPython's three generations map onto Tern's two spaces: generation 0 is a
// minor collection (the nursery), 1 is also minor (Tern has no middle
// generation), 2 a full one (minor, then mark and sweep of the old space).
// Every collection gc.collect() runs is followed by the queued finalizers and
// weakref callbacks, as CPython runs them inside its collection; those of the
// collections allocation starts run at the interpreter's next safe point
// (gc_module.h), where gc.callbacks and the DEBUG_* output of those
// collections are given too.
//
// What the collector cannot do as CPython does, and what stands in for it:
//   - disable() stops the major collections allocation starts; minor ones go
//     on (allocation needs an empty nursery), as CPython's reference counting
//     goes on freeing while its cycle collector is off.
//   - thresholds are kept and reported; threshold0 == 0 disables as disable()
//     does, other values do not change when Tern collects.
//   - callbacks of automatic collections are called at the next safe point
//     (they happen inside allocation, where no Python code may run).
//   - freeze() only counts: marks live in side bitmaps, so a collection never
//     writes to the pages of objects a fork shares, which is what freezing is
//     for in CPython.
//   - garbage stays empty unless DEBUG_SAVEALL: every unreachable cycle is
//     collected, __del__ or not.  DEBUG_SAVEALL / DEBUG_COLLECTABLE have the
//     collector resurrect unreachable containers and pick CPython's share:
//     the cycles and what they hold (processSaved).
#include <algorithm>
#include <chrono>
#include <cinttypes>
#include <cstdarg>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <unordered_map>
#include <vector>

#include "runtime/gc/external_memory.h"
#include "runtime/gc/heap.h"
#include "runtime/interp/errors.h"
#include "runtime/interp/frame.h"
#include "runtime/interp/generator.h"
#include "runtime/interp/gil.h"
#include "runtime/interp/opcodes.h"
#include "runtime/interp/runtime.h"
#include "runtime/interp/thread_state.h"
#include "runtime/interp/tracing.h"
#include "runtime/modules/gc_module.h"
#include "runtime/modules/module.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/float.h"
#include "runtime/objects/int.h"
#include "runtime/objects/list.h"
#include "runtime/objects/native.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"

namespace tern {

namespace {

constexpr int64_t kDebugStats = 1, kDebugCollectable = 2, kDebugUncollectable = 4, kDebugSaveAll = 32;
constexpr int64_t kDebugLeak = kDebugCollectable | kDebugUncollectable | kDebugSaveAll;
constexpr int64_t kDebugSaving = kDebugCollectable | kDebugSaveAll;  // the collector saves unreachable objects

struct GcState {
  bool enabled = true;
  int64_t threshold[3] = {700, 10, 10};
  int64_t debug = 0;
  size_t frozen = 0;
  // Objects the collections of gc.collect() found dead, per generation
  // asked for (get_stats; automatic collections are not counted).
  uint64_t collected[3] = {0, 0, 0};
  uint64_t minors_at_last_major = 0;
};
GcState g_state;

gc::GlobalRoot g_module;      // for gc.garbage, read from the module's dict
gc::GlobalRoot g_callbacks;   // the list gc.callbacks was made with (CPython keeps it too)
gc::GlobalRoot g_garbage;     // and gc.garbage's
gc::GlobalRoot g_collect_fn;  // gc.collect itself (dropDeadOperands checks for it)

void applyEnabled() { gc::config().automatic_major = g_state.enabled && g_state.threshold[0] != 0; }

// ---------------------------------------------------------------------------
// Collections the allocator starts
//
// They happen inside allocation, where no Python code may run.  The
// collector's observer (below) notes each one — only while somebody listens:
// gc.callbacks is not empty or DEBUG_STATS is set, since counting objects
// walks the heap — and asks the interpreter for a safe point whenever there is
// something to report or finalizers to run (gc_module.h).  runPendingGcWork()
// then reports the collections in order and runs the finalizers before the
// last "stop", as CPython runs them inside its collection.

struct CollectionEvent {
  int generation;  // 0 (minor) or 2 (full)
  int64_t collected;
  size_t young_before, old_before;
  double seconds;
};
constexpr size_t kMaxEvents = 64;  // more between two safe points are not reported
CollectionEvent g_events[kMaxEvents];
size_t g_event_count = 0;

bool g_explicit = false;      // gc.collect() is collecting: it reports by itself
bool g_counting = false;      // the running collection is being counted
bool g_running_work = false;  // runPendingGcWork() is running
bool g_in_callbacks = false;  // gc.callbacks are being called: gc.collect() does nothing, as in CPython
size_t g_young_before = 0, g_old_before = 0;
std::chrono::steady_clock::time_point g_started;

bool reportsWanted() {
  if (g_state.debug & kDebugStats) return true;
  Value callbacks = g_callbacks.get();
  return !callbacks.isNull() && listLength(callbacks) > 0;
}

int generationNumber(gc::Generation generation) { return generation == gc::Generation::kFull ? 2 : 0; }

void observeBefore(gc::Generation) {
  g_counting = !g_explicit && reportsWanted();
  if (!g_counting) return;
  gc::objectCounts(&g_young_before, &g_old_before);
  g_started = std::chrono::steady_clock::now();
}

void observeAfter(gc::Generation generation) {
  if (g_counting && g_event_count < kMaxEvents) {
    size_t before = g_young_before + g_old_before, after = gc::objectCount();
    g_events[g_event_count++] = {
        .generation = generationNumber(generation),
        .collected = before > after ? static_cast<int64_t>(before - after) : 0,
        .young_before = g_young_before,
        .old_before = g_old_before,
        .seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - g_started).count()};
  }
  g_counting = false;
  if (g_event_count != 0 || gc::pendingFinalizers() != 0 || (g_state.debug & kDebugSaving)) interp::requestGcWork();
}

const bool kObserverSet = (gc::setCollectionObserver({.before = observeBefore, .after = observeAfter}), true);
// External memory (runtime/gc/external_memory.h) asks for its collection at
// the next safe point, as the observer does for its reports.
const bool kPressureHookSet = (gc::setExternalPressureHook(interp::requestGcWork), true);

// Writes to sys.stderr, as CPython's PySys_WriteStderr (the C stream when
// sys.stderr is missing or fails).
void writeStderr(const std::string& text) {
  Value sys = sysModule();
  Value file = sys.isNull() ? Value() : dictGetStr(moduleDict(sys), internStr("stderr"));
  if (errorPending()) clearError();
  if (!file.isNull() && !isNone(file)) {
    Value s = newStr(text);
    if (!s.isNull() && !callMethod(file, internStr("write"), &s, 1).isNull()) return;
    clearError();
  }
  std::fputs(text.c_str(), stderr);
}

std::string format(const char* fmt, ...) __attribute__((format(printf, 1, 2)));
std::string format(const char* fmt, ...) {
  char buffer[256];
  va_list ap;
  va_start(ap, fmt);
  std::vsnprintf(buffer, sizeof buffer, fmt, ap);
  va_end(ap);
  return buffer;
}

// DEBUG_STATS: CPython's lines before and after a collection.
void debugStatsStart(int generation, size_t young, size_t old) {
  if (!(g_state.debug & kDebugStats)) return;
  writeStderr(format("gc: collecting generation %d...\n", generation) +
              format("gc: objects in each generation: %zu 0 %zu\n", young, old) +
              format("gc: objects in permanent generation: %zu\n", g_state.frozen));
}

void debugStatsDone(int64_t collected, double seconds) {
  if (!(g_state.debug & kDebugStats)) return;
  writeStderr(format("gc: done, %lld unreachable, 0 uncollectable, %.4fs elapsed\n",
                     static_cast<long long>(collected), seconds));
}

void invokeCallbacks(const char* phase, int64_t generation, int64_t collected);
int64_t processSaved();
bool saveFilter(gc::Object* object);

}  // namespace

bool runPendingGcWork() {
  if (g_running_work) return true;  // the outer call goes on with what is new
  g_running_work = true;
  // First, so that its report and finalizers are processed below; minor
  // only after gc.disable(), as allocation's own collections.
  gc::collectForExternalPressure(g_state.enabled);
  CollectionEvent events[kMaxEvents];
  size_t n = g_event_count;
  std::copy(g_events, g_events + n, events);
  g_event_count = 0;
  for (size_t i = 0; i < n; ++i) {
    const CollectionEvent& e = events[i];
    invokeCallbacks("start", e.generation, 0);
    debugStatsStart(e.generation, e.young_before, e.old_before);
    int64_t saved = processSaved();
    debugStatsDone(e.collected + saved, e.seconds);
    if (i + 1 == n) gc::runFinalizers();
    invokeCallbacks("stop", e.generation, e.collected);
  }
  if (n == 0) {
    processSaved();
    gc::runFinalizers();
  }
  g_running_work = false;
  // What collections during this work left waits for the next safe point;
  // finalizers queued while an outer runFinalizers() runs are its to run.
  if (g_event_count != 0 || (gc::pendingFinalizers() != 0 && !gc::runningFinalizers())) interp::requestGcWork();
  return !errorPending();
}

namespace {

// ---------------------------------------------------------------------------
// Making one gc.collect() enough
//
// A program that drops its last reference and calls gc.collect() expects the
// object found dead.  Two kinds of stale words would keep it alive: words of
// the machine stack left by earlier, deeper calls (scanned conservatively),
// and operand slots of the running frames above their current depth (the
// value stack is traced up to its top, and a frame's operands are popped
// without being cleared; frame.h).

// Zeroes the machine stack below the caller's frame, where the collector's own
// frames will lie.
[[gnu::noinline]] void clearStackBelow() {
  volatile char area[64 * 1024];
  for (size_t i = 0; i < sizeof area; i += 8) *reinterpret_cast<volatile uint64_t*>(&area[i]) = 0;
}

bool isCallTo(Value slot, Value fn) { return !fn.isNull() && slot.bits() == fn.bits(); }

// Clears the dead operand slots of the frames of this thread, where the
// frame's depth is known to be current: the frame that called gc.collect
// (CALL sets the depth before calling a native; eval.cc) when its call slot
// holds gc.collect, and frames that called the next Python frame inline (the
// depth is the call's base, and the callable is still in its slot).  Anything
// else — other instructions, frames under a trace function — is left alone:
// a stale depth could lie below live operands.
void dropDeadOperands() {
  if (interp::tracingActive()) return;
  interp::ThreadState* ts = interp::currentThread();
  if (ts == nullptr) return;
  Value inner_func;  // the func of the frame called from the one being looked at
  bool innermost = true;
  for (interp::Frame* f = ts->frame; f != nullptr; f = f->previous()) {
    Value func = f->func;
    auto* code = f->codeObj();
    uint32_t insn = *f->instr();
    int64_t depth = f->depth();
    int64_t size = code->stacksize;
    Value* stack = f->stackBase();
    auto op = interp::opOf(insn);
    int64_t oparg = insn >> 8;
    bool known = false;
    if (op == interp::Op::CALL && depth >= 0 && depth <= size) {
      if (innermost) {
        int64_t base = depth - oparg - 2;
        known = base >= 0 && (isCallTo(stack[base], g_collect_fn.get()) ||
                              (stack[base].isNull() && isCallTo(stack[base + 1], g_collect_fn.get())));
      } else if (depth + 1 < size) {
        known = isCallTo(stack[depth], inner_func) || isCallTo(stack[depth + 1], inner_func);
      }
    }
    if (known) {
      for (int64_t i = depth; i < size; ++i) stack[i] = Value();  // null: no barrier needed
    }
    inner_func = func;
    innermost = false;
  }
}

// ---------------------------------------------------------------------------
// Collections

// Runs the collection with the stale words of the machine stack and of the
// frames cleared.  The object counts walk the heap, leaving object addresses
// in the stack below: the walk before the collection comes before the clearing.
[[gnu::noinline]] int64_t collectGeneration(int64_t generation, size_t young_before, size_t old_before) {
  size_t objects_before = young_before + old_before;
  dropDeadOperands();
  clearStackBelow();
  g_explicit = true;
  gc::collect(generation == 2 ? gc::Generation::kFull : gc::Generation::kYoung);
  g_explicit = false;
  size_t objects_after = gc::objectCount();
  int64_t dead = objects_before > objects_after ? static_cast<int64_t>(objects_before - objects_after) : 0;
  g_state.collected[generation] += static_cast<uint64_t>(dead);
  if (generation == 2) g_state.minors_at_last_major = gc::stats().minor_collections;
  return dead;
}

// Calls every gc.callbacks entry with (phase, info); an exception is reported
// as unraisable, as CPython does.
void invokeCallbacks(const char* phase, int64_t generation, int64_t collected) {
  Value callbacks = g_callbacks.get();
  if (callbacks.isNull() || listLength(callbacks) == 0) return;
  Value saved = takeError();  // a KeyboardInterrupt waiting for the safe point's caller
  Value info = newDict();
  if (info.isNull()) {
    printUnraisable(callbacks);
    restoreError(saved);
    return;
  }
  dictSet(info, internStr("generation"), newInt(generation));
  dictSet(info, internStr("collected"), newInt(collected));
  dictSet(info, internStr("uncollectable"), newInt(0));
  // A copy: a callback may change the list.
  Value copy = newListFrom(nullptr, 0);
  callbacks = g_callbacks.get();
  for (int64_t i = 0; i < listLength(callbacks); ++i) listAppend(copy, listItem(callbacks, i));
  bool outer = !g_in_callbacks;
  g_in_callbacks = true;
  for (int64_t i = 0; i < listLength(copy); ++i) {
    Value args[2] = {internStr(phase), info};
    if (call(listItem(copy, i), args, 2).isNull()) printUnraisable(listItem(copy, i));
  }
  if (outer) g_in_callbacks = false;
  if (!saved.isNull()) restoreError(saved);
}

Value gc_collect(Value* args) {
  int64_t generation;
  if (!indexToInt64(args[1], &generation, exc::OverflowError)) return Value();
  if (generation < 0 || generation > 2) return raise(exc::ValueError, "invalid generation");
  if (g_in_callbacks) return newInt(0);  // CPython: "already collecting"
  // Collections the allocator started earlier are reported first.
  if (g_event_count != 0 && !runPendingGcWork()) return Value();
  invokeCallbacks("start", generation, 0);
  if (errorPending()) return Value();
  auto start = std::chrono::steady_clock::now();
  size_t young_before, old_before;
  gc::objectCounts(&young_before, &old_before);
  debugStatsStart(static_cast<int>(generation), young_before, old_before);
  clearStackBelow();  // collectGeneration's own frame starts clean
  int64_t dead = collectGeneration(generation, young_before, old_before);
  dead += processSaved();
  debugStatsDone(dead, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  gc::runFinalizers();
  if (errorPending()) return Value();
  invokeCallbacks("stop", generation, dead);
  if (errorPending()) return Value();
  return newInt(dead);
}

Value gc_enable(Value*) {
  g_state.enabled = true;
  applyEnabled();
  return None();
}

Value gc_disable(Value*) {
  g_state.enabled = false;
  applyEnabled();
  return None();
}

Value gc_isenabled(Value*) { return Bool(g_state.enabled); }

// (objects in the nursery, minor collections since the last major one, 0).
Value gc_get_count(Value*) {
  gc::Stats s = gc::stats();
  uint64_t young = 0;
  gc::forEachObject(
      [](gc::Object* object, void* data) {
        if (!gc::isOld(object)) ++*static_cast<uint64_t*>(data);
      },
      &young);
  uint64_t minors = s.minor_collections - std::min(s.minor_collections, g_state.minors_at_last_major);
  return newTupleOf({newInt(static_cast<int64_t>(young)), newInt(static_cast<int64_t>(minors)), newInt(0)});
}

Value statsDict(uint64_t collections, uint64_t collected) {
  Value d = newDict();
  if (d.isNull()) return d;
  if (dictSet(d, internStr("collections"), newInt(static_cast<int64_t>(collections))) < 0 ||
      dictSet(d, internStr("collected"), newInt(static_cast<int64_t>(collected))) < 0 ||
      dictSet(d, internStr("uncollectable"), newInt(0)) < 0) {
    return Value();
  }
  return d;
}

Value gc_get_stats(Value*) {
  gc::Stats s = gc::stats();
  Value list = newList(3);
  if (list.isNull()) return list;
  Value gens[3] = {statsDict(s.minor_collections, g_state.collected[0]), statsDict(0, g_state.collected[1]),
                   statsDict(s.major_collections, g_state.collected[2])};
  for (Value g : gens) {
    if (g.isNull() || !listAppend(list, g)) return Value();
  }
  return list;
}

Value gc_get_threshold(Value*) {
  return newTupleOf({newInt(g_state.threshold[0]), newInt(g_state.threshold[1]), newInt(g_state.threshold[2])});
}

bool toCInt(Value v, int64_t* out) {
  if (!indexToInt64(v, out, exc::OverflowError)) {
    if (errorMatches(exc::OverflowError)) {
      clearError();
      raise(exc::OverflowError, *out < 0 ? "signed integer is less than minimum" : "signed integer is greater than maximum");
    }
    return false;
  }
  if (*out > INT32_MAX || *out < INT32_MIN) {
    raise(exc::OverflowError,
          *out < 0 ? "signed integer is less than minimum" : "signed integer is greater than maximum");
    return false;
  }
  return true;
}

Value gc_set_threshold(Value* args) {
  int64_t t[3] = {g_state.threshold[0], g_state.threshold[1], g_state.threshold[2]};
  for (int i = 0; i < 3; ++i) {
    if (!args[1 + i].isNull() && !toCInt(args[1 + i], &t[i])) return Value();
  }
  for (int i = 0; i < 3; ++i) g_state.threshold[i] = t[i];
  applyEnabled();
  return None();
}

Value gc_get_debug(Value*) { return newInt(g_state.debug); }

Value gc_set_debug(Value* args) {
  int64_t flags;
  if (!toCInt(args[1], &flags)) return Value();
  g_state.debug = flags;
  gc::setSaveUnreachable((flags & kDebugSaving) ? saveFilter : nullptr);
  return None();
}

// ---------------------------------------------------------------------------
// Looking at objects

// A Python object: its first field is ob_type, a type (identity shadows and
// the collector's own records have no ob_type).
bool isPythonObject(gc::Object* object) {
  const gc::Layout& layout = gc::layoutOf(object);
  if (layout.fields.empty() || layout.fields[0] != offsetof(Obj, ob_type)) return false;
  Value type = static_cast<Obj*>(object)->ob_type.get();
  return type.isObject() && hasTypeFlag(type, type_flags::kTypeSubclass);
}

// Internal storage objects are not shown; their contents are, as if held by
// their owner (a list's items, a dict's keys and values).
bool isStorage(Value v) { return typeOf(v) == types::array_type || typeOf(v) == types::rawbytes_type; }

// Calls fn(referent) for each object `v` refers to, as tp_traverse would:
// its fields, storage flattened, the type only for instances of classes.
// Small ints count where they are values (a field, a list's or a dict's
// items); the words of a generator's saved frame that are not Values are
// tagged like small ints, so storage of other owners yields objects only.
template <class F>
void forEachReferentIn(Value v, bool ints_ok, int depth, F& fn, Value skip = Value()) {
  gc::Object* object = v.asObject();
  bool show_type = depth == 0 && hasTypeFlag(v, type_flags::kHeapType);
  gc::forEachStrongSlot(object, [&](Value* slot) {
    Value x = *slot;
    if (x.isSmallInt()) {
      if (ints_ok) fn(x);
      return;
    }
    if (!x.isObject()) return;
    if (reinterpret_cast<char*>(slot) == object->bytes() + offsetof(Obj, ob_type)) {
      if (show_type) fn(x);
      return;
    }
    if (!isPythonObject(x.asObject())) return;
    if (typeOf(x) == types::array_type) {
      if (depth < 4) forEachReferentIn(x, ints_ok, depth + 1, fn, skip);
    } else if (typeOf(x) != types::rawbytes_type && !(depth > 0 && x.bits() == skip.bits())) {
      fn(x);
    }
  });
}

template <class F>
void forEachReferent(Value v, F&& fn) {
  if (!v.isObject() || !isPythonObject(v.asObject())) return;
  Type* t = typeOf(v);
  bool plain_storage = t->hasFlag(type_flags::kListSubclass) || t->hasFlag(type_flags::kTupleSubclass) ||
                       t->hasFlag(type_flags::kDictSubclass) || t == types::set_type ||
                       t == types::frozenset_type;
  // A generator's frame, in its storage, points back at the generator: not
  // a reference CPython's tp_traverse reports.
  bool frame_owner = t == types::generator_type || t == types::coroutine_type || t == types::async_generator_type;
  forEachReferentIn(v, plain_storage, 0, fn, frame_owner ? v : Value());
}

Value gc_get_referents(Value* args) {
  Value objs = args[1];
  gc::RootVector found;
  for (int64_t i = 0; i < tupleLength(objs); ++i) {
    forEachReferent(tupleItem(objs, i), [&](Value x) { found.push_back(x); });
  }
  Value list = newList(static_cast<int64_t>(found.size()));
  if (list.isNull()) return list;
  for (size_t i = 0; i < found.size(); ++i) {
    if (!listAppend(list, found[i])) return Value();
  }
  return list;
}

// Every live Python object (storage excluded), after a full collection.
void liveObjects(gc::RootVector* out) {
  clearStackBelow();
  gc::collect(gc::Generation::kFull);
  gc::forEachObject(
      [](gc::Object* object, void* data) {
        if (!isPythonObject(object) || isStorage(Value(object))) return;
        static_cast<gc::RootVector*>(data)->push_back(Value(object));
      },
      out);
}

Value listOf(const gc::RootVector& values) {
  Value list = newList(static_cast<int64_t>(values.size()));
  if (list.isNull()) return list;
  for (size_t i = 0; i < values.size(); ++i) {
    if (!listAppend(list, values[i])) return Value();
  }
  return list;
}

Value gc_get_referrers(Value* args) {
  Value objs = args[1];
  gc::RootVector all;
  liveObjects(&all);
  gc::RootVector found;
  // No allocation from here to the end of the walk: nothing moves, so
  // comparing bits is comparing objects.
  for (size_t i = 0; i < all.size(); ++i) {
    Value candidate = all[i];
    if (candidate.bits() == objs.bits()) continue;  // the argument tuple itself
    bool refers = false;
    forEachReferent(candidate, [&](Value x) {
      for (int64_t k = 0; !refers && k < tupleLength(objs); ++k) refers = x.bits() == tupleItem(objs, k).bits();
    });
    if (refers) found.push_back(candidate);
  }
  return listOf(found);
}

Value gc_get_objects(Value* args) {
  Value generation = args[1];
  if (!isNone(generation)) {
    int64_t g;
    if (!indexToInt64(generation, &g, exc::OverflowError)) return Value();
    if (g >= 3) {
      return raise(exc::ValueError,
                   "generation parameter must be less than the number of available generations (3)");
    }
    if (g < -1) return raise(exc::ValueError, "generation parameter cannot be negative");
  }
  gc::RootVector all;
  liveObjects(&all);
  gc::RootVector tracked;
  for (size_t i = 0; i < all.size(); ++i) {
    bool any = false;
    forEachReferent(all[i], [&](Value) { any = true; });
    if (any || typeOf(all[i])->hasFlag(type_flags::kHeapType)) tracked.push_back(all[i]);
  }
  return listOf(tracked);
}

// Tracked, as CPython's collector would track the object (docs/differences.md,
// "The gc module"):
//   - instances of the builtin types CPython makes without Py_TPFLAGS_HAVE_GC
//     (int, float, str, bytes, range, code, object() ...) and builtin types
//     themselves are not; classes and everything else are;
//   - an exact dict is tracked while a key or value may be (CPython tracks a
//     dict once such an item is stored and untracks it at a collection that
//     finds none: Tern decides from the items now);
//   - an exact tuple is tracked while an item may be, and until the first
//     collection after its creation (CPython untracks tuples of atoms at the
//     first collection that sees them; a Tern object is young until then).
bool isAtomType(Type* t) {
  if (t->hasFlag(type_flags::kHeapType)) return false;
  static const char* const kUntracked[] = {
      "int", "bool", "float", "complex", "str", "bytes", "bytearray", "NoneType", "NotImplementedType",
      "ellipsis", "object", "range", "range_iterator", "longrange_iterator", "code", "PyCapsule",
      "IncrementalNewlineDecoder", "EncodingMap", "fieldnameiterator", "formatteriterator"};
  std::string name = typeName(t);
  size_t dot = name.rfind('.');
  if (dot != std::string::npos) name.erase(0, dot + 1);
  for (const char* n : kUntracked) {
    if (name == n) return true;
  }
  return false;
}

bool isTracked(Value v, int depth) {
  if (!v.isObject()) return false;
  Type* t = typeOf(v);
  if (t->hasFlag(type_flags::kTypeSubclass) && !t->hasFlag(type_flags::kHeapType)) {
    return static_cast<Type*>(v.asObject())->hasFlag(type_flags::kHeapType);  // a class, not a builtin type
  }
  if (isAtomType(t)) return false;
  if (depth > 50) return true;
  if (t == types::dict_type) {
    int64_t pos = 0;
    Value key, value;
    while (dictNext(v, &pos, &key, &value)) {
      if (isTracked(key, depth + 1) || isTracked(value, depth + 1)) return true;
    }
    return false;
  }
  if (t == types::tuple_type) {
    int64_t n = tupleLength(v);
    if (n == 0) return false;  // the empty tuple is a singleton, never tracked
    if (gc::isYoung(v.asObject())) return true;
    for (int64_t i = 0; i < n; ++i) {
      if (isTracked(tupleItem(v, i), depth + 1)) return true;
    }
    return false;
  }
  return true;
}

Value gc_is_tracked(Value* args) { return Bool(isTracked(args[1], 0)); }

// ---------------------------------------------------------------------------
// DEBUG_SAVEALL and DEBUG_COLLECTABLE
//
// CPython reports (and with SAVEALL keeps in gc.garbage) the objects its
// collector finds unreachable: reference cycles and what only they hold —
// everything else died by reference counting.  While either flag is set the
// collector resurrects every unreachable container (saveFilter; runtime/gc/
// heap.h, setSaveUnreachable), and processSaved() picks CPython's share:
// the objects on a cycle among them and those reachable from one.  The rest
// are declined (gc::declineSave) and freed by the next collection that finds
// them unreachable, as are the picked ones unless SAVEALL keeps them.

// Inside the collector, on an unreachable object: no allocation.
bool saveFilter(gc::Object* object) {
  if (!isPythonObject(object)) return false;
  Value v(object);
  if (isStorage(v)) return false;
  Type* t = typeOf(v);
  if (t->hasFlag(type_flags::kTypeSubclass) && !t->hasFlag(type_flags::kHeapType)) {
    return static_cast<Type*>(object)->hasFlag(type_flags::kHeapType);
  }
  return !isAtomType(t);
}

// The indices of `saved` that lie on a cycle of references among them, or
// are reachable from one (Tarjan's strongly connected components, without
// recursion).  Allocates nothing on the heap: the objects stay where they are.
std::vector<bool> cyclicGarbage(const gc::RootVector& saved) {
  size_t n = saved.size();
  std::unordered_map<uint64_t, size_t> index_of;
  for (size_t i = 0; i < n; ++i) index_of.emplace(saved[i].bits(), i);
  std::vector<std::vector<size_t>> edges(n);
  std::vector<bool> self_loop(n, false);
  for (size_t i = 0; i < n; ++i) {
    forEachReferent(saved[i], [&](Value x) {
      auto it = index_of.find(x.bits());
      if (it == index_of.end()) return;
      if (it->second == i) self_loop[i] = true;
      edges[i].push_back(it->second);
    });
  }
  constexpr size_t kNone = SIZE_MAX;
  std::vector<size_t> order(n, kNone), low(n, 0), component(n, kNone), component_size;
  std::vector<size_t> stack, call_stack, edge_pos(n, 0);
  std::vector<bool> on_stack(n, false);
  size_t counter = 0;
  for (size_t root = 0; root < n; ++root) {
    if (order[root] != kNone) continue;
    call_stack.push_back(root);
    while (!call_stack.empty()) {
      size_t v = call_stack.back();
      if (order[v] == kNone) {
        order[v] = low[v] = counter++;
        stack.push_back(v);
        on_stack[v] = true;
      }
      if (edge_pos[v] < edges[v].size()) {
        size_t w = edges[v][edge_pos[v]++];
        if (order[w] == kNone) {
          call_stack.push_back(w);
        } else if (on_stack[w]) {
          low[v] = std::min(low[v], order[w]);
        }
        continue;
      }
      call_stack.pop_back();
      if (!call_stack.empty()) low[call_stack.back()] = std::min(low[call_stack.back()], low[v]);
      if (low[v] == order[v]) {
        size_t id = component_size.size(), size = 0;
        for (;;) {
          size_t w = stack.back();
          stack.pop_back();
          on_stack[w] = false;
          component[w] = id;
          ++size;
          if (w == v) break;
        }
        component_size.push_back(size);
      }
    }
  }
  std::vector<bool> keep(n, false);
  std::vector<size_t> work;
  for (size_t i = 0; i < n; ++i) {
    if (component_size[component[i]] > 1 || self_loop[i]) {
      keep[i] = true;
      work.push_back(i);
    }
  }
  while (!work.empty()) {
    size_t v = work.back();
    work.pop_back();
    for (size_t w : edges[v]) {
      if (!keep[w]) {
        keep[w] = true;
        work.push_back(w);
      }
    }
  }
  return keep;
}

// Reports and keeps what the collections since the last call saved; returns
// how many objects CPython would have found unreachable.
int64_t processSaved() {
  gc::RootVector saved;
  gc::takeSavedUnreachable(&saved);
  if (saved.size() == 0) return 0;
  std::vector<bool> keep = cyclicGarbage(saved);
  int64_t kept = 0;
  std::string report;
  for (size_t i = 0; i < saved.size(); ++i) {
    gc::Object* object = saved[i].asObject();
    if (!keep[i]) {
      gc::declineSave(object);
      continue;
    }
    ++kept;
    if (g_state.debug & kDebugCollectable) {
      report += format("gc: collectable <%s %#" PRIxPTR ">\n", typeName(typeOf(saved[i])).c_str(),
                       gc::identity(object));
    }
    if (!(g_state.debug & kDebugSaveAll)) gc::declineSave(object);
  }
  if (!report.empty()) writeStderr(report);
  if ((g_state.debug & kDebugSaveAll) && !g_garbage.get().isNull()) {
    for (size_t i = 0; i < saved.size(); ++i) {
      if (keep[i] && !listAppend(g_garbage.get(), saved[i])) clearError();
    }
  }
  return kept;
}

Value gc_is_finalized(Value* args) {
  Value v = args[1];
  return Bool(v.isObject() && v.asObject()->hasFlag(gc::header::kFinalized));
}

Value gc_freeze(Value*) {
  g_state.frozen = gc::objectCount();
  return None();
}

Value gc_unfreeze(Value*) {
  g_state.frozen = 0;
  return None();
}

Value gc_get_freeze_count(Value*) { return newInt(static_cast<int64_t>(g_state.frozen)); }

// ---------------------------------------------------------------------------
// Memory: live heap next to RSS (Tern's own; docs/differences.md)

// A field of /proc/self/smaps_rollup in bytes ("LazyFree:  1234 kB"), or 0.
size_t smapsRollup(const char* field) {
  FILE* f = std::fopen("/proc/self/smaps_rollup", "r");
  if (f == nullptr) return 0;
  char line[256];
  size_t value = 0, n = std::strlen(field);
  while (std::fgets(line, sizeof line, f) != nullptr) {
    if (std::strncmp(line, field, n) == 0 && line[n] == ':') {
      value = std::strtoull(line + n + 1, nullptr, 10) * 1024;
      break;
    }
  }
  std::fclose(f);
  return value;
}

Value gc_memory_info(Value*) {
  gc::Stats s = gc::stats();
  Value d = newDict();
  if (d.isNull()) return d;
  struct {
    const char* name;
    size_t value;
  } fields[] = {
      {"rss", gc::residentBytes()},
      {"lazy_free", smapsRollup("LazyFree")},
      {"heap_live", s.old_live_bytes},
      {"heap_committed", s.old_committed_bytes},
      {"nursery", s.young_capacity_bytes},
      {"large_objects", s.large_objects},
  };
  for (auto [name, value] : fields) {
    if (dictSet(d, internStr(name), newInt(static_cast<int64_t>(value))) < 0) return Value();
  }
  const char* mode = gc::config().release == gc::ReleaseMode::kFree ? "free" : "dontneed";
  if (dictSet(d, internStr("madvise"), newStr(mode)) < 0) return Value();
  return d;
}

const MethodDef kGcFunctions[] = {
    {.name = "collect", .signature = "($module, /, generation=2)", .fn = gc_collect,
     .doc = "Run a garbage collection: generation 2 (the default) a full one, 0 and 1 a minor one.\n\n"
            "Queued finalizers and weakref callbacks run before it returns.\n"
            "Returns the number of objects the collection found dead."},
    {.name = "enable", .signature = "($module, /)", .fn = gc_enable, .doc = "Enable automatic garbage collection."},
    {.name = "disable", .signature = "($module, /)", .fn = gc_disable,
     .doc = "Disable automatic full collections (minor ones still run)."},
    {.name = "isenabled", .signature = "($module, /)", .fn = gc_isenabled,
     .doc = "Returns true if automatic garbage collection is enabled."},
    {.name = "get_count", .signature = "($module, /)", .fn = gc_get_count,
     .doc = "Return (young objects, minor collections since the last full one, 0)."},
    {.name = "get_stats", .signature = "($module, /)", .fn = gc_get_stats,
     .doc = "Return a list of dictionaries of collection statistics, one per generation."},
    {.name = "get_threshold", .signature = "($module, /)", .fn = gc_get_threshold,
     .doc = "Return the current collection thresholds."},
    {.name = "set_threshold",
     .signature = "($module, threshold0, threshold1=<unrepresentable>, threshold2=<unrepresentable>, /)",
     .fn = gc_set_threshold, .flags = method_flags::kLegacyArity,
     .doc = "Set the collection thresholds; threshold0 == 0 disables automatic full collections."},
    {.name = "get_debug", .signature = "($module, /)", .fn = gc_get_debug, .doc = "Get the debugging flags."},
    {.name = "set_debug", .signature = "($module, flags, /)", .fn = gc_set_debug,
     .doc = "Set the debugging flags (DEBUG_STATS reports the collections gc.collect() runs)."},
    {.name = "get_referents", .signature = "($module, /, *objs)", .fn = gc_get_referents,
     .doc = "Return the list of objects directly referred to by any of the arguments."},
    {.name = "get_referrers", .signature = "($module, /, *objs)", .fn = gc_get_referrers,
     .doc = "Return the list of objects that directly refer to any of the arguments."},
    {.name = "get_objects", .signature = "($module, /, generation=None)", .fn = gc_get_objects,
     .doc = "Return a list of the objects the collector tracks (after a full collection)."},
    {.name = "is_tracked", .signature = "($module, obj, /)", .fn = gc_is_tracked,
     .doc = "Returns true if the object can refer to other objects."},
    {.name = "is_finalized", .signature = "($module, obj, /)", .fn = gc_is_finalized,
     .doc = "Returns true if the object's finalizer has run."},
    {.name = "freeze", .signature = "($module, /)", .fn = gc_freeze,
     .doc = "Count the objects in the heap for get_freeze_count(); collections go on as before."},
    {.name = "unfreeze", .signature = "($module, /)", .fn = gc_unfreeze, .doc = "Reset the freeze count."},
    {.name = "get_freeze_count", .signature = "($module, /)", .fn = gc_get_freeze_count,
     .doc = "Return the number of objects counted by the last freeze()."},
    {.name = "memory_info", .signature = "($module, /)", .fn = gc_memory_info,
     .doc = "Tern: the heap's live and committed bytes next to the process's RSS and LazyFree bytes."},
};

bool gcInit(Value module) {
  g_module.set(module);
  Value d = moduleDict(module);
  g_collect_fn.set(dictGetStr(d, internStr("collect")));
  struct {
    const char* name;
    int64_t value;
  } constants[] = {{"DEBUG_STATS", kDebugStats},
                   {"DEBUG_COLLECTABLE", kDebugCollectable},
                   {"DEBUG_UNCOLLECTABLE", kDebugUncollectable},
                   {"DEBUG_SAVEALL", kDebugSaveAll},
                   {"DEBUG_LEAK", kDebugLeak}};
  for (auto [name, value] : constants) {
    if (dictSet(d, internStr(name), newInt(value)) < 0) return false;
  }
  Value callbacks = newList();
  if (callbacks.isNull()) return false;
  Value garbage = newList();
  if (garbage.isNull()) return false;
  g_callbacks.set(callbacks);
  g_garbage.set(garbage);
  return dictSet(d, internStr("garbage"), garbage) == 0 && dictSet(d, internStr("callbacks"), callbacks) == 0;
}

const NativeModuleDef kGcModule = {
    .name = "gc",
    .methods = kGcFunctions,
    .init = gcInit,
    .doc = "This module provides access to Tern's garbage collector.",
};
TERN_REGISTER_MODULE(kGcModule);

}  // namespace

}  // namespace tern
