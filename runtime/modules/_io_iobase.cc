// _io._IOBase, _io._RawIOBase, _io._BufferedIOBase, _io._TextIOBase: the
// abstract bases of the io hierarchy with their default methods (CPython
// 3.11's Modules/_io/iobase.c and bufferedio.c/textio.c bases), plus what the
// concrete types share: allocation with finalization, the closed checks,
// UnsupportedOperation, and the list of files flushed at exit.
//
// Finalization (DESIGN.md §3): every io object is registered finalizable when
// allocated.  Its layout's finalize (ioLayoutFinalize) calls close() unless
// the object is closed already, so buffered data reaches the file when a file
// object is collected; an exception from close() is printed as CPython's
// "Exception ignored in: <repr>" and dropped.  Instances of Python subclasses
// get type.cc's heapFinalize, which calls tp_finalize (iobase_finalize, or
// the class's __del__) and then this layout finalize; the latter then does
// nothing, so close() runs once.  Before closing, the finalizer gives
// CPython's "unclosed file" ResourceWarning (deallocWarn; with the creation
// traceback under -X track-resources, resource_tracking.h).
#include <cstdio>
#include <cstring>

#include "runtime/gc/heap.h"
#include "runtime/interp/errors.h"
#include "runtime/interp/runtime.h"
#include "runtime/modules/_io.h"
#include "runtime/modules/_io_internal.h"
#include "runtime/modules/module.h"
#include "runtime/modules/sys.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/buffer.h"
#include "runtime/objects/bytearray.h"
#include "runtime/objects/bytes.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/exceptions.h"
#include "runtime/objects/int.h"
#include "runtime/objects/list.h"
#include "runtime/objects/tuple.h"
#include "runtime/objects/type.h"

