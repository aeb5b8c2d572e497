// _io.BufferedReader, BufferedWriter, BufferedRandom and BufferedRWPair:
// buffering over any raw stream, reached through its Python methods
// (read/readinto/write/seek/tell/...), so Python-defined raw classes work as
// well as FileIO.  CPython 3.11's Modules/_io/bufferedio.c is the reference
// for behaviour and messages.
//
// Buffers (BufferedObj in _io_internal.h): the read buffer is the bytes
// object the last raw read returned, consumed from `rpos`; the write buffer
// is a fixed block of buffer_size bytes, [wpos, wlen) of it pending.  Invariant:
// at most one of the two holds data; the raw position is the end of the read
// buffer, or the start of the pending written bytes.
#include <pthread.h>
#include <time.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "runtime/entry.h"
#include "runtime/interp/errors.h"
#include "runtime/interp/gil.h"
#include "runtime/modules/_io_internal.h"
#include "runtime/modules/_signal.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/buffer.h"
#include "runtime/objects/bytearray.h"
#include "runtime/objects/bytes.h"
#include "runtime/objects/exceptions.h"
#include "runtime/objects/int.h"
#include "runtime/objects/memoryview.h"
#include "runtime/objects/rawbytes.h"
#include "runtime/objects/tuple.h"

