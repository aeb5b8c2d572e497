// Inline instance attributes: the attributes of instances of classes defined
// in Python kept in words of the instance itself, named by a shared "shape",
// instead of in a per-instance dict.
//
// Layout.  A class defined in Python that gives its instances a __dict__
// slot (and whose native base is `object`) also gives them
// `Type::inline_count` words right after that slot, at `Type::inline_offset`:
// the inline area.  It is the last part of the layout the class introduces;
// the instance's gc::Layout traces every word from inline_offset to the end
// of the object (trailing_refs_from), so subclasses that add no __slots__
// may lengthen the area (their inline_count is larger, the offset the same),
// and __slots__ words of subclasses, which follow the area, are traced too.
//
// The dict slot of such an instance holds one of:
//   - null: no attributes yet (the empty shape);
//   - a ShapeObj (shape mode): the names of the instance's attributes in
//     insertion order; the value of the i-th name is inline word i, for
//     i < shape->count, and none of those words is null;
//   - a dict (dict mode): the instance's attributes, as for any other
//     class; the inline words are all null and never used again.
// An instance goes from shape mode to dict mode (materializeDict) when Python
// asks for its __dict__, when an attribute is deleted, when its class is
// reassigned, when its area is full, or when a name is not an exact str; it
// never goes back, and nothing stores null into a dict slot once it holds a
// dict, so the inline fast paths need only compare the slot with a shape.
//
// Shapes are not Python objects (their layout has no ob_type, so the gc
// module never shows them): readers of a dict slot must test isShape before
// treating its content as a dict.  Shapes form a tree from the empty shape,
// one child per name added; they are allocated old and never move, so inline
// caches may compare them by address.  Names in shapes are interned exact
// strs.  Transitions are capped per shape and shapes overall, so programs that
// invent attribute names endlessly fall back to dict mode instead of growing
// the tree without bound.
#pragma once

#include <cstdint>

#include "runtime/gc/barrier.h"
#include "runtime/gc/object.h"
#include "runtime/objects/object.h"
#include "runtime/objects/str.h"
#include "runtime/objects/type.h"

namespace tern {

struct ShapeObj : gc::Object {
  gc::HeapValue names;        // _array of `count` interned strs, insertion order
  gc::HeapValue parent;       // the shape without the last name; null when count == 1
  gc::HeapValue transitions;  // null, or an _array of [name, child shape] pairs (null-padded)
  uint64_t mask;              // bit ((address of name) >> 4) & 63 for each name
  int64_t count;
};

// The longest inline area (eval.cc's caches keep an index below 64).
inline constexpr int64_t kMaxInlineWords = 48;

inline gc::LayoutId g_shape_layout = 0;  // set by initializeInstanceAttrs

inline bool isShape(Value v) { return v.isObject() && v.asObject()->layoutId() == g_shape_layout; }
inline ShapeObj* asShape(Value v) { return static_cast<ShapeObj*>(v.asObject()); }

// The inline words of `obj`, an instance of `t` (t->inline_count > 0).
inline gc::HeapValue* inlineWords(Value obj, const Type* t) {
  return reinterpret_cast<gc::HeapValue*>(obj.asObject()->bytes() + t->inline_offset);
}

inline uint64_t shapeMaskBit(Value name) { return uint64_t{1} << ((name.bits() >> 4) & 63); }

// The index of `name` (a str; a subclass instance compares by value) in `shape`, or -1.
int64_t shapeIndexSlow(ShapeObj* shape, Value name);
inline int64_t shapeIndex(ShapeObj* shape, Value name) {
  // Shape names are interned: an interned name whose bit is clear is absent.
  if ((shape->mask & shapeMaskBit(name)) == 0 && asStr(name)->interned != 0) return -1;
  return shapeIndexSlow(shape, name);
}

// The value of attribute `name` of `obj` in shape mode (`shape` is its dict
// slot's content, a shape), or null (no exception) when it has none.
Value inlineGet(Value obj, const Type* t, ShapeObj* shape, Value name);

// Sets attribute `name` (exact str) of `obj`, whose class has an inline
// area, to `value` (not null) when `obj` is in shape mode (or has no
// attributes yet) and there is room: 1 done, 0 not done (the caller stores
// into materializeDict's dict), -1 error.
int inlineSet(Value obj, const Type* t, Value name, Value value);

// The shape after adding interned `name` to `from` (null: the empty shape),
// or null when the caps forbid it (no exception).  May allocate.
ShapeObj* shapeWithName(Value from, Value name);

// The instance dict of `obj`, made from its inline attributes when it is in
// shape mode (the slot then holds the dict for good); the dict slot's content
// otherwise (null if no dict yet).  Null with an exception on MemoryError.
Value materializeDict(Value obj);

// The number of names the methods in `dict` (a class namespace) store as
// attributes of their first argument (`self.x = ...`): the inline area a
// class wants.  Counts each name once across the namespaces of `mro` classes.
int64_t countSelfAttributeNames(Value mro_tuple, Value dict);

bool initializeInstanceAttrs();

}  // namespace tern
