// The posix module (what `import os` is built on), part 1: the shared
// helpers of posix_internal.h, the process and environment functions, the
// constants and the module itself.  Files, directories and stat live in
// posix_fs.cc.
//
// CPython 3.11's semantics and messages throughout; Linux only.  Nothing here
// keeps heap references outside the heap but the at-fork callbacks (a
// GlobalRoot).
#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/times.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <sched.h>
#include <sysexits.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "runtime/gc/roots.h"
#include "runtime/interp/errors.h"
#include "runtime/interp/gil.h"
#include "runtime/interp/runtime.h"
#include "runtime/modules/_signal.h"
#include "runtime/modules/module.h"
#include "runtime/modules/posix_internal.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/bytes.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/exceptions.h"
#include "runtime/objects/float.h"
#include "runtime/objects/int.h"
#include "runtime/objects/list.h"
#include "runtime/objects/str.h"
#include "runtime/objects/structseq.h"
#include "runtime/objects/tuple.h"
#include "runtime/objects/type.h"

extern char** environ;

namespace tern::posix {

// ===========================================================================
// File-system encoding: UTF-8 with surrogateescape

bool fsEncode(Value str, std::string* out) {
  std::u32string text = strToUcs4(str);
  out->clear();
  out->reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    char32_t c = text[i];
    if (c < 0x80) {
      out->push_back(static_cast<char>(c));
    } else if (c < 0x800) {
      out->push_back(static_cast<char>(0xc0 | (c >> 6)));
      out->push_back(static_cast<char>(0x80 | (c & 0x3f)));
    } else if (c >= 0xd800 && c <= 0xdfff) {
      if (c >= 0xdc80 && c <= 0xdcff) {
        out->push_back(static_cast<char>(c - 0xdc00));
        continue;
      }
      // The run of unencodable characters, as CPython reports it.
      size_t end = i + 1;
      while (end < text.size() && text[end] >= 0xd800 && text[end] <= 0xdfff &&
             !(text[end] >= 0xdc80 && text[end] <= 0xdcff)) {
        ++end;
      }
      Value error = newException(exc::UnicodeEncodeError,
                                 newTupleOf({newStr("utf-8"), str, newInt(static_cast<int64_t>(i)),
                                             newInt(static_cast<int64_t>(end)), newStr("surrogates not allowed")}));
      if (!error.isNull()) raiseException(error);
      return false;
    } else if (c < 0x10000) {
      out->push_back(static_cast<char>(0xe0 | (c >> 12)));
      out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3f)));
      out->push_back(static_cast<char>(0x80 | (c & 0x3f)));
    } else {
      out->push_back(static_cast<char>(0xf0 | (c >> 18)));
      out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3f)));
      out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3f)));
      out->push_back(static_cast<char>(0x80 | (c & 0x3f)));
    }
  }
  return true;
}

namespace {

// The length of the well-formed UTF-8 sequence at s[i] (no surrogates, no
// overlong forms, at most U+10FFFF), or 0 if there is none; its code point.
size_t utf8Sequence(std::string_view s, size_t i, char32_t* cp) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = byte(i);
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  size_t len;
  char32_t value, min;
  if (c >= 0xc2 && c <= 0xdf) {
    len = 2, value = c & 0x1f, min = 0x80;
  } else if (c >= 0xe0 && c <= 0xef) {
    len = 3, value = c & 0x0f, min = 0x800;
  } else if (c >= 0xf0 && c <= 0xf4) {
    len = 4, value = c & 0x07, min = 0x10000;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  for (size_t k = 1; k < len; ++k) {
    if ((byte(i + k) & 0xc0) != 0x80) return 0;
    value = (value << 6) | (byte(i + k) & 0x3f);
  }
  if (value < min || value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff)) return 0;
  *cp = value;
  return len;
}

}  // namespace

Value fsDecode(std::string_view bytes) {
  bool ascii = true;
  for (char c : bytes) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) return newStr(bytes);
  std::u32string text;
  text.reserve(bytes.size());
  for (size_t i = 0; i < bytes.size();) {
    char32_t cp;
    size_t len = utf8Sequence(bytes, i, &cp);
    if (len == 0) {
      text.push_back(0xdc00 + static_cast<unsigned char>(bytes[i]));
      ++i;
    } else {
      text.push_back(cp);
      i += len;
    }
  }
  return newStrFromUcs4(text);
}

// ===========================================================================
// Arguments

Value fspath(Value v) {
  if (isStr(v) || isBytes(v)) return v;
  Value method = lookupSpecial(typeOf(v), internStr("__fspath__"));
  if (method.isNull()) {
    if (errorPending()) return Value();
    return raisef(exc::TypeError, "expected str, bytes or os.PathLike object, not %s", typeNameOf(v).c_str());
  }
  if (isNone(method)) {
    return raisef(exc::TypeError, "expected str, bytes or os.PathLike object, not %s", typeNameOf(v).c_str());
  }
  Value result = callMethod(v, internStr("__fspath__"), nullptr, 0);
  if (result.isNull()) return Value();
  if (!isStr(result) && !isBytes(result)) {
    return raisef(exc::TypeError, "expected %s.__fspath__() to return str or bytes, not %s", typeNameOf(v).c_str(),
                  typeNameOf(result).c_str());
  }
  return result;
}

namespace {

Value raisePathTypeError(const PathArg* p, Value v) {
  const char* kinds = p->allow_fd ? (p->nullable ? "string, bytes, os.PathLike, integer or None"
                                                 : "string, bytes, os.PathLike or integer")
                                  : (p->nullable ? "string, bytes, os.PathLike or None" : "string, bytes or os.PathLike");
  return raisef(exc::TypeError, "%s: %s should be %s, not %s", p->function, p->argname, kinds,
                typeNameOf(v).c_str());
}

}  // namespace

