// The runtime's half of the import system (importer.h): installing
// importlib at start-up, builtins.__import__ and importModule on top of it,
// relative names, and trimming importlib's frames from failed imports'
// tracebacks.  The steps follow CPython's Python/import.c
// (PyImport_ImportModuleLevelObject, resolve_name, remove_importlib_frames).
#include "runtime/modules/importer.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "runtime/gc/roots.h"
#include "runtime/interp/code.h"
#include "runtime/interp/config.h"
#include "runtime/interp/errors.h"
#include "runtime/interp/eval.h"
#include "runtime/interp/runtime.h"
#include "runtime/modules/_warnings.h"
#include "runtime/modules/builtins.h"
#include "runtime/modules/marshal.h"
#include "runtime/modules/module.h"
#include "runtime/modules/sys.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/bytes.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/exceptions.h"
#include "runtime/objects/int.h"
#include "runtime/objects/list.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"

namespace tern {

namespace {

// Where the stdlib's import bootstrap lives (DESIGN.md §1: Debian's stdlib).
constexpr const char* kImportlibDir = "/usr/lib/python3.11/importlib";
constexpr const char* kBootstrapFrozenName = "<frozen importlib._bootstrap>";
constexpr const char* kExternalFrozenName = "<frozen importlib._bootstrap_external>";

enum class Stage { kNotInstalled, kInstalling, kInstalled, kFailed };
Stage g_stage = Stage::kNotInstalled;

struct ImportRoots {
  gc::GlobalRoot bootstrap;    // _frozen_importlib
  gc::GlobalRoot external;     // _frozen_importlib_external
  gc::GlobalRoot import_func;  // builtins.__import__ as installed (CPython's interp->import_func)
  gc::GlobalRoot find_and_load;
  gc::GlobalRoot handle_fromlist;
};
ImportRoots& roots() {
  static ImportRoots* r = new ImportRoots();
  return *r;
}

Value raiseModuleNotFound(const std::string& message, Value name) {
  Value msg = newStr(message);
  Value err = newException(exc::ModuleNotFoundError, newTupleOf({msg}));
  if (err.isNull()) return err;
  static_cast<ImportErrorObj*>(err.asObject())->name.set(name);
  static_cast<ImportErrorObj*>(err.asObject())->msg.set(msg);
  return raiseException(err);
}

std::string quoted(Value s) {
  Value r = repr(s);
  if (r.isNull()) {
    clearError();
    return "'" + strToUtf8(s) + "'";
  }
  return strToUtf8(r);
}

// ===========================================================================
// The bootstrap's code: its .pyc, or its source

bool readWholeFile(const std::string& path, std::string* out) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  out->clear();
  char buffer[65536];
  for (;;) {
    ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      ::close(fd);
      return false;
    }
    if (n == 0) break;
    out->append(buffer, static_cast<size_t>(n));
  }
  ::close(fd);
  return true;
}

uint32_t readU32(const std::string& data, size_t at) {
  uint32_t v;
  std::memcpy(&v, data.data() + at, 4);
  return v;
}

void appendU32(std::string& out, uint32_t v) { out.append(reinterpret_cast<const char*>(&v), 4); }

bool dontWriteBytecode() {
  Value sys = sysModule();
  Value v = sys.isNull() ? Value() : dictGetStr(moduleDict(sys), internStr("dont_write_bytecode"));
  if (v.isNull()) {
    clearError();
    return false;
  }
  int t = isTrue(v);
  if (t < 0) clearError();
  return t > 0;
}

