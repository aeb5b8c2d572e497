// The posix module, part 2: files, descriptors, directories and stat
// (os.stat_result, os.DirEntry, the scandir iterator).
//
// Every path function goes through the *at() system calls, so dir_fd and
// follow_symlinks are honoured everywhere they are accepted (posix.cc's
// _have_functions says so to os.py).  Where Linux cannot honour a
// combination (chmod without following symlinks), NotImplementedError names
// the parameter, as CPython's.
//
// The scandir iterator owns a DIR* (a raw pointer, outside the heap): it is
// closed by close(), __exit__, exhaustion, or the object's finalizer.
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstring>
#include <string>

#include "runtime/interp/errors.h"
#include "runtime/interp/gil.h"
#include "runtime/modules/module.h"
#include "runtime/modules/_signal.h"
#include "runtime/modules/posix_internal.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/bytes.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/exceptions.h"
#include "runtime/objects/float.h"
#include "runtime/objects/genericalias.h"
#include "runtime/objects/int.h"
#include "runtime/objects/list.h"
#include "runtime/objects/str.h"
#include "runtime/objects/structseq.h"
#include "runtime/objects/tuple.h"

namespace tern::posix {

namespace {

// ===========================================================================
// Argument helpers

// An int, or an object with fileno() (CPython's fildes converter).
bool convertFildes(Value v, int* out) {
  if (isInt(v)) return convertFd(v, out);
  Value fileno = lookupAttr(v, internStr("fileno"));
  if (fileno.isNull()) {
    if (!errorPending()) {
      raise(exc::TypeError, "argument must be an int, or have a fileno() method.");
    }
    return false;
  }
  Value r = call0(fileno);
  if (r.isNull()) return false;
  if (!isInt(r)) {
    raise(exc::TypeError, "fileno() returned a non-integer");
    return false;
  }
  if (!convertFd(r, out)) return false;
  if (*out < 0) {
    raisef(exc::ValueError, "file descriptor cannot be a negative integer (%d)", *out);
    return false;
  }
  return true;
}

bool convertInt(Value v, int* out) { return convertFd(v, out); }

bool convertBool(Value v, bool* out) {
  int r = isTrue(v);
  if (r < 0) return false;
  *out = r != 0;
  return true;
}

// uid_t/gid_t: -1 means "unchanged".
bool convertId(Value v, unsigned* out, const char* what) {
  if (!isInt(v)) {
    raisef(exc::TypeError, "%s should be integer, not %s", what, typeNameOf(v).c_str());
    return false;
  }
  int64_t n;
  if (!indexToInt64(v, &n, exc::OverflowError)) return false;
  if (n == -1) {
    *out = static_cast<unsigned>(-1);
    return true;
  }
  if (n < 0) {
    raisef(exc::OverflowError, "%s is less than minimum", what);
    return false;
  }
  if (n > 0xfffffffeLL) {
    raisef(exc::OverflowError, "%s is greater than maximum", what);
    return false;
  }
  *out = static_cast<unsigned>(n);
  return true;
}

// The checks CPython makes before a call with a path that may be a
// descriptor: dir_fd needs a path, follow_symlinks=False needs one too.
bool fdChecks(const PathArg& p, int dir_fd, bool follow_symlinks) {
  if (p.is_fd && dir_fd != AT_FDCWD) {
    raisef(exc::ValueError, "%s: can't specify dir_fd without matching path", p.function);
    return false;
  }
  // CPython tests fd > 0 here, so descriptor 0 passes (and is fstat'ed).
  if (p.is_fd && p.fd > 0 && !follow_symlinks) {
    raisef(exc::ValueError, "%s: cannot use fd and follow_symlinks together", p.function);
    return false;
  }
  return true;
}

// ===========================================================================
// os.stat_result

Type* g_stat_result_type = nullptr;
constexpr int64_t kStatVisible = 10, kStatTotal = 19, kStatUnnamed = 3;

const MemberDef kStatFields[] = {
    structseqField("st_mode", 0, "protection bits"),
    structseqField("st_ino", 1, "inode"),
    structseqField("st_dev", 2, "device"),
    structseqField("st_nlink", 3, "number of hard links"),
    structseqField("st_uid", 4, "user ID of owner"),
    structseqField("st_gid", 5, "group ID of owner"),
    structseqField("st_size", 6, "total size, in bytes"),
    // Items 7-9 are the integer times, unnamed: these members read the floats.
    structseqField("st_atime", 10, "time of last access"),
    structseqField("st_mtime", 11, "time of last modification"),
    structseqField("st_ctime", 12, "time of last change"),
    structseqField("st_atime_ns", 13, "time of last access in nanoseconds"),
    structseqField("st_mtime_ns", 14, "time of last modification in nanoseconds"),
    structseqField("st_ctime_ns", 15, "time of last change in nanoseconds"),
    structseqField("st_blksize", 16, "blocksize for filesystem I/O"),
    structseqField("st_blocks", 17, "number of blocks allocated"),
    structseqField("st_rdev", 18, "device type (if inode device)"),
};

// os.stat_result(seq): as every struct sequence, then the float times that
// were not given (None) copied from the integer ones, as CPython's.
Value statresult_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  Value r = structseqHiddenNew(type, args, nargs, kwnames);
  if (r.isNull()) return Value();
  TupleObj* t = asTuple(r);
  for (int i = 0; i < 3; ++i) {
    if (isNone(t->items[10 + i].get())) t->items[10 + i].set(t->items[7 + i].get());
  }
  return r;
}

const TypeSpec kStatResultSpec = {
    .name = "stat_result",
    .module = "os",
    .type = &g_stat_result_type,
    .base = &types::tuple_type,
    .slots = {.tp_repr = structseq_repr, .tp_new = statresult_new},
    .methods = kStructSeqMethods,
    .members = kStatFields,
    .doc = "stat_result: Result from stat, fstat, or lstat.",
};
TERN_REGISTER_TYPE(kStatResultSpec);

Value statResult(const struct stat& st) {
  Value r = newStructSeqHidden(g_stat_result_type, kStatVisible, kStatTotal);
  tupleInit(r, 0, newInt(st.st_mode));
  tupleInit(r, 1, newIntUnsigned(st.st_ino));
  tupleInit(r, 2, newIntUnsigned(st.st_dev));
  tupleInit(r, 3, newIntUnsigned(st.st_nlink));
  tupleInit(r, 4, newInt(st.st_uid));
  tupleInit(r, 5, newInt(st.st_gid));
  tupleInit(r, 6, newInt(st.st_size));
  const struct timespec* times[3] = {&st.st_atim, &st.st_mtim, &st.st_ctim};
  for (int i = 0; i < 3; ++i) {
    int64_t sec = times[i]->tv_sec, nsec = times[i]->tv_nsec;
    tupleInit(r, 7 + i, newInt(sec));
    tupleInit(r, 10 + i, newFloat(static_cast<double>(sec) + static_cast<double>(nsec) * 1e-9));
    // sec * 10**9 + nsec as a Python int (exact beyond int64 too).
    Value ns = binaryOp(binaryOp(newInt(sec), newInt(1000000000), BinOp::kMultiply), newInt(nsec), BinOp::kAdd);
    if (ns.isNull()) return Value();
    tupleInit(r, 13 + i, ns);
  }
  tupleInit(r, 16, newInt(st.st_blksize));
  tupleInit(r, 17, newInt(st.st_blocks));
  tupleInit(r, 18, newIntUnsigned(st.st_rdev));
  return r;
}

// stat/lstat/fstat through one path: fstat for a descriptor, else fstatat.
Value doStat(const PathArg& p, int dir_fd, bool follow_symlinks) {
  if (!fdChecks(p, dir_fd, follow_symlinks)) return Value();
  struct stat st;
  int r;
  if (p.is_fd) {
    r = ::fstat(p.fd, &st);
  } else {
    r = ::fstatat(dir_fd, p.c_str(), &st, follow_symlinks ? 0 : AT_SYMLINK_NOFOLLOW);
  }
  if (r < 0) return raiseErrnoPath(errno, p);
  return statResult(st);
}

Value posix_stat(Value* args) {
  PathArg p("stat", "path", false, true);
  int dir_fd;
  bool follow;
  if (!convertPath(args[1], &p) || !convertDirFd(args[2], &dir_fd) || !convertBool(args[3], &follow)) return Value();
  return doStat(p, dir_fd, follow);
}

Value posix_lstat(Value* args) {
  PathArg p("lstat");
  int dir_fd;
  if (!convertPath(args[1], &p) || !convertDirFd(args[2], &dir_fd)) return Value();
  return doStat(p, dir_fd, false);
}

Value posix_fstat(Value* args) {
  int fd;
  if (!convertInt(args[1], &fd)) return Value();
  struct stat st;
  if (::fstat(fd, &st) < 0) return raiseErrno(errno);
  return statResult(st);
}

// ===========================================================================
// Descriptors

Value posix_open(Value* args) {
  PathArg p("open");
  int flags, mode, dir_fd;
  if (!convertPath(args[1], &p) || !convertInt(args[2], &flags) || !convertInt(args[3], &mode) ||
      !convertDirFd(args[4], &dir_fd)) {
    return Value();
  }
  int fd;
  for (;;) {
    fd = ::openat(dir_fd, p.c_str(), flags | O_CLOEXEC, mode);
    if (fd >= 0 || errno != EINTR) break;
    if (!retryAfterSignal()) return Value();  // PEP 475: a handler may raise
  }
  if (fd < 0) return raiseErrnoPath(errno, p);
  return newInt(fd);
}

Value posix_close(Value* args) {
  int fd;
  if (!convertInt(args[1], &fd)) return Value();
  if (::close(fd) < 0 && errno != EINTR) return raiseErrno(errno);
  return None();
}

Value posix_closerange(Value* args) {
  int low, high;
  if (!convertInt(args[1], &low) || !convertInt(args[2], &high)) return Value();
  for (int fd = low < 0 ? 0 : low; fd < high; ++fd) ::close(fd);
  return None();
}

Value posix_read(Value* args) {
  int fd;
  int64_t length;
  if (!convertInt(args[1], &fd) || !indexToInt64(args[2], &length, exc::OverflowError)) return Value();
  if (length < 0) return raiseErrno(EINVAL);
  std::string buffer(static_cast<size_t>(length), '\0');
  ssize_t n;
  int error;
  for (;;) {
    {
      interp::AllowThreads allow;  // gil.h
      n = ::read(fd, buffer.data(), buffer.size());
      error = errno;
    }
    if (n >= 0 || error != EINTR) break;
    if (!retryAfterSignal()) return Value();  // PEP 475: a handler may raise
  }
  if (n < 0) return raiseErrno(error);
  return newBytes(buffer.data(), n);
}

Value posix_write(Value* args) {
  int fd;
  if (!convertInt(args[1], &fd)) return Value();
  std::string data;
  if (!bytesLikeCopy(args[2], &data)) {
    if (errorPending()) return Value();
    return raisef(exc::TypeError, "a bytes-like object is required, not '%s'", typeNameOf(args[2]).c_str());
  }
  ssize_t n;
  int error;
  for (;;) {
    {
      interp::AllowThreads allow;  // gil.h
      n = ::write(fd, data.data(), data.size());
      error = errno;
    }
    if (n >= 0 || error != EINTR) break;
    if (!retryAfterSignal()) return Value();  // PEP 475: a handler may raise
  }
  if (n < 0) return raiseErrno(error);
  return newInt(n);
}

Value posix_lseek(Value* args) {
  int fd, whence;
  int64_t position;
  if (!convertInt(args[1], &fd) || !indexToInt64(args[2], &position, exc::OverflowError) ||
      !convertInt(args[3], &whence)) {
    return Value();
  }
  off_t r = ::lseek(fd, position, whence);
  if (r < 0) return raiseErrno(errno);
  return newInt(r);
}

Value posix_fsync(Value* args) {
  int fd;
  if (!convertFildes(args[1], &fd)) return Value();
  if (::fsync(fd) < 0) return raiseErrno(errno);
  return None();
}

Value posix_fdatasync(Value* args) {
  int fd;
  if (!convertFildes(args[1], &fd)) return Value();
  if (::fdatasync(fd) < 0) return raiseErrno(errno);
  return None();
}

Value posix_ftruncate(Value* args) {
  int fd;
  int64_t length;
  if (!convertInt(args[1], &fd) || !indexToInt64(args[2], &length, exc::OverflowError)) return Value();
  int r;
  do {
    r = ::ftruncate(fd, length);
  } while (r < 0 && errno == EINTR);
  if (r < 0) return raiseErrno(errno);
  return None();
}

Value posix_truncate(Value* args) {
  PathArg p("truncate", "path", false, true);
  int64_t length;
  if (!convertPath(args[1], &p) || !indexToInt64(args[2], &length, exc::OverflowError)) return Value();
  int r = p.is_fd ? ::ftruncate(p.fd, length) : ::truncate(p.c_str(), length);
  if (r < 0) return raiseErrnoPath(errno, p);
  return None();
}

Value posix_pipe(Value*) {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) < 0) return raiseErrno(errno);
  return newTupleOf({newInt(fds[0]), newInt(fds[1])});
}