bool convertPath(Value v, PathArg* p) {
  p->is_fd = p->is_none = p->is_bytes = false;
  p->object = v;
  if (isNone(v)) {
    if (!p->nullable) return !raisePathTypeError(p, v).isNull();
    p->is_none = true;
    return true;
  }
  if (isInt(v) && !isStr(v)) {
    if (!p->allow_fd) return !raisePathTypeError(p, v).isNull();
    int64_t fd;
    if (!indexToInt64(v, &fd, exc::OverflowError)) return false;
    if (fd < INT32_MIN || fd > INT32_MAX) {
      raise(exc::OverflowError, fd > 0 ? "fd is greater than maximum" : "fd is less than minimum");
      return false;
    }
    p->fd = static_cast<int>(fd);
    p->is_fd = true;
    return true;
  }
  Value path = v;
  if (!isStr(v) && !isBytes(v)) {
    Value method = lookupSpecial(typeOf(v), internStr("__fspath__"));
    if (method.isNull() || isNone(method)) {
      if (errorPending()) return false;
      // Other bytes-like objects: CPython accepts them with a DeprecationWarning.
      std::string data;
      if (!isStr(v) && bytesLikeCopy(v, &data)) {
        p->path = std::move(data);
        p->is_bytes = true;
      } else {
        clearError();
        return !raisePathTypeError(p, v).isNull();
      }
    } else {
      path = callMethod(v, internStr("__fspath__"), nullptr, 0);
      if (path.isNull()) return false;
      if (!isStr(path) && !isBytes(path)) {
        raisef(exc::TypeError, "expected %s.__fspath__() to return str or bytes, not %s", typeNameOf(v).c_str(),
               typeNameOf(path).c_str());
        return false;
      }
      p->object = path;
    }
  }
  if (isStr(path)) {
    if (!fsEncode(path, &p->path)) return false;
  } else if (isBytes(path)) {
    p->path.assign(reinterpret_cast<const char*>(asBytes(path)->data()), static_cast<size_t>(bytesLength(path)));
    p->is_bytes = true;
  }
  if (p->path.find('\0') != std::string::npos) {
    raise(exc::ValueError, "embedded null byte");
    return false;
  }
  return true;
}

bool convertDirFd(Value v, int* out) {
  if (v.isNull() || isNone(v)) {
    *out = AT_FDCWD;
    return true;
  }
  if (!isInt(v)) {
    raisef(exc::TypeError, "argument should be integer or None, not %s", typeNameOf(v).c_str());
    return false;
  }
  return convertFd(v, out);
}

bool convertFd(Value v, int* out) {
  if (isFloat(v)) {
    raise(exc::TypeError, "'float' object cannot be interpreted as an integer");
    return false;
  }
  int64_t fd;
  if (!indexToInt64(v, &fd, exc::OverflowError)) return false;
  if (fd > INT32_MAX) {
    raise(exc::OverflowError, "signed integer is greater than maximum");
    return false;
  }
  if (fd < INT32_MIN) {
    raise(exc::OverflowError, "signed integer is less than minimum");
    return false;
  }
  *out = static_cast<int>(fd);
  return true;
}

Value raiseErrno(int err, Value filename, Value filename2) {
  Value message = newStr(std::strerror(err));
  Value args;
  if (filename.isNull()) {
    args = newTupleOf({newInt(err), message});
  } else if (filename2.isNull()) {
    args = newTupleOf({newInt(err), message, filename});
  } else {
    args = newTupleOf({newInt(err), message, filename, None(), filename2});
  }
  return raiseWithArgs(exc::OSError, args);
}

bool setAttrStr(Value module, const char* name, Value v) {
  return !v.isNull() && dictSet(moduleDict(module), internStr(name), v) == 0;
}

// ===========================================================================
// Struct sequences with named-only fields

Value newStructSeqHidden(Type* type, int64_t visible, int64_t total) {
  Obj* o = newObject(type, type->basic_size + static_cast<size_t>(total) * sizeof(gc::HeapValue));
  TupleObj* t = static_cast<TupleObj*>(o);
  t->length = visible;
  t->hash = -1;
  return Value(o);
}

namespace {

int64_t typeCount(Type* type, const char* name) {
  Value v = typeLookup(type, internStr(name));
  int64_t n = 0;
  if (v.isNull() || !intToInt64(v, &n)) return -1;
  return n;
}

}  // namespace

Value structseqHiddenNew(Type* type, const Value* args, size_t nargs, Value kwnames) {
  std::string name = typeName(type);
  Value sequence, dict;
  size_t nkw = kwnames.isNull() ? 0 : static_cast<size_t>(tupleLength(kwnames));
  for (size_t i = 0; i < nkw; ++i) {
    Value key = tupleItem(kwnames, static_cast<int64_t>(i));
    if (strEqualsAscii(key, "sequence")) {
      sequence = args[nargs + i];
    } else if (strEqualsAscii(key, "dict")) {
      dict = args[nargs + i];
    } else {
      return raisef(exc::TypeError, "%s() got an unexpected keyword argument '%s'", typeName(type).c_str(),
                    strToUtf8(key).c_str());
    }
  }
  if (nargs > 2 || nargs + nkw > 2) {
    return raisef(exc::TypeError, "%s() takes at most 2 arguments (%zu given)", typeName(type).c_str(), nargs + nkw);
  }
  if (nargs >= 1) sequence = args[0];
  if (nargs >= 2) dict = args[1];
  if (sequence.isNull()) {
    return raisef(exc::TypeError, "%s() missing required argument 'sequence' (pos 1)", typeName(type).c_str());
  }
  if (!dict.isNull() && !isNone(dict) && !isDict(dict)) {
    return raisef(exc::TypeError, "%s() takes a dict as second arg, if any", name.c_str());
  }
  int64_t visible = typeCount(type, "n_sequence_fields"), total = typeCount(type, "n_fields");
  int64_t unnamed = typeCount(type, "n_unnamed_fields");
  if (visible < 0 || total < 0 || unnamed < 0) return raiseSystemError("structseq", "broken type");
  Value items = tupleFromIterable(sequence);
  if (items.isNull()) return Value();
  int64_t n = tupleLength(items);
  if (n < visible) {
    if (visible == total) {
      return raisef(exc::TypeError, "%s() takes a %lld-sequence (%lld-sequence given)", name.c_str(),
                    static_cast<long long>(visible), static_cast<long long>(n));
    }
    return raisef(exc::TypeError, "%s() takes an at least %lld-sequence (%lld-sequence given)", name.c_str(),
                  static_cast<long long>(visible), static_cast<long long>(n));
  }
  if (n > total) {
    if (visible == total) {
      return raisef(exc::TypeError, "%s() takes a %lld-sequence (%lld-sequence given)", name.c_str(),
                    static_cast<long long>(visible), static_cast<long long>(n));
    }
    return raisef(exc::TypeError, "%s() takes an at most %lld-sequence (%lld-sequence given)", name.c_str(),
                  static_cast<long long>(total), static_cast<long long>(n));
  }
  Value self = newStructSeqHidden(type, visible, total);
  for (int64_t i = 0; i < n; ++i) tupleInit(self, i, tupleItem(items, i));
  // Named-only fields not given come from `dict` by name, else None.
  std::span<const MemberDef> members = type->spec != nullptr ? type->spec->members : std::span<const MemberDef>();
  for (int64_t i = n; i < total; ++i) {
    Value v = None();
    int64_t member_index = i - unnamed;  // the members list has no entries for unnamed fields
    if (!dict.isNull() && !isNone(dict) && member_index >= 0 && static_cast<size_t>(member_index) < members.size()) {
      Value found = dictGetStr(dict, internStr(members[static_cast<size_t>(member_index)].name));
      if (!found.isNull()) v = found;
    }
    tupleInit(self, i, v);
  }
  return self;
}

