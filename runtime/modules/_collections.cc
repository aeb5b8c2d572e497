// The _collections module: deque (and its two iterators), defaultdict,
// _tuplegetter (the field descriptor of namedtuple classes) and
// _count_elements (Counter's fast path).  collections/__init__.py builds the
// rest (OrderedDict's pure-Python version serves: _collections has none).
//
// deque is a ring buffer: `buffer` is an ArrayObj whose capacity is a power
// of two; item i lives at (head + i) & (capacity - 1).  Invariants: 0 <=
// length <= capacity; the slots outside the live range are null (they keep
// nothing alive); when maxlen >= 0, length <= maxlen once a public method
// returns.  `state` changes with every mutation that iterators must notice
// (append, pop, insert, remove, clear, ...), as CPython's.
//
// Not implemented: deque.__sizeof__, the iterators' __reduce__ and their
// constructors (pickling support of CPython's).
#include <cstddef>
#include <cstdint>
#include <string>

#include "runtime/interp/errors.h"
#include "runtime/modules/module.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/genericalias.h"
#include "runtime/objects/int.h"
#include "runtime/objects/list.h"
#include "runtime/objects/native.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"

namespace tern {

namespace {

Type* g_deque_type = nullptr;
Type* g_deque_iter_type = nullptr;
Type* g_deque_reviter_type = nullptr;
Type* g_defaultdict_type = nullptr;
Type* g_tuplegetter_type = nullptr;

Value selfIter(Value v) { return v; }
ArrayObj* asArray(Value v) { return static_cast<ArrayObj*>(v.asObject()); }

bool reprUtf8(Value v, std::string* out) {
  Value r = repr(v);
  if (r.isNull()) return false;
  *out = strToUtf8(r);
  return true;
}

// ===========================================================================
// deque: storage

struct DequeObj : Obj {
  gc::HeapValue buffer;  // ArrayObj (power-of-two capacity) or null
  int64_t head;
  int64_t length;
  int64_t maxlen;  // -1: unbounded
  int64_t state;
};
DequeObj* asDeque(Value v) { return static_cast<DequeObj*>(v.asObject()); }
bool isDeque(Value v) { return !v.isSmallInt() && isInstance(v, g_deque_type); }

int64_t capacityOf(Value self) {
  Value b = asDeque(self)->buffer.get();
  return b.isNull() ? 0 : asArray(b)->capacity;
}

gc::HeapValue& slotAt(Value self, int64_t i) {
  DequeObj* d = asDeque(self);
  ArrayObj* b = asArray(d->buffer.get());
  return b->items[(d->head + i) & (b->capacity - 1)];
}
Value itemAt(Value self, int64_t i) { return slotAt(self, i).get(); }

// Makes room for one more item.
bool reserveOne(Value self) {
  int64_t cap = capacityOf(self), n = asDeque(self)->length;
  if (n < cap) return true;
  int64_t new_cap = cap == 0 ? 8 : cap * 2;
  Value buffer = newArray(new_cap);
  if (buffer.isNull()) return false;
  for (int64_t i = 0; i < n; ++i) asArray(buffer)->items[i].set(itemAt(self, i));
  asDeque(self)->buffer.set(buffer);
  asDeque(self)->head = 0;
  return true;
}

bool pushBack(Value self, Value v) {
  if (!reserveOne(self)) return false;
  slotAt(self, asDeque(self)->length).set(v);
  asDeque(self)->length++;
  return true;
}

bool pushFront(Value self, Value v) {
  if (!reserveOne(self)) return false;
  DequeObj* d = asDeque(self);
  d->head = (d->head - 1) & (capacityOf(self) - 1);
  d->length++;
  slotAt(self, 0).set(v);
  return true;
}

// Precondition: not empty.
Value popBack(Value self) {
  int64_t last = asDeque(self)->length - 1;
  Value v = itemAt(self, last);
  slotAt(self, last).set(Value());
  asDeque(self)->length = last;
  return v;
}

Value popFront(Value self) {
  Value v = itemAt(self, 0);
  slotAt(self, 0).set(Value());
  DequeObj* d = asDeque(self);
  d->head = (d->head + 1) & (capacityOf(self) - 1);
  d->length--;
  return v;
}

// append / appendleft with the maxlen trim on the other end.
bool appendRight(Value self, Value v) {
  asDeque(self)->state++;
  if (!pushBack(self, v)) return false;
  int64_t maxlen = asDeque(self)->maxlen;
  if (maxlen >= 0 && asDeque(self)->length > maxlen) popFront(self);
  return true;
}

bool appendLeft(Value self, Value v) {
  asDeque(self)->state++;
  if (!pushFront(self, v)) return false;
  int64_t maxlen = asDeque(self)->maxlen;
  if (maxlen >= 0 && asDeque(self)->length > maxlen) popBack(self);
  return true;
}

void clearDeque(Value self) {
  int64_t n = asDeque(self)->length;
  for (int64_t i = 0; i < n; ++i) slotAt(self, i).set(Value());
  asDeque(self)->length = 0;
  asDeque(self)->head = 0;
  asDeque(self)->state++;
}

// Rotates right by n (left when negative); no state change, as CPython's.
void rotate(Value self, int64_t n) {
  int64_t len = asDeque(self)->length;
  if (len <= 1) return;
  int64_t half = len >> 1;
  if (n > half || n < -half) {
    n %= len;
    if (n > half) {
      n -= len;
    } else if (n < -half) {
      n += len;
    }
  }
  // Capacity does not change: pushes after pops never allocate.
  for (; n > 0; --n) pushFront(self, popBack(self));
  for (; n < 0; ++n) pushBack(self, popFront(self));
}

bool extendRight(Value self, Value iterable) {
  if (iterable == self) {
    iterable = listFromIterable(iterable);
    if (iterable.isNull()) return false;
  }
  Value it = getIter(iterable);
  if (it.isNull()) return false;
  for (;;) {
    Value item = iterNext(it);
    if (item.isNull()) return !errorPending();
    if (!appendRight(self, item)) return false;
  }
}

bool extendLeft(Value self, Value iterable) {
  if (iterable == self) {
    iterable = listFromIterable(iterable);
    if (iterable.isNull()) return false;
  }
  Value it = getIter(iterable);
  if (it.isNull()) return false;
  for (;;) {
    Value item = iterNext(it);
    if (item.isNull()) return !errorPending();
    if (!appendLeft(self, item)) return false;
  }
}

// Removes item i (0 <= i < length).
void deleteAt(Value self, int64_t i) {
  int64_t n = asDeque(self)->length;
  for (int64_t k = i; k < n - 1; ++k) slotAt(self, k).set(itemAt(self, k + 1));
  popBack(self);
  asDeque(self)->state++;
}

Value raiseMutated() { return raise(exc::RuntimeError, "deque mutated during iteration"); }

// ===========================================================================
// deque: construction and methods

Value deque_new(Type* type, const Value* /*args*/, size_t /*nargs*/, Value /*kwnames*/) {
  DequeObj* d = static_cast<DequeObj*>(newObject(type, type->basic_size));
  d->maxlen = -1;
  return Value(d);
}

const MethodDef kDequeInitDef = {.name = "deque", .signature = "(iterable=<unrepresentable>, maxlen=None)"};

int deque_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value bound[2];
  if (!bindArguments(&kDequeInitDef, Value(), args, nargs, kwnames, bound)) return -1;
  int64_t maxlen = -1;
  if (!isNone(bound[1])) {
    if (!isInt(bound[1])) {
      raise(exc::TypeError, "an integer is required");
      return -1;
    }
    if (!intToInt64(bound[1], &maxlen)) return -1;
    if (maxlen < 0) {
      raise(exc::ValueError, "maxlen must be non-negative");
      return -1;
    }
  }
  asDeque(self)->maxlen = maxlen;
  if (asDeque(self)->length > 0) clearDeque(self);
  if (!bound[0].isNull() && !extendRight(self, bound[0])) return -1;
  return 0;
}

Value deque_append(Value* args) { return appendRight(args[0], args[1]) ? None() : Value(); }
Value deque_appendleft(Value* args) { return appendLeft(args[0], args[1]) ? None() : Value(); }

Value deque_pop(Value* args) {
  if (asDeque(args[0])->length == 0) return raise(exc::IndexError, "pop from an empty deque");
  asDeque(args[0])->state++;
  return popBack(args[0]);
}

Value deque_popleft(Value* args) {
  if (asDeque(args[0])->length == 0) return raise(exc::IndexError, "pop from an empty deque");
  asDeque(args[0])->state++;
  return popFront(args[0]);
}

Value deque_extend(Value* args) { return extendRight(args[0], args[1]) ? None() : Value(); }
Value deque_extendleft(Value* args) { return extendLeft(args[0], args[1]) ? None() : Value(); }

Value deque_rotate(Value* args) {
  int64_t n;
  if (!argSsize(args[1], &n)) return Value();
  rotate(args[0], n);
  return None();
}

Value deque_clear(Value* args) {
  clearDeque(args[0]);
  return None();
}

Value dequeCopy(Value self) {
  int64_t maxlen = asDeque(self)->maxlen;
  if (typeOf(self) == g_deque_type) {
    Value copy = deque_new(g_deque_type, nullptr, 0, Value());
    asDeque(copy)->maxlen = maxlen;
    for (int64_t i = 0; i < asDeque(self)->length; ++i) {
      if (!pushBack(copy, itemAt(self, i))) return Value();
    }
    return copy;
  }
  Value type = typeValue(typeOf(self));
  if (maxlen < 0) return call1(type, self);
  return call2(type, self, newInt(maxlen));
}

Value deque_copy(Value* args) { return dequeCopy(args[0]); }

Value deque_count(Value* args) {
  Value self = args[0];
  int64_t state = asDeque(self)->state, found = 0;
  for (int64_t i = 0; i < asDeque(self)->length; ++i) {
    int r = richCompareBool(itemAt(self, i), args[1], kEq);
    if (r < 0) return Value();
    if (asDeque(self)->state != state) return raiseMutated();
    found += r;
  }
  return newInt(found);
}

// A slice-style bound of deque.index ("slice indices must be integers or
// have an __index__ method"), clamped to [0, n].
bool sliceBound(Value v, int64_t n, int64_t* out) {
  if (!v.isSmallInt() && typeOf(v)->slots.nb_index == nullptr) {
    raise(exc::TypeError, "slice indices must be integers or have an __index__ method");
    return false;
  }
  Value i = index(v);
  if (i.isNull()) return false;
  int64_t k;
  if (!intToInt64(i, &k)) {
    clearError();
    k = intSign(i) < 0 ? INT64_MIN : INT64_MAX;
  }
  if (k < 0) {
    k += n;
    if (k < 0) k = 0;
  }
  if (k > n) k = n;
  *out = k;
  return true;
}

Value deque_index(Value* args) {
  Value self = args[0], value = args[1];
  int64_t n = asDeque(self)->length, start = 0, stop = n;
  if (!args[2].isNull() && !sliceBound(args[2], n, &start)) return Value();
  if (!args[3].isNull() && !sliceBound(args[3], n, &stop)) return Value();
  int64_t state = asDeque(self)->state;
  for (int64_t i = start; i < stop && i < asDeque(self)->length; ++i) {
    int r = richCompareBool(itemAt(self, i), value, kEq);
    if (r < 0) return Value();
    if (asDeque(self)->state != state) return raiseMutated();
    if (r > 0) return newInt(i);
  }
  std::string text;
  if (!reprUtf8(value, &text)) return Value();
  return raisef(exc::ValueError, "%s is not in deque", text.c_str());
}

Value deque_insert(Value* args) {
  Value self = args[0];
  int64_t i;
  if (!argSsize(args[1], &i)) return Value();
  int64_t n = asDeque(self)->length;
  if (asDeque(self)->maxlen == n) return raise(exc::IndexError, "deque already at its maximum size");
  if (i >= n) return appendRight(self, args[2]) ? None() : Value();
  if (i <= -n || i == 0) return appendLeft(self, args[2]) ? None() : Value();
  rotate(self, -i);
  bool ok = i < 0 ? appendRight(self, args[2]) : appendLeft(self, args[2]);
  rotate(self, i);
  return ok ? None() : Value();
}

Value deque_remove(Value* args) {
  Value self = args[0], value = args[1];
  int64_t state = asDeque(self)->state;
  for (int64_t i = 0; i < asDeque(self)->length; ++i) {
    int r = richCompareBool(itemAt(self, i), value, kEq);
    if (r < 0) return Value();
    if (asDeque(self)->state != state) return raise(exc::IndexError, "deque mutated during remove().");
    if (r > 0) {
      deleteAt(self, i);
      return None();
    }
  }
  std::string text;
  if (!reprUtf8(value, &text)) return Value();
  return raisef(exc::ValueError, "%s is not in deque", text.c_str());
}

Value deque_reverse(Value* args) {
  Value self = args[0];
  int64_t n = asDeque(self)->length;
  for (int64_t i = 0, j = n - 1; i < j; ++i, --j) {
    Value a = itemAt(self, i);
    slotAt(self, i).set(itemAt(self, j));
    slotAt(self, j).set(a);
  }
  return None();
}

struct DequeIterObj : Obj {
  gc::HeapValue deque;
  int64_t index;
  int64_t state;
  int64_t counter;  // items left
};
DequeIterObj* asDequeIter(Value v) { return static_cast<DequeIterObj*>(v.asObject()); }

Value newDequeIter(Type* type, Value self, bool reverse) {
  auto* it = static_cast<DequeIterObj*>(newObject(type, type->basic_size));
  it->deque.set(self);
  it->index = reverse ? asDeque(self)->length - 1 : 0;
  it->state = asDeque(self)->state;
  it->counter = asDeque(self)->length;
  return Value(it);
}

Value deque_iter(Value self) { return newDequeIter(g_deque_iter_type, self, false); }
Value deque___reversed__(Value* args) { return newDequeIter(g_deque_reviter_type, args[0], true); }
Value deque___copy__(Value* args) { return dequeCopy(args[0]); }
Value deque___class_getitem__(Value* args) { return newGenericAlias(args[0], args[1]); }

Value deque___reduce__(Value* args) {
  Value self = args[0];
  int64_t maxlen = asDeque(self)->maxlen;
  Value ctor_args = maxlen < 0 ? newTuple(0) : newTupleOf({newTuple(0), newInt(maxlen)});
  Value state = None();
  if (typeOf(self)->dict_offset != 0) {
    Value d = instanceDict(self);
    if (!d.isNull() && dictSize(d) > 0) state = d;
  }
  Value it = deque_iter(self);
  return newTupleOf({typeValue(typeOf(self)), ctor_args, state, it});
}

Value deque_get_maxlen(Value self) {
  int64_t maxlen = asDeque(self)->maxlen;
  return maxlen < 0 ? None() : newInt(maxlen);
}

// ===========================================================================
// deque: slots

int64_t deque_len(Value self) { return asDeque(self)->length; }

// An index for d[i]: normalised, range-checked; false with the error pending.
bool itemIndex(Value self, Value key, int64_t* out) {
  if (!key.isSmallInt() && typeOf(key)->slots.nb_index == nullptr) {
    raisef(exc::TypeError, "sequence index must be integer, not '%s'", typeNameOf(key).c_str());
    return false;
  }
  int64_t i;
  if (!indexToInt64(key, &i, exc::IndexError)) return false;
  int64_t n = asDeque(self)->length;
  if (i < 0) i += n;
  if (i < 0 || i >= n) {
    raise(exc::IndexError, "deque index out of range");
    return false;
  }
  *out = i;
  return true;
}

Value deque_subscript(Value self, Value key) {
  int64_t i;
  if (!itemIndex(self, key, &i)) return Value();
  return itemAt(self, i);
}

int deque_ass_subscript(Value self, Value key, Value value) {
  int64_t i;
  if (!itemIndex(self, key, &i)) return -1;
  if (value.isNull()) {
    deleteAt(self, i);
  } else {
    slotAt(self, i).set(value);
  }
  return 0;
}

int deque_contains(Value self, Value item) {
  int64_t state = asDeque(self)->state;
  for (int64_t i = 0; i < asDeque(self)->length; ++i) {
    int r = richCompareBool(itemAt(self, i), item, kEq);
    if (r < 0) return -1;
    if (asDeque(self)->state != state) {
      raiseMutated();
      return -1;
    }
    if (r > 0) return 1;
  }
  return 0;
}

Value deque_repr(Value self) {
  std::string name = typeBareName(typeOf(self));
  int entered = reprEnter(self);
  if (entered < 0) return Value();
  if (entered > 0) return newStr("[...]");
  Value list = listFromIterable(self);
  std::string text;
  bool ok = !list.isNull() && reprUtf8(list, &text);
  reprLeave(self);
  if (!ok) return Value();
  int64_t maxlen = asDeque(self)->maxlen;
  if (maxlen >= 0) return newStr(name + "(" + text + ", maxlen=" + std::to_string(maxlen) + ")");
  return newStr(name + "(" + text + ")");
}

Value deque_richcompare(Value a, Value b, int op) {
  if (!isDeque(a) || !isDeque(b)) return NotImplemented();
  int64_t na = asDeque(a)->length, nb = asDeque(b)->length;
  if (na != nb && (op == kEq || op == kNe)) return Bool(op == kNe);
  int64_t sa = asDeque(a)->state, sb = asDeque(b)->state;
  int64_t i = 0;
  for (; i < na && i < nb; ++i) {
    Value x = itemAt(a, i), y = itemAt(b, i);
    int r = richCompareBool(x, y, kEq);
    if (r < 0) return Value();
    if (asDeque(a)->state != sa || asDeque(b)->state != sb) return raiseMutated();
    if (r == 0) {
      if (op == kEq) return False();
      if (op == kNe) return True();
      return richCompare(x, y, op);
    }
  }
  return Bool(orderingSatisfies(na < nb ? -1 : na > nb ? 1 : 0, op));
}

Value deque_add(Value a, Value b) {
  if (!isDeque(a)) return NotImplemented();
  if (!isDeque(b)) {
    return raisef(exc::TypeError, "can only concatenate deque (not \"%s\") to deque", typeNameOf(b).c_str());
  }
  Value result = dequeCopy(a);
  if (result.isNull()) return result;
  if (!extendRight(result, b)) return Value();
  return result;
}

Value deque_inplace_add(Value self, Value other) {
  if (!isDeque(self)) return NotImplemented();
  return extendRight(self, other) ? self : Value();
}

// d *= n in place.
Value inplaceRepeat(Value self, int64_t n) {
  int64_t len = asDeque(self)->length;
  if (n <= 0 || len == 0) {
    clearDeque(self);
    return self;
  }
  if (n == 1) return self;
  int64_t maxlen = asDeque(self)->maxlen;
  // Only the last maxlen items can survive: stop appending once enough are in.
  int64_t total = (maxlen >= 0 && n > maxlen) ? maxlen / len + 2 : n;
  Value items = listFromIterable(self);
  if (items.isNull()) return items;
  for (int64_t k = 1; k < total; ++k) {
    for (int64_t i = 0; i < len; ++i) {
      if (!appendRight(self, listItem(items, i))) return Value();
    }
  }
  return self;
}

bool repeatCount(Value v, int64_t* n) {
  if (!v.isSmallInt() && typeOf(v)->slots.nb_index == nullptr) return false;
  return indexToInt64(v, n, exc::OverflowError);
}

Value deque_multiply(Value a, Value b) {
  Value self = isDeque(a) ? a : b, count = isDeque(a) ? b : a;
  if (!isDeque(self)) return NotImplemented();
  if (!count.isSmallInt() && typeOf(count)->slots.nb_index == nullptr) {
    return raisef(exc::TypeError, "can't multiply sequence by non-int of type '%s'", typeNameOf(count).c_str());
  }
  int64_t n;
  if (!repeatCount(count, &n)) return Value();
  Value result = dequeCopy(self);
  if (result.isNull()) return result;
  return inplaceRepeat(result, n);
}

Value deque_inplace_multiply(Value self, Value count) {
  if (!isDeque(self)) return NotImplemented();
  if (!count.isSmallInt() && typeOf(count)->slots.nb_index == nullptr) {
    return raisef(exc::TypeError, "can't multiply sequence by non-int of type '%s'", typeNameOf(count).c_str());
  }
  int64_t n;
  if (!repeatCount(count, &n)) return Value();
  return inplaceRepeat(self, n);
}

// ===========================================================================
// _deque_iterator / _deque_reverse_iterator

Value dequeIterStep(Value self, int64_t direction) {
  DequeIterObj* it = asDequeIter(self);
  Value deque = it->deque.get();
  if (asDeque(deque)->state != it->state) {
    it->counter = 0;
    return raiseMutated();
  }
  if (it->counter == 0) return Value();
  Value item = itemAt(deque, it->index);
  it->index += direction;
  it->counter--;
  return item;
}

Value dequeiter_next(Value self) { return dequeIterStep(self, 1); }
Value dequereviter_next(Value self) { return dequeIterStep(self, -1); }
Value dequeiter___length_hint__(Value* args) { return newInt(asDequeIter(args[0])->counter); }

// ===========================================================================
// defaultdict

struct DefaultDictObj : DictObj {
  gc::HeapValue default_factory;  // null or None: no factory
};
DefaultDictObj* asDefaultDict(Value v) { return static_cast<DefaultDictObj*>(v.asObject()); }

Value factoryOf(Value self) {
  Value f = asDefaultDict(self)->default_factory.get();
  return f.isNull() ? None() : f;
}

int defaultdict_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value factory = None();
  if (nargs > 0) {
    factory = args[0];
    if (!isNone(factory) && !isCallable(factory)) {
      raise(exc::TypeError, "first argument must be callable or None");
      return -1;
    }
    ++args;
    --nargs;
  }
  asDefaultDict(self)->default_factory.set(factory);
  return types::dict_type->slots.tp_init(self, args, nargs, kwnames);
}

