// The _warnings module: CPython's C accelerator of `warnings`.
//
// warnings.py takes `filters`, `_defaultaction`, `_onceregistry`, `warn`,
// `warn_explicit` and `_filters_mutated` from here, so there is one filter
// list (this module's, which warnings.filters is) and warnings are filtered
// natively; only showing one calls back into warnings.py
// (warnings._showwarnmsg, with a warnings.WarningMessage).  While
// `warnings` has not been imported, the filters, default action and once
// registry are this module's own; afterwards warnings.filters,
// warnings.defaultaction and warnings.onceregistry are read, whatever a
// program assigned to them, as CPython reads them.
//
// The registry of a module (its __warningregistry__) maps (text, category,
// lineno) to True for each warning shown once per location, and 'version'
// to the filters' version when it was filled: _filters_mutated() bumps the
// version, which empties every registry at its next use.
#include "runtime/modules/_warnings.h"

#include <string>

#include "runtime/gc/roots.h"
#include "runtime/interp/code.h"
#include "runtime/interp/errors.h"
#include "runtime/interp/frame.h"
#include "runtime/interp/runtime.h"
#include "runtime/modules/module.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/exceptions.h"
#include "runtime/objects/int.h"
#include "runtime/objects/list.h"
#include "runtime/objects/native.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"

