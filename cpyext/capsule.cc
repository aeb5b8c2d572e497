// PyCapsule: a C pointer with a name, a context and a destructor, passed
// between extensions through module attributes.
//
// The capsule type is a C-defined type like an extension's: PyCapsule_Type is
// a static PyTypeObject libtern exports, readied (PyType_Ready) before the
// first capsule is made.  A capsule therefore lives in C memory and gets a
// runtime wrapper only when it crosses into the runtime; its destructor runs
// from tp_dealloc, when the last reference goes (unwrapped) or after the
// collector found the wrapper unreachable.
#include <cstring>
#include <string>

#include "Python.h"
#include "cpyext/proxy.h"
#include "cpyext/proxy_internal.h"
#define _PY_DATETIME_IMPL  // the table is made here, not imported
#include "datetime.h"
#include "runtime/interp/errors.h"
#include "runtime/objects/exceptions.h"

extern "C" {
PyTypeObject PyCapsule_Type = {};
}

namespace {

// CPython's layout (private there too).
struct Capsule {
  PyObject_HEAD void* pointer;
  const char* name;
  void* context;
  PyCapsule_Destructor destructor;
};

Capsule* asCapsule(PyObject* o) { return reinterpret_cast<Capsule*>(o); }

// Two names match when both are NULL or both spell the same.
bool namesMatch(const char* a, const char* b) {
  if (a == nullptr || b == nullptr) return a == b;
  return std::strcmp(a, b) == 0;
}

// A capsule with a pointer; else ValueError(`message`).
bool isLegal(PyObject* o, const char* message) {
  if (o == nullptr || !PyCapsule_CheckExact(o) || asCapsule(o)->pointer == nullptr) {
    PyErr_SetString(PyExc_ValueError, message);
    return false;
  }
  return true;
}

void capsuleDealloc(PyObject* o) {
  Capsule* c = asCapsule(o);
  if (c->destructor != nullptr) c->destructor(o);
  Py_TYPE(o)->tp_free(o);
}

PyObject* capsuleRepr(PyObject* o) {
  Capsule* c = asCapsule(o);
  if (c->name == nullptr) return PyUnicode_FromFormat("<capsule object NULL at %p>", static_cast<void*>(o));
  return PyUnicode_FromFormat("<capsule object \"%s\" at %p>", c->name, static_cast<void*>(o));
}

bool readyCapsuleType() {
  if (PyCapsule_Type.tp_flags & Py_TPFLAGS_READY) return true;
  PyCapsule_Type.tp_name = "PyCapsule";
  PyCapsule_Type.tp_basicsize = sizeof(Capsule);
  PyCapsule_Type.tp_dealloc = capsuleDealloc;
  PyCapsule_Type.tp_repr = capsuleRepr;
  PyCapsule_Type.tp_flags = Py_TPFLAGS_DEFAULT;
  PyCapsule_Type.tp_doc =
      "Capsule objects let you wrap a C \"void *\" pointer in a Python\n"
      "object.  They're a way of passing data through the Python interpreter\n"
      "without creating your own custom type.\n"
      "\n"
      "Capsules are used for communication between extension modules.\n"
      "They provide a way for an extension module to export a C interface\n"
      "to other extension modules, so that extension modules can use the\n"
      "Python import mechanism to link to one another.\n";
  return PyType_Ready(&PyCapsule_Type) == 0;
}

}  // namespace

namespace tern::cpyext {
void initializeCapsuleType() { readyCapsuleType(); }
}  // namespace tern::cpyext

