// The _thread module: threads, locks, re-entrant locks, thread identity,
// thread-local objects.
//
// Threads are POSIX threads running under the GIL (runtime/interp/gil.h).
// start_new_thread keeps the function and its arguments in a Bootstrap (root
// containers in malloc'd memory) until the new thread, holding the GIL,
// registers with the heap (gc::MutatorThread), makes its ThreadState and
// calls the function.  When the function returns the thread releases its
// sentinel lock (_set_sentinel: threading's join waits on it), frees its
// state and unregisters while still holding the GIL, then lets the GIL go.
//
// Locks are real: each lock object owns a POSIX semaphore in malloc'd
// memory (objects move, a semaphore must not), freed by the object's
// finalizer.  A blocking acquire first tries without waiting, then waits with
// the GIL released (EINTR runs the signal handlers and retries, with a
// deadline on CLOCK_MONOTONIC for timeouts).
//
// _local keeps one attribute dict per thread in a dict keyed by a per-thread
// serial number (`dicts`: idents are reused as soon as a thread ends, serials
// never are); before each attribute access the current thread's dict is put
// in the instance's __dict__ slot, so object's generic attribute code does
// the rest.  A dead thread's dict stays until the object dies
// (docs/differences.md).
#include <pthread.h>
#include <signal.h>
#include <semaphore.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <ctime>
#include <string>

#include <atomic>

#include "runtime/gc/roots.h"
#include "runtime/interp/errors.h"
#include "runtime/interp/gil.h"
#include "runtime/interp/runtime.h"
#include "runtime/interp/thread_state.h"
#include "runtime/modules/_signal.h"
#include "runtime/modules/sys.h"
#include "runtime/modules/module.h"
#include "runtime/modules/posix_internal.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/float.h"
#include "runtime/objects/int.h"
#include "runtime/objects/str.h"
#include "runtime/objects/structseq.h"
#include "runtime/objects/tuple.h"
#include "runtime/objects/type.h"