namespace tern {

namespace {

struct WarningsState {
  gc::GlobalRoot filters;         // list of (action, message, category, module, lineno)
  gc::GlobalRoot once_registry;   // dict
  gc::GlobalRoot default_action;  // str
  int64_t filters_version = 0;
};

WarningsState& state() {
  static WarningsState s;
  return s;
}

// (action, None, category, module or None, 0): one of CPython's default filters.
Value defaultFilter(const char* action, Type* category, const char* module) {
  return newTupleOf({internStr(action), None(), typeValue(category), module ? newStr(module) : None(), newInt(0)});
}

// The filters of a release build: DeprecationWarning shown in __main__ only;
// PendingDeprecationWarning, ImportWarning and ResourceWarning ignored.
bool initState() {
  WarningsState& s = state();
  if (!s.filters.get().isNull()) return true;
  Value filters = newList();
  for (Value f : {defaultFilter("default", exc::DeprecationWarning, "__main__"),
                  defaultFilter("ignore", exc::DeprecationWarning, nullptr),
                  defaultFilter("ignore", exc::PendingDeprecationWarning, nullptr),
                  defaultFilter("ignore", exc::ImportWarning, nullptr),
                  defaultFilter("ignore", exc::ResourceWarning, nullptr)}) {
    if (f.isNull() || !listAppend(filters, f)) return false;
  }
  Value once = newDict();
  if (once.isNull()) return false;
  s.filters.set(filters);
  s.once_registry.set(once);
  s.default_action.set(internStr("default"));
  return true;
}

// warnings.<name> if the warnings module is in sys.modules (imported first
// when `import_it`), else null without an exception.
Value warningsAttr(const char* name, bool import_it) {
  Value warnings;
  if (import_it) {
    warnings = importModule(internStr("warnings"));
    if (warnings.isNull()) return Value();
  } else {
    Value modules = modulesDict();
    if (modules.isNull()) return Value();
    warnings = dictGet(modules, internStr("warnings"));
    if (warnings.isNull() || isNone(warnings)) return Value();
  }
  return lookupAttr(warnings, internStr(name));
}

// The filters, default action or once registry: warnings.<name> when it
// has one (which then becomes ours: a later `del warnings.filters` keeps
// it), else ours.  One that fails `valid` is a TypeError naming `what` it
// must be.
Value currentSetting(const char* name, gc::GlobalRoot& own, bool (*valid)(Value) = nullptr, const char* what = "") {
  Value v = warningsAttr(name, false);
  if (v.isNull()) return errorPending() ? Value() : own.get();
  if (valid != nullptr && !valid(v)) {
    return raisef(exc::TypeError, "_warnings.%s must be a %s, not '%s'", name, what, typeNameOf(v).c_str());
  }
  own.set(v);
  return v;
}

// A filter's message or module part: None matches anything, a str exactly,
// anything else is a compiled pattern whose match() is asked.
int filterMatches(Value pattern, Value text) {
  if (isNone(pattern)) return 1;
  if (isExactStr(pattern)) return isStr(text) && strEquals(pattern, text) ? 1 : 0;
  Value m = callMethod(pattern, internStr("match"), &text, 1);
  if (m.isNull()) return -1;
  return isTrue(m);
}

// The action of the first filter matching; *item is that filter (None for
// the default action).  Null with an exception on a malformed filter list.
Value findAction(Value category, Value text, int64_t lineno, Value module, Value* item) {
  Value filters = currentSetting("filters", state().filters);
  if (filters.isNull()) return Value();
  if (!isList(filters)) return raise(exc::ValueError, "_warnings.filters must be a list");
  // The list may change while filters are matched (match() runs Python code).
  for (int64_t i = 0; i < listLength(filters); i++) {
    Value f = listItem(filters, i);
    if (!isTuple(f) || tupleLength(f) != 5) {
      return raisef(exc::ValueError, "_warnings.filters item %lld isn't a 5-tuple", static_cast<long long>(i));
    }
    Value action = tupleItem(f, 0);
    if (!isStr(action)) return raisef(exc::TypeError, "action must be a string, not '%s'", typeNameOf(action).c_str());
    int good_message = filterMatches(tupleItem(f, 1), text);
    if (good_message < 0) return Value();
    int good_module = filterMatches(tupleItem(f, 3), module);
    if (good_module < 0) return Value();
    int subclass = isSubclassGeneric(category, tupleItem(f, 2));
    if (subclass < 0) return Value();
    int64_t line = 0;
    if (!indexToInt64(tupleItem(f, 4), &line, exc::OverflowError)) return Value();
    if (good_message && good_module && subclass && (line == 0 || line == lineno)) {
      *item = f;
      return action;
    }
  }
  Value action = currentSetting("defaultaction", state().default_action, isStr, "string");
  if (action.isNull()) return Value();
  *item = None();
  return action;
}

// Whether `key` is in `registry` (true: already shown); a registry filled
// under other filters is emptied first.  With `set`, the key is added.
// -1 on error.
int alreadyWarned(Value registry, Value key, bool set) {
  Value version_name = internStr("version");
  Value version = dictGetStr(registry, version_name);
  int64_t v = 0;
  if (version.isNull() || !version.isSmallInt() || (v = version.asSmallInt()) != state().filters_version) {
    if (errorPending()) return -1;
    dictClear(registry);
    if (dictSet(registry, version_name, newInt(state().filters_version)) < 0) return -1;
  } else {
    Value seen = dictGet(registry, key);
    if (seen.isNull() && errorPending()) return -1;
    if (!seen.isNull()) {
      int r = isTrue(seen);
      if (r != 0) return r;
    }
  }
  if (set && dictSet(registry, key, True()) < 0) return -1;
  return 0;
}

bool actionIs(Value action, const char* name) { return strToUtf8(action) == name; }

// Without warnings._showwarnmsg: "file:line: Category: text" and the
// source line on sys.stderr; errors writing are dropped, as CPython's
// show_warning drops them.
void writeWarning(Value filename, Value lineno, Value text, Value category, Value source_line) {
  Value name = lookupAttr(category, names::__name__);
  Value err = name.isNull() ? Value() : lookupAttr(sysModule(), internStr("stderr"));
  if (!err.isNull() && !isNone(err)) {
    std::string line = strToUtf8(str(filename)) + ":" + strToUtf8(str(lineno)) + ": " + strToUtf8(str(name)) + ": " +
                       strToUtf8(str(text)) + "\n";
    if (source_line.isNull()) {
      Value linecache = importModule(internStr("linecache"));
      Value args[2] = {filename, lineno};
      if (!linecache.isNull()) source_line = callMethod(linecache, internStr("getline"), args, 2);
    }
    if (!source_line.isNull() && isStr(source_line)) {
      std::string source = strToUtf8(source_line);
      size_t start = source.find_first_not_of(" \t\f");
      size_t end = source.find_last_not_of(" \t\f\r\n");
      if (start != std::string::npos) line += "  " + source.substr(start, end - start + 1) + "\n";
    }
    Value out = newStr(line);
    if (!out.isNull()) callMethod(err, internStr("write"), &out, 1);
  }
  clearError();
}

// warnings._showwarnmsg(WarningMessage(message, category, filename, lineno,
// None, None, source)), importing warnings for a warning with a source (its
// display shows where the source was allocated); without warnings or its
// _showwarnmsg, writeWarning.
bool showWarning(Value message, Value text, Value category, Value filename, Value lineno, Value source,
                 Value source_line) {
  Value show = warningsAttr("_showwarnmsg", !source.isNull());
  if (show.isNull()) {
    if (errorPending()) return false;
    writeWarning(filename, lineno, text, category, source_line);
    return true;
  }
  if (!isCallable(show)) {
    raise(exc::TypeError, "warnings._showwarnmsg() must be set to a callable");
    return false;
  }
  Value cls = warningsAttr("WarningMessage", false);
  if (cls.isNull()) {
    if (!errorPending()) raise(exc::RuntimeError, "unable to get warnings.WarningMessage");
    return false;
  }
  Value args[7] = {message, category, filename, lineno, None(), None(), source.isNull() ? None() : source};
  Value msg = call(cls, args, 7);
  return !msg.isNull() && !call1(show, msg).isNull();
}

// The module name a filter sees for a warning from `filename` without one:
// the file name without ".py".
Value moduleFromFilename(Value filename) {
  std::string name = strToUtf8(filename);
  if (name.empty()) return newStr("<unknown>");
  if (name.size() >= 3 && name.compare(name.size() - 3, 3, ".py") == 0) name.resize(name.size() - 3);
  return newStr(name);
}

// CPython's warn_explicit: filter `message` of `category` raised at
// filename:lineno, and show it, raise it or ignore it.  True unless an
// exception is pending (the warning itself, under an "error" filter).
bool warnExplicit(Value category, Value message, Value filename, int64_t lineno, Value module, Value registry,
                  Value source, Value source_line = Value()) {
  if (module.isNull() || isNone(module)) module = moduleFromFilename(filename);
  if (module.isNull()) return false;
  Value text = message;
  int is_warning = isInstanceGeneric(message, typeValue(exc::Warning));
  if (is_warning < 0) return false;
  if (is_warning) {
    text = str(message);
    category = typeValue(typeOf(message));
  } else {
    message = call1(category, message);
  }
  if (text.isNull() || message.isNull()) return false;
  Value lineno_value = newInt(lineno);
  Value key = newTupleOf({text, category, lineno_value});
  bool has_registry = !registry.isNull() && !isNone(registry);
  if (has_registry && !isDict(registry)) {
    raise(exc::TypeError, "'registry' must be a dict or None");
    return false;
  }
  if (has_registry) {
    int seen = alreadyWarned(registry, key, false);
    if (seen != 0) return seen > 0;
  }
  Value item;
  Value action = findAction(category, text, lineno, module, &item);
  if (action.isNull()) return false;
  if (actionIs(action, "error")) {
    raiseException(message);
    return false;
  }
  if (actionIs(action, "ignore")) return true;
  int seen = 0;
  if (!actionIs(action, "always")) {
    if (has_registry && dictSet(registry, key, True()) < 0) return false;
    if (actionIs(action, "once")) {
      Value once = has_registry ? registry : currentSetting("onceregistry", state().once_registry, isDict, "dict");
      if (once.isNull()) return false;
      seen = alreadyWarned(once, newTupleOf({text, category}), true);
    } else if (actionIs(action, "module")) {
      // (CPython's C module keys it as "once" does; its Python fallback adds a 0.)
      if (has_registry) seen = alreadyWarned(registry, newTupleOf({text, category}), true);
    } else if (!actionIs(action, "default")) {
      Value action_repr = repr(action), item_repr = repr(item);
      if (action_repr.isNull() || item_repr.isNull()) return false;
      raisef(exc::RuntimeError, "Unrecognized action (%s) in warnings.filters:\n %s", strToUtf8(action_repr).c_str(),
             strToUtf8(item_repr).c_str());
      return false;
    }
  }
  if (seen < 0) return false;
  if (seen > 0) return true;
  return showWarning(message, text, category, filename, lineno_value, source, source_line);
}

// importlib's frames, which a stacklevel skips over.
bool isInternalFrame(interp::Frame* frame) {
  std::string file = strToUtf8(frame->codeObj()->filename.get());
  return file.find("importlib") != std::string::npos && file.find("_bootstrap") != std::string::npos;
}

interp::Frame* nextExternalFrame(interp::Frame* frame) {
  do {
    frame = frame->previous();
  } while (frame != nullptr && isInternalFrame(frame));
  return frame;
}

// Where a warning at `stacklevel` comes from: its file, line, module name
// and the registry of its module's globals (made if missing).
bool warningContext(int64_t stacklevel, Value* filename, int64_t* lineno, Value* module, Value* registry) {
  interp::Frame* frame = interp::currentFrame();
  if (stacklevel <= 0 || (frame != nullptr && isInternalFrame(frame))) {
    while (--stacklevel > 0 && frame != nullptr) frame = frame->previous();
  } else {
    while (--stacklevel > 0 && frame != nullptr) frame = nextExternalFrame(frame);
  }
  Value globals;
  if (frame == nullptr) {
    globals = moduleDict(sysModule());
    *filename = newStr("sys");
    *lineno = 1;
  } else {
    globals = frame->globals;
    *filename = frame->codeObj()->filename.get();
    *lineno = frame->line();
  }
  Value registry_name = internStr("__warningregistry__");
  *registry = dictGetStr(globals, registry_name);
  if (registry->isNull()) {
    if (errorPending()) return false;
    *registry = newDict();
    if (registry->isNull() || dictSet(globals, registry_name, *registry) < 0) return false;
  }
  *module = dictGetStr(globals, names::__name__);
  if (module->isNull() || !(isNone(*module) || isStr(*module))) {
    if (errorPending()) return false;
    *module = newStr("<string>");
  }
  return true;
}

// A warning's category: the message's class if it is a Warning, else
// `category` (UserWarning when None), which must subclass Warning.
Value warningCategory(Value message, Value category) {
  int is_warning = isInstanceGeneric(message, typeValue(exc::Warning));
  if (is_warning < 0) return Value();
  if (is_warning) return typeValue(typeOf(message));
  if (category.isNull() || isNone(category)) return typeValue(exc::UserWarning);
  // Whatever keeps issubclass() from saying yes gives the same error.
  int ok = isSubclassGeneric(category, typeValue(exc::Warning));
  if (ok <= 0) {
    clearError();
    return raisef(exc::TypeError, "category must be a Warning subclass, not '%s'", typeNameOf(category).c_str());
  }
  return category;
}

bool warnAt(Value message, Value category, int64_t stacklevel, Value source) {
  if (!initState()) return false;
  category = warningCategory(message, category);
  if (category.isNull()) return false;
  Value filename, module, registry;
  int64_t lineno = 0;
  if (!warningContext(stacklevel, &filename, &lineno, &module, &registry)) return false;
  return warnExplicit(category, message, filename, lineno, module, registry, source);
}

// warn(message, category=None, stacklevel=1, source=None).  A native call
// pushes no frame, so stacklevel 1 is the Python caller, as in CPython.
Value _warnings_warn(Value* args) {
  int64_t stacklevel = 1;
  if (!indexToInt64(args[3], &stacklevel, exc::OverflowError)) return Value();
  Value source = isNone(args[4]) ? Value() : args[4];
  if (!warnAt(args[1], args[2], stacklevel, source)) return Value();
  return None();
}

// The source line `lineno` of the module whose globals are `module_globals`,
// from its loader's get_source(), or null (without an exception) if there is
// none.
Value loaderSourceLine(Value module_globals, int64_t lineno) {
  Value loader = dictGetStr(module_globals, internStr("__loader__"));
  if (loader.isNull()) return Value();
  Value name = dictGetStr(module_globals, names::__name__);
  if (name.isNull()) return Value();
  Value get_source = lookupAttr(loader, internStr("get_source"));
  if (get_source.isNull()) return Value();
  Value source = call1(get_source, name);
  if (source.isNull() || isNone(source)) return Value();
  if (!isStr(source)) return raisef(exc::TypeError, "must be str, not %s", typeNameOf(source).c_str());
  // str's own splitlines, whatever a subclass defines (CPython's
  // PyUnicode_Splitlines).
  Value lines = callMethod(newStr(strToUtf8(source)), internStr("splitlines"), nullptr, 0);
  if (lines.isNull()) return Value();
  if (!isList(lines) || lineno < 1 || lineno > listLength(lines)) {
    return raise(exc::IndexError, "list index out of range");
  }
  return listItem(lines, lineno - 1);
}

// warn_explicit(message, category, filename, lineno, module=None,
// registry=None, module_globals=None, source=None).
Value _warnings_warn_explicit(Value* args) {
  Value message = args[1], category = args[2], filename = args[3], module_globals = args[7];
  if (!isStr(filename)) {
    return raisef(exc::TypeError, "warn_explicit() argument 3 must be str, not %s", typeNameOf(filename).c_str());
  }
  int64_t lineno = 0;
  if (!indexToInt64(args[4], &lineno, exc::OverflowError)) return Value();
  if (!initState()) return Value();
  Value source_line;
  if (!isNone(module_globals)) {
    if (!isDict(module_globals)) {
      return raisef(exc::TypeError, "module_globals must be a dict, not '%s'", typeNameOf(module_globals).c_str());
    }
    source_line = loaderSourceLine(module_globals, lineno);
    if (source_line.isNull() && errorPending()) return Value();
  }
  Value source = isNone(args[8]) ? Value() : args[8];
  if (!warnExplicit(category, message, filename, lineno, args[5], args[6], source, source_line)) return Value();
  return None();
}

Value _warnings__filters_mutated(Value*) {
  state().filters_version++;
  return None();
}

bool initWarningsModule(Value module) {
  if (!initState()) return false;
  Value d = moduleDict(module);
  WarningsState& s = state();
  return dictSet(d, internStr("filters"), s.filters.get()) == 0 &&
         dictSet(d, internStr("_defaultaction"), s.default_action.get()) == 0 &&
         dictSet(d, internStr("_onceregistry"), s.once_registry.get()) == 0;
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
    {.name = "_filters_mutated", .signature = "($module, /)", .fn = _warnings__filters_mutated},
};

const NativeModuleDef kWarningsModule = {
    .name = "_warnings",
    .methods = kWarningsFunctions,
    .init = initWarningsModule,
    .doc = "_warnings provides basic warning filtering support.\nIt is a helper module to speed up interpreter "
           "start-up.",
};
TERN_REGISTER_MODULE(kWarningsModule);

}  // namespace

bool warn(Type* category, std::string_view message, int stacklevel) {
  Value text = newStr(message);
  return !text.isNull() && warnAt(text, typeValue(category), stacklevel, Value());
}

}  // namespace tern
