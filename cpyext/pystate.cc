// Thread states, the GIL and thread primitives as the C API shows them
// (CPython's Python/pystate.c, Python/ceval_gil.c, Python/thread_pthread.h).
//
// Every thread C code runs on has one CState: a PyThreadState in CPython
// 3.11's layout (first, so C's PyThreadState* is the CState*) plus Tern's
// bookkeeping.  A thread the runtime runs (the main thread, threads of
// _thread) gets its CState when it first holds the GIL after cpyext started
// (premade: _PyRuntime's tstate_current must point at it before any C code
// of the thread runs, pyruntime.h), and binds it to its runtime ThreadState
// (rt->c_state) the first time C asks for the thread state through the API.
// Until then it is only what C reads through tstate_current: nothing keeps
// it coherent, it holds no objects (the functions that would store one bind
// it first: boundState), and the thread's end frees it (PremadeOwner).  Once
// bound it is freed with the runtime's ThreadState (c_state_hooks.release).
// Binding lazily keeps calls into C free of the exception bracketing
// (CCallScope) for threads whose C code never asked.  A thread C
// created gets one from its outermost PyGILState_Ensure (or from
// PyThreadState_New + PyEval_AcquireThread, as pybind11 does): that call takes
// the GIL, registers the thread with the heap (gc::MutatorThread) and attaches
// a runtime ThreadState, in _thread.cc's order; the matching outermost
// PyGILState_Release (or PyThreadState_DeleteCurrent) undoes all of it.
//
// Invariants:
//  - `holds_gil` is true exactly while the thread holds the GIL as far as C
//    is concerned: between Ensure/Acquire/Restore and Release/Save.
//  - _PyRuntime.gilstate.tstate_current is the GIL holder's state whenever C
//    code can run: takeGil's hook (noteGilTaken) stores the taker's, attach
//    the state it binds; the main thread's is stored when cpyext starts.
//  - A thread that gives the GIL up from C (PyEval_SaveThread, Release of an
//    inner Ensure) parks with the registers its C caller had at the call
//    (the assembly entry points below), so a collection on another thread
//    scans its whole stack, runtime frames included, as gil.h requires.
//  - The C view of the pending exception: curexc_type/value/traceback hold
//    new references to the proxies of the runtime's pending exception (its
//    type, the instance, its traceback) whenever `mirror` equals them.  C may
//    write the fields directly (Cython's __Pyx_ErrRestore/ErrFetch); a field
//    that differs from `mirror` is C's word, adopted by the runtime the next
//    time it reads the pending exception (errors.cc calls adoptFromC).  Every
//    change of the pending exception rewrites the fields (mirrorToC).
#include "cpyext/pystate.h"

#include <pthread.h>
#include <semaphore.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <mutex>

#include "cpyext/proxy.h"
#include "cpyext/proxy_internal.h"
#include "cpyext/pyruntime.h"
#include "runtime/gc/roots.h"
#include "runtime/interp/errors.h"
#include "runtime/interp/gil.h"
#include "runtime/interp/thread_state.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/exceptions.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"
#include "runtime/objects/type.h"

// The interpreter C sees: one, opaque to C (pytypedefs.h).  Its dict is
// PyInterpreterState_GetDict's.
struct _is {
  int64_t id;
  PyObject* dict;
};

