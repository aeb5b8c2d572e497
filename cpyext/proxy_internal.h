// What the proxy core (proxy.cc) and the API families share beyond proxy.h:
// allocating and linking proxies, and the per-family materialisers that
// toNew() calls for a value that has no proxy yet.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <span>

#include "cpyext/proxy.h"

#include "runtime/gc/layout.h"
#include "runtime/objects/native.h"

namespace tern::cpyext {

namespace proxy_detail {
// Whether the collector has cpyext's hooks (gc::setExternalHooks), which it
// needs before the first proxy is linked.
[[gnu::visibility("hidden")]] extern bool g_hooks_installed;
void installHooks();
}  // namespace proxy_detail

// A zeroed proxy of `object_bytes` (the PyObject part, header included) behind
// its prefix, with ob_refcnt = 1 and ob_type = type.  Never null (out of
// memory is fatal, as for the heap).  Inline: the values C makes most
// (floats, strs, tuples) are a few stores on top of arenaAllocate.
inline PyObject* allocProxy(ProxyKind kind, size_t object_bytes, PyTypeObject* type) {
  if (!proxy_detail::g_hooks_installed) [[unlikely]] proxy_detail::installHooks();
  auto* prefix = static_cast<ProxyPrefix*>(arenaAllocate(sizeof(ProxyPrefix) + object_bytes));
  prefix->kind = kind;
  PyObject* o = objectOf(prefix);
  o->ob_refcnt = 1;
  o->ob_type = type;
  return o;
}
// memcpy for the short texts C passes most (names, small strings): up to 16
// bytes with two possibly overlapping loads and stores each, not a call.
inline void copyBytes(void* dst, const void* src, size_t n) {
  auto* d = static_cast<char*>(dst);
  const auto* s = static_cast<const char*>(src);
  if (n >= 8 && n <= 16) {
    uint64_t head, tail;
    std::memcpy(&head, s, 8);
    std::memcpy(&tail, s + n - 8, 8);
    std::memcpy(d, &head, 8);
    std::memcpy(d + n - 8, &tail, 8);
  } else if (n >= 4 && n < 8) {
    uint32_t head, tail;
    std::memcpy(&head, s, 4);
    std::memcpy(&tail, s + n - 4, 4);
    std::memcpy(d, &head, 4);
    std::memcpy(d + n - 4, &tail, 4);
  } else if (n > 0 && n < 4) {
    d[0] = s[0];
    d[n / 2] = s[n / 2];
    d[n - 1] = s[n - 1];
  } else if (n > 16) {
    std::memcpy(d, s, n);
  }
}
// Makes `proxy` v's proxy: a heap object gets the external link (so later
// conversions find it); a tagged int is just recorded in the link word.
void linkProxy(PyObject* proxy, Value v);
// Frees a proxy's memory (and what it owns, e.g. a tuple's item references).
void freeProxy(PyObject* proxy);
// What a proxy owns besides its block: item references, buffers, kept-alive
// borrowed proxies.  Called by freeProxy, inside the collector too: it may
// free C memory and Py_DECREF proxies but must not touch the heap.
void releaseContents(PyObject* proxy);
// Makes `owner` hold a reference to `proxy` until the owner is freed.
void keepAlive(PyObject* owner, PyObject* proxy);

// Brings the C-visible fields of v's existing proxy up to date before C sees
// it again (a dict's ma_used, a bytearray's ob_start): the runtime may have changed
// the object since.
void refreshProxy(PyObject* proxy, Value v);
// The runtime value of an arena object that fromC's fast path cannot answer:
// a container C is still filling (made on first crossing) or an object of a
// C-defined type without its runtime wrapper yet.
Value realise(PyObject* o);
// Bytes a plain proxy of an instance of `type` needs: CPython's struct size
// for the builtin families whose fields C may read, PyObject otherwise.
size_t plainProxyBytes(Type* type);

// Containers (tupleobject.cc, listobject.cc): proxies, realising the ones C
// filled, releasing their item references, refreshing a list's ob_item.
PyObject* newTupleProxy(Value v);
PyObject* newListProxy(Value v);
Value realiseTuple(PyObject* o);
// A tuple proxy of type `type` (a tuple or struct sequence type) that C
// fills; made a runtime object when it crosses over.
PyObject* newFillingTuple(Py_ssize_t n, PyTypeObject* type);
// A tuple of call arguments as C sees it: made in C memory only (a runtime
// tuple is made if it ever crosses back), so the usual call frees it at once.
PyObject* tupleOfArgs(const Value* args, size_t n);
// Py_DECREF of a tuple tupleOfArgs made, after the call: when C kept no
// reference and never let it cross, its items are released as lent
// arguments are and its block freed at once, without _Py_Dealloc's walk.
inline void releaseArgsTuple(PyObject* o) {
  ProxyPrefix* prefix = prefixOf(o);
  if (o->ob_refcnt != 1 || !inArena(o) || prefix->flags != proxy_flags::kFilling || prefix->marks != 0) {
    Py_DECREF(o);
    return;
  }
  auto* t = reinterpret_cast<PyTupleObject*>(o);
  for (Py_ssize_t i = 0; i < Py_SIZE(o); ++i) {
    if (t->ob_item[i] != nullptr) releaseLent(t->ob_item[i]);
  }
  arenaFree(prefix);
}
Value realiseList(PyObject* o);
void releaseTupleContents(PyObject* o);
void releaseListContents(PyObject* o);
// Before a list's proxy is freed while the list lives (takeNew): moves the
// items back onto the heap.  False if the list cannot leave the proxy now.
bool leaveListProxy(PyObject* o);
// Plain proxies of families with a few C-visible fields (a dict's ma_used).
void refreshPlain(PyObject* o, Value v);
// A proxy marked kWeakTarget or kWeakReader goes (freed, or a C object's
// memory reused): the weak references reading it as their wr_object read
// None from now on, or the reader leaves the table (weakrefobject.cc).
void forgetWeakProxies(PyObject* o);
// str, bytes, floats and ints C made (PyUnicode_New, PyBytes_FromStringAndSize,
// PyFloat_FromDouble, _PyLong_New) are proxies only (kFilling) until they first cross into
// the runtime: realiseFilled makes the runtime object and links the proxy.
// The *OfFilled functions make the object only (unicodeobject.cc,
// bytesobject.cc, floatobject.cc), for takeNew's hand-over too.
Value realiseFilled(PyObject* o);
Value strOfFilled(PyObject* o);
Value bytesOfFilled(PyObject* o);
Value floatOfFilled(PyObject* o);
Value longOfFilled(PyObject* o);  // _PyLong_New's (longobject.cc)
// A tuple C filled and hands over with its only reference: the runtime tuple,
// each item handed over likewise (takeNew); the proxy is left empty for
// freeing (tupleobject.cc).
Value handOverTuple(PyObject* o);
// What a builtin function's proxy holds (methodobject.cc).
void releaseBuiltinFunction(PyObject* o);
// Memory a str proxy owns besides its block (the UTF-8 form).
void releaseUnicodeContents(PyObject* o);
// The C-visible fields of plain proxies of bytearray (ob_size, ob_start into
// the runtime's storage, kept in the old space) and complex (cval), from
// refreshPlain (bytearrayobject.cc, complexobject.cc).
void refreshByteArray(PyObject* o, Value v);
void refreshComplex(PyObject* o, Value v);
// Instances of datetime.py's classes once an extension imported the datetime
// C API (datetime.cc): CPython's struct size (0 for other types), and the
// packed fields filled from the object.
size_t dateTimeProxyBytes(Type* type);
// Descriptors (descrobject_proxy.cc): PyDescr_COMMON and the def pointer.
size_t descriptorProxyBytes(Type* type);
void refreshDescriptor(PyObject* o, Value v);
void refreshDateTime(PyObject* o, Value v);
// C hands back its only reference to proxy o of v: an exact datetime or
// time takes the fold C wrote into the proxy (datetime.cc).
void adoptDateTimeFold(PyObject* o, Value v);
// Sets datetime_CAPI on the datetime module unless it has one; -1 with the
// exception pending.
int installDateTimeCapsule(PyObject* module);
// Lets the runtime consume the buffers of a C type with bf_getbuffer
// (memoryview(obj), bytes(obj)): readyCType calls it (abstract_buffer.cc).
void registerCBufferExporter(Type* type);
// Where the storage of a runtime exporter stays put while an export is held
// (BufferProcs::stable_data: arrays, mmaps, C exporters), or null.
char* stableBufferData(Value exporter);
// The tp_as_buffer of a runtime type's proxy: one calling the runtime's
// buffer protocol when the type has one (BufferProcs), else null.
PyBufferProcs* runtimeBufferProcsFor(Type* type);
// The C heap type `type` died: its registration matches no type any more.
void forgetCBufferExporter(Type* type);

// C-defined types (typeobject.cc, typespec.cc): the C type whose layout a
// runtime value's instances have (null if none), the runtime type of a ready
// C type, and readying one.
PyTypeObject* cTypeOf(Value v);
Type* runtimeTypeOfC(PyTypeObject* t);
int readyCType(PyTypeObject* t, bool heap);
void releaseTypeContents(PyObject* o);
// A type proxy with kForeignDict: when C replaced its tp_dict by another
// dict (a StgDict), the runtime type makes that dict its namespace, so
// attributes set either way meet in one dict.  Never raises.
void adoptForeignTypeDict(PyObject* type_proxy);
// A dict some type adopted changed (dictChanged): that type's caches are
// stale (C writes a class's StgDict directly: PyCPointerType_set_type).
void foreignTypeDictChanged(PyObject* dict_proxy);

// Proxies held for the length of a call into C, contiguous (a METH_FASTCALL
// array) and released when the call is done; calls with few arguments need
// no allocation (methodobject.cc, typeobject.cc, slotwrappers.cc).
class CallProxies {
 public:
  explicit CallProxies(size_t n) : items_(n <= kInline ? inline_ : new PyObject*[n]) {}
  ~CallProxies() {
    for (size_t i = 0; i < n_; ++i) {
      if (items_[i] != nullptr) releaseLent(items_[i]);
    }
    if (items_ != inline_) delete[] items_;
  }
  CallProxies(const CallProxies&) = delete;
  CallProxies& operator=(const CallProxies&) = delete;
  PyObject* add(Value v) { return items_[n_++] = v.isNull() ? nullptr : toNew(v); }
  PyObject* adopt(PyObject* p) { return items_[n_++] = p; }  // a new reference to release after the call
  PyObject** next() { return items_ + n_; }                   // where the next add() goes