Value defaultdict___missing__(Value* args) {
  Value self = args[0], key = args[1];
  Value factory = factoryOf(self);
  if (isNone(factory)) return raiseKeyError(key);
  Value value = call0(factory);
  if (value.isNull()) return value;
  if (setItem(self, key, value) < 0) return Value();
  return value;
}

Value defaultdict_repr(Value self) {
  Value base = types::dict_type->slots.tp_repr(self);
  if (base.isNull()) return base;
  Value factory = factoryOf(self);
  std::string factory_text = "None";
  if (!isNone(factory)) {
    int entered = reprEnter(factory);
    if (entered < 0) return Value();
    if (entered > 0) {
      factory_text = "...";
    } else {
      bool ok = reprUtf8(factory, &factory_text);
      reprLeave(factory);
      if (!ok) return Value();
    }
  }
  return newStr(typeBareName(typeOf(self)) + "(" + factory_text + ", " + strToUtf8(base) + ")");
}

Value defaultdict_copy(Value* args) {
  Value self = args[0];
  return call2(typeValue(typeOf(self)), factoryOf(self), self);
}

Value defaultdict___reduce__(Value* args) {
  Value self = args[0];
  Value factory = factoryOf(self);
  Value ctor_args = isNone(factory) ? newTuple(0) : newTupleOf({factory});
  Value items = callMethod(self, names::items, nullptr, 0);
  if (items.isNull()) return items;
  Value it = getIter(items);
  if (it.isNull()) return it;
  return newTupleOf({typeValue(typeOf(self)), ctor_args, None(), None(), it});
}

