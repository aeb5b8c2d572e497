// The sys module and process-level services as C sees them (CPython's
// Python/sysmodule.c, Python/pylifecycle.c, Python/pystate.c's PyState_*,
// Modules/signalmodule.c's interrupt helpers).
// clang-format off
#include "Python.h"  // first: it sets feature macros the C headers read
#include <csignal>
// clang-format on
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <string>
#include <vector>

#include "cpyext/proxy.h"
#include "cpyext/proxy_internal.h"
#include "runtime/interp/errors.h"
#include "runtime/interp/gil.h"
#include "runtime/interp/runtime.h"
#include "runtime/modules/_signal.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/exceptions.h"
#include "runtime/objects/str.h"

using namespace tern;
using namespace tern::cpyext;

namespace {

Value sysDict() { return lookupAttr(sysModule(), internStr("__dict__")); }

// Writes `text` to sys.<name> (stdout or stderr), or to `fallback` when that
// is missing or fails, keeping any pending exception as it was (CPython's
// sys_write_str).
void writeTo(const char* name, FILE* fallback, Value text) {
  Value saved = takeError();
  bool written = false;
  Value file = text.isNull() ? Value() : lookupAttr(sysModule(), internStr(name));
  if (!file.isNull() && !isNone(file)) {
    Value r = callMethod(file, internStr("write"), &text, 1);
    written = !r.isNull();
  }
  if (!written && !text.isNull()) {
    std::string s = strToUtf8(text);
    std::fputs(s.c_str(), fallback);
  }
  clearError();
  if (!saved.isNull()) restoreError(saved);
}

// PySys_WriteStdout / WriteStderr: at most 1000 bytes of the formatted text,
// then "... truncated" if there was more.
void writeFormatted(const char* name, FILE* fallback, const char* format, va_list ap) {
  char buffer[1001];
  int n = std::vsnprintf(buffer, sizeof buffer, format, ap);
  Value saved = takeError();
  Value text = newStr(buffer);
  if (text.isNull()) {
    clearError();
    std::fputs(buffer, fallback);
  } else {
    writeTo(name, fallback, text);
  }
  if (n < 0 || static_cast<size_t>(n) >= sizeof buffer) writeTo(name, fallback, newStr("... truncated"));
  if (!saved.isNull()) restoreError(saved);
}

void formatTo(const char* name, FILE* fallback, const char* format, va_list ap) {
  Value saved = takeError();
  PyObject* text = PyUnicode_FromFormatV(format, ap);
  if (text == nullptr) {
    clearError();
  } else {
    writeTo(name, fallback, fromC(text));
    Py_DECREF(text);
  }
  if (!saved.isNull()) restoreError(saved);
}

// Single-phase modules by PyModuleDef.m_base.m_index (PyState_*): owned
// references, so they stay alive (a proxy whose count is above zero is a root).
std::vector<PyObject*>& stateModules() {
  static auto* modules = new std::vector<PyObject*>(1, nullptr);  // index 0: none
  return *modules;
}

Py_ssize_t indexOf(PyModuleDef* def) {
  if (def->m_base.m_index == 0) {
    def->m_base.m_index = static_cast<Py_ssize_t>(stateModules().size());
    stateModules().push_back(nullptr);
  }
  return def->m_base.m_index;
}

std::mutex g_atexit_mutex;
std::vector<void (*)(void)> g_atexit;

void runAtExit() {
  std::vector<void (*)(void)> functions;
  {
    std::lock_guard lock(g_atexit_mutex);
    functions.swap(g_atexit);
  }
  for (auto it = functions.rbegin(); it != functions.rend(); ++it) (*it)();
}

}  // namespace

