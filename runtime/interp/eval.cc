// The bytecode interpreter loop (eval.h): computed-goto dispatch over the
// opcodes of opcodes.def, exception handling through the exception table,
// Python-to-Python calls without C++ recursion, and the inline caches.
//
// Register state of the loop: `frame` (on the value stack), `code` (never
// moves), `ip_word` (the next instruction: IP()) and `sp` (the next free
// operand slot).  Before each instruction its address is stored in the frame
// (frame->instr_), so tracebacks, f_lineno and the exception table always see
// the instruction that is executing; ip_word keeps that address tagged as the
// frame holds it, so the store is one instruction.  sp is saved in the frame (depth_) only
// where another frame takes over: an inline call, a yield.
//
// Slow paths live in eval_helpers.cc (eval_internal.h).
#include "runtime/interp/eval.h"

#include <pthread.h>

#include <cmath>
#include <cstring>
#include <string>

#include "runtime/gc/heap.h"
#include "runtime/interp/errors.h"
#include "runtime/interp/eval_internal.h"
#include "runtime/interp/function.h"
#include "runtime/interp/generator.h"
#include "runtime/interp/gil.h"
#include "runtime/interp/opcodes.h"
#include "runtime/interp/runtime.h"
#include "runtime/interp/tracing.h"
#include "runtime/modules/_signal.h"
#include "runtime/modules/builtins.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/descriptors.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/float.h"
#include "runtime/objects/instance_attrs.h"
#include "runtime/objects/int.h"
#include "runtime/objects/list.h"
#include "runtime/objects/method.h"
#include "runtime/objects/set.h"
#include "runtime/objects/slice.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"
#include "runtime/objects/type.h"

namespace tern {

namespace {

// --- the C stack guard -------------------------------------------------------------
// Native code that calls back into Python recurses in C++; the recursion
// limit bounds it, and this guard catches what the limit does not (a high
// sys.setrecursionlimit, deep native recursion).

// initial-exec: libtern.so is loaded with the program, and this is read on
// every entry to the loop (the default model costs a __tls_get_addr call).
__attribute__((tls_model("initial-exec"))) thread_local uintptr_t t_stack_low = 0;  // lowest usable address of this thread's stack, 0 = unknown

uintptr_t stackLow() {
  if (t_stack_low != 0) return t_stack_low;
  pthread_attr_t attr;
  void* addr = nullptr;
  size_t size = 0;
  if (pthread_getattr_np(pthread_self(), &attr) == 0) {
    pthread_attr_getstack(&attr, &addr, &size);
    pthread_attr_destroy(&attr);
  }
  if (addr == nullptr || size == 0) {
    t_stack_low = 1;
    return 1;
  }
  // Keep 256 KiB for the natives that run between two checks and for
  // raising the error itself.
  t_stack_low = reinterpret_cast<uintptr_t>(addr) + (size_t{256} << 10);
  return t_stack_low;
}

inline bool cStackExhausted() {
  auto here = reinterpret_cast<uintptr_t>(__builtin_frame_address(0));
  return here < stackLow();
}

}  // namespace

bool enterRecursiveCall(const char* where) {
  interp::ThreadState* ts = interp::currentThread();
  if ((++ts->recursion_depth > ts->recursion_limit && !ts->recursion_headroom) || cStackExhausted()) {
    ts->recursion_headroom = true;
    raisef(exc::RecursionError, "maximum recursion depth exceeded%s", where);
    ts->recursion_headroom = false;
    --ts->recursion_depth;
    return false;
  }
  return true;
}

void leaveRecursiveCall() { --interp::currentThread()->recursion_depth; }

}  // namespace tern

