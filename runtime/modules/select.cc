// The select module on Linux: select(), poll objects
// (register/modify/unregister/poll) and epoll objects, with CPython's
// argument errors.  devpoll and kqueue do not exist on Linux; with epoll
// present, selectors.DefaultSelector is the EpollSelector.
//
// Interrupted waits follow PEP 475: on EINTR the signal handlers run, and
// the wait resumes with what is left of the timeout unless a handler raised.
//
// A poll object keeps its registrations in a dict fd -> event mask (a
// traced field); `polling` guards against a handler re-entering poll().
// An epoll object is only its descriptor: the kernel keeps the interest
// list.  Invariant: `epfd` is -1 once the object is closed; an open epoll
// object is finalizable (the collector closes a descriptor left open).
#include <limits.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/select.h>
#include <unistd.h>
#include <time.h>

#include <cerrno>
#include <cmath>
#include <cstdint>
#include <vector>

#include "runtime/gc/heap.h"
#include "runtime/interp/errors.h"
#include "runtime/interp/gil.h"
#include "runtime/modules/_signal.h"
#include "runtime/modules/fd_arg.h"
#include "runtime/modules/module.h"
#include "runtime/modules/posix_internal.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/float.h"
#include "runtime/objects/int.h"
#include "runtime/objects/list.h"
#include "runtime/objects/native.h"
#include "runtime/objects/numbers_internal.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"