namespace tern::io {

namespace {

BufferedObj* asBuf(Value v) { return static_cast<BufferedObj*>(v.asObject()); }

bool checkInit(Value self) {
  BufferedObj* b = asBuf(self);
  if (!b->initialized) {
    raise(exc::ValueError, b->detached ? "raw stream has been detached" : "I/O operation on uninitialized object");
    return false;
  }
  return true;
}

Value rawOf(Value self) { return asBuf(self)->raw.get(); }

// raw.closed: 1 closed, 0 open, -1 error.
int rawClosed(Value self) {
  int fast = ioFastClosed(rawOf(self));
  if (fast >= 0) return fast;
  Value c = getAttr(rawOf(self), TERN_IO_NAME("closed"));
  if (c.isNull()) return -1;
  return isTrue(c);
}

// CHECK_CLOSED: ValueError `message` when the raw stream is closed.
bool checkNotClosed(Value self, const char* message) {
  int c = rawClosed(self);
  if (c < 0) return false;
  if (c) {
    raise(exc::ValueError, message);
    return false;
  }
  return true;
}

int64_t unread(Value self) {
  BufferedObj* b = asBuf(self);
  Value r = b->rbuf.get();
  return r.isNull() ? 0 : bytesLength(r) - b->rpos;
}

void dropReadBuffer(Value self) {
  asBuf(self)->rbuf.set(Value());
  asBuf(self)->rpos = 0;
}

// Takes up to n unread bytes off the read buffer into `out`.
void takeUnread(Value self, int64_t n, std::string* out) {
  BufferedObj* b = asBuf(self);
  int64_t avail = unread(self);
  if (n < 0 || n > avail) n = avail;
  if (n <= 0) return;
  out->append(asBytes(b->rbuf.get())->data() + b->rpos, static_cast<size_t>(n));
  b->rpos += n;
  if (b->rpos >= bytesLength(b->rbuf.get())) dropReadBuffer(self);
}

// CPython's _PyErr_FormatFromCause: raises type(message) with the pending
// exception as its __cause__.
void raiseFromCause(Type* type, const char* message) {
  Value cause = takeError();
  raise(type, message);
  Value error = takeError();
  auto* e = static_cast<BaseExceptionObj*>(error.asObject());
  e->cause.set(cause);
  e->context.set(cause);
  e->suppress_context = 1;
  restoreError(error);
}

// BlockingIOError(error, ..., written); `error` is errno as raw.write() left
// it (EAGAIN from FileIO, usually 0 from a Python raw stream), as in CPython.
void raiseWouldBlock(int error, int64_t written) {
  raiseWithArgs(exc::BlockingIOError, newTupleOf({newInt(error), newStr("write could not complete without blocking"),
                                                  newInt(written)}));
}

// The pending exception is a BlockingIOError with characters_written set:
// its errno (0 if not an int), else -1.
int blockingErrorPending() {
  if (!errorMatches(exc::BlockingIOError)) return -1;
  auto* e = static_cast<OSErrorObj*>(pendingError().asObject());
  if (e->written < 0) return -1;
  Value error = e->myerrno.get();
  return !error.isNull() && error.isSmallInt() ? static_cast<int>(error.asSmallInt()) : 0;
}

// One raw.write(data) (CPython's _bufferedwriter_raw_write): the count
// written, -2 when raw would block (returned None; *blocked_errno is errno
// as the call left it), -1 on error.  A result that is no integer counts
// as -1 (an invalid length).  `data` must not point into the heap (the call
// allocates).
int64_t rawWrite(Value self, std::string_view data, int* blocked_errno) {
  Value chunk = newBytes(data);
  if (chunk.isNull()) return -1;
  errno = 0;
  Value r = callMethod(rawOf(self), names::write, &chunk, 1);
  *blocked_errno = errno;
  if (r.isNull()) return -1;
  if (isNone(r)) return -2;
  int64_t n;
  if (!indexToInt64(r, &n, exc::ValueError)) {
    clearError();
    n = -1;
  }
  int64_t len = static_cast<int64_t>(data.size());
  if (n < 0 || n > len) {
    raisef(exc::OSError, "raw write() returned invalid length %lld (should have been between 0 and %lld)",
           static_cast<long long>(n), static_cast<long long>(len));
    return -1;
  }
  return n;
}

// Passes the pending bytes wbuf[wpos:wlen] to raw (CPython's
// _bufferedwriter_flush_unlocked).  What raw has not taken stays pending:
// when raw would block, BlockingIOError with characters_written 0.
bool flushWrites(Value self) {
  while (asBuf(self)->wpos < asBuf(self)->wlen) {
    BufferedObj* b = asBuf(self);
    std::string data(rawBytesData(b->wbuf.get()) + b->wpos, static_cast<size_t>(b->wlen - b->wpos));
    int blocked_errno;
    int64_t n = rawWrite(self, data, &blocked_errno);
    if (n == -1) return false;
    if (n == -2) {
      raiseWouldBlock(blocked_errno, 0);
      return false;
    }
    b = asBuf(self);
    b->wpos = std::min(b->wpos + n, b->wlen);  // raw.write may have flushed us itself
    // A signal may have cut the write short: its handler runs now and may
    // end the flush with its exception.
    if (!retryAfterSignal()) return false;
  }
  asBuf(self)->wpos = 0;
  asBuf(self)->wlen = 0;
  return true;
}

// Before writing (BufferedRandom): give the unread bytes back to raw.
bool rewindReadBuffer(Value self) {
  int64_t n = unread(self);
  dropReadBuffer(self);
  if (n == 0) return true;
  Value a[2] = {newInt(-n), newInt(1)};
  return !callMethod(rawOf(self), TERN_IO_NAME("seek"), a, 2).isNull();
}

// Makes the memoryview `view` let go of its exporter, keeping any pending error.
void releaseView(Value view) {
  Value pending = takeError();
  if (callMethod(view, TERN_IO_NAME("release"), nullptr, 0).isNull()) clearError();
  restoreError(pending);
}

// One raw.readinto() of up to n bytes, into a memoryview (CPython's
// _bufferedreader_raw_read): the bytes read (empty at EOF), None if raw
// would block, or null on error (OSError when raw returns a bad count).
Value rawReadInto(Value self, int64_t n) {
  Value target = newByteArray(nullptr, 0);
  if (target.isNull() || !byteArrayResize(target, n)) return Value();
  Value view = newMemoryView(target);
  if (view.isNull()) return Value();
  Value r = callMethod(rawOf(self), TERN_IO_NAME("readinto"), &view, 1);
  releaseView(view);
  if (r.isNull() || isNone(r)) return r;
  int64_t got;
  if (!indexToInt64(r, &got, exc::ValueError)) {
    raiseFromCause(exc::OSError, "raw readinto() failed");
    return Value();
  }
  if (got < 0 || got > n) {
    return raisef(exc::OSError, "raw readinto() returned invalid length %lld (should have been between 0 and %lld)",
                  static_cast<long long>(got), static_cast<long long>(n));
  }
  std::string data(byteArrayView(target).substr(0, static_cast<size_t>(got)));
  return newBytes(data);
}

// Refills the (empty) read buffer: 1 got data, 0 EOF, 2 would block, -1 error.
int fillReadBuffer(Value self) {
  if (!flushWrites(self)) return -1;
  Value data = rawReadInto(self, asBuf(self)->buffer_size);
  if (data.isNull()) return -1;
  if (isNone(data)) return 2;
  if (bytesLength(data) == 0) return 0;
  asBuf(self)->rbuf.set(data);
  asBuf(self)->rpos = 0;
  return 1;
}

// ===========================================================================
// Reading

Value bufferedRead(Value self, int64_t size) {
  if (!checkInit(self)) return Value();
  if (size < -1) return raise(exc::ValueError, "read length must be non-negative or -1");
  if (!checkNotClosed(self, "read of closed file")) return Value();
  if (!flushWrites(self)) return Value();
  std::string out;
  if (size == -1) {
    takeUnread(self, -1, &out);
    Value readall = lookupAttr(rawOf(self), TERN_IO_NAME("readall"));
    if (readall.isNull() && errorPending()) return Value();
    if (!readall.isNull()) {
      Value data = call0(readall);
      if (data.isNull()) return Value();
      if (isNone(data)) return out.empty() ? data : newBytes(out);
      if (!isBytes(data)) return raise(exc::TypeError, "readall() should return bytes");
      if (out.empty()) return data;  // nothing was buffered: raw's bytes, as CPython
      out.append(asBytes(data)->view());
      return newBytes(out);
    }
    for (;;) {
      Value data = callMethod(rawOf(self), TERN_IO_NAME("read"), nullptr, 0);
      if (data.isNull()) return Value();
      if (!isNone(data) && !isBytes(data)) return raise(exc::TypeError, "read() should return bytes");
      if (isNone(data) || bytesLength(data) == 0) return out.empty() ? data : newBytes(out);
      out.append(asBytes(data)->view());
    }
  }
  takeUnread(self, size, &out);
  // What cannot fit the buffer is read straight from raw, in whole buffers...
  for (;;) {
    int64_t need = size - static_cast<int64_t>(out.size());
    int64_t buffer_size = asBuf(self)->buffer_size;
    if (need <= buffer_size) break;
    Value data = rawReadInto(self, need - need % buffer_size);
    if (data.isNull()) return Value();
    if (isNone(data) && out.empty()) return data;
    if (isNone(data) || bytesLength(data) == 0) return newBytes(out);
    out.append(asBytes(data)->view());
  }
  // ...the rest through the buffer.
  while (static_cast<int64_t>(out.size()) < size) {
    int r = fillReadBuffer(self);
    if (r < 0) return Value();
    if (r == 2 && out.empty()) return None();
    if (r != 1) break;
    takeUnread(self, size - static_cast<int64_t>(out.size()), &out);
  }
  return newBytes(out);
}

// read1: the buffered bytes if any, else one raw read of up to `size` bytes.
Value bufferedRead1(Value self, int64_t size) {
  if (!checkInit(self)) return Value();
  if (size < 0) size = asBuf(self)->buffer_size;
  if (!checkNotClosed(self, "read of closed file")) return Value();
  if (size == 0) return emptyBytes();
  std::string out;
  if (unread(self) > 0) {
    takeUnread(self, size, &out);
    return newBytes(out);
  }
  if (!flushWrites(self)) return Value();
  Value data = rawReadInto(self, size);
  if (data.isNull()) return Value();
  return isNone(data) ? emptyBytes() : data;
}

Value bufferedPeek(Value self) {
  if (!checkInit(self)) return Value();
  if (!checkNotClosed(self, "peek of closed file")) return Value();
  if (unread(self) == 0) {
    int r = fillReadBuffer(self);
    if (r < 0) return Value();
    if (r != 1) return emptyBytes();
  }
  BufferedObj* b = asBuf(self);
  if (b->rpos == 0) return b->rbuf.get();
  std::string rest(asBytes(b->rbuf.get())->data() + b->rpos, static_cast<size_t>(unread(self)));
  return newBytes(rest);
}

Value bufferedReadline(Value self, int64_t limit) {
  if (!checkInit(self)) return Value();
  if (!checkNotClosed(self, "readline of closed file")) return Value();
  if (!flushWrites(self)) return Value();
  std::string out;
  for (;;) {
    BufferedObj* b = asBuf(self);
    int64_t avail = unread(self);
    if (avail > 0) {
      const char* data = asBytes(b->rbuf.get())->data() + b->rpos;
      int64_t take = avail;
      if (limit >= 0 && take > limit - static_cast<int64_t>(out.size())) take = limit - static_cast<int64_t>(out.size());
      const void* nl = std::memchr(data, '\n', static_cast<size_t>(take));
      if (nl != nullptr) {
        take = static_cast<const char*>(nl) - data + 1;
        takeUnread(self, take, &out);
        break;
      }
      takeUnread(self, take, &out);
    }
    if (limit >= 0 && static_cast<int64_t>(out.size()) >= limit) break;
    int r = fillReadBuffer(self);
    if (r < 0) return Value();
    if (r != 1) break;
  }
  return newBytes(out);
}

Value buffered_read(Value* args) {
  int64_t n;
  if (!sizeArg(args[1], &n)) return Value();
  return bufferedRead(args[0], n);
}

Value buffered_read1(Value* args) {
  int64_t n;
  if (!sizeArg(args[1], &n)) return Value();
  return bufferedRead1(args[0], n);
}

Value buffered_peek(Value* args) { return bufferedPeek(args[0]); }

Value buffered_readline(Value* args) {
  int64_t n;
  if (!sizeArg(args[1], &n)) return Value();
  return bufferedReadline(args[0], n);
}

// readinto/readinto1 (CPython's _buffered_readinto_generic): the buffered
// bytes first; then room larger than the buffer is filled straight from raw,
// smaller room through the buffer.  readinto1 stops after one raw read and
// does not refill the buffer once it has some bytes.
Value readintoImpl(Value self, Value target, bool one) {
  if (!checkInit(self)) return Value();
  int64_t cap = writableLength(target);
  if (cap < 0) return Value();
  if (!checkNotClosed(self, "readinto of closed file")) return Value();
  std::string out;
  takeUnread(self, cap, &out);
  if (static_cast<int64_t>(out.size()) < cap && !flushWrites(self)) return Value();
  while (static_cast<int64_t>(out.size()) < cap) {
    int64_t room = cap - static_cast<int64_t>(out.size());
    Value data;
    if (room > asBuf(self)->buffer_size) {
      data = rawReadInto(self, room);
      if (data.isNull()) return Value();
    } else if (!(one && !out.empty())) {
      int r = fillReadBuffer(self);
      if (r < 0) return Value();
      if (r == 1) {
        takeUnread(self, room, &out);
        continue;
      }
      data = r == 2 ? None() : emptyBytes();
    } else {
      break;
    }
    if (isNone(data) && out.empty()) return data;
    if (isNone(data) || bytesLength(data) == 0) break;
    out.append(asBytes(data)->view());
    if (one) break;
  }
  int64_t n = copyIntoBuffer(target, out);
  if (n < 0) return Value();
  return newInt(n);
}

Value buffered_readinto(Value* args) { return readintoImpl(args[0], args[1], false); }
Value buffered_readinto1(Value* args) { return readintoImpl(args[0], args[1], true); }

Value buffered_iternext(Value self) {
  Value line = bufferedReadline(self, -1);
  if (line.isNull() || bytesLength(line) == 0) return Value();
  return line;
}

// ===========================================================================
// Writing

uint64_t currentThread() { return static_cast<uint64_t>(pthread_self()); }

// The object's lock (CPython's ENTER_BUFFERED), held by write(), flush()
// and close()'s raw.close(): the raw calls they make may let other threads
// run (FileIO releases the GIL), and those must not see or flush the same
// pending bytes.  Another thread waits for the lock; the holding thread
// itself entering again (raw calling back) is a RuntimeError.
class BufferedLock {
 public:
  explicit BufferedLock(Value self) : self_(self) {}
  ~BufferedLock() {
    if (held_) asBuf(self_)->lock_owner = 0;
  }
  BufferedLock(const BufferedLock&) = delete;
  BufferedLock& operator=(const BufferedLock&) = delete;