Value posix_pipe2(Value* args) {
  int flags;
  if (!convertInt(args[1], &flags)) return Value();
  int fds[2];
  if (::pipe2(fds, flags) < 0) return raiseErrno(errno);
  return newTupleOf({newInt(fds[0]), newInt(fds[1])});
}

Value posix_dup(Value* args) {
  int fd;
  if (!convertInt(args[1], &fd)) return Value();
  int r = ::fcntl(fd, F_DUPFD_CLOEXEC, 0);
  if (r < 0) return raiseErrno(errno);
  return newInt(r);
}

Value posix_dup2(Value* args) {
  int fd, fd2;
  bool inheritable;
  if (!convertInt(args[1], &fd) || !convertInt(args[2], &fd2) || !convertBool(args[3], &inheritable)) return Value();
  int r;
  if (inheritable || fd == fd2) {
    r = ::dup2(fd, fd2);
  } else {
    r = ::dup3(fd, fd2, O_CLOEXEC);
  }
  if (r < 0) return raiseErrno(errno);
  return newInt(r);
}

// ===========================================================================
// The working directory

Value cwd(bool as_bytes) {
  std::string buffer(256, '\0');
  for (;;) {
    if (::getcwd(buffer.data(), buffer.size()) != nullptr) break;
    if (errno != ERANGE) return raiseErrno(errno);
    buffer.resize(buffer.size() * 2);
  }
  buffer.resize(std::strlen(buffer.c_str()));
  return nameValue(buffer, as_bytes);
}