bool setStructSeqCounts(Type* type, int64_t visible, int64_t total, int64_t unnamed) {
  Value d = type->dict.get();
  if (dictSet(d, internStr("n_sequence_fields"), newInt(visible)) < 0 ||
      dictSet(d, internStr("n_fields"), newInt(total)) < 0 ||
      dictSet(d, internStr("n_unnamed_fields"), newInt(unnamed)) < 0) {
    return false;
  }
  typeModified(type);
  return true;
}

namespace {

// ===========================================================================
// Struct sequence types of this file

Type* g_uname_result_type = nullptr;
Type* g_times_result_type = nullptr;
Type* g_terminal_size_type = nullptr;


const MemberDef kUnameFields[] = {structseqField("sysname", 0), structseqField("nodename", 1),
                                  structseqField("release", 2), structseqField("version", 3),
                                  structseqField("machine", 4)};
TERN_STRUCTSEQ_TYPE(kUnameResultSpec, "posix", "uname_result", kUnameFields, g_uname_result_type);

const MemberDef kTimesFields[] = {structseqField("user", 0), structseqField("system", 1),
                                  structseqField("children_user", 2), structseqField("children_system", 3),
                                  structseqField("elapsed", 4)};
TERN_STRUCTSEQ_TYPE(kTimesResultSpec, "posix", "times_result", kTimesFields, g_times_result_type);

const MemberDef kTerminalSizeFields[] = {structseqField("columns", 0), structseqField("lines", 1)};
// terminal_size lives in `os` in CPython's repr: os.terminal_size(columns=80, lines=24).
const TypeSpec kTerminalSizeSpec = {.name = "terminal_size",
                                    .module = "os",
                                    .type = &g_terminal_size_type,
                                    .base = &types::tuple_type,
                                    .slots = {.tp_repr = structseq_repr, .tp_new = structseq_new},
                                    .methods = kStructSeqMethods,
                                    .members = kTerminalSizeFields};
TERN_REGISTER_TYPE(kTerminalSizeSpec);


Value structSeqOf(Type* type, std::initializer_list<Value> items) {
  Value s = newStructSeq(type);
  int64_t i = 0;
  for (Value v : items) {
    if (v.isNull()) return Value();
    tupleInit(s, i++, v);
  }
  return s;
}

// ===========================================================================
// Process and user information

bool argInt(Value v, int* out) { return convertFd(v, out); }

Value posix_getpid(Value*) { return newInt(::getpid()); }
Value posix_getppid(Value*) { return newInt(::getppid()); }
Value posix_getuid(Value*) { return newInt(::getuid()); }
Value posix_geteuid(Value*) { return newInt(::geteuid()); }
Value posix_getgid(Value*) { return newInt(::getgid()); }
Value posix_getegid(Value*) { return newInt(::getegid()); }
Value posix_getpgrp(Value*) { return newInt(::getpgrp()); }

Value posix_getpgid(Value* args) {
  int pid;
  if (!argInt(args[1], &pid)) return Value();
  pid_t r = ::getpgid(pid);
  if (r < 0) return raiseErrno(errno);
  return newInt(r);
}

Value posix_getsid(Value* args) {
  int pid;
  if (!argInt(args[1], &pid)) return Value();
  pid_t r = ::getsid(pid);
  if (r < 0) return raiseErrno(errno);
  return newInt(r);
}

Value posix_setsid(Value*) {
  if (::setsid() < 0) return raiseErrno(errno);
  return None();
}

Value posix_getgroups(Value*) {
  int n = ::getgroups(0, nullptr);
  if (n < 0) return raiseErrno(errno);
  std::vector<gid_t> groups(static_cast<size_t>(n) + 1);
  n = ::getgroups(static_cast<int>(groups.size()), groups.data());
  if (n < 0) return raiseErrno(errno);
  Value list = newList();
  for (int i = 0; i < n; ++i) listAppend(list, newInt(groups[static_cast<size_t>(i)]));
  return list;
}

Value posix_getlogin(Value*) {
  errno = 0;
  const char* name = ::getlogin();
  if (name == nullptr) {
    if (errno != 0) return raiseErrno(errno);
    return raise(exc::OSError, "unable to determine login name");
  }
  return fsDecode(name);
}

Value posix_getloadavg(Value*) {
  double load[3];
  if (::getloadavg(load, 3) != 3) return raise(exc::OSError, "Load averages are unobtainable");
  return newTupleOf({newFloat(load[0]), newFloat(load[1]), newFloat(load[2])});
}

Value posix_kill(Value* args) {
  int pid, sig;
  if (!argInt(args[1], &pid) || !argInt(args[2], &sig)) return Value();
  if (::kill(pid, sig) < 0) return raiseErrno(errno);
  // A signal sent to this process: its Python handler runs now, as CPython's
  // eval breaker runs it right after the call (_signal.h).
  if (!runSignalHandlers()) return Value();
  return None();
}

Value posix_killpg(Value* args) {
  int pgid, sig;
  if (!argInt(args[1], &pgid) || !argInt(args[2], &sig)) return Value();
  if (::killpg(pgid, sig) < 0) return raiseErrno(errno);
  return None();
}

Value posix_umask(Value* args) {
  int mask;
  if (!argInt(args[1], &mask)) return Value();
  return newInt(::umask(static_cast<mode_t>(mask)));
}

Value posix_uname(Value*) {
  struct utsname u;
  if (::uname(&u) < 0) return raiseErrno(errno);
  return structSeqOf(g_uname_result_type, {fsDecode(u.sysname), fsDecode(u.nodename), fsDecode(u.release),
                                           fsDecode(u.version), fsDecode(u.machine)});
}

Value posix_times(Value*) {
  struct tms t;
  clock_t c = ::times(&t);
  if (c == static_cast<clock_t>(-1)) return raiseErrno(errno);
  double ticks = static_cast<double>(::sysconf(_SC_CLK_TCK));
  return structSeqOf(g_times_result_type,
                     {newFloat(static_cast<double>(t.tms_utime) / ticks), newFloat(static_cast<double>(t.tms_stime) / ticks),
                      newFloat(static_cast<double>(t.tms_cutime) / ticks),
                      newFloat(static_cast<double>(t.tms_cstime) / ticks), newFloat(static_cast<double>(c) / ticks)});
}

Value posix_cpu_count(Value*) {
  long n = ::sysconf(_SC_NPROCESSORS_ONLN);
  if (n < 1) return None();
  return newInt(n);
}

Value posix_urandom(Value* args) {
  int64_t size;
  if (!indexToInt64(args[1], &size, exc::OverflowError)) return Value();
  if (size < 0) return raise(exc::ValueError, "negative argument not allowed");
  std::string buffer(static_cast<size_t>(size), '\0');
  size_t done = 0;
  while (done < buffer.size()) {
    ssize_t n = ::getrandom(buffer.data() + done, buffer.size() - done, 0);
    if (n < 0) {
      if (errno == EINTR) continue;
      return raiseErrno(errno);
    }
    done += static_cast<size_t>(n);
  }
  return newBytes(buffer);
}

Value posix_strerror(Value* args) {
  int code;
  if (!argInt(args[1], &code)) return Value();
  return fsDecode(std::strerror(code));
}

Value posix_device_encoding(Value* args) {
  int fd;
  if (!argInt(args[1], &fd)) return Value();
  if (::isatty(fd) != 1) return None();
  return newStr("UTF-8");
}

Value posix_get_terminal_size(Value* args) {
  int fd = 1;
  if (!args[1].isNull() && !argInt(args[1], &fd)) return Value();
  struct winsize w;
  if (::ioctl(fd, TIOCGWINSZ, &w) < 0) return raiseErrno(errno);
  return structSeqOf(g_terminal_size_type, {newInt(w.ws_col), newInt(w.ws_row)});
}

Value posix_isatty(Value* args) {
  int fd;
  if (!argInt(args[1], &fd)) return Value();
  return Bool(::isatty(fd) == 1);
}

Value posix_fspath(Value* args) { return fspath(args[1]); }

// ===========================================================================
// Environment

// PyUnicode_FSConverter: str, bytes or os.PathLike, no NUL bytes.
bool envArg(Value v, const char* function, const char* argname, std::string* out) {
  Value path = fspath(v);
  if (path.isNull()) return false;
  PathArg p(function, argname);
  if (!convertPath(path, &p)) return false;
  *out = std::move(p.path);
  return true;
}

Value posix_putenv(Value* args) {
  std::string name, value;
  if (!envArg(args[1], "putenv", "name", &name) || !envArg(args[2], "putenv", "value", &value)) return Value();
  if (name.find('=') != std::string::npos) return raise(exc::ValueError, "illegal environment variable name");
  if (::setenv(name.c_str(), value.c_str(), 1) < 0) return raiseErrno(errno);
  return None();
}

Value posix_unsetenv(Value* args) {
  std::string name;
  if (!envArg(args[1], "unsetenv", "name", &name)) return Value();
  if (::unsetenv(name.c_str()) < 0) return raiseErrno(errno);
  return None();
}

// posix.environ: a dict of bytes to bytes, a snapshot taken at import.
Value environDict() {
  Value d = newDict();
  for (char** e = ::environ; e != nullptr && *e != nullptr; ++e) {
    const char* eq = std::strchr(*e, '=');
    if (eq == nullptr || eq == *e) continue;
    Value key = newBytes(std::string_view(*e, static_cast<size_t>(eq - *e)));
    if (dictContains(d, key) == 1) continue;  // the first definition wins, as CPython's
    if (dictSet(d, key, newBytes(std::string_view(eq + 1))) < 0) return Value();
  }
  return d;
}

// ===========================================================================
// Wait statuses

bool statusArg(Value v, int* out) { return argInt(v, out); }

#define TERN_WAIT_PREDICATE(name, expr)       \
  Value posix_##name(Value* args) {           \
    int status;                               \
    if (!statusArg(args[1], &status)) return Value(); \
    return Bool(expr);                        \
  }