  // At exit the holder (a daemon thread) never gets the GIL back: CPython's
  // fatal error.
  [[noreturn]] void failAtShutdown() {
    Value r = repr(self_);
    std::string text = r.isNull() ? typeNameOf(self_) : strToUtf8(r);
    std::fprintf(stderr,
                 "Fatal Python error: _enter_buffered_busy: could not acquire lock for %s at interpreter "
                 "shutdown, possibly due to daemon threads\nPython runtime state: finalizing\n\n",
                 text.c_str());
    std::fflush(stderr);
    std::abort();
  }

  // False with RuntimeError on reentry.
  bool acquire() {
    uint64_t me = currentThread();
    while (asBuf(self_)->lock_owner != 0) {
      if (asBuf(self_)->lock_owner == me) {
        Value r = repr(self_);
        if (r.isNull()) return false;
        raisef(exc::RuntimeError, "reentrant call inside %s", strToUtf8(r).c_str());
        return false;
      }
      if (runtimeState() == RuntimeState::kFinalizing) failAtShutdown();
      interp::AllowThreads allow;
      struct timespec pause = {0, 1000000};  // 1 ms
      nanosleep(&pause, nullptr);
    }
    asBuf(self_)->lock_owner = me;
    held_ = true;
    return true;
  }

 private:
  Value self_;  // on the stack: a conservative root, so it stays put
  bool held_ = false;
};

// write (CPython's _io__Buffered_write_impl): data that fits the buffer is
// kept; else the buffer is flushed and then the data written straight to
// raw until what is left fits.  When raw would block, as much as fits is kept
// and BlockingIOError says how much of `data` was taken.
Value buffered_write(Value* args) {
  Value self = args[0];
  if (!checkInit(self)) return Value();
  std::string data;
  if (!bufferCopyBytes(args[1], &data)) return Value();
  BufferedLock lock(self);
  if (!lock.acquire()) return Value();
  if (!checkNotClosed(self, "write to closed file")) return Value();
  if (!rewindReadBuffer(self)) return Value();
  if (asBuf(self)->wbuf.get().isNull()) {
    Value block = newRawBytes(static_cast<size_t>(asBuf(self)->buffer_size));
    if (block.isNull()) return Value();
    asBuf(self)->wbuf.set(block);
  }
  BufferedObj* b = asBuf(self);
  int64_t n = static_cast<int64_t>(data.size());
  if (n <= b->buffer_size - b->wlen) {
    std::memcpy(rawBytesData(b->wbuf.get()) + b->wlen, data.data(), data.size());
    b->wlen += n;
    return newInt(n);
  }
  if (!flushWrites(self)) {
    int blocked_errno = blockingErrorPending();
    if (blocked_errno < 0) return Value();
    // Raw would block: move the pending bytes to the front and keep what fits.
    b = asBuf(self);
    char* block = rawBytesData(b->wbuf.get());
    std::memmove(block, block + b->wpos, static_cast<size_t>(b->wlen - b->wpos));
    b->wlen -= b->wpos;
    b->wpos = 0;
    int64_t room = b->buffer_size - b->wlen;
    int64_t kept = std::min(room, n);
    std::memcpy(block + b->wlen, data.data(), static_cast<size_t>(kept));
    b->wlen += kept;
    clearError();
    if (kept == n) return newInt(n);
    raiseWouldBlock(blocked_errno, kept);
    return Value();
  }
  int64_t written = 0;
  while (n - written > asBuf(self)->buffer_size) {
    int blocked_errno;
    int64_t r = rawWrite(self, std::string_view(data).substr(static_cast<size_t>(written)), &blocked_errno);
    if (r == -1) return Value();
    if (r == -2) {
      // Raw would block: a buffer's worth is kept, the rest is not taken.
      b = asBuf(self);
      std::memcpy(rawBytesData(b->wbuf.get()), data.data() + written, static_cast<size_t>(b->buffer_size));
      b->wpos = 0;
      b->wlen = b->buffer_size;
      raiseWouldBlock(blocked_errno, written + b->buffer_size);
      return Value();
    }
    written += r;
    if (!retryAfterSignal()) return Value();
  }
  b = asBuf(self);
  std::memcpy(rawBytesData(b->wbuf.get()), data.data() + written, static_cast<size_t>(n - written));
  b->wpos = 0;
  b->wlen = n - written;
  return newInt(n);
}

Value buffered_flush(Value* args) {
  Value self = args[0];
  if (!checkInit(self)) return Value();
  // A reader has nothing to write: its flush is raw.flush(), which raises
  // on a closed stream (CPython's buffered_simple_flush).
  if (asBuf(self)->kind == kReader) return callMethod(rawOf(self), names::flush, nullptr, 0);
  if (!checkNotClosed(self, "flush of closed file")) return Value();
  BufferedLock lock(self);
  if (!lock.acquire()) return Value();
  if (!flushWrites(self)) return Value();
  if (asBuf(self)->kind == kRandom && !rewindReadBuffer(self)) return Value();
  return None();
}

// ===========================================================================
// Positioning

Value buffered_seek(Value* args) {
  Value self = args[0];
  if (!checkInit(self)) return Value();
  int64_t whence;
  if (!indexToInt64(args[2], &whence, exc::OverflowError)) return Value();
  if (whence < 0 || whence > 4) return raisef(exc::ValueError, "whence value %lld unsupported", static_cast<long long>(whence));
  if (!checkNotClosed(self, "seek of closed file")) return Value();
  Value target = index(args[1]);
  if (target.isNull()) return Value();
  if (!flushWrites(self)) return Value();
  if (whence == 1) {
    int64_t back = unread(self);
    if (back != 0) {
      target = binaryOp(target, newInt(back), BinOp::kSubtract);
      if (target.isNull()) return Value();
    }
  }
  dropReadBuffer(self);
  Value a[2] = {target, newInt(whence)};
  Value r = callMethod(rawOf(self), TERN_IO_NAME("seek"), a, 2);
  if (r.isNull()) return Value();
  int64_t pos;
  if (!indexToInt64(r, &pos, exc::OverflowError)) return Value();
  if (pos < 0) return raisef(exc::OSError, "Raw stream returned invalid position %lld", static_cast<long long>(pos));
  return r;
}

Value buffered_tell(Value* args) {
  Value self = args[0];
  if (!checkInit(self)) return Value();
  Value r = callMethod(rawOf(self), TERN_IO_NAME("tell"), nullptr, 0);
  if (r.isNull()) return Value();
  int64_t pos;
  if (!indexToInt64(r, &pos, exc::OverflowError)) return Value();
  if (pos < 0) return raisef(exc::OSError, "Raw stream returned invalid position %lld", static_cast<long long>(pos));
  pos = pos - unread(self) + (asBuf(self)->wlen - asBuf(self)->wpos);
  if (pos < 0) pos = 0;
  return newInt(pos);
}

Value buffered_truncate(Value* args) {
  Value self = args[0];
  if (!checkInit(self)) return Value();
  if (!checkNotClosed(self, "truncate of closed file")) return Value();
  if (asBuf(self)->kind == kReader) return unsupported("truncate");
  if (!flushWrites(self)) return Value();
  if (!rewindReadBuffer(self)) return Value();
  Value pos = args[1];
  return callMethod(rawOf(self), TERN_IO_NAME("truncate"), &pos, 1);
}

// ===========================================================================
// Closing and delegation

Value buffered_close(Value* args) {
  Value self = args[0];
  if (!checkInit(self)) return Value();
  int c = rawClosed(self);
  if (c < 0) return Value();
  if (c) return None();
  Value flush_error;
  if (callMethod(self, names::flush, nullptr, 0).isNull()) flush_error = takeError();
  // A write from another thread while raw.close() runs waits for it (and
  // then finds the file closed).
  BufferedLock lock(self);
  if (!lock.acquire()) return Value();
  Value r = callMethod(rawOf(self), TERN_IO_NAME("close"), nullptr, 0);
  dropReadBuffer(self);
  asBuf(self)->wbuf.set(Value());
  asBuf(self)->wpos = 0;
  asBuf(self)->wlen = 0;
  if (!flush_error.isNull()) {
    if (r.isNull()) {
      Value close_error = takeError();
      static_cast<BaseExceptionObj*>(close_error.asObject())->context.set(flush_error);
      restoreError(close_error);
      return Value();
    }
    restoreError(flush_error);
    return Value();
  }
  if (r.isNull()) return Value();
  return None();
}

Value buffered_detach(Value* args) {
  Value self = args[0];
  if (!checkInit(self)) return Value();
  if (callMethod(self, names::flush, nullptr, 0).isNull()) return Value();
  Value raw = rawOf(self);
  BufferedObj* b = asBuf(self);
  b->raw.set(Value());
  b->initialized = 0;
  b->detached = 1;
  return raw;
}

Value delegate(Value self, const char* method) {
  if (!checkInit(self)) return Value();
  return callMethod(rawOf(self), internStr(method), nullptr, 0);
}

Value buffered_seekable(Value* args) { return delegate(args[0], "seekable"); }
Value buffered_readable(Value* args) { return delegate(args[0], "readable"); }
Value buffered_writable(Value* args) { return delegate(args[0], "writable"); }
Value buffered_fileno(Value* args) { return delegate(args[0], "fileno"); }
Value buffered_isatty(Value* args) { return delegate(args[0], "isatty"); }
Value buffered__dealloc_warn(Value* args) {
  Value raw = rawOf(args[0]);
  if (raw.isNull()) return None();
  Value r = callMethod(raw, internStr("_dealloc_warn"), &args[1], 1);
  if (r.isNull()) clearError();  // a raw object without _dealloc_warn
  return None();
}

// A member in CPython: None once detached.
Value buffered_get_raw(Value self) {
  Value raw = rawOf(self);
  return raw.isNull() ? None() : raw;
}
Value buffered_get_closed(Value self) {
  if (!checkInit(self)) return Value();
  return getAttr(rawOf(self), TERN_IO_NAME("closed"));
}
Value buffered_get_name(Value self) {
  if (!checkInit(self)) return Value();
  return getAttr(rawOf(self), TERN_IO_NAME("name"));
}
Value buffered_get_mode(Value self) {
  if (!checkInit(self)) return Value();
  return getAttr(rawOf(self), TERN_IO_NAME("mode"));
}
Value buffered_get_finalizing(Value self) { return Bool(asBuf(self)->finalizing != 0); }

Value buffered_repr(Value self) {
  std::string type_name = typeNameOf(self);
  Value name = lookupAttr(self, TERN_IO_NAME("name"));
  if (name.isNull()) {
    if (errorPending()) {
      if (!errorMatches(exc::ValueError)) return Value();
      clearError();
    }
    return newStr("<" + type_name + ">");
  }
  int entered = reprEnter(self);
  if (entered < 0) return Value();
  if (entered > 0) return raisef(exc::RuntimeError, "reentrant call inside %s.__repr__", type_name.c_str());
  Value r = repr(name);
  reprLeave(self);
  if (r.isNull()) return Value();
  return newStr("<" + type_name + " name=" + strToUtf8(r) + ">");
}

// ===========================================================================
// __init__

bool checkRaw(Value raw, const char* method, const char* message) {
  int t = callBoolMethod(raw, internStr(method));
  if (t < 0) return false;
  if (!t) {
    unsupported(message);
    return false;
  }
  return true;
}

// No buffer can be this large (CPython's allocation of it fails: MemoryError).
constexpr int64_t kMaxBufferSize = int64_t{1} << 40;

bool bufferSizeArg(Value v, int64_t* out) {
  if (!indexToInt64(v, out, exc::OverflowError)) return false;
  if (*out <= 0) {
    raise(exc::ValueError, "buffer size must be strictly positive");
    return false;
  }
  if (*out > kMaxBufferSize) {
    raiseNoMemory();
    return false;
  }
  return true;
}

// One per class: argument errors name the class being constructed.
const MethodDef kBufferedInitDefs[] = {
    {.name = "BufferedReader", .signature = "(raw, buffer_size=8192)"},
    {.name = "BufferedWriter", .signature = "(raw, buffer_size=8192)"},
    {.name = "BufferedRandom", .signature = "(raw, buffer_size=8192)"},
};

int initBuffered(Value self, Value raw, int64_t buffer_size, BufferedKind kind) {
  BufferedObj* b = asBuf(self);
  b->detached = 0;
  b->kind = kind;
  if ((kind == kRandom) && !checkRaw(raw, "seekable", "File or stream is not seekable.")) return -1;
  if ((kind == kReader || kind == kRandom) && !checkRaw(raw, "readable", "File or stream is not readable.")) return -1;
  if ((kind == kWriter || kind == kRandom) && !checkRaw(raw, "writable", "File or stream is not writable.")) return -1;
  b = asBuf(self);
  b->raw.set(raw);
  b->buffer_size = buffer_size;
  b->rbuf.set(Value());
  b->rpos = 0;
  b->wbuf.set(Value());
  b->wpos = 0;
  b->wlen = 0;
  b->initialized = 1;
  return 0;
}

int bufferedInit(Value self, const Value* args, size_t nargs, Value kwnames, BufferedKind kind) {
  Value a[2];
  const MethodDef* def = &kBufferedInitDefs[kind == kReader ? 0 : kind == kWriter ? 1 : 2];
  if (!bindArguments(def, Value(), args, nargs, kwnames, a)) return -1;
  // A failed __init__ leaves the object unusable, as a new one.
  asBuf(self)->initialized = 0;
  int64_t size;
  if (!bufferSizeArg(a[1], &size)) return -1;
  return initBuffered(self, a[0], size, kind);
}

int bufferedreader_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  return bufferedInit(self, args, nargs, kwnames, kReader);
}
int bufferedwriter_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  return bufferedInit(self, args, nargs, kwnames, kWriter);
}
int bufferedrandom_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  return bufferedInit(self, args, nargs, kwnames, kRandom);
}

