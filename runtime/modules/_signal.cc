// The _signal module (what signal.py wraps in enums): installing Python
// handlers, the signal constants, alarm/setitimer, masks, raise_signal.
//
// How handlers run: see _signal.h.  The C-level handler installed for a
// signal with a Python handler only sets flags and writes the wakeup fd;
// runSignalHandlers() calls the Python handlers later on the main thread.
//
// SIGINT: as CPython, `tern` installs default_int_handler at start-up
// (installStartupSigintHandler) unless SIGINT is ignored, so that Ctrl-C
// raises KeyboardInterrupt in the main thread; it is a Python handler like
// any other.
//
// Invariant: g_handlers[i] is the Python-visible handler of signal i
// (default_int_handler, a callable, the ints SIG_DFL/SIG_IGN, or None when
// the disposition was set outside Python); it is a root.
#include "runtime/modules/_signal.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include <cmath>
#include <cstdint>
#include <string>

#include "runtime/gc/roots.h"
#include "runtime/interp/errors.h"
#include "runtime/interp/frame.h"
#include "runtime/modules/module.h"
#include "runtime/modules/posix_internal.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/dict.h"
#include "runtime/interp/gil.h"
#include "runtime/objects/float.h"
#include "runtime/objects/int.h"
#include "runtime/objects/native.h"
#include "runtime/objects/set.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"
#include "runtime/objects/type.h"