#define TERN_WAIT_VALUE(name, expr)           \
  Value posix_##name(Value* args) {           \
    int status;                               \
    if (!statusArg(args[1], &status)) return Value(); \
    return newInt(expr);                      \
  }
TERN_WAIT_PREDICATE(WIFEXITED, WIFEXITED(status))
TERN_WAIT_PREDICATE(WIFSIGNALED, WIFSIGNALED(status))
TERN_WAIT_PREDICATE(WIFSTOPPED, WIFSTOPPED(status))
TERN_WAIT_PREDICATE(WIFCONTINUED, WIFCONTINUED(status))
TERN_WAIT_PREDICATE(WCOREDUMP, WCOREDUMP(status))
TERN_WAIT_VALUE(WEXITSTATUS, WEXITSTATUS(status))
TERN_WAIT_VALUE(WTERMSIG, WTERMSIG(status))
TERN_WAIT_VALUE(WSTOPSIG, WSTOPSIG(status))
#undef TERN_WAIT_PREDICATE
#undef TERN_WAIT_VALUE

Value posix_waitstatus_to_exitcode(Value* args) {
  int status;
  if (!statusArg(args[1], &status)) return Value();
  if (WIFEXITED(status)) return newInt(WEXITSTATUS(status));
  if (WIFSIGNALED(status)) return newInt(-WTERMSIG(status));
  if (WIFSTOPPED(status)) return raisef(exc::ValueError, "process stopped by delivery of signal %d", WSTOPSIG(status));
  return raisef(exc::ValueError, "invalid wait status: %d", status);
}