Value posix_getcwd(Value*) { return cwd(false); }
Value posix_getcwdb(Value*) { return cwd(true); }

Value posix_chdir(Value* args) {
  PathArg p("chdir", "path", false, true);
  if (!convertPath(args[1], &p)) return Value();
  int r = p.is_fd ? ::fchdir(p.fd) : ::chdir(p.c_str());
  if (r < 0) return raiseErrnoPath(errno, p);
  return None();
}

Value posix_fchdir(Value* args) {
  int fd;
  if (!convertFildes(args[1], &fd)) return Value();
  if (::fchdir(fd) < 0) return raiseErrno(errno);
  return None();
}

// ===========================================================================
// Creating, removing and renaming

Value posix_mkdir(Value* args) {
  PathArg p("mkdir");
  int mode, dir_fd;
  if (!convertPath(args[1], &p) || !convertInt(args[2], &mode) || !convertDirFd(args[3], &dir_fd)) return Value();
  if (::mkdirat(dir_fd, p.c_str(), mode) < 0) return raiseErrnoPath(errno, p);
  return None();
}

Value posix_mkfifo(Value* args) {
  PathArg p("mkfifo");
  int mode, dir_fd;
  if (!convertPath(args[1], &p) || !convertInt(args[2], &mode) || !convertDirFd(args[3], &dir_fd)) return Value();
  if (::mkfifoat(dir_fd, p.c_str(), mode) < 0) return raiseErrnoPath(errno, p);
  return None();
}

Value unlinkCommon(Value* args, const char* function, int flags) {
  PathArg p(function);
  int dir_fd;
  if (!convertPath(args[1], &p) || !convertDirFd(args[2], &dir_fd)) return Value();
  if (::unlinkat(dir_fd, p.c_str(), flags) < 0) return raiseErrnoPath(errno, p);
  return None();
}

Value posix_rmdir(Value* args) { return unlinkCommon(args, "rmdir", AT_REMOVEDIR); }
Value posix_unlink(Value* args) { return unlinkCommon(args, "unlink", 0); }
Value posix_remove(Value* args) { return unlinkCommon(args, "remove", 0); }

Value renameCommon(Value* args, const char* function) {
  PathArg src(function, "src"), dst(function, "dst");
  int src_dir_fd, dst_dir_fd;
  if (!convertPath(args[1], &src) || !convertPath(args[2], &dst) || !convertDirFd(args[3], &src_dir_fd) ||
      !convertDirFd(args[4], &dst_dir_fd)) {
    return Value();
  }
  if (::renameat(src_dir_fd, src.c_str(), dst_dir_fd, dst.c_str()) < 0) {
    return raiseErrno(errno, src.object, dst.object);
  }
  return None();
}

Value posix_rename(Value* args) { return renameCommon(args, "rename"); }
Value posix_replace(Value* args) { return renameCommon(args, "replace"); }

Value posix_symlink(Value* args) {
  PathArg src("symlink", "src"), dst("symlink", "dst");
  int dir_fd;
  if (!convertPath(args[1], &src) || !convertPath(args[2], &dst) || !convertDirFd(args[4], &dir_fd)) return Value();
  if (::symlinkat(src.c_str(), dir_fd, dst.c_str()) < 0) return raiseErrno(errno, src.object, dst.object);
  return None();
}

Value posix_link(Value* args) {
  PathArg src("link", "src"), dst("link", "dst");
  int src_dir_fd, dst_dir_fd;
  bool follow;
  if (!convertPath(args[1], &src) || !convertPath(args[2], &dst) || !convertDirFd(args[3], &src_dir_fd) ||
      !convertDirFd(args[4], &dst_dir_fd) || !convertBool(args[5], &follow)) {
    return Value();
  }
  if (::linkat(src_dir_fd, src.c_str(), dst_dir_fd, dst.c_str(), follow ? AT_SYMLINK_FOLLOW : 0) < 0) {
    return raiseErrno(errno, src.object, dst.object);
  }
  return None();
}