Value defaultdict_or(Value a, Value b) {
  bool left = isInstance(a, g_defaultdict_type);
  Value self = left ? a : b, other = left ? b : a;
  if (!isDict(other)) return NotImplemented();
  Value result = call2(typeValue(typeOf(self)), factoryOf(self), a);
  if (result.isNull()) return result;
  if (dictUpdate(result, b) < 0) return Value();
  return result;
}

// ===========================================================================
// _tuplegetter(index, doc)

struct TupleGetterObj : Obj {
  gc::HeapValue doc;
  int64_t index;
};
TupleGetterObj* asTupleGetter(Value v) { return static_cast<TupleGetterObj*>(v.asObject()); }

const MethodDef kTupleGetterNewDef = {.name = "_tuplegetter", .signature = "(index, doc, /)"};

Value tuplegetter_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  Value bound[2];
  if (!bindArguments(&kTupleGetterNewDef, Value(), args, nargs, kwnames, bound)) return Value();
  int64_t i;
  if (!argSsize(bound[0], &i)) return Value();
  TupleGetterObj* g = static_cast<TupleGetterObj*>(newObject(type, type->basic_size));
  g->index = i;
  g->doc.set(bound[1]);
  return Value(g);
}

Value tuplegetter_descr_get(Value self, Value obj, Value /*type*/) {
  if (obj.isNull() || isNone(obj)) return self;
  int64_t i = asTupleGetter(self)->index;
  if (!isTuple(obj)) {
    return raisef(exc::TypeError, "descriptor for index '%lld' for tuple subclasses doesn't apply to '%s' object",
                  static_cast<long long>(i), typeNameOf(obj).c_str());
  }
  if (i < 0 || i >= tupleLength(obj)) return raise(exc::IndexError, "tuple index out of range");
  return tupleItem(obj, i);
}

