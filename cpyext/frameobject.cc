// Frames, code objects and tracebacks as C sees them (CPython's
// Objects/frameobject.c, Objects/codeobject.c, Python/traceback.c).
//
// Frame and traceback proxies have CPython's layouts (PyFrameObject,
// PyTracebackObject): Cython writes f_lineno into a frame it made with
// PyFrame_New before PyTraceBack_Here reads it, and its generators follow
// tb->tb_frame to set and clear f_back.  f_back of a frame proxy belongs to C
// (Tern keeps the calling frame in the runtime object); f_lineno is the
// runtime's line except for a frame that never ran, where C's value stands.
//
// Cython names the C function that raised with a code object from
// PyCode_NewEmpty and a frame from PyFrame_New; PyTraceBack_Here then adds a
// real traceback entry (tb_lasti -1, so the traceback module uses tb_lineno)
// which prints as `File "module.pyx", line N, in function`.
#include "frameobject.h"

#include <cstring>

#include "Python.h"
#include "cpyext/proxy.h"
#include "cpyext/proxy_internal.h"
#include "cpyext/pystate.h"
#include "internal/pycore_frame.h"
#include "runtime/interp/code.h"
#include "runtime/interp/errors.h"
#include "runtime/interp/frame.h"
#include "runtime/interp/function.h"
#include "runtime/interp/runtime.h"
#include "runtime/modules/builtins.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/exceptions.h"
#include "runtime/objects/int.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"
#include "runtime/objects/type.h"

namespace tern::cpyext {

namespace {

Value attr(Value v, const char* name) { return getAttr(v, internStr(name)); }

int64_t intAttr(Value v, const char* name) {
  Value r = attr(v, name);
  int64_t n = 0;
  if (r.isNull() || !intToInt64(r, &n)) {
    clearError();
    return 0;
  }
  return n;
}

}  // namespace

// Bytes of a plain proxy of the frame family (object.cc's plainProxyBytes),
// 0 for other types.
size_t frameFamilyProxyBytes(Type* type) {
  if (type == types::frame_type) return sizeof(PyFrameObject);
  if (type == types::traceback_type) return sizeof(PyTracebackObject);
  if (type == types::code_type) return sizeof(PyCodeObject);
  return 0;
}

namespace {

// A code object's fields that C reads directly (pybind11's override lookup
// reads co_name and co_argcount; Cython co_flags, co_filename, ...), filled
// once: code objects do not change.  The object fields are borrowed from the
// code object, which holds them.
void fillCode(PyObject* o, Value v) {
  auto* c = reinterpret_cast<PyCodeObject*>(o);
  if (c->co_name != nullptr) return;
  CodeObj* code = asCode(v);
  c->co_flags = static_cast<int>(code->flags);
  c->co_argcount = code->argcount;
  c->co_posonlyargcount = code->posonlyargcount;
  c->co_kwonlyargcount = code->kwonlyargcount;
  c->co_stacksize = code->stacksize;
  c->co_firstlineno = code->firstlineno;
  c->co_nlocalsplus = code->nlocalsplus;
  c->co_nlocals = code->nlocals;
  c->co_ncellvars = code->ncells;
  c->co_nfreevars = code->nfrees;
  c->co_consts = toBorrowed(o, code->consts.get());
  c->co_names = toBorrowed(o, code->names.get());
  c->co_localsplusnames = toBorrowed(o, code->localsplusnames.get());
  c->co_filename = toBorrowed(o, code->filename.get());
  c->co_qualname = toBorrowed(o, code->qualname.get());
  c->co_name = toBorrowed(o, code->name.get());
}

}  // namespace

// Brings a frame or traceback proxy up to date (object.cc's refreshPlain).
void refreshFrameFamily(PyObject* o, Value v) {
  if (typeOf(v) == types::code_type) {
    fillCode(o, v);
    return;
  }
  if (typeOf(v) == types::frame_type) {
    auto* f = reinterpret_cast<PyFrameObject*>(o);
    if (f->f_lineno == 0 || interp::frameObjectLasti(v) >= 0) f->f_lineno = interp::frameObjectLine(v);
    return;
  }
  if (typeOf(v) != types::traceback_type) return;
  auto* tb = reinterpret_cast<PyTracebackObject*>(o);
  Value next = attr(v, "tb_next");
  if (next.isNull()) {
    clearError();
  } else if (isNone(next)) {
    tb->tb_next = nullptr;
  } else if (tb->tb_next == nullptr || fromC(reinterpret_cast<PyObject*>(tb->tb_next)) != next) {
    tb->tb_next = reinterpret_cast<PyTracebackObject*>(toBorrowed(o, next));
  }
  Value frame = attr(v, "tb_frame");
  if (frame.isNull()) {
    clearError();
  } else if (tb->tb_frame == nullptr || fromC(reinterpret_cast<PyObject*>(tb->tb_frame)) != frame) {
    tb->tb_frame = reinterpret_cast<PyFrameObject*>(toBorrowed(o, frame));
  }
  tb->tb_lasti = static_cast<int>(intAttr(v, "tb_lasti"));
  tb->tb_lineno = static_cast<int>(intAttr(v, "tb_lineno"));
}

}  // namespace tern::cpyext

