// What the gc module (gc.cc) does outside gc.* calls: the work a collection
// leaves for a safe point of the interpreter.
//
// A collection runs no Python code (runtime/gc/heap.h).  Whatever it found —
// finalizers and weakref callbacks queued, gc.callbacks and DEBUG_* reports
// owed for collections the allocator started — waits until the collector's
// observer (gc.cc) has asked the interpreter for a safe point
// (interp::requestGcWork, gil.h) and the interpreter reaches one: a backward
// jump or a call of a Python function (eval.cc), where signals are handled.
#pragma once

namespace tern {

// Reports the collections since the last safe point to gc.callbacks and the
// DEBUG_* flags, and runs the queued finalizers and weakref callbacks.  Their
// exceptions are reported as unraisable; false only with an exception
// pending that must propagate (a KeyboardInterrupt from a signal handler a
// finalizer's code ran).
bool runPendingGcWork();

}  // namespace tern