namespace tern::io {

// ===========================================================================
// Shared helpers

namespace {
gc::GlobalRoot g_unsupported;
}  // namespace

Type* unsupportedOperationType() {
  if (!g_unsupported.get().isNull()) return static_cast<Type*>(g_unsupported.get().asObject());
  Value ns = newDict();
  if (ns.isNull() || dictSet(ns, names::__module__, internStr("io")) < 0) return nullptr;
  Value bases = newTupleOf({typeValue(exc::OSError), typeValue(exc::ValueError)});
  Value cls = newClass(types::type_type, internStr("UnsupportedOperation"), bases, ns, Value());
  if (cls.isNull()) return nullptr;
  g_unsupported.set(cls);
  return static_cast<Type*>(cls.asObject());
}

Value unsupported(const char* message) {
  Type* t = unsupportedOperationType();
  if (t == nullptr) return Value();
  return raise(t, message);
}

int callBoolMethod(Value obj, Value name) {
  Value r = callMethod(obj, name, nullptr, 0);
  if (r.isNull()) return -1;
  return isTrue(r);
}

int ioFastClosed(Value obj) {
  Type* t = typeOf(obj);
  if (t == BufferedReader_type || t == BufferedWriter_type || t == BufferedRandom_type) {
    auto* b = static_cast<BufferedObj*>(obj.asObject());
    if (!b->initialized) return -1;
    obj = b->raw.get();
    t = typeOf(obj);
  }
  if (t == FileIO_type) return static_cast<FileIOObj*>(obj.asObject())->fd < 0 ? 1 : 0;
  if (t == BytesIO_type) {
    auto* b = static_cast<BytesIOObj*>(obj.asObject());
    return b->closed || b->buf.get().isNull() ? 1 : 0;
  }
  return -1;
}

int checkClosed(Value self) {
  Value closed = getAttr(self, TERN_IO_NAME("closed"));
  if (closed.isNull()) return -1;
  int t = isTrue(closed);
  if (t < 0) return -1;
  if (t) {
    raise(exc::ValueError, "I/O operation on closed file.");
    return 1;
  }
  return 0;
}

bool sizeArg(Value v, int64_t* out) {
  if (v.isNull() || isNone(v)) {
    *out = -1;
    return true;
  }
  if (!isInt(v) && lookupSpecial(typeOf(v), names::__index__).isNull()) {
    raisef(exc::TypeError, "argument should be integer or None, not '%s'", typeNameOf(v).c_str());
    return false;
  }
  return indexToInt64(v, out, exc::OverflowError);
}

int64_t writableLength(Value target) {
  ScopedBuffer view;
  if (!getBuffer(target, &view, buffer_flags::kWritable)) return -1;
  return view.len;
}

int64_t copyIntoBuffer(Value target, std::string_view data, int64_t* capacity) {
  ScopedBuffer view;
  if (!getBuffer(target, &view, buffer_flags::kWritable | buffer_flags::kCContiguous)) return -1;
  int64_t n = std::min<int64_t>(view.len, static_cast<int64_t>(data.size()));
  if (capacity != nullptr) *capacity = view.len;
  if (n > 0) std::memcpy(view.data(), data.data(), static_cast<size_t>(n));
  return n;
}

void writeUnraisable(Value where) { printUnraisable(where); }

// The ResourceWarning of a file closed by the collector, as CPython's close()
// gives it when called from a finalizer: a TextIOWrapper asks its buffer, a
// buffered object its raw FileIO, which warns naming the outermost object
// (fileio__dealloc_warn; -X track-resources adds where it was created).
void deallocWarn(Value self) {
  Value target = self;
  if (isInstance(self, TextIOWrapper_type)) {
    target = static_cast<TextIOObj*>(self.asObject())->buffer.get();
    if (target.isNull()) return;
  }
  Value method = lookupAttr(target, internStr("_dealloc_warn"));
  if (method.isNull()) {
    clearError();
    return;
  }
  if (call(method, &self, 1).isNull()) clearError();
}

void finalizeByClose(Value self) {
  Value saved = takeError();
  Value closed = lookupAttr(self, TERN_IO_NAME("closed"));
  // An object whose `closed` fails (a detached wrapper) is unusable: left alone.
  int is_closed = closed.isNull() ? -1 : isTrue(closed);
  if (is_closed < 0) clearError();
  if (is_closed == 0) {
    // Tell close() it runs from the finalizer (buffered and text objects skip
    // nothing because of it, but Python subclasses may look).
    Type* t = typeOf(self);
    if (t->hasFlag(type_flags::kHeapType)) {
      if (setAttr(self, TERN_IO_NAME("_finalizing"), True()) < 0) clearError();
    }
    deallocWarn(self);
    if (callMethod(self, TERN_IO_NAME("close"), nullptr, 0).isNull()) writeUnraisable(self);
  }
  restoreError(saved);
}

void ioLayoutFinalize(gc::Object* object) {
  Value self(object);
  // Python subclasses: heapFinalize already called tp_finalize (close()).
  if (typeOf(self)->hasFlag(type_flags::kHeapType)) return;
  finalizeByClose(self);
}

// --- the weak list of objects flushed at exit ---

namespace {

struct WeakBox : gc::Object {
  gc::WeakHeapValue ref;
};
const uint32_t kWeakBoxWeak[] = {offsetof(WeakBox, ref)};
const gc::Layout kWeakBoxLayout = {.name = "_io_exit_ref", .weak_fields = kWeakBoxWeak};
gc::LayoutId g_weakbox_layout = 0;
gc::RootVector g_tracked;
size_t g_tracked_after_prune = 0;

}  // namespace

void trackForExitFlush(Value obj) {
  if (g_weakbox_layout == 0) g_weakbox_layout = gc::registerLayout(&kWeakBoxLayout);
  if (g_tracked.size() >= 2 * g_tracked_after_prune + 64) {
    size_t kept = 0;
    for (size_t i = 0; i < g_tracked.size(); ++i) {
      Value box = g_tracked[i];
      if (!static_cast<WeakBox*>(box.asObject())->ref.get().isNull()) g_tracked.set(kept++, box);
    }
    g_tracked.resize(kept);
    g_tracked_after_prune = kept;
  }
  auto* box = static_cast<WeakBox*>(gc::allocate(g_weakbox_layout, sizeof(WeakBox)));
  box->ref.set(obj);
  g_tracked.push_back(Value(box));
}

// ===========================================================================
// Allocation

Obj* ioNewObject(Type* type, bool track, bool finalizable) {
  Obj* o = newObject(type, type->basic_size);
  Value v(o);
  if (finalizable || type->hasFlag(type_flags::kHeapType)) gc::setFinalizable(v.asObject());
  if (track) trackForExitFlush(v);
  return asObj(v);
}

Value ioGenericNew(Type* type, const Value* /*args*/, size_t /*nargs*/, Value /*kwnames*/) {
  return Value(ioNewObject(type, false));
}

namespace {

IOBaseObj* asIOBase(Value v) { return static_cast<IOBaseObj*>(v.asObject()); }

// ===========================================================================
// _IOBase

void iobase_finalize(Value self) { finalizeByClose(self); }

Value iobase_seek(Value* /*args*/) { return unsupported("seek"); }
Value iobase_truncate(Value* /*args*/) { return unsupported("truncate"); }
Value iobase_fileno(Value* /*args*/) { return unsupported("fileno"); }

Value iobase_tell(Value* args) {
  Value a[2] = {newInt(0), newInt(1)};
  return callMethod(args[0], TERN_IO_NAME("seek"), a, 2);
}

Value iobase_flush(Value* args) {
  if (asIOBase(args[0])->iobase_closed) return raise(exc::ValueError, "I/O operation on closed file.");
  return None();
}

Value iobase_close(Value* args) {
  Value self = args[0];
  if (asIOBase(self)->iobase_closed) return None();
  Value r = callMethod(self, names::flush, nullptr, 0);
  asIOBase(self)->iobase_closed = 1;
  if (r.isNull()) return Value();
  return None();
}

Value iobase_get_closed(Value self) { return Bool(asIOBase(self)->iobase_closed != 0); }

Value iobase_false(Value* /*args*/) { return False(); }

Value iobase__checkClosed(Value* args) {
  int c = checkClosed(args[0]);
  if (c != 0) return Value();
  return None();
}

Value checkMethod(Value self, const char* method, const char* message) {
  Value r = callMethod(self, internStr(method), nullptr, 0);
  if (r.isNull()) return Value();
  int t = isTrue(r);
  if (t < 0) return Value();
  if (!t) return unsupported(message);
  return True();
}

Value iobase__checkSeekable(Value* args) {
  return checkMethod(args[0], "seekable", "File or stream is not seekable.");
}
Value iobase__checkReadable(Value* args) {
  return checkMethod(args[0], "readable", "File or stream is not readable.");
}
Value iobase__checkWritable(Value* args) {
  return checkMethod(args[0], "writable", "File or stream is not writable.");
}

Value iobase___enter__(Value* args) {
  if (checkClosed(args[0]) != 0) return Value();
  return args[0];
}

Value iobase___exit__(Value* args) { return callMethod(args[0], TERN_IO_NAME("close"), nullptr, 0); }

Value iobase_isatty(Value* args) {
  if (checkClosed(args[0]) != 0) return Value();
  return False();
}

}  // namespace

Value iobase_iter(Value self) {
  if (checkClosed(self) != 0) return Value();
  return self;
}

Value iobase_iternext(Value self) {
  Value line = callMethod(self, TERN_IO_NAME("readline"), nullptr, 0);
  if (line.isNull()) return Value();
  int64_t n = length(line);
  if (n < 0) return Value();
  if (n == 0) return Value();  // exhausted
  return line;
}

// readline over read(1) (and peek() when the object has it), as _IOBase.readline.
Value iobase_readline_impl(Value self, int64_t limit) {
  Value peek = lookupAttr(self, TERN_IO_NAME("peek"));
  if (peek.isNull() && errorPending()) return Value();
  std::string out;
  while (limit < 0 || static_cast<int64_t>(out.size()) < limit) {
    int64_t nreadahead = 1;
    if (!peek.isNull()) {
      Value one = newInt(1);
      Value ahead = call(peek, &one, 1);
      if (ahead.isNull()) return Value();
      std::string_view v;
      if (!isBytes(ahead)) {
        return raisef(exc::OSError, "peek() should have returned a bytes object, not '%s'",
                      typeNameOf(ahead).c_str());
      }
      v = asBytes(ahead)->view();
      if (!v.empty()) {
        size_t n = 0;
        while (n < v.size() && (limit < 0 || static_cast<int64_t>(out.size() + n) < limit)) {
          if (v[n++] == '\n') break;
        }
        nreadahead = static_cast<int64_t>(n);
      }
    }
    Value arg = newInt(nreadahead);
    Value b = callMethod(self, TERN_IO_NAME("read"), &arg, 1);
    if (b.isNull()) return Value();
    if (isNone(b)) break;
    if (!isBytes(b)) {
      return raisef(exc::OSError, "read() should have returned a bytes object, not '%s'", typeNameOf(b).c_str());
    }
    std::string_view data = asBytes(b)->view();
    if (data.empty()) break;
    out.append(data);
    if (out.back() == '\n') break;
  }
  return newBytes(out);
}

Value iobase_readlines_impl(Value self, Value hint_arg) {
  int64_t hint = -1;
  if (!sizeArg(hint_arg, &hint)) return Value();
  Value result = newList();
  if (result.isNull()) return Value();
  if (hint <= 0) {
    Value it = getIter(self);
    if (it.isNull()) return Value();
    for (;;) {
      Value line = iterNext(it);
      if (line.isNull()) break;
      if (!listAppend(result, line)) return Value();
    }
    if (errorPending()) return Value();
    return result;
  }
  Value it = getIter(self);
  if (it.isNull()) return Value();
  int64_t total = 0;
  for (;;) {
    Value line = iterNext(it);
    if (line.isNull()) break;
    if (!listAppend(result, line)) return Value();
    int64_t n = length(line);
    if (n < 0) return Value();
    total += n;
    if (total >= hint) break;
  }
  if (errorPending()) return Value();
  return result;
}

Value iobase_writelines_impl(Value self, Value lines) {
  if (checkClosed(self) != 0) return Value();
  Value it = getIter(lines);
  if (it.isNull()) return Value();
  for (;;) {
    Value line = iterNext(it);
    if (line.isNull()) break;
    if (callMethod(self, names::write, &line, 1).isNull()) return Value();
  }
  if (errorPending()) return Value();
  return None();
}

namespace {

Value iobase_readline(Value* args) {
  int64_t limit;
  if (!sizeArg(args[1], &limit)) return Value();
  return iobase_readline_impl(args[0], limit);
}
Value iobase_readlines(Value* args) { return iobase_readlines_impl(args[0], args[1]); }
Value iobase_writelines(Value* args) { return iobase_writelines_impl(args[0], args[1]); }

// ===========================================================================
// _RawIOBase

Value rawiobase_read(Value* args) {
  Value self = args[0];
  int64_t n;
  if (!sizeArg(args[1], &n)) return Value();
  if (n < 0) return callMethod(self, TERN_IO_NAME("readall"), nullptr, 0);
  std::string zeros(static_cast<size_t>(n), '\0');
  Value b = newByteArray(zeros.data(), n);
  if (b.isNull()) return Value();
  Value r = callMethod(self, TERN_IO_NAME("readinto"), &b, 1);
  if (r.isNull()) return Value();
  if (isNone(r)) return r;
  int64_t got;
  if (!indexToInt64(r, &got, exc::OverflowError)) return Value();
  if (got < 0 || got > n) return raisef(exc::ValueError, "readinto returned %lld outside buffer size %lld",
                                        static_cast<long long>(got), static_cast<long long>(n));
  return newBytes(std::string(byteArrayData(b), static_cast<size_t>(got)));
}

Value rawiobase_readall(Value* args) {
  Value self = args[0];
  std::string out;
  for (;;) {
    Value size = newInt(kDefaultBufferSize);
    Value data = callMethod(self, TERN_IO_NAME("read"), &size, 1);
    if (data.isNull()) return Value();
    if (isNone(data)) {
      if (out.empty()) return data;
      break;
    }
    if (!isBytes(data)) return raise(exc::TypeError, "read() should return bytes");
    if (bytesLength(data) == 0) break;
    out.append(asBytes(data)->view());
  }
  return newBytes(out);
}

Value rawiobase_not_implemented(Value* /*args*/) { return raiseEmpty(exc::NotImplementedError); }

// ===========================================================================
// _BufferedIOBase

Value bufferediobase_read(Value* /*args*/) { return unsupported("read"); }
Value bufferediobase_read1(Value* /*args*/) { return unsupported("read1"); }
Value bufferediobase_write(Value* /*args*/) { return unsupported("write"); }
Value bufferediobase_detach(Value* /*args*/) { return unsupported("detach"); }

Value readintoWith(Value self, Value target, const char* method) {
  int64_t n = writableLength(target);
  if (n < 0) return Value();
  Value size = newInt(n);
  Value data = callMethod(self, internStr(method), &size, 1);
  if (data.isNull()) return Value();
  if (!isBytes(data)) return raise(exc::TypeError, "read() should return bytes");
  std::string copy(asBytes(data)->view());
  if (static_cast<int64_t>(copy.size()) > n) {
    return raisef(exc::ValueError, "read() returned too much data: %lld bytes requested, %lld returned",
                  static_cast<long long>(n), static_cast<long long>(copy.size()));
  }
  int64_t done = copyIntoBuffer(target, copy);
  if (done < 0) return Value();
  return newInt(done);
}

Value bufferediobase_readinto(Value* args) { return readintoWith(args[0], args[1], "read"); }
Value bufferediobase_readinto1(Value* args) { return readintoWith(args[0], args[1], "read1"); }

// ===========================================================================
// _TextIOBase

Value textiobase_detach(Value* /*args*/) { return unsupported("detach"); }
Value textiobase_read(Value* /*args*/) { return unsupported("read"); }
Value textiobase_readline(Value* /*args*/) { return unsupported("readline"); }
Value textiobase_write(Value* /*args*/) { return unsupported("write"); }
Value textiobase_none(Value) { return None(); }

// ===========================================================================
// Tables

const uint32_t kIOBaseFields[] = {offsetof(IOBaseObj, ob_type), offsetof(IOBaseObj, dict)};
const gc::Layout kIOBaseLayout = {.name = "_io._IOBase", .fields = kIOBaseFields, .finalize = ioLayoutFinalize};

const MethodDef kIOBaseMethods[] = {
    {.name = "seek", .signature = "($self, offset, whence=0, /)", .fn = iobase_seek},
    {.name = "tell", .signature = "($self, /)", .fn = iobase_tell},
    {.name = "truncate", .signature = "($self, size=None, /)", .fn = iobase_truncate},
    {.name = "flush", .signature = "($self, /)", .fn = iobase_flush},
    {.name = "close", .signature = "($self, /)", .fn = iobase_close},
    {.name = "seekable", .signature = "($self, /)", .fn = iobase_false},
    {.name = "readable", .signature = "($self, /)", .fn = iobase_false},
    {.name = "writable", .signature = "($self, /)", .fn = iobase_false},
    {.name = "_checkClosed", .signature = "($self, /)", .fn = iobase__checkClosed},
    {.name = "_checkSeekable", .signature = "($self, /)", .fn = iobase__checkSeekable},
    {.name = "_checkReadable", .signature = "($self, /)", .fn = iobase__checkReadable},
    {.name = "_checkWritable", .signature = "($self, /)", .fn = iobase__checkWritable},
    {.name = "fileno", .signature = "($self, /)", .fn = iobase_fileno},
    {.name = "isatty", .signature = "($self, /)", .fn = iobase_isatty},
    {.name = "__enter__", .signature = "($self, /)", .fn = iobase___enter__},
    {.name = "__exit__", .signature = "($self, /, *args)", .fn = iobase___exit__},
    {.name = "readline", .signature = "($self, size=-1, /)", .fn = iobase_readline},
    {.name = "readlines", .signature = "($self, hint=-1, /)", .fn = iobase_readlines},
    {.name = "writelines", .signature = "($self, lines, /)", .fn = iobase_writelines},
};

const GetSetDef kIOBaseGetSets[] = {
    {.name = "closed", .get = iobase_get_closed},
};

const TypeSpec kIOBaseSpec = {
    .name = "_IOBase",
    .module = "_io",
    .type = &IOBase_type,
    .layout = &kIOBaseLayout,
    .basic_size = sizeof(IOBaseObj),
    .flags = type_flags::kBaseType,
    .slots = {.tp_iter = iobase_iter, .tp_iternext = iobase_iternext, .tp_new = ioGenericNew,
              .tp_finalize = iobase_finalize},
    .methods = kIOBaseMethods,
    .getsets = kIOBaseGetSets,
    .doc = "The abstract base class for all I/O classes.",
    .dict_offset = static_cast<int32_t>(offsetof(IOBaseObj, dict)),
    .weakrefable = true,
};
TERN_REGISTER_TYPE(kIOBaseSpec);

const MethodDef kRawIOBaseMethods[] = {
    {.name = "read", .signature = "($self, size=-1, /)", .fn = rawiobase_read},
    {.name = "readall", .signature = "($self, /)", .fn = rawiobase_readall},
    {.name = "readinto", .signature = "($self, buffer, /)", .fn = rawiobase_not_implemented},
    {.name = "write", .signature = "($self, b, /)", .fn = rawiobase_not_implemented},
};
const TypeSpec kRawIOBaseSpec = {
    .name = "_RawIOBase",
    .module = "_io",
    .type = &RawIOBase_type,
    .base = &IOBase_type,
    .flags = type_flags::kBaseType,
    .methods = kRawIOBaseMethods,
    .doc = "Base class for raw binary I/O.",
};
TERN_REGISTER_TYPE(kRawIOBaseSpec);

const MethodDef kBufferedIOBaseMethods[] = {
    {.name = "detach", .signature = "($self, /)", .fn = bufferediobase_detach},
    {.name = "read", .signature = "($self, size=-1, /)", .fn = bufferediobase_read},
    {.name = "read1", .signature = "($self, size=-1, /)", .fn = bufferediobase_read1},
    {.name = "readinto", .signature = "($self, buffer, /)", .fn = bufferediobase_readinto},
    {.name = "readinto1", .signature = "($self, buffer, /)", .fn = bufferediobase_readinto1},
    {.name = "write", .signature = "($self, b, /)", .fn = bufferediobase_write},
};
const TypeSpec kBufferedIOBaseSpec = {
    .name = "_BufferedIOBase",
    .module = "_io",
    .type = &BufferedIOBase_type,
    .base = &IOBase_type,
    .flags = type_flags::kBaseType,
    .methods = kBufferedIOBaseMethods,
    .doc = "Base class for buffered IO objects.",
};
TERN_REGISTER_TYPE(kBufferedIOBaseSpec);

const MethodDef kTextIOBaseMethods[] = {
    {.name = "detach", .signature = "($self, /)", .fn = textiobase_detach},
    {.name = "read", .signature = "($self, size=-1, /)", .fn = textiobase_read},
    {.name = "readline", .signature = "($self, size=-1, /)", .fn = textiobase_readline},
    {.name = "write", .signature = "($self, s, /)", .fn = textiobase_write},
};
const GetSetDef kTextIOBaseGetSets[] = {
    {.name = "encoding", .get = textiobase_none},
    {.name = "errors", .get = textiobase_none},
    {.name = "newlines", .get = textiobase_none},
};
const TypeSpec kTextIOBaseSpec = {
    .name = "_TextIOBase",
    .module = "_io",
    .type = &TextIOBase_type,
    .base = &IOBase_type,
    .flags = type_flags::kBaseType,
    .methods = kTextIOBaseMethods,
    .getsets = kTextIOBaseGetSets,
    .doc = "Base class for text I/O.",
};
TERN_REGISTER_TYPE(kTextIOBaseSpec);

}  // namespace

// ===========================================================================
// At exit

void flushTrackedFiles() {
  // Newest first: a text wrapper is created after its buffer, so its pending
  // text reaches the buffer before the buffer is flushed.
  for (size_t i = g_tracked.size(); i-- > 0;) {
    if (i >= g_tracked.size()) continue;
    Value obj = static_cast<WeakBox*>(g_tracked[i].asObject())->ref.get();
    if (obj.isNull()) continue;
    Value closed = lookupAttr(obj, TERN_IO_NAME("closed"));
    if (closed.isNull()) {
      clearError();
      continue;
    }
    int c = isTrue(closed);
    if (c != 0) {
      clearError();
      continue;
    }
    if (callMethod(obj, names::flush, nullptr, 0).isNull()) writeUnraisable(obj);
  }
}

}  // namespace tern::io

