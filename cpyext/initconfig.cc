// The configuration API of embedding (CPython 3.11's cpython/initconfig.h:
// PyConfig, PyPreConfig, PyWideStringList, Py_InitializeFromConfig,
// Py_PreInitialize*, Py_RunMain, Py_GetArgcArgv).  The compat headers do not
// declare it; a program built against CPython's headers and linked with
// libtern.so uses it, so the structs here are CPython 3.11's layouts on
// x86-64 Linux.
//
// Py_InitializeFromConfig maps the configuration onto what Py_InitializeEx
// reads (the legacy flags, program name, home, -W and -X options), starts
// the runtime, then sets sys.argv (and sys.path, when module_search_paths
// is set).  With parse_argv, argv is read as CPython's command line for the
// options that choose what Py_RunMain runs (-c, -m, a script) and the
// one-letter flags; the rest becomes sys.argv.  Of the pre-configuration
// only configure_locale (LC_CTYPE) and coerce_c_locale act: Tern's
// file-system and standard-stream encodings are always UTF-8, and its
// allocators are its own.
// clang-format off
#include "Python.h"  // first: it sets feature macros the C headers read
// clang-format on
#include <unistd.h>

#include <clocale>
#include <cstddef>
#include <cstring>
#include <cwchar>
#include <string>
#include <vector>

// The legacy setters are deprecated for embedders: this file is what they
// are deprecated in favour of, and feeds the runtime through them.
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"