// Writes a .pyc as importlib's SourceFileLoader.set_data would: creates
// __pycache__, writes a temporary file and renames it over the cache, and
// gives up quietly on any error (a read-only stdlib is fine).
void writePyc(const std::string& cache_dir, const std::string& cache_path, const std::string& data, mode_t mode) {
  // Every missing directory of cache_dir, outermost first.
  for (size_t slash = cache_dir.find('/', 1);; slash = cache_dir.find('/', slash + 1)) {
    std::string part = cache_dir.substr(0, slash);
    if (::mkdir(part.c_str(), 0777) != 0 && errno != EEXIST) return;
    if (slash == std::string::npos) break;
  }
  std::string tmp = cache_path + "." + std::to_string(::getpid());
  int fd = ::open(tmp.c_str(), O_EXCL | O_CREAT | O_WRONLY | O_CLOEXEC, mode);
  if (fd < 0) return;
  size_t done = 0;
  while (done < data.size()) {
    ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    done += static_cast<size_t>(n);
  }
  bool ok = done == data.size();
  ok = ::close(fd) == 0 && ok;
  if (!ok || ::rename(tmp.c_str(), cache_path.c_str()) != 0) ::unlink(tmp.c_str());
}

// co_filename of `code` and its nested code objects (as _imp._fix_co_filename).
void setCodeFilename(Value code, Value filename) {
  CodeObj* c = asCode(code);
  c->filename.set(filename);
  Value consts = c->consts.get();
  for (int64_t i = 0; i < tupleLength(consts); ++i) {
    if (isCode(tupleItem(consts, i))) setCodeFilename(tupleItem(consts, i), filename);
  }
}

// The code object of importlib/<stem>.py named `frozen_name`: from
// __pycache__/<stem>.tern-311.pyc when its header matches the source's
// mtime and size (what importlib itself checks), else compiled and cached.
Value bootstrapCode(const char* stem, const char* frozen_name) {
  std::string dir = kImportlibDir;
  std::string source_path = dir + "/" + stem + ".py";
  // cache_from_source's rule: __pycache__ beside the source, or the same
  // directories under sys.pycache_prefix.
  std::string cache_dir = dir + "/__pycache__";
  Value prefix = dictGetStr(moduleDict(sysModule()), internStr("pycache_prefix"));
  if (!prefix.isNull() && isStr(prefix)) {
    std::string p = strToUtf8(prefix);
    while (p.size() > 1 && p.back() == '/') p.pop_back();
    cache_dir = p + dir;
  }
  clearError();
  std::string cache_path = cache_dir + "/" + stem + ".tern-311.pyc";
  struct stat st;
  if (::stat(source_path.c_str(), &st) != 0) {
    int error = errno;
    return raiseWithArgs(exc::OSError, newTupleOf({newInt(error), newStr(std::strerror(error)), newStr(source_path)}));
  }
  std::string magic = pycMagicNumber();
  std::string data;
  if (readWholeFile(cache_path, &data) && data.size() >= 16 && data.compare(0, 4, magic) == 0 &&
      readU32(data, 4) == 0 && readU32(data, 8) == static_cast<uint32_t>(st.st_mtime) &&
      readU32(data, 12) == static_cast<uint32_t>(st.st_size)) {
    Value code = marshalLoads(data.data() + 16, data.size() - 16);
    if (!code.isNull() && isCode(code)) {
      setCodeFilename(code, internStr(frozen_name));
      return code;
    }
    clearError();  // a damaged cache: compile the source instead
  }
  std::string source;
  if (!readWholeFile(source_path, &source)) {
    int error = errno;
    return raiseWithArgs(exc::OSError, newTupleOf({newInt(error), newStr(std::strerror(error)), newStr(source_path)}));
  }
  Value code = compileSource(source, frozen_name, "exec");
  if (code.isNull() || dontWriteBytecode()) return code;
  Value body = marshalDumps(code);
  if (body.isNull()) {
    clearError();
    return code;
  }
  std::string pyc = magic;
  appendU32(pyc, 0);
  appendU32(pyc, static_cast<uint32_t>(st.st_mtime));
  appendU32(pyc, static_cast<uint32_t>(st.st_size));
  pyc.append(asBytes(body)->view());
  writePyc(cache_dir, cache_path, pyc, (st.st_mode | 0200) & 0666);
  return code;
}

