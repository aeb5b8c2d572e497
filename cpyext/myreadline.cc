// cpyext: the line-input hooks of CPython's Parser/myreadline.c, which
// Debian's readline module installs itself into:
//
//   PyOS_ReadlineFunctionPointer  the function that reads one line (the
//                                 readline module sets it to GNU readline;
//                                 by default PyOS_StdioReadline);
//   PyOS_InputHook                called while waiting for input (Tkinter's
//                                 event loop); NULL by default;
//   _PyOS_ReadlineTState          the thread state of the thread reading, so
//                                 the reader can take the GIL back to run
//                                 signal handlers while it waits.
//
// PyOS_Readline calls the function with the GIL released and returns the
// line (with its newline; "" at end of file) in PyMem_Malloc memory, or NULL
// with KeyboardInterrupt (or what a signal handler raised) pending.  Tern's
// input() and interactive prompt read sys.stdin themselves, except on a
// terminal once an extension (the readline module) has installed a reader
// here: then they go through PyOS_Readline (readTerminal, builtins.h's
// g_terminal_reader), for GNU readline's line editing and history.
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "Python.h"
#include "cpyext/proxy.h"
#include "cpyext/pystate.h"
#include "runtime/interp/errors.h"
#include "runtime/modules/builtins.h"

extern "C" {

Py_EXPORTED_SYMBOL PyThreadState* _PyOS_ReadlineTState = nullptr;
int (*PyOS_InputHook)(void) = nullptr;
char* (*PyOS_ReadlineFunctionPointer)(FILE*, FILE*, const char*) = nullptr;

// The default reader: the prompt on `out`, then one line of `in` of any
// length, in PyMem_RawMalloc memory.  Called without the GIL.
Py_EXPORTED_SYMBOL char* PyOS_StdioReadline(FILE* in, FILE* out, const char* prompt) {
  if (prompt != nullptr && *prompt != '\0') {
    std::fputs(prompt, out != nullptr ? out : stderr);
  }
  std::fflush(out != nullptr ? out : stderr);
  size_t cap = 128, len = 0;
  auto* line = static_cast<char*>(PyMem_RawMalloc(cap));
  if (line == nullptr) return nullptr;
  for (;;) {
    if (PyOS_InputHook != nullptr) PyOS_InputHook();
    errno = 0;
    clearerr(in);
    if (std::fgets(line + len, static_cast<int>(cap - len), in) == nullptr) {
      if (errno == EINTR) {
        // A signal: its handler runs with the GIL, and may raise.
        PyEval_RestoreThread(_PyOS_ReadlineTState);
        int failed = PyErr_CheckSignals();
        PyEval_SaveThread();
        if (failed < 0) {
          PyMem_RawFree(line);
          return nullptr;
        }
        continue;
      }
      line[len] = '\0';  // end of file: what was read, maybe ""
      return line;
    }
    len += std::strlen(line + len);
    if (len > 0 && line[len - 1] == '\n') return line;
    if (len + 1 < cap) continue;  // a NUL byte in the input: keep reading
    if (cap > static_cast<size_t>(PY_SSIZE_T_MAX) / 2) {
      PyMem_RawFree(line);
      return nullptr;
    }
    cap *= 2;
    auto* grown = static_cast<char*>(PyMem_RawRealloc(line, cap));
    if (grown == nullptr) {
      PyMem_RawFree(line);
      return nullptr;
    }
    line = grown;
  }
}

char* PyOS_Readline(FILE* in, FILE* out, const char* prompt) {
  if (_PyOS_ReadlineTState == PyThreadState_Get()) {
    PyErr_SetString(PyExc_RuntimeError, "can't re-enter readline");
    return nullptr;
  }
  char* (*reader)(FILE*, FILE*, const char*) = PyOS_ReadlineFunctionPointer;
  if (reader == nullptr) reader = PyOS_StdioReadline;
  // GNU readline wants a terminal; anything else is read with stdio.
  if (!isatty(fileno(in)) || !isatty(fileno(out))) reader = PyOS_StdioReadline;
  _PyOS_ReadlineTState = PyThreadState_Get();
  PyThreadState* saved = PyEval_SaveThread();
  char* raw = reader(in, out, prompt);
  PyEval_RestoreThread(saved);
  _PyOS_ReadlineTState = nullptr;
  if (raw == nullptr) {
    if (!PyErr_Occurred()) PyErr_SetNone(PyExc_KeyboardInterrupt);
    return nullptr;
  }
  size_t n = std::strlen(raw) + 1;
  auto* line = static_cast<char*>(PyMem_Malloc(n));
  if (line != nullptr) std::memcpy(line, raw, n);
  PyMem_RawFree(raw);
  if (line == nullptr) PyErr_NoMemory();
  return line;
}

}  // extern "C"

namespace tern::cpyext {

bool readTerminal(const char* prompt, Value* line) {
  if (PyOS_ReadlineFunctionPointer == nullptr) return false;
  char* raw;
  {
    CCallScope scope;
    raw = PyOS_Readline(stdin, stdout, prompt);
  }
  *line = Value();
  if (raw == nullptr) return true;  // KeyboardInterrupt or a signal handler's exception pending
  size_t n = std::strlen(raw);
  if (n == 0) {
    raise(exc::EOFError, "EOF when reading a line");
  } else {
    if (raw[n - 1] == '\n') n--;
    // As the terminal's stdin decodes: UTF-8, undecodable bytes kept as
    // surrogates.
    PyObject* text = PyUnicode_DecodeUTF8(raw, static_cast<Py_ssize_t>(n), "surrogateescape");
    if (text != nullptr) *line = takeNew(text);
  }
  PyMem_Free(raw);
  return true;
}

void installTerminalReader() { g_terminal_reader = readTerminal; }

}  // namespace tern::cpyext