namespace tern {

void finalizeIoAtExit() {
  // Files that became garbage are closed by their finalizers; the rest are
  // flushed (CPython's module teardown closes them as their reference counts
  // drop; their data must not be lost either way).  The collection at exit
  // finds the garbage without moving or freeing anything (heap.h).
  gc::collectAtExit();
  gc::runFinalizers();
  if (errorPending()) clearError();
  // sys.stdout and sys.stderr first, as CPython's flush_std_files: a failure
  // is reported (stdout's as unraisable) and left pending, which makes the
  // exit status 120 (entry.cc).
  bool failed = false;
  Value sys = sysModule();
  for (const char* name : {"stdout", "stderr"}) {
    Value stream = sys.isNull() ? Value() : dictGetStr(moduleDict(sys), internStr(name));
    if (stream.isNull() || isNone(stream)) continue;
    Value closed = lookupAttr(stream, TERN_IO_NAME("closed"));
    if (closed.isNull() || isTrue(closed) != 0) {
      clearError();
      continue;
    }
    if (callMethod(stream, names::flush, nullptr, 0).isNull()) {
      failed = true;
      if (name[3] == 'o') {
        io::writeUnraisable(stream);
      } else {
        clearError();
      }
    }
  }
  io::flushTrackedFiles();
  gc::runFinalizers();
  if (errorPending()) clearError();
  if (failed) raise(exc::OSError, "flushing the standard streams failed");
}

}  // namespace tern
