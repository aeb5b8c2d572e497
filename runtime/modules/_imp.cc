// The _imp module: what importlib._bootstrap and _bootstrap_external ask of
// the runtime (CPython's Python/import.c functions of the same names).
//
//   - the global import lock (acquire_lock / release_lock / lock_held):
//     reentrant, owned by one thread; another thread waits for it with the
//     GIL released (gil.h);
//   - built-in modules: every module in the native-module registry
//     (module.h) is "built-in"; create_builtin makes it (sys and builtins
//     are the runtime's own objects), exec_builtin has nothing left to do;
//   - frozen modules: Tern freezes nothing (the import bootstrap is loaded
//     from the stdlib's source or its .pyc, importer.cc), so is_frozen says
//     False and find_frozen None;
//   - extension modules: create_dynamic and exec_dynamic are cpyext's loader
//     (cpyext/import.h);
//   - .pyc support: _fix_co_filename, source_hash, check_hash_based_pycs.
#include <pthread.h>

#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>

#include "cpyext/import.h"
#include "runtime/interp/code.h"
#include "runtime/interp/errors.h"
#include "runtime/interp/gil.h"
#include "runtime/modules/module.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/buffer.h"
#include "runtime/objects/bytes.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/exceptions.h"
#include "runtime/objects/hash.h"
#include "runtime/objects/int.h"
#include "runtime/objects/list.h"
#include "runtime/objects/native.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"