Value buffered_new(Type* type, const Value* /*args*/, size_t /*nargs*/, Value /*kwnames*/) {
  // Writers are flushed at exit even while still referenced.
  return Value(ioNewObject(type, type != BufferedReader_type));
}

// ===========================================================================
// BufferedRWPair

const MethodDef kRWPairInitDef = {.name = "BufferedRWPair",
                                  .signature = "(reader, writer, buffer_size=8192, /)"};

int rwpair_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value a[3];
  if (!bindArguments(&kRWPairInitDef, Value(), args, nargs, kwnames, a)) return -1;
  int64_t size;
  if (!bufferSizeArg(a[2], &size)) return -1;
  if (!checkRaw(a[0], "readable", "File or stream is not readable.")) return -1;
  if (!checkRaw(a[1], "writable", "File or stream is not writable.")) return -1;
  Value reader = newBufferedObject(BufferedReader_type, a[0], size);
  if (reader.isNull()) return -1;
  Value writer = newBufferedObject(BufferedWriter_type, a[1], size);
  if (writer.isNull()) return -1;
  BufferedObj* b = asBuf(self);
  b->reader.set(reader);
  b->writer.set(writer);
  b->kind = kRWPair;
  b->initialized = 1;
  return 0;
}

bool checkPair(Value self) {
  if (asBuf(self)->reader.get().isNull()) {
    raise(exc::ValueError, "I/O operation on uninitialized object");
    return false;
  }
  return true;
}

