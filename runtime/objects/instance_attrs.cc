// Inline instance attributes and their shapes (instance_attrs.h explains the
// representation and its invariants).
#include "runtime/objects/instance_attrs.h"

#include <cstddef>

#include "runtime/gc/heap.h"
#include "runtime/gc/layout.h"
#include "runtime/gc/roots.h"
#include "runtime/interp/code.h"
#include "runtime/interp/errors.h"
#include "runtime/interp/function.h"
#include "runtime/interp/opcodes.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/list.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"
#include "runtime/objects/type.h"

namespace tern {

namespace {

const uint32_t kShapeFields[] = {offsetof(ShapeObj, names), offsetof(ShapeObj, parent),
                                 offsetof(ShapeObj, transitions)};
const gc::Layout kShapeLayout = {.name = "instance_shape", .fields = kShapeFields};

// Children per shape and shapes in all: beyond them new attribute sets stay
// in dict mode (instance_attrs.h).
constexpr int64_t kMaxTransitions = 64;
constexpr int64_t kMaxShapes = int64_t{1} << 16;

gc::RootVector* g_root = nullptr;  // [0]: the empty shape (count 0)
int64_t g_shape_count = 0;

ShapeObj* newShape(Value names, Value parent, uint64_t mask, int64_t count) {
  auto* s = static_cast<ShapeObj*>(gc::allocateOld(g_shape_layout, sizeof(ShapeObj)));
  if (s == nullptr) return nullptr;
  s->names.set(names);
  s->parent.set(parent);
  s->mask = mask;
  s->count = count;
  ++g_shape_count;
  return s;
}

ShapeObj* emptyShape() {
  if (g_root == nullptr) {
    initializeInstanceAttrs();
    ShapeObj* root = newShape(Value(), Value(), 0, 0);
    g_root = new gc::RootVector();
    g_root->push_back(Value(root));
  }
  return asShape((*g_root)[0]);
}

inline ArrayObj* asArray(Value v) { return static_cast<ArrayObj*>(v.asObject()); }

}  // namespace

bool initializeInstanceAttrs() {
  if (g_shape_layout == 0) g_shape_layout = gc::registerLayout(&kShapeLayout);
  return true;
}

int64_t shapeIndexSlow(ShapeObj* shape, Value name) {
  if (shape->count == 0) return -1;
  ArrayObj* names = asArray(shape->names.get());
  bool interned = asStr(name)->interned != 0;
  for (int64_t i = 0; i < shape->count; ++i) {
    if (names->items[i].get() == name) return i;
  }
  // Shape names are interned: an interned name that is not among them by
  // address is not among them at all.
  if (interned) return -1;
  for (int64_t i = 0; i < shape->count; ++i) {
    if (strEquals(names->items[i].get(), name)) return i;
  }
  return -1;
}

Value inlineGet(Value obj, const Type* t, ShapeObj* shape, Value name) {
  int64_t i = shapeIndex(shape, name);
  if (i < 0) return Value();
  return inlineWords(obj, t)[i].get();
}

ShapeObj* shapeWithName(Value from, Value name) {
  ShapeObj* f = from.isNull() ? emptyShape() : asShape(from);
  Value tr = f->transitions.get();
  int64_t used = 0;
  if (!tr.isNull()) {
    ArrayObj* a = asArray(tr);
    for (; 2 * used < a->capacity; ++used) {
      Value k = a->items[2 * used].get();
      if (k.isNull()) break;
      if (k == name) return asShape(a->items[2 * used + 1].get());
    }
  }
  if (used >= kMaxTransitions || g_shape_count >= kMaxShapes) return nullptr;
  // The child: names = from's names + name.
  int64_t n = f->count + 1;
  Value names = newArray(n);
  if (names.isNull()) return nullptr;
  f = from.isNull() ? emptyShape() : asShape(from);  // (shapes never move; kept for clarity)
  if (f->count > 0) {
    ArrayObj* old = asArray(f->names.get());
    for (int64_t i = 0; i < f->count; ++i) asArray(names)->items[i].set(old->items[i].get());
  }
  asArray(names)->items[n - 1].set(name);
  ShapeObj* child = newShape(names, from.isNull() ? Value() : from, f->mask | shapeMaskBit(name), n);
  if (child == nullptr) return nullptr;
  // Record the transition, growing the table by doubling.
  tr = f->transitions.get();
  if (tr.isNull() || 2 * used + 1 >= asArray(tr)->capacity) {
    int64_t cap = tr.isNull() ? 4 : 2 * asArray(tr)->capacity;
    Value grown = newArray(cap);
    if (grown.isNull()) return nullptr;
    tr = f->transitions.get();
    for (int64_t i = 0; i < 2 * used; ++i) asArray(grown)->items[i].set(asArray(tr)->items[i].get());
    f->transitions.set(grown);
    tr = grown;
  }
  asArray(tr)->items[2 * used].set(name);
  asArray(tr)->items[2 * used + 1].set(Value(child));
  return child;
}

int inlineSet(Value obj, const Type* t, Value name, Value value) {
  gc::HeapValue* slot = instanceDictSlot(obj, t->dict_offset);
  Value content = slot->get();
  if (!content.isNull() && !isShape(content)) return 0;  // dict mode
  if (!content.isNull()) {
    int64_t i = shapeIndex(asShape(content), name);
    if (i >= 0) {
      inlineWords(obj, t)[i].set(value);
      return 1;
    }
    if (asShape(content)->count >= static_cast<int64_t>(t->inline_count)) return 0;
  } else if (t->inline_count == 0) {
    return 0;
  }
  Value key = intern(name);
  if (key.isNull()) return -1;
  ShapeObj* next = shapeWithName(content, key);
  if (next == nullptr) return errorPending() ? -1 : 0;
  inlineWords(obj, t)[next->count - 1].set(value);
  instanceDictSlot(obj, t->dict_offset)->set(Value(next));
  return 1;
}

Value materializeDict(Value obj) {
  Type* t = typeOf(obj);
  if (t->dict_offset == 0) return Value();
  Value content = instanceDictSlot(obj, t->dict_offset)->get();
  if (!isShape(content)) return content;
  ShapeObj* shape = asShape(content);
  Value d = newDict();
  if (d.isNull()) return d;
  for (int64_t i = 0; i < shape->count; ++i) {
    Value name = asArray(shape->names.get())->items[i].get();
    if (dictSet(d, name, inlineWords(obj, t)[i].get()) < 0) return Value();
  }
  instanceDictSlot(obj, t->dict_offset)->set(d);
  for (int64_t i = 0; i < shape->count; ++i) inlineWords(obj, t)[i].set(Value());
  return d;
}

int64_t countSelfAttributeNames(Value mro, Value dict) {
  constexpr int64_t kLimit = 64;
  gc::RootVector seen;
  auto scan = [&seen](Value ns) {
    int64_t pos = 0;
    Value key, value;
    while (dictNext(ns, &pos, &key, &value)) {
      if (!isFunction(value)) continue;
      CodeObj* code = asCode(asFunction(value)->code.get());
      if (code->argcount < 1 || (code->kinds()[0] & kFastCell) != 0) continue;
      const uint32_t* insns = code->code();
      Value names = code->names.get();
      for (uint32_t i = 1; i < code->ninstr && static_cast<int64_t>(seen.size()) < kLimit; ++i) {
        if (interp::opOf(insns[i]) != interp::Op::STORE_ATTR || interp::opOf(insns[i - 1]) != interp::Op::LOAD_FAST ||
            interp::argOf(insns[i - 1]) != 0)
          continue;
        Value name = tupleItem(names, interp::argOf(insns[i]));
        bool found = false;
        for (size_t j = 0; j < seen.size() && !found; ++j) found = seen[j] == name || strEquals(seen[j], name);
        if (!found) seen.push_back(name);
      }
    }
  };
  scan(dict);
  if (!mro.isNull()) {
    for (int64_t i = 0; i < tupleLength(mro); ++i) {
      Type* c = static_cast<Type*>(tupleItem(mro, i).asObject());
      if (c->hasFlag(type_flags::kHeapType) && isExactDict(c->dict.get())) scan(c->dict.get());
    }
  }
  return static_cast<int64_t>(seen.size());
}

}  // namespace tern
