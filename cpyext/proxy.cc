// The proxy core (proxy.h): making, finding, realising and freeing proxies,
// the collector's hooks, and _Py_Dealloc.
//
// Lifetimes:
//   - a linked proxy (a heap object's) lives exactly as long as its object:
//     strong while ob_refcnt > 0, released by the collector when the object
//     dies with ob_refcnt == 0 (release() below);
//   - a tagged int's proxy and a container C made that never crossed into the
//     runtime (PyTuple_New, PyList_New: kFilling, no link yet) are owned by
//     their refcount alone: _Py_Dealloc frees them at zero;
//   - a kStatic record is strong for good: exported types and singletons, and
//     the static types of extensions, never die.  Neither do the small ints
//     of _PyRuntime (pyruntime.h), which fromCSlow knows by their address.
#include <algorithm>
#include "cpyext/proxy.h"

#include <cstdio>
#include <cstdlib>
#include <unordered_map>
#include <vector>

#include "cpyext/arena.h"
#include "cpyext/proxy_internal.h"
#include "runtime/interp/errors.h"
#include "runtime/objects/float.h"
#include "runtime/objects/object.h"
#include "runtime/objects/type.h"

namespace tern::cpyext {

namespace {

// A kStatic record: the prefix, then the address of the object it stands for.
PyObject*& staticObject(ProxyPrefix* record) { return *reinterpret_cast<PyObject**>(objectOf(record)); }

bool isDictLike(PyObject* o);
bool isByteArrayLike(PyObject* o);

bool isWeakrefLike(PyObject* o);

// Whether toNew brings the proxy's C-visible fields up to date each time:
// dicts and bytearrays may have changed since C last saw them, a weak
// reference's referent may have died (a list's proxy is its storage: always
// current).
bool needsRefresh(ProxyPrefix* prefix, PyObject* o) {
  return prefix->kind == ProxyKind::kPlain && (isDictLike(o) || isByteArrayLike(o) || isWeakrefLike(o));
}

// During a full collection: how many of each proxy's references are held by
// memory the collector traces anyway — C objects with wrappers (through
// tp_traverse), linked tuple and list proxies, type proxies, owners keeping
// borrowed proxies alive.  Only the rest of ob_refcnt makes a proxy a root,
// so that a cycle through C objects is collected (CPython's gc subtracts
// internal references the same way).  Null between full collections, when
// any count above zero is a root.
std::unordered_map<PyObject*, Py_ssize_t>* g_internal = nullptr;

int countInternal(PyObject* o, void*) {
  if (o != nullptr) ++(*g_internal)[o];
  return 0;
}

std::unordered_map<PyObject*, std::vector<PyObject*>>& kept();

// The references a linked proxy's C memory holds that its runtime object
// does not: a C heap type's module (ht_module) and a module's state (its
// def's m_traverse).  A full collection counts them as internal and traces
// them along with the object (traceContents).
int traverseCMemory(PyObject* o, visitproc visit, void* arg) {
  ProxyPrefix* prefix = prefixOf(o);
  if (prefix->kind == ProxyKind::kType) {
    // A class's tp_dict is its runtime type's dict, traced with the type;
    // one C put there is not, until the type adopts it (kForeignDict).
    PyObject* dict = reinterpret_cast<PyTypeObject*>(o)->tp_dict;
    if ((prefix->flags & proxy_flags::kForeignDict) && dict != nullptr) {
      if (int r = visit(dict, arg)) return r;
    }
    PyObject* module = reinterpret_cast<PyHeapTypeObject*>(o)->ht_module;
    return module != nullptr ? visit(module, arg) : 0;
  }
  if (prefix->kind == ProxyKind::kPlain) return traverseModuleState(o, visit, arg);
  return 0;
}

void traceContents(gc::ExternalLink* link, gc::SlotVisitor& visitor) {
  ProxyPrefix* prefix = prefixOfLink(link);
  if (prefix->kind == ProxyKind::kStatic) return;
  traverseCMemory(objectOf(prefix), visitProxy, &visitor);
}

void countReferencesOf(gc::ExternalLink* link, void*) {
  ProxyPrefix* prefix = prefixOfLink(link);
  PyObject* o = objectOf(prefix);
  switch (prefix->kind) {
    case ProxyKind::kCObject:
      if (Py_TYPE(o)->tp_traverse != nullptr) Py_TYPE(o)->tp_traverse(o, countInternal, nullptr);
      break;
    case ProxyKind::kTuple:
      for (Py_ssize_t i = 0; i < Py_SIZE(o); ++i) countInternal(PyTuple_GET_ITEM(o, i), nullptr);
      break;
    case ProxyKind::kList:
      for (Py_ssize_t i = 0; i < Py_SIZE(o); ++i) countInternal(PyList_GET_ITEM(o, i), nullptr);
      break;
    case ProxyKind::kType: {
      auto* t = reinterpret_cast<PyTypeObject*>(o);
      if (!(prefix->flags & proxy_flags::kForeignDict)) countInternal(t->tp_dict, nullptr);  // else traverseCMemory's
      countInternal(t->tp_bases, nullptr);
      countInternal(t->tp_mro, nullptr);
      break;
    }
    default:
      break;
  }
  if (prefix->kind == ProxyKind::kStatic) return;
  traverseCMemory(o, countInternal, nullptr);
  if (!(prefix->marks & proxy_marks::kKeeps)) return;
  auto it = kept().find(o);
  if (it != kept().end()) {
    for (PyObject* item : it->second) countInternal(item, nullptr);
  }
}

void beginFull() {
  g_internal = new std::unordered_map<PyObject*, Py_ssize_t>();
  gc::forEachExternal(countReferencesOf, nullptr);
}

void endFull() {
  delete g_internal;
  g_internal = nullptr;
}

bool isStrong(const gc::ExternalLink* link) {
  ProxyPrefix* prefix = prefixOfLink(link);
  if (prefix->kind == ProxyKind::kStatic) return true;
  PyObject* o = objectOf(prefix);
  if (o->ob_refcnt <= 0) return false;
  if (g_internal == nullptr) return true;
  auto it = g_internal->find(o);
  return it == g_internal->end() || o->ob_refcnt > it->second;
}


// The object died.  A proxy still counted (a full collection found all its
// references inside garbage: other dying proxies' items, C objects'
// fields) stays, unlinked, until the last of those lets go of it: its owner
// may be released after it in this very sweep.  _Py_Dealloc frees it then.
void release(gc::ExternalLink* link) {
  PyObject* o = objectOf(prefixOfLink(link));
  if (o->ob_refcnt > 0) return;
  freeProxy(o);
}

const gc::ExternalHooks kHooks = {.is_strong = isStrong,
                                  .release = release,
                                  .begin_full = beginFull,
                                  .end_full = endFull,
                                  .trace = traceContents};

// Objects outside the arena C may hand back: address -> kStatic record.
std::unordered_map<PyObject*, ProxyPrefix*>& statics() {
  static auto* table = new std::unordered_map<PyObject*, ProxyPrefix*>();
  return *table;
}

PyObject* materialise(Value v);

bool isDictLike(PyObject* o) { return (Py_TYPE(o)->tp_flags & Py_TPFLAGS_DICT_SUBCLASS) != 0; }
// bytearray's ob_size/ob_start (refreshByteArray); a subclass is a heap type.
bool isByteArrayLike(PyObject* o) {
  PyTypeObject* t = Py_TYPE(o);
  return t == &PyByteArray_Type || ((t->tp_flags & Py_TPFLAGS_HEAPTYPE) && PyType_IsSubtype(t, &PyByteArray_Type));
}

// wr_object (refreshWeakref); a subclass of weakref.ref is a heap type.
bool isWeakrefLike(PyObject* o) {
  PyTypeObject* t = Py_TYPE(o);
  return t == &_PyWeakref_RefType || t == &_PyWeakref_ProxyType || t == &_PyWeakref_CallableProxyType ||
         ((t->tp_flags & Py_TPFLAGS_HEAPTYPE) && PyType_IsSubtype(t, &_PyWeakref_RefType));
}

// Proxies kept alive by an owner (toBorrowed of a tagged int): owner -> them.
std::unordered_map<PyObject*, std::vector<PyObject*>>& kept() {
  static auto* table = new std::unordered_map<PyObject*, std::vector<PyObject*>>();
  return *table;
}

}  // namespace

bool proxy_detail::g_hooks_installed = false;

void proxy_detail::installHooks() {
  if (!g_hooks_installed) {
    gc::setExternalHooks(&kHooks);
    g_hooks_installed = true;
  }
}

void linkProxy(PyObject* proxy, Value v) {
  ProxyPrefix* prefix = prefixOf(proxy);
  if (v.isObject()) {
    gc::addExternal(v.asObject(), &prefix->link);
  } else {
    prefix->link.target = v;
  }
}

bool isKnownType(PyTypeObject* t) {
  if (t == nullptr) return false;
  if (arenaContains(t)) return prefixOf(reinterpret_cast<PyObject*>(t))->kind == ProxyKind::kType;
  return statics().count(reinterpret_cast<PyObject*>(t)) != 0;
}

void registerStatic(PyObject* object, Value v) {
  proxy_detail::installHooks();
  auto* record = static_cast<ProxyPrefix*>(arenaAllocate(sizeof(ProxyPrefix) + sizeof(PyObject*)));
  record->kind = ProxyKind::kStatic;
  staticObject(record) = object;
  gc::addExternal(v.asObject(), &record->link);
  statics()[object] = record;
}

namespace recent_proxies {
ProxyPrefix* g_slots[1u << kBits];
}  // namespace recent_proxies

PyObject* toNewSlow(Value v) {
  ProxyPrefix* prefix = nullptr;
  PyObject* o;
  if (gc::ExternalLink* link = v.isObject() ? gc::findExternal(v.asObject()) : nullptr) {
    prefix = prefixOfLink(link);
    o = cObjectOf(prefix);
    Py_INCREF(o);
    if (needsRefresh(prefix, o)) {
      refreshProxy(o, v);
      return o;
    }
  } else {
    o = materialise(v);
    if (!arenaContains(o)) return o;  // a static found by its record next time
    prefix = prefixOf(o);
    if (needsRefresh(prefix, o) || prefix->link.target != v) return o;
  }
  recent_proxies::g_slots[recent_proxies::slotOf(v)] = prefix;
  return o;
}

PyObject* toBorrowed(PyObject* owner, Value item) {
  PyObject* o = toNew(item);
  if (arenaContains(o)) prefixOf(o)->marks |= proxy_marks::kBorrowed;
  if (item.isObject()) {
    Py_DECREF(o);  // the object keeps its proxy; at zero it is merely weak
    return o;
  }
  keepAlive(owner, o);  // a tagged int's proxy: the owner holds the reference
  return o;
}

namespace {

// Whether a proxy whose only reference is being given up may go at once: a
// linked proxy of a family whose memory holds nothing but the object's state
// (module proxies carry md_state; type proxies are kept), never borrowed.
bool droppable(PyObject* o) {
  if (!arenaContains(o) || o->ob_refcnt != 1) return false;
  ProxyPrefix* prefix = prefixOf(o);
  if (prefix->marks & proxy_marks::kBorrowed) return false;
  if (prefix->flags != 0 || !prefix->link.target.isObject()) return false;
  switch (prefix->kind) {
    case ProxyKind::kLong:
    case ProxyKind::kBytes:
    case ProxyKind::kTuple:
      return true;
    // Unless the proxy holds the fields of a C type deriving from float or
    // str (numpy.str_), which are state nothing else has.
    case ProxyKind::kFloat:
      return Py_TYPE(o)->tp_basicsize <= static_cast<Py_ssize_t>(sizeof(PyFloatObject));
    case ProxyKind::kUnicode:
      return Py_TYPE(o)->tp_basicsize <= static_cast<Py_ssize_t>(sizeof(PyUnicodeObject));
    case ProxyKind::kList:
      return leaveListProxy(o);  // its items go back onto the heap first
    default:
      return false;
  }
}

}  // namespace

namespace {

// Gives up the reference to o that was the only one.  A droppable proxy is
// unlinked and freed, and so are the items of a tuple that only it held
// (Py_BuildValue's str and float): C had them from the tuple, which it gave
// away, so in CPython too they were the tuple's alone.  Items anything else
// counts or borrowed stay.
void dropOwned(PyObject* o) {
  if (!droppable(o)) {
    Py_DECREF(o);
    return;
  }
  gc::removeExternal(prefixOf(o)->link.target.asObject());
  if (prefixOf(o)->kind == ProxyKind::kTuple) {
    auto* t = reinterpret_cast<PyTupleObject*>(o);
    for (Py_ssize_t i = 0; i < Py_SIZE(o); ++i) {
      PyObject* item = t->ob_item[i];
      t->ob_item[i] = nullptr;
      if (item != nullptr) dropOwned(item);
    }
  }
  freeProxy(o);
}

}  // namespace

namespace {

// The runtime object of a proxy C made and never let cross over (kFilling),
// without linking the two; null if o is not one of those families.
Value valueOfFilled(PyObject* o) {
  switch (prefixOf(o)->kind) {
    case ProxyKind::kUnicode:
      return strOfFilled(o);
    case ProxyKind::kBytes:
      return bytesOfFilled(o);
    case ProxyKind::kFloat:
      return floatOfFilled(o);
    case ProxyKind::kLong:
      return longOfFilled(o);
    case ProxyKind::kTuple:
      return handOverTuple(o);
    default:
      return Value();
  }
}

// Whether a str proxy may own a UTF-8 or wchar_t form besides its data (an
// ASCII compact str's UTF-8 form is its data).
bool ownsOtherForms(PyObject* o) {
  auto* a = reinterpret_cast<PyASCIIObject*>(o);
  return a->wstr != nullptr || !a->state.ascii || !a->state.compact;
}

// freeProxy of a proxy whose value was handed over: a tuple's items are
// gone, so what it may still own is a str's other forms (UTF-8, wchar_t) and
// what it keeps alive.
void freeHandedOver(PyObject* o) {
  ProxyPrefix* prefix = prefixOf(o);
  if (prefix->marks & proxy_marks::kKeeps) return freeProxy(o);
  if (prefix->kind == ProxyKind::kUnicode && ownsOtherForms(o)) releaseUnicodeContents(o);
  prefix->link.target = Value();
  arenaFree(prefix);
}

// Whether takeNew may hand o over without ever linking it: C made it, never
// let it cross, and gives up its only reference now.
bool handOverable(PyObject* o) {
  // The families valueOfFilled makes objects of, as a mask of kinds.
  constexpr uint32_t kFilledKinds = 1u << static_cast<unsigned>(ProxyKind::kUnicode) |
                                    1u << static_cast<unsigned>(ProxyKind::kBytes) |
                                    1u << static_cast<unsigned>(ProxyKind::kFloat) |
                                    1u << static_cast<unsigned>(ProxyKind::kLong) |
                                    1u << static_cast<unsigned>(ProxyKind::kTuple);
  if (!arenaContains(o) || o->ob_refcnt != 1) return false;
  ProxyPrefix* prefix = prefixOf(o);
  if (prefix->flags != proxy_flags::kFilling || (prefix->marks & proxy_marks::kBorrowed)) return false;
  return (kFilledKinds >> static_cast<unsigned>(prefix->kind)) & 1;
}

}  // namespace

Value takeNewSlow(PyObject* o) {
  if (!arenaContains(o)) {  // a static object: it never dies
    Value v = fromCSlow(o);
    Py_DECREF(o);
    return v;
  }
  if (handOverable(o)) {
    // Nothing else can reach the proxy: the runtime gets the object, and
    // the proxy goes without the link it would only have shed again.
    Value v = valueOfFilled(o);
    if (v.isNull()) {
      freeProxy(o);  // a tuple may still hold items it did not hand over
    } else {
      freeHandedOver(o);
    }
    return v;
  }
  Value v = fromC(o);
  if (o->ob_refcnt == 1) adoptDateTimeFold(o, v);
  dropOwned(o);
  return v;
}

Value realiseFilled(PyObject* o) {
  Value v = valueOfFilled(o);
  if (v.isNull()) return v;
  prefixOf(o)->flags &= ~proxy_flags::kFilling;
  // An int C filled whose value is a tagged one: no object to live with,
  // so the proxy is owned by its count like any tagged int's.
  if (v.isSmallInt()) prefixOf(o)->kind = ProxyKind::kTaggedInt;
  linkProxy(o, v);
  return v;
}

Value* staticLinkSlot(PyObject* o) {
  auto it = statics().find(o);
  return it == statics().end() ? nullptr : &it->second->link.target;
}

namespace {

[[gnu::noinline]] Value readyOnFirstUse(PyTypeObject* t) {
  Value pending = takeError();
  if (PyType_Ready(t) < 0) {
    std::fprintf(stderr, "tern: cpyext: the static type %s, used before PyType_Ready, cannot be readied\n",
                 t->tp_name != nullptr ? t->tp_name : "(unnamed)");
    std::abort();
  }
  if (!pending.isNull()) restoreError(pending);
  return fromC(reinterpret_cast<PyObject*>(t));
}

}  // namespace

Value fromCSlow(PyObject* o) {
  if (arenaContains(o)) return realise(o);
  // The singletons C returns most, before the table of statics.
  if (o == Py_None) return None();
  if (o == Py_True) return True();
  if (o == Py_False) return False();
  if (int64_t n; isSmallIntObject(o, &n)) return Value::fromSmallInt(n);
  auto it = statics().find(o);
  if (it != statics().end()) return it->second->link.target;
  // A static type never passed to PyType_Ready (CPython's _testbuffer adds
  // its types to its module so): readied now, as CPython readies such a type
  // when it is first used.
  if (Py_TYPE(o) == &PyType_Type && !(reinterpret_cast<PyTypeObject*>(o)->tp_flags & Py_TPFLAGS_READY)) {
    return readyOnFirstUse(reinterpret_cast<PyTypeObject*>(o));
  }
  // A static instance of a C type (numpy's np.True_ is a static struct).
  if (isKnownType(Py_TYPE(o))) return adoptStaticCObject(o);
  // A pointer that is not an object at all: there is no safe answer.
  std::fprintf(stderr, "tern: cpyext: %p is not an object Tern knows\n", static_cast<void*>(o));
  std::abort();
}

void freeProxy(PyObject* proxy) {
  ProxyPrefix* prefix = prefixOf(proxy);
  releaseContents(proxy);
  prefix->link.target = Value();  // no recent_proxies entry answers for it now
  arenaFree(prefix);
}

Value realise(PyObject* o) {
  ProxyPrefix* prefix = prefixOf(o);
  switch (prefix->kind) {
    case ProxyKind::kTuple:
      return realiseTuple(o);
    case ProxyKind::kList:
      return realiseList(o);
    case ProxyKind::kCObject:
      if (prefix->flags & proxy_flags::kNoWrapper) return wrapCObject(o);
      return prefix->link.target;
    case ProxyKind::kType:
      if (prefix->flags & proxy_flags::kForeignDict) adoptForeignTypeDict(o);
      return prefix->link.target;
    default:
      if (prefix->flags & proxy_flags::kFilling) return realiseFilled(o);
      return prefix->link.target;
  }
}

void keepAlive(PyObject* owner, PyObject* proxy) {
  // Objects outside the arena never die: what they keep is kept for good.
  if (!arenaContains(owner)) return;
  prefixOf(owner)->marks |= proxy_marks::kKeeps;
  kept()[owner].push_back(proxy);
}

void releaseContents(PyObject* proxy) {
  ProxyPrefix* prefix = prefixOf(proxy);
  if (prefix->marks & (proxy_marks::kWeakTarget | proxy_marks::kWeakReader)) forgetWeakProxies(proxy);
  switch (prefix->kind) {
    case ProxyKind::kTuple:
      releaseTupleContents(proxy);
      break;
    case ProxyKind::kList:
      releaseListContents(proxy);
      break;
    case ProxyKind::kType:
      releaseTypeContents(proxy);
      break;
    case ProxyKind::kUnicode:
      releaseUnicodeContents(proxy);
      break;
    case ProxyKind::kPlain:
      if (Py_TYPE(proxy) == &PyCFunction_Type) releaseBuiltinFunction(proxy);
      break;
    default:
      break;
  }
  if (!(prefix->marks & proxy_marks::kKeeps)) return;
  prefix->marks &= ~proxy_marks::kKeeps;
  auto it = kept().find(proxy);
  if (it != kept().end()) {
    std::vector<PyObject*> items = std::move(it->second);
    kept().erase(it);
    for (PyObject* item : items) Py_DECREF(item);
  }
}

void refreshProxy(PyObject* proxy, Value v) {
  if (!arenaContains(proxy)) return;
  switch (prefixOf(proxy)->kind) {
    case ProxyKind::kPlain:
      refreshPlain(proxy, v);
      break;
    default:
      break;
  }
}

std::nullptr_t badInternalCall(const char* function) {
  raiseSystemError(function, "bad argument to internal function");
  return nullptr;
}

namespace {

PyObject* newPlainProxy(Value v) {
  size_t bytes = plainProxyBytes(typeOf(v));
  // An instance of a C type deriving from a builtin (complex) with fields.
  if (PyTypeObject* c_type = cTypeOf(v)) bytes = std::max(bytes, static_cast<size_t>(c_type->tp_basicsize));
  PyObject* o = allocProxy(ProxyKind::kPlain, bytes, typeProxy(typeOf(v)));
  linkProxy(o, v);
  refreshProxy(o, v);
  return o;
}

PyObject* materialise(Value v) {
  if (v.isSmallInt()) return newLongProxy(v);
  Type* type = typeOf(v);
  if (type->hasFlag(type_flags::kIntSubclass)) return newLongProxy(v);
  if (type->hasFlag(type_flags::kStrSubclass)) return newUnicodeProxy(v);
  if (type->hasFlag(type_flags::kTupleSubclass)) return newTupleProxy(v);
  if (type->hasFlag(type_flags::kListSubclass)) return newListProxy(v);
  if (type->hasFlag(type_flags::kBytesSubclass)) return newBytesProxy(v);
  if (type->hasFlag(type_flags::kTypeSubclass)) {
    PyObject* o = reinterpret_cast<PyObject*>(typeProxy(static_cast<Type*>(v.asObject())));
    Py_INCREF(o);
    return o;
  }
  if (isFloat(v)) return newFloatProxy(v);
  return newPlainProxy(v);
}

}  // namespace

}  // namespace tern::cpyext

