// The gc module over Tern's generational collector (docs/gc.md; the user's
// view of the differences is in docs/differences.md, "The gc module").
//
// CPython's three generations map onto Tern's two spaces: generation 0 is a
// minor collection (the nursery), 1 is also minor (Tern has no middle
// generation), 2 a full one (minor, then mark and sweep of the old space).
// Every collection gc.collect() runs is followed by the queued finalizers and
// weakref callbacks, as CPython runs them inside its collection.
//
// What the collector cannot do as CPython does, and what stands in for it:
//   - disable() stops the major collections allocation starts; minor ones go
//     on (allocation needs an empty nursery), as CPython's reference counting
//     goes on freeing while its cycle collector is off.
//   - thresholds are kept and reported; threshold0 == 0 disables as disable()
//     does, other values do not change when Tern collects.
//   - callbacks are called around the collections gc.collect() runs; the
//     automatic ones happen inside allocation, where no Python code may run.
//   - freeze() only counts: marks live in side bitmaps, so a collection never
//     writes to the pages of objects a fork shares, which is what freezing is
//     for in CPython.
//   - garbage stays empty: every unreachable cycle is collected, __del__ or
//     not; DEBUG_SAVEALL is accepted and ignored.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <vector>

#include "runtime/gc/heap.h"
#include "runtime/interp/errors.h"
#include "runtime/interp/frame.h"
#include "runtime/interp/opcodes.h"
#include "runtime/interp/runtime.h"
#include "runtime/interp/thread_state.h"
#include "runtime/interp/tracing.h"
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

gc::GlobalRoot g_module;      // for gc.callbacks / gc.garbage, read from the module's dict
gc::GlobalRoot g_collect_fn;  // gc.collect itself (dropDeadOperands checks for it)

void applyEnabled() { gc::config().automatic_major = g_state.enabled && g_state.threshold[0] != 0; }

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
[[gnu::noinline]] int64_t collectGeneration(int64_t generation) {
  size_t objects_before = gc::objectCount();
  dropDeadOperands();
  clearStackBelow();
  gc::collect(generation == 2 ? gc::Generation::kFull : gc::Generation::kYoung);
  size_t objects_after = gc::objectCount();
  int64_t dead = objects_before > objects_after ? static_cast<int64_t>(objects_before - objects_after) : 0;
  g_state.collected[generation] += static_cast<uint64_t>(dead);
  if (generation == 2) g_state.minors_at_last_major = gc::stats().minor_collections;
  return dead;
}

// Calls every gc.callbacks entry with (phase, info); an exception is reported
// as unraisable, as CPython does.
void invokeCallbacks(const char* phase, int64_t generation, int64_t collected) {
  Value callbacks = dictGetStr(moduleDict(g_module.get()), internStr("callbacks"));
  if (callbacks.isNull() || !isList(callbacks) || listLength(callbacks) == 0) return;
  Value info = newDict();
  if (info.isNull()) return;
  dictSet(info, internStr("generation"), newInt(generation));
  dictSet(info, internStr("collected"), newInt(collected));
  dictSet(info, internStr("uncollectable"), newInt(0));
  // A copy: a callback may change the list.
  Value copy = newListFrom(nullptr, 0);
  callbacks = dictGetStr(moduleDict(g_module.get()), internStr("callbacks"));
  for (int64_t i = 0; i < listLength(callbacks); ++i) listAppend(copy, listItem(callbacks, i));
  for (int64_t i = 0; i < listLength(copy); ++i) {
    Value args[2] = {internStr(phase), info};
    if (call(listItem(copy, i), args, 2).isNull()) printUnraisable(listItem(copy, i));
  }
}

Value gc_collect(Value* args) {
  int64_t generation;
  if (!indexToInt64(args[1], &generation, exc::OverflowError)) return Value();
  if (generation < 0 || generation > 2) return raise(exc::ValueError, "invalid generation");
  invokeCallbacks("start", generation, 0);
  if (errorPending()) return Value();
  auto start = std::chrono::steady_clock::now();
  if (g_state.debug & kDebugStats) {
    std::fprintf(stderr, "gc: collecting generation %d...\n", static_cast<int>(generation));
  }
  clearStackBelow();  // collectGeneration's own frame starts clean
  int64_t dead = collectGeneration(generation);
  if (g_state.debug & kDebugStats) {
    double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::fprintf(stderr, "gc: done, %lld unreachable, 0 uncollectable, %.4fs elapsed\n",
                 static_cast<long long>(dead), elapsed);
  }
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
void forEachReferentIn(Value v, bool ints_ok, int depth, F& fn) {
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
      if (depth < 4) forEachReferentIn(x, ints_ok, depth + 1, fn);
    } else if (typeOf(x) != types::rawbytes_type) {
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
  forEachReferentIn(v, plain_storage, 0, fn);
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

// Tracked: the object can refer to other objects (a container, an instance,
// a function...).  Atoms — ints, floats, str, bytes, None — are not, as in
// CPython; CPython's untracking of dicts and tuples that hold only atoms is
// not done.
Value gc_is_tracked(Value* args) {
  Value v = args[1];
  if (!v.isObject()) return False();
  gc::Object* object = v.asObject();
  const gc::Layout& layout = gc::layoutOf(object);
  bool container = layout.fields.size() > 1 || layout.trailing_refs_from != 0 || layout.trace != nullptr ||
                   typeOf(v)->hasFlag(type_flags::kHeapType);
  return Bool(container);
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
  return dictSet(d, internStr("garbage"), newList()) == 0 && dictSet(d, internStr("callbacks"), newList()) == 0;
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
