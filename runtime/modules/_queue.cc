// The _queue module: SimpleQueue, the unbounded FIFO queue queue.py uses
// (and re-exports), and the Empty exception.
//
// Items live in a list from `head` on (get() takes list[head] and clears
// the slot; the list is compacted when the consumed prefix dominates).  A
// counting POSIX semaphore in malloc'd memory counts the items that a get()
// has not yet claimed: put() appends then posts; get() claims with
// sem_trywait and, when that fails and it may block, waits on the semaphore
// with the GIL released (interp::AllowThreads), so put() from another thread
// wakes it.  Claiming and popping happen with the GIL held, so a claimed
// item is always in the list.  A signal interrupting the wait runs the
// Python handlers (an exception they raise ends get()), then the wait goes
// on until the same deadline.  With no other thread running, a blocking
// get() on an empty queue waits as CPython's does (until a signal handler
// raises); get(timeout=...) and get_nowait() raise Empty.
#include <errno.h>
#include <semaphore.h>
#include <time.h>

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "runtime/gc/heap.h"
#include "runtime/gc/roots.h"
#include "runtime/interp/errors.h"
#include "runtime/interp/gil.h"
#include "runtime/modules/_signal.h"
#include "runtime/modules/fd_arg.h"
#include "runtime/modules/module.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/float.h"
#include "runtime/objects/genericalias.h"
#include "runtime/objects/int.h"
#include "runtime/objects/list.h"
#include "runtime/objects/native.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"

