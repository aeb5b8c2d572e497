// The _warnings module, as far as the import bootstrap needs it.
//
// importlib._bootstrap and _bootstrap_external take `_warnings` as a
// built-in module and call _warnings.warn (ImportWarning, DeprecationWarning
// on deprecated loader APIs).  Tern's warn and warn_explicit hand the
// warning to the pure-Python `warnings` module, imported on the first
// warning.  The module deliberately has no `filters` / `_defaultaction` /
// `_onceregistry`: warnings.py then keeps its Python implementation of the
// filters (its fallback when the C accelerator is missing), so there is one
// filter list and it is warnings.filters.  Native code of the runtime that
// warns calls warn() (_warnings.h).  A native accelerator, and the warnings
// the compiler should emit (SyntaxWarning, DeprecationWarning), are later
// work (issue #5).
#include "runtime/modules/_warnings.h"

#include <string>

#include "runtime/interp/errors.h"
#include "runtime/modules/module.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/int.h"
#include "runtime/objects/native.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"

namespace tern {

namespace {

Value warningsFunction(const char* name) {
  Value warnings = importModule(internStr("warnings"));
  if (warnings.isNull()) return warnings;
  return getAttr(warnings, internStr(name));
}

// warn(message, category=None, stacklevel=1, source=None).  No frame is
// pushed for a native call, so stacklevel counts from the same Python
// caller in warnings.warn as it does here.
Value _warnings_warn(Value* args) {
  Value fn = warningsFunction("warn");
  if (fn.isNull()) return fn;
  Value call_args = newTupleOf({args[1], args[2], args[3], args[4]});
  return callTupleDict(fn, call_args, Value());
}

Value _warnings_warn_explicit(Value* args) {
  Value fn = warningsFunction("warn_explicit");
  if (fn.isNull()) return fn;
  Value call_args = newTupleOf({args[1], args[2], args[3], args[4], args[5], args[6], args[7], args[8]});
  return callTupleDict(fn, call_args, Value());
}

const MethodDef kWarningsFunctions[] = {
    {.name = "warn",
     .signature = "($module, /, message, category=None, stacklevel=1, source=None)",
     .fn = _warnings_warn,
     .doc = "Issue a warning, or maybe ignore it or raise an exception."},
    {.name = "warn_explicit",
     .signature = "($module, /, message, category, filename, lineno, module=None, registry=None, "
                  "module_globals=None, source=None)",
     .fn = _warnings_warn_explicit,
     .doc = "Low-level interface to warnings functionality."},
};

const NativeModuleDef kWarningsModule = {
    .name = "_warnings",
    .methods = kWarningsFunctions,
    .doc = "_warnings provides basic warning filtering support.\nIt is a helper module to speed up interpreter "
           "start-up.",
};
TERN_REGISTER_MODULE(kWarningsModule);

}  // namespace

bool warn(Type* category, std::string_view message, int stacklevel) {
  Value fn = warningsFunction("warn");
  if (fn.isNull()) return false;
  Value call_args = newTupleOf({newStr(message), typeValue(category), newInt(stacklevel)});
  return !callTupleDict(fn, call_args, Value()).isNull();
}

}  // namespace tern