namespace {

// PyStatus.
struct Status {
  int type;  // 0 ok, 1 error, 2 exit
  const char* func;
  const char* err_msg;
  int exitcode;
};
static_assert(sizeof(Status) == 32);

Status ok() { return {0, nullptr, nullptr, 0}; }
Status error(const char* func, const char* message) { return {1, func, message, 0}; }
Status noMemory(const char* func) { return error(func, "memory allocation failed"); }

struct WideStringList {
  Py_ssize_t length;
  wchar_t** items;
};

struct PreConfig {
  int _config_init;
  int parse_argv;
  int isolated;
  int use_environment;
  int configure_locale;
  int coerce_c_locale;
  int coerce_c_locale_warn;
  int utf8_mode;
  int dev_mode;
  int allocator;
};
static_assert(sizeof(PreConfig) == 40);

struct Config {
  int _config_init;
  int isolated;
  int use_environment;
  int dev_mode;
  int install_signal_handlers;
  int use_hash_seed;
  unsigned long hash_seed;
  int faulthandler;
  int tracemalloc;
  int import_time;
  int code_debug_ranges;
  int show_ref_count;
  int dump_refs;
  wchar_t* dump_refs_file;
  int malloc_stats;
  wchar_t* filesystem_encoding;
  wchar_t* filesystem_errors;
  wchar_t* pycache_prefix;
  int parse_argv;
  WideStringList orig_argv;
  WideStringList argv;
  WideStringList xoptions;
  WideStringList warnoptions;
  int site_import;
  int bytes_warning;
  int warn_default_encoding;
  int inspect;
  int interactive;
  int optimization_level;
  int parser_debug;
  int write_bytecode;
  int verbose;
  int quiet;
  int user_site_directory;
  int configure_c_stdio;
  int buffered_stdio;
  wchar_t* stdio_encoding;
  wchar_t* stdio_errors;
  wchar_t* check_hash_pycs_mode;
  int use_frozen_modules;
  int safe_path;
  int pathconfig_warnings;
  wchar_t* program_name;
  wchar_t* pythonpath_env;
  wchar_t* home;
  wchar_t* platlibdir;
  int module_search_paths_set;
  WideStringList module_search_paths;
  wchar_t* stdlib_dir;
  wchar_t* executable;
  wchar_t* base_executable;
  wchar_t* prefix;
  wchar_t* base_prefix;
  wchar_t* exec_prefix;
  wchar_t* base_exec_prefix;
  int skip_source_first_line;
  wchar_t* run_command;
  wchar_t* run_module;
  wchar_t* run_filename;
  int _install_importlib;
  int _init_main;
  int _isolated_interpreter;
  int _is_python_build;
};
// CPython 3.11's sizes and offsets on x86-64.
static_assert(sizeof(Config) == 424 && offsetof(Config, argv) == 120 && offsetof(Config, run_filename) == 400);

// _PyConfigInitEnum.
constexpr int kInitCompat = 1, kInitPython = 2, kInitIsolated = 3;

// Strings of the API are PyMem_RawMalloc'd, as CPython's (PyConfig_Clear
// frees them).
wchar_t* copyWide(const wchar_t* s) {
  size_t n = std::wcslen(s) + 1;
  auto* copy = static_cast<wchar_t*>(PyMem_RawMalloc(n * sizeof(wchar_t)));
  if (copy != nullptr) std::wmemcpy(copy, s, n);
  return copy;
}

// Replaces *field by a copy of `str` (null: none); false when out of memory.
bool setString(wchar_t** field, const wchar_t* str) {
  wchar_t* copy = nullptr;
  if (str != nullptr && (copy = copyWide(str)) == nullptr) return false;
  PyMem_RawFree(*field);
  *field = copy;
  return true;
}

void clearList(WideStringList* list) {
  for (Py_ssize_t i = 0; i < list->length; ++i) PyMem_RawFree(list->items[i]);
  PyMem_RawFree(list->items);
  list->length = 0;
  list->items = nullptr;
}

// A copy of `items` into `list` (replacing what it held); false when out of memory.
bool setList(WideStringList* list, Py_ssize_t length, wchar_t* const* items) {
  WideStringList fresh = {0, nullptr};
  if (length > 0) {
    fresh.items = static_cast<wchar_t**>(PyMem_RawCalloc(static_cast<size_t>(length), sizeof(wchar_t*)));
    if (fresh.items == nullptr) return false;
    for (; fresh.length < length; ++fresh.length) {
      fresh.items[fresh.length] = copyWide(items[fresh.length]);
      if (fresh.items[fresh.length] == nullptr) {
        clearList(&fresh);
        return false;
      }
    }
  }
  clearList(list);
  *list = fresh;
  return true;
}

// CPython 3.11's defaults, shared by both configurations.
void initDefaults(Config* c) {
  std::memset(c, 0, sizeof *c);
  c->_config_init = kInitCompat;
  c->use_environment = 1;
  c->dev_mode = -1;
  c->install_signal_handlers = 1;
  c->use_hash_seed = -1;
  c->faulthandler = -1;
  c->tracemalloc = -1;
  c->code_debug_ranges = 1;
  c->site_import = 1;
  c->write_bytecode = 1;
  c->user_site_directory = 1;
  c->buffered_stdio = 1;
  c->use_frozen_modules = 1;
  c->pathconfig_warnings = 1;
  c->_install_importlib = 1;
  c->_init_main = 1;
}

// The command-line options of a parse_argv configuration, as CPython's
// command line takes them: the one-letter flags, -c, -m, "--", then a
// script; what follows the command or script is sys.argv[1:].
Status parseCommandLine(Config* c, std::vector<std::wstring>* args) {
  static const char* const kFunc = "Py_InitializeFromConfig";
  Py_ssize_t i = 1;
  for (; i < c->argv.length; ++i) {
    std::wstring a = c->argv.items[i];
    if (a.size() < 2 || a[0] != L'-' || a == L"--") {
      if (a == L"--") ++i;
      break;
    }
    if (a == L"-c" || a == L"-m") {
      if (i + 1 >= c->argv.length) return error(kFunc, "Argument expected for the -c/-m option");
      wchar_t** field = a == L"-c" ? &c->run_command : &c->run_module;
      if (!setString(field, c->argv.items[i + 1])) return noMemory(kFunc);
      args->push_back(a);
      for (Py_ssize_t j = i + 2; j < c->argv.length; ++j) args->push_back(c->argv.items[j]);
      return ok();
    }
    for (size_t k = 1; k < a.size(); ++k) {
      switch (a[k]) {
        case L'I':
          c->isolated = 1;
          c->use_environment = 0;
          c->user_site_directory = 0;
          break;
        case L'E':
          c->use_environment = 0;
          break;
        case L'S':
          c->site_import = 0;
          break;
        case L's':
          c->user_site_directory = 0;
          break;
        case L'B':
          c->write_bytecode = 0;
          break;
        case L'u':
          c->buffered_stdio = 0;
          break;
        case L'v':
          ++c->verbose;
          break;
        case L'q':
          c->quiet = 1;
          break;
        case L'O':
          ++c->optimization_level;
          break;
        case L'b':
          ++c->bytes_warning;
          break;
        case L'i':
          c->inspect = 1;
          c->interactive = 1;
          break;
        default:
          // CPython prints its usage and exits with 2.
          std::fprintf(stderr, "Unknown option: -%lc (Tern's embedded command line takes -c, -m and IESsBuvqObi)\n",
                       static_cast<wint_t>(a[k]));
          return Status{.type = 2, .func = kFunc, .err_msg = nullptr, .exitcode = 2};
      }
    }
  }
  if (i < c->argv.length) {
    // An absolute path, as CPython's PyConfig_Read makes it (__main__.__file__).
    std::wstring script = c->argv.items[i];
    if (!script.empty() && script[0] != L'/') {
      char buf[4096];
      wchar_t* dir = getcwd(buf, sizeof buf) != nullptr ? Py_DecodeLocale(buf, nullptr) : nullptr;
      if (dir != nullptr) script = std::wstring(dir) + L"/" + script;
      PyMem_RawFree(dir);
    }
    if (!setString(&c->run_filename, script.c_str())) return noMemory(kFunc);
    for (; i < c->argv.length; ++i) args->push_back(c->argv.items[i]);
  }
  return ok();
}

// What Py_GetArgcArgv gives: the configuration's orig_argv, kept.
WideStringList g_orig_argv = {0, nullptr};
Config* g_main_config = nullptr;        // what Py_RunMain runs, or null
std::vector<std::wstring> g_main_args;  // its sys.argv

// Py_RunMain's exit status of the pending exception: PyErr_Print, which
// ends the process for SystemExit as CPython's does.
int exitStatusOfError() {
  PyErr_Print();
  return 1;
}

PyObject* fromWide(const wchar_t* s) { return PyUnicode_FromWideChar(s, -1); }

// runpy._run_module_as_main(module), as `-m`.
bool runModule(const wchar_t* module) {
  PyObject* runpy = PyImport_ImportModule("runpy");
  PyObject* name = fromWide(module);
  PyObject* r =
      runpy == nullptr || name == nullptr ? nullptr : PyObject_CallMethod(runpy, "_run_module_as_main", "Oi", name, 1);
  Py_XDECREF(runpy);
  Py_XDECREF(name);
  Py_XDECREF(r);
  return r != nullptr;
}

bool runCommand(const wchar_t* command) {
  PyObject* text = fromWide(command);
  const char* utf8 = text == nullptr ? nullptr : PyUnicode_AsUTF8(text);
  PyObject* main = utf8 == nullptr ? nullptr : PyImport_AddModule("__main__");
  PyObject* globals = main == nullptr ? nullptr : PyModule_GetDict(main);
  PyObject* r = globals == nullptr ? nullptr : PyRun_String(utf8, Py_file_input, globals, globals);
  Py_XDECREF(text);
  Py_XDECREF(r);
  return r != nullptr;
}

// The script as `python script`: __main__.__file__ set while it runs.
bool runFile(const wchar_t* filename) {
  PyObject* name = fromWide(filename);
  PyObject* bytes = name == nullptr ? nullptr : PyUnicode_EncodeFSDefault(name);
  Py_XDECREF(name);
  if (bytes == nullptr) return false;
  FILE* fp = std::fopen(PyBytes_AS_STRING(bytes), "rb");
  if (fp == nullptr) {
    PyErr_SetFromErrnoWithFilename(PyExc_OSError, PyBytes_AS_STRING(bytes));
    Py_DECREF(bytes);
    return false;
  }
  PyObject* main = PyImport_AddModule("__main__");
  PyObject* globals = main == nullptr ? nullptr : PyModule_GetDict(main);
  PyObject* file = PyUnicode_DecodeFSDefault(PyBytes_AS_STRING(bytes));
  bool set = globals != nullptr && file != nullptr && PyDict_SetItemString(globals, "__file__", file) == 0;
  PyObject* r =
      set ? PyRun_FileExFlags(fp, PyBytes_AS_STRING(bytes), Py_file_input, globals, globals, 1, nullptr) : nullptr;
  if (!set) std::fclose(fp);
  if (set) {
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    if (PyDict_DelItemString(globals, "__file__") < 0) PyErr_Clear();
    PyErr_Restore(type, value, tb);
  }
  Py_XDECREF(file);
  Py_DECREF(bytes);
  Py_XDECREF(r);
  return r != nullptr;
}

bool setSysList(const char* name, const std::vector<std::wstring>& items) {
  PyObject* list = PyList_New(0);
  for (const std::wstring& s : items) {
    PyObject* item = list == nullptr ? nullptr : fromWide(s.c_str());
    if (item == nullptr || PyList_Append(list, item) < 0) Py_CLEAR(list);
    Py_XDECREF(item);
  }
  bool set = list != nullptr && PySys_SetObject(name, list) == 0;
  Py_XDECREF(list);
  return set;
}

}  // namespace

