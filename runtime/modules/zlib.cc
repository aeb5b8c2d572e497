// The zlib module over the system's zlib (Debian's zlib1g): one-shot
// compress/decompress, the streaming Compress and Decompress objects
// (flush, copy, unused_data, unconsumed_tail, eof, wbits and zdict),
// crc32/adler32 and the constants, with CPython 3.11's calls into zlib,
// its error messages ("Error -3 while decompressing data: incorrect header
// check") and its output-buffer growth (so Decompress.decompress with
// max_length stops at the same places).
//
// A stream object keeps its z_stream in malloc'd memory: zlib's internal
// state points back at the z_stream (deflateStateCheck compares the
// pointer), so it must not move with the object.  The layout's finalizer
// ends the stream and frees it.  Input is copied out of the heap before
// zlib sees it and output is gathered in a std::string, so no heap pointer
// is held while zlib runs.
#include <zlib.h>

#include <climits>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>

#include "runtime/gc/external_memory.h"
#include "runtime/gc/heap.h"
#include "runtime/gc/roots.h"
#include "runtime/interp/errors.h"
#include "runtime/modules/module.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/buffer.h"
#include "runtime/objects/bytes.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/int.h"
#include "runtime/objects/native.h"
#include "runtime/objects/numbers_internal.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"
#include "runtime/objects/type.h"

namespace tern {

namespace {

constexpr int kDefBufSize = 16384;
constexpr int kDefMemLevel = 8;

Type* g_compress_type = nullptr;
Type* g_decompress_type = nullptr;
gc::GlobalRoot g_zlib_error;  // zlib.error

Type* errorType() { return static_cast<Type*>(g_zlib_error.get().asObject()); }

// CPython's zlib_error: the library's message when it set one, else a
// description of the error code.
Value zlibError(const z_stream& zst, int err, const char* msg) {
  const char* zmsg = nullptr;
  if (err == Z_VERSION_ERROR) zmsg = "library version mismatch";
  if (zmsg == nullptr) zmsg = zst.msg;
  if (zmsg == nullptr) {
    switch (err) {
      case Z_BUF_ERROR:
        zmsg = "incomplete or truncated stream";
        break;
      case Z_STREAM_ERROR:
        zmsg = "inconsistent stream state";
        break;
      case Z_DATA_ERROR:
        zmsg = "invalid input data";
        break;
      default:
        break;
    }
  }
  if (zmsg == nullptr) return raisef(errorType(), "Error %d %s", err, msg);
  return raisef(errorType(), "Error %d %s: %.200s", err, msg, zmsg);
}

// --- the output buffer ----------------------------------------------------
// CPython's _BlockOutputBuffer: blocks of growing size, the total capped at
// max_length (or unlimited when it is negative).

const int64_t kBlockSizes[] = {
    32 * 1024,        64 * 1024,        256 * 1024,        1024 * 1024,       4 * 1024 * 1024,  8 * 1024 * 1024,
    16 * 1024 * 1024, 16 * 1024 * 1024, 32 * 1024 * 1024,  32 * 1024 * 1024,  32 * 1024 * 1024, 32 * 1024 * 1024,
    64 * 1024 * 1024, 64 * 1024 * 1024, 128 * 1024 * 1024, 128 * 1024 * 1024, 256 * 1024 * 1024};
constexpr size_t kBlockCount = sizeof(kBlockSizes) / sizeof(kBlockSizes[0]);

struct OutputBuffer {
  std::string data;
  int64_t allocated = 0;  // bytes handed to zlib so far (data.size())
  int64_t max_length = -1;
  size_t blocks = 0;

