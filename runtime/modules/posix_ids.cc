// The posix module, part 4: user and group ids (setuid and its relatives,
// getresuid, setgroups, initgroups, getgrouplist), process groups and the
// controlling terminal (setpgid, setpgrp, tcgetpgrp, tcsetpgrp, ctermid,
// ttyname), priorities and scheduling (getpriority, setpriority, nice,
// sched_yield, sched_get_priority_min/max, sched_getaffinity,
// sched_setaffinity), and chroot, sync, lockf.  posix.cc adds these to the
// module (idFunctions, idInit).  CPython 3.11's signatures and errors.
#include <fcntl.h>
#include <grp.h>
#include <sched.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cerrno>
#include <string>
#include <vector>

#include "runtime/interp/errors.h"
#include "runtime/interp/gil.h"
#include "runtime/modules/fd_arg.h"
#include "runtime/modules/posix_internal.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/int.h"
#include "runtime/objects/list.h"
#include "runtime/objects/set.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"

namespace tern::posix {

namespace {

bool intArg(Value v, int* out) { return argCInt(v, out); }

Value noneOrErrno(int r) {
  if (r < 0) return raiseErrno(errno);
  return None();
}

// ===========================================================================
// User and group ids

Value posix_setuid(Value* args) {
  uint32_t uid;
  if (!argUidGid(args[1], &uid, "uid")) return Value();
  return noneOrErrno(::setuid(uid));
}

Value posix_seteuid(Value* args) {
  uint32_t uid;
  if (!argUidGid(args[1], &uid, "uid")) return Value();
  return noneOrErrno(::seteuid(uid));
}

Value posix_setgid(Value* args) {
  uint32_t gid;
  if (!argUidGid(args[1], &gid, "gid")) return Value();
  return noneOrErrno(::setgid(gid));
}

Value posix_setegid(Value* args) {
  uint32_t gid;
  if (!argUidGid(args[1], &gid, "gid")) return Value();
  return noneOrErrno(::setegid(gid));
}

Value posix_setreuid(Value* args) {
  uint32_t ruid, euid;
  if (!argUidGid(args[1], &ruid, "uid") || !argUidGid(args[2], &euid, "uid")) return Value();
  return noneOrErrno(::setreuid(ruid, euid));
}

Value posix_setregid(Value* args) {
  uint32_t rgid, egid;
  if (!argUidGid(args[1], &rgid, "gid") || !argUidGid(args[2], &egid, "gid")) return Value();
  return noneOrErrno(::setregid(rgid, egid));
}

Value posix_setresuid(Value* args) {
  uint32_t r, e, s;
  if (!argUidGid(args[1], &r, "uid") || !argUidGid(args[2], &e, "uid") || !argUidGid(args[3], &s, "uid")) {
    return Value();
  }
  return noneOrErrno(::setresuid(r, e, s));
}

Value posix_setresgid(Value* args) {
  uint32_t r, e, s;
  if (!argUidGid(args[1], &r, "gid") || !argUidGid(args[2], &e, "gid") || !argUidGid(args[3], &s, "gid")) {
    return Value();
  }
  return noneOrErrno(::setresgid(r, e, s));
}

Value posix_getresuid(Value* /*args*/) {
  uid_t r, e, s;
  if (::getresuid(&r, &e, &s) < 0) return raiseErrno(errno);
  return newTupleOf({newIntUnsigned(r), newIntUnsigned(e), newIntUnsigned(s)});
}

Value posix_getresgid(Value* /*args*/) {
  gid_t r, e, s;
  if (::getresgid(&r, &e, &s) < 0) return raiseErrno(errno);
  return newTupleOf({newIntUnsigned(r), newIntUnsigned(e), newIntUnsigned(s)});
}

Value posix_setgroups(Value* args) {
  Value seq = listFromIterable(args[1]);
  if (seq.isNull()) {
    if (errorMatches(exc::TypeError)) {
      clearError();
      return raise(exc::TypeError, "setgroups argument must be a sequence");
    }
    return seq;
  }
  std::vector<gid_t> groups;
  for (int64_t i = 0; i < listLength(seq); ++i) {
    Value item = listItem(seq, i);
    if (!isInt(item)) return raise(exc::TypeError, "groups must be integers");
    uint32_t gid;
    if (!argUidGid(item, &gid, "gid")) return Value();
    groups.push_back(gid);
  }
  return noneOrErrno(::setgroups(groups.size(), groups.data()));
}

// A user name for initgroups/getgrouplist: str encoded with the file-system
// encoding (CPython's PyUnicode_FSConverter).
bool userName(Value v, const char* function, std::string* out) {
  PathArg p(function, "user");
  if (!convertPath(v, &p)) return false;
  *out = p.path;
  return true;
}

Value posix_initgroups(Value* args) {
  std::string user;
  uint32_t gid;
  if (!userName(args[1], "initgroups", &user) || !argUidGid(args[2], &gid, "gid")) return Value();
  return noneOrErrno(::initgroups(user.c_str(), gid));
}

Value posix_getgrouplist(Value* args) {
  std::string user;
  uint32_t base;
  if (!userName(args[1], "getgrouplist", &user) || !argUidGid(args[2], &base, "gid")) return Value();
  int n = 64;
  std::vector<gid_t> groups;
  for (;;) {
    groups.resize(static_cast<size_t>(n));
    int count = n;
    if (::getgrouplist(user.c_str(), base, groups.data(), &count) >= 0) {
      groups.resize(static_cast<size_t>(count));
      break;
    }
    n = count > n ? count : n * 2;
  }
  Value list = newList();
  for (gid_t g : groups) {
    if (!listAppend(list, newIntUnsigned(g))) return Value();
  }
  return list;
}

// ===========================================================================
// Process groups and the controlling terminal

Value posix_setpgid(Value* args) {
  int pid, pgrp;
  if (!intArg(args[1], &pid) || !intArg(args[2], &pgrp)) return Value();
  return noneOrErrno(::setpgid(pid, pgrp));
}

Value posix_setpgrp(Value* /*args*/) { return noneOrErrno(::setpgid(0, 0)); }

Value posix_tcgetpgrp(Value* args) {
  int fd;
  if (!intArg(args[1], &fd)) return Value();
  pid_t r = ::tcgetpgrp(fd);
  if (r < 0) return raiseErrno(errno);
  return newInt(r);
}

Value posix_tcsetpgrp(Value* args) {
  int fd, pgid;
  if (!intArg(args[1], &fd) || !intArg(args[2], &pgid)) return Value();
  return noneOrErrno(::tcsetpgrp(fd, pgid));
}

Value posix_ctermid(Value* /*args*/) {
  char buffer[L_ctermid];
  const char* r = ::ctermid(buffer);
  if (r == nullptr) return raiseErrno(errno);
  return fsDecode(r);
}

Value posix_ttyname(Value* args) {
  int fd;
  if (!intArg(args[1], &fd)) return Value();
  char buffer[256];
  int error = ::ttyname_r(fd, buffer, sizeof buffer);
  if (error != 0) return raiseErrno(error);
  return fsDecode(buffer);
}

// ===========================================================================
// Priorities and scheduling

Value posix_getpriority(Value* args) {
  int which, who;
  if (!intArg(args[1], &which) || !intArg(args[2], &who)) return Value();
  errno = 0;
  int r = ::getpriority(which, who);
  if (r == -1 && errno != 0) return raiseErrno(errno);
  return newInt(r);
}

Value posix_setpriority(Value* args) {
  int which, who, prio;
  if (!intArg(args[1], &which) || !intArg(args[2], &who) || !intArg(args[3], &prio)) return Value();
  return noneOrErrno(::setpriority(which, who, prio));
}

Value posix_nice(Value* args) {
  int increment;
  if (!intArg(args[1], &increment)) return Value();
  errno = 0;
  int r = ::nice(increment);
  if (r == -1 && errno != 0) return raiseErrno(errno);
  return newInt(r);
}

Value posix_sched_yield(Value* /*args*/) {
  {
    interp::AllowThreads allow;
    ::sched_yield();
  }
  return None();
}

Value posix_sched_get_priority_max(Value* args) {
  int policy;
  if (!intArg(args[1], &policy)) return Value();
  int r = ::sched_get_priority_max(policy);
  if (r < 0) return raiseErrno(errno);
  return newInt(r);
}

Value posix_sched_get_priority_min(Value* args) {
  int policy;
  if (!intArg(args[1], &policy)) return Value();
  int r = ::sched_get_priority_min(policy);
  if (r < 0) return raiseErrno(errno);
  return newInt(r);
}

Value posix_sched_getaffinity(Value* args) {
  int pid;
  if (!intArg(args[1], &pid)) return Value();
  cpu_set_t set;
  CPU_ZERO(&set);
  if (::sched_getaffinity(pid, sizeof set, &set) < 0) return raiseErrno(errno);
  Value result = newSet();
  if (result.isNull()) return result;
  for (int cpu = 0; cpu < CPU_SETSIZE; ++cpu) {
    if (CPU_ISSET(cpu, &set) && setAdd(result, newInt(cpu)) < 0) return Value();
  }
  return result;
}

Value posix_sched_setaffinity(Value* args) {
  int pid;
  if (!intArg(args[1], &pid)) return Value();
  Value it = getIter(args[2]);
  if (it.isNull()) return it;
  cpu_set_t set;
  CPU_ZERO(&set);
  for (;;) {
    Value item = iterNext(it);
    if (item.isNull()) {
      if (errorPending()) return Value();
      break;
    }
    if (!isInt(item) && typeOf(item)->slots.nb_index == nullptr) {
      return raisef(exc::TypeError, "expected an iterator of ints, but iterator yielded %s",
                    typeNameOf(item).c_str());
    }
    int64_t cpu;
    if (!indexToInt64(item, &cpu, exc::OverflowError)) return Value();
    if (cpu < 0) return raise(exc::ValueError, "negative CPU number");
    if (cpu >= CPU_SETSIZE) return raiseErrno(EINVAL);
    CPU_SET(static_cast<int>(cpu), &set);
  }
  return noneOrErrno(::sched_setaffinity(pid, sizeof set, &set));
}

// ===========================================================================
// chroot, sync, lockf

Value posix_chroot(Value* args) {
  PathArg p("chroot");
  if (!convertPath(args[1], &p)) return Value();
  if (::chroot(p.c_str()) < 0) return raiseErrnoPath(errno, p);
  return None();
}

Value posix_sync(Value* /*args*/) {
  {
    interp::AllowThreads allow;
    ::sync();
  }
  return None();
}

Value posix_lockf(Value* args) {
  int fd, command;
  int64_t length;
  if (!intArg(args[1], &fd) || !intArg(args[2], &command) ||
      !indexToInt64(args[3], &length, exc::OverflowError)) {
    return Value();
  }
  int r;
  {
    interp::AllowThreads allow;
    r = ::lockf(fd, command, length);
  }
  return noneOrErrno(r);
}

const MethodDef kIdFunctions[] = {
    {.name = "setuid", .signature = "($module, uid, /)", .fn = posix_setuid, .doc = "Set the current process's user id."},
    {.name = "seteuid", .signature = "($module, euid, /)", .fn = posix_seteuid,
     .doc = "Set the current process's effective user id."},
    {.name = "setgid", .signature = "($module, gid, /)", .fn = posix_setgid,
     .doc = "Set the current process's group id."},
    {.name = "setegid", .signature = "($module, egid, /)", .fn = posix_setegid,
     .doc = "Set the current process's effective group id."},
    {.name = "setreuid", .signature = "($module, ruid, euid, /)", .fn = posix_setreuid,
     .doc = "Set the current process's real and effective user ids."},
    {.name = "setregid", .signature = "($module, rgid, egid, /)", .fn = posix_setregid,
     .doc = "Set the current process's real and effective group ids."},
    {.name = "setresuid", .signature = "($module, ruid, euid, suid, /)", .fn = posix_setresuid,
     .doc = "Set the current process's real, effective, and saved user ids."},
    {.name = "setresgid", .signature = "($module, rgid, egid, sgid, /)", .fn = posix_setresgid,
     .doc = "Set the current process's real, effective, and saved group ids."},
    {.name = "getresuid", .signature = "($module, /)", .fn = posix_getresuid,
     .doc = "Return a tuple of the current process's real, effective, and saved user ids."},
    {.name = "getresgid", .signature = "($module, /)", .fn = posix_getresgid,
     .doc = "Return a tuple of the current process's real, effective, and saved group ids."},
    {.name = "setgroups", .signature = "($module, groups, /)", .fn = posix_setgroups,
     .doc = "Set the groups of the current process to list."},
    {.name = "initgroups", .signature = "($module, username, gid, /)", .fn = posix_initgroups,
     .doc = "Initialize the group access list."},
    {.name = "getgrouplist", .signature = "($module, user, group, /)", .fn = posix_getgrouplist,
     .doc = "Returns a list of groups to which a user belongs."},
    {.name = "setpgid", .signature = "($module, pid, pgrp, /)", .fn = posix_setpgid,
     .doc = "Call the system call setpgid(pid, pgrp)."},
    {.name = "setpgrp", .signature = "($module, /)", .fn = posix_setpgrp,
     .doc = "Make the current process the leader of its process group."},
    {.name = "tcgetpgrp", .signature = "($module, fd, /)", .fn = posix_tcgetpgrp,
     .doc = "Return the process group associated with the terminal specified by fd."},
    {.name = "tcsetpgrp", .signature = "($module, fd, pgid, /)", .fn = posix_tcsetpgrp,
     .doc = "Set the process group associated with the terminal specified by fd."},
    {.name = "ctermid", .signature = "($module, /)", .fn = posix_ctermid,
     .doc = "Return the name of the controlling terminal for this process."},
    {.name = "ttyname", .signature = "($module, fd, /)", .fn = posix_ttyname,
     .doc = "Return the name of the terminal device connected to 'fd'."},
    {.name = "getpriority", .signature = "($module, which, who, /)", .fn = posix_getpriority,
     .doc = "Return program scheduling priority."},
    {.name = "setpriority", .signature = "($module, which, who, priority, /)", .fn = posix_setpriority,
     .doc = "Set program scheduling priority."},
    {.name = "nice", .signature = "($module, increment, /)", .fn = posix_nice,
     .doc = "Add increment to the priority of process and return the new priority."},
    {.name = "sched_yield", .signature = "($module, /)", .fn = posix_sched_yield,
     .doc = "Voluntarily relinquish the CPU."},
    {.name = "sched_get_priority_max", .signature = "($module, /, policy)", .fn = posix_sched_get_priority_max,
     .doc = "Get the maximum scheduling priority for policy."},
    {.name = "sched_get_priority_min", .signature = "($module, /, policy)", .fn = posix_sched_get_priority_min,
     .doc = "Get the minimum scheduling priority for policy."},
    {.name = "sched_getaffinity", .signature = "($module, pid, /)", .fn = posix_sched_getaffinity,
     .doc = "Return the affinity of the process identified by pid (or the current process if zero)."},
    {.name = "sched_setaffinity", .signature = "($module, pid, mask, /)", .fn = posix_sched_setaffinity,
     .doc = "Set the CPU affinity of the process identified by pid to mask."},
    {.name = "chroot", .signature = "($module, /, path)", .fn = posix_chroot,
     .doc = "Change root directory to path."},
    {.name = "sync", .signature = "($module, /)", .fn = posix_sync,
     .doc = "Force write of everything to disk."},
    {.name = "lockf", .signature = "($module, fd, command, length, /)", .fn = posix_lockf,
     .doc = "Apply, test or remove a POSIX lock on an open file descriptor."},
};

}  // namespace

std::span<const MethodDef> idFunctions() { return kIdFunctions; }

bool idInit(Value /*module*/) { return true; }

}  // namespace tern::posix