extern "C" {

PyObject* PyCapsule_New(void* pointer, const char* name, PyCapsule_Destructor destructor) {
  if (pointer == nullptr) {
    PyErr_SetString(PyExc_ValueError, "PyCapsule_New called with null pointer");
    return nullptr;
  }
  if (!readyCapsuleType()) return nullptr;
  Capsule* c = PyObject_New(Capsule, &PyCapsule_Type);
  if (c == nullptr) return nullptr;
  c->pointer = pointer;
  c->name = name;
  c->context = nullptr;
  c->destructor = destructor;
  return reinterpret_cast<PyObject*>(c);
}

int PyCapsule_IsValid(PyObject* o, const char* name) {
  return o != nullptr && PyCapsule_CheckExact(o) && asCapsule(o)->pointer != nullptr &&
         namesMatch(asCapsule(o)->name, name);
}

void* PyCapsule_GetPointer(PyObject* o, const char* name) {
  if (!isLegal(o, "PyCapsule_GetPointer called with invalid PyCapsule object")) return nullptr;
  if (!namesMatch(name, asCapsule(o)->name)) {
    PyErr_SetString(PyExc_ValueError, "PyCapsule_GetPointer called with incorrect name");
    return nullptr;
  }
  return asCapsule(o)->pointer;
}

const char* PyCapsule_GetName(PyObject* o) {
  if (!isLegal(o, "PyCapsule_GetName called with invalid PyCapsule object")) return nullptr;
  return asCapsule(o)->name;
}

PyCapsule_Destructor PyCapsule_GetDestructor(PyObject* o) {
  if (!isLegal(o, "PyCapsule_GetDestructor called with invalid PyCapsule object")) return nullptr;
  return asCapsule(o)->destructor;
}

void* PyCapsule_GetContext(PyObject* o) {
  if (!isLegal(o, "PyCapsule_GetContext called with invalid PyCapsule object")) return nullptr;
  return asCapsule(o)->context;
}

int PyCapsule_SetPointer(PyObject* o, void* pointer) {
  if (pointer == nullptr) {
    PyErr_SetString(PyExc_ValueError, "PyCapsule_SetPointer called with null pointer");
    return -1;
  }
  if (!isLegal(o, "PyCapsule_SetPointer called with invalid PyCapsule object")) return -1;
  asCapsule(o)->pointer = pointer;
  return 0;
}

int PyCapsule_SetName(PyObject* o, const char* name) {
  if (!isLegal(o, "PyCapsule_SetName called with invalid PyCapsule object")) return -1;
  asCapsule(o)->name = name;
  return 0;
}

int PyCapsule_SetDestructor(PyObject* o, PyCapsule_Destructor destructor) {
  if (!isLegal(o, "PyCapsule_SetDestructor called with invalid PyCapsule object")) return -1;
  asCapsule(o)->destructor = destructor;
  return 0;
}

int PyCapsule_SetContext(PyObject* o, void* context) {
  if (!isLegal(o, "PyCapsule_SetContext called with invalid PyCapsule object")) return -1;
  asCapsule(o)->context = context;
  return 0;
}

void* PyCapsule_Import(const char* name, int /*no_block*/) {
  // "package.module.attr...": the first component is imported, the rest are
  // attributes walked from it.
  std::string path(name);
  PyObject* object = nullptr;
  size_t start = 0;
  while (start <= path.size()) {
    size_t dot = path.find('.', start);
    if (dot == std::string::npos) dot = path.size();
    std::string part = path.substr(start, dot - start);
    if (object == nullptr) {
      object = PyImport_ImportModule(part.c_str());
      if (object == nullptr) {
        PyErr_Format(PyExc_ImportError, "PyCapsule_Import could not import module \"%s\"", part.c_str());
      } else if (std::strcmp(name, PyDateTime_CAPSULE_NAME) == 0 && tern::cpyext::installDateTimeCapsule(object) < 0) {
        // cpyext provides the datetime C API itself (datetime.cc).
        Py_CLEAR(object);
      }
    } else {
      PyObject* next = PyObject_GetAttrString(object, part.c_str());
      Py_DECREF(object);
      object = next;
    }
    if (object == nullptr) return nullptr;
    start = dot + 1;
  }
  void* pointer = nullptr;
  if (PyCapsule_IsValid(object, name)) {
    pointer = asCapsule(object)->pointer;
  } else {
    PyErr_Format(PyExc_AttributeError, "PyCapsule_Import \"%s\" is not valid", name);
  }
  Py_DECREF(object);
  return pointer;
}

}  // extern "C"