Value posix_readlink(Value* args) {
  PathArg p("readlink");
  int dir_fd;
  if (!convertPath(args[1], &p) || !convertDirFd(args[2], &dir_fd)) return Value();
  std::string buffer(4096, '\0');
  for (;;) {
    ssize_t n = ::readlinkat(dir_fd, p.c_str(), buffer.data(), buffer.size());
    if (n < 0) return raiseErrnoPath(errno, p);
    if (static_cast<size_t>(n) < buffer.size()) {
      buffer.resize(static_cast<size_t>(n));
      break;
    }
    buffer.resize(buffer.size() * 2);
  }
  return nameValue(buffer, p.is_bytes);
}

// ===========================================================================
// Permissions, owners, times

Value posix_access(Value* args) {
  PathArg p("access");
  int mode, dir_fd;
  bool effective_ids, follow;
  if (!convertPath(args[1], &p) || !convertInt(args[2], &mode) || !convertDirFd(args[3], &dir_fd) ||
      !convertBool(args[4], &effective_ids) || !convertBool(args[5], &follow)) {
    return Value();
  }
  int flags = (effective_ids ? AT_EACCESS : 0) | (follow ? 0 : AT_SYMLINK_NOFOLLOW);
  return Bool(::faccessat(dir_fd, p.c_str(), mode, flags) == 0);
}

Value posix_chmod(Value* args) {
  PathArg p("chmod", "path", false, true);
  int mode, dir_fd;
  bool follow;
  if (!convertPath(args[1], &p) || !convertInt(args[2], &mode) || !convertDirFd(args[3], &dir_fd) ||
      !convertBool(args[4], &follow)) {
    return Value();
  }
  if (!fdChecks(p, dir_fd, follow)) return Value();
  int r;
  if (p.is_fd) {
    r = ::fchmod(p.fd, mode);
  } else {
    r = ::fchmodat(dir_fd, p.c_str(), mode, follow ? 0 : AT_SYMLINK_NOFOLLOW);
    if (r < 0 && !follow && (errno == ENOTSUP || errno == EOPNOTSUPP)) {
      return raise(exc::NotImplementedError, "chmod: follow_symlinks unavailable on this platform");
    }
  }
  if (r < 0) return raiseErrnoPath(errno, p);
  return None();
}

Value posix_fchmod(Value* args) {
  int fd, mode;
  if (!convertInt(args[1], &fd) || !convertInt(args[2], &mode)) return Value();
  if (::fchmod(fd, mode) < 0) return raiseErrno(errno);
  return None();
}

Value posix_chown(Value* args) {
  PathArg p("chown", "path", false, true);
  unsigned uid, gid;
  int dir_fd;
  bool follow;
  if (!convertPath(args[1], &p) || !convertId(args[2], &uid, "uid") || !convertId(args[3], &gid, "gid") ||
      !convertDirFd(args[4], &dir_fd) || !convertBool(args[5], &follow)) {
    return Value();
  }
  if (!fdChecks(p, dir_fd, follow)) return Value();
  int r = p.is_fd ? ::fchown(p.fd, uid, gid)
                  : ::fchownat(dir_fd, p.c_str(), uid, gid, follow ? 0 : AT_SYMLINK_NOFOLLOW);
  if (r < 0) return raiseErrnoPath(errno, p);
  return None();
}

Value posix_lchown(Value* args) {
  PathArg p("lchown");
  unsigned uid, gid;
  if (!convertPath(args[1], &p) || !convertId(args[2], &uid, "uid") || !convertId(args[3], &gid, "gid")) {
    return Value();
  }
  if (::lchown(p.c_str(), uid, gid) < 0) return raiseErrnoPath(errno, p);
  return None();
}

Value posix_fchown(Value* args) {
  int fd;
  unsigned uid, gid;
  if (!convertInt(args[1], &fd) || !convertId(args[2], &uid, "uid") || !convertId(args[3], &gid, "gid")) {
    return Value();
  }
  if (::fchown(fd, uid, gid) < 0) return raiseErrno(errno);
  return None();
}

// A time in seconds (int or float) as a timespec, rounding down (CPython's
// _PyTime_ObjectToTimespec with ROUND_FLOOR).
bool secondsToTimespec(Value v, struct timespec* out) {
  if (isFloat(v)) {
    double d = floatValue(v);
    if (std::isnan(d)) {
      raise(exc::ValueError, "Invalid value NaN (not a number)");
      return false;
    }
    double int_part;
    double frac = std::modf(d, &int_part);
    frac = std::floor(frac * 1e9);
    if (frac >= 1e9) {
      frac -= 1e9;
      int_part += 1.0;
    } else if (frac < 0) {
      frac += 1e9;
      int_part -= 1.0;
    }
    if (!(int_part >= -9.2e18 && int_part <= 9.2e18)) {
      raise(exc::OverflowError, "timestamp out of range for platform time_t");
      return false;
    }
    out->tv_sec = static_cast<time_t>(int_part);
    out->tv_nsec = static_cast<long>(frac);
    return true;
  }
  int64_t sec;
  if (!indexToInt64(v, &sec, exc::OverflowError)) return false;
  out->tv_sec = sec;
  out->tv_nsec = 0;
  return true;
}

bool nsToTimespec(Value v, struct timespec* out) {
  Value qr = divmod(v, newInt(1000000000));
  if (qr.isNull()) return false;
  int64_t sec, nsec;
  if (!indexToInt64(tupleItem(qr, 0), &sec, exc::OverflowError) ||
      !indexToInt64(tupleItem(qr, 1), &nsec, exc::OverflowError)) {
    return false;
  }
  out->tv_sec = sec;
  out->tv_nsec = nsec;
  return true;
}