  // The first block: `init_size` bytes, or (InitAndGrow) the first table size.
  bool init(int64_t init_size, z_stream* zst) {
    blocks = 1;
    return addBlock(init_size, zst);
  }
  bool initAndGrow(int64_t max, z_stream* zst) {
    max_length = max;
    int64_t size = kBlockSizes[0];
    if (max >= 0 && size > max) size = max;
    blocks = 1;
    return addBlock(size, zst);
  }
  bool grow(z_stream* zst) {
    int64_t size = kBlockSizes[blocks < kBlockCount ? blocks : kBlockCount - 1];
    if (max_length >= 0) {
      int64_t rest = max_length - allocated;
      if (size > rest) size = rest;
    }
    ++blocks;
    return addBlock(size, zst);
  }
  bool addBlock(int64_t size, z_stream* zst) {
    if (size > INT64_MAX - allocated) {
      raiseNoMemory();
      return false;
    }
    try {
      data.resize(static_cast<size_t>(allocated + size));
    } catch (...) {
      raiseNoMemory();
      return false;
    }
    zst->next_out = reinterpret_cast<Bytef*>(data.data() + allocated);
    allocated += size;
    // Blocks never exceed UINT_MAX (the table's largest is 256 MiB; init sizes are checked by callers).
    zst->avail_out = static_cast<uInt>(size);
    return true;
  }
  int64_t size(const z_stream* zst) const { return allocated - zst->avail_out; }
  Value finish(const z_stream* zst) {
    data.resize(static_cast<size_t>(size(zst)));
    return newBytes(data);
  }
};

// CPython's arrange_input_buffer: at most UINT_MAX bytes at a time.
void arrangeInput(z_stream* zst, int64_t* remains) {
  zst->avail_in = static_cast<uInt>(*remains > UINT_MAX ? UINT_MAX : *remains);
  *remains -= zst->avail_in;
}

// An int argument (clinic's "i").
bool intArg(Value v, int* out) { return argCInt(v, out); }

// Clinic's "unsigned_int(bitwise=True)": an int taken modulo 2**32.
bool unsignedMaskArg(Value v, uint32_t* out) {
  Value i = index(v);
  if (i.isNull()) return false;
  numbers::IntRef ref(i);
  uint32_t low = ref.mag.empty() ? 0 : static_cast<uint32_t>(ref.mag[0]);
  *out = ref.neg ? static_cast<uint32_t>(0u - low) : low;
  return true;
}

// ===========================================================================
// The stream objects

struct ZlibObj : Obj {
  gc::HeapValue unused_data;      // bytes (Decompress)
  gc::HeapValue unconsumed_tail;  // bytes (Decompress)
  gc::HeapValue zdict;            // the dictionary object or null (Decompress)
  z_stream* zst;                  // malloc'd, never moves
  uint64_t eof;
  int64_t is_initialised;
  int64_t is_deflate;  // which end call the finalizer makes
};

ZlibObj* asZlib(Value v) { return static_cast<ZlibObj*>(v.asObject()); }

void zlibFinalize(gc::Object* object) {
  ZlibObj* self = static_cast<ZlibObj*>(object);
  if (self->zst == nullptr) return;
  if (self->is_initialised) {
    if (self->is_deflate) {
      deflateEnd(self->zst);
    } else {
      inflateEnd(self->zst);
    }
  }
  std::free(self->zst);
  self->zst = nullptr;
}

// zlib's memory for a stream object, reported to the collector
// (external_memory.h): a compressor holds about 256 KiB of it, and a loop
// dropping compressobj()s would otherwise run no collection for a long time.
voidpf streamAlloc(voidpf, uInt items, uInt size) {
  return gc::externalMalloc(static_cast<size_t>(items) * size);
}
void streamFree(voidpf, voidpf block) { gc::externalFree(block); }

// A new stream object of `type` with a zeroed z_stream; null on MemoryError.
Value newZlibObject(Type* type, bool deflate) {
  auto* zst = static_cast<z_stream*>(std::calloc(1, sizeof(z_stream)));
  if (zst == nullptr) return raiseNoMemory();
  zst->zalloc = streamAlloc;
  zst->zfree = streamFree;
  ZlibObj* self = static_cast<ZlibObj*>(newObject(type, type->basic_size));
  self->zst = zst;
  self->is_deflate = deflate ? 1 : 0;
  gc::setFinalizable(self);
  Value v(self);
  Value empty = emptyBytes();
  asZlib(v)->unused_data.set(empty);
  asZlib(v)->unconsumed_tail.set(empty);
  return v;
}

// CPython's set_inflate_zdict.
bool setInflateZdict(Value self) {
  std::string dict;
  if (!bufferCopyBytes(asZlib(self)->zdict.get(), &dict)) return false;
  if (dict.size() > UINT_MAX) {
    raise(exc::OverflowError, "zdict length does not fit in an unsigned int");
    return false;
  }
  z_stream* zst = asZlib(self)->zst;
  int err = inflateSetDictionary(zst, reinterpret_cast<const Bytef*>(dict.data()), static_cast<uInt>(dict.size()));
  if (err != Z_OK) {
    zlibError(*zst, err, "while setting zdict");
    return false;
  }
  return true;
}

// One inflate() call, giving the stream its dictionary when it asks for one:
// 1 go on, 0 stop (`*err` says why, for the caller to report), -1 with an
// exception raised.
int inflateStep(Value self, z_stream* zst, int flush, int* err) {
  *err = inflate(zst, flush);
  switch (*err) {
    case Z_OK:
    case Z_BUF_ERROR:
    case Z_STREAM_END:
      return 1;
    default:
      if (*err == Z_NEED_DICT && !asZlib(self)->zdict.get().isNull()) return setInflateZdict(self) ? 1 : -1;
      return 0;
  }
}

// CPython's save_unconsumed_input: after inflating `input`, keeps what is left
// in unused_data (past the end of the stream) or unconsumed_tail.
bool saveUnconsumedInput(Value self, const std::string& input, int err) {
  z_stream* zst = asZlib(self)->zst;
  const char* end = input.data() + input.size();
  if (err == Z_STREAM_END && zst->avail_in > 0) {
    std::string joined;
    if (!bytesLikeCopy(asZlib(self)->unused_data.get(), &joined)) return false;
    joined.append(reinterpret_cast<const char*>(zst->next_in), end);
    Value b = newBytes(joined);
    if (b.isNull()) return false;
    asZlib(self)->unused_data.set(b);
    zst->avail_in = 0;
  }
  if (zst->avail_in > 0 || bytesLength(asZlib(self)->unconsumed_tail.get()) != 0) {
    Value b = newBytes(std::string_view(reinterpret_cast<const char*>(zst->next_in),
                                        static_cast<size_t>(end - reinterpret_cast<const char*>(zst->next_in))));
    if (b.isNull()) return false;
    asZlib(self)->unconsumed_tail.set(b);
  }
  return true;
}

// ===========================================================================
// Module functions

Value zlib_compress(Value* args) {
  std::string data;
  if (!bufferCopyBytes(args[1], &data)) return Value();
  int level, wbits;
  if (!intArg(args[2], &level) || !intArg(args[3], &wbits)) return Value();
  z_stream zst;
  std::memset(&zst, 0, sizeof zst);
  int err = deflateInit2(&zst, level, Z_DEFLATED, wbits, kDefMemLevel, Z_DEFAULT_STRATEGY);
  switch (err) {
    case Z_OK:
      break;
    case Z_MEM_ERROR:
      return raise(exc::MemoryError, "Out of memory while compressing data");
    case Z_STREAM_ERROR:
      return raise(errorType(), "Bad compression level");
    default:
      deflateEnd(&zst);
      return zlibError(zst, err, "while compressing data");
  }
  OutputBuffer out;
  if (!out.initAndGrow(-1, &zst)) {
    deflateEnd(&zst);
    return Value();
  }
  zst.next_in = reinterpret_cast<Bytef*>(data.data());
  int64_t ibuflen = static_cast<int64_t>(data.size());
  int flush;
  do {
    arrangeInput(&zst, &ibuflen);
    flush = ibuflen == 0 ? Z_FINISH : Z_NO_FLUSH;
    do {
      if (zst.avail_out == 0 && !out.grow(&zst)) {
        deflateEnd(&zst);
        return Value();
      }
      err = deflate(&zst, flush);
      if (err == Z_STREAM_ERROR) {
        deflateEnd(&zst);
        return zlibError(zst, err, "while compressing data");
      }
    } while (zst.avail_out == 0);
  } while (flush != Z_FINISH);
  err = deflateEnd(&zst);
  if (err != Z_OK) return zlibError(zst, err, "while finishing compression");
  return out.finish(&zst);
}

Value zlib_decompress(Value* args) {
  std::string data;
  if (!bufferCopyBytes(args[1], &data)) return Value();
  int wbits;
  int64_t bufsize;
  if (!intArg(args[2], &wbits) || !argSsize(args[3], &bufsize)) return Value();
  if (bufsize < 0) return raise(exc::ValueError, "bufsize must be non-negative");
  if (bufsize == 0) bufsize = 1;
  if (bufsize > UINT_MAX) bufsize = UINT_MAX;
  z_stream zst;
  std::memset(&zst, 0, sizeof zst);
  zst.next_in = reinterpret_cast<Bytef*>(data.data());
  int64_t ibuflen = static_cast<int64_t>(data.size());
  int err = inflateInit2(&zst, wbits);
  switch (err) {
    case Z_OK:
      break;
    case Z_MEM_ERROR:
      return raise(exc::MemoryError, "Out of memory while decompressing data");
    default:
      inflateEnd(&zst);
      return zlibError(zst, err, "while preparing to decompress data");
  }
  OutputBuffer out;
  if (!out.init(bufsize, &zst)) {
    inflateEnd(&zst);
    return Value();
  }
  do {
    arrangeInput(&zst, &ibuflen);
    int flush = ibuflen == 0 ? Z_FINISH : Z_NO_FLUSH;
    do {
      if (zst.avail_out == 0 && !out.grow(&zst)) {
        inflateEnd(&zst);
        return Value();
      }
      err = inflate(&zst, flush);
      switch (err) {
        case Z_OK:
        case Z_BUF_ERROR:
        case Z_STREAM_END:
          break;
        case Z_MEM_ERROR:
          inflateEnd(&zst);
          return raise(exc::MemoryError, "Out of memory while decompressing data");
        default:
          inflateEnd(&zst);
          return zlibError(zst, err, "while decompressing data");
      }
    } while (zst.avail_out == 0);
  } while (err != Z_STREAM_END && ibuflen != 0);
  if (err != Z_STREAM_END) {
    inflateEnd(&zst);
    return zlibError(zst, err, "while decompressing data");
  }
  err = inflateEnd(&zst);
  if (err != Z_OK) return zlibError(zst, err, "while finishing decompression");
  return out.finish(&zst);
}

Value zlib_compressobj(Value* args) {
  int level, method, wbits, mem_level, strategy;
  if (!intArg(args[1], &level) || !intArg(args[2], &method) || !intArg(args[3], &wbits) ||
      !intArg(args[4], &mem_level) || !intArg(args[5], &strategy)) {
    return Value();
  }
  std::string zdict;
  bool has_zdict = !isNone(args[6]);
  if (has_zdict) {
    if (!bufferCopyBytes(args[6], &zdict)) return Value();
    if (zdict.size() > UINT_MAX) return raise(exc::OverflowError, "zdict length does not fit in an unsigned int");
  }
  Value self = newZlibObject(g_compress_type, true);
  if (self.isNull()) return self;
  z_stream* zst = asZlib(self)->zst;
  int err = deflateInit2(zst, level, method, wbits, mem_level, strategy);
  switch (err) {
    case Z_OK:
      asZlib(self)->is_initialised = 1;
      if (!has_zdict) return self;
      err = deflateSetDictionary(zst, reinterpret_cast<const Bytef*>(zdict.data()), static_cast<uInt>(zdict.size()));
      switch (err) {
        case Z_OK:
          return self;
        case Z_STREAM_ERROR:
          return raise(exc::ValueError, "Invalid dictionary");
        default:
          return raise(exc::ValueError, "deflateSetDictionary()");
      }
    case Z_MEM_ERROR:
      return raise(exc::MemoryError, "Can't allocate memory for compression object");
    case Z_STREAM_ERROR:
      return raise(exc::ValueError, "Invalid initialization option");
    default:
      return zlibError(*zst, err, "while creating compression object");
  }
}

Value zlib_decompressobj(Value* args) {
  int wbits;
  if (!intArg(args[1], &wbits)) return Value();
  Value zdict = args[2];  // null: not given
  if (!zdict.isNull() && !hasBuffer(zdict)) {
    return raise(exc::TypeError, "zdict argument must support the buffer protocol");
  }
  Value self = newZlibObject(g_decompress_type, false);
  if (self.isNull()) return self;
  if (!zdict.isNull()) asZlib(self)->zdict.set(zdict);
  z_stream* zst = asZlib(self)->zst;
  int err = inflateInit2(zst, wbits);
  switch (err) {
    case Z_OK:
      asZlib(self)->is_initialised = 1;
      if (!zdict.isNull() && wbits < 0) {
        if (!setInflateZdict(self)) return Value();
      }
      return self;
    case Z_STREAM_ERROR:
      return raise(exc::ValueError, "Invalid initialization option");
    case Z_MEM_ERROR:
      return raise(exc::MemoryError, "Can't allocate memory for decompression object");
    default:
      return zlibError(*zst, err, "while creating decompression object");
  }
}

// adler32/crc32 over data of any length (zlib takes uInt lengths).
template <typename F>
Value checksum(Value data_arg, Value start_arg, F update) {
  std::string data;
  if (!bufferCopyBytes(data_arg, &data)) return Value();
  uint32_t value;
  if (!unsignedMaskArg(start_arg, &value)) return Value();
  uLong v = value;
  const Bytef* p = reinterpret_cast<const Bytef*>(data.data());
  size_t n = data.size();
  while (n > 0) {
    uInt chunk = n > UINT_MAX ? UINT_MAX : static_cast<uInt>(n);
    v = update(v, p, chunk);
    p += chunk;
    n -= chunk;
  }
  return newIntUnsigned(static_cast<uint32_t>(v));
}

Value zlib_adler32(Value* args) { return checksum(args[1], args[2], adler32); }
Value zlib_crc32(Value* args) { return checksum(args[1], args[2], crc32); }

// ===========================================================================
// Compress

Value Compress_compress(Value* args) {
  Value self = args[0];
  std::string data;
  if (!bufferCopyBytes(args[1], &data)) return Value();
  z_stream* zst = asZlib(self)->zst;
  OutputBuffer out;
  if (!out.initAndGrow(-1, zst)) return Value();
  zst->next_in = reinterpret_cast<Bytef*>(data.data());
  int64_t ibuflen = static_cast<int64_t>(data.size());
  do {
    arrangeInput(zst, &ibuflen);
    do {
      if (zst->avail_out == 0 && !out.grow(zst)) return Value();
      int err = deflate(zst, Z_NO_FLUSH);
      if (err == Z_STREAM_ERROR) return zlibError(*zst, err, "while compressing data");
    } while (zst->avail_out == 0);
  } while (ibuflen != 0);
  return out.finish(zst);
}

Value Compress_flush(Value* args) {
  Value self = args[0];
  int mode;
  if (!intArg(args[1], &mode)) return Value();
  if (mode == Z_NO_FLUSH) return emptyBytes();
  z_stream* zst = asZlib(self)->zst;
  zst->avail_in = 0;
  OutputBuffer out;
  if (!out.initAndGrow(-1, zst)) return Value();
  int err;
  do {
    if (zst->avail_out == 0 && !out.grow(zst)) return Value();
    err = deflate(zst, mode);
    if (err == Z_STREAM_ERROR) return zlibError(*zst, err, "while flushing");
  } while (zst->avail_out == 0);
  if (err == Z_STREAM_END && mode == Z_FINISH) {
    err = deflateEnd(zst);
    if (err != Z_OK) return zlibError(*zst, err, "while finishing compression");
    asZlib(self)->is_initialised = 0;
  } else if (err != Z_OK && err != Z_BUF_ERROR) {
    return zlibError(*zst, err, "while flushing");
  }
  return out.finish(zst);
}

Value zlibCopy(Value self) {
  bool deflating = asZlib(self)->is_deflate != 0;
  if (!asZlib(self)->is_initialised) return raise(exc::ValueError, "Inconsistent stream state");
  Value copy = newZlibObject(deflating ? g_compress_type : g_decompress_type, deflating);
  if (copy.isNull()) return copy;
  int err =
      deflating ? deflateCopy(asZlib(copy)->zst, asZlib(self)->zst) : inflateCopy(asZlib(copy)->zst, asZlib(self)->zst);
  switch (err) {
    case Z_OK:
      break;
    case Z_STREAM_ERROR:
      return raise(exc::ValueError, "Inconsistent stream state");
    case Z_MEM_ERROR:
      return raise(exc::MemoryError, deflating ? "Can't allocate memory for compression object"
                                               : "Can't allocate memory for decompression object");
    default:
      return zlibError(*asZlib(self)->zst, err,
                       deflating ? "while copying compression object" : "while copying decompression object");
  }
  ZlibObj* from = asZlib(self);
  ZlibObj* to = asZlib(copy);
  to->unused_data.set(from->unused_data.get());
  to->unconsumed_tail.set(from->unconsumed_tail.get());
  to->zdict.set(from->zdict.get());
  to->eof = from->eof;
  to->is_initialised = 1;
  return copy;
}

Value Compress_copy(Value* args) { return zlibCopy(args[0]); }
Value Compress___deepcopy__(Value* args) { return zlibCopy(args[0]); }

// ===========================================================================
// Decompress

Value Decompress_decompress(Value* args) {
  Value self = args[0];
  std::string data;
  if (!bufferCopyBytes(args[1], &data)) return Value();
  int64_t max_length;
  if (!argSsize(args[2], &max_length)) return Value();
  if (max_length < 0) return raise(exc::ValueError, "max_length must be non-negative");
  int64_t hard_limit = max_length == 0 ? INT64_MAX : max_length;
  z_stream* zst = asZlib(self)->zst;
  zst->next_in = reinterpret_cast<Bytef*>(data.data());
  int64_t ibuflen = static_cast<int64_t>(data.size());
  OutputBuffer out;
  if (!out.initAndGrow(hard_limit, zst)) return Value();
  int err = Z_OK;
  do {
    arrangeInput(zst, &ibuflen);
    do {
      if (zst->avail_out == 0) {
        if (out.size(zst) == hard_limit) goto save;
        if (!out.grow(zst)) return Value();
      }
      int step = inflateStep(self, zst, Z_SYNC_FLUSH, &err);
      if (step < 0) return Value();
      if (step == 0) goto save;
    } while (zst->avail_out == 0 || err == Z_NEED_DICT);
  } while (err != Z_STREAM_END && ibuflen != 0);
save:
  if (!saveUnconsumedInput(self, data, err)) return Value();
  if (err == Z_STREAM_END) {
    // inflateEnd waits for flush(), as in CPython.
    asZlib(self)->eof = 1;
  } else if (err != Z_OK && err != Z_BUF_ERROR) {
    return zlibError(*zst, err, "while decompressing data");
  }
  return out.finish(zst);
}

Value Decompress_flush(Value* args) {
  Value self = args[0];
  int64_t length;
  if (!argSsize(args[1], &length)) return Value();
  if (length <= 0) return raise(exc::ValueError, "length must be greater than zero");
  if (length > UINT_MAX) length = UINT_MAX;
  std::string data;
  if (!bytesLikeCopy(asZlib(self)->unconsumed_tail.get(), &data)) return Value();
  z_stream* zst = asZlib(self)->zst;
  zst->next_in = reinterpret_cast<Bytef*>(data.data());
  int64_t ibuflen = static_cast<int64_t>(data.size());
  OutputBuffer out;
  if (!out.init(length, zst)) return Value();
  int err = Z_OK;
  do {
    arrangeInput(zst, &ibuflen);
    int flush = ibuflen == 0 ? Z_FINISH : Z_NO_FLUSH;
    do {
      if (zst->avail_out == 0 && !out.grow(zst)) return Value();
      int step = inflateStep(self, zst, flush, &err);
      if (step < 0) return Value();
      if (step == 0) goto save;
    } while (zst->avail_out == 0 || err == Z_NEED_DICT);
  } while (err != Z_STREAM_END && ibuflen != 0);
save:
  if (!saveUnconsumedInput(self, data, err)) return Value();
  if (err == Z_STREAM_END) {
    asZlib(self)->eof = 1;
    asZlib(self)->is_initialised = 0;
    err = inflateEnd(zst);
    if (err != Z_OK) return zlibError(*zst, err, "while finishing decompression");
  }
  return out.finish(zst);
}

Value Decompress_copy(Value* args) { return zlibCopy(args[0]); }
Value Decompress___deepcopy__(Value* args) { return zlibCopy(args[0]); }

// ===========================================================================
// Tables

const uint32_t kZlibFields[] = {offsetof(Obj, ob_type), offsetof(ZlibObj, unused_data),
                                offsetof(ZlibObj, unconsumed_tail), offsetof(ZlibObj, zdict)};
const gc::Layout kZlibLayout = {.name = "zlib stream", .fields = kZlibFields, .finalize = zlibFinalize};

const MethodDef kCompressMethods[] = {
    {.name = "compress",
     .signature = "($self, data, /)",
     .fn = Compress_compress,
     .doc = "Returns a bytes object containing compressed data.\n\n  data\n    Binary data to be compressed.\n\n"
            "After calling this function, some of the input data may still\nbe stored in internal buffers for later "
            "processing.\nCall the flush() method to clear these buffers."},
    {.name = "flush",
     .signature = "($self, mode=4, /)",
     .fn = Compress_flush,
     .doc = "Return a bytes object containing any remaining compressed data.\n\n  mode\n    One of the constants "
            "Z_SYNC_FLUSH, Z_FULL_FLUSH, Z_FINISH.\n    If mode == Z_FINISH, the compressor object can no longer be\n"
            "    used after calling the flush() method.  Otherwise, more data\n    can still be compressed."},
    {.name = "copy", .signature = "($self, /)", .fn = Compress_copy, .doc = "Return a copy of the compression object."},
    {.name = "__copy__", .signature = "($self, /)", .fn = Compress_copy},
    {.name = "__deepcopy__", .signature = "($self, memo, /)", .fn = Compress___deepcopy__},
};

const TypeSpec kCompressSpec = {
    .name = "Compress",
    .module = "zlib",
    .type = &g_compress_type,
    .layout = &kZlibLayout,
    .basic_size = sizeof(ZlibObj),
    .methods = kCompressMethods,
};
TERN_REGISTER_TYPE(kCompressSpec);

const MethodDef kDecompressMethods[] = {
    {.name = "decompress",
     .signature = "($self, data, /, max_length=0)",
     .fn = Decompress_decompress,
     .doc = "Return a bytes object containing the decompressed version of the data.\n\n  data\n    The binary data "
            "to decompress.\n  max_length\n    The maximum allowable length of the decompressed data.\n    Unconsumed "
            "input data will be stored in\n    the unconsumed_tail attribute.\n\nAfter calling this function, some of "
            "the input data may still be stored in\ninternal buffers for later processing.\nCall the flush() method to "
            "clear these buffers."},
    {.name = "flush",
     .signature = "($self, length=16384, /)",
     .fn = Decompress_flush,
     .doc = "Return a bytes object containing any remaining decompressed data.\n\n  length\n    the initial size of "
            "the output buffer."},
    {.name = "copy",
     .signature = "($self, /)",
     .fn = Decompress_copy,
     .doc = "Return a copy of the decompression object."},
    {.name = "__copy__", .signature = "($self, /)", .fn = Decompress_copy},
    {.name = "__deepcopy__", .signature = "($self, memo, /)", .fn = Decompress___deepcopy__},
};

const MemberDef kDecompressMembers[] = {
    {.name = "unused_data", .kind = MemberKind::kObject, .offset = offsetof(ZlibObj, unused_data), .readonly = true},
    {.name = "unconsumed_tail",
     .kind = MemberKind::kObject,
     .offset = offsetof(ZlibObj, unconsumed_tail),
     .readonly = true},
    {.name = "eof", .kind = MemberKind::kBool, .offset = offsetof(ZlibObj, eof), .readonly = true},
};

const TypeSpec kDecompressSpec = {
    .name = "Decompress",
    .module = "zlib",
    .type = &g_decompress_type,
    .layout = &kZlibLayout,
    .basic_size = sizeof(ZlibObj),
    .methods = kDecompressMethods,
    .members = kDecompressMembers,
};
TERN_REGISTER_TYPE(kDecompressSpec);

const MethodDef kZlibFunctions[] = {
    {.name = "adler32",
     .signature = "($module, data, value=1, /)",
     .fn = zlib_adler32,
     .doc = "Compute an Adler-32 checksum of data.\n\n  value\n    Starting value of the checksum.\n\nThe returned "
            "checksum is an integer."},
    {.name = "compress",
     .signature = "($module, data, /, level=-1, wbits=15)",
     .fn = zlib_compress,
     .doc = "Returns a bytes object containing compressed data.\n\n  data\n    Binary data to be compressed.\n  "
            "level\n    Compression level, in 0-9 or -1.\n  wbits\n    The window buffer size and container format."},
    {.name = "compressobj",
     .signature = "($module, /, level=-1, method=8, wbits=15, memLevel=8, strategy=0, zdict=None)",
     .fn = zlib_compressobj,
     .doc = "Return a compressor object.\n\n  level\n    The compression level (an integer in the range 0-9 or -1; "
            "default is\n    currently equivalent to 6).  Higher compression levels are slower,\n    but produce "
            "smaller results.\n  method\n    The compression algorithm.  If given, this must be DEFLATED.\n  wbits\n"
            "    +9 to +15: The base-two logarithm of the window size.  Include a zlib\n        container.\n    -9 to "
            "-15: Generate a raw stream.\n    +25 to +31: Include a gzip container.\n  memLevel\n    Controls the "
            "amount of memory used for internal compression state.\n    Valid values range from 1 to 9.  Higher "
            "values result in higher memory\n    usage, faster compression, and smaller output.\n  strategy\n    Used "
            "to tune the compression algorithm.  Possible values are\n    Z_DEFAULT_STRATEGY, Z_FILTERED, and "
            "Z_HUFFMAN_ONLY.\n  zdict\n    The predefined compression dictionary - a sequence of bytes\n    "
            "containing subsequences that are likely to occur in the input data."},
    {.name = "crc32",
     .signature = "($module, data, value=0, /)",
     .fn = zlib_crc32,
     .doc = "Compute a CRC-32 checksum of data.\n\n  value\n    Starting value of the checksum.\n\nThe returned "
            "checksum is an integer."},
    {.name = "decompress",
     .signature = "($module, data, /, wbits=15, bufsize=16384)",
     .fn = zlib_decompress,
     .doc = "Returns a bytes object containing the uncompressed data.\n\n  data\n    Compressed data.\n  wbits\n    "
            "The window buffer size and container format.\n  bufsize\n    The initial output buffer size."},
    {.name = "decompressobj",
     .signature = "($module, /, wbits=15, zdict=<unrepresentable>)",
     .fn = zlib_decompressobj,
     .doc = "Return a decompressor object.\n\n  wbits\n    The window buffer size and container format.\n  zdict\n"
            "    The predefined compression dictionary.  This must be the same\n    dictionary as used by the "
            "compressor that produced the input data."},
};

bool setInt(Value d, const char* name, int64_t v) {
  Value n = newInt(v);
  return !n.isNull() && dictSet(d, internStr(name), n) == 0;
}

bool zlibInit(Value module) {
  if (g_zlib_error.get().isNull()) {
    Value ns = newDict();
    if (ns.isNull() || dictSet(ns, names::__module__, internStr("zlib")) < 0) return false;
    Value bases = newTupleOf({typeValue(exc::Exception)});
    if (bases.isNull()) return false;
    Value error = newClass(types::type_type, internStr("error"), bases, ns, Value());
    if (error.isNull()) return false;
    g_zlib_error.set(error);
  }
  Value d = moduleDict(module);
  if (dictSet(d, internStr("error"), g_zlib_error.get()) < 0) return false;
  static const struct {
    const char* name;
    int value;
  } kConstants[] = {
      {"MAX_WBITS", MAX_WBITS},
      {"DEFLATED", Z_DEFLATED},
      {"DEF_MEM_LEVEL", kDefMemLevel},
      {"DEF_BUF_SIZE", kDefBufSize},
      {"Z_NO_COMPRESSION", Z_NO_COMPRESSION},
      {"Z_BEST_SPEED", Z_BEST_SPEED},
      {"Z_BEST_COMPRESSION", Z_BEST_COMPRESSION},
      {"Z_DEFAULT_COMPRESSION", Z_DEFAULT_COMPRESSION},
      {"Z_FILTERED", Z_FILTERED},
      {"Z_HUFFMAN_ONLY", Z_HUFFMAN_ONLY},
      {"Z_RLE", Z_RLE},
      {"Z_FIXED", Z_FIXED},
      {"Z_DEFAULT_STRATEGY", Z_DEFAULT_STRATEGY},
      {"Z_NO_FLUSH", Z_NO_FLUSH},
      {"Z_PARTIAL_FLUSH", Z_PARTIAL_FLUSH},
      {"Z_SYNC_FLUSH", Z_SYNC_FLUSH},
      {"Z_FULL_FLUSH", Z_FULL_FLUSH},
      {"Z_FINISH", Z_FINISH},
      {"Z_BLOCK", Z_BLOCK},
      {"Z_TREES", Z_TREES},
  };
  for (const auto& c : kConstants) {
    if (!setInt(d, c.name, c.value)) return false;
  }
  Value version = newStr(ZLIB_VERSION);
  if (version.isNull() || dictSet(d, internStr("ZLIB_VERSION"), version) < 0) return false;
  Value runtime_version = newStr(zlibVersion());
  if (runtime_version.isNull() || dictSet(d, internStr("ZLIB_RUNTIME_VERSION"), runtime_version) < 0) return false;
  Value module_version = newStr("1.0");
  return !module_version.isNull() && dictSet(d, internStr("__version__"), module_version) == 0;
}

const NativeModuleDef kZlibModule = {
    .name = "zlib",
    .methods = kZlibFunctions,
    .init = zlibInit,
    .doc =
        "The functions in this module allow compression and decompression using the\nzlib library, which is "
        "based on GNU zip.\n\nadler32(string[, start]) -- Compute an Adler-32 checksum.\ncompress(data[, level]) -- "
        "Compress data, with compression level 0-9 or -1.\ncompressobj([level[, ...]]) -- Return a compressor "
        "object.\ncrc32(string[, start]) -- Compute a CRC-32 checksum.\ndecompress(string,[wbits],[bufsize]) -- "
        "Decompresses a compressed string.\ndecompressobj([wbits[, zdict]]) -- Return a decompressor object.\n\n"
        "'wbits' is window buffer size and container format.\nCompressor objects support compress() and flush() "
        "methods; decompressor\nobjects support decompress() and flush().",
};
TERN_REGISTER_MODULE(kZlibModule);

}  // namespace

}  // namespace tern