extern "C" {

#define TERN_CONFIG_API __attribute__((visibility("default")))

TERN_CONFIG_API void PyPreConfig_InitPythonConfig(PreConfig* c) {
  *c = PreConfig{._config_init = kInitPython,
                 .parse_argv = 1,
                 .isolated = 0,
                 .use_environment = 1,
                 .configure_locale = 1,
                 .coerce_c_locale = -1,
                 .coerce_c_locale_warn = -1,
                 .utf8_mode = -1,
                 .dev_mode = -1,
                 .allocator = 0};
}

TERN_CONFIG_API void PyPreConfig_InitIsolatedConfig(PreConfig* c) {
  *c = PreConfig{._config_init = kInitIsolated,
                 .parse_argv = 0,
                 .isolated = 1,
                 .use_environment = 0,
                 .configure_locale = 0,
                 .coerce_c_locale = 0,
                 .coerce_c_locale_warn = 0,
                 .utf8_mode = 0,
                 .dev_mode = 0,
                 .allocator = 0};
}

// configure_locale: LC_CTYPE from the environment, the C locale coerced to
// C.UTF-8 (PEP 538) unless told not to, as CPython does.
TERN_CONFIG_API Status Py_PreInitialize(const PreConfig* c) {
  if (c == nullptr) return error("Py_PreInitialize", "preconfig is NULL");
  if (c->configure_locale) {
    const char* name = std::setlocale(LC_CTYPE, "");
    bool c_locale = name == nullptr || std::strcmp(name, "C") == 0 || std::strcmp(name, "POSIX") == 0;
    if (c_locale && c->coerce_c_locale != 0) std::setlocale(LC_CTYPE, "C.UTF-8");
  }
  return ok();
}

TERN_CONFIG_API Status Py_PreInitializeFromBytesArgs(const PreConfig* c, Py_ssize_t, char**) {
  return Py_PreInitialize(c);
}

TERN_CONFIG_API Status Py_PreInitializeFromArgs(const PreConfig* c, Py_ssize_t, wchar_t**) {
  return Py_PreInitialize(c);
}

TERN_CONFIG_API void PyConfig_InitPythonConfig(Config* c) {
  initDefaults(c);
  c->_config_init = kInitPython;
  c->configure_c_stdio = 1;
  c->parse_argv = 1;
}

TERN_CONFIG_API void PyConfig_InitIsolatedConfig(Config* c) {
  initDefaults(c);
  c->_config_init = kInitIsolated;
  c->isolated = 1;
  c->use_environment = 0;
  c->user_site_directory = 0;
  c->dev_mode = 0;
  c->install_signal_handlers = 0;
  c->use_hash_seed = 0;
  c->faulthandler = 0;
  c->tracemalloc = 0;
  c->safe_path = 1;
  c->pathconfig_warnings = 0;
}

TERN_CONFIG_API void PyConfig_Clear(Config* c) {
  for (wchar_t** s :
       {&c->dump_refs_file, &c->filesystem_encoding,  &c->filesystem_errors, &c->pycache_prefix,  &c->stdio_encoding,
        &c->stdio_errors,   &c->check_hash_pycs_mode, &c->program_name,      &c->pythonpath_env,  &c->home,
        &c->platlibdir,     &c->stdlib_dir,           &c->executable,        &c->base_executable, &c->prefix,
        &c->base_prefix,    &c->exec_prefix,          &c->base_exec_prefix,  &c->run_command,     &c->run_module,
        &c->run_filename}) {
    PyMem_RawFree(*s);
    *s = nullptr;
  }
  for (WideStringList* l : {&c->orig_argv, &c->argv, &c->xoptions, &c->warnoptions, &c->module_search_paths}) {
    clearList(l);
  }
}

TERN_CONFIG_API Status PyConfig_SetString(Config*, wchar_t** field, const wchar_t* str) {
  return setString(field, str) ? ok() : noMemory("PyConfig_SetString");
}

// Decoded as Py_DecodeLocale does (UTF-8, surrogateescape).
TERN_CONFIG_API Status PyConfig_SetBytesString(Config* c, wchar_t** field, const char* str) {
  if (str == nullptr) return PyConfig_SetString(c, field, nullptr);
  wchar_t* decoded = Py_DecodeLocale(str, nullptr);
  if (decoded == nullptr) return error("PyConfig_SetBytesString", "cannot decode string");
  Status s = PyConfig_SetString(c, field, decoded);
  PyMem_RawFree(decoded);
  return s;
}

TERN_CONFIG_API Status PyWideStringList_Insert(WideStringList* list, Py_ssize_t index, const wchar_t* item) {
  if (index < 0) return error("PyWideStringList_Insert", "PyWideStringList_Insert index must be >= 0");
  if (index > list->length) index = list->length;
  wchar_t* copy = copyWide(item);
  auto* items = copy == nullptr ? nullptr
                                : static_cast<wchar_t**>(PyMem_RawRealloc(
                                      list->items, static_cast<size_t>(list->length + 1) * sizeof(wchar_t*)));
  if (items == nullptr) {
    PyMem_RawFree(copy);
    return noMemory("PyWideStringList_Insert");
  }
  std::memmove(items + index + 1, items + index, static_cast<size_t>(list->length - index) * sizeof(wchar_t*));
  items[index] = copy;
  list->items = items;
  ++list->length;
  return ok();
}

TERN_CONFIG_API Status PyWideStringList_Append(WideStringList* list, const wchar_t* item) {
  return PyWideStringList_Insert(list, list->length, item);
}

TERN_CONFIG_API Status PyConfig_SetWideStringList(Config*, WideStringList* list, Py_ssize_t length, wchar_t** items) {
  return setList(list, length, items) ? ok() : noMemory("PyConfig_SetWideStringList");
}

TERN_CONFIG_API Status PyConfig_SetArgv(Config* c, Py_ssize_t argc, wchar_t* const* argv) {
  return setList(&c->argv, argc, argv) ? ok() : noMemory("PyConfig_SetArgv");
}

TERN_CONFIG_API Status PyConfig_SetBytesArgv(Config* c, Py_ssize_t argc, char* const* argv) {
  std::vector<wchar_t*> wide;
  Status s = ok();
  for (Py_ssize_t i = 0; i < argc && s.type == 0; ++i) {
    wchar_t* w = Py_DecodeLocale(argv[i], nullptr);
    if (w == nullptr)
      s = error("PyConfig_SetBytesArgv", "cannot decode command line argument");
    else
      wide.push_back(w);
  }
  if (s.type == 0) s = PyConfig_SetArgv(c, argc, wide.data());
  for (wchar_t* w : wide) PyMem_RawFree(w);
  return s;
}

// Fills what CPython computes: the program name, orig_argv, an argv of
// [""], and the paths Tern uses (Debian's /usr/lib/python3.11).
TERN_CONFIG_API Status PyConfig_Read(Config* c) {
  static const char* const kFunc = "PyConfig_Read";
  if (c->program_name == nullptr && !setString(&c->program_name, L"python3")) return noMemory(kFunc);
  if (c->orig_argv.length == 0 && !setList(&c->orig_argv, c->argv.length, c->argv.items)) return noMemory(kFunc);
  if (c->argv.length == 0) {
    wchar_t* empty[] = {const_cast<wchar_t*>(L"")};
    if (!setList(&c->argv, 1, empty)) return noMemory(kFunc);
  }
  struct {
    wchar_t** field;
    const wchar_t* value;
  } paths[] = {{&c->prefix, Py_GetPrefix()},
               {&c->base_prefix, Py_GetPrefix()},
               {&c->exec_prefix, Py_GetExecPrefix()},
               {&c->base_exec_prefix, Py_GetExecPrefix()},
               {&c->executable, Py_GetProgramFullPath()},
               {&c->base_executable, Py_GetProgramFullPath()}};
  for (auto& p : paths) {
    if (*p.field == nullptr && !setString(p.field, p.value)) return noMemory(kFunc);
  }
  if (!c->module_search_paths_set) {
    std::wstring path = Py_GetPath();
    size_t start = 0;
    clearList(&c->module_search_paths);
    while (start <= path.size()) {
      size_t end = path.find(L':', start);
      if (end == std::wstring::npos) end = path.size();
      if (PyWideStringList_Append(&c->module_search_paths, path.substr(start, end - start).c_str()).type != 0)
        return noMemory(kFunc);
      start = end + 1;
    }
    c->module_search_paths_set = 1;
  }
  return ok();
}

TERN_CONFIG_API Status Py_InitializeFromConfig(const Config* config) {
  static const char* const kFunc = "Py_InitializeFromConfig";
  if (config == nullptr) return error(kFunc, "config is NULL");
  if (Py_IsInitialized()) return ok();
  // A working copy: parsing argv fills run_* (kept for Py_RunMain).
  auto* c = static_cast<Config*>(PyMem_RawCalloc(1, sizeof(Config)));
  if (c == nullptr) return noMemory(kFunc);
  initDefaults(c);
  bool copied = setList(&c->argv, config->argv.length, config->argv.items) &&
                setList(&c->orig_argv, config->orig_argv.length > 0 ? config->orig_argv.length : config->argv.length,
                        config->orig_argv.length > 0 ? config->orig_argv.items : config->argv.items) &&
                setList(&c->module_search_paths, config->module_search_paths.length, config->module_search_paths.items);
  for (auto [to, from] :
       {std::pair{&c->run_command, config->run_command}, std::pair{&c->run_module, config->run_module},
        std::pair{&c->run_filename, config->run_filename}, std::pair{&c->program_name, config->program_name},
        std::pair{&c->home, config->home}}) {
    copied = copied && setString(to, from);
  }
  if (!copied) return noMemory(kFunc);
  c->safe_path = config->safe_path;
  for (int Config::*f : {&Config::isolated, &Config::use_environment, &Config::site_import, &Config::bytes_warning,
                         &Config::inspect, &Config::interactive, &Config::optimization_level, &Config::write_bytecode,
                         &Config::verbose, &Config::quiet, &Config::user_site_directory, &Config::buffered_stdio,
                         &Config::parse_argv, &Config::install_signal_handlers, &Config::module_search_paths_set}) {
    c->*f = config->*f;
  }
  std::vector<std::wstring> args;
  if (c->parse_argv > 0 && c->argv.length > 0) {
    Status s = parseCommandLine(c, &args);
    if (s.type != 0) return s;
  } else {
    for (Py_ssize_t i = 0; i < c->argv.length; ++i) args.emplace_back(c->argv.items[i]);
  }
  if (args.empty()) args.emplace_back(L"");

  Py_IsolatedFlag = c->isolated > 0;
  Py_IgnoreEnvironmentFlag = c->use_environment == 0;
  Py_NoSiteFlag = c->site_import == 0;
  Py_NoUserSiteDirectory = c->user_site_directory == 0;
  Py_BytesWarningFlag = c->bytes_warning;
  Py_InspectFlag = c->inspect;
  Py_InteractiveFlag = c->interactive;
  Py_OptimizeFlag = c->optimization_level;
  Py_DontWriteBytecodeFlag = c->write_bytecode == 0;
  Py_VerboseFlag = c->verbose;
  Py_QuietFlag = c->quiet;
  Py_UnbufferedStdioFlag = c->buffered_stdio == 0;
  if (c->program_name != nullptr) Py_SetProgramName(c->program_name);
  if (c->home != nullptr) Py_SetPythonHome(c->home);
  for (Py_ssize_t i = 0; i < config->warnoptions.length; ++i) PySys_AddWarnOption(config->warnoptions.items[i]);
  for (Py_ssize_t i = 0; i < config->xoptions.length; ++i) PySys_AddXOption(config->xoptions.items[i]);

  Py_InitializeEx(c->install_signal_handlers);
  if (!setSysList("argv", args) ||
      !setSysList("orig_argv",
                  std::vector<std::wstring>(c->orig_argv.items, c->orig_argv.items + c->orig_argv.length))) {
    PyErr_Print();
    return error(kFunc, "cannot set sys.argv");
  }
  if (c->module_search_paths_set) {
    std::vector<std::wstring> path(c->module_search_paths.items,
                                   c->module_search_paths.items + c->module_search_paths.length);
    if (!setSysList("path", path)) {
      PyErr_Print();
      return error(kFunc, "cannot set sys.path");
    }
  }
  clearList(&g_orig_argv);
  if (!setList(&g_orig_argv, c->orig_argv.length, c->orig_argv.items)) return noMemory(kFunc);
  g_main_config = c;
  g_main_args = std::move(args);
  return ok();
}

// Runs the configuration's command, module or script (nothing when it has
// none: Tern has no interactive loop), finalizes, and returns the exit
// status.
TERN_CONFIG_API int Py_RunMain(void) {
  int status = 0;
  if (Config* c = g_main_config) {
    if (!c->safe_path) {
      // sys.path[0] from argv, as CPython's command line computes it.
      std::vector<wchar_t*> argv;
      for (std::wstring& a : g_main_args) argv.push_back(a.data());
      PySys_SetArgvEx(static_cast<int>(argv.size()), argv.data(), 1);
    }
    bool ran = c->run_command != nullptr    ? runCommand(c->run_command)
               : c->run_module != nullptr   ? runModule(c->run_module)
               : c->run_filename != nullptr ? runFile(c->run_filename)
                                            : true;
    if (!ran) status = exitStatusOfError();
  }
  if (Py_FinalizeEx() < 0) status = 120;
  return status;
}

TERN_CONFIG_API void Py_GetArgcArgv(int* argc, wchar_t*** argv) {
  *argc = static_cast<int>(g_orig_argv.length);
  *argv = g_orig_argv.items;
}

#undef TERN_CONFIG_API

}  // extern "C"