Value posix_utime(Value* args) {
  PathArg p("utime", "path", false, true);
  int dir_fd;
  bool follow;
  if (!convertPath(args[1], &p) || !convertDirFd(args[4], &dir_fd) || !convertBool(args[5], &follow)) return Value();
  Value times = args[2], ns = args[3];
  bool have_times = !times.isNull() && !isNone(times);
  if (have_times && !ns.isNull()) {
    return raise(exc::ValueError, "utime: you may specify either 'times' or 'ns' but not both");
  }
  struct timespec ts[2];
  struct timespec* tsp = nullptr;
  if (have_times) {
    if (!isExactTuple(times) || tupleLength(times) != 2) {
      return raise(exc::TypeError, "utime: 'times' must be either a tuple of two ints or None");
    }
    if (!secondsToTimespec(tupleItem(times, 0), &ts[0]) || !secondsToTimespec(tupleItem(times, 1), &ts[1])) {
      return Value();
    }
    tsp = ts;
  } else if (!ns.isNull()) {
    if (!isExactTuple(ns) || tupleLength(ns) != 2) {
      return raise(exc::TypeError, "utime: 'ns' must be a tuple of two ints");
    }
    if (!nsToTimespec(tupleItem(ns, 0), &ts[0]) || !nsToTimespec(tupleItem(ns, 1), &ts[1])) return Value();
    tsp = ts;
  }
  if (!fdChecks(p, dir_fd, follow)) return Value();
  int r = p.is_fd ? ::futimens(p.fd, tsp) : ::utimensat(dir_fd, p.c_str(), tsp, follow ? 0 : AT_SYMLINK_NOFOLLOW);
  if (r < 0) return raiseErrnoPath(errno, p);
  return None();
}

Value posix_major(Value* args) {
  int64_t dev;
  if (!indexToInt64(args[1], &dev, exc::OverflowError)) return Value();
  return newInt(major(static_cast<dev_t>(dev)));
}

Value posix_minor(Value* args) {
  int64_t dev;
  if (!indexToInt64(args[1], &dev, exc::OverflowError)) return Value();
  return newInt(minor(static_cast<dev_t>(dev)));
}

Value posix_makedev(Value* args) {
  int64_t ma, mi;
  if (!indexToInt64(args[1], &ma, exc::OverflowError) || !indexToInt64(args[2], &mi, exc::OverflowError)) {
    return Value();
  }
  return newIntUnsigned(makedev(static_cast<unsigned>(ma), static_cast<unsigned>(mi)));
}

// ===========================================================================
// listdir

// Opens a directory stream for `p`: a path, or a duplicate of the
// descriptor rewound to the start (the caller's descriptor stays open).
DIR* openDirectory(const PathArg& p) {
  if (p.is_fd) {
    int fd = ::fcntl(p.fd, F_DUPFD_CLOEXEC, 0);
    if (fd < 0) return nullptr;
    DIR* dir = ::fdopendir(fd);
    if (dir == nullptr) {
      int err = errno;
      ::close(fd);
      errno = err;
      return nullptr;
    }
    ::rewinddir(dir);
    return dir;
  }
  return ::opendir(p.is_none ? "." : p.c_str());
}

bool isDotOrDotDot(const char* name) {
  return name[0] == '.' && (name[1] == '\0' || (name[1] == '.' && name[2] == '\0'));
}

Value posix_listdir(Value* args) {
  PathArg p("listdir", "path", true, true);
  if (!convertPath(args[1], &p)) return Value();
  DIR* dir = openDirectory(p);
  if (dir == nullptr) return raiseErrnoPath(errno, p);
  Value list = newList();
  for (;;) {
    errno = 0;
    struct dirent* entry = ::readdir(dir);
    if (entry == nullptr) {
      if (errno != 0) {
        int err = errno;
        ::closedir(dir);
        return raiseErrnoPath(err, p);
      }
      break;
    }
    if (isDotOrDotDot(entry->d_name)) continue;
    Value name = nameValue(entry->d_name, p.is_bytes);
    if (name.isNull() || !listAppend(list, name)) {
      ::closedir(dir);
      return Value();
    }
  }
  ::closedir(dir);
  return list;
}

// ===========================================================================
// os.DirEntry

Type* g_dir_entry_type = nullptr;

struct DirEntryObj : Obj {
  gc::HeapValue name;   // str or bytes
  gc::HeapValue path;   // str or bytes: the scandir path joined with name (name alone for a descriptor)
  gc::HeapValue stat;   // cached stat_result (following symlinks), or null
  gc::HeapValue lstat;  // cached stat_result (not following), or null
  int64_t d_type;       // DT_* from readdir
  uint64_t d_ino;
  int64_t dir_fd;       // the directory's descriptor when scandir was given one, else -1
};

DirEntryObj* asDirEntry(Value v) { return static_cast<DirEntryObj*>(v.asObject()); }

// The path for system calls: name relative to dir_fd, or the joined path.
bool entryPathBytes(Value self, std::string* out) {
  DirEntryObj* e = asDirEntry(self);
  Value v = e->dir_fd >= 0 ? e->name.get() : e->path.get();
  if (isBytes(v)) {
    out->assign(reinterpret_cast<const char*>(asBytes(v)->data()), static_cast<size_t>(bytesLength(v)));
    return true;
  }
  return fsEncode(v, out);
}

Value entryFetchStat(Value self, bool follow) {
  std::string path;
  if (!entryPathBytes(self, &path)) return Value();
  int64_t dir_fd = asDirEntry(self)->dir_fd;
  struct stat st;
  int r = ::fstatat(dir_fd >= 0 ? static_cast<int>(dir_fd) : AT_FDCWD, path.c_str(), &st,
                    follow ? 0 : AT_SYMLINK_NOFOLLOW);
  if (r < 0) return raiseErrno(errno, asDirEntry(self)->path.get());
  return statResult(st);
}

Value entryLstat(Value self) {
  DirEntryObj* e = asDirEntry(self);
  if (e->lstat.get().isNull()) {
    Value st = entryFetchStat(self, false);
    if (st.isNull()) return Value();
    asDirEntry(self)->lstat.set(st);
  }
  return asDirEntry(self)->lstat.get();
}

bool entryIsSymlink(Value self) {
  DirEntryObj* e = asDirEntry(self);
  return e->d_type == DT_LNK;
}

Value entryStat(Value self, bool follow) {
  if (!follow) return entryLstat(self);
  DirEntryObj* e = asDirEntry(self);
  if (e->stat.get().isNull()) {
    if (entryIsSymlink(self)) {
      Value st = entryFetchStat(self, true);
      if (st.isNull()) return Value();
      asDirEntry(self)->stat.set(st);
    } else {
      Value st = entryLstat(self);
      if (st.isNull()) return Value();
      asDirEntry(self)->stat.set(st);
    }
  }
  return asDirEntry(self)->stat.get();
}

