// range, range_iterator (int64 fast path) and longrange_iterator (range.h).
//
// Arithmetic on the bounds goes through the int protocols (binaryOp,
// richCompareBool) so that ranges of any size work; ranges whose values fit
// in int64 take the fast paths.
#include "runtime/objects/range.h"

#include <algorithm>
#include <cstddef>
#include <string>

#include "runtime/interp/errors.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/containers_internal.h"
#include "runtime/objects/int.h"
#include "runtime/objects/native.h"
#include "runtime/objects/slice.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"

namespace tern {

using containers::selfIter;

namespace {

Value zero() { return Value::fromSmallInt(0); }
Value one() { return Value::fromSmallInt(1); }

Value add(Value a, Value b) { return binaryOp(a, b, BinOp::kAdd); }
Value sub(Value a, Value b) { return binaryOp(a, b, BinOp::kSubtract); }
Value mul(Value a, Value b) { return binaryOp(a, b, BinOp::kMultiply); }

// Fits the exact int `v` in int64?
bool toInt64(Value v, int64_t* out) {
  if (v.isSmallInt()) {
    *out = v.asSmallInt();
    return true;
  }
  if (intToInt64(v, out)) return true;
  clearError();
  return false;
}

// The number of items of range(start, stop, step); null on error.
Value computeLength(Value start, Value stop, Value step) {
  if (start.isSmallInt() && stop.isSmallInt() && step.isSmallInt()) {
    __int128 lo = start.asSmallInt(), hi = stop.asSmallInt(), st = step.asSmallInt();
    if (st < 0) {
      __int128 t = lo;
      lo = hi;
      hi = t;
      st = -st;
    }
    if (lo >= hi) return zero();
    return newInt(static_cast<int64_t>((hi - lo - 1) / st + 1));
  }
  Value lo = start, hi = stop;
  int positive = richCompareBool(step, zero(), kGt);
  if (positive < 0) return Value();
  if (!positive) {
    lo = stop;
    hi = start;
    step = negative(step);
    if (step.isNull()) return step;
  }
  int empty = richCompareBool(lo, hi, kGe);
  if (empty < 0) return Value();
  if (empty) return zero();
  Value diff = sub(hi, lo);
  if (diff.isNull()) return diff;
  diff = sub(diff, one());
  if (diff.isNull()) return diff;
  diff = binaryOp(diff, step, BinOp::kFloorDivide);
  if (diff.isNull()) return diff;
  return add(diff, one());
}

Value makeRange(Value start, Value stop, Value step, Value length) {
  Obj* o = newObject(types::range_type, sizeof(RangeObj));
  auto* r = static_cast<RangeObj*>(o);
  r->start.set(start);
  r->stop.set(stop);
  r->step.set(step);
  r->length.set(length);
  return Value(o);
}

}  // namespace

Value newRange(Value start, Value stop, Value step) {
  Value length = computeLength(start, stop, step);
  if (length.isNull()) return length;
  return makeRange(start, stop, step, length);
}

namespace {

// start + i * step
Value rangeItem(Value r, Value i) {
  RangeObj* o = asRange(r);
  if (i.isSmallInt() && o->start.get().isSmallInt() && o->step.get().isSmallInt()) {
    __int128 v = static_cast<__int128>(o->start.get().asSmallInt()) +
                 static_cast<__int128>(i.asSmallInt()) * o->step.get().asSmallInt();
    if (v >= INT64_MIN && v <= INT64_MAX) return newInt(static_cast<int64_t>(v));
  }
  Value t = mul(i, asRange(r)->step.get());
  if (t.isNull()) return t;
  return add(asRange(r)->start.get(), t);
}

// ---------------------------------------------------------------------------
// Slots

Value range_new(Type* /*type*/, const Value* args, size_t nargs, Value kwnames) {
  if (!kwnames.isNull() && tupleLength(kwnames) > 0) return raise(exc::TypeError, "range() takes no keyword arguments");
  if (nargs == 0) return raise(exc::TypeError, "range expected at least 1 argument, got 0");
  if (nargs > 3) return raisef(exc::TypeError, "range expected at most 3 arguments, got %zu", nargs);
  Value start = zero(), stop, step = one();
  if (nargs == 1) {
    stop = index(args[0]);
    if (stop.isNull()) return stop;
  } else {
    start = index(args[0]);
    if (start.isNull()) return start;
    stop = index(args[1]);
    if (stop.isNull()) return stop;
    if (nargs == 3) {
      step = index(args[2]);
      if (step.isNull()) return step;
      if (intSign(step) == 0) return raise(exc::ValueError, "range() arg 3 must not be zero");
    }
  }
  return newRange(start, stop, step);
}

Value range_repr(Value self) {
  RangeObj* r = asRange(self);
  std::string out = "range(";
  Value start = r->start.get(), stop = r->stop.get(), step = r->step.get();
  if (!containers::appendRepr(out, start)) return Value();
  out += ", ";
  if (!containers::appendRepr(out, stop)) return Value();
  if (!(step.isSmallInt() && step.asSmallInt() == 1)) {
    out += ", ";
    if (!containers::appendRepr(out, step)) return Value();
  }
  out += ")";
  return containers::strFromUtf8(out);
}

int64_t range_len(Value self) {
  Value n = asRange(self)->length.get();
  int64_t out;
  if (n.isSmallInt()) return n.asSmallInt();
  if (!intToInt64(n, &out)) {
    clearError();
    raise(exc::OverflowError, "Python int too large to convert to C ssize_t");
    return -1;
  }
  return out;
}

int range_bool(Value self) { return intSign(asRange(self)->length.get()) != 0 ? 1 : 0; }

// `ob in r` for an exact int or bool: 1/0/-1 without iterating.
int containsInt(Value self, Value ob) {
  Value start = asRange(self)->start.get(), stop = asRange(self)->stop.get(), step = asRange(self)->step.get();
  int lo_ok, hi_ok;
  if (intSign(step) > 0) {
    lo_ok = richCompareBool(start, ob, kLe);
    hi_ok = richCompareBool(ob, stop, kLt);
  } else {
    lo_ok = richCompareBool(ob, start, kLe);
    hi_ok = richCompareBool(stop, ob, kLt);
  }
  if (lo_ok < 0 || hi_ok < 0) return -1;
  if (!lo_ok || !hi_ok) return 0;
  Value d = sub(ob, start);
  if (d.isNull()) return -1;
  Value m = binaryOp(d, step, BinOp::kRemainder);
  if (m.isNull()) return -1;
  return intSign(m) == 0 ? 1 : 0;
}

bool isIntOrBool(Value v) { return isExactInt(v) || isBool(v); }

int range_contains(Value self, Value ob) {
  if (isIntOrBool(ob)) return containsInt(self, ob);
  Value it = getIter(self);
  if (it.isNull()) return -1;
  for (;;) {
    Value item = iterNext(it);
    if (item.isNull()) return errorPending() ? -1 : 0;
    int r = richCompareBool(item, ob, kEq);
    if (r != 0) return r;
  }
}

// range_equals: 1/0/-1.
int rangeEquals(Value a, Value b) {
  if (a == b) return 1;
  RangeObj* r0 = asRange(a);
  RangeObj* r1 = asRange(b);
  int c = richCompareBool(r0->length.get(), r1->length.get(), kNe);
  if (c != 0) return c == -1 ? -1 : 0;
  if (intSign(asRange(a)->length.get()) == 0) return 1;
  c = richCompareBool(asRange(a)->start.get(), asRange(b)->start.get(), kNe);
  if (c != 0) return c == -1 ? -1 : 0;
  c = richCompareBool(asRange(a)->length.get(), one(), kEq);
  if (c != 0) return c;
  return richCompareBool(asRange(a)->step.get(), asRange(b)->step.get(), kEq);
}

Value range_richcompare(Value a, Value b, int op) {
  if (!isRange(a) || !isRange(b) || (op != kEq && op != kNe)) return NotImplemented();
  int r = rangeEquals(a, b);
  if (r < 0) return Value();
  return Bool((r == 1) == (op == kEq));
}

int64_t range_hash(Value self) {
  RangeObj* r = asRange(self);
  Value t;
  if (intSign(r->length.get()) == 0) {
    t = newTupleOf({r->length.get(), None(), None()});
  } else {
    bool single = r->length.get().isSmallInt() && r->length.get().asSmallInt() == 1;
    t = newTupleOf({asRange(self)->length.get(), asRange(self)->start.get(), single ? None() : asRange(self)->step.get()});
  }
  if (t.isNull()) return -1;
  return hash(t);
}

Value range_subscript(Value self, Value key) {
  if (containers::hasIndex(key)) {
    Value i = index(key);
    if (i.isNull()) return i;
    Value length = asRange(self)->length.get();
    if (intSign(i) < 0) {
      i = add(i, length);
      if (i.isNull()) return i;
    }
    int in = intSign(i) >= 0 ? richCompareBool(i, length, kLt) : 0;
    if (in < 0) return Value();
    if (!in) return raise(exc::IndexError, "range object index out of range");
    return rangeItem(self, i);
  }
  if (isSlice(key)) {
    Value start, stop, step;
    if (!sliceIndicesLong(key, asRange(self)->length.get(), &start, &stop, &step)) return Value();
    Value substep = mul(asRange(self)->step.get(), step);
    if (substep.isNull()) return substep;
    Value substart = rangeItem(self, start);
    if (substart.isNull()) return substart;
    Value substop = rangeItem(self, stop);
    if (substop.isNull()) return substop;
    return newRange(substart, substop, substep);
  }
  return raisef(exc::TypeError, "range indices must be integers or slices, not %s", typeNameOf(key).c_str());
}

// ---------------------------------------------------------------------------
// Iterators
//
// As in CPython 3.11, an iterator keeps the range it walks (start, step, len)
// and the index of the next item, start + index * step; index <= len (the
// __setstate__ clamp keeps it so), and index == len means exhausted.  Its
// __reduce__ rebuilds that range: (iter, (range(start, start + len * step,
// step),), index).

struct RangeIterObj : Obj {
  int64_t start;
  int64_t step;
  int64_t len;
  int64_t index;
};

// The same, in exact ints (index may be any value __setstate__ was given
// that compares with ints, as in CPython).
struct LongRangeIterObj : Obj {
  gc::HeapValue start, step, len, index;
};

Value fastIter(int64_t start, int64_t step, int64_t len) {
  Obj* o = newObject(types::range_iterator_type, sizeof(RangeIterObj));
  auto* it = static_cast<RangeIterObj*>(o);
  it->start = start;
  it->step = step;
  it->len = len;
  it->index = 0;
  return Value(o);
}

Value longIter(Value start, Value step, Value len) {
  Obj* o = newObject(types::longrange_iterator_type, sizeof(LongRangeIterObj));
  auto* it = static_cast<LongRangeIterObj*>(o);
  it->start.set(start);
  it->step.set(step);
  it->len.set(len);
  it->index.set(zero());
  return Value(o);
}

// The length of range(lo, hi, step) as unsigned (get_len_of_range).
uint64_t lenOfRange(int64_t lo, int64_t hi, int64_t step) {
  if (step > 0 && lo < hi) return 1 + (static_cast<uint64_t>(hi) - static_cast<uint64_t>(lo) - 1) / static_cast<uint64_t>(step);
  if (step < 0 && lo > hi) {
    return 1 + (static_cast<uint64_t>(lo) - static_cast<uint64_t>(hi) - 1) / (0 - static_cast<uint64_t>(step));
  }
  return 0;
}

Value range_iter(Value self) {
  RangeObj* r = asRange(self);
  int64_t start, stop, step;
  if (toInt64(r->start.get(), &start) && toInt64(asRange(self)->stop.get(), &stop) &&
      toInt64(asRange(self)->step.get(), &step)) {
    uint64_t ulen = lenOfRange(start, stop, step);
    bool ok = ulen <= static_cast<uint64_t>(INT64_MAX);
    if (ok && ulen != 0) {
      if (step > 0) {
        ok = !(stop > INT64_MAX - (step - 1));
      } else {
        ok = !(stop < INT64_MIN + (-1 - step));
      }
    }
    if (ok) return fastIter(start, step, static_cast<int64_t>(ulen));
  }
  return longIter(asRange(self)->start.get(), asRange(self)->step.get(), asRange(self)->length.get());
}

Value range___reversed__(Value* args) {
  Value self = args[0];
  int64_t start, stop, step;
  if (toInt64(asRange(self)->start.get(), &start) && toInt64(asRange(self)->stop.get(), &stop) &&
      toInt64(asRange(self)->step.get(), &step) && step != INT64_MIN) {
    bool ok;
    if (step > 0) {
      ok = !(static_cast<uint64_t>(start) - static_cast<uint64_t>(INT64_MIN) < static_cast<uint64_t>(step));
    } else {
      ok = !(static_cast<uint64_t>(INT64_MAX) - static_cast<uint64_t>(start) < 0 - static_cast<uint64_t>(step));
    }
    uint64_t ulen = lenOfRange(start, stop, step);
    if (ok && ulen <= static_cast<uint64_t>(INT64_MAX)) {
      uint64_t new_stop = static_cast<uint64_t>(start) - static_cast<uint64_t>(step);
      auto new_start = static_cast<int64_t>(new_stop + ulen * static_cast<uint64_t>(step));
      return fastIter(new_start, -step, static_cast<int64_t>(ulen));
    }
  }
  // start + (len - 1) * step, stepping by -step.
  Value len = asRange(self)->length.get();
  Value last = sub(len, one());
  if (last.isNull()) return last;
  last = mul(last, asRange(self)->step.get());
  if (last.isNull()) return last;
  last = add(asRange(self)->start.get(), last);
  if (last.isNull()) return last;
  Value nstep = negative(asRange(self)->step.get());
  if (nstep.isNull()) return nstep;
  return longIter(last, nstep, asRange(self)->length.get());
}

Value rangeiter_next(Value self) {
  auto* it = static_cast<RangeIterObj*>(self.asObject());
  if (it->index >= it->len) return Value();
  // Wraps like CPython's unsigned arithmetic: the true value fits (range_iter
  // checked the last item does).
  uint64_t result =
      static_cast<uint64_t>(it->start) + static_cast<uint64_t>(it->index) * static_cast<uint64_t>(it->step);
  it->index += 1;
  return newInt(static_cast<int64_t>(result));
}

Value rangeiter___length_hint__(Value* args) {
  auto* it = static_cast<RangeIterObj*>(args[0].asObject());
  return newInt(it->len - it->index);
}

// (iter, (range(start, start + len * step, step),), index)
Value rangeIterReduce(Value start, Value step, Value len, Value index) {
  Value stop = mul(len, step);
  if (stop.isNull()) return stop;
  stop = add(start, stop);
  if (stop.isNull()) return stop;
  Value range = newRange(start, stop, step);
  if (range.isNull()) return range;
  Value iter = containers::reduceBuiltin("iter");
  if (iter.isNull()) return iter;
  Value args = newTupleOf({range});
  if (args.isNull()) return args;
  return newTupleOf({iter, args, index});
}

Value rangeiter___reduce__(Value* args) {
  auto* it = static_cast<RangeIterObj*>(args[0].asObject());
  Value start = newInt(it->start);
  Value step = newInt(static_cast<RangeIterObj*>(args[0].asObject())->step);
  Value len = newInt(static_cast<RangeIterObj*>(args[0].asObject())->len);
  Value index = newInt(static_cast<RangeIterObj*>(args[0].asObject())->index);
  if (start.isNull() || step.isNull() || len.isNull() || index.isNull()) return Value();
  return rangeIterReduce(start, step, len, index);
}

// The index (a C long, __index__ allowed) is clamped to [0, len].
Value rangeiter___setstate__(Value* args) {
  Value state = index(args[1]);
  if (state.isNull()) return state;
  int64_t i;
  if (!intToInt64(state, &i)) return Value();
  auto* it = static_cast<RangeIterObj*>(args[0].asObject());
  it->index = std::clamp<int64_t>(i, 0, it->len);
  return None();
}

Value longrangeiter_next(Value self) {
  auto* it = static_cast<LongRangeIterObj*>(self.asObject());
  int more = richCompareBool(it->index.get(), it->len.get(), kLt);
  if (more <= 0) return Value();
  Value offset = mul(static_cast<LongRangeIterObj*>(self.asObject())->index.get(),
                     static_cast<LongRangeIterObj*>(self.asObject())->step.get());
  if (offset.isNull()) return offset;
  Value result = add(static_cast<LongRangeIterObj*>(self.asObject())->start.get(), offset);
  if (result.isNull()) return result;
  Value next = add(static_cast<LongRangeIterObj*>(self.asObject())->index.get(), one());
  if (next.isNull()) return next;
  static_cast<LongRangeIterObj*>(self.asObject())->index.set(next);
  return result;
}

Value longrangeiter___length_hint__(Value* args) {
  auto* it = static_cast<LongRangeIterObj*>(args[0].asObject());
  return sub(it->len.get(), it->index.get());
}

Value longrangeiter___reduce__(Value* args) {
  auto* it = static_cast<LongRangeIterObj*>(args[0].asObject());
  return rangeIterReduce(it->start.get(), it->step.get(), it->len.get(), it->index.get());
}

// Any value ordered against ints is clamped to [0, len] and kept.
Value longrangeiter___setstate__(Value* args) {
  Value state = args[1];
  int below = richCompareBool(state, zero(), kLt);
  if (below < 0) return Value();
  if (below > 0) {
    state = zero();
  } else {
    int above = richCompareBool(static_cast<LongRangeIterObj*>(args[0].asObject())->len.get(), state, kLt);
    if (above < 0) return Value();
    if (above > 0) state = static_cast<LongRangeIterObj*>(args[0].asObject())->len.get();
  }
  static_cast<LongRangeIterObj*>(args[0].asObject())->index.set(state);
  return None();
}

// ---------------------------------------------------------------------------
// Methods

Value range_count(Value* args) {
  Value self = args[0], ob = args[1];
  if (isIntOrBool(ob)) {
    int r = containsInt(self, ob);
    if (r < 0) return Value();
    return newInt(r);
  }
  Value it = getIter(self);
  if (it.isNull()) return it;
  int64_t count = 0;
  for (;;) {
    Value item = iterNext(it);
    if (item.isNull()) return errorPending() ? Value() : newInt(count);
    int r = richCompareBool(item, ob, kEq);
    if (r < 0) return Value();
    count += r;
  }
}

Value range_index(Value* args) {
  Value self = args[0], ob = args[1];
  if (!isIntOrBool(ob)) {
    Value it = getIter(self);
    if (it.isNull()) return it;
    for (int64_t i = 0;; ++i) {
      Value item = iterNext(it);
      if (item.isNull()) {
        if (errorPending()) return Value();
        return raise(exc::ValueError, "sequence.index(x): x not in sequence");
      }
      int r = richCompareBool(item, ob, kEq);
      if (r < 0) return Value();
      if (r > 0) return newInt(i);
    }
  }
  int r = containsInt(self, ob);
  if (r < 0) return Value();
  if (r == 0) {
    Value rep = repr(ob);
    if (rep.isNull()) return rep;
    return raisef(exc::ValueError, "%s is not in range", strToUtf8(rep).c_str());
  }
  Value d = sub(ob, asRange(self)->start.get());
  if (d.isNull()) return d;
  return binaryOp(d, asRange(self)->step.get(), BinOp::kFloorDivide);
}

Value range___reduce__(Value* args) {
  RangeObj* r = asRange(args[0]);
  Value t = newTupleOf({r->start.get(), r->stop.get(), r->step.get()});
  if (t.isNull()) return t;
  return newTupleOf({typeValue(types::range_type), t});
}

// ---------------------------------------------------------------------------
// Tables

const uint32_t kRangeFields[] = {offsetof(Obj, ob_type), offsetof(RangeObj, start), offsetof(RangeObj, stop),
                                 offsetof(RangeObj, step), offsetof(RangeObj, length)};
const gc::Layout kRangeLayout = {.name = "range", .fields = kRangeFields};
const uint32_t kObFields[] = {offsetof(Obj, ob_type)};
const gc::Layout kRangeIterLayout = {.name = "range_iterator", .fields = kObFields};
const uint32_t kLongRangeIterFields[] = {offsetof(Obj, ob_type), offsetof(LongRangeIterObj, start),
                                         offsetof(LongRangeIterObj, step), offsetof(LongRangeIterObj, len),
                                         offsetof(LongRangeIterObj, index)};
const gc::Layout kLongRangeIterLayout = {.name = "longrange_iterator", .fields = kLongRangeIterFields};

const MethodDef kRangeMethods[] = {
    {.name = "__reversed__", .signature = "($self, /)", .fn = range___reversed__,
     .doc = "Return a reverse iterator."},
    {.name = "__reduce__", .signature = "($self, /)", .fn = range___reduce__},
    {.name = "count", .signature = "($self, value, /)", .fn = range_count,
     .doc = "rangeobject.count(value) -> integer -- return number of occurrences of value"},
    {.name = "index", .signature = "($self, value, /)", .fn = range_index,
     .doc = "rangeobject.index(value) -> integer -- return index of value.\nRaise ValueError if the value is not present."},
};

const MemberDef kRangeMembers[] = {
    {.name = "start", .kind = MemberKind::kObject, .offset = offsetof(RangeObj, start), .readonly = true},
    {.name = "stop", .kind = MemberKind::kObject, .offset = offsetof(RangeObj, stop), .readonly = true},
    {.name = "step", .kind = MemberKind::kObject, .offset = offsetof(RangeObj, step), .readonly = true},
};

const TypeSpec kRangeSpec = {
    .name = "range",
    .type = &types::range_type,
    .layout = &kRangeLayout,
    .basic_size = sizeof(RangeObj),
    .flags = type_flags::kSequence,
    .slots =
        {
            .tp_repr = range_repr,
            .tp_hash = range_hash,
            .tp_richcompare = range_richcompare,
            .tp_iter = range_iter,
            .tp_new = range_new,
            .nb_bool = range_bool,
            .mp_length = range_len,
            .mp_subscript = range_subscript,
            .sq_contains = range_contains,
        },
    .methods = kRangeMethods,
    .members = kRangeMembers,
    .doc = "range(stop) -> range object\nrange(start, stop[, step]) -> range object\n\n"
           "Return an object that produces a sequence of integers from start (inclusive)\n"
           "to stop (exclusive) by step.  range(i, j) produces i, i+1, i+2, ..., j-1.\n"
           "start defaults to 0, and stop is omitted!  range(4) produces 0, 1, 2, 3.\n"
           "These are exactly the valid indices for a list of 4 elements.\n"
           "When step is given, it specifies the increment (or decrement).",
};
TERN_REGISTER_TYPE(kRangeSpec);

const MethodDef kRangeIterMethods[] = {
    {.name = "__length_hint__", .signature = "($self, /)", .fn = rangeiter___length_hint__,
     .doc = "Private method returning an estimate of len(list(it))."},
    {.name = "__reduce__", .signature = "($self, /)", .fn = rangeiter___reduce__,
     .doc = "Return state information for pickling."},
    {.name = "__setstate__", .signature = "($self, state, /)", .fn = rangeiter___setstate__,
     .doc = "Set state information for unpickling."},
};
const MethodDef kLongRangeIterMethods[] = {
    {.name = "__length_hint__", .signature = "($self, /)", .fn = longrangeiter___length_hint__,
     .doc = "Private method returning an estimate of len(list(it))."},
    {.name = "__reduce__", .signature = "($self, /)", .fn = longrangeiter___reduce__,
     .doc = "Return state information for pickling."},
    {.name = "__setstate__", .signature = "($self, state, /)", .fn = longrangeiter___setstate__,
     .doc = "Set state information for unpickling."},
};

const TypeSpec kRangeIterSpec = {
    .name = "range_iterator",
    .type = &types::range_iterator_type,
    .layout = &kRangeIterLayout,
    .basic_size = sizeof(RangeIterObj),
    .slots = {.tp_iter = selfIter, .tp_iternext = rangeiter_next},
    .methods = kRangeIterMethods,
};
TERN_REGISTER_TYPE(kRangeIterSpec);

const TypeSpec kLongRangeIterSpec = {
    .name = "longrange_iterator",
    .type = &types::longrange_iterator_type,
    .layout = &kLongRangeIterLayout,
    .basic_size = sizeof(LongRangeIterObj),
    .slots = {.tp_iter = selfIter, .tp_iternext = longrangeiter_next},
    .methods = kLongRangeIterMethods,
};
TERN_REGISTER_TYPE(kLongRangeIterSpec);

}  // namespace
}  // namespace tern
