// module: the `module` type (module.h) and the native-module registry.
#include "runtime/modules/module.h"

#include <algorithm>
#include <cstddef>
#include <string>
#include <vector>

#include "runtime/interp/errors.h"
#include "runtime/modules/importer.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/list.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"

namespace tern {

namespace {

std::vector<const NativeModuleDef*>& registry() {
  static std::vector<const NativeModuleDef*> defs;  // static data, not heap references
  return defs;
}

gc::GlobalRoot& modulesRoot() {
  static gc::GlobalRoot* root = new gc::GlobalRoot();
  return *root;
}

// Native modules made so far: name -> the module (sys, builtins) or a copy
// of the dict its init produced (createBuiltinModule).
gc::GlobalRoot& builtinsCreatedRoot() {
  static gc::GlobalRoot* root = new gc::GlobalRoot();
  return *root;
}

ModuleObj* asModule(Value v) { return static_cast<ModuleObj*>(v.asObject()); }

const uint32_t kModuleFields[] = {offsetof(ModuleObj, ob_type), offsetof(ModuleObj, dict)};
void (*g_module_finalizer)(Value module) = nullptr;
void finalizeModule(gc::Object* module) {
  if (g_module_finalizer != nullptr) g_module_finalizer(Value(module));
}
const gc::Layout kModuleLayout = {.name = "module", .fields = kModuleFields, .finalize = finalizeModule};

void initModuleDict(Value dict, Value name, Value doc) {
  dictSet(dict, names::__name__, name);
  dictSet(dict, names::__doc__, doc.isNull() ? None() : doc);
  dictSet(dict, names::__package__, None());
  dictSet(dict, names::__loader__, None());
  dictSet(dict, names::__spec__, None());
}

// --- the module type -----------------------------------------------------------

Value module___new__(Type* type, const Value*, size_t, Value) {
  Value dict = newDict();
  Obj* m = newObject(type, type->basic_size);
  static_cast<ModuleObj*>(m)->dict.set(dict);
  return m;
}

int module___init__(Value self, const Value* args, size_t nargs, Value kwnames) {
  // module(name, doc=None)
  Value name, doc;
  size_t nkw = kwnames.isNull() ? 0 : static_cast<size_t>(tupleLength(kwnames));
  if (nargs > 2 || nargs + nkw > 2) {
    raisef(exc::TypeError, "module() takes at most 2 arguments (%zu given)", nargs + nkw);
    return -1;
  }
  if (nargs >= 1) name = args[0];
  if (nargs >= 2) doc = args[1];
  for (size_t i = 0; i < nkw; ++i) {
    Value key = tupleItem(kwnames, static_cast<int64_t>(i));
    Value v = args[nargs + i];
    if (strEqualsAscii(key, "name") && name.isNull()) {
      name = v;
    } else if (strEqualsAscii(key, "doc") && doc.isNull()) {
      doc = v;
    } else {
      raisef(exc::TypeError, "module() got an unexpected keyword argument '%s'", strToUtf8(key).c_str());
      return -1;
    }
  }
  if (name.isNull()) {
    raise(exc::TypeError, "module() missing required argument 'name' (pos 1)");
    return -1;
  }
  if (!isStr(name)) {
    raisef(exc::TypeError, "module.__init__() argument 'name' must be str, not %s", typeNameOf(name).c_str());
    return -1;
  }
  Value dict = moduleDict(self);
  if (dict.isNull()) {
    dict = newDict();
    asModule(self)->dict.set(dict);
  }
  initModuleDict(dict, name, doc);
  return errorPending() ? -1 : 0;
}

Value module_getattro(Value self, Value name) {
  Value v = genericGetAttr(self, name);
  if (!v.isNull() || !errorMatches(exc::AttributeError)) return v;
  clearError();
  Value dict = moduleDict(self);
  if (!dict.isNull()) {
    Value getattr = dictGetStr(dict, names::__getattr__);
    if (!getattr.isNull()) return call1(getattr, name);
    if (errorPending()) return Value();
    Value mod_name = dictGetStr(dict, names::__name__);
    if (!mod_name.isNull() && isStr(mod_name)) {
      return raisef(exc::AttributeError, "module '%s' has no attribute '%s'", strToUtf8(mod_name).c_str(),
                    strToUtf8(name).c_str());
    }
    if (errorPending()) return Value();
  }
  return raisef(exc::AttributeError, "module has no attribute '%s'", strToUtf8(name).c_str());
}

Value module_repr(Value self) {
  // As CPython 3.11: importlib._bootstrap._module_repr once importlib is
  // installed (specs and loaders decide), the plain forms before.
  Value bootstrap = importlibBootstrap();
  if (!bootstrap.isNull()) {
    Value fn = getAttr(bootstrap, internStr("_module_repr"));
    if (fn.isNull()) return fn;
    return call1(fn, self);
  }
  Value dict = moduleDict(self);
  std::string name = "?";
  Value n = dict.isNull() ? Value() : dictGetStr(dict, names::__name__);
  if (!n.isNull()) {
    Value r = repr(n);
    if (r.isNull()) return r;
    name = strToUtf8(r);
  } else {
    clearError();
    name = "'?'";
  }
  if (asModule(self)->native != nullptr) return newStr("<module " + name + " (built-in)>");
  Value file = dict.isNull() ? Value() : dictGetStr(dict, names::__file__);
  if (!file.isNull() && isStr(file)) {
    Value r = repr(file);
    if (r.isNull()) return r;
    return newStr("<module " + name + " from " + strToUtf8(r) + ">");
  }
  clearError();
  return newStr("<module " + name + ">");
}

Value module___dir__(Value* args) {
  Value self = args[0];
  Value dict = getAttr(self, names::__dict__);
  if (dict.isNull()) return dict;
  if (!isDict(dict)) return raisef(exc::TypeError, "<module>.__dict__ is not a dictionary");
  Value dir = dictGetStr(dict, names::__dir__);
  if (!dir.isNull()) return call0(dir);
  if (errorPending()) return Value();
  return dictKeysList(dict);
}

Value module_get___annotations__(Value self) {
  Value dict = moduleDict(self);
  Value ann = dictGetStr(dict, names::__annotations__);
  if (!ann.isNull() || errorPending()) return ann;
  ann = newDict();
  if (dictSet(dict, names::__annotations__, ann) < 0) return Value();
  return ann;
}

int module_set___annotations__(Value self, Value value) {
  Value dict = moduleDict(self);
  if (value.isNull()) {
    int r = dictDel(dict, names::__annotations__);
    if (r == 0) {
      raise(exc::AttributeError, "__annotations__");
      return -1;
    }
    return r < 0 ? -1 : 0;
  }
  return dictSet(dict, names::__annotations__, value);
}

const MethodDef kModuleMethods[] = {
    {.name = "__dir__", .signature = "($self, /)", .fn = module___dir__, .doc = "Implement dir(self)."},
};

// A read-only member, as CPython's (so writing it says "readonly attribute").
const MemberDef kModuleMembers[] = {
    {.name = "__dict__", .kind = MemberKind::kObjectNoneIfNull, .offset = offsetof(ModuleObj, dict), .readonly = true},
};

const GetSetDef kModuleGetSets[] = {
    {.name = "__annotations__", .get = module_get___annotations__, .set = module_set___annotations__},
};

const TypeSpec kModuleSpec = {
    .name = "module",
    .type = &types::module_type,
    .layout = &kModuleLayout,
    .basic_size = sizeof(ModuleObj),
    .flags = type_flags::kBaseType | type_flags::kHasDict,
    .slots = {.tp_repr = module_repr,
              .tp_getattro = module_getattro,
              .tp_setattro = genericSetAttr,
              .tp_init = module___init__,
              .tp_new = module___new__},
    .methods = kModuleMethods,
    .getsets = kModuleGetSets,
    .members = kModuleMembers,
    .doc = "Create a module object.\n\nThe name must be a string; the optional doc argument can have any type.",
    .weakrefable = true,
};
TERN_REGISTER_TYPE(kModuleSpec);

}  // namespace

void setModuleFinalizer(void (*finalize)(Value module)) { g_module_finalizer = finalize; }

Value newModule(Value name, Value doc) {
  Value dict = newDict();
  Obj* m = newObject(types::module_type, sizeof(ModuleObj));
  asModule(m)->dict.set(dict);
  initModuleDict(dict, name, doc);
  return m;
}

std::string moduleName(Value module) {
  Value dict = moduleDict(module);
  Value n = dict.isNull() ? Value() : dictGetStr(dict, names::__name__);
  if (n.isNull() || !isStr(n)) {
    clearError();
    return "?";
  }
  return strToUtf8(n);
}

// --- the registry -----------------------------------------------------------------

NativeModuleRegistration::NativeModuleRegistration(const NativeModuleDef* def) { registry().push_back(def); }

const NativeModuleDef* findNativeModule(std::string_view name) {
  for (const NativeModuleDef* def : registry()) {
    if (name == def->name) return def;
  }
  return nullptr;
}

Value createNativeModule(const NativeModuleDef* def) {
  Value name = internStr(def->name);
  Value doc = def->doc != nullptr ? newStr(def->doc) : None();
  Value module = newModule(name, doc);
  asModule(module)->native = def;
  Value dict = moduleDict(module);
  for (const MethodDef& m : def->methods) {
    Value fn = newBuiltinFunction(&m, module, name);
    if (fn.isNull()) return fn;
    if (dictSet(dict, internStr(m.name), fn) < 0) return Value();
  }
  if (def->init != nullptr && !def->init(module)) return Value();
  return module;
}

Value nativeModuleNames() {
  std::vector<std::string> names;
  for (const NativeModuleDef* def : registry()) names.emplace_back(def->name);
  std::sort(names.begin(), names.end());
  Value t = newTuple(static_cast<int64_t>(names.size()));
  for (size_t i = 0; i < names.size(); ++i) tupleInit(t, static_cast<int64_t>(i), internStr(names[i]));
  return t;
}

Value modulesDict() { return modulesRoot().get(); }

void initializeModules() {
  if (modulesRoot().get().isNull()) modulesRoot().set(newDict());
  if (builtinsCreatedRoot().get().isNull()) builtinsCreatedRoot().set(newDict());
}

Value createBuiltinModule(Value name) {
  std::string text = strToUtf8(name);
  const NativeModuleDef* def = findNativeModule(text);
  if (def == nullptr) return Value();
  Value first = dictGet(builtinsCreatedRoot().get(), name);
  if (errorPending()) return Value();
  if (first.isNull()) {
    Value m = createNativeModule(def);
    if (m.isNull()) return m;
    // sys and builtins are the runtime's own and never made again; every
    // other module keeps a copy of its dict as init left it.
    Value keep = text == "sys" || text == "builtins" ? m : dictCopy(moduleDict(m));
    if (keep.isNull() || dictSet(builtinsCreatedRoot().get(), name, keep) < 0) return Value();
    return m;
  }
  if (isModule(first)) return first;
  Value m = newModule(name);
  if (m.isNull()) return m;
  asModule(m)->native = def;
  if (dictUpdate(moduleDict(m), first) < 0) return Value();
  return m;
}

}  // namespace tern
