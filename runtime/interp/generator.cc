// Generators, coroutines and async generators (generator.h): suspension and
// resumption of frames, send/throw/close with delegation to a sub-iterator,
// the coroutine wrapper, and the asend/athrow awaitables.
#include "runtime/interp/generator.h"

#include <cstdio>
#include <string>
#include <vector>

#include "runtime/gc/heap.h"
#include "runtime/interp/code.h"
#include "runtime/interp/errors.h"
#include "runtime/interp/eval.h"
#include "runtime/interp/eval_internal.h"
#include "runtime/interp/frame.h"
#include "runtime/interp/function.h"
#include "runtime/interp/opcodes.h"
#include "runtime/interp/runtime.h"
#include "runtime/modules/_warnings.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/descriptors.h"
#include "runtime/objects/exceptions.h"
#include "runtime/objects/list.h"
#include "runtime/objects/native.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"

namespace tern {

namespace {

using interp::Frame;

ArrayObj* savedWords(GenObj* g) { return static_cast<ArrayObj*>(g->frame.get().asObject()); }

// The old frame arrays that ran in place since the last collection
// (generator.h).  A plain vector of heap pointers is safe here, unlike
// anywhere else: old objects never move, and the collection prologue empties
// it of every array not running before the collection can free anything; a
// running frame's array is reachable (from its generator).
std::vector<ArrayObj*> g_in_place_old;

// The collection prologue: restores the generational invariant over the words
// the interpreter stored into those arrays without the barrier.
void rebarrierInPlaceFrames() {
  size_t kept = 0;
  for (ArrayObj* a : g_in_place_old) {
    for (int64_t i = 0; i < a->capacity; ++i) gc::writeBarrier(&a->items[i], a->items[i].get());
    auto* f = reinterpret_cast<Frame*>(a->items);
    if (f->flags() & interp::frame_flags::kInPlace) {
      g_in_place_old[kept++] = a;
    } else {
      f->setFlags(f->flags() & ~interp::frame_flags::kRemembered);
    }
  }
  g_in_place_old.resize(kept);
}
const bool kPrologueSet = (gc::setCollectionPrologue(rebarrierInPlaceFrames), true);

// Lists an old frame array that starts running in place (out of line: rare).
[[gnu::noinline]] void rememberInPlaceFrame(ArrayObj* a) {
  g_in_place_old.push_back(a);
  auto* f = reinterpret_cast<Frame*>(a->items);
  f->setFlags(f->flags() | interp::frame_flags::kRemembered);
}

const char* kindName(Value gen) {
  if (isCoroutine(gen)) return "coroutine";
  if (isAsyncGenerator(gen)) return "async generator";
  return "generator";
}

// The instruction a suspended generator stopped at.
const uint32_t* suspendedInstr(GenObj* g) {
  return reinterpret_cast<const uint32_t*>(interp::untagWord(savedWords(g)->items[8].get()));
}
int64_t suspendedDepth(GenObj* g) { return savedWords(g)->items[9].get().asSmallInt(); }

struct AsyncGenWrappedObj : Obj {
  gc::HeapValue value;
};

bool isWrapped(Value v) { return !v.isSmallInt() && typeOf(v) == types::async_generator_wrapped_value_type; }

Value stopIterationFor(Value v) {
  if (v.isNull() || isNone(v)) return raiseEmpty(exc::StopIteration);
  return raiseStopIteration(v);
}

// Makes the frame of suspended (or created) generator `g` the thread's
// running frame, in place: links it above ts->frame, pushes `value` (null:
// nothing, an exception is thrown in) and sets the generator's exception
// state.  With `resume_target` >= 0 the frame first drops its receiver and
// continues at that instruction (a delegated throw finished the
// sub-iterator).  The caller has checked the state and the recursion limit.
[[gnu::always_inline]] inline Frame* startFrame(interp::ThreadState* ts, GenObj* g, Value value,
                                                int64_t resume_target) {
  ArrayObj* a = savedWords(g);
  auto* f = reinterpret_cast<Frame*>(a->items);
  if (!(f->flags() & interp::frame_flags::kRemembered) && gc::isOld(a)) rememberInPlaceFrame(a);
  ts->recursion_depth++;
  f->setPrevious(ts->frame);
  f->setFlags(interp::frame_flags::kInPlace | (f->flags() & interp::frame_flags::kRemembered));
  if (!f->frame_obj.isNull()) static_cast<interp::FrameObj*>(f->frame_obj.asObject())->live = reinterpret_cast<uint64_t>(f);
  int64_t depth = f->depth();
  if (resume_target >= 0) {
    --depth;
    f->setInstr(f->codeObj()->code() + resume_target - 1);
  }
  if (!value.isNull()) f->stackBase()[depth++] = value;
  f->setDepth(depth);
  g->state = static_cast<int64_t>(GenState::kRunning);
  Value outer = ts->handled_exception;
  if (g->exc_outer.get() != outer) g->exc_outer.set(outer);
  if (!g->exc_state.get().isNull()) ts->handled_exception = g->exc_state.get();
  return f;
}

// The frame of `gen` stopped running (suspended or finished): the thread's
// handled exception is the resumer's again.
inline void restoreOuterExcInfo(interp::ThreadState* ts, GenObj* g) {
  Value outer = g->exc_outer.get();
  ts->handled_exception = outer;
  if (!outer.isNull()) g->exc_outer.set(Value());
}

// The frame of `gen` finished: by returning (`ok`) or with the pending
// exception, which becomes a RuntimeError if it is StopIteration (PEP 479).
void finishGenerator(Value gen, bool ok) {
  GenObj* g = asGen(gen);
  g->state = static_cast<int64_t>(GenState::kClosed);
  g->frame.set(Value());
  g->exc_state.set(Value());
  if (ok) return;
  bool stop = errorMatches(exc::StopIteration);
  bool stop_async = isAsyncGenerator(gen) && errorMatches(exc::StopAsyncIteration);
  if (stop || stop_async) {
    Value cause = takeError();
    const char* what = isCoroutine(gen) ? "coroutine" : isAsyncGenerator(gen) ? "async generator" : "generator";
    std::string msg = std::string(what) + " raised " + (stop ? "StopIteration" : "StopAsyncIteration");
    Value e = newException(exc::RuntimeError, newTupleOf({newStr(msg)}));
    if (e.isNull()) return;
    static_cast<BaseExceptionObj*>(e.asObject())->cause.set(cause);
    static_cast<BaseExceptionObj*>(e.asObject())->context.set(cause);
    static_cast<BaseExceptionObj*>(e.asObject())->suppress_context = 1;
    restoreError(e);
  }
}

// Resumes the generator: pushes `value` (unless `exc` is thrown) and runs.
// With `resume_target` >= 0 the frame first drops its receiver and continues
// at that instruction (a delegated throw finished the sub-iterator).
Value resume(Value gen, Value value, Value exc, int64_t resume_target, bool* returned) {
  *returned = false;
  GenObj* g = asGen(gen);
  auto state = static_cast<GenState>(g->state);
  if (state == GenState::kRunning) {
    return raisef(exc::ValueError, "%s already executing", kindName(gen));
  }
  if (state == GenState::kClosed || g->frame.get().isNull()) {
    if (!exc.isNull()) {
      restoreError(exc);
      return Value();
    }
    if (isCoroutine(gen)) return raise(exc::RuntimeError, "cannot reuse already awaited coroutine");
    *returned = true;
    return None();
  }
  if (state == GenState::kCreated && exc.isNull() && !value.isNull() && !isNone(value)) {
    return raisef(exc::TypeError, "can't send non-None value to a just-started %s", kindName(gen));
  }
  interp::ThreadState* ts = interp::currentThread();
  if (ts->recursion_depth >= ts->recursion_limit && !ts->recursion_headroom) {
    ts->recursion_headroom = true;
    raise(exc::RecursionError, "maximum recursion depth exceeded");
    ts->recursion_headroom = false;
    return Value();
  }
  Frame* f = startFrame(ts, g, exc.isNull() ? (value.isNull() ? None() : value) : Value(), resume_target);
  // An exception thrown in is raised inside the generator: one it is handling becomes the context.
  if (!exc.isNull() && !g->exc_state.get().isNull()) chainContext(exc);
  Value r = interp::runFrame(ts, f, exc);
  // `f` stays live (in a register or on the stack) until the frame has
  // stopped running, so the stack scan pins a young array (generator.h).
  asm volatile("" : : "r"(f) : "memory");
  g = asGen(gen);
  restoreOuterExcInfo(ts, g);
  if (g->state == static_cast<int64_t>(GenState::kSuspended)) return r;
  finishGenerator(gen, !r.isNull());
  if (r.isNull()) return r;
  if (isAsyncGenerator(gen)) {
    // An async generator's return ends the iteration.
    return raiseEmpty(exc::StopAsyncIteration);
  }
  *returned = true;
  return r;
}

// Closes a sub-iterator a generator delegates to; false with an exception.
bool closeIter(Value yf) {
  if (isGenerator(yf) || isCoroutine(yf)) {
    Value r = callMethod(yf, names::close, nullptr, 0);
    return !r.isNull();
  }
  Value close = lookupAttr(yf, names::close);
  if (close.isNull()) {
    if (errorPending()) return false;
    return true;
  }
  return !call0(close).isNull();
}

Value throwImpl(Value gen, Value exc_value, bool close_on_genexit, bool* returned) {
  *returned = false;
  Value yf = genYieldFrom(gen);
  if (!yf.isNull()) {
    GenObj* g = asGen(gen);
    Value ret;
    int64_t send_target = -1;
    {
      const uint32_t* yield = suspendedInstr(g);
      uint32_t send_insn = yield[-1];
      if (interp::opOf(send_insn) == interp::Op::SEND) send_target = interp::argOf(send_insn);
    }
    if (close_on_genexit && isInstance(exc_value, exc::GeneratorExit)) {
      g->state = static_cast<int64_t>(GenState::kRunning);
      bool ok = closeIter(yf);
      asGen(gen)->state = static_cast<int64_t>(GenState::kSuspended);
      if (!ok) return resume(gen, Value(), takeError(), -1, returned);
      return resume(gen, Value(), exc_value, -1, returned);
    }
    g->state = static_cast<int64_t>(GenState::kRunning);
    if (isGenerator(yf) || isCoroutine(yf)) {
      bool sub_returned = false;
      ret = throwImpl(yf, exc_value, close_on_genexit, &sub_returned);
      asGen(gen)->state = static_cast<int64_t>(GenState::kSuspended);
      if (!ret.isNull() && sub_returned) return resume(gen, ret, Value(), send_target, returned);
    } else {
      Value meth = lookupAttr(yf, names::throw_);
      if (meth.isNull()) {
        asGen(gen)->state = static_cast<int64_t>(GenState::kSuspended);
        if (errorPending()) return Value();
        return resume(gen, Value(), exc_value, -1, returned);
      }
      Value tb = static_cast<BaseExceptionObj*>(exc_value.asObject())->traceback.get();
      Value args[3] = {typeValue(typeOf(exc_value)), exc_value, tb.isNull() ? None() : tb};
      ret = call(meth, args, 3);
      asGen(gen)->state = static_cast<int64_t>(GenState::kSuspended);
    }
    if (!ret.isNull()) return ret;  // the sub-iterator yielded: so do we
    if (errorMatches(exc::StopIteration)) {
      Value stop = takeError();
      Value v = static_cast<StopIterationObj*>(stop.asObject())->value.get();
      return resume(gen, v.isNull() ? None() : v, Value(), send_target, returned);
    }
    return resume(gen, Value(), takeError(), -1, returned);
  }
  return resume(gen, Value(), exc_value, -1, returned);
}

// throw(typ[, val[, tb]]) argument normalisation: the exception instance.
Value normaliseThrow(Value typ, Value val, Value tb) {
  if (!tb.isNull() && isNone(tb)) tb = Value();
  if (!tb.isNull() && typeOf(tb) != types::traceback_type) {
    return raise(exc::TypeError, "throw() third argument must be a traceback object");
  }
  Value inst;
  if (!typ.isSmallInt() && hasTypeFlag(typ, type_flags::kTypeSubclass) &&
      isSubtype(static_cast<Type*>(typ.asObject()), exc::BaseException)) {
    if (val.isNull() || isNone(val)) {
      inst = call0(typ);
    } else if (isException(val) && isInstance(val, static_cast<Type*>(typ.asObject()))) {
      inst = val;
    } else if (isTuple(val)) {
      inst = callTupleDict(typ, val, Value());
    } else {
      inst = call1(typ, val);
    }
    // Failing to make the exception throws that failure in instead (as
    // CPython normalises it inside the generator).
    inst = requireExceptionInstance(typ, inst);
    if (inst.isNull()) inst = takeError();
  } else if (!typ.isSmallInt() && isException(typ)) {
    if (!val.isNull() && !isNone(val)) return raise(exc::TypeError, "instance exception may not have a separate value");
    inst = typ;
  } else {
    return raisef(exc::TypeError, "exceptions must be classes or instances deriving from BaseException, not %s",
                  typeNameOf(typ).c_str());
  }
  if (!tb.isNull()) static_cast<BaseExceptionObj*>(inst.asObject())->traceback.set(tb);
  return inst;
}

Value closeImpl(Value gen) {
  GenObj* g = asGen(gen);
  if (g->state == static_cast<int64_t>(GenState::kCreated)) {
    g->state = static_cast<int64_t>(GenState::kClosed);
    g->frame.set(Value());
    return None();
  }
  if (g->state == static_cast<int64_t>(GenState::kClosed)) return None();
  Value ge = newException(exc::GeneratorExit, newTuple(0));
  if (ge.isNull()) return ge;
  bool returned = false;
  Value r = throwImpl(gen, ge, true, &returned);
  if (!r.isNull()) {
    if (returned) return None();
    if (isAsyncGenerator(gen) && !isWrapped(r)) {
      // An await inside finally while closing: not supported synchronously.
    }
    return raisef(exc::RuntimeError, "%s ignored GeneratorExit", kindName(gen));
  }
  if (errorMatches(exc::StopIteration) || errorMatches(exc::GeneratorExit)) {
    clearError();
    return None();
  }
  return Value();
}

// --- Python surface: generator, coroutine ----------------------------------------


Value gen_send(Value* args) {
  bool returned = false;
  Value r = genSend(args[0], args[1], &returned);
  if (r.isNull() || !returned) return r;
  return stopIterationFor(r);
}

// generator.send / coroutine.send: METH_O in CPython (no __text_signature__),
// and the usual way to drive a coroutine, so a raw native (native.h) that
// checks its one argument itself instead of going through argument binding.
Value gen_send_raw(const MethodDef*, Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!kwnames.isNull() && tupleLength(kwnames) != 0) {
    return raisef(exc::TypeError, "%s.send() takes no keyword arguments", typeNameOf(self).c_str());
  }
  if (nargs != 1) {
    return raisef(exc::TypeError, "%s.send() takes exactly one argument (%zu given)", typeNameOf(self).c_str(),
                  nargs);
  }
  Value bound[2] = {self, args[0]};
  return gen_send(bound);
}

Value gen_throw(Value* args) {
  Value inst = normaliseThrow(args[1], args[2], args[3]);
  if (inst.isNull()) return inst;
  bool returned = false;
  Value r = genThrow(args[0], inst, &returned);
  if (r.isNull() || !returned) return r;
  return stopIterationFor(r);
}

Value gen_close(Value* args) { return closeImpl(args[0]); }

Value gen_iternext(Value gen) {
  bool returned = false;
  Value r = genSend(gen, None(), &returned);
  if (r.isNull() || !returned) return r;
  if (!isNone(r)) return raiseStopIteration(r);
  return Value();
}

Value gen_iter(Value gen) { return gen; }

Value gen_repr(Value gen) {
  char addr[32];
  std::snprintf(addr, sizeof addr, "%p", reinterpret_cast<void*>(gc::identity(gen.asObject())));
  const char* kind = isCoroutine(gen) ? "coroutine" : isAsyncGenerator(gen) ? "async_generator" : "generator";
  return newStr(std::string("<") + kind + " object " + strToUtf8(asGen(gen)->qualname.get()) + " at " + addr + ">");
}

Value gen_get_frame(Value gen) {
  GenObj* g = asGen(gen);
  if (g->frame.get().isNull()) return None();
  if (g->frame_obj.get().isNull()) {
    // The frame object the frame made for itself (sys._getframe) while running.
    Value own = savedWords(g)->items[5].get();  // Frame::frame_obj
    if (!own.isNull()) g->frame_obj.set(own);
  }
  if (g->state == static_cast<int64_t>(GenState::kRunning)) {
    Value fo = interp::frameObject(reinterpret_cast<Frame*>(savedWords(g)->items));
    if (!fo.isNull()) asGen(gen)->frame_obj.set(fo);
    return fo;
  }
  if (g->frame_obj.get().isNull()) {
    // Make the frame object of the suspended frame.
    ArrayObj* a = savedWords(g);
    Obj* o = newObject(types::frame_type, sizeof(interp::FrameObj));
    auto* fo = static_cast<interp::FrameObj*>(o);
    g = asGen(gen);
    a = savedWords(g);
    fo->code.set(a->items[0].get());
    fo->globals.set(a->items[2].get());
    fo->builtins.set(a->items[3].get());
    if (!a->items[4].get().isNull()) {
      fo->locals.set(a->items[4].get());
      fo->has_mapping = 1;
    }
    fo->gen.set(gen);
    fo->live = 0;
    a->items[5].set(o);
    g->frame_obj.set(o);
  }
  return g->frame_obj.get();
}
Value gen_get_running(Value gen) { return Bool(asGen(gen)->state == static_cast<int64_t>(GenState::kRunning)); }
Value gen_get_suspended(Value gen) { return Bool(asGen(gen)->state == static_cast<int64_t>(GenState::kSuspended)); }
Value gen_get_code(Value gen) { return asGen(gen)->code.get(); }
Value gen_get_yieldfrom(Value gen) {
  Value y = genYieldFrom(gen);
  return y.isNull() ? None() : y;
}
Value gen_get_name(Value gen) { return asGen(gen)->name.get(); }
int gen_set_name(Value gen, Value v) {
  if (v.isNull() || !isStr(v)) {
    raise(exc::TypeError, "__name__ must be set to a string object");
    return -1;
  }
  asGen(gen)->name.set(v);
  return 0;
}
Value gen_get_qualname(Value gen) { return asGen(gen)->qualname.get(); }
int gen_set_qualname(Value gen, Value v) {
  if (v.isNull() || !isStr(v)) {
    raise(exc::TypeError, "__qualname__ must be set to a string object");
    return -1;
  }
  asGen(gen)->qualname.set(v);
  return 0;
}
Value gen_get_origin(Value) { return None(); }
Value agen_get_running(Value gen) { return Bool(asGen(gen)->running_async != 0); }

const uint32_t kGenFields[] = {
    offsetof(Obj, ob_type),     offsetof(GenObj, code),      offsetof(GenObj, name),
    offsetof(GenObj, qualname), offsetof(GenObj, frame),     offsetof(GenObj, exc_state),
    offsetof(GenObj, frame_obj), offsetof(GenObj, origin),   offsetof(GenObj, weakrefs),
    offsetof(GenObj, exc_outer),
};
// A generator or coroutine collected while suspended inside a try block is
// closed first, so its `finally` / `except GeneratorExit` code runs (CPython's
// _PyGen_Finalize); suspendGeneratorFrame makes such generators finalizable.
// Errors go where CPython's unraisable hook sends them.
// The RuntimeWarning of CPython's _PyErr_WarnUnawaitedCoroutine, worded as
// warnings._warn_unawaited_coroutine words it without origin tracking (Tern
// has none), at the Python code running when the coroutine is finalized.
// Not through that function: it passes source=coro, which the pure-Python
// warnings.warn_explicit that Tern's warnings use takes for the file to
// print to (docs/differences.md).
void warnUnawaited(Value coro) {
  Value qualname = str(asGen(coro)->qualname.get());
  if (qualname.isNull() ||
      !warn(exc::RuntimeWarning, "coroutine '" + strToUtf8(qualname) + "' was never awaited")) {
    printUnraisable(coro);
  }
}

void genFinalize(gc::Object* object) {
  Value gen(object);
  if (isAsyncGenerator(gen)) {
    // Its finalizer hook (asyncio's loop schedules aclose()); without one,
    // nothing: closing needs an event loop.
    Value finalizer = asGen(gen)->origin.get();
    if (finalizer.isNull() || asGen(gen)->closed_flag != 0) return;
    Value saved = takeError();
    if (call(finalizer, &gen, 1, Value()).isNull()) printUnraisable(gen);
    if (!saved.isNull()) restoreError(saved);
    return;
  }
  // A coroutine never started warns (it is finalizable from its creation);
  // a generator or coroutine suspended where a handler covers the yield closes.
  bool unawaited = typeOf(gen) == types::coroutine_type && asGen(gen)->state == static_cast<int64_t>(GenState::kCreated);
  if (!unawaited && asGen(gen)->state != static_cast<int64_t>(GenState::kSuspended)) return;
  Value saved = takeError();
  interp::ThreadState* ts = interp::currentThread();
  Value handled = ts->handled_exception;
  ts->handled_exception = Value();
  if (unawaited) {
    warnUnawaited(gen);
  } else if (closeImpl(gen).isNull()) {
    printUnraisable(gen);
  }
  ts->handled_exception = handled;
  if (!saved.isNull()) restoreError(saved);
}

const gc::Layout kGenLayout = {.name = "generator", .fields = kGenFields, .finalize = genFinalize};

const MethodDef kGenMethods[] = {
    {.name = "send", .raw = gen_send_raw},
    {.name = "throw", .signature = "($self, typ, val=None, tb=None, /)", .fn = gen_throw},
    {.name = "close", .signature = "($self, /)", .fn = gen_close},
};

const GetSetDef kGenGetSets[] = {
    {.name = "gi_frame", .get = gen_get_frame},
    {.name = "gi_running", .get = gen_get_running},
    {.name = "gi_suspended", .get = gen_get_suspended},
    {.name = "gi_code", .get = gen_get_code},
    {.name = "gi_yieldfrom", .get = gen_get_yieldfrom},
    {.name = "__name__", .get = gen_get_name, .set = gen_set_name},
    {.name = "__qualname__", .get = gen_get_qualname, .set = gen_set_qualname},
};

const TypeSpec kGeneratorSpec = {
    .name = "generator",
    .type = &types::generator_type,
    .layout = &kGenLayout,
    .basic_size = sizeof(GenObj),
    .slots = {.tp_repr = gen_repr, .tp_iter = gen_iter, .tp_iternext = gen_iternext},
    .methods = kGenMethods,
    .getsets = kGenGetSets,
    .weakrefable = true,
};
TERN_REGISTER_TYPE(kGeneratorSpec);

// --- coroutine ---------------------------------------------------------------------

struct CoroWrapperObj : Obj {
  gc::HeapValue coro;
};
const uint32_t kCoroWrapperFields[] = {offsetof(Obj, ob_type), offsetof(CoroWrapperObj, coro)};
const gc::Layout kCoroWrapperLayout = {.name = "coroutine_wrapper", .fields = kCoroWrapperFields};

Value coro___await__(Value* args) {
  Obj* o = newObject(types::coroutine_wrapper_type, sizeof(CoroWrapperObj));
  static_cast<CoroWrapperObj*>(o)->coro.set(args[0]);
  return o;
}
Value coro_await_slot(Value coro) {
  Value args[1] = {coro};
  return coro___await__(args);
}

const MethodDef kCoroMethods[] = {
    {.name = "send", .raw = gen_send_raw},
    {.name = "throw", .signature = "($self, typ, val=None, tb=None, /)", .fn = gen_throw},
    {.name = "close", .signature = "($self, /)", .fn = gen_close},
};

const GetSetDef kCoroGetSets[] = {
    {.name = "cr_frame", .get = gen_get_frame},
    {.name = "cr_running", .get = gen_get_running},
    {.name = "cr_suspended", .get = gen_get_suspended},
    {.name = "cr_code", .get = gen_get_code},
    {.name = "cr_await", .get = gen_get_yieldfrom},
    {.name = "cr_origin", .get = gen_get_origin},
    {.name = "__name__", .get = gen_get_name, .set = gen_set_name},
    {.name = "__qualname__", .get = gen_get_qualname, .set = gen_set_qualname},
};

const TypeSpec kCoroutineSpec = {
    .name = "coroutine",
    .type = &types::coroutine_type,
    .layout = &kGenLayout,
    .basic_size = sizeof(GenObj),
    .slots = {.tp_repr = gen_repr, .am_await = coro_await_slot},
    .methods = kCoroMethods,
    .getsets = kCoroGetSets,
    .weakrefable = true,
};
TERN_REGISTER_TYPE(kCoroutineSpec);

CoroWrapperObj* asWrapper(Value v) { return static_cast<CoroWrapperObj*>(v.asObject()); }
Value cw_iternext(Value self) { return gen_iternext(asWrapper(self)->coro.get()); }
Value cw_send(Value* args) {
  Value a[2] = {asWrapper(args[0])->coro.get(), args[1]};
  return gen_send(a);
}
Value cw_throw(Value* args) {
  Value a[4] = {asWrapper(args[0])->coro.get(), args[1], args[2], args[3]};
  return gen_throw(a);
}
Value cw_close(Value* args) { return closeImpl(asWrapper(args[0])->coro.get()); }

const MethodDef kCoroWrapperMethods[] = {
    {.name = "send", .signature = "($self, value, /)", .fn = cw_send},
    {.name = "throw", .signature = "($self, typ, val=None, tb=None, /)", .fn = cw_throw},
    {.name = "close", .signature = "($self, /)", .fn = cw_close},
};

const TypeSpec kCoroWrapperSpec = {
    .name = "coroutine_wrapper",
    .type = &types::coroutine_wrapper_type,
    .layout = &kCoroWrapperLayout,
    .basic_size = sizeof(CoroWrapperObj),
    .slots = {.tp_iter = gen_iter, .tp_iternext = cw_iternext},
    .methods = kCoroWrapperMethods,
};
TERN_REGISTER_TYPE(kCoroWrapperSpec);

// --- async generators ---------------------------------------------------------------

const uint32_t kWrappedFields[] = {offsetof(Obj, ob_type), offsetof(AsyncGenWrappedObj, value)};
const gc::Layout kWrappedLayout = {.name = "async_generator_wrapped_value", .fields = kWrappedFields};
const TypeSpec kWrappedSpec = {
    .name = "async_generator_wrapped_value",
    .type = &types::async_generator_wrapped_value_type,
    .layout = &kWrappedLayout,
    .basic_size = sizeof(AsyncGenWrappedObj),
};
TERN_REGISTER_TYPE(kWrappedSpec);

// The result of running an async generator one step, as its awaitables
// report it: a wrapped value ends the await with StopIteration(value); the
// end of the generator is StopAsyncIteration.
Value unwrapAsyncResult(Value agen, Value r) {
  GenObj* g = asGen(agen);
  if (r.isNull()) {
    if (!errorPending()) raiseEmpty(exc::StopAsyncIteration);
    if (errorMatches(exc::StopAsyncIteration) || errorMatches(exc::GeneratorExit)) g->closed_flag = 1;
    g->running_async = 0;
    return Value();
  }
  if (isWrapped(r)) {
    g->running_async = 0;
    Value v = static_cast<AsyncGenWrappedObj*>(r.asObject())->value.get();
    return stopIterationFor(v);
  }
  return r;
}

enum AwaitableState : int64_t { kInit = 0, kIter = 1, kDone = 2 };

struct AsendObj : Obj {
  gc::HeapValue gen;
  gc::HeapValue sendval;  // asend: the value to send; athrow: the exception (null for aclose)
  int64_t state;
};
const uint32_t kAsendFields[] = {offsetof(Obj, ob_type), offsetof(AsendObj, gen), offsetof(AsendObj, sendval)};
const gc::Layout kAsendLayout = {.name = "async_generator_asend", .fields = kAsendFields};
AsendObj* asAsend(Value v) { return static_cast<AsendObj*>(v.asObject()); }

Value newAwaitable(Type* t, Value gen, Value v) {
  Obj* o = newObject(t, sizeof(AsendObj));
  asAsend(o)->gen.set(gen);
  asAsend(o)->sendval.set(v);
  return o;
}

Value asendSend(Value self, Value arg) {
  AsendObj* a = asAsend(self);
  if (a->state == kDone) return raise(exc::RuntimeError, "cannot reuse already awaited __anext__()/asend()");
  Value agen = a->gen.get();
  if (a->state == kInit) {
    if (asGen(agen)->running_async) {
      return raise(exc::RuntimeError, "anext(): asynchronous generator is already running");
    }
    if (arg.isNull() || isNone(arg)) arg = a->sendval.get();
    a->state = kIter;
  }
  asGen(agen)->running_async = 1;
  bool returned = false;
  Value r = genSend(agen, arg.isNull() ? None() : arg, &returned);
  if (!r.isNull() && returned) r = Value(), raiseEmpty(exc::StopAsyncIteration);
  r = unwrapAsyncResult(agen, r);
  if (r.isNull()) asAsend(self)->state = kDone;
  return r;
}
Value asend_iternext(Value self) { return asendSend(self, None()); }
Value asend_send(Value* args) { return asendSend(args[0], args[1]); }
Value asend_throw(Value* args) {
  AsendObj* a = asAsend(args[0]);
  if (a->state == kDone) return raise(exc::RuntimeError, "cannot reuse already awaited __anext__()/asend()");
  Value inst = normaliseThrow(args[1], args[2], args[3]);
  if (inst.isNull()) return inst;
  Value agen = asAsend(args[0])->gen.get();
  bool returned = false;
  Value r = genThrow(agen, inst, &returned);
  if (!r.isNull() && returned) r = Value(), raiseEmpty(exc::StopAsyncIteration);
  r = unwrapAsyncResult(agen, r);
  if (r.isNull()) asAsend(args[0])->state = kDone;
  return r;
}
Value asend_close(Value* args) {
  asAsend(args[0])->state = kDone;
  return None();
}

const MethodDef kAsendMethods[] = {
    {.name = "send", .signature = "($self, value, /)", .fn = asend_send},
    {.name = "throw", .signature = "($self, typ, val=None, tb=None, /)", .fn = asend_throw},
    {.name = "close", .signature = "($self, /)", .fn = asend_close},
};
const TypeSpec kAsendSpec = {
    .name = "async_generator_asend",
    .type = &types::async_generator_asend_type,
    .layout = &kAsendLayout,
    .basic_size = sizeof(AsendObj),
    .slots = {.tp_iter = gen_iter, .tp_iternext = asend_iternext, .am_await = gen_iter},
    .methods = kAsendMethods,
};
TERN_REGISTER_TYPE(kAsendSpec);

// athrow / aclose: sendval is the exception to throw, null for aclose().
Value athrowSend(Value self, Value arg) {
  AsendObj* a = asAsend(self);
  Value agen = a->gen.get();
  bool is_close = a->sendval.get().isNull();
  if (a->state == kDone) return raise(exc::RuntimeError, "cannot reuse already awaited aclose()/athrow()");
  if (asGen(agen)->closed_flag || asGen(agen)->state == static_cast<int64_t>(GenState::kClosed)) {
    a->state = kDone;
    return raiseEmpty(exc::StopIteration);
  }
  Value r;
  bool returned = false;
  if (a->state == kInit) {
    if (asGen(agen)->running_async) {
      a->state = kDone;
      return raise(exc::RuntimeError, is_close ? "aclose(): asynchronous generator is already running"
                                               : "athrow(): asynchronous generator is already running");
    }
    if (!arg.isNull() && !isNone(arg)) {
      return raise(exc::RuntimeError, "can't send non-None value to a just-started coroutine");
    }
    a->state = kIter;
    asGen(agen)->running_async = 1;
    if (is_close) {
      asGen(agen)->closed_flag = 1;
      Value ge = newException(exc::GeneratorExit, newTuple(0));
      if (ge.isNull()) return ge;
      r = genThrow(agen, ge, &returned);
      if (!r.isNull() && !returned && isWrapped(r)) {
        asGen(agen)->running_async = 0;
        asAsend(self)->state = kDone;
        return raise(exc::RuntimeError, "async generator ignored GeneratorExit");
      }
    } else {
      r = genThrow(agen, asAsend(self)->sendval.get(), &returned);
      if (!r.isNull() && returned) r = Value(), raiseEmpty(exc::StopAsyncIteration);
      r = unwrapAsyncResult(agen, r);
    }
  } else {
    r = genSend(agen, arg.isNull() ? None() : arg, &returned);
    if (is_close) {
      if (!r.isNull() && !returned && isWrapped(r)) {
        asGen(agen)->running_async = 0;
        asAsend(self)->state = kDone;
        return raise(exc::RuntimeError, "async generator ignored GeneratorExit");
      }
    } else {
      if (!r.isNull() && returned) r = Value(), raiseEmpty(exc::StopAsyncIteration);
      r = unwrapAsyncResult(agen, r);
    }
  }
  if (!r.isNull() && returned) {
    r = Value();
    raiseEmpty(exc::StopAsyncIteration);
  }
  if (r.isNull()) {
    asAsend(self)->state = kDone;
    asGen(agen)->running_async = 0;
    if (is_close && (errorMatches(exc::StopAsyncIteration) || errorMatches(exc::GeneratorExit))) {
      clearError();
      return raiseEmpty(exc::StopIteration);
    }
  }
  return r;
}
Value athrow_iternext(Value self) { return athrowSend(self, None()); }
Value athrow_send(Value* args) { return athrowSend(args[0], args[1]); }
Value athrow_throw(Value* args) {
  AsendObj* a = asAsend(args[0]);
  if (a->state == kDone) return raise(exc::RuntimeError, "cannot reuse already awaited aclose()/athrow()");
  Value inst = normaliseThrow(args[1], args[2], args[3]);
  if (inst.isNull()) return inst;
  Value agen = asAsend(args[0])->gen.get();
  bool returned = false;
  Value r = genThrow(agen, inst, &returned);
  if (!r.isNull() && returned) r = Value(), raiseEmpty(exc::StopAsyncIteration);
  if (asAsend(args[0])->sendval.get().isNull()) {
    if (!r.isNull() && isWrapped(r)) {
      asGen(agen)->running_async = 0;
      return raise(exc::RuntimeError, "async generator ignored GeneratorExit");
    }
    if (r.isNull() && (errorMatches(exc::StopAsyncIteration) || errorMatches(exc::GeneratorExit))) {
      clearError();
      asGen(agen)->running_async = 0;
      return raiseEmpty(exc::StopIteration);
    }
    return r;
  }
  return unwrapAsyncResult(agen, r);
}
Value athrow_close(Value* args) {
  asAsend(args[0])->state = kDone;
  return None();
}

const MethodDef kAthrowMethods[] = {
    {.name = "send", .signature = "($self, value, /)", .fn = athrow_send},
    {.name = "throw", .signature = "($self, typ, val=None, tb=None, /)", .fn = athrow_throw},
    {.name = "close", .signature = "($self, /)", .fn = athrow_close},
};
const TypeSpec kAthrowSpec = {
    .name = "async_generator_athrow",
    .type = &types::async_generator_athrow_type,
    .layout = &kAsendLayout,
    .basic_size = sizeof(AsendObj),
    .slots = {.tp_iter = gen_iter, .tp_iternext = athrow_iternext, .am_await = gen_iter},
    .methods = kAthrowMethods,
};
TERN_REGISTER_TYPE(kAthrowSpec);

// The first __anext__/asend/athrow/aclose of an async generator takes the
// thread's sys.set_asyncgen_hooks(): the finalizer is kept for genFinalize,
// firstiter is called with the generator.  False with its error pending.
bool initHooks(Value agen) {
  GenObj* g = asGen(agen);
  if (g->hooks_inited != 0) return true;
  g->hooks_inited = 1;
  interp::ThreadState* ts = interp::currentThread();
  if (!ts->asyncgen_finalizer.isNull()) {
    g->origin.set(ts->asyncgen_finalizer);
    gc::setFinalizable(g);
  }
  Value firstiter = ts->asyncgen_firstiter;
  if (firstiter.isNull()) return true;
  return !call(firstiter, &agen, 1, Value()).isNull();
}

Value agen_anext(Value agen) {
  if (!initHooks(agen)) return Value();
  return newAwaitable(types::async_generator_asend_type, agen, None());
}
Value agen_aiter(Value agen) { return agen; }
Value agen_asend(Value* args) {
  if (!initHooks(args[0])) return Value();
  return newAwaitable(types::async_generator_asend_type, args[0], args[1]);
}
Value agen_athrow(Value* args) {
  if (!initHooks(args[0])) return Value();
  Value inst = normaliseThrow(args[1], args[2], args[3]);
  if (inst.isNull()) return inst;
  return newAwaitable(types::async_generator_athrow_type, args[0], inst);
}
Value agen_aclose(Value* args) {
  if (!initHooks(args[0])) return Value();
  return newAwaitable(types::async_generator_athrow_type, args[0], Value());
}

const MethodDef kAgenMethods[] = {
    {.name = "asend", .signature = "($self, value, /)", .fn = agen_asend},
    {.name = "athrow", .signature = "($self, typ, val=None, tb=None, /)", .fn = agen_athrow},
    {.name = "aclose", .signature = "($self, /)", .fn = agen_aclose},
};

const GetSetDef kAgenGetSets[] = {
    {.name = "ag_frame", .get = gen_get_frame},
    {.name = "ag_running", .get = agen_get_running},
    {.name = "ag_suspended", .get = gen_get_suspended},
    {.name = "ag_code", .get = gen_get_code},
    {.name = "ag_await", .get = gen_get_yieldfrom},
    {.name = "__name__", .get = gen_get_name, .set = gen_set_name},
    {.name = "__qualname__", .get = gen_get_qualname, .set = gen_set_qualname},
};

const TypeSpec kAsyncGeneratorSpec = {
    .name = "async_generator",
    .type = &types::async_generator_type,
    .layout = &kGenLayout,
    .basic_size = sizeof(GenObj),
    .slots = {.tp_repr = gen_repr, .am_aiter = agen_aiter, .am_anext = agen_anext},
    .methods = kAgenMethods,
    .getsets = kAgenGetSets,
    .weakrefable = true,
};
TERN_REGISTER_TYPE(kAsyncGeneratorSpec);

}  // namespace

