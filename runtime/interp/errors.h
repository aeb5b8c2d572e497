// Raising and inspecting the pending exception (DESIGN.md §4).
//
// A runtime function that fails sets the current thread's pending exception
// and returns its error sentinel (a null Value, -1, false — each function
// documents which).  Its caller either handles the exception (errorMatches,
// clearError) or returns its own sentinel in turn.  The pending exception is
// always an exception *instance* (normalised at once; there is no lazy
// (type, value) pair as in CPython's C API, which cpyext emulates on top).
//
// Invariant: while a function runs normally no exception is pending; an
// exception pending at a point that did not just get an error sentinel is a
// bug (the interpreter asserts it at instruction boundaries in debug builds).
#pragma once

#include <string>
#include <string_view>

#include "runtime/objects/exceptions.h"
#include "runtime/objects/object.h"

namespace tern {

// Sets `exc` (an exception instance) as pending, with its __context__ set from
// the exception being handled, as `raise` does.  Returns null.
Value raiseException(Value exc);
// Sets exception `exc`'s __context__ from the exception being handled, as
// raising it would (cutting any chain back to `exc`).
void chainContext(Value exc);
// Instantiates `type` with one str argument `message` and raises it; null.
Value raise(Type* type, std::string_view message);
// printf-style message (only %s %d %ld %lld %zd %zu %c %x %%); returns null.
Value raisef(Type* type, const char* format, ...) __attribute__((format(printf, 2, 3)));
// Instantiates `type` with `args` (a tuple) and raises it; null.
Value raiseWithArgs(Type* type, Value args);
// Instantiates `type` with no arguments (StopIteration, KeyboardInterrupt); null.
Value raiseEmpty(Type* type);
// KeyError(key): the key itself is args[0], not its repr.
Value raiseKeyError(Value key);
// StopIteration(value) (value may be None).
Value raiseStopIteration(Value value);
// MemoryError (preallocated; never allocates).
Value raiseNoMemory();

bool errorPending();
Value pendingError();  // the pending exception instance, or null
// Is the pending exception an instance of `type` (or of any type in the
// tuple `types`, or matched by a class with __subclasscheck__)?  False when
// none is pending.
bool errorMatches(Type* type);
// Takes the pending exception: returns it (or null) and clears it.
Value takeError();
void clearError();
// Makes `exc` (an instance, or null for none) pending without touching its
// __context__: the counterpart of takeError.
void restoreError(Value exc);

// "SystemError: <function>: <what>" for C-API misuse and broken invariants.
Value raiseSystemError(const char* function, std::string_view what);

// Raises TypeError("'<type>' object is not <what>") e.g. "callable", "iterable".
Value raiseNotA(Value v, const char* what);

}  // namespace tern
