// slice objects and the index arithmetic sequences share (slice.h).
#include "runtime/objects/slice.h"

#include <cstddef>
#include <string>

#include "runtime/interp/errors.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/containers_internal.h"
#include "runtime/objects/int.h"
#include "runtime/objects/native.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"

namespace tern {

namespace {
constexpr int64_t kSsizeMax = INT64_MAX;
constexpr int64_t kSsizeMin = INT64_MIN;

Value orNone(Value v) { return v.isNull() ? None() : v; }

// An exact int clamped to int64.
int64_t clampInt(Value i) {
  if (i.isSmallInt()) return i.asSmallInt();
  int64_t out;
  if (intToInt64(i, &out)) return out;
  clearError();
  return intSign(i) < 0 ? kSsizeMin : kSsizeMax;
}
}  // namespace

Value newSlice(Value start, Value stop, Value step) {
  Obj* o = newObject(types::slice_type, sizeof(SliceObj));
  auto* s = static_cast<SliceObj*>(o);
  s->start.set(orNone(start));
  s->stop.set(orNone(stop));
  s->step.set(orNone(step));
  return Value(o);
}

namespace {
bool sliceIndexWith(Value v, int64_t* out, const char* message) {
  if (v.isSmallInt()) {
    *out = v.asSmallInt();
    return true;
  }
  if (!containers::hasIndex(v)) {
    raise(exc::TypeError, message);
    return false;
  }
  Value i = index(v);
  if (i.isNull()) return false;
  *out = clampInt(i);
  return true;
}
}  // namespace

bool sliceIndex(Value v, int64_t* out) {
  if (isNone(v)) return true;
  return sliceIndexWith(v, out, "slice indices must be integers or None or have an __index__ method");
}

bool sliceIndexNotNone(Value v, int64_t* out) {
  return sliceIndexWith(v, out, "slice indices must be integers or have an __index__ method");
}

bool sliceUnpack(Value slice, int64_t* start, int64_t* stop, int64_t* step) {
  SliceObj* s = asSlice(slice);
  Value vstep = s->step.get();
  if (isNone(vstep)) {
    *step = 1;
  } else {
    if (!sliceIndex(vstep, step)) return false;
    if (*step == 0) {
      raise(exc::ValueError, "slice step cannot be zero");
      return false;
    }
    if (*step < -kSsizeMax) *step = -kSsizeMax;  // so that -step cannot overflow
  }
  *start = *step < 0 ? kSsizeMax : 0;
  if (!sliceIndex(asSlice(slice)->start.get(), start)) return false;
  *stop = *step < 0 ? kSsizeMin : kSsizeMax;
  if (!sliceIndex(asSlice(slice)->stop.get(), stop)) return false;
  return true;
}

int64_t sliceAdjustIndices(int64_t length, int64_t* start, int64_t* stop, int64_t step) {
  auto clip = [&](int64_t* p) {
    if (*p < 0) {
      *p += length;
      if (*p < 0) *p = step < 0 ? -1 : 0;
    } else if (*p >= length) {
      *p = step < 0 ? length - 1 : length;
    }
  };
  clip(start);
  clip(stop);
  if (step < 0) {
    if (*stop < *start) return (*start - *stop - 1) / (-step) + 1;
  } else if (*start < *stop) {
    return (*stop - *start - 1) / step + 1;
  }
  return 0;
}

bool sliceIndices(Value slice, int64_t length, int64_t* start, int64_t* stop, int64_t* step, int64_t* slicelength) {
  if (!sliceUnpack(slice, start, stop, step)) return false;
  *slicelength = sliceAdjustIndices(length, start, stop, *step);
  return true;
}

namespace {

// ---------------------------------------------------------------------------
// Slots

Value slice_new(Type* /*type*/, const Value* args, size_t nargs, Value kwnames) {
  if (!kwnames.isNull() && tupleLength(kwnames) > 0) return raise(exc::TypeError, "slice() takes no keyword arguments");
  if (nargs == 0) return raise(exc::TypeError, "slice expected at least 1 argument, got 0");
  if (nargs > 3) return raisef(exc::TypeError, "slice expected at most 3 arguments, got %zu", nargs);
  if (nargs == 1) return newSlice(None(), args[0], None());
  return newSlice(args[0], args[1], nargs == 3 ? args[2] : None());
}

Value slice_repr(Value self) {
  std::string out = "slice(";
  Value parts[3] = {asSlice(self)->start.get(), asSlice(self)->stop.get(), asSlice(self)->step.get()};
  for (int i = 0; i < 3; ++i) {
    if (i > 0) out += ", ";
    if (!containers::appendRepr(out, parts[i])) return Value();
  }
  out += ")";
  return containers::strFromUtf8(out);
}

Value sliceAsTuple(Value s) {
  return newTupleOf({asSlice(s)->start.get(), asSlice(s)->stop.get(), asSlice(s)->step.get()});
}

Value slice_richcompare(Value a, Value b, int op) {
  if (!isSlice(a) || !isSlice(b)) return NotImplemented();
  if (a == b && (op == kEq || op == kNe)) return Bool(op == kEq);
  Value ta = sliceAsTuple(a);
  if (ta.isNull()) return ta;
  Value tb = sliceAsTuple(b);
  if (tb.isNull()) return tb;
  return richCompare(ta, tb, op);
}

// ---------------------------------------------------------------------------
// Methods

// An exact int from a bound: through __index__, with slice's message.
Value boundIndex(Value v) {
  if (!containers::hasIndex(v)) {
    return raise(exc::TypeError, "slice indices must be integers or None or have an __index__ method");
  }
  return index(v);
}

int cmpInt(Value a, Value b, int op) { return richCompareBool(a, b, op); }

}  // namespace

bool sliceIndicesLong(Value self, Value length, Value* out_start, Value* out_stop, Value* out_step) {
  Value vstep = asSlice(self)->step.get();
  Value step = Value::fromSmallInt(1);
  if (!isNone(vstep)) {
    step = boundIndex(vstep);
    if (step.isNull()) return false;
    if (intSign(step) == 0) {
      raise(exc::ValueError, "slice step cannot be zero");
      return false;
    }
  }
  bool negative = intSign(step) < 0;
  Value lower = negative ? Value::fromSmallInt(-1) : Value::fromSmallInt(0);
  Value upper = negative ? binaryOp(length, lower, BinOp::kAdd) : length;
  if (upper.isNull()) return false;
  auto bound = [&](Value v, Value dflt) -> Value {
    if (isNone(v)) return dflt;
    Value i = boundIndex(v);
    if (i.isNull()) return i;
    if (intSign(i) < 0) {
      i = binaryOp(i, length, BinOp::kAdd);
      if (i.isNull()) return i;
      int r = cmpInt(i, lower, kLt);
      if (r < 0) return Value();
      if (r) i = lower;
    } else {
      int r = cmpInt(i, upper, kGt);
      if (r < 0) return Value();
      if (r) i = upper;
    }
    return i;
  };
  Value start = bound(asSlice(self)->start.get(), negative ? upper : lower);
  if (start.isNull()) return false;
  Value stop = bound(asSlice(self)->stop.get(), negative ? lower : upper);
  if (stop.isNull()) return false;
  *out_start = start;
  *out_stop = stop;
  *out_step = step;
  return true;
}

namespace {

// slice.indices(len)
Value slice_indices(Value* args) {
  Value length = index(args[1]);
  if (length.isNull()) return length;
  if (intSign(length) < 0) return raise(exc::ValueError, "length should not be negative");
  Value start, stop, step;
  if (!sliceIndicesLong(args[0], length, &start, &stop, &step)) return Value();
  return newTupleOf({start, stop, step});
}

Value slice___reduce__(Value* args) {
  Value t = sliceAsTuple(args[0]);
  if (t.isNull()) return t;
  return newTupleOf({typeValue(types::slice_type), t});
}

// ---------------------------------------------------------------------------
// Tables

const uint32_t kSliceFields[] = {offsetof(Obj, ob_type), offsetof(SliceObj, start), offsetof(SliceObj, stop),
                                 offsetof(SliceObj, step)};
const gc::Layout kSliceLayout = {.name = "slice", .fields = kSliceFields};

const MethodDef kSliceMethods[] = {
    {.name = "indices", .signature = "($self, length, /)", .fn = slice_indices,
     .doc = "S.indices(len) -> (start, stop, stride)\n\n"
            "Assuming a sequence of length len, calculate the start and stop\n"
            "indices, and the stride length of the extended slice described by\n"
            "S. Out of bounds indices are clipped in a manner consistent with the\n"
            "handling of normal slices."},
    {.name = "__reduce__", .signature = "($self, /)", .fn = slice___reduce__,
     .doc = "Return state information for pickling."},
};

const MemberDef kSliceMembers[] = {
    {.name = "start", .kind = MemberKind::kObject, .offset = offsetof(SliceObj, start), .readonly = true},
    {.name = "stop", .kind = MemberKind::kObject, .offset = offsetof(SliceObj, stop), .readonly = true},
    {.name = "step", .kind = MemberKind::kObject, .offset = offsetof(SliceObj, step), .readonly = true},
};

const TypeSpec kSliceSpec = {
    .name = "slice",
    .type = &types::slice_type,
    .layout = &kSliceLayout,
    .basic_size = sizeof(SliceObj),
    .slots =
        {
            .tp_repr = slice_repr,
            .tp_hash = hashNotImplemented,
            .tp_richcompare = slice_richcompare,
            .tp_new = slice_new,
        },
    .methods = kSliceMethods,
    .members = kSliceMembers,
    .doc = "slice(stop)\nslice(start, stop[, step])\n\n"
           "Create a slice object.  This is used for extended slicing (e.g. a[0:10:2]).",
};
TERN_REGISTER_TYPE(kSliceSpec);

}  // namespace
bool isItemIndex(Value key) {
  return key.isSmallInt() || (!isSlice(key) && typeOf(key)->slots.nb_index != nullptr);
}

bool itemIndex(Value key, int64_t length, const char* out_of_range, int64_t* out) {
  int64_t i;
  if (key.isSmallInt()) {
    i = key.asSmallInt();
  } else if (!indexToInt64(key, &i, exc::IndexError)) {
    return false;
  }
  if (i < 0) i += length;
  if (i < 0 || i >= length) {
    raise(exc::IndexError, out_of_range);
    return false;
  }
  *out = i;
  return true;
}

}  // namespace tern
