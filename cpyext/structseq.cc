// Struct sequences made by C (PyStructSequence_InitType2, _New): runtime
// struct sequence types (runtime/objects/structseq.h) built from the C
// descriptor.  An instance is a tuple proxy C fills with
// PyStructSequence_SET_ITEM (PyTuple_SET_ITEM); it becomes a runtime struct
// sequence when it crosses over (realiseTuple).  Fields visible only by name
// (n_in_sequence below the field count) are not supported yet: such a type
// raises NotImplementedError rather than give tuples of the wrong length.
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

extern "C" {

const char* const PyStructSequence_UnnamedField = "unnamed field";

int PyStructSequence_InitType2(PyTypeObject* type, PyStructSequence_Desc* desc) {
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
  spec->slots = {.tp_repr = structseq_repr, .tp_new = structseq_new};
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
