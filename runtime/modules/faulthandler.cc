// The faulthandler module: Python tracebacks written straight to a file
// descriptor, from places where running Python code is impossible.
//
//   - enable(): handlers for SIGSEGV, SIGFPE, SIGABRT, SIGBUS and SIGILL
//     (on an alternate stack, so a stack overflow is reported too) write
//     "Fatal Python error: Segmentation fault", the traceback, then restore
//     the previous disposition and re-raise the signal.
//   - dump_traceback(): the same traceback on demand.
//   - register(signum): a handler for a user signal that writes the
//     traceback (and chains to the previous handler when asked).
//   - dump_traceback_later(timeout): a watchdog thread that, when the time
//     is up, writes the traceback of every thread, then optionally _exit(1)s.
//   - -X faulthandler / PYTHONFAULTHANDLER: enable() at start-up
//     (enableFaulthandlerAtStartup, called by the start-up code).
//
// all_threads=True walks the registry of thread states (thread_state.h,
// newest first, as CPython lists its threads): "Current thread 0x..." for
// the calling thread, "Thread 0x..." for the others.
//
// Everything that runs in a signal handler is async-signal-safe and never
// allocates (the handler may have interrupted the allocator or a
// collection, on the alternate signal stack): write(2) of fixed text and of
// frame chains read in place (ThreadState::frame and its previous links;
// code objects never move, and their line numbers are decoded from the
// inline position table rather than the lazily allocated line cache; the
// file and function names are read from the str objects' code units,
// escaped as CPython's _Py_DumpASCII escapes them; at most 100 frames and
// 100 threads).  Another thread's frames may change while they are read, as
// in CPython: a frame whose code is not set yet ends its chain, and a name
// that is not plainly a str prints as "???".
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <climits>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <unordered_map>
#include <vector>

#include "runtime/gc/barrier.h"
#include "runtime/gc/roots.h"
#include "runtime/interp/code.h"
#include "runtime/interp/errors.h"
#include "runtime/interp/config.h"
#include "runtime/interp/frame.h"
#include "runtime/interp/position_table.h"
#include "runtime/interp/thread_state.h"
#include "runtime/modules/_signal.h"
#include "runtime/modules/faulthandler.h"
#include "runtime/modules/fd_arg.h"
#include "runtime/modules/module.h"
#include "runtime/modules/posix_internal.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/float.h"
#include "runtime/objects/int.h"
#include "runtime/objects/native.h"
#include "runtime/objects/str.h"