// --- the C++ API -------------------------------------------------------------------------

Value genSend(Value gen, Value value, bool* returned) { return resume(gen, value, Value(), -1, returned); }

Value genThrow(Value gen, Value exc_value, bool* returned) { return throwImpl(gen, exc_value, true, returned); }

Value genYieldFrom(Value gen) {
  GenObj* g = asGen(gen);
  if (g->state != static_cast<int64_t>(GenState::kSuspended) || g->frame.get().isNull()) return Value();
  const uint32_t* instr = suspendedInstr(g);
  if (interp::opOf(*instr) != interp::Op::YIELD_VALUE || interp::argOf(*instr) != 1) return Value();
  int64_t depth = suspendedDepth(g);
  CodeObj* code = asCode(savedWords(g)->items[0].get());
  return savedWords(g)->items[Frame::kHeaderWords + code->nlocalsplus + depth - 1].get();
}

Value newAsyncGenWrappedValue(Value v) {
  Obj* o = newObject(types::async_generator_wrapped_value_type, sizeof(AsyncGenWrappedObj));
  static_cast<AsyncGenWrappedObj*>(o)->value.set(v);
  return o;
}

void genSetExcState(Value gen, Value exc) {
  GenObj* g = asGen(gen);
  if (!exc.isNull() && isNone(exc)) exc = Value();
  g->exc_state.set(exc);
  interp::currentThread()->handled_exception = exc.isNull() ? g->exc_outer.get() : exc;
}

