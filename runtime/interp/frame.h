// Interpreter frames, and the heap `frame` objects Python code sees.
//
// A running frame lives on its thread's value stack (value_stack.h) as one
// contiguous block of words: the Frame header below, then the localsplus
// slots (co_nlocalsplus: locals, cells, free variables), then the operand
// stack (co_stacksize).  THE INVARIANT: every word of the block is a valid
// Value at every moment, because the collector traces the value stack
// precisely.  Header words are therefore either
//   - heap references (code, func, globals, builtins, locals, frame_obj, gen),
//     traced and updated when their referents move, or
//   - "tagged words": a raw pointer or integer with the low bit set, which the
//     collector reads as a small int and never dereferences (the previous
//     frame, the instruction pointer, the stack depth, the flags).  Pointers
//     stored so are 2-aligned at least, so setting bit 0 loses nothing.
// Operand-stack slots above the current depth may hold stale (popped) Values:
// they are still valid references, kept alive a little longer, never wrong.
// Code objects never move (code.h), so a frame's instruction pointer and the
// interpreter's cached pointers into the code stay valid.
//
// A generator's frame is the exception: after RETURN_GENERATOR it lives in
// its generator's heap array and runs there, in place (generator.h), linked
// into the thread's chain of frames like any other while it runs.
//
// A heap frame object (FrameObj) is made only when asked for
// (sys._getframe, tracebacks, gi_frame): while its frame runs, `live` points
// at it; when the frame is popped the object takes a snapshot (lasti, the
// localsplus values, f_back) and `live` becomes 0.  A suspended generator's
// frame object reads through `gen`.
#pragma once

#include <cstdint>

#include "runtime/interp/code.h"
#include "runtime/interp/thread_state.h"
#include "runtime/objects/object.h"

namespace tern::interp {

namespace frame_flags {
inline constexpr uint64_t kEntry = 1;  // the interpreter loop invocation returns when this frame does
inline constexpr uint64_t kTraceCalled = 2;  // tracing.h: the 'call' event of this activation was given
// A generator's frame running in place in its heap array (generator.h), not
// on the value stack.  (A frame runs in place exactly when its `gen` is set.)
inline constexpr uint64_t kInPlace = 4;
// The frame's array is old and listed for the collection prologue, which
// re-applies the write barrier to it (generator.cc).  Kept across resumptions.
inline constexpr uint64_t kRemembered = 8;
}  // namespace frame_flags

inline Value tagWord(uintptr_t raw) { return Value::fromBits(raw | 1); }
inline uintptr_t untagWord(Value v) { return v.bits() & ~uintptr_t{1}; }

struct Frame {
  Value code;       // CodeObj
  Value func;       // FunctionObj, or null (module code, exec)
  Value globals;    // dict
  Value builtins;   // dict
  Value locals;     // LOAD_NAME's mapping, or null (optimised function frames)
  Value frame_obj;  // FrameObj, or null
  Value gen;        // the generator / coroutine owning this frame, or null
  Value previous_;  // tagged Frame*
  Value instr_;     // tagged const uint32_t*: the instruction executing (or that suspended)
  Value depth_;     // tagged: operand stack depth, valid while suspended or calling out
  Value flags_;     // tagged frame_flags
  Value localsplus[];  // NOLINT: co_nlocalsplus slots, then co_stacksize operand slots

  static constexpr size_t kHeaderWords = 11;

