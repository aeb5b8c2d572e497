// The fcntl module: fcntl, ioctl, flock and lockf over a file descriptor
// (an int or an object with fileno()), and Linux's F_*/LOCK_*/DN_*
// constants.  The third argument follows CPython's rules exactly:
//   - fcntl: a str (UTF-8) or bytes is copied into a 1024-byte buffer, the
//     call sees the buffer and the result is the buffer's bytes; anything
//     else must be an int, passed as the C argument, and the result is the
//     call's int.
//   - ioctl: a writable buffer (bytearray, writable memoryview, mmap) is
//     updated in place when mutate_flag is true (through a 1024-byte copy
//     when it fits, directly otherwise) and the result is the call's int; a
//     read-only buffer or str goes through a copy whose bytes are returned;
//     else an int.  The request is masked to a C unsigned int.
// Calls interrupted by a signal are retried after the handlers ran (PEP 475).
#include <errno.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/ioctl.h>

#include <climits>
#include <cstdint>
#include <cstring>
#include <string>

#include "runtime/interp/errors.h"
#include "runtime/modules/_signal.h"
#include "runtime/modules/fd_arg.h"
#include "runtime/modules/module.h"
#include "runtime/modules/posix_internal.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/buffer.h"
#include "runtime/objects/bytes.h"
#include "runtime/objects/int.h"
#include "runtime/objects/native.h"
#include "runtime/objects/numbers_internal.h"
#include "runtime/objects/str.h"