namespace tern {

namespace signal_internal {
std::atomic<bool> g_any_tripped{false};
}  // namespace signal_internal

namespace {

using signal_internal::g_any_tripped;

constexpr int kNsig = NSIG;  // 65 on Linux: signals 1..64

std::atomic<bool> g_tripped[kNsig];
std::atomic<int> g_wakeup_fd{-1};
std::atomic<bool> g_wakeup_warn{true};

gc::RootVector g_handlers;  // kNsig entries once the module is initialised
gc::GlobalRoot g_default_int_handler;
gc::GlobalRoot g_itimer_error;

bool onMainThread() { return gettid() == getpid(); }

// The C-level handler: async-signal-safe stores and a write.
void tripSignal(int signum) {
  int saved_errno = errno;
  g_tripped[signum].store(true, std::memory_order_relaxed);
  g_any_tripped.store(true, std::memory_order_release);
  interp::requestSignalCheck();  // the interpreter's eval breaker (gil.h)
  int fd = g_wakeup_fd.load(std::memory_order_relaxed);
  if (fd >= 0) {
    unsigned char byte = static_cast<unsigned char>(signum);
    ssize_t ignored = write(fd, &byte, 1);
    (void)ignored;
  }
  errno = saved_errno;
}

Value raiseOSErrorFromErrno() { return posix::raiseErrno(errno); }

// A signal number argument: an int in [1, NSIG).
bool signalNumber(Value v, int* out) {
  Value i = index(v);
  if (i.isNull()) return false;
  int64_t n;
  if (!intToInt64(i, &n)) {
    clearError();
    raise(exc::OverflowError, "Python int too large to convert to C int");
    return false;
  }
  if (n < 1 || n >= kNsig) {
    raise(exc::ValueError, "signal number out of range");
    return false;
  }
  *out = static_cast<int>(n);
  return true;
}

// ===========================================================================
// Running handlers

Value currentFrameOrNone() {
  interp::Frame* f = interp::currentFrame();
  if (f == nullptr) return None();
  Value frame = interp::frameObject(f);
  return frame.isNull() ? None() : frame;
}

}  // namespace

void simulateSignal(int signum) { tripSignal(signum); }

bool runSignalHandlers() {
  if (!g_any_tripped.load(std::memory_order_acquire) || !onMainThread()) return true;
  g_any_tripped.store(false, std::memory_order_relaxed);
  for (int i = 1; i < kNsig; ++i) {
    if (!g_tripped[i].exchange(false, std::memory_order_acq_rel)) continue;
    if (g_handlers.size() != static_cast<size_t>(kNsig)) continue;
    Value handler = g_handlers[i];
    if (handler.isNull() || !isCallable(handler)) continue;
    Value frame = currentFrameOrNone();
    Value result = call2(handler, newInt(i), frame);
    if (result.isNull()) {
      // The signals not handled yet stay tripped for the next check.
      g_any_tripped.store(true, std::memory_order_release);
      return false;
    }
  }
  return true;
}

namespace {

// ===========================================================================
// signal / getsignal

// Sets the C-level disposition of `signum` for a Python handler
// (`constant`: 0 for SIG_DFL, 1 for SIG_IGN, -1 for a callable).
bool installDisposition(int signum, int constant) {
  struct sigaction action = {};
  sigemptyset(&action.sa_mask);
  if (constant == 1) {
    action.sa_handler = SIG_IGN;
  } else if (constant == 0) {
    action.sa_handler = SIG_DFL;
  } else {
    action.sa_handler = tripSignal;
    action.sa_flags = SA_ONSTACK;
  }
  if (sigaction(signum, &action, nullptr) != 0) {
    raiseOSErrorFromErrno();
    return false;
  }
  return true;
}

Value signal_signal(Value* args) {
  int signum;
  if (!signalNumber(args[1], &signum)) return Value();
  Value handler = args[2];
  if (!onMainThread()) return raise(exc::ValueError, "signal only works in main thread of the main interpreter");
  // A callable, or a value equal to SIG_IGN (1) or SIG_DFL (0): True and the
  // signal.Handlers members qualify, and are what getsignal() returns.
  int constant = -1;
  if (!isCallable(handler)) {
    for (int c = 1; c >= 0 && constant < 0; --c) {
      int eq = richCompareBool(handler, newInt(c), kEq);
      if (eq < 0) return Value();
      if (eq) constant = c;
    }
    if (constant < 0) {
      return raise(exc::TypeError, "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object");
    }
  }
  if (!runSignalHandlers()) return Value();
  if (!installDisposition(signum, constant)) return Value();
  Value old = g_handlers[signum];
  g_handlers.set(signum, handler);
  return old.isNull() ? None() : old;
}

Value signal_getsignal(Value* args) {
  int signum;
  if (!signalNumber(args[1], &signum)) return Value();
  Value h = g_handlers[signum];
  return h.isNull() ? None() : h;
}

Value signal_default_int_handler(Value* /*args*/) { return raiseEmpty(exc::KeyboardInterrupt); }

Value signal_raise_signal(Value* args) {
  int signum;
  if (!argCInt(args[1], &signum)) return Value();
  if (::raise(signum) != 0) return raiseOSErrorFromErrno();
  if (!runSignalHandlers()) return Value();
  return None();
}

Value signal_strsignal(Value* args) {
  int signum;
  if (!signalNumber(args[1], &signum)) return Value();
  const char* text = strsignal(signum);
  if (text == nullptr || strstr(text, "Unknown signal") != nullptr) return None();
  return newStr(text);
}

// ===========================================================================
// Signal sets

Value setFromSigset(const sigset_t& mask) {
  Value result = newSet();
  if (result.isNull()) return result;
  for (int i = 1; i < kNsig; ++i) {
    if (sigismember(&mask, i) == 1 && setAdd(result, newInt(i)) < 0) return Value();
  }
  return result;
}

bool sigsetFromIterable(Value iterable, sigset_t* mask) {
  sigemptyset(mask);
  Value it = getIter(iterable);
  if (it.isNull()) return false;
  for (;;) {
    Value item = iterNext(it);
    if (item.isNull()) return !errorPending();
    int overflow = 0;
    Value i = index(item);
    if (i.isNull()) return false;
    int64_t n = 0;
    if (!intToInt64(i, &n)) {
      clearError();
      overflow = 1;
    }
    if (overflow || n < 1 || n >= kNsig) {
      raisef(exc::ValueError, "signal number %lld out of range [1; %d]", static_cast<long long>(n), kNsig - 1);
      return false;
    }
    sigaddset(mask, static_cast<int>(n));
  }
}

Value signal_valid_signals(Value* /*args*/) {
  sigset_t mask;
  if (sigemptyset(&mask) != 0 || sigfillset(&mask) != 0) return raiseOSErrorFromErrno();
  return setFromSigset(mask);
}

Value signal_pthread_sigmask(Value* args) {
  int how;
  sigset_t mask, previous;
  if (!argCInt(args[1], &how) || !sigsetFromIterable(args[2], &mask)) return Value();
  int err = pthread_sigmask(how, &mask, &previous);
  if (err != 0) return posix::raiseErrno(err);
  if (!runSignalHandlers()) return Value();
  return setFromSigset(previous);
}

Value signal_sigpending(Value* /*args*/) {
  sigset_t mask;
  if (sigpending(&mask) != 0) return raiseOSErrorFromErrno();
  return setFromSigset(mask);
}

Value signal_sigwait(Value* args) {
  sigset_t mask;
  if (!sigsetFromIterable(args[1], &mask)) return Value();
  int signum;
  int err = sigwait(&mask, &signum);
  if (err != 0) return posix::raiseErrno(err);
  return newInt(signum);
}

Value signal_pthread_kill(Value* args) {
  Value tid = index(args[1]);
  if (tid.isNull()) return tid;
  int64_t thread_id;
  if (!intToInt64(tid, &thread_id)) return Value();
  int signum;
  if (!argCInt(args[2], &signum)) return Value();
  int err = pthread_kill(static_cast<pthread_t>(thread_id), signum);
  if (err != 0) return posix::raiseErrno(err);
  if (!runSignalHandlers()) return Value();
  return None();
}

Value signal_siginterrupt(Value* args) {
  int signum, flag;
  if (!signalNumber(args[1], &signum) || !argCInt(args[2], &flag)) return Value();
  struct sigaction action;
  if (sigaction(signum, nullptr, &action) != 0) return raiseOSErrorFromErrno();
  if (flag) {
    action.sa_flags &= ~SA_RESTART;
  } else {
    action.sa_flags |= SA_RESTART;
  }
  if (sigaction(signum, &action, nullptr) != 0) return raiseOSErrorFromErrno();
  return None();
}

// ===========================================================================
// Timers, pause, the wakeup fd

Value signal_alarm(Value* args) {
  int seconds;
  if (!argCInt(args[1], &seconds)) return Value();
  return newInt(alarm(static_cast<unsigned>(seconds)));
}

Value signal_pause(Value* /*args*/) {
  pause();
  if (!runSignalHandlers()) return Value();
  return None();
}

bool secondsToTimeval(Value v, struct timeval* out) {
  double d;
  if (!argDouble(v, &d)) return false;
  if (std::isnan(d)) {
    raise(exc::ValueError, "Invalid value NaN (not a number)");
    return false;
  }
  double whole = std::floor(d);
  out->tv_sec = static_cast<time_t>(whole);
  out->tv_usec = static_cast<suseconds_t>(std::ceil((d - whole) * 1e6));
  if (out->tv_usec >= 1000000) {
    out->tv_sec += 1;
    out->tv_usec -= 1000000;
  }
  // A positive delay below a microsecond still arms the timer.
  if (out->tv_sec == 0 && out->tv_usec == 0 && d > 0) out->tv_usec = 1;
  return true;
}

Value itimerTuple(const struct itimerval& v) {
  return newTupleOf({newFloat(static_cast<double>(v.it_value.tv_sec) + v.it_value.tv_usec * 1e-6),
                     newFloat(static_cast<double>(v.it_interval.tv_sec) + v.it_interval.tv_usec * 1e-6)});
}

Value raiseItimerError() {
  int err = errno;
  Value args = newTupleOf({newInt(err), newStr(strerror(err))});
  if (args.isNull()) return args;
  return raiseWithArgs(static_cast<Type*>(g_itimer_error.get().asObject()), args);
}

Value signal_setitimer(Value* args) {
  int which;
  struct itimerval value = {}, old = {};
  if (!argCInt(args[1], &which) || !secondsToTimeval(args[2], &value.it_value) ||
      !secondsToTimeval(args[3], &value.it_interval)) {
    return Value();
  }
  if (setitimer(which, &value, &old) != 0) return raiseItimerError();
  return itimerTuple(old);
}

Value signal_getitimer(Value* args) {
  int which;
  if (!argCInt(args[1], &which)) return Value();
  struct itimerval value;
  if (getitimer(which, &value) != 0) return raiseItimerError();
  return itimerTuple(value);
}

Value signal_set_wakeup_fd(Value* args) {
  int fd, warn;
  if (!argCInt(args[1], &fd) || !argCInt(args[2], &warn)) return Value();
  if (!onMainThread()) {
    return raise(exc::ValueError, "set_wakeup_fd only works in main thread of the main interpreter");
  }
  if (fd != -1) {
    struct stat st;
    if (fstat(fd, &st) != 0) return raiseOSErrorFromErrno();
    int flags = fcntl(fd, F_GETFL);
    if (flags < 0) return raiseOSErrorFromErrno();
    if (!(flags & O_NONBLOCK)) return raisef(exc::ValueError, "the fd %d must be in non-blocking mode", fd);
  }
  g_wakeup_warn.store(warn != 0);
  return newInt(g_wakeup_fd.exchange(fd));
}

// ===========================================================================
// The module

const MethodDef kSignalFunctions[] = {
    {.name = "default_int_handler",
     .signature = "($module, signalnum, frame, /)",
     .fn = signal_default_int_handler,
     .doc = "The default handler for SIGINT installed by Python.\n\nIt raises KeyboardInterrupt."},
    {.name = "alarm",
     .signature = "($module, seconds, /)",
     .fn = signal_alarm,
     .doc = "Arrange for SIGALRM to arrive after the given number of seconds."},
    {.name = "setitimer",
     .signature = "($module, which, seconds, interval=0.0, /)",
     .fn = signal_setitimer,
     .doc = "Sets given itimer (one of ITIMER_REAL, ITIMER_VIRTUAL or ITIMER_PROF).\n\nThe timer will fire after "
            "value seconds and after that every interval seconds.\nThe itimer can be cleared by setting seconds to "
            "zero.\n\nReturns old values as a tuple: (delay, interval)."},
    {.name = "getitimer",
     .signature = "($module, which, /)",
     .fn = signal_getitimer,
     .doc = "Returns current value of given itimer."},
    {.name = "strsignal",
     .signature = "($module, signalnum, /)",
     .fn = signal_strsignal,
     .doc = "Return the system description of the given signal.\n\nThe return values can be such as \"Interrupt\", "
            "\"Segmentation fault\", etc.\nReturns None if the signal is not recognized."},
    {.name = "signal",
     .signature = "($module, signalnum, handler, /)",
     .fn = signal_signal,
     .doc = "Set the action for the given signal.\n\nThe action can be SIG_DFL, SIG_IGN, or a callable Python "
            "object.\nThe previous action is returned.  See getsignal() for possible return values.\n\n*** IMPORTANT "
            "NOTICE ***\nA signal handler function is called with two arguments:\nthe first is the signal number, "
            "the second is the interrupted stack frame."},
    {.name = "raise_signal",
     .signature = "($module, signalnum, /)",
     .fn = signal_raise_signal,
     .doc = "Send a signal to the executing process."},
    {.name = "getsignal",
     .signature = "($module, signalnum, /)",
     .fn = signal_getsignal,
     .doc = "Return the current action for the given signal.\n\nThe return value can be:\n  SIG_IGN -- if the "
            "signal is being ignored\n  SIG_DFL -- if the default action for the signal is in effect\n  None    -- if "
            "an unknown handler is in effect\n  anything else -- the callable Python object used as a handler"},
    {.name = "set_wakeup_fd",
     .signature = "($module, fd, /, *, warn_on_full_buffer=True)",
     .fn = signal_set_wakeup_fd,
     .doc = "set_wakeup_fd(fd, *, warn_on_full_buffer=True) -> fd\n\nSets the fd to be written to (with the signal "
            "number) when a signal\ncomes in.  A library can use this to wakeup select or poll.\nThe previous fd or "
            "-1 is returned.\n\nThe fd must be non-blocking."},
    {.name = "siginterrupt",
     .signature = "($module, signalnum, flag, /)",
     .fn = signal_siginterrupt,
     .doc = "Change system call restart behaviour.\n\nIf flag is False, system calls will be restarted when "
            "interrupted by\nsignal sig, else system calls will be interrupted."},
    {.name = "pause", .signature = "($module, /)", .fn = signal_pause, .doc = "Wait until a signal arrives."},
    {.name = "pthread_kill",
     .signature = "($module, thread_id, signalnum, /)",
     .fn = signal_pthread_kill,
     .doc = "Send a signal to a thread."},
    {.name = "pthread_sigmask",
     .signature = "($module, how, mask, /)",
     .fn = signal_pthread_sigmask,
     .doc = "Fetch and/or change the signal mask of the calling thread."},
    {.name = "sigpending",
     .signature = "($module, /)",
     .fn = signal_sigpending,
     .doc = "Examine pending signals.\n\nReturns a set of signal numbers that are pending for delivery to\nthe "
            "calling thread."},
    {.name = "sigwait",
     .signature = "($module, sigset, /)",
     .fn = signal_sigwait,
     .doc = "Wait for a signal.\n\nSuspend execution of the calling thread until the delivery of one of the\n"
            "signals specified in the signal set sigset.  The function accepts the signal\nand returns the signal "
            "number."},
    {.name = "valid_signals",
     .signature = "($module, /)",
     .fn = signal_valid_signals,
     .doc = "Return a set of valid signal numbers on this platform.\n\nThe signal numbers returned by this function "
            "can be safely passed to\nfunctions like `pthread_sigmask`."},
};

struct Constant {
  const char* name;
  int64_t value;
};

// clang-format off
const Constant kConstants[] = {
    {"SIG_DFL", 0}, {"SIG_IGN", 1}, {"NSIG", kNsig}, {"SIG_BLOCK", SIG_BLOCK}, {"SIG_UNBLOCK", SIG_UNBLOCK},
    {"SIG_SETMASK", SIG_SETMASK}, {"ITIMER_REAL", ITIMER_REAL}, {"ITIMER_VIRTUAL", ITIMER_VIRTUAL},
    {"ITIMER_PROF", ITIMER_PROF},
    {"SIGHUP", SIGHUP}, {"SIGINT", SIGINT}, {"SIGQUIT", SIGQUIT}, {"SIGILL", SIGILL}, {"SIGTRAP", SIGTRAP},
    {"SIGIOT", SIGIOT}, {"SIGABRT", SIGABRT}, {"SIGFPE", SIGFPE}, {"SIGKILL", SIGKILL}, {"SIGBUS", SIGBUS},
    {"SIGSEGV", SIGSEGV}, {"SIGSYS", SIGSYS}, {"SIGPIPE", SIGPIPE}, {"SIGALRM", SIGALRM}, {"SIGTERM", SIGTERM},
    {"SIGUSR1", SIGUSR1}, {"SIGUSR2", SIGUSR2}, {"SIGCLD", SIGCHLD}, {"SIGCHLD", SIGCHLD}, {"SIGPWR", SIGPWR},
    {"SIGIO", SIGIO}, {"SIGPOLL", SIGPOLL}, {"SIGURG", SIGURG}, {"SIGWINCH", SIGWINCH}, {"SIGSTOP", SIGSTOP},
    {"SIGTSTP", SIGTSTP}, {"SIGCONT", SIGCONT}, {"SIGTTIN", SIGTTIN}, {"SIGTTOU", SIGTTOU},
    {"SIGVTALRM", SIGVTALRM}, {"SIGPROF", SIGPROF}, {"SIGXCPU", SIGXCPU}, {"SIGXFSZ", SIGXFSZ},
    {"SIGSTKFLT", SIGSTKFLT},
};
// clang-format on

Value newItimerError() {
  Value ns = newDict();
  if (ns.isNull() || dictSet(ns, names::__module__, internStr("signal")) < 0) return Value();
  Value bases = newTupleOf({typeValue(exc::OSError)});
  if (bases.isNull()) return bases;
  return newClass(types::type_type, internStr("itimer_error"), bases, ns, Value());
}

bool signalInit(Value module) {
  Value d = moduleDict(module);
  if (g_default_int_handler.get().isNull()) {
    Value handler = dictGet(d, internStr("default_int_handler"));
    if (handler.isNull()) return false;
    g_default_int_handler.set(handler);
    Value error = newItimerError();
    if (error.isNull()) return false;
    g_itimer_error.set(error);
    // The dispositions inherited from the parent process, as Python sees them.
    g_handlers.resize(kNsig);
    for (int i = 1; i < kNsig; ++i) {
      struct sigaction current;
      Value h = None();
      if (sigaction(i, nullptr, &current) == 0) {
        if (current.sa_handler == SIG_DFL) {
          h = newInt(0);
        } else if (current.sa_handler == SIG_IGN) {
          h = newInt(1);
        }
      }
      g_handlers.set(i, h);
    }
  }
  for (const Constant& c : kConstants) {
    if (dictSet(d, internStr(c.name), newInt(c.value)) < 0) return false;
  }
  return dictSet(d, internStr("SIGRTMIN"), newInt(SIGRTMIN)) == 0 &&
         dictSet(d, internStr("SIGRTMAX"), newInt(SIGRTMAX)) == 0 &&
         dictSet(d, internStr("ItimerError"), g_itimer_error.get()) == 0;
}

const NativeModuleDef kSignalModule = {
    .name = "_signal",
    .methods = kSignalFunctions,
    .init = signalInit,
    .doc = "This module provides mechanisms to use signal handlers in Python.",
};
TERN_REGISTER_MODULE(kSignalModule);

}  // namespace

bool installStartupSigintHandler() {
  if (importModule(internStr("_signal")).isNull()) return false;
  struct sigaction current;
  if (sigaction(SIGINT, nullptr, &current) != 0 || current.sa_handler != SIG_DFL) return true;
  if (!installDisposition(SIGINT, -1)) return false;
  g_handlers.set(SIGINT, g_default_int_handler.get());
  return true;
}

}  // namespace tern