namespace tern {

namespace {

// The import lock: its owner (a pthread_self value) and how many times it
// holds it, guarded by g_import_mutex, which is never held while waiting for
// the GIL.
std::mutex g_import_mutex;
std::condition_variable g_import_released;
uint64_t g_import_lock_owner = 0;
int64_t g_import_lock_count = 0;

Value _imp_acquire_lock(Value*) {
  uint64_t me = static_cast<uint64_t>(::pthread_self());
  {
    std::lock_guard lock(g_import_mutex);
    if (g_import_lock_count == 0 || g_import_lock_owner == me) {
      g_import_lock_owner = me;
      ++g_import_lock_count;
      return None();
    }
  }
  interp::AllowThreads allow;
  std::unique_lock lock(g_import_mutex);
  g_import_released.wait(lock, [] { return g_import_lock_count == 0; });
  g_import_lock_owner = me;
  g_import_lock_count = 1;
  return None();
}

Value _imp_release_lock(Value*) {
  std::lock_guard lock(g_import_mutex);
  if (g_import_lock_count == 0 || g_import_lock_owner != static_cast<uint64_t>(::pthread_self())) {
    return raise(exc::RuntimeError, "not holding the import lock");
  }
  if (--g_import_lock_count == 0) {
    g_import_lock_owner = 0;
    g_import_released.notify_one();
  }
  return None();
}

Value _imp_lock_held(Value*) {
  std::lock_guard lock(g_import_mutex);
  return Bool(g_import_lock_count > 0);
}

bool strArg(Value v, const char* what) {
  if (isStr(v)) return true;
  raisef(exc::TypeError, "%s must be str, not %s", what, typeNameOf(v).c_str());
  return false;
}

// 1 for a registered native module, -1 for the two that cannot be made
// again (sys, builtins: CPython's "cannot be re-initialised"), 0 otherwise.
Value _imp_is_builtin(Value* args) {
  if (!strArg(args[1], "is_builtin() argument")) return Value();
  std::string name = strToUtf8(args[1]);
  if (findNativeModule(name) == nullptr) return newInt(0);
  return newInt(name == "sys" || name == "builtins" ? -1 : 1);
}

Value _imp_create_builtin(Value* args) {
  Value name = getAttr(args[1], internStr("name"));
  if (name.isNull()) return name;
  if (!isStr(name)) return raisef(exc::TypeError, "name must be string, not %s", typeNameOf(name).c_str());
  Value m = createBuiltinModule(name);
  if (m.isNull() && !errorPending()) return None();
  return m;
}

Value _imp_exec_builtin(Value*) { return newInt(0); }

Value _imp_is_frozen(Value* args) {
  if (!strArg(args[1], "is_frozen() argument")) return Value();
  return False();
}

Value _imp_find_frozen(Value* args) {
  if (!strArg(args[1], "find_frozen() argument 1")) return Value();
  return None();
}

Value noFrozen(Value name) {
  Value r = repr(name);
  if (r.isNull()) return r;
  Value msg = newStr("No such frozen object named " + strToUtf8(r));
  Value err = newException(exc::ImportError, newTupleOf({msg}));
  if (err.isNull()) return err;
  static_cast<ImportErrorObj*>(err.asObject())->name.set(name);
  static_cast<ImportErrorObj*>(err.asObject())->msg.set(msg);
  return raiseException(err);
}

Value _imp_get_frozen_object(Value* args) {
  if (!strArg(args[1], "get_frozen_object() argument 1")) return Value();
  return noFrozen(args[1]);
}

Value _imp_is_frozen_package(Value* args) {
  if (!strArg(args[1], "is_frozen_package() argument")) return Value();
  return noFrozen(args[1]);
}

Value _imp_init_frozen(Value* args) {
  if (!strArg(args[1], "init_frozen() argument")) return Value();
  return None();
}

Value _imp__frozen_module_names(Value*) { return newList(); }

Value _imp__override_frozen_modules_for_tests(Value*) { return None(); }

// Tern's own builds first, then CPython 3.11's binaries (DESIGN.md §6).
Value _imp_extension_suffixes(Value*) {
  static const char* const kSuffixes[] = {".tern-311-x86_64-linux-gnu.so", ".cpython-311-x86_64-linux-gnu.so",
                                          ".abi3.so", ".so"};
  Value list = newList();
  for (const char* s : kSuffixes) {
    if (!listAppend(list, newStr(s))) return Value();
  }
  return list;
}

Value _imp_create_dynamic(Value* args) { return createExtensionModule(args[1]); }

Value _imp_exec_dynamic(Value* args) {
  int r = execExtensionModule(args[1]);
  return r < 0 ? Value() : newInt(r);
}

// Sets co_filename of `code` and of its nested code objects that had the
// same old name.
void replaceFilename(Value code, Value old_name, Value new_name) {
  CodeObj* c = asCode(code);
  if (!strEquals(c->filename.get(), old_name)) return;
  c->filename.set(new_name);
  Value consts = c->consts.get();
  for (int64_t i = 0; i < tupleLength(consts); ++i) {
    Value item = tupleItem(consts, i);
    if (isCode(item)) replaceFilename(item, old_name, new_name);
  }
}

Value _imp__fix_co_filename(Value* args) {
  Value code = args[1], path = args[2];
  if (!isCode(code)) {
    return raisef(exc::TypeError, "_fix_co_filename() argument 1 must be code, not %s", typeNameOf(code).c_str());
  }
  if (!isStr(path)) {
    return raisef(exc::TypeError, "_fix_co_filename() argument 2 must be str, not %s", typeNameOf(path).c_str());
  }
  Value old_name = asCode(code)->filename.get();
  if (!strEquals(old_name, path)) replaceFilename(code, old_name, path);
  return None();
}

Value _imp_source_hash(Value* args) {
  Value key = args[1], source = args[2];
  if (!isInt(key)) {
    return raisef(exc::TypeError, "'%s' object cannot be interpreted as an integer", typeNameOf(key).c_str());
  }
  int64_t k;
  if (!intToInt64(key, &k)) return Value();
  std::string data;
  if (!bufferCopyBytes(source, &data)) return Value();
  uint64_t h = objects::keyed_hash(static_cast<uint64_t>(k), data.data(), data.size());
  char bytes[8];
  for (int i = 0; i < 8; ++i) bytes[i] = static_cast<char>(h >> (8 * i));  // little-endian, as CPython
  return newBytes(bytes, 8);
}

const MethodDef kImpFunctions[] = {
    {.name = "lock_held", .signature = "($module, /)", .fn = _imp_lock_held,
     .doc = "Return True if the import lock is currently held, else False."},
    {.name = "acquire_lock", .signature = "($module, /)", .fn = _imp_acquire_lock,
     .doc = "Acquires the interpreter's import lock for the current thread."},
    {.name = "release_lock", .signature = "($module, /)", .fn = _imp_release_lock,
     .doc = "Release the interpreter's import lock."},
    {.name = "find_frozen", .signature = "($module, name, /, *, withdata=False)", .fn = _imp_find_frozen,
     .doc = "Return info about the corresponding frozen module (if there is one) or None."},
    {.name = "get_frozen_object", .signature = "($module, name, data=None, /)", .fn = _imp_get_frozen_object,
     .doc = "Create a code object for a frozen module."},
    {.name = "is_frozen_package", .signature = "($module, name, /)", .fn = _imp_is_frozen_package,
     .doc = "Returns True if the module name is of a frozen package."},
    {.name = "create_builtin", .signature = "($module, spec, /)", .fn = _imp_create_builtin,
     .doc = "Create an extension module."},
    {.name = "init_frozen", .signature = "($module, name, /)", .fn = _imp_init_frozen,
     .doc = "Initializes a frozen module."},
    {.name = "is_builtin", .signature = "($module, name, /)", .fn = _imp_is_builtin,
     .doc = "Returns True if the module name corresponds to a built-in module."},
    {.name = "is_frozen", .signature = "($module, name, /)", .fn = _imp_is_frozen,
     .doc = "Returns True if the module name corresponds to a frozen module."},
    {.name = "_frozen_module_names", .signature = "($module, /)", .fn = _imp__frozen_module_names,
     .doc = "Returns the list of available frozen modules."},
    {.name = "_override_frozen_modules_for_tests", .signature = "($module, override, /)",
     .fn = _imp__override_frozen_modules_for_tests, .doc = "(internal-only) Override PyConfig.use_frozen_modules."},
    {.name = "create_dynamic", .signature = "($module, spec, file=<unrepresentable>, /)", .fn = _imp_create_dynamic,
     .doc = "Create an extension module."},
    {.name = "exec_dynamic", .signature = "($module, mod, /)", .fn = _imp_exec_dynamic,
     .doc = "Initialize an extension module."},
    {.name = "exec_builtin", .signature = "($module, mod, /)", .fn = _imp_exec_builtin,
     .doc = "Initialize a built-in module."},
    {.name = "_fix_co_filename", .signature = "($module, code, path, /)", .fn = _imp__fix_co_filename,
     .doc = "Changes code.co_filename to specify the passed-in file path.\n\n  code\n    Code object to change.\n  "
            "path\n    File path to use."},
    {.name = "extension_suffixes", .signature = "($module, /)", .fn = _imp_extension_suffixes,
     .doc = "Returns the list of file suffixes used to identify extension modules."},
    {.name = "source_hash", .signature = "($module, /, key, source)", .fn = _imp_source_hash},
};

bool impInit(Value module) {
  return dictSet(moduleDict(module), internStr("check_hash_based_pycs"), internStr("default")) == 0;
}

const NativeModuleDef kImpModule = {
    .name = "_imp",
    .methods = kImpFunctions,
    .init = impInit,
    .doc = "(Extremely) low-level import machinery bits as used by importlib and imp.",
};
TERN_REGISTER_MODULE(kImpModule);

}  // namespace

}  // namespace tern
