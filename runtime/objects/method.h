// method: bound methods, a function (or any callable) with its `self`.
//
// Layout: MethodObj holds `func` and `self`, both never null once created.
// Calling it calls func(self, *args, **kwargs) without copying the arguments
// when the caller left room before them (see callBoundMethod).
#pragma once

#include "runtime/objects/object.h"

namespace tern {

struct MethodObj : Obj {
  gc::HeapValue func;
  gc::HeapValue self;
};

inline bool isMethod(Value v) { return v.isObject() && typeOf(v) == types::method_type; }
inline Value methodFunc(Value m) { return static_cast<MethodObj*>(m.asObject())->func.get(); }
inline Value methodSelf(Value m) { return static_cast<MethodObj*>(m.asObject())->self.get(); }

// A new bound method (what function.__get__(obj) returns).
Value newMethod(Value func, Value self);

// Calls `func` with `self` prepended to the vectorcall arguments (one small
// copy on the C++ stack; no heap allocation for up to 15 arguments).
Value callWithSelf(Value func, Value self, const Value* args, size_t nargs, Value kwnames);

}  // namespace tern
