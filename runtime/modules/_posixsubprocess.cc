// The _posixsubprocess module: fork_exec(), the process start-up that
// subprocess.Popen uses on POSIX (and that asyncio needs at import).
//
// The parent converts every argument before forking (nothing Python-level
// runs in the child but an optional preexec_fn); the child then arranges
// its descriptors, working directory, umask, signals, session, process
// group, groups and ids, runs preexec_fn, closes descriptors and tries each
// candidate executable in turn.  A failure is reported to the parent through
// errpipe_write in subprocess.py's format: "OSError:<hex errno>:noexec" for
// an error before the exec (the parent reports it against cwd), "OSError:
// <hex errno>:" when no exec succeeded, "SubprocessError:0:<message>" when
// preexec_fn raised; the child then exits with status 255.
//
// Tern has a single thread running Python when fork_exec is called (threads
// cannot start yet), so the child may run preexec_fn safely.
#include <dirent.h>
#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "runtime/interp/errors.h"
#include "runtime/modules/module.h"
#include "runtime/modules/posix_internal.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/bytes.h"
#include "runtime/objects/int.h"
#include "runtime/objects/list.h"
#include "runtime/objects/native.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"

namespace tern {

namespace {

// PyUnicode_FSConverter: str (file-system encoded), bytes, or os.PathLike.
bool fsConvert(Value v, std::string* out) {
  Value path = posix::fspath(v);
  if (path.isNull()) return false;
  if (isStr(path)) {
    if (!posix::fsEncode(path, out)) return false;
  } else {
    *out = std::string(asBytes(path)->view());
  }
  if (out->find('\0') != std::string::npos) {
    raise(exc::ValueError, "embedded null byte");
    return false;
  }
  return true;
}

bool fsConvertList(Value seq, const char* what, std::vector<std::string>* out) {
  Value items = listFromIterable(seq);
  if (items.isNull()) {
    if (errorMatches(exc::TypeError)) {
      clearError();
      raisef(exc::TypeError, "%s must be a sequence", what);
    }
    return false;
  }
  for (int64_t i = 0; i < listLength(items); ++i) {
    std::string s;
    if (!fsConvert(listItem(items, i), &s)) return false;
    out->push_back(std::move(s));
  }
  return true;
}

// A uid or gid argument: None is "leave it" (-1).
bool idArg(Value v, int64_t* out) {
  if (isNone(v)) {
    *out = -1;
    return true;
  }
  Value i = index(v);
  if (i.isNull()) return false;
  if (!intToInt64(i, out) || *out < -1 || *out > UINT32_MAX) {
    clearError();
    raise(exc::OverflowError, "uid or gid out of range");
    return false;
  }
  return true;
}

// ===========================================================================
// The child (async-signal-safe calls only, but for preexec_fn)

struct ChildPlan {
  std::vector<char*> argv, envp, executables;
  bool has_env = false;
  const char* cwd = nullptr;
  std::vector<int> fds_to_keep;  // sorted
  bool close_fds = false;
  int p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite, errpipe_read, errpipe_write;
  bool restore_signals = false, call_setsid = false;
  int pgid_to_set = -1;
  int64_t gid = -1, uid = -1;
  std::vector<gid_t> extra_groups;
  bool set_groups = false;
  int child_umask = -1;
  Value preexec_fn;
};

void writeAll(int fd, const char* data, size_t n) {
  while (n > 0) {
    ssize_t w = write(fd, data, n);
    if (w < 0) {
      if (errno == EINTR) continue;
      return;
    }
    data += w;
    n -= static_cast<size_t>(w);
  }
}

[[noreturn]] void reportAndExit(int fd, int err, bool before_exec, const char* message) {
  if (err != 0) {
    char hex[2 * sizeof(int) + 1];
    char* cur = hex + sizeof hex;
    unsigned value = static_cast<unsigned>(err);
    while (value != 0 && cur != hex) {
      *--cur = "0123456789abcdef"[value % 16];
      value /= 16;
    }
    writeAll(fd, "OSError:", 8);
    writeAll(fd, cur, static_cast<size_t>(hex + sizeof hex - cur));
    writeAll(fd, ":", 1);
    if (before_exec) writeAll(fd, "noexec", 6);
  } else {
    writeAll(fd, "SubprocessError:0:", 18);
    writeAll(fd, message, strlen(message));
  }
  _exit(255);
}

bool setInheritable(int fd, bool inheritable) {
  int flags = fcntl(fd, F_GETFD);
  if (flags < 0) return false;
  int wanted = inheritable ? (flags & ~FD_CLOEXEC) : (flags | FD_CLOEXEC);
  return wanted == flags || fcntl(fd, F_SETFD, wanted) == 0;
}

bool keepFd(const ChildPlan& p, int fd) {
  for (int k : p.fds_to_keep) {
    if (k == fd) return true;
  }
  return false;
}

// Closes every descriptor >= 3 but those to keep.
void closeOpenFds(const ChildPlan& p) {
  // /proc/self/fd lists them; fall back to every possible number.
  int dir_fd = open("/proc/self/fd", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd >= 0) {
    std::vector<int> to_close;
    DIR* dir = fdopendir(dir_fd);
    if (dir != nullptr) {
      while (struct dirent* e = readdir(dir)) {
        if (e->d_name[0] < '0' || e->d_name[0] > '9') continue;
        int fd = atoi(e->d_name);
        if (fd >= 3 && fd != dir_fd && !keepFd(p, fd)) to_close.push_back(fd);
      }
      closedir(dir);
      for (int fd : to_close) close(fd);
      return;
    }
    close(dir_fd);
  }
  long max_fd = sysconf(_SC_OPEN_MAX);
  if (max_fd < 0) max_fd = 256;
  for (int fd = 3; fd < max_fd; ++fd) {
    if (!keepFd(p, fd)) close(fd);
  }
}

[[noreturn]] void childExec(ChildPlan& p) {
  int errpipe = p.errpipe_write;
  auto fail = [&](bool before_exec) { reportAndExit(errpipe, errno, before_exec, ""); };
  for (int fd : p.fds_to_keep) {
    if (fd != errpipe && !setInheritable(fd, true)) fail(true);
  }
  if (p.p2cwrite != -1 && close(p.p2cwrite) != 0) fail(true);
  if (p.c2pread != -1 && close(p.c2pread) != 0) fail(true);
  if (p.errread != -1 && close(p.errread) != 0) fail(true);
  if (close(p.errpipe_read) != 0) fail(true);
  // Keep the child's ends out of 0..2 before the dup2s below overwrite them.
  if (p.c2pwrite == 0) {
    p.c2pwrite = dup(p.c2pwrite);
    if (p.c2pwrite < 0 || !setInheritable(p.c2pwrite, false)) fail(true);
  }
  while (p.errwrite == 0 || p.errwrite == 1) {
    p.errwrite = dup(p.errwrite);
    if (p.errwrite < 0 || !setInheritable(p.errwrite, false)) fail(true);
  }
  // dup2 clears close-on-exec, but is a no-op when the descriptor is already in place.
  const int ends[3] = {p.p2cread, p.c2pwrite, p.errwrite};
  for (int target = 0; target < 3; ++target) {
    int fd = ends[target];
    if (fd == target) {
      if (!setInheritable(fd, true)) fail(true);
    } else if (fd != -1 && dup2(fd, target) < 0) {
      fail(true);
    }
  }
  if (p.cwd != nullptr && chdir(p.cwd) != 0) fail(true);
  if (p.child_umask >= 0) umask(static_cast<mode_t>(p.child_umask));
  if (p.restore_signals) {
    signal(SIGPIPE, SIG_DFL);
    signal(SIGXFSZ, SIG_DFL);
  }
  if (p.call_setsid && setsid() < 0) fail(true);
  if (p.pgid_to_set >= 0 && setpgid(0, p.pgid_to_set) != 0) fail(true);
  if (p.set_groups && setgroups(p.extra_groups.size(), p.extra_groups.data()) != 0) fail(true);
  if (p.gid != -1 && setregid(static_cast<gid_t>(p.gid), static_cast<gid_t>(p.gid)) != 0) fail(true);
  if (p.uid != -1 && setreuid(static_cast<uid_t>(p.uid), static_cast<uid_t>(p.uid)) != 0) fail(true);
  if (!p.preexec_fn.isNull() && !isNone(p.preexec_fn)) {
    if (call0(p.preexec_fn).isNull()) reportAndExit(errpipe, 0, false, "Exception occurred in preexec_fn.");
  }
  if (p.close_fds) closeOpenFds(p);
  // The PATH search of os._execvpe over subprocess's candidate list: the
  // first error that is not "no such file" is the one reported.
  int first_error = 0;
  for (char* executable : p.executables) {
    if (executable == nullptr) break;
    if (p.has_env) {
      execve(executable, p.argv.data(), p.envp.data());
    } else {
      execv(executable, p.argv.data());
    }
    if (errno != ENOENT && errno != ENOTDIR && first_error == 0) first_error = errno;
  }
  reportAndExit(errpipe, first_error != 0 ? first_error : errno, false, "");
}

// ===========================================================================
// fork_exec

std::vector<char*> pointersTo(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (std::string& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

Value posixsubprocess_fork_exec(Value* args) {
  Value process_args = args[1], executable_list = args[2], fds_to_keep = args[4], cwd = args[5], env_list = args[6],
        extra_groups = args[19];
  ChildPlan plan;
  int close_fds = isTrue(args[3]);
  if (close_fds < 0) return Value();
  plan.close_fds = close_fds != 0;

  if (!isTuple(fds_to_keep)) return raise(exc::TypeError, "fds_to_keep must be a tuple");
  int64_t previous = -1;
  for (int64_t i = 0; i < tupleLength(fds_to_keep); ++i) {
    Value item = tupleItem(fds_to_keep, i);
    int64_t fd;
    if (!isInt(item) || !intToInt64(item, &fd) || fd < 0 || fd <= previous || fd > INT32_MAX) {
      clearError();
      return raise(exc::ValueError, "bad value(s) in fds_to_keep");
    }
    plan.fds_to_keep.push_back(static_cast<int>(fd));
    previous = fd;
  }

  std::vector<std::string> argv, executables, envp;
  if (!isNone(process_args) && !fsConvertList(process_args, "argv", &argv)) return Value();
  if (!fsConvertList(executable_list, "executable_list", &executables)) return Value();
  if (!isNone(env_list)) {
    if (!fsConvertList(env_list, "env", &envp)) return Value();
    plan.has_env = true;
  }
  std::string cwd_path;
  if (!isNone(cwd)) {
    if (!fsConvert(cwd, &cwd_path)) return Value();
    plan.cwd = cwd_path.c_str();
  }
  int* const ints[] = {&plan.p2cread, &plan.p2cwrite, &plan.c2pread,      &plan.c2pwrite,
                       &plan.errread, &plan.errwrite, &plan.errpipe_read, &plan.errpipe_write};
  for (int k = 0; k < 8; ++k) {
    if (!argCInt(args[7 + k], ints[k])) return Value();
  }
  if (plan.close_fds && plan.errpipe_write < 3) return raise(exc::ValueError, "errpipe_write must be >= 3");
  int restore_signals = isTrue(args[15]), call_setsid = isTrue(args[16]);
  if (restore_signals < 0 || call_setsid < 0) return Value();
  plan.restore_signals = restore_signals != 0;
  plan.call_setsid = call_setsid != 0;
  if (!argCInt(args[17], &plan.pgid_to_set) || !idArg(args[18], &plan.gid) || !idArg(args[20], &plan.uid) ||
      !argCInt(args[21], &plan.child_umask)) {
    return Value();
  }
  if (!isNone(extra_groups)) {
    Value groups = listFromIterable(extra_groups);
    if (groups.isNull()) return groups;
    for (int64_t i = 0; i < listLength(groups); ++i) {
      int64_t g;
      if (!idArg(listItem(groups, i), &g)) return Value();
      plan.extra_groups.push_back(static_cast<gid_t>(g));
    }
    plan.set_groups = true;
  }
  plan.preexec_fn = args[22];
  plan.argv = pointersTo(argv);
  plan.executables = pointersTo(executables);
  if (plan.has_env) plan.envp = pointersTo(envp);

  pid_t pid = fork();
  if (pid < 0) return posix::raiseErrno(errno);
  if (pid == 0) childExec(plan);
  return newInt(pid);
}

const MethodDef kPosixSubprocessFunctions[] = {
    {.name = "fork_exec",
     .signature = "($module, args, executable_list, close_fds, pass_fds, cwd, env, p2cread, p2cwrite, c2pread, "
                  "c2pwrite, errread, errwrite, errpipe_read, errpipe_write, restore_signals, call_setsid, "
                  "pgid_to_set, gid, extra_groups, uid, child_umask, preexec_fn, allow_vfork, /)",
     .fn = posixsubprocess_fork_exec, .flags = method_flags::kLegacyArity | method_flags::kVarArgs,
     .doc = "Spawn a fresh new child process.\n\nFork a child process, close parent file descriptors as "
            "appropriate in the\nchild and duplicate the few that are needed before calling exec() in the\nchild "
            "process.\n\nIf close_fds is true, close file descriptors 3 and higher, except those listed\nin the "
            "sorted tuple pass_fds.\n\nThe preexec_fn, if supplied, will be called immediately before closing file\n"
            "descriptors and exec.\n\nWARNING: preexec_fn is NOT SAFE if your application uses threads.\n         "
            "It may trigger infrequent, difficult to debug deadlocks.\n\nIf an error occurs in the child process "
            "before the exec, it is\nserialized and written to the errpipe_write fd per subprocess.py.\n\nReturns: "
            "the child process's PID.\n\nRaises: Only on an error in the parent process.\n"},
};

const NativeModuleDef kPosixSubprocessModule = {
    .name = "_posixsubprocess",
    .methods = kPosixSubprocessFunctions,
    .doc = "A POSIX helper for the subprocess module.",
};
TERN_REGISTER_MODULE(kPosixSubprocessModule);

}  // namespace

}  // namespace tern
