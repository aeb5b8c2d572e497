// The grp module: the group database (getgrgid, getgrnam, getgrall) as
// grp.struct_group struct sequences whose gr_mem is a list of member
// names.  Strings are decoded with the file-system encoding.
#include <errno.h>
#include <grp.h>
#include <unistd.h>

#include <cstdint>
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

Type* g_struct_group_type = nullptr;

const MemberDef kGroupFields[] = {
    structseqField("gr_name", 0, "group name"),
    structseqField("gr_passwd", 1, "password"),
    structseqField("gr_gid", 2, "group id"),
    structseqField("gr_mem", 3, "group members"),
};
TERN_STRUCTSEQ_TYPE(kStructGroupSpec, "grp", "struct_group", kGroupFields, g_struct_group_type);

Value groupEntry(const struct group* g) {
  Value members = newList();
  if (members.isNull()) return members;
  for (char** m = g->gr_mem; m != nullptr && *m != nullptr; ++m) {
    Value name = posix::fsDecode(*m);
    if (name.isNull() || !listAppend(members, name)) return Value();
  }
  Value s = newStructSeq(g_struct_group_type);
  Value items[4] = {posix::fsDecode(g->gr_name ? g->gr_name : ""), posix::fsDecode(g->gr_passwd ? g->gr_passwd : ""),
                    newIntUnsigned(g->gr_gid), members};
  for (int i = 0; i < 4; ++i) {
    if (items[i].isNull()) return Value();
    tupleInit(s, i, items[i]);
  }
  return s;
}

size_t initialBufferSize() {
  long n = sysconf(_SC_GETGR_R_SIZE_MAX);
  return n > 0 ? static_cast<size_t>(n) : 1024;
}

bool notFoundErrno(int err) { return err == 0 || err == ENOENT || err == ESRCH || err == EBADF || err == EPERM; }

Value grp_getgrgid(Value* args) {
  uint32_t gid;
  if (!argUidGid(args[1], &gid, "gid")) return Value();
  std::vector<char> buf(initialBufferSize());
  struct group entry, *found = nullptr;
  int err;
  while ((err = getgrgid_r(gid, &entry, buf.data(), buf.size(), &found)) == ERANGE) buf.resize(buf.size() * 2);
  if (found == nullptr) {
    if (!notFoundErrno(err)) return posix::raiseErrno(err);
    return raisef(exc::KeyError, "getgrgid(): gid not found: %lld", gid == UINT32_MAX ? -1LL : static_cast<long long>(gid));
  }
  return groupEntry(found);
}

Value grp_getgrnam(Value* args) {
  Value name = args[1];
  if (!isStr(name)) {
    return raisef(exc::TypeError, "getgrnam() argument 'name' must be str, not %s", typeNameOf(name).c_str());
  }
  std::string bytes;
  if (!posix::fsEncode(name, &bytes)) return Value();
  if (bytes.find('\0') != std::string::npos) return raise(exc::ValueError, "embedded null byte");
  std::vector<char> buf(initialBufferSize());
  struct group entry, *found = nullptr;
  int err;
  while ((err = getgrnam_r(bytes.c_str(), &entry, buf.data(), buf.size(), &found)) == ERANGE) {
    buf.resize(buf.size() * 2);
  }
  if (found == nullptr) {
    if (!notFoundErrno(err)) return posix::raiseErrno(err);
    Value r = repr(name);
    if (r.isNull()) return r;
    return raisef(exc::KeyError, "getgrnam(): name not found: %s", strToUtf8(r).c_str());
  }
  return groupEntry(found);
}

Value grp_getgrall(Value*) {
  Value list = newList();
  if (list.isNull()) return list;
  setgrent();
  while (struct group* g = getgrent()) {
    Value e = groupEntry(g);
    if (e.isNull() || !listAppend(list, e)) {
      endgrent();
      return Value();
    }
  }
  endgrent();
  return list;
}

const MethodDef kGrpFunctions[] = {
    {.name = "getgrgid",
     .signature = "($module, /, id)",
     .fn = grp_getgrgid,
     .doc = "Return the group database entry for the given numeric group ID.\n\nIf id is not valid, raise "
            "KeyError."},
    {.name = "getgrnam",
     .signature = "($module, /, name)",
     .fn = grp_getgrnam,
     .doc = "Return the group database entry for the given group name.\n\nIf name is not valid, raise KeyError."},
    {.name = "getgrall",
     .signature = "($module, /)",
     .fn = grp_getgrall,
     .doc = "Return a list of all available group entries, in arbitrary order.\n\nAn entry whose name starts with "
            "'+' or '-' represents an instruction\nto use YP/NIS and may not be accessible via getgrnam or "
            "getgrgid."},
};

bool grpInit(Value module) {
  int64_t n = static_cast<int64_t>(std::size(kGroupFields));
  return setModuleAttr(module, "struct_group", typeValue(g_struct_group_type)) &&
         posix::setStructSeqCounts(g_struct_group_type, n, n, 0);
}

const NativeModuleDef kGrpModule = {
    .name = "grp",
    .methods = kGrpFunctions,
    .init = grpInit,
    .doc = "Access to the Unix group database.\n\nGroup entries are reported as 4-tuples containing the following "
           "fields\nfrom the group database, in order:\n\n  gr_name   - name of the group\n  gr_passwd - group "
           "password (encrypted); often empty\n  gr_gid    - numeric ID of the group\n  gr_mem    - list of members\n\n"
           "The gid is an integer, name and password are strings.  (Note that most\nusers are not explicitly listed "
           "as members of the groups they are in\naccording to the password database.  Check both databases to get\n"
           "complete membership information.)",
};
TERN_REGISTER_MODULE(kGrpModule);

}  // namespace

}  // namespace tern