Value pairCall(Value self, bool use_writer, const char* method, Value* args, size_t nargs) {
  if (!checkPair(self)) return Value();
  Value target = use_writer ? asBuf(self)->writer.get() : asBuf(self)->reader.get();
  return callMethod(target, internStr(method), args, nargs);
}

Value rwpair_read(Value* args) { return pairCall(args[0], false, "read", args + 1, 1); }
Value rwpair_peek(Value* args) { return pairCall(args[0], false, "peek", args + 1, 1); }
Value rwpair_read1(Value* args) { return pairCall(args[0], false, "read1", args + 1, 1); }
Value rwpair_readinto(Value* args) { return pairCall(args[0], false, "readinto", args + 1, 1); }
Value rwpair_readinto1(Value* args) { return pairCall(args[0], false, "readinto1", args + 1, 1); }
Value rwpair_write(Value* args) { return pairCall(args[0], true, "write", args + 1, 1); }
Value rwpair_flush(Value* args) { return pairCall(args[0], true, "flush", nullptr, 0); }
Value rwpair_readable(Value* args) { return pairCall(args[0], false, "readable", nullptr, 0); }
Value rwpair_writable(Value* args) { return pairCall(args[0], true, "writable", nullptr, 0); }

// Closes the writer, then the reader; when both fail, the reader's error is
// raised with the writer's as its __context__.
Value rwpair_close(Value* args) {
  Value w = pairCall(args[0], true, "close", nullptr, 0);
  Value error = w.isNull() ? takeError() : Value();
  Value r = pairCall(args[0], false, "close", nullptr, 0);
  if (error.isNull()) return r;
  if (r.isNull()) {
    Value reader_error = takeError();
    static_cast<BaseExceptionObj*>(reader_error.asObject())->context.set(error);
    restoreError(reader_error);
  } else {
    restoreError(error);
  }
  return Value();
}