int tuplegetter_descr_set(Value /*self*/, Value /*obj*/, Value value) {
  raise(exc::AttributeError, value.isNull() ? "can't delete attribute" : "can't set attribute");
  return -1;
}

Value tuplegetter_repr(Value self) {
  std::string doc;
  if (!reprUtf8(asTupleGetter(self)->doc.get().isNull() ? None() : asTupleGetter(self)->doc.get(), &doc)) {
    return Value();
  }
  return newStr(typeBareName(typeOf(self)) + "(" + std::to_string(asTupleGetter(self)->index) + ", " + doc + ")");
}

Value tuplegetter___reduce__(Value* args) {
  Value self = args[0];
  Value doc = asTupleGetter(self)->doc.get();
  return newTupleOf({typeValue(typeOf(self)),
                     newTupleOf({newInt(asTupleGetter(self)->index), doc.isNull() ? None() : doc})});
}

// ===========================================================================
// _count_elements(mapping, iterable)

Value collections__count_elements(Value* args) {
  Value mapping = args[1];
  Value it = getIter(args[2]);
  if (it.isNull()) return it;
  Value get_name = internStr("get");
  bool fast = isDict(mapping) &&
              lookupSpecial(typeOf(mapping), get_name) == lookupSpecial(types::dict_type, get_name) &&
              lookupSpecial(typeOf(mapping), names::__setitem__) ==
                  lookupSpecial(types::dict_type, names::__setitem__);
  Value get = fast ? Value() : getAttr(mapping, get_name);
  if (!fast && get.isNull()) return get;
  Value one = newInt(1), zero = newInt(0);
  for (;;) {
    Value key = iterNext(it);
    if (key.isNull()) return errorPending() ? Value() : None();
    Value old = fast ? dictGet(mapping, key) : call2(get, key, zero);
    if (old.isNull()) {
      if (!fast || errorPending()) return Value();
      old = zero;
    }
    Value count = old.isSmallInt() && old.asSmallInt() < Value::kSmallIntMax ? newInt(old.asSmallInt() + 1)
                                                                                : binaryOp(old, one, BinOp::kAdd);
    if (count.isNull()) return count;
    if ((fast ? dictSet(mapping, key, count) : setItem(mapping, key, count)) < 0) return Value();
  }
}