// ---------------------------------------------------------------------------
// The C API's deallocation entry: Py_DECREF calls it when ob_refcnt reaches 0;
// and its counterpart for memory C reuses.

extern "C" PyAPI_FUNC(void) _Py_Dealloc(PyObject* op) {
  using namespace tern::cpyext;
  if (!arenaContains(op)) return;  // static objects are never freed
  ProxyPrefix* prefix = prefixOf(op);
  switch (prefix->kind) {
    case ProxyKind::kTaggedInt:
      freeProxy(op);
      return;
    case ProxyKind::kCObject:
      deallocCObject(op);
      return;
    default:
      // Unlinked: a container C built and dropped before it crossed over,
      // or a proxy whose object died while it was still counted (release).
      if (prefix->link.target.isNull()) freeProxy(op);
      // A linked proxy stays as long as its object: it is only weak now.
      return;
  }
}

// C makes a new object of memory it kept after the old one's tp_dealloc
// (CPython's modules keep free lists: `_asyncio`'s future iterators).  An
// object of a C type in the arena starts again as PyObject_Init leaves one:
// its old wrapper and link are gone (the wrapper's finalizer ran tp_dealloc),
// so the next crossing makes a new wrapper; what the old one kept alive is
// released.  Anything else just gets its count.
extern "C" PyAPI_FUNC(void) _Py_NewReference(PyObject* op) {
  using namespace tern::cpyext;
  op->ob_refcnt = 1;
  if (!arenaContains(op)) return;
  ProxyPrefix* prefix = prefixOf(op);
  if (prefix->kind != ProxyKind::kCObject) return;
  if (prefix->marks & proxy_marks::kKeeps) releaseContents(op);
  if (prefix->marks & (proxy_marks::kWeakTarget | proxy_marks::kWeakReader)) forgetWeakProxies(op);
  prefix->marks = 0;
  prefix->flags = proxy_flags::kNoWrapper;
  prefix->link.target = tern::Value();
}