Value rwpair_isatty(Value* args) {
  Value w = pairCall(args[0], true, "isatty", nullptr, 0);
  if (w.isNull()) return Value();
  int t = isTrue(w);
  if (t < 0) return Value();
  if (t) return w;
  return pairCall(args[0], false, "isatty", nullptr, 0);
}

Value rwpair_get_closed(Value self) {
  if (!checkPair(self)) return Value();
  return getAttr(asBuf(self)->writer.get(), TERN_IO_NAME("closed"));
}

// ===========================================================================
// Tables

const uint32_t kBufferedFields[] = {offsetof(BufferedObj, ob_type), offsetof(BufferedObj, dict),
                                    offsetof(BufferedObj, raw),     offsetof(BufferedObj, rbuf),
                                    offsetof(BufferedObj, wbuf),    offsetof(BufferedObj, reader),
                                    offsetof(BufferedObj, writer)};
const gc::Layout kBufferedLayout = {.name = "_io.Buffered", .fields = kBufferedFields, .finalize = ioLayoutFinalize};

#define TERN_BUFFERED_COMMON                                                                  \
  {.name = "close", .signature = "($self, /)", .fn = buffered_close},                        \
      {.name = "detach", .signature = "($self, /)", .fn = buffered_detach},                  \
      {.name = "flush", .signature = "($self, /)", .fn = buffered_flush},                    \
      {.name = "seekable", .signature = "($self, /)", .fn = buffered_seekable},              \
      {.name = "fileno", .signature = "($self, /)", .fn = buffered_fileno},                  \
      {.name = "isatty", .signature = "($self, /)", .fn = buffered_isatty},                  \
      {.name = "_dealloc_warn", .signature = "($self, source, /)", .fn = buffered__dealloc_warn}, \
      {.name = "seek", .signature = "($self, target, whence=0, /)", .fn = buffered_seek},    \
      {.name = "tell", .signature = "($self, /)", .fn = buffered_tell},                      \
      {.name = "truncate", .signature = "($self, pos=None, /)", .fn = buffered_truncate}