using namespace tern;
using namespace tern::cpyext;

namespace {

bool isFrame(PyObject* f) { return f != nullptr && typeOf(fromC(f)) == types::frame_type; }

}  // namespace

extern "C" {

// A code object with no instructions at all: nothing can run it, it only
// names a C function (tracebacks, Cython's function objects).  Cython 0.29
// gives it parameters with code.replace(), which allows that for a code
// object without instructions (runtime/interp/code.cc).
PyCodeObject* PyCode_NewEmpty(const char* filename, const char* funcname, int firstlineno) {
  Value fname = newStr(filename);
  Value name = newStr(funcname);
  if (fname.isNull() || name.isNull()) return nullptr;
  Value pending = takeError();
  Value empty = newTuple(0);
  CodeObj* co = allocateCode(0, 0, 0, 0);
  for (gc::HeapValue CodeObj::*f : {&CodeObj::consts, &CodeObj::names, &CodeObj::localsplusnames, &CodeObj::varnames,
                                    &CodeObj::cellvars, &CodeObj::freevars}) {
    (co->*f).set(empty);
  }
  co->filename.set(fname);
  co->name.set(name);
  co->qualname.set(name);
  co->firstlineno = firstlineno;
  Value code = static_cast<Obj*>(co);
  PyObject* r = toNew(code);
  if (!pending.isNull()) restoreError(pending);
  return reinterpret_cast<PyCodeObject*>(r);
}

PyFrameObject* PyFrame_New(PyThreadState*, PyCodeObject* code, PyObject* globals, PyObject* locals) {
  if (code == nullptr || globals == nullptr || !isCode(fromC(reinterpret_cast<PyObject*>(code))) ||
      !isDict(fromC(globals))) {
    return static_cast<PyFrameObject*>(badInternalCall("PyFrame_New"));
  }
  // Cython calls this with the exception it is tracing pending (restored
  // just before): the runtime helpers below must not see it.
  Value pending = takeError();
  Value g = fromC(globals);
  Value builtins = builtinsForGlobals(g);
  clearError();
  Obj* o = newObject(types::frame_type, sizeof(interp::FrameObj));
  auto* fo = static_cast<interp::FrameObj*>(o);
  fo->code.set(fromC(reinterpret_cast<PyObject*>(code)));
  fo->globals.set(g);
  fo->builtins.set(builtins);
  if (locals != nullptr) {
    fo->locals.set(fromC(locals));
    fo->has_mapping = 1;
  }
  fo->live = 0;
  fo->lasti = -1;
  Value v = o;
  PyObject* r = toNew(v);
  if (!pending.isNull()) restoreError(pending);
  return reinterpret_cast<PyFrameObject*>(r);
}

int PyFrame_GetLineNumber(PyFrameObject* frame) {
  Value v = fromC(reinterpret_cast<PyObject*>(frame));
  if (frame->f_lineno != 0 && interp::frameObjectLasti(v) < 0) return frame->f_lineno;
  return interp::frameObjectLine(v);
}

int PyFrame_GetLasti(PyFrameObject* frame) {
  int64_t lasti = interp::frameObjectLasti(fromC(reinterpret_cast<PyObject*>(frame)));
  return lasti < 0 ? -1 : static_cast<int>(lasti * 2);
}

PyCodeObject* PyFrame_GetCode(PyFrameObject* frame) {
  return reinterpret_cast<PyCodeObject*>(toNew(interp::frameObjectCode(fromC(reinterpret_cast<PyObject*>(frame)))));
}

PyFrameObject* PyFrame_GetBack(PyFrameObject* frame) {
  Value back = getAttr(fromC(reinterpret_cast<PyObject*>(frame)), internStr("f_back"));
  if (back.isNull()) {
    clearError();
    return nullptr;
  }
  return isNone(back) ? nullptr : reinterpret_cast<PyFrameObject*>(toNew(back));
}

PyObject* PyFrame_GetLocals(PyFrameObject* frame) {
  return returnNew(getAttr(fromC(reinterpret_cast<PyObject*>(frame)), internStr("f_locals")));
}
PyObject* PyFrame_GetGlobals(PyFrameObject* frame) {
  return returnNew(getAttr(fromC(reinterpret_cast<PyObject*>(frame)), internStr("f_globals")));
}
PyObject* PyFrame_GetBuiltins(PyFrameObject* frame) {
  return returnNew(getAttr(fromC(reinterpret_cast<PyObject*>(frame)), internStr("f_builtins")));
}
PyObject* PyFrame_GetGenerator(PyFrameObject* frame) {
  Value gen = static_cast<interp::FrameObj*>(fromC(reinterpret_cast<PyObject*>(frame)).asObject())->gen.get();
  return gen.isNull() ? nullptr : toNew(gen);
}

// Tern's frame objects read the fast locals whenever f_locals is asked for.
int PyFrame_FastToLocalsWithError(PyFrameObject* frame) { return isFrame(reinterpret_cast<PyObject*>(frame)) ? 0 : -1; }
void PyFrame_FastToLocals(PyFrameObject*) {}
void PyFrame_LocalsToFast(PyFrameObject*, int) {}

PyFrameObject* PyThreadState_GetFrame(PyThreadState* tstate) {
  if (tstate == nullptr || tstate != currentThreadState()) return nullptr;
  interp::Frame* f = interp::currentFrame();
  if (f == nullptr) return nullptr;
  return reinterpret_cast<PyFrameObject*>(returnNew(interp::frameObject(f)));
}

int PyTraceBack_Here(PyFrameObject* frame) {
  if (!isFrame(reinterpret_cast<PyObject*>(frame))) {
    badInternalCall("PyTraceBack_Here");
    return -1;
  }
  Value e = takeError();
  if (e.isNull()) return 0;
  auto* be = static_cast<BaseExceptionObj*>(e.asObject());
  Value next = be->traceback.get();
  if (next.isNull()) next = None();
  Value args[4] = {next, fromC(reinterpret_cast<PyObject*>(frame)), newInt(-2), newInt(PyFrame_GetLineNumber(frame))};
  Value tb = call(typeValue(types::traceback_type), args, 4);
  if (tb.isNull()) {
    // The new error replaces the one being traced, as in CPython.
    return -1;
  }
  be->traceback.set(tb);
  restoreError(e);
  return 0;
}

void _PyTraceback_Add(const char* funcname, const char* filename, int lineno) {
  Value e = takeError();
  PyCodeObject* code = PyCode_NewEmpty(filename, funcname, lineno);
  PyObject* globals = code == nullptr ? nullptr : toNew(newDict());
  PyFrameObject* frame = globals == nullptr ? nullptr : PyFrame_New(nullptr, code, globals, nullptr);
  Py_XDECREF(code);
  Py_XDECREF(globals);
  if (frame == nullptr) return;  // that error replaces e
  frame->f_lineno = lineno;
  restoreError(e);
  PyTraceBack_Here(frame);
  Py_DECREF(frame);
}

int PyCode_Addr2Line(PyCodeObject* code, int byte_offset) {
  if (byte_offset < 0) return asCode(fromC(reinterpret_cast<PyObject*>(code)))->firstlineno;
  return codeLine(asCode(fromC(reinterpret_cast<PyObject*>(code))), byte_offset / 2);
}

}  // extern "C"
