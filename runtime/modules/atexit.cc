// The atexit module: register/unregister, run at exit (atexit.h).
//
// The callbacks are kept as (func, args tuple, kwargs dict or None) tuples
// in a root vector, in registration order.
#include "runtime/modules/atexit.h"

#include <cstdio>
#include <string>

#include "runtime/gc/roots.h"
#include "runtime/interp/errors.h"
#include "runtime/interp/runtime.h"
#include "runtime/modules/module.h"
#include "runtime/modules/sys.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/int.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"

namespace tern {

namespace {

gc::RootVector& callbacks() {
  static gc::RootVector* entries = new gc::RootVector();
  return *entries;
}

// Reported like CPython's unraisable hook: the header line, then the
// exception with its traceback.
void reportCallbackError(Value func) {
  Value error = takeError();
  std::string what = "<object>";
  Value r = repr(func);
  if (!r.isNull()) {
    what = strToUtf8(r);
  } else {
    clearError();
  }
  flushStdStreams();
  std::fprintf(stderr, "Exception ignored in atexit callback: %s\n", what.c_str());
  std::fflush(stderr);
  printException(error);
}

Value atexit_register(Value* args) {
  Value positional = args[1], kwargs = args[2];
  int64_t n = tupleLength(positional);
  if (n == 0) return raisef(exc::TypeError, "register() takes at least 1 argument (0 given)");
  Value func = tupleItem(positional, 0);
  if (!isCallable(func)) return raise(exc::TypeError, "the first argument must be callable");
  Value rest = newTuple(n - 1);
  for (int64_t i = 1; i < n; ++i) tupleInit(rest, i - 1, tupleItem(positional, i));
  Value kw = kwargs.isNull() || dictSize(kwargs) == 0 ? None() : dictCopy(kwargs);
  if (kw.isNull()) return kw;
  callbacks().push_back(newTupleOf({func, rest, kw}));
  return func;
}

Value atexit_unregister(Value* args) {
  Value func = args[1];
  gc::RootVector& entries = callbacks();
  // Comparing may run Python code that changes the list: re-check bounds.
  for (size_t i = 0; i < entries.size();) {
    Value registered = tupleItem(entries[i], 0);
    int eq = richCompareBool(registered, func, kEq);
    if (eq < 0) return Value();
    if (eq == 1 && i < entries.size()) {
      for (size_t j = i + 1; j < entries.size(); ++j) entries.set(j - 1, entries[j]);
      entries.pop_back();
    } else {
      ++i;
    }
  }
  return None();
}

Value atexit__run_exitfuncs(Value* /*args*/) {
  runAtexitCallbacks();
  return None();
}

Value atexit__clear(Value* /*args*/) {
  callbacks().clear();
  return None();
}

Value atexit__ncallbacks(Value* /*args*/) { return newInt(static_cast<int64_t>(callbacks().size())); }

const MethodDef kAtexitFunctions[] = {
    {.name = "register", .signature = "($module, /, *args, **kwargs)", .fn = atexit_register,
     .doc = "Register a function to be executed upon normal program termination\n\n    func - function to be "
            "called at exit\n    args - optional arguments to pass to func\n    kwargs - optional keyword "
            "arguments to pass to func\n\n    func is returned to facilitate usage as a decorator."},
    {.name = "unregister", .signature = "($module, func, /)", .fn = atexit_unregister,
     .doc = "Unregister an exit function which was previously registered using\natexit.register\n\n    func - "
            "function to be unregistered"},
    {.name = "_run_exitfuncs", .signature = "($module, /)", .fn = atexit__run_exitfuncs,
     .doc = "Run all registered exit functions.\n\nIf a callback raises an exception, it is logged with "
            "sys.unraisablehook."},
    {.name = "_clear", .signature = "($module, /)", .fn = atexit__clear,
     .doc = "Clear the list of previously registered exit functions."},
    {.name = "_ncallbacks", .signature = "($module, /)", .fn = atexit__ncallbacks,
     .doc = "Return the number of registered exit functions."},
};

const NativeModuleDef kAtexitModule = {
    .name = "atexit",
    .methods = kAtexitFunctions,
    .doc = "allow programmer to define multiple exit functions to be executed\nupon normal program termination.\n\n"
           "Two public functions, register and unregister, are defined.\n",
};
TERN_REGISTER_MODULE(kAtexitModule);

}  // namespace

void runAtexitCallbacks() {
  gc::RootVector& entries = callbacks();
  // Callbacks registered while these run are not run (CPython walks the
  // array it had); all are forgotten at the end.
  for (size_t i = entries.size(); i-- > 0;) {
    if (i >= entries.size()) continue;  // a callback unregistered others
    Value entry = entries[i];
    Value func = tupleItem(entry, 0), kw = tupleItem(entry, 2);
    Value r = callTupleDict(func, tupleItem(entry, 1), isNone(kw) ? Value() : kw);
    if (r.isNull()) reportCallbackError(func);
  }
  entries.clear();
}

}  // namespace tern
