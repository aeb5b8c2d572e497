// The _contextvars module (PEP 567): ContextVar, Token, Context and
// copy_context().
//
// Each thread has a current Context (ThreadState::context, created empty on
// first use: a new thread starts with an empty context, as in 3.11).  A
// Context maps ContextVars to values.  CPython keeps that mapping in an
// immutable HAMT so that copying a context is O(1); Tern keeps a dict shared
// copy-on-write instead:
//
//   - `vars` is a dict that is never mutated while `shared` is set;
//     ContextVar.set/reset clone it first (and clear `shared`).
//   - Context.copy(), copy_context() and everything that iterates over the
//     mapping set `shared` on the context whose dict they hand out (and on
//     the new context), so a later set() in either clones.
//
// So iteration sees a snapshot and a copy never observes later changes, as
// with CPython's HAMT.  Iteration order is insertion order, where CPython's
// follows the variables' hashes (addresses): programs cannot rely on either.
//
// Invariant: `entered` is set while Context.run() runs the context; then
// `prev` is the context that was current before it (restored on exit).
#include "runtime/modules/_contextvars.h"

#include <cstddef>
#include <cstdint>
#include <string>

#include "runtime/interp/errors.h"
#include "runtime/interp/thread_state.h"
#include "runtime/modules/module.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/genericalias.h"
#include "runtime/objects/int.h"
#include "runtime/objects/native.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"
#include "runtime/objects/type.h"