namespace tern {

namespace {

Type* g_poll_type = nullptr;
Type* g_epoll_type = nullptr;

int64_t monotonicNs() {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<int64_t>(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

// A timeout in seconds (None: -1, wait forever) as nanoseconds, rounded up.
bool secondsTimeout(Value v, int64_t* ns, const char* type_message) {
  if (isNone(v)) {
    *ns = -1;
    return true;
  }
  double seconds;
  if (isFloat(v)) {
    seconds = floatValue(v);
    if (std::isnan(seconds)) {
      raise(exc::ValueError, "Invalid value NaN (not a number)");
      return false;
    }
  } else if (isInt(v)) {
    if (!intToDouble(v, &seconds)) return false;
  } else {
    raise(exc::TypeError, type_message);
    return false;
  }
  double total = std::ceil(seconds * 1e9);
  if (!(total >= -9.2e18 && total <= 9.2e18)) {
    raise(exc::OverflowError, "timeout doesn't fit into C timeval");
    return false;
  }
  *ns = static_cast<int64_t>(total);
  return true;
}

// ===========================================================================
// select()

// The descriptors of one select() argument, in the order of its items.
struct FdItems {
  std::vector<int> fds;
};

// An exact list is read in place, as CPython's PySequence_Fast does: a
// fileno() that shrinks it ends the walk early.  `*items_out` gets the
// objects read, in the order of `out->fds`.
bool collectFds(Value arg, Value* items_out, FdItems* out, fd_set* set, int* max_fd) {
  Value source = arg;
  if (!isExactList(arg)) {
    source = listFromIterable(arg);
    if (source.isNull()) {
      if (errorMatches(exc::TypeError)) {
        clearError();
        raise(exc::TypeError, "arguments 1-3 must be sequences");
      }
      return false;
    }
  }
  Value items = newList();
  if (items.isNull()) return false;
  *items_out = items;
  FD_ZERO(set);
  for (int64_t i = 0; i < listLength(source); ++i) {
    Value item = listItem(source, i);
    int fd;
    if (!asFileDescriptor(item, &fd)) return false;
    if (fd >= FD_SETSIZE) {
      raise(exc::ValueError, "filedescriptor out of range in select()");
      return false;
    }
    if (!listAppend(items, item)) return false;
    FD_SET(fd, set);
    if (fd > *max_fd) *max_fd = fd;
    out->fds.push_back(fd);
  }
  return true;
}

Value readyItems(Value items, const FdItems& fds, const fd_set& set) {
  Value result = newList();
  if (result.isNull()) return result;
  for (size_t i = 0; i < fds.fds.size(); ++i) {
    if (FD_ISSET(fds.fds[i], &set) && !listAppend(result, listItem(items, static_cast<int64_t>(i)))) return Value();
  }
  return result;
}

Value select_select(Value* args) {
  int64_t timeout_ns;
  if (!secondsTimeout(args[4], &timeout_ns, "timeout must be a float or None")) return Value();
  if (!isNone(args[4]) && timeout_ns < 0) {
    return raise(exc::ValueError, "timeout must be non-negative");
  }
  Value items[3];
  FdItems fds[3];
  fd_set sets[3];
  int max_fd = -1;
  for (int k = 0; k < 3; ++k) {
    if (!collectFds(args[1 + k], &items[k], &fds[k], &sets[k], &max_fd)) return Value();
  }
  int64_t deadline = timeout_ns >= 0 ? monotonicNs() + timeout_ns : 0;
  fd_set ready[3];
  for (;;) {
    for (int k = 0; k < 3; ++k) ready[k] = sets[k];
    struct timeval tv, *tvp = nullptr;
    if (timeout_ns >= 0) {
      int64_t left = deadline - monotonicNs();
      if (left < 0) left = 0;
      tv.tv_sec = static_cast<time_t>(left / 1000000000);
      tv.tv_usec = static_cast<suseconds_t>((left % 1000000000 + 999) / 1000);
      tvp = &tv;
    }
    int n;
    {
      interp::AllowThreads allow;  // gil.h
      n = ::select(max_fd + 1, &ready[0], &ready[1], &ready[2], tvp);
    }
    if (n >= 0) break;
    if (errno != EINTR) return posix::raiseErrno(errno);
    if (!retryAfterSignal()) return Value();
  }
  Value r0 = readyItems(items[0], fds[0], ready[0]);
  if (r0.isNull()) return r0;
  Value r1 = readyItems(items[1], fds[1], ready[1]);
  if (r1.isNull()) return r1;
  Value r2 = readyItems(items[2], fds[2], ready[2]);
  if (r2.isNull()) return r2;
  return newTupleOf({r0, r1, r2});
}

// ===========================================================================
// poll objects

struct PollObj : Obj {
  gc::HeapValue registrations;  // dict: fd (int) -> event mask (int)
  uint64_t polling;
};
PollObj* asPoll(Value v) { return static_cast<PollObj*>(v.asObject()); }

// An event mask: an unsigned short.
bool eventMask(Value v, int* out) {
  Value i = index(v);
  if (i.isNull()) return false;
  numbers::IntRef ref(i);
  if (ref.neg) {
    raise(exc::ValueError, "value must be positive");
    return false;
  }
  if (ref.mag.size() > 1 || (!ref.mag.empty() && ref.mag[0] > USHRT_MAX)) {
    raise(exc::OverflowError, "Python int too large for C unsigned short");
    return false;
  }
  *out = ref.mag.empty() ? 0 : static_cast<int>(ref.mag[0]);
  return true;
}

Value select_poll(Value* /*args*/) {
  Value regs = newDict();
  if (regs.isNull()) return regs;
  PollObj* p = static_cast<PollObj*>(newObject(g_poll_type, sizeof(PollObj)));
  p->registrations.set(regs);
  return Value(p);
}

Value poll_register(Value* args) {
  int fd, mask = POLLIN | POLLPRI | POLLOUT;
  if (!asFileDescriptor(args[1], &fd)) return Value();
  if (!args[2].isNull() && !eventMask(args[2], &mask)) return Value();
  if (dictSet(asPoll(args[0])->registrations.get(), newInt(fd), newInt(mask)) < 0) return Value();
  return None();
}

Value poll_modify(Value* args) {
  int fd, mask;
  if (!asFileDescriptor(args[1], &fd) || !eventMask(args[2], &mask)) return Value();
  Value regs = asPoll(args[0])->registrations.get();
  int present = dictContains(regs, newInt(fd));
  if (present < 0) return Value();
  if (present == 0) return posix::raiseErrno(ENOENT);
  if (dictSet(regs, newInt(fd), newInt(mask)) < 0) return Value();
  return None();
}

Value poll_unregister(Value* args) {
  int fd;
  if (!asFileDescriptor(args[1], &fd)) return Value();
  int r = dictDel(asPoll(args[0])->registrations.get(), newInt(fd));
  if (r < 0) return Value();
  if (r == 0) return raiseKeyError(newInt(fd));
  return None();
}

Value poll_poll(Value* args) {
  Value self = args[0], timeout = args[1];
  // Milliseconds, rounded up; None or negative waits forever.
  int64_t timeout_ms = -1;
  if (!isNone(timeout)) {
    double ms;
    if (isFloat(timeout)) {
      ms = floatValue(timeout);
      if (std::isnan(ms)) return raise(exc::ValueError, "Invalid value NaN (not a number)");
    } else if (isInt(timeout)) {
      if (!intToDouble(timeout, &ms)) return Value();
    } else {
      return raise(exc::TypeError, "timeout must be an integer or None");
    }
    if (ms >= 0) {
      double up = std::ceil(ms);
      if (up > INT32_MAX) return raise(exc::OverflowError, "Python int too large to convert to C int");
      timeout_ms = static_cast<int64_t>(up);
    }
  }
  if (asPoll(self)->polling) return raise(exc::RuntimeError, "concurrent poll() invocation");
  std::vector<struct pollfd> fds;
  Value regs = asPoll(self)->registrations.get();
  int64_t pos = 0;
  Value key, value;
  while (dictNext(regs, &pos, &key, &value)) {
    int64_t fd, mask;
    if (!intToInt64(key, &fd) || !intToInt64(value, &mask)) return Value();
    fds.push_back({.fd = static_cast<int>(fd), .events = static_cast<short>(mask), .revents = 0});
  }
  int64_t deadline = timeout_ms >= 0 ? monotonicNs() + timeout_ms * 1000000 : 0;
  asPoll(self)->polling = 1;
  int n;
  for (;;) {
    int wait_ms = -1;
    if (timeout_ms >= 0) {
      int64_t left = deadline - monotonicNs();
      wait_ms = left <= 0 ? 0 : static_cast<int>((left + 999999) / 1000000);
    }
    {
      interp::AllowThreads allow;  // gil.h
      n = ::poll(fds.data(), fds.size(), wait_ms);
    }
    if (n >= 0) break;
    if (errno != EINTR) {
      asPoll(self)->polling = 0;
      return posix::raiseErrno(errno);
    }
    if (!retryAfterSignal()) {
      asPoll(self)->polling = 0;
      return Value();
    }
  }
  asPoll(self)->polling = 0;
  Value result = newList(n);
  if (result.isNull()) return result;
  for (const struct pollfd& p : fds) {
    if (p.revents == 0) continue;
    Value pair = newTupleOf({newInt(p.fd), newInt(p.revents & 0xffff)});
    if (pair.isNull() || !listAppend(result, pair)) return Value();
  }
  return result;
}

// ===========================================================================
// epoll objects

struct EpollObj : Obj {
  int64_t epfd;  // -1 once closed
};
EpollObj* asEpoll(Value v) { return static_cast<EpollObj*>(v.asObject()); }

Value raiseEpollClosed() { return raise(exc::ValueError, "I/O operation on closed epoll object"); }

// The collector closes an epoll descriptor the program left open (CPython's
// dealloc does, without a warning).
void epollLayoutFinalize(gc::Object* object) {
  EpollObj* e = static_cast<EpollObj*>(object);
  if (e->epfd >= 0) ::close(static_cast<int>(e->epfd));
  e->epfd = -1;
}

// A new epoll object around `fd`, or around a new non-inheritable epoll
// instance when `fd` is -1.
Value newEpoll(Type* type, int fd) {
  if (fd == -1) {
    fd = epoll_create1(EPOLL_CLOEXEC);
    if (fd < 0) return posix::raiseErrno(errno);
  }
  EpollObj* e = static_cast<EpollObj*>(newObject(type, sizeof(EpollObj)));
  e->epfd = fd;
  gc::setFinalizable(e);
  return Value(e);
}

const MethodDef kEpollNewDef = {.name = "epoll", .signature = "(sizehint=-1, flags=0)"};

Value epoll_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  Value bound[2];
  if (!bindArguments(&kEpollNewDef, Value(), args, nargs, kwnames, bound)) return Value();
  int sizehint, flags;
  if (!argCInt(bound[0], &sizehint) || !argCInt(bound[1], &flags)) return Value();
  // The size hint only has to be valid: the kernel ignores it.
  if (sizehint != -1 && sizehint <= 0) return raise(exc::ValueError, "negative sizehint");
  if (flags != 0 && flags != EPOLL_CLOEXEC) return raise(exc::OSError, "invalid flags");
  return newEpoll(type, -1);
}

Value epoll_fromfd(Value* args) {
  int fd;
  if (!argCInt(args[1], &fd)) return Value();
  return newEpoll(static_cast<Type*>(args[0].asObject()), fd);
}

Value epoll_close(Value* args) {
  EpollObj* e = asEpoll(args[0]);
  if (e->epfd < 0) return None();
  int fd = static_cast<int>(e->epfd);
  e->epfd = -1;
  if (::close(fd) != 0) return posix::raiseErrno(errno);
  return None();
}

Value epoll_get_closed(Value self) { return Bool(asEpoll(self)->epfd < 0); }

Value epoll_fileno(Value* args) {
  int64_t fd = asEpoll(args[0])->epfd;
  if (fd < 0) return raiseEpollClosed();
  return newInt(fd);
}

// An epoll event mask: a C unsigned int taken bitwise (any int, reduced
// modulo 2**32, as CPython's unsigned_int(bitwise=True) converter).
bool epollMask(Value v, uint32_t* out) {
  Value i = index(v);
  if (i.isNull()) return false;
  numbers::IntRef ref(i);
  uint32_t low = ref.mag.empty() ? 0 : static_cast<uint32_t>(ref.mag[0]);
  *out = ref.neg ? 0u - low : low;
  return true;
}

// epoll_ctl for register/modify/unregister, after the arguments were
// converted (so a bad argument is reported before a closed object);
// `mask` is ignored by EPOLL_CTL_DEL.
Value epollControl(Value self, int op, int fd, uint32_t mask) {
  int64_t epfd = asEpoll(self)->epfd;
  if (epfd < 0) return raiseEpollClosed();
  struct epoll_event ev = {.events = mask, .data = {.fd = fd}};
  if (epoll_ctl(static_cast<int>(epfd), op, fd, &ev) != 0) return posix::raiseErrno(errno);
  return None();
}

Value epoll_register(Value* args) {
  int fd;
  uint32_t mask = EPOLLIN | EPOLLPRI | EPOLLOUT;
  if (!asFileDescriptor(args[1], &fd) || !epollMask(args[2], &mask)) return Value();
  return epollControl(args[0], EPOLL_CTL_ADD, fd, mask);
}

Value epoll_modify(Value* args) {
  int fd;
  uint32_t mask;
  if (!asFileDescriptor(args[1], &fd) || !epollMask(args[2], &mask)) return Value();
  return epollControl(args[0], EPOLL_CTL_MOD, fd, mask);
}

Value epoll_unregister(Value* args) {
  int fd;
  if (!asFileDescriptor(args[1], &fd)) return Value();
  return epollControl(args[0], EPOLL_CTL_DEL, fd, 0);
}

// epoll.poll()'s timeout as CPython's _PyTime_FromSecondsObject reads it:
// seconds (int or float) as nanoseconds, rounded away from zero.
bool epollTimeoutNs(Value v, int64_t* ns) {
  if (isFloat(v)) {
    double d = floatValue(v);
    if (std::isnan(d)) {
      raise(exc::ValueError, "Invalid value NaN (not a number)");
      return false;
    }
    d *= 1e9;
    d = d >= 0 ? std::ceil(d) : std::floor(d);
    if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0)) {
      raise(exc::OverflowError, "timestamp too large to convert to C _PyTime_t");
      return false;
    }
    *ns = static_cast<int64_t>(d);
    return true;
  }
  Value i = index(v);
  int64_t seconds;
  if (i.isNull() || !intToInt64(i, &seconds)) {
    if (errorMatches(exc::TypeError)) {
      clearError();
      raise(exc::TypeError, "timeout must be an integer or None");
    } else if (errorMatches(exc::OverflowError)) {
      clearError();
      raise(exc::OverflowError, "timestamp too large to convert to C _PyTime_t");
    }
    return false;
  }
  if (__builtin_mul_overflow(seconds, int64_t{1000000000}, ns)) {
    raise(exc::OverflowError, "timestamp too large to convert to C _PyTime_t");
    return false;
  }
  return true;
}

// Nanoseconds as epoll_wait's milliseconds, rounded up (toward +inf).
int64_t ceilMilliseconds(int64_t ns) { return ns / 1000000 + (ns % 1000000 > 0 ? 1 : 0); }

Value epoll_poll(Value* args) {
  Value self = args[0];
  int maxevents;
  if (!argCInt(args[2], &maxevents)) return Value();
  if (asEpoll(self)->epfd < 0) return raiseEpollClosed();
  int64_t timeout_ns = -1;  // negative: no deadline
  int64_t ms = -1;
  if (!isNone(args[1])) {
    if (!epollTimeoutNs(args[1], &timeout_ns)) return Value();
    ms = ceilMilliseconds(timeout_ns);
    if (ms < INT_MIN || ms > INT_MAX) return raise(exc::OverflowError, "timeout is too large");
    // Every negative timeout waits forever, as -1 is documented to.
    if (ms < 0) ms = -1;
  }
  if (maxevents == -1) {
    maxevents = FD_SETSIZE - 1;
  } else if (maxevents < 1) {
    return raisef(exc::ValueError, "maxevents must be greater than 0, got %d", maxevents);
  }
  std::vector<struct epoll_event> events(static_cast<size_t>(maxevents));
  int64_t deadline = timeout_ns >= 0 ? monotonicNs() + timeout_ns : 0;
  int n;
  for (;;) {
    int epfd = static_cast<int>(asEpoll(self)->epfd);
    {
      interp::AllowThreads allow;  // gil.h
      n = epoll_wait(epfd, events.data(), maxevents, static_cast<int>(ms));
    }
    if (n >= 0) break;
    if (errno != EINTR) return posix::raiseErrno(errno);
    if (!retryAfterSignal()) return Value();
    if (timeout_ns >= 0) {
      int64_t left = deadline - monotonicNs();
      if (left < 0) {
        n = 0;
        break;
      }
      ms = ceilMilliseconds(left);
    }
  }
  Value result = newList(n);
  if (result.isNull()) return result;
  for (int k = 0; k < n; ++k) {
    Value pair = newTupleOf({newInt(events[k].data.fd), newInt(events[k].events)});
    if (pair.isNull() || !listAppend(result, pair)) return Value();
  }
  return result;
}

Value epoll___enter__(Value* args) {
  if (asEpoll(args[0])->epfd < 0) return raiseEpollClosed();
  return args[0];
}

Value epoll___exit__(Value* args) {
  Value closed = callMethod(args[0], internStr("close"), nullptr, 0);
  if (closed.isNull()) return closed;
  return None();
}

// ===========================================================================
// Tables

const uint32_t kPollFields[] = {offsetof(Obj, ob_type), offsetof(PollObj, registrations)};
const gc::Layout kPollLayout = {.name = "select.poll", .fields = kPollFields};

const MethodDef kPollMethods[] = {
    {.name = "register",
     .signature = "($self, fd, eventmask=<unrepresentable>, /)",
     .fn = poll_register,
     .doc = "Register a file descriptor with the polling object.\n\n  fd\n    either an integer, or an object with a "
            "fileno() method returning an int\n  eventmask\n    an optional bitmask describing the type of events to "
            "check for"},
    {.name = "modify",
     .signature = "($self, fd, eventmask, /)",
     .fn = poll_modify,
     .doc = "Modify an already registered file descriptor.\n\n  fd\n    either an integer, or an object with a "
            "fileno() method returning\n    an int\n  eventmask\n    a bitmask describing the type of events to "
            "check for"},
    {.name = "unregister",
     .signature = "($self, fd, /)",
     .fn = poll_unregister,
     .doc = "Remove a file descriptor being tracked by the polling object."},
    {.name = "poll",
     .signature = "($self, timeout=None, /)",
     .fn = poll_poll,
     .doc = "Polls the set of registered file descriptors.\n\n  timeout\n    The maximum time to wait in "
            "milliseconds, or else None (or a negative\n    value) to wait indefinitely.\n\nReturns a list "
            "containing any descriptors that have events or errors to\nreport, as a list of (fd, event) 2-tuples."},
};

const TypeSpec kPollSpec = {
    .name = "poll",
    .module = "select",
    .type = &g_poll_type,
    .layout = &kPollLayout,
    .basic_size = sizeof(PollObj),
    .methods = kPollMethods,
};
TERN_REGISTER_TYPE(kPollSpec);

const uint32_t kEpollFields[] = {offsetof(Obj, ob_type)};
const gc::Layout kEpollLayout = {.name = "select.epoll", .fields = kEpollFields, .finalize = epollLayoutFinalize};

const MethodDef kEpollMethods[] = {
    {.name = "close",
     .signature = "($self, /)",
     .fn = epoll_close,
     .doc = "Close the epoll control file descriptor.\n\nFurther operations on the epoll object will raise an "
            "exception."},
    {.name = "fileno", .signature = "($self, /)", .fn = epoll_fileno, .doc = "Return the epoll control file descriptor."},
    {.name = "fromfd",
     .signature = "($type, fd, /)",
     .fn = epoll_fromfd,
     .flags = method_flags::kClassMethod,
     .doc = "Create an epoll object from a given control fd."},
    // eventmask's default is CPython's select.EPOLLIN | select.EPOLLPRI | select.EPOLLOUT.
    {.name = "register",
     .signature = "($self, /, fd, eventmask=7)",
     .fn = epoll_register,
     .doc = "Registers a new fd or raises an OSError if the fd is already registered.\n\n  fd\n    the target file "
            "descriptor of the operation\n  eventmask\n    a bit set composed of the various EPOLL constants\n\nThe "
            "epoll interface supports all file descriptors that support poll."},
    {.name = "modify",
     .signature = "($self, /, fd, eventmask)",
     .fn = epoll_modify,
     .doc = "Modify event mask for a registered file descriptor.\n\n  fd\n    the target file descriptor of the "
            "operation\n  eventmask\n    a bit set composed of the various EPOLL constants"},
    {.name = "unregister",
     .signature = "($self, /, fd)",
     .fn = epoll_unregister,
     .doc = "Remove a registered file descriptor from the epoll object.\n\n  fd\n    the target file descriptor of "
            "the operation"},
    {.name = "poll",
     .signature = "($self, /, timeout=None, maxevents=-1)",
     .fn = epoll_poll,
     .doc = "Wait for events on the epoll file descriptor.\n\n  timeout\n    the maximum time to wait in seconds "
            "(as float);\n    a timeout of None or -1 makes poll wait indefinitely\n  maxevents\n    the maximum "
            "number of events returned; -1 means no limit\n\nReturns a list containing any descriptors that have "
            "events to report,\nas a list of (fd, events) 2-tuples."},
    {.name = "__enter__", .signature = "($self, /)", .fn = epoll___enter__},
    {.name = "__exit__", .signature = "($self, exc_type=None, exc_value=None, exc_tb=None, /)", .fn = epoll___exit__},
};

const GetSetDef kEpollGetSets[] = {
    {.name = "closed", .get = epoll_get_closed, .doc = "True if the epoll handler is closed"},
};

const TypeSpec kEpollSpec = {
    .name = "epoll",
    .module = "select",
    .type = &g_epoll_type,
    .layout = &kEpollLayout,
    .basic_size = sizeof(EpollObj),
    .slots = {.tp_new = epoll_new},
    .methods = kEpollMethods,
    .getsets = kEpollGetSets,
    .doc = "select.epoll(sizehint=-1, flags=0)\n\nReturns an epolling object\n\nsizehint must be a positive integer "
           "or -1 for the default size. The\nsizehint is used to optimize internal data structures. It doesn't "
           "limit\nthe maximum number of monitored events.",
};
TERN_REGISTER_TYPE(kEpollSpec);

const MethodDef kSelectFunctions[] = {
    {.name = "select",
     .signature = "($module, rlist, wlist, xlist, timeout=None, /)",
     .fn = select_select,
     .doc = "Wait until one or more file descriptors are ready for some kind of I/O.\n\nThe first three arguments "
            "are iterables of file descriptors to be waited for:\nrlist -- wait until ready for reading\nwlist -- "
            "wait until ready for writing\nxlist -- wait for an \"exceptional condition\"\nIf only one kind of "
            "condition is required, pass [] for the other lists.\n\nA file descriptor is either a socket or file "
            "object, or a small integer\ngotten from a fileno() method call on one of those.\n\nThe optional 4th "
            "argument specifies a timeout in seconds; it may be\na floating point number to specify fractions of "
            "seconds.  If it is absent\nor None, the call will never time out.\n\nThe return value is a tuple of "
            "three lists corresponding to the first three\narguments; each contains the subset of the "
            "corresponding file descriptors\nthat are ready."},
    {.name = "poll",
     .signature = "($module, /)",
     .fn = select_poll,
     .doc = "Returns a polling object.\n\nThis object supports registering and unregistering file descriptors, "
            "and then\npolling them for I/O events."},
};

struct Constant {
  const char* name;
  int64_t value;
};
// clang-format off
const Constant kConstants[] = {
    {"POLLIN", POLLIN},         {"POLLPRI", POLLPRI},       {"POLLOUT", POLLOUT},     {"POLLERR", POLLERR},
    {"POLLHUP", POLLHUP},       {"POLLNVAL", POLLNVAL},     {"POLLRDNORM", POLLRDNORM}, {"POLLRDBAND", POLLRDBAND},
    {"POLLWRNORM", POLLWRNORM}, {"POLLWRBAND", POLLWRBAND}, {"POLLMSG", POLLMSG},     {"POLLRDHUP", POLLRDHUP},
    {"PIPE_BUF", PIPE_BUF},
    {"EPOLLIN", EPOLLIN},       {"EPOLLOUT", EPOLLOUT},     {"EPOLLPRI", EPOLLPRI},   {"EPOLLERR", EPOLLERR},
    {"EPOLLHUP", EPOLLHUP},     {"EPOLLET", EPOLLET},       {"EPOLLONESHOT", EPOLLONESHOT},
    {"EPOLLEXCLUSIVE", EPOLLEXCLUSIVE}, {"EPOLLRDHUP", EPOLLRDHUP}, {"EPOLLRDNORM", EPOLLRDNORM},
    {"EPOLLRDBAND", EPOLLRDBAND}, {"EPOLLWRNORM", EPOLLWRNORM}, {"EPOLLWRBAND", EPOLLWRBAND}, {"EPOLLMSG", EPOLLMSG},
    {"EPOLL_CLOEXEC", EPOLL_CLOEXEC},
};
// clang-format on

bool selectInit(Value module) {
  Value d = moduleDict(module);
  for (const Constant& c : kConstants) {
    if (dictSet(d, internStr(c.name), newInt(c.value)) < 0) return false;
  }
  if (dictSet(d, internStr("epoll"), typeValue(g_epoll_type)) < 0) return false;
  return dictSet(d, internStr("error"), typeValue(exc::OSError)) == 0;
}

const NativeModuleDef kSelectModule = {
    .name = "select",
    .methods = kSelectFunctions,
    .init = selectInit,
    .doc =
        "This module supports asynchronous I/O on multiple file descriptors.\n\n*** IMPORTANT NOTICE ***\nOn "
        "Windows, only sockets are supported; on Unix, all file descriptors.",
};
TERN_REGISTER_MODULE(kSelectModule);

}  // namespace

}  // namespace tern
