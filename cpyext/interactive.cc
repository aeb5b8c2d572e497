// The interactive loop from C (PyRun_InteractiveOne*, PyRun_InteractiveLoop*;
// CPython's Python/pythonrun.c): statements read one at a time from a FILE*
// with PyOS_Readline and sys.ps1 / sys.ps2 as prompts, compiled in 'single'
// mode (expression values go to sys.displayhook) and run in __main__.
//
// CPython's tokenizer knows when an interactive statement is complete; Tern
// reads lines until the statement compiles, as the compiler tells (a block
// header still without its body, a bracket still open, a triple-quoted
// string still unterminated, a line continued by a backslash: an error at
// the end of the input), and a compound statement (its first line ends with
// ':' or is a decorator) until a blank line, as at CPython's prompt.
#include <cstring>
#include <string>

#include "Python.h"
#include "errcode.h"

namespace {

// sys.<name> as UTF-8 (str() of it), or "" when unset.
std::string promptOf(const char* name) {
  PyObject* v = PySys_GetObject(name);
  PyObject* s = v == nullptr ? nullptr : PyObject_Str(v);
  const char* utf8 = s == nullptr ? nullptr : PyUnicode_AsUTF8(s);
  std::string prompt = utf8 == nullptr ? "" : utf8;
  Py_XDECREF(s);
  PyErr_Clear();
  return prompt;
}

// A line of `fp` with its newline, "" at the end of the file; false with
// the exception PyOS_Readline raised (KeyboardInterrupt).
bool readLine(FILE* fp, const std::string& prompt, std::string* line) {
  char* raw = PyOS_Readline(fp, stdout, prompt.c_str());
  if (raw == nullptr) return false;
  line->assign(raw);
  PyMem_Free(raw);
  return true;
}

bool isBlank(const std::string& line) { return line.find_first_not_of(" \t\f\r\n") == std::string::npos; }

// The first line opens a block: the statement goes on until a blank line.
bool opensBlock(const std::string& source) {
  std::string first = source.substr(0, source.find('\n'));
  size_t start = first.find_first_not_of(" \t");
  size_t end = first.find_last_not_of(" \t\r");
  if (start == std::string::npos) return false;
  return first[start] == '@' || first[end] == ':';
}

// The pending SyntaxError says the input ended too early.
bool endsTooEarly() {
  if (!PyErr_ExceptionMatches(PyExc_SyntaxError)) return false;
  PyObject *type, *value, *tb;
  PyErr_Fetch(&type, &value, &tb);
  PyErr_NormalizeException(&type, &value, &tb);
  PyObject* msg = value == nullptr ? nullptr : PyObject_GetAttrString(value, "msg");
  const char* text = msg == nullptr || !PyUnicode_Check(msg) ? nullptr : PyUnicode_AsUTF8(msg);
  bool early = text != nullptr &&
               (std::strstr(text, "unexpected EOF") != nullptr || std::strstr(text, "was never closed") != nullptr ||
                std::strstr(text, "expected an indented block") != nullptr ||
                std::strstr(text, "unterminated triple-quoted") != nullptr);
  Py_XDECREF(msg);
  PyErr_Restore(type, value, tb);
  return early;
}

void flushStandardStreams() {
  for (const char* name : {"stderr", "stdout"}) {
    PyObject* f = PySys_GetObject(name);
    PyObject* r = f == nullptr || f == Py_None ? nullptr : PyObject_CallMethod(f, "flush", nullptr);
    Py_XDECREF(r);
  }
  PyErr_Clear();
}

// One statement: 0 when it ran, E_EOF at the end of the file, -1 with the
// exception pending (reading, compiling or running).
int interactiveOne(FILE* fp, PyObject* filename, PyCompilerFlags* flags) {
  std::string ps1 = promptOf("ps1"), ps2 = promptOf("ps2");
  std::string source, line;
  for (;;) {
    if (!readLine(fp, source.empty() ? ps1 : ps2, &line)) return -1;
    bool eof = line.empty();
    if (eof && source.empty()) return E_EOF;
    source += line;
    if (isBlank(source) && !eof) return 0;  // an empty line at the first prompt
    bool last = eof || isBlank(line);
    PyObject* code = Py_CompileStringObject(source.c_str(), filename, Py_single_input, flags, -1);
    if (code == nullptr) {
      if (!last && endsTooEarly()) {
        PyErr_Clear();
        continue;
      }
      return -1;
    }
    if (!last && opensBlock(source)) {
      Py_DECREF(code);
      continue;
    }
    PyObject* main = PyImport_AddModule("__main__");
    PyObject* globals = main == nullptr ? nullptr : PyModule_GetDict(main);
    PyObject* r = globals == nullptr ? nullptr : PyEval_EvalCode(code, globals, globals);
    Py_DECREF(code);
    if (r == nullptr) return -1;
    Py_DECREF(r);
    flushStandardStreams();
    return 0;
  }
}

// sys.<name> = value unless it is set.
void setDefaultPrompt(const char* name, const char* value) {
  if (PySys_GetObject(name) != nullptr) return;
  PyObject* v = PyUnicode_FromString(value);
  if (v == nullptr || PySys_SetObject(name, v) < 0) PyErr_Clear();
  Py_XDECREF(v);
}

}  // namespace

extern "C" {

int PyRun_InteractiveOneObject(FILE* fp, PyObject* filename, PyCompilerFlags* flags) {
  int r = interactiveOne(fp, filename, flags);
  if (r == -1) {
    PyErr_Print();
    flushStandardStreams();
  }
  return r;
}

int PyRun_InteractiveOneFlags(FILE* fp, const char* filename, PyCompilerFlags* flags) {
  PyObject* name = PyUnicode_DecodeFSDefault(filename);
  if (name == nullptr) {
    PyErr_Print();
    return -1;
  }
  int r = PyRun_InteractiveOneObject(fp, name, flags);
  Py_DECREF(name);
  return r;
}

int(PyRun_InteractiveOne)(FILE* fp, const char* filename) { return PyRun_InteractiveOneFlags(fp, filename, nullptr); }

// Statements until the end of the file, each error printed (sys.ps1 and
// sys.ps2 get ">>> " and "... " when unset, as in CPython); 0, or -1 after
// 16 MemoryErrors in a row.
int PyRun_InteractiveLoopFlags(FILE* fp, const char* filename, PyCompilerFlags* flags) {
  PyObject* name = PyUnicode_DecodeFSDefault(filename);
  if (name == nullptr) {
    PyErr_Print();
    return -1;
  }
  setDefaultPrompt("ps1", ">>> ");
  setDefaultPrompt("ps2", "... ");
  int err = 0, memory_errors = 0, r;
  do {
    r = interactiveOne(fp, name, flags);
    if (r == -1 && PyErr_Occurred()) {
      memory_errors = PyErr_ExceptionMatches(PyExc_MemoryError) ? memory_errors + 1 : 0;
      if (memory_errors > 16) {
        PyErr_Clear();
        err = -1;
        break;
      }
      PyErr_Print();
      flushStandardStreams();
    } else {
      memory_errors = 0;
    }
  } while (r != E_EOF);
  Py_DECREF(name);
  return err;
}

int(PyRun_InteractiveLoop)(FILE* fp, const char* filename) { return PyRun_InteractiveLoopFlags(fp, filename, nullptr); }

}  // extern "C"