namespace tern::cpyext {

namespace {

CState* asState(PyThreadState* ts) { return reinterpret_cast<CState*>(ts); }

_is g_interp = {.id = 0, .dict = nullptr};

// All CStates, linked through ts.prev / ts.next (PyInterpreterState_ThreadHead).
std::mutex g_states_mutex;
PyThreadState* g_states_head = nullptr;
uint64_t g_next_id = 1;

// The state PyGILState_* use for this thread (CPython's autoTSSkey): set by
// the first state made on or attached to the thread.
thread_local CState* t_state = nullptr;

// Frees, when its thread ends, the thread's premade state if C never bound
// it (a bound one goes with the runtime ThreadState, which clears `state`).
// An unbound state holds no objects, so this needs no GIL.
struct PremadeOwner {
  CState* state = nullptr;
  ~PremadeOwner();
};
thread_local PremadeOwner t_premade;

bool isUnboundPremade(const CState* c) { return c != nullptr && c->premade && c->runtime == nullptr; }

void hookAdopt(interp::ThreadState* rt);
void hookMirror(interp::ThreadState* rt);
void hookRelease(interp::ThreadState* rt);

CState* newState() {
  // Before the first state exists no thread reads the hooks; installed once
  // (a thread C made may get here without the GIL).
  static const bool installed = [] {
    interp::c_state_hooks = {.adopt_from_c = hookAdopt, .mirror_to_c = hookMirror, .release = hookRelease};
    return true;
  }();
  (void)installed;
  auto* c = new CState();
  PyThreadState& ts = c->ts;
  ts.interp = &g_interp;
  ts._initialized = 1;
  ts.recursion_limit = 1000;
  ts.recursion_remaining = 1000;
  ts.cframe = &ts.root_cframe;
  ts.exc_info = &ts.exc_state;
  ts.gilstate_counter = 1;
  std::lock_guard lock(g_states_mutex);
  ts.id = g_next_id++;
  ts.next = g_states_head;
  if (g_states_head != nullptr) g_states_head->prev = &ts;
  g_states_head = &ts;
  return c;
}

void unlinkState(CState* c) {
  std::lock_guard lock(g_states_mutex);
  if (c->ts.prev != nullptr) c->ts.prev->next = c->ts.next;
  if (c->ts.next != nullptr) c->ts.next->prev = c->ts.prev;
  if (g_states_head == &c->ts) g_states_head = c->ts.next;
}

// Frees a state that is going away: the thread's own records stop naming it.
void forget(CState* c) {
  unlinkState(c);
  if (t_state == c) t_state = nullptr;
  if (t_premade.state == c) t_premade.state = nullptr;
  delete c;
}

PremadeOwner::~PremadeOwner() {
  if (isUnboundPremade(state)) forget(state);
}

// The state tstate_current holds while the calling thread has the GIL: the
// one bound to its runtime ThreadState, else its PyGILState state, made
// (premade) for a thread that has neither.  Runs right after takeGil, maybe
// before the thread is registered with the heap: allocates C memory only.
CState* holderState() {
  interp::ThreadState* rt = interp::currentThread();
  if (rt != nullptr && rt->c_state != nullptr) return static_cast<CState*>(rt->c_state);
  if (t_state == nullptr) {
    t_state = newState();
    t_state->premade = true;
    t_premade.state = t_state;
  }
  return t_state;
}

void noteGilTaken() { setCurrentThreadState(&holderState()->ts); }

// Connects `c` with the calling thread's runtime state `rt`.
void bind(CState* c, interp::ThreadState* rt) {
  c->runtime = rt;
  rt->c_state = c;
  c->ts.thread_id = static_cast<unsigned long>(::pthread_self());
  c->ts.native_thread_id = static_cast<unsigned long>(::syscall(SYS_gettid));
  c->ts.recursion_limit = rt->recursion_limit;
  c->ts.recursion_remaining = rt->recursion_limit - rt->recursion_depth;
  // A state made elsewhere for this thread (PyThreadState_New on another
  // thread) replaces the one premade when the thread took the GIL.
  if (isUnboundPremade(t_state) && t_state != c) forget(t_state);
  if (t_state == nullptr) t_state = c;
  if (!rt->pending_exception.isNull()) hookMirror(rt);
}

[[noreturn]] void fatal(const char* function, const char* message) {
  std::fflush(stdout);
  std::fprintf(stderr, "Fatal Python error: %s: %s\n", function, message);
  std::fflush(stderr);
  std::abort();
}

// Makes a C-made thread (or a state made by PyThreadState_New) a runtime
// thread holding the GIL, in _thread.cc's order: the GIL, the heap, the state.
void attach(CState* c) {
  interp::noteThreadStarted();
  interp::takeGil();
  if (interp::currentThread() != nullptr) {
    // A runtime thread taking a state of its own: Tern keeps one per thread.
    if (interp::currentThread()->c_state != nullptr) {
      interp::dropGil();
      fatal("PyEval_AcquireThread", "a second thread state for a thread is not supported");
    }
    bind(c, interp::currentThread());
  } else {
    c->mutator = new gc::MutatorThread();
    c->owns_runtime = true;
    bind(c, interp::attachThread());
  }
  c->holds_gil = true;
  setCurrentThreadState(&c->ts);
}

// Releases what a state owns (PyThreadState_Clear).  Needs the GIL.
void clearState(CState* c) {
  PyThreadState& ts = c->ts;
  PyObject* owned[] = {ts.curexc_type, ts.curexc_value,        ts.curexc_traceback, ts.dict,
                       ts.async_exc,   ts.exc_state.exc_value, ts.c_profileobj,     ts.c_traceobj};
  ts.curexc_type = ts.curexc_value = ts.curexc_traceback = nullptr;
  c->mirror[0] = c->mirror[1] = c->mirror[2] = nullptr;
  ts.dict = ts.async_exc = ts.exc_state.exc_value = ts.c_profileobj = ts.c_traceobj = nullptr;
  c->written = nullptr;
  for (PyObject* o : owned) Py_XDECREF(o);
}

// Frees `c`, the current state of the calling thread, and gives up the GIL;
// a thread that attaching registered leaves the heap.
void deleteCurrent(CState* c) {
  clearState(c);
  interp::ThreadState* rt = c->runtime;
  gc::MutatorThread* mutator = c->mutator;
  bool owns = c->owns_runtime;
  if (rt != nullptr) rt->c_state = nullptr;
  forget(c);
  if (owns) delete rt;
  delete mutator;
  interp::dropGil();
}

// --- the C view of the pending exception --------------------------------------

PyObject* tracebackOf(Value e) {
  Value tb = static_cast<BaseExceptionObj*>(e.asObject())->traceback.get();
  return tb.isNull() || isNone(tb) ? nullptr : toNew(tb);
}

// Writing the fields costs a proxy per exception raised, so it starts only
// once some C code asked for the thread state the way code that reads them
// does: Cython 3 with CYTHON_FAST_THREAD_STATE (3.11) reaches its thread
// state through _PyThreadState_UncheckedGet, while Cython 0.29 (where it is
// off on 3.11) and most C code use PyThreadState_Get.  Adopting what C wrote
// costs three compares and is always on.
std::atomic<bool> g_mirror_armed{false};

void hookMirror(interp::ThreadState* rt) {
  CState* c = static_cast<CState*>(rt->c_state);
  PyThreadState& ts = c->ts;
  if (c->busy) return;
  if (!g_mirror_armed.load(std::memory_order_relaxed) && ts.curexc_type == nullptr && ts.curexc_value == nullptr &&
      ts.curexc_traceback == nullptr) {
    return;  // unarmed, and nothing C wrote is left to replace
  }
  Value e = rt->pending_exception;
  if (!e.isNull() && ts.curexc_value != nullptr && ts.curexc_value == c->mirror[1] && fromC(ts.curexc_value) == e) {
    // The same exception: only its traceback may have grown.
    Value tb = static_cast<BaseExceptionObj*>(e.asObject())->traceback.get();
    if (tb.isNull() || isNone(tb)) tb = Value();
    Value shown = ts.curexc_traceback == nullptr ? Value() : fromC(ts.curexc_traceback);
    if (tb == shown && ts.curexc_traceback == c->mirror[2] && ts.curexc_type == c->mirror[0]) return;
  }
  c->busy = true;
  // Making proxies may run runtime code (a traceback proxy reads its
  // attributes), which must not see or disturb the exception being mirrored.
  rt->pending_exception = Value();
  PyObject* old[3] = {ts.curexc_type, ts.curexc_value, ts.curexc_traceback};
  if (e.isNull()) {
    ts.curexc_type = ts.curexc_value = ts.curexc_traceback = nullptr;
  } else {
    ts.curexc_type = toNew(typeValue(typeOf(e)));
    ts.curexc_value = toNew(e);
    ts.curexc_traceback = tracebackOf(e);
  }
  c->mirror[0] = ts.curexc_type;
  c->mirror[1] = ts.curexc_value;
  c->mirror[2] = ts.curexc_traceback;
  rt->pending_exception = e;  // what went wrong meanwhile is dropped
  c->busy = false;
  // Last: a decref may run C code (a deallocator) that raises in turn.
  for (PyObject* o : old) Py_XDECREF(o);
}

// The exception instance C means by (type, value): CPython's normalisation.
Value normalise(Value type, Value value) {
  if (!type.isObject() || !hasTypeFlag(type, type_flags::kTypeSubclass) ||
      !isSubtype(static_cast<Type*>(type.asObject()), exc::BaseException)) {
    return raisef(exc::SystemError, "exception %s not a BaseException subclass", strToUtf8(repr(type)).c_str());
  }
  if (!value.isNull() && isInstanceOf(value, static_cast<Type*>(type.asObject()))) return value;
  Value e;
  if (value.isNull() || isNone(value)) {
    e = call0(type);
  } else if (isTuple(value)) {
    e = callTupleDict(type, value, Value());
  } else {
    e = call1(type, value);
  }
  if (e.isNull()) return Value();
  if (!isInstanceOf(e, exc::BaseException)) {
    return raisef(exc::TypeError, "calling %s should have returned an instance of BaseException, not %s",
                  strToUtf8(repr(type)).c_str(), typeNameOf(e).c_str());
  }
  return e;
}

// C wrote the fields: what they hold (owned by the thread state) is now the
// pending exception.  Kept out of line: hookAdopt runs on every error check.
[[gnu::noinline]] void adoptWritten(interp::ThreadState* rt, CState* c) {
  PyThreadState& ts = c->ts;
  PyObject* tb_before = c->mirror[2];
  c->mirror[0] = ts.curexc_type;
  c->mirror[1] = ts.curexc_value;
  c->mirror[2] = ts.curexc_traceback;
  if (ts.curexc_type == nullptr) {
    rt->pending_exception = Value();
    hookMirror(rt);  // drops a value or traceback left without a type
    return;
  }
  c->busy = true;
  rt->pending_exception = Value();
  Value e = normalise(fromC(ts.curexc_type), fromCOrNull(ts.curexc_value));
  if (e.isNull()) {
    e = rt->pending_exception;  // normalising failed: that error replaces it
  } else if (ts.curexc_traceback != nullptr && ts.curexc_traceback != tb_before) {
    static_cast<BaseExceptionObj*>(e.asObject())->traceback.set(fromC(ts.curexc_traceback));
  }
  rt->pending_exception = e;
  c->busy = false;
  hookMirror(rt);
}

void hookAdopt(interp::ThreadState* rt) {
  CState* c = static_cast<CState*>(rt->c_state);
  if (!c->curexcAsMirrored()) adoptWritten(rt, c);
}

void hookRelease(interp::ThreadState* rt) {
  CState* c = static_cast<CState*>(rt->c_state);
  rt->c_state = nullptr;
  c->runtime = nullptr;
  clearState(c);
  forget(c);
}

}  // namespace

PyThreadState* currentThreadState() {
  if (t_state != nullptr && t_state->runtime != nullptr) return &t_state->ts;
  interp::ThreadState* rt = interp::currentThread();
  if (rt == nullptr) return nullptr;
  if (rt->c_state == nullptr) {
    // The premade state C may have seen through tstate_current, if any (a
    // thread that has not held the GIL since cpyext started has none).
    CState* c = isUnboundPremade(t_state) ? t_state : newState();
    c->holds_gil = true;  // C code asking on a runtime thread runs under the GIL
    bind(c, rt);
  }
  return &static_cast<CState*>(rt->c_state)->ts;
}

PyThreadState* boundState(PyThreadState* tstate) {
  return asState(tstate) == t_state && isUnboundPremade(t_state) ? currentThreadState() : tstate;
}

void trackGilHolder() {
  interp::g_gil_taken_hook = noteGilTaken;
  noteGilTaken();
}

// --- CCallScope: the handled exception across a call into C -----------------

void CCallScope::enter() {
  CState* c = state_;
  saved_top_ = c->ts.exc_info;
  saved_value_ = c->ts.exc_state.exc_value;
  saved_written_ = c->written;
  Value handled = thread_->handled_exception;
  c->ts.exc_state.exc_value = handled.isNull() || isNone(handled) ? nullptr : toNew(handled);
  c->ts.exc_info = &c->ts.exc_state;
  c->written = c->ts.exc_state.exc_value;
}

void CCallScope::leave() {
  CState* c = state_;
  PyObject* now = c->ts.exc_state.exc_value;
  if (now != c->written && c->runtime != nullptr) {
    // C replaced the handled exception (Cython's __Pyx_ExceptionReset).
    c->runtime->handled_exception = now == nullptr || now == Py_None ? Value() : fromC(now);
  }
  c->ts.exc_state.exc_value = saved_value_;
  c->ts.exc_info = saved_top_;
  c->written = saved_written_;
  Py_XDECREF(now);
}

}  // namespace tern::cpyext

