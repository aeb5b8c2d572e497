// Frames on the value stack, heap frame objects, locals() and zero-argument
// super() (frame.h).
#include "runtime/interp/frame.h"

#include <cstdio>
#include <string>

#include "runtime/interp/errors.h"
#include "runtime/interp/function.h"
#include "runtime/interp/generator.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/int.h"
#include "runtime/objects/list.h"
#include "runtime/objects/native.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"

namespace tern::interp {

Frame* pushFrame(ThreadState* ts, CodeObj* code, Value func, Value globals, Value builtins, Value locals) {
  // Only C makes a code object without instructions (PyCode_NewEmpty, to name
  // a C function in tracebacks); CPython gives it bytecode that raises
  // AssertionError, and running it here does the same.
  if (code->ninstr == 0) [[unlikely]] {
    raiseEmpty(exc::AssertionError);
    return nullptr;
  }
  if (ts->recursion_depth >= ts->recursion_limit && !ts->recursion_headroom) {
    ts->recursion_headroom = true;
    raise(exc::RecursionError, "maximum recursion depth exceeded");
    ts->recursion_headroom = false;
    return nullptr;
  }
  size_t n = Frame::kHeaderWords + static_cast<size_t>(code->nlocalsplus) + static_cast<size_t>(code->stacksize);
  Value* words = ts->stack.push(n);
  if (words == nullptr) {
    raise(exc::RecursionError, "maximum recursion depth exceeded (the value stack is full)");
    return nullptr;
  }
  ts->recursion_depth++;
  auto* f = reinterpret_cast<Frame*>(words);
  f->code = Value(code);
  f->func = func;
  f->globals = globals;
  f->builtins = builtins;
  f->locals = locals;
  f->setPrevious(ts->frame);
  f->setInstr(code->code() - 1);
  f->setDepth(0);
  f->setFlags(0);
  return f;
}

void popFrame(ThreadState* ts, Frame* frame) {
  if (!frame->frame_obj.isNull()) detachFrameObject(frame, false);
  ts->recursion_depth--;
  ts->stack.popTo(reinterpret_cast<Value*>(frame));
}

void popGeneratorFrame(ThreadState* ts, Frame* frame) {
  if (!frame->frame_obj.isNull()) detachFrameObject(frame, false);
  ts->recursion_depth--;
  frame->setFlags(frame->flags() & ~frame_flags::kInPlace);
}

Frame* currentFrame() { return currentThread()->frame; }

namespace {

FrameObj* asFrameObj(Value v) { return static_cast<FrameObj*>(v.asObject()); }
Frame* liveFrame(Value fo) { return reinterpret_cast<Frame*>(asFrameObj(fo)->live); }

// The saved words of a suspended generator's frame, or null.
ArrayObj* suspendedWords(Value fo) {
  Value gen = asFrameObj(fo)->gen.get();
  if (gen.isNull()) return nullptr;
  Value words = asGen(gen)->frame.get();
  if (words.isNull()) return nullptr;
  return static_cast<ArrayObj*>(words.asObject());
}

// A view of a frame's localsplus wherever it is: live, suspended or detached.
const Value* localsplusOf(Value fo, int64_t* n) {
  CodeObj* code = asCode(asFrameObj(fo)->code.get());
  *n = code->nlocalsplus;
  if (Frame* f = liveFrame(fo)) return f->localsplus;
  if (ArrayObj* a = suspendedWords(fo)) return reinterpret_cast<const Value*>(&a->items[Frame::kHeaderWords]);
  Value saved = asFrameObj(fo)->saved.get();
  if (saved.isNull()) {
    *n = 0;
    return nullptr;
  }
  return reinterpret_cast<const Value*>(&static_cast<ArrayObj*>(saved.asObject())->items[0]);
}

}  // namespace

Value frameObject(Frame* frame) {
  if (!frame->frame_obj.isNull()) return frame->frame_obj;
  Obj* o = newObject(types::frame_type, sizeof(FrameObj));
  auto* fo = static_cast<FrameObj*>(o);
  fo->code.set(frame->code);
  fo->globals.set(frame->globals);
  fo->builtins.set(frame->builtins);
  if (!frame->locals.isNull()) {
    fo->locals.set(frame->locals);
    fo->has_mapping = 1;
  }
  fo->gen.set(frame->gen);
  fo->live = reinterpret_cast<uint64_t>(frame);
  fo->lasti = -1;
  frame->frame_obj = o;
  return o;
}

void detachFrameObject(Frame* frame, bool suspending) {
  Value fo_value = frame->frame_obj;
  FrameObj* fo = asFrameObj(fo_value);
  fo->lasti = frame->lasti();
  if (suspending) {
    fo->live = 0;
    return;
  }
  int64_t n = frame->codeObj()->nlocalsplus;
  Value back;
  if (frame->gen.isNull() && frame->previous() != nullptr) back = frameObject(frame->previous());
  Value saved = n > 0 ? newArray(n) : Value();
  fo = asFrameObj(frame->frame_obj);
  for (int64_t i = 0; i < n; ++i) static_cast<ArrayObj*>(saved.asObject())->items[i].set(frame->localsplus[i]);
  fo->saved.set(saved);
  fo->back.set(back);
  fo->gen.set(Value());
  fo->live = 0;
}

int64_t frameObjectLasti(Value fo) {
  if (Frame* f = liveFrame(fo)) return f->lasti();
  if (ArrayObj* a = suspendedWords(fo)) {
    auto* instr = reinterpret_cast<const uint32_t*>(untagWord(a->items[8].get()));
    return instr - asCode(asFrameObj(fo)->code.get())->code();
  }
  return asFrameObj(fo)->lasti;
}

int frameObjectLine(Value fo) {
  if (asFrameObj(fo)->trace_lineno != 0) return static_cast<int>(asFrameObj(fo)->trace_lineno - 1);
  int64_t lasti = frameObjectLasti(fo);
  CodeObj* code = asCode(asFrameObj(fo)->code.get());
  if (lasti < 0) return code->firstlineno;
  int line = codeLine(code, lasti);
  return line < 0 ? code->firstlineno : line;
}

Value frameObjectCode(Value fo) { return asFrameObj(fo)->code.get(); }

namespace {

// Refreshes the snapshot dict of an optimised frame from its slots.
Value refreshLocals(Value fo) {
  FrameObj* f = asFrameObj(fo);
  if (f->has_mapping) return f->locals.get();
  if (f->locals.get().isNull()) {
    Value d = newDict();
    asFrameObj(fo)->locals.set(d);
  }
  Value dict = asFrameObj(fo)->locals.get();
  CodeObj* code = asCode(asFrameObj(fo)->code.get());
  Value names = code->localsplusnames.get();
  int64_t n;
  localsplusOf(fo, &n);
  for (int64_t i = 0; i < n; ++i) {
    uint8_t kind = code->kinds()[i];
    if ((kind & kFastFree) && !(code->flags & code_flags::kOptimized)) continue;
    int64_t count;
    const Value* slots = localsplusOf(fo, &count);  // re-read: dict updates allocate
    Value v = slots[i];
    if (!v.isNull() && (kind & (kFastCell | kFastFree)) && isCell(v)) v = asCell(v)->contents.get();
    Value name = tupleItem(names, i);
    if (v.isNull()) {
      if (dictDel(dict, name) < 0) return Value();
    } else if (dictSet(dict, name, v) < 0) {
      return Value();
    }
  }
  return dict;
}

// --- the frame type -------------------------------------------------------------

Value frame_get_f_back(Value self) {
  if (Frame* f = liveFrame(self)) {
    Frame* prev = f->previous();
    return prev == nullptr ? None() : frameObject(prev);
  }
  Value back = asFrameObj(self)->back.get();
  return back.isNull() ? None() : back;
}
Value frame_get_f_code(Value self) { return asFrameObj(self)->code.get(); }
Value frame_get_f_globals(Value self) { return asFrameObj(self)->globals.get(); }
Value frame_get_f_builtins(Value self) { return asFrameObj(self)->builtins.get(); }
Value frame_get_f_locals(Value self) { return refreshLocals(self); }
Value frame_get_f_lineno(Value self) { return newInt(frameObjectLine(self)); }
Value frame_get_f_lasti(Value self) {
  int64_t lasti = frameObjectLasti(self);
  return newInt(lasti < 0 ? -1 : 2 * lasti);
}
// f_trace and its switches (tracing.h); f_lineno can be read, not set (docs/differences.md).
Value frame_get_f_trace(Value self) {
  Value t = asFrameObj(self)->trace.get();
  return t.isNull() ? None() : t;
}
int frame_set_f_trace(Value self, Value v) {
  asFrameObj(self)->trace.set(v.isNull() || isNone(v) ? Value() : v);
  return 0;
}
Value frameTraceFlag(Value self, uint64_t flag, bool inverted) {
  return Bool(((asFrameObj(self)->trace_flags & flag) != 0) != inverted);
}
int setFrameTraceFlag(Value self, Value v, uint64_t flag, bool inverted) {
  if (v.isNull() || !isInstance(v, types::bool_type)) {
    raise(exc::TypeError, "attribute value type must be bool");
    return -1;
  }
  bool on = isTrue(v) == 1;
  if (on != inverted) {
    asFrameObj(self)->trace_flags |= flag;
  } else {
    asFrameObj(self)->trace_flags &= ~flag;
  }
  return 0;
}
Value frame_get_f_trace_lines(Value self) { return frameTraceFlag(self, FrameObj::kTraceNoLines, true); }
int frame_set_f_trace_lines(Value self, Value v) { return setFrameTraceFlag(self, v, FrameObj::kTraceNoLines, true); }
Value frame_get_f_trace_opcodes(Value self) { return frameTraceFlag(self, FrameObj::kTraceOpcodes, false); }
int frame_set_f_trace_opcodes(Value self, Value v) { return setFrameTraceFlag(self, v, FrameObj::kTraceOpcodes, false); }
int frame_set_f_lineno(Value, Value) {
  raise(exc::ValueError, "Tern cannot jump by setting f_lineno (docs/differences.md)");
  return -1;
}

Value frame_clear(Value* args) {
  if (liveFrame(args[0]) != nullptr) return raise(exc::RuntimeError, "cannot clear an executing frame");
  return None();
}

Value frame_repr(Value self) {
  CodeObj* code = asCode(asFrameObj(self)->code.get());
  char addr[32];
  std::snprintf(addr, sizeof addr, "%p", reinterpret_cast<void*>(gc::identity(self.asObject())));
  Value fname = repr(code->filename.get());
  if (fname.isNull()) return fname;
  return newStr(std::string("<frame at ") + addr + ", file " + strToUtf8(fname) + ", line " +
                std::to_string(frameObjectLine(self)) + ", code " + strToUtf8(code->name.get()) + ">");
}

const uint32_t kFrameFields[] = {
    offsetof(Obj, ob_type),     offsetof(FrameObj, code), offsetof(FrameObj, globals),
    offsetof(FrameObj, builtins), offsetof(FrameObj, locals), offsetof(FrameObj, back),
    offsetof(FrameObj, saved),  offsetof(FrameObj, gen), offsetof(FrameObj, trace),
};
const gc::Layout kFrameLayout = {.name = "frame", .fields = kFrameFields};

const GetSetDef kFrameGetSets[] = {
    {.name = "f_back", .get = frame_get_f_back},
    {.name = "f_code", .get = frame_get_f_code},
    {.name = "f_globals", .get = frame_get_f_globals},
    {.name = "f_builtins", .get = frame_get_f_builtins},
    {.name = "f_locals", .get = frame_get_f_locals},
    {.name = "f_lineno", .get = frame_get_f_lineno, .set = frame_set_f_lineno},
    {.name = "f_lasti", .get = frame_get_f_lasti},
    {.name = "f_trace", .get = frame_get_f_trace, .set = frame_set_f_trace},
    {.name = "f_trace_lines", .get = frame_get_f_trace_lines, .set = frame_set_f_trace_lines},
    {.name = "f_trace_opcodes", .get = frame_get_f_trace_opcodes, .set = frame_set_f_trace_opcodes},
};

const MethodDef kFrameMethods[] = {
    {.name = "clear", .signature = "($self, /)", .fn = frame_clear},
};

const TypeSpec kFrameSpec = {
    .name = "frame",
    .type = &types::frame_type,
    .layout = &kFrameLayout,
    .basic_size = sizeof(FrameObj),
    .slots = {.tp_repr = frame_repr},
    .methods = kFrameMethods,
    .getsets = kFrameGetSets,
};
TERN_REGISTER_TYPE(kFrameSpec);

}  // namespace

Value frameLocals(Frame* frame) {
  if (!frame->locals.isNull()) return frame->locals;
  Value fo = frameObject(frame);
  return refreshLocals(fo);
}

Value getFrameObject(int64_t depth) {
  Frame* f = currentFrame();
  while (depth > 0 && f != nullptr) {
    f = f->previous();
    --depth;
  }
  if (f == nullptr) return raise(exc::ValueError, "call stack is not deep enough");
  return frameObject(f);
}

}  // namespace tern::interp