extern "C" {

// --- sys ----------------------------------------------------------------------

PyObject* PySys_GetObject(const char* name) {
  Value saved = takeError();
  Value d = sysDict();
  Value v = d.isNull() ? Value() : dictGetStr(d, internStr(name));
  clearError();
  if (!saved.isNull()) restoreError(saved);
  if (v.isNull()) return nullptr;
  PyObject* owner = toNew(sysModule());
  PyObject* r = toBorrowed(owner, v);
  Py_DECREF(owner);
  return r;
}

PyObject* _PySys_GetAttr(PyThreadState*, PyObject* name) {
  Value d = sysDict();
  if (d.isNull()) return nullptr;
  Value v = dictGet(d, fromC(name));
  if (v.isNull()) return nullptr;
  PyObject* owner = toNew(sysModule());
  PyObject* r = toBorrowed(owner, v);
  Py_DECREF(owner);
  return r;
}

int PySys_SetObject(const char* name, PyObject* v) {
  Value d = sysDict();
  if (d.isNull()) return -1;
  Value key = internStr(name);
  if (v == nullptr) {
    if (dictGetStr(d, key).isNull()) {
      clearError();
      return 0;
    }
    return dictDel(d, key) < 0 ? -1 : 0;
  }
  return dictSet(d, key, fromC(v)) < 0 ? -1 : 0;
}

PyObject* PySys_GetXOptions(void) {
  PyObject* r = PySys_GetObject("_xoptions");
  if (r != nullptr) return r;
  Value d = newDict();
  PyObject* p = toNew(d);
  int rc = PySys_SetObject("_xoptions", p);
  Py_DECREF(p);
  return rc < 0 ? nullptr : PySys_GetObject("_xoptions");
}

void PySys_WriteStdout(const char* format, ...) {
  va_list ap;
  va_start(ap, format);
  writeFormatted("stdout", stdout, format, ap);
  va_end(ap);
}

void PySys_WriteStderr(const char* format, ...) {
  va_list ap;
  va_start(ap, format);
  writeFormatted("stderr", stderr, format, ap);
  va_end(ap);
}

void PySys_FormatStdout(const char* format, ...) {
  va_list ap;
  va_start(ap, format);
  formatTo("stdout", stdout, format, ap);
  va_end(ap);
}

void PySys_FormatStderr(const char* format, ...) {
  va_list ap;
  va_start(ap, format);
  formatTo("stderr", stderr, format, ap);
  va_end(ap);
}

// Audit hooks are not implemented: events reach nobody.
int PySys_Audit(const char*, const char*, ...) { return 0; }

// --- the interpreter's identity ---------------------------------------------------

const char* Py_GetVersion(void) {
  static char version[256];
  static std::once_flag once;
  std::call_once(once, [] {
    Value saved = takeError();
    Value v = lookupAttr(sysModule(), internStr("version"));
    std::string s = v.isNull() || !isStr(v) ? std::string(PY_VERSION) : strToUtf8(v);
    clearError();
    if (!saved.isNull()) restoreError(saved);
    std::snprintf(version, sizeof version, "%s", s.c_str());
  });
  return version;
}

// --- single-phase modules by definition ----------------------------------------------

PyObject* PyState_FindModule(PyModuleDef* def) {
  if (def == nullptr || def->m_slots != nullptr || def->m_base.m_index == 0) return nullptr;
  auto& modules = stateModules();
  Py_ssize_t i = def->m_base.m_index;
  return i < static_cast<Py_ssize_t>(modules.size()) ? modules[static_cast<size_t>(i)] : nullptr;
}

int PyState_AddModule(PyObject* module, PyModuleDef* def) {
  if (module == nullptr || def == nullptr) {
    raise(exc::SystemError, "PyState_AddModule: module or def is NULL");
    return -1;
  }
  if (def->m_slots != nullptr) {
    raise(exc::SystemError, "PyState_AddModule called on module with slots");
    return -1;
  }
  size_t i = static_cast<size_t>(indexOf(def));
  auto& modules = stateModules();
  Py_INCREF(module);
  PyObject* old = modules[i];
  modules[i] = module;
  Py_XDECREF(old);
  return 0;
}

int PyState_RemoveModule(PyModuleDef* def) {
  if (def->m_slots != nullptr) {
    raise(exc::SystemError, "PyState_RemoveModule called on module with slots");
    return -1;
  }
  auto& modules = stateModules();
  Py_ssize_t i = def->m_base.m_index;
  if (i == 0 || i >= static_cast<Py_ssize_t>(modules.size())) {
    raise(exc::SystemError, "PyState_RemoveModule: module index out of bounds.");
    return -1;
  }
  PyObject* old = modules[static_cast<size_t>(i)];
  modules[static_cast<size_t>(i)] = nullptr;
  Py_XDECREF(old);
  return 0;
}

// --- exit and fatal errors ---------------------------------------------------------

// Run at process exit, last registered first, after everything Python does at
// exit (the C library runs them once the runtime has finished).
int Py_AtExit(void (*func)(void)) {
  std::lock_guard lock(g_atexit_mutex);
  if (g_atexit.size() >= 32) return -1;  // NEXITFUNCS
  if (g_atexit.empty()) std::atexit(runAtExit);
  g_atexit.push_back(func);
  return 0;
}

[[noreturn]] void _Py_FatalErrorFunc(const char* func, const char* message) {
  std::fflush(stdout);
  if (func != nullptr) {
    std::fprintf(stderr, "Fatal Python error: %s: %s\n", func, message);
  } else {
    std::fprintf(stderr, "Fatal Python error: %s\n", message);
  }
  std::fflush(stderr);
  std::abort();
}

[[noreturn]] void _Py_FatalErrorFormat(const char* func, const char* format, ...) {
  char message[1024];
  va_list ap;
  va_start(ap, format);
  std::vsnprintf(message, sizeof message, format, ap);
  va_end(ap);
  _Py_FatalErrorFunc(func, message);
}

[[noreturn]] void(Py_FatalError)(const char* message) { _Py_FatalErrorFunc(nullptr, message); }

// --- interrupts ----------------------------------------------------------------

// On the main thread: has a signal with a Python handler (SIGINT's, normally)
// arrived that the handlers have not seen yet?  Tern tracks "some signal"
// only, and leaves it for the eval loop's next check (CPython resets SIGINT's
// flag here).
int PyOS_InterruptOccurred(void) {
  if (!interp::onMainThread()) return 0;
  return signalsTripped() ? 1 : 0;
}

int PyErr_SetInterruptEx(int signum) {
  if (signum < 1 || signum >= NSIG) return -1;
  simulateSignal(signum);
  return 0;
}

void PyErr_SetInterrupt(void) { PyErr_SetInterruptEx(SIGINT); }

}  // extern "C"
