// cpyext: CPython's Python/pylifecycle.c: starting and stopping the runtime
// from an embedding program (Py_InitializeEx, Py_FinalizeEx, Py_Exit,
// Py_Main), the legacy configuration globals, program name and paths,
// PySys_SetArgv, the locale codec of Py_DecodeLocale, and the signal-handler
// helpers PyOS_getsig / PyOS_setsig (sigaction()-based, SA_ONSTACK as
// CPython installs its handlers, so extensions' handlers run on an
// alternate stack when one is set).
// clang-format off
#include "Python.h"  // first: it sets feature macros <csignal> reads
#include <csignal>
// clang-format on
#include <unistd.h>

#include <climits>
#include <clocale>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <cwchar>
#include <string>
#include <utility>
#include <vector>

#include "cpyext/external_blocks.h"
#include "cpyext/proxy_internal.h"
#include "runtime/entry.h"
#include "runtime/interp/config.h"
#include "runtime/modules/_tracemalloc.h"

namespace tern::cpyext {
bool installEmbedderHooks();  // embedder_hooks.cc
}  // namespace tern::cpyext

using namespace tern;

extern "C" {

using SigHandler = void (*)(int);

SigHandler PyOS_getsig(int sig) {
  struct sigaction context;
  if (sigaction(sig, nullptr, &context) == -1) return SIG_ERR;
  return context.sa_handler;
}

SigHandler PyOS_setsig(int sig, SigHandler handler) {
  struct sigaction context, ocontext;
  context.sa_handler = handler;
  sigemptyset(&context.sa_mask);
  context.sa_flags = SA_ONSTACK;
  if (sigaction(sig, &context, &ocontext) == -1) return SIG_ERR;
  return ocontext.sa_handler;
}

}  // extern "C"

// The interpreter's flags as C reads them (set from sys.flags when cpyext
// starts: initializeCpyext), and the file-system encoding Tern always uses.
extern "C" {
int Py_OptimizeFlag = 0;
int Py_VerboseFlag = 0;
const char* Py_FileSystemDefaultEncoding = "utf-8";

// tracemalloc's traces of C memory in any domain (numpy's array data is
// 389047), as CPython's: -2 while it is not tracing; Track takes the GIL for
// the traceback, Untrack does without (allocators.h).  Either way the block
// counts as the collector's external memory (external_blocks.h).
int PyTraceMalloc_Track(unsigned int domain, uintptr_t ptr, size_t size) {
  cpyext::trackExternalBlock(domain, ptr, size);
  if (!tracemalloc::tracing()) return -2;
  PyGILState_STATE gil = PyGILState_Ensure();
  int r = tracemalloc::track(domain, ptr, size);
  PyGILState_Release(gil);
  return r;
}
int PyTraceMalloc_Untrack(unsigned int domain, uintptr_t ptr) {
  cpyext::untrackExternalBlock(domain, ptr);
  return tracemalloc::untrack(domain, ptr, PyGILState_Check() != 0);
}
}  // extern "C"

// ===========================================================================
// Embedding: starting and stopping the runtime from a C program (CPython's
// Py_InitializeEx / Py_FinalizeEx), the legacy configuration globals they
// read, and the program-name and path queries.  The runtime side is
// runtime/entry.h (startEmbedded, finishEmbedded).

extern "C" {
// The legacy global configuration (pydebug.h, fileobject.h): an embedder sets
// them before Py_Initialize, which reads them once.
int Py_DebugFlag = 0;
int Py_QuietFlag = 0;
int Py_InteractiveFlag = 0;
int Py_InspectFlag = 0;
int Py_NoSiteFlag = 0;
int Py_BytesWarningFlag = 0;
int Py_FrozenFlag = 0;
int Py_IgnoreEnvironmentFlag = 0;
int Py_DontWriteBytecodeFlag = 0;
int Py_NoUserSiteDirectory = 0;
int Py_UnbufferedStdioFlag = 0;
int Py_HashRandomizationFlag = 0;
int Py_IsolatedFlag = 0;
int Py_UTF8Mode = 1;
int Py_HasFileSystemDefaultEncoding = 1;
const char* Py_FileSystemDefaultEncodeErrors = "surrogateescape";
const unsigned long Py_Version = PY_VERSION_HEX;
}  // extern "C"