namespace tern {

namespace {

Type* g_context_type = nullptr;
Type* g_contextvar_type = nullptr;
Type* g_token_type = nullptr;
Type* g_token_missing_type = nullptr;
Type* g_keys_type = nullptr;
Type* g_values_type = nullptr;
Type* g_items_type = nullptr;

gc::GlobalRoot g_token_missing;  // Token.MISSING

struct ContextObj : Obj {
  gc::HeapValue vars;  // dict: ContextVar -> value (see the header comment)
  gc::HeapValue prev;  // while entered: the context current before run()
  uint64_t entered;
  uint64_t shared;
};
ContextObj* asContext(Value v) { return static_cast<ContextObj*>(v.asObject()); }
bool isContext(Value v) { return !v.isSmallInt() && typeOf(v) == g_context_type; }

struct ContextVarObj : Obj {
  gc::HeapValue name;           // str
  gc::HeapValue default_value;  // null: none
};
ContextVarObj* asVar(Value v) { return static_cast<ContextVarObj*>(v.asObject()); }
bool isContextVar(Value v) { return !v.isSmallInt() && typeOf(v) == g_contextvar_type; }

struct TokenObj : Obj {
  gc::HeapValue context;
  gc::HeapValue var;
  gc::HeapValue old_value;  // null: the variable had no value
  uint64_t used;
};
TokenObj* asToken(Value v) { return static_cast<TokenObj*>(v.asObject()); }

// keys()/values()/items(): a view over a snapshot of a context's mapping.
struct ViewObj : Obj {
  gc::HeapValue vars;  // the dict, shared (never mutated again)
};

std::string pointerText(Value v) {
  char buffer[32];
  snprintf(buffer, sizeof buffer, "%p", static_cast<void*>(v.asObject()));
  return buffer;
}

bool reprUtf8(Value v, std::string* out) {
  Value r = repr(v);
  if (r.isNull()) return false;
  *out = strToUtf8(r);
  return true;
}

// ===========================================================================
// Context: the current one, entering and leaving

Value newContext(Value vars) {
  Value ctx = Value(newObject(g_context_type, sizeof(ContextObj)));
  asContext(ctx)->vars.set(vars);
  return ctx;
}

Value newEmptyContext() {
  Value vars = newDict();
  if (vars.isNull()) return vars;
  return newContext(vars);
}

Value currentContext() {
  interp::ThreadState* ts = interp::currentThread();
  if (ts->context.isNull()) {
    Value ctx = newEmptyContext();
    if (ctx.isNull()) return ctx;
    ts->context = ctx;
  }
  return ts->context;
}

// The context's dict, marked shared: the caller may hand it out.
Value sharedVars(Value ctx) {
  asContext(ctx)->shared = 1;
  return asContext(ctx)->vars.get();
}

// The context's dict, cloned first when shared: the caller may mutate it.
Value ownVars(Value ctx) {
  if (asContext(ctx)->shared) {
    Value copy = dictCopy(asContext(ctx)->vars.get());
    if (copy.isNull()) return copy;
    asContext(ctx)->vars.set(copy);
    asContext(ctx)->shared = 0;
  }
  return asContext(ctx)->vars.get();
}

Value copyContext(Value ctx) {
  Value copy = newContext(sharedVars(ctx));
  asContext(copy)->shared = 1;
  return copy;
}

// ===========================================================================
// ContextVar

Value raiseLookupError(Type* type, Value key) {
  Value args = newTupleOf({key});
  if (args.isNull()) return args;
  return raiseWithArgs(type, args);
}

const MethodDef kContextVarNewDef = {.name = "ContextVar", .signature = "(name, *, default=<unrepresentable>)"};

Value contextvar_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  // PyArg_ParseTupleAndKeywords's messages: the name is passed by position.
  if (nargs != 1) {
    return raisef(exc::TypeError, "ContextVar() takes %s 1 positional argument (%zu given)",
                  nargs == 0 ? "exactly" : "at most", nargs);
  }
  Value bound[2];
  if (!bindArguments(&kContextVarNewDef, Value(), args, nargs, kwnames, bound)) return Value();
  if (bound[0].isSmallInt() || !hasTypeFlag(bound[0], type_flags::kStrSubclass)) {
    return raise(exc::TypeError, "context variable name must be a str");
  }
  Value var = Value(newObject(type, sizeof(ContextVarObj)));
  asVar(var)->name.set(bound[0]);
  asVar(var)->default_value.set(bound[1]);
  return var;
}

Value ContextVar_get(Value* args) {
  Value self = args[0];
  Value ctx = currentContext();
  if (ctx.isNull()) return ctx;
  Value v = dictGet(asContext(ctx)->vars.get(), self);
  if (!v.isNull()) return v;
  if (errorPending()) return Value();
  if (!args[1].isNull()) return args[1];
  Value d = asVar(self)->default_value.get();
  if (!d.isNull()) return d;
  return raiseLookupError(exc::LookupError, self);
}

// Sets the variable in the current context; `value` null deletes it
// (LookupError when it has no value there).
bool contextvarAssign(Value var, Value value) {
  Value ctx = currentContext();
  if (ctx.isNull()) return false;
  Value vars = ownVars(ctx);
  if (vars.isNull()) return false;
  if (!value.isNull()) return dictSet(vars, var, value) == 0;
  int r = dictDel(vars, var);
  if (r < 0) return false;
  if (r == 0) {
    raiseLookupError(exc::LookupError, var);
    return false;
  }
  return true;
}

Value ContextVar_set(Value* args) {
  Value self = args[0], value = args[1];
  Value ctx = currentContext();
  if (ctx.isNull()) return ctx;
  Value old = dictGet(asContext(ctx)->vars.get(), self);
  if (old.isNull() && errorPending()) return Value();
  Value token = Value(newObject(g_token_type, sizeof(TokenObj)));
  asToken(token)->context.set(ctx);
  asToken(token)->var.set(self);
  asToken(token)->old_value.set(old);
  if (!contextvarAssign(self, value)) return Value();
  return token;
}

Value tokenRepr(Value token);

Value raiseAboutToken(Type* type, Value token, const char* what) {
  Value text = tokenRepr(token);
  if (text.isNull()) return text;
  return raisef(type, "%s %s", strToUtf8(text).c_str(), what);
}

Value ContextVar_reset(Value* args) {
  Value self = args[0], token = args[1];
  if (token.isSmallInt() || typeOf(token) != g_token_type) {
    std::string text;
    if (!reprUtf8(token, &text)) return Value();
    return raisef(exc::TypeError, "expected an instance of Token, got %s", text.c_str());
  }
  if (asToken(token)->used) return raiseAboutToken(exc::RuntimeError, token, "has already been used once");
  if (asToken(token)->var.get() != self) {
    return raiseAboutToken(exc::ValueError, token, "was created by a different ContextVar");
  }
  Value ctx = currentContext();
  if (ctx.isNull()) return ctx;
  if (asToken(token)->context.get() != ctx) {
    return raiseAboutToken(exc::ValueError, token, "was created in a different Context");
  }
  asToken(token)->used = 1;
  return contextvarAssign(self, asToken(token)->old_value.get()) ? None() : Value();
}

Value ContextVar___class_getitem__(Value* args) { return newGenericAlias(args[0], args[1]); }

Value contextvar_repr(Value self) {
  std::string name, text = "<ContextVar name=";
  if (!reprUtf8(asVar(self)->name.get(), &name)) return Value();
  text += name;
  Value d = asVar(self)->default_value.get();
  if (!d.isNull()) {
    std::string dtext;
    if (!reprUtf8(d, &dtext)) return Value();
    text += " default=" + dtext;
  }
  return newStr(text + " at " + pointerText(self) + ">");
}

// ===========================================================================
// Token

Value token_new(Type* /*type*/, const Value* /*args*/, size_t /*nargs*/, Value /*kwnames*/) {
  return raise(exc::RuntimeError, "Tokens can only be created by ContextVars");
}

Value tokenRepr(Value token) {
  std::string var;
  if (!reprUtf8(asToken(token)->var.get(), &var)) return Value();
  return newStr(std::string("<Token") + (asToken(token)->used ? " used" : "") + " var=" + var + " at " +
                pointerText(token) + ">");
}

Value token_repr(Value self) { return tokenRepr(self); }

Value Token_get_var(Value self) { return asToken(self)->var.get(); }

Value Token_get_old_value(Value self) {
  Value v = asToken(self)->old_value.get();
  return v.isNull() ? g_token_missing.get() : v;
}

Value Token___class_getitem__(Value* args) { return newGenericAlias(args[0], args[1]); }

Value tokenmissing_repr(Value /*self*/) { return newStr("<Token.MISSING>"); }

// ===========================================================================
// Context

Value context_new(Type* /*type*/, const Value* /*args*/, size_t nargs, Value kwnames) {
  if (nargs > 0 || (!kwnames.isNull() && tupleLength(kwnames) > 0)) {
    return raise(exc::TypeError, "Context() does not accept any arguments");
  }
  return newEmptyContext();
}

bool checkVarKey(Value key) {
  if (isContextVar(key)) return true;
  std::string text;
  if (reprUtf8(key, &text)) raisef(exc::TypeError, "a ContextVar key was expected, got %s", text.c_str());
  return false;
}

Value context_subscript(Value self, Value key) {
  if (!checkVarKey(key)) return Value();
  Value v = dictGet(asContext(self)->vars.get(), key);
  if (!v.isNull() || errorPending()) return v;
  return raiseKeyError(key);
}

int context_contains(Value self, Value key) {
  if (!checkVarKey(key)) return -1;
  return dictContains(asContext(self)->vars.get(), key);
}

int64_t context_len(Value self) { return dictSize(asContext(self)->vars.get()); }

Value context_iter(Value self) { return getIter(sharedVars(self)); }

Value context_richcompare(Value a, Value b, int op) {
  if (!isContext(a) || !isContext(b) || (op != kEq && op != kNe)) return NotImplemented();
  return richCompare(asContext(a)->vars.get(), asContext(b)->vars.get(), op);
}

Value Context_get(Value* args) {
  if (!checkVarKey(args[1])) return Value();
  Value v = dictGet(asContext(args[0])->vars.get(), args[1]);
  if (!v.isNull() || errorPending()) return v;
  return args[2];
}

Value newView(Type* type, Value ctx) {
  Value vars = sharedVars(ctx);
  Value view = Value(newObject(type, sizeof(ViewObj)));
  static_cast<ViewObj*>(view.asObject())->vars.set(vars);
  return view;
}

Value Context_keys(Value* args) { return newView(g_keys_type, args[0]); }
Value Context_values(Value* args) { return newView(g_values_type, args[0]); }
Value Context_items(Value* args) { return newView(g_items_type, args[0]); }
Value Context_copy(Value* args) { return copyContext(args[0]); }

Value Context_run(Value* args) {
  Value self = args[0], callable = args[1], pos = args[2], kw = args[3];
  if (!enterContext(self)) return Value();
  Value result = callTupleDict(callable, pos, dictSize(kw) > 0 ? kw : Value());
  // A failed exit (something swapped the current context without restoring
  // it) is reported, and the state kept as it is, as in CPython.
  return exitContext(self) ? result : Value();
}

// ===========================================================================
// The views

Value viewIter(Value self, const char* method) {
  Value vars = static_cast<ViewObj*>(self.asObject())->vars.get();
  Value view = callMethod(vars, internStr(method), nullptr, 0);
  if (view.isNull()) return view;
  return getIter(view);
}

Value keys_iter(Value self) { return viewIter(self, "keys"); }
Value values_iter(Value self) { return viewIter(self, "values"); }
Value items_iter(Value self) { return viewIter(self, "items"); }
int64_t view_len(Value self) { return dictSize(static_cast<ViewObj*>(self.asObject())->vars.get()); }

// ===========================================================================
// Tables

const uint32_t kContextFields[] = {offsetof(Obj, ob_type), offsetof(ContextObj, vars), offsetof(ContextObj, prev)};
const gc::Layout kContextLayout = {.name = "_contextvars.Context", .fields = kContextFields};
const uint32_t kVarFields[] = {offsetof(Obj, ob_type), offsetof(ContextVarObj, name),
                               offsetof(ContextVarObj, default_value)};
const gc::Layout kVarLayout = {.name = "_contextvars.ContextVar", .fields = kVarFields};
const uint32_t kTokenFields[] = {offsetof(Obj, ob_type), offsetof(TokenObj, context), offsetof(TokenObj, var),
                                 offsetof(TokenObj, old_value)};
const gc::Layout kTokenLayout = {.name = "_contextvars.Token", .fields = kTokenFields};
const uint32_t kViewFields[] = {offsetof(Obj, ob_type), offsetof(ViewObj, vars)};
const gc::Layout kViewLayout = {.name = "_contextvars.view", .fields = kViewFields};
const uint32_t kMissingFields[] = {offsetof(Obj, ob_type)};
const gc::Layout kMissingLayout = {.name = "Token.MISSING", .fields = kMissingFields};

const MethodDef kContextVarMethods[] = {
    {.name = "get",
     .signature = "($self, default=<unrepresentable>, /)",
     .fn = ContextVar_get,
     .doc = "Return a value for the context variable for the current context.\n\nIf there is no value for the "
            "variable in the current context, the method will:\n * return the value of the default argument of the "
            "method, if provided; or\n * return the default value for the context variable, if it was created\n   "
            "with one; or\n * raise a LookupError."},
    {.name = "set",
     .signature = "($self, value, /)",
     .fn = ContextVar_set,
     .doc = "Call to set a new value for the context variable in the current context.\n\nThe required value "
            "argument is the new value for the context variable.\n\nReturns a Token object that can be used to "
            "restore the variable to its previous\nvalue via the `ContextVar.reset()` method."},
    {.name = "reset",
     .signature = "($self, token, /)",
     .fn = ContextVar_reset,
     .doc = "Reset the context variable.\n\nThe variable is reset to the value it had before the "
            "`ContextVar.set()` that\ncreated the token was used."},
    {.name = "__class_getitem__",
     .signature = "($type, item, /)",
     .fn = ContextVar___class_getitem__,
     .flags = method_flags::kClassMethod,
     .doc = "See PEP 585"},
};

const MemberDef kContextVarMembers[] = {
    {.name = "name", .kind = MemberKind::kObject, .offset = offsetof(ContextVarObj, name), .readonly = true},
};

const TypeSpec kContextVarSpec = {
    .name = "ContextVar",
    .module = "_contextvars",
    .type = &g_contextvar_type,
    .layout = &kVarLayout,
    .basic_size = sizeof(ContextVarObj),
    .slots = {.tp_repr = contextvar_repr, .tp_new = contextvar_new},
    .methods = kContextVarMethods,
    .members = kContextVarMembers,
};
TERN_REGISTER_TYPE(kContextVarSpec);

const MethodDef kTokenMethods[] = {
    {.name = "__class_getitem__",
     .signature = "($type, item, /)",
     .fn = Token___class_getitem__,
     .flags = method_flags::kClassMethod,
     .doc = "See PEP 585"},
};

const GetSetDef kTokenGetSets[] = {
    {.name = "var", .get = Token_get_var},
    {.name = "old_value", .get = Token_get_old_value},
};

const TypeSpec kTokenSpec = {
    .name = "Token",
    .module = "_contextvars",
    .type = &g_token_type,
    .layout = &kTokenLayout,
    .basic_size = sizeof(TokenObj),
    .slots = {.tp_repr = token_repr, .tp_new = token_new},
    .methods = kTokenMethods,
    .getsets = kTokenGetSets,
};
TERN_REGISTER_TYPE(kTokenSpec);

const TypeSpec kTokenMissingSpec = {
    .name = "MISSING",
    .module = "Token",
    .type = &g_token_missing_type,
    .layout = &kMissingLayout,
    .basic_size = sizeof(Obj),
    .slots = {.tp_repr = tokenmissing_repr},
};
TERN_REGISTER_TYPE(kTokenMissingSpec);

const MethodDef kContextMethods[] = {
    {.name = "run", .signature = "($self, callable, /, *args, **kwargs)", .fn = Context_run},
    {.name = "get",
     .signature = "($self, key, default=None, /)",
     .fn = Context_get,
     .doc = "Return the value for `key` if `key` has the value in the context object.\n\nIf `key` does not exist, "
            "return `default`. If `default` is not given,\nreturn None."},
    {.name = "items",
     .signature = "($self, /)",
     .fn = Context_items,
     .doc = "Return all variables and their values in the context object.\n\nThe result is returned as a list of "
            "2-tuples (variable, value)."},
    {.name = "keys",
     .signature = "($self, /)",
     .fn = Context_keys,
     .doc = "Return a list of all variables in the context object."},
    {.name = "values",
     .signature = "($self, /)",
     .fn = Context_values,
     .doc = "Return a list of all variables' values in the context object."},
    {.name = "copy",
     .signature = "($self, /)",
     .fn = Context_copy,
     .doc = "Return a shallow copy of the context object."},
};

const TypeSpec kContextSpec = {
    .name = "Context",
    .module = "_contextvars",
    .type = &g_context_type,
    .layout = &kContextLayout,
    .basic_size = sizeof(ContextObj),
    .slots = {.tp_hash = hashNotImplemented,
              .tp_richcompare = context_richcompare,
              .tp_iter = context_iter,
              .tp_new = context_new,
              .mp_length = context_len,
              .mp_subscript = context_subscript,
              .sq_contains = context_contains},
    .methods = kContextMethods,
};
TERN_REGISTER_TYPE(kContextSpec);

const TypeSpec kKeysSpec = {
    .name = "keys",
    .type = &g_keys_type,
    .layout = &kViewLayout,
    .basic_size = sizeof(ViewObj),
    .slots = {.tp_iter = keys_iter, .mp_length = view_len},
};
TERN_REGISTER_TYPE(kKeysSpec);

const TypeSpec kValuesSpec = {
    .name = "values",
    .type = &g_values_type,
    .layout = &kViewLayout,
    .basic_size = sizeof(ViewObj),
    .slots = {.tp_iter = values_iter, .mp_length = view_len},
};
TERN_REGISTER_TYPE(kValuesSpec);

const TypeSpec kItemsSpec = {
    .name = "items",
    .type = &g_items_type,
    .layout = &kViewLayout,
    .basic_size = sizeof(ViewObj),
    .slots = {.tp_iter = items_iter, .mp_length = view_len},
};
TERN_REGISTER_TYPE(kItemsSpec);

// ===========================================================================
// The module

Value contextvars_copy_context(Value* /*args*/) {
  Value ctx = currentContext();
  if (ctx.isNull()) return ctx;
  return copyContext(ctx);
}

const MethodDef kContextvarsFunctions[] = {
    {.name = "copy_context", .signature = "($module, /)", .fn = contextvars_copy_context},
};

bool contextvarsInit(Value module) {
  if (g_token_missing.get().isNull()) {
    g_token_missing.set(Value(newObject(g_token_missing_type, sizeof(Obj))));
    if (dictSet(g_token_type->dict.get(), internStr("MISSING"), g_token_missing.get()) < 0) return false;
    typeModified(g_token_type);
  }
  Value d = moduleDict(module);
  return dictSet(d, internStr("Context"), typeValue(g_context_type)) == 0 &&
         dictSet(d, internStr("ContextVar"), typeValue(g_contextvar_type)) == 0 &&
         dictSet(d, internStr("Token"), typeValue(g_token_type)) == 0;
}

const NativeModuleDef kContextvarsModule = {
    .name = "_contextvars",
    .methods = kContextvarsFunctions,
    .init = contextvarsInit,
    .doc = "Context Variables",
};
TERN_REGISTER_MODULE(kContextvarsModule);

}  // namespace

