// The spwd module (deprecated since 3.11, as its import warns): the shadow
// password database through getspnam(3) and getspent(3), as spwd.struct_spwd
// struct sequences of nine visible items plus sp_nam and sp_pwd, the old
// names of the first two.  Reading other users' entries needs root; the C
// library's errno then becomes CPython's OSError (PermissionError).
#include <errno.h>
#include <shadow.h>

#include <cstdint>
#include <string>

#include "runtime/interp/errors.h"
#include "runtime/modules/_warnings.h"
#include "runtime/modules/fd_arg.h"
#include "runtime/modules/module.h"
#include "runtime/modules/posix_internal.h"
#include "runtime/objects/int.h"
#include "runtime/objects/list.h"
#include "runtime/objects/native.h"
#include "runtime/objects/str.h"
#include "runtime/objects/structseq.h"
#include "runtime/objects/type.h"

namespace tern {

namespace {

Type* g_struct_spwd_type = nullptr;
constexpr int64_t kSpwdVisible = 9, kSpwdTotal = 11;

const MemberDef kSpwdFields[] = {
    structseqField("sp_namp", 0, "login name"),
    structseqField("sp_pwdp", 1, "encrypted password"),
    structseqField("sp_lstchg", 2, "date of last change"),
    structseqField("sp_min", 3, "min #days between changes"),
    structseqField("sp_max", 4, "max #days between changes"),
    structseqField("sp_warn", 5, "#days before pw expires to warn user about it"),
    structseqField("sp_inact", 6, "#days after pw expires until account is disabled"),
    structseqField("sp_expire", 7, "#days since 1970-01-01 when account expires"),
    structseqField("sp_flag", 8, "reserved"),
    structseqField("sp_nam", 9, "login name; deprecated"),
    structseqField("sp_pwd", 10, "encrypted password; deprecated"),
};

const TypeSpec kStructSpwdSpec = {
    .name = "struct_spwd",
    .module = "spwd",
    .type = &g_struct_spwd_type,
    .base = &types::tuple_type,
    .slots = {.tp_repr = structseq_repr, .tp_new = posix::structseqHiddenNew},
    .methods = kStructSeqMethods,
    .members = kSpwdFields,
    .doc =
        "spwd.struct_spwd: Results from getsp*() routines.\n\nThis object may be accessed either as a 9-tuple "
        "of\n  (sp_namp,sp_pwdp,sp_lstchg,sp_min,sp_max,sp_warn,sp_inact,sp_expire,sp_flag)\nor via the object "
        "attributes as named in the above tuple.",
};
TERN_REGISTER_TYPE(kStructSpwdSpec);

Value decodeOrNone(const char* s) { return s == nullptr ? None() : posix::fsDecode(s); }

Value spwdEntry(const struct spwd* p) {
  Value name = decodeOrNone(p->sp_namp);
  Value password = decodeOrNone(p->sp_pwdp);
  if (name.isNull() || password.isNull()) return Value();
  Value s = posix::newStructSeqHidden(g_struct_spwd_type, kSpwdVisible, kSpwdTotal);
  if (s.isNull()) return s;
  const long numbers[] = {p->sp_lstchg, p->sp_min, p->sp_max, p->sp_warn, p->sp_inact, p->sp_expire};
  tupleInit(s, 0, name);
  tupleInit(s, 1, password);
  for (int i = 0; i < 6; ++i) tupleInit(s, 2 + i, newInt(numbers[i]));
  tupleInit(s, 8, newInt(static_cast<long>(p->sp_flag)));  // CPython's PyLong_FromLong
  tupleInit(s, 9, name);
  tupleInit(s, 10, password);
  return s;
}

// getspnam(arg, /)
Value spwd_getspnam(Value* args) {
  Value name = args[1];
  if (!isStr(name)) {
    return raisef(exc::TypeError, "getspnam() argument must be str, not %s", typeNameOf(name).c_str());
  }
  std::string bytes;
  if (!posix::fsEncode(name, &bytes)) return Value();
  if (bytes.find('\0') != std::string::npos) return raise(exc::ValueError, "embedded null byte");
  errno = 0;
  struct spwd* p = getspnam(bytes.c_str());
  if (p == nullptr) {
    if (errno != 0) return posix::raiseErrno(errno);
    return raise(exc::KeyError, "getspnam(): name not found");
  }
  return spwdEntry(p);
}

// getspall()
Value spwd_getspall(Value*) {
  Value list = newList();
  setspent();
  while (struct spwd* p = getspent()) {
    Value e = spwdEntry(p);
    if (e.isNull() || !listAppend(list, e)) {
      endspent();
      return Value();
    }
  }
  endspent();
  return list;
}

const MethodDef kSpwdFunctions[] = {
    {.name = "getspnam",
     .signature = "($module, arg, /)",
     .fn = spwd_getspnam,
     .doc = "Return the shadow password database entry for the given user name.\n\nSee `help(spwd)` for more on "
            "shadow password database entries."},
    {.name = "getspall",
     .signature = "($module, /)",
     .fn = spwd_getspall,
     .doc = "Return a list of all available shadow password database entries, in arbitrary order.\n\nSee "
            "`help(spwd)` for more on shadow password database entries."},
};

bool spwdInit(Value module) {
  if (!warn(exc::DeprecationWarning, "'spwd' is deprecated and slated for removal in Python 3.13")) return false;
  return setModuleAttr(module, "struct_spwd", typeValue(g_struct_spwd_type)) &&
         posix::setStructSeqCounts(g_struct_spwd_type, kSpwdVisible, kSpwdTotal, 0);
}

const NativeModuleDef kSpwdModule = {
    .name = "spwd",
    .methods = kSpwdFunctions,
    .init = spwdInit,
    .doc =
        "This module provides access to the Unix shadow password database.\nIt is available on various Unix "
        "versions.\n\nShadow password database entries are reported as 9-tuples of type struct_spwd,\ncontaining "
        "the following items from the password database (see `<shadow.h>'):\nsp_namp, sp_pwdp, sp_lstchg, "
        "sp_min, sp_max, sp_warn, sp_inact, sp_expire, sp_flag.\nThe sp_namp and sp_pwdp are strings, the rest "
        "are integers.\nAn exception is raised if the entry asked for cannot be found.\nYou have to be root to "
        "be able to use this module.",
};
TERN_REGISTER_MODULE(kSpwdModule);

}  // namespace

}  // namespace tern