Value posix_waitpid(Value* args) {
  int pid, options;
  if (!argInt(args[1], &pid) || !argInt(args[2], &options)) return Value();
  int status = 0;
  pid_t r;
  do {
    interp::AllowThreads allow;  // gil.h
    r = ::waitpid(pid, &status, options);
  } while (r < 0 && errno == EINTR);
  if (r < 0) return raiseErrno(errno);
  return newTupleOf({newInt(r), newInt(status)});
}

Value posix_wait(Value*) {
  int status = 0;
  pid_t r;
  do {
    r = ::wait(&status);
  } while (r < 0 && errno == EINTR);
  if (r < 0) return raiseErrno(errno);
  return newTupleOf({newInt(r), newInt(status)});
}

// ===========================================================================
// fork and exec

gc::GlobalRoot g_before_fork, g_after_fork_child, g_after_fork_parent;  // lists of callables, or null

bool appendCallback(gc::GlobalRoot& root, Value callback) {
  if (root.get().isNull()) root.set(newList());
  return listAppend(root.get(), callback);
}

Value posix_register_at_fork(Value* args) {
  Value before = args[1], child = args[2], parent = args[3];
  if (before.isNull() && child.isNull() && parent.isNull()) {
    return raise(exc::TypeError, "At least one argument is required.");
  }
  struct {
    Value v;
    const char* name;
  } checks[] = {{before, "before"}, {child, "after_in_child"}, {parent, "after_in_parent"}};
  for (auto& c : checks) {
    if (!c.v.isNull() && !isCallable(c.v)) {
      return raisef(exc::TypeError, "'%s' must be callable, not %s", c.name, typeNameOf(c.v).c_str());
    }
  }
  if ((!before.isNull() && !appendCallback(g_before_fork, before)) ||
      (!child.isNull() && !appendCallback(g_after_fork_child, child)) ||
      (!parent.isNull() && !appendCallback(g_after_fork_parent, parent))) {
    return Value();
  }
  return None();
}

// Runs the callbacks of `root` (in reverse registration order for `before`,
// as CPython); an exception is reported and swallowed, as CPython does.
void runForkCallbacks(gc::GlobalRoot& root, bool reverse) {
  Value list = root.get();
  if (list.isNull()) return;
  int64_t n = listLength(list);
  for (int64_t k = 0; k < n; ++k) {
    int64_t i = reverse ? n - 1 - k : k;
    if (i >= listLength(list)) continue;
    if (call0(listItem(list, i)).isNull()) {
      Value e = takeError();
      if (!e.isNull()) printException(e);
    }
  }
}

Value posix_fork(Value*) {
  runBeforeForkCallbacks();
  pid_t pid = ::fork();
  if (pid < 0) {
    int err = errno;
    runAfterForkParentCallbacks();
    return raiseErrno(err);
  }
  if (pid == 0) {
    runAfterForkChildCallbacks();
  } else {
    runAfterForkParentCallbacks();
  }
  return newInt(pid);
}

// argv of execv/execve: a tuple or list of paths.
bool execArgs(Value argv, const char* function, std::vector<std::string>* out) {
  if (!isTuple(argv) && !isList(argv)) {
    raisef(exc::TypeError, "%s() arg 2 must be a tuple or list", function);
    return false;
  }
  int64_t n = isTuple(argv) ? tupleLength(argv) : listLength(argv);
  if (n < 1) {
    raisef(exc::ValueError, "%s() arg 2 must not be empty", function);
    return false;
  }
  for (int64_t i = 0; i < n; ++i) {
    Value item = isTuple(argv) ? tupleItem(argv, i) : listItem(argv, i);
    PathArg p(function, "args");
    if (!convertPath(item, &p)) return false;
    if (i == 0 && p.path.empty()) {
      raisef(exc::ValueError, "%s() arg 2 first element cannot be empty", function);
      return false;
    }
    out->push_back(std::move(p.path));
  }
  return true;
}