Value genExcState(Value gen) {
  Value e = asGen(gen)->exc_state.get();
  return e.isNull() ? None() : e;
}

}  // namespace tern

namespace tern::interp {

Value generatorFromFrame(Frame* frame) {
  CodeObj* code = frame->codeObj();
  Type* t = (code->flags & code_flags::kCoroutine)        ? types::coroutine_type
            : (code->flags & code_flags::kAsyncGenerator) ? types::async_generator_type
                                                          : types::generator_type;
  size_t n = frame->totalWords();
  Value words = newArray(static_cast<int64_t>(n));
  Obj* o = newObject(t, sizeof(GenObj));
  auto* g = static_cast<GenObj*>(o);
  auto* a = static_cast<ArrayObj*>(words.asObject());
  gc::storeSlots(a->items, reinterpret_cast<const Value*>(frame), n);
  a->items[6].set(o);  // Frame::gen
  g->frame.set(words);
  g->code.set(frame->code);
  if (!frame->func.isNull()) {
    g->name.set(asFunction(frame->func)->name.get());
    g->qualname.set(asFunction(frame->func)->qualname.get());
  } else {
    g->name.set(code->name.get());
    g->qualname.set(code->qualname.get());
  }
  g->state = static_cast<int64_t>(GenState::kCreated);
  if (t == types::coroutine_type) gc::setFinalizable(g);  // to warn if never awaited (genFinalize)
  if (!frame->frame_obj.isNull()) {
    auto* fo = static_cast<FrameObj*>(frame->frame_obj.asObject());
    fo->gen.set(o);
    fo->live = 0;
    g->frame_obj.set(frame->frame_obj);
  }
  return o;
}

bool isSendMethodOf(Value callable, Value self) {
  if (callable.isSmallInt() || typeOf(callable) != types::method_descriptor_type) return false;
  auto* d = static_cast<MethodDescrObj*>(callable.asObject());
  return d->def->raw == gen_send_raw && !self.isSmallInt() && d->type.get() == Value(typeOf(self));
}

Frame* resumeGeneratorInline(ThreadState* ts, Value gen, Value value, bool allow_young) {
  GenObj* g = asGen(gen);
  if (g->state != static_cast<int64_t>(GenState::kSuspended) &&
      !(g->state == static_cast<int64_t>(GenState::kCreated) && isNone(value))) {
    return nullptr;  // resume() raises the error, or finds the generator finished
  }
  if (ts->recursion_depth >= ts->recursion_limit) return nullptr;
  if (!allow_young && gc::isYoung(g->frame.get().asObject())) return nullptr;
  return startFrame(ts, g, value, -1);
}

void finishGeneratorInline(ThreadState* ts, Value gen, bool ok) {
  restoreOuterExcInfo(ts, asGen(gen));
  finishGenerator(gen, ok);
}

void suspendGeneratorFrame(ThreadState* ts, Frame* frame) {
  GenObj* g = asGen(frame->gen);
  CodeObj* code = frame->codeObj();
  // Operand slots above the depth are cleared so that popped values are not
  // kept alive (null needs no barrier).
  // (A few words: the empty asm keeps the loop from becoming a memset call.)
  Value* stack = frame->stackBase();
  for (Value *p = stack + frame->depth(), *end = stack + code->stacksize; p < end; ++p) {
    *p = Value();
    asm volatile("");
  }
  uint64_t flags = frame->flags();
  frame->setFlags(flags & ~frame_flags::kInPlace);
  g->state = static_cast<int64_t>(GenState::kSuspended);
  // Resumed inline (not the entry of a resume()): resume() is not there to
  // give the resumer its exception state back.
  if (!(flags & frame_flags::kEntry)) restoreOuterExcInfo(ts, g);
  // Suspended where an exception handler covers the yield: closing it when
  // it is collected runs code (genFinalize).
  if (code->nexc != 0 && !static_cast<gc::Object*>(g)->hasFlag(gc::header::kFinalizable) &&
      !isAsyncGenerator(frame->gen) && codeFindHandler(code, frame->lasti()) != nullptr) {
    gc::setFinalizable(g);
  }
  if (!frame->frame_obj.isNull()) detachFrameObject(frame, true);
  ts->recursion_depth--;
}

}  // namespace tern::interp