namespace tern {

namespace {

// PY_TIMEOUT_MAX in seconds, as CPython 3.11 reports it on Linux.
constexpr double kTimeoutMax = 9223372036.0;

uint64_t currentIdent() { return static_cast<uint64_t>(::pthread_self()); }

// A number no other thread of the process ever had (the key of _local dicts).
std::atomic<uint64_t> g_next_serial{1};
thread_local uint64_t t_serial = 0;

uint64_t currentSerial() {
  if (t_serial == 0) t_serial = g_next_serial.fetch_add(1, std::memory_order_relaxed);
  return t_serial;
}

// ===========================================================================
// The native lock (outside the heap)

struct NativeLock {
  sem_t sem;
};

NativeLock* newNativeLock() {
  auto* lock = static_cast<NativeLock*>(std::malloc(sizeof(NativeLock)));
  if (lock == nullptr) return nullptr;
  ::sem_init(&lock->sem, 0, 1);
  return lock;
}

void freeNativeLock(NativeLock* lock) {
  if (lock == nullptr) return;
  ::sem_destroy(&lock->sem);
  std::free(lock);
}

enum class Acquired { kYes, kNo, kError };

// Takes the lock: at once, or waiting up to `timeout_ns` (-1: forever) with
// the GIL released.  A signal interrupting the wait runs the Python handlers
// (`interruptible`: an exception they raise ends the wait with kError) and
// the wait goes on until the same deadline.
Acquired nativeAcquire(NativeLock* lock, int64_t timeout_ns, bool interruptible = true) {
  if (::sem_trywait(&lock->sem) == 0) return Acquired::kYes;
  if (timeout_ns == 0) return Acquired::kNo;
  struct timespec deadline {};
  if (timeout_ns > 0) {
    ::clock_gettime(CLOCK_MONOTONIC, &deadline);
    int64_t end = static_cast<int64_t>(deadline.tv_sec) * 1000000000 + deadline.tv_nsec + timeout_ns;
    deadline.tv_sec = end / 1000000000;
    deadline.tv_nsec = end % 1000000000;
  }
  for (;;) {
    int r, error;
    {
      interp::AllowThreads allow;
      r = timeout_ns < 0 ? ::sem_wait(&lock->sem) : ::sem_clockwait(&lock->sem, CLOCK_MONOTONIC, &deadline);
      error = errno;
    }
    if (r == 0) return Acquired::kYes;
    if (error != EINTR) return Acquired::kNo;  // ETIMEDOUT
    if (interruptible && !retryAfterSignal()) return Acquired::kError;
  }
}

void nativeRelease(NativeLock* lock) {
  if (lock != nullptr) ::sem_post(&lock->sem);
}

// The lock of an object whose finalizer may already have run.  Finalizers of
// objects found unreachable together run in no set order, so a __del__ can
// use a lock (_pyio's BufferedWriter.close takes its _write_lock) after the
// lock's own finalizer freed the semaphore.  Such a late user gets a fresh
// semaphore holding the lock's state; the finalizer ran once, so it is never
// freed: a small leak instead of a use after free.  Null only when out of
// memory (MemoryError raised).
NativeLock* liveLock(NativeLock** slot, bool held) {
  if (*slot == nullptr) {
    NativeLock* fresh = newNativeLock();
    if (fresh == nullptr) {
      raiseNoMemory();
      return nullptr;
    }
    if (held) ::sem_trywait(&fresh->sem);
    *slot = fresh;
  }
  return *slot;
}

// acquire()'s (blocking, timeout) as a timeout in ns (-1 forever, 0 try).
bool acquireArgs(Value blocking_arg, Value timeout_arg, int64_t* timeout_ns) {
  int blocking = isTrue(blocking_arg);
  if (blocking < 0) return false;
  double timeout;
  if (isFloat(timeout_arg)) {
    timeout = floatValue(timeout_arg);
  } else if (isInt(timeout_arg)) {
    if (!argDouble(timeout_arg, &timeout)) return false;
  } else {
    raisef(exc::TypeError, "'%s' object cannot be interpreted as an integer", typeNameOf(timeout_arg).c_str());
    return false;
  }
  if (!blocking && timeout != -1) {
    raise(exc::ValueError, "can't specify a timeout for a non-blocking call");
    return false;
  }
  if (timeout < 0 && timeout != -1) {
    raise(exc::ValueError, "timeout value must be positive");
    return false;
  }
  if (!blocking) {
    *timeout_ns = 0;
    return true;
  }
  if (timeout == -1) {
    *timeout_ns = -1;
    return true;
  }
  if (!(timeout * 1e9 < 9.2e18)) {
    raise(exc::OverflowError, "timestamp out of range for platform time_t");
    return false;
  }
  if (timeout > kTimeoutMax) {
    raise(exc::OverflowError, "timeout value is too large");
    return false;
  }
  *timeout_ns = static_cast<int64_t>(std::ceil(timeout * 1e9));
  return true;
}

// ===========================================================================
// _thread.lock

Type* g_lock_type = nullptr;

struct LockObj : Obj {
  NativeLock* lock;
  uint64_t locked;
};

LockObj* asLock(Value v) { return static_cast<LockObj*>(v.asObject()); }

void lockFinalize(gc::Object* o) {
  LockObj* l = static_cast<LockObj*>(o);
  freeNativeLock(l->lock);
  l->lock = nullptr;
}

Value newLock(Type* type) {
  NativeLock* native = newNativeLock();
  if (native == nullptr) return raiseNoMemory();
  Obj* o = newObject(type, type->basic_size);
  static_cast<LockObj*>(o)->lock = native;
  gc::setFinalizable(o);
  return Value(o);
}

Value lock_new(Type* type, const Value*, size_t nargs, Value kwnames) {
  if (nargs > 0 || (!kwnames.isNull() && tupleLength(kwnames) > 0)) {
    return raise(exc::TypeError, "lock() takes no arguments");
  }
  return newLock(type);
}

// The object is re-read from `args` after the wait: the GIL was released.
Value lockAcquire(Value* args, int64_t timeout_ns) {
  NativeLock* native = liveLock(&asLock(args[0])->lock, asLock(args[0])->locked != 0);
  if (native == nullptr) return Value();
  Acquired got = nativeAcquire(native, timeout_ns);
  if (got == Acquired::kError) return Value();
  if (got == Acquired::kYes) asLock(args[0])->locked = 1;
  return Bool(got == Acquired::kYes);
}

Value lock_acquire(Value* args) {
  int64_t timeout_ns;
  if (!acquireArgs(args[1], args[2], &timeout_ns)) return Value();
  return lockAcquire(args, timeout_ns);
}

Value lock___enter__(Value* args) { return lockAcquire(args, -1); }

Value lock_release(Value* args) {
  LockObj* l = asLock(args[0]);
  if (!l->locked) return raise(exc::RuntimeError, "release unlocked lock");
  l->locked = 0;
  nativeRelease(l->lock);
  return None();
}

Value lock_locked(Value* args) { return Bool(asLock(args[0])->locked != 0); }

Value lock__at_fork_reinit(Value* args) {
  LockObj* l = asLock(args[0]);
  NativeLock* fresh = newNativeLock();
  if (fresh == nullptr) return raiseNoMemory();
  freeNativeLock(l->lock);
  l->lock = fresh;
  l->locked = 0;
  return None();
}

Value lock_repr(Value self) {
  char buffer[96];
  std::snprintf(buffer, sizeof buffer, "<%s %s object at %p>", asLock(self)->locked ? "locked" : "unlocked",
                typeNameOf(self).c_str(), static_cast<void*>(self.asObject()));
  return newStr(buffer);
}

const gc::Layout kLockLayout = {.name = "_thread.lock", .finalize = lockFinalize};

const MethodDef kLockMethods[] = {
    {.name = "acquire", .signature = "($self, /, blocking=True, timeout=-1)", .fn = lock_acquire,
     .doc = "Lock the lock."},
    {.name = "acquire_lock", .signature = "($self, /, blocking=True, timeout=-1)", .fn = lock_acquire,
     .doc = "An obsolete synonym of acquire()."},
    {.name = "__enter__", .signature = "($self, /)", .fn = lock___enter__, .doc = "Lock the lock."},
    {.name = "release", .signature = "($self, /)", .fn = lock_release, .doc = "Release the lock."},
    {.name = "release_lock", .signature = "($self, /)", .fn = lock_release,
     .doc = "An obsolete synonym of release()."},
    {.name = "__exit__", .signature = "($self, *args, /)", .fn = lock_release, .doc = "Release the lock."},
    {.name = "locked", .signature = "($self, /)", .fn = lock_locked, .doc = "Test whether the lock is currently locked."},
    {.name = "locked_lock", .signature = "($self, /)", .fn = lock_locked,
     .doc = "An obsolete synonym of locked()."},
    {.name = "_at_fork_reinit", .signature = "($self, /)", .fn = lock__at_fork_reinit},
};

const TypeSpec kLockSpec = {
    .name = "lock",
    .module = "_thread",
    .type = &g_lock_type,
    .layout = &kLockLayout,
    .basic_size = sizeof(LockObj),
    .slots = {.tp_repr = lock_repr, .tp_new = lock_new},
    .methods = kLockMethods,
    .doc = "A lock object is a synchronization primitive.",
    .weakrefable = true,
};
TERN_REGISTER_TYPE(kLockSpec);

// ===========================================================================
// _thread.RLock

Type* g_rlock_type = nullptr;

struct RLockObj : Obj {
  NativeLock* lock;
  uint64_t owner;  // thread ident, 0: none
  uint64_t count;
};

RLockObj* asRLock(Value v) { return static_cast<RLockObj*>(v.asObject()); }

void rlockFinalize(gc::Object* o) {
  RLockObj* l = static_cast<RLockObj*>(o);
  freeNativeLock(l->lock);
  l->lock = nullptr;
}

Value rlock_new(Type* type, const Value*, size_t, Value) {
  NativeLock* native = newNativeLock();
  if (native == nullptr) return raiseNoMemory();
  Obj* o = newObject(type, type->basic_size);
  static_cast<RLockObj*>(o)->lock = native;
  gc::setFinalizable(o);
  return Value(o);
}

// The object is re-read from `args` after the wait: the GIL was released.
Value rlockAcquire(Value* args, int64_t timeout_ns) {
  uint64_t me = currentIdent();
  RLockObj* l = asRLock(args[0]);
  if (l->count > 0 && l->owner == me) {
    if (l->count == UINT64_MAX) return raise(exc::OverflowError, "Internal lock count overflowed");
    ++l->count;
    return True();
  }
  NativeLock* native = liveLock(&l->lock, l->count > 0);
  if (native == nullptr) return Value();
  Acquired got = nativeAcquire(native, timeout_ns);
  if (got == Acquired::kError) return Value();
  if (got == Acquired::kNo) return False();
  l = asRLock(args[0]);
  l->owner = me;
  l->count = 1;
  return True();
}

Value rlock_acquire(Value* args) {
  int64_t timeout_ns;
  if (!acquireArgs(args[1], args[2], &timeout_ns)) return Value();
  return rlockAcquire(args, timeout_ns);
}

Value rlock___enter__(Value* args) { return rlockAcquire(args, -1); }

Value rlock_release(Value* args) {
  RLockObj* l = asRLock(args[0]);
  if (l->count == 0 || l->owner != currentIdent()) {
    return raise(exc::RuntimeError, "cannot release un-acquired lock");
  }
  if (--l->count == 0) {
    l->owner = 0;
    nativeRelease(l->lock);
  }
  return None();
}

Value rlock__is_owned(Value* args) {
  RLockObj* l = asRLock(args[0]);
  return Bool(l->count > 0 && l->owner == currentIdent());
}

Value rlock__release_save(Value* args) {
  RLockObj* l = asRLock(args[0]);
  if (l->count == 0) return raise(exc::RuntimeError, "cannot release un-acquired lock");
  uint64_t count = l->count, owner = l->owner;
  l->count = 0;
  l->owner = 0;
  nativeRelease(l->lock);
  return newTupleOf({newIntUnsigned(count), newIntUnsigned(owner)});
}

Value rlock__acquire_restore(Value* args) {
  Value state = args[1];
  if (!isTuple(state) || tupleLength(state) != 2) {
    return raise(exc::TypeError, "_acquire_restore() argument 1 must be a 2-tuple");
  }
  int64_t count, owner;
  if (!indexToInt64(tupleItem(state, 0), &count, exc::OverflowError) ||
      !indexToInt64(tupleItem(state, 1), &owner, exc::OverflowError)) {
    return Value();
  }
  NativeLock* native = liveLock(&asRLock(args[0])->lock, asRLock(args[0])->count > 0);
  if (native == nullptr) return Value();
  nativeAcquire(native, -1, /*interruptible=*/false);
  asRLock(args[0])->owner = static_cast<uint64_t>(owner);
  asRLock(args[0])->count = static_cast<uint64_t>(count);
  return None();
}

Value rlock__at_fork_reinit(Value* args) {
  RLockObj* l = asRLock(args[0]);
  NativeLock* fresh = newNativeLock();
  if (fresh == nullptr) return raiseNoMemory();
  freeNativeLock(l->lock);
  l->lock = fresh;
  l->owner = 0;
  l->count = 0;
  return None();
}

Value rlock_repr(Value self) {
  RLockObj* l = asRLock(self);
  char buffer[160];
  std::snprintf(buffer, sizeof buffer, "<%s %s object owner=%llu count=%llu at %p>",
                l->count ? "locked" : "unlocked", typeNameOf(self).c_str(),
                static_cast<unsigned long long>(l->owner), static_cast<unsigned long long>(l->count),
                static_cast<void*>(self.asObject()));
  return newStr(buffer);
}

const gc::Layout kRLockLayout = {.name = "_thread.RLock", .finalize = rlockFinalize};

const MethodDef kRLockMethods[] = {
    {.name = "acquire", .signature = "($self, /, blocking=True, timeout=-1)", .fn = rlock_acquire,
     .doc = "Lock the lock."},
    {.name = "__enter__", .signature = "($self, /)", .fn = rlock___enter__, .doc = "Lock the lock."},
    {.name = "release", .signature = "($self, /)", .fn = rlock_release, .doc = "Release the lock."},
    {.name = "__exit__", .signature = "($self, *args, /)", .fn = rlock_release, .doc = "Release the lock."},
    {.name = "_is_owned", .signature = "($self, /)", .fn = rlock__is_owned,
     .doc = "For internal use by `threading.Condition`."},
    {.name = "_release_save", .signature = "($self, /)", .fn = rlock__release_save,
     .doc = "For internal use by `threading.Condition`."},
    {.name = "_acquire_restore", .signature = "($self, state, /)", .fn = rlock__acquire_restore,
     .doc = "For internal use by `threading.Condition`."},
    {.name = "_at_fork_reinit", .signature = "($self, /)", .fn = rlock__at_fork_reinit},
};

const TypeSpec kRLockSpec = {
    .name = "RLock",
    .module = "_thread",
    .type = &g_rlock_type,
    .layout = &kRLockLayout,
    .basic_size = sizeof(RLockObj),
    .flags = type_flags::kBaseType,
    .slots = {.tp_repr = rlock_repr, .tp_new = rlock_new},
    .methods = kRLockMethods,
    .weakrefable = true,
};
TERN_REGISTER_TYPE(kRLockSpec);

// ===========================================================================
// _thread._local

Type* g_local_type = nullptr;

struct LocalObj : Obj {
  gc::HeapValue dict;    // the current thread's attribute dict (the __dict__ slot)
  gc::HeapValue dicts;   // dict: thread ident -> attribute dict
  gc::HeapValue args;    // tuple: the constructor's positional arguments
  gc::HeapValue kwargs;  // dict or null: its keyword arguments
};

LocalObj* asLocal(Value v) { return static_cast<LocalObj*>(v.asObject()); }

Value local_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  size_t nkw = kwnames.isNull() ? 0 : static_cast<size_t>(tupleLength(kwnames));
  if (nargs + nkw > 0) {
    // Arguments are only for a subclass's __init__.
    Value init = typeLookup(type, names::__init__);
    Value object_init = typeLookup(types::object_type, names::__init__);
    if (init.asObject() == object_init.asObject()) {
      return raise(exc::TypeError, "Initialization arguments are not supported");
    }
  }
  // args may point into a heap object: fill a new tuple item by item.
  Value positional = newTuple(static_cast<int64_t>(nargs));
  for (size_t i = 0; i < nargs; ++i) tupleInit(positional, static_cast<int64_t>(i), args[i]);
  Value keywords;
  if (nkw > 0) {
    keywords = newDict();
    for (size_t i = 0; i < nkw; ++i) {
      if (dictSet(keywords, tupleItem(kwnames, static_cast<int64_t>(i)), args[nargs + i]) < 0) return Value();
    }
  }
  Value dicts = newDict();
  Value first = newDict();
  if (dictSet(dicts, newIntUnsigned(currentSerial()), first) < 0) return Value();
  Obj* o = newObject(type, type->basic_size);
  LocalObj* l = static_cast<LocalObj*>(o);
  l->dict.set(first);
  l->dicts.set(dicts);
  l->args.set(positional);
  if (!keywords.isNull()) l->kwargs.set(keywords);
  return Value(o);
}

// Puts the current thread's dict in the __dict__ slot; a thread that meets
// the object for the first time gets a fresh dict and __init__ runs again
// with the constructor's arguments (CPython's semantics).  False on error.
bool localSwitch(Value self) {
  Value key = newIntUnsigned(currentSerial());
  Value d = dictGet(asLocal(self)->dicts.get(), key);
  if (!d.isNull()) {
    asLocal(self)->dict.set(d);
    return true;
  }
  if (errorPending()) return false;
  d = newDict();
  if (dictSet(asLocal(self)->dicts.get(), key, d) < 0) return false;
  asLocal(self)->dict.set(d);
  Value init = typeLookup(typeOf(self), names::__init__);
  Value object_init = typeLookup(types::object_type, names::__init__);
  if (init.isNull() || init.asObject() == object_init.asObject()) return true;
  Value kwargs = asLocal(self)->kwargs.get();
  Value bound = getAttr(self, names::__init__);
  if (bound.isNull()) return false;
  return !callTupleDict(bound, asLocal(self)->args.get(), kwargs).isNull();
}

Value local_getattro(Value self, Value name) {
  if (!localSwitch(self)) return Value();
  return genericGetAttr(self, name);
}

int local_setattro(Value self, Value name, Value value) {
  if (strEqualsAscii(name, "__dict__")) {
    // The type's tp_name: qualified for _local itself only, as in CPython.
    std::string type_name = typeOf(self) == g_local_type ? "_thread._local" : typeNameOf(self);
    raisef(exc::AttributeError, "'%s' object attribute '__dict__' is read-only", type_name.c_str());
    return -1;
  }
  if (!localSwitch(self)) return -1;
  return genericSetAttr(self, name, value);
}

constexpr uint32_t kLocalFields[] = {offsetof(LocalObj, dict), offsetof(LocalObj, dicts), offsetof(LocalObj, args),
                                     offsetof(LocalObj, kwargs)};
const gc::Layout kLocalLayout = {.name = "_thread._local", .fields = kLocalFields};

const TypeSpec kLocalSpec = {
    .name = "_local",
    .module = "_thread",
    .type = &g_local_type,
    .layout = &kLocalLayout,
    .basic_size = sizeof(LocalObj),
    .flags = type_flags::kBaseType,
    .slots = {.tp_getattro = local_getattro, .tp_setattro = local_setattro, .tp_new = local_new},
    .doc = "Thread-local data",
    .dict_offset = static_cast<int32_t>(offsetof(LocalObj, dict)),
    .weakrefable = true,
};
TERN_REGISTER_TYPE(kLocalSpec);

// ===========================================================================
// _thread._ExceptHookArgs and _excepthook

Type* g_excepthook_args_type = nullptr;

const MemberDef kExceptHookArgsFields[] = {
    structseqField("exc_type", 0, "Exception type"),
    structseqField("exc_value", 1, "Exception value"),
    structseqField("exc_traceback", 2, "Exception traceback"),
    structseqField("thread", 3, "Thread"),
};

const TypeSpec kExceptHookArgsSpec = {
    .name = "_ExceptHookArgs",
    .module = "_thread",
    .type = &g_excepthook_args_type,
    .base = &types::tuple_type,
    .slots = {.tp_repr = structseq_repr, .tp_new = structseq_new},
    .methods = kStructSeqMethods,
    .members = kExceptHookArgsFields,
    .doc = "ExceptHookArgs\n\nType used to pass arguments to threading.excepthook.",
};
TERN_REGISTER_TYPE(kExceptHookArgsSpec);

Value thread__excepthook(Value* args) {
  Value hook_args = args[1];
  if (typeOf(hook_args) != g_excepthook_args_type) {
    return raise(exc::TypeError, "_thread._excepthook argument type must be ExceptHookArgs");
  }
  Value exc_type = tupleItem(hook_args, 0), exc_value = tupleItem(hook_args, 1);
  Value thread = tupleItem(hook_args, 3);
  if (exc_type.asObject() == static_cast<gc::Object*>(exc::SystemExit)) return None();
  Value sys = importModule(internStr("sys"));
  if (sys.isNull()) return Value();
  Value file = lookupAttr(sys, internStr("stderr"));
  if (file.isNull() && errorPending()) return Value();
  if ((file.isNull() || isNone(file)) && !isNone(thread)) {
    file = lookupAttr(thread, internStr("_stderr"));
    if (file.isNull() && errorPending()) return Value();
  }
  if (file.isNull() || isNone(file)) return None();
  std::string header = "Exception in thread ";
  Value name = isNone(thread) ? Value() : lookupAttr(thread, internStr("name"));
  if (name.isNull() && errorPending()) return Value();
  if (!name.isNull() && !isNone(name)) {
    Value s = str(name);
    if (s.isNull()) return Value();
    header += strToUtf8(s);
  } else {
    header += std::to_string(currentIdent());
  }
  header += ":\n";
  Value text = newStr(header);
  if (callMethod(file, internStr("write"), &text, 1).isNull()) return Value();
  if (callMethod(file, internStr("flush"), nullptr, 0).isNull()) clearError();
  if (!isException(exc_value)) return None();
  // The traceback goes to `file` too (a test may have replaced sys.stderr):
  // the traceback module prints it; the native printer if that fails.
  Value traceback = importModule(internStr("traceback"));
  Value print_exception = traceback.isNull() ? Value() : lookupAttr(traceback, internStr("print_exception"));
  if (print_exception.isNull()) {
    clearError();
    printException(exc_value);
    return None();
  }
  Value kwnames = newTupleOf({internStr("file")});
  Value call_args[] = {exc_type, exc_value, tupleItem(hook_args, 2), file};
  if (call(print_exception, call_args, 3, kwnames).isNull()) return Value();
  if (callMethod(file, internStr("flush"), nullptr, 0).isNull()) clearError();
  return None();
}

// ===========================================================================
// Functions

// ===========================================================================
// Threads

// What a new thread needs until it runs; made and freed under the GIL.
struct Bootstrap {
  enum Slot { kFunction, kArgs, kKwargs, kSentinel, kSlots };
  gc::RootVector values;  // the Slots; kKwargs and kSentinel may be null
  int recursion_limit = 1000;
};

// The running thread's Bootstrap (null on the main thread), for _set_sentinel.
thread_local Bootstrap* t_bootstrap = nullptr;

// Threads started by start_new_thread that have not ended (_count()).
std::atomic<int64_t> g_thread_count{0};

int64_t g_stack_size = 0;

// An exception escaping the function: CPython's "Exception ignored in thread
// started by" report, SystemExit excepted.
void reportThreadError(Value function) {
  if (errorMatches(exc::SystemExit)) {
    clearError();
    return;
  }
  Value e = takeError();
  std::string where = "?";
  Value r = repr(function);
  if (r.isNull()) {
    clearError();
  } else {
    where = strToUtf8(r);
  }
  flushStdStreams();
  clearError();
  std::fprintf(stderr, "Exception ignored in thread started by: %s\n", where.c_str());
  std::fflush(stderr);
  printException(e);
  clearError();
}

// The new thread's life with the GIL held and registered with the heap.
// Out of line so that no heap reference of it outlives its frame.
[[gnu::noinline]] void runThread(Bootstrap* boot) {
  interp::ThreadState* state = interp::attachThread();
  state->recursion_limit = boot->recursion_limit;
  t_bootstrap = boot;
  Value function = boot->values[Bootstrap::kFunction];
  Value result = callTupleDict(function, boot->values[Bootstrap::kArgs], boot->values[Bootstrap::kKwargs]);
  if (result.isNull()) reportThreadError(boot->values[Bootstrap::kFunction]);
  // Finalizers and weakref callbacks queued meanwhile run at the next check
  // of a thread that stays; the sentinel tells join() we are done.
  Value sentinel = boot->values[Bootstrap::kSentinel];
  if (!sentinel.isNull() && asLock(sentinel)->locked) {
    asLock(sentinel)->locked = 0;
    nativeRelease(asLock(sentinel)->lock);
  }
  t_bootstrap = nullptr;
  delete boot;
  delete state;  // clears the thread's current state
}

void* threadMain(void* raw) {
  auto* boot = static_cast<Bootstrap*>(raw);
  interp::takeGil();
  {
    gc::MutatorThread mutator;
    runThread(boot);
  }
  g_thread_count.fetch_sub(1, std::memory_order_relaxed);
  interp::dropGil();
  return nullptr;
}

Value thread_start_new_thread(Value* args) {
  Value function = args[1], fargs = args[2], kwargs = args[3];
  if (!isCallable(function)) return raise(exc::TypeError, "first arg must be callable");
  if (!isTuple(fargs)) return raise(exc::TypeError, "2nd arg must be a tuple");
  if (!kwargs.isNull() && !isDict(kwargs)) return raise(exc::TypeError, "optional 3rd arg must be a dictionary");
  auto* boot = new Bootstrap();
  boot->values.resize(Bootstrap::kSlots);
  boot->values.set(Bootstrap::kFunction, function);
  boot->values.set(Bootstrap::kArgs, fargs);
  boot->values.set(Bootstrap::kKwargs, kwargs);
  boot->recursion_limit = interp::currentThread()->recursion_limit;
  pthread_attr_t attr;
  ::pthread_attr_init(&attr);
  ::pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
  if (g_stack_size != 0) ::pthread_attr_setstacksize(&attr, static_cast<size_t>(g_stack_size));
  interp::noteThreadStarted();
  g_thread_count.fetch_add(1, std::memory_order_relaxed);
  pthread_t id;
  int error = ::pthread_create(&id, &attr, threadMain, boot);
  ::pthread_attr_destroy(&attr);
  if (error != 0) {
    g_thread_count.fetch_sub(1, std::memory_order_relaxed);
    delete boot;
    return raise(exc::RuntimeError, "can't start new thread");
  }
  return newIntUnsigned(static_cast<uint64_t>(id));
}

Value thread_allocate_lock(Value*) { return newLock(g_lock_type); }
Value thread_get_ident(Value*) { return newIntUnsigned(currentIdent()); }
Value thread_get_native_id(Value*) { return newInt(static_cast<int64_t>(::syscall(SYS_gettid))); }
Value thread__count(Value*) { return newInt(g_thread_count.load(std::memory_order_relaxed)); }

// The lock is released when the thread's function has returned; on the main
// thread threading._shutdown releases it itself.
Value thread__set_sentinel(Value*) {
  Value lock = newLock(g_lock_type);
  if (!lock.isNull() && t_bootstrap != nullptr) t_bootstrap->values.set(Bootstrap::kSentinel, lock);
  return lock;
}

Value thread_exit(Value*) { return raiseEmpty(exc::SystemExit); }

Value thread_stack_size(Value* args) {
  int64_t size = 0;
  if (!args[1].isNull() && !indexToInt64(args[1], &size, exc::OverflowError)) return Value();
  if (size != 0 && size < 32768) return raisef(exc::ValueError, "size not valid: %lld bytes", static_cast<long long>(size));
  if (size < 0) return raisef(exc::ValueError, "size must be 0 or a positive value");
  int64_t old = g_stack_size;
  g_stack_size = size;
  return newInt(old);
}

Value thread_interrupt_main(Value* args) {
  int64_t signum = 2;  // SIGINT
  if (!args[1].isNull() && !indexToInt64(args[1], &signum, exc::OverflowError)) return Value();
  if (signum < 1 || signum >= NSIG) return raise(exc::ValueError, "signal number out of range");
  // As CPython: nothing happens unless Python handles the signal; then it is
  // marked as arrived, and the main thread runs the handler at its next
  // check (a blocking call there is not interrupted).
  Value signal_module = importModule(internStr("_signal"));
  if (signal_module.isNull()) return Value();
  Value number = newInt(signum);
  Value handler = callMethod(signal_module, internStr("getsignal"), &number, 1);
  if (handler.isNull()) return Value();
  if (!isCallable(handler)) return None();
  simulateSignal(static_cast<int>(signum));
  return None();
}

const MethodDef kThreadFunctions[] = {
    {.name = "start_new_thread", .signature = "($module, function, args, kwargs=<unrepresentable>, /)",
     .fn = thread_start_new_thread, .doc = "Start a new thread and return its identifier."},
    {.name = "start_new", .signature = "($module, function, args, kwargs=<unrepresentable>, /)",
     .fn = thread_start_new_thread, .doc = "An obsolete synonym of start_new_thread()."},
    {.name = "allocate_lock", .signature = "($module, /)", .fn = thread_allocate_lock,
     .doc = "Create a new lock object. See help(type(threading.Lock())) for\ninformation about locks."},
    {.name = "allocate", .signature = "($module, /)", .fn = thread_allocate_lock,
     .doc = "An obsolete synonym of allocate_lock()."},
    {.name = "get_ident", .signature = "($module, /)", .fn = thread_get_ident,
     .doc = "Return a non-zero integer that uniquely identifies the current thread\namongst other threads that "
            "exist simultaneously."},
    {.name = "get_native_id", .signature = "($module, /)", .fn = thread_get_native_id,
     .doc = "Return a non-negative integer identifying the thread as reported\nby the OS (kernel)."},
    {.name = "_count", .signature = "($module, /)", .fn = thread__count,
     .doc = "Return the number of currently running Python threads, excluding\nthe main thread."},
    {.name = "_set_sentinel", .signature = "($module, /)", .fn = thread__set_sentinel,
     .doc = "Set a sentinel lock that will be released when the current thread\nstate is finalized."},
    {.name = "stack_size", .signature = "($module, size=<unrepresentable>, /)", .fn = thread_stack_size,
     .doc = "Return the thread stack size used when creating new threads."},
    {.name = "exit", .signature = "($module, /)", .fn = thread_exit,
     .doc = "This is synonymous to ``raise SystemExit''."},
    {.name = "exit_thread", .signature = "($module, /)", .fn = thread_exit,
     .doc = "An obsolete synonym of exit()."},
    {.name = "interrupt_main", .signature = "($module, signum=<unrepresentable>, /)", .fn = thread_interrupt_main,
     .doc = "Simulate the arrival of the given signal in the main thread,\nwhere the corresponding signal "
            "handler will be executed."},
    {.name = "_excepthook", .signature = "($module, exc_args, /)", .fn = thread__excepthook,
     .doc = "Handle uncaught Thread.run() exception."},
};

bool threadInit(Value module) {
  using posix::setAttrStr;
  return setAttrStr(module, "LockType", typeValue(g_lock_type)) &&
         setAttrStr(module, "RLock", typeValue(g_rlock_type)) &&
         setAttrStr(module, "_local", typeValue(g_local_type)) &&
         setAttrStr(module, "_ExceptHookArgs", typeValue(g_excepthook_args_type)) &&
         setAttrStr(module, "error", typeValue(exc::RuntimeError)) &&
         setAttrStr(module, "TIMEOUT_MAX", newFloat(kTimeoutMax)) &&
         posix::setStructSeqCounts(g_excepthook_args_type, 4, 4, 0);
}

const NativeModuleDef kThreadModule = {
    .name = "_thread",
    .methods = kThreadFunctions,
    .init = threadInit,
    .doc = "This module provides primitive operations to write multi-threaded programs.\nThe 'threading' module "
           "provides a more convenient interface.",
};
TERN_REGISTER_MODULE(kThreadModule);

}  // namespace

}  // namespace tern