namespace tern {

namespace {

Type* g_simple_queue_type = nullptr;
gc::GlobalRoot g_empty_error;  // _queue.Empty

struct SimpleQueueObj : Obj {
  gc::HeapValue items;  // a list; items[head:] are queued
  int64_t head;
  sem_t* available;     // malloc'd; counts unclaimed items
};
SimpleQueueObj* asQueue(Value v) { return static_cast<SimpleQueueObj*>(v.asObject()); }

void simpleQueueFinalize(gc::Object* o) {
  SimpleQueueObj* q = static_cast<SimpleQueueObj*>(o);
  if (q->available != nullptr) {
    sem_destroy(q->available);
    std::free(q->available);
    q->available = nullptr;
  }
}

Value simplequeue_new(Type* type, const Value*, size_t nargs, Value kwnames) {
  if (nargs > 0) return raise(exc::TypeError, "SimpleQueue() takes no positional arguments");
  if (!kwnames.isNull() && tupleLength(kwnames) > 0) {
    return raise(exc::TypeError, "SimpleQueue() takes no keyword arguments");
  }
  Value items = newList();
  if (items.isNull()) return items;
  auto* sem = static_cast<sem_t*>(std::malloc(sizeof(sem_t)));
  if (sem == nullptr) return raiseNoMemory();
  sem_init(sem, 0, 0);
  Obj* o = newObject(type, type->basic_size);
  if (o == nullptr) {
    sem_destroy(sem);
    std::free(sem);
    return Value();
  }
  SimpleQueueObj* q = static_cast<SimpleQueueObj*>(o);
  q->items.set(items);
  q->head = 0;
  q->available = sem;
  gc::setFinalizable(o);
  return Value(o);
}

int64_t queueSize(Value self) { return listLength(asQueue(self)->items.get()) - asQueue(self)->head; }

Value raiseEmpty() { return raiseWithArgs(static_cast<Type*>(g_empty_error.get().asObject()), newTupleOf({})); }

// Takes the claimed item at the head; never fails but for memory.
Value popClaimed(Value self) {
  SimpleQueueObj* q = asQueue(self);
  Value items = q->items.get();
  Value item = listItem(items, q->head);
  listSetItem(items, q->head, None());
  q->head += 1;
  int64_t n = listLength(items);
  if (q->head == n) {
    Value fresh = newList();
    if (fresh.isNull()) return fresh;
    asQueue(self)->items.set(fresh);
    asQueue(self)->head = 0;
  } else if (q->head >= 64 && q->head * 2 > n) {
    int64_t head = q->head;
    Value rest = newList(n - head);
    if (rest.isNull()) return rest;
    for (int64_t i = head; i < n; ++i) {
      if (!listAppend(rest, listItem(items, i))) return Value();
    }
    asQueue(self)->items.set(rest);
    asQueue(self)->head = 0;
  }
  return item;
}

// Waits until an item can be claimed: timeout_ns -1 forever, 0 not at all.
// 1 claimed, 0 timed out, -1 a signal handler raised.  This is the one
// blocking point of the module: it releases the GIL while it waits.
int claimItem(sem_t* available, int64_t timeout_ns) {
  if (sem_trywait(available) == 0) return 1;
  if (timeout_ns == 0) return 0;
  struct timespec deadline {};
  if (timeout_ns > 0) {
    clock_gettime(CLOCK_MONOTONIC, &deadline);
    int64_t end = static_cast<int64_t>(deadline.tv_sec) * 1000000000 + deadline.tv_nsec + timeout_ns;
    deadline.tv_sec = end / 1000000000;
    deadline.tv_nsec = end % 1000000000;
  }
  for (;;) {
    int r, error;
    {
      interp::AllowThreads allow;
      r = timeout_ns < 0 ? sem_wait(available) : sem_clockwait(available, CLOCK_MONOTONIC, &deadline);
      error = errno;
    }
    if (r == 0) return 1;
    if (error != EINTR) return 0;  // ETIMEDOUT
    if (!retryAfterSignal()) return -1;
  }
}

// get()'s timeout (CPython's _PyTime_FromSecondsObject, rounding up) in ns.
bool timeoutArg(Value v, int64_t* out) {
  double seconds;
  if (!v.isSmallInt() && isFloat(v)) {
    seconds = floatValue(v);
    if (std::isnan(seconds)) {
      raise(exc::ValueError, "Invalid value NaN (not a number)");
      return false;
    }
  } else if (isInt(v)) {
    int64_t n;
    if (!intToInt64(v, &n) || n > INT64_MAX / 1000000000 || n < INT64_MIN / 1000000000) {
      clearError();
      raise(exc::OverflowError, "timestamp too large to convert to C _PyTime_t");
      return false;
    }
    *out = n * 1000000000;
    return true;
  } else {
    raisef(exc::TypeError, "'%s' object cannot be interpreted as an integer", typeNameOf(v).c_str());
    return false;
  }
  double ns = std::ceil(seconds * 1e9);
  if (!(ns < 9223372036854775807.0 && ns >= -9223372036854775808.0)) {
    raise(exc::OverflowError, "timestamp too large to convert to C _PyTime_t");
    return false;
  }
  *out = static_cast<int64_t>(ns);
  return true;
}

Value simpleQueueGet(Value self, int64_t timeout_ns) {
  int claimed = claimItem(asQueue(self)->available, timeout_ns);
  if (claimed < 0) return Value();
  if (claimed == 0) return raiseEmpty();
  return popClaimed(self);
}

Value SimpleQueue_get(Value* args) {
  Value self = args[0];
  int block = isTrue(args[1]);
  if (block < 0) return Value();
  int64_t timeout_ns = -1;
  if (block == 0) {
    timeout_ns = 0;
  } else if (!isNone(args[2])) {
    if (!timeoutArg(args[2], &timeout_ns)) return Value();
    if (timeout_ns < 0) return raise(exc::ValueError, "'timeout' must be a non-negative number");
  }
  return simpleQueueGet(self, timeout_ns);
}

Value SimpleQueue_get_nowait(Value* args) { return simpleQueueGet(args[0], 0); }

Value SimpleQueue_put(Value* args) {
  Value self = args[0];
  if (!listAppend(asQueue(self)->items.get(), args[1])) return Value();
  sem_post(asQueue(self)->available);
  return None();
}

Value SimpleQueue_empty(Value* args) { return Bool(queueSize(args[0]) == 0); }
Value SimpleQueue_qsize(Value* args) { return newInt(queueSize(args[0])); }
Value SimpleQueue___class_getitem__(Value* args) { return newGenericAlias(args[0], args[1]); }

const uint32_t kSimpleQueueFields[] = {offsetof(SimpleQueueObj, ob_type), offsetof(SimpleQueueObj, items)};
const gc::Layout kSimpleQueueLayout = {
    .name = "_queue.SimpleQueue", .fields = kSimpleQueueFields, .finalize = simpleQueueFinalize};

const MethodDef kSimpleQueueMethods[] = {
    {.name = "empty",
     .signature = "($self, /)",
     .fn = SimpleQueue_empty,
     .doc = "Return True if the queue is empty, False otherwise (not reliable!)."},
    {.name = "get",
     .signature = "($self, /, block=True, timeout=None)",
     .fn = SimpleQueue_get,
     .doc = "Remove and return an item from the queue.\n\nIf optional args 'block' is true and 'timeout' is None "
            "(the default),\nblock if necessary until an item is available. If 'timeout' is\na non-negative number, it "
            "blocks at most 'timeout' seconds and raises\nthe Empty exception if no item was available within that "
            "time.\nOtherwise ('block' is false), return an item if one is immediately\navailable, else raise the "
            "Empty exception ('timeout' is ignored\nin that case)."},
    {.name = "get_nowait",
     .signature = "($self, /)",
     .fn = SimpleQueue_get_nowait,
     .doc = "Remove and return an item from the queue without blocking.\n\nOnly get an item if one is immediately "
            "available. Otherwise\nraise the Empty exception."},
    {.name = "put",
     .signature = "($self, /, item, block=True, timeout=None)",
     .fn = SimpleQueue_put,
     .doc = "Put the item on the queue.\n\nThe optional 'block' and 'timeout' arguments are ignored, as this method\n"
            "never blocks.  They are provided for compatibility with the Queue class."},
    {.name = "put_nowait",
     .signature = "($self, /, item)",
     .fn = SimpleQueue_put,
     .doc = "Put an item into the queue without blocking.\n\nThis is exactly equivalent to `put(item, "
            "block=False)` and is only provided\nfor compatibility with the Queue class."},
    {.name = "qsize",
     .signature = "($self, /)",
     .fn = SimpleQueue_qsize,
     .doc = "Return the approximate size of the queue (not reliable!)."},
    {.name = "__class_getitem__",
     .signature = "($type, item, /)",
     .fn = SimpleQueue___class_getitem__,
     .flags = method_flags::kClassMethod,
     .doc = "See PEP 585"},
};

const TypeSpec kSimpleQueueSpec = {
    .name = "SimpleQueue",
    .module = "_queue",
    .type = &g_simple_queue_type,
    .layout = &kSimpleQueueLayout,
    .basic_size = sizeof(SimpleQueueObj),
    .flags = type_flags::kBaseType,
    .slots = {.tp_new = simplequeue_new},
    .methods = kSimpleQueueMethods,
    .doc = "Simple, unbounded, reentrant FIFO queue.",
    .weakrefable = true,
};
TERN_REGISTER_TYPE(kSimpleQueueSpec);

bool queueInit(Value module) {
  if (g_empty_error.get().isNull()) {
    Value error = newModuleException("_queue", "Empty", exc::Exception);
    if (error.isNull()) return false;
    if (setAttr(error, names::__doc__, newStr("Exception raised by Queue.get(block=0)/get_nowait().")) < 0) {
      return false;
    }
    g_empty_error.set(error);
  }
  return setModuleAttr(module, "Empty", g_empty_error.get()) &&
         setModuleAttr(module, "SimpleQueue", typeValue(g_simple_queue_type));
}

const NativeModuleDef kQueueModule = {
    .name = "_queue",
    .init = queueInit,
    .doc = "C implementation of the Python queue module.\nThis module is an implementation detail, please do not use "
           "it directly.",
};
TERN_REGISTER_MODULE(kQueueModule);

}  // namespace

}  // namespace tern