// ===========================================================================
// Tables

const uint32_t kDequeFields[] = {offsetof(Obj, ob_type), offsetof(DequeObj, buffer)};
const gc::Layout kDequeLayout = {.name = "collections.deque", .fields = kDequeFields};
const uint32_t kDequeIterFields[] = {offsetof(Obj, ob_type), offsetof(DequeIterObj, deque)};
const gc::Layout kDequeIterLayout = {.name = "_collections._deque_iterator", .fields = kDequeIterFields};
const uint32_t kDefaultDictFields[] = {offsetof(Obj, ob_type), offsetof(DictObj, entries), offsetof(DictObj, index),
                                       offsetof(DefaultDictObj, default_factory)};
const gc::Layout kDefaultDictLayout = {.name = "collections.defaultdict", .fields = kDefaultDictFields};
const uint32_t kTupleGetterFields[] = {offsetof(Obj, ob_type), offsetof(TupleGetterObj, doc)};
const gc::Layout kTupleGetterLayout = {.name = "_collections._tuplegetter", .fields = kTupleGetterFields};

const MethodDef kDequeMethods[] = {
    {.name = "append", .signature = "($self, x, /)", .fn = deque_append, .doc = "Add an element to the right side of the deque."},
    {.name = "appendleft", .signature = "($self, x, /)", .fn = deque_appendleft, .doc = "Add an element to the left side of the deque."},
    {.name = "clear", .signature = "($self, /)", .fn = deque_clear, .doc = "Remove all elements from the deque."},
    {.name = "__copy__", .signature = "($self, /)", .fn = deque___copy__, .doc = "Return a shallow copy of a deque."},
    {.name = "copy", .signature = "($self, /)", .fn = deque_copy, .doc = "Return a shallow copy of a deque."},
    {.name = "count", .signature = "($self, x, /)", .fn = deque_count, .doc = "D.count(value) -- return number of occurrences of value"},
    {.name = "extend", .signature = "($self, iterable, /)", .fn = deque_extend, .doc = "Extend the right side of the deque with elements from the iterable"},
    {.name = "extendleft", .signature = "($self, iterable, /)", .fn = deque_extendleft, .doc = "Extend the left side of the deque with elements from the iterable"},
    {.name = "index", .signature = "($self, value, start=<unrepresentable>, stop=<unrepresentable>, /)", .fn = deque_index, .flags = method_flags::kLegacyArity,
     .doc = "D.index(value, [start, [stop]]) -- return first index of value.\nRaises ValueError if the value is not present."},
    {.name = "insert", .signature = "($self, index, object, /)", .fn = deque_insert, .flags = method_flags::kLegacyArity, .doc = "D.insert(index, object) -- insert object before index"},
    {.name = "pop", .signature = "($self, /)", .fn = deque_pop, .doc = "Remove and return the rightmost element."},
    {.name = "popleft", .signature = "($self, /)", .fn = deque_popleft, .doc = "Remove and return the leftmost element."},
    {.name = "__reduce__", .signature = "($self, /)", .fn = deque___reduce__, .doc = "Return state information for pickling."},
    {.name = "remove", .signature = "($self, value, /)", .fn = deque_remove, .doc = "D.remove(value) -- remove first occurrence of value."},
    {.name = "__reversed__", .signature = "($self, /)", .fn = deque___reversed__, .doc = "D.__reversed__() -- return a reverse iterator over the deque"},
    {.name = "reverse", .signature = "($self, /)", .fn = deque_reverse, .doc = "D.reverse() -- reverse *IN PLACE*"},
    {.name = "rotate", .signature = "($self, n=1, /)", .fn = deque_rotate, .flags = method_flags::kQualifiedArity, .doc = "Rotate the deque n steps to the right (default n=1).  If n is negative, rotates left."},
    {.name = "__class_getitem__", .signature = "($type, item, /)", .fn = deque___class_getitem__,
     .flags = method_flags::kClassMethod, .doc = "See PEP 585"},
};

