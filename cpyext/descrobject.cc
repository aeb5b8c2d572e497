// The attributes of C types: PyGetSetDef and PyMemberDef become raw getsets
// (runtime/objects/native.h) on the runtime's getset_descriptor, read and
// written here through the C object's memory or the C accessors.
#include <cstring>
#include <vector>

#include "Python.h"
#include "structmember.h"
#include "cpyext/proxy.h"
#include "cpyext/proxy_internal.h"
#include "runtime/interp/errors.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/descriptors.h"
#include "runtime/objects/exceptions.h"
#include "runtime/objects/float.h"
#include "runtime/objects/int.h"
#include "runtime/objects/str.h"
#include "runtime/objects/type.h"

namespace tern::cpyext {

namespace {

// The C object behind `self` for the duration of an access.
struct SelfProxy {
  PyObject* p;
  explicit SelfProxy(Value self) : p(toNew(self)) {}
  ~SelfProxy() { releaseLent(p); }
};

Value getsetGet(const GetSetDef* def, Value self) {
  auto* g = static_cast<const PyGetSetDef*>(def->data);
  if (g->get == nullptr) {
    return raisef(exc::AttributeError, "attribute '%s' of '%s' objects is not readable", g->name,
                  typeBareName(typeOf(self)).c_str());
  }
  SelfProxy s(self);
  PyObject* r = g->get(s.p, g->closure);
  if (r == nullptr) return Value();
  Value v = takeNew(r);
  return v;
}

int getsetSet(const GetSetDef* def, Value self, Value value) {
  auto* g = static_cast<const PyGetSetDef*>(def->data);
  if (g->set == nullptr) {
    raisef(exc::AttributeError, "attribute '%s' of '%s' objects is not writable", g->name,
           typeBareName(typeOf(self)).c_str());
    return -1;
  }
  SelfProxy s(self);
  PyObject* v = value.isNull() ? nullptr : toNew(value);
  int r = g->set(s.p, v, g->closure);
  Py_XDECREF(v);
  return r;
}

// The value of member m of self, whose C object holds it at `addr`.
Value memberValue(const PyMemberDef* m, const char* addr, Value self) {
  switch (m->type) {
    case T_BOOL: return Value(*reinterpret_cast<const char*>(addr) != 0 ? singletons::True : singletons::False);
    case T_BYTE: return newInt(*reinterpret_cast<const signed char*>(addr));
    case T_UBYTE: return newInt(*reinterpret_cast<const unsigned char*>(addr));
    case T_SHORT: return newInt(*reinterpret_cast<const short*>(addr));
    case T_USHORT: return newInt(*reinterpret_cast<const unsigned short*>(addr));
    case T_INT: return newInt(*reinterpret_cast<const int*>(addr));
    case T_UINT: return newInt(*reinterpret_cast<const unsigned int*>(addr));
    case T_LONG: return newInt(*reinterpret_cast<const long*>(addr));
    case T_ULONG: return newIntUnsigned(*reinterpret_cast<const unsigned long*>(addr));
    case T_LONGLONG: return newInt(*reinterpret_cast<const long long*>(addr));
    case T_ULONGLONG: return newIntUnsigned(*reinterpret_cast<const unsigned long long*>(addr));
    case T_PYSSIZET: return newInt(*reinterpret_cast<const Py_ssize_t*>(addr));
    case T_FLOAT: return newFloat(*reinterpret_cast<const float*>(addr));
    case T_DOUBLE: return newFloat(*reinterpret_cast<const double*>(addr));
    case T_CHAR: return newStr(std::string_view(addr, 1));
    case T_STRING: {
      const char* p = *reinterpret_cast<char* const*>(addr);
      return p == nullptr ? None() : newStr(p);
    }
    case T_STRING_INPLACE: return newStr(addr);
    case T_NONE: return None();
    case T_OBJECT:
    case T_OBJECT_EX: {
      PyObject* o = *reinterpret_cast<PyObject* const*>(addr);
      if (o != nullptr) return fromC(o);
      if (m->type == T_OBJECT) return None();
      return raisef(exc::AttributeError, "'%s' object has no attribute '%s'", typeBareName(typeOf(self)).c_str(),
                    m->name);
    }
    default:
      return raisef(exc::SystemError, "bad memberdescr type for %s", m->name);
  }
}

// memberValue as the new reference PyObject_GetAttr returns, with the
// commonest types made as C makes them (no runtime object for a double, no
// conversion back for an object).
PyObject* memberObject(const PyMemberDef* m, const char* addr, Value self) {
  switch (m->type) {
    case T_INT: return PyLong_FromLong(*reinterpret_cast<const int*>(addr));
    case T_LONG: return PyLong_FromLong(*reinterpret_cast<const long*>(addr));
    case T_PYSSIZET: return PyLong_FromSsize_t(*reinterpret_cast<const Py_ssize_t*>(addr));
    case T_DOUBLE: return PyFloat_FromDouble(*reinterpret_cast<const double*>(addr));
    case T_OBJECT:
    case T_OBJECT_EX:
      if (PyObject* o = *reinterpret_cast<PyObject* const*>(addr)) return Py_NewRef(o);
      break;
    default:
      break;
  }
  return returnNew(memberValue(m, addr, self));
}

Value memberGet(const GetSetDef* def, Value self) {
  auto* m = static_cast<const PyMemberDef*>(def->data);
  SelfProxy s(self);
  return memberValue(m, reinterpret_cast<const char*>(s.p) + m->offset, self);
}

template <class T>
int storeInt(char* addr, Value value, int64_t lo, uint64_t hi) {
  int64_t n;
  if (!isInt(value)) {
    raise(exc::TypeError, "attribute value type must be int");
    return -1;
  }
  if (!intToInt64(value, &n)) {
    if (hi != UINT64_MAX || intSign(value) < 0) return -1;
    // Above int64: only the unsigned 64-bit types take it.
    clearError();
    PyObject* p = toNew(value);
    unsigned long long u = PyLong_AsUnsignedLongLong(p);
    Py_DECREF(p);
    if (u == static_cast<unsigned long long>(-1) && errorPending()) return -1;
    *reinterpret_cast<T*>(addr) = static_cast<T>(u);
    return 0;
  }
  if (n < lo || (n > 0 && static_cast<uint64_t>(n) > hi)) {
    // CPython truncates with a RuntimeWarning for the narrow types; Tern
    // raises, which is never a silent wrong value.
    raise(exc::OverflowError, "Python int too large to convert to C value");
    return -1;
  }
  *reinterpret_cast<T*>(addr) = static_cast<T>(n);
  return 0;
}

int memberSet(const GetSetDef* def, Value self, Value value) {
  auto* m = static_cast<const PyMemberDef*>(def->data);
  if (m->flags & READONLY) {
    raise(exc::AttributeError, "readonly attribute");
    return -1;
  }
  if (value.isNull() && m->type != T_OBJECT && m->type != T_OBJECT_EX) {
    raise(exc::TypeError, "can't delete numeric/char attribute");
    return -1;
  }
  SelfProxy s(self);
  char* addr = reinterpret_cast<char*>(s.p) + m->offset;
  switch (m->type) {
    case T_BOOL:
      if (!isBool(value)) {
        raise(exc::TypeError, "attribute value type must be bool");
        return -1;
      }
      *reinterpret_cast<char*>(addr) = value == Value(singletons::True);
      return 0;
    case T_BYTE: return storeInt<signed char>(addr, value, -128, 255);
    case T_UBYTE: return storeInt<unsigned char>(addr, value, -128, 255);
    case T_SHORT: return storeInt<short>(addr, value, -32768, 65535);
    case T_USHORT: return storeInt<unsigned short>(addr, value, -32768, 65535);
    case T_INT: return storeInt<int>(addr, value, INT32_MIN, UINT32_MAX);
    case T_UINT: return storeInt<unsigned int>(addr, value, INT32_MIN, UINT32_MAX);
    case T_LONG:
    case T_LONGLONG:
    case T_PYSSIZET: return storeInt<int64_t>(addr, value, INT64_MIN, INT64_MAX);
    case T_ULONG:
    case T_ULONGLONG: return storeInt<uint64_t>(addr, value, INT64_MIN, UINT64_MAX);
    case T_FLOAT:
    case T_DOUBLE: {
      double d;
      if (isFloat(value)) {
        d = floatValue(value);
      } else if (isInt(value)) {
        if (!intToDouble(value, &d)) return -1;
      } else {
        raise(exc::TypeError, "attribute value type must be float");
        return -1;
      }
      if (m->type == T_FLOAT) {
        *reinterpret_cast<float*>(addr) = static_cast<float>(d);
      } else {
        *reinterpret_cast<double*>(addr) = d;
      }
      return 0;
    }
    case T_OBJECT:
    case T_OBJECT_EX: {
      PyObject** slot = reinterpret_cast<PyObject**>(addr);
      if (value.isNull() && m->type == T_OBJECT_EX && *slot == nullptr) {
        raise(exc::AttributeError, m->name);
        return -1;
      }
      PyObject* old = *slot;
      *slot = value.isNull() ? nullptr : toNew(value);
      Py_XDECREF(old);
      return 0;
    }
    default:
      raisef(exc::TypeError, "cannot set attribute '%s' of this type", m->name);
      return -1;
  }
}

bool isLayoutMember(const char* name) {
  return std::strcmp(name, "__dictoffset__") == 0 || std::strcmp(name, "__weaklistoffset__") == 0 ||
         std::strcmp(name, "__vectorcalloffset__") == 0;
}

}  // namespace

bool isCGetSetEntry(Value (*raw_get)(const GetSetDef*, Value)) { return raw_get == getsetGet; }

// PyObject_GetAttr of a C object whose type takes the generic getattr: the
// type's lookup is made once, here.  What it finds first for a name a
// PyMemberDef or PyGetSetDef of the type (or a base) defines is that
// runtime descriptor, a data descriptor, which neither an instance dict nor
// anything else on the MRO can come before: read through the C object
// itself, the member is one load (or the getter one call) instead of the
// runtime's descriptor call and a proxy of the object for it.  Any other
// descriptor goes on through the runtime's generic getattr.
[[gnu::always_inline]] inline PyObject* getAttrOfCObject(PyObject* o, Value obj, Value name, Type* t) {
  Value d = typeLookup(t, name);
  if (const GetSetDef* def = d.isNull() || typeOf(d) != types::getset_descriptor_type
                                 ? nullptr
                                 : static_cast<GetSetDescrObj*>(d.asObject())->def) {
    // The descriptor's own check (checkDescrInstance): o is of its type.
    Value owner = static_cast<GetSetDescrObj*>(d.asObject())->type.get();
    bool mine = owner == typeValue(t) || isSubtype(t, static_cast<Type*>(owner.asObject()));
    if (mine && def->raw_get == memberGet) {
      auto* m = static_cast<const PyMemberDef*>(def->data);
      return memberObject(m, reinterpret_cast<const char*>(o) + m->offset, obj);
    }
    auto* g = static_cast<const PyGetSetDef*>(def->data);
    if (mine && def->raw_get == getsetGet && g->get != nullptr) return g->get(o, g->closure);
  }
  return returnNew(genericGetAttrFound(obj, name, t, d));
}

PyObject* getAttrOf(PyObject* o, Value name) {
  Value obj = fromC(o);
  if (inArena(o) && prefixOf(o)->kind == ProxyKind::kCObject && isExactStr(name)) {
    Type* t = typeOf(obj);
    if (t->slots.tp_getattro == nullptr || t->slots.tp_getattro == genericGetAttr) {
      return getAttrOfCObject(o, obj, name, t);
    }
  }
  return returnNew(getAttr(obj, name));
}

const char* docOfGetSetCopy(const GetSetDef* def);  // descrobject_proxy.cc

// A member's doc C set through the PyGetSetDef copy its descriptor's proxy
// shows (numpy's add_docstring) comes first.
const char* cGetSetDoc(const GetSetDef* def) {
  if (const char* doc = docOfGetSetCopy(def)) return doc;
  if (def->raw_get == getsetGet) return static_cast<const PyGetSetDef*>(def->data)->doc;
  if (def->raw_get == memberGet) return static_cast<const PyMemberDef*>(def->data)->doc;
  return def->doc;
}

std::span<const GetSetDef> getSetDefsFor(PyGetSetDef* getsets, PyMemberDef* members) {
  std::vector<GetSetDef> defs;
  for (PyGetSetDef* g = getsets; g != nullptr && g->name != nullptr; ++g) {
    defs.push_back({.name = g->name, .doc = g->doc, .raw_get = getsetGet, .raw_set = getsetSet, .data = g});
  }
  for (PyMemberDef* m = members; m != nullptr && m->name != nullptr; ++m) {
    if (isLayoutMember(m->name)) continue;
    defs.push_back({.name = m->name, .doc = m->doc, .raw_get = memberGet, .raw_set = memberSet, .data = m});
  }
  if (defs.empty()) return {};
  auto* out = new GetSetDef[defs.size()];
  std::copy(defs.begin(), defs.end(), out);
  return {out, defs.size()};
}

}  // namespace tern::cpyext

