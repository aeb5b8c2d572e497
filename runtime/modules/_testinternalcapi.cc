// The _testinternalcapi module: the few introspection helpers of CPython's
// test extension that its regression tests (Lib/test) reach for, answered
// for Tern.  CPython builds it from Modules/_testinternalcapi.c as a window
// into its internals; Tern's version has only what makes sense without
// those internals, so that tests written against it run instead of being
// skipped:
//   - get_config(): the interpreter's configuration as a dict with
//     PyConfig's field names (test.support.requires_debug_ranges reads
//     `code_debug_ranges`; test_compile is skipped whole without it);
//   - get_recursion_depth(): Python calls in progress on this thread;
//   - SIZEOF_PYGC_HEAD: CPython's GC header (16 bytes), which
//     test.support.check_sizeof adds to a GC type's size.
// Everything else (set_config, the getpath code object, the locale codecs,
// the bytecode optimiser hooks) is absent: a test that needs it fails with
// AttributeError or ImportError, as it would against an older CPython.
// Being a built-in module, this one also shadows CPython's binary of the
// same name in lib-dynload, which could not work against Tern's internals.
#include <string>

#include "runtime/interp/config.h"
#include "runtime/interp/errors.h"
#include "runtime/interp/thread_state.h"
#include "runtime/modules/module.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/int.h"
#include "runtime/objects/list.h"
#include "runtime/objects/str.h"

