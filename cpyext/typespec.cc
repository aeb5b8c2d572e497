// Heap types made from a PyType_Spec (PyType_FromSpec, FromSpecWithBases,
// FromModuleAndSpec) and the functions that read them back (PyType_GetSlot,
// PyType_GetModule, PyType_GetModuleByDef, PyType_GetModuleState).
//
// The PyHeapTypeObject lives in the proxy arena with its protocol tables
// inside it, as CPython lays it out; its slots are filled from the spec and
// it is then readied like a static type (readyCType), which makes the runtime
// type and links the two.  Like every linked proxy it lives as long as its
// runtime type: C's references (the module state's, each instance's from
// tp_alloc) keep that alive, and so does Python's; when it dies, the proxy
// lets go of its module (ht_module) and leaves the table of C types
// (releaseTypeContents).  While the type lives, the collector follows
// ht_module (proxy.cc, traverseCMemory), as CPython's type keeps its module.
#include <cstddef>
#include <cstring>

#include "Python.h"
#include "structmember.h"
#include "cpyext/proxy.h"
#include "cpyext/proxy_internal.h"
#include "runtime/interp/errors.h"
#include "runtime/objects/exceptions.h"

namespace tern::cpyext {

namespace {

struct SlotOffset {
  int slot;
  size_t offset;
};

// Every Py_* slot id of typeslots.h but Py_tp_base, Py_tp_bases and
// Py_tp_doc, which are not plain pointer copies.
constexpr SlotOffset kSlotOffsets[] = {
    {Py_bf_getbuffer, offsetof(PyHeapTypeObject, as_buffer.bf_getbuffer)},
    {Py_bf_releasebuffer, offsetof(PyHeapTypeObject, as_buffer.bf_releasebuffer)},
    {Py_mp_ass_subscript, offsetof(PyHeapTypeObject, as_mapping.mp_ass_subscript)},
    {Py_mp_length, offsetof(PyHeapTypeObject, as_mapping.mp_length)},
    {Py_mp_subscript, offsetof(PyHeapTypeObject, as_mapping.mp_subscript)},
    {Py_nb_absolute, offsetof(PyHeapTypeObject, as_number.nb_absolute)},
    {Py_nb_add, offsetof(PyHeapTypeObject, as_number.nb_add)},
    {Py_nb_and, offsetof(PyHeapTypeObject, as_number.nb_and)},
    {Py_nb_bool, offsetof(PyHeapTypeObject, as_number.nb_bool)},
    {Py_nb_divmod, offsetof(PyHeapTypeObject, as_number.nb_divmod)},
    {Py_nb_float, offsetof(PyHeapTypeObject, as_number.nb_float)},
    {Py_nb_floor_divide, offsetof(PyHeapTypeObject, as_number.nb_floor_divide)},
    {Py_nb_index, offsetof(PyHeapTypeObject, as_number.nb_index)},
    {Py_nb_inplace_add, offsetof(PyHeapTypeObject, as_number.nb_inplace_add)},
    {Py_nb_inplace_and, offsetof(PyHeapTypeObject, as_number.nb_inplace_and)},
    {Py_nb_inplace_floor_divide, offsetof(PyHeapTypeObject, as_number.nb_inplace_floor_divide)},
    {Py_nb_inplace_lshift, offsetof(PyHeapTypeObject, as_number.nb_inplace_lshift)},
    {Py_nb_inplace_multiply, offsetof(PyHeapTypeObject, as_number.nb_inplace_multiply)},
    {Py_nb_inplace_or, offsetof(PyHeapTypeObject, as_number.nb_inplace_or)},
    {Py_nb_inplace_power, offsetof(PyHeapTypeObject, as_number.nb_inplace_power)},
    {Py_nb_inplace_remainder, offsetof(PyHeapTypeObject, as_number.nb_inplace_remainder)},
    {Py_nb_inplace_rshift, offsetof(PyHeapTypeObject, as_number.nb_inplace_rshift)},
    {Py_nb_inplace_subtract, offsetof(PyHeapTypeObject, as_number.nb_inplace_subtract)},
    {Py_nb_inplace_true_divide, offsetof(PyHeapTypeObject, as_number.nb_inplace_true_divide)},
    {Py_nb_inplace_xor, offsetof(PyHeapTypeObject, as_number.nb_inplace_xor)},
    {Py_nb_int, offsetof(PyHeapTypeObject, as_number.nb_int)},
    {Py_nb_invert, offsetof(PyHeapTypeObject, as_number.nb_invert)},
    {Py_nb_lshift, offsetof(PyHeapTypeObject, as_number.nb_lshift)},
    {Py_nb_multiply, offsetof(PyHeapTypeObject, as_number.nb_multiply)},
    {Py_nb_negative, offsetof(PyHeapTypeObject, as_number.nb_negative)},
    {Py_nb_or, offsetof(PyHeapTypeObject, as_number.nb_or)},
    {Py_nb_positive, offsetof(PyHeapTypeObject, as_number.nb_positive)},
    {Py_nb_power, offsetof(PyHeapTypeObject, as_number.nb_power)},
    {Py_nb_remainder, offsetof(PyHeapTypeObject, as_number.nb_remainder)},
    {Py_nb_rshift, offsetof(PyHeapTypeObject, as_number.nb_rshift)},
    {Py_nb_subtract, offsetof(PyHeapTypeObject, as_number.nb_subtract)},
    {Py_nb_true_divide, offsetof(PyHeapTypeObject, as_number.nb_true_divide)},
    {Py_nb_xor, offsetof(PyHeapTypeObject, as_number.nb_xor)},
    {Py_sq_ass_item, offsetof(PyHeapTypeObject, as_sequence.sq_ass_item)},
    {Py_sq_concat, offsetof(PyHeapTypeObject, as_sequence.sq_concat)},
    {Py_sq_contains, offsetof(PyHeapTypeObject, as_sequence.sq_contains)},
    {Py_sq_inplace_concat, offsetof(PyHeapTypeObject, as_sequence.sq_inplace_concat)},
    {Py_sq_inplace_repeat, offsetof(PyHeapTypeObject, as_sequence.sq_inplace_repeat)},
    {Py_sq_item, offsetof(PyHeapTypeObject, as_sequence.sq_item)},
    {Py_sq_length, offsetof(PyHeapTypeObject, as_sequence.sq_length)},
    {Py_sq_repeat, offsetof(PyHeapTypeObject, as_sequence.sq_repeat)},
    {Py_tp_alloc, offsetof(PyHeapTypeObject, ht_type.tp_alloc)},
    {Py_tp_call, offsetof(PyHeapTypeObject, ht_type.tp_call)},
    {Py_tp_clear, offsetof(PyHeapTypeObject, ht_type.tp_clear)},
    {Py_tp_dealloc, offsetof(PyHeapTypeObject, ht_type.tp_dealloc)},
    {Py_tp_del, offsetof(PyHeapTypeObject, ht_type.tp_del)},
    {Py_tp_descr_get, offsetof(PyHeapTypeObject, ht_type.tp_descr_get)},
    {Py_tp_descr_set, offsetof(PyHeapTypeObject, ht_type.tp_descr_set)},
    {Py_tp_getattr, offsetof(PyHeapTypeObject, ht_type.tp_getattr)},
    {Py_tp_getattro, offsetof(PyHeapTypeObject, ht_type.tp_getattro)},
    {Py_tp_hash, offsetof(PyHeapTypeObject, ht_type.tp_hash)},
    {Py_tp_init, offsetof(PyHeapTypeObject, ht_type.tp_init)},
    {Py_tp_is_gc, offsetof(PyHeapTypeObject, ht_type.tp_is_gc)},
    {Py_tp_iter, offsetof(PyHeapTypeObject, ht_type.tp_iter)},
    {Py_tp_iternext, offsetof(PyHeapTypeObject, ht_type.tp_iternext)},
    {Py_tp_methods, offsetof(PyHeapTypeObject, ht_type.tp_methods)},
    {Py_tp_new, offsetof(PyHeapTypeObject, ht_type.tp_new)},
    {Py_tp_repr, offsetof(PyHeapTypeObject, ht_type.tp_repr)},
    {Py_tp_richcompare, offsetof(PyHeapTypeObject, ht_type.tp_richcompare)},
    {Py_tp_setattr, offsetof(PyHeapTypeObject, ht_type.tp_setattr)},
    {Py_tp_setattro, offsetof(PyHeapTypeObject, ht_type.tp_setattro)},
    {Py_tp_str, offsetof(PyHeapTypeObject, ht_type.tp_str)},
    {Py_tp_traverse, offsetof(PyHeapTypeObject, ht_type.tp_traverse)},
    {Py_tp_members, offsetof(PyHeapTypeObject, ht_type.tp_members)},
    {Py_tp_getset, offsetof(PyHeapTypeObject, ht_type.tp_getset)},
    {Py_tp_free, offsetof(PyHeapTypeObject, ht_type.tp_free)},
    {Py_nb_matrix_multiply, offsetof(PyHeapTypeObject, as_number.nb_matrix_multiply)},
    {Py_nb_inplace_matrix_multiply, offsetof(PyHeapTypeObject, as_number.nb_inplace_matrix_multiply)},
    {Py_am_await, offsetof(PyHeapTypeObject, as_async.am_await)},
    {Py_am_aiter, offsetof(PyHeapTypeObject, as_async.am_aiter)},
    {Py_am_anext, offsetof(PyHeapTypeObject, as_async.am_anext)},
    {Py_tp_finalize, offsetof(PyHeapTypeObject, ht_type.tp_finalize)},
    {Py_am_send, offsetof(PyHeapTypeObject, as_async.am_send)},
};

const SlotOffset* findSlot(int slot) {
  for (const SlotOffset& s : kSlotOffsets) {
    if (s.slot == slot) return &s;
  }
  return nullptr;
}

void*& slotField(PyHeapTypeObject* ht, size_t offset) {
  return *reinterpret_cast<void**>(reinterpret_cast<char*>(ht) + offset);
}

// The tp_dealloc of a heap type whose spec has none, as CPython's
// subtype_dealloc: the finalizer, the __dict__ the type added, the nearest
// base's own dealloc, then the instance's reference to its type (which
// PyType_GenericAlloc took), unless that base is a heap type too, whose
// dealloc drops it itself.
void heapTypeDealloc(PyObject* o) {
  PyTypeObject* type = Py_TYPE(o);
  if (type->tp_finalize != nullptr && PyObject_CallFinalizerFromDealloc(o) < 0) return;  // resurrected
  PyTypeObject* base = type;
  while (base->tp_dealloc == heapTypeDealloc) base = base->tp_base;
  if (type->tp_dictoffset != 0 && base->tp_dictoffset == 0) {
    if (PyObject** dict = _PyObject_GetDictPtr(o)) Py_CLEAR(*dict);
  }
  base->tp_dealloc(o);
  if (!(base->tp_flags & Py_TPFLAGS_HEAPTYPE)) Py_DECREF(type);
}

PyObject* fromSpec(PyObject* module, PyType_Spec* spec, PyObject* bases) {
  if (spec == nullptr || spec->name == nullptr) return badInternalCall("PyType_FromSpec");
  PyObject* o = allocProxy(ProxyKind::kType, sizeof(PyHeapTypeObject), &PyType_Type);
  auto* ht = reinterpret_cast<PyHeapTypeObject*>(o);
  PyTypeObject* t = &ht->ht_type;
  t->tp_name = strdup(spec->name);
  t->tp_basicsize = spec->basicsize;
  t->tp_itemsize = spec->itemsize;
  t->tp_flags = spec->flags | Py_TPFLAGS_HEAPTYPE;
  t->tp_as_async = &ht->as_async;
  t->tp_as_number = &ht->as_number;
  t->tp_as_sequence = &ht->as_sequence;
  t->tp_as_mapping = &ht->as_mapping;
  t->tp_as_buffer = &ht->as_buffer;
  PyObject* base = nullptr;
  for (PyType_Slot* s = spec->slots; s != nullptr && s->slot != 0; ++s) {
    switch (s->slot) {
      case Py_tp_base:
        base = static_cast<PyObject*>(s->pfunc);
        break;
      case Py_tp_bases:
        if (bases == nullptr) bases = static_cast<PyObject*>(s->pfunc);
        break;
      case Py_tp_doc: {
        // Copied: the spec's string need not outlive the type.
        const char* doc = static_cast<const char*>(s->pfunc);
        t->tp_doc = doc == nullptr ? nullptr : strdup(doc);
        break;
      }
      default: {
        const SlotOffset* so = findSlot(s->slot);
        if (so == nullptr) {
          PyErr_Format(PyExc_RuntimeError, "invalid slot offset");
          return nullptr;
        }
        slotField(ht, so->offset) = s->pfunc;
      }
    }
  }
  // The special members set layout fields instead of making attributes.
  for (PyMemberDef* m = t->tp_members; m != nullptr && m->name != nullptr; ++m) {
    if (std::strcmp(m->name, "__weaklistoffset__") == 0) t->tp_weaklistoffset = m->offset;
    if (std::strcmp(m->name, "__dictoffset__") == 0) t->tp_dictoffset = m->offset;
    if (std::strcmp(m->name, "__vectorcalloffset__") == 0) t->tp_vectorcall_offset = m->offset;
  }
  if (bases != nullptr && PyTuple_Check(bases) && PyTuple_GET_SIZE(bases) > 0) {
    base = PyTuple_GET_ITEM(bases, 0);
  } else if (bases != nullptr && PyType_Check(bases)) {
    base = bases;
  }
  t->tp_base = reinterpret_cast<PyTypeObject*>(base);
  if (t->tp_dealloc == nullptr) t->tp_dealloc = heapTypeDealloc;
  if (module != nullptr) ht->ht_module = Py_NewRef(module);
  if (readyCType(t, /*heap=*/true) < 0) return nullptr;
  return o;
}

bool isHeapType(PyTypeObject* t) { return (t->tp_flags & Py_TPFLAGS_HEAPTYPE) != 0 && inArena(t); }

}  // namespace

}  // namespace tern::cpyext

