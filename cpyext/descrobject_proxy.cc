// Proxies of the descriptor objects (PyDescr_COMMON and the def pointer):
// C reads them directly, as numpy's add_docstring reads d_getset->doc.
//
// d_type, d_name and the def pointer are filled once (descriptors never
// change).  The def is the C table entry itself when the descriptor came from
// one (a PyMethodDef of a C type's tp_methods, a PyGetSetDef of tp_getset);
// otherwise a C-layout copy of the runtime def's name and doc, made once per
// def and kept for good, as the runtime's defs are.  A C type's tp_members
// become getset descriptors in Tern (descrobject.cc): their proxies carry a
// PyGetSetDef copy.
#include <cstring>
#include <unordered_map>

#include "Python.h"
#include "structmember.h"
#include "cpyext/proxy.h"
#include "cpyext/proxy_internal.h"
#include "runtime/objects/descriptors.h"
#include "runtime/objects/slots.h"
#include "runtime/objects/type.h"

namespace tern::cpyext {

PyMethodDef* cMethodDefOf(const MethodDef* def);  // methodobject.cc: null unless def came from C
bool isCGetSetEntry(Value (*raw_get)(const GetSetDef*, Value));  // descrobject.cc

namespace {

template <typename Key, typename Def>
std::unordered_map<const Key*, Def*>& copies() {
  static auto* table = new std::unordered_map<const Key*, Def*>();
  return *table;
}

template <typename Key, typename Def>
Def* copyOnce(const Key* key, Def def) {
  auto [it, fresh] = copies<Key, Def>().try_emplace(key, nullptr);
  if (fresh) it->second = new Def(def);
  return it->second;
}

PyMethodDef* methodDefOf(const MethodDef* def) {
  if (PyMethodDef* c = cMethodDefOf(def)) return c;
  return copyOnce(def, PyMethodDef{.ml_name = def->name, .ml_meth = nullptr, .ml_flags = METH_VARARGS,
                                   .ml_doc = def->doc});
}

PyGetSetDef* getSetDefOf(const GetSetDef* def) {
  if (def->raw_get != nullptr && isCGetSetEntry(def->raw_get)) {
    return const_cast<PyGetSetDef*>(static_cast<const PyGetSetDef*>(def->data));
  }
  return copyOnce(def, PyGetSetDef{.name = def->name, .get = nullptr, .set = nullptr, .doc = def->doc,
                                   .closure = nullptr});
}

void fillCommon(PyObject* o, DescrObj* d) {
  auto* c = reinterpret_cast<PyDescrObject*>(o);
  c->d_type = typeProxy(static_cast<Type*>(d->type.get().asObject()));
  c->d_name = toNew(d->name.get());
  keepAlive(o, c->d_name);
  c->d_qualname = nullptr;
}

}  // namespace

const char* docOfGetSetCopy(const GetSetDef* def) {
  auto& table = copies<GetSetDef, PyGetSetDef>();
  auto it = table.find(def);
  return it == table.end() ? nullptr : it->second->doc;
}

size_t descriptorProxyBytes(Type* type) {
  if (type == types::method_descriptor_type || type == types::classmethod_descriptor_type) {
    return sizeof(PyMethodDescrObject);
  }
  if (type == types::getset_descriptor_type) return sizeof(PyGetSetDescrObject);
  if (type == types::member_descriptor_type) return sizeof(PyMemberDescrObject);
  if (type == types::wrapper_descriptor_type) return sizeof(PyWrapperDescrObject);
  return 0;
}

void refreshDescriptor(PyObject* o, Value v) {
  auto* c = reinterpret_cast<PyDescrObject*>(o);
  if (c->d_name != nullptr) return;  // filled once: a descriptor never changes
  auto* d = static_cast<DescrObj*>(v.asObject());
  fillCommon(o, d);
  Type* type = typeOf(v);
  if (type == types::method_descriptor_type || type == types::classmethod_descriptor_type) {
    reinterpret_cast<PyMethodDescrObject*>(o)->d_method = methodDefOf(static_cast<MethodDescrObj*>(d)->def);
  } else if (type == types::getset_descriptor_type) {
    reinterpret_cast<PyGetSetDescrObject*>(o)->d_getset = getSetDefOf(static_cast<GetSetDescrObj*>(d)->def);
  } else if (type == types::member_descriptor_type) {
    // A class's __slots__ entry or a builtin's member: name and doc only
    // (its offset is the runtime object's, not a C struct's).
    // A __slots__ entry has no def to key a copy by: its copy is its own
    // (a few bytes per such descriptor C sees, never freed).
    auto* m = static_cast<MemberDescrObj*>(d);
    PyMemberDef* def;
    if (m->def != nullptr) {
      def = copyOnce(m->def, PyMemberDef{.name = m->def->name, .type = T_OBJECT_EX, .offset = 0,
                                         .flags = READONLY, .doc = m->def->doc});
    } else {
      def = new PyMemberDef{.name = strdup(PyUnicode_AsUTF8(c->d_name)), .type = T_OBJECT_EX, .offset = 0,
                            .flags = READONLY, .doc = nullptr};
    }
    reinterpret_cast<PyMemberDescrObject*>(o)->d_member = def;
  } else if (type == types::wrapper_descriptor_type) {
    auto* w = static_cast<WrapperDescrObj*>(d);
    reinterpret_cast<PyWrapperDescrObject*>(o)->d_base =
        copyOnce(w->slot, wrapperbase{.name = w->slot->field, .offset = 0, .function = nullptr,
                                      .wrapper = nullptr, .doc = nullptr, .flags = 0, .name_strobj = nullptr});
    reinterpret_cast<PyWrapperDescrObject*>(o)->d_wrapped = w->fn;
  }
}

}  // namespace tern::cpyext