  CodeObj* codeObj() const { return static_cast<CodeObj*>(code.asObject()); }
  Frame* previous() const { return reinterpret_cast<Frame*>(untagWord(previous_)); }
  void setPrevious(Frame* f) { previous_ = tagWord(reinterpret_cast<uintptr_t>(f)); }
  const uint32_t* instr() const { return reinterpret_cast<const uint32_t*>(untagWord(instr_)); }
  void setInstr(const uint32_t* p) { instr_ = tagWord(reinterpret_cast<uintptr_t>(p)); }
  void setInstrWord(uintptr_t tagged) { instr_ = Value::fromBits(tagged); }  // an address | 1, as the loop keeps it
  // The index of the current instruction (-1 before the first).
  int64_t lasti() const { return instr() - codeObj()->code(); }
  int64_t depth() const { return static_cast<int64_t>(untagWord(depth_) >> 1); }
  void setDepth(int64_t d) { depth_ = tagWord(static_cast<uintptr_t>(d) << 1); }
  uint64_t flags() const { return untagWord(flags_) >> 1; }
  void setFlags(uint64_t f) { flags_ = tagWord(f << 1); }
  Value* stackBase() { return localsplus + codeObj()->nlocalsplus; }
  size_t totalWords() const {
    return kHeaderWords + static_cast<size_t>(codeObj()->nlocalsplus) + static_cast<size_t>(codeObj()->stacksize);
  }
  int line() const { return codeLine(codeObj(), lasti() < 0 ? 0 : lasti()); }
};
static_assert(sizeof(Frame) == Frame::kHeaderWords * sizeof(Value));

// Pushes a zeroed frame for `code` on the thread's value stack, linked to
// ts->frame (not made current); null with RecursionError/MemoryError pending
// when the stack is full.  The instruction pointer is set before the first
// instruction.
Frame* pushFrame(ThreadState* ts, CodeObj* code, Value func, Value globals, Value builtins, Value locals);
// Pops `frame` (the topmost block) after detaching its frame object.
void popFrame(ThreadState* ts, Frame* frame);
// popFrame for a generator's frame running in place (frame->gen not null),
// which returned or raised: it leaves the thread's frames, its array stays.
void popGeneratorFrame(ThreadState* ts, Frame* frame);

// --- heap frame objects ---------------------------------------------------------

struct FrameObj : Obj {
  gc::HeapValue code;
  gc::HeapValue globals;
  gc::HeapValue builtins;
  gc::HeapValue locals;  // the mapping of a module/class frame, or the f_locals snapshot dict
  gc::HeapValue back;    // f_back once detached
  gc::HeapValue saved;   // ArrayObj: the localsplus values once detached
  gc::HeapValue gen;     // the owning generator (its frame is there while suspended)
  uint64_t live;         // Frame* while running, else 0
  int64_t lasti;         // instruction index once detached
  uint64_t has_mapping;  // `locals` is the frame's own mapping (not a snapshot)
  // sys.settrace (tracing.h): f_trace, f_trace_lines/f_trace_opcodes, the
  // instruction traced before (+1; 0: unknown; -1: the entry), f_lineno
  // while an event is given (+1; 0: the current instruction's).
  gc::HeapValue trace;
  uint64_t trace_flags;  // kTraceNoLines | kTraceOpcodes
  int64_t trace_prev;
  int64_t trace_lineno;
  static constexpr uint64_t kTraceNoLines = 1, kTraceOpcodes = 2;
};

// The frame object of `frame`, made on first request; null on MemoryError.
Value frameObject(Frame* frame);
// Called when `frame` leaves the value stack (return, error, suspension):
// the frame object, if any, keeps what Python may still ask it.
void detachFrameObject(Frame* frame, bool suspending);
// The line of a frame object (f_lineno).
int frameObjectLine(Value frame_obj);
int64_t frameObjectLasti(Value frame_obj);
Value frameObjectCode(Value frame_obj);

// The locals of `frame` as a mapping: the frame's own mapping for module and
// class frames, else a dict refreshed from the fast locals and cells
// (locals(), f_locals).
Value frameLocals(Frame* frame);

// The innermost running Python frame, or null.
Frame* currentFrame();
// sys._getframe(depth): the frame object `depth` levels up; ValueError "call
// stack is not deep enough".
Value getFrameObject(int64_t depth);

}  // namespace tern::interp
