// What the C API's context functions (cpyext/contextobject.cc) need of the
// _contextvars module's objects beyond their Python surface: entering and
// leaving a context without running a callable (PyContext_Enter/Exit, which
// Context.run() brackets its call with).
#pragma once

#include "runtime/objects/object.h"

namespace tern {

bool isContextObject(Value v);
bool isContextVarObject(Value v);
bool isContextTokenObject(Value v);

Value newContextObject();  // an empty Context
Value copyContextObject(Value ctx);
Value copyCurrentContext();  // contextvars.copy_context()

// Makes `ctx` the thread's current context, remembering the one it replaces;
// RuntimeError (false) if `ctx` is entered already.
bool enterContext(Value ctx);
// Restores the context current before enterContext(ctx); RuntimeError
// (false) if `ctx` was not entered or is not the current context.
bool exitContext(Value ctx);

}  // namespace tern