#define TERN_BUFFERED_READ                                                               \
  {.name = "readable", .signature = "($self, /)", .fn = buffered_readable},             \
      {.name = "read", .signature = "($self, size=-1, /)", .fn = buffered_read},        \
      {.name = "read1", .signature = "($self, size=-1, /)", .fn = buffered_read1},      \
      {.name = "readinto", .signature = "($self, buffer, /)", .fn = buffered_readinto}, \
      {.name = "readinto1", .signature = "($self, buffer, /)", .fn = buffered_readinto1}, \
      {.name = "readline", .signature = "($self, size=-1, /)", .fn = buffered_readline}, \
      {.name = "peek", .signature = "($self, size=0, /)", .fn = buffered_peek}

#define TERN_BUFFERED_WRITE                                                           \
  {.name = "writable", .signature = "($self, /)", .fn = buffered_writable},          \
      {.name = "write", .signature = "($self, buffer, /)", .fn = buffered_write}

// A reader has no writable() and a writer no readable(): IOBase's say False.
const MethodDef kReaderMethods[] = {TERN_BUFFERED_COMMON, TERN_BUFFERED_READ};
const MethodDef kWriterMethods[] = {TERN_BUFFERED_COMMON, TERN_BUFFERED_WRITE};
const MethodDef kRandomMethods[] = {TERN_BUFFERED_COMMON, TERN_BUFFERED_READ, TERN_BUFFERED_WRITE};

