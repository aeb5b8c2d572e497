// The _ast module: ast.AST and the classes of Python 3.11's abstract syntax.
//
// ast.AST is a builtin type whose instances keep their fields in a __dict__;
// its __init__ binds positional arguments to `_fields` and sets keyword
// arguments as attributes (CPython's ast_type_init), and __reduce__ returns
// (type, (), __dict__).  Every other class is made, as CPython makes them,
// by calling `type` with a namespace holding _fields, __match_args__,
// __module__ = 'ast' and __doc__, then setting _attributes and a None class
// attribute for each optional field: their table is generated from ast.def
// (_ast_nodes.cc, see gen_ast_module.py).
//
// The classes exist once per process.  They are made on first use — `import
// _ast`, or compile() converting a tree — and held, with the interned field
// names and the shared Load()/Add()/... instances, in runtime roots.
#include "runtime/modules/_ast.h"

#include <cstddef>

#include "runtime/interp/errors.h"
#include "runtime/modules/_ast_internal.h"
#include "runtime/modules/module.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/int.h"
#include "runtime/objects/native.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"
#include "runtime/objects/type.h"

namespace tern::pyast {

namespace {

Type* g_ast_type = nullptr;

// Everything ready() makes; null until then.
struct State {
  gc::RootVector classes;     // kClassCount types, in Cls order
  gc::RootVector names;       // kNameCount interned strs, in Name order
  gc::RootVector singletons;  // per Cls: the shared instance of a singleton class, else null
};
State* g_state = nullptr;

// ===========================================================================
// ast.AST

Value AST_new(Type* type, const Value*, size_t, Value) { return Value(newObject(type, type->basic_size)); }

// The position of `key` in the sequence `fields`, -1 if absent, -2 on error.
int64_t indexIn(Value fields, Value key) {
  Value it = getIter(fields);
  if (it.isNull()) return -2;
  for (int64_t i = 0;; ++i) {
    Value item = iterNext(it);
    if (item.isNull()) return errorPending() ? -2 : -1;
    int eq = richCompareBool(item, key, kEq);
    if (eq < 0) return -2;
    if (eq > 0) return i;
  }
}

// AST.__init__(*args, **kwargs): args bind to _fields in order; every
// keyword becomes an attribute, names outside _fields included.
int AST_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value fields = lookupAttr(typeValue(typeOf(self)), internStr("_fields"));
  if (fields.isNull() && errorPending()) return -1;
  int64_t numfields = 0;
  if (!fields.isNull()) {
    numfields = length(fields);
    if (numfields < 0) return -1;
  }
  if (static_cast<int64_t>(nargs) > numfields) {
    raisef(exc::TypeError, "%s constructor takes at most %lld positional argument%s", typeBareName(typeOf(self)).c_str(),
           static_cast<long long>(numfields), numfields == 1 ? "" : "s");
    return -1;
  }
  for (size_t i = 0; i < nargs; ++i) {
    Value name = getItem(fields, newInt(static_cast<int64_t>(i)));
    if (name.isNull() || setAttr(self, name, args[i]) < 0) return -1;
  }
  int64_t nkw = kwnames.isNull() ? 0 : tupleLength(kwnames);
  for (int64_t k = 0; k < nkw; ++k) {
    Value key = tupleItem(kwnames, k);
    if (!fields.isNull()) {
      int64_t at = indexIn(fields, key);
      if (at == -2) return -1;
      if (at >= 0 && at < static_cast<int64_t>(nargs)) {
        raisef(exc::TypeError, "%s got multiple values for argument '%s'", typeBareName(typeOf(self)).c_str(),
               strToUtf8(key).c_str());
        return -1;
      }
    }
    if (setAttr(self, key, args[nargs + k]) < 0) return -1;
  }
  return 0;
}

Value AST___reduce__(Value* args) {
  Value self = args[0];
  Value dict = lookupAttr(self, names::__dict__);
  if (dict.isNull()) {
    if (errorPending()) return Value();
    return newTupleOf({typeValue(typeOf(self)), newTuple(0)});
  }
  return newTupleOf({typeValue(typeOf(self)), newTuple(0), dict});
}

constexpr uint32_t kAstFields[] = {offsetof(AstObj, dict)};
const gc::Layout kAstLayout = {.name = "ast.AST", .fields = kAstFields};

const MethodDef kAstMethods[] = {
    {.name = "__reduce__", .signature = "($self, /)", .fn = AST___reduce__},
};

const TypeSpec kAstSpec = {
    .name = "AST",
    .module = "ast",
    .type = &g_ast_type,
    .layout = &kAstLayout,
    .basic_size = sizeof(AstObj),
    .flags = type_flags::kBaseType,
    .slots = {.tp_init = AST_init, .tp_new = AST_new},
    .methods = kAstMethods,
    .dict_offset = static_cast<int32_t>(offsetof(AstObj, dict)),
};
TERN_REGISTER_TYPE(kAstSpec);

// ===========================================================================
// The classes

Value namesTuple(const State& st, const Name* names, int n) {
  Value t = newTuple(n);
  if (t.isNull()) return t;
  for (int i = 0; i < n; ++i) tupleInit(t, i, st.names[static_cast<size_t>(names[i])]);
  return t;
}

constexpr Name kAttributeNames[] = {Name::lineno, Name::col_offset, Name::end_lineno, Name::end_col_offset};

// _fields, __match_args__ and _attributes of ast.AST itself: all empty.
bool readyAstType() {
  Value d = g_ast_type->dict.get();
  Value empty = newTuple(0);
  if (empty.isNull() || dictSet(d, internStr("_fields"), empty) < 0 || dictSet(d, names::__match_args__, empty) < 0 ||
      dictSet(d, internStr("_attributes"), empty) < 0)
    return false;
  typeModified(g_ast_type);
  return true;
}

Value makeClass(const State& st, const ClassDef& def) {
  Value base = def.base < 0 ? typeValue(g_ast_type) : st.classes[static_cast<size_t>(def.base)];
  Value fields = namesTuple(st, def.fields, def.field_count);
  if (fields.isNull()) return fields;
  Value ns = newDict();
  if (ns.isNull() || dictSet(ns, internStr("_fields"), fields) < 0 || dictSet(ns, names::__match_args__, fields) < 0 ||
      dictSet(ns, names::__module__, internStr("ast")) < 0 || dictSet(ns, names::__doc__, newStr(def.doc)) < 0)
    return Value();
  Value cls = newClass(types::type_type, internStr(def.name), newTupleOf({base}), ns, Value());
  if (cls.isNull()) return cls;
  if (def.attribute_count >= 0) {
    Value attributes = namesTuple(st, kAttributeNames, def.attribute_count);
    if (attributes.isNull() || typeSetAttr(cls, internStr("_attributes"), attributes) < 0) return Value();
  }
  for (int i = 0; i < def.none_default_count; ++i) {
    if (typeSetAttr(cls, st.names[static_cast<size_t>(def.none_defaults[i])], None()) < 0) return Value();
  }
  return cls;
}

}  // namespace