// is_dir / is_file: from d_type when it answers, else from stat; a file that
// vanished is neither (FileNotFoundError is swallowed, as CPython's).
Value entryTestMode(Value self, bool follow, mode_t wanted) {
  DirEntryObj* e = asDirEntry(self);
  bool need_stat = e->d_type == DT_UNKNOWN || (follow && e->d_type == DT_LNK);
  if (need_stat) {
    Value st = entryStat(self, follow);
    if (st.isNull()) {
      if (errorMatches(exc::FileNotFoundError)) {
        clearError();
        return False();
      }
      return Value();
    }
    int64_t mode;
    if (!intToInt64(tupleItem(st, 0), &mode)) return Value();
    return Bool((static_cast<mode_t>(mode) & S_IFMT) == wanted);
  }
  if (wanted == S_IFDIR) return Bool(e->d_type == DT_DIR);
  return Bool(e->d_type == DT_REG);
}

Value DirEntry_is_dir(Value* args) {
  bool follow;
  if (!convertBool(args[1], &follow)) return Value();
  return entryTestMode(args[0], follow, S_IFDIR);
}

Value DirEntry_is_file(Value* args) {
  bool follow;
  if (!convertBool(args[1], &follow)) return Value();
  return entryTestMode(args[0], follow, S_IFREG);
}

Value DirEntry_is_symlink(Value* args) {
  Value self = args[0];
  if (asDirEntry(self)->d_type != DT_UNKNOWN) return Bool(entryIsSymlink(self));
  Value st = entryLstat(self);
  if (st.isNull()) {
    if (errorMatches(exc::FileNotFoundError)) {
      clearError();
      return False();
    }
    return Value();
  }
  int64_t mode;
  if (!intToInt64(tupleItem(st, 0), &mode)) return Value();
  return Bool(S_ISLNK(static_cast<mode_t>(mode)));
}

Value DirEntry_stat(Value* args) {
  bool follow;
  if (!convertBool(args[1], &follow)) return Value();
  return entryStat(args[0], follow);
}

Value DirEntry_inode(Value* args) { return newIntUnsigned(asDirEntry(args[0])->d_ino); }
Value DirEntry___fspath__(Value* args) { return asDirEntry(args[0])->path.get(); }
Value DirEntry___class_getitem__(Value* args) { return newGenericAlias(args[0], args[1]); }

Value DirEntry_get_name(Value self) { return asDirEntry(self)->name.get(); }
Value DirEntry_get_path(Value self) { return asDirEntry(self)->path.get(); }

Value DirEntry_repr(Value self) {
  Value r = repr(asDirEntry(self)->name.get());
  if (r.isNull()) return Value();
  return newStr("<DirEntry " + strToUtf8(r) + ">");
}

Value DirEntry_new(Type* type, const Value*, size_t, Value) {
  return raisef(exc::TypeError, "cannot create '%s' instances", typeName(type).c_str());
}

constexpr uint32_t kDirEntryFields[] = {offsetof(DirEntryObj, name), offsetof(DirEntryObj, path),
                                        offsetof(DirEntryObj, stat), offsetof(DirEntryObj, lstat)};
const gc::Layout kDirEntryLayout = {.name = "DirEntry", .fields = kDirEntryFields};

const MethodDef kDirEntryMethods[] = {
    {.name = "is_dir", .signature = "($self, /, *, follow_symlinks=True)", .fn = DirEntry_is_dir,
     .doc = "Return True if the entry is a directory; cached per entry."},
    {.name = "is_file", .signature = "($self, /, *, follow_symlinks=True)", .fn = DirEntry_is_file,
     .doc = "Return True if the entry is a file; cached per entry."},
    {.name = "is_symlink", .signature = "($self, /)", .fn = DirEntry_is_symlink,
     .doc = "Return True if the entry is a symbolic link; cached per entry."},
    {.name = "stat", .signature = "($self, /, *, follow_symlinks=True)", .fn = DirEntry_stat,
     .doc = "Return stat_result object for the entry; cached per entry."},
    {.name = "inode", .signature = "($self, /)", .fn = DirEntry_inode, .doc = "Return inode of the entry; cached per entry."},
    {.name = "__fspath__", .signature = "($self, /)", .fn = DirEntry___fspath__,
     .doc = "Returns the path for the entry."},
    {.name = "__class_getitem__", .signature = "($type, item, /)", .fn = DirEntry___class_getitem__,
     .flags = method_flags::kClassMethod, .doc = "See PEP 585"},
};

const GetSetDef kDirEntryGetSets[] = {
    {.name = "name", .get = DirEntry_get_name, .doc = "the entry's base filename, relative to scandir() \"path\" argument"},
    {.name = "path", .get = DirEntry_get_path, .doc = "the entry's full path name; equivalent to os.path.join(scandir_path, entry.name)"},
};

const TypeSpec kDirEntrySpec = {
    .name = "DirEntry",
    .module = "posix",
    .type = &g_dir_entry_type,
    .layout = &kDirEntryLayout,
    .basic_size = sizeof(DirEntryObj),
    .slots = {.tp_repr = DirEntry_repr, .tp_new = DirEntry_new},
    .methods = kDirEntryMethods,
    .getsets = kDirEntryGetSets,
};
TERN_REGISTER_TYPE(kDirEntrySpec);

// ===========================================================================
// The scandir iterator

Type* g_scandir_iterator_type = nullptr;

struct ScandirIteratorObj : Obj {
  gc::HeapValue path;   // the scandir path as given after fspath (str/bytes), or null for a descriptor / None
  DIR* dir;             // null once closed
  int64_t fd;           // the descriptor given to scandir, or -1
  uint64_t is_bytes;
  uint64_t path_was_none;
};

ScandirIteratorObj* asScandir(Value v) { return static_cast<ScandirIteratorObj*>(v.asObject()); }