// ---------------------------------------------------------------------------
// PyDescr_*: descriptors made one at a time (the definitions are copied into
// memory that lives as long as the process, as the descriptors may).

using namespace tern;
using namespace tern::cpyext;

extern "C" {

int PyDescr_IsData(PyObject* d) { return typeOf(fromC(d))->slots.tp_descr_set != nullptr; }

PyObject* PyDescr_NewMethod(PyTypeObject* type, PyMethodDef* method) {
  if (type == nullptr || method == nullptr) return badInternalCall("PyDescr_NewMethod");
  return returnNew(newMethodDescriptor(runtimeTypeOfC(type), methodDefFor(method, type)));
}

PyObject* PyDescr_NewClassMethod(PyTypeObject* type, PyMethodDef* method) {
  if (type == nullptr || method == nullptr) return badInternalCall("PyDescr_NewClassMethod");
  auto* def = new PyMethodDef(*method);
  def->ml_flags |= METH_CLASS;
  return returnNew(newClassMethodDescriptor(runtimeTypeOfC(type), methodDefFor(def, type)));
}

PyObject* PyDescr_NewGetSet(PyTypeObject* type, PyGetSetDef* getset) {
  if (type == nullptr || getset == nullptr) return badInternalCall("PyDescr_NewGetSet");
  auto* defs = new PyGetSetDef[2]{*getset, {}};
  return returnNew(newGetSetDescriptor(runtimeTypeOfC(type), getSetDefsFor(defs, nullptr).data()));
}

// A getset_descriptor, where CPython makes a member_descriptor: Tern reaches
// members through raw getsets (getSetDefsFor).
PyObject* PyDescr_NewMember(PyTypeObject* type, PyMemberDef* member) {
  if (type == nullptr || member == nullptr) return badInternalCall("PyDescr_NewMember");
  auto* defs = new PyMemberDef[2]{*member, {}};
  std::span<const GetSetDef> made = getSetDefsFor(nullptr, defs);
  if (made.empty()) return badInternalCall("PyDescr_NewMember");
  return returnNew(newGetSetDescriptor(runtimeTypeOfC(type), made.data()));
}

PyObject* PyClassMethod_New(PyObject* callable) { return returnNew(newClassMethod(fromC(callable))); }
PyObject* PyStaticMethod_New(PyObject* callable) { return returnNew(newStaticMethod(fromC(callable))); }

}  // extern "C"
