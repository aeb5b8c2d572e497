// float: a boxed double.  Immutable; every float is a FloatObj (no tagging).
#pragma once

#include "runtime/objects/object.h"

namespace tern {

struct FloatObj : Obj {
  double value;
};

inline bool isFloat(Value v) { return !v.isSmallInt() && isInstance(v, types::float_type); }
inline double floatValue(Value v) { return static_cast<FloatObj*>(v.asObject())->value; }

// Inline: binary operators on floats allocate their result here.  float has
// no weak slots, no trailing words and no finalizer, so this is the whole of
// newObject for it.
inline Value newFloat(double d) {
  Type* t = types::float_type;
  auto* o = static_cast<FloatObj*>(gc::allocateStrong(t->instance_layout, sizeof(FloatObj)));
  o->ob_type.set(typeValue(t));
  o->value = d;
  return Value(o);
}
// float(x) for any x (__float__, __index__, str); null on error.
Value toFloat(Value v);
// The double value of an int or float (or anything with __float__/__index__);
// false on error.
bool asDouble(Value v, double* out);

// IEEE 754 binary16 (struct's 'e', PyFloat_Pack2): from a double, rounding
// half to even (false when too large for it), and back.
bool floatToHalf(double x, uint16_t* out);
double floatFromHalf(uint16_t h);

}  // namespace tern
