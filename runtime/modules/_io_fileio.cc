// _io.FileIO: raw, unbuffered binary I/O over a POSIX file descriptor, with
// the system calls made here (open, read, write, lseek, fstat, ftruncate,
// close), as CPython 3.11's Modules/_io/fileio.c behaves.
//
// Invariants: `fd` is -1 once closed (and for an object __init__ never
// finished); readable/writable/appending/created say how it was opened;
// `seekable` is -1 until asked.  `name` lives in the instance __dict__.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>
#include <string>

#include "runtime/interp/errors.h"
#include "runtime/interp/gil.h"
#include "runtime/modules/_io_internal.h"
#include "runtime/modules/_signal.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/buffer.h"
#include "runtime/objects/bytearray.h"
#include "runtime/objects/bytes.h"
#include "runtime/objects/exceptions.h"
#include "runtime/modules/resource_tracking.h"
#include "runtime/objects/int.h"
#include "runtime/objects/str_impl.h"
#include "runtime/objects/tuple.h"

namespace tern::io {

Value raiseErrno(int error, Value filename) {
  Value args = filename.isNull() ? newTupleOf({newInt(error), newStr(std::strerror(error))})
                                 : newTupleOf({newInt(error), newStr(std::strerror(error)), filename});
  if (args.isNull()) return Value();
  return raiseWithArgs(exc::OSError, args);
}

namespace {

FileIOObj* asFileIO(Value v) { return static_cast<FileIOObj*>(v.asObject()); }

bool checkOpen(Value self) {
  if (asFileIO(self)->fd < 0) {
    raise(exc::ValueError, "I/O operation on closed file");
    return false;
  }
  return true;
}

bool checkReadable(Value self) {
  if (!checkOpen(self)) return false;
  if (!asFileIO(self)->readable) {
    unsupported("File not open for reading");
    return false;
  }
  return true;
}

bool checkWritable(Value self) {
  if (!checkOpen(self)) return false;
  if (!asFileIO(self)->writable) {
    unsupported("File not open for writing");
    return false;
  }
  return true;
}

// os.fspath-like conversion of a file name to bytes for open(2).
bool pathBytes(Value file, std::string* out) {
  Value v = file;
  if (!isStr(v) && !isBytes(v)) {
    Value fspath = lookupSpecial(typeOf(v), internStr("__fspath__"));
    if (fspath.isNull()) {
      if (errorPending()) return false;
      raisef(exc::TypeError, "expected str, bytes or os.PathLike object, not %s", typeNameOf(file).c_str());
      return false;
    }
    bool found = false;
    v = callSpecial(file, internStr("__fspath__"), nullptr, 0, &found);
    if (v.isNull()) return false;
    if (!isStr(v) && !isBytes(v)) {
      raisef(exc::TypeError, "expected %s.__fspath__() to return str or bytes, not %s", typeNameOf(file).c_str(),
             typeNameOf(v).c_str());
      return false;
    }
  }
  if (isStr(v)) {
    Value b = strimpl::encodeStr(v, internStr("utf-8"), internStr("surrogateescape"));
    if (b.isNull()) return false;
    out->assign(asBytes(b)->view());
  } else {
    out->assign(asBytes(v)->view());
  }
  if (out->find('\0') != std::string::npos) {
    raise(exc::ValueError, "embedded null byte");
    return false;
  }
  return true;
}

// The system calls retry on EINTR after running the Python signal handlers
// (PEP 475); kHandlerRaised (with the exception pending) when one raised,
// so that a handler can interrupt a read or write that blocks.
constexpr ssize_t kHandlerRaised = -2;

ssize_t readFd(int fd, void* buf, size_t n) {
  for (;;) {
    ssize_t r;
    {
      interp::AllowThreads allow;  // gil.h: `buf` is C memory or a pinned object's storage
      r = ::read(fd, buf, n);
    }
    if (r < 0 && errno == EINTR) {
      if (!retryAfterSignal()) return kHandlerRaised;
      continue;
    }
    return r;
  }
}

ssize_t writeFd(int fd, const void* buf, size_t n) {
  for (;;) {
    ssize_t r;
    {
      interp::AllowThreads allow;  // gil.h
      r = ::write(fd, buf, n);
    }
    if (r < 0 && errno == EINTR) {
      if (!retryAfterSignal()) return kHandlerRaised;
      continue;
    }
    return r;
  }
}

// ===========================================================================
// __init__

const MethodDef kFileIOInitDef = {.name = "FileIO",
                                  .signature = "(file, mode='r', closefd=True, opener=None)"};

int fileio_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value a[4];
  if (!bindArguments(&kFileIOInitDef, Value(), args, nargs, kwnames, a)) return -1;
  Value file = a[0], mode = a[1], closefd_arg = a[2], opener = a[3];
  FileIOObj* f = asFileIO(self);
  if (f->fd >= 0) {
    // Re-initialising an open FileIO closes the old descriptor (CPython does).
    if (f->closefd) ::close(static_cast<int>(f->fd));
    f->fd = -1;
  }
  int64_t fd = -1;
  bool have_fd = false;
  if (isInt(file)) {
    if (!indexToInt64(file, &fd, exc::OverflowError)) return -1;
    if (fd < 0) {
      raise(exc::ValueError, "negative file descriptor");
      return -1;
    }
    have_fd = true;
  }
  if (!isStr(mode)) {
    raisef(exc::TypeError, "FileIO() argument 'mode' must be str, not %s", typeNameOf(mode).c_str());
    return -1;
  }
  std::string m = strToUtf8(mode);
  bool rwa = false, plus = false, readable = false, writable = false, appending = false, created = false;
  int flags = 0;
  for (char c : m) {
    switch (c) {
      case 'x':
        if (rwa) goto bad_mode;
        rwa = true;
        created = writable = true;
        flags |= O_EXCL | O_CREAT;
        break;
      case 'r':
        if (rwa) goto bad_mode;
        rwa = true;
        readable = true;
        break;
      case 'w':
        if (rwa) goto bad_mode;
        rwa = true;
        writable = true;
        flags |= O_CREAT | O_TRUNC;
        break;
      case 'a':
        if (rwa) goto bad_mode;
        rwa = true;
        writable = appending = true;
        flags |= O_APPEND | O_CREAT;
        break;
      case 'b':
        break;
      case '+':
        if (plus) goto bad_mode;
        readable = writable = plus = true;
        break;
      default:
        raisef(exc::ValueError, "invalid mode: %s", m.c_str());
        return -1;
    }
  }
  if (!rwa) goto bad_mode;
  if (readable && writable) {
    flags |= O_RDWR;
  } else if (readable) {
    flags |= O_RDONLY;
  } else {
    flags |= O_WRONLY;
  }
  flags |= O_CLOEXEC;
  {
    int closefd = isTrue(closefd_arg);
    if (closefd < 0) return -1;
    f->readable = readable;
    f->writable = writable;
    f->appending = appending;
    f->created = created;
    f->seekable = -1;
    f->blksize = 0;
    if (have_fd) {
      f->fd = fd;
      f->closefd = static_cast<uint8_t>(closefd);
    } else {
      f->closefd = 1;
      if (!closefd) {
        raise(exc::ValueError, "Cannot use closefd=False with file name");
        return -1;
      }
      if (isNone(opener)) {
        std::string path;
        if (!pathBytes(file, &path)) return -1;
        int r;
        do {
          r = ::open(path.c_str(), flags, 0666);
        } while (r < 0 && errno == EINTR);
        if (r < 0) {
          raiseErrno(errno, file);
          return -1;
        }
        fd = r;
      } else {
        Value call_args[2] = {file, newInt(flags)};
        Value r = call(opener, call_args, 2);
        if (r.isNull()) return -1;
        if (!isInt(r)) {
          raise(exc::TypeError, "expected integer from opener");
          return -1;
        }
        if (!indexToInt64(r, &fd, exc::OverflowError)) return -1;
        if (fd < 0) {
          raisef(exc::ValueError, "opener returned %lld", static_cast<long long>(fd));
          return -1;
        }
      }
      f->fd = fd;
    }
    struct stat st;
    if (::fstat(static_cast<int>(fd), &st) < 0) {
      int error = errno;
      if (error == EBADF) {
        raiseErrno(error);
        if (!have_fd) ::close(static_cast<int>(fd));
        f->fd = -1;
        return -1;
      }
    } else {
      if (S_ISDIR(st.st_mode)) {
        if (!have_fd) ::close(static_cast<int>(fd));
        f->fd = -1;
        raiseErrno(EISDIR, file);
        return -1;
      }
      if (st.st_blksize > 1) f->blksize = st.st_blksize;
    }
    if (setAttr(self, internStr("name"), file) < 0) return -1;
    if (appending) {
      // For consistent behaviour, the position starts at the end.
      ::lseek(static_cast<int>(fd), 0, SEEK_END);
    }
    return 0;
  }
bad_mode:
  raise(exc::ValueError, "Must have exactly one of create/read/write/append mode and at most one plus");
  return -1;
}

Value fileio_new(Type* type, const Value* /*args*/, size_t /*nargs*/, Value /*kwnames*/) {
  Value self(ioNewObject(type, false));
  FileIOObj* f = asFileIO(self);
  f->fd = -1;
  f->seekable = -1;
  f->closefd = 1;
  if (trackResources()) {
    Value created = recordCreation();
    asFileIO(self)->created_at.set(created);
  }
  return self;
}

// ===========================================================================
// Methods

Value fileio_read(Value* args) {
  Value self = args[0];
  if (!checkReadable(self)) return Value();
  int64_t size;
  if (!sizeArg(args[1], &size)) return Value();
  if (size < 0) return callMethod(self, internStr("readall"), nullptr, 0);
  std::string buf(static_cast<size_t>(size), '\0');
  ssize_t n = readFd(static_cast<int>(asFileIO(self)->fd), buf.data(), buf.size());
  if (n == kHandlerRaised) return Value();
  if (n < 0) {
    if (errno == EAGAIN) return None();
    return raiseErrno(errno);
  }
  buf.resize(static_cast<size_t>(n));
  return newBytes(buf);
}

// readall of a file whose remaining length is known (a regular file: every
// .pyc an import loads): read straight into a bytes object of that length,
// then once more to see EOF.  The object is held by a stack word while the GIL
// is released, which pins it (docs/gc.md).  Returns the bytes when the file
// ended where expected; when it grew meanwhile, leaves what was read in
// *grown and returns null with no error pending.
Value readKnownLength(int fd, size_t length, std::string* grown) {
  Value result(allocBytes(static_cast<int64_t>(length)));
  char* data = asBytes(result)->data();
  size_t used = 0;
  while (used < length) {
    ssize_t n = readFd(fd, data + used, length - used);
    if (n == kHandlerRaised) return Value();
    if (n < 0) {
      if (errno != EAGAIN) return raiseErrno(errno);
      if (used == 0) return None();
      break;
    }
    if (n == 0) break;
    used += static_cast<size_t>(n);
  }
  if (used < length) return newBytes(data, static_cast<int64_t>(used));  // it shrank
  char probe;
  ssize_t n = readFd(fd, &probe, 1);
  if (n == kHandlerRaised) return Value();
  if (n < 0 && errno != EAGAIN) return raiseErrno(errno);
  if (n <= 0) return result;
  grown->assign(data, length);
  grown->push_back(probe);
  return Value();
}

Value fileio_readall(Value* args) {
  Value self = args[0];
  if (!checkOpen(self)) return Value();
  int fd = static_cast<int>(asFileIO(self)->fd);
  std::string out;
  struct stat st;
  off_t pos = ::lseek(fd, 0, SEEK_CUR);
  if (pos >= 0 && ::fstat(fd, &st) == 0 && st.st_size > pos && S_ISREG(st.st_mode)) {
    Value known = readKnownLength(fd, static_cast<size_t>(st.st_size - pos), &out);
    if (!known.isNull() || out.empty()) return known;
  }
  // Length unknown, or the file grew: read in chunks of the size so far (at
  // most 1 MiB), into a buffer that is not zero-filled.
  size_t cap = std::max(out.size() * 2, static_cast<size_t>(kDefaultBufferSize));
  std::unique_ptr<char[]> buf(new char[cap]);
  size_t used = out.size();
  std::memcpy(buf.get(), out.data(), used);
  for (;;) {
    if (used == cap) {
      size_t grown = cap + std::min(cap, size_t{1} << 20);
      std::unique_ptr<char[]> bigger(new char[grown]);
      std::memcpy(bigger.get(), buf.get(), used);
      buf = std::move(bigger);
      cap = grown;
    }
    ssize_t n = readFd(fd, buf.get() + used, cap - used);
    if (n == kHandlerRaised) return Value();
    if (n < 0) {
      if (errno == EAGAIN) {
        if (used == 0) return None();
        break;
      }
      return raiseErrno(errno);
    }
    if (n == 0) break;
    used += static_cast<size_t>(n);
  }
  return newBytes(buf.get(), static_cast<int64_t>(used));
}

Value fileio_readinto(Value* args) {
  Value self = args[0];
  if (!checkReadable(self)) return Value();
  int64_t cap = writableLength(args[1]);
  if (cap < 0) return Value();
  std::string buf(static_cast<size_t>(cap), '\0');
  ssize_t n = readFd(static_cast<int>(asFileIO(self)->fd), buf.data(), buf.size());
  if (n == kHandlerRaised) return Value();
  if (n < 0) {
    if (errno == EAGAIN) return None();
    return raiseErrno(errno);
  }
  buf.resize(static_cast<size_t>(n));
  if (copyIntoBuffer(args[1], buf) < 0) return Value();
  return newInt(n);
}

Value fileio_write(Value* args) {
  Value self = args[0];
  if (!checkWritable(self)) return Value();
  std::string data;
  if (!bufferCopyBytes(args[1], &data)) return Value();
  ssize_t n = writeFd(static_cast<int>(asFileIO(self)->fd), data.data(), data.size());
  if (n == kHandlerRaised) return Value();
  if (n < 0) {
    if (errno == EAGAIN) return None();
    return raiseErrno(errno);
  }
  // A signal that cut a blocking write short: CPython's eval loop runs its
  // handler as soon as write() returns, so the handler's exception is what
  // the call raises.
  if (!retryAfterSignal()) return Value();
  return newInt(n);
}

Value fileio_seek(Value* args) {
  Value self = args[0];
  if (!checkOpen(self)) return Value();
  if (isInstance(args[1], types::float_type)) return raise(exc::TypeError, "an integer is required");
  int64_t pos, whence;
  if (!indexToInt64(args[1], &pos, exc::OverflowError)) return Value();
  if (!indexToInt64(args[2], &whence, exc::OverflowError)) return Value();
  off_t r = ::lseek(static_cast<int>(asFileIO(self)->fd), pos, static_cast<int>(whence));
  if (r < 0) return raiseErrno(errno);
  if (asFileIO(self)->seekable < 0) asFileIO(self)->seekable = 1;
  return newInt(r);
}

Value fileio_tell(Value* args) {
  Value self = args[0];
  if (!checkOpen(self)) return Value();
  off_t r = ::lseek(static_cast<int>(asFileIO(self)->fd), 0, SEEK_CUR);
  if (r < 0) return raiseErrno(errno);
  return newInt(r);
}

Value fileio_truncate(Value* args) {
  Value self = args[0];
  if (!checkOpen(self)) return Value();
  if (!asFileIO(self)->writable) return unsupported("File not open for writing");
  int fd = static_cast<int>(asFileIO(self)->fd);
  int64_t size;
  Value size_arg = args[1];
  if (isNone(size_arg)) {
    off_t r = ::lseek(fd, 0, SEEK_CUR);
    if (r < 0) return raiseErrno(errno);
    size = r;
    size_arg = newInt(size);
  } else if (!indexToInt64(size_arg, &size, exc::OverflowError)) {
    return Value();
  }
  if (::ftruncate(fd, size) < 0) return raiseErrno(errno);
  return size_arg;
}

// _RawIOBase.close (self.flush() unless closed before, then the base is
// closed), then the descriptor; a flush error is raised after the descriptor
// is closed (the context of a close error).
Value fileio_close(Value* args) {
  Value self = args[0];
  Value flush_error;
  if (!asFileIO(self)->iobase_closed) {
    if (callMethod(self, names::flush, nullptr, 0).isNull()) flush_error = takeError();
    asFileIO(self)->iobase_closed = 1;
  }
  FileIOObj* f = asFileIO(self);
  bool close_failed = false;
  if (f->fd >= 0) {
    int fd = static_cast<int>(f->fd);
    f->fd = -1;
    close_failed = f->closefd && ::close(fd) < 0;
    if (close_failed) raiseErrno(errno);
  }
  if (!flush_error.isNull()) {
    if (!close_failed) {
      restoreError(flush_error);
      return Value();
    }
    Value close_error = takeError();
    static_cast<BaseExceptionObj*>(close_error.asObject())->context.set(flush_error);
    restoreError(close_error);
  }
  return close_failed ? Value() : None();
}

Value fileio_seekable(Value* args) {
  Value self = args[0];
  if (!checkOpen(self)) return Value();
  FileIOObj* f = asFileIO(self);
  if (f->seekable < 0) f->seekable = ::lseek(static_cast<int>(f->fd), 0, SEEK_CUR) < 0 ? 0 : 1;
  return Bool(f->seekable != 0);
}

Value fileio_readable(Value* args) {
  if (!checkOpen(args[0])) return Value();
  return Bool(asFileIO(args[0])->readable != 0);
}

Value fileio_writable(Value* args) {
  if (!checkOpen(args[0])) return Value();
  return Bool(asFileIO(args[0])->writable != 0);
}

Value fileio_fileno(Value* args) {
  if (!checkOpen(args[0])) return Value();
  return newInt(asFileIO(args[0])->fd);
}

Value fileio_isatty(Value* args) {
  if (!checkOpen(args[0])) return Value();
  return Bool(::isatty(static_cast<int>(asFileIO(args[0])->fd)) == 1);
}

// The collector is closing a file the program left open: ResourceWarning
// naming `source` (the outermost object: a TextIOWrapper over a buffered
// object over this FileIO), with the creation traceback under -X
// track-resources.
Value fileio__dealloc_warn(Value* args) {
  FileIOObj* f = asFileIO(args[0]);
  if (f->fd >= 0 && f->closefd) warnUnclosed("file ", args[1], f->created_at.get(), args[0]);
  return None();
}

std::string modeString(FileIOObj* f) {
  if (f->created) return f->readable ? "xb+" : "xb";
  if (f->appending) return f->readable ? "ab+" : "ab";
  if (f->readable) return f->writable ? "rb+" : "rb";
  return "wb";
}

Value fileio_get_mode(Value self) { return newStr(modeString(asFileIO(self))); }
Value fileio_get_closed(Value self) { return Bool(asFileIO(self)->fd < 0); }
Value fileio_get_closefd(Value self) { return Bool(asFileIO(self)->closefd != 0); }
Value fileio_get_blksize(Value self) {
  int64_t b = asFileIO(self)->blksize;
  return newInt(b > 0 ? b : kDefaultBufferSize);
}
Value fileio_get_finalizing(Value self) { return Bool(asFileIO(self)->finalizing != 0); }

Value fileio_repr(Value self) {
  FileIOObj* f = asFileIO(self);
  std::string type_name = typeOf(self) == FileIO_type ? "_io.FileIO" : typeNameOf(self);
  if (f->fd < 0) return newStr("<" + type_name + " [closed]>");
  std::string closefd = f->closefd ? "True" : "False";
  Value name = lookupAttr(self, internStr("name"));
  if (name.isNull()) {
    if (errorPending()) return Value();
    return newStr("<" + type_name + " fd=" + std::to_string(f->fd) + " mode='" + modeString(f) +
                  "' closefd=" + closefd + ">");
  }
  int entered = reprEnter(self);
  if (entered < 0) return Value();
  if (entered > 0) return raisef(exc::RuntimeError, "reentrant call inside %s.__repr__", type_name.c_str());
  Value r = repr(name);
  reprLeave(self);
  if (r.isNull()) return Value();
  return newStr("<" + type_name + " name=" + strToUtf8(r) + " mode='" + modeString(f) + "' closefd=" + closefd +
                ">");
}

// ===========================================================================
// Tables

const uint32_t kFileIOFields[] = {offsetof(FileIOObj, ob_type), offsetof(FileIOObj, dict),
                                  offsetof(FileIOObj, created_at)};
const gc::Layout kFileIOLayout = {.name = "_io.FileIO", .fields = kFileIOFields, .finalize = ioLayoutFinalize};

const MethodDef kFileIOMethods[] = {
    {.name = "read", .signature = "($self, size=-1, /)", .fn = fileio_read},
    {.name = "readall", .signature = "($self, /)", .fn = fileio_readall},
    {.name = "readinto", .signature = "($self, buffer, /)", .fn = fileio_readinto},
    {.name = "write", .signature = "($self, b, /)", .fn = fileio_write},
    {.name = "seek", .signature = "($self, pos, whence=0, /)", .fn = fileio_seek},
    {.name = "tell", .signature = "($self, /)", .fn = fileio_tell},
    {.name = "truncate", .signature = "($self, size=None, /)", .fn = fileio_truncate},
    {.name = "close", .signature = "($self, /)", .fn = fileio_close},
    {.name = "seekable", .signature = "($self, /)", .fn = fileio_seekable},
    {.name = "readable", .signature = "($self, /)", .fn = fileio_readable},
    {.name = "writable", .signature = "($self, /)", .fn = fileio_writable},
    {.name = "fileno", .signature = "($self, /)", .fn = fileio_fileno},
    {.name = "isatty", .signature = "($self, /)", .fn = fileio_isatty},
    {.name = "_dealloc_warn", .signature = "($self, source, /)", .fn = fileio__dealloc_warn},
};

const GetSetDef kFileIOGetSets[] = {
    {.name = "closed", .get = fileio_get_closed, .doc = "True if the file is closed"},
    {.name = "closefd", .get = fileio_get_closefd,
     .doc = "True if the file descriptor will be closed by close()."},
    {.name = "mode", .get = fileio_get_mode, .doc = "String giving the file mode"},
    {.name = "_blksize", .get = fileio_get_blksize},
    {.name = "_finalizing", .get = fileio_get_finalizing},
};

const TypeSpec kFileIOSpec = {
    .name = "FileIO",
    .module = "_io",
    .type = &FileIO_type,
    .base = &RawIOBase_type,
    .layout = &kFileIOLayout,
    .basic_size = sizeof(FileIOObj),
    .flags = type_flags::kBaseType,
    .slots = {.tp_repr = fileio_repr, .tp_init = fileio_init, .tp_new = fileio_new},
    .methods = kFileIOMethods,
    .getsets = kFileIOGetSets,
    .doc = "Open a file.\n\nThe mode can be 'r' (default), 'w', 'x' or 'a' for reading,\nwriting, exclusive "
           "creation or appending.",
    .dict_offset = static_cast<int32_t>(offsetof(FileIOObj, dict)),
    .weakrefable = true,
};
TERN_REGISTER_TYPE(kFileIOSpec);

}  // namespace

}  // namespace tern::io
