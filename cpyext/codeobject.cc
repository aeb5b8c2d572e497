// Code objects from C (PyCode_*; CPython's Objects/codeobject.c) beyond the
// ones frameobject.cc keeps with frames and tracebacks.
//
// Tern's bytecode is its own, so PyCode_New and PyCode_NewWithPosOnlyArgs
// accept only an empty co_code: what Cython 3 passes for the code objects
// that name its functions (their signature, locals, file and line), which
// nothing runs.  Such a code object has no instructions, like
// PyCode_NewEmpty's.  CPython bytecode raises SystemError.
//
// An address (PyCode_Addr2Location) is twice an instruction's index, as
// PyFrame_GetLasti reports it and PyCode_Addr2Line reads it: CPython's
// byte offset of a 16-bit code unit.
#include "Python.h"
#include "cpyext/proxy.h"
#include "runtime/interp/code.h"
#include "runtime/interp/errors.h"
#include "runtime/interp/position_table.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/bytes.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"

using namespace tern;
using namespace tern::cpyext;

namespace {

CodeObj* codeArg(PyCodeObject* co, const char* api) {
  if (co == nullptr || !isCode(fromC(reinterpret_cast<PyObject*>(co)))) {
    badInternalCall(api);
    return nullptr;
  }
  return asCode(fromC(reinterpret_cast<PyObject*>(co)));
}

PyObject* newTupleField(PyCodeObject* co, const char* api, gc::HeapValue CodeObj::*field) {
  CodeObj* c = codeArg(co, api);
  return c == nullptr ? nullptr : toNew((c->*field).get());
}

bool isTupleArg(PyObject* o) { return o != nullptr && isTuple(fromC(o)); }
bool isStrArg(PyObject* o) { return o != nullptr && isStr(fromC(o)); }
bool isBytesArg(PyObject* o) { return o != nullptr && isBytes(fromC(o)); }

// CPython's check of the names a code object holds.
bool allStr(PyObject* tuple) {
  Value t = fromC(tuple);
  for (int64_t i = 0; i < tupleLength(t); ++i) {
    if (!isStr(tupleItem(t, i))) {
      raise(exc::SystemError, "non-string found in code slot");
      return false;
    }
  }
  return true;
}

struct CodeArgs {
  int argcount, posonlyargcount, kwonlyargcount, nlocals, stacksize, flags, firstlineno;
  PyObject *code, *consts, *names, *varnames, *freevars, *cellvars, *filename, *name, *qualname, *linetable,
      *exceptiontable;
};

// CPython's validation (SystemError for a wrong type or count, ValueError
// for too few local names or a wrong co_nlocals), then Tern's: no bytecode.
bool validCodeArgs(const CodeArgs& a) {
  if (a.argcount < a.posonlyargcount || a.posonlyargcount < 0 || a.kwonlyargcount < 0 || a.stacksize < 0 ||
      a.flags < 0 || !isBytesArg(a.code) || !isTupleArg(a.consts) || !isTupleArg(a.names) || !isTupleArg(a.varnames) ||
      !isTupleArg(a.freevars) || !isTupleArg(a.cellvars) || !isStrArg(a.filename) || !isStrArg(a.name) ||
      !isStrArg(a.qualname) || !isBytesArg(a.linetable) || !isBytesArg(a.exceptiontable)) {
    badInternalCall("PyCode_NewWithPosOnlyArgs");
    return false;
  }
  if (!allStr(a.names) || !allStr(a.varnames) || !allStr(a.freevars) || !allStr(a.cellvars)) return false;
  int64_t args =
      int64_t{a.argcount} + a.kwonlyargcount + ((a.flags & CO_VARARGS) != 0) + ((a.flags & CO_VARKEYWORDS) != 0);
  if (tupleLength(fromC(a.varnames)) < args) {
    raise(exc::ValueError, "code: co_varnames is too small");
    return false;
  }
  if (a.nlocals != tupleLength(fromC(a.varnames))) {
    raise(exc::ValueError, "code: co_nlocals != len(co_varnames)");
    return false;
  }
  if (bytesLength(fromC(a.code)) != 0) {
    raise(exc::SystemError, "PyCode_New: Tern cannot run CPython bytecode (only an empty co_code is accepted)");
    return false;
  }
  return true;
}

PyCodeObject* newCodeObject(const CodeArgs& a) {
  if (!validCodeArgs(a)) return nullptr;
  Value no_slots = newTuple(0);  // nothing runs: no slots for locals
  if (no_slots.isNull()) return nullptr;
  CodeObj* co = allocateCode(0, 0, 0, 0);  // code objects never move
  co->localsplusnames.set(no_slots);
  co->consts.set(fromC(a.consts));
  co->names.set(fromC(a.names));
  co->varnames.set(fromC(a.varnames));
  co->cellvars.set(fromC(a.cellvars));
  co->freevars.set(fromC(a.freevars));
  co->filename.set(fromC(a.filename));
  co->name.set(fromC(a.name));
  co->qualname.set(fromC(a.qualname));
  co->argcount = a.argcount;
  co->posonlyargcount = a.posonlyargcount;
  co->kwonlyargcount = a.kwonlyargcount;
  co->nlocals = static_cast<int32_t>(tupleLength(fromC(a.varnames)));
  co->stacksize = a.stacksize;
  co->flags = static_cast<uint32_t>(a.flags);
  co->firstlineno = a.firstlineno;
  Value v = static_cast<Obj*>(co);
  return reinterpret_cast<PyCodeObject*>(toNew(v));
}

}  // namespace

