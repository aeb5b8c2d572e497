// Private to the _io module (runtime/modules/_io_*.cc): the instance layouts
// of its types and the helpers the files share.  Other code uses _io.h.
//
// Every io object starts with IOBaseObj: an instance __dict__ (io objects
// take attributes: FileIO keeps `name` there, as CPython does) and the
// closed flag of _IOBase's own close().  Invariants of the layouts:
//   - only HeapValue fields hold references; buffers are heap objects
//     (bytes, bytearray, _rawbytes) referenced from HeapValues, never malloc'd
//     memory, so an io object that dies without close() leaks nothing;
//   - every instance is registered finalizable when created (ioNewObject):
//     its layout's finalize calls close() the way CPython's iobase_finalize
//     does, so a file that becomes garbage is flushed and closed;
//   - `initialized` is set by __init__ (an object made by __new__ alone
//     raises "I/O operation on uninitialized object").
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "runtime/gc/layout.h"
#include "runtime/objects/native.h"
#include "runtime/objects/object.h"
#include "runtime/objects/str.h"

namespace tern::io {

inline constexpr int64_t kDefaultBufferSize = 8192;

struct IOBaseObj : Obj {
  gc::HeapValue dict;
  uint64_t iobase_closed;
};

// __setstate__ of BytesIO/StringIO: merges `dict` (a dict or None, the
// `ordinal` item of the state) into the instance __dict__.
bool restoreIoDict(Value self, Value dict, const char* ordinal);

struct FileIOObj : IOBaseObj {
  int64_t fd;  // -1 once closed
  int64_t blksize;
  uint8_t readable, writable, appending, created, closefd;
  int8_t seekable;  // -1: not known yet
  uint8_t finalizing;
  uint8_t pad;
  gc::HeapValue created_at;  // -X track-resources: where it was made (resource_tracking.h)
};

// BufferedReader, BufferedWriter, BufferedRandom and BufferedRWPair.
//   read buffer: rbuf (bytes or null) and rpos; the unread bytes are
//     rbuf[rpos:], and the raw position is just after rbuf's end;
//   write buffer: wbuf (_rawbytes of buffer_size bytes, or null) holds
//     wbuf[wpos:wlen], bytes written but not yet passed to raw (wpos > 0
//     after a raw write that took only part); they belong at the raw position.
// A read buffer and a write buffer are never both non-empty (BufferedRandom
// drops one before filling the other).
struct BufferedObj : IOBaseObj {
  gc::HeapValue raw;
  gc::HeapValue rbuf;
  gc::HeapValue wbuf;
  gc::HeapValue reader, writer;  // BufferedRWPair only
  int64_t rpos;
  int64_t wpos, wlen;  // 0 <= wpos <= wlen <= buffer_size
  int64_t buffer_size;
  uint64_t lock_owner;  // pthread id of the thread holding the object's lock (BufferedLock), or 0
  uint8_t kind;  // BufferedKind
  uint8_t initialized, detached, finalizing;
  uint8_t pad[4];
};
enum BufferedKind : uint8_t { kReader = 1, kWriter = 2, kRandom = 3, kRWPair = 4 };

struct BytesIOObj : IOBaseObj {
  gc::HeapValue buf;  // bytearray: the contents, its length is the size
  int64_t pos;
  int64_t exports;  // getbuffer() views alive
  uint64_t closed;
};

// StringIO's text: UCS-4 code points in a _rawbytes block, `length` of them.
struct StringIOObj : IOBaseObj {
  gc::HeapValue buf;      // _rawbytes or null
  gc::HeapValue decoder;  // IncrementalNewlineDecoder (newline None or '') or null
  gc::HeapValue readnl;   // str or null (newline None)
  gc::HeapValue writenl;  // str or null: what '\n' becomes on write
  int64_t length, pos;
  uint8_t closed, initialized, readuniversal, readtranslate;
  uint8_t pad[4];
};

struct NewlineDecoderObj : Obj {
  gc::HeapValue decoder;  // wrapped decoder or None
  gc::HeapValue errors;
  uint8_t translate, pendingcr, seennl, initialized;
  uint8_t pad[4];
};
enum SeenNewline : uint8_t { kSeenLF = 1, kSeenCR = 2, kSeenCRLF = 4 };

// TextIOWrapper.  Reading keeps one decoded chunk: decoded[decoded_used:] is
// what read() returns next.  The snapshot describes where decoding of that
// chunk started: snapshot_input holds the bytes it was decoded from (the
// bytes the decoder held back before, then the chunk read), so the chunk
// started at buffer.tell() - len(snapshot_input), with the pending '\r'
// snapshot_pendingcr; tell() names that place plus the characters consumed,
// and seek() goes back there and decodes forward again.  `pending_input`
// holds bytes the decoder held back (an incomplete character).
struct TextIOObj : IOBaseObj {
  gc::HeapValue buffer;
  gc::HeapValue encoding, errors;  // str
  gc::HeapValue readnl, writenl;   // str or null (writenl null: '\n' is written as is)
  gc::HeapValue decoded;           // str or null
  gc::HeapValue pending_input;     // bytes or null
  gc::HeapValue snapshot_input;    // bytes or null (no snapshot)
  gc::HeapValue pydecoder, pyencoder;  // incremental codecs from `codecs` for other encodings, or null
  gc::HeapValue pending_out;       // bytearray: encoded text not yet passed to the buffer, or null
  int64_t decoded_used;
  int64_t chunk_size;
  uint8_t codec;      // TextCodec of the encoding (writing)
  uint8_t dec_codec;  // what the decoder uses now (utf-16/32 become -le/-be once the BOM is read)
  uint8_t readable, writable;
  uint8_t readuniversal, readtranslate, line_buffering, write_through;
  uint8_t pendingcr, snapshot_pendingcr, seennl, seekable, telling, has_read1;
  uint8_t initialized, detached, finalizing, bom_pending;
  uint8_t pad[6];
};
enum TextCodec : uint8_t {
  kCodecOther = 0, kCodecUtf8, kCodecLatin1, kCodecAscii,
  kCodecUtf16, kCodecUtf16LE, kCodecUtf16BE, kCodecUtf32, kCodecUtf32LE, kCodecUtf32BE,
};

// --- types (created at start-up from the TypeSpecs of the _io_*.cc files) ---
inline Type* IOBase_type = nullptr;
inline Type* RawIOBase_type = nullptr;
inline Type* BufferedIOBase_type = nullptr;
inline Type* TextIOBase_type = nullptr;
inline Type* FileIO_type = nullptr;
inline Type* BytesIO_type = nullptr;
inline Type* StringIO_type = nullptr;
inline Type* BufferedReader_type = nullptr;
inline Type* BufferedWriter_type = nullptr;
inline Type* BufferedRandom_type = nullptr;
inline Type* BufferedRWPair_type = nullptr;
inline Type* TextIOWrapper_type = nullptr;
inline Type* IncrementalNewlineDecoder_type = nullptr;

// io.UnsupportedOperation (a class with bases OSError and ValueError, made
// when the module is first created; also on demand by unsupported()).
Type* unsupportedOperationType();

// An interned name, made once per call site.
#define TERN_IO_NAME(text)                            \
  ([]() -> ::tern::Value {                            \
    static const ::tern::Value name = ::tern::internStr(text); \
    return name;                                      \
  }())

// --- _io_iobase.cc ---
// The finalize of every io layout (see the header comment).
void ioLayoutFinalize(gc::Object* object);
// Allocates an instance of `type` (basic_size bytes), registered finalizable
// (unless `finalizable` is false: in-memory streams of the exact builtin
// types, which hold no resource) and on the at-exit flush list when `track`.
Obj* ioNewObject(Type* type, bool track, bool finalizable = true);
// tp_new of the io types: a zeroed instance.
Value ioGenericNew(Type* type, const Value* args, size_t nargs, Value kwnames);
// What every io finalizer does: close() unless already closed, reporting an
// error as "Exception ignored in: <repr>" on stderr.
void finalizeByClose(Value self);
// Prints the pending exception as an unraisable one from `where`.
void writeUnraisable(Value where);
Value unsupported(const char* message);  // raises UnsupportedOperation; null
// self.closed is true: ValueError "I/O operation on closed file." (-1 on a
// failing attribute, 1 if closed (error raised), 0 if open).
int checkClosed(Value self);
// Calls self.<name>() and tests it: 1 true, 0 false, -1 error.
int callBoolMethod(Value obj, Value name);
// The iobase implementations other files reuse.
Value iobase_readline_impl(Value self, int64_t limit);
Value iobase_readlines_impl(Value self, Value hint);
Value iobase_writelines_impl(Value self, Value lines);
Value iobase_iternext(Value self);
Value iobase_iter(Value self);
// A size argument: None or an int (__index__); None -> -1.
bool sizeArg(Value v, int64_t* out);
// Copies `data` into the writable buffer `target` (readinto); returns the
// number copied (min of both lengths) or -1 with an exception pending.
int64_t copyIntoBuffer(Value target, std::string_view data, int64_t* capacity = nullptr);
// The writable capacity of `target` (a writable bytes-like object); -1 on error.
int64_t writableLength(Value target);

// `obj.closed` without a call for the exact builtin types (FileIO, BytesIO,
// the buffered classes over FileIO): 1 closed, 0 open, -1 not known here.
int ioFastClosed(Value obj);

// A weak list of the open buffered writers and text wrappers, flushed at exit.
void trackForExitFlush(Value obj);

// --- _io_fileio.cc ---
// OSError for errno (with filename when not null).
Value raiseErrno(int error, Value filename = Value());

// --- _io_bufferedio.cc ---
Value newBufferedObject(Type* type, Value raw, int64_t buffer_size);

// --- _io_module.cc: newline translation, shared by StringIO, TextIOWrapper and
// IncrementalNewlineDecoder ---
// Translates \r\n and \r to \n (with pendingcr carried between calls); records seen kinds.
std::u32string translateNewlines(std::u32string_view in, bool translate, bool final, uint8_t* pendingcr,
                                 uint8_t* seennl);
// The end of the first line in text[start:end] for the newline mode; -1 if none.
// `universal`: \r, \n, \r\n; else `nl` (a non-empty string).
// A '\r' at the very end counts as a line end (the caller holds back a
// '\r' that may start a '\r\n' still to come).
int64_t findLineEnd(std::u32string_view text, int64_t start, bool universal, std::u32string_view nl);
// The value of a `newlines` attribute from seen flags.
Value newlinesValue(uint8_t seennl);
// --- _io_textio.cc ---
Value newTextIOWrapper(Value buffer, Value encoding, Value errors, Value newline, bool line_buffering,
                       bool write_through);

// --- _io_module.cc ---
Value ioOpen(Value file, Value mode, int64_t buffering, Value encoding, Value errors, Value newline, bool closefd,
             Value opener);

}  // namespace tern::io