namespace tern::interp {

namespace {

inline Value constAt(CodeObj* code, uint32_t i) { return asTuple(code->consts.get())->items[i].get(); }
inline Value nameAt(CodeObj* code, uint32_t i) { return asTuple(code->names.get())->items[i].get(); }

// bool(v) without a call for the common cases; -1 on error.
inline int truth(Value v) {
  if (v == True()) return 1;
  if (v == False() || isNone(v)) return 0;
  if (v.isSmallInt()) return v.asSmallInt() != 0;
  return isTrue(v);
}

inline bool fitsSmall(int64_t n) { return n >= Value::kSmallIntMin && n <= Value::kSmallIntMax; }

inline bool isExactFloat(Value v) { return !v.isSmallInt() && typeOf(v) == types::float_type; }

// BINARY_OP for two small ints or two floats; null when the fast path does
// not apply (no exception set).
// The doubles of two exact floats, or of an exact float and a small int of at
// most `max_int` in magnitude on either side; false for anything else.
inline bool floatOperands(Value a, Value b, int64_t max_int, double* x, double* y) {
  auto smallInt = [max_int](Value v) { return v.isSmallInt() && v.asSmallInt() >= -max_int && v.asSmallInt() <= max_int; };
  if (isExactFloat(a)) {
    *x = floatValue(a);
    if (isExactFloat(b)) {
      *y = floatValue(b);
      return true;
    }
    if (!smallInt(b)) return false;
    *y = static_cast<double>(b.asSmallInt());
    return true;
  }
  if (!smallInt(a) || !isExactFloat(b)) return false;
  *x = static_cast<double>(a.asSmallInt());
  *y = floatValue(b);
  return true;
}

[[gnu::always_inline]] inline Value binaryFast(Value a, Value b, uint32_t op) {
  if (a.isSmallInt() && b.isSmallInt()) {
    int64_t x = a.asSmallInt(), y = b.asSmallInt(), r;
    switch (op) {
      case 0:
      case 13:
        r = x + y;
        return fitsSmall(r) ? Value::fromSmallInt(r) : Value();
      case 10:
      case 23:
        r = x - y;
        return fitsSmall(r) ? Value::fromSmallInt(r) : Value();
      case 5:
      case 18:
        if (__builtin_mul_overflow(x, y, &r) || !fitsSmall(r)) return Value();
        return Value::fromSmallInt(r);
      case 1:
      case 14:
        return Value::fromSmallInt(x & y);
      case 7:
      case 20:
        return Value::fromSmallInt(x | y);
      case 12:
      case 25:
        return Value::fromSmallInt(x ^ y);
      case 2:
      case 15:
        if (y == 0) return Value();
        r = x / y;
        if ((x % y != 0) && ((x < 0) != (y < 0))) --r;
        return fitsSmall(r) ? Value::fromSmallInt(r) : Value();
      case 6:
      case 19:
        if (y == 0) return Value();
        r = x % y;
        if (r != 0 && ((r < 0) != (y < 0))) r += y;
        return Value::fromSmallInt(r);
      default:
        return Value();
    }
  }
  // float with float, or a float with a small int on either side (converted
  // as float's own operators convert it: correctly rounded).
  double x, y;
  if (!floatOperands(a, b, Value::kSmallIntMax, &x, &y)) return Value();
  switch (op) {
    case 0:
    case 13: return newFloat(x + y);
    case 10:
    case 23: return newFloat(x - y);
    case 5:
    case 18: return newFloat(x * y);
    case 11:
    case 24:
      if (y == 0.0) return Value();
      return newFloat(x / y);
    case 8:
    case 21: {
      // float.__pow__'s common case: a positive finite base, a finite
      // exponent and a finite result (the rest raises or goes complex).
      if (!(x > 0.0) || !std::isfinite(x) || !std::isfinite(y)) return Value();
      double r = std::pow(x, y);
      return std::isfinite(r) ? newFloat(r) : Value();
    }
    default: return Value();
  }
}

// The result of comparison `op` between two numbers of one C type.
template <class T>
inline Value compareNumbers(T x, T y, uint32_t op) {
  switch (op) {
    case kLt: return Bool(x < y);
    case kLe: return Bool(x <= y);
    case kEq: return Bool(x == y);
    case kNe: return Bool(x != y);
    case kGt: return Bool(x > y);
    case kGe: return Bool(x >= y);
  }
  return Value();
}

inline Value compareFast(Value a, Value b, uint32_t op) {
  if (a.isSmallInt() && b.isSmallInt()) return compareNumbers(a.asSmallInt(), b.asSmallInt(), op);
  // float with float, or a float with a small int that converts exactly (a
  // wider int is compared exactly by float's own comparison).
  double x, y;
  if (!floatOperands(a, b, int64_t{1} << 53, &x, &y)) return Value();
  return compareNumbers(x, y, op);
}

// --- inline caches ----------------------------------------------------------------
// The side table of a code object is an ArrayObj with kCacheWords slots per
// instruction (allocated on first use; code objects are small, and the
// table is only made for code that runs).  Raw numbers are stored as small
// ints, so the table is an ordinary traced array.
//   LOAD_GLOBAL: [globals dict, globals version, builtins version, value-index]
//     value-index: entry index in globals' (even) or builtins' (odd) entries.
//   LOAD_ATTR / LOAD_METHOD / STORE_ATTR: two entries [key, aux], most recently
//     filled first; key = type version tag << 3 | kind (see AttrKind).
constexpr uint32_t kCacheWords = 4;

ArrayObj* cacheTable(CodeObj* code) {
  Value t = code->cache.get();
  if (t.isNull()) {
    t = newArray(static_cast<int64_t>(code->ninstr) * kCacheWords);
    code->cache.set(t);
  }
  return static_cast<ArrayObj*>(t.asObject());
}

// The value in `dict`'s entry array at entry `index` (dict.h layout: key,
// value pairs).
inline Value dictEntryValue(Value dict, int64_t index) {
  auto* entries = static_cast<ArrayObj*>(asDict(dict)->entries.get().asObject());
  return entries->items[2 * index + 1].get();
}
inline Value dictEntryKey(Value dict, int64_t index) {
  auto* entries = static_cast<ArrayObj*>(asDict(dict)->entries.get().asObject());
  return entries->items[2 * index].get();
}

// The entry index of the str `key` in an exact dict (used when filling a
// cache); -1 if not found.
int64_t dictEntryIndex(Value dict, Value key) {
  int64_t e = isExactStr(key) ? dictStrEntryIndex(dict, key) : -1;
  return e < 0 ? -1 : e;
}

Value loadGlobalSlow(CodeObj* code, int64_t index, Value globals, Value builtins, Value name) {
  Value v = dictGetStr(globals, name);
  if (!v.isNull()) {
    if (isExactDict(globals) && isExactDict(builtins)) {
      int64_t e = dictEntryIndex(globals, name);
      if (e >= 0) {
        ArrayObj* t = cacheTable(code);
        t->items[index * kCacheWords].set(globals);
        t->items[index * kCacheWords + 1].set(Value::fromSmallInt(asDict(globals)->version));
        t->items[index * kCacheWords + 2].set(Value::fromSmallInt(asDict(builtins)->version));
        t->items[index * kCacheWords + 3].set(Value::fromSmallInt(2 * e));
      }
    }
    return v;
  }
  if (errorPending()) return v;
  if (isExactDict(builtins)) {
    v = dictGetStr(builtins, name);
    if (!v.isNull()) {
      if (isExactDict(globals)) {
        int64_t e = dictEntryIndex(builtins, name);
        if (e >= 0) {
          ArrayObj* t = cacheTable(code);
          t->items[index * kCacheWords].set(globals);
          t->items[index * kCacheWords + 1].set(Value::fromSmallInt(asDict(globals)->version));
          t->items[index * kCacheWords + 2].set(Value::fromSmallInt(asDict(builtins)->version));
          t->items[index * kCacheWords + 3].set(Value::fromSmallInt(2 * e + 1));
        }
      }
      return v;
    }
    if (errorPending()) return v;
  } else {
    v = getItem(builtins, name);
    if (!v.isNull()) return v;
    if (!errorMatches(exc::KeyError)) return v;
    clearError();
  }
  return raiseNameError(name);
}

inline Value loadGlobal(CodeObj* code, int64_t index, Value globals, Value builtins, Value name) {
  Value t = code->cache.get();
  if (!t.isNull()) {
    auto* c = static_cast<ArrayObj*>(t.asObject());
    if (c->items[index * kCacheWords].get() == globals &&
        c->items[index * kCacheWords + 1].get().bits() == Value::fromSmallInt(asDict(globals)->version).bits() &&
        c->items[index * kCacheWords + 2].get().bits() == Value::fromSmallInt(asDict(builtins)->version).bits()) {
      int64_t e = c->items[index * kCacheWords + 3].get().asSmallInt();
      Value v = (e & 1) ? dictEntryValue(builtins, e >> 1) : dictEntryValue(globals, e >> 1);
      if (!v.isNull()) return v;
    }
  }
  return loadGlobalSlow(code, index, globals, builtins, name);
}

// BUILD_STRING: the concatenation of `n` strs, widened to the largest kind
// among them, in a malloc'd buffer (newStrFromUnits copies it, so no pointer
// into a moving str is kept across the allocation).
Value buildString(const Value* parts, uint32_t n) {
  if (n == 1) return parts[0];
  int kind = 1;
  int64_t total = 0;
  for (uint32_t i = 0; i < n; ++i) {
    StrObj* p = asStr(parts[i]);
    if (p->kind > kind) kind = p->kind;
    total += p->length;
  }
  if (total == 0) return emptyStr();
  std::string buf(static_cast<size_t>(total) * static_cast<size_t>(kind), '\0');
  int64_t at = 0;
  for (uint32_t i = 0; i < n; ++i) {
    StrObj* p = asStr(parts[i]);
    if (p->kind == kind) {
      std::memcpy(&buf[static_cast<size_t>(at * kind)], p->data(), static_cast<size_t>(p->length * kind));
    } else {
      for (int64_t j = 0; j < p->length; ++j) {
        char32_t c = p->at(j);
        if (kind == 2) {
          auto u = static_cast<uint16_t>(c);
          std::memcpy(&buf[static_cast<size_t>((at + j) * 2)], &u, 2);
        } else {
          auto u = static_cast<uint32_t>(c);
          std::memcpy(&buf[static_cast<size_t>((at + j) * 4)], &u, 4);
        }
      }
    }
    at += p->length;
  }
  return newStrFromUnits(kind, buf.data(), total);
}

// --- attribute caches -------------------------------------------------------------
// A LOAD_ATTR / LOAD_METHOD / STORE_ATTR site caches what the generic lookup
// found for the last two types it saw (a method of a base class called on
// objects of two subclasses stays cached).  An entry is valid while the
// object's type has the cached version tag: tags come from one global
// counter, so a tag names one type, and any change to the type's dict or
// bases, or its bases', gives the type a new tag.  Only types whose
// tp_getattro / tp_setattro are the generic ones are cached.
// Instances with inline attributes (instance_attrs.h) are cached by shape:
// the entry's aux is the shape, the key carries the attribute's index.
enum AttrKind : int64_t {
  kAttrInstance = 1,   // no attribute on the type: the instance dict (aux: entry index hint)
  kAttrData = 2,       // a data descriptor on the type (aux): its __get__ / __set__
  kAttrNonData = 3,    // a non-data descriptor (aux): the instance dict first, then __get__
  kAttrClassValue = 4, // a plain class attribute (aux): the instance dict first, then it
  kAttrMethod = 5,     // LOAD_METHOD: a method descriptor (aux), unless the instance dict has the name
  kAttrInline = 6,     // no attribute on the type: inline word `index` of instances of shape aux
  kAttrInlineAdd = 7,  // STORE_ATTR adding the name: instances of aux's parent shape become aux
};
constexpr int kAttrKindBits = 3;
constexpr int kAttrIndexBits = 6;  // kMaxInlineWords < 64
constexpr int kAttrTagShift = kAttrKindBits + kAttrIndexBits;

// key = (version tag, index, kind).
inline Value attrCacheKey(Type* tp, AttrKind kind, int64_t index = 0) {
  return Value::fromSmallInt(static_cast<int64_t>(tp->version_tag << kAttrTagShift) | (index << kAttrKindBits) |
                             kind);
}
inline AttrKind attrCacheKind(const gc::HeapValue* entry) {
  return static_cast<AttrKind>(entry[0].get().asSmallInt() & ((1 << kAttrKindBits) - 1));
}
inline int64_t attrCacheIndex(const gc::HeapValue* entry) {
  return (entry[0].get().asSmallInt() >> kAttrKindBits) & ((1 << kAttrIndexBits) - 1);
}

// Whether the entry [key, aux] is for `tp`.  A key slot holds a key or null,
// and null never matches: tags start at 1.
inline bool attrEntryFor(const gc::HeapValue* entry, Type* tp) {
  return static_cast<uint64_t>(entry[0].get().asSmallInt() >> kAttrTagShift) == tp->version_tag;
}

inline Value instanceDictOf(Value obj, Type* tp) {
  if (tp->dict_offset == 0) return Value();
  return instanceDictSlot(obj, tp->dict_offset)->get();
}

// `name` in the exact dict `dict`, trying the entry at `*hint` first; null
// (no exception: exact str keys) when absent.
inline Value dictLookupHinted(Value dict, Value name, gc::HeapValue* hint) {
  Value e = asDict(dict)->entries.get();
  if (e.isNull()) return Value();
  auto* a = static_cast<ArrayObj*>(e.asObject());
  int64_t h = hint->get().asSmallInt();
  if (h >= 0 && 2 * h + 1 < a->capacity && a->items[2 * h].get() == name) {
    Value v = a->items[2 * h + 1].get();
    if (!v.isNull()) return v;
  }
  return dictGetStr(dict, name);
}

// Sites that see more than two types share one global table of [name, key,
// aux] entries indexed by (version tag, name): a method of a base class called
// on objects of many subclasses is found there without a type lookup.  The
// table is an ordinary heap array held by a root; a name that moves leaves its
// old entry unreachable until it is overwritten.
constexpr size_t kMegaEntries = size_t{1} << 10;
gc::RootVector* g_mega_table = nullptr;  // one slot: the ArrayObj

inline gc::HeapValue* megaSlot(Type* tp, Value name) {
  if (g_mega_table == nullptr) return nullptr;
  uint64_t h = (tp->version_tag * 0x9E3779B97F4A7C15ull) ^ (name.bits() >> 3);
  size_t i = static_cast<size_t>((h ^ (h >> 31)) & (kMegaEntries - 1));
  return &static_cast<ArrayObj*>((*g_mega_table)[0].asObject())->items[3 * i];
}

// The global entry ([key, aux]) for `tp` and `name`, else null.  LOAD_ATTR
// and STORE_ATTR fill it: a store may use it only when the type's
// tp_setattro is the generic one, a load when its tp_getattro is.
inline gc::HeapValue* megaHit(Type* tp, Value name, bool store) {
  if (store ? tp->slots.tp_setattro != genericSetAttr
            : tp->slots.tp_getattro != genericGetAttr && tp != types::module_type) {
    return nullptr;
  }
  gc::HeapValue* e = megaSlot(tp, name);
  if (e == nullptr || e[0].get() != name) return nullptr;
  return attrEntryFor(&e[1], tp) ? &e[1] : nullptr;
}

void megaFill(Type* tp, Value name, Value key, Value aux) {
  if (g_mega_table == nullptr) {
    Value t = newArray(static_cast<int64_t>(3 * kMegaEntries));
    g_mega_table = new gc::RootVector();
    g_mega_table->push_back(t);
  }
  gc::HeapValue* e = megaSlot(tp, name);
  e[0].set(name);
  e[1].set(key);
  e[2].set(aux);
}

// Makes [key, aux] the site's first entry; the other entry stays second
// unless it was for the same type.  Returns the entry.
gc::HeapValue* attrCacheFillSite(CodeObj* code, int64_t index, Type* tp, Value key, Value aux) {
  gc::HeapValue* c = &cacheTable(code)->items[index * kCacheWords];
  Value first = c[0].get();
  // Entries for one type are kept apart when they are for different shapes.
  bool other_shape = (key.asSmallInt() & ((1 << kAttrKindBits) - 1)) >= kAttrInline && c[1].get() != aux;
  if (!first.isNull() && (!attrEntryFor(c, tp) || other_shape)) {
    c[2].set(first);
    c[3].set(c[1].get());
  }
  c[0].set(key);
  c[1].set(aux);
  return c;
}

// Makes [tp, kind, aux] the site's first entry and the global one for `tp`
// and `name`.  Returns the site's entry.
gc::HeapValue* attrCacheFill(CodeObj* code, int64_t index, Type* tp, Value name, AttrKind kind, Value aux,
                             int64_t slot = 0) {
  megaFill(tp, name, attrCacheKey(tp, kind, slot), aux);
  return attrCacheFillSite(code, index, tp, attrCacheKey(tp, kind, slot), aux);
}

enum class AttrOp { kLoad, kStore, kMethod };

// The site's second entry for `tp`, else the global one (copied into the
// site while the site has room), else null.
[[gnu::noinline]] gc::HeapValue* attrCacheFindSlow(CodeObj* code, int64_t index, gc::HeapValue* c, Type* tp,
                                                   Value name, AttrOp op) {
  if (c != nullptr && attrEntryFor(c + 2, tp)) return c + 2;
  gc::HeapValue* e = megaHit(tp, name, op == AttrOp::kStore);
  if (e == nullptr) return nullptr;
  // An entry LOAD_ATTR made for a function would bind it: LOAD_METHOD refills it as a method.
  if (op == AttrOp::kMethod && attrCacheKind(e) == kAttrNonData) return nullptr;
  if (c != nullptr && !c[2].get().isNull()) return e;  // the site is full: it sees many types
  return attrCacheFillSite(code, index, tp, e[0].get(), e[1].get());
}

// The site's entry for `tp`, else the global one, else null.
inline gc::HeapValue* attrCacheFind(CodeObj* code, int64_t index, Type* tp, Value name, AttrOp op) {
  Value t = code->cache.get();
  gc::HeapValue* c = t.isNull() ? nullptr : &static_cast<ArrayObj*>(t.asObject())->items[index * kCacheWords];
  if (c != nullptr && attrEntryFor(c, tp)) return c;
  return attrCacheFindSlow(code, index, c, tp, name, op);
}

bool cacheableType(Type* tp) {
  return tp->version_tag != 0 && tp->version_tag <= static_cast<uint64_t>(Value::kSmallIntMax >> kAttrTagShift);
}

inline Value loadAttrCached(gc::HeapValue* c, Value obj, Type* tp, Value name, bool* failed);

// The site's entry of kind `kind` for `tp` whose aux is `aux` (a shape), else
// null: instances with inline attributes (instance_attrs.h) are found by the
// shape in their dict slot, either of the site's two entries.
inline gc::HeapValue* inlineEntry(CodeObj* code, int64_t index, Type* tp, AttrKind kind, Value aux) {
  Value t = code->cache.get();
  if (t.isNull()) return nullptr;
  gc::HeapValue* c = &static_cast<ArrayObj*>(t.asObject())->items[index * kCacheWords];
  if (c[1].get() == aux && attrEntryFor(c, tp) && attrCacheKind(c) == kind) return c;
  if (c[3].get() == aux && attrEntryFor(c + 2, tp) && attrCacheKind(c + 2) == kind) return c + 2;
  return nullptr;
}

// Whether the site's second entry is free: an inline entry that does not
// apply is then replaced by the slow path (which makes the right one) rather
// than used for a lookup by name.
inline bool siteHasRoom(CodeObj* code, int64_t index) {
  Value t = code->cache.get();
  return t.isNull() || static_cast<ArrayObj*>(t.asObject())->items[index * kCacheWords + 2].get().isNull();
}

// LOAD_ATTR / STORE_ATTR of an inline attribute through the site's entries;
// false when they do not apply.
inline bool loadInline(CodeObj* code, int64_t index, Value obj, Type* tp, Value* out) {
  Value shape = instanceDictSlot(obj, tp->dict_offset)->get();
  if (shape.isNull()) return false;
  gc::HeapValue* c = inlineEntry(code, index, tp, kAttrInline, shape);
  if (c == nullptr) return false;
  *out = inlineWords(obj, tp)[attrCacheIndex(c)].get();
  return true;
}

inline bool storeInline(CodeObj* code, int64_t index, Value obj, Type* tp, Value v) {
  gc::HeapValue* slot = instanceDictSlot(obj, tp->dict_offset);
  Value shape = slot->get();
  if (!shape.isNull()) {
    if (gc::HeapValue* c = inlineEntry(code, index, tp, kAttrInline, shape)) {
      inlineWords(obj, tp)[attrCacheIndex(c)].set(v);
      return true;
    }
    if (!isShape(shape)) return false;
  }
  // Adding a name: an entry whose aux is a child of `shape`.
  Value t = code->cache.get();
  if (t.isNull()) return false;
  gc::HeapValue* c = &static_cast<ArrayObj*>(t.asObject())->items[index * kCacheWords];
  for (int e = 0; e < 2; ++e, c += 2) {
    if (attrEntryFor(c, tp) && attrCacheKind(c) == kAttrInlineAdd && asShape(c[1].get())->parent.get() == shape) {
      inlineWords(obj, tp)[attrCacheIndex(c)].set(v);
      slot->set(c[1].get());
      return true;
    }
  }
  return false;
}

// LOAD_ATTR's slow path: the generic lookup, remembering what it found.
Value loadAttrFill(CodeObj* code, int64_t index, Value obj, Value name) {
  Type* tp = typeOf(obj);
  // Modules: only their dict's attributes (the slow path handles the rest).
  bool module = tp == types::module_type;
  if ((tp->slots.tp_getattro != genericGetAttr && !module) || !cacheableType(tp) || !isExactStr(name)) {
    return getAttr(obj, name);
  }
  Value descr = typeLookup(tp, name);
  if (module && !descr.isNull()) return getAttr(obj, name);
  if (descr.isNull()) {
    if (errorPending()) return Value();
    // An instance attribute: the entry found is the value and the hint.
    Value dict = instanceDictOf(obj, tp);
    if (isShape(dict)) {
      int64_t i = shapeIndex(asShape(dict), name);
      if (i >= 0) {
        attrCacheFill(code, index, tp, name, kAttrInline, dict, i);
        return inlineWords(obj, tp)[i].get();
      }
    } else if (!dict.isNull() && isExactDict(dict)) {
      int64_t e = dictEntryIndex(dict, name);
      if (e >= 0) {
        attrCacheFill(code, index, tp, name, kAttrInstance, Value::fromSmallInt(e));
        return dictEntryValue(dict, e);
      }
    }
    return getAttr(obj, name);  // __getattr__, or the AttributeError
  }
  Type* dt = typeOf(descr);
  // A descriptor with __set__ but no __get__ is a class value to a load and a
  // data descriptor to a store; entries are shared by both: not cached.
  if (dt->slots.tp_descr_get == nullptr && dt->slots.tp_descr_set != nullptr) return getAttr(obj, name);
  AttrKind kind = dt->slots.tp_descr_get == nullptr ? kAttrClassValue
                  : dt->slots.tp_descr_set != nullptr ? kAttrData
                                                      : kAttrNonData;
  gc::HeapValue* entry = attrCacheFill(code, index, tp, name, kind, descr);
  // The entry just made answers as a hit would, without a second lookup.
  bool failed = false;
  Value v = loadAttrCached(entry, obj, tp, name, &failed);
  if (!v.isNull() || failed) return v;
  return getAttr(obj, name);
}

// LOAD_ATTR's commonest case, inline: an instance attribute at the entry the
// hint names (h < used implies h < the entries' capacity; a deleted entry's
// key is null, a live entry's value is not).  Null when that is not the case.
inline Value loadInstanceHinted(const gc::HeapValue* c, Value obj, Type* tp, Value name) {
  if (attrCacheKind(c) != kAttrInstance || tp->dict_offset <= 0) return Value();
  Value dict = instanceDictSlot(obj, tp->dict_offset)->get();
  if (dict.isNull() || !isExactDict(dict)) return Value();
  DictObj* d = asDict(dict);
  int64_t h = c[1].get().asSmallInt();
  if (static_cast<uint64_t>(h) >= static_cast<uint64_t>(d->used)) return Value();
  auto* entries = static_cast<ArrayObj*>(d->entries.get().asObject());
  if (entries->items[2 * h].get() != name) return Value();
  return entries->items[2 * h + 1].get();
}

// STORE_ATTR's commonest case, inline: a new value for the instance attribute
// at the hinted entry (the key set and the dict's version stay the same).
inline bool storeInstanceHinted(const gc::HeapValue* c, Value obj, Type* tp, Value name, Value v) {
  if (attrCacheKind(c) != kAttrInstance || tp->dict_offset <= 0) return false;
  Value dict = instanceDictSlot(obj, tp->dict_offset)->get();
  if (dict.isNull() || !isExactDict(dict)) return false;
  DictObj* d = asDict(dict);
  int64_t h = c[1].get().asSmallInt();
  if (static_cast<uint64_t>(h) >= static_cast<uint64_t>(d->used)) return false;
  auto* entries = static_cast<ArrayObj*>(d->entries.get().asObject());
  if (entries->items[2 * h].get() != name) return false;
  entries->items[2 * h + 1].set(v);
  return true;
}

// LOAD_ATTR through a valid entry; null with no exception pending when the
// entry does not apply to this object (the caller takes the slow path).
inline Value loadAttrCached(gc::HeapValue* c, Value obj, Type* tp, Value name, bool* failed) {
  AttrKind kind = attrCacheKind(c);
  // An inline entry for another shape (loadInline found none for this one):
  // the name is not on the type, so the instance has it or nobody does.
  if (kind == kAttrInline || kind == kAttrInlineAdd) {
    Value shape = instanceDictOf(obj, tp);
    return isShape(shape) ? inlineGet(obj, tp, asShape(shape), name) : Value();
  }
  if (kind == kAttrInstance) {
    Value dict = instanceDictOf(obj, tp);
    if (dict.isNull() || !isExactDict(dict)) return Value();
    Value v = dictLookupHinted(dict, name, &c[1]);
    if (v.isNull() && errorPending()) *failed = true;
    return v;
  }
  Value descr = c[1].get();
  if (kind != kAttrData) {
    Value dict = instanceDictOf(obj, tp);
    if (isShape(dict)) {
      Value v = inlineGet(obj, tp, asShape(dict), name);
      if (!v.isNull()) return v;
    } else if (!dict.isNull()) {
      if (!isExactDict(dict)) return Value();
      if (dictSize(dict) != 0) {
        Value v = dictGetStr(dict, name);
        if (!v.isNull()) return v;
        if (errorPending()) {  // a non-str key's __eq__ failed
          *failed = true;
          return Value();
        }
      }
    }
    if (kind == kAttrClassValue) return descr;
  }
  Value v = typeOf(descr)->slots.tp_descr_get(descr, obj, typeValue(tp));
  if (v.isNull()) *failed = true;
  return v;
}

// STORE_ATTR: 1 stored, 0 the entry does not apply, -1 error.
inline int storeAttrCached(gc::HeapValue* c, Value obj, Type* tp, Value name, Value v) {
  AttrKind kind = attrCacheKind(c);
  if (kind == kAttrData) {
    Value descr = c[1].get();
    return typeOf(descr)->slots.tp_descr_set(descr, obj, v) < 0 ? -1 : 1;
  }
  if (tp->inline_count != 0) {
    int r = inlineSet(obj, tp, name, v);  // 0: the instance is in dict mode
    if (r != 0) return r;
  }
  Value dict = instanceDictOf(obj, tp);
  if (dict.isNull() && tp->dict_offset != 0) {  // the object's first attribute: its dict is made now
    dict = instanceDict(obj);
    if (dict.isNull()) return -1;
  }
  if (dict.isNull() || !isExactDict(dict)) return 0;
  Value e = asDict(dict)->entries.get();
  if (kind == kAttrInstance && !e.isNull()) {
    auto* a = static_cast<ArrayObj*>(e.asObject());
    int64_t h = c[1].get().asSmallInt();
    if (h >= 0 && 2 * h + 1 < a->capacity && a->items[2 * h].get() == name && !a->items[2 * h + 1].get().isNull()) {
      a->items[2 * h + 1].set(v);  // same key, new value: the key set (and dict version) is unchanged
      return 1;
    }
  }
  return dictSet(dict, name, v) < 0 ? -1 : 1;
}

int storeAttrFill(CodeObj* code, int64_t index, Value obj, Value name, Value v) {
  Type* tp = typeOf(obj);
  if (tp->slots.tp_setattro != genericSetAttr || !cacheableType(tp) || !isExactStr(name)) return setAttr(obj, name, v);
  Value descr = typeLookup(tp, name);
  if (descr.isNull() && errorPending()) return -1;
  Value before = instanceDictOf(obj, tp);
  if (setAttr(obj, name, v) < 0) return -1;
  if (!descr.isNull() && typeOf(descr)->slots.tp_descr_set != nullptr) {
    if (typeOf(descr)->slots.tp_descr_get != nullptr) attrCacheFill(code, index, tp, name, kAttrData, descr);
  } else if (tp->dict_offset != 0) {
    Value dict = instanceDictOf(obj, tp);
    if (isShape(dict)) {
      int64_t i = shapeIndex(asShape(dict), name);
      bool added = dict != before && asShape(dict)->parent.get() == before;
      if (i >= 0) attrCacheFill(code, index, tp, name, added ? kAttrInlineAdd : kAttrInline, dict, i);
    } else if (!dict.isNull() && isExactDict(dict)) {
      attrCacheFill(code, index, tp, name, kAttrInstance, Value::fromSmallInt(dictEntryIndex(dict, name)));
    }
  }
  return 0;
}

// LOAD_METHOD's slow path.
bool loadMethodFill(CodeObj* code, int64_t index, Value obj, Value name, Value* meth, Value* self) {
  Type* tp = typeOf(obj);
  if (!loadMethod(obj, name, meth, self)) return false;
  bool module = tp == types::module_type;
  if ((tp->slots.tp_getattro != genericGetAttr && !module) || !cacheableType(tp) || !isExactStr(name)) return true;
  if (module) {
    Value dict = instanceDictOf(obj, tp);
    if (typeLookup(tp, name).isNull() && !errorPending() && !dict.isNull() && isExactDict(dict)) {
      attrCacheFill(code, index, tp, name, kAttrInstance, Value::fromSmallInt(dictEntryIndex(dict, name)));
    }
    clearError();
    return true;
  }
  if (!self->isNull()) {
    attrCacheFill(code, index, tp, name, kAttrMethod, *meth);
    return true;
  }
  Value descr = typeLookup(tp, name);
  if (errorPending()) return false;
  if (descr.isNull()) {
    Value dict = instanceDictOf(obj, tp);
    if (isShape(dict)) {
      int64_t i = shapeIndex(asShape(dict), name);
      if (i >= 0) attrCacheFill(code, index, tp, name, kAttrInline, dict, i);
    } else if (!dict.isNull() && isExactDict(dict)) {
      attrCacheFill(code, index, tp, name, kAttrInstance, Value::fromSmallInt(dictEntryIndex(dict, name)));
    }
  } else if (typeOf(descr)->slots.tp_descr_get != nullptr && typeOf(descr)->slots.tp_descr_set != nullptr) {
    attrCacheFill(code, index, tp, name, kAttrData, descr);
  }
  return true;
}

// A frame for calling `func` (a function) with the arguments already bound,
// or null on error.  `args` must not point into the heap.
Frame* pushFunctionFrame(ThreadState* ts, Value func, const Value* args, size_t nargs, Value kwnames) {
  FunctionObj* f = asFunction(func);
  CodeObj* code = asCode(f->code.get());
  Frame* frame = pushFrame(ts, code, func, f->globals.get(), f->builtins.get(), Value());
  if (frame == nullptr) return nullptr;
  // Fast path: exact positional arity, no keywords, no * or **.
  if (kwnames.isNull() && static_cast<int64_t>(nargs) == code->argcount && code->kwonlyargcount == 0 &&
      !(code->flags & (code_flags::kVarargs | code_flags::kVarkeywords))) {
    for (size_t i = 0; i < nargs; ++i) frame->localsplus[i] = args[i];
    return frame;
  }
  if (!bindFunctionArguments(asFunction(frame->func), frame->localsplus, args, nargs, kwnames)) {
    popFrame(ts, frame);
    return nullptr;
  }
  return frame;
}

inline bool isTypeRaw(Value v) { return !v.isSmallInt() && hasTypeFlag(v, type_flags::kTypeSubclass); }

}  // namespace

// ---------------------------------------------------------------------------
// The loop

Value runFrame(ThreadState* ts, Frame* entry, Value throw_exc) {
  if (cStackExhausted()) {
    if (entry->gen.isNull()) {
      popFrame(ts, entry);
    } else {
      popGeneratorFrame(ts, entry);
    }
    return raise(exc::RecursionError, "maximum recursion depth exceeded while calling a Python object");
  }
  // Not const: while a thread traces, every entry points at op_TRACE (tracing.h).
  static void* kTargets[256] = {
#define OP(name, flags, pops, pushes, jump_pushes, doc) &&op_##name,
#include "runtime/interp/opcodes.def"
#undef OP
  };
  static const bool kTargetsRegistered = (registerDispatchTable(kTargets, &&op_TRACE), true);
  (void)kTargetsRegistered;

  Frame* const outer = ts->frame;
  entry->setFlags(entry->flags() | frame_flags::kEntry);
  Frame* frame = entry;
  ts->frame = frame;
  CodeObj* code;
  uintptr_t ip_word;  // the next instruction's address | 1 (a tagged word, as frame->instr_)
  Value* sp;
  Value kwnames;
  uint32_t insn;
  size_t oparg;  // as wide as an index, so that using one takes no extension
  Value retval;
  // Generators resumed inline (FOR_ITER, SEND, a call of send) whose frames
  // run in young arrays: the stack scan sees these words and pins the arrays,
  // which must not move while they run (generator.h).  They nest, so this is
  // a stack.  (Kept in memory, not registers, by escaping: the loop needs
  // those.)
  constexpr unsigned kMaxYoungGens = 16;
  struct {
    unsigned n;
    Frame* frames[kMaxYoungGens];
  } young_gens;
  young_gens.n = 0;
  asm volatile("" : : "r"(&young_gens) : "memory");  // escapes: stores to it are kept

#define LOAD_FRAME()                                   \
  do {                                                 \
    code = frame->codeObj();                           \
    SET_IP(frame->instr() + 1);                        \
    sp = frame->stackBase() + frame->depth();          \
  } while (0)
#define IP() (reinterpret_cast<const uint32_t*>(ip_word - 1))
#define SET_IP(p) (ip_word = reinterpret_cast<uintptr_t>(p) | 1)
#define DISPATCH()                              \
  do {                                          \
    frame->setInstrWord(ip_word);               \
    insn = *IP();                               \
    ip_word += sizeof(uint32_t);                \
    oparg = insn >> 8;                          \
    goto* kTargets[insn & 0xFF];                \
  } while (0)
#define JUMP_TO(target) SET_IP(code->code() + (target))
// A conditional jump that may close a loop (`while`): backward, it makes the
// periodic check that JUMP_BACKWARD makes.
#define JUMP_TO_CHECKED(target)                              \
  do {                                                       \
    const auto* dest_ = code->code() + (target);             \
    bool backward_ = dest_ < IP();                           \
    SET_IP(dest_);                                           \
    if (backward_) goto periodic_check;                      \
  } while (0)
#define STACK_BASE() (frame->localsplus + code->nlocalsplus)
#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define PEEK(n) (sp[-static_cast<ptrdiff_t>(n)])
// Runs `gen_frame`, a generator's frame resumeGeneratorInline started.
#define ENTER_GENERATOR(gen_frame)                                               \
  do {                                                                           \
    Frame* entering_ = (gen_frame);                                              \
    if (gc::isYoung(entering_)) young_gens.frames[young_gens.n++] = entering_;   \
    frame = entering_;                                                           \
    ts->frame = frame;                                                           \
    LOAD_FRAME();                                                                \
    DISPATCH();                                                                  \
  } while (0)
// A generator's frame resumed inline stopped: unpin it if it is young.
#define LEAVE_GENERATOR(gen_frame)                                               \
  do {                                                                           \
    if (gc::isYoung(gen_frame)) young_gens.frames[--young_gens.n] = nullptr;     \
  } while (0)
#define ERROR_IF_NULL(v) \
  do {                   \
    if ((v).isNull()) goto error; \
  } while (0)

  LOAD_FRAME();
  if (!throw_exc.isNull()) {
    restoreError(throw_exc);
    goto error;
  }
  DISPATCH();

op_NOP:
  DISPATCH();
op_POP_TOP:
  --sp;
  DISPATCH();
op_PUSH_NULL:
  PUSH(Value());
  DISPATCH();
op_COPY: {
  Value v = PEEK(oparg);
  PUSH(v);
  DISPATCH();
}
op_SWAP: {
  Value v = TOP();
  TOP() = PEEK(oparg);
  PEEK(oparg) = v;
  DISPATCH();
}
op_LOAD_CONST:
  PUSH(constAt(code, oparg));
  DISPATCH();
op_LOAD_FAST: {
  Value v = frame->localsplus[oparg];
  if (v.isNull()) {
    raiseUnboundLocal(code, oparg);
    goto error;
  }
  PUSH(v);
  DISPATCH();
}
op_STORE_FAST:
  frame->localsplus[oparg] = POP();
  DISPATCH();
op_DELETE_FAST:
  if (frame->localsplus[oparg].isNull()) {
    raiseUnboundLocal(code, oparg);
    goto error;
  }
  frame->localsplus[oparg] = Value();
  DISPATCH();
op_LOAD_NAME: {
  Value name = nameAt(code, oparg);
  Value locals = frame->locals;
  Value v;
  if (locals.isNull()) {
    raisef(exc::SystemError, "no locals when loading '%s'", strToUtf8(name).c_str());
    goto error;
  }
  if (isExactDict(locals)) {
    v = dictGetStr(locals, name);
    if (v.isNull() && errorPending()) goto error;
  } else {
    v = getItem(locals, name);
    if (v.isNull()) {
      if (!errorMatches(exc::KeyError)) goto error;
      clearError();
    }
  }
  if (v.isNull()) {
    v = dictGetStr(frame->globals, name);
    if (v.isNull()) {
      if (errorPending()) goto error;
      Value builtins = frame->builtins;
      if (isExactDict(builtins)) {
        v = dictGetStr(builtins, name);
        if (v.isNull()) {
          if (!errorPending()) raiseNameError(name);
          goto error;
        }
      } else {
        v = getItem(builtins, name);
        if (v.isNull()) {
          if (errorMatches(exc::KeyError)) {
            clearError();
            raiseNameError(name);
          }
          goto error;
        }
      }
    }
  }
  PUSH(v);
  DISPATCH();
}
op_STORE_NAME: {
  Value name = nameAt(code, oparg);
  Value v = POP();
  Value locals = frame->locals;
  if (locals.isNull()) {
    raisef(exc::SystemError, "no locals found when storing '%s'", strToUtf8(name).c_str());
    goto error;
  }
  int r = isExactDict(locals) ? dictSet(locals, name, v) : setItem(locals, name, v);
  if (r < 0) goto error;
  DISPATCH();
}
op_DELETE_NAME: {
  Value name = nameAt(code, oparg);
  Value locals = frame->locals;
  if (locals.isNull()) {
    raisef(exc::SystemError, "no locals when deleting '%s'", strToUtf8(name).c_str());
    goto error;
  }
  if (isExactDict(locals)) {
    int r = dictDel(locals, name);
    if (r < 0) goto error;
    if (r == 0) {
      raiseNameError(name);
      goto error;
    }
  } else if (delItem(locals, name) < 0) {
    if (errorMatches(exc::KeyError)) {
      clearError();
      raiseNameError(name);
    }
    goto error;
  }
  DISPATCH();
}
op_LOAD_GLOBAL: {
  Value name = nameAt(code, oparg >> 1);
  Value v;
  if (isExactDict(frame->globals) && isExactDict(frame->builtins)) {
    v = loadGlobal(code, IP() - 1 - code->code(), frame->globals, frame->builtins, name);
  } else {
    v = loadGlobalSlow(code, IP() - 1 - code->code(), frame->globals, frame->builtins, name);
  }
  ERROR_IF_NULL(v);
  if (oparg & 1) PUSH(Value());
  PUSH(v);
  DISPATCH();
}
op_STORE_GLOBAL: {
  Value v = POP();
  if (dictSet(frame->globals, nameAt(code, oparg), v) < 0) goto error;
  DISPATCH();
}
op_DELETE_GLOBAL: {
  Value name = nameAt(code, oparg);
  int r = dictDel(frame->globals, name);
  if (r < 0) goto error;
  if (r == 0) {
    raiseNameError(name);
    goto error;
  }
  DISPATCH();
}
op_MAKE_CELL: {
  Value cell = newCell(frame->localsplus[oparg]);
  frame->localsplus[oparg] = cell;
  DISPATCH();
}
op_COPY_FREE_VARS: {
  Value closure = frame->func.isNull() ? Value() : asFunction(frame->func)->closure.get();
  int64_t base = code->nlocalsplus - static_cast<int64_t>(oparg);
  for (uint32_t k = 0; k < oparg; ++k) {
    frame->localsplus[base + k] = closure.isNull() ? Value() : tupleItem(closure, k);
  }
  DISPATCH();
}
op_LOAD_CLOSURE:
  PUSH(frame->localsplus[oparg]);
  DISPATCH();
op_LOAD_DEREF: {
  Value cell = frame->localsplus[oparg];
  Value v = cell.isNull() ? Value() : asCell(cell)->contents.get();
  if (v.isNull()) {
    raiseUnboundLocal(code, oparg);
    goto error;
  }
  PUSH(v);
  DISPATCH();
}
op_STORE_DEREF: {
  Value v = POP();
  asCell(frame->localsplus[oparg])->contents.set(v);
  DISPATCH();
}
op_DELETE_DEREF: {
  Value cell = frame->localsplus[oparg];
  if (asCell(cell)->contents.get().isNull()) {
    raiseUnboundLocal(code, oparg);
    goto error;
  }
  asCell(cell)->contents.set(Value());
  DISPATCH();
}
op_LOAD_CLASSDEREF: {
  Value name = tupleItem(code->localsplusnames.get(), oparg);
  Value locals = frame->locals;
  Value v;
  if (!locals.isNull()) {
    if (isExactDict(locals)) {
      v = dictGetStr(locals, name);
      if (v.isNull() && errorPending()) goto error;
    } else {
      v = getItem(locals, name);
      if (v.isNull()) {
        if (!errorMatches(exc::KeyError)) goto error;
        clearError();
      }
    }
  }
  if (v.isNull()) {
    Value cell = frame->localsplus[oparg];
    v = cell.isNull() ? Value() : asCell(cell)->contents.get();
    if (v.isNull()) {
      raiseUnboundLocal(code, oparg);
      goto error;
    }
  }
  PUSH(v);
  DISPATCH();
}
op_LOAD_ATTR: {
  Value obj = TOP();
  Type* tp = typeOf(obj);
  int64_t index = IP() - 1 - code->code();
  Value v;
  if (tp->inline_count != 0 && loadInline(code, index, obj, tp, &v)) {
    TOP() = v;
    DISPATCH();
  }
  if (gc::HeapValue* c = attrCacheFind(code, index, tp, nameAt(code, oparg), AttrOp::kLoad);
      c != nullptr && !(attrCacheKind(c) >= kAttrInline && siteHasRoom(code, index))) {
    v = loadInstanceHinted(c, obj, tp, nameAt(code, oparg));
    if (v.isNull()) {
      bool failed = false;
      v = loadAttrCached(c, obj, tp, nameAt(code, oparg), &failed);
      if (failed) goto error;
    }
  }
  if (v.isNull()) {
    v = loadAttrFill(code, index, obj, nameAt(code, oparg));
    ERROR_IF_NULL(v);
  }
  TOP() = v;
  DISPATCH();
}
op_STORE_ATTR: {
  Value obj = POP();
  Value v = POP();
  Type* tp = typeOf(obj);
  int64_t index = IP() - 1 - code->code();
  int r = 0;
  if (tp->inline_count != 0 && storeInline(code, index, obj, tp, v)) DISPATCH();
  if (gc::HeapValue* c = attrCacheFind(code, index, tp, nameAt(code, oparg), AttrOp::kStore);
      c != nullptr && !(attrCacheKind(c) >= kAttrInline && siteHasRoom(code, index))) {
    if (storeInstanceHinted(c, obj, tp, nameAt(code, oparg), v)) DISPATCH();
    r = storeAttrCached(c, obj, tp, nameAt(code, oparg), v);
  }
  if (r == 0) r = storeAttrFill(code, index, obj, nameAt(code, oparg), v);
  if (r < 0) goto error;
  DISPATCH();
}
op_DELETE_ATTR: {
  Value obj = POP();
  if (delAttr(obj, nameAt(code, oparg)) < 0) goto error;
  DISPATCH();
}
op_LOAD_METHOD: {
  Value meth, self;
  Value obj = TOP();
  Type* tp = typeOf(obj);
  int64_t index = IP() - 1 - code->code();
  gc::HeapValue* c = attrCacheFind(code, index, tp, nameAt(code, oparg), AttrOp::kMethod);
  if (c != nullptr && attrCacheKind(c) == kAttrMethod) {
    Value dict = instanceDictOf(obj, tp);
    if (dict.isNull()) {
      meth = c[1].get();
      self = obj;
    } else if (isShape(dict)) {
      int64_t i = shapeIndex(asShape(dict), nameAt(code, oparg));
      if (i < 0) {
        meth = c[1].get();
        self = obj;
      } else {
        meth = inlineWords(obj, tp)[i].get();
      }
    } else if (isExactDict(dict) && dictSize(dict) == 0) {
      meth = c[1].get();
      self = obj;
    } else if (isExactDict(dict)) {
      meth = dictGetStr(dict, nameAt(code, oparg));
      if (meth.isNull()) {
        if (errorPending()) goto error;
        meth = c[1].get();
        self = obj;
      }
    } else if (!loadMethodFill(code, index, obj, nameAt(code, oparg), &meth, &self)) {
      goto error;
    }
  } else if (c != nullptr) {
    bool failed = false;
    meth = loadAttrCached(c, obj, tp, nameAt(code, oparg), &failed);
    if (failed) goto error;
    if (meth.isNull() && !loadMethodFill(code, index, obj, nameAt(code, oparg), &meth, &self)) goto error;
  } else if (!loadMethodFill(code, index, obj, nameAt(code, oparg), &meth, &self)) {
    goto error;
  }
  if (self.isNull()) {
    TOP() = Value();
    PUSH(meth);
  } else {
    TOP() = meth;
    PUSH(self);
  }
  // meth and self live in this function's stack frame (their address is
  // taken): cleared, or the conservative stack scan would keep the last
  // receiver alive through a later gc.collect() (modules/gc.cc).
  meth = Value();
  self = Value();
  asm volatile("" : : "m"(meth), "m"(self));
  DISPATCH();
}
op_BINARY_SUBSCR: {
  Value key = POP();
  Value container = TOP();
  Value v;
  if (key.isSmallInt() && isExactList(container)) {
    int64_t i = key.asSmallInt();
    int64_t n = listLength(container);
    if (i < 0) i += n;
    if (i >= 0 && i < n) {
      TOP() = listItem(container, i);
      DISPATCH();
    }
  } else if (key.isSmallInt() && isExactTuple(container)) {
    int64_t i = key.asSmallInt();
    int64_t n = tupleLength(container);
    if (i < 0) i += n;
    if (i >= 0 && i < n) {
      TOP() = tupleItem(container, i);
      DISPATCH();
    }
  }
  v = getItem(container, key);
  ERROR_IF_NULL(v);
  TOP() = v;
  DISPATCH();
}
op_STORE_SUBSCR: {
  Value key = POP();
  Value container = POP();
  Value v = POP();
  if (key.isSmallInt() && isExactList(container)) {
    int64_t i = key.asSmallInt();
    int64_t n = listLength(container);
    if (i < 0) i += n;
    if (i >= 0 && i < n) {
      listSetItem(container, i, v);
      DISPATCH();
    }
  }
  if (setItem(container, key, v) < 0) goto error;
  DISPATCH();
}
op_DELETE_SUBSCR: {
  Value key = POP();
  Value container = POP();
  if (delItem(container, key) < 0) goto error;
  DISPATCH();
}
op_BUILD_SLICE: {
  Value step = oparg == 3 ? POP() : Value();
  Value stop = POP();
  Value start = TOP();
  Value s = newSlice(start, stop, step);
  ERROR_IF_NULL(s);
  TOP() = s;
  DISPATCH();
}
op_UNARY_POSITIVE: {
  Value v = positive(TOP());
  ERROR_IF_NULL(v);
  TOP() = v;
  DISPATCH();
}
op_UNARY_NEGATIVE: {
  Value a = TOP();
  Value v;
  if (a.isSmallInt() && a.asSmallInt() != Value::kSmallIntMin) {
    v = Value::fromSmallInt(-a.asSmallInt());
  } else {
    v = negative(a);
    ERROR_IF_NULL(v);
  }
  TOP() = v;
  DISPATCH();
}
op_UNARY_NOT: {
  int t = truth(TOP());
  if (t < 0) goto error;
  TOP() = Bool(t == 0);
  DISPATCH();
}
op_UNARY_INVERT: {
  Value v = invert(TOP());
  ERROR_IF_NULL(v);
  TOP() = v;
  DISPATCH();
}
op_BINARY_OP: {
  Value b = POP();
  Value a = TOP();
  Value v = binaryFast(a, b, oparg);
  if (v.isNull()) {
    if (oparg == 0 && isExactStr(a) && isExactStr(b)) {
      v = strConcat(a, b);
    } else {
      v = binaryOp(a, b, static_cast<BinOp>(oparg));
    }
    ERROR_IF_NULL(v);
  }
  TOP() = v;
  DISPATCH();
}
op_COMPARE_OP: {
  Value b = POP();
  Value a = TOP();
  Value v = compareFast(a, b, oparg);
  if (v.isNull()) {
    v = richCompare(a, b, static_cast<int>(oparg));
    ERROR_IF_NULL(v);
  }
  TOP() = v;
  DISPATCH();
}
op_IS_OP: {
  Value b = POP();
  bool same = TOP() == b;
  TOP() = Bool(oparg ? !same : same);
  DISPATCH();
}
op_CONTAINS_OP: {
  Value container = POP();
  int r = contains(container, TOP());
  if (r < 0) goto error;
  TOP() = Bool(oparg ? r == 0 : r != 0);
  DISPATCH();
}
op_BUILD_TUPLE: {
  Value t = newTupleFrom(sp - oparg, oparg);
  ERROR_IF_NULL(t);
  sp -= oparg;
  PUSH(t);
  DISPATCH();
}
op_BUILD_LIST: {
  Value l = newListFrom(sp - oparg, oparg);
  ERROR_IF_NULL(l);
  sp -= oparg;
  PUSH(l);
  DISPATCH();
}
op_BUILD_SET: {
  Value s = newSet();
  ERROR_IF_NULL(s);
  for (uint32_t i = 0; i < oparg; ++i) {
    if (setAdd(s, sp[-static_cast<int64_t>(oparg) + i]) < 0) goto error;
  }
  sp -= oparg;
  PUSH(s);
  DISPATCH();
}
op_BUILD_MAP: {
  Value d = newDict();
  for (uint32_t i = 0; i < oparg; ++i) {
    Value* pair = sp - 2 * static_cast<int64_t>(oparg) + 2 * i;
    if (dictSet(d, pair[0], pair[1]) < 0) goto error;
  }
  sp -= 2 * oparg;
  PUSH(d);
  DISPATCH();
}
op_BUILD_CONST_KEY_MAP: {
  Value keys = TOP();
  if (!isExactTuple(keys) || tupleLength(keys) != static_cast<int64_t>(oparg)) {
    raiseSystemError("BUILD_CONST_KEY_MAP", "bad BUILD_CONST_KEY_MAP keys argument");
    goto error;
  }
  Value d = newDict();
  for (uint32_t i = 0; i < oparg; ++i) {
    if (dictSet(d, tupleItem(TOP(), i), sp[-1 - static_cast<int64_t>(oparg) + i]) < 0) goto error;
  }
  sp -= oparg + 1;
  PUSH(d);
  DISPATCH();
}
op_BUILD_STRING: {
  Value s = buildString(sp - oparg, oparg);
  ERROR_IF_NULL(s);
  sp -= oparg;
  PUSH(s);
  DISPATCH();
}
op_LIST_TO_TUPLE: {
  Value t = listAsTuple(TOP());
  ERROR_IF_NULL(t);
  TOP() = t;
  DISPATCH();
}
op_LIST_APPEND: {
  Value v = POP();
  if (!listAppend(PEEK(oparg), v)) goto error;
  DISPATCH();
}
op_SET_ADD: {
  Value v = POP();
  if (setAdd(PEEK(oparg), v) < 0) goto error;
  DISPATCH();
}
op_MAP_ADD: {
  Value v = POP();
  Value k = POP();
  if (dictSet(PEEK(oparg), k, v) < 0) goto error;
  DISPATCH();
}
op_LIST_EXTEND: {
  Value seq = POP();
  if (!listExtendForStar(PEEK(oparg), seq)) goto error;
  DISPATCH();
}
op_SET_UPDATE: {
  Value seq = POP();
  if (setUpdate(PEEK(oparg), seq) < 0) goto error;
  DISPATCH();
}
op_DICT_UPDATE: {
  Value m = POP();
  if (!dictUpdateForDisplay(PEEK(oparg), m)) goto error;
  DISPATCH();
}
op_DICT_MERGE: {
  Value m = POP();
  if (!dictMergeForCall(PEEK(oparg + 2), PEEK(oparg), m)) goto error;
  DISPATCH();
}
op_FORMAT_VALUE: {
  Value spec = (oparg & kFormatHasSpec) ? POP() : Value();
  Value v = TOP();
  if ((oparg & (kFormatConversionMask | kFormatHasSpec)) == 0 && isExactStr(v)) DISPATCH();
  Value r = formatValue(v, static_cast<uint32_t>(oparg), spec);
  ERROR_IF_NULL(r);
  TOP() = r;
  DISPATCH();
}
op_GET_ITER: {
  Value it = getIter(TOP());
  ERROR_IF_NULL(it);
  TOP() = it;
  DISPATCH();
}
op_FOR_ITER: {
  Value it = TOP();
  if (typeOf(it) == types::generator_type && !tracingActive()) {
    frame->setDepth(sp - STACK_BASE());
    if (Frame* g = resumeGeneratorInline(ts, it, None(), young_gens.n < kMaxYoungGens)) ENTER_GENERATOR(g);
  }
  UnaryFn next = typeOf(it)->slots.tp_iternext;
  Value v = next != nullptr ? next(it) : iterNext(it);
  if (v.isNull()) {
    if (errorPending()) {
      if (!errorMatches(exc::StopIteration)) goto error;
      clearError();
    }
    --sp;
    JUMP_TO(oparg);
    DISPATCH();
  }
  PUSH(v);
  DISPATCH();
}
op_UNPACK_SEQUENCE: {
  Value seq = TOP();
  if (isExactTuple(seq) && tupleLength(seq) == static_cast<int64_t>(oparg)) {
    --sp;
    for (int64_t i = static_cast<int64_t>(oparg) - 1; i >= 0; --i) PUSH(tupleItem(seq, i));
    DISPATCH();
  }
  if (isExactList(seq) && listLength(seq) == static_cast<int64_t>(oparg)) {
    --sp;
    for (int64_t i = static_cast<int64_t>(oparg) - 1; i >= 0; --i) PUSH(listItem(seq, i));
    DISPATCH();
  }
  if (!unpackIterable(seq, static_cast<int>(oparg), -1, sp - 1)) goto error;
  sp += static_cast<int64_t>(oparg) - 1;
  DISPATCH();
}
op_UNPACK_EX: {
  int before = static_cast<int>(oparg & 0xFF), after = static_cast<int>(oparg >> 8);
  if (!unpackIterable(TOP(), before, after, sp - 1)) goto error;
  sp += before + after;
  DISPATCH();
}
op_JUMP_FORWARD:
  JUMP_TO(oparg);
  DISPATCH();
op_JUMP_BACKWARD:
  JUMP_TO(oparg);
periodic_check:
  // Python signal handlers run here, so that a loop sees its signal soon,
  // the GIL is handed over when another thread asks for it, and the
  // finalizers a collection queued run (runtime/interp/gil.h): one relaxed
  // load per iteration.  Calls of Python functions come here too.
  if (evalBreakerSet()) {
    frame->setDepth(sp - STACK_BASE());
    if (!handleEvalBreaker()) goto error;
  }
  DISPATCH();
op_JUMP_BACKWARD_NO_INTERRUPT:
  JUMP_TO(oparg);
  DISPATCH();
op_POP_JUMP_IF_FALSE: {
  int t = truth(POP());
  if (t < 0) goto error;
  if (t == 0) JUMP_TO_CHECKED(oparg);
  DISPATCH();
}
op_POP_JUMP_IF_TRUE: {
  int t = truth(POP());
  if (t < 0) goto error;
  if (t != 0) JUMP_TO_CHECKED(oparg);
  DISPATCH();
}
op_POP_JUMP_IF_NONE:
  if (isNone(POP())) JUMP_TO_CHECKED(oparg);
  DISPATCH();
op_POP_JUMP_IF_NOT_NONE:
  if (!isNone(POP())) JUMP_TO_CHECKED(oparg);
  DISPATCH();
op_JUMP_IF_TRUE_OR_POP: {
  int t = truth(TOP());
  if (t < 0) goto error;
  if (t != 0) {
    JUMP_TO(oparg);
  } else {
    --sp;
  }
  DISPATCH();
}
op_JUMP_IF_FALSE_OR_POP: {
  int t = truth(TOP());
  if (t < 0) goto error;
  if (t == 0) {
    JUMP_TO(oparg);
  } else {
    --sp;
  }
  DISPATCH();
}
op_RETURN_VALUE: {
  retval = POP();
  goto return_from_frame;
}
op_KW_NAMES:
  kwnames = constAt(code, oparg);
  DISPATCH();
op_CALL: {
  Value* base = sp - oparg - 2;
  Value callable;
  Value* args;
  size_t total;
  if (!base[0].isNull()) {
    callable = base[0];
    args = base + 1;
    total = oparg + 1;
  } else {
    callable = base[1];
    args = base + 2;
    total = oparg;
  }
  Value kw = kwnames;
  kwnames = Value();
  size_t nkw = kw.isNull() ? 0 : static_cast<size_t>(tupleLength(kw));
  // C functions (cpyext's raw definitions) are entered directly, first, and
  // so are their methods called on an instance of exactly the owning type
  // (the descriptor's check is then a given); so is len(x).
  if (callable.isObject()) {
    const MethodDef* def = nullptr;
    Value self;
    Value* c_args = args;
    size_t c_nargs = total - nkw;
    Type* callable_type = typeOf(callable);
    if (callable_type == types::builtin_function_type) {
      auto* f = static_cast<BuiltinFunctionObj*>(callable.asObject());
      if (f->def->raw != nullptr) {
        def = f->def;
        self = f->self.get();
      } else if (c_nargs == 1 && nkw == 0 && f->def->fn == builtin_len) {
        frame->setDepth(sp - STACK_BASE());
        Value len_args[2] = {Value(), args[0]};
        Value r = builtin_len(len_args);
        sp = base;
        ERROR_IF_NULL(r);
        PUSH(r);
        DISPATCH();
      }
    } else if (callable_type == types::method_descriptor_type && c_nargs > 0) {
      auto* d = static_cast<MethodDescrObj*>(callable.asObject());
      if (d->def->raw != nullptr && typeValue(typeOf(args[0])) == d->type.get()) {
        def = d->def;
        self = args[0];
        ++c_args;
        --c_nargs;
      }
    }
    if (def != nullptr) {
      frame->setDepth(sp - STACK_BASE());  // for gc.collect(): the slots above are dead (modules/gc.cc)
      Value r = def->raw(def, self, c_args, c_nargs, kw);
      sp = base;
      ERROR_IF_NULL(r);
      PUSH(r);
      DISPATCH();
    }
  }
  if (isMethod(callable) && base[0].isNull()) {
    // A bound method called through a plain name: unpack it in place.
    base[0] = methodFunc(callable);
    base[1] = methodSelf(callable);
    callable = base[0];
    args = base + 1;
    total = oparg + 1;
  }
  if (isFunction(callable)) {
    frame->setDepth(base - STACK_BASE());
    Frame* callee = pushFunctionFrame(ts, callable, args, total - nkw, kw);
    if (callee == nullptr) goto error;
    sp = base;
    frame = callee;
    ts->frame = frame;
    LOAD_FRAME();
    if (evalBreakerSet()) goto periodic_check;  // entering a function is a safe point
    DISPATCH();
  }
  if (total == 2 && nkw == 0 && !callable.isSmallInt() && typeOf(callable) == types::method_descriptor_type &&
      isSendMethodOf(callable, args[0]) && !tracingActive()) {
    // gen.send(v) / coro.send(v): the frame runs in this loop; its yield
    // ends the call (YIELD_VALUE), its return raises StopIteration here.
    frame->setDepth(sp - STACK_BASE());
    if (Frame* g = resumeGeneratorInline(ts, args[0], args[1], young_gens.n < kMaxYoungGens)) ENTER_GENERATOR(g);
  }
  frame->setDepth(sp - STACK_BASE());  // for gc.collect(): the slots above are dead (modules/gc.cc)
  Value r = call(callable, args, total - nkw, kw);
  sp = base;
  ERROR_IF_NULL(r);
  PUSH(r);
  DISPATCH();
}
op_CALL_FUNCTION_EX: {
  Value kwargs = (oparg & 1) ? POP() : Value();
  Value args = POP();
  Value func = POP();
  --sp;  // the NULL
  if (!normaliseStarArgs(func, &args, &kwargs)) goto error;
  if (isFunction(func)) {
    // Spread the arguments on the value stack above this frame, bind them
    // into the callee, and drop them.
    int64_t n = tupleLength(args);
    int64_t nkw = kwargs.isNull() ? 0 : dictSize(kwargs);
    frame->setDepth(sp - STACK_BASE());
    Frame* callee = pushFrame(ts, asCode(asFunction(func)->code.get()), func, asFunction(func)->globals.get(),
                              asFunction(func)->builtins.get(), Value());
    if (callee == nullptr) goto error;
    Value* tmp = ts->stack.push(static_cast<size_t>(n + nkw));
    if (tmp == nullptr) {
      popFrame(ts, callee);
      raise(exc::RecursionError, "maximum recursion depth exceeded");
      goto error;
    }
    for (int64_t i = 0; i < n; ++i) tmp[i] = tupleItem(args, i);
    Value names;
    if (nkw > 0) {
      names = newTuple(nkw);
      int64_t pos = 0, k = 0;
      Value key, value;
      while (dictNext(kwargs, &pos, &key, &value)) {
        tupleInit(names, k, key);
        tmp[n + k] = value;
        ++k;
      }
    }
    bool ok = bindFunctionArguments(asFunction(func), callee->localsplus, tmp, static_cast<size_t>(n), names);
    ts->stack.popTo(tmp);
    if (!ok) {
      popFrame(ts, callee);
      goto error;
    }
    frame = callee;
    ts->frame = frame;
    LOAD_FRAME();
    DISPATCH();
  }
  frame->setDepth(sp - STACK_BASE());  // for gc.collect(), as in CALL
  Value r = callTupleDict(func, args, kwargs);
  ERROR_IF_NULL(r);
  PUSH(r);
  DISPATCH();
}
op_MAKE_FUNCTION: {
  Value fcode = POP();
  Value func = newFunction(fcode, frame->globals);
  ERROR_IF_NULL(func);
  FunctionObj* f = asFunction(func);
  if (oparg & kMakeFunctionClosure) f->closure.set(POP());
  if (oparg & kMakeFunctionAnnotations) {
    Value ann = POP();
    Value d = newDict();
    f = asFunction(func);
    for (int64_t i = 0; i + 1 < tupleLength(ann); i += 2) {
      if (dictSet(d, tupleItem(ann, i), tupleItem(ann, i + 1)) < 0) goto error;
    }
    asFunction(func)->annotations.set(d);
  }
  if (oparg & kMakeFunctionKwDefaults) asFunction(func)->kwdefaults.set(POP());
  if (oparg & kMakeFunctionDefaults) asFunction(func)->defaults.set(POP());
  PUSH(func);
  DISPATCH();
}
op_LOAD_BUILD_CLASS: {
  Value b = frame->builtins;
  Value v = isExactDict(b) ? dictGetStr(b, names::__build_class__) : getItem(b, names::__build_class__);
  if (v.isNull()) {
    if (errorPending() && !errorMatches(exc::KeyError)) goto error;
    clearError();
    raise(exc::NameError, "__build_class__ not found");
    goto error;
  }
  PUSH(v);
  DISPATCH();
}
op_RETURN_GENERATOR: {
  frame->setDepth(sp - STACK_BASE());
  retval = generatorFromFrame(frame);
  ERROR_IF_NULL(retval);
  // The frame lives on in the generator: leave the value stack without
  // finishing its frame object.
  frame->frame_obj = Value();
  goto return_from_frame;
}
op_YIELD_VALUE: {
  retval = POP();
  frame->setDepth(sp - STACK_BASE());
  Frame* done = frame;
  Frame* prev = done->previous();
  bool is_entry = (done->flags() & frame_flags::kEntry) != 0;
  suspendGeneratorFrame(ts, done);
  if (is_entry) {  // resumed by genSend
    ts->frame = prev;
    return retval;
  }
  // Resumed inline by the SEND, FOR_ITER or CALL (of send) its resumer is
  // executing, which ends with the value.
  LEAVE_GENERATOR(done);
  frame = prev;
  ts->frame = frame;
  LOAD_FRAME();
  uint32_t resumer = *frame->instr();
  if (opOf(resumer) == Op::SEND) {
    TOP() = retval;
  } else {
    if (opOf(resumer) == Op::CALL) sp -= argOf(resumer) + 2;  // send, the generator, the value
    PUSH(retval);
  }
  DISPATCH();
}
op_SEND: {
  Value v = TOP();
  Value receiver = PEEK(2);
  Value r;
  bool returned = false;
  if ((isGenerator(receiver) || isCoroutine(receiver)) && !tracingActive()) {
    frame->setDepth(sp - STACK_BASE());
    if (Frame* g = resumeGeneratorInline(ts, receiver, v, young_gens.n < kMaxYoungGens)) ENTER_GENERATOR(g);
  }
  if (isGenerator(receiver) || isCoroutine(receiver)) {
    r = genSend(receiver, v, &returned);
  } else if (isNone(v) && typeOf(receiver)->slots.tp_iternext != nullptr &&
             !typeOf(receiver)->hasFlag(type_flags::kHeapType)) {
    // (A class's __next__ is called as a method below: its tp_iternext slot
    // swallows StopIteration, and with it the value of `yield from`.)
    r = typeOf(receiver)->slots.tp_iternext(receiver);
    if (r.isNull()) {
      if (!errorPending()) {
        r = None();
        returned = true;
      }
    }
  } else if (isNone(v) && typeOf(receiver)->slots.tp_iternext != nullptr) {
    r = callMethod(receiver, names::__next__, nullptr, 0);
  } else {
    r = callMethod(receiver, names::send, &v, 1);
  }
  if (r.isNull()) {
    if (!errorMatches(exc::StopIteration)) goto error;
    Value stop = takeError();
    r = static_cast<StopIterationObj*>(stop.asObject())->value.get();
    if (r.isNull()) r = None();
    returned = true;
  }
  if (returned) {
    --sp;
    TOP() = r;
    JUMP_TO(oparg);
    DISPATCH();
  }
  TOP() = r;
  DISPATCH();
}
op_GET_YIELD_FROM_ITER: {
  Value it = getYieldFromIter(TOP(), code);
  ERROR_IF_NULL(it);
  TOP() = it;
  DISPATCH();
}
op_GET_AWAITABLE: {
  Value it = getAwaitableIter(TOP(), static_cast<int>(oparg), code);
  ERROR_IF_NULL(it);
  TOP() = it;
  DISPATCH();
}
op_GET_AITER: {
  Value it = getAIter(TOP());
  ERROR_IF_NULL(it);
  TOP() = it;
  DISPATCH();
}
op_GET_ANEXT: {
  Value it = getANext(TOP());
  ERROR_IF_NULL(it);
  PUSH(it);
  DISPATCH();
}
op_END_ASYNC_FOR: {
  Value e = POP();
  if (isInstance(e, exc::StopAsyncIteration)) {
    --sp;
    DISPATCH();
  }
  restoreError(e);
  goto exception_unwind;
}
op_ASYNC_GEN_WRAP: {
  Value w = newAsyncGenWrappedValue(TOP());
  ERROR_IF_NULL(w);
  TOP() = w;
  DISPATCH();
}
op_BEFORE_WITH:
op_BEFORE_ASYNC_WITH: {
  Value exit, res;
  if (!beforeWith(TOP(), (IP()[-1] & 0xFF) == static_cast<uint32_t>(Op::BEFORE_ASYNC_WITH), &exit, &res)) goto error;
  TOP() = exit;
  PUSH(res);
  DISPATCH();
}
op_PUSH_EXC_INFO: {
  Value e = TOP();
  if (!frame->gen.isNull()) {
    // A generator's frame saves and sets its own exception state (generator.h).
    TOP() = genExcState(frame->gen);
    PUSH(e);
    genSetExcState(frame->gen, e);
    DISPATCH();
  }
  Value prev = ts->handled_exception;
  TOP() = prev.isNull() ? None() : prev;
  PUSH(e);
  ts->handled_exception = e;
  DISPATCH();
}
op_POP_EXCEPT: {
  Value prev = POP();
  if (!frame->gen.isNull()) {
    genSetExcState(frame->gen, prev);
    DISPATCH();
  }
  ts->handled_exception = isNone(prev) ? Value() : prev;
  DISPATCH();
}
op_RERAISE: {
  Value e = POP();
  if (oparg) {
    // The frame is back at the instruction that raised first (PEP 626):
    // f_lineno, and the lasti the unwinder pushes for the next handler.
    Value lasti = PEEK(oparg);
    frame->setInstr(lasti.isSmallInt() ? code->code() + lasti.asSmallInt() : IP() - 1);
  }
  restoreError(e);
  goto exception_unwind;
}
op_RAISE_VARARGS: {
  if (oparg == 0) {
    Value e = ts->handled_exception;
    if (e.isNull() || isNone(e)) {
      raise(exc::RuntimeError, "No active exception to reraise");
      goto error;
    }
    restoreError(e);
    goto exception_unwind;
  }
  Value cause = oparg == 2 ? POP() : Value();
  Value e = POP();
  doRaise(e, cause);
  goto error;
}
op_CHECK_EXC_MATCH: {
  Value type = POP();
  int r = checkExceptMatch(TOP(), type, false);
  if (r < 0) goto error;
  PUSH(Bool(r != 0));
  DISPATCH();
}
op_CHECK_EG_MATCH: {
  Value type = POP();
  Value eg = POP();
  if (checkExceptMatch(eg, type, true) < 0) goto error;
  Value match, rest;
  if (!exceptionGroupMatch(eg, type, &match, &rest)) goto error;
  if (isNone(match)) {
    PUSH(eg);
    PUSH(None());
  } else {
    PUSH(rest);
    PUSH(match);
    if (!frame->gen.isNull()) {
      genSetExcState(frame->gen, match);
    } else {
      ts->handled_exception = match;
    }
  }
  DISPATCH();
}
op_PREP_RERAISE_STAR: {
  Value excs = POP();
  Value orig = TOP();
  Value r = prepReraiseStar(orig, excs);
  ERROR_IF_NULL(r);
  TOP() = r;
  DISPATCH();
}
op_WITH_EXCEPT_START: {
  Value e = TOP();
  Value exit_func = PEEK(4);
  Value tb = static_cast<BaseExceptionObj*>(e.asObject())->traceback.get();
  if (tb.isNull()) tb = None();
  Value argv[3] = {typeValue(typeOf(e)), e, tb};
  Value r = call(exit_func, argv, 3);
  ERROR_IF_NULL(r);
  PUSH(r);
  DISPATCH();
}
op_LOAD_ASSERTION_ERROR:
  PUSH(typeValue(exc::AssertionError));
  DISPATCH();
op_GET_LEN: {
  int64_t n = length(TOP());
  if (n < 0) goto error;
  PUSH(newInt(n));
  DISPATCH();
}
op_MATCH_MAPPING:
  {
    bool m = hasTypeFlag(TOP(), type_flags::kMapping);
    PUSH(Bool(m));
  }
  DISPATCH();
op_MATCH_SEQUENCE:
  {
    bool m = hasTypeFlag(TOP(), type_flags::kSequence);
    PUSH(Bool(m));
  }
  DISPATCH();
op_MATCH_KEYS: {
  Value r = matchKeys(PEEK(2), TOP());
  ERROR_IF_NULL(r);
  PUSH(r);
  DISPATCH();
}
op_MATCH_CLASS: {
  Value names = POP();
  Value cls = POP();
  Value subject = TOP();
  Value r = matchClass(subject, cls, oparg, names);
  ERROR_IF_NULL(r);
  TOP() = r;
  DISPATCH();
}
op_IMPORT_NAME: {
  Value fromlist = POP();
  Value level = TOP();
  Value m = importNameOp(frame, nameAt(code, oparg), fromlist, level);
  ERROR_IF_NULL(m);
  TOP() = m;
  DISPATCH();
}
op_IMPORT_FROM: {
  Value v = importFrom(TOP(), nameAt(code, oparg));
  ERROR_IF_NULL(v);
  PUSH(v);
  DISPATCH();
}
op_IMPORT_STAR: {
  Value m = POP();
  if (!importStar(frame, m)) goto error;
  DISPATCH();
}
op_SETUP_ANNOTATIONS: {
  Value locals = frame->locals;
  if (locals.isNull()) {
    raise(exc::SystemError, "no locals found when setting up annotations");
    goto error;
  }
  if (isExactDict(locals)) {
    int r = dictContains(locals, names::__annotations__);
    if (r < 0) goto error;
    if (r == 0 && dictSet(locals, names::__annotations__, newDict()) < 0) goto error;
  } else {
    Value v = getItem(locals, names::__annotations__);
    if (v.isNull()) {
      if (!errorMatches(exc::KeyError)) goto error;
      clearError();
      if (setItem(locals, names::__annotations__, newDict()) < 0) goto error;
    }
  }
  DISPATCH();
}
op_PRINT_EXPR: {
  Value v = POP();
  Value hook = lookupAttr(sysModule(), internStr("displayhook"));
  if (hook.isNull()) {
    if (!errorPending()) raise(exc::RuntimeError, "lost sys.displayhook");
    goto error;
  }
  Value r = call1(hook, v);
  ERROR_IF_NULL(r);
  DISPATCH();
}

return_from_frame: {
  Frame* done = frame;
  uint64_t done_flags = done->flags();
  Frame* prev = done->previous();
  if (!(done_flags & (frame_flags::kEntry | frame_flags::kInPlace))) {
    // The common case: back to the calling frame of this loop.
    popFrame(ts, done);
    frame = prev;
    ts->frame = frame;
    LOAD_FRAME();
    PUSH(retval);
    DISPATCH();
  }
  Value gen = done->gen;  // not null exactly when the frame runs in place
  if (gen.isNull()) {
    popFrame(ts, done);
  } else {
    popGeneratorFrame(ts, done);
  }
  if (done_flags & frame_flags::kEntry) {
    ts->frame = outer;
    return retval;
  }
  frame = prev;
  ts->frame = frame;
  LOAD_FRAME();
  // A generator resumed inline returned: its resumer's SEND or FOR_ITER
  // ends (jumps), its send() raises StopIteration.
  finishGeneratorInline(ts, gen, true);
  LEAVE_GENERATOR(done);
  uint32_t resumer = *frame->instr();
  if (opOf(resumer) == Op::CALL) {
    sp -= argOf(resumer) + 2;
    if (isNone(retval)) {
      raiseEmpty(exc::StopIteration);
    } else {
      raiseStopIteration(retval);
    }
    goto error;
  }
  --sp;  // the receiver or iterator
  if (opOf(resumer) == Op::SEND) TOP() = retval;
  JUMP_TO(argOf(resumer));
  DISPATCH();
}

// Every instruction comes here while some thread traces (tracing.h), then
// goes to its own handler.
op_TRACE:
  frame->setDepth(sp - STACK_BASE());
  if (!traceInstruction(ts, frame)) goto error;
  goto* realTarget(IP()[-1] & 0xFF);

error:
  addTraceback(frame);
  if (tracingActive()) traceException(ts, frame);  // tracing.h
exception_unwind: {
  int64_t lasti = (IP() - 1) - code->code();  // not frame->lasti(): RERAISE may have moved that
  const ExceptionTableEntry* handler = codeFindHandler(code, lasti);
  if (handler != nullptr) {
    sp = STACK_BASE() + handler->depth;
    if (handler->push_lasti) {
      // After RERAISE n, the instruction it moved the frame back to.
      uint32_t raising = code->code()[lasti];
      bool moved = opOf(raising) == Op::RERAISE && argOf(raising) != 0;
      PUSH(Value::fromSmallInt(moved ? frame->lasti() : lasti));
    }
    PUSH(takeError());
    JUMP_TO(handler->target);
    DISPATCH();
  }
  Frame* done = frame;
  if (tracingActive()) traceUnwind(ts, done);  // tracing.h
  bool is_entry = (done->flags() & frame_flags::kEntry) != 0;
  Frame* prev = done->previous();
  Value gen = done->gen;
  if (gen.isNull()) {
    popFrame(ts, done);
  } else {
    popGeneratorFrame(ts, done);
  }
  if (is_entry) {
    ts->frame = outer;
    return Value();
  }
  if (!gen.isNull()) {
    // A generator resumed inline raised: the error is its resumer's.
    finishGeneratorInline(ts, gen, false);
    LEAVE_GENERATOR(done);
  }
  frame = prev;
  ts->frame = frame;
  LOAD_FRAME();
  goto error;
}

#undef LOAD_FRAME
#undef ENTER_GENERATOR
#undef LEAVE_GENERATOR
#undef DISPATCH
#undef JUMP_TO
#undef IP
#undef SET_IP
#undef STACK_BASE
#undef PUSH
#undef POP
#undef TOP
#undef PEEK
#undef ERROR_IF_NULL
}

}  // namespace tern::interp

namespace tern {

Value callFunction(Value func, const Value* args, size_t nargs, Value kwnames) {
  interp::ThreadState* ts = interp::currentThread();
  interp::Frame* frame = interp::pushFunctionFrame(ts, func, args, nargs, kwnames);
  if (frame == nullptr) return Value();
  return interp::runFrame(ts, frame, Value());
}

Value evalCode(Value code, Value globals, Value locals) {
  interp::ThreadState* ts = interp::currentThread();
  CodeObj* c = asCode(code);
  if (locals.isNull()) locals = globals;
  Value builtins = builtinsForGlobals(globals);
  interp::Frame* frame = interp::pushFrame(ts, c, Value(), globals, builtins,
                                           (c->flags & code_flags::kOptimized) ? Value() : locals);
  if (frame == nullptr) return Value();
  return interp::runFrame(ts, frame, Value());
}

Value runClassBody(Value func, Value ns) {
  interp::ThreadState* ts = interp::currentThread();
  FunctionObj* f = asFunction(func);
  interp::Frame* frame =
      interp::pushFrame(ts, asCode(f->code.get()), func, f->globals.get(), f->builtins.get(), ns);
  if (frame == nullptr) return Value();
  return interp::runFrame(ts, frame, Value());
}

}  // namespace tern