// --- PyStatus ---------------------------------------------------------------

extern "C" {

#define TERN_STATUS_API __attribute__((visibility("default")))

TERN_STATUS_API Status PyStatus_Ok(void) {
  return Status{.type = 0, .func = nullptr, .err_msg = nullptr, .exitcode = 0};
}
TERN_STATUS_API Status PyStatus_Error(const char* err_msg) {
  return Status{.type = 1, .func = nullptr, .err_msg = err_msg, .exitcode = 0};
}
TERN_STATUS_API Status PyStatus_NoMemory(void) { return PyStatus_Error("memory allocation failed"); }
TERN_STATUS_API Status PyStatus_Exit(int exitcode) {
  return Status{.type = 2, .func = nullptr, .err_msg = nullptr, .exitcode = exitcode};
}
TERN_STATUS_API int PyStatus_IsError(Status status) { return status.type == 1; }
TERN_STATUS_API int PyStatus_IsExit(Status status) { return status.type == 2; }
TERN_STATUS_API int PyStatus_Exception(Status status) { return status.type != 0; }

[[noreturn]] TERN_STATUS_API void Py_ExitStatusException(Status status) {
  if (status.type == 2) std::exit(status.exitcode);
  if (status.type == 1) _Py_FatalErrorFunc(status.func, status.err_msg);
  Py_FatalError("Py_ExitStatusException() must not be called on success");
}

#undef TERN_STATUS_API

}  // extern "C"