namespace tern {

namespace {

// sys.NAME, or None when sys has no such attribute.
Value sysAttr(const char* name) {
  Value sys = importModule(internStr("sys"));
  if (sys.isNull()) return Value();
  Value v = lookupAttr(sys, internStr(name));
  if (v.isNull() && !errorPending()) return None();
  return v;
}

Value strOrNone(const char* s) { return s == nullptr ? None() : newStr(s); }

// CPython's config lists -X options as "NAME" or "NAME=VALUE" strings.
Value xoptionList() {
  Value list = newList();
  if (list.isNull()) return list;
  for (const XOption& x : config().xoptions) {
    std::string text = x.has_value ? x.name + "=" + x.value : x.name;
    Value s = newStr(text);
    if (s.isNull() || !listAppend(list, s)) return Value();
  }
  return list;
}

bool put(Value d, const char* key, Value v) { return !v.isNull() && dictSet(d, internStr(key), v) == 0; }
bool putInt(Value d, const char* key, int64_t n) { return put(d, key, newInt(n)); }

Value _testinternalcapi_get_config(Value* /*args*/) {
  const Config& c = config();
  Value d = newDict();
  if (d.isNull()) return d;
  const char* hash_seed = c.env("PYTHONHASHSEED");
  bool use_hash_seed = hash_seed != nullptr && std::string(hash_seed) != "random" && !c.random_hash;
  bool debug_ranges = !c.hasXOption("no_debug_ranges") && c.env("PYTHONNODEBUGRANGES") == nullptr;
  bool ok = putInt(d, "_config_init", 2) && putInt(d, "isolated", c.isolated) &&
            putInt(d, "use_environment", !c.ignore_environment) && putInt(d, "dev_mode", c.dev_mode) &&
            putInt(d, "install_signal_handlers", 1) && putInt(d, "use_hash_seed", use_hash_seed) &&
            putInt(d, "hash_seed", use_hash_seed ? std::stoll(hash_seed) : 0) &&
            putInt(d, "faulthandler", c.hasXOption("faulthandler") || c.env("PYTHONFAULTHANDLER") != nullptr) &&
            putInt(d, "tracemalloc", 0) &&
            putInt(d, "import_time", c.hasXOption("importtime") || c.env("PYTHONPROFILEIMPORTTIME") != nullptr) &&
            putInt(d, "code_debug_ranges", debug_ranges) && putInt(d, "show_ref_count", 0) &&
            putInt(d, "dump_refs", 0) && putInt(d, "malloc_stats", 0) &&
            put(d, "filesystem_encoding", newStr("utf-8")) && put(d, "filesystem_errors", newStr("surrogateescape")) &&
            put(d, "pycache_prefix", sysAttr("pycache_prefix")) && putInt(d, "parse_argv", 1) &&
            put(d, "orig_argv", sysAttr("orig_argv")) && put(d, "argv", sysAttr("argv")) &&
            put(d, "xoptions", xoptionList()) && put(d, "warnoptions", sysAttr("warnoptions")) &&
            putInt(d, "site_import", !c.no_site) && putInt(d, "bytes_warning", c.bytes_warning) &&
            putInt(d, "warn_default_encoding", c.warn_default_encoding) && putInt(d, "inspect", c.inspect) &&
            putInt(d, "interactive", c.interactive) && putInt(d, "optimization_level", c.optimize) &&
            putInt(d, "parser_debug", c.debug) && putInt(d, "write_bytecode", !c.dont_write_bytecode) &&
            putInt(d, "verbose", c.verbose) && putInt(d, "quiet", c.quiet) &&
            putInt(d, "user_site_directory", !c.no_user_site) && putInt(d, "configure_c_stdio", 1) &&
            putInt(d, "buffered_stdio", !c.unbuffered) && put(d, "stdio_encoding", newStr("utf-8")) &&
            put(d, "stdio_errors", newStr("strict")) &&
            put(d, "check_hash_pycs_mode", newStr(c.check_hash_based_pycs)) && putInt(d, "pathconfig_warnings", 1) &&
            put(d, "program_name", sysAttr("executable")) && put(d, "pythonpath_env", strOrNone(c.env("PYTHONPATH"))) &&
            put(d, "home", strOrNone(c.env("PYTHONHOME"))) && put(d, "platlibdir", sysAttr("platlibdir")) &&
            putInt(d, "module_search_paths_set", 1) && put(d, "module_search_paths", sysAttr("path")) &&
            put(d, "stdlib_dir", sysAttr("_stdlib_dir")) && put(d, "executable", sysAttr("executable")) &&
            put(d, "base_executable", sysAttr("_base_executable")) && put(d, "prefix", sysAttr("prefix")) &&
            put(d, "base_prefix", sysAttr("base_prefix")) && put(d, "exec_prefix", sysAttr("exec_prefix")) &&
            put(d, "base_exec_prefix", sysAttr("base_exec_prefix")) &&
            putInt(d, "skip_source_first_line", c.skip_first_line) && putInt(d, "safe_path", c.safe_path) &&
            putInt(d, "int_max_str_digits", c.int_max_str_digits) && putInt(d, "_install_importlib", 1) &&
            putInt(d, "_init_main", 1) && putInt(d, "_isolated_interpreter", 0);
  return ok ? d : Value();
}

// Tern's depth counts this builtin's own call too; CPython's counts Python
// frames only (1 at a module's top level).
Value _testinternalcapi_get_recursion_depth(Value* /*args*/) {
  int depth = interp::currentThread()->recursion_depth;
  return newInt(depth > 0 ? depth - 1 : 0);
}

bool initTestInternalCapi(Value module) {
  return dictSet(moduleDict(module), internStr("SIZEOF_PYGC_HEAD"), newInt(16)) == 0;
}

const MethodDef kTestInternalCapiFunctions[] = {
    {.name = "get_config", .signature = "($module, /)", .fn = _testinternalcapi_get_config,
     .doc = "The interpreter's configuration, as a dict keyed by PyConfig's field names."},
    {.name = "get_recursion_depth", .signature = "($module, /)", .fn = _testinternalcapi_get_recursion_depth,
     .doc = "Python calls in progress on the current thread."},
};

const NativeModuleDef kTestInternalCapiModule = {
    .name = "_testinternalcapi",
    .methods = kTestInternalCapiFunctions,
    .init = initTestInternalCapi,
    .doc = "The introspection helpers of CPython's test suite that make sense under Tern.",
};
TERN_REGISTER_MODULE(kTestInternalCapiModule);

}  // namespace

}  // namespace tern
