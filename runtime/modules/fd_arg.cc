#include "runtime/modules/fd_arg.h"

#include <climits>
#include <string>

#include "runtime/interp/errors.h"
#include "runtime/modules/module.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/int.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"
#include "runtime/objects/type.h"

namespace tern {

bool asFileDescriptor(Value v, int* out) {
  Value n = v;
  if (!isInt(v)) {
    Value fileno = lookupAttr(v, internStr("fileno"));
    if (fileno.isNull()) {
      if (!errorPending()) raise(exc::TypeError, "argument must be an int, or have a fileno() method.");
      return false;
    }
    n = call0(fileno);
    if (n.isNull()) return false;
    if (!isInt(n)) {
      raise(exc::TypeError, "fileno() returned a non-integer");
      return false;
    }
  }
  int64_t fd;
  if (!intToInt64(n, &fd) || fd > INT_MAX || fd < INT_MIN) {
    clearError();
    raise(exc::OverflowError, "Python int too large to convert to C int");
    return false;
  }
  if (fd < 0) {
    raisef(exc::ValueError, "file descriptor cannot be a negative integer (%d)", static_cast<int>(fd));
    return false;
  }
  *out = static_cast<int>(fd);
  return true;
}

bool setModuleAttr(Value module, const char* name, Value value) {
  return !value.isNull() && dictSet(moduleDict(module), internStr(name), value) == 0;
}

bool setModuleInt(Value module, const char* name, int64_t value) { return setModuleAttr(module, name, newInt(value)); }

Value newModuleException(const char* module, const char* name, Type* base) {
  Value ns = newDict();
  if (ns.isNull() || dictSet(ns, names::__module__, internStr(module)) < 0) return Value();
  Value bases = newTupleOf({typeValue(base)});
  if (bases.isNull()) return bases;
  return newClass(types::type_type, internStr(name), bases, ns, Value());
}

bool argUidGid(Value v, uint32_t* out, const char* what) {
  Value i = index(v);
  if (i.isNull()) {
    clearError();
    raisef(exc::TypeError, "%s should be integer, not %s", what, typeNameOf(v).c_str());
    return false;
  }
  int64_t n;
  if (intToInt64(i, &n)) {
    if (n == -1) {
      *out = static_cast<uint32_t>(-1);
      return true;
    }
    if (n < 0 || n > static_cast<int64_t>(UINT32_MAX)) {
      raisef(exc::OverflowError, "%s is less than minimum", what);
      return false;
    }
    *out = static_cast<uint32_t>(n);
    return true;
  }
  clearError();
  raisef(exc::OverflowError, intSign(i) < 0 ? "%s is less than minimum" : "%s is greater than maximum", what);
  return false;
}

}  // namespace tern
