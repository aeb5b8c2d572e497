// The posix module, part 3: descriptor I/O beyond read/write (pread/pwrite,
// readv/writev, sendfile, splice, copy_file_range, posix_fallocate and
// posix_fadvise), the special descriptors (eventfd, memfd_create, openpty),
// getrandom, file-system information (statvfs, fstatvfs, pathconf,
// fpathconf, confstr) and extended attributes (getxattr, setxattr,
// listxattr, removexattr).  posix.cc adds these to the module (ioFunctions,
// ioInit).
//
// CPython 3.11's signatures, defaults and errors; the GIL is released around
// every call that may block.  Buffers are copied in and out (readv fills the
// caller's writable buffers after the read): heap objects move, so no raw
// pointer into one is held while the GIL is released.
#include <fcntl.h>
#include <pty.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <sys/sendfile.h>
#include <sys/statvfs.h>
#include <sys/uio.h>
#include <sys/xattr.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <functional>
#include <string>
#include <vector>

#include "runtime/interp/errors.h"
#include "runtime/interp/gil.h"
#include "runtime/modules/_signal.h"
#include "runtime/modules/posix_internal.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/buffer.h"
#include "runtime/objects/bytes.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/int.h"
#include "runtime/objects/list.h"
#include "runtime/objects/str.h"
#include "runtime/objects/structseq.h"
#include "runtime/objects/tuple.h"