std::vector<char*> cStrings(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (std::string& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

Value posix_execv(Value* args) {
  PathArg path("execv");
  if (!convertPath(args[1], &path)) return Value();
  std::vector<std::string> argv;
  if (!execArgs(args[2], "execv", &argv)) return Value();
  std::vector<char*> c_argv = cStrings(argv);
  ::execv(path.c_str(), c_argv.data());
  return raiseErrno(errno);
}

Value posix_execve(Value* args) {
  PathArg path("execve", "path", false, true);
  if (!convertPath(args[1], &path)) return Value();
  std::vector<std::string> argv;
  if (!execArgs(args[2], "execve", &argv)) return Value();
  Value env = args[3];
  Value keys = callMethod(env, internStr("keys"), nullptr, 0);
  if (keys.isNull()) {
    clearError();
    return raise(exc::TypeError, "execve: environment must be a mapping object");
  }
  Value key_list = listFromIterable(keys);
  if (key_list.isNull()) return Value();
  std::vector<std::string> envp;
  for (int64_t i = 0; i < listLength(key_list); ++i) {
    Value key = listItem(key_list, i);
    Value value = getItem(env, key);
    if (value.isNull()) return Value();
    std::string k, v;
    if (!envArg(key, "execve", "environment", &k) || !envArg(value, "execve", "environment", &v)) return Value();
    if (k.empty() || k.find('=', 1) != std::string::npos) {
      return raise(exc::ValueError, "illegal environment variable name");
    }
    envp.push_back(k + "=" + v);
  }
  std::vector<char*> c_argv = cStrings(argv), c_envp = cStrings(envp);
  if (path.is_fd) {
    ::fexecve(path.fd, c_argv.data(), c_envp.data());
  } else {
    ::execve(path.c_str(), c_argv.data(), c_envp.data());
  }
  return raiseErrno(errno, path.object);
}

Value posix__exit(Value* args) {
  int status;
  if (!argInt(args[1], &status)) return Value();
  ::_exit(status);
}

Value posix_abort(Value*) { std::abort(); }

Value posix_system(Value* args) {
  PathArg command("system", "command");
  if (!isStr(args[1]) && !isBytes(args[1])) {
    return raisef(exc::TypeError, "system() argument 'command' must be str or bytes, not %s",
                  typeNameOf(args[1]).c_str());
  }
  if (!convertPath(args[1], &command)) return Value();
  int status = ::system(command.c_str());
  return newInt(status);
}

// ===========================================================================
// Descriptor flags

Value posix_get_inheritable(Value* args) {
  int fd;
  if (!argInt(args[1], &fd)) return Value();
  int flags = ::fcntl(fd, F_GETFD);
  if (flags < 0) return raiseErrno(errno);
  return Bool((flags & FD_CLOEXEC) == 0);
}

Value posix_set_inheritable(Value* args) {
  int fd;
  if (!argInt(args[1], &fd)) return Value();
  int inheritable = isTrue(args[2]);
  if (inheritable < 0) return Value();
  int flags = ::fcntl(fd, F_GETFD);
  if (flags < 0) return raiseErrno(errno);
  int wanted = inheritable ? (flags & ~FD_CLOEXEC) : (flags | FD_CLOEXEC);
  if (wanted != flags && ::fcntl(fd, F_SETFD, wanted) < 0) return raiseErrno(errno);
  return None();
}

Value posix_get_blocking(Value* args) {
  int fd;
  if (!argInt(args[1], &fd)) return Value();
  int flags = ::fcntl(fd, F_GETFL);
  if (flags < 0) return raiseErrno(errno);
  return Bool((flags & O_NONBLOCK) == 0);
}

Value posix_set_blocking(Value* args) {
  int fd;
  if (!argInt(args[1], &fd)) return Value();
  int blocking = isTrue(args[2]);
  if (blocking < 0) return Value();
  int flags = ::fcntl(fd, F_GETFL);
  if (flags < 0) return raiseErrno(errno);
  int wanted = blocking ? (flags & ~O_NONBLOCK) : (flags | O_NONBLOCK);
  if (wanted != flags && ::fcntl(fd, F_SETFL, wanted) < 0) return raiseErrno(errno);
  return None();
}

// ===========================================================================
// sysconf and friends (the names os.py and multiprocessing use)

struct ConfName {
  const char* name;
  int value;
};
const ConfName kSysconfNames[] = {
    {"SC_ARG_MAX", _SC_ARG_MAX},         {"SC_CHILD_MAX", _SC_CHILD_MAX},
    {"SC_CLK_TCK", _SC_CLK_TCK},         {"SC_NGROUPS_MAX", _SC_NGROUPS_MAX},
    {"SC_OPEN_MAX", _SC_OPEN_MAX},       {"SC_PAGESIZE", _SC_PAGESIZE},
    {"SC_PAGE_SIZE", _SC_PAGE_SIZE},     {"SC_NPROCESSORS_CONF", _SC_NPROCESSORS_CONF},
    {"SC_NPROCESSORS_ONLN", _SC_NPROCESSORS_ONLN}, {"SC_PHYS_PAGES", _SC_PHYS_PAGES},
    {"SC_SEM_NSEMS_MAX", _SC_SEM_NSEMS_MAX},       {"SC_LINE_MAX", _SC_LINE_MAX},
    {"SC_HOST_NAME_MAX", _SC_HOST_NAME_MAX},       {"SC_LOGIN_NAME_MAX", _SC_LOGIN_NAME_MAX},
    {"SC_IOV_MAX", _SC_IOV_MAX},         {"SC_MINSIGSTKSZ", _SC_MINSIGSTKSZ},
};

Value posix_sysconf(Value* args) {
  Value name = args[1];
  int code = -1;
  if (isStr(name)) {
    for (const ConfName& c : kSysconfNames) {
      if (strEqualsAscii(name, c.name)) code = c.value;
    }
    if (code < 0) return raise(exc::ValueError, "unrecognized configuration name");
  } else if (isInt(name)) {
    if (!argInt(name, &code)) return Value();
  } else {
    return raisef(exc::TypeError, "configuration names must be strings or integers");
  }
  errno = 0;
  long r = ::sysconf(code);
  if (r == -1 && errno != 0) return raiseErrno(errno);
  return newInt(r);
}

// ===========================================================================
// Tables

const MethodDef kPosixFunctions[] = {
    {.name = "getpid", .signature = "($module, /)", .fn = posix_getpid, .doc = "Return the current process id."},
    {.name = "getppid", .signature = "($module, /)", .fn = posix_getppid, .doc = "Return the parent's process id."},
    {.name = "getuid", .signature = "($module, /)", .fn = posix_getuid, .doc = "Return the current process's user id."},
    {.name = "geteuid", .signature = "($module, /)", .fn = posix_geteuid,
     .doc = "Return the current process's effective user id."},
    {.name = "getgid", .signature = "($module, /)", .fn = posix_getgid, .doc = "Return the current process's group id."},
    {.name = "getegid", .signature = "($module, /)", .fn = posix_getegid,
     .doc = "Return the current process's effective group id."},
    {.name = "getpgrp", .signature = "($module, /)", .fn = posix_getpgrp,
     .doc = "Return the current process group id."},
    {.name = "getpgid", .signature = "($module, pid)", .fn = posix_getpgid,
     .doc = "Call the system call getpgid(), and return the result."},
    {.name = "getsid", .signature = "($module, pid, /)", .fn = posix_getsid,
     .doc = "Call the system call getsid(pid) and return the result."},
    {.name = "setsid", .signature = "($module, /)", .fn = posix_setsid,
     .doc = "Call the system call setsid()."},
    {.name = "getgroups", .signature = "($module, /)", .fn = posix_getgroups,
     .doc = "Return list of supplemental group IDs for the process."},
    {.name = "getlogin", .signature = "($module, /)", .fn = posix_getlogin,
     .doc = "Return the actual login name."},
    {.name = "getloadavg", .signature = "($module, /)", .fn = posix_getloadavg,
     .doc = "Return average recent system load information."},
    {.name = "kill", .signature = "($module, pid, signal, /)", .fn = posix_kill, .flags = method_flags::kLegacyArity,
     .doc = "Kill a process with a signal."},
    {.name = "killpg", .signature = "($module, pgid, signal, /)", .fn = posix_killpg, .flags = method_flags::kLegacyArity,
     .doc = "Kill a process group with a signal."},
    {.name = "umask", .signature = "($module, mask, /)", .fn = posix_umask,
     .doc = "Set the current numeric umask and return the previous umask."},
    {.name = "uname", .signature = "($module, /)", .fn = posix_uname,
     .doc = "Return an object identifying the current operating system."},
    {.name = "times", .signature = "($module, /)", .fn = posix_times,
     .doc = "Return a collection containing process timing information."},
    {.name = "cpu_count", .signature = "($module, /)", .fn = posix_cpu_count,
     .doc = "Return the number of CPUs in the system; return None if indeterminable."},
    {.name = "urandom", .signature = "($module, size, /)", .fn = posix_urandom,
     .doc = "Return a bytes object containing random bytes suitable for cryptographic use."},
    {.name = "strerror", .signature = "($module, code, /)", .fn = posix_strerror,
     .doc = "Translate an error code to a message string."},
    {.name = "device_encoding", .signature = "($module, /, fd)", .fn = posix_device_encoding,
     .doc = "Return a string describing the encoding of a terminal's file descriptor."},
    {.name = "get_terminal_size", .signature = "($module, fd=<unrepresentable>, /)", .fn = posix_get_terminal_size,
     .doc = "Return the size of the terminal window as (columns, lines)."},
    {.name = "isatty", .signature = "($module, fd, /)", .fn = posix_isatty,
     .doc = "Return True if the fd is connected to a terminal."},
    {.name = "fspath", .signature = "($module, /, path)", .fn = posix_fspath,
     .doc = "Return the file system path representation of the object."},
    {.name = "putenv", .signature = "($module, name, value, /)", .fn = posix_putenv,
     .doc = "Change or add an environment variable."},
    {.name = "unsetenv", .signature = "($module, name, /)", .fn = posix_unsetenv,
     .doc = "Delete an environment variable."},
    {.name = "WIFEXITED", .signature = "($module, /, status)", .fn = posix_WIFEXITED,
     .doc = "Return True if the process returning status exited via the exit() system call."},
    {.name = "WIFSIGNALED", .signature = "($module, /, status)", .fn = posix_WIFSIGNALED,
     .doc = "Return True if the process returning status was terminated by a signal."},
    {.name = "WIFSTOPPED", .signature = "($module, /, status)", .fn = posix_WIFSTOPPED,
     .doc = "Return True if the process returning status was stopped."},
    {.name = "WIFCONTINUED", .signature = "($module, /, status)", .fn = posix_WIFCONTINUED,
     .doc = "Return True if a particular process was continued from a job control stop."},
    {.name = "WCOREDUMP", .signature = "($module, status, /)", .fn = posix_WCOREDUMP,
     .doc = "Return True if the process returning status was dumped to a core file."},
    {.name = "WEXITSTATUS", .signature = "($module, /, status)", .fn = posix_WEXITSTATUS,
     .doc = "Return the process return code from status."},
    {.name = "WTERMSIG", .signature = "($module, /, status)", .fn = posix_WTERMSIG,
     .doc = "Return the signal that terminated the process that provided the status value."},
    {.name = "WSTOPSIG", .signature = "($module, /, status)", .fn = posix_WSTOPSIG,
     .doc = "Return the signal that stopped the process that provided the status value."},
    {.name = "waitstatus_to_exitcode", .signature = "($module, /, status)", .fn = posix_waitstatus_to_exitcode,
     .doc = "Convert a wait status to an exit code."},
    {.name = "waitpid", .signature = "($module, pid, options, /)", .fn = posix_waitpid, .flags = method_flags::kLegacyArity,
     .doc = "Wait for completion of a given child process."},
    {.name = "wait", .signature = "($module, /)", .fn = posix_wait,
     .doc = "Wait for completion of a child process."},
    {.name = "register_at_fork",
     .signature = "($module, /, *, before=<unrepresentable>, after_in_child=<unrepresentable>, "
                  "after_in_parent=<unrepresentable>)",
     .fn = posix_register_at_fork,
     .doc = "Register callables to be called when forking a new process."},
    {.name = "fork", .signature = "($module, /)", .fn = posix_fork, .doc = "Fork a child process."},
    {.name = "execv", .signature = "($module, path, argv, /)", .fn = posix_execv,
     .doc = "Execute an executable path with arguments, replacing current process."},
    {.name = "execve", .signature = "($module, /, path, argv, env)", .fn = posix_execve,
     .doc = "Execute an executable path with arguments, replacing current process."},
    {.name = "_exit", .signature = "($module, /, status)", .fn = posix__exit,
     .doc = "Exit to the system with specified status, without normal exit processing."},
    {.name = "abort", .signature = "($module, /)", .fn = posix_abort,
     .doc = "Abort the interpreter immediately."},
    {.name = "system", .signature = "($module, /, command)", .fn = posix_system,
     .doc = "Execute the command in a subshell."},
    {.name = "get_inheritable", .signature = "($module, fd, /)", .fn = posix_get_inheritable,
     .doc = "Get the close-on-exe flag of the specified file descriptor."},
    {.name = "set_inheritable", .signature = "($module, fd, inheritable, /)", .fn = posix_set_inheritable,
     .doc = "Set the inheritable flag of the specified file descriptor."},
    {.name = "get_blocking", .signature = "($module, fd, /)", .fn = posix_get_blocking,
     .doc = "Get the blocking mode of the file descriptor."},
    {.name = "set_blocking", .signature = "($module, fd, blocking, /)", .fn = posix_set_blocking,
     .doc = "Set the blocking mode of the specified file descriptor."},
    {.name = "sysconf", .signature = "($module, name, /)", .fn = posix_sysconf,
     .doc = "Return an integer-valued system configuration variable."},
};

struct IntConstant {
  const char* name;
  int64_t value;
};
#define C(name) {#name, name}
const IntConstant kConstants[] = {
    // access()
    C(F_OK), C(R_OK), C(W_OK), C(X_OK),
    // open()
    C(O_RDONLY), C(O_WRONLY), C(O_RDWR), C(O_APPEND), C(O_CREAT), C(O_EXCL), C(O_TRUNC), C(O_NONBLOCK),
    C(O_NDELAY), C(O_DSYNC), C(O_SYNC), C(O_RSYNC), C(O_NOCTTY), C(O_CLOEXEC), C(O_DIRECTORY), C(O_NOFOLLOW),
    C(O_ACCMODE), C(O_ASYNC), C(O_DIRECT), C(O_LARGEFILE), C(O_NOATIME), C(O_PATH), C(O_TMPFILE),
    {"O_FSYNC", O_FSYNC},
    // lseek()
    C(SEEK_DATA), C(SEEK_HOLE),  // SEEK_SET and friends come from os.py
    // waitpid()
    C(WNOHANG), C(WUNTRACED), C(WCONTINUED), C(WEXITED), C(WSTOPPED), C(WNOWAIT),
    C(P_PID), C(P_PGID), C(P_ALL),
    C(CLD_EXITED), C(CLD_KILLED), C(CLD_DUMPED), C(CLD_TRAPPED), C(CLD_STOPPED), C(CLD_CONTINUED),
    // exit statuses
    C(EX_OK), C(EX_USAGE), C(EX_DATAERR), C(EX_NOINPUT), C(EX_NOUSER), C(EX_NOHOST), C(EX_UNAVAILABLE),
    C(EX_SOFTWARE), C(EX_OSERR), C(EX_OSFILE), C(EX_CANTCREAT), C(EX_IOERR), C(EX_TEMPFAIL), C(EX_PROTOCOL),
    C(EX_NOPERM), C(EX_CONFIG),
    // lockf, priorities, scheduling
    C(F_LOCK), C(F_TLOCK), C(F_ULOCK), C(F_TEST), C(PRIO_PROCESS), C(PRIO_PGRP), C(PRIO_USER),
    C(SCHED_OTHER), C(SCHED_FIFO), C(SCHED_RR), C(SCHED_BATCH), C(SCHED_IDLE), C(SCHED_RESET_ON_FORK),
    // dlopen flags, for sys.setdlopenflags
    {"RTLD_LAZY", 1}, {"RTLD_NOW", 2}, {"RTLD_GLOBAL", 0x100}, {"RTLD_LOCAL", 0}, {"RTLD_NODELETE", 0x1000},
    {"RTLD_NOLOAD", 4}, {"RTLD_DEEPBIND", 8},
    // misc
    C(GRND_NONBLOCK), C(GRND_RANDOM), C(NGROUPS_MAX), C(TMP_MAX),
    {"POSIX_FADV_NORMAL", POSIX_FADV_NORMAL}, {"POSIX_FADV_SEQUENTIAL", POSIX_FADV_SEQUENTIAL},
    {"POSIX_FADV_RANDOM", POSIX_FADV_RANDOM}, {"POSIX_FADV_NOREUSE", POSIX_FADV_NOREUSE},
    {"POSIX_FADV_WILLNEED", POSIX_FADV_WILLNEED}, {"POSIX_FADV_DONTNEED", POSIX_FADV_DONTNEED},
};
#undef C

// What os.py reads to fill supports_dir_fd / supports_fd /
// supports_follow_symlinks: only what posix_fs.cc really implements.
const char* const kHaveFunctions[] = {
    "HAVE_FACCESSAT", "HAVE_FCHDIR", "HAVE_FCHMOD", "HAVE_FCHMODAT", "HAVE_FCHOWN", "HAVE_FCHOWNAT",
    "HAVE_FDOPENDIR", "HAVE_FEXECVE", "HAVE_FSTATAT", "HAVE_FTRUNCATE", "HAVE_FUTIMENS", "HAVE_LINKAT",
    "HAVE_LCHOWN", "HAVE_LSTAT", "HAVE_MKDIRAT", "HAVE_MKFIFOAT", "HAVE_OPENAT", "HAVE_READLINKAT", "HAVE_RENAMEAT",
    "HAVE_SYMLINKAT", "HAVE_UNLINKAT", "HAVE_UTIMENSAT",
};

bool posixInit(Value module) {
  for (const IntConstant& c : kConstants) {
    if (!setInt(module, c.name, c.value)) return false;
  }
  Value have = newList();
  for (const char* name : kHaveFunctions) listAppend(have, newStr(name));
  if (!setAttrStr(module, "_have_functions", have)) return false;
  if (!setAttrStr(module, "environ", environDict())) return false;
  if (!setAttrStr(module, "error", typeValue(exc::OSError))) return false;
  if (!setAttrStr(module, "uname_result", typeValue(g_uname_result_type)) ||
      !setAttrStr(module, "times_result", typeValue(g_times_result_type)) ||
      !setAttrStr(module, "terminal_size", typeValue(g_terminal_size_type))) {
    return false;
  }
  Value names = newDict();
  for (const ConfName& c : kSysconfNames) {
    if (dictSet(names, newStr(c.name), newInt(c.value)) < 0) return false;
  }
  if (!setAttrStr(module, "sysconf_names", names)) return false;
  for (Type* t : {g_uname_result_type, g_times_result_type, g_terminal_size_type}) {
    int64_t n = static_cast<int64_t>(t->spec->members.size());
    if (!setStructSeqCounts(t, n, n, 0)) return false;
  }
  for (std::span<const MethodDef> part : {fsFunctions(), ioFunctions(), idFunctions()}) {
    for (const MethodDef& def : part) {
      Value f = newBuiltinFunction(&def, module, internStr("posix"));
      if (f.isNull() || !setAttrStr(module, def.name, f)) return false;
    }
  }
  return fsInit(module) && ioInit(module) && idInit(module);
}

const NativeModuleDef kPosixModule = {
    .name = "posix",
    .methods = kPosixFunctions,
    .init = posixInit,
    .doc = "This module provides access to operating system functionality that is\nstandardized by the C Standard "
           "and the POSIX standard (a thinly\ndisguised Unix interface).  Refer to the library manual and\n"
           "corresponding Unix manual entries for more information on calls.",
};
TERN_REGISTER_MODULE(kPosixModule);

}  // namespace

void runBeforeForkCallbacks() { runForkCallbacks(g_before_fork, true); }
void runAfterForkParentCallbacks() { runForkCallbacks(g_after_fork_parent, false); }
void runAfterForkChildCallbacks() { runForkCallbacks(g_after_fork_child, false); }

}  // namespace tern::posix
