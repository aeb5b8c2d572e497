// The _stat module: the file-mode constants and predicates of stat.py
// (which imports them all from here when it can), with the values of
// Linux's <sys/stat.h>.  As on CPython for Linux, the door, event-port and
// whiteout types do not exist: their S_IF* constants are 0 and their S_IS*
// predicates always false; the Windows FILE_ATTRIBUTE_* constants are not
// defined.
//
// Modes are read as CPython's _PyLong_AsMode_t reads them: an int (no
// __index__), not negative, fitting mode_t.
#include <sys/stat.h>

#include <cstdint>
#include <string>

#include "runtime/interp/errors.h"
#include "runtime/modules/module.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/int.h"
#include "runtime/objects/native.h"
#include "runtime/objects/numbers_internal.h"
#include "runtime/objects/str.h"

namespace tern {

namespace {

bool modeArg(Value v, uint32_t* out) {
  if (!isInt(v)) {
    raise(exc::TypeError, "an integer is required");
    return false;
  }
  numbers::IntRef ref(v);
  if (ref.neg) {
    raise(exc::OverflowError, "can't convert negative value to unsigned int");
    return false;
  }
  if (ref.mag.size() > 1) {
    raise(exc::OverflowError, "Python int too large to convert to C unsigned long");
    return false;
  }
  uint64_t mode = ref.mag.empty() ? 0 : ref.mag[0];
  if (mode > UINT32_MAX) {
    raise(exc::OverflowError, "mode out of range");
    return false;
  }
  *out = static_cast<uint32_t>(mode);
  return true;
}

template <uint32_t kType>
Value stat_S_IS(Value* args) {
  uint32_t mode;
  if (!modeArg(args[1], &mode)) return Value();
  return Bool(kType != 0 && (mode & S_IFMT) == kType);
}

Value stat_S_IMODE(Value* args) {
  uint32_t mode;
  if (!modeArg(args[1], &mode)) return Value();
  return newInt(mode & 07777);
}

Value stat_S_IFMT(Value* args) {
  uint32_t mode;
  if (!modeArg(args[1], &mode)) return Value();
  return newInt(mode & S_IFMT);
}

char fileTypeChar(uint32_t mode) {
  switch (mode & S_IFMT) {
    case S_IFREG:
      return '-';
    case S_IFDIR:
      return 'd';
    case S_IFLNK:
      return 'l';
    case S_IFBLK:
      return 'b';
    case S_IFCHR:
      return 'c';
    case S_IFIFO:
      return 'p';
    case S_IFSOCK:
      return 's';
    default:
      return '?';
  }
}

Value stat_filemode(Value* args) {
  uint32_t mode;
  if (!modeArg(args[1], &mode)) return Value();
  std::string text(1, fileTypeChar(mode));
  // Each class's execute position shows the set-id or sticky bit: lower case
  // when it is executable too.
  struct Class {
    uint32_t r, w, x, special;
    char special_char;
  } const classes[] = {{S_IRUSR, S_IWUSR, S_IXUSR, S_ISUID, 's'},
                       {S_IRGRP, S_IWGRP, S_IXGRP, S_ISGID, 's'},
                       {S_IROTH, S_IWOTH, S_IXOTH, S_ISVTX, 't'}};
  for (const Class& c : classes) {
    text.push_back(mode & c.r ? 'r' : '-');
    text.push_back(mode & c.w ? 'w' : '-');
    if (mode & c.special) {
      text.push_back(mode & c.x ? c.special_char : static_cast<char>(c.special_char - 'a' + 'A'));
    } else {
      text.push_back(mode & c.x ? 'x' : '-');
    }
  }
  return newStr(text);
}

const MethodDef kStatFunctions[] = {
    {.name = "S_ISDIR",
     .signature = "($module, mode, /)",
     .fn = stat_S_IS<S_IFDIR>,
     .doc = "S_ISDIR(mode) -> bool\n\nReturn True if mode is from a directory."},
    {.name = "S_ISCHR",
     .signature = "($module, mode, /)",
     .fn = stat_S_IS<S_IFCHR>,
     .doc = "S_ISCHR(mode) -> bool\n\nReturn True if mode is from a character special device file."},
    {.name = "S_ISBLK",
     .signature = "($module, mode, /)",
     .fn = stat_S_IS<S_IFBLK>,
     .doc = "S_ISBLK(mode) -> bool\n\nReturn True if mode is from a block special device file."},
    {.name = "S_ISREG",
     .signature = "($module, mode, /)",
     .fn = stat_S_IS<S_IFREG>,
     .doc = "S_ISREG(mode) -> bool\n\nReturn True if mode is from a regular file."},
    {.name = "S_ISFIFO",
     .signature = "($module, mode, /)",
     .fn = stat_S_IS<S_IFIFO>,
     .doc = "S_ISFIFO(mode) -> bool\n\nReturn True if mode is from a FIFO (named pipe)."},
    {.name = "S_ISLNK",
     .signature = "($module, mode, /)",
     .fn = stat_S_IS<S_IFLNK>,
     .doc = "S_ISLNK(mode) -> bool\n\nReturn True if mode is from a symbolic link."},
    {.name = "S_ISSOCK",
     .signature = "($module, mode, /)",
     .fn = stat_S_IS<S_IFSOCK>,
     .doc = "S_ISSOCK(mode) -> bool\n\nReturn True if mode is from a socket."},
    {.name = "S_ISDOOR",
     .signature = "($module, mode, /)",
     .fn = stat_S_IS<0>,
     .doc = "S_ISDOOR(mode) -> bool\n\nReturn True if mode is from a door."},
    {.name = "S_ISPORT",
     .signature = "($module, mode, /)",
     .fn = stat_S_IS<0>,
     .doc = "S_ISPORT(mode) -> bool\n\nReturn True if mode is from an event port."},
    {.name = "S_ISWHT",
     .signature = "($module, mode, /)",
     .fn = stat_S_IS<0>,
     .doc = "S_ISWHT(mode) -> bool\n\nReturn True if mode is from a whiteout."},
    {.name = "S_IMODE",
     .signature = "($module, mode, /)",
     .fn = stat_S_IMODE,
     .doc = "Return the portion of the file's mode that can be set by os.chmod()."},
    {.name = "S_IFMT",
     .signature = "($module, mode, /)",
     .fn = stat_S_IFMT,
     .doc = "Return the portion of the file's mode that describes the file type."},
    {.name = "filemode",
     .signature = "($module, mode, /)",
     .fn = stat_filemode,
     .doc = "Convert a file's mode to a string of the form '-rwxrwxrwx'"},
};

struct Constant {
  const char* name;
  int64_t value;
};

// clang-format off
const Constant kConstants[] = {
    {"S_IFDIR", S_IFDIR},   {"S_IFCHR", S_IFCHR},   {"S_IFBLK", S_IFBLK},   {"S_IFREG", S_IFREG},
    {"S_IFIFO", S_IFIFO},   {"S_IFLNK", S_IFLNK},   {"S_IFSOCK", S_IFSOCK}, {"S_IFDOOR", 0},
    {"S_IFPORT", 0},        {"S_IFWHT", 0},         {"S_ISUID", S_ISUID},   {"S_ISGID", S_ISGID},
    {"S_ISVTX", S_ISVTX},   {"S_ENFMT", S_ISGID},   {"S_IREAD", S_IRUSR},   {"S_IWRITE", S_IWUSR},
    {"S_IEXEC", S_IXUSR},   {"S_IRWXU", S_IRWXU},   {"S_IRUSR", S_IRUSR},   {"S_IWUSR", S_IWUSR},
    {"S_IXUSR", S_IXUSR},   {"S_IRWXG", S_IRWXG},   {"S_IRGRP", S_IRGRP},   {"S_IWGRP", S_IWGRP},
    {"S_IXGRP", S_IXGRP},   {"S_IRWXO", S_IRWXO},   {"S_IROTH", S_IROTH},   {"S_IWOTH", S_IWOTH},
    {"S_IXOTH", S_IXOTH},
    // BSD file flags (chflags), with their BSD values.
    {"UF_NODUMP", 0x1},     {"UF_IMMUTABLE", 0x2},  {"UF_APPEND", 0x4},     {"UF_OPAQUE", 0x8},
    {"UF_NOUNLINK", 0x10},  {"UF_COMPRESSED", 0x20}, {"UF_HIDDEN", 0x8000}, {"SF_ARCHIVED", 0x10000},
    {"SF_IMMUTABLE", 0x20000}, {"SF_APPEND", 0x40000}, {"SF_NOUNLINK", 0x100000}, {"SF_SNAPSHOT", 0x200000},
    // Indexes into os.stat()'s tuple.
    {"ST_MODE", 0},         {"ST_INO", 1},          {"ST_DEV", 2},          {"ST_NLINK", 3},
    {"ST_UID", 4},          {"ST_GID", 5},          {"ST_SIZE", 6},         {"ST_ATIME", 7},
    {"ST_MTIME", 8},        {"ST_CTIME", 9},
};
// clang-format on

bool statInit(Value module) {
  Value d = moduleDict(module);
  for (const Constant& c : kConstants) {
    if (dictSet(d, internStr(c.name), newInt(c.value)) < 0) return false;
  }
  return true;
}

const NativeModuleDef kStatModule = {
    .name = "_stat",
    .methods = kStatFunctions,
    .init = statInit,
    .doc =
        "S_IFMT_: file type bits\nS_IFDIR: directory\nS_IFCHR: character device\nS_IFBLK: block device\n"
        "S_IFREG: regular file\nS_IFIFO: fifo (named pipe)\nS_IFLNK: symbolic link\nS_IFSOCK: socket file\n"
        "S_IFDOOR: door\nS_IFPORT: event port\nS_IFWHT: whiteout\n\nS_ISUID: set UID bit\nS_ISGID: set GID "
        "bit\nS_ENFMT: file locking enforcement\nS_ISVTX: sticky bit\nS_IREAD: Unix V7 synonym for S_IRUSR\n"
        "S_IWRITE: Unix V7 synonym for S_IWUSR\nS_IEXEC: Unix V7 synonym for S_IXUSR\nS_IRWXU: mask for owner "
        "permissions\nS_IRUSR: read by owner\nS_IWUSR: write by owner\nS_IXUSR: execute by owner\nS_IRWXG: "
        "mask for group permissions\nS_IRGRP: read by group\nS_IWGRP: write by group\nS_IXGRP: execute by "
        "group\nS_IRWXO: mask for others (not in group) permissions\nS_IROTH: read by others\nS_IWOTH: write "
        "by others\nS_IXOTH: execute by others\n\nUF_NODUMP: do not dump file\nUF_IMMUTABLE: file may not be "
        "changed\nUF_APPEND: file may only be appended to\nUF_OPAQUE: directory is opaque when viewed through "
        "a union stack\nUF_NOUNLINK: file may not be renamed or deleted\nUF_COMPRESSED: OS X: file is "
        "hfs-compressed\nUF_HIDDEN: OS X: file should not be displayed\nSF_ARCHIVED: file may be archived\n"
        "SF_IMMUTABLE: file may not be changed\nSF_APPEND: file may only be appended to\nSF_NOUNLINK: file "
        "may not be renamed or deleted\nSF_SNAPSHOT: file is a snapshot file\n\nST_MODE\nST_INO\nST_DEV\n"
        "ST_NLINK\nST_UID\nST_GID\nST_SIZE\nST_ATIME\nST_MTIME\nST_CTIME\n\nFILE_ATTRIBUTE_*: Windows file "
        "attribute constants\n                   (only available on Windows)\n",
};
TERN_REGISTER_MODULE(kStatModule);

}  // namespace

}  // namespace tern