using namespace tern;
using namespace tern::cpyext;

// ---------------------------------------------------------------------------
// Giving the GIL up from C
//
// The collector scans a thread that gave the GIL up from its saved stack
// pointer upwards, plus its saved callee-saved registers (gil.h).  When C
// calls PyEval_SaveThread the runtime's frames further up may keep heap
// references in callee-saved registers, which C's own code preserved either
// in those registers or in its frames.  The registers must therefore be
// captured as they are on entry from C, and the stack pointer must be the one
// C continues with, not a deeper frame that is gone once the call returns.
// These entry points capture both in a few instructions, then call the
// implementation with the record and the original first argument.

namespace {

PyThreadState* saveThreadImpl(const gc::SavedRegisters* registers, PyThreadState* tstate, const char* function) {
  CState* c = tstate == nullptr ? nullptr : asState(tstate);
  if (c == nullptr || c->runtime == nullptr || c->runtime != interp::currentThread() || !c->holds_gil) {
    fatal(function, "the thread state is not current or does not hold the GIL");
  }
  c->holds_gil = false;
  interp::noteThreadStarted();
  interp::releaseGil(*registers);
  return tstate;
}

}  // namespace

extern "C" {

[[gnu::visibility("hidden"), gnu::used]] PyThreadState* tern_cpyext_SaveThread(const gc::SavedRegisters* registers,
                                                                               uintptr_t) {
  return saveThreadImpl(registers, currentThreadState(), "PyEval_SaveThread");
}

[[gnu::visibility("hidden"), gnu::used]] void tern_cpyext_ReleaseThread(const gc::SavedRegisters* registers,
                                                                        uintptr_t tstate) {
  saveThreadImpl(registers, reinterpret_cast<PyThreadState*>(tstate), "PyEval_ReleaseThread");
}

[[gnu::visibility("hidden"), gnu::used]] void tern_cpyext_GILState_Release(const gc::SavedRegisters* registers,
                                                                           uintptr_t oldstate) {
  CState* c = t_state;
  if (c == nullptr || c->runtime == nullptr || c->runtime != interp::currentThread()) {
    fatal("PyGILState_Release", "auto-releasing thread-state, but no thread-state for this thread");
  }
  if (!c->holds_gil) fatal("PyGILState_Release", "thread state must be current when releasing");
  if (--c->ts.gilstate_counter == 0) {
    // The outermost Ensure of a thread it made a state for.
    deleteCurrent(c);
    return;
  }
  if (static_cast<PyGILState_STATE>(oldstate) == PyGILState_UNLOCKED) {
    saveThreadImpl(registers, &c->ts, "PyGILState_Release");
  }
}

}  // extern "C"