const GetSetDef kBufferedGetSets[] = {
    {.name = "raw", .get = buffered_get_raw},
    {.name = "closed", .get = buffered_get_closed},
    {.name = "name", .get = buffered_get_name},
    {.name = "mode", .get = buffered_get_mode},
    {.name = "_finalizing", .get = buffered_get_finalizing},
};

const TypeSpec kBufferedReaderSpec = {
    .name = "BufferedReader",
    .module = "_io",
    .type = &BufferedReader_type,
    .base = &BufferedIOBase_type,
    .layout = &kBufferedLayout,
    .basic_size = sizeof(BufferedObj),
    .flags = type_flags::kBaseType,
    .slots = {.tp_repr = buffered_repr, .tp_iternext = buffered_iternext, .tp_init = bufferedreader_init,
              .tp_new = buffered_new},
    .methods = kReaderMethods,
    .getsets = kBufferedGetSets,
    .doc = "Create a new buffered reader using the given readable raw IO object.",
    .dict_offset = static_cast<int32_t>(offsetof(BufferedObj, dict)),
    .weakrefable = true,
};
TERN_REGISTER_TYPE(kBufferedReaderSpec);

const TypeSpec kBufferedWriterSpec = {
    .name = "BufferedWriter",
    .module = "_io",
    .type = &BufferedWriter_type,
    .base = &BufferedIOBase_type,
    .layout = &kBufferedLayout,
    .basic_size = sizeof(BufferedObj),
    .flags = type_flags::kBaseType,
    .slots = {.tp_repr = buffered_repr, .tp_init = bufferedwriter_init, .tp_new = buffered_new},
    .methods = kWriterMethods,
    .getsets = kBufferedGetSets,
    .doc = "A buffer for a writeable sequential RawIO object.",
    .dict_offset = static_cast<int32_t>(offsetof(BufferedObj, dict)),
    .weakrefable = true,
};
TERN_REGISTER_TYPE(kBufferedWriterSpec);

const TypeSpec kBufferedRandomSpec = {
    .name = "BufferedRandom",
    .module = "_io",
    .type = &BufferedRandom_type,
    .base = &BufferedIOBase_type,
    .layout = &kBufferedLayout,
    .basic_size = sizeof(BufferedObj),
    .flags = type_flags::kBaseType,
    .slots = {.tp_repr = buffered_repr, .tp_iternext = buffered_iternext, .tp_init = bufferedrandom_init,
              .tp_new = buffered_new},
    .methods = kRandomMethods,
    .getsets = kBufferedGetSets,
    .doc = "A buffered interface to random access streams.",
    .dict_offset = static_cast<int32_t>(offsetof(BufferedObj, dict)),
    .weakrefable = true,
};
TERN_REGISTER_TYPE(kBufferedRandomSpec);

const MethodDef kRWPairMethods[] = {
    {.name = "read", .signature = "($self, size=-1, /)", .fn = rwpair_read},
    {.name = "peek", .signature = "($self, size=0, /)", .fn = rwpair_peek},
    {.name = "read1", .signature = "($self, size=-1, /)", .fn = rwpair_read1},
    {.name = "readinto", .signature = "($self, buffer, /)", .fn = rwpair_readinto},
    {.name = "readinto1", .signature = "($self, buffer, /)", .fn = rwpair_readinto1},
    {.name = "write", .signature = "($self, buffer, /)", .fn = rwpair_write},
    {.name = "flush", .signature = "($self, /)", .fn = rwpair_flush},
    {.name = "readable", .signature = "($self, /)", .fn = rwpair_readable},
    {.name = "writable", .signature = "($self, /)", .fn = rwpair_writable},
    {.name = "close", .signature = "($self, /)", .fn = rwpair_close},
    {.name = "isatty", .signature = "($self, /)", .fn = rwpair_isatty},
};
const GetSetDef kRWPairGetSets[] = {
    {.name = "closed", .get = rwpair_get_closed},
};

const TypeSpec kRWPairSpec = {
    .name = "BufferedRWPair",
    .module = "_io",
    .type = &BufferedRWPair_type,
    .base = &BufferedIOBase_type,
    .layout = &kBufferedLayout,
    .basic_size = sizeof(BufferedObj),
    .flags = type_flags::kBaseType,
    .slots = {.tp_init = rwpair_init, .tp_new = ioGenericNew},
    .methods = kRWPairMethods,
    .getsets = kRWPairGetSets,
    .doc = "A buffered reader and writer object together.",
    .dict_offset = static_cast<int32_t>(offsetof(BufferedObj, dict)),
    .weakrefable = true,
};
TERN_REGISTER_TYPE(kRWPairSpec);

}  // namespace

Value newBufferedObject(Type* type, Value raw, int64_t buffer_size) {
  Value self = buffered_new(type, nullptr, 0, Value());
  if (self.isNull()) return Value();
  BufferedKind kind = type == BufferedReader_type ? kReader : type == BufferedWriter_type ? kWriter : kRandom;
  if (initBuffered(self, raw, buffer_size, kind) < 0) return Value();
  return self;
}

}  // namespace tern::io
