// Struct sequences made by C (PyStructSequence_InitType2, _New): runtime
// struct sequence types (runtime/objects/structseq.h) built from the C
// descriptor.  An instance is a tuple proxy C fills with
// PyStructSequence_SET_ITEM (PyTuple_SET_ITEM); it becomes a runtime struct
// sequence when it crosses over (realiseTuple).  Fields visible only by name
// (n_in_sequence below the field count) are not supported yet: such a type
// raises NotImplementedError rather than give tuples of the wrong length.
#include <cstdlib>
#include <cstring>
#include <string>

#include "Python.h"
#include "cpyext/proxy.h"
#include "cpyext/proxy_internal.h"
#include "runtime/interp/errors.h"
#include "runtime/objects/exceptions.h"
#include "runtime/objects/structseq.h"
#include "runtime/objects/type.h"

using namespace tern;
using namespace tern::cpyext;

namespace {

// The __new__ of a struct sequence type made with
// Py_TPFLAGS_DISALLOW_INSTANTIATION (curses.ncurses_version's).
Value cannotInstantiate(Type* type, const Value*, size_t, Value) {
  raisef(exc::TypeError, "cannot create '%s' instances", typeName(type).c_str());
  return Value();
}

int initStructSeq(PyTypeObject* type, PyStructSequence_Desc* desc, bool instantiable);

}  // namespace

extern "C" {

const char* const PyStructSequence_UnnamedField = "unnamed field";

int PyStructSequence_InitType2(PyTypeObject* type, PyStructSequence_Desc* desc) {
  return initStructSeq(type, desc, true);
}

// A new type, which lives for good (as the static types C passes to
// InitType2 do).
Py_EXPORTED_SYMBOL PyTypeObject* _PyStructSequence_NewType(PyStructSequence_Desc* desc, unsigned long tp_flags) {
  if (desc == nullptr || desc->name == nullptr) return static_cast<PyTypeObject*>(badInternalCall("_PyStructSequence_NewType"));
  auto* type = static_cast<PyTypeObject*>(std::calloc(1, sizeof(PyTypeObject)));
  if (type == nullptr) return reinterpret_cast<PyTypeObject*>(PyErr_NoMemory());
  if (initStructSeq(type, desc, (tp_flags & Py_TPFLAGS_DISALLOW_INSTANTIATION) == 0) < 0) {
    std::free(type);
    return nullptr;
  }
  type->tp_flags |= tp_flags & Py_TPFLAGS_DISALLOW_INSTANTIATION;
  Py_INCREF(type);
  return type;
}

PyTypeObject* PyStructSequence_NewType(PyStructSequence_Desc* desc) { return _PyStructSequence_NewType(desc, 0); }

}  // extern "C"

namespace {

int initStructSeq(PyTypeObject* type, PyStructSequence_Desc* desc, bool instantiable) {
  if (type == nullptr || desc == nullptr || desc->name == nullptr) return badInternalCall("PyStructSequence_InitType2"), -1;
  if (type->tp_flags & Py_TPFLAGS_READY) return 0;
  size_t n = 0;
  while (desc->fields[n].name != nullptr) ++n;
  if (desc->n_in_sequence < 0 || static_cast<size_t>(desc->n_in_sequence) != n) {
    PyErr_Format(PyExc_NotImplementedError,
                 "cpyext: struct sequence %s has fields visible only by name; Tern supports struct sequences whose "
                 "fields are all in the sequence so far",
                 desc->name);
    return -1;
  }
  auto* members = new MemberDef[n];
  for (size_t i = 0; i < n; ++i) {
    const char* name = desc->fields[i].name == PyStructSequence_UnnamedField ? "unnamed" : desc->fields[i].name;
    members[i] = structseqField(name, i, desc->fields[i].doc);
  }
  const char* dot = std::strrchr(desc->name, '.');
  auto* spec = new TypeSpec();
  spec->name = dot == nullptr ? desc->name : dot + 1;
  spec->module = dot == nullptr ? nullptr : strndup(desc->name, dot - desc->name);
  spec->type = new Type*(nullptr);
  spec->base = &types::tuple_type;
  spec->slots = {.tp_repr = structseq_repr, .tp_new = instantiable ? structseq_new : cannotInstantiate};
  spec->methods = kStructSeqMethods;
  spec->members = {members, n};
  spec->doc = desc->doc;
  Type* rt = readyBuiltinType(spec);
  if (rt == nullptr) return -1;
  registerStatic(reinterpret_cast<PyObject*>(type), typeValue(rt));
  fillTypeObject(type, rt, sizeof(PyTupleObject) - sizeof(PyObject*), sizeof(PyObject*));
  type->tp_flags |= Py_TPFLAGS_READY;
  return 0;
}

}  // namespace

extern "C" {

void PyStructSequence_InitType(PyTypeObject* type, PyStructSequence_Desc* desc) {
  if (PyStructSequence_InitType2(type, desc) < 0) PyErr_WriteUnraisable(nullptr);
}

PyObject* PyStructSequence_New(PyTypeObject* type) {
  if (type == nullptr || !(type->tp_flags & Py_TPFLAGS_READY)) return badInternalCall("PyStructSequence_New");
  Type* rt = runtimeTypeOfC(type);
  if (rt->spec == nullptr) return badInternalCall("PyStructSequence_New");
  auto n = static_cast<Py_ssize_t>(rt->spec->members.size());
  return newFillingTuple(n, type);
}

}  // extern "C"