namespace tern::posix {

namespace {

bool fdArg(Value v, int* out) { return convertFd(v, out); }

bool offsetArg(Value v, int64_t* out) { return indexToInt64(v, out, exc::OverflowError); }

// A count or length argument (Py_ssize_t, >= 0).
bool sizeArg(Value v, int64_t* out, const char* what) {
  if (!argSsizeT(v, out)) return false;
  if (*out < 0) {
    raisef(exc::ValueError, "%s must be non-negative", what);
    return false;
  }
  return true;
}

// Runs `call` (a system call returning -1 and errno on failure) with the GIL
// released, again after EINTR once the signal handlers ran without raising.
template <typename F>
bool retrying(F call, int64_t* result) {
  for (;;) {
    int64_t r;
    int error;
    {
      interp::AllowThreads allow;
      r = call();
      error = errno;
    }
    if (r >= 0) {
      *result = r;
      return true;
    }
    if (error != EINTR) {
      raiseErrno(error);
      return false;
    }
    if (!runSignalHandlers()) return false;
  }
}

// The contents of every buffer of a sequence (writev, pwritev).
bool gatherBuffers(Value buffers, std::vector<std::string>* out) {
  Value seq = listFromIterable(buffers);
  if (seq.isNull()) {
    if (errorMatches(exc::TypeError)) {
      clearError();
      raise(exc::TypeError, "writev() arg 2 must be a sequence");
    }
    return false;
  }
  for (int64_t i = 0; i < listLength(seq); ++i) {
    std::string data;
    if (!bytesLikeCopy(listItem(seq, i), &data)) return false;
    out->push_back(std::move(data));
  }
  return true;
}

std::vector<struct iovec> iovecsOf(std::vector<std::string>& parts) {
  std::vector<struct iovec> iov(parts.size());
  for (size_t i = 0; i < parts.size(); ++i) iov[i] = {.iov_base = parts[i].data(), .iov_len = parts[i].size()};
  return iov;
}

// ===========================================================================
// Positioned and vectored I/O

Value posix_pread(Value* args) {
  int fd;
  int64_t length, offset;
  if (!fdArg(args[1], &fd) || !argSsizeT(args[2], &length) || !offsetArg(args[3], &offset)) return Value();
  if (length < 0) return raiseErrno(EINVAL);
  std::string data(static_cast<size_t>(length), '\0');
  int64_t n;
  if (!retrying([&] { return ::pread(fd, data.data(), data.size(), offset); }, &n)) return Value();
  return newBytes(data.data(), n);
}

Value posix_pwrite(Value* args) {
  int fd;
  int64_t offset;
  std::string data;
  if (!fdArg(args[1], &fd) || !bytesLikeCopy(args[2], &data) || !offsetArg(args[3], &offset)) return Value();
  int64_t n;
  if (!retrying([&] { return ::pwrite(fd, data.data(), data.size(), offset); }, &n)) return Value();
  return newInt(n);
}

Value posix_writev(Value* args) {
  int fd;
  std::vector<std::string> parts;
  if (!fdArg(args[1], &fd) || !gatherBuffers(args[2], &parts)) return Value();
  std::vector<struct iovec> iov = iovecsOf(parts);
  int64_t n;
  if (!retrying([&] { return ::writev(fd, iov.data(), static_cast<int>(iov.size())); }, &n)) return Value();
  return newInt(n);
}

Value posix_pwritev(Value* args) {
  int fd, flags;
  int64_t offset;
  std::vector<std::string> parts;
  if (!fdArg(args[1], &fd) || !gatherBuffers(args[2], &parts) || !offsetArg(args[3], &offset) ||
      !argCInt(args[4], &flags)) {
    return Value();
  }
  std::vector<struct iovec> iov = iovecsOf(parts);
  int64_t n;
  if (!retrying([&] { return ::pwritev2(fd, iov.data(), static_cast<int>(iov.size()), offset, flags); }, &n)) {
    return Value();
  }
  return newInt(n);
}

// Reads into temporary storage, then copies into the caller's writable
// buffers in order (what readv would have filled).
Value scatterRead(Value buffers, int64_t total_hint, const std::function<int64_t(char*, size_t)>& read_call) {
  (void)total_hint;
  Value seq = listFromIterable(buffers);
  if (seq.isNull()) {
    if (errorMatches(exc::TypeError)) {
      clearError();
      raise(exc::TypeError, "readv() arg 2 must be a sequence");
    }
    return Value();
  }
  size_t total = 0;
  for (int64_t i = 0; i < listLength(seq); ++i) {
    ScopedBuffer view;
    if (!getBuffer(listItem(seq, i), &view, buffer_flags::kWritable)) return Value();
    total += static_cast<size_t>(view.len);
  }
  std::string data(total, '\0');
  int64_t n;
  if (!retrying([&] { return read_call(data.data(), data.size()); }, &n)) return Value();
  size_t copied = 0;
  for (int64_t i = 0; i < listLength(seq) && copied < static_cast<size_t>(n); ++i) {
    ScopedBuffer view;
    if (!getBuffer(listItem(seq, i), &view, buffer_flags::kWritable | buffer_flags::kCContiguous)) return Value();
    size_t chunk = std::min(static_cast<size_t>(view.len), static_cast<size_t>(n) - copied);
    std::memcpy(view.data(), data.data() + copied, chunk);
    copied += chunk;
  }
  return newInt(n);
}

Value posix_readv(Value* args) {
  int fd;
  if (!fdArg(args[1], &fd)) return Value();
  return scatterRead(args[2], 0, [fd](char* p, size_t n) { return static_cast<int64_t>(::read(fd, p, n)); });
}

Value posix_preadv(Value* args) {
  int fd, flags;
  int64_t offset;
  if (!fdArg(args[1], &fd) || !offsetArg(args[3], &offset) || !argCInt(args[4], &flags)) return Value();
  return scatterRead(args[2], 0, [fd, offset, flags](char* p, size_t n) {
    struct iovec iov = {.iov_base = p, .iov_len = n};
    return static_cast<int64_t>(::preadv2(fd, &iov, 1, offset, flags));
  });
}

// ===========================================================================
// Copies between descriptors in the kernel

Value posix_sendfile(Value* args) {
  int out_fd, in_fd;
  int64_t count;
  if (!fdArg(args[1], &out_fd) || !fdArg(args[2], &in_fd) || !sizeArg(args[4], &count, "count")) return Value();
  int64_t n;
  if (isNone(args[3])) {
    if (!retrying([&] { return ::sendfile(out_fd, in_fd, nullptr, count); }, &n)) return Value();
  } else {
    int64_t offset;
    if (!offsetArg(args[3], &offset)) return Value();
    off_t off = offset;
    if (!retrying([&] { return ::sendfile(out_fd, in_fd, &off, count); }, &n)) return Value();
  }
  return newInt(n);
}

// An optional offset (None: the descriptor's own position).
bool optionalOffset(Value v, off_t* storage, off_t** out) {
  if (isNone(v)) {
    *out = nullptr;
    return true;
  }
  int64_t n;
  if (!offsetArg(v, &n)) return false;
  if (n < 0) {
    raise(exc::ValueError, "offset must be a non-negative integer");  // EINVAL from the kernel otherwise
    return false;
  }
  *storage = n;
  *out = storage;
  return true;
}

Value posix_splice(Value* args) {
  int src, dst;
  int64_t count;
  unsigned flags;
  int64_t flags_value;
  off_t src_storage, dst_storage, *src_off, *dst_off;
  if (!fdArg(args[1], &src) || !fdArg(args[2], &dst) || !sizeArg(args[3], &count, "count") ||
      !optionalOffset(args[4], &src_storage, &src_off) || !optionalOffset(args[5], &dst_storage, &dst_off) ||
      !indexToInt64(args[6], &flags_value, exc::OverflowError)) {
    return Value();
  }
  flags = static_cast<unsigned>(flags_value);
  int64_t n;
  if (!retrying([&] { return ::splice(src, src_off, dst, dst_off, count, flags); }, &n)) return Value();
  return newInt(n);
}

Value posix_copy_file_range(Value* args) {
  int src, dst;
  int64_t count;
  off_t src_storage, dst_storage, *src_off, *dst_off;
  if (!fdArg(args[1], &src) || !fdArg(args[2], &dst) || !sizeArg(args[3], &count, "count") ||
      !optionalOffset(args[4], &src_storage, &src_off) || !optionalOffset(args[5], &dst_storage, &dst_off)) {
    return Value();
  }
  int64_t n;
  if (!retrying([&] { return ::copy_file_range(src, src_off, dst, dst_off, count, 0); }, &n)) return Value();
  return newInt(n);
}

// posix_fallocate and posix_fadvise return the error number instead of
// setting errno.
Value fromReturnedError(int error) {
  if (error != 0) return raiseErrno(error);
  return None();
}

Value posix_posix_fallocate(Value* args) {
  int fd;
  int64_t offset, len;
  if (!fdArg(args[1], &fd) || !offsetArg(args[2], &offset) || !offsetArg(args[3], &len)) return Value();
  for (;;) {
    int error;
    {
      interp::AllowThreads allow;
      error = ::posix_fallocate(fd, offset, len);
    }
    if (error != EINTR) return fromReturnedError(error);
    if (!runSignalHandlers()) return Value();
  }
}

Value posix_posix_fadvise(Value* args) {
  int fd, advice;
  int64_t offset, len;
  if (!fdArg(args[1], &fd) || !offsetArg(args[2], &offset) || !offsetArg(args[3], &len) ||
      !argCInt(args[4], &advice)) {
    return Value();
  }
  return fromReturnedError(::posix_fadvise(fd, offset, len, advice));
}

// ===========================================================================
// Special descriptors and random bytes

Value posix_eventfd(Value* args) {
  int64_t initval;
  int flags;
  if (!indexToInt64(args[1], &initval, exc::OverflowError) || !argCInt(args[2], &flags)) return Value();
  if (initval < 0 || initval > 0xffffffffLL) return raise(exc::OverflowError, "initval out of range");
  int fd = ::eventfd(static_cast<unsigned>(initval), flags);
  if (fd < 0) return raiseErrno(errno);
  return newInt(fd);
}

Value posix_eventfd_read(Value* args) {
  int fd;
  if (!fdArg(args[1], &fd)) return Value();
  eventfd_t value = 0;
  int64_t r;
  if (!retrying([&] { return static_cast<int64_t>(::eventfd_read(fd, &value)); }, &r)) return Value();
  return newIntUnsigned(value);
}

Value posix_eventfd_write(Value* args) {
  int fd;
  int64_t value;
  if (!fdArg(args[1], &fd)) return Value();
  if (!isInt(args[2]) && typeOf(args[2])->slots.nb_index == nullptr) {
    return raisef(exc::TypeError, "'%s' object cannot be interpreted as an integer", typeNameOf(args[2]).c_str());
  }
  if (!indexToInt64(args[2], &value, exc::OverflowError)) return Value();
  if (value < 0) return raise(exc::OverflowError, "can't convert negative int to unsigned");
  int64_t r;
  if (!retrying([&] { return static_cast<int64_t>(::eventfd_write(fd, static_cast<eventfd_t>(value))); }, &r)) {
    return Value();
  }
  return None();
}

Value posix_memfd_create(Value* args) {
  PathArg name("memfd_create", "name");
  int flags;
  if (!convertPath(args[1], &name) || !argCInt(args[2], &flags)) return Value();
  int fd = ::memfd_create(name.c_str(), static_cast<unsigned>(flags));
  if (fd < 0) return raiseErrno(errno);
  return newInt(fd);
}

Value posix_getrandom(Value* args) {
  int64_t size;
  int flags;
  if (!argSsizeT(args[1], &size) || !argCInt(args[2], &flags)) return Value();
  if (size < 0) return raiseErrno(EINVAL);
  std::string data(static_cast<size_t>(size), '\0');
  size_t got = 0;
  while (got < data.size()) {
    ssize_t n = ::getrandom(data.data() + got, data.size() - got, static_cast<unsigned>(flags));
    if (n < 0) {
      if (errno != EINTR) return raiseErrno(errno);
      if (!runSignalHandlers()) return Value();
      continue;
    }
    got += static_cast<size_t>(n);
  }
  return newBytes(data);
}

Value posix_openpty(Value* /*args*/) {
  int master, slave;
  if (::openpty(&master, &slave, nullptr, nullptr, nullptr) < 0) return raiseErrno(errno);
  // Both ends are non-inheritable (PEP 446), as every descriptor Python makes.
  for (int fd : {master, slave}) {
    int flags = ::fcntl(fd, F_GETFD);
    if (flags < 0 || ::fcntl(fd, F_SETFD, flags | FD_CLOEXEC) < 0) {
      int error = errno;
      ::close(master);
      ::close(slave);
      return raiseErrno(error);
    }
  }
  return newTupleOf({newInt(master), newInt(slave)});
}

// ===========================================================================
// File-system information

Type* g_statvfs_result_type = nullptr;

const MemberDef kStatvfsFields[] = {
    structseqField("f_bsize", 0),  structseqField("f_frsize", 1), structseqField("f_blocks", 2),
    structseqField("f_bfree", 3),  structseqField("f_bavail", 4), structseqField("f_files", 5),
    structseqField("f_ffree", 6),  structseqField("f_favail", 7), structseqField("f_flag", 8),
    structseqField("f_namemax", 9), structseqField("f_fsid", 10),
};
constexpr int64_t kStatvfsVisible = 10, kStatvfsTotal = 11;
const TypeSpec kStatvfsResultSpec = {
    .name = "statvfs_result",
    .module = "os",
    .type = &g_statvfs_result_type,
    .base = &types::tuple_type,
    .slots = {.tp_repr = structseq_repr, .tp_new = structseqHiddenNew},
    .methods = kStructSeqMethods,
    .members = kStatvfsFields,
    .doc = "statvfs_result: Result from statvfs or fstatvfs.",
};
TERN_REGISTER_TYPE(kStatvfsResultSpec);

Value statvfsResult(const struct statvfs& st) {
  Value r = newStructSeqHidden(g_statvfs_result_type, kStatvfsVisible, kStatvfsTotal);
  if (r.isNull()) return r;
  const uint64_t items[kStatvfsTotal] = {st.f_bsize, st.f_frsize, st.f_blocks, st.f_bfree, st.f_bavail, st.f_files,
                                         st.f_ffree, st.f_favail, st.f_flag,   st.f_namemax, st.f_fsid};
  for (int64_t i = 0; i < kStatvfsTotal; ++i) {
    Value v = newIntUnsigned(items[i]);
    if (v.isNull()) return v;
    tupleInit(r, i, v);
  }
  return r;
}

Value posix_statvfs(Value* args) {
  PathArg p("statvfs", "path", false, true);
  if (!convertPath(args[1], &p)) return Value();
  struct statvfs st;
  int r;
  do {
    r = p.is_fd ? ::fstatvfs(p.fd, &st) : ::statvfs(p.c_str(), &st);
  } while (r < 0 && errno == EINTR);
  if (r < 0) return raiseErrnoPath(errno, p);
  return statvfsResult(st);
}

Value posix_fstatvfs(Value* args) {
  int fd;
  if (!fdArg(args[1], &fd)) return Value();
  struct statvfs st;
  int64_t r;
  if (!retrying([&] { return static_cast<int64_t>(::fstatvfs(fd, &st)); }, &r)) return Value();
  return statvfsResult(st);
}

struct ConfName {
  const char* name;
  int value;
};

const ConfName kPathconfNames[] = {
    {"PC_LINK_MAX", _PC_LINK_MAX},       {"PC_MAX_CANON", _PC_MAX_CANON},
    {"PC_MAX_INPUT", _PC_MAX_INPUT},     {"PC_NAME_MAX", _PC_NAME_MAX},
    {"PC_PATH_MAX", _PC_PATH_MAX},       {"PC_PIPE_BUF", _PC_PIPE_BUF},
    {"PC_CHOWN_RESTRICTED", _PC_CHOWN_RESTRICTED}, {"PC_NO_TRUNC", _PC_NO_TRUNC},
    {"PC_VDISABLE", _PC_VDISABLE},       {"PC_SYNC_IO", _PC_SYNC_IO},
    {"PC_ASYNC_IO", _PC_ASYNC_IO},       {"PC_PRIO_IO", _PC_PRIO_IO},
    {"PC_SOCK_MAXBUF", _PC_SOCK_MAXBUF}, {"PC_FILESIZEBITS", _PC_FILESIZEBITS},
    {"PC_REC_INCR_XFER_SIZE", _PC_REC_INCR_XFER_SIZE}, {"PC_REC_MAX_XFER_SIZE", _PC_REC_MAX_XFER_SIZE},
    {"PC_REC_MIN_XFER_SIZE", _PC_REC_MIN_XFER_SIZE},   {"PC_REC_XFER_ALIGN", _PC_REC_XFER_ALIGN},
    {"PC_ALLOC_SIZE_MIN", _PC_ALLOC_SIZE_MIN},         {"PC_SYMLINK_MAX", _PC_SYMLINK_MAX},
    {"PC_2_SYMLINKS", _PC_2_SYMLINKS},
};

const ConfName kConfstrNames[] = {
    {"CS_PATH", _CS_PATH},
    {"CS_GNU_LIBC_VERSION", _CS_GNU_LIBC_VERSION},
    {"CS_GNU_LIBPTHREAD_VERSION", _CS_GNU_LIBPTHREAD_VERSION},
};

// A configuration name: a str from `names` or an int.
bool confName(Value name, const ConfName* names, size_t count, int* out) {
  if (isStr(name)) {
    for (size_t i = 0; i < count; ++i) {
      if (strEqualsAscii(name, names[i].name)) {
        *out = names[i].value;
        return true;
      }
    }
    raise(exc::ValueError, "unrecognized configuration name");
    return false;
  }
  if (isInt(name)) return argCInt(name, out);
  raisef(exc::TypeError, "configuration names must be strings or integers");
  return false;
}

// pathconf/fpathconf of a path or fd; pathconf's errors name the path.
Value pathconfOf(PathArg& p, Value path, Value name, bool path_in_error) {
  int code;
  if (!convertPath(path, &p) || !confName(name, kPathconfNames, std::size(kPathconfNames), &code)) {
    return Value();
  }
  errno = 0;
  long r = p.is_fd ? ::fpathconf(p.fd, code) : ::pathconf(p.c_str(), code);
  if (r == -1 && errno != 0) return path_in_error && !p.is_fd ? raiseErrnoPath(errno, p) : raiseErrno(errno);
  return newInt(r);
}

Value posix_pathconf(Value* args) {
  PathArg p("pathconf", "path", false, true);
  return pathconfOf(p, args[1], args[2], true);
}

Value posix_fpathconf(Value* args) {
  PathArg p("fpathconf", "fd", false, true);
  return pathconfOf(p, args[1], args[2], false);
}

Value posix_confstr(Value* args) {
  int code;
  if (!confName(args[1], kConfstrNames, std::size(kConfstrNames), &code)) return Value();
  errno = 0;
  size_t n = ::confstr(code, nullptr, 0);
  if (n == 0) {
    if (errno != 0) return raiseErrno(errno);
    return None();
  }
  std::string text(n, '\0');
  ::confstr(code, text.data(), n);
  text.resize(n - 1);
  return newStr(text);
}

// ===========================================================================
// Extended attributes

bool xattrName(Value v, std::string* out) {
  PathArg a("getxattr", "attribute");
  if (!convertPath(v, &a)) return false;
  *out = a.path;
  return true;
}

Value posix_getxattr(Value* args) {
  PathArg p("getxattr", "path", false, true);
  std::string attribute;
  bool follow;
  if (!convertPath(args[1], &p) || !xattrName(args[2], &attribute)) return Value();
  int t = isTrue(args[3]);
  if (t < 0) return Value();
  follow = t != 0;
  if (p.is_fd && !follow) {
    return raise(exc::ValueError, "getxattr: cannot use fd and follow_symlinks together");
  }
  std::string buffer(128, '\0');
  for (;;) {
    ssize_t n = p.is_fd    ? ::fgetxattr(p.fd, attribute.c_str(), buffer.data(), buffer.size())
                : follow   ? ::getxattr(p.c_str(), attribute.c_str(), buffer.data(), buffer.size())
                           : ::lgetxattr(p.c_str(), attribute.c_str(), buffer.data(), buffer.size());
    if (n >= 0) return newBytes(buffer.data(), n);
    if (errno != ERANGE || buffer.size() >= XATTR_SIZE_MAX) return raiseErrnoPath(errno, p);
    buffer.resize(buffer.size() * 8 > XATTR_SIZE_MAX ? XATTR_SIZE_MAX : buffer.size() * 8);
  }
}

Value posix_setxattr(Value* args) {
  PathArg p("setxattr", "path", false, true);
  std::string attribute, value;
  int flags;
  if (!convertPath(args[1], &p) || !xattrName(args[2], &attribute) || !bytesLikeCopy(args[3], &value) ||
      !argCInt(args[4], &flags)) {
    return Value();
  }
  int t = isTrue(args[5]);
  if (t < 0) return Value();
  bool follow = t != 0;
  if (p.is_fd && !follow) {
    return raise(exc::ValueError, "setxattr: cannot use fd and follow_symlinks together");
  }
  int r = p.is_fd    ? ::fsetxattr(p.fd, attribute.c_str(), value.data(), value.size(), flags)
          : follow   ? ::setxattr(p.c_str(), attribute.c_str(), value.data(), value.size(), flags)
                     : ::lsetxattr(p.c_str(), attribute.c_str(), value.data(), value.size(), flags);
  if (r < 0) return raiseErrnoPath(errno, p);
  return None();
}

Value posix_removexattr(Value* args) {
  PathArg p("removexattr", "path", false, true);
  std::string attribute;
  if (!convertPath(args[1], &p) || !xattrName(args[2], &attribute)) return Value();
  int t = isTrue(args[3]);
  if (t < 0) return Value();
  bool follow = t != 0;
  if (p.is_fd && !follow) {
    return raise(exc::ValueError, "removexattr: cannot use fd and follow_symlinks together");
  }
  int r = p.is_fd    ? ::fremovexattr(p.fd, attribute.c_str())
          : follow   ? ::removexattr(p.c_str(), attribute.c_str())
                     : ::lremovexattr(p.c_str(), attribute.c_str());
  if (r < 0) return raiseErrnoPath(errno, p);
  return None();
}

Value posix_listxattr(Value* args) {
  PathArg p("listxattr", "path", true, true);
  if (!convertPath(args[1], &p)) return Value();
  int t = isTrue(args[2]);
  if (t < 0) return Value();
  bool follow = t != 0;
  if (p.is_fd && !follow) {
    return raise(exc::ValueError, "listxattr: cannot use fd and follow_symlinks together");
  }
  const char* path = p.is_none ? "." : p.c_str();
  std::string buffer(256, '\0');
  ssize_t n;
  for (;;) {
    n = p.is_fd    ? ::flistxattr(p.fd, buffer.data(), buffer.size())
        : follow   ? ::listxattr(path, buffer.data(), buffer.size())
                   : ::llistxattr(path, buffer.data(), buffer.size());
    if (n >= 0) break;
    if (errno != ERANGE || buffer.size() >= XATTR_LIST_MAX) return raiseErrnoPath(errno, p);
    buffer.resize(buffer.size() * 8 > XATTR_LIST_MAX ? XATTR_LIST_MAX : buffer.size() * 8);
  }
  Value list = newList();
  if (list.isNull()) return list;
  size_t start = 0;
  for (size_t i = 0; i < static_cast<size_t>(n); ++i) {
    if (buffer[i] != '\0') continue;
    if (i > start) {
      // Attribute names are str unless the path was bytes.
      Value name = p.is_bytes ? newBytes(buffer.data() + start, static_cast<int64_t>(i - start))
                              : fsDecode(std::string_view(buffer.data() + start, i - start));
      if (name.isNull() || !listAppend(list, name)) return Value();
    }
    start = i + 1;
  }
  return list;
}

const MethodDef kIoFunctions[] = {
    {.name = "pread", .signature = "($module, fd, length, offset, /)", .fn = posix_pread,
     .doc = "Read a number of bytes from a file descriptor starting at a particular offset."},
    {.name = "pwrite", .signature = "($module, fd, buffer, offset, /)", .fn = posix_pwrite,
     .doc = "Write bytes to a file descriptor starting at a particular offset."},
    {.name = "readv", .signature = "($module, fd, buffers, /)", .fn = posix_readv,
     .doc = "Read from a file descriptor fd into an iterable of buffers."},
    {.name = "writev", .signature = "($module, fd, buffers, /)", .fn = posix_writev,
     .doc = "Iterate over buffers, and write the contents of each to a file descriptor."},
    {.name = "preadv", .signature = "($module, fd, buffers, offset, flags=0, /)", .fn = posix_preadv,
     .doc = "Reads from a file descriptor into a number of mutable bytes-like objects."},
    {.name = "pwritev", .signature = "($module, fd, buffers, offset, flags=0, /)", .fn = posix_pwritev,
     .doc = "Writes the contents of bytes-like objects to a file descriptor at a given offset."},
    {.name = "sendfile", .signature = "($module, /, out_fd, in_fd, offset, count)", .fn = posix_sendfile,
     .doc = "Copy count bytes from file descriptor in_fd to file descriptor out_fd."},
    {.name = "splice",
     .signature = "($module, /, src, dst, count, offset_src=None, offset_dst=None, flags=0)",
     .fn = posix_splice, .doc = "Transfer count bytes from one pipe to a descriptor or vice versa."},
    {.name = "copy_file_range",
     .signature = "($module, /, src, dst, count, offset_src=None, offset_dst=None)",
     .fn = posix_copy_file_range, .doc = "Copy count bytes from one file descriptor to another."},
    {.name = "posix_fallocate", .signature = "($module, fd, offset, len, /)", .fn = posix_posix_fallocate,
     .doc = "Ensure a file has allocated at least a particular number of bytes on disk."},
    {.name = "posix_fadvise", .signature = "($module, fd, offset, len, advice, /)", .fn = posix_posix_fadvise,
     .doc = "Announce an intention to access data in a specific pattern."},
    {.name = "eventfd", .signature = "($module, /, initval, flags=524288)", .fn = posix_eventfd,
     .doc = "Creates and returns an event notification file descriptor."},
    {.name = "eventfd_read", .signature = "($module, /, fd)", .fn = posix_eventfd_read,
     .doc = "Read eventfd value"},
    {.name = "eventfd_write", .signature = "($module, /, fd, value)", .fn = posix_eventfd_write,
     .doc = "Write eventfd value."},
    {.name = "memfd_create", .signature = "($module, /, name, flags=1)", .fn = posix_memfd_create},
    {.name = "getrandom", .signature = "($module, /, size, flags=0)", .fn = posix_getrandom,
     .doc = "Obtain a series of random bytes."},
    {.name = "openpty", .signature = "($module, /)", .fn = posix_openpty,
     .doc = "Open a pseudo-terminal.\n\nReturn a tuple of (master_fd, slave_fd) containing open file descriptors\n"
            "for both the master and slave ends."},
    {.name = "statvfs", .signature = "($module, /, path)", .fn = posix_statvfs,
     .doc = "Perform a statvfs system call on the given path."},
    {.name = "fstatvfs", .signature = "($module, fd, /)", .fn = posix_fstatvfs,
     .doc = "Perform an fstatvfs system call on the given fd."},
    {.name = "pathconf", .signature = "($module, /, path, name)", .fn = posix_pathconf,
     .doc = "Return the configuration limit name for the file or directory path."},
    {.name = "fpathconf", .signature = "($module, fd, name, /)", .fn = posix_fpathconf,
     .doc = "Return the configuration limit name for the file descriptor fd."},
    {.name = "confstr", .signature = "($module, name, /)", .fn = posix_confstr,
     .doc = "Return a string-valued system configuration variable."},
    {.name = "getxattr", .signature = "($module, /, path, attribute, *, follow_symlinks=True)",
     .fn = posix_getxattr, .doc = "Return the value of extended attribute attribute on path."},
    {.name = "setxattr", .signature = "($module, /, path, attribute, value, flags=0, *, follow_symlinks=True)",
     .fn = posix_setxattr, .doc = "Set extended attribute attribute on path to value."},
    {.name = "removexattr", .signature = "($module, /, path, attribute, *, follow_symlinks=True)",
     .fn = posix_removexattr, .doc = "Remove extended attribute attribute on path."},
    {.name = "listxattr", .signature = "($module, /, path=None, *, follow_symlinks=True)", .fn = posix_listxattr,
     .doc = "Return a list of extended attributes on path."},
};

#define C(name) {#name, name}
const struct {
  const char* name;
  int64_t value;
} kIoConstants[] = {
    C(EFD_CLOEXEC), C(EFD_NONBLOCK), C(EFD_SEMAPHORE),
    C(MFD_CLOEXEC), C(MFD_ALLOW_SEALING), C(MFD_HUGETLB),
    C(SPLICE_F_MOVE), C(SPLICE_F_NONBLOCK), C(SPLICE_F_MORE),
    C(XATTR_CREATE), C(XATTR_REPLACE), C(XATTR_SIZE_MAX),
    C(ST_RDONLY), C(ST_NOSUID), C(ST_NODEV), C(ST_NOEXEC), C(ST_SYNCHRONOUS), C(ST_MANDLOCK),
    C(ST_WRITE), C(ST_APPEND), C(ST_NOATIME), C(ST_NODIRATIME), C(ST_RELATIME),
    C(RWF_DSYNC), C(RWF_HIPRI), C(RWF_SYNC), C(RWF_NOWAIT), C(RWF_APPEND),
};
#undef C

bool confNames(Value module, const char* attr, const ConfName* names, size_t count) {
  Value d = newDict();
  if (d.isNull()) return false;
  for (size_t i = 0; i < count; ++i) {
    if (dictSet(d, newStr(names[i].name), newInt(names[i].value)) < 0) return false;
  }
  return setAttrStr(module, attr, d);
}

}  // namespace

std::span<const MethodDef> ioFunctions() { return kIoFunctions; }

bool ioInit(Value module) {
  for (const auto& c : kIoConstants) {
    if (!setInt(module, c.name, c.value)) return false;
  }
  return setAttrStr(module, "statvfs_result", typeValue(g_statvfs_result_type)) &&
         setStructSeqCounts(g_statvfs_result_type, kStatvfsVisible, kStatvfsTotal, 0) &&
         confNames(module, "pathconf_names", kPathconfNames, std::size(kPathconfNames)) &&
         confNames(module, "confstr_names", kConfstrNames, std::size(kConfstrNames));
}

}  // namespace tern::posix