// Runs importlib/<stem>.py as the module `name`, registered in sys.modules
// first (the bootstrap looks itself up there).
Value runBootstrapModule(const char* name, const char* stem, const char* frozen_name) {
  Value code = bootstrapCode(stem, frozen_name);
  if (code.isNull()) return code;
  Value module_name = internStr(name);
  Value module = newModule(module_name);
  Value dict = moduleDict(module);
  if (dictSet(dict, names::__builtins__, builtinsDict()) < 0 || dictSet(modulesDict(), module_name, module) < 0) {
    return Value();
  }
  if (evalCode(code, dict, dict).isNull()) return Value();
  return module;
}

Value callAttr(Value obj, const char* name, std::initializer_list<Value> args) {
  Value fn = getAttr(obj, internStr(name));
  if (fn.isNull()) return fn;
  return call(fn, args.begin(), args.size());
}

bool installSteps() {
  ImportRoots& r = roots();
  Value sys = sysModule();
  Value imp = importModule(internStr("_imp"));
  if (sys.isNull() || imp.isNull()) return false;
  Value bootstrap = runBootstrapModule("_frozen_importlib", "_bootstrap", kBootstrapFrozenName);
  if (bootstrap.isNull()) return false;
  r.bootstrap.set(bootstrap);
  if (callAttr(bootstrap, "_install", {sys, imp}).isNull()) return false;
  Value external = runBootstrapModule("_frozen_importlib_external", "_bootstrap_external", kExternalFrozenName);
  if (external.isNull()) return false;
  r.external.set(external);
  // Tern's .pyc magic (marshal.h): the functions that read and write .pyc
  // files look MAGIC_NUMBER up when they run, and importlib.util re-exports it.
  std::string magic = pycMagicNumber();
  Value ext_dict = moduleDict(external);
  if (dictSet(ext_dict, internStr("MAGIC_NUMBER"), newBytes(magic)) < 0 ||
      dictSet(ext_dict, internStr("_RAW_MAGIC_NUMBER"), newInt(readU32(magic, 0))) < 0) {
    return false;
  }
  if (callAttr(bootstrap, "_install_external_importers", {}).isNull()) return false;
  Value import_func = dictGetStr(builtinsDict(), names::__import__);
  Value find_and_load = getAttr(bootstrap, internStr("_find_and_load"));
  Value handle_fromlist = getAttr(bootstrap, internStr("_handle_fromlist"));
  if (import_func.isNull() || find_and_load.isNull() || handle_fromlist.isNull()) {
    if (!errorPending()) raise(exc::ImportError, "builtins.__import__ not found");
    return false;
  }
  r.import_func.set(import_func);
  r.find_and_load.set(find_and_load);
  r.handle_fromlist.set(handle_fromlist);
  return true;
}

// zipimport's hook goes first on sys.path_hooks, as CPython's
// _PyImportZip_Init puts it; a failure only costs zip imports.
void installZipimport() {
  Value zipimport = importModule(internStr("zipimport"));
  Value hook = zipimport.isNull() ? Value() : getAttr(zipimport, internStr("zipimporter"));
  Value hooks = hook.isNull() ? Value() : dictGetStr(moduleDict(sysModule()), internStr("path_hooks"));
  if (hooks.isNull() || !isList(hooks)) {
    clearError();
    return;
  }
  Value args[2] = {newInt(0), hook};
  if (callMethod(hooks, internStr("insert"), args, 2).isNull()) clearError();
}

// ===========================================================================
// Imports

Value modulesGet(Value name) {
  Value modules = modulesDict();
  if (modules.isNull()) return raiseSystemError("import", "sys.modules does not exist (the runtime is not initialised)");
  return dictGet(modules, name);
}