const GetSetDef kDequeGetSets[] = {
    {.name = "maxlen", .get = deque_get_maxlen, .doc = "maximum size of a deque or None if unbounded"},
};

const TypeSpec kDequeSpec = {
    .name = "deque",
    .module = "collections",
    .type = &g_deque_type,
    .layout = &kDequeLayout,
    .basic_size = sizeof(DequeObj),
    .flags = type_flags::kBaseType | type_flags::kSequence,
    .slots = {.tp_repr = deque_repr,
              .tp_richcompare = deque_richcompare,
              .tp_iter = deque_iter,
              .tp_init = deque_init,
              .tp_new = deque_new,
              .nb_add = deque_add,
              .nb_multiply = deque_multiply,
              .nb_inplace_add = deque_inplace_add,
              .nb_inplace_multiply = deque_inplace_multiply,
              .mp_length = deque_len,
              .mp_subscript = deque_subscript,
              .mp_ass_subscript = deque_ass_subscript,
              .sq_contains = deque_contains},
    .methods = kDequeMethods,
    .getsets = kDequeGetSets,
    .doc = "deque([iterable[, maxlen]]) --> deque object\n\nA list-like sequence optimized for data accesses near "
           "its endpoints.",
    .weakrefable = true,
};
TERN_REGISTER_TYPE(kDequeSpec);

