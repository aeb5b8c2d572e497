// Locating the pending exception in a source file, and reading a source line
// (CPython's Python/errors.c: PyErr_SyntaxLocation*, PyErr_ProgramText*).
//
// The location becomes attributes of the pending exception (lineno, offset,
// end_lineno, end_offset, filename and the line as text), each failure to
// set one ignored, as CPython ignores them; an exception that is not exactly
// a SyntaxError also gets `msg` (its str) and `print_file_and_line` (None)
// when it lacks them.  The forms without an end give the line as end_lineno
// and None as end_offset, as CPython's do.  Without a pending exception these raise SystemError.
//
// The line's text is what CPython's reader gives: line `lineno` (from 1)
// after universal-newline translation, its '\n' included, strict UTF-8 and
// cut at a NUL byte, or NULL without an exception when the file cannot be
// read, has no such line, or is not UTF-8.  CPython reads a line in chunks
// of 999 bytes and keeps the last one: so does this.
#include <cstdio>
#include <string>

#include "Python.h"

namespace {

// CPython's line buffer: fgets into 1,000 bytes reads 999 at a time.
constexpr size_t kChunk = 999;

// The next character with "\r\n" and "\r" read as "\n"; EOF at the end.
int universalGetc(FILE* fp) {
  int c = getc(fp);
  if (c != '\r') return c;
  int next = getc(fp);
  if (next != '\n' && next != EOF) ungetc(next, fp);
  return '\n';
}

// Reads the next chunk of a line into `chunk`: up to kChunk characters,
// ending after a '\n'.  False at the end of the file with nothing read.
bool readChunk(FILE* fp, std::string* chunk) {
  chunk->clear();
  while (chunk->size() < kChunk) {
    int c = universalGetc(fp);
    if (c == EOF) break;
    chunk->push_back(static_cast<char>(c));
    if (c == '\n') break;
  }
  return !chunk->empty();
}

// The last chunk of line `lineno`, false when the file ends before it does.
bool lastChunkOfLine(FILE* fp, int lineno, std::string* chunk) {
  for (int line = 0; line < lineno; ++line) {
    do {
      if (!readChunk(fp, chunk)) return false;
    } while (chunk->size() == kChunk && chunk->back() != '\n');
  }
  return true;
}

// Sets attribute `name` of `exc` to `value` (a new reference, NULL: None),
// ignoring failures.
void setIgnoringErrors(PyObject* exc, const char* name, PyObject* value) {
  if (PyObject_SetAttrString(exc, name, value == nullptr ? Py_None : value) < 0) PyErr_Clear();
  Py_XDECREF(value);
}

// PyLong of n, or NULL (None) for a negative n.
PyObject* optionalInt(int n) {
  if (n < 0) return nullptr;
  PyObject* r = PyLong_FromLong(n);
  if (r == nullptr) PyErr_Clear();
  return r;
}

// Does `exc` lack attribute `name`?  (False when asking fails.)
bool lacks(PyObject* exc, const char* name) {
  PyObject* current = PyObject_GetAttrString(exc, name);
  if (current != nullptr) {
    Py_DECREF(current);
    return false;
  }
  bool missing = PyErr_ExceptionMatches(PyExc_AttributeError);
  PyErr_Clear();
  return missing;
}

}  // namespace

extern "C" {

PyObject* PyErr_ProgramTextObject(PyObject* filename, int lineno) {
  if (filename == nullptr || lineno <= 0) return nullptr;
  FILE* fp = _Py_fopen_obj(filename, "r");
  if (fp == nullptr) {
    PyErr_Clear();
    return nullptr;
  }
  std::string chunk;
  bool found = lastChunkOfLine(fp, lineno, &chunk);
  fclose(fp);
  if (!found) return nullptr;
  PyObject* text = PyUnicode_FromString(chunk.c_str());
  if (text == nullptr) PyErr_Clear();
  return text;
}

PyObject* PyErr_ProgramText(const char* filename, int lineno) {
  if (filename == nullptr) return nullptr;
  PyObject* name = PyUnicode_DecodeFSDefault(filename);
  if (name == nullptr) {
    PyErr_Clear();
    return nullptr;
  }
  PyObject* text = PyErr_ProgramTextObject(name, lineno);
  Py_DECREF(name);
  return text;
}

void PyErr_RangedSyntaxLocationObject(PyObject* filename, int lineno, int col_offset, int end_lineno,
                                      int end_col_offset) {
  PyObject *type, *exc, *tb;
  PyErr_Fetch(&type, &exc, &tb);
  if (type == nullptr) {
    PyErr_SetString(PyExc_SystemError, "PyErr_SyntaxLocation: no exception is set");
    return;
  }
  PyErr_NormalizeException(&type, &exc, &tb);
  PyObject* line = PyLong_FromLong(lineno);
  if (line == nullptr) PyErr_Clear();
  setIgnoringErrors(exc, "lineno", line);
  setIgnoringErrors(exc, "offset", optionalInt(col_offset));
  setIgnoringErrors(exc, "end_lineno", optionalInt(end_lineno));
  setIgnoringErrors(exc, "end_offset", optionalInt(end_col_offset));
  if (filename != nullptr) {
    setIgnoringErrors(exc, "filename", Py_NewRef(filename));
    PyObject* text = PyErr_ProgramTextObject(filename, lineno);
    if (text != nullptr) setIgnoringErrors(exc, "text", text);
    PyErr_Clear();
  }
  if (type != PyExc_SyntaxError) {
    if (lacks(exc, "msg")) {
      PyObject* text = PyObject_Str(exc);
      if (text == nullptr) {
        PyErr_Clear();
      } else {
        setIgnoringErrors(exc, "msg", text);
      }
    }
    if (lacks(exc, "print_file_and_line")) setIgnoringErrors(exc, "print_file_and_line", Py_NewRef(Py_None));
  }
  PyErr_Restore(type, exc, tb);
}

void PyErr_SyntaxLocationObject(PyObject* filename, int lineno, int col_offset) {
  PyErr_RangedSyntaxLocationObject(filename, lineno, col_offset, lineno, -1);
}

void PyErr_SyntaxLocationEx(const char* filename, int lineno, int col_offset) {
  PyObject* name = nullptr;
  if (filename != nullptr) {
    PyObject *type, *exc, *tb;
    PyErr_Fetch(&type, &exc, &tb);
    name = PyUnicode_DecodeFSDefault(filename);
    if (name == nullptr) PyErr_Clear();
    PyErr_Restore(type, exc, tb);
  }
  PyErr_SyntaxLocationObject(name, lineno, col_offset);
  Py_XDECREF(name);
}

void PyErr_SyntaxLocation(const char* filename, int lineno) { PyErr_SyntaxLocationEx(filename, lineno, -1); }

}  // extern "C"