 private:
  static constexpr size_t kInline = 8;
  PyObject* inline_[kInline];
  PyObject** items_;
  size_t n_ = 0;
};

// A vectorcall's arguments in the (tuple, dict) form tp_call, tp_new, tp_init
// and METH_VARARGS|METH_KEYWORDS take: `dict` is NULL without keywords.
// False with the exception pending (methodobject.cc).
struct CallTupleDict {
  PyObject* tuple = nullptr;
  PyObject* dict = nullptr;
  bool make(const Value* args, size_t nargs, Value kwnames);
  ~CallTupleDict() {
    Py_XDECREF(tuple);
    Py_XDECREF(dict);
  }
};

// A C slot's result: the value of a new reference, or null with the
// exception pending; NULL without one is a SystemError naming the slot.
Value takeSlotResult(PyObject* r, const char* slot);

// A module's C state, for the collector (moduleobject.cc): calls the def's
// m_traverse on an exact module whose state is live; 0 otherwise.
int traverseModuleState(PyObject* m, visitproc visit, void* arg);

// Objects of C-defined types (objimpl.cc): their runtime wrappers' layout;
// making the wrapper when one first crosses over; Py_DECREF reached zero.
const gc::Layout* cWrapperLayout();
// The wrappers of C types with tp_dictoffset: a __dict__ slot shared with
// the C field (objimpl.cc).
const gc::Layout* cWrapperDictLayout();
uint32_t cWrapperDictSize();
int32_t cWrapperDictOffset();
Value wrapCObject(PyObject* o);
// An object of a C type outside the arena (a static struct C returns, as
// numpy's np.True_): its runtime object, made on first sight and kept for
// good, like the static types' (registerStatic).
Value adoptStaticCObject(PyObject* o);
// Whether t is a type C may use: a readied static one or a proxy.
bool isKnownType(PyTypeObject* t);
void deallocCObject(PyObject* o);

// A C docstring may open with its __text_signature__, as CPython's do:
// "name(sig)\n--\n\n" then the doc.  Returns the doc without it (a string
// that lives for good) and, when signature is not null, the signature
// ("(sig)", with "$self"/"$module" as written) or null.
const char* docWithoutSignature(const char* doc, const char* name, const char** signature);

// The runtime definitions of a C type's methods, getsets and members
// (methodobject.cc, descrobject.cc); they live as long as the process.
// defining_class is what METH_METHOD functions get (null for a module's).
std::span<const MethodDef> methodDefsFor(PyMethodDef* methods, PyTypeObject* defining_class);
std::span<const GetSetDef> getSetDefsFor(PyGetSetDef* getsets, PyMemberDef* members);
// PyObject_GetAttr(o, name) (descrobject.cc): a member or getset of a C
// object's type is read through o itself.
PyObject* getAttrOf(PyObject* o, Value name);
// `methods` plus the slot methods of C type t (__init__, __add__, ...), each
// calling t's own C function (slotwrappers.cc).
std::span<const MethodDef> slotMethodsFor(PyTypeObject* t, std::span<const MethodDef> methods);
// A raw MethodDef calling one PyMethodDef (module functions too).
const MethodDef* methodDefFor(PyMethodDef* method, PyTypeObject* defining_class);

// The PyTypeObject C sees for a runtime type: the exported static one for a
// builtin type (PyLong_Type), else a heap-type proxy made on first use.
PyTypeObject* typeProxy(Type* type);

// The link slot of an object outside the arena (registerStatic), or null.
Value* staticLinkSlot(PyObject* o);
// A tp_traverse visitproc for the collector: reports the link word of the
// proxy visited as a slot (rewritten when the referent moves); `arg` is the
// gc::SlotVisitor (objimpl.cc).
int visitProxy(PyObject* o, void* arg);

// Fills a PyTypeObject C sees for `type` (flags, names, sizes, tp_base,
// tp_mro, the protocol slots calling back into the runtime).  basicsize 0:
// derived from the runtime type.
void fillTypeObject(PyTypeObject* out, Type* type, Py_ssize_t basicsize, Py_ssize_t itemsize);
// Makes the exported static type for the runtime type *T call T's own slots
// (not the instance's type's): C calls them by name on a base, as in
// PyType_Type.tp_setattro(obj, name, value) from a metaclass's setattro.
template <Type** T>
void installDirectSlots(PyTypeObject* out);

// The exported statics (builtin_exports.cc): once, before the first extension.
void initializeBuiltinExports();
// Everything cpyext sets up once (the exports, the thread state).
void initializeCpyext();
// builtins.h's g_terminal_reader: PyOS_Readline (myreadline.cc).
void installTerminalReader();

// Materialisers, one per family with fields C reads directly.  Each allocates
// a proxy of its exact CPython layout, fills it from v, links it and returns
// it (a new reference).  v is an instance of the family's type or a subclass.
PyObject* newLongProxy(Value v);     // longobject.cc: int and bool, tagged or big
PyObject* newFloatProxy(Value v);    // floatobject.cc
PyObject* newUnicodeProxy(Value v);  // unicodeobject.cc: PEP 393 compact form
PyObject* newBytesProxy(Value v);    // bytesobject.cc

}  // namespace tern::cpyext