namespace tern {

namespace {

// ===========================================================================
// Writing tracebacks (async-signal-safe)

constexpr int kMaxFrameDepth = 100;
constexpr int kMaxThreads = 100;
constexpr int64_t kMaxStringLength = 500;

void writeAll(int fd, const char* p, size_t n) {
  while (n > 0) {
    ssize_t w = write(fd, p, n);
    if (w < 0) {
      if (errno == EINTR) continue;
      return;
    }
    p += w;
    n -= static_cast<size_t>(w);
  }
}
void puts(int fd, const char* s) { writeAll(fd, s, strlen(s)); }

void putDecimal(int fd, uint64_t v) {
  char buf[24];
  char* p = buf + sizeof buf;
  do {
    *--p = static_cast<char>('0' + v % 10);
    v /= 10;
  } while (v != 0);
  writeAll(fd, p, static_cast<size_t>(buf + sizeof buf - p));
}

void putHex(int fd, uint64_t v, int width) {
  char buf[16];
  for (int i = width - 1; i >= 0; --i) {
    buf[i] = "0123456789abcdef"[v & 15];
    v >>= 4;
  }
  writeAll(fd, buf, static_cast<size_t>(width));
}

// Whether `v` can be read as a str here.  A young str may be moving under
// another thread: only an exact str is recognised without following its
// type pointer.
bool readableStr(Value v) {
  if (v.isNull() || v.isSmallInt() || !(isExactStr(v) || (!gc::isYoungReference(v) && isStr(v)))) return false;
  const StrObj* s = asStr(v);
  return s->length >= 0 && (s->kind == 1 || s->kind == 2 || s->kind == 4);
}

// A str's text as CPython's _Py_DumpASCII writes it, through
// out(text, length): printable ASCII as is, the rest escaped (\xNN, \uNNNN,
// \UNNNNNNNN); "..." after 500 characters.
template <class Out>
void escapeAscii(const StrObj* s, Out out) {
  int64_t n = s->length;
  bool truncated = n > kMaxStringLength;
  if (truncated) n = kMaxStringLength;
  for (int64_t i = 0; i < n; ++i) {
    char32_t ch = s->at(i);
    if (ch >= ' ' && ch <= 126) {
      char c = static_cast<char>(ch);
      out(&c, 1);
      continue;
    }
    int width = ch <= 0xff ? 2 : ch <= 0xffff ? 4 : 8;
    char buf[10] = {'\\', width == 2 ? 'x' : width == 4 ? 'u' : 'U'};
    for (int d = width - 1; d >= 0; --d, ch >>= 4) buf[2 + d] = "0123456789abcdef"[ch & 15];
    out(buf, static_cast<size_t>(2 + width));
  }
  if (truncated) out("...", 3);
}

void putAscii(int fd, Value text) {
  if (!readableStr(text)) {
    puts(fd, "???");
    return;
  }
  escapeAscii(asStr(text), [fd](const char* p, size_t n) { writeAll(fd, p, n); });
}

// ===========================================================================
// The extension modules cpyext loaded, for the fatal-error report
//
// CPython lists the extension modules in sys.modules that are not in
// sys.stdlib_module_names, in sys.modules's order, reading the dict in the
// handler.  A handler here cannot read runtime dicts (a collection may be
// moving them), so each time cpyext loads a module the list is made again
// as CPython would print it then — the names cpyext loaded in sys.modules's
// order, and the new module last when sys.modules does not hold it yet (the
// importer adds it next) — escaped as the report writes them, and published
// through one atomic pointer (release; the handler's load acquires).  A
// published list is never freed: a handler may be reading it.  The list is
// as of the last load: a module dropped from sys.modules since is still
// listed (docs/differences.md).

struct ExtensionList {
  size_t count;
  const char* const* names;
};
std::atomic<const ExtensionList*> g_extensions{nullptr};

// Every non-stdlib name cpyext loaded (its UTF-8), with its escaped copy;
// under the GIL.  Never destroyed: published lists point at the copies.
std::unordered_map<std::string, const char*>& loadedExtensions() {
  static auto* names = new std::unordered_map<std::string, const char*>();
  return *names;
}

bool isStdlibModuleName(const std::string& name) {
  static const char* const kNames[] = {
#define TERN_STDLIB_MODULE(name) name,
#include "runtime/modules/stdlib_module_names.def"
#undef TERN_STDLIB_MODULE
  };
  for (const char* n : kNames) {
    if (name == n) return true;
  }
  return false;
}

// Async-signal-safe: "\nExtension modules: a, b (total: 2)\n", or nothing.
void dumpExtensionModules(int fd) {
  const ExtensionList* list = g_extensions.load(std::memory_order_acquire);
  if (list == nullptr || list->count == 0) return;
  puts(fd, "\nExtension modules: ");
  for (size_t i = 0; i < list->count; ++i) {
    if (i != 0) puts(fd, ", ");
    puts(fd, list->names[i]);
  }
  puts(fd, " (total: ");
  putDecimal(fd, list->count);
  puts(fd, ")\n");
}

// The frame's line, as Frame::line() gives it but without its line cache,
// which is allocated on first use.
int frameLine(const interp::Frame* f, const CodeObj* code) {
  int64_t index = f->instr() - code->code();
  if (index < 0) index = 0;
  if (index >= static_cast<int64_t>(code->ninstr)) return code->firstlineno;
  return codePosition(code, static_cast<uint32_t>(index)).lineno;
}

void dumpFrame(int fd, const interp::Frame* f) {
  const CodeObj* code = f->codeObj();
  puts(fd, "  File ");
  Value filename = code->filename.get();
  if (readableStr(filename)) {
    puts(fd, "\"");
    putAscii(fd, filename);
    puts(fd, "\"");
  } else {
    puts(fd, "???");
  }
  puts(fd, ", line ");
  int line = frameLine(f, code);
  if (line >= 0) {
    putDecimal(fd, static_cast<uint64_t>(line));
  } else {
    puts(fd, "???");
  }
  puts(fd, " in ");
  putAscii(fd, code->name.get());
  puts(fd, "\n");
}

void dumpTraceback(int fd, const interp::ThreadState* ts, bool header) {
  if (header) puts(fd, "Stack (most recent call first):\n");
  const interp::Frame* f = ts != nullptr ? ts->frame : nullptr;
  if (f == nullptr) {
    puts(fd, "  <no Python frame>\n");
    return;
  }
  for (int depth = 0;; ++depth) {
    if (depth >= kMaxFrameDepth) {
      puts(fd, "  ...\n");
      break;
    }
    // A frame being pushed by its (running) thread has no code yet.
    if (f->code.isNull()) break;
    dumpFrame(fd, f);
    f = f->previous();
    if (f == nullptr) break;
  }
}

void writeThreadHeader(int fd, const interp::ThreadState* ts, bool current) {
  puts(fd, current ? "Current thread 0x" : "Thread 0x");
  putHex(fd, ts->thread_id, 16);
  puts(fd, " (most recent call first):\n");
}

// Every thread's traceback, newest thread first, separated by blank lines;
// `current` (null from the watchdog) is labelled "Current thread".
void dumpAllThreads(int fd, const interp::ThreadState* current) {
  const interp::ThreadState* ts = interp::firstThread();
  for (int n = 0; ts != nullptr; ++n) {
    if (n != 0) puts(fd, "\n");
    if (n >= kMaxThreads) {
      puts(fd, "...\n");
      break;
    }
    writeThreadHeader(fd, ts, ts == current);
    dumpTraceback(fd, ts, false);
    ts = ts->next_thread.load(std::memory_order_acquire);
  }
}

// What the signal handlers and dump_traceback() write: every thread, or the
// calling thread with a "Stack" header (nothing from a thread that never ran
// Python code).
void dumpThreads(int fd, bool all_threads) {
  static std::atomic<bool> reentrant{false};
  if (reentrant.exchange(true)) return;
  const interp::ThreadState* ts = interp::currentThread();
  if (all_threads) {
    dumpAllThreads(fd, ts);
  } else if (ts != nullptr) {
    dumpTraceback(fd, ts, true);
  }
  reentrant.store(false);
}

// ===========================================================================
// Arguments

// faulthandler_get_fileno: the descriptor of `file` (sys.stderr when None or
// absent; an int as is); *keep is what to keep alive (the file object).
bool fileArg(Value file, int* fd, Value* keep) {
  *keep = Value();
  if (file.isNull() || isNone(file)) {
    Value sys = importModule(internStr("sys"));
    if (sys.isNull()) return false;
    file = lookupAttr(sys, internStr("stderr"));
    if (file.isNull()) {
      if (!errorPending()) raise(exc::RuntimeError, "unable to get sys.stderr");
      return false;
    }
    if (isNone(file)) {
      raise(exc::RuntimeError, "sys.stderr is None");
      return false;
    }
  } else if (isInt(file)) {
    if (!argCInt(file, fd)) return false;
    if (*fd < 0) {
      raise(exc::ValueError, "file is not a valid file descripter");  // sic, CPython 3.11
      return false;
    }
    return true;
  }
  Value result = callMethod(file, internStr("fileno"), nullptr, 0);
  if (result.isNull()) return false;
  int64_t n = -1;
  if (isInt(result) && !intToInt64(result, &n)) {
    clearError();
    n = -1;
  }
  if (n < 0 || n >= INT_MAX) {
    raise(exc::RuntimeError, "file.fileno() is not a valid file descriptor");
    return false;
  }
  *fd = static_cast<int>(n);
  Value flushed = callMethod(file, internStr("flush"), nullptr, 0);
  if (flushed.isNull()) clearError();  // flush() errors are ignored
  *keep = file;
  return true;
}

bool boolArg(Value v, bool* out) {
  int t = isTrue(v);
  if (t < 0) return false;
  *out = t != 0;
  return true;
}

// ===========================================================================
// The fatal-error handlers

struct FatalSignal {
  int signum;
  const char* name;
  bool enabled;
  struct sigaction previous;
};

FatalSignal g_fatal[] = {
    {SIGBUS, "Bus error", false, {}},
    {SIGILL, "Illegal instruction", false, {}},
    {SIGFPE, "Floating point exception", false, {}},
    {SIGABRT, "Aborted", false, {}},
    {SIGSEGV, "Segmentation fault", false, {}},
};

struct {
  bool enabled = false;
  int fd = 2;
  bool all_threads = true;
} g_fatal_state;
gc::GlobalRoot g_fatal_file;

void* g_alt_stack = nullptr;

void fatalHandler(int signum) {
  FatalSignal* handler = nullptr;
  for (FatalSignal& h : g_fatal) {
    if (h.signum == signum) handler = &h;
  }
  if (handler == nullptr || !handler->enabled) return;
  int saved_errno = errno;
  int fd = g_fatal_state.fd;
  // Restore the previous disposition first: the re-raise below goes there.
  handler->enabled = false;
  sigaction(signum, &handler->previous, nullptr);
  puts(fd, "Fatal Python error: ");
  puts(fd, handler->name);
  puts(fd, "\n\n");
  dumpThreads(fd, g_fatal_state.all_threads);
  dumpExtensionModules(fd);
  errno = saved_errno;
  ::raise(signum);  // SA_NODEFER: delivered at once to the previous handler
}

bool installAltStack() {
  if (g_alt_stack != nullptr) return true;
  size_t size = static_cast<size_t>(SIGSTKSZ) * 2 + 65536;
  g_alt_stack = std::malloc(size);
  if (g_alt_stack == nullptr) return false;
  stack_t ss = {};
  ss.ss_sp = g_alt_stack;
  ss.ss_size = size;
  return sigaltstack(&ss, nullptr) == 0;
}

Value faulthandler_enable(Value* args) {
  int fd;
  Value keep;
  bool all_threads;
  if (!fileArg(args[1], &fd, &keep) || !boolArg(args[2], &all_threads)) return Value();
  g_fatal_file.set(keep);
  g_fatal_state.fd = fd;
  g_fatal_state.all_threads = all_threads;
  if (!g_fatal_state.enabled) {
    if (!installAltStack()) return posix::raiseErrno(errno);
    g_fatal_state.enabled = true;
    for (FatalSignal& h : g_fatal) {
      struct sigaction action = {};
      action.sa_handler = fatalHandler;
      sigemptyset(&action.sa_mask);
      action.sa_flags = SA_NODEFER | SA_ONSTACK;
      if (sigaction(h.signum, &action, &h.previous) < 0) return posix::raiseErrno(errno);
      h.enabled = true;
    }
  }
  return None();
}

bool disableFatal() {
  if (!g_fatal_state.enabled) return false;
  g_fatal_state.enabled = false;
  for (FatalSignal& h : g_fatal) {
    if (!h.enabled) continue;
    h.enabled = false;
    sigaction(h.signum, &h.previous, nullptr);
  }
  g_fatal_file.set(Value());
  return true;
}

Value faulthandler_disable(Value*) { return Bool(disableFatal()); }
Value faulthandler_is_enabled(Value*) { return Bool(g_fatal_state.enabled); }

Value faulthandler_dump_traceback(Value* args) {
  int fd;
  Value keep;
  bool all_threads;
  if (!fileArg(args[1], &fd, &keep) || !boolArg(args[2], &all_threads)) return Value();
  const interp::ThreadState* ts = interp::currentThread();
  if (all_threads) {
    dumpAllThreads(fd, ts);
  } else {
    dumpTraceback(fd, ts, true);
  }
  if (signalsTripped() && !runSignalHandlers()) return Value();
  return None();
}

// ===========================================================================
// register / unregister: user signals

struct UserSignal {
  bool enabled = false;
  int fd = 2;
  bool all_threads = true;
  bool chain = false;
  struct sigaction previous = {};
};
UserSignal g_user[NSIG];
gc::RootVector g_user_files;  // NSIG entries once used: the files kept alive

bool installUserHandler(int signum, bool chain, struct sigaction* previous);

void userHandler(int signum) {
  UserSignal& u = g_user[signum];
  if (!u.enabled) return;
  int saved_errno = errno;
  dumpThreads(u.fd, u.all_threads);
  if (u.chain) {
    sigaction(signum, &u.previous, nullptr);
    errno = saved_errno;
    ::raise(signum);
    saved_errno = errno;
    installUserHandler(signum, true, nullptr);
  }
  errno = saved_errno;
}

bool installUserHandler(int signum, bool chain, struct sigaction* previous) {
  struct sigaction action = {};
  action.sa_handler = userHandler;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART | SA_ONSTACK | (chain ? SA_NODEFER : 0);
  return sigaction(signum, &action, previous) == 0;
}

bool userSignumArg(Value v, int* out) {
  if (!argCInt(v, out)) return false;
  if (*out < 1 || *out >= NSIG) {
    raise(exc::ValueError, "signal number out of range");
    return false;
  }
  return true;
}

Value faulthandler_register(Value* args) {
  int signum, fd;
  Value keep;
  bool all_threads, chain;
  if (!argCInt(args[1], &signum)) return Value();
  for (const FatalSignal& h : g_fatal) {
    if (h.signum == signum) {
      return raisef(exc::RuntimeError, "signal %d cannot be registered, use enable() instead", signum);
    }
  }
  if (signum < 1 || signum >= NSIG) return raise(exc::ValueError, "signal number out of range");
  if (!fileArg(args[2], &fd, &keep) || !boolArg(args[3], &all_threads) || !boolArg(args[4], &chain)) {
    return Value();
  }
  if (g_user_files.size() < static_cast<size_t>(NSIG)) g_user_files.resize(NSIG);
  UserSignal& u = g_user[signum];
  if (!u.enabled) {
    if (!installAltStack()) return posix::raiseErrno(errno);
    if (!installUserHandler(signum, chain, &u.previous)) return posix::raiseErrno(errno);
  }
  g_user_files.set(static_cast<size_t>(signum), keep);
  u.fd = fd;
  u.all_threads = all_threads;
  u.chain = chain;
  u.enabled = true;
  return None();
}

Value faulthandler_unregister(Value* args) {
  int signum;
  if (!userSignumArg(args[1], &signum)) return Value();
  UserSignal& u = g_user[signum];
  if (!u.enabled) return False();
  u.enabled = false;
  sigaction(signum, &u.previous, nullptr);
  if (g_user_files.size() > static_cast<size_t>(signum)) g_user_files.set(static_cast<size_t>(signum), Value());
  return True();
}

// ===========================================================================
// dump_traceback_later: the watchdog

// The watchdog writes every thread's frames while they run on, as
// CPython's does (none is the "current" thread).

struct Watchdog {
  pthread_mutex_t mutex = PTHREAD_MUTEX_INITIALIZER;
  pthread_cond_t cancel_cond;
  bool running = false;
  bool cancelled = false;
  pthread_t thread{};
  int fd = 2;
  int64_t timeout_us = 0;
  bool repeat = false;
  bool exit = false;
  std::string header;
  bool initialized = false;
};
Watchdog g_watchdog;
gc::GlobalRoot g_watchdog_file;

void* watchdogMain(void*) {
  // Signals meant for the program go to its own threads.
  sigset_t all;
  sigfillset(&all);
  pthread_sigmask(SIG_BLOCK, &all, nullptr);
  Watchdog& w = g_watchdog;
  pthread_mutex_lock(&w.mutex);
  for (;;) {
    struct timespec deadline;
    clock_gettime(CLOCK_MONOTONIC, &deadline);
    int64_t end = static_cast<int64_t>(deadline.tv_sec) * 1000000 + deadline.tv_nsec / 1000 + w.timeout_us;
    deadline.tv_sec = static_cast<time_t>(end / 1000000);
    deadline.tv_nsec = static_cast<long>(end % 1000000) * 1000;
    int r = 0;
    while (!w.cancelled && r != ETIMEDOUT) r = pthread_cond_timedwait(&w.cancel_cond, &w.mutex, &deadline);
    if (w.cancelled) break;
    writeAll(w.fd, w.header.data(), w.header.size());
    dumpAllThreads(w.fd, nullptr);
    if (w.exit) _exit(1);
    if (!w.repeat) break;
  }
  pthread_mutex_unlock(&w.mutex);
  return nullptr;
}

void cancelWatchdog() {
  Watchdog& w = g_watchdog;
  if (!w.running) return;
  pthread_mutex_lock(&w.mutex);
  w.cancelled = true;
  pthread_cond_signal(&w.cancel_cond);
  pthread_mutex_unlock(&w.mutex);
  pthread_join(w.thread, nullptr);
  w.running = false;
  g_watchdog_file.set(Value());
}

// "Timeout (0:00:01.500000)!\n"
std::string formatTimeout(int64_t us) {
  int64_t sec = us / 1000000;
  us %= 1000000;
  int64_t min = sec / 60;
  sec %= 60;
  int64_t hour = min / 60;
  min %= 60;
  char buf[100];
  if (us != 0) {
    std::snprintf(buf, sizeof buf, "Timeout (%lld:%02lld:%02lld.%06lld)!\n", static_cast<long long>(hour),
                  static_cast<long long>(min), static_cast<long long>(sec), static_cast<long long>(us));
  } else {
    std::snprintf(buf, sizeof buf, "Timeout (%lld:%02lld:%02lld)!\n", static_cast<long long>(hour),
                  static_cast<long long>(min), static_cast<long long>(sec));
  }
  return buf;
}

Value faulthandler_dump_traceback_later(Value* args) {
  Value timeout = args[1];
  double seconds;
  if (!timeout.isSmallInt() && isFloat(timeout)) {
    seconds = floatValue(timeout);
    if (std::isnan(seconds)) return raise(exc::ValueError, "Invalid value NaN (not a number)");
  } else if (isInt(timeout)) {
    if (!intToDouble(timeout, &seconds)) return Value();
  } else {
    return raisef(exc::TypeError, "'%s' object cannot be interpreted as an integer", typeNameOf(timeout).c_str());
  }
  double us_d = std::ceil(seconds * 1e6);
  if (!(std::fabs(seconds * 1e9) < 9.2e18)) {
    return raise(exc::OverflowError, "timestamp too large to convert to C _PyTime_t");
  }
  int64_t us = static_cast<int64_t>(us_d);
  if (us <= 0) return raise(exc::ValueError, "timeout must be greater than 0");
  bool repeat, exit;
  int fd;
  Value keep;
  if (!boolArg(args[2], &repeat) || !fileArg(args[3], &fd, &keep) || !boolArg(args[4], &exit)) return Value();
  cancelWatchdog();
  Watchdog& w = g_watchdog;
  if (!w.initialized) {
    // A forked child has no watchdog thread: forget the parent's.
    pthread_atfork(nullptr, nullptr, [] {
      g_watchdog.running = false;
      pthread_mutex_init(&g_watchdog.mutex, nullptr);
    });
    pthread_condattr_t attr;
    pthread_condattr_init(&attr);
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    pthread_cond_init(&w.cancel_cond, &attr);
    pthread_condattr_destroy(&attr);
    w.initialized = true;
  }
  g_watchdog_file.set(keep);
  w.fd = fd;
  w.timeout_us = us;
  w.repeat = repeat;
  w.exit = exit;
  w.header = formatTimeout(us);
  w.cancelled = false;
  int err = pthread_create(&w.thread, nullptr, watchdogMain, nullptr);
  if (err != 0) return raise(exc::RuntimeError, "unable to start watchdog thread");
  w.running = true;
  return None();
}

Value faulthandler_cancel_dump_traceback_later(Value*) {
  cancelWatchdog();
  return None();
}

// ===========================================================================
// Test helpers (CPython's test_faulthandler uses them)

Value faulthandler__sigsegv(Value*) {
  ::raise(SIGSEGV);
  return None();
}
Value faulthandler__sigabrt(Value*) {
  std::abort();
}
Value faulthandler__sigfpe(Value*) {
  ::raise(SIGFPE);
  return None();
}
// The deliberate fault must reach the signal handler: UBSan would report the
// null load and carry on.
[[gnu::no_sanitize("undefined")]] Value faulthandler__read_null(Value*) {
  volatile int* p = nullptr;
  return newInt(*p);
}

const MethodDef kFaulthandlerFunctions[] = {
    {.name = "enable",
     .signature = "($module, /, file=None, all_threads=True)",
     .fn = faulthandler_enable,
     .doc = "enable(file=sys.stderr, all_threads=True): enable the fault handler"},
    {.name = "disable", .signature = "($module, /)", .fn = faulthandler_disable,
     .doc = "disable(): disable the fault handler"},
    {.name = "is_enabled", .signature = "($module, /)", .fn = faulthandler_is_enabled,
     .doc = "is_enabled()->bool: check if the handler is enabled"},
    {.name = "dump_traceback",
     .signature = "($module, /, file=None, all_threads=True)",
     .fn = faulthandler_dump_traceback,
     .doc = "dump_traceback(file=sys.stderr, all_threads=True): dump the traceback of the current thread, or of "
            "all threads if all_threads is True, into file"},
    {.name = "dump_traceback_later",
     .signature = "($module, /, timeout, repeat=False, file=None, exit=False)",
     .fn = faulthandler_dump_traceback_later,
     .doc = "dump_traceback_later(timeout, repeat=False, file=sys.stderr, exit=False):\ndump the traceback of all "
            "threads in timeout seconds,\nor each timeout seconds if repeat is True. If exit is True, call "
            "_exit(1) which is not safe."},
    {.name = "cancel_dump_traceback_later",
     .signature = "($module, /)",
     .fn = faulthandler_cancel_dump_traceback_later,
     .doc = "cancel_dump_traceback_later():\ncancel the previous call to dump_traceback_later()."},
    {.name = "register",
     .signature = "($module, /, signum, file=None, all_threads=True, chain=False)",
     .fn = faulthandler_register,
     .doc = "register(signum, file=sys.stderr, all_threads=True, chain=False): register a handler for the signal "
            "'signum': dump the traceback of the current thread, or of all threads if all_threads is True, into "
            "file"},
    {.name = "unregister",
     .signature = "($module, signum, /)",
     .fn = faulthandler_unregister,
     .doc = "unregister(signum): unregister the handler of the signal 'signum' registered by register()"},
    {.name = "_read_null", .signature = "($module, /)", .fn = faulthandler__read_null,
     .doc = "_read_null(): read from NULL, raise a SIGSEGV or SIGBUS signal depending on the platform"},
    {.name = "_sigsegv", .signature = "($module, release_gil=False, /)", .fn = faulthandler__sigsegv, .flags = method_flags::kLegacyArity | method_flags::kVarArgs,
     .doc = "_sigsegv(release_gil=False): raise a SIGSEGV signal"},
    {.name = "_sigabrt", .signature = "($module, /)", .fn = faulthandler__sigabrt,
     .doc = "_sigabrt(): raise a SIGABRT signal"},
    {.name = "_sigfpe", .signature = "($module, /)", .fn = faulthandler__sigfpe,
     .doc = "_sigfpe(): raise a SIGFPE signal"},
};

const NativeModuleDef kFaulthandlerModule = {
    .name = "faulthandler",
    .methods = kFaulthandlerFunctions,
    .doc = "faulthandler module.",
};
TERN_REGISTER_MODULE(kFaulthandlerModule);

}  // namespace

void noteExtensionModule(Value spec) {
  Value name = getAttr(spec, internStr("name"));
  if (name.isNull() || !isStr(name)) {
    clearError();  // the loader read it already: not expected
    return;
  }
  std::string utf8 = strToUtf8(name);
  if (isStdlibModuleName(utf8)) return;
  auto& loaded = loadedExtensions();
  auto [entry, inserted] = loaded.try_emplace(utf8, nullptr);
  if (inserted) {
    std::string escaped;
    escapeAscii(asStr(name), [&escaped](const char* p, size_t n) { escaped.append(p, n); });
    entry->second = strdup(escaped.c_str());
    if (entry->second == nullptr) {
      loaded.erase(entry);
      return;
    }
  }
  std::vector<const char*> order;
  bool in_modules = false;
  int64_t pos = 0;
  Value key, module;
  while (dictNext(modulesDict(), &pos, &key, &module)) {
    if (!isStr(key)) continue;
    auto it = loaded.find(strToUtf8(key));
    if (it == loaded.end()) continue;
    order.push_back(it->second);
    in_modules |= it == entry;
  }
  if (!in_modules) order.push_back(entry->second);
  auto* names = new const char*[order.size()];
  std::copy(order.begin(), order.end(), names);
  g_extensions.store(new ExtensionList{.count = order.size(), .names = names}, std::memory_order_release);
}

bool enableFaulthandlerAtStartup() {
  const Config& c = config();
  if (!c.hasXOption("faulthandler") && c.env("PYTHONFAULTHANDLER") == nullptr && !c.dev_mode) return true;
  Value module = importModule(internStr("faulthandler"));
  if (module.isNull()) return false;
  return !callMethod(module, internStr("enable"), nullptr, 0).isNull();
}

}  // namespace tern
