// sys.settrace / sys.setprofile: the events of tracing.h.
#include "runtime/interp/tracing.h"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <vector>

#include "runtime/gc/roots.h"
#include "runtime/interp/code.h"
#include "runtime/interp/errors.h"
#include "runtime/interp/frame.h"
#include "runtime/interp/opcodes.h"
#include "runtime/interp/thread_state.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/exceptions.h"
#include "runtime/objects/method.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"

namespace tern::interp {

namespace tracing_internal {
bool g_active = false;
void* g_real_targets[256];
}  // namespace tracing_internal

namespace {

using tracing_internal::g_active;

FrameObj* asFrameObj(Value v) { return static_cast<FrameObj*>(v.asObject()); }
using tracing_internal::g_real_targets;

void** g_table = nullptr;        // runFrame's dispatch table
void* g_trace_target = nullptr;  // its op_TRACE block
// Threads with a trace or profile function.  Atomic because a thread that
// ends while tracing leaves the count after it has let the GIL go.
std::atomic<int> g_tracing_threads{0};

// One thread's functions, and the builtin calls whose c_return is due.
class TraceState final : public gc::RootBase {
 public:
  Value trace_func;                  // sys.settrace's, or null
  Value profile_func;                // sys.setprofile's, or null
  CTraceHook c_trace, c_profile;     // PyEval_SetTrace's / SetProfile's (then the Python ones are null)
  Value c_trace_obj, c_profile_obj;  // their objects, or null
  int running = 0;                   // > 0 while one of them runs: no events then
  std::vector<Frame*> c_frames;      // the frames of the pending c_calls, innermost last
  std::vector<Value> c_funcs;        // their builtins

