// The _pickle module: CPython 3.11's C accelerator of pickle — PickleError,
// PicklingError, UnpicklingError, Pickler and Unpickler (_pickle_save.cc,
// _pickle_load.cc), dump/dumps/load/loads, PickleBuffer and the memo proxies.
// pickle.py imports these names and falls back to its Python classes only
// when this module is missing.
#include <string>

#include "runtime/interp/errors.h"
#include "runtime/modules/_pickle.h"
#include "runtime/modules/module.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/buffer.h"
#include "runtime/objects/bytes.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/list.h"
#include "runtime/objects/memoryview.h"
#include "runtime/objects/native.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"
#include "runtime/objects/type.h"

namespace tern::pickle {

Type* g_pickle_buffer_type = nullptr;

ModuleState& state() {
  static ModuleState s;
  return s;
}

Type* picklingErrorType() { return static_cast<Type*>(state().pickling_error.get().asObject()); }
Type* unpicklingErrorType() { return static_cast<Type*>(state().unpickling_error.get().asObject()); }

Value getDottedPath(Value owner, Value name) {
  Value dot = internStr(".");
  Value parts = callMethod(name, internStr("split"), &dot, 1);
  if (parts.isNull()) return parts;
  for (int64_t i = 0; i < listLength(parts); ++i) {
    if (!strEqualsAscii(listItem(parts, i), "<locals>")) continue;
    Value r = repr(name);
    if (r.isNull()) return r;
    if (owner.isNull()) return raisef(exc::AttributeError, "Can't pickle local object %s", strToUtf8(r).c_str());
    Value o = repr(owner);
    if (o.isNull()) return o;
    return raisef(exc::AttributeError, "Can't get local attribute %s on %s", strToUtf8(r).c_str(),
                  strToUtf8(o).c_str());
  }
  return parts;
}

Value importByName(Value name) {
  Value fromlist = newListFrom(nullptr, 0);
  if (fromlist.isNull()) return fromlist;
  Value top = importName(name, Value(), fromlist, 0);
  if (top.isNull()) return top;
  Value module = dictGet(modulesDict(), name);
  if (module.isNull() && !errorPending()) raiseKeyError(name);
  return module;
}

Value getDeepAttribute(Value obj, Value names, Value* parent) {
  Value current = obj;
  Value up;
  for (int64_t i = 0; i < listLength(names); ++i) {
    up = current;
    current = lookupAttr(current, listItem(names, i));
    if (current.isNull()) return current;
  }
  if (parent != nullptr) *parent = up;
  return current;
}

namespace {

// ===========================================================================
// The memo proxies: Pickler.memo and Unpickler.memo.

Type* g_pickler_memo_proxy_type = nullptr;
Type* g_unpickler_memo_proxy_type = nullptr;

struct MemoProxyObj : Obj {
  gc::HeapValue owner;  // the Pickler or Unpickler
};

Value newMemoProxy(Type* type, Value owner) {
  Value proxy(newObject(type, sizeof(MemoProxyObj)));
  static_cast<MemoProxyObj*>(proxy.asObject())->owner.set(owner);
  return proxy;
}

// The memo as a new dict: {id(obj): (index, obj)} or {index: obj}.
Value memoCopy(Value proxy) {
  Value owner = memoProxyOwner(proxy);
  if (isPicklerMemoProxy(proxy)) return dictCopy(asPickler(owner)->memo.get());
  return unpicklerMemoCopy(owner);
}

Value memoproxy_clear(Value* args) {
  Value owner = memoProxyOwner(args[0]);
  if (isPicklerMemoProxy(args[0])) {
    dictClear(asPickler(owner)->memo.get());
  } else {
    unpicklerMemoClear(owner);
  }
  return None();
}

Value memoproxy_copy(Value* args) { return memoCopy(args[0]); }

Value memoproxy_reduce(Value* args) {
  Value copy = memoCopy(args[0]);
  if (copy.isNull()) return copy;
  Value inner = newTupleOf({copy});
  if (inner.isNull()) return inner;
  return newTupleOf({typeValue(types::dict_type), inner});
}

const MethodDef kMemoProxyMethods[] = {
    {.name = "clear", .signature = "($self, /)", .fn = memoproxy_clear, .doc = "Remove all items from memo."},
    {.name = "copy", .signature = "($self, /)", .fn = memoproxy_copy, .doc = "Copy the memo to a new object."},
    {.name = "__reduce__",
     .signature = "($self, /)",
     .fn = memoproxy_reduce,
     .doc = "Implement pickle support."},
};

const uint32_t kMemoProxyFields[] = {offsetof(Obj, ob_type), offsetof(MemoProxyObj, owner)};
const gc::Layout kMemoProxyLayout = {.name = "_pickle memo proxy", .fields = kMemoProxyFields};

const TypeSpec kPicklerMemoProxySpec = {
    .name = "PicklerMemoProxy",
    .module = "_pickle",
    .type = &g_pickler_memo_proxy_type,
    .layout = &kMemoProxyLayout,
    .basic_size = sizeof(MemoProxyObj),
    .methods = kMemoProxyMethods,
};
TERN_REGISTER_TYPE(kPicklerMemoProxySpec);

const TypeSpec kUnpicklerMemoProxySpec = {
    .name = "UnpicklerMemoProxy",
    .module = "_pickle",
    .type = &g_unpickler_memo_proxy_type,
    .layout = &kMemoProxyLayout,
    .basic_size = sizeof(MemoProxyObj),
    .methods = kMemoProxyMethods,
};
TERN_REGISTER_TYPE(kUnpicklerMemoProxySpec);

// ===========================================================================
// PickleBuffer: a wrapper marking a buffer as pickleable out of band.

struct PickleBufferObj : Obj {
  gc::HeapValue view;  // a memoryview of the wrapped object; null once released
};
PickleBufferObj* asPickleBuffer(Value v) { return static_cast<PickleBufferObj*>(v.asObject()); }

const MethodDef kPickleBufferNewDef = {.name = "PickleBuffer", .signature = "(buffer, /)"};

Value picklebuffer_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  Value bound[1];
  if (!bindArguments(&kPickleBufferNewDef, Value(), args, nargs, kwnames, bound)) return Value();
  Value view = newMemoryView(bound[0]);
  if (view.isNull()) return view;
  Value self(newObject(type, type->basic_size));
  asPickleBuffer(self)->view.set(view);
  return self;
}

// raw(): a one-dimensional 'B' memoryview of the whole contiguous memory.
Value picklebuffer_raw(Value* args) {
  Value view = pickleBufferView(args[0]);
  if (view.isNull()) return view;
  MemoryViewObj* m = asMemoryView(view);
  if (!(m->flags & (memoryview_flags::kCContiguous | memoryview_flags::kFContiguous))) {
    return raise(exc::BufferError, "cannot extract raw buffer from non-contiguous buffer");
  }
  Value fresh = newMemoryView(view);
  if (fresh.isNull()) return fresh;
  if (asMemoryView(fresh)->flags & memoryview_flags::kCContiguous) {
    Value fmt = internStr("B");
    return callMethod(fresh, internStr("cast"), &fmt, 1);
  }
  // F-contiguous: the same memory, read as bytes in memory order.
  Value exporter = asMemoryView(fresh)->exporter.get();
  Value flat = newMemoryView(exporter);
  if (flat.isNull()) return flat;
  Value fmt = internStr("B");
  return callMethod(flat, internStr("cast"), &fmt, 1);
}

Value picklebuffer_release_method(Value* args) {
  Value view = asPickleBuffer(args[0])->view.get();
  if (!view.isNull()) {
    Value r = callMethod(view, internStr("release"), nullptr, 0);
    if (r.isNull()) return r;
    asPickleBuffer(args[0])->view.set(Value());
  }
  return None();
}

// The buffer protocol goes through the wrapped memoryview; the views keep the
// PickleBuffer as their object (as memoryview's own exports keep the view).
const BufferProcs* innerProcs(Value inner) { return bufferProcsOf(typeOf(inner)); }

bool picklebuffer_get(Value obj, Buffer* view, int flags) {
  Value inner = pickleBufferView(obj);
  if (inner.isNull()) return false;
  Value self_obj = view->obj;
  const BufferProcs* self_procs = view->procs;
  if (!getBuffer(inner, view, flags)) return false;
  view->obj = self_obj;
  view->procs = self_procs;
  return true;
}

void picklebuffer_release(Value obj) {
  Value inner = asPickleBuffer(obj)->view.get();
  if (!inner.isNull() && innerProcs(inner)->release != nullptr) innerProcs(inner)->release(inner);
}

int64_t picklebuffer_exports(Value obj) {
  Value inner = asPickleBuffer(obj)->view.get();
  if (inner.isNull() || innerProcs(inner)->exports == nullptr) return 0;
  return innerProcs(inner)->exports(inner);
}

char* picklebuffer_data(Value obj) {
  Value inner = asPickleBuffer(obj)->view.get();
  return innerProcs(inner)->data(inner);
}

// Storage that stays put (a C exporter's, an array's): that of the object
// the wrapped memoryview views, whose data() is the base of every view.
char* picklebuffer_stable_data(Value obj) {
  Value inner = asPickleBuffer(obj)->view.get();
  if (inner.isNull()) return nullptr;
  Value exporter = asMemoryView(inner)->exporter.get();
  const BufferProcs* procs = exporter.isSmallInt() ? nullptr : bufferProcsOf(typeOf(exporter));
  return procs != nullptr && procs->stable_data != nullptr ? procs->stable_data(exporter) : nullptr;
}

const BufferProcs kPickleBufferProcs = {.get = picklebuffer_get,
                                        .release = picklebuffer_release,
                                        .exports = picklebuffer_exports,
                                        .data = picklebuffer_data,
                                        .stable_data = picklebuffer_stable_data};
TERN_REGISTER_BUFFER(g_pickle_buffer_type, kPickleBufferProcs);

const MethodDef kPickleBufferMethods[] = {
    {.name = "raw",
     .signature = "($self, /)",
     .fn = picklebuffer_raw,
     .doc = "Return a memoryview of the raw memory underlying this buffer.\nWill raise BufferError is the buffer "
            "isn't contiguous."},
    {.name = "release",
     .signature = "($self, /)",
     .fn = picklebuffer_release_method,
     .doc = "Release the underlying buffer exposed by the PickleBuffer object."},
};

const uint32_t kPickleBufferFields[] = {offsetof(Obj, ob_type), offsetof(PickleBufferObj, view)};
const gc::Layout kPickleBufferLayout = {.name = "pickle.PickleBuffer", .fields = kPickleBufferFields};

const TypeSpec kPickleBufferSpec = {
    .name = "PickleBuffer",
    .module = "pickle",
    .type = &g_pickle_buffer_type,
    .layout = &kPickleBufferLayout,
    .basic_size = sizeof(PickleBufferObj),
    .slots = {.tp_new = picklebuffer_new},
    .methods = kPickleBufferMethods,
    .doc = "Wrapper for potentially out-of-band buffers",
    .weakrefable = true,
};
TERN_REGISTER_TYPE(kPickleBufferSpec);

// ===========================================================================
// dump, dumps, load, loads

Value newPickler(Value file, Value protocol, Value fix_imports, Value buffer_callback) {
  Value p(newObject(g_pickler_type, g_pickler_type->basic_size));
  if (!picklerSetup(p, file, protocol, fix_imports, buffer_callback)) return Value();
  return p;
}

Value pickle_dump(Value* args) {
  Value p = newPickler(args[2], args[3], args[4], args[5]);
  if (p.isNull()) return p;
  std::string out;
  if (!picklerDump(p, args[1], &out)) return Value();
  return None();
}

Value pickle_dumps(Value* args) {
  Value p = newPickler(Value(), args[2], args[3], args[4]);
  if (p.isNull()) return p;
  std::string out;
  if (!picklerDump(p, args[1], &out)) return Value();
  return newBytes(out);
}

Value newUnpickler(Value file, Value* options) {
  Value u(newObject(g_unpickler_type, g_unpickler_type->basic_size));
  if (!unpicklerSetup(u, file, options[0], options[1], options[2], options[3])) return Value();
  return u;
}

Value pickle_load(Value* args) {
  Value u = newUnpickler(args[1], args + 2);
  if (u.isNull()) return u;
  return unpicklerLoad(u);
}

Value pickle_loads(Value* args) {
  std::string data;
  if (!bytesLikeCopy(args[1], &data)) return Value();
  Value u = newUnpickler(Value(), args + 2);
  if (u.isNull()) return u;
  unpicklerSetData(u, data);
  if (asUnpickler(u)->input.get().isNull()) return Value();
  return unpicklerLoad(u);
}

const MethodDef kPickleFunctions[] = {
    {.name = "dump",
     .signature = "($module, /, obj, file, protocol=None, *, fix_imports=True, buffer_callback=None)",
     .fn = pickle_dump,
     .doc = "Write a pickled representation of obj to the open file object file.\n\nThis is equivalent to "
            "``Pickler(file, protocol).dump(obj)``, but may\nbe more efficient."},
    {.name = "dumps",
     .signature = "($module, /, obj, protocol=None, *, fix_imports=True, buffer_callback=None)",
     .fn = pickle_dumps,
     .doc = "Return the pickled representation of the object as a bytes object."},
    {.name = "load",
     .signature = "($module, /, file, *, fix_imports=True, encoding='ASCII', errors='strict', "
                  "buffers=<unrepresentable>)",
     .fn = pickle_load,
     .doc = "Read and return an object from the pickle data stored in a file."},
    {.name = "loads",
     .signature = "($module, data, /, *, fix_imports=True, encoding='ASCII', errors='strict', "
                  "buffers=<unrepresentable>)",
     .fn = pickle_loads,
     .doc = "Read and return an object from the given pickle data."},
};

Value newErrorClass(const char* name, Value base) {
  Value ns = newDict();
  if (ns.isNull() || dictSet(ns, names::__module__, internStr("_pickle")) < 0) return Value();
  Value bases = newTupleOf({base});
  if (bases.isNull()) return bases;
  return newClass(types::type_type, internStr(name), bases, ns, Value());
}

bool takeAttr(gc::GlobalRoot* root, const char* module_name, const char* attr) {
  Value module = importModule(internStr(module_name));
  if (module.isNull()) return false;
  Value v = getAttr(module, internStr(attr));
  if (v.isNull()) return false;
  root->set(v);
  return true;
}

bool initState() {
  ModuleState& s = state();
  if (!s.pickle_error.get().isNull()) return true;
  Value pickle_error = newErrorClass("PickleError", typeValue(exc::Exception));
  if (pickle_error.isNull()) return false;
  s.pickle_error.set(pickle_error);
  Value pickling_error = newErrorClass("PicklingError", pickle_error);
  if (pickling_error.isNull()) return false;
  s.pickling_error.set(pickling_error);
  Value unpickling_error = newErrorClass("UnpicklingError", s.pickle_error.get());
  if (unpickling_error.isNull()) return false;
  s.unpickling_error.set(unpickling_error);
  Value hole = newList();
  if (hole.isNull()) return false;
  s.memo_hole.set(hole);
  return takeAttr(&s.dispatch_table, "copyreg", "dispatch_table") &&
         takeAttr(&s.extension_registry, "copyreg", "_extension_registry") &&
         takeAttr(&s.inverted_registry, "copyreg", "_inverted_registry") &&
         takeAttr(&s.extension_cache, "copyreg", "_extension_cache") &&
         takeAttr(&s.name_mapping_2to3, "_compat_pickle", "NAME_MAPPING") &&
         takeAttr(&s.import_mapping_2to3, "_compat_pickle", "IMPORT_MAPPING") &&
         takeAttr(&s.name_mapping_3to2, "_compat_pickle", "REVERSE_NAME_MAPPING") &&
         takeAttr(&s.import_mapping_3to2, "_compat_pickle", "REVERSE_IMPORT_MAPPING") &&
         takeAttr(&s.codecs_encode, "codecs", "encode") && takeAttr(&s.getattr, "builtins", "getattr") &&
         takeAttr(&s.partial, "functools", "partial");
}

bool pickleInit(Value module) {
  if (!initState()) return false;
  ModuleState& s = state();
  Value d = moduleDict(module);
  return dictSet(d, internStr("PickleError"), s.pickle_error.get()) == 0 &&
         dictSet(d, internStr("PicklingError"), s.pickling_error.get()) == 0 &&
         dictSet(d, internStr("UnpicklingError"), s.unpickling_error.get()) == 0 &&
         dictSet(d, internStr("Pickler"), typeValue(g_pickler_type)) == 0 &&
         dictSet(d, internStr("Unpickler"), typeValue(g_unpickler_type)) == 0 &&
         dictSet(d, internStr("PickleBuffer"), typeValue(g_pickle_buffer_type)) == 0;
}

const NativeModuleDef kPickleModule = {
    .name = "_pickle",
    .methods = kPickleFunctions,
    .init = pickleInit,
    .doc = "Optimized C implementation for the Python pickle module.",
};
TERN_REGISTER_MODULE(kPickleModule);

}  // namespace

Value newPicklerMemoProxy(Value pickler) { return newMemoProxy(g_pickler_memo_proxy_type, pickler); }
Value newUnpicklerMemoProxy(Value unpickler) { return newMemoProxy(g_unpickler_memo_proxy_type, unpickler); }
bool isPicklerMemoProxy(Value v) { return !v.isSmallInt() && typeOf(v) == g_pickler_memo_proxy_type; }
bool isUnpicklerMemoProxy(Value v) { return !v.isSmallInt() && typeOf(v) == g_unpickler_memo_proxy_type; }
Value memoProxyOwner(Value proxy) { return static_cast<MemoProxyObj*>(proxy.asObject())->owner.get(); }

Value pickleBufferView(Value pb) {
  Value view = asPickleBuffer(pb)->view.get();
  if (view.isNull()) return raise(exc::ValueError, "operation forbidden on released PickleBuffer object");
  return view;
}

}  // namespace tern::pickle