// ===========================================================================
// The C API's entry points (_contextvars.h)

bool isContextObject(Value v) { return isContext(v); }
bool isContextVarObject(Value v) { return isContextVar(v); }
bool isContextTokenObject(Value v) { return !v.isSmallInt() && typeOf(v) == g_token_type; }

Value newContextObject() { return newEmptyContext(); }
Value copyContextObject(Value ctx) { return copyContext(ctx); }
Value copyCurrentContext() { return contextvars_copy_context(nullptr); }

bool enterContext(Value ctx) {
  if (asContext(ctx)->entered) {
    raisef(exc::RuntimeError, "cannot enter context: <_contextvars.Context object at %s> is already entered",
           pointerText(ctx).c_str());
    return false;
  }
  Value prev = currentContext();
  if (prev.isNull()) return false;
  asContext(ctx)->prev.set(prev);
  asContext(ctx)->entered = 1;
  interp::currentThread()->context = ctx;
  return true;
}

bool exitContext(Value ctx) {
  if (!asContext(ctx)->entered) {
    raisef(exc::RuntimeError, "cannot exit context: <_contextvars.Context object at %s> has not been entered",
           pointerText(ctx).c_str());
    return false;
  }
  interp::ThreadState* ts = interp::currentThread();
  if (ts->context != ctx) {
    raise(exc::RuntimeError, "cannot exit context: thread state references a different context object");
    return false;
  }
  ts->context = asContext(ctx)->prev.get();
  asContext(ctx)->prev.set(Value());
  asContext(ctx)->entered = 0;
  return true;
}

}  // namespace tern
