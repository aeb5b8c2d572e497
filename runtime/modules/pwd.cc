// The pwd module: the password database (getpwuid, getpwnam, getpwall) as
// pwd.struct_passwd struct sequences.  Names and fields are decoded with the
// file-system encoding (surrogateescape), as CPython does.  Lookups use the
// reentrant getpw*_r calls with a growing buffer.
#include <errno.h>
#include <pwd.h>
#include <unistd.h>

#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "runtime/interp/errors.h"
#include "runtime/modules/fd_arg.h"
#include "runtime/modules/module.h"
#include "runtime/modules/posix_internal.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/int.h"
#include "runtime/objects/list.h"
#include "runtime/objects/native.h"
#include "runtime/objects/str.h"
#include "runtime/objects/structseq.h"

namespace tern {

namespace {

Type* g_struct_passwd_type = nullptr;

const MemberDef kPasswdFields[] = {
    structseqField("pw_name", 0, "user name"),       structseqField("pw_passwd", 1, "password"),
    structseqField("pw_uid", 2, "user id"),          structseqField("pw_gid", 3, "group id"),
    structseqField("pw_gecos", 4, "real name"),      structseqField("pw_dir", 5, "home directory"),
    structseqField("pw_shell", 6, "shell program"),
};
TERN_STRUCTSEQ_TYPE(kStructPasswdSpec, "pwd", "struct_passwd", kPasswdFields, g_struct_passwd_type);

Value passwdEntry(const struct passwd* p) {
  Value s = newStructSeq(g_struct_passwd_type);
  Value items[7] = {posix::fsDecode(p->pw_name ? p->pw_name : ""), posix::fsDecode(p->pw_passwd ? p->pw_passwd : ""),
                    newIntUnsigned(p->pw_uid),  newIntUnsigned(p->pw_gid),
                    posix::fsDecode(p->pw_gecos ? p->pw_gecos : ""), posix::fsDecode(p->pw_dir ? p->pw_dir : ""),
                    posix::fsDecode(p->pw_shell ? p->pw_shell : "")};
  for (int i = 0; i < 7; ++i) {
    if (items[i].isNull()) return Value();
    tupleInit(s, i, items[i]);
  }
  return s;
}

size_t initialBufferSize() {
  long n = sysconf(_SC_GETPW_R_SIZE_MAX);
  return n > 0 ? static_cast<size_t>(n) : 1024;
}

Value pwd_getpwuid(Value* args) {
  uint32_t uid;
  if (!argUidGid(args[1], &uid, "uid")) {
    if (errorMatches(exc::OverflowError)) {
      clearError();
      return raise(exc::KeyError, "getpwuid(): uid not found");
    }
    return Value();
  }
  std::vector<char> buf(initialBufferSize());
  struct passwd entry, *found = nullptr;
  int err;
  while ((err = getpwuid_r(uid, &entry, buf.data(), buf.size(), &found)) == ERANGE) buf.resize(buf.size() * 2);
  if (found == nullptr) {
    if (err != 0 && err != ENOENT && err != ESRCH && err != EBADF && err != EPERM) return posix::raiseErrno(err);
    return raisef(exc::KeyError, "getpwuid(): uid not found: %lld", uid == UINT32_MAX ? -1LL : static_cast<long long>(uid));
  }
  return passwdEntry(found);
}

Value pwd_getpwnam(Value* args) {
  Value name = args[1];
  if (!isStr(name)) {
    return raisef(exc::TypeError, "getpwnam() argument must be str, not %s", typeNameOf(name).c_str());
  }
  std::string bytes;
  if (!posix::fsEncode(name, &bytes)) return Value();
  if (bytes.find('\0') != std::string::npos) return raise(exc::ValueError, "embedded null byte");
  std::vector<char> buf(initialBufferSize());
  struct passwd entry, *found = nullptr;
  int err;
  while ((err = getpwnam_r(bytes.c_str(), &entry, buf.data(), buf.size(), &found)) == ERANGE) {
    buf.resize(buf.size() * 2);
  }
  if (found == nullptr) {
    if (err != 0 && err != ENOENT && err != ESRCH && err != EBADF && err != EPERM) return posix::raiseErrno(err);
    Value r = repr(name);
    if (r.isNull()) return r;
    return raisef(exc::KeyError, "getpwnam(): name not found: %s", strToUtf8(r).c_str());
  }
  return passwdEntry(found);
}

Value pwd_getpwall(Value*) {
  Value list = newList();
  if (list.isNull()) return list;
  setpwent();
  errno = 0;
  while (struct passwd* p = getpwent()) {
    Value e = passwdEntry(p);
    if (e.isNull() || !listAppend(list, e)) {
      endpwent();
      return Value();
    }
  }
  endpwent();
  return list;
}

const MethodDef kPwdFunctions[] = {
    {.name = "getpwuid",
     .signature = "($module, uidobj, /)",
     .fn = pwd_getpwuid,
     .doc = "Return the password database entry for the given numeric user ID.\n\nSee `help(pwd)` for more on "
            "password database entries."},
    {.name = "getpwnam",
     .signature = "($module, name, /)",
     .fn = pwd_getpwnam,
     .doc = "Return the password database entry for the given user name.\n\nSee `help(pwd)` for more on password "
            "database entries."},
    {.name = "getpwall",
     .signature = "($module, /)",
     .fn = pwd_getpwall,
     .doc = "Return a list of all available password database entries, in arbitrary order.\n\nSee help(pwd) for "
            "more on password database entries."},
};

bool pwdInit(Value module) {
  int64_t n = static_cast<int64_t>(std::size(kPasswdFields));
  return setModuleAttr(module, "struct_passwd", typeValue(g_struct_passwd_type)) &&
         posix::setStructSeqCounts(g_struct_passwd_type, n, n, 0);
}

const NativeModuleDef kPwdModule = {
    .name = "pwd",
    .methods = kPwdFunctions,
    .init = pwdInit,
    .doc = "This module provides access to the Unix password database.\nIt is available on all Unix "
           "versions.\n\nPassword database entries are reported as 7-tuples containing the following\nitems from "
           "the password database (see `<pwd.h>'), in order:\npw_name, pw_passwd, pw_uid, pw_gid, pw_gecos, "
           "pw_dir, pw_shell.\nThe uid and gid items are integers, all others are strings. An\nexception is raised "
           "if the entry asked for cannot be found.",
};
TERN_REGISTER_MODULE(kPwdModule);

}  // namespace

}  // namespace tern