using namespace tern;
using namespace tern::cpyext;

extern "C" {

PyObject* PyType_FromModuleAndSpec(PyObject* module, PyType_Spec* spec, PyObject* bases) {
  return fromSpec(module, spec, bases);
}

PyObject* PyType_FromSpecWithBases(PyType_Spec* spec, PyObject* bases) { return fromSpec(nullptr, spec, bases); }

PyObject* PyType_FromSpec(PyType_Spec* spec) { return fromSpec(nullptr, spec, nullptr); }

void* PyType_GetSlot(PyTypeObject* t, int slot) {
  if (slot == Py_tp_base) return t->tp_base;
  if (slot == Py_tp_bases) return t->tp_bases;
  if (slot == Py_tp_doc) return const_cast<char*>(t->tp_doc);
  const SlotOffset* so = findSlot(slot);
  if (so == nullptr) return badInternalCall("PyType_GetSlot");
  // Static types have their tables elsewhere: read through the type's own
  // pointers, where a heap type's point into itself.
  size_t off = so->offset;
  auto field = [&](void* table, size_t table_offset) -> void* {
    return table == nullptr ? nullptr : *reinterpret_cast<void**>(static_cast<char*>(table) + (off - table_offset));
  };
  if (off >= offsetof(PyHeapTypeObject, as_async) && off < offsetof(PyHeapTypeObject, as_number))
    return field(t->tp_as_async, offsetof(PyHeapTypeObject, as_async));
  if (off >= offsetof(PyHeapTypeObject, as_number) && off < offsetof(PyHeapTypeObject, as_mapping))
    return field(t->tp_as_number, offsetof(PyHeapTypeObject, as_number));
  if (off >= offsetof(PyHeapTypeObject, as_mapping) && off < offsetof(PyHeapTypeObject, as_sequence))
    return field(t->tp_as_mapping, offsetof(PyHeapTypeObject, as_mapping));
  if (off >= offsetof(PyHeapTypeObject, as_sequence) && off < offsetof(PyHeapTypeObject, as_buffer))
    return field(t->tp_as_sequence, offsetof(PyHeapTypeObject, as_sequence));
  if (off >= offsetof(PyHeapTypeObject, as_buffer) && off < offsetof(PyHeapTypeObject, ht_name))
    return field(t->tp_as_buffer, offsetof(PyHeapTypeObject, as_buffer));
  return *reinterpret_cast<void**>(reinterpret_cast<char*>(t) + off);
}

PyObject* PyType_GetModule(PyTypeObject* t) {
  if (!isHeapType(t)) {
    PyErr_Format(PyExc_TypeError, "PyType_GetModule: Type '%s' is not a heap type", t->tp_name);
    return nullptr;
  }
  PyObject* m = reinterpret_cast<PyHeapTypeObject*>(t)->ht_module;
  if (m == nullptr) {
    PyErr_Format(PyExc_TypeError, "PyType_GetModule: Type '%s' has no associated module", t->tp_name);
    return nullptr;
  }
  return m;
}

void* PyType_GetModuleState(PyTypeObject* t) {
  PyObject* m = PyType_GetModule(t);
  return m == nullptr ? nullptr : PyModule_GetState(m);
}

PyObject* PyType_GetModuleByDef(PyTypeObject* t, PyModuleDef* def) {
  PyObject* mro = t->tp_mro;
  for (Py_ssize_t i = 0; mro != nullptr && i < PyTuple_GET_SIZE(mro); ++i) {
    auto* super = reinterpret_cast<PyTypeObject*>(PyTuple_GET_ITEM(mro, i));
    if (!isHeapType(super)) continue;
    PyObject* m = reinterpret_cast<PyHeapTypeObject*>(super)->ht_module;
    if (m != nullptr && PyModule_Check(m) && PyModule_GetDef(m) == def) return m;
  }
  PyErr_Format(PyExc_TypeError, "PyType_GetModuleByDef: No superclass of '%s' has the given module", t->tp_name);
  return nullptr;
}

}  // extern "C"