namespace tern {

namespace {

constexpr size_t kArgBufferSize = 1024;

// The low 32 bits of an int (PyLong_AsUnsignedLongMask then a C unsigned int).
bool argUnsignedMask(Value v, unsigned* out) {
  Value i = index(v);
  if (i.isNull()) return false;
  numbers::IntRef ref(i);
  uint64_t low = ref.mag.empty() ? 0 : static_cast<uint64_t>(ref.mag[0]);
  if (ref.neg) low = 0 - low;
  *out = static_cast<unsigned>(low);
  return true;
}

// PyArg_Parse's "i": a C int with its own OverflowErrors.
bool argFormatInt(Value v, int* out) {
  int64_t n;
  if (!argIndex(v, &n)) return false;
  if (n > INT_MAX || n < INT_MIN) {
    raise(exc::OverflowError, n > 0 ? "signed integer is greater than maximum" : "signed integer is less than minimum");
    return false;
  }
  *out = static_cast<int>(n);
  return true;
}

// A str's UTF-8 or a bytes object's contents ("s#": read-only byte strings).
bool readOnlyBytes(Value v, std::string* out) {
  if (isStr(v)) {
    *out = strToUtf8(v);
    return true;
  }
  if (isBytes(v)) {
    std::string_view view;
    if (!bytesLikeView(v, &view)) return false;
    out->assign(view);
    return true;
  }
  return false;
}

Value fcntl_fcntl(Value* args) {
  int fd, cmd;
  if (!asFileDescriptor(args[1], &fd) || !argCInt(args[2], &cmd)) return Value();
  Value arg = args[3];
  std::string data;
  if (readOnlyBytes(arg, &data)) {
    if (data.size() > kArgBufferSize) return raise(exc::ValueError, "fcntl string arg too long");
    char buf[kArgBufferSize];
    std::memcpy(buf, data.data(), data.size());
    int r;
    do {
      r = ::fcntl(fd, cmd, buf);
    } while (r < 0 && errno == EINTR && retryAfterSignal());
    if (r < 0) return errorPending() ? Value() : posix::raiseErrno(errno);
    return newBytes(buf, static_cast<int64_t>(data.size()));
  }
  unsigned int_arg;  // "I": masked to a C unsigned int, as flags may use the top bit
  if (!argUnsignedMask(arg, &int_arg)) return Value();
  int r;
  do {
    r = ::fcntl(fd, cmd, int_arg);
  } while (r < 0 && errno == EINTR && retryAfterSignal());
  if (r < 0) return errorPending() ? Value() : posix::raiseErrno(errno);
  return newInt(r);
}

Value fcntl_ioctl(Value* args) {
  int fd;
  unsigned request;
  if (!asFileDescriptor(args[1], &fd) || !argUnsignedMask(args[2], &request)) return Value();
  Value arg = args[3];
  int mutate = isTrue(args[4]);
  if (mutate < 0) return Value();
  char buf[kArgBufferSize + 1];
  if (hasBuffer(arg) && !isStr(arg)) {
    ScopedBuffer view;
    if (getBuffer(arg, &view, buffer_flags::kWritable)) {
      size_t len = static_cast<size_t>(view.len);
      int r;
      if (mutate != 0) {
        // No allocation happens between data() and the copies back.
        char* storage = view.data();
        if (len <= kArgBufferSize) {
          std::memcpy(buf, storage, len);
          buf[len] = '\0';
          r = ::ioctl(fd, request, buf);
          std::memcpy(view.data(), buf, len);
        } else {
          r = ::ioctl(fd, request, storage);
        }
        if (r < 0) return posix::raiseErrno(errno);
        return newInt(r);
      }
      if (len > kArgBufferSize) return raise(exc::ValueError, "ioctl string arg too long");
      std::memcpy(buf, view.data(), len);
      buf[len] = '\0';
      r = ::ioctl(fd, request, buf);
      if (r < 0) return posix::raiseErrno(errno);
      return newBytes(buf, static_cast<int64_t>(len));
    }
    clearError();
  }
  std::string data;
  bool have = false;
  if (isStr(arg)) {
    data = strToUtf8(arg);
    have = true;
  } else if (hasBuffer(arg)) {
    if (!bufferCopyBytes(arg, &data)) return Value();
    have = true;
  }
  if (have) {
    if (data.size() > kArgBufferSize) return raise(exc::ValueError, "ioctl string arg too long");
    std::memcpy(buf, data.data(), data.size());
    buf[data.size()] = '\0';
    int r = ::ioctl(fd, request, buf);
    if (r < 0) return posix::raiseErrno(errno);
    return newBytes(buf, static_cast<int64_t>(data.size()));
  }
  int int_arg;
  if (!argFormatInt(arg, &int_arg)) return Value();
  int r = ::ioctl(fd, request, int_arg);
  if (r < 0) return posix::raiseErrno(errno);
  return newInt(r);
}

Value fcntl_flock(Value* args) {
  int fd, operation;
  if (!asFileDescriptor(args[1], &fd) || !argCInt(args[2], &operation)) return Value();
  int r;
  do {
    r = ::flock(fd, operation);
  } while (r < 0 && errno == EINTR && retryAfterSignal());
  if (r < 0) return errorPending() ? Value() : posix::raiseErrno(errno);
  return None();
}

Value fcntl_lockf(Value* args) {
  int fd, cmd, whence;
  if (!asFileDescriptor(args[1], &fd) || !argCInt(args[2], &cmd)) return Value();
  int64_t len, start;
  if (!argIndex(args[3], &len) || !argIndex(args[4], &start) || !argCInt(args[5], &whence)) return Value();
  struct flock lock = {};
  if (cmd == LOCK_UN) {
    lock.l_type = F_UNLCK;
  } else if ((cmd & LOCK_SH) != 0) {
    lock.l_type = F_RDLCK;
  } else if ((cmd & LOCK_EX) != 0) {
    lock.l_type = F_WRLCK;
  } else {
    return raise(exc::ValueError, "unrecognized lockf argument");
  }
  lock.l_start = static_cast<off_t>(start);
  lock.l_len = static_cast<off_t>(len);
  lock.l_whence = static_cast<short>(whence);
  int r;
  do {
    r = ::fcntl(fd, (cmd & LOCK_NB) != 0 ? F_SETLK : F_SETLKW, &lock);
  } while (r < 0 && errno == EINTR && retryAfterSignal());
  if (r < 0) return errorPending() ? Value() : posix::raiseErrno(errno);
  return None();
}

// ===========================================================================
// Tables

const MethodDef kFcntlFunctions[] = {
    {.name = "fcntl",
     .signature = "($module, fd, cmd, arg=0, /)",
     .fn = fcntl_fcntl,
     .doc = "Perform the operation `cmd` on file descriptor fd.\n\nThe values used for `cmd` are operating system "
            "dependent, and are available\nas constants in the fcntl module, using the same names as used in\nthe "
            "relevant C header files.  The argument arg is optional, and\ndefaults to 0; it may be an int or a "
            "string.  If arg is given as a string,\nthe return value of fcntl is a string of that length, "
            "containing the\nresulting value put in the arg buffer by the operating system.  The length\nof the arg "
            "string is not allowed to exceed 1024 bytes.  If the arg given\nis an integer or if none is specified, "
            "the result value is an integer\ncorresponding to the return value of the fcntl call in the C code."},
    {.name = "ioctl",
     .signature = "($module, fd, request, arg=0, mutate_flag=True, /)",
     .fn = fcntl_ioctl,
     .doc = "Perform the operation `request` on file descriptor `fd`."},
    {.name = "flock",
     .signature = "($module, fd, operation, /)",
     .fn = fcntl_flock,
     .doc = "Perform the lock operation `operation` on file descriptor `fd`."},
    {.name = "lockf",
     .signature = "($module, fd, cmd, len=0, start=0, whence=0, /)",
     .fn = fcntl_lockf,
     .doc = "A wrapper around the fcntl() locking calls."},
};

struct Constant {
  const char* name;
  int64_t value;
};

// clang-format off
const Constant kFcntlConstants[] = {
    {"LOCK_SH", LOCK_SH}, {"LOCK_EX", LOCK_EX}, {"LOCK_NB", LOCK_NB}, {"LOCK_UN", LOCK_UN},
    {"LOCK_MAND", 32}, {"LOCK_READ", 64}, {"LOCK_WRITE", 128}, {"LOCK_RW", 192},
    {"F_DUPFD", F_DUPFD}, {"F_DUPFD_CLOEXEC", F_DUPFD_CLOEXEC}, {"F_GETFD", F_GETFD}, {"F_SETFD", F_SETFD},
    {"F_GETFL", F_GETFL}, {"F_SETFL", F_SETFL}, {"F_GETLK", F_GETLK}, {"F_SETLK", F_SETLK},
    {"F_SETLKW", F_SETLKW}, {"F_GETOWN", F_GETOWN}, {"F_SETOWN", F_SETOWN}, {"F_GETSIG", F_GETSIG},
    {"F_SETSIG", F_SETSIG}, {"F_RDLCK", F_RDLCK}, {"F_WRLCK", F_WRLCK}, {"F_UNLCK", F_UNLCK},
    {"F_GETLK64", F_GETLK64}, {"F_SETLK64", F_SETLK64}, {"F_SETLKW64", F_SETLKW64},
    {"FASYNC", FASYNC}, {"F_SETLEASE", F_SETLEASE}, {"F_GETLEASE", F_GETLEASE}, {"F_NOTIFY", F_NOTIFY},
    {"F_EXLCK", 4}, {"F_SHLCK", 8},
    {"F_GETPIPE_SZ", F_GETPIPE_SZ}, {"F_SETPIPE_SZ", F_SETPIPE_SZ},
    {"F_OFD_GETLK", F_OFD_GETLK}, {"F_OFD_SETLK", F_OFD_SETLK}, {"F_OFD_SETLKW", F_OFD_SETLKW},
    {"F_ADD_SEALS", F_ADD_SEALS}, {"F_GET_SEALS", F_GET_SEALS}, {"F_SEAL_SEAL", F_SEAL_SEAL},
    {"F_SEAL_SHRINK", F_SEAL_SHRINK}, {"F_SEAL_GROW", F_SEAL_GROW}, {"F_SEAL_WRITE", F_SEAL_WRITE},
    {"FD_CLOEXEC", FD_CLOEXEC},
    {"DN_ACCESS", DN_ACCESS}, {"DN_MODIFY", DN_MODIFY}, {"DN_CREATE", DN_CREATE}, {"DN_DELETE", DN_DELETE},
    {"DN_RENAME", DN_RENAME}, {"DN_ATTRIB", DN_ATTRIB}, {"DN_MULTISHOT", static_cast<int64_t>(DN_MULTISHOT)},
};
// clang-format on

bool fcntlInit(Value module) {
  for (const Constant& c : kFcntlConstants) {
    if (!setModuleInt(module, c.name, c.value)) return false;
  }
  return true;
}

const NativeModuleDef kFcntlModule = {
    .name = "fcntl",
    .methods = kFcntlFunctions,
    .init = fcntlInit,
    .doc = "This module performs file control and I/O control on file\ndescriptors.  It is an interface to the "
           "fcntl() and ioctl() Unix\nroutines.  File descriptors can be obtained with the fileno() method of\na "
           "file or socket object.",
};
TERN_REGISTER_MODULE(kFcntlModule);

}  // namespace

}  // namespace tern