bool ready() {
  if (g_state != nullptr) return true;
  auto* st = new State();
  for (int i = 0; i < kNameCount; ++i) st->names.push_back(internStr(kNames[i]));
  if (!readyAstType()) {
    delete st;
    return false;
  }
  for (int i = 0; i < kClassCount; ++i) {
    Value cls = makeClass(*st, kClasses[i]);
    if (cls.isNull()) {
      delete st;
      return false;
    }
    st->classes.push_back(cls);
    st->singletons.push_back(kClasses[i].singleton ? AST_new(static_cast<Type*>(cls.asObject()), nullptr, 0, Value())
                                                   : Value());
  }
  g_state = st;
  return true;
}

Type* classType(Cls c) { return static_cast<Type*>(g_state->classes[static_cast<size_t>(c)].asObject()); }
Value nameStr(Name n) { return g_state->names[static_cast<size_t>(n)]; }
Value singleton(Cls c) { return g_state->singletons[static_cast<size_t>(c)]; }

namespace {

// ===========================================================================
// The module

bool astModuleInit(Value module) {
  if (!ready()) return false;
  Value d = moduleDict(module);
  if (dictSet(d, internStr("AST"), typeValue(g_ast_type)) < 0) return false;
  for (int i = 0; i < kClassCount; ++i) {
    if (dictSet(d, internStr(kClasses[i].name), g_state->classes[static_cast<size_t>(i)]) < 0) return false;
  }
  return dictSet(d, internStr("PyCF_ONLY_AST"), newInt(kOnlyAst)) == 0 &&
         dictSet(d, internStr("PyCF_TYPE_COMMENTS"), newInt(kTypeComments)) == 0 &&
         dictSet(d, internStr("PyCF_ALLOW_TOP_LEVEL_AWAIT"), newInt(kAllowTopLevelAwait)) == 0;
}

const NativeModuleDef kAstModule = {
    .name = "_ast",
    .init = astModuleInit,
};
TERN_REGISTER_MODULE(kAstModule);

}  // namespace

}  // namespace tern::pyast

namespace tern {

bool isAstNode(Value v) { return !v.isSmallInt() && isInstance(v, pyast::g_ast_type); }

}  // namespace tern