namespace tern {

bool currentFrameSuperArgs(Value* type, Value* obj) {
  interp::Frame* f = interp::currentFrame();
  if (f == nullptr) {
    raise(exc::RuntimeError, "super(): no current frame");
    return false;
  }
  CodeObj* code = f->codeObj();
  if (code->argcount == 0) {
    raise(exc::RuntimeError, "super(): no arguments");
    return false;
  }
  Value first = f->localsplus[0];
  if ((code->kinds()[0] & kFastCell) && !first.isNull() && isCell(first)) first = asCell(first)->contents.get();
  if (first.isNull()) {
    raise(exc::RuntimeError, "super(): arg[0] deleted");
    return false;
  }
  Value names = code->localsplusnames.get();
  for (int32_t i = code->nlocals; i < code->nlocalsplus; ++i) {
    if (!(code->kinds()[i] & kFastFree)) continue;
    if (!strEquals(tupleItem(names, i), names::__class__)) continue;
    Value cell = f->localsplus[i];
    Value cls = cell.isNull() || !isCell(cell) ? Value() : asCell(cell)->contents.get();
    if (cls.isNull()) {
      raise(exc::RuntimeError, "super(): empty __class__ cell");
      return false;
    }
    if (!isInstance(cls, types::type_type)) {
      raisef(exc::RuntimeError, "super(): __class__ is not a type (%s)", typeNameOf(cls).c_str());
      return false;
    }
    *type = cls;
    *obj = first;
    return true;
  }
  raise(exc::RuntimeError, "super(): __class__ cell not found");
  return false;
}

}  // namespace tern
