// The resource module: resource limits (getrlimit/setrlimit/prlimit), usage
// (getrusage as resource.struct_rusage), getpagesize, and Linux's RLIMIT_*,
// RLIM_INFINITY and RUSAGE_* constants.  Limits are C longs as on CPython
// for Linux x86-64, so RLIM_INFINITY reads as -1.  resource.error is OSError.
#include <errno.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <unistd.h>

#include <cstdint>

#include "runtime/interp/errors.h"
#include "runtime/modules/fd_arg.h"
#include "runtime/modules/module.h"
#include "runtime/modules/posix_internal.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/float.h"
#include "runtime/objects/int.h"
#include "runtime/objects/native.h"
#include "runtime/objects/str.h"
#include "runtime/objects/structseq.h"
#include "runtime/objects/tuple.h"

namespace tern {

namespace {

Type* g_struct_rusage_type = nullptr;

const MemberDef kRusageFields[] = {
    structseqField("ru_utime", 0, "user time used"),
    structseqField("ru_stime", 1, "system time used"),
    structseqField("ru_maxrss", 2, "max. resident set size"),
    structseqField("ru_ixrss", 3, "shared memory size"),
    structseqField("ru_idrss", 4, "unshared data size"),
    structseqField("ru_isrss", 5, "unshared stack size"),
    structseqField("ru_minflt", 6, "page faults not requiring I/O"),
    structseqField("ru_majflt", 7, "page faults requiring I/O"),
    structseqField("ru_nswap", 8, "number of swap outs"),
    structseqField("ru_inblock", 9, "block input operations"),
    structseqField("ru_oublock", 10, "block output operations"),
    structseqField("ru_msgsnd", 11, "IPC messages sent"),
    structseqField("ru_msgrcv", 12, "IPC messages received"),
    structseqField("ru_nsignals", 13, "signals received"),
    structseqField("ru_nvcsw", 14, "voluntary context switches"),
    structseqField("ru_nivcsw", 15, "involuntary context switches"),
};
TERN_STRUCTSEQ_TYPE(kStructRusageSpec, "resource", "struct_rusage", kRusageFields, g_struct_rusage_type);

double seconds(const struct timeval& tv) { return static_cast<double>(tv.tv_sec) + tv.tv_usec * 1e-6; }

bool resourceArg(Value v, int* out) {
  if (!argCInt(v, out)) return false;
  if (*out < 0 || *out >= RLIM_NLIMITS) {
    raise(exc::ValueError, "invalid resource specified");
    return false;
  }
  return true;
}

Value limitsTuple(const struct rlimit& rl) {
  return newTupleOf({newInt(static_cast<int64_t>(rl.rlim_cur)), newInt(static_cast<int64_t>(rl.rlim_max))});
}

// A sequence of two ints (PySequence_Tuple, then PyLong_AsLong each).
bool limitsArg(Value v, struct rlimit* out) {
  Value t = tupleFromIterable(v);
  if (t.isNull()) return false;
  if (tupleLength(t) != 2) {
    raise(exc::ValueError, "expected a tuple of 2 integers");
    return false;
  }
  int64_t cur, max;
  if (!argIndex(tupleItem(t, 0), &cur) || !argIndex(tupleItem(t, 1), &max)) return false;
  out->rlim_cur = static_cast<rlim_t>(cur);
  out->rlim_max = static_cast<rlim_t>(max);
  return true;
}

Value resource_getrlimit(Value* args) {
  int resource;
  if (!resourceArg(args[1], &resource)) return Value();
  struct rlimit rl;
  if (getrlimit(static_cast<__rlimit_resource_t>(resource), &rl) < 0) return posix::raiseErrno(errno);
  return limitsTuple(rl);
}

Value resource_setrlimit(Value* args) {
  int resource;
  if (!resourceArg(args[1], &resource)) return Value();
  struct rlimit rl;
  if (!limitsArg(args[2], &rl)) return Value();
  if (setrlimit(static_cast<__rlimit_resource_t>(resource), &rl) < 0) {
    if (errno == EINVAL) return raise(exc::ValueError, "current limit exceeds maximum limit");
    if (errno == EPERM) return raise(exc::ValueError, "not allowed to raise maximum limit");
    return posix::raiseErrno(errno);
  }
  return None();
}

Value resource_prlimit(Value* args) {
  int64_t pid;
  int resource;
  if (!argIndex(args[1], &pid) || !resourceArg(args[2], &resource)) return Value();
  struct rlimit new_limit, old_limit;
  bool set = !args[3].isNull();  // an explicit None is a bad sequence, as in CPython
  if (set && !limitsArg(args[3], &new_limit)) return Value();
  if (prlimit(static_cast<pid_t>(pid), static_cast<__rlimit_resource>(resource), set ? &new_limit : nullptr,
              &old_limit) < 0) {
    if (errno == EINVAL) return raise(exc::ValueError, "current limit exceeds maximum limit");
    return posix::raiseErrno(errno);
  }
  return limitsTuple(old_limit);
}

Value resource_getrusage(Value* args) {
  int who;
  if (!argCInt(args[1], &who)) return Value();
  struct rusage ru;
  if (getrusage(who, &ru) < 0) {
    if (errno == EINVAL) return raise(exc::ValueError, "invalid who parameter");
    return posix::raiseErrno(errno);
  }
  Value s = newStructSeq(g_struct_rusage_type);
  Value items[16] = {newFloat(seconds(ru.ru_utime)), newFloat(seconds(ru.ru_stime)), newInt(ru.ru_maxrss),
                     newInt(ru.ru_ixrss), newInt(ru.ru_idrss), newInt(ru.ru_isrss), newInt(ru.ru_minflt),
                     newInt(ru.ru_majflt), newInt(ru.ru_nswap), newInt(ru.ru_inblock), newInt(ru.ru_oublock),
                     newInt(ru.ru_msgsnd), newInt(ru.ru_msgrcv), newInt(ru.ru_nsignals), newInt(ru.ru_nvcsw),
                     newInt(ru.ru_nivcsw)};
  for (int i = 0; i < 16; ++i) {
    if (items[i].isNull()) return Value();
    tupleInit(s, i, items[i]);
  }
  return s;
}

Value resource_getpagesize(Value*) { return newInt(sysconf(_SC_PAGESIZE)); }

const MethodDef kResourceFunctions[] = {
    {.name = "getrusage", .signature = "($module, who, /)", .fn = resource_getrusage},
    {.name = "getrlimit", .signature = "($module, resource, /)", .fn = resource_getrlimit},
    {.name = "prlimit", .signature = "($module, pid, resource, limits=<unrepresentable>, /)", .fn = resource_prlimit},
    {.name = "setrlimit", .signature = "($module, resource, limits, /)", .fn = resource_setrlimit},
    {.name = "getpagesize", .signature = "($module, /)", .fn = resource_getpagesize},
};

struct Constant {
  const char* name;
  int64_t value;
};

// clang-format off
const Constant kResourceConstants[] = {
    {"RLIMIT_CPU", RLIMIT_CPU}, {"RLIMIT_FSIZE", RLIMIT_FSIZE}, {"RLIMIT_DATA", RLIMIT_DATA},
    {"RLIMIT_STACK", RLIMIT_STACK}, {"RLIMIT_CORE", RLIMIT_CORE}, {"RLIMIT_NOFILE", RLIMIT_NOFILE},
    {"RLIMIT_OFILE", RLIMIT_OFILE}, {"RLIMIT_AS", RLIMIT_AS}, {"RLIMIT_RSS", RLIMIT_RSS},
    {"RLIMIT_NPROC", RLIMIT_NPROC}, {"RLIMIT_MEMLOCK", RLIMIT_MEMLOCK}, {"RLIMIT_MSGQUEUE", RLIMIT_MSGQUEUE},
    {"RLIMIT_NICE", RLIMIT_NICE}, {"RLIMIT_RTPRIO", RLIMIT_RTPRIO}, {"RLIMIT_RTTIME", RLIMIT_RTTIME},
    {"RLIMIT_SIGPENDING", RLIMIT_SIGPENDING},
    {"RUSAGE_SELF", RUSAGE_SELF}, {"RUSAGE_CHILDREN", RUSAGE_CHILDREN}, {"RUSAGE_THREAD", RUSAGE_THREAD},
    {"RLIM_INFINITY", static_cast<int64_t>(RLIM_INFINITY)},
};
// clang-format on

bool resourceInit(Value module) {
  for (const Constant& c : kResourceConstants) {
    if (!setModuleInt(module, c.name, c.value)) return false;
  }
  int64_t n = static_cast<int64_t>(std::size(kRusageFields));
  return setModuleAttr(module, "error", typeValue(exc::OSError)) &&
         setModuleAttr(module, "struct_rusage", typeValue(g_struct_rusage_type)) &&
         posix::setStructSeqCounts(g_struct_rusage_type, n, n, 0);
}

const NativeModuleDef kResourceModule = {
    .name = "resource",
    .methods = kResourceFunctions,
    .init = resourceInit,
};
TERN_REGISTER_MODULE(kResourceModule);

}  // namespace

}  // namespace tern
