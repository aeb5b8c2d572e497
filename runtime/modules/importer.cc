// The interim source importer (importer.h): sys.path search, packages,
// relative imports and fromlists with CPython 3.11's semantics, until
// importlib drives imports (issue #5).  The steps and their names follow
// importlib._bootstrap (_gcd_import, _find_and_load, _handle_fromlist) so the
// replacement can be checked against this file step by step.
#include "runtime/modules/importer.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "runtime/gc/roots.h"
#include "runtime/interp/errors.h"
#include "runtime/interp/eval.h"
#include "runtime/interp/runtime.h"
#include "runtime/modules/builtins.h"
#include "runtime/modules/module.h"
#include "runtime/modules/sys.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/exceptions.h"
#include "runtime/objects/int.h"
#include "runtime/objects/list.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"

namespace tern {

namespace {

// Modules whose body runs right now, innermost last.
gc::RootVector& initializing() {
  static gc::RootVector* modules = new gc::RootVector();
  return *modules;
}

Value raiseModuleNotFound(const std::string& message, Value name) {
  Value msg = newStr(message);
  Value err = newException(exc::ModuleNotFoundError, newTupleOf({msg}));
  if (err.isNull()) return err;
  static_cast<ImportErrorObj*>(err.asObject())->name.set(name);
  static_cast<ImportErrorObj*>(err.asObject())->msg.set(msg);
  return raiseException(err);
}

// repr() of a str as UTF-8, as importlib's messages quote names with !r.
std::string quoted(Value s) {
  Value r = repr(s);
  if (r.isNull()) {
    clearError();
    return "'" + strToUtf8(s) + "'";
  }
  return strToUtf8(r);
}

// --- the file system ----------------------------------------------------------------

bool isDirectory(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

bool isFile(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

std::string joinPath(const std::string& dir, const std::string& name) {
  if (dir.empty()) return name;
  if (dir.back() == '/') return dir + name;
  return dir + "/" + name;
}

// A path entry as FileFinder uses it: '' and '.' are the current
// directory, relative entries are made absolute.
std::string entryDirectory(const std::string& entry) {
  if (!entry.empty() && entry != "." && entry[0] == '/') return entry;
  char buffer[4096];
  if (::getcwd(buffer, sizeof buffer) == nullptr) return entry;
  std::string cwd(buffer);
  if (entry.empty() || entry == ".") return cwd;
  return joinPath(cwd, entry);
}

// What a search along a list of path entries found.
struct Found {
  enum Kind { kNone, kModule, kPackage, kNamespace } kind = kNone;
  std::string file;                    // the source file (module, package __init__.py)
  std::string package_dir;             // a package's directory
  std::vector<std::string> portions;   // a namespace package's directories
};

// FileFinder's order within one entry: a package directory with
// __init__.py, then name.py, then (remembered) a namespace portion.  A
// regular module or package in any entry wins over namespace portions.
Found findInEntries(const std::string& tail, Value entries) {
  Found found;
  std::vector<std::string> portions;
  Value it = getIter(entries);
  if (it.isNull()) return found;
  for (;;) {
    Value entry = iterNext(it);
    if (entry.isNull()) break;
    if (!isStr(entry)) continue;
    std::string dir = entryDirectory(strToUtf8(entry));
    std::string base = joinPath(dir, tail);
    bool namespace_portion = false;
    if (isDirectory(base)) {
      std::string init = joinPath(base, "__init__.py");
      if (isFile(init)) {
        found.kind = Found::kPackage;
        found.file = init;
        found.package_dir = base;
        return found;
      }
      namespace_portion = true;
    }
    std::string file = base + ".py";
    if (isFile(file)) {
      found.kind = Found::kModule;
      found.file = file;
      return found;
    }
    if (namespace_portion) portions.push_back(base);
  }
  if (errorPending()) return found;
  if (!portions.empty()) {
    found.kind = Found::kNamespace;
    found.portions = std::move(portions);
  }
  return found;
}

bool readFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    int error = errno;
    raiseWithArgs(exc::OSError, newTupleOf({newInt(error), newStr(std::strerror(error)), newStr(path)}));
    return false;
  }
  std::ostringstream bytes;
  bytes << in.rdbuf();
  *out = bytes.str();
  return true;
}

// --- loading ----------------------------------------------------------------------------

Value strList(const std::vector<std::string>& items) {
  Value list = newList();
  for (const std::string& s : items) {
    if (!listAppend(list, newStr(s))) return Value();
  }
  return list;
}

// Makes the module for `found`, registers it in sys.modules and runs its
// body (importlib's _load_unlocked).  The result is what sys.modules holds
// afterwards: a module may replace itself there.
Value loadModule(Value name, const Found& found) {
  std::string text = strToUtf8(name);
  Value module = newModule(name);
  if (module.isNull()) return module;
  Value dict = moduleDict(module);
  bool package = found.kind != Found::kModule;
  size_t dot = text.rfind('.');
  Value package_name = package ? name : newStr(dot == std::string::npos ? "" : text.substr(0, dot));
  if (dictSet(dict, names::__package__, package_name) < 0) return Value();
  // The attribute order is CPython's (_init_module_attrs).
  if (found.kind == Found::kNamespace) {
    Value path = strList(found.portions);
    if (path.isNull() || dictSet(dict, names::__file__, None()) < 0 || dictSet(dict, names::__path__, path) < 0) {
      return Value();
    }
  } else {
    if (package) {
      Value path = strList({found.package_dir});
      if (path.isNull() || dictSet(dict, names::__path__, path) < 0) return Value();
    }
    if (dictSet(dict, names::__file__, newStr(found.file)) < 0 ||
        dictSet(dict, internStr("__cached__"), None()) < 0 ||
        dictSet(dict, names::__builtins__, builtinsDict()) < 0) {
      return Value();
    }
  }
  Value modules = modulesDict();
  if (dictSet(modules, name, module) < 0) return Value();
  if (found.kind != Found::kNamespace) {
    std::string source;
    Value result;
    if (readFile(found.file, &source)) {
      Value code = compileSource(source, found.file, "exec");
      if (!code.isNull()) {
        initializing().push_back(module);
        result = evalCode(code, dict, dict);
        initializing().pop_back();
      }
    }
    if (result.isNull()) {
      Value error = takeError();
      if (dictDel(modules, name) < 0) clearError();  // already gone: fine
      restoreError(error);
      return Value();
    }
  }
  Value m = dictGet(modules, name);
  if (m.isNull() && !errorPending()) raiseKeyError(name);
  return m;
}

// importlib's _find_and_load for an absolute name.
Value findAndLoad(Value name) {
  Value modules = modulesDict();
  if (modules.isNull()) return raiseSystemError("import", "sys.modules does not exist (the runtime is not initialised)");
  Value m = dictGet(modules, name);
  if (errorPending()) return Value();
  if (!m.isNull()) {
    if (isNone(m)) return raiseModuleNotFound("import of " + strToUtf8(name) + " halted; None in sys.modules", name);
    return m;
  }
  std::string text = strToUtf8(name);
  size_t dot = text.rfind('.');
  if (dot == std::string::npos && findNativeModule(text) != nullptr) return importModule(name);
  Value entries;
  Value parent_name;
  std::string tail = text;
  if (dot != std::string::npos) {
    parent_name = newStr(text.substr(0, dot));
    tail = text.substr(dot + 1);
    int has = dictContains(modules, parent_name);
    if (has < 0) return Value();
    if (has == 0 && findAndLoad(parent_name).isNull()) return Value();
    // Importing the parent may have imported the child.
    m = dictGet(modules, name);
    if (!m.isNull() || errorPending()) return m;
    Value parent = dictGet(modules, parent_name);
    if (parent.isNull()) {
      if (!errorPending()) raiseKeyError(parent_name);
      return Value();
    }
    entries = lookupAttr(parent, names::__path__);
    if (entries.isNull()) {
      if (errorPending()) return Value();
      return raiseModuleNotFound("No module named " + quoted(name) + "; " + quoted(parent_name) + " is not a package",
                                 name);
    }
  } else {
    Value sys = sysModule();
    entries = sys.isNull() ? Value() : dictGetStr(moduleDict(sys), internStr("path"));
    if (entries.isNull()) {
      if (errorPending()) return Value();
      return raise(exc::ImportError, "sys.path must be a list of directory names");
    }
  }
  Found found = findInEntries(tail, entries);
  if (errorPending()) return Value();
  if (found.kind == Found::kNone) return raiseModuleNotFound("No module named " + quoted(name), name);
  m = loadModule(name, found);
  if (m.isNull()) return m;
  if (!parent_name.isNull()) {
    Value parent = dictGet(modules, parent_name);
    if (!parent.isNull() && setAttr(parent, newStr(tail), m) < 0) clearError();  // importlib only warns
    if (errorPending()) return Value();
  }
  return m;
}

// The absolute name of a relative import (CPython's resolve_name).
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
  } else if (!spec.isNull() && !isNone(spec)) {
    package = getAttr(spec, internStr("parent"));
    if (package.isNull()) return package;
    if (!isStr(package)) return raise(exc::TypeError, "__spec__.parent must be a string");
  } else {
    // CPython warns (ImportWarning, ignored by default) and falls back on
    // __name__ and __path__.
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

// importlib's _handle_fromlist: names in `fromlist` that are not attributes
// of the package are imported as its submodules.
Value handleFromlist(Value module, Value fromlist, bool recursive) {
  Value it = getIter(fromlist);
  if (it.isNull()) return it;
  for (;;) {
    Value x = iterNext(it);
    if (x.isNull()) {
      if (errorPending()) return Value();
      return module;
    }
    if (!isStr(x)) {
      std::string where = "``from list''";
      if (recursive) where = moduleName(module) + ".__all__";
      return raisef(exc::TypeError, "Item in %s must be str, not %s", where.c_str(), typeNameOf(x).c_str());
    }
    if (strEqualsAscii(x, "*")) {
      if (recursive) continue;
      Value all = lookupAttr(module, names::__all__);
      if (all.isNull()) {
        if (errorPending()) return Value();
        continue;
      }
      if (handleFromlist(module, all, true).isNull()) return Value();
      continue;
    }
    Value attr = lookupAttr(module, x);
    if (!attr.isNull()) continue;
    if (errorPending()) return Value();
    Value module_name = getAttr(module, names::__name__);
    if (module_name.isNull()) return module_name;
    Value from_name = newStr(strToUtf8(str(module_name)) + "." + strToUtf8(x));
    if (!findAndLoad(from_name).isNull()) continue;
    // A fromlist name that is not a submodule either: IMPORT_FROM reports it.
    if (!errorMatches(exc::ModuleNotFoundError)) return Value();
    Value error = pendingError();
    Value missing = static_cast<ImportErrorObj*>(error.asObject())->name.get();
    if (missing.isNull() || !isStr(missing) || !strEquals(missing, from_name)) return Value();
    clearError();
    Value entry = dictGet(modulesDict(), from_name);
    if (errorPending()) return Value();
    if (!entry.isNull() && isNone(entry)) {
      restoreError(error);
      return Value();
    }
  }
}

}  // namespace

Value interimImportName(Value name, Value globals, Value fromlist, int64_t level) {
  if (!isStr(name)) return raisef(exc::TypeError, "module name must be str, not %s", typeNameOf(name).c_str());
  if (level < 0) return raise(exc::ValueError, "level must be >= 0");
  Value abs_name = name;
  if (level > 0) {
    abs_name = resolveName(name, globals, level);
    if (abs_name.isNull()) return abs_name;
  } else if (asStr(name)->length == 0) {
    return raise(exc::ValueError, "Empty module name");
  }
  Value module = findAndLoad(abs_name);
  if (module.isNull()) return module;
  int has_from = 0;
  if (!fromlist.isNull() && !isNone(fromlist)) {
    has_from = isTrue(fromlist);
    if (has_from < 0) return Value();
  }
  std::string text = strToUtf8(name);
  if (has_from == 0) {
    size_t dot = text.find('.');
    if ((level != 0 && text.empty()) || dot == std::string::npos) return module;
    if (level == 0) return findAndLoad(newStr(text.substr(0, dot)));
    // `from . import a.b` is not syntax, but __import__('a.b', level=1) is:
    // return the module named by the first component.
    std::string abs_text = strToUtf8(abs_name);
    Value to_return = newStr(abs_text.substr(0, abs_text.size() - (text.size() - dot)));
    Value m = dictGet(modulesDict(), to_return);
    if (m.isNull() && !errorPending()) {
      return raisef(exc::KeyError, "%s not in sys.modules as expected", quoted(to_return).c_str());
    }
    return m;
  }
  Value path = lookupAttr(module, names::__path__);
  if (path.isNull()) return errorPending() ? Value() : module;
  return handleFromlist(module, fromlist, false);
}

Value importSourceModule(Value name) { return findAndLoad(name); }

bool moduleIsInitializing(Value module) {
  gc::RootVector& modules = initializing();
  for (size_t i = 0; i < modules.size(); ++i) {
    if (modules[i] == module) return true;
  }
  return false;
}

// sys.path[0]: the script's directory for `tern FILE`, '' for -c (sys.h).
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
