// What the files of the posix module (posix.cc, posix_fs.cc) and its
// neighbours (time.cc, _thread.cc) share: path arguments, OSError from errno,
// file-system encoding, and struct sequences with named-only fields.
//
// Paths (CPython's path_t): a str is encoded with the file-system encoding
// (UTF-8, surrogateescape: U+DC80..U+DCFF become the bytes 0x80..0xFF);
// bytes are used as they are; an os.PathLike is replaced by its __fspath__()
// (which must give str or bytes); an int is a file descriptor where the
// function accepts one (`allow_fd`); None where the parameter is optional
// (`nullable`).  A path holding a NUL byte is ValueError.  Functions return
// str names for str paths and bytes names for bytes paths.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "runtime/objects/native.h"
#include "runtime/objects/object.h"

namespace tern::posix {

struct PathArg {
  explicit PathArg(const char* function_name, const char* arg = "path", bool may_be_none = false,
                   bool may_be_fd = false)
      : function(function_name), argname(arg), nullable(may_be_none), allow_fd(may_be_fd) {}

  const char* function;  // for messages: "stat"
  const char* argname;
  bool nullable;
  bool allow_fd;

  // Filled by convertPath.
  Value object;        // what OSError reports as filename: the str/bytes (after __fspath__) or the int
  std::string path;    // the encoded path (valid unless is_fd / is_none)
  int fd = -1;         // the descriptor when is_fd
  bool is_fd = false;
  bool is_none = false;
  bool is_bytes = false;  // names derived from the path are returned as bytes

  const char* c_str() const { return path.c_str(); }
};

// Converts `v` per `p`'s flags; false with TypeError/ValueError pending.
bool convertPath(Value v, PathArg* p);
// dir_fd: None (AT_FDCWD) or an int; false with TypeError pending.
bool convertDirFd(Value v, int* out);
// An int file descriptor (>= 0 not checked: the syscall reports EBADF).
bool convertFd(Value v, int* out);

// os.fspath(v): str and bytes as they are, else __fspath__(); null on error.
Value fspath(Value v);

// str -> bytes with the file-system encoding; false with UnicodeEncodeError.
bool fsEncode(Value str, std::string* out);
// bytes -> str with the file-system encoding (never fails but for memory).
Value fsDecode(std::string_view bytes);
// A name for a path given as `like`: str unless `as_bytes`.
inline Value nameValue(std::string_view name, bool as_bytes);

// OSError(errno, strerror[, filename[, None, filename2]]): the subclass is
// chosen from errno.  Returns null.
Value raiseErrno(int err, Value filename = Value(), Value filename2 = Value());
inline Value raiseErrnoPath(int err, const PathArg& p) { return raiseErrno(err, p.is_none ? Value() : p.object); }

// --- struct sequences with named-only fields --------------------------------
// CPython's struct sequences may carry fields that only attribute access sees
// (os.stat_result.st_atime_ns, time.struct_time.tm_zone): the tuple shows
// `visible` items, the object holds `total` (the trailing items are traced
// as all trailing references are).  Members name item i via structseqField.
Value newStructSeqHidden(Type* type, int64_t visible, int64_t total);
// tp_new of such types: a sequence of visible..total items (missing ones None).
Value structseqHiddenNew(Type* type, const Value* args, size_t nargs, Value kwnames);
// Sets n_sequence_fields / n_fields / n_unnamed_fields on the type (module init).
bool setStructSeqCounts(Type* type, int64_t visible, int64_t total, int64_t unnamed);

// posix_fs.cc's functions, added to the module by posix.cc's init.
std::span<const MethodDef> fsFunctions();
bool fsInit(Value module);
// posix_io.cc's functions (vectored and positioned I/O, eventfd, statvfs,
// xattrs, ...) and posix_ids.cc's (user, group and process-group ids,
// priorities, scheduling), added the same way.
std::span<const MethodDef> ioFunctions();
bool ioInit(Value module);
std::span<const MethodDef> idFunctions();
bool idInit(Value module);

// os.register_at_fork's callbacks, run by os.fork and by C code forking
// itself (cpyext's PyOS_BeforeFork / PyOS_AfterFork_Parent /
// PyOS_AfterFork_Child): an exception one raises is reported, not raised.
void runBeforeForkCallbacks();
void runAfterForkParentCallbacks();
void runAfterForkChildCallbacks();

// Sets module attribute `name`; false on error.
bool setAttrStr(Value module, const char* name, Value v);
inline bool setInt(Value module, const char* name, int64_t v);

}  // namespace tern::posix

// --- inline definitions -----------------------------------------------------
#include "runtime/objects/bytes.h"
#include "runtime/objects/int.h"

namespace tern::posix {
inline Value nameValue(std::string_view name, bool as_bytes) { return as_bytes ? newBytes(name) : fsDecode(name); }
inline bool setInt(Value module, const char* name, int64_t v) { return setAttrStr(module, name, newInt(v)); }
}  // namespace tern::posix