// rdi (the C caller's argument) moves to rsi; rdi gets the register record,
// built on the stack below the caller's frame.  The saved stack pointer is
// the caller's after the return (entry rsp + 8).  72 bytes keep the call
// 16-byte aligned.
// clang-format off
#define TERN_PARKING_ENTRY(name, impl)  \
  asm(".text\n"                         \
      ".globl " #name "\n"              \
      ".type " #name ", @function\n"    \
      #name ":\n"                       \
      ".cfi_startproc\n"                \
      "subq $72, %rsp\n"                \
      ".cfi_def_cfa_offset 80\n"        \
      "movq %rbx, 0(%rsp)\n"            \
      "movq %rbp, 8(%rsp)\n"            \
      "movq %r12, 16(%rsp)\n"           \
      "movq %r13, 24(%rsp)\n"           \
      "movq %r14, 32(%rsp)\n"           \
      "movq %r15, 40(%rsp)\n"           \
      "leaq 80(%rsp), %rax\n"           \
      "movq %rax, 48(%rsp)\n"           \
      "movq %rdi, %rsi\n"               \
      "movq %rsp, %rdi\n"               \
      "call " #impl "\n"                \
      "addq $72, %rsp\n"                \
      ".cfi_def_cfa_offset 8\n"         \
      "ret\n"                           \
      ".cfi_endproc\n"                  \
      ".size " #name ", .-" #name "\n")
// clang-format on

TERN_PARKING_ENTRY(PyEval_SaveThread, tern_cpyext_SaveThread);
TERN_PARKING_ENTRY(PyEval_ReleaseThread, tern_cpyext_ReleaseThread);
TERN_PARKING_ENTRY(PyGILState_Release, tern_cpyext_GILState_Release);

extern "C" {

void PyEval_RestoreThread(PyThreadState* tstate) {
  if (tstate == nullptr) fatal("PyEval_RestoreThread", "NULL thread state");
  CState* c = asState(tstate);
  if (c->runtime == nullptr) {
    attach(c);
    return;
  }
  if (c->runtime != interp::currentThread()) fatal("PyEval_RestoreThread", "thread state of another thread");
  interp::acquireGil();
  c->holds_gil = true;
}

void PyEval_AcquireThread(PyThreadState* tstate) { PyEval_RestoreThread(tstate); }

int PyEval_ThreadsInitialized(void) { return 1; }
void PyEval_InitThreads(void) {}

// --- PyGILState ---------------------------------------------------------------

PyGILState_STATE PyGILState_Ensure(void) {
  CState* c = t_state;
  if ((c == nullptr || isUnboundPremade(c)) && interp::currentThread() != nullptr) c = asState(currentThreadState());
  if (c == nullptr) {
    // A thread the runtime has never seen.
    c = newState();
    c->ts.gilstate_counter = 0;
    t_state = c;
  }
  if (c->runtime != nullptr && c->holds_gil) {
    ++c->ts.gilstate_counter;
    return PyGILState_LOCKED;
  }
  PyEval_RestoreThread(&c->ts);
  ++c->ts.gilstate_counter;
  return PyGILState_UNLOCKED;
}

PyThreadState* PyGILState_GetThisThreadState(void) {
  if (t_state != nullptr && !isUnboundPremade(t_state)) return &t_state->ts;
  return currentThreadState();
}

int PyGILState_Check(void) {
  CState* c = t_state;
  if (c == nullptr || isUnboundPremade(c)) {
    interp::ThreadState* rt = interp::currentThread();
    if (rt == nullptr) return 0;
    c = static_cast<CState*>(rt->c_state);
    if (c == nullptr) return 1;  // C runs on a runtime thread that never gave the GIL up from C
  }
  return c->runtime != nullptr && c->holds_gil ? 1 : 0;
}

PyInterpreterState* _PyGILState_GetInterpreterStateUnsafe(void) { return &g_interp; }

// --- PyThreadState ----------------------------------------------------------------

PyThreadState* PyThreadState_Get(void) {
  PyThreadState* ts = currentThreadState();
  if (ts == nullptr || !asState(ts)->holds_gil) {
    fatal("PyThreadState_Get",
          "the function must be called with the GIL held, but the GIL is released (the current Python thread state "
          "is NULL)");
  }
  return ts;
}

PyThreadState* _PyThreadState_UncheckedGet(void) {
  PyThreadState* ts = currentThreadState();
  if (!g_mirror_armed.load(std::memory_order_relaxed) && ts != nullptr && asState(ts)->holds_gil) {
    g_mirror_armed.store(true, std::memory_order_relaxed);
    hookMirror(asState(ts)->runtime);
  }
  return ts;
}

PyThreadState* PyThreadState_New(PyInterpreterState*) {
  CState* c = newState();
  if (t_state == nullptr) t_state = c;
  return &c->ts;
}

PyThreadState* _PyThreadState_Prealloc(PyInterpreterState* interp) { return PyThreadState_New(interp); }

void PyThreadState_Clear(PyThreadState* tstate) {
  if (tstate != nullptr) clearState(asState(tstate));
}

void PyThreadState_Delete(PyThreadState* tstate) {
  if (tstate == nullptr) fatal("PyThreadState_Delete", "NULL tstate");
  CState* c = asState(tstate);
  if (c->runtime != nullptr && c->runtime == interp::currentThread()) {
    fatal("PyThreadState_Delete", "tstate is still current");
  }
  if (c->runtime != nullptr) fatal("PyThreadState_Delete", "the thread state of a running thread");
  if (c->premade) fatal("PyThreadState_Delete", "the thread state of a thread Python started");
  clearState(c);
  forget(c);
}

void PyThreadState_DeleteCurrent(void) {
  CState* c = t_state;
  if (c == nullptr || c->runtime == nullptr || c->runtime != interp::currentThread()) {
    fatal("PyThreadState_DeleteCurrent", "no current tstate");
  }
  if (!c->owns_runtime) {
    // The state of a thread the runtime runs: it lives on with the thread.
    fatal("PyThreadState_DeleteCurrent", "the thread state of a thread Python started");
  }
  deleteCurrent(c);
}

PyThreadState* PyThreadState_Swap(PyThreadState* tstate) {
  PyThreadState* current = currentThreadState();
  if (tstate != nullptr && tstate != current) {
    fatal("PyThreadState_Swap", "switching a thread to another thread state is not supported");
  }
  return current;
}

PyObject* PyThreadState_GetDict(void) {
  PyThreadState* ts = currentThreadState();
  if (ts == nullptr) return nullptr;
  if (ts->dict == nullptr) ts->dict = toNew(newDict());
  return ts->dict;
}

PyObject* _PyThreadState_GetDict(PyThreadState* tstate) {
  tstate = boundState(tstate);
  if (tstate->dict == nullptr) tstate->dict = toNew(newDict());
  return tstate->dict;
}

PyInterpreterState* PyThreadState_GetInterpreter(PyThreadState* tstate) { return tstate->interp; }

uint64_t PyThreadState_GetID(PyThreadState* tstate) { return tstate->id; }

void PyThreadState_EnterTracing(PyThreadState* tstate) { ++tstate->tracing; }
void PyThreadState_LeaveTracing(PyThreadState* tstate) { --tstate->tracing; }

PyThreadState* PyInterpreterState_ThreadHead(PyInterpreterState*) {
  std::lock_guard lock(g_states_mutex);
  return g_states_head;
}

PyThreadState* PyThreadState_Next(PyThreadState* tstate) {
  std::lock_guard lock(g_states_mutex);
  return tstate->next;
}

// CPython's thread ids are pthread_self() values, as threading.get_ident()'s.
int PyThreadState_SetAsyncExc(unsigned long id, PyObject* exc) {
  return interp::setAsyncException(static_cast<uint64_t>(id), fromCOrNull(exc));
}

// --- PyInterpreterState -------------------------------------------------------------

PyInterpreterState* PyInterpreterState_Get(void) {
  if (currentThreadState() == nullptr) fatal("PyInterpreterState_Get", "no current thread state");
  return &g_interp;
}
PyInterpreterState* PyInterpreterState_Main(void) { return &g_interp; }
PyInterpreterState* PyInterpreterState_Head(void) { return &g_interp; }
PyInterpreterState* PyInterpreterState_Next(PyInterpreterState*) { return nullptr; }
int64_t PyInterpreterState_GetID(PyInterpreterState* interp) {
  if (interp == nullptr) {
    raise(exc::RuntimeError, "no interpreter provided");
    return -1;
  }
  return interp->id;
}
PyObject* PyInterpreterState_GetDict(PyInterpreterState* interp) {
  if (interp->dict == nullptr) interp->dict = toNew(newDict());
  return interp->dict;
}

// ---------------------------------------------------------------------------
// Threads, locks and thread-specific storage (pythread.h).  No GIL needed.

void PyThread_init_thread(void) {}

unsigned long PyThread_get_thread_ident(void) { return static_cast<unsigned long>(::pthread_self()); }
unsigned long PyThread_get_thread_native_id(void) { return static_cast<unsigned long>(::syscall(SYS_gettid)); }

unsigned long PyThread_start_new_thread(void (*func)(void*), void* arg) {
  struct Start {
    void (*func)(void*);
    void* arg;
  };
  auto* start = new Start{func, arg};
  auto body = [](void* raw) -> void* {
    Start s = *static_cast<Start*>(raw);
    delete static_cast<Start*>(raw);
    s.func(s.arg);
    return nullptr;
  };
  pthread_attr_t attr;
  ::pthread_attr_init(&attr);
  ::pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
  pthread_t id;
  interp::noteThreadStarted();
  int error = ::pthread_create(&id, &attr, body, start);
  ::pthread_attr_destroy(&attr);
  if (error != 0) {
    delete start;
    return PYTHREAD_INVALID_THREAD_ID;
  }
  return static_cast<unsigned long>(id);
}

void PyThread_exit_thread(void) { ::pthread_exit(nullptr); }

size_t PyThread_get_stacksize(void) { return 0; }
int PyThread_set_stacksize(size_t size) { return size == 0 ? 0 : -2; }

// A lock is a POSIX semaphore, as _thread's locks are: any thread may release it.
PyThread_type_lock PyThread_allocate_lock(void) {
  auto* sem = static_cast<sem_t*>(std::malloc(sizeof(sem_t)));
  if (sem == nullptr) return nullptr;
  if (::sem_init(sem, 0, 1) != 0) {
    std::free(sem);
    return nullptr;
  }
  return sem;
}

void PyThread_free_lock(PyThread_type_lock lock) {
  if (lock == nullptr) return;
  ::sem_destroy(static_cast<sem_t*>(lock));
  std::free(lock);
}

PyLockStatus PyThread_acquire_lock_timed(PyThread_type_lock lock, PY_TIMEOUT_T microseconds, int intr_flag) {
  auto* sem = static_cast<sem_t*>(lock);
  if (microseconds == 0) return ::sem_trywait(sem) == 0 ? PY_LOCK_ACQUIRED : PY_LOCK_FAILURE;
  timespec deadline{};
  if (microseconds > 0) {
    ::clock_gettime(CLOCK_MONOTONIC, &deadline);
    deadline.tv_sec += static_cast<time_t>(microseconds / 1000000);
    deadline.tv_nsec += static_cast<long>(microseconds % 1000000) * 1000;
    if (deadline.tv_nsec >= 1000000000L) {
      deadline.tv_nsec -= 1000000000L;
      ++deadline.tv_sec;
    }
  }
  for (;;) {
    int r = microseconds < 0 ? ::sem_wait(sem) : ::sem_clockwait(sem, CLOCK_MONOTONIC, &deadline);
    if (r == 0) return PY_LOCK_ACQUIRED;
    if (errno == ETIMEDOUT) return PY_LOCK_FAILURE;
    if (errno == EINTR && intr_flag) return PY_LOCK_INTR;
    if (errno != EINTR) return PY_LOCK_FAILURE;
  }
}

int PyThread_acquire_lock(PyThread_type_lock lock, int waitflag) {
  return PyThread_acquire_lock_timed(lock, waitflag ? -1 : 0, 0) == PY_LOCK_ACQUIRED ? 1 : 0;
}

void PyThread_release_lock(PyThread_type_lock lock) { ::sem_post(static_cast<sem_t*>(lock)); }

int _PyThread_at_fork_reinit(PyThread_type_lock* lock) {
  PyThread_type_lock fresh = PyThread_allocate_lock();
  if (fresh == nullptr) return -1;
  // The old lock may be held by a thread that does not exist in the child:
  // it is leaked, not destroyed, as CPython does.
  *lock = fresh;
  return 0;
}

Py_tss_t* PyThread_tss_alloc(void) {
  auto* key = static_cast<Py_tss_t*>(std::malloc(sizeof(Py_tss_t)));
  if (key != nullptr) *key = Py_tss_t{};
  return key;
}

void PyThread_tss_free(Py_tss_t* key) {
  if (key == nullptr) return;
  PyThread_tss_delete(key);
  std::free(key);
}

int PyThread_tss_is_created(Py_tss_t* key) { return key->_is_initialized; }

int PyThread_tss_create(Py_tss_t* key) {
  if (key->_is_initialized) return 0;
  if (::pthread_key_create(&key->_key, nullptr) != 0) return -1;
  key->_is_initialized = 1;
  return 0;
}

void PyThread_tss_delete(Py_tss_t* key) {
  if (!key->_is_initialized) return;
  ::pthread_key_delete(key->_key);
  key->_is_initialized = 0;
}

int PyThread_tss_set(Py_tss_t* key, void* value) { return ::pthread_setspecific(key->_key, value) == 0 ? 0 : -1; }

void* PyThread_tss_get(Py_tss_t* key) { return ::pthread_getspecific(key->_key); }

}  // extern "C"

// ---------------------------------------------------------------------------
// The handled exception (sys.exception()), as C reads and replaces it.

namespace {

// The exception being handled: what C left in exc_state inside a CCallScope
// if it replaced what the scope wrote there, else the runtime's.
Value handledException() {
  interp::ThreadState* rt = interp::currentThread();
  if (auto* c = static_cast<CState*>(rt->c_state); c != nullptr && c->ts.exc_state.exc_value != c->written) {
    PyObject* now = c->ts.exc_state.exc_value;
    return now == nullptr || now == Py_None ? Value() : fromC(now);
  }
  Value e = rt->handled_exception;
  return e.isNull() || isNone(e) ? Value() : e;
}

void setHandledException(Value e) {
  interp::ThreadState* rt = interp::currentThread();
  rt->handled_exception = e;
  if (auto* c = static_cast<CState*>(rt->c_state); c != nullptr && c->ts.exc_info == &c->ts.exc_state) {
    // Keep exc_state in step, so that a scope's exit sees nothing to adopt.
    PyObject* old = c->ts.exc_state.exc_value;
    c->ts.exc_state.exc_value = e.isNull() ? nullptr : toNew(e);
    c->written = c->ts.exc_state.exc_value;
    Py_XDECREF(old);
  }
}

}  // namespace

extern "C" {

void PyErr_GetExcInfo(PyObject** ptype, PyObject** pvalue, PyObject** ptraceback) {
  Value e = handledException();
  if (e.isNull()) {
    *ptype = *pvalue = *ptraceback = nullptr;
    return;
  }
  *ptype = toNew(typeValue(typeOf(e)));
  *pvalue = toNew(e);
  *ptraceback = tracebackOf(e);
}

void PyErr_SetExcInfo(PyObject* type, PyObject* value, PyObject* traceback) {
  Value e = value == nullptr || value == Py_None ? Value() : fromC(value);
  if (!e.isNull() && traceback != nullptr && traceback != Py_None && isInstanceOf(e, exc::BaseException)) {
    static_cast<BaseExceptionObj*>(e.asObject())->traceback.set(fromC(traceback));
  }
  setHandledException(e);
  Py_XDECREF(type);
  Py_XDECREF(value);
  Py_XDECREF(traceback);
}

PyObject* PyErr_GetHandledException(void) { return returnNew(handledException()); }
PyObject* _PyErr_GetHandledException(PyThreadState*) { return PyErr_GetHandledException(); }

void PyErr_SetHandledException(PyObject* exc) {
  setHandledException(exc == nullptr || exc == Py_None ? Value() : fromC(exc));
}
void _PyErr_SetHandledException(PyThreadState*, PyObject* exc) { PyErr_SetHandledException(exc); }

}  // extern "C"