const MethodDef kDequeIterMethods[] = {
    {.name = "__length_hint__", .signature = "($self, /)", .fn = dequeiter___length_hint__,
     .doc = "Private method returning an estimate of len(list(it))."},
};

const TypeSpec kDequeIterSpec = {
    .name = "_deque_iterator",
    .module = "_collections",
    .type = &g_deque_iter_type,
    .layout = &kDequeIterLayout,
    .basic_size = sizeof(DequeIterObj),
    .slots = {.tp_iter = selfIter, .tp_iternext = dequeiter_next},
    .methods = kDequeIterMethods,
};
TERN_REGISTER_TYPE(kDequeIterSpec);

const TypeSpec kDequeRevIterSpec = {
    .name = "_deque_reverse_iterator",
    .module = "_collections",
    .type = &g_deque_reviter_type,
    .layout = &kDequeIterLayout,
    .basic_size = sizeof(DequeIterObj),
    .slots = {.tp_iter = selfIter, .tp_iternext = dequereviter_next},
    .methods = kDequeIterMethods,
};
TERN_REGISTER_TYPE(kDequeRevIterSpec);

const MethodDef kDefaultDictMethods[] = {
    {.name = "__missing__", .signature = "($self, key, /)", .fn = defaultdict___missing__,
     .doc = "__missing__(key) # Called by __getitem__ for missing key; pseudo-code:\n  if self.default_factory is "
            "None: raise KeyError((key,))\n  self[key] = value = self.default_factory()\n  return value"},
    {.name = "copy", .signature = "($self, /)", .fn = defaultdict_copy, .doc = "D.copy() -> a shallow copy of D."},
    {.name = "__copy__", .signature = "($self, /)", .fn = defaultdict_copy, .doc = "D.copy() -> a shallow copy of D."},
    {.name = "__reduce__", .signature = "($self, /)", .fn = defaultdict___reduce__, .doc = "Return state information for pickling."},
};

