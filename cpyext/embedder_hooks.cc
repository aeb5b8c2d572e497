// Hooks C gives the runtime for good: audit hooks (PySys_AddAuditHook,
// PEP 578) and the open-code hook (PyFile_SetOpenCodeHook).  Both may be set
// before Py_Initialize, as embedders do; installEmbedderHooks() puts them in
// place once the runtime runs.
//
// A C audit hook becomes a builtin function on sys.addaudithook's list, so
// it hears the events sys.audit() raises, after the hooks added before it
// (CPython calls C hooks before Python ones).  The open-code hook becomes
// io.open_code (and _io.open_code, which importlib calls to read source and
// bytecode), so PyFile_OpenCode, io.open_code and imports go through it.
#include <utility>
#include <vector>

#include "Python.h"

namespace {

struct AuditHook {
  Py_AuditHookFunction fn;
  void* data;
};

// Hooks added before the runtime started, installed by installEmbedderHooks.
std::vector<AuditHook>& pendingAuditHooks() {
  static auto* hooks = new std::vector<AuditHook>();
  return *hooks;
}

Py_OpenCodeHookFunction g_open_code = nullptr;
void* g_open_code_data = nullptr;

// (event, args): what sys.audit gives each hook.
PyObject* callAuditHook(PyObject* capsule, PyObject* const* args, Py_ssize_t nargs) {
  auto* hook = static_cast<AuditHook*>(PyCapsule_GetPointer(capsule, nullptr));
  if (hook == nullptr) return nullptr;
  const char* event = nargs == 2 ? PyUnicode_AsUTF8(args[0]) : nullptr;
  if (event == nullptr) {
    if (!PyErr_Occurred()) PyErr_SetString(PyExc_TypeError, "an audit hook takes (event, args)");
    return nullptr;
  }
  if (hook->fn(event, args[1], hook->data) != 0) {
    if (!PyErr_Occurred()) PyErr_SetString(PyExc_SystemError, "audit hook failed without setting an exception");
    return nullptr;
  }
  Py_RETURN_NONE;
}

PyMethodDef kAuditHookDef = {.ml_name = "c_audit_hook",
                             .ml_meth = reinterpret_cast<PyCFunction>(reinterpret_cast<void*>(callAuditHook)),
                             .ml_flags = METH_FASTCALL,
                             .ml_doc = nullptr};

// sys.addaudithook(<the C hook>): 0, also when a hook vetoes it with an
// Exception (cleared, as CPython); -1 for other errors.
int addAuditHook(AuditHook hook) {
  PyObject* capsule = PyCapsule_New(new AuditHook(hook), nullptr, nullptr);
  PyObject* fn = capsule == nullptr ? nullptr : PyCFunction_New(&kAuditHookDef, capsule);
  Py_XDECREF(capsule);
  PyObject* sys = fn == nullptr ? nullptr : PyImport_ImportModule("sys");
  PyObject* r = sys == nullptr ? nullptr : PyObject_CallMethod(sys, "addaudithook", "O", fn);
  Py_XDECREF(sys);
  Py_XDECREF(fn);
  if (r == nullptr) {
    if (!PyErr_ExceptionMatches(PyExc_Exception)) return -1;
    PyErr_Clear();
    return 0;
  }
  Py_DECREF(r);
  return 0;
}

PyObject* openCode(PyObject*, PyObject* path) {
  if (!PyUnicode_Check(path)) {
    return PyErr_Format(PyExc_TypeError, "open_code() argument 'path' must be str, not %.200s", Py_TYPE(path)->tp_name);
  }
  return g_open_code(path, g_open_code_data);
}

PyMethodDef kOpenCodeDef = {.ml_name = "open_code",
                            .ml_meth = openCode,
                            .ml_flags = METH_O,
                            .ml_doc = "Opens the provided file with the intent to import the contents."};

bool installOpenCodeHook() {
  PyObject* fn = PyCFunction_New(&kOpenCodeDef, nullptr);
  if (fn == nullptr) return false;
  bool ok = true;
  for (const char* name : {"_io", "io"}) {
    PyObject* module = PyImport_ImportModule(name);
    ok = ok && module != nullptr && PyObject_SetAttrString(module, "open_code", fn) == 0;
    Py_XDECREF(module);
  }
  Py_DECREF(fn);
  return ok;
}

}  // namespace

namespace tern::cpyext {

// Py_Initialize, once the runtime runs: the hooks set before it.
bool installEmbedderHooks() {
  std::vector<AuditHook> hooks = std::move(pendingAuditHooks());
  pendingAuditHooks().clear();
  for (const AuditHook& hook : hooks) {
    if (addAuditHook(hook) < 0) return false;
  }
  return g_open_code == nullptr || installOpenCodeHook();
}

}  // namespace tern::cpyext

extern "C" {

int PySys_AddAuditHook(Py_AuditHookFunction hook, void* userData) {
  if (hook == nullptr) return -1;
  if (!Py_IsInitialized()) {
    pendingAuditHooks().push_back({hook, userData});
    return 0;
  }
  return addAuditHook({hook, userData});
}

// Once per process, as in CPython: a second hook is refused.
int PyFile_SetOpenCodeHook(Py_OpenCodeHookFunction hook, void* userData) {
  bool running = Py_IsInitialized() != 0;
  if (running && PySys_Audit("setopencodehook", nullptr) < 0) return -1;
  if (g_open_code != nullptr) {
    if (running) PyErr_SetString(PyExc_SystemError, "failed to change existing open_code hook");
    return -1;
  }
  g_open_code = hook;
  g_open_code_data = userData;
  return running && !installOpenCodeHook() ? -1 : 0;
}

}  // extern "C"
