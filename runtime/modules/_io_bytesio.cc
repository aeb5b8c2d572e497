// _io.BytesIO: an in-memory binary stream (CPython 3.11's
// Modules/_io/bytesio.c behaviour).
//
// Invariants: `buf` is a bytearray holding the contents (its length is the
// stream's size) while the object is open, null once closed; 0 <= pos (pos
// may lie past the end: a write there pads with zeros).  getbuffer() exports
// the contents through the buffer protocol; while `exports` is non-zero the
// size may not change ("Existing exports of data: object cannot be re-sized").
#include <cstring>
#include <string>

#include "runtime/interp/errors.h"
#include "runtime/modules/_io_internal.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/buffer.h"
#include "runtime/objects/bytearray.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/bytes.h"
#include "runtime/objects/exceptions.h"
#include "runtime/objects/int.h"
#include "runtime/objects/list.h"
#include "runtime/objects/memoryview.h"
#include "runtime/objects/tuple.h"

namespace tern::io {

namespace {

BytesIOObj* asBIO(Value v) { return static_cast<BytesIOObj*>(v.asObject()); }

bool checkClosedBIO(Value self) {
  if (asBIO(self)->closed || asBIO(self)->buf.get().isNull()) {
    raise(exc::ValueError, "I/O operation on closed file.");
    return false;
  }
  return true;
}

bool checkExports(Value self) {
  if (asBIO(self)->exports > 0 && bufferExports(self) > 0) {
    raise(exc::BufferError, "Existing exports of data: object cannot be re-sized");
    return false;
  }
  return true;
}

int64_t sizeOf(Value self) { return byteArrayLength(asBIO(self)->buf.get()); }

// Up to n bytes from the position (all when n < 0), advancing it.
Value readBytes(Value self, int64_t n) {
  int64_t size = sizeOf(self), pos = asBIO(self)->pos;
  int64_t avail = pos < size ? size - pos : 0;
  if (n < 0 || n > avail) n = avail;
  std::string out(byteArrayData(asBIO(self)->buf.get()) + (n > 0 ? pos : 0), static_cast<size_t>(n));
  asBIO(self)->pos += n;
  return newBytes(out);
}

// The length of the line from the position (up to limit when >= 0).
int64_t lineLength(Value self, int64_t limit) {
  int64_t size = sizeOf(self), pos = asBIO(self)->pos;
  if (pos >= size) return 0;
  int64_t avail = size - pos;
  if (limit >= 0 && limit < avail) avail = limit;
  const char* start = byteArrayData(asBIO(self)->buf.get()) + pos;
  const void* nl = std::memchr(start, '\n', static_cast<size_t>(avail));
  return nl != nullptr ? static_cast<const char*>(nl) - start + 1 : avail;
}

// ===========================================================================
// Methods

const MethodDef kBytesIOInitDef = {.name = "BytesIO", .signature = "(initial_bytes=None)"};

int bytesio_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value a[1];
  if (!bindArguments(&kBytesIOInitDef, Value(), args, nargs, kwnames, a)) return -1;
  if (!asBIO(self)->buf.get().isNull() && !checkExports(self)) return -1;
  std::string data;
  if (!isNone(a[0]) && !bufferCopyBytes(a[0], &data)) return -1;
  Value buf = newByteArray(data.data(), static_cast<int64_t>(data.size()));
  if (buf.isNull()) return -1;
  asBIO(self)->buf.set(buf);
  asBIO(self)->pos = 0;
  asBIO(self)->closed = 0;
  return 0;
}

Value bytesio_new(Type* type, const Value* /*args*/, size_t /*nargs*/, Value /*kwnames*/) {
  Value self(ioNewObject(type, false, false));
  Value buf = newByteArray("", 0);
  if (buf.isNull()) return Value();
  asBIO(self)->buf.set(buf);
  return self;
}

Value bytesio_getvalue(Value* args) {
  if (!checkClosedBIO(args[0])) return Value();
  std::string copy(byteArrayView(asBIO(args[0])->buf.get()));
  return newBytes(copy);
}

Value bytesio_getbuffer(Value* args) {
  if (!checkClosedBIO(args[0])) return Value();
  return newMemoryView(args[0]);
}

Value bytesio_read(Value* args) {
  if (!checkClosedBIO(args[0])) return Value();
  int64_t n;
  if (!sizeArg(args[1], &n)) return Value();
  return readBytes(args[0], n);
}

Value bytesio_readinto(Value* args) {
  Value self = args[0];
  if (!checkClosedBIO(self)) return Value();
  int64_t cap = writableLength(args[1]);
  if (cap < 0) return Value();
  int64_t size = sizeOf(self), pos = asBIO(self)->pos;
  int64_t n = pos < size ? std::min(size - pos, cap) : 0;
  std::string data(byteArrayData(asBIO(self)->buf.get()) + (n > 0 ? pos : 0), static_cast<size_t>(n));
  if (copyIntoBuffer(args[1], data) < 0) return Value();
  asBIO(self)->pos += n;
  return newInt(n);
}

Value bytesio_readline(Value* args) {
  Value self = args[0];
  if (!checkClosedBIO(self)) return Value();
  int64_t limit;
  if (!sizeArg(args[1], &limit)) return Value();
  return readBytes(self, lineLength(self, limit));
}

Value bytesio_readlines(Value* args) {
  Value self = args[0];
  if (!checkClosedBIO(self)) return Value();
  int64_t hint;
  if (!sizeArg(args[1], &hint)) return Value();
  Value result = newList();
  if (result.isNull()) return Value();
  int64_t total = 0;
  for (;;) {
    int64_t n = lineLength(self, -1);
    if (n == 0) break;
    Value line = readBytes(self, n);
    if (line.isNull() || !listAppend(result, line)) return Value();
    total += n;
    if (hint > 0 && total >= hint) break;
  }
  return result;
}

Value bytesio_iternext(Value self) {
  if (!checkClosedBIO(self)) return Value();
  int64_t n = lineLength(self, -1);
  if (n == 0) return Value();
  return readBytes(self, n);
}

Value bytesio_write(Value* args) {
  Value self = args[0];
  if (!checkClosedBIO(self) || !checkExports(self)) return Value();
  std::string data;
  if (!bufferCopyBytes(args[1], &data)) return Value();
  int64_t n = static_cast<int64_t>(data.size());
  if (n == 0) return newInt(0);
  int64_t pos = asBIO(self)->pos;
  Value buf = asBIO(self)->buf.get();
  if (pos + n > byteArrayLength(buf) && !byteArrayResize(buf, pos + n)) return Value();
  std::memcpy(byteArrayData(buf) + pos, data.data(), data.size());
  asBIO(self)->pos = pos + n;
  return newInt(n);
}

Value bytesio_writelines(Value* args) {
  Value self = args[0];
  if (!checkClosedBIO(self)) return Value();
  Value it = getIter(args[1]);
  if (it.isNull()) return Value();
  for (;;) {
    Value item = iterNext(it);
    if (item.isNull()) break;
    Value call_args[2] = {self, item};
    if (bytesio_write(call_args).isNull()) return Value();
  }
  if (errorPending()) return Value();
  return None();
}

Value bytesio_seek(Value* args) {
  Value self = args[0];
  if (!checkClosedBIO(self)) return Value();
  int64_t pos, whence;
  if (!indexToInt64(args[1], &pos, exc::OverflowError)) return Value();
  if (!indexToInt64(args[2], &whence, exc::OverflowError)) return Value();
  if (pos < 0 && whence == 0) return raisef(exc::ValueError, "negative seek value %lld", static_cast<long long>(pos));
  if (whence == 1) {
    pos += asBIO(self)->pos;
  } else if (whence == 2) {
    pos += sizeOf(self);
  } else if (whence != 0) {
    return raisef(exc::ValueError, "invalid whence (%lld, should be 0, 1 or 2)", static_cast<long long>(whence));
  }
  if (pos < 0) pos = 0;
  asBIO(self)->pos = pos;
  return newInt(pos);
}

Value bytesio_tell(Value* args) {
  if (!checkClosedBIO(args[0])) return Value();
  return newInt(asBIO(args[0])->pos);
}

Value bytesio_truncate(Value* args) {
  Value self = args[0];
  if (!checkClosedBIO(self) || !checkExports(self)) return Value();
  int64_t size;
  if (isNone(args[1])) {
    size = asBIO(self)->pos;
  } else {
    if (!sizeArg(args[1], &size)) return Value();
    if (size < 0) return raisef(exc::ValueError, "negative size value %lld", static_cast<long long>(size));
  }
  if (size < sizeOf(self) && !byteArrayResize(asBIO(self)->buf.get(), size)) return Value();
  return newInt(size);
}

Value bytesio_close(Value* args) {
  Value self = args[0];
  if (!checkExports(self)) return Value();
  asBIO(self)->closed = 1;
  asBIO(self)->iobase_closed = 1;
  asBIO(self)->buf.set(Value());
  return None();
}

Value bytesio_true_if_open(Value* args) {
  if (!checkClosedBIO(args[0])) return Value();
  return True();
}

Value bytesio_flush(Value* args) {
  if (!checkClosedBIO(args[0])) return Value();
  return None();
}

Value bytesio_isatty(Value* args) {
  if (!checkClosedBIO(args[0])) return Value();
  return False();
}

Value bytesio___getstate__(Value* args) {
  Value self = args[0];
  if (!checkClosedBIO(self)) return Value();
  Value value = bytesio_getvalue(args);
  if (value.isNull()) return Value();
  Value d = asBIO(self)->dict.get();
  return newTupleOf({value, newInt(asBIO(self)->pos), d.isNull() ? None() : d});
}

// The state __getstate__ gives: (value, position, __dict__ or None).
Value bytesio___setstate__(Value* args) {
  Value self = args[0], state = args[1];
  if (!isTuple(state) || tupleLength(state) < 3) {
    return raisef(exc::TypeError, "%s.__setstate__ argument should be 3-tuple, got %s", typeNameOf(self).c_str(),
                  typeNameOf(state).c_str());
  }
  if (!checkExports(self) || !checkClosedBIO(self)) return Value();
  std::string data;
  if (!bufferCopyBytes(tupleItem(state, 0), &data)) return Value();
  Value pos = tupleItem(state, 1);
  if (!isInt(pos)) {
    return raisef(exc::TypeError, "second item of state must be an integer, not %s", typeNameOf(pos).c_str());
  }
  int64_t p;
  if (!argSsize(pos, &p)) return Value();
  if (p < 0) return raise(exc::ValueError, "position value cannot be negative");
  Value buf = newByteArray(data.data(), static_cast<int64_t>(data.size()));
  if (buf.isNull()) return Value();
  asBIO(self)->buf.set(buf);
  asBIO(self)->pos = p;
  if (!restoreIoDict(self, tupleItem(state, 2), "third")) return Value();
  return None();
}

Value bytesio___sizeof__(Value* args) {
  Value self = args[0];
  int64_t n = static_cast<int64_t>(sizeof(BytesIOObj));
  if (!asBIO(self)->buf.get().isNull()) n += sizeOf(self) + 1;
  return newInt(n);
}

Value bytesio_get_closed(Value self) { return Bool(asBIO(self)->closed != 0 || asBIO(self)->buf.get().isNull()); }

// ===========================================================================
// The buffer protocol (getbuffer)

bool bytesioGetBuffer(Value obj, Buffer* view, int /*flags*/) {
  view->len = sizeOf(obj);
  view->shape[0] = view->len;
  view->readonly = false;
  view->counted = true;
  asBIO(obj)->exports += 1;
  return true;
}
void bytesioRelease(Value obj) { asBIO(obj)->exports -= 1; }
int64_t bytesioExports(Value obj) { return asBIO(obj)->exports; }
char* bytesioData(Value obj) {
  Value buf = asBIO(obj)->buf.get();
  return buf.isNull() ? nullptr : byteArrayData(buf);
}

const BufferProcs kBytesIOBufferProcs = {
    .get = bytesioGetBuffer, .release = bytesioRelease, .exports = bytesioExports, .data = bytesioData};
TERN_REGISTER_BUFFER(BytesIO_type, kBytesIOBufferProcs);

// ===========================================================================
// Tables

const uint32_t kBytesIOFields[] = {offsetof(BytesIOObj, ob_type), offsetof(BytesIOObj, dict),
                                   offsetof(BytesIOObj, buf)};
const gc::Layout kBytesIOLayout = {.name = "_io.BytesIO", .fields = kBytesIOFields, .finalize = ioLayoutFinalize};

const MethodDef kBytesIOMethods[] = {
    {.name = "getvalue", .signature = "($self, /)", .fn = bytesio_getvalue},
    {.name = "getbuffer", .signature = "($self, /)", .fn = bytesio_getbuffer},
    {.name = "read", .signature = "($self, size=-1, /)", .fn = bytesio_read},
    {.name = "read1", .signature = "($self, size=-1, /)", .fn = bytesio_read},
    {.name = "readinto", .signature = "($self, buffer, /)", .fn = bytesio_readinto},
    {.name = "readline", .signature = "($self, size=-1, /)", .fn = bytesio_readline},
    {.name = "readlines", .signature = "($self, size=None, /)", .fn = bytesio_readlines},
    {.name = "write", .signature = "($self, b, /)", .fn = bytesio_write},
    {.name = "writelines", .signature = "($self, lines, /)", .fn = bytesio_writelines},
    {.name = "seek", .signature = "($self, pos, whence=0, /)", .fn = bytesio_seek},
    {.name = "tell", .signature = "($self, /)", .fn = bytesio_tell},
    {.name = "truncate", .signature = "($self, size=None, /)", .fn = bytesio_truncate},
    {.name = "close", .signature = "($self, /)", .fn = bytesio_close},
    {.name = "readable", .signature = "($self, /)", .fn = bytesio_true_if_open},
    {.name = "writable", .signature = "($self, /)", .fn = bytesio_true_if_open},
    {.name = "seekable", .signature = "($self, /)", .fn = bytesio_true_if_open},
    {.name = "flush", .signature = "($self, /)", .fn = bytesio_flush},
    {.name = "isatty", .signature = "($self, /)", .fn = bytesio_isatty},
    {.name = "__getstate__", .signature = "($self, /)", .fn = bytesio___getstate__},
    {.name = "__setstate__", .signature = "($self, state, /)", .fn = bytesio___setstate__},
    {.name = "__sizeof__", .signature = "($self, /)", .fn = bytesio___sizeof__},
};

const GetSetDef kBytesIOGetSets[] = {
    {.name = "closed", .get = bytesio_get_closed, .doc = "True if the file is closed."},
};

const TypeSpec kBytesIOSpec = {
    .name = "BytesIO",
    .module = "_io",
    .type = &BytesIO_type,
    .base = &BufferedIOBase_type,
    .layout = &kBytesIOLayout,
    .basic_size = sizeof(BytesIOObj),
    .flags = type_flags::kBaseType,
    .slots = {.tp_iter = iobase_iter, .tp_iternext = bytesio_iternext, .tp_init = bytesio_init,
              .tp_new = bytesio_new},
    .methods = kBytesIOMethods,
    .getsets = kBytesIOGetSets,
    .doc = "Buffered I/O implementation using an in-memory bytes buffer.",
    .dict_offset = static_cast<int32_t>(offsetof(BytesIOObj, dict)),
    .weakrefable = true,
};
TERN_REGISTER_TYPE(kBytesIOSpec);

}  // namespace

bool restoreIoDict(Value self, Value dict, const char* ordinal) {
  if (isNone(dict)) return true;
  if (!isDict(dict)) {
    raisef(exc::TypeError, "%s item of state should be a dict, got a %s", ordinal, typeNameOf(dict).c_str());
    return false;
  }
  auto* o = static_cast<IOBaseObj*>(self.asObject());
  if (o->dict.get().isNull()) {
    o->dict.set(dict);
    return true;
  }
  return dictUpdate(o->dict.get(), dict) == 0;
}

}  // namespace tern::io
