// Helpers shared by the container types (containers_internal.h) and the
// abstract.h entry points they implement: the repr recursion guard and the
// tp_hash of unhashable types.
#include "runtime/gc/roots.h"
#include "runtime/interp/errors.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/containers_internal.h"
#include "runtime/objects/int.h"
#include "runtime/objects/str.h"

namespace tern {

// ---------------------------------------------------------------------------
// Py_ReprEnter / Py_ReprLeave

namespace {
// The containers whose repr is in progress on this thread, innermost last.
// A root: the values move with their objects.
thread_local gc::RootVector t_repr_stack;
}  // namespace

int reprEnter(Value v) {
  for (size_t i = 0; i < t_repr_stack.size(); ++i) {
    if (t_repr_stack[i] == v) return 1;
  }
  t_repr_stack.push_back(v);
  return 0;
}

void reprLeave(Value v) {
  // Innermost first; an exception may unwind several levels at once.
  for (size_t i = t_repr_stack.size(); i-- > 0;) {
    if (t_repr_stack[i] == v) {
      for (size_t j = i + 1; j < t_repr_stack.size(); ++j) t_repr_stack.set(j - 1, t_repr_stack[j]);
      t_repr_stack.pop_back();
      return;
    }
  }
}

int64_t hashNotImplemented(Value v) {
  raisef(exc::TypeError, "unhashable type: '%s'", typeNameOf(v).c_str());
  return -1;
}

namespace containers {

bool mayReflect(Value other, Value rname) {
  Type* t = typeOf(other);
  if (!t->hasFlag(type_flags::kHeapType)) return false;
  return !lookupSpecial(t, rname).isNull();
}

bool appendRepr(std::string& out, Value v) {
  Value r = repr(v);
  if (r.isNull()) return false;
  out += strToUtf8(r);
  return true;
}

bool indexValue(Value key, int64_t* out) {
  if (key.isSmallInt()) {
    *out = key.asSmallInt();
    return true;
  }
  return indexToInt64(key, out, exc::IndexError);
}

Value raiseBadIndexType(const char* what, Value key) {
  return raisef(exc::TypeError, "%s indices must be integers or slices, not %s", what, typeNameOf(key).c_str());
}

Value strFromUtf8(const std::string& s) { return newStr(s); }

int64_t keyHash(Value key) {
  if (key.isSmallInt()) return smallIntHash(key.asSmallInt());
  if (isExactStr(key)) {
    int64_t h = asStr(key)->hash;
    return h != -1 ? h : strHash(key);
  }
  return hash(key);
}

}  // namespace containers
}  // namespace tern
