// The _bisect module: bisect_left/bisect_right and insort_left/insort_right
// over any sequence, with the `key` of 3.10+.  The probes, comparisons
// (only `<`, x on the left for bisect_right, the item on the left for
// bisect_left) and errors are CPython's, so user-defined __lt__ sees the
// same calls.
#include <cstdint>

#include "runtime/interp/errors.h"
#include "runtime/modules/module.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/int.h"
#include "runtime/objects/list.h"
#include "runtime/objects/native.h"
#include "runtime/objects/str.h"

namespace tern {

namespace {

// PySequence_GetItem(a, i) with its TypeErrors.
Value sequenceItem(Value a, int64_t i) {
  if (isList(a) && i >= 0 && i < listLength(a) &&
      typeOf(a)->slots.mp_subscript == types::list_type->slots.mp_subscript) {
    return listItem(a, i);
  }
  if (typeOf(a)->slots.mp_subscript == nullptr) {
    return raisef(exc::TypeError, "'%s' object does not support indexing", typeNameOf(a).c_str());
  }
  if (isDict(a)) return raisef(exc::TypeError, "%s is not a sequence", typeNameOf(a).c_str());
  return getItem(a, newInt(i));
}

// lo: a Py_ssize_t; hi: None or a Py_ssize_t (-1 and None both mean len(a)).
bool bounds(Value a, Value lo_arg, Value hi_arg, int64_t* lo, int64_t* hi) {
  if (!argSsizeT(lo_arg, lo)) return false;
  *hi = -1;
  if (!isNone(hi_arg)) {
    if (!hi_arg.isSmallInt() && typeOf(hi_arg)->slots.nb_index == nullptr) {
      raisef(exc::TypeError, "argument should be integer or None, not '%s'", typeNameOf(hi_arg).c_str());
      return false;
    }
    if (!argSsizeT(hi_arg, hi)) return false;
  }
  if (*lo < 0) {
    raise(exc::ValueError, "lo must be non-negative");
    return false;
  }
  if (*hi == -1) {
    *hi = length(a);
    if (*hi < 0) return false;
  }
  return true;
}

// The insertion point of x in a[lo:hi]; -1 on error.
int64_t bisect(Value a, Value x, int64_t lo, int64_t hi, Value key, bool right) {
  while (lo < hi) {
    int64_t mid = static_cast<int64_t>((static_cast<uint64_t>(lo) + static_cast<uint64_t>(hi)) / 2);
    Value item = sequenceItem(a, mid);
    if (item.isNull()) return -1;
    if (!isNone(key)) {
      item = call1(key, item);
      if (item.isNull()) return -1;
    }
    int r = right ? richCompareBool(x, item, kLt) : richCompareBool(item, x, kLt);
    if (r < 0) return -1;
    if (right == (r > 0)) {
      hi = mid;
    } else {
      lo = mid + 1;
    }
  }
  return lo;
}

// args: a, x, lo, hi, key (after the module).
Value bisectCall(Value* args, bool right) {
  int64_t lo, hi;
  if (!bounds(args[1], args[3], args[4], &lo, &hi)) return Value();
  int64_t i = bisect(args[1], args[2], lo, hi, args[5], right);
  return i < 0 ? Value() : newInt(i);
}

Value insortCall(Value* args, bool right) {
  Value a = args[1], x = args[2], key = args[5];
  int64_t lo, hi;
  if (!bounds(a, args[3], args[4], &lo, &hi)) return Value();
  Value probe = x;
  if (!isNone(key)) {
    probe = call1(key, x);
    if (probe.isNull()) return probe;
  }
  int64_t i = bisect(a, probe, lo, hi, key, right);
  if (i < 0) return Value();
  Value insert_args[2] = {newInt(i), x};
  Value r = callMethod(a, internStr("insert"), insert_args, 2);
  return r.isNull() ? r : None();
}

Value bisect_bisect_right(Value* args) { return bisectCall(args, true); }
Value bisect_bisect_left(Value* args) { return bisectCall(args, false); }
Value bisect_insort_right(Value* args) { return insortCall(args, true); }
Value bisect_insort_left(Value* args) { return insortCall(args, false); }

const MethodDef kBisectFunctions[] = {
    {.name = "bisect_right",
     .signature = "($module, /, a, x, lo=0, hi=None, *, key=None)",
     .fn = bisect_bisect_right,
     .doc = "Return the index where to insert item x in list a, assuming a is sorted.\n\nThe return value i is such "
            "that all e in a[:i] have e <= x, and all e in\na[i:] have e > x.  So if x already appears in the list, "
            "a.insert(i, x) will\ninsert just after the rightmost x already there.\n\nOptional args lo (default 0) "
            "and hi (default len(a)) bound the\nslice of a to be searched."},
    {.name = "insort_right",
     .signature = "($module, /, a, x, lo=0, hi=None, *, key=None)",
     .fn = bisect_insort_right,
     .doc = "Insert item x in list a, and keep it sorted assuming a is sorted.\n\nIf x is already in a, insert it "
            "to the right of the rightmost x.\n\nOptional args lo (default 0) and hi (default len(a)) bound the\n"
            "slice of a to be searched."},
    {.name = "bisect_left",
     .signature = "($module, /, a, x, lo=0, hi=None, *, key=None)",
     .fn = bisect_bisect_left,
     .doc = "Return the index where to insert item x in list a, assuming a is sorted.\n\nThe return value i is such "
            "that all e in a[:i] have e < x, and all e in\na[i:] have e >= x.  So if x already appears in the list, "
            "a.insert(i, x) will\ninsert just before the leftmost x already there.\n\nOptional args lo (default 0) "
            "and hi (default len(a)) bound the\nslice of a to be searched."},
    {.name = "insort_left",
     .signature = "($module, /, a, x, lo=0, hi=None, *, key=None)",
     .fn = bisect_insort_left,
     .doc = "Insert item x in list a, and keep it sorted assuming a is sorted.\n\nIf x is already in a, insert it "
            "to the left of the leftmost x.\n\nOptional args lo (default 0) and hi (default len(a)) bound the\n"
            "slice of a to be searched."},
};

const NativeModuleDef kBisectModule = {
    .name = "_bisect",
    .methods = kBisectFunctions,
    .doc =
        "Bisection algorithms.\n\nThis module provides support for maintaining a list in sorted order without\n"
        "having to sort the list after each insertion. For long lists of items with\nexpensive comparison "
        "operations, this can be an improvement over the more common\napproach.\n",
};
TERN_REGISTER_MODULE(kBisectModule);

}  // namespace

}  // namespace tern