void scandirClose(Value self) {
  ScandirIteratorObj* it = asScandir(self);
  if (it->dir == nullptr) return;
  DIR* dir = it->dir;
  it->dir = nullptr;
  // With a descriptor, closedir closes our duplicate; the caller's stays open.
  ::closedir(dir);
}

void scandirFinalize(gc::Object* object) { scandirClose(Value(object)); }

Value newDirEntry(Value self, const struct dirent* d) {
  ScandirIteratorObj* it = asScandir(self);
  bool as_bytes = it->is_bytes != 0;
  Value name = nameValue(d->d_name, as_bytes);
  if (name.isNull()) return Value();
  Value path;
  it = asScandir(self);
  if (it->fd >= 0) {
    path = name;
  } else {
    // Joined as CPython's: the scandir path, a "/" unless it ends with one, the name.
    std::string dir;
    Value p = it->path.get();
    if (it->path_was_none) {
      dir = ".";
    } else if (isBytes(p)) {
      dir.assign(reinterpret_cast<const char*>(asBytes(p)->data()), static_cast<size_t>(bytesLength(p)));
    } else if (!fsEncode(p, &dir)) {
      return Value();
    }
    if (!dir.empty() && dir.back() != '/') dir += '/';
    dir += d->d_name;
    path = nameValue(dir, as_bytes);
    if (path.isNull()) return Value();
  }
  Obj* o = newObject(g_dir_entry_type, sizeof(DirEntryObj));
  DirEntryObj* e = static_cast<DirEntryObj*>(o);
  e->name.set(name);
  e->path.set(path);
  e->d_type = d->d_type;
  e->d_ino = d->d_ino;
  e->dir_fd = asScandir(self)->fd;
  return Value(o);
}

Value ScandirIterator_iternext(Value self) {
  for (;;) {
    ScandirIteratorObj* it = asScandir(self);
    if (it->dir == nullptr) return Value();
    errno = 0;
    struct dirent* d = ::readdir(it->dir);
    if (d == nullptr) {
      int err = errno;
      scandirClose(self);
      if (err != 0) {
        Value path = asScandir(self)->path.get();
        return raiseErrno(err, path.isNull() ? Value() : path);
      }
      return Value();
    }
    if (isDotOrDotDot(d->d_name)) continue;
    return newDirEntry(self, d);
  }
}

Value ScandirIterator_iter(Value self) { return self; }

Value ScandirIterator_close(Value* args) {
  scandirClose(args[0]);
  return None();
}

Value ScandirIterator___enter__(Value* args) { return args[0]; }

Value ScandirIterator___exit__(Value* args) {
  scandirClose(args[0]);
  return None();
}

Value ScandirIterator_new(Type* type, const Value*, size_t, Value) {
  return raisef(exc::TypeError, "cannot create '%s' instances", typeName(type).c_str());
}

constexpr uint32_t kScandirFields[] = {offsetof(ScandirIteratorObj, path)};
const gc::Layout kScandirLayout = {.name = "ScandirIterator", .fields = kScandirFields, .finalize = scandirFinalize};

const MethodDef kScandirMethods[] = {
    {.name = "close", .signature = "($self, /)", .fn = ScandirIterator_close},
    {.name = "__enter__", .signature = "($self, /)", .fn = ScandirIterator___enter__},
    {.name = "__exit__", .signature = "($self, *args, /)", .fn = ScandirIterator___exit__},
};

const TypeSpec kScandirSpec = {
    .name = "ScandirIterator",
    .module = "posix",
    .type = &g_scandir_iterator_type,
    .layout = &kScandirLayout,
    .basic_size = sizeof(ScandirIteratorObj),
    .slots = {.tp_iter = ScandirIterator_iter, .tp_iternext = ScandirIterator_iternext, .tp_new = ScandirIterator_new},
    .methods = kScandirMethods,
};
TERN_REGISTER_TYPE(kScandirSpec);

Value posix_scandir(Value* args) {
  PathArg p("scandir", "path", true, true);
  if (!convertPath(args[1], &p)) return Value();
  DIR* dir = openDirectory(p);
  if (dir == nullptr) return raiseErrnoPath(errno, p);
  Obj* o = newObject(g_scandir_iterator_type, sizeof(ScandirIteratorObj));
  ScandirIteratorObj* it = static_cast<ScandirIteratorObj*>(o);
  it->dir = dir;
  it->fd = p.is_fd ? p.fd : -1;
  it->is_bytes = p.is_bytes ? 1 : 0;
  it->path_was_none = p.is_none ? 1 : 0;
  if (!p.is_fd && !p.is_none) it->path.set(p.object);
  gc::setFinalizable(o);
  return Value(o);
}

// ===========================================================================
// Tables

