// Unraisable exceptions: sys.unraisablehook and what calls it.
//
// An exception that cannot propagate — raised by __del__, a weakref
// callback, a gc.callbacks entry, a generator's finally run by the collector
// — is reported by printUnraisable() (runtime.h).  As in CPython, it goes to
// sys.unraisablehook as an UnraisableHookArgs struct sequence (exc_type,
// exc_value, exc_traceback, err_msg, object); while the hook is the default
// one, or missing, or None, the default printer (traceback.cc) writes it to
// stderr directly, without making the argument.  A hook that raises is
// reported in its place ("Exception ignored in sys.unraisablehook: <hook>"),
// and the original exception is dropped, as CPython drops it.
#include "runtime/interp/errors.h"
#include "runtime/interp/runtime.h"
#include "runtime/modules/module.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/exceptions.h"
#include "runtime/objects/native.h"
#include "runtime/objects/str.h"
#include "runtime/objects/structseq.h"
#include "runtime/objects/tuple.h"
#include "runtime/objects/type.h"

namespace tern {

namespace {

Type* g_unraisable_args_type = nullptr;

const MemberDef kUnraisableHookArgsFields[] = {
    structseqField("exc_type", 0, "Exception type"),
    structseqField("exc_value", 1, "Exception value"),
    structseqField("exc_traceback", 2, "Exception traceback"),
    structseqField("err_msg", 3, "Error message"),
    structseqField("object", 4, "Object causing the exception"),
};

// CPython names it without a module ("UnraisableHookArgs", __module__
// 'builtins'), and does not put it in sys.
const TypeSpec kUnraisableHookArgsSpec = {
    .name = "UnraisableHookArgs",
    .module = "builtins",
    .type = &g_unraisable_args_type,
    .base = &types::tuple_type,
    .slots = {.tp_repr = structseq_repr, .tp_new = structseq_new},
    .methods = kStructSeqMethods,
    .members = kUnraisableHookArgsFields,
    .doc = "UnraisableHookArgs\n\nType used to pass arguments to sys.unraisablehook.",
};
TERN_REGISTER_TYPE(kUnraisableHookArgsSpec);

Value orNone(Value v) { return v.isNull() ? None() : v; }

// sys.unraisablehook as the program left it: null when it is missing or
// None, or when it is still the default (sys.__unraisablehook__).
Value replacedHook() {
  Value sys = sysModule();
  if (sys.isNull()) return Value();
  Value d = moduleDict(sys);
  Value hook = dictGetStr(d, internStr("unraisablehook"));
  if (errorPending()) clearError();
  if (hook.isNull() || isNone(hook)) return Value();
  Value original = dictGetStr(d, internStr("__unraisablehook__"));
  if (errorPending()) clearError();
  if (!original.isNull() && hook.bits() == original.bits()) return Value();
  return hook;
}

}  // namespace

void printUnraisable(Value obj, const char* err_msg) {
  Value e = takeError();
  if (e.isNull()) return;
  Value msg = err_msg == nullptr ? Value() : newStr(err_msg);
  Value hook = replacedHook();
  if (hook.isNull()) {
    printUnraisableDefault(e, obj, msg);
    return;
  }
  Value args = newStructSeq(g_unraisable_args_type);
  if (args.isNull()) {
    clearError();
    printUnraisableDefault(e, obj, msg);
    return;
  }
  Value tb = static_cast<BaseExceptionObj*>(e.asObject())->traceback.get();
  tupleInit(args, 0, typeValue(typeOf(e)));
  tupleInit(args, 1, e);
  tupleInit(args, 2, orNone(tb));
  tupleInit(args, 3, orNone(msg));
  tupleInit(args, 4, orNone(obj));
  if (!call1(hook, args).isNull()) return;
  Value hook_error = takeError();
  printUnraisableDefault(hook_error, hook, newStr("Exception ignored in sys.unraisablehook"));
}

// sys.unraisablehook's default (sys.cc): prints its UnraisableHookArgs.
Value defaultUnraisableHook(Value args) {
  if (typeOf(args) != g_unraisable_args_type) {
    return raise(exc::TypeError, "sys.unraisablehook argument type must be UnraisableHookArgs");
  }
  Value exc_value = tupleItem(args, 1);
  if (exc_value.isNull() || !isException(exc_value)) return None();
  printUnraisableDefault(exc_value, tupleItem(args, 4), tupleItem(args, 3));
  return None();
}

}  // namespace tern