// -X importtime (or PYTHONPROFILEIMPORTTIME): each module importlib loads is
// reported on stderr when its import ends, with the microseconds spent in it
// less those of the imports it made ("self") and in all ("cumulative"),
// indented two spaces per import it is nested in, as CPython prints it.
struct ImportTimer {
  bool enabled = false;
  bool header_written = false;
  int level = 0;
  int64_t nested_us = 0;  // the cumulative time of the imports finished inside the current one
};

ImportTimer& importTimer() {
  static ImportTimer timer{.enabled = config().hasXOption("importtime") ||
                                      config().env("PYTHONPROFILEIMPORTTIME") != nullptr};
  return timer;
}

int64_t microsecondsNow() {
  return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

Value findAndLoad(Value abs_name) {
  ImportRoots& r = roots();
  Value args[2] = {abs_name, r.import_func.get()};
  ImportTimer& timer = importTimer();
  if (!timer.enabled) return call(r.find_and_load.get(), args, 2);
  if (!timer.header_written) {
    std::fputs("import time: self [us] | cumulative | imported package\n", stderr);
    timer.header_written = true;
  }
  int64_t outer_nested = timer.nested_us;
  timer.nested_us = 0;
  timer.level++;
  int64_t start = microsecondsNow();
  Value module = call(r.find_and_load.get(), args, 2);
  int64_t total = microsecondsNow() - start;
  timer.level--;
  std::fprintf(stderr, "import time: %9lld | %10lld | %*s%s\n", static_cast<long long>(total - timer.nested_us),
               static_cast<long long>(total), timer.level * 2, "", strToUtf8(abs_name).c_str());
  timer.nested_us = outer_nested + total;
  return module;
}

// Before importlib is installed: sys.modules, else a native module.
Value importNativeOnly(Value name) {
  Value m = modulesGet(name);
  if (!m.isNull() || errorPending()) return m;
  Value created = createBuiltinModule(name);
  if (created.isNull()) {
    if (errorPending()) return created;
    return raiseModuleNotFound("No module named " + quoted(name), name);
  }
  if (dictSet(modulesDict(), name, created) < 0) return Value();
  return created;
}

bool isImportlibCode(Value code) {
  Value filename = asCode(code)->filename.get();
  return strEqualsAscii(filename, kBootstrapFrozenName) || strEqualsAscii(filename, kExternalFrozenName);
}

// CPython's remove_importlib_frames: the frames of importlib are cut out of
// the traceback of the pending exception, all of them for an ImportError,
// else each run of them that ends in a call to _call_with_frames_removed
// (so a module's own error shows the module's frames, not the loader's).
void removeImportlibFrames() {
  Value error = takeError();
  if (error.isNull()) return;
  bool always_trim = isInstance(error, exc::ImportError);
  Value tb = getAttr(error, internStr("__traceback__"));
  gc::RootVector kept, chunk;
  bool changed = false;
  Value tb_next = internStr("tb_next"), tb_frame = internStr("tb_frame"), f_code = internStr("f_code");
  while (!tb.isNull() && !isNone(tb)) {
    Value frame = getAttr(tb, tb_frame);
    Value code = frame.isNull() ? Value() : getAttr(frame, f_code);
    if (code.isNull() || !isCode(code)) break;
    if (isImportlibCode(code)) {
      chunk.push_back(tb);
      if (always_trim || strEqualsAscii(asCode(code)->name.get(), "_call_with_frames_removed")) {
        chunk.clear();
        changed = true;
      }
    } else {
      for (size_t i = 0; i < chunk.size(); ++i) kept.push_back(chunk[i]);
      chunk.clear();
      kept.push_back(tb);
    }
    tb = getAttr(tb, tb_next);
  }
  if (errorPending() || !changed) {
    clearError();
    restoreError(error);
    return;
  }
  for (size_t i = 0; i < chunk.size(); ++i) kept.push_back(chunk[i]);
  for (size_t i = 0; i < kept.size(); ++i) {
    if (setAttr(kept[i], tb_next, i + 1 < kept.size() ? kept[i + 1] : None()) < 0) clearError();
  }
  if (setAttr(error, internStr("__traceback__"), kept.empty() ? None() : kept[0]) < 0) clearError();
  restoreError(error);
}

// CPython's resolve_name: the absolute name of a relative import from the
// importing module's globals (__package__, else __spec__.parent, else
// __name__ and __path__).
Value resolveName(Value name, Value globals, int64_t level) {
  if (globals.isNull()) {
    raiseKeyError(newStr("'__name__' not in globals"));
    return Value();
  }
  if (!isDict(globals)) return raise(exc::TypeError, "globals must be a dict");
  Value package = dictGetStr(globals, names::__package__);
  if (errorPending()) return Value();
  if (!package.isNull() && isNone(package)) package = Value();
  Value spec = dictGetStr(globals, names::__spec__);
  if (errorPending()) return Value();
  if (!package.isNull()) {
    if (!isStr(package)) return raise(exc::TypeError, "package must be a string");
    if (!spec.isNull() && !isNone(spec)) {
      Value parent = getAttr(spec, internStr("parent"));
      if (parent.isNull()) return parent;
      int equal = richCompareBool(package, parent, kEq);
      if (equal < 0) return Value();
      if (equal == 0 && !warn(exc::ImportWarning, "__package__ != __spec__.parent")) return Value();
    }
  } else if (!spec.isNull() && !isNone(spec)) {
    package = getAttr(spec, internStr("parent"));
    if (package.isNull()) return package;
    if (!isStr(package)) return raise(exc::TypeError, "__spec__.parent must be a string");
  } else {
    if (!warn(exc::ImportWarning,
              "can't resolve package from __spec__ or __package__, falling back on __name__ and __path__")) {
      return Value();
    }
    package = dictGetStr(globals, names::__name__);
    if (package.isNull()) {
      if (!errorPending()) raiseKeyError(newStr("'__name__' not in globals"));
      return Value();
    }
    if (!isStr(package)) return raise(exc::TypeError, "__name__ must be a string");
    int has_path = dictContains(globals, names::__path__);
    if (has_path < 0) return Value();
    if (has_path == 0) {
      std::string text = strToUtf8(package);
      size_t dot = text.rfind('.');
      package = newStr(dot == std::string::npos ? "" : text.substr(0, dot));
    }
  }
  std::string base = strToUtf8(package);
  if (base.empty()) return raise(exc::ImportError, "attempted relative import with no known parent package");
  size_t last_dot = base.size();
  for (int64_t up = 1; up < level; ++up) {
    size_t dot = last_dot == 0 ? std::string::npos : base.rfind('.', last_dot - 1);
    if (dot == std::string::npos) return raise(exc::ImportError, "attempted relative import beyond top-level package");
    last_dot = dot;
  }
  base.resize(last_dot);
  if (asStr(name)->length == 0) return newStr(base);
  return newStr(base + "." + strToUtf8(name));
}

// A module found in sys.modules may still be running its body in another
// thread (__spec__._initializing): wait for it (_bootstrap._lock_unlock_module).
bool ensureInitialized(Value module, Value name) {
  if (!moduleIsInitializing(module)) return true;
  return !callAttr(roots().bootstrap.get(), "_lock_unlock_module", {name}).isNull();
}

Value importLevel(Value name, Value globals, Value fromlist, int64_t level) {
  if (!isStr(name)) return raisef(exc::TypeError, "module name must be str, not %s", typeNameOf(name).c_str());
  if (level < 0) return raise(exc::ValueError, "level must be >= 0");
  Value abs_name = name;
  if (level > 0) {
    abs_name = resolveName(name, globals, level);
    if (abs_name.isNull()) return abs_name;
  } else if (asStr(name)->length == 0) {
    return raise(exc::ValueError, "Empty module name");
  }
  ImportRoots& r = roots();
  Value module = modulesGet(abs_name);
  if (errorPending()) return Value();
  if (!module.isNull() && !isNone(module)) {
    if (!ensureInitialized(module, abs_name)) return Value();
  } else {
    module = findAndLoad(abs_name);
    if (module.isNull()) return module;
  }
  int has_from = 0;
  if (!fromlist.isNull() && !isNone(fromlist)) {
    has_from = isTrue(fromlist);
    if (has_from < 0) return Value();
  }
  if (has_from == 0) {
    std::string text = strToUtf8(name);
    size_t dot = text.find('.');
    if ((level != 0 && text.empty()) || dot == std::string::npos) return module;
    if (level == 0) return importLevel(newStr(text.substr(0, dot)), Value(), Value(), 0);
    // `__import__('a.b', level=1)`: the module named by the first component.
    std::string abs_text = strToUtf8(abs_name);
    Value to_return = newStr(abs_text.substr(0, abs_text.size() - (text.size() - dot)));
    Value m = modulesGet(to_return);
    if (m.isNull() && !errorPending()) {
      return raisef(exc::KeyError, "%s not in sys.modules as expected", quoted(to_return).c_str());
    }
    return m;
  }
  Value path = lookupAttr(module, names::__path__);
  if (path.isNull()) return errorPending() ? Value() : module;
  Value args[3] = {module, fromlist, r.import_func.get()};
  return call(r.handle_fromlist.get(), args, 3);
}

}  // namespace