const MemberDef kDefaultDictMembers[] = {
    {.name = "default_factory", .kind = MemberKind::kObjectNoneIfNull,
     .offset = offsetof(DefaultDictObj, default_factory),
     .doc = "Factory for default value called by __missing__()."},
};

const TypeSpec kDefaultDictSpec = {
    .name = "defaultdict",
    .module = "collections",
    .type = &g_defaultdict_type,
    .base = &types::dict_type,
    .layout = &kDefaultDictLayout,
    .basic_size = sizeof(DefaultDictObj),
    .flags = type_flags::kBaseType,
    .slots = {.tp_repr = defaultdict_repr, .tp_init = defaultdict_init, .nb_or = defaultdict_or},
    .methods = kDefaultDictMethods,
    .members = kDefaultDictMembers,
    .doc = "defaultdict(default_factory=None, /, [...]) --> dict with default factory\n\nThe default factory is "
           "called without arguments to produce\na new value when a key is not present, in __getitem__ only.\nA "
           "defaultdict compares equal to a dict with the same items.\nAll remaining arguments are treated the same\n"
           "as if they were passed to the dict constructor,\nincluding keyword arguments.\n",
};
TERN_REGISTER_TYPE(kDefaultDictSpec);

const MethodDef kTupleGetterMethods[] = {
    {.name = "__reduce__", .signature = "($self, /)", .fn = tuplegetter___reduce__},
};

const MemberDef kTupleGetterMembers[] = {
    {.name = "__doc__", .kind = MemberKind::kObjectNoneIfNull, .offset = offsetof(TupleGetterObj, doc)},
};

const TypeSpec kTupleGetterSpec = {
    .name = "_tuplegetter",
    .module = "_collections",
    .type = &g_tuplegetter_type,
    .layout = &kTupleGetterLayout,
    .basic_size = sizeof(TupleGetterObj),
    .slots = {.tp_repr = tuplegetter_repr,
              .tp_descr_get = tuplegetter_descr_get,
              .tp_descr_set = tuplegetter_descr_set,
              .tp_new = tuplegetter_new},
    .methods = kTupleGetterMethods,
    .members = kTupleGetterMembers,
};
TERN_REGISTER_TYPE(kTupleGetterSpec);

// ===========================================================================
// The module

const MethodDef kCollectionsFunctions[] = {
    {.name = "_count_elements", .signature = "($module, mapping, iterable, /)", .fn = collections__count_elements,
     .doc = "Count elements in the iterable, updating the mapping"},
};

bool collectionsInit(Value module) {
  Type* const kTypes[] = {g_deque_type, g_defaultdict_type, g_deque_iter_type, g_deque_reviter_type,
                          g_tuplegetter_type};
  Value d = moduleDict(module);
  for (Type* t : kTypes) {
    if (dictSet(d, t->name.get(), typeValue(t)) < 0) return false;
  }
  return true;
}

const NativeModuleDef kCollectionsModule = {
    .name = "_collections",
    .methods = kCollectionsFunctions,
    .init = collectionsInit,
    .doc = "High performance data structures.\n- deque:        ordered collection accessible from endpoints only\n"
           "- defaultdict:  dict subclass with a default value factory\n",
};
TERN_REGISTER_MODULE(kCollectionsModule);

}  // namespace

}  // namespace tern