const MethodDef kFsFunctions[] = {
    {.name = "stat", .signature = "($module, /, path, *, dir_fd=None, follow_symlinks=True)", .fn = posix_stat,
     .doc = "Perform a stat system call on the given path."},
    {.name = "lstat", .signature = "($module, /, path, *, dir_fd=None)", .fn = posix_lstat,
     .doc = "Perform a stat system call on the given path, without following symbolic links."},
    {.name = "fstat", .signature = "($module, /, fd)", .fn = posix_fstat,
     .doc = "Perform a stat system call on the given file descriptor."},
    {.name = "open", .signature = "($module, /, path, flags, mode=511, *, dir_fd=None)", .fn = posix_open,
     .doc = "Open a file for low level IO.  Returns a file descriptor (integer)."},
    {.name = "close", .signature = "($module, /, fd)", .fn = posix_close, .doc = "Close a file descriptor."},
    {.name = "closerange", .signature = "($module, fd_low, fd_high, /)", .fn = posix_closerange,
     .doc = "Closes all file descriptors in [fd_low, fd_high), ignoring errors."},
    {.name = "read", .signature = "($module, fd, length, /)", .fn = posix_read,
     .doc = "Read from a file descriptor.  Returns a bytes object."},
    {.name = "write", .signature = "($module, fd, data, /)", .fn = posix_write,
     .doc = "Write a bytes object to a file descriptor."},
    {.name = "lseek", .signature = "($module, fd, position, whence, /)", .fn = posix_lseek,
     .doc = "Set the position of a file descriptor.  Return the new position."},
    {.name = "fsync", .signature = "($module, /, fd)", .fn = posix_fsync,
     .doc = "Force write of fd to disk."},
    {.name = "fdatasync", .signature = "($module, /, fd)", .fn = posix_fdatasync,
     .doc = "Force write of fd to disk without forcing update of metadata."},
    {.name = "ftruncate", .signature = "($module, fd, length, /)", .fn = posix_ftruncate,
     .doc = "Truncate a file, specified by file descriptor, to a specific length."},
    {.name = "truncate", .signature = "($module, /, path, length)", .fn = posix_truncate,
     .doc = "Truncate a file, specified by path, to a specific length."},
    {.name = "pipe", .signature = "($module, /)", .fn = posix_pipe,
     .doc = "Create a pipe.\n\nReturns a tuple of two file descriptors:\n  (read_fd, write_fd)"},
    {.name = "pipe2", .signature = "($module, flags, /)", .fn = posix_pipe2,
     .doc = "Create a pipe with flags set atomically."},
    {.name = "dup", .signature = "($module, fd, /)", .fn = posix_dup, .doc = "Return a duplicate of a file descriptor."},
    {.name = "dup2", .signature = "($module, /, fd, fd2, inheritable=True)", .fn = posix_dup2,
     .doc = "Duplicate file descriptor."},
    {.name = "getcwd", .signature = "($module, /)", .fn = posix_getcwd,
     .doc = "Return a unicode string representing the current working directory."},
    {.name = "getcwdb", .signature = "($module, /)", .fn = posix_getcwdb,
     .doc = "Return a bytes string representing the current working directory."},
    {.name = "chdir", .signature = "($module, /, path)", .fn = posix_chdir,
     .doc = "Change the current working directory to the specified path."},
    {.name = "fchdir", .signature = "($module, /, fd)", .fn = posix_fchdir,
     .doc = "Change to the directory of the given file descriptor."},
    {.name = "mkdir", .signature = "($module, /, path, mode=511, *, dir_fd=None)", .fn = posix_mkdir,
     .doc = "Create a directory."},
    {.name = "mkfifo", .signature = "($module, /, path, mode=438, *, dir_fd=None)", .fn = posix_mkfifo,
     .doc = "Create a \"fifo\" (a POSIX named pipe)."},
    {.name = "rmdir", .signature = "($module, /, path, *, dir_fd=None)", .fn = posix_rmdir,
     .doc = "Remove a directory."},
    {.name = "unlink", .signature = "($module, /, path, *, dir_fd=None)", .fn = posix_unlink,
     .doc = "Remove a file (same as remove())."},
    {.name = "remove", .signature = "($module, /, path, *, dir_fd=None)", .fn = posix_remove,
     .doc = "Remove a file (same as unlink())."},
    {.name = "rename", .signature = "($module, /, src, dst, *, src_dir_fd=None, dst_dir_fd=None)", .fn = posix_rename,
     .doc = "Rename a file or directory."},
    {.name = "replace", .signature = "($module, /, src, dst, *, src_dir_fd=None, dst_dir_fd=None)",
     .fn = posix_replace, .doc = "Rename a file or directory, overwriting the destination."},
    {.name = "symlink", .signature = "($module, /, src, dst, target_is_directory=False, *, dir_fd=None)",
     .fn = posix_symlink, .doc = "Create a symbolic link pointing to src named dst."},
    {.name = "link",
     .signature = "($module, /, src, dst, *, src_dir_fd=None, dst_dir_fd=None, follow_symlinks=True)",
     .fn = posix_link, .doc = "Create a hard link to a file."},
    {.name = "readlink", .signature = "($module, /, path, *, dir_fd=None)", .fn = posix_readlink,
     .doc = "Return a string representing the path to which the symbolic link points."},
    {.name = "access",
     .signature = "($module, /, path, mode, *, dir_fd=None, effective_ids=False, follow_symlinks=True)",
     .fn = posix_access, .doc = "Use the real uid/gid to test for access to a path."},
    {.name = "chmod", .signature = "($module, /, path, mode, *, dir_fd=None, follow_symlinks=True)",
     .fn = posix_chmod, .doc = "Change the access permissions of a file."},
    {.name = "fchmod", .signature = "($module, /, fd, mode)", .fn = posix_fchmod,
     .doc = "Change the access permissions of the file given by file descriptor fd."},
    {.name = "chown", .signature = "($module, /, path, uid, gid, *, dir_fd=None, follow_symlinks=True)",
     .fn = posix_chown, .doc = "Change the owner and group id of path to the numeric uid and gid."},
    {.name = "lchown", .signature = "($module, /, path, uid, gid)", .fn = posix_lchown,
     .doc = "Change the owner and group id of path to the numeric uid and gid."},
    {.name = "fchown", .signature = "($module, /, fd, uid, gid)", .fn = posix_fchown,
     .doc = "Change the owner and group id of the file specified by file descriptor."},
    {.name = "utime",
     .signature = "($module, /, path, times=None, *, ns=<unrepresentable>, dir_fd=None, follow_symlinks=True)",
     .fn = posix_utime, .doc = "Set the access and modified time of path."},
    {.name = "major", .signature = "($module, device, /)", .fn = posix_major,
     .doc = "Extracts a device major number from a raw device number."},
    {.name = "minor", .signature = "($module, device, /)", .fn = posix_minor,
     .doc = "Extracts a device minor number from a raw device number."},
    {.name = "makedev", .signature = "($module, major, minor, /)", .fn = posix_makedev,
     .doc = "Composes a raw device number from the major and minor device numbers."},
    {.name = "listdir", .signature = "($module, /, path=None)", .fn = posix_listdir,
     .doc = "Return a list containing the names of the files in the directory."},
    {.name = "scandir", .signature = "($module, /, path=None)", .fn = posix_scandir,
     .doc = "Return an iterator of DirEntry objects for given path."},
};

}  // namespace

std::span<const MethodDef> fsFunctions() { return kFsFunctions; }

bool fsInit(Value module) {
  return setAttrStr(module, "stat_result", typeValue(g_stat_result_type)) &&
         setAttrStr(module, "DirEntry", typeValue(g_dir_entry_type)) &&
         setStructSeqCounts(g_stat_result_type, kStatVisible, kStatTotal, kStatUnnamed);
}

}  // namespace tern::posix
