// The gc module, minimal: collect() runs a collection and then the queued
// finalizers and weakref callbacks; enable/disable/isenabled keep a flag that
// nothing reads yet (Tern's collector cannot be switched off: allocation
// needs it).  The full module (get_objects, callbacks, stats, freeze, ...) is
// issue #7.
#include <cstddef>
#include <cstdint>

#include "runtime/gc/heap.h"
#include "runtime/interp/errors.h"
#include "runtime/modules/module.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/int.h"
#include "runtime/objects/list.h"
#include "runtime/objects/native.h"
#include "runtime/objects/str.h"

namespace tern {

namespace {

bool g_enabled = true;

// Zeroes the stack below the caller's frame, where the collector's own frames
// will lie, so that stale words left there by earlier, deeper calls do not
// keep dead objects alive through the conservative stack scan: a program
// that drops its last reference and calls gc.collect() expects the object to
// be found dead (weakref callbacks, __del__).
[[gnu::noinline]] void clearStackBelow() {
  volatile char area[64 * 1024];
  for (size_t i = 0; i < sizeof area; i += 8) *reinterpret_cast<volatile uint64_t*>(&area[i]) = 0;
}

Value gc_collect(Value* args) {
  int64_t generation;
  if (!indexToInt64(args[1], &generation, exc::OverflowError)) return Value();
  if (generation < 0 || generation > 2) return raise(exc::ValueError, "invalid generation");
  clearStackBelow();
  gc::collect(generation == 0 ? gc::Generation::kYoung : gc::Generation::kFull);
  gc::runFinalizers();
  if (errorPending()) return Value();
  return newInt(0);
}

Value gc_enable(Value*) {
  g_enabled = true;
  return None();
}

Value gc_disable(Value*) {
  g_enabled = false;
  return None();
}

Value gc_isenabled(Value*) { return Bool(g_enabled); }

const MethodDef kGcFunctions[] = {
    {.name = "collect", .signature = "($module, /, generation=2)", .fn = gc_collect,
     .doc = "Run the garbage collector.\n\nWith no arguments, run a full collection.  The optional argument\nmay be "
            "an integer specifying which generation to collect.  A ValueError\nis raised if the generation number "
            "is invalid.\n\nThe number of unreachable objects is returned."},
    {.name = "enable", .signature = "($module, /)", .fn = gc_enable, .doc = "Enable automatic garbage collection."},
    {.name = "disable", .signature = "($module, /)", .fn = gc_disable,
     .doc = "Disable automatic garbage collection."},
    {.name = "isenabled", .signature = "($module, /)", .fn = gc_isenabled,
     .doc = "Returns true if automatic garbage collection is enabled."},
};

// gc.garbage: always empty (Tern's collector leaves no uncollectable cycles);
// gc.callbacks: kept for code that appends to it, never called yet.
bool gcInit(Value module) {
  Value d = moduleDict(module);
  return dictSet(d, internStr("garbage"), newList()) == 0 && dictSet(d, internStr("callbacks"), newList()) == 0;
}

const NativeModuleDef kGcModule = {
    .name = "gc",
    .methods = kGcFunctions,
    .init = gcInit,
    .doc = "This module provides access to the garbage collector for reference cycles.",
};
TERN_REGISTER_MODULE(kGcModule);

}  // namespace

}  // namespace tern