  bool tracing() const { return !trace_func.isNull() || c_trace.fn != nullptr; }
  bool profiling() const { return !profile_func.isNull() || c_profile.fn != nullptr; }
  bool enabled() const { return tracing() || profiling(); }
  void traceRoots(gc::RootVisitor& visitor) override {
    visitor.visitRoot(&trace_func);
    visitor.visitRoot(&profile_func);
    visitor.visitRoot(&c_trace_obj);
    visitor.visitRoot(&c_profile_obj);
    for (Value& v : c_funcs) visitor.visitRoot(&v);
  }
};

thread_local TraceState* t_state = nullptr;

// A thread that ends while tracing stops counting (its functions stay
// referenced by its TraceState, which is never freed).
struct ThreadExit {
  ~ThreadExit();
};
thread_local ThreadExit t_exit;

TraceState* state() {
  if (t_state == nullptr) t_state = new TraceState();  // lives as long as the thread's ThreadState
  return t_state;
}

// The state of a thread that is tracing and not inside its own trace function, or null.
TraceState* activeState() {
  TraceState* st = t_state;
  return st != nullptr && st->running == 0 && st->enabled() ? st : nullptr;
}

// Points the dispatch table at op_TRACE or back.  Every entry is valid at
// every moment, whichever of the two it holds.
void redirectTable() {
  if (g_table == nullptr) return;
  for (int i = 0; i < 256; ++i) g_table[i] = g_active ? g_trace_target : g_real_targets[i];
}

void countTracingThread(int delta) {
  bool active = g_tracing_threads.fetch_add(delta) + delta > 0;
  if (active != g_active) {
    g_active = active;
    redirectTable();
  }
}

ThreadExit::~ThreadExit() {
  if (t_state != nullptr && t_state->enabled()) countTracingThread(-1);
}

// After the calling thread's functions changed from `was_enabled`.
void updateActive(TraceState* st, bool was_enabled) {
  bool enabled = st->enabled();
  if (enabled == was_enabled) return;
  (void)&t_exit;  // constructed (and destroyed at thread exit) once used
  countTracingThread(enabled ? 1 : -1);
  if (!enabled) {
    st->c_frames.clear();
    st->c_funcs.clear();
  }
}

// The frames already running when tracing starts get no 'call' event; their
// next instruction is compared with the one running now for 'line'.
void markRunningFrames(ThreadState* ts) {
  for (Frame* f = ts->frame; f != nullptr; f = f->previous()) {
    f->setFlags(f->flags() | frame_flags::kTraceCalled);
    if (!f->frame_obj.isNull()) asFrameObj(f->frame_obj)->trace_prev = f->lasti() + 1;
  }
}

// Calls `func(frame, event, arg)` with the thread's tracing suspended.
Value callHook(TraceState* st, Value func, Value frame_obj, const char* event, Value arg) {
  Value args[3] = {frame_obj, internStr(event), arg.isNull() ? None() : arg};
  ++st->running;
  Value r = call(func, args, 3);
  --st->running;
  return r;
}

// CPython's PyTrace_* number of an event.
int eventNumber(const char* event) {
  static const char* const kEvents[] = {"call",   "exception",   "line",     "return",
                                        "c_call", "c_exception", "c_return", "opcode"};
  for (int i = 0; i < 8; ++i) {
    if (std::strcmp(kEvents[i], event) == 0) return i;
  }
  return -1;
}

// Gives a C function its event, with the thread's tracing suspended.
bool callCHook(TraceState* st, const CTraceHook& hook, Value obj, Frame* frame, const char* event, Value arg) {
  Value fo = frameObject(frame);
  if (fo.isNull()) return false;
  CTraceHook h = hook;  // the function may replace itself
  ++st->running;
  bool ok = h.call(h.fn, obj, fo, eventNumber(event), arg.isNull() ? None() : arg);
  --st->running;
  return ok;
}

// The trace function's event: a C function gets each; else the global
// function for 'call' (its result becomes f_trace), f_trace for the others
// (a result other than None replaces it).
bool giveTraceEvent(TraceState* st, Frame* frame, const char* event, Value arg) {
  if (st->c_trace.fn != nullptr) return callCHook(st, st->c_trace, st->c_trace_obj, frame, event, arg);
  if (st->trace_func.isNull()) return true;
  Value fo = frameObject(frame);
  if (fo.isNull()) return false;
  bool is_call = std::strcmp(event, "call") == 0;
  Value callback = is_call ? st->trace_func : asFrameObj(fo)->trace.get();
  if (callback.isNull()) return true;
  Value r = callHook(st, callback, fo, event, arg);
  if (r.isNull()) {
    bool was = st->enabled();
    st->trace_func = Value();
    updateActive(st, was);
    asFrameObj(fo)->trace.set(Value());
    return false;
  }
  if (!isNone(r)) asFrameObj(fo)->trace.set(r);
  return true;
}

bool giveProfileEvent(TraceState* st, Frame* frame, const char* event, Value arg) {
  if (st->c_profile.fn != nullptr) return callCHook(st, st->c_profile, st->c_profile_obj, frame, event, arg);
  if (st->profile_func.isNull()) return true;
  Value fo = frameObject(frame);
  if (fo.isNull()) return false;
  if (callHook(st, st->profile_func, fo, event, arg).isNull()) {
    bool was = st->enabled();
    st->profile_func = Value();
    updateActive(st, was);
    return false;
  }
  return true;
}

// Ends the pending c_call of `frame` (if any) with `event`; drops the ones of
// frames that are gone (deeper on the value stack).
bool finishCCall(TraceState* st, Frame* frame, const char* event) {
  while (!st->c_frames.empty() && st->c_frames.back() > frame) {
    st->c_frames.pop_back();
    st->c_funcs.pop_back();
  }
  if (st->c_frames.empty() || st->c_frames.back() != frame) return true;
  Value func = st->c_funcs.back();
  st->c_frames.pop_back();
  st->c_funcs.pop_back();
  return giveProfileEvent(st, frame, event, func);
}

// The builtin a CALL / CALL_FUNCTION_EX calls, as the profile function sees
// it (a method descriptor bound to its first argument), or null.
Value calledBuiltin(Frame* frame, uint32_t insn) {
  Value* sp = frame->stackBase() + frame->depth();
  uint32_t oparg = argOf(insn);
  if (opOf(insn) == Op::CALL_FUNCTION_EX) {
    Value func = sp[-static_cast<ptrdiff_t>(2 + (oparg & 1))];
    return typeOf(func) == types::builtin_function_type ? func : Value();
  }
  Value* base = sp - oparg - 2;
  Value callable = base[0].isNull() ? base[1] : base[0];
  Value self = base[0].isNull() ? (oparg > 0 ? base[2] : Value()) : base[1];
  if (base[0].isNull() && isMethod(callable)) {
    self = methodSelf(callable);
    callable = methodFunc(callable);
  }
  Type* t = typeOf(callable);
  if (t == types::builtin_function_type) return callable;
  if (t == types::method_descriptor_type && !self.isNull() && t->slots.tp_descr_get != nullptr) {
    Value bound = t->slots.tp_descr_get(callable, self, typeValue(typeOf(self)));
    if (bound.isNull()) clearError();  // the call itself will say what is wrong
    return bound;
  }
  return Value();
}

// The line the frame's previous traced instruction had (CPython compares
// with it); none at the entry: the first instruction always starts a line.
int previousLine(CodeObj* code, int64_t prev) { return prev >= 0 ? codeLine(code, prev) : -1; }

// f_lineno during the 'call' event: the line of CPython's RESUME (the def
// line; 0 in module code).
int entryLine(CodeObj* code) { return strToUtf8(code->name.get()) == "<module>" ? 0 : code->firstlineno; }

}  // namespace

void registerDispatchTable(void** table, void* trace_target) {
  std::memcpy(g_real_targets, table, sizeof g_real_targets);
  g_table = table;
  g_trace_target = trace_target;
  redirectTable();
}

bool traceInstruction(ThreadState* ts, Frame* frame) {
  (void)ts;
  TraceState* st = activeState();
  if (st == nullptr) return true;
  CodeObj* code = frame->codeObj();
  const uint32_t* ip = frame->instr();
  uint32_t insn = *ip;
  Op op = opOf(insn);
  int64_t lasti = ip - code->code();
  if (!finishCCall(st, frame, "c_return")) return false;
  // Making a generator runs its prologue: its events come when it resumes.
  if (op == Op::RETURN_GENERATOR) return true;

  uint64_t flags = frame->flags();
  if ((flags & frame_flags::kTraceCalled) == 0) {
    frame->setFlags(flags | frame_flags::kTraceCalled);
    Value fo = frameObject(frame);
    if (fo.isNull()) return false;
    bool resumed = !frame->gen.isNull() && asFrameObj(fo)->trace_prev > 0;
    if (!resumed) asFrameObj(fo)->trace_prev = -1;  // the entry
    asFrameObj(fo)->trace_lineno = 1 + (resumed ? codeLine(code, asFrameObj(fo)->trace_prev - 1) : entryLine(code));
    bool ok = giveTraceEvent(st, frame, "call", Value()) && giveProfileEvent(st, frame, "call", Value());
    asFrameObj(fo)->trace_lineno = 0;
    if (!ok) return false;
    if (activeState() == nullptr) return true;
  }

  // The POP_TOP after a generator's RETURN_GENERATOR is still its prologue
  // (CPython's RESUME follows it).
  if (lasti > 0 && opOf(ip[-1]) == Op::RETURN_GENERATOR) return true;

  // 'line' and 'opcode' for a frame with f_trace, or for every frame to a C
  // trace function.
  Value fo = frame->frame_obj;
  if (fo.isNull() && st->c_trace.fn != nullptr) {
    fo = frameObject(frame);
    if (fo.isNull()) return false;
  }
  if (!fo.isNull() &&
      (st->c_trace.fn != nullptr || (!st->trace_func.isNull() && !asFrameObj(fo)->trace.get().isNull()))) {
    FrameObj* f = asFrameObj(fo);
    int64_t prev = f->trace_prev > 0 ? f->trace_prev - 1 : f->trace_prev == 0 ? lasti - 1 : -1;
    int line = codeLine(code, lasti);
    if (line >= 0 && (f->trace_flags & FrameObj::kTraceNoLines) == 0) {
      bool backward = prev >= 0 && lasti < prev && op != Op::SEND;
      if (line != previousLine(code, prev) || backward) {
        if (!giveTraceEvent(st, frame, "line", Value())) return false;
      }
    }
    if ((asFrameObj(fo)->trace_flags & FrameObj::kTraceOpcodes) != 0 &&
        (st->c_trace.fn != nullptr || !asFrameObj(fo)->trace.get().isNull())) {
      if (!giveTraceEvent(st, frame, "opcode", Value())) return false;
    }
  }
  int64_t traced_before = fo.isNull() ? 0 : asFrameObj(fo)->trace_prev;
  if (!fo.isNull()) asFrameObj(fo)->trace_prev = lasti + 1;

  switch (op) {
    case Op::RETURN_VALUE:
    case Op::YIELD_VALUE: {
      Value value = frame->stackBase()[frame->depth() - 1];
      // An implicit `return None` has no line in Tern; CPython gives it the
      // last statement's, which is the line traced before.
      bool no_line = !fo.isNull() && codeLine(code, lasti) < 0;
      if (no_line) {
        int64_t i = traced_before > 0 ? traced_before - 1 : lasti;
        while (i > 0 && codeLine(code, i) < 0) --i;
        asFrameObj(fo)->trace_lineno = 1 + std::max(codeLine(code, i), 0);
      }
      bool ok = giveTraceEvent(st, frame, "return", value) && giveProfileEvent(st, frame, "return", value);
      if (no_line) asFrameObj(fo)->trace_lineno = 0;
      if (!ok) return false;
      if (op == Op::YIELD_VALUE) frame->setFlags(frame->flags() & ~frame_flags::kTraceCalled);
      break;
    }
    case Op::CALL:
    case Op::CALL_FUNCTION_EX: {
      if (!st->profiling()) break;
      Value func = calledBuiltin(frame, insn);
      if (func.isNull()) break;
      if (!giveProfileEvent(st, frame, "c_call", func)) return false;
      if (TraceState* s = activeState(); s != nullptr && s->profiling()) {
        s->c_frames.push_back(frame);
        s->c_funcs.push_back(func);
      }
      break;
    }
    default:
      break;
  }
  return true;
}

void traceException(ThreadState* ts, Frame* frame) {
  (void)ts;
  TraceState* st = activeState();
  if (st == nullptr) return;
  Value e = takeError();
  bool ok = finishCCall(st, frame, "c_exception");
  if (ok && (st->c_trace.fn != nullptr || (!st->trace_func.isNull() && !frame->frame_obj.isNull() &&
                                           !asFrameObj(frame->frame_obj)->trace.get().isNull()))) {
    Value tb = static_cast<BaseExceptionObj*>(e.asObject())->traceback.get();
    Value arg = newTupleOf({typeValue(typeOf(e)), e, tb.isNull() ? None() : tb});
    ok = !arg.isNull() && giveTraceEvent(st, frame, "exception", arg);
  }
  if (ok) restoreError(e);  // else the trace function's exception replaces it
}

void traceUnwind(ThreadState* ts, Frame* frame) {
  (void)ts;
  TraceState* st = activeState();
  if (st == nullptr || (frame->flags() & frame_flags::kTraceCalled) == 0) return;
  Value e = takeError();
  finishCCall(st, frame, "c_exception");
  // As CPython: errors of these events are ignored, the exception goes on.
  if (!giveTraceEvent(st, frame, "return", None())) clearError();
  if (!giveProfileEvent(st, frame, "return", None())) clearError();
  restoreError(e);
}

void setTraceFunction(Value func) {
  TraceState* st = state();
  bool was = st->enabled();
  st->c_trace = {};
  st->c_trace_obj = Value();
  st->trace_func = func.isNull() || isNone(func) ? Value() : func;
  if (!st->trace_func.isNull()) markRunningFrames(currentThread());
  updateActive(st, was);
}

void setProfileFunction(Value func) {
  TraceState* st = state();
  bool was = st->enabled();
  st->c_profile = {};
  st->c_profile_obj = Value();
  st->profile_func = func.isNull() || isNone(func) ? Value() : func;
  if (!st->profile_func.isNull()) markRunningFrames(currentThread());
  updateActive(st, was);
}

void setCTraceFunction(CTraceHook hook, Value obj) {
  TraceState* st = state();
  bool was = st->enabled();
  st->trace_func = Value();
  st->c_trace = hook;
  st->c_trace_obj = hook.fn == nullptr ? Value() : obj;
  if (hook.fn != nullptr) markRunningFrames(currentThread());
  updateActive(st, was);
}

void setCProfileFunction(CTraceHook hook, Value obj) {
  TraceState* st = state();
  bool was = st->enabled();
  st->profile_func = Value();
  st->c_profile = hook;
  st->c_profile_obj = hook.fn == nullptr ? Value() : obj;
  if (hook.fn != nullptr) markRunningFrames(currentThread());
  updateActive(st, was);
}

// A C function's object stands for it (None when it has none).
Value traceFunction() {
  TraceState* st = t_state;
  if (st == nullptr) return None();
  Value f = st->c_trace.fn != nullptr ? st->c_trace_obj : st->trace_func;
  return f.isNull() ? None() : f;
}

Value profileFunction() {
  TraceState* st = t_state;
  if (st == nullptr) return None();
  Value f = st->c_profile.fn != nullptr ? st->c_profile_obj : st->profile_func;
  return f.isNull() ? None() : f;
}

}  // namespace tern::interp