// ===========================================================================
// Entry points

bool installImportlib() {
  if (g_stage == Stage::kInstalled) return true;
  if (g_stage != Stage::kNotInstalled) {
    if (!errorPending()) raise(exc::ImportError, "importlib could not be installed");
    return false;
  }
  g_stage = Stage::kInstalling;
  if (!installSteps()) {
    g_stage = Stage::kFailed;
    return false;
  }
  g_stage = Stage::kInstalled;
  installZipimport();
  return true;
}

Value importlibBootstrap() { return roots().bootstrap.get(); }
Value importlibExternal() { return roots().external.get(); }

Value importName(Value name, Value globals, Value fromlist, int64_t level) {
  if (g_stage != Stage::kInstalled) {
    if (g_stage == Stage::kInstalling && level == 0 && isStr(name)) return importNativeOnly(name);
    if (!installImportlib()) return Value();
  }
  Value m = importLevel(name, globals, fromlist, level);
  if (m.isNull()) removeImportlibFrames();
  return m;
}

Value importModule(Value name) {
  Value m = modulesGet(name);
  if (!m.isNull() || errorPending()) return m;
  if (g_stage != Stage::kInstalled) {
    // Native modules need no importlib: the runtime's own start-up imports
    // sys, builtins and _imp this way.
    if (findNativeModule(strToUtf8(name)) != nullptr || g_stage == Stage::kInstalling) return importNativeOnly(name);
    if (!installImportlib()) return Value();
  }
  m = importName(name, Value(), Value(), 0);
  if (m.isNull()) return m;
  if (strToUtf8(name).find('.') == std::string::npos) return m;
  m = modulesGet(name);
  if (m.isNull() && !errorPending()) raiseKeyError(name);
  return m;
}

bool moduleIsInitializing(Value module) {
  Value spec = lookupAttr(module, names::__spec__);
  if (spec.isNull() || isNone(spec)) {
    clearError();
    return false;
  }
  Value initializing = lookupAttr(spec, internStr("_initializing"));
  if (initializing.isNull()) {
    clearError();
    return false;
  }
  int t = isTrue(initializing);
  if (t < 0) clearError();
  return t > 0;
}

void setSysPath0(const std::string& path0) {
  Value sys = sysModule();
  if (sys.isNull()) return;
  Value path = dictGetStr(moduleDict(sys), internStr("path"));
  if (path.isNull() || !isList(path)) {
    clearError();
    return;
  }
  Value args[2] = {newInt(0), newStr(path0)};
  if (callMethod(path, internStr("insert"), args, 2).isNull()) clearError();
}

}  // namespace tern