namespace {

// sys.path's stdlib entries (sys.cc initialSysPath), as Py_GetPath reports them.
constexpr const wchar_t* kDefaultPath = L"/usr/lib/python311.zip:/usr/lib/python3.11:/usr/lib/python3.11/lib-dynload";

// What the embedder set before (or instead of) starting the runtime; the
// wchar_t* getters return these owned copies.
struct EmbedderSettings {
  // PySys_AddWarnOption / PySys_AddXOption before Py_Initialize: -W and -X
  // options of the embedded runtime.
  std::vector<std::string> warnoptions;
  std::vector<std::string> xoptions;
  std::wstring program_name = L"python3";
  std::wstring python_home;
  bool has_home = false;
  std::wstring prefix = L"/usr";
  std::wstring path = kDefaultPath;
  std::wstring full_path;
  bool path_set = false;  // Py_SetPath: `path` is sys.path and `prefix` is ''
  // Py_SetStandardStreamEncoding: the stdio encoding and error handler.
  std::string stdio_encoding;
  std::string stdio_errors;
  // The table PyImport_AppendInittab / ExtendInittab make PyImport_Inittab
  // point at (the entries before theirs, theirs, the terminator).
  std::vector<struct _inittab> inittab;
};
struct _inittab kEmptyInittab[] = {{nullptr, nullptr}};

EmbedderSettings& embedder() {
  static auto* s = new EmbedderSettings();
  return *s;
}

// Generalised UTF-8 of a wide string, lone surrogates U+DC80..U+DCFF back to
// the bytes they stand for (surrogateescape, as the file-system encoding).
// False at a character it cannot encode; *error_at its index.
bool encodeUtf8(const wchar_t* text, std::string* out, size_t* error_at) {
  for (size_t i = 0; text[i] != 0; ++i) {
    auto c = static_cast<uint32_t>(text[i]);
    if (c >= 0xDC80 && c <= 0xDCFF) {
      out->push_back(static_cast<char>(c - 0xDC00));
    } else if ((c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF) {
      *error_at = i;
      return false;
    } else if (c < 0x80) {
      out->push_back(static_cast<char>(c));
    } else if (c < 0x800) {
      out->push_back(static_cast<char>(0xC0 | (c >> 6)));
      out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
      out->push_back(static_cast<char>(0xE0 | (c >> 12)));
      out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
      out->push_back(static_cast<char>(0xF0 | (c >> 18)));
      out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
  }
  return true;
}

std::string narrow(const wchar_t* text) {
  std::string out;
  size_t ignored = 0;
  if (text != nullptr) encodeUtf8(text, &out, &ignored);
  return out;
}

// UTF-8 to code points, undecodable bytes as U+DC80..U+DCFF.
std::wstring decodeUtf8(const char* s) {
  std::wstring out;
  auto* p = reinterpret_cast<const unsigned char*>(s);
  size_t n = std::strlen(s);
  for (size_t i = 0; i < n;) {
    unsigned char b = p[i];
    uint32_t c = 0;
    size_t len = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
    bool ok = len != 0 && i + len <= n;
    if (ok) {
      c = len == 1 ? b : b & (0x7F >> len);
      for (size_t k = 1; k < len && ok; ++k) {
        ok = (p[i + k] & 0xC0) == 0x80;
        c = (c << 6) | (p[i + k] & 0x3F);
      }
      // Overlong forms, surrogates and values past U+10FFFF are invalid.
      static constexpr uint32_t kMin[5] = {0, 0, 0x80, 0x800, 0x10000};
      ok = ok && c >= kMin[len] && !(c >= 0xD800 && c <= 0xDFFF) && c <= 0x10FFFF;
    }
    if (!ok) {
      out.push_back(static_cast<wchar_t>(0xDC00 + b));
      ++i;
      continue;
    }
    out.push_back(static_cast<wchar_t>(c));
    i += len;
  }
  return out;
}

wchar_t* rawWideCopy(const std::wstring& s) {
  auto* out = static_cast<wchar_t*>(PyMem_RawMalloc((s.size() + 1) * sizeof(wchar_t)));
  if (out != nullptr) std::wmemcpy(out, s.c_str(), s.size() + 1);
  return out;
}

// The configuration an embedder gets: the legacy globals, then the
// environment (unless Py_IgnoreEnvironmentFlag / Py_IsolatedFlag).
Config embedderConfig(std::string* error) {
  Config c;
  c.isolated = Py_IsolatedFlag != 0;
  c.ignore_environment = Py_IgnoreEnvironmentFlag != 0 || c.isolated;
  c.no_user_site = Py_NoUserSiteDirectory != 0 || c.isolated;
  c.safe_path = c.isolated;
  c.no_site = Py_NoSiteFlag != 0;
  c.verbose = Py_VerboseFlag;
  c.optimize = Py_OptimizeFlag;
  c.debug = Py_DebugFlag;
  c.inspect = Py_InspectFlag;
  c.interactive = Py_InteractiveFlag;
  c.quiet = Py_QuietFlag != 0;
  c.bytes_warning = Py_BytesWarningFlag;
  c.dont_write_bytecode = Py_DontWriteBytecodeFlag != 0;
  c.unbuffered = Py_UnbufferedStdioFlag != 0;
  c.stdio_encoding = embedder().stdio_encoding;
  c.stdio_errors = embedder().stdio_errors;
  c.search_path_set = embedder().path_set;
  if (c.search_path_set) c.search_path = narrow(embedder().path.c_str());
  for (const std::string& x : embedder().xoptions) {
    size_t eq = x.find('=');
    c.xoptions.push_back(eq == std::string::npos
                             ? XOption{.name = x, .value = "", .has_value = false}
                             : XOption{.name = x.substr(0, eq), .value = x.substr(eq + 1), .has_value = true});
  }
  *error = c.applyEnvironmentAndXOptions();
  c.finishWarnOptions(embedder().warnoptions);
  return c;
}

void setArgv(int argc, wchar_t** argv, int updatepath) {
  PyObject* list = PyList_New(0);
  if (list == nullptr) Py_FatalError("PySys_SetArgv: no memory for sys.argv");
  for (int i = 0; i < (argc <= 0 || argv == nullptr ? 1 : argc); ++i) {
    PyObject* arg = PyUnicode_DecodeFSDefault(argc <= 0 || argv == nullptr ? "" : narrow(argv[i]).c_str());
    if (arg == nullptr || PyList_Append(list, arg) < 0) Py_FatalError("PySys_SetArgv: cannot make sys.argv");
    Py_DECREF(arg);
  }
  if (PySys_SetObject("argv", list) < 0) Py_FatalError("PySys_SetArgv: cannot set sys.argv");
  Py_DECREF(list);
  if (!updatepath || Py_IsolatedFlag != 0) return;
  std::string arg0 = argc > 0 && argv != nullptr ? narrow(argv[0]) : std::string();
  std::string path0;
  if (arg0 == "-m") {
    char buffer[PATH_MAX];
    if (::getcwd(buffer, sizeof buffer) != nullptr) path0 = buffer;
  } else if (!arg0.empty() && arg0 != "-c") {
    char resolved[PATH_MAX];
    std::string full = ::realpath(arg0.c_str(), resolved) != nullptr ? std::string(resolved) : arg0;
    size_t slash = full.rfind('/');
    path0 = slash == std::string::npos ? "" : slash == 0 ? "/" : full.substr(0, slash);
  }
  PyObject* path = PySys_GetObject("path");
  PyObject* entry = PyUnicode_DecodeFSDefault(path0.c_str());
  if (path == nullptr || !PyList_Check(path) || entry == nullptr || PyList_Insert(path, 0, entry) < 0) PyErr_Clear();
  Py_XDECREF(entry);
}

void addWarnOption(PyObject* option) {
  if (option == nullptr || !PyUnicode_Check(option)) return;
  if (!Py_IsInitialized()) {
    embedder().warnoptions.emplace_back(PyUnicode_AsUTF8(option));
    return;
  }
  PyObject* list = PySys_GetObject("warnoptions");
  if (list == nullptr || !PyList_Check(list) || PyList_Append(list, option) < 0) PyErr_Clear();
}

// --- the embedder's built-in modules (PyImport_AppendInittab) ---------------------
// CPython lists them among its built-in modules; Tern's are native modules of
// the runtime, so these are found by a finder of their own, first on
// sys.meta_path, whose loader runs the init function (single-phase: its
// module; multi-phase: the module made from its PyModuleDef, then exec).

PyObject* inittabCreate(PyObject*, PyObject* spec) {
  PyObject* name = PyObject_GetAttrString(spec, "name");
  if (name == nullptr) return nullptr;
  const char* n = PyUnicode_AsUTF8(name);
  PyObject* (*init)() = nullptr;
  for (const struct _inittab* p = PyImport_Inittab; n != nullptr && p->name != nullptr; ++p) {
    if (std::strcmp(p->name, n) == 0) init = p->initfunc;
  }
  Py_DECREF(name);
  if (init == nullptr) {
    if (!PyErr_Occurred()) PyErr_SetString(PyExc_ImportError, "not a module of PyImport_AppendInittab");
    return nullptr;
  }
  PyObject* m = init();
  if (m == nullptr) {
    if (!PyErr_Occurred())
      PyErr_Format(PyExc_SystemError, "initialization of %s failed without raising an exception", n);
    return nullptr;
  }
  if (Py_IS_TYPE(m, &PyModuleDef_Type)) {
    return PyModule_FromDefAndSpec2(reinterpret_cast<PyModuleDef*>(m), spec, PYTHON_API_VERSION);
  }
  return m;
}

// The exec step of a multi-phase module (its Py_mod_exec slots), once
// importlib has put it in sys.modules.
PyObject* inittabExec(PyObject*, PyObject* module) {
  PyModuleDef* def = PyModule_Check(module) ? PyModule_GetDef(module) : nullptr;
  if (def != nullptr && def->m_slots != nullptr && PyModule_ExecDef(module, def) < 0) return nullptr;
  PyErr_Clear();  // PyModule_GetDef of a module without a definition
  Py_RETURN_NONE;
}

PyMethodDef kInittabCreate = {"_create", inittabCreate, METH_O, nullptr};
PyMethodDef kInittabExec = {"_exec", inittabExec, METH_O, nullptr};

const char kInittabFinder[] =
    "import sys\n"
    "from importlib.machinery import ModuleSpec\n"
    "class EmbedderInittab:\n"
    "    def __init__(self, names, create, exec_):\n"
    "        self.names, self.create, self.exec = frozenset(names), create, exec_\n"
    "    def find_spec(self, name, path=None, target=None):\n"
    "        return ModuleSpec(name, self, origin='built-in') if name in self.names else None\n"
    "    def create_module(self, spec):\n"
    "        return self.create(spec)\n"
    "    def exec_module(self, module):\n"
    "        self.exec(module)\n"
    "sys.meta_path.insert(0, EmbedderInittab(names, create, exec_))\n";

bool installInittab() {
  if (PyImport_Inittab->name == nullptr) return true;
  PyObject* names = PyList_New(0);
  PyObject* create = PyCFunction_New(&kInittabCreate, nullptr);
  PyObject* exec = PyCFunction_New(&kInittabExec, nullptr);
  PyObject* globals = PyDict_New();
  bool ok = names != nullptr && create != nullptr && exec != nullptr && globals != nullptr &&
            PyDict_SetItemString(globals, "names", names) == 0 &&
            PyDict_SetItemString(globals, "create", create) == 0 && PyDict_SetItemString(globals, "exec_", exec) == 0;
  for (const struct _inittab* p = PyImport_Inittab; p->name != nullptr; ++p) {
    PyObject* s = ok ? PyUnicode_FromString(p->name) : nullptr;
    ok = s != nullptr && PyList_Append(names, s) == 0;
    Py_XDECREF(s);
  }
  PyObject* r = ok ? PyRun_String(kInittabFinder, Py_file_input, globals, globals) : nullptr;
  Py_XDECREF(r);
  Py_XDECREF(names);
  Py_XDECREF(create);
  Py_XDECREF(exec);
  Py_XDECREF(globals);
  return r != nullptr;
}

}  // namespace

extern "C" {

void Py_InitializeEx(int initsigs) {
  switch (runtimeState()) {
    case RuntimeState::kRunning:
      return;
    case RuntimeState::kFinalizing:
      // The heap outlives Py_FinalizeEx (the process is expected to end);
      // Tern cannot start a second runtime in the same process.
      std::fprintf(stderr, "Fatal Python error: Py_Initialize: Tern cannot initialize again after Py_FinalizeEx\n");
      std::abort();
    case RuntimeState::kNotStarted:
      break;
  }
  std::string error;
  Config c = embedderConfig(&error);
  if (!error.empty()) {
    std::fprintf(stderr, "Fatal Python error: %s\nPython runtime state: preinitialized\n\n", error.c_str());
    std::exit(1);
  }
  if (!startEmbedded(c, narrow(embedder().program_name.c_str()), initsigs != 0)) {
    std::fprintf(stderr, "Fatal Python error: Py_Initialize: the runtime could not start\n");
    std::exit(1);
  }
  cpyext::initializeCpyext();
  if (!installInittab()) {
    PyErr_Print();
    Py_FatalError("Py_Initialize: cannot install the modules of PyImport_AppendInittab");
  }
  if (!cpyext::installEmbedderHooks()) {
    PyErr_Print();
    Py_FatalError("Py_Initialize: cannot install the audit and open-code hooks set before it");
  }
}

void Py_Initialize(void) { Py_InitializeEx(1); }

int Py_IsInitialized(void) { return runtimeState() == RuntimeState::kRunning ? 1 : 0; }

int _Py_IsFinalizing(void) { return runtimeState() == RuntimeState::kFinalizing ? 1 : 0; }

int Py_FinalizeEx(void) {
  if (runtimeState() != RuntimeState::kRunning) return 0;
  return finishEmbedded();
}

void Py_Finalize(void) { Py_FinalizeEx(); }

void Py_Exit(int status) {
  if (Py_FinalizeEx() < 0) status = 120;
  std::exit(status);
}

// A terminal, or (under -i) a file named as standard input.
int Py_FdIsInteractive(FILE* fp, const char* filename) {
  if (::isatty(fileno(fp))) return 1;
  if (Py_InteractiveFlag == 0) return 0;
  return filename == nullptr || std::strcmp(filename, "<stdin>") == 0 || std::strcmp(filename, "???") == 0;
}

// `tern` itself: the command line of the `python3.11` program.
int Py_BytesMain(int argc, char** argv) { return tern::main(argc, argv); }

int Py_Main(int argc, wchar_t** argv) {
  std::vector<std::string> args;
  std::vector<char*> pointers;
  args.reserve(static_cast<size_t>(argc));
  for (int i = 0; i < argc; ++i) args.push_back(narrow(argv[i]));
  for (std::string& a : args) pointers.push_back(a.data());
  pointers.push_back(nullptr);
  return tern::main(argc, pointers.data());
}

// --- names and paths ----------------------------------------------------------

void Py_SetProgramName(const wchar_t* name) {
  if (name != nullptr && *name != 0) embedder().program_name = name;
}
wchar_t* Py_GetProgramName(void) { return embedder().program_name.data(); }

// Stored and returned; Tern's library paths are Debian's python3.11's
// (docs/cpyext.md, "Embedding").
void Py_SetPythonHome(const wchar_t* home) {
  embedder().has_home = home != nullptr;
  embedder().python_home = home != nullptr ? home : L"";
}
wchar_t* Py_GetPythonHome(void) {
  if (embedder().has_home) return embedder().python_home.data();
  const char* env = Py_IgnoreEnvironmentFlag != 0 ? nullptr : std::getenv("PYTHONHOME");
  if (env == nullptr || *env == '\0') return nullptr;
  embedder().python_home = decodeUtf8(env);
  return embedder().python_home.data();
}
// Before Py_Initialize, as CPython 3.11 (deprecated there).
void Py_SetPath(const wchar_t* path) {
  embedder().path_set = path != nullptr;
  embedder().path = path != nullptr ? path : kDefaultPath;
  embedder().prefix = path != nullptr ? L"" : L"/usr";
}

// Before Py_Initialize (too late after it: -1, as CPython); null leaves that
// half to PYTHONIOENCODING and the default.
int Py_SetStandardStreamEncoding(const char* encoding, const char* errors) {
  if (Py_IsInitialized()) return -1;
  if (encoding != nullptr) embedder().stdio_encoding = encoding;
  if (errors != nullptr) embedder().stdio_errors = errors;
  return 0;
}

wchar_t* Py_GetPrefix(void) { return embedder().prefix.data(); }
wchar_t* Py_GetExecPrefix(void) { return embedder().prefix.data(); }
wchar_t* Py_GetPath(void) { return embedder().path.data(); }

wchar_t* Py_GetProgramFullPath(void) {
  PyObject* exe = Py_IsInitialized() ? PySys_GetObject("executable") : nullptr;
  if (exe != nullptr && PyUnicode_Check(exe)) {
    embedder().full_path = decodeUtf8(PyUnicode_AsUTF8(exe));
  }
  PyErr_Clear();
  return embedder().full_path.data();
}

const char* Py_GetPlatform(void) { return "linux"; }
const char* Py_GetCompiler(void) { return "[GCC " __VERSION__ "]"; }
const char* Py_GetBuildInfo(void) { return "tern, " __DATE__; }
const char* Py_GetCopyright(void) {
  return "Copyright (c) 2001-2023 Python Software Foundation.\nAll Rights Reserved.\n\n"
         "Copyright (c) 2000 BeOpen.com.\nAll Rights Reserved.\n\n"
         "Copyright (c) 1995-2001 Corporation for National Research Initiatives.\nAll Rights Reserved.\n\n"
         "Copyright (c) 1991-1995 Stichting Mathematisch Centrum, Amsterdam.\nAll Rights Reserved.";
}

// --- sys.argv -------------------------------------------------------------------

// sys.argv from the embedder's arguments; with `updatepath`, sys.path[0] as
// CPython 3.11 computes it from argv[0]: the script's directory (links
// resolved), "" for -c or no script, the current directory for -m.
void PySys_SetArgvEx(int argc, wchar_t** argv, int updatepath) { setArgv(argc, argv, updatepath); }
void PySys_SetArgv(int argc, wchar_t** argv) { setArgv(argc, argv, Py_IsolatedFlag == 0); }

// The embedder's built-in modules, found by the finder above.  Tern's own
// built-in modules are native modules of the runtime, not init functions, so
// the table starts empty; an embedder may point it at a table of its own
// before Py_Initialize, as in CPython.
struct _inittab* PyImport_Inittab = kEmptyInittab;

// Frozen modules are CPython bytecode, which Tern does not run: none, as an
// embedder that sets no table of its own has in CPython 3.11.
const struct _frozen* PyImport_FrozenModules = nullptr;

int PyImport_AppendInittab(const char* name, PyObject* (*initfunc)(void)) {
  if (Py_IsInitialized()) Py_FatalError("PyImport_AppendInittab() may not be called after Py_Initialize()");
  if (name == nullptr || initfunc == nullptr) return -1;
  struct _inittab entry[2] = {{name, initfunc}, {nullptr, nullptr}};
  return PyImport_ExtendInittab(entry);
}

// Copies PyImport_Inittab and `newtab` into a table of its own (the names
// are not copied: the caller keeps them, as in CPython).
int PyImport_ExtendInittab(struct _inittab* newtab) {
  if (Py_IsInitialized()) Py_FatalError("PyImport_ExtendInittab() may not be called after Py_Initialize()");
  std::vector<struct _inittab> table;
  for (const struct _inittab* p = PyImport_Inittab; p->name != nullptr; ++p) table.push_back(*p);
  for (const struct _inittab* p = newtab; p != nullptr && p->name != nullptr; ++p) table.push_back(*p);
  table.push_back({nullptr, nullptr});
  embedder().inittab = std::move(table);
  PyImport_Inittab = embedder().inittab.data();
  return 0;
}

// --- -W and -X options from C ------------------------------------------------------
// Before Py_Initialize they are the embedded runtime's options; afterwards
// they only change sys.warnoptions / sys._xoptions, as in CPython.

void PySys_AddWarnOptionUnicode(PyObject* option) { addWarnOption(option); }

void PySys_AddWarnOption(const wchar_t* option) {
  if (option == nullptr) return;
  if (!Py_IsInitialized()) {
    embedder().warnoptions.push_back(narrow(option));
    return;
  }
  PyObject* s = PyUnicode_DecodeFSDefault(narrow(option).c_str());
  if (s == nullptr) {
    PyErr_Clear();
    return;
  }
  addWarnOption(s);
  Py_DECREF(s);
}

void PySys_ResetWarnOptions(void) {
  if (!Py_IsInitialized()) {
    embedder().warnoptions.clear();
    return;
  }
  PyObject* list = PySys_GetObject("warnoptions");
  if (list != nullptr && PyList_Check(list) && PyList_SetSlice(list, 0, PyList_GET_SIZE(list), nullptr) < 0) {
    PyErr_Clear();
  }
}

int PySys_HasWarnOptions(void) {
  if (!Py_IsInitialized()) return embedder().warnoptions.empty() ? 0 : 1;
  PyObject* list = PySys_GetObject("warnoptions");
  return list != nullptr && PyList_Check(list) && PyList_GET_SIZE(list) > 0 ? 1 : 0;
}

// "NAME" (True) or "NAME=VALUE".
void PySys_AddXOption(const wchar_t* option) {
  if (option == nullptr) return;
  std::string x = narrow(option);
  if (!Py_IsInitialized()) {
    embedder().xoptions.push_back(x);
    return;
  }
  PyObject* options = PySys_GetObject("_xoptions");
  if (options == nullptr || !PyDict_Check(options)) return;
  size_t eq = x.find('=');
  PyObject* value = eq == std::string::npos ? Py_NewRef(Py_True) : PyUnicode_FromString(x.substr(eq + 1).c_str());
  if (value == nullptr || PyDict_SetItemString(options, x.substr(0, eq).c_str(), value) < 0) PyErr_Clear();
  Py_XDECREF(value);
}

// --- the locale encoding (always UTF-8 with surrogateescape under Tern) ----------

// The locale the environment (LC_ALL, LC_xxx, LANG) asks for, set for one
// category; the name setlocale gives, or NULL.  (readline sets LC_CTYPE so.)
Py_EXPORTED_SYMBOL char* _Py_SetLocaleFromEnv(int category) { return setlocale(category, ""); }

wchar_t* Py_DecodeLocale(const char* arg, size_t* size) {
  if (arg == nullptr) {
    if (size != nullptr) *size = static_cast<size_t>(-2);
    return nullptr;
  }
  std::wstring w = decodeUtf8(arg);
  wchar_t* out = rawWideCopy(w);
  if (size != nullptr) *size = out == nullptr ? static_cast<size_t>(-1) : w.size();
  return out;
}

char* Py_EncodeLocale(const wchar_t* text, size_t* error_pos) {
  std::string out;
  size_t at = 0;
  if (!encodeUtf8(text, &out, &at)) {
    if (error_pos != nullptr) *error_pos = at;
    return nullptr;
  }
  auto* copy = static_cast<char*>(PyMem_Malloc(out.size() + 1));
  if (copy == nullptr) {
    if (error_pos != nullptr) *error_pos = static_cast<size_t>(-1);
    return nullptr;
  }
  std::memcpy(copy, out.c_str(), out.size() + 1);
  if (error_pos != nullptr) *error_pos = static_cast<size_t>(-1);
  return copy;
}

}  // extern "C"
