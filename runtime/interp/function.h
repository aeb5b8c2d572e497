// function and cell: Python functions (made by MAKE_FUNCTION) and the cells
// closures share variables through.
//
// Invariants: a FunctionObj's code is a CodeObj; globals is a dict and
// builtins a dict (resolved once, at creation, from globals['__builtins__'] as
// CPython does); name and qualname are str; defaults is null or a tuple,
// kwdefaults null or a dict, closure null or a tuple of cells with exactly
// code.co_nfrees items; dict (the function's __dict__) is null until first
// used.  `version` changes whenever __code__, __defaults__ or __kwdefaults__
// change (call-site caches may compare it).
#pragma once

#include <cstddef>
#include <cstdint>

#include "runtime/objects/object.h"

namespace tern {

struct CodeObj;

struct FunctionObj : Obj {
  gc::HeapValue code;
  gc::HeapValue globals;
  gc::HeapValue builtins;
  gc::HeapValue name;
  gc::HeapValue qualname;
  gc::HeapValue module;       // __module__ (any object)
  gc::HeapValue doc;          // __doc__ (any object)
  gc::HeapValue defaults;     // tuple or null
  gc::HeapValue kwdefaults;   // dict or null
  gc::HeapValue annotations;  // dict or null
  gc::HeapValue closure;      // tuple of cells or null
  gc::HeapValue dict;         // __dict__ or null
  uint64_t version;
};

struct CellObj : Obj {
  gc::HeapValue contents;  // null: empty
};

inline FunctionObj* asFunction(Value v) { return static_cast<FunctionObj*>(v.asObject()); }
inline bool isFunction(Value v) { return !v.isSmallInt() && typeOf(v) == types::function_type; }
inline CellObj* asCell(Value v) { return static_cast<CellObj*>(v.asObject()); }
inline bool isCell(Value v) { return !v.isSmallInt() && typeOf(v) == types::cell_type; }

// A function for `code` with `globals` (a dict), its name and qualname from
// the code object, __module__ from globals['__name__'].
Value newFunction(Value code, Value globals);
Value newCell(Value contents);  // contents may be null (empty cell)

// The builtins dict a frame running with `globals` uses:
// globals['__builtins__'] (its __dict__ if a module), else the runtime's.
Value builtinsForGlobals(Value globals);

// Binds the call's arguments to the parameters of `func` into `localsplus`
// (the first co_nlocals slots; zeroed by the caller), applying defaults,
// *args and **kwargs; TypeError with CPython's messages on a bad call.
bool bindFunctionArguments(FunctionObj* func, Value* localsplus, const Value* args, size_t nargs, Value kwnames);

}  // namespace tern
