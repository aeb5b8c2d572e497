#include "runtime/interp/errors.h"

#include <cstdarg>
#include <cstdio>
#include <string>

#include "runtime/interp/thread_state.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"

namespace tern {

namespace {

interp::ThreadState& thread() { return *interp::currentThread(); }

// A thread C code runs on keeps a C view of the pending exception
// (PyThreadState.curexc_*, cpyext/pystate.cc) that C may read and write
// directly: reads adopt what C wrote, changes are mirrored to it.
interp::ThreadState& readState() {
  interp::ThreadState& ts = thread();
  if (ts.c_state != nullptr) [[unlikely]] interp::c_state_hooks.adopt_from_c(&ts);
  return ts;
}
void setPending(Value exc) {
  interp::ThreadState& ts = thread();
  ts.pending_exception = exc;
  if (ts.c_state != nullptr) [[unlikely]] interp::c_state_hooks.mirror_to_c(&ts);
}

BaseExceptionObj* asException(Value v) { return static_cast<BaseExceptionObj*>(v.asObject()); }

}  // namespace

// As a new exception is raised while another is handled, the handled one
// becomes its __context__ (PEP 3134).  A chain that already leads back to the
// new exception is cut where it does, so contexts never form a cycle.
void chainContext(Value exc) {
  Value handled = thread().handled_exception;
  if (handled.isNull() || isNone(handled) || handled == exc) return;
  // Floyd's tortoise keeps a pre-existing cycle in the chain from hanging us.
  Value slow = handled;
  bool advance_slow = false;
  for (Value o = handled;;) {
    Value context = asException(o)->context.get();
    if (context.isNull() || isNone(context)) break;
    if (context == exc) {
      asException(o)->context.set(None());
      break;
    }
    o = context;
    if (advance_slow) {
      slow = asException(slow)->context.get();
      if (slow == o) break;
    }
    advance_slow = !advance_slow;
  }
  asException(exc)->context.set(handled);
}

Value raiseException(Value exc) {
  chainContext(exc);
  setPending(exc);
  return Value();
}

Value raiseWithArgs(Type* type, Value args) {
  Value exc = newException(type, args);
  if (exc.isNull()) return Value();  // creating it failed: that error is pending
  return raiseException(exc);
}

Value raise(Type* type, std::string_view message) {
  Value text = newStr(message);
  return raiseWithArgs(type, newTupleOf({text}));
}

Value raisef(Type* type, const char* format, ...) {
  char small[256];
  va_list args;
  va_start(args, format);
  int n = std::vsnprintf(small, sizeof small, format, args);
  va_end(args);
  if (n < 0) return raiseSystemError("raisef", "bad format string");
  if (static_cast<size_t>(n) < sizeof small) return raise(type, std::string_view(small, static_cast<size_t>(n)));
  std::string big(static_cast<size_t>(n) + 1, '\0');
  va_start(args, format);
  std::vsnprintf(big.data(), big.size(), format, args);
  va_end(args);
  big.pop_back();
  return raise(type, big);
}

Value raiseEmpty(Type* type) { return raiseWithArgs(type, newTuple(0)); }

Value raiseKeyError(Value key) { return raiseWithArgs(exc::KeyError, newTupleOf({key})); }

Value raiseStopIteration(Value value) { return raiseWithArgs(exc::StopIteration, newTupleOf({value})); }

bool errorPending() { return !readState().pending_exception.isNull(); }

Value pendingError() { return readState().pending_exception; }

bool errorMatches(Type* type) {
  Value exc = readState().pending_exception;
  return !exc.isNull() && isInstance(exc, type);
}

Value takeError() {
  Value exc = readState().pending_exception;
  if (!exc.isNull()) setPending(Value());
  return exc;
}

void clearError() {
  interp::ThreadState& ts = thread();
  if (ts.c_state != nullptr || !ts.pending_exception.isNull()) setPending(Value());
}

void restoreError(Value exc) { setPending(exc); }

Value raiseSystemError(const char* function, std::string_view what) {
  std::string message = std::string(function) + ": " + std::string(what);
  return raise(exc::SystemError, message);
}

Value raiseNotA(Value v, const char* what) {
  return raisef(exc::TypeError, "'%s' object is not %s", typeNameOf(v).c_str(), what);
}

}  // namespace tern