extern "C" {

PyCodeObject* PyCode_NewWithPosOnlyArgs(int argcount, int posonlyargcount, int kwonlyargcount, int nlocals,
                                        int stacksize, int flags, PyObject* code, PyObject* consts, PyObject* names,
                                        PyObject* varnames, PyObject* freevars, PyObject* cellvars, PyObject* filename,
                                        PyObject* name, PyObject* qualname, int firstlineno, PyObject* linetable,
                                        PyObject* exceptiontable) {
  return newCodeObject({argcount, posonlyargcount, kwonlyargcount, nlocals, stacksize, flags, firstlineno, code, consts,
                        names, varnames, freevars, cellvars, filename, name, qualname, linetable, exceptiontable});
}

PyCodeObject* PyCode_New(int argcount, int kwonlyargcount, int nlocals, int stacksize, int flags, PyObject* code,
                         PyObject* consts, PyObject* names, PyObject* varnames, PyObject* freevars, PyObject* cellvars,
                         PyObject* filename, PyObject* name, PyObject* qualname, int firstlineno, PyObject* linetable,
                         PyObject* exceptiontable) {
  return PyCode_NewWithPosOnlyArgs(argcount, 0, kwonlyargcount, nlocals, stacksize, flags, code, consts, names,
                                   varnames, freevars, cellvars, filename, name, qualname, firstlineno, linetable,
                                   exceptiontable);
}

// CPython 3.11's peephole optimiser is gone: the code comes back as it is.
PyObject* PyCode_Optimize(PyObject* code, PyObject*, PyObject*, PyObject*) { return Py_NewRef(code); }

PyObject* PyCode_GetCode(PyCodeObject* co) {
  if (codeArg(co, "PyCode_GetCode") == nullptr) return nullptr;
  return returnNew(getAttr(fromC(reinterpret_cast<PyObject*>(co)), internStr("co_code")));
}

PyObject* PyCode_GetVarnames(PyCodeObject* co) { return newTupleField(co, "PyCode_GetVarnames", &CodeObj::varnames); }
PyObject* PyCode_GetCellvars(PyCodeObject* co) { return newTupleField(co, "PyCode_GetCellvars", &CodeObj::cellvars); }
PyObject* PyCode_GetFreevars(PyCodeObject* co) { return newTupleField(co, "PyCode_GetFreevars", &CodeObj::freevars); }

// The source span of the instruction at byte offset `addr` (the code's first
// line and column 0 for a negative offset or one past its instructions);
// an unknown column is -1.  Always 1, as in CPython.
int PyCode_Addr2Location(PyCodeObject* co, int addr, int* start_line, int* start_column, int* end_line,
                         int* end_column) {
  CodeObj* c = codeArg(co, "PyCode_Addr2Location");
  if (c == nullptr) return 0;
  int64_t index = addr < 0 ? -1 : addr / 2;
  if (index < 0 || index >= static_cast<int64_t>(c->ninstr)) {
    *start_line = *end_line = c->firstlineno;
    *start_column = *end_column = 0;
    return 1;
  }
  InstrPosition p = codePosition(c, static_cast<uint32_t>(index));
  *start_line = p.lineno;
  *end_line = p.end_lineno;
  *start_column = p.col;
  *end_column = p.end_col;
  return 1;
}

}  // extern "C"
