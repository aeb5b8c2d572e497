// type: the type registry and bootstrap, classes defined in Python, the MRO,
// the method cache, and the Python surface of `type` itself.
//
// Invariants (beyond object.h's):
//   - Every Type is allocated old (gc::allocateOld) and never moves.  Builtin
//     types are kept alive by g_builtin_types (a root); classes by their
//     instances, subclasses' `base`/`bases`/`mro` and whatever refers to them.
//   - `mro` is a tuple starting with the type itself; `dict` is an exact dict
//     whose keys are str.  `version_tag` is never 0 once the type is ready; a
//     new tag is taken (typeModified) whenever the dict or the bases of the
//     type or of a type on its MRO change, and the method cache (typeLookup)
//     keys entries by (tag, interned name), so a stale entry can never match.
//   - `subclasses` is null or a list of weak boxes (private objects holding a
//     WeakHeapValue) referring to the direct subclasses that are still alive;
//     slot updates and typeModified walk it.
//
// Instance layouts of classes defined in Python.  A class adds words to the
// instance of its best base (the base whose layout it extends): its
// __slots__ members (sorted, as CPython sorts them), then __dict__ and
// __weakref__ when the base has none.  Every added word is a HeapValue
// (__weakref__'s stays null: weak references live in the weakref objects).
//   - Fixed-size bases (object, list, dict, exceptions, ...): the words follow
//     the base's basic_size; offsets are positive and basic_size grows.
//   - Var-sized bases (int, str, bytes, tuple: instances whose size depends on
//     their value): the words follow the items, as the LAST words of the
//     instance.  Their offsets are negative, counted from the end of the
//     object (gc::Object::sizeBytes); basic_size and item_size stay the base's,
//     so the base's allocation code computes the size it always does and
//     newObject appends trailingWords(type) words.  A subclass of such a class
//     puts its own words before the inherited ones (more negative offsets), so
//     the base's offsets stay valid.  The trailing word count lives in the top
//     16 bits of Type::flags (trailingWords, kTrailingShift).
// Classes whose native base is `object` and whose instances have a __dict__
// also get inline attribute words after it (instance_attrs.h): the last words
// the class introduces, traced as trailing references.
// The gc::Layout of such instances is the base's plus the added offsets (or,
// for trailing words, a `trace` that reports the last trailingWords words);
// layouts are interned by shape, so classes of the same shape share one.
// Every layout of a class defined in Python has `finalize` = heapFinalize,
// which runs __del__ (tp_finalize) and then the native base's finalizer.
#include "runtime/compiler/identifier.h"
#include "runtime/objects/type.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <iterator>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "runtime/gc/heap.h"
#include "runtime/interp/errors.h"
#include "runtime/interp/frame.h"
#include "runtime/interp/function.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/descriptors.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/exceptions.h"
#include "runtime/objects/instance_attrs.h"
#include "runtime/objects/int.h"
#include "runtime/objects/list.h"
#include "runtime/objects/slots.h"
#include "runtime/objects/str.h"
#include "runtime/objects/str_impl.h"
#include "runtime/objects/tuple.h"

namespace tern {

namespace {

// ===========================================================================
// The registry

std::vector<const TypeSpec*>& registry() {
  static std::vector<const TypeSpec*> specs;
  return specs;
}

bool g_types_ready = false;
gc::RootVector* g_builtin_types = nullptr;  // keeps builtin types alive

// ===========================================================================
// Layouts

const uint32_t kTypeFields[] = {
    offsetof(Type, ob_type), offsetof(Type, name), offsetof(Type, qualname), offsetof(Type, bases),
    offsetof(Type, mro),     offsetof(Type, dict), offsetof(Type, base),     offsetof(Type, subclasses),
    offsetof(Type, slot_names)};
const gc::Layout kTypeLayout = {.name = "type", .fields = kTypeFields};

std::map<const gc::Layout*, gc::LayoutId>& registeredLayouts() {
  static std::map<const gc::Layout*, gc::LayoutId> ids;
  return ids;
}

gc::LayoutId layoutIdOf(const gc::Layout* layout) {
  auto& ids = registeredLayouts();
  auto it = ids.find(layout);
  if (it != ids.end()) return it->second;
  gc::LayoutId id = gc::registerLayout(layout);
  ids.emplace(layout, id);
  return id;
}

// The first builtin (non-heap) type on the base chain.
Type* nativeBase(Type* t) {
  while (t != nullptr && t->hasFlag(type_flags::kHeapType)) t = static_cast<Type*>(t->base.get().asObject());
  return t;
}

void heapFinalize(gc::Object* object) {
  Value self(object);
  Type* t = typeOf(self);
  if (t->slots.tp_finalize != nullptr) {
    t->slots.tp_finalize(self);
    if (errorPending()) clearError();  // __del__ errors are reported and ignored (as "Exception ignored in")
  }
  Type* native = nativeBase(t);
  if (native != nullptr && native->spec != nullptr && native->spec->layout != nullptr &&
      native->spec->layout->finalize != nullptr) {
    native->spec->layout->finalize(object);
  }
}

void traceTrailing(gc::Object* object, gc::SlotVisitor& visitor) {
  Value self(object);
  Type* t = typeOf(self);
  uint32_t words = trailingWords(t);
  char* end = object->bytes() + object->sizeBytes();
  for (uint32_t i = 1; i <= words; ++i) visitor.visit(reinterpret_cast<Value*>(end - 8 * i));
}

struct ShapeKey {
  gc::LayoutId base;
  std::vector<uint32_t> extra;
  bool trailing;
  uint32_t inline_from;
  bool operator<(const ShapeKey& o) const {
    if (base != o.base) return base < o.base;
    if (trailing != o.trailing) return trailing < o.trailing;
    if (inline_from != o.inline_from) return inline_from < o.inline_from;
    return extra < o.extra;
  }
};

// The storage of one heap-class layout: the fields and name the Layout's
// spans and pointer refer to live beside it, for the life of the process.
struct HeapShape {
  gc::Layout layout;
  std::vector<uint32_t> fields;
  std::string name;
};

// The layout of instances of a class extending `base_layout` with HeapValue
// words at `extra` (fixed offsets) or trailing words, and, when `inline_from`
// is not 0, every word from that offset to the object's end (the inline
// attribute area and what follows it: instance_attrs.h); interned by shape.
gc::LayoutId heapLayout(gc::LayoutId base_layout, std::vector<uint32_t> extra, bool trailing,
                        uint32_t inline_from = 0) {
  static std::map<ShapeKey, std::pair<gc::LayoutId, std::unique_ptr<HeapShape>>> shapes;
  if (inline_from != 0) std::erase_if(extra, [inline_from](uint32_t f) { return f >= inline_from; });
  std::sort(extra.begin(), extra.end());
  ShapeKey key{base_layout, extra, trailing, inline_from};
  auto it = shapes.find(key);
  if (it != shapes.end()) return it->second.first;
  const gc::Layout& base = gc::layoutOf(base_layout);
  auto shape = std::make_unique<HeapShape>();
  shape->fields.assign(base.fields.begin(), base.fields.end());
  shape->fields.insert(shape->fields.end(), extra.begin(), extra.end());
  // An instance keeps its class alive: ob_type is traced even where the
  // native base's layout leaves it out (builtin types are rooted anyway).
  constexpr uint32_t kTypeField = offsetof(Obj, ob_type);
  if (std::find(shape->fields.begin(), shape->fields.end(), kTypeField) == shape->fields.end()) {
    shape->fields.push_back(kTypeField);
  }
  shape->name = std::string(base.name ? base.name : "?") + "+heap";
  shape->layout = base;
  shape->layout.fields = shape->fields;
  shape->layout.name = shape->name.c_str();
  shape->layout.finalize = heapFinalize;
  if (trailing && base.trailing_refs_from == 0) shape->layout.trace = traceTrailing;
  if (inline_from != 0) shape->layout.trailing_refs_from = inline_from;
  gc::LayoutId id = gc::registerLayout(&shape->layout);
  shapes.emplace(std::move(key), std::make_pair(id, std::move(shape)));
  return id;
}

// ===========================================================================
// Weak boxes: the items of Type::subclasses.

struct WeakBox : gc::Object {
  gc::WeakHeapValue ref;
};
const uint32_t kWeakBoxWeak[] = {offsetof(WeakBox, ref)};
const gc::Layout kWeakBoxLayout = {.name = "type_subclass_ref", .weak_fields = kWeakBoxWeak};
gc::LayoutId g_weakbox_layout = 0;

Value newWeakBox(Value referent) {
  auto* box = static_cast<WeakBox*>(gc::allocate(g_weakbox_layout, sizeof(WeakBox)));
  box->ref.set(referent);
  return Value(box);
}

void addSubclass(Type* base, Type* sub) {
  if (base->subclasses.get().isNull()) base->subclasses.set(newList(0));
  Value list = base->subclasses.get();
  // Reuse a cleared box.
  int64_t n = listLength(list);
  for (int64_t i = 0; i < n; ++i) {
    auto* box = static_cast<WeakBox*>(listItem(list, i).asObject());
    if (box->ref.get().isNull()) {
      box->ref.set(typeValue(sub));
      return;
    }
  }
  Value box = newWeakBox(typeValue(sub));
  listAppend(base->subclasses.get(), box);
}

void removeSubclass(Type* base, Type* sub) {
  Value list = base->subclasses.get();
  if (list.isNull()) return;
  int64_t n = listLength(list);
  for (int64_t i = 0; i < n; ++i) {
    auto* box = static_cast<WeakBox*>(listItem(list, i).asObject());
    if (box->ref.get() == typeValue(sub)) box->ref.set(Value());
  }
}

}  // namespace

// The direct subclasses still alive.
void forEachSubclass(Type* type, void (*fn)(Type*, void*), void* data) {
  Value list = type->subclasses.get();
  if (list.isNull()) return;
  for (int64_t i = 0; i < listLength(list); ++i) {
    auto* box = static_cast<WeakBox*>(listItem(list, i).asObject());
    Value sub = box->ref.get();
    if (!sub.isNull()) fn(static_cast<Type*>(sub.asObject()), data);
  }
}

TypeRegistration::TypeRegistration(const TypeSpec* spec) { registry().push_back(spec); }

// ===========================================================================
// Method cache and version tags

namespace {

constexpr size_t kCacheBits = 12;
constexpr size_t kCacheSize = size_t{1} << kCacheBits;
uint64_t g_next_version = 1;
uint64_t g_cache_versions[kCacheSize];
gc::RootVector* g_cache_entries = nullptr;  // name, value pairs

size_t cacheIndex(uint64_t version, Value name) {
  uint64_t h = (version * 0x9E3779B97F4A7C15ull) ^ (name.bits() >> 3);
  return static_cast<size_t>((h ^ (h >> 29)) & (kCacheSize - 1));
}

Value lookupUncached(Type* type, Value name) {
  Value mro = type->mro.get();
  if (mro.isNull()) {
    for (Type* t = type; t != nullptr; t = static_cast<Type*>(t->base.get().asObject())) {
      Value d = t->dict.get();
      if (d.isNull()) continue;
      Value v = dictGet(d, name);
      if (!v.isNull()) return v;
    }
    return Value();
  }
  int64_t n = tupleLength(mro);
  for (int64_t i = 0; i < n; ++i) {
    Value d = static_cast<Type*>(tupleItem(mro, i).asObject())->dict.get();
    if (d.isNull()) continue;
    Value v = isExactStr(name) ? dictGetStr(d, name) : dictGet(d, name);
    if (!v.isNull()) return v;
  }
  return Value();
}

void assignVersion(Type* type, void*) {
  type->version_tag = g_next_version++;
  forEachSubclass(type, assignVersion, nullptr);
}

}  // namespace

Value typeLookup(Type* type, Value name) {
  uint64_t version = type->version_tag;
  bool cacheable = version != 0 && g_cache_entries != nullptr && isExactStr(name) && asStr(name)->interned;
  if (cacheable) {
    size_t i = cacheIndex(version, name);
    if (g_cache_versions[i] == version && (*g_cache_entries)[2 * i] == name) return (*g_cache_entries)[2 * i + 1];
    Value v = lookupUncached(type, name);
    if (errorPending()) return Value();
    g_cache_versions[i] = version;
    g_cache_entries->set(2 * i, name);
    g_cache_entries->set(2 * i + 1, v);
    return v;
  }
  return lookupUncached(type, name);
}

uint64_t clearTypeCache() {
  std::fill(std::begin(g_cache_versions), std::end(g_cache_versions), 0);
  if (g_cache_entries != nullptr) {
    for (size_t i = 0; i < g_cache_entries->size(); ++i) g_cache_entries->set(i, Value());
  }
  return g_next_version - 1;
}

void typeModified(Type* type) { assignVersion(type, nullptr); }

void typeUpdateSlot(Type* type, Value name) { updateSlots(type, name); }

bool isSubtype(Type* sub, Type* base) {
  if (sub == base) return true;
  Value mro = sub->mro.get();
  if (!mro.isNull()) {
    int64_t n = tupleLength(mro);
    for (int64_t i = 0; i < n; ++i)
      if (tupleItem(mro, i).asObject() == base) return true;
    return false;
  }
  for (Type* t = sub; t != nullptr; t = static_cast<Type*>(t->base.get().asObject()))
    if (t == base) return true;
  return base == types::object_type;
}

std::string typeBareName(Type* type) {
  if (type->name.get().isNull()) return type->spec != nullptr ? type->spec->name : "?";
  return strToUtf8(type->name.get());
}

// CPython's tp_name: a native type of a module other than builtins carries
// the module ("collections.deque"), as its messages and reprs show; so does
// a heap type a C extension made from a spec ("xxlimited.Xxo"), but not a
// class deriving from either.
std::string typeName(Type* type) {
  const TypeSpec* spec = type->spec;
  bool own_spec = spec != nullptr && (!type->hasFlag(type_flags::kHeapType) || *spec->type == type);
  if (own_spec && spec->module != nullptr && std::strcmp(spec->module, "builtins") != 0) {
    return std::string(spec->module) + "." + typeBareName(type);
  }
  return typeBareName(type);
}

// ===========================================================================
// The MRO

namespace {

Type* asType(Value v) { return static_cast<Type*>(v.asObject()); }
bool isType(Value v) { return v.isObject() && hasTypeFlag(v, type_flags::kTypeSubclass); }

// C3 linearisation of `type` with `bases`; null with TypeError on failure.
Value c3Mro(Type* type, Value bases) {
  int64_t nb = tupleLength(bases);
  // Sequences to merge: each base's MRO, then the bases themselves.
  gc::RootVector seqs;  // flattened: each sequence a tuple
  for (int64_t i = 0; i < nb; ++i) seqs.push_back(asType(tupleItem(bases, i))->mro.get());
  seqs.push_back(bases);
  std::vector<int64_t> pos(seqs.size(), 0);
  gc::RootVector result;
  result.push_back(typeValue(type));
  for (;;) {
    bool empty = true;
    bool found = false;
    for (size_t s = 0; s < seqs.size(); ++s) {
      if (pos[s] >= tupleLength(seqs[s])) continue;
      empty = false;
      Value candidate = tupleItem(seqs[s], pos[s]);
      // Is candidate in the tail of any sequence?
      bool in_tail = false;
      for (size_t o = 0; o < seqs.size() && !in_tail; ++o) {
        Value seq = seqs[o];
        for (int64_t k = pos[o] + 1; k < tupleLength(seq); ++k)
          if (tupleItem(seq, k) == candidate) {
            in_tail = true;
            break;
          }
      }
      if (in_tail) continue;
      result.push_back(candidate);
      for (size_t o = 0; o < seqs.size(); ++o)
        if (pos[o] < tupleLength(seqs[o]) && tupleItem(seqs[o], pos[o]) == candidate) ++pos[o];
      found = true;
      break;
    }
    if (empty) break;
    if (!found) {
      // CPython names the heads of the sequences still to merge (the bases'
      // own list last), each once.
      std::vector<std::string> names;
      std::vector<Value> seen;
      for (size_t s = 0; s < seqs.size(); ++s) {
        if (pos[s] >= tupleLength(seqs[s])) continue;
        Value head = tupleItem(seqs[s], pos[s]);
        if (std::find(seen.begin(), seen.end(), head) != seen.end()) continue;
        seen.push_back(head);
        names.push_back(typeName(asType(head)));
      }
      std::string msg = "Cannot create a consistent method resolution\norder (MRO) for bases";
      for (size_t i = 0; i < names.size(); ++i) msg += (i == 0 ? " " : ", ") + names[i];
      return raise(exc::TypeError, msg);
    }
  }
  Value t = newTuple(static_cast<int64_t>(result.size()));
  for (size_t i = 0; i < result.size(); ++i) tupleInit(t, static_cast<int64_t>(i), result[i]);
  return t;
}

// The solid base: the most derived type on the base chain whose instances
// add fields to their base's (other than __dict__ and __weakref__).
Type* solidBase(Type* type) {
  Type* base = static_cast<Type*>(type->base.get().asObject());
  if (base == nullptr) return type;
  bool extra;
  if (type->hasFlag(type_flags::kHeapType)) {
    Value slots = type->slot_names.get();
    extra = false;
    if (!slots.isNull()) {
      for (int64_t i = 0; i < tupleLength(slots); ++i) {
        Value s = tupleItem(slots, i);
        if (!strEquals(s, names::__dict__) && !strEquals(s, names::__weakref__)) extra = true;
      }
    }
  } else {
    extra = type->basic_size != base->basic_size || type->item_size != base->item_size;
    // A builtin that only adds a __dict__ (functions, modules) stays compatible.
    if (extra && type->dict_offset != 0 && base->dict_offset == 0 &&
        type->basic_size == base->basic_size + sizeof(gc::HeapValue) && type->item_size == base->item_size)
      extra = false;
  }
  return extra ? type : solidBase(base);
}

// CPython's best_base: the base whose solid base is the most derived.
Type* bestBase(Value bases) {
  Type* winner = nullptr;
  Type* base = nullptr;
  for (int64_t i = 0; i < tupleLength(bases); ++i) {
    Type* b = asType(tupleItem(bases, i));
    Type* candidate = solidBase(b);
    if (winner == nullptr) {
      winner = candidate;
      base = b;
    } else if (isSubtype(winner, candidate)) {
      // keep
    } else if (isSubtype(candidate, winner)) {
      winner = candidate;
      base = b;
    } else {
      raise(exc::TypeError, "multiple bases have instance lay-out conflict");
      return nullptr;
    }
  }
  return base;
}

bool mroOverridden(Type* type) {
  Type* meta = typeOf(typeValue(type));
  if (meta == types::type_type) return false;
  Value m = typeLookup(meta, names::mro);
  Value base_m = lookupUncached(types::type_type, names::mro);
  return !m.isNull() && m != base_m;
}

// type.mro()'s answer as a tuple: C3 over the bases' MROs.  A base whose own
// MRO is still being computed (a metaclass's mro() that subclasses it) cannot
// be extended.
Value defaultMro(Type* type) {
  Value bases = type->bases.get();
  int64_t nb = tupleLength(bases);
  for (int64_t i = 0; i < nb; ++i) {
    Type* base = asType(tupleItem(bases, i));
    if (base->mro.get().isNull()) {
      return raisef(exc::TypeError, "Cannot extend an incomplete type '%s'", typeName(base).c_str());
    }
  }
  if (nb != 1) return c3Mro(type, bases);
  // A single base: the base's MRO with this type in front.
  int64_t n = tupleLength(asType(tupleItem(bases, 0))->mro.get());
  Value mro = newTuple(n + 1);
  if (mro.isNull()) return mro;
  Value bm = asType(tupleItem(type->bases.get(), 0))->mro.get();
  tupleInit(mro, 0, typeValue(type));
  for (int64_t i = 0; i < n; ++i) tupleInit(mro, i + 1, tupleItem(bm, i));
  return mro;
}

// Computes and stores type->mro (calling a metaclass's mro() override).
bool computeMro(Type* type) {
  Value mro;
  if (mroOverridden(type)) {
    Value fn = lookupAttr(typeValue(type), names::mro);
    if (fn.isNull()) {
      if (errorPending()) return false;
    } else {
      Value r = call0(fn);
      if (r.isNull()) return false;
      mro = tupleFromIterable(r);
      if (mro.isNull()) return false;
      Type* solid = solidBase(type);
      for (int64_t i = 0; i < tupleLength(mro); ++i) {
        Value item = tupleItem(mro, i);
        if (!isType(item)) {
          raisef(exc::TypeError, "mro() returned a non-class ('%s')", typeNameOf(item).c_str());
          return false;
        }
        if (!isSubtype(solid, solidBase(asType(item)))) {
          raisef(exc::TypeError, "mro() returned base with unsuitable layout ('%s')",
                 typeName(asType(item)).c_str());
          return false;
        }
      }
    }
  }
  if (mro.isNull()) {
    mro = defaultMro(type);
    if (mro.isNull()) return false;
  }
  type->mro.set(mro);
  return true;
}

// ===========================================================================
// Builtin types from their TypeSpecs

constexpr uint64_t kInheritedFlags = type_flags::kIntSubclass | type_flags::kTupleSubclass |
                                     type_flags::kListSubclass | type_flags::kBytesSubclass |
                                     type_flags::kStrSubclass | type_flags::kDictSubclass |
                                     type_flags::kBaseExceptionSubclass | type_flags::kTypeSubclass |
                                     type_flags::kSequence | type_flags::kMapping | type_flags::kHasDict;

Type* allocateType(Type* metatype) {
  gc::LayoutId layout = metatype != nullptr ? metatype->instance_layout : layoutIdOf(&kTypeLayout);
  size_t bytes = metatype != nullptr && metatype->basic_size != 0 ? metatype->basic_size : sizeof(Type);
  auto* t = static_cast<Type*>(gc::allocateOld(layout, bytes));
  if (metatype != nullptr) t->ob_type.set(typeValue(metatype));
  return t;
}

Value getDunderDict(Value self);
int setDunderDict(Value self, Value value);
Value getDunderWeakref(Value self);
extern const GetSetDef kDictGetSet;

// The raw part of a builtin type: sizes, flags, layout and slots (inherited
// from the base where the spec leaves them out).  No allocation.
void fillRawFromSpec(Type* t, const TypeSpec* spec) {
  Type* base = spec->base != nullptr ? *spec->base : (t == types::object_type ? nullptr : types::object_type);
  t->spec = spec;
  t->base.set(base != nullptr ? typeValue(base) : Value());
  t->flags = spec->flags | type_flags::kImmutable | (base != nullptr ? (base->flags & kInheritedFlags) : 0);
  t->basic_size = spec->basic_size != 0 ? spec->basic_size : (base != nullptr ? base->basic_size : sizeof(Obj));
  t->item_size = spec->item_size != 0 ? spec->item_size : (base != nullptr && spec->basic_size == 0 ? base->item_size : 0);
  t->instance_layout = spec->layout != nullptr ? layoutIdOf(spec->layout) : (base != nullptr ? base->instance_layout : 0);
  t->dict_offset = spec->dict_offset != 0 ? spec->dict_offset : (base != nullptr ? base->dict_offset : 0);
  if (spec->dict_offset != 0) t->flags |= type_flags::kHasDict;
  t->weaklist_offset = spec->weakrefable ? -1 : (base != nullptr ? base->weaklist_offset : 0);
  t->slots = spec->slots;
  if (base != nullptr) {
    Slots& s = t->slots;
    const Slots& b = base->slots;
    // tp_hash and tp_richcompare are inherited together, as CPython does.
    bool own_cmp = s.tp_richcompare != nullptr || s.tp_hash != nullptr;
    for (size_t i = 0; i < kSlotDefCount; ++i) {
      const SlotDef& d = kSlotDefs[i];
      if (d.offset == offsetof(Slots, tp_hash) || d.offset == offsetof(Slots, tp_richcompare)) continue;
      if (d.offset == offsetof(Slots, tp_new)) continue;
      if (slotGet(s, d.offset) == nullptr) slotSet(s, d.offset, slotGet(b, d.offset));
    }
    if (!own_cmp) {
      s.tp_richcompare = b.tp_richcompare;
      s.tp_hash = b.tp_hash;
    } else if (s.tp_hash == nullptr) {
      s.tp_hash = hashNotImplemented;  // __eq__ without __hash__: unhashable, as CPython
    }
    // A builtin without tp_new whose base is object cannot be instantiated
    // (CPython's Py_TPFLAGS_DISALLOW_INSTANTIATION); others inherit it.
    if (s.tp_new == nullptr && base != types::object_type) s.tp_new = b.tp_new;
  }
}

bool addToDict(Type* t, Value name, Value value) {
  Value d = t->dict.get();
  int r = dictContains(d, name);
  if (r != 0) return r > 0;
  return dictSet(d, name, value) == 0;
}

// How many entries fillDictFromSpec adds at most: the descriptors, __hash__,
// __new__, __doc__ and __dict__.
int64_t dictEntriesFromSpec(const TypeSpec* spec) {
  int64_t n = static_cast<int64_t>(spec->methods.size() + spec->members.size() + spec->getsets.size()) + 4;
  for (size_t i = 0; i < kSlotDefCount; ++i) {
    const SlotDef& d = kSlotDefs[i];
    if (d.kind != WrapperKind::kNone && d.kind != WrapperKind::kNew && slotGet(spec->slots, d.offset) != nullptr) ++n;
  }
  return n;
}

// The Python-visible part: name, bases, MRO and the dict with descriptors.
bool fillDictFromSpec(Type* t) {
  const TypeSpec* spec = t->spec;
  Value name = internStr(spec->name);
  t->name.set(name);
  t->qualname.set(name);
  Type* base = static_cast<Type*>(t->base.get().asObject());
  t->bases.set(base != nullptr ? newTupleOf({typeValue(base)}) : newTuple(0));
  if (base == nullptr) {
    t->mro.set(newTupleOf({typeValue(t)}));
  } else if (!computeMro(t)) {
    return false;
  }
  Value dict = newDictSized(dictEntriesFromSpec(spec));
  if (dict.isNull()) return false;
  t->dict.set(dict);
  // A descriptor's name is the interned key.
  auto nameOf = [](Value descr) { return static_cast<DescrObj*>(descr.asObject())->name.get(); };
  for (const MethodDef& m : spec->methods) {
    Value v;
    if (m.flags & method_flags::kClassMethod) {
      v = newClassMethodDescriptor(t, &m);
    } else if (m.flags & method_flags::kStaticMethod) {
      v = newStaticMethod(newBuiltinMethod(&m, typeValue(t)));  // m_self is the type, as CPython
    } else {
      v = newMethodDescriptor(t, &m);
    }
    Value key = m.flags & method_flags::kStaticMethod ? internStr(m.name) : nameOf(v);
    if (!addToDict(t, key, v)) return false;
  }
  for (const MemberDef& m : spec->members) {
    Value v = newMemberDescriptor(t, &m);
    if (!addToDict(t, nameOf(v), v)) return false;
  }
  for (const GetSetDef& g : spec->getsets) {
    Value v = newGetSetDescriptor(t, &g);
    if (!addToDict(t, nameOf(v), v)) return false;
  }
  // Wrapper descriptors for the slots the spec fills itself.
  for (size_t i = 0; i < kSlotDefCount; ++i) {
    const SlotDef& d = kSlotDefs[i];
    if (d.kind == WrapperKind::kNone || d.kind == WrapperKind::kNew) continue;
    void* fn = slotGet(spec->slots, d.offset);
    if (fn == nullptr) continue;
    // Sequences concatenate through nb_add where CPython has sq_concat,
    // which gives no __radd__.
    if (d.kind == WrapperKind::kBinaryR && d.offset == offsetof(Slots, nb_add) &&
        (t->hasFlag(type_flags::kStrSubclass | type_flags::kBytesSubclass | type_flags::kListSubclass |
                    type_flags::kTupleSubclass) ||
         t == types::bytearray_type))
      continue;
    Value v;
    if (d.kind == WrapperKind::kHash && fn == reinterpret_cast<void*>(&hashNotImplemented)) {
      v = None();
    } else {
      v = newWrapperDescriptor(t, &d, fn);
    }
    if (!addToDict(t, *d.name, v)) return false;
  }
  if (t->slots.tp_hash == &hashNotImplemented && !addToDict(t, names::__hash__, None())) return false;
  if (spec->slots.tp_new != nullptr) {
    if (!addToDict(t, names::__new__, newBuiltinMethod(&kTpNewWrapperDef, typeValue(t)))) return false;
  }
  if (!addToDict(t, names::__doc__, spec->doc != nullptr ? newStr(spec->doc) : None())) return false;
  // __dict__ where the type introduces it; subtypes find their base's.
  if (spec->dict_offset != 0 && t != types::type_type && (base == nullptr || base->dict_offset == 0) &&
      !addToDict(t, names::__dict__, newGetSetDescriptor(t, &kDictGetSet)))
    return false;
  return true;
}

// Stub specs for builtin_types.def entries no file defines yet, so that
// `types::X` is never null.
std::vector<std::unique_ptr<TypeSpec>> g_stub_specs;

}  // namespace

Type* readyBuiltinType(const TypeSpec* spec, bool immortal) {
  Type* t = allocateType(types::type_type);
  *spec->type = t;
  fillRawFromSpec(t, spec);
  t->flags |= type_flags::kReady;
  if (!fillDictFromSpec(t)) return nullptr;
  if (immortal) g_builtin_types->push_back(typeValue(t));
  if (Type* base = static_cast<Type*>(t->base.get().asObject())) addSubclass(base, t);
  typeModified(t);
  return t;
}

bool initializeTypes() {
  if (g_types_ready) return true;
  g_builtin_types = new gc::RootVector();
  g_cache_entries = new gc::RootVector();
  g_cache_entries->resize(2 * kCacheSize);
  g_weakbox_layout = layoutIdOf(&kWeakBoxLayout);
  layoutIdOf(&kTypeLayout);

  // Stubs for builtin types nobody defined.
  std::vector<const TypeSpec*> specs = registry();
  auto defined = [&](Type** slot) {
    for (const TypeSpec* s : specs)
      if (s->type == slot) return true;
    return false;
  };
#define TERN_BUILTIN_TYPE(id, python_name)                                                 \
  if (!defined(&types::id)) {                                                              \
    g_stub_specs.push_back(std::make_unique<TypeSpec>(TypeSpec{.name = python_name, .type = &types::id})); \
    specs.push_back(g_stub_specs.back().get());                                            \
  }
#include "runtime/objects/builtin_types.def"
#undef TERN_BUILTIN_TYPE
  if (std::getenv("TERN_DEBUG_TYPES") != nullptr) {
    for (auto& s : g_stub_specs) std::fprintf(stderr, "tern: builtin type '%s' has no TypeSpec yet\n", s->name);
  }

  // Bases before subclasses.
  std::vector<const TypeSpec*> ordered;
  std::vector<bool> done(specs.size(), false);
  auto isDone = [&](Type** slot) {
    if (slot == nullptr || slot == &types::object_type) return true;
    for (size_t i = 0; i < specs.size(); ++i)
      if (specs[i]->type == slot) return static_cast<bool>(done[i]);
    return true;  // unknown base: treat as ready (reported below)
  };
  // object and type first.
  for (size_t i = 0; i < specs.size(); ++i)
    if (specs[i]->type == &types::object_type) {
      ordered.push_back(specs[i]);
      done[i] = true;
    }
  for (bool progress = true; progress;) {
    progress = false;
    for (size_t i = 0; i < specs.size(); ++i) {
      if (done[i] || !isDone(specs[i]->base)) continue;
      ordered.push_back(specs[i]);
      done[i] = true;
      progress = true;
    }
  }
  if (ordered.size() != specs.size()) {
    std::fprintf(stderr, "tern: type registry: a cycle among the bases of builtin types\n");
    return false;
  }

  // 1. Every Type object, before any str exists.
  for (const TypeSpec* spec : ordered) {
    if (*spec->type != nullptr) {
      std::fprintf(stderr, "tern: builtin type '%s' registered twice\n", spec->name);
      return false;
    }
    *spec->type = allocateType(nullptr);
    g_builtin_types->push_back(typeValue(*spec->type));
  }
  for (const TypeSpec* spec : ordered) (*spec->type)->ob_type.set(typeValue(types::type_type));
  // 2. Sizes, layouts, slots.
  for (const TypeSpec* spec : ordered) fillRawFromSpec(*spec->type, spec);
  for (const TypeSpec* spec : ordered) (*spec->type)->flags |= type_flags::kReady;

  // 3. Singletons.
  initializeSingletons();

  // 4. Interned names.
  if (!initializeNames()) return false;

  // 5. Names, bases, MROs, dicts.
  for (const TypeSpec* spec : ordered)
    if (!fillDictFromSpec(*spec->type)) return false;
  for (const TypeSpec* spec : ordered) {
    Type* t = *spec->type;
    if (Type* base = static_cast<Type*>(t->base.get().asObject())) addSubclass(base, t);
  }
  for (const TypeSpec* spec : ordered) (*spec->type)->version_tag = g_next_version++;
  g_types_ready = true;
  return initializeExceptions();
}

// ===========================================================================
// Classes defined in Python

namespace {

// `__x` in class C becomes `_C__x` (leading underscores of C stripped).
Value mangle(Value class_name, Value name) {
  std::string n = strToUtf8(name);
  if (n.size() < 2 || n[0] != '_' || n[1] != '_') return name;
  if (n.size() >= 4 && n.compare(n.size() - 2, 2, "__") == 0) return name;
  if (n.find('.') != std::string::npos) return name;
  std::string c = strToUtf8(class_name);
  size_t i = c.find_first_not_of('_');
  if (i == std::string::npos) return name;
  return newStr("_" + c.substr(i) + n);
}

const GetSetDef kDictGetSet = {.name = "__dict__", .get = getDunderDict, .set = setDunderDict,
                               .doc = "dictionary for instance variables (if defined)"};
const GetSetDef kWeakrefGetSet = {.name = "__weakref__", .get = getDunderWeakref,
                                  .doc = "list of weak references to the object (if defined)"};

// The __dict__ descriptor of the first builtin type along `t`'s base chain
// that defines its own (type, module, BaseException, function...), or null.
// An instance of `class M(types.ModuleType, Base)` reaches this descriptor
// through Base, yet its __dict__ is the module's: CPython's subtype_getdict
// and subtype_setdict defer to the builtin base's descriptor
// (get_builtin_base_with_dict).
// *generic is set when the builtin type found gives its instances a dict the
// generic way, with this very descriptor (nothing to defer to then, but the
// dict cannot be deleted: CPython's PyObject_GenericSetDict).
Value builtinDictDescriptor(Type* t, bool* generic = nullptr) {
  for (; t != nullptr && t != types::object_type; t = static_cast<Type*>(t->base.get().asObject())) {
    if (t->hasFlag(type_flags::kHeapType)) continue;
    Value d = dictGet(t->dict.get(), names::__dict__);
    if (d.isNull()) continue;
    bool is_generic = typeOf(d) == types::getset_descriptor_type &&
                      static_cast<GetSetDescrObj*>(d.asObject())->def == &kDictGetSet;
    if (generic != nullptr) *generic = is_generic;
    return is_generic ? Value() : d;
  }
  return Value();
}

Value getDunderDict(Value self) {
  Value builtin = builtinDictDescriptor(typeOf(self));
  if (!builtin.isNull()) {
    DescrGetFn get = typeOf(builtin)->slots.tp_descr_get;
    return get == nullptr ? builtin : get(builtin, self, typeValue(typeOf(self)));
  }
  Value d = instanceDict(self);
  if (d.isNull() && !errorPending())
    return raisef(exc::AttributeError, "This object has no __dict__");
  return d;
}

int setDunderDict(Value self, Value value) {
  bool builtin_generic = false;
  Value builtin = builtinDictDescriptor(typeOf(self), &builtin_generic);
  if (!builtin.isNull()) {
    DescrSetFn set = typeOf(builtin)->slots.tp_descr_set;
    if (set != nullptr) return set(builtin, self, value);
    raisef(exc::AttributeError, "attribute '__dict__' of '%s' objects is not writable", typeNameOf(self).c_str());
    return -1;
  }
  Type* t = typeOf(self);
  if (t->dict_offset == 0) {
    raisef(exc::AttributeError, "This object has no __dict__");
    return -1;
  }
  // Deleting leaves no dict (a new empty one is made on next use), as
  // CPython's classes allow; not a builtin type's.
  if (value.isNull() && builtin_generic) {
    raise(exc::TypeError, "cannot delete __dict__");
    return -1;
  }
  if (!value.isNull() && !isDict(value)) {
    raisef(exc::TypeError, "__dict__ must be set to a dictionary, not a '%s'", typeNameOf(value).c_str());
    return -1;
  }
  Value old = instanceSlot(self, t->dict_offset)->get();
  instanceSlot(self, t->dict_offset)->set(value);
  if (isShape(old)) {  // the inline attributes are dropped with their shape
    for (int64_t i = 0; i < asShape(old)->count; ++i) inlineWords(self, t)[i].set(Value());
  }
  return 0;
}

Value getDunderWeakref(Value) { return None(); }

bool wrapImplicit(Value dict, Value name, bool classmethod) {
  Value v = dictGet(dict, name);
  if (v.isNull()) return !errorPending();
  if (!isFunction(v)) return true;
  Value w = classmethod ? newClassMethod(v) : newStaticMethod(v);
  return dictSet(dict, name, w) == 0;
}

// The metaclass of a class with these bases: the most derived of `meta`
// and the bases' metaclasses.
Type* calculateMetaclass(Type* meta, Value bases) {
  Type* winner = meta;
  for (int64_t i = 0; i < tupleLength(bases); ++i) {
    Type* t = typeOf(tupleItem(bases, i));
    if (isSubtype(winner, t)) continue;
    if (isSubtype(t, winner)) {
      winner = t;
      continue;
    }
    raise(exc::TypeError,
          "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the "
          "metaclasses of all its bases");
    return nullptr;
  }
  return winner;
}

namespace {

// A class name or __doc__ becomes C text (CPython's tp_name, tp_doc): it must
// encode to UTF-8; a name must not hold NUL either.  False with the error.
bool checkTypeText(Value text, bool is_name) {
  if (strimpl::encodeStr(text, Value(), Value()).isNull()) return false;
  if (is_name && strToUtf8(text).find('\0') != std::string::npos) {
    raise(exc::ValueError, "type name must not contain null characters");
    return false;
  }
  return true;
}

}  // namespace

Value type_tp_new_impl(Type* meta, Value name, Value bases, Value ns, Value kwargs);

}  // namespace

Value newClass(Type* metatype, Value name, Value bases, Value ns, Value kwargs) {
  return type_tp_new_impl(metatype, name, bases, ns, kwargs);
}

namespace {

// __set_name__ and __init_subclass__ of a new class.
bool setNames(Type* type) {
  Value items = dictCopy(type->dict.get());
  if (items.isNull()) return false;
  int64_t pos = 0;
  Value k, v;
  while (dictNext(items, &pos, &k, &v)) {
    Value fn = typeLookup(typeOf(v), names::__set_name__);
    if (fn.isNull()) {
      if (errorPending()) return false;
      continue;
    }
    Value args[3] = {v, typeValue(type), k};
    Value r = call(fn, args, 3);
    if (r.isNull()) {
      Value cause = takeError();
      raisef(exc::RuntimeError, "Error calling __set_name__ on '%s' instance %s in '%s'", typeNameOf(v).c_str(),
             strToUtf8(repr(k)).c_str(), typeName(type).c_str());
      Value e = pendingError();
      if (!e.isNull()) {
        static_cast<BaseExceptionObj*>(e.asObject())->cause.set(cause);
        static_cast<BaseExceptionObj*>(e.asObject())->suppress_context = 1;
      }
      return false;
    }
  }
  return true;
}

bool initSubclass(Type* type, Value kwargs) {
  // super(type, type).__init_subclass__(**kwargs)
  Value mro = type->mro.get();
  Value fn;
  for (int64_t i = 1; i < tupleLength(mro); ++i) {
    Value d = asType(tupleItem(mro, i))->dict.get();
    fn = dictGet(d, names::__init_subclass__);
    if (!fn.isNull()) break;
  }
  if (fn.isNull()) return !errorPending();
  DescrGetFn get = typeOf(fn)->slots.tp_descr_get;
  if (get != nullptr) {
    fn = get(fn, typeValue(type), typeValue(type));
    if (fn.isNull()) return false;
  }
  Value r = callTupleDict(fn, newTuple(0), kwargs);
  return !r.isNull();
}

Value type_tp_new_impl(Type* meta, Value name, Value bases, Value ns, Value kwargs) {
  if (!isStr(name))
    return raisef(exc::TypeError, "type.__new__() argument 1 must be str, not %s", typeNameOf(name).c_str());
  if (!checkTypeText(name, true)) return Value();
  if (!isTuple(bases))
    return raisef(exc::TypeError, "type.__new__() argument 2 must be tuple, not %s", typeNameOf(bases).c_str());
  if (!isDict(ns))
    return raisef(exc::TypeError, "type.__new__() argument 3 must be dict, not %s", typeNameOf(ns).c_str());

  // Metaclass: the most derived one; another one's __new__ takes over.
  for (int64_t i = 0; i < tupleLength(bases); ++i) {
    Value b = tupleItem(bases, i);
    if (!isType(b)) {
      Value me = lookupAttr(b, names::__mro_entries__);
      if (!me.isNull())
        return raise(exc::TypeError, "type() doesn't support MRO entry resolution; use types.new_class()");
      if (errorPending()) return Value();
    }
  }
  Type* winner = calculateMetaclass(meta, bases);
  if (winner == nullptr) return Value();
  if (winner != meta && winner->slots.tp_new != types::type_type->slots.tp_new) {
    Value storage, kwnames;
    if (!toVectorcall(newTupleOf({name, bases, ns}), kwargs, &storage, &kwnames)) return Value();
    size_t nk = kwnames.isNull() ? 0 : static_cast<size_t>(tupleLength(kwnames));
    return winner->slots.tp_new(winner, tupleItems(storage), static_cast<size_t>(tupleLength(storage)) - nk, kwnames);
  }
  meta = winner;

  if (tupleLength(bases) == 0) bases = newTupleOf({typeValue(types::object_type)});
  for (int64_t i = 0; i < tupleLength(bases); ++i) {
    Value b = tupleItem(bases, i);
    if (!isType(b)) return raise(exc::TypeError, "bases must be types");
    if (!asType(b)->hasFlag(type_flags::kBaseType))
      return raisef(exc::TypeError, "type '%s' is not an acceptable base type", typeName(asType(b)).c_str());
    for (int64_t j = 0; j < i; ++j)
      if (tupleItem(bases, j) == b)
        return raisef(exc::TypeError, "duplicate base class %s", typeName(asType(b)).c_str());
  }
  Type* base = bestBase(bases);
  if (base == nullptr) return Value();

  Value dict = dictCopy(ns);
  if (dict.isNull()) return Value();

  // __slots__
  bool var_sized = base->item_size != 0 ||
                   (base->flags & (type_flags::kIntSubclass | type_flags::kStrSubclass | type_flags::kBytesSubclass |
                                   type_flags::kTupleSubclass)) != 0;
  bool cpython_var = (base->flags & (type_flags::kIntSubclass | type_flags::kBytesSubclass |
                                     type_flags::kTupleSubclass | type_flags::kTypeSubclass)) != 0;
  bool may_add_dict = base->dict_offset == 0;
  bool may_add_weak = base->weaklist_offset == 0 && !cpython_var;
  bool add_dict = false, add_weak = false;
  Value slots_value = dictGet(dict, names::__slots__);
  Value slot_names;  // tuple of mangled names, sorted (without __dict__/__weakref__)
  if (slots_value.isNull()) {
    if (errorPending()) return Value();
    add_dict = may_add_dict;
    add_weak = may_add_weak;
  } else {
    Value seq = isStr(slots_value) ? newTupleOf({slots_value}) : tupleFromIterable(slots_value);
    if (seq.isNull()) return Value();
    int64_t n = tupleLength(seq);
    gc::RootVector kept;
    for (int64_t i = 0; i < n; ++i) {
      Value s = tupleItem(seq, i);
      if (!isStr(s))
        return raisef(exc::TypeError, "__slots__ items must be strings, not '%s'", typeNameOf(s).c_str());
      if (!compiler::is_identifier(strToUtf8(s))) return raise(exc::TypeError, "__slots__ must be identifiers");
      if (strEquals(s, names::__dict__)) {
        if (!may_add_dict || add_dict) return raise(exc::TypeError, "__dict__ slot disallowed: we already got one");
        add_dict = true;
        continue;
      }
      if (strEquals(s, names::__weakref__)) {
        if (!may_add_weak || add_weak)
          return raise(exc::TypeError,
                       "__weakref__ slot disallowed: either we already got one, or __itemsize__ != 0");
        add_weak = true;
        continue;
      }
      Value m = mangle(name, s);
      int r = dictContains(dict, m);
      if (r < 0) return Value();
      // The compiler puts __qualname__ and __classcell__ in the namespace;
      // both are taken out below, so neither is a class variable.
      if (r > 0 && !strEquals(m, names::__qualname__) && !strEquals(m, names::__classcell__))
        return raisef(exc::ValueError, "%s in __slots__ conflicts with class variable", strToUtf8(repr(s)).c_str());
      kept.push_back(intern(m));
    }
    if (kept.size() > 0 && cpython_var)
      return raisef(exc::TypeError, "nonempty __slots__ not supported for subtype of '%s'", typeName(base).c_str());
    // Sorted as CPython sorts them (indices: Values must not sit in a std::vector).
    std::vector<size_t> order(kept.size());
    for (size_t j = 0; j < order.size(); ++j) order[j] = j;
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return strCompare(kept[a], kept[b]) < 0; });
    slot_names = newTuple(static_cast<int64_t>(order.size()));
    for (size_t j = 0; j < order.size(); ++j) tupleInit(slot_names, static_cast<int64_t>(j), kept[order[j]]);
    // A second base with a __dict__ gives one (CPython: "may_add_dict" of the others).
    for (int64_t i = 0; i < tupleLength(bases); ++i) {
      Type* b = asType(tupleItem(bases, i));
      if (b != base && b->dict_offset != 0 && may_add_dict) add_dict = true;
      if (b != base && b->weaklist_offset != 0 && may_add_weak) add_weak = true;
    }
  }

  // Namespace fix-ups.
  Value qualname = dictGet(dict, names::__qualname__);
  if (!qualname.isNull()) {
    if (!isStr(qualname))
      return raisef(exc::TypeError, "type __qualname__ must be a str, not %s", typeNameOf(qualname).c_str());
    if (dictDel(dict, names::__qualname__) < 0) return Value();
  } else {
    if (errorPending()) return Value();
    qualname = name;
  }
  Value cell = dictGet(dict, names::__classcell__);
  if (!cell.isNull()) {
    if (!isCell(cell))
      return raisef(exc::TypeError, "__classcell__ must be a nonlocal cell, not %s",
                    strToUtf8(repr(typeValue(typeOf(cell)))).c_str());
    if (dictDel(dict, names::__classcell__) < 0) return Value();
  } else if (errorPending()) {
    return Value();
  }
  int has_module = dictContains(dict, names::__module__);
  if (has_module < 0) return Value();
  if (has_module == 0) {
    interp::Frame* frame = interp::currentFrame();
    if (frame != nullptr && isDict(frame->globals)) {
      Value mod = dictGet(frame->globals, names::__name__);
      if (!mod.isNull() && dictSet(dict, names::__module__, mod) < 0) return Value();
    }
  }
  Value doc = dictGet(dict, names::__doc__);
  if (doc.isNull()) {
    if (errorPending() || dictSet(dict, names::__doc__, None()) < 0) return Value();
  } else if (isStr(doc) && !checkTypeText(doc, false)) {
    return Value();
  }
  if (!wrapImplicit(dict, names::__new__, false)) return Value();
  if (!wrapImplicit(dict, names::__init_subclass__, true)) return Value();
  if (!wrapImplicit(dict, names::__class_getitem__, true)) return Value();
  int has_eq = dictContains(dict, names::__eq__);
  int has_hash = dictContains(dict, names::__hash__);
  if (has_eq < 0 || has_hash < 0) return Value();
  if (has_eq > 0 && has_hash == 0 && dictSet(dict, names::__hash__, None()) < 0) return Value();

  // The type object.
  Type* type = allocateType(meta);
  Value tv = typeValue(type);
  type->flags = type_flags::kHeapType | type_flags::kBaseType | (base->flags & kInheritedFlags);
  type->name.set(intern(name));
  type->qualname.set(qualname);
  type->bases.set(bases);
  type->base.set(typeValue(base));
  type->dict.set(dict);
  type->slot_names.set(slot_names);

  // Instance layout.
  int64_t nslots = slot_names.isNull() ? 0 : tupleLength(slot_names);
  // Weak references need no word in the instance (they live in the weakref
  // objects): __weakref__ only marks the class weakly referenceable.
  int64_t extra_words = nslots + (add_dict ? 1 : 0);
  type->item_size = base->item_size;
  type->dict_offset = base->dict_offset;
  type->weaklist_offset = base->weaklist_offset;
  std::vector<int64_t> offsets;
  if (var_sized) {
    uint32_t inherited = trailingWords(base);
    for (int64_t i = 0; i < extra_words; ++i) offsets.push_back(-8 * static_cast<int64_t>(inherited + extra_words - i));
    type->basic_size = base->basic_size;
    uint64_t total = inherited + static_cast<uint64_t>(extra_words);
    type->flags = (type->flags & ~(uint64_t{0xffff} << kTrailingShift)) | (total << kTrailingShift);
  } else {
    for (int64_t i = 0; i < extra_words; ++i) offsets.push_back(base->basic_size + 8 * i);
    type->basic_size = base->basic_size + static_cast<uint32_t>(8 * extra_words);
  }
  // Inline attribute words (instance_attrs.h): right after the __dict__ word
  // this class adds, or the base's area, lengthened when it ends the base's
  // instance and this class adds no words of its own.  Sized for the names
  // the methods store on `self`, with room to spare.
  if (!var_sized && nativeBase(base) == types::object_type && (add_dict || base->inline_count > 0)) {
    int64_t want = countSelfAttributeNames(base->mro.get(), dict) + 2;
    uint32_t words = static_cast<uint32_t>(std::clamp<int64_t>(want, 4, kMaxInlineWords));
    if (add_dict) {
      type->inline_offset = static_cast<int32_t>(type->basic_size);
      type->inline_count = words;
      type->basic_size += 8 * words;
    } else {
      type->inline_offset = base->inline_offset;
      type->inline_count = base->inline_count;
      bool at_end = base->inline_offset + 8 * base->inline_count == base->basic_size;
      if (nslots == 0 && at_end && words > base->inline_count) {
        type->basic_size += 8 * (words - base->inline_count);
        type->inline_count = words;
      }
    }
  }
  std::vector<uint32_t> fixed_fields;
  if (!var_sized)
    for (int64_t o : offsets) fixed_fields.push_back(static_cast<uint32_t>(o));
  gc::LayoutId base_layout = base->instance_layout;
  if (base->hasFlag(type_flags::kHeapType)) {
    // Extend the native layout, re-adding the heap bases' words.
    Type* native = nativeBase(base);
    base_layout = native->instance_layout;
    const gc::Layout& bl = gc::layoutOf(base->instance_layout);
    const gc::Layout& nl = gc::layoutOf(native->instance_layout);
    for (uint32_t f : bl.fields)
      if (std::find(nl.fields.begin(), nl.fields.end(), f) == nl.fields.end()) fixed_fields.push_back(f);
  }
  type->instance_layout =
      heapLayout(base_layout, fixed_fields, var_sized, static_cast<uint32_t>(type->inline_offset));
  int64_t next = 0;
  gc::RootVector members;
  for (int64_t i = 0; i < nslots; ++i) {
    Value m = newSlotMemberDescriptor(type, tupleItem(slot_names, i), offsets[next++]);
    if (dictSet(dict, tupleItem(slot_names, i), m) < 0) return Value();
  }
  if (add_dict) {
    type->dict_offset = static_cast<int32_t>(offsets[next++]);
    type->flags |= type_flags::kHasDict;
  }
  if (add_weak) type->weaklist_offset = -1;
  // __dict__ / __weakref__ getsets where this class introduces them.
  if (add_dict && dictContains(dict, names::__dict__) == 0 &&
      dictSet(dict, names::__dict__, newGetSetDescriptor(type, &kDictGetSet)) < 0)
    return Value();
  if (add_weak && dictContains(dict, names::__weakref__) == 0 &&
      dictSet(dict, names::__weakref__, newGetSetDescriptor(type, &kWeakrefGetSet)) < 0)
    return Value();

  if (!computeMro(type)) return Value();
  type->flags |= type_flags::kReady;
  for (int64_t i = 0; i < tupleLength(bases); ++i) addSubclass(asType(tupleItem(bases, i)), type);
  typeModified(type);
  updateSlots(type, Value());
  // (An __abstractmethods__ entry in the namespace does not make the class
  // abstract: only assigning the attribute does, as in CPython.)
  if (!cell.isNull()) asCell(cell)->contents.set(tv);
  if (!setNames(type)) return Value();
  if (!initSubclass(type, kwargs)) return Value();
  return tv;
}

}  // namespace

// ===========================================================================
// __bases__ assignment

namespace {

struct MroUpdate {
  bool ok = true;
};

void recomputeMroRecursive(Type* type, void* data) {
  auto* u = static_cast<MroUpdate*>(data);
  if (!u->ok) return;
  if (!computeMro(type)) {
    u->ok = false;
    return;
  }
  forEachSubclass(type, recomputeMroRecursive, data);
}

}  // namespace

int typeSetForeignBases(Type* type, Value bases) {
  Value old_bases = type->bases.get();
  type->bases.set(bases);
  if (!computeMro(type)) {
    type->bases.set(old_bases);
    return -1;
  }
  if (!old_bases.isNull())
    for (int64_t i = 0; i < tupleLength(old_bases); ++i) removeSubclass(asType(tupleItem(old_bases, i)), type);
  for (int64_t i = 0; i < tupleLength(bases); ++i) addSubclass(asType(tupleItem(bases, i)), type);
  typeModified(type);
  return 0;
}

bool typesLayoutCompatible(Type* a, Type* b) {
  // The inline attribute areas may differ in length: an instance whose class
  // is reassigned keeps its attributes in a dict from then on (object.cc).
  if (a->basic_size - 8 * a->inline_count != b->basic_size - 8 * b->inline_count ||
      a->inline_offset != b->inline_offset || a->item_size != b->item_size || a->dict_offset != b->dict_offset ||
      trailingWords(a) != trailingWords(b))
    return false;
  // As CPython: the solid bases must be the same, or siblings that add the
  // same slots.
  Type* sa = solidBase(a);
  Type* sb = solidBase(b);
  if (sa != sb) {
    if (sa->base.get() != sb->base.get() || !sa->hasFlag(type_flags::kHeapType) || !sb->hasFlag(type_flags::kHeapType))
      return false;
    Value na = sa->slot_names.get(), nb = sb->slot_names.get();
    int64_t la = na.isNull() ? 0 : tupleLength(na), lb = nb.isNull() ? 0 : tupleLength(nb);
    if (la != lb) return false;
    for (int64_t i = 0; i < la; ++i)
      if (!strEquals(tupleItem(na, i), tupleItem(nb, i))) return false;
  }
  // The same references at the same places (layout ids differ between a
  // builtin and its subclasses, which add a finalizer).
  const gc::Layout& la = gc::layoutOf(a->instance_layout);
  const gc::Layout& lb = gc::layoutOf(b->instance_layout);
  std::vector<uint32_t> fa(la.fields.begin(), la.fields.end()), fb(lb.fields.begin(), lb.fields.end());
  std::sort(fa.begin(), fa.end());
  std::sort(fb.begin(), fb.end());
  return fa == fb && la.trailing_refs_from == lb.trailing_refs_from && (la.trace == nullptr) == (lb.trace == nullptr);
}

namespace {

bool inBaseChain(Type* sub, Type* base) {
  for (Type* t = sub; t != nullptr; t = static_cast<Type*>(t->base.get().asObject()))
    if (t == base) return true;
  return false;
}

}  // namespace

int typeSetBases(Type* type, Value bases) {
  if (!isTuple(bases)) {
    raisef(exc::TypeError, "can only assign tuple to %s.__bases__, not %s", typeName(type).c_str(),
           typeNameOf(bases).c_str());
    return -1;
  }
  if (tupleLength(bases) == 0) {
    raisef(exc::TypeError, "can only assign non-empty tuple to %s.__bases__, not ()", typeName(type).c_str());
    return -1;
  }
  for (int64_t i = 0; i < tupleLength(bases); ++i) {
    Value b = tupleItem(bases, i);
    if (!isType(b)) {
      raisef(exc::TypeError, "%s.__bases__ must be tuple of classes, not '%s'", typeName(type).c_str(),
             typeNameOf(b).c_str());
      return -1;
    }
    // The base chain too: a reentrant assignment from a metaclass's mro() has
    // set `base` already but not yet the MRO that isSubtype reads.
    if (isSubtype(asType(b), type) || inBaseChain(asType(b), type)) {
      raise(exc::TypeError, "a __bases__ item causes an inheritance cycle");
      return -1;
    }
    if (!asType(b)->hasFlag(type_flags::kBaseType)) {
      raisef(exc::TypeError, "type '%s' is not an acceptable base type", typeName(asType(b)).c_str());
      return -1;
    }
  }
  Type* new_base = bestBase(bases);
  if (new_base == nullptr) return -1;
  Type* old_base = static_cast<Type*>(type->base.get().asObject());
  if (g_types_ready && type->hasFlag(type_flags::kHeapType) && old_base != nullptr) {
    Type* probe_old = old_base;
    Type* probe_new = new_base;
    // The new base must give instances the same layout as the old one.
    bool ok = solidBase(probe_old) == solidBase(probe_new);
    if (!ok) {
      raisef(exc::TypeError, "__bases__ assignment: '%s' object layout differs from '%s'",
             typeName(new_base).c_str(), typeName(old_base).c_str());
      return -1;
    }
  }
  Value old_bases = type->bases.get();
  Value old_mro = type->mro.get();
  type->bases.set(bases);
  type->base.set(typeValue(new_base));
  MroUpdate u;
  recomputeMroRecursive(type, &u);
  // A metaclass's mro() may have assigned __bases__ again meanwhile: that
  // inner assignment then did (or undid) the bookkeeping below.
  bool reentered = type->bases.get() != bases;
  if (!u.ok) {
    if (reentered) return -1;
    type->bases.set(old_bases);
    type->base.set(old_base != nullptr ? typeValue(old_base) : Value());
    type->mro.set(old_mro);
    MroUpdate ignore;
    forEachSubclass(type, recomputeMroRecursive, &ignore);
    return -1;
  }
  if (reentered) return 0;
  if (!old_bases.isNull())
    for (int64_t i = 0; i < tupleLength(old_bases); ++i) removeSubclass(asType(tupleItem(old_bases, i)), type);
  for (int64_t i = 0; i < tupleLength(bases); ++i) addSubclass(asType(tupleItem(bases, i)), type);
  typeModified(type);
  if (type->hasFlag(type_flags::kHeapType)) updateSlots(type, Value());
  return 0;
}

// ===========================================================================
// The Python surface of `type`

namespace {

Value typeModuleValue(Type* t) {
  if (t->hasFlag(type_flags::kHeapType)) {
    Value m = dictGet(t->dict.get(), names::__module__);
    if (m.isNull() && !errorPending()) return raise(exc::AttributeError, "__module__");
    return m;
  }
  // Interned, as CPython's: pickle memoizes the module name by identity.
  if (t->spec != nullptr && t->spec->module != nullptr) return internStr(t->spec->module);
  return names::builtins;
}

Value type_repr(Value self) {
  Type* t = asType(self);
  Value mod = typeModuleValue(t);
  if (mod.isNull()) clearError();
  Value qual = t->hasFlag(type_flags::kHeapType) ? t->qualname.get() : t->name.get();
  std::string q = strToUtf8(qual);
  if (!mod.isNull() && isStr(mod) && !strEqualsAscii(mod, "builtins"))
    return newStr("<class '" + strToUtf8(mod) + "." + q + "'>");
  return newStr("<class '" + q + "'>");
}

Value type_call(Value callable, const Value* args, size_t nargs, Value kwnames) {
  Type* type = asType(callable);
  bool has_kw = !kwnames.isNull() && tupleLength(kwnames) > 0;
  if (type == types::type_type && nargs == 1 && !has_kw) return typeValue(typeOf(args[0]));
  if (type->slots.tp_new == nullptr)
    return raisef(exc::TypeError, "cannot create '%s' instances", typeName(type).c_str());
  Value obj = type->slots.tp_new(type, args, nargs, kwnames);
  if (obj.isNull()) return Value();
  if (!isInstance(obj, type)) return obj;
  Type* t = typeOf(obj);
  if (t->slots.tp_init != nullptr) {
    if (t->slots.tp_init(obj, args, nargs, kwnames) < 0) return Value();
  }
  return obj;
}

Value kwDict(const Value* args, size_t nargs, Value kwnames) {
  Value d = newDict();
  if (kwnames.isNull()) return d;
  for (int64_t i = 0; i < tupleLength(kwnames); ++i)
    if (dictSet(d, tupleItem(kwnames, i), args[nargs + i]) < 0) return Value();
  return d;
}

Value type_tp_new(Type* meta, const Value* args, size_t nargs, Value kwnames) {
  bool has_kw = !kwnames.isNull() && tupleLength(kwnames) > 0;
  if (meta == types::type_type && nargs == 1 && !has_kw) return typeValue(typeOf(args[0]));
  if (nargs != 3) {
    if (meta == types::type_type || nargs == 1 || nargs == 0) {
      if (meta != types::type_type)
        return raisef(exc::TypeError, "type.__new__() takes exactly 3 arguments (%zu given)", nargs);
      return raise(exc::TypeError, "type() takes 1 or 3 arguments");
    }
    return raisef(exc::TypeError, "type.__new__() takes exactly 3 arguments (%zu given)", nargs);
  }
  Value kw = kwDict(args, nargs, kwnames);
  if (kw.isNull()) return Value();
  return newClass(meta, args[0], args[1], args[2], kw);
}

int type_init(Value, const Value* args, size_t nargs, Value kwnames) {
  bool has_kw = !kwnames.isNull() && tupleLength(kwnames) > 0;
  (void)args;
  if (has_kw && nargs == 1) {
    raise(exc::TypeError, "type.__init__() takes no keyword arguments");
    return -1;
  }
  if (nargs != 1 && nargs != 3) {
    raise(exc::TypeError, "type.__init__() takes 1 or 3 arguments");
    return -1;
  }
  return 0;
}

Value raiseTypeAttributeError(Type* t, Value name) {
  Value r = raisef(exc::AttributeError, "type object '%s' has no attribute '%s'", typeName(t).c_str(),
                   strToUtf8(name).c_str());
  Value e = pendingError();
  if (!e.isNull() && isInstance(e, exc::AttributeError)) {
    static_cast<AttributeErrorObj*>(e.asObject())->name.set(name);
    static_cast<AttributeErrorObj*>(e.asObject())->obj.set(typeValue(t));
  }
  return r;
}

}  // namespace

Value typeGetAttrImpl(Value self, Value name, bool suppress);

Value typeGetAttr(Value self, Value name) { return typeGetAttrImpl(self, name, false); }

// `suppress`: absent gives null without an exception (lookupAttr's fast path).
Value typeGetAttrImpl(Value self, Value name, bool suppress) {
  if (!isStr(name))
    return raisef(exc::TypeError, "attribute name must be string, not '%s'", typeNameOf(name).c_str());
  Type* type = asType(self);
  Type* meta = typeOf(self);
  Value meta_attr = typeLookup(meta, name);
  DescrGetFn meta_get = nullptr;
  if (!meta_attr.isNull()) {
    Type* mt = typeOf(meta_attr);
    meta_get = mt->slots.tp_descr_get;
    if (meta_get != nullptr && mt->slots.tp_descr_set != nullptr) {
      Value r = meta_get(meta_attr, self, typeValue(meta));
      if (r.isNull() && suppress && errorMatches(exc::AttributeError)) clearError();
      return r;
    }
  } else if (errorPending()) {
    return Value();
  }
  Value attr = typeLookup(type, name);
  if (!attr.isNull()) {
    DescrGetFn local_get = typeOf(attr)->slots.tp_descr_get;
    if (local_get != nullptr) {
      Value r = local_get(attr, Value(), self);
      if (r.isNull() && suppress && errorMatches(exc::AttributeError)) clearError();
      return r;
    }
    return attr;
  }
  if (errorPending()) return Value();
  if (meta_get != nullptr) {
    Value r = meta_get(meta_attr, self, typeValue(meta));
    if (r.isNull() && suppress && errorMatches(exc::AttributeError)) clearError();
    return r;
  }
  if (!meta_attr.isNull()) return meta_attr;
  if (suppress) return Value();
  return raiseTypeAttributeError(type, name);
}

int typeSetAttr(Value self, Value name, Value value) {
  Type* type = asType(self);
  if (!isStr(name)) {
    raisef(exc::TypeError, "attribute name must be string, not '%s'", typeNameOf(name).c_str());
    return -1;
  }
  if (!type->hasFlag(type_flags::kHeapType) || type->hasFlag(type_flags::kImmutable)) {
    raisef(exc::TypeError, "cannot set '%s' attribute of immutable type '%s'", strToUtf8(name).c_str(),
           typeName(type).c_str());
    return -1;
  }
  if (isExactStr(name)) name = intern(name);
  Type* meta = typeOf(self);
  Value descr = typeLookup(meta, name);
  if (!descr.isNull()) {
    DescrSetFn set = typeOf(descr)->slots.tp_descr_set;
    if (set != nullptr) {
      int r = set(descr, self, value);
      if (r == 0) typeModified(type);
      return r;
    }
  } else if (errorPending()) {
    return -1;
  }
  Value dict = type->dict.get();
  if (value.isNull()) {
    int r = dictDel(dict, name);
    if (r < 0) return -1;
    if (r == 0) {
      raiseTypeAttributeError(type, name);
      return -1;
    }
  } else if (dictSet(dict, name, value) < 0) {
    return -1;
  }
  typeModified(type);
  std::string n = strToUtf8(name);
  if (n.size() > 4 && n.compare(0, 2, "__") == 0 && n.compare(n.size() - 2, 2, "__") == 0) updateSlots(type, name);
  if (n == "__abstractmethods__") {
    int t = value.isNull() ? 0 : isTrue(value);
    if (t < 0) return -1;
    type->flags = t ? (type->flags | type_flags::kAbstract) : (type->flags & ~type_flags::kAbstract);
  }
  return 0;
}

namespace {

Type* selfType(Value* args) { return asType(args[0]); }

Value type_mro(Value* args) {
  Type* t = selfType(args);
  Value mro;
  if (t->hasFlag(type_flags::kHeapType) || t->mro.get().isNull()) {
    mro = defaultMro(t);
    if (mro.isNull()) return Value();
  } else {
    mro = t->mro.get();
  }
  Value l = newList(tupleLength(mro));
  for (int64_t i = 0; i < tupleLength(mro); ++i) listAppend(l, tupleItem(mro, i));
  return l;
}

void appendSub(Type* sub, void* data) { listAppend(*static_cast<Value*>(data), typeValue(sub)); }

Value type___subclasses__(Value* args) {
  Value l = newList(0);
  forEachSubclass(selfType(args), appendSub, &l);
  return l;
}

Value type___instancecheck__(Value* args) {
  int r = realIsInstance(args[1], args[0]);
  if (r < 0) return Value();
  return Bool(r);
}

Value type___subclasscheck__(Value* args) {
  int r = realIsSubclass(args[1], args[0]);
  if (r < 0) return Value();
  return Bool(r);
}

Value type___prepare__(Value*) { return newDict(); }

Value type___dir__(Value* args) {
  Value result = newDict();
  Value mro = selfType(args)->mro.get();
  for (int64_t i = tupleLength(mro) - 1; i >= 0; --i) {
    if (dictUpdate(result, asType(tupleItem(mro, i))->dict.get()) < 0) return Value();
  }
  return dictKeysList(result);
}

Value type___sizeof__(Value* args) {
  (void)args;
  return newInt(static_cast<int64_t>(sizeof(Type)));
}

// --- getsets ---

// CPython's check_set_special_type_attr: __name__, __qualname__, __bases__,
// __module__ and __doc__ of a static (or immutable) type cannot be set, and
// of no type deleted -- also through the descriptor's __set__/__delete__,
// which typeSetAttr's check does not see.
bool checkSpecialTypeAttr(Type* t, Value v, const char* name) {
  if (!t->hasFlag(type_flags::kHeapType) || t->hasFlag(type_flags::kImmutable)) {
    raisef(exc::TypeError, "cannot set '%s' attribute of immutable type '%s'", name, typeName(t).c_str());
    return false;
  }
  if (v.isNull()) {
    raisef(exc::TypeError, "cannot delete '%s' attribute of immutable type '%s'", name, typeName(t).c_str());
    return false;
  }
  return true;
}

Value type_get_name(Value self) { return asType(self)->name.get(); }
int type_set_name(Value self, Value v) {
  Type* t = asType(self);
  if (!checkSpecialTypeAttr(t, v, "__name__")) return -1;
  if (!isStr(v)) {
    raisef(exc::TypeError, "can only assign string to %s.__name__, not '%s'", typeName(t).c_str(),
           typeNameOf(v).c_str());
    return -1;
  }
  if (!checkTypeText(v, true)) return -1;
  t->name.set(v);
  return 0;
}

Value type_get_qualname(Value self) {
  Type* t = asType(self);
  return t->hasFlag(type_flags::kHeapType) ? t->qualname.get() : t->name.get();
}
int type_set_qualname(Value self, Value v) {
  Type* t = asType(self);
  if (!checkSpecialTypeAttr(t, v, "__qualname__")) return -1;
  if (!isStr(v)) {
    raisef(exc::TypeError, "can only assign string to %s.__qualname__, not '%s'", typeName(t).c_str(),
           typeNameOf(v).c_str());
    return -1;
  }
  t->qualname.set(v);
  return 0;
}

Value type_get_bases(Value self) { return asType(self)->bases.get(); }
int type_set_bases(Value self, Value v) {
  Type* t = asType(self);
  if (!checkSpecialTypeAttr(t, v, "__bases__")) return -1;
  return typeSetBases(t, v);
}
Value type_get_mro(Value self) {
  Value m = asType(self)->mro.get();
  return m.isNull() ? None() : m;
}
Value type_get_base(Value self) {
  Value b = asType(self)->base.get();
  return b.isNull() ? None() : b;
}
Value type_get_dict(Value self) { return newMappingProxy(asType(self)->dict.get()); }
Value type_get_module(Value self) { return typeModuleValue(asType(self)); }
int type_set_module(Value self, Value v) {
  Type* t = asType(self);
  if (!checkSpecialTypeAttr(t, v, "__module__")) return -1;
  return dictSet(t->dict.get(), names::__module__, v);
}
Value type_get_doc(Value self) {
  Type* t = asType(self);
  Value d = dictGet(t->dict.get(), names::__doc__);
  if (d.isNull()) return errorPending() ? Value() : None();
  DescrGetFn get = typeOf(d)->slots.tp_descr_get;
  if (get != nullptr && t->hasFlag(type_flags::kHeapType)) return get(d, Value(), self);
  return d;
}
int type_set_doc(Value self, Value v) {
  Type* t = asType(self);
  if (!checkSpecialTypeAttr(t, v, "__doc__")) return -1;
  return dictSet(t->dict.get(), names::__doc__, v);
}
Value type_get_abstractmethods(Value self) {
  Type* t = asType(self);
  Value v = t == types::type_type ? Value() : dictGet(t->dict.get(), internStr("__abstractmethods__"));
  if (v.isNull() && !errorPending()) return raise(exc::AttributeError, "__abstractmethods__");
  return v;
}
int type_set_abstractmethods(Value self, Value v) {
  Type* t = asType(self);
  Value key = internStr("__abstractmethods__");
  int truth = 0;
  if (!v.isNull()) {
    truth = isTrue(v);
    if (truth < 0) return -1;
    if (dictSet(t->dict.get(), key, v) < 0) return -1;
  } else {
    int r = dictDel(t->dict.get(), key);
    if (r < 0) return -1;
    if (r == 0) {
      raise(exc::AttributeError, "__abstractmethods__");
      return -1;
    }
  }
  t->flags = truth ? (t->flags | type_flags::kAbstract) : (t->flags & ~type_flags::kAbstract);
  return 0;
}
Value type_get_annotations(Value self) {
  Type* t = asType(self);
  if (!t->hasFlag(type_flags::kHeapType)) return raiseTypeAttributeError(t, names::__annotations__);
  Value a = dictGet(t->dict.get(), names::__annotations__);
  if (!a.isNull()) {
    DescrGetFn get = typeOf(a)->slots.tp_descr_get;
    if (get != nullptr) return get(a, Value(), self);
    return a;
  }
  if (errorPending()) return Value();
  a = newDict();
  if (dictSet(t->dict.get(), names::__annotations__, a) < 0) return Value();
  return a;
}
int type_set_annotations(Value self, Value v) {
  Type* t = asType(self);
  if (!t->hasFlag(type_flags::kHeapType)) {
    raisef(exc::TypeError, "cannot set '__annotations__' attribute of immutable type '%s'", typeName(t).c_str());
    return -1;
  }
  if (v.isNull()) {
    int r = dictDel(t->dict.get(), names::__annotations__);
    if (r < 0) return -1;
    if (r == 0) {
      raise(exc::AttributeError, "__annotations__");
      return -1;
    }
  } else if (dictSet(t->dict.get(), names::__annotations__, v) < 0) {
    return -1;
  }
  typeModified(t);
  return 0;
}
Value type_get_basicsize(Value self) { return newInt(asType(self)->basic_size); }
Value type_get_itemsize(Value self) { return newInt(asType(self)->item_size); }
// __flags__ in CPython's Py_TPFLAGS_* bits (programs test them, e.g. HEAPTYPE).
Value type_get_flags(Value self) {
  Type* t = asType(self);
  struct Bit {
    uint64_t tern;
    int cpython;
  };
  static const Bit kBits[] = {
      {type_flags::kImmutable, 8},          {type_flags::kHeapType, 9},        {type_flags::kBaseType, 10},
      {type_flags::kReady, 12},             {type_flags::kMethodDescriptor, 17}, {type_flags::kAbstract, 20},
      {type_flags::kSequence, 5},           {type_flags::kMapping, 6},         {type_flags::kIntSubclass, 24},
      {type_flags::kListSubclass, 25},      {type_flags::kTupleSubclass, 26},  {type_flags::kBytesSubclass, 27},
      {type_flags::kStrSubclass, 28},       {type_flags::kDictSubclass, 29},   {type_flags::kBaseExceptionSubclass, 30},
      {type_flags::kTypeSubclass, 31},
  };
  int64_t r = int64_t{1} << 14;  // Py_TPFLAGS_HAVE_GC: every Tern object is collected
  for (const Bit& b : kBits)
    if (t->flags & b.tern) r |= int64_t{1} << b.cpython;
  return newInt(r);
}
Value type_get_dictoffset(Value self) { return newInt(asType(self)->dict_offset); }
Value type_get_weakrefoffset(Value self) {
  int32_t w = asType(self)->weaklist_offset;
  return newInt(w < 0 ? 0 : w);
}
Value type_get_text_signature(Value self) {
  const TypeSpec* spec = asType(self)->spec;
  if (spec == nullptr || spec->text_signature == nullptr) return None();
  return newStr(spec->text_signature);
}

const MethodDef kTypeMethods[] = {
    {.name = "mro", .signature = "($self, /)", .fn = type_mro, .doc = "Return a type's method resolution order."},
    {.name = "__subclasses__", .signature = "($self, /)", .fn = type___subclasses__,
     .doc = "Return a list of immediate subclasses."},
    {.name = "__instancecheck__", .signature = "($self, instance, /)", .fn = type___instancecheck__,
     .doc = "Check if an object is an instance."},
    {.name = "__subclasscheck__", .signature = "($self, subclass, /)", .fn = type___subclasscheck__,
     .doc = "Check if a class is a subclass."},
    {.name = "__prepare__", .signature = "($type, /, *args, **kwargs)", .fn = type___prepare__,
     .flags = method_flags::kClassMethod,
     .doc = "__prepare__() -> dict\nused to create the namespace for the class statement"},
    {.name = "__dir__", .signature = "($self, /)", .fn = type___dir__, .doc = "Specialized __dir__ implementation for types."},
    {.name = "__sizeof__", .signature = "($self, /)", .fn = type___sizeof__,
     .doc = "Return memory consumption of the type object."},
};

const GetSetDef kTypeGetSets[] = {
    {.name = "__name__", .get = type_get_name, .set = type_set_name},
    {.name = "__qualname__", .get = type_get_qualname, .set = type_set_qualname},
    {.name = "__bases__", .get = type_get_bases, .set = type_set_bases},
    {.name = "__mro__", .get = type_get_mro},
    {.name = "__base__", .get = type_get_base},
    {.name = "__module__", .get = type_get_module, .set = type_set_module},
    {.name = "__abstractmethods__", .get = type_get_abstractmethods, .set = type_set_abstractmethods},
    {.name = "__dict__", .get = type_get_dict},
    {.name = "__doc__", .get = type_get_doc, .set = type_set_doc},
    {.name = "__text_signature__", .get = type_get_text_signature},
    {.name = "__annotations__", .get = type_get_annotations, .set = type_set_annotations},
    {.name = "__basicsize__", .get = type_get_basicsize},
    {.name = "__itemsize__", .get = type_get_itemsize},
    {.name = "__flags__", .get = type_get_flags},
    {.name = "__dictoffset__", .get = type_get_dictoffset},
    {.name = "__weakrefoffset__", .get = type_get_weakrefoffset},
};

const TypeSpec kTypeSpec = {
    .name = "type",
    .type = &types::type_type,
    .layout = &kTypeLayout,
    .basic_size = sizeof(Type),
    .flags = type_flags::kBaseType | type_flags::kTypeSubclass | type_flags::kHasDict,
    .slots = {.tp_repr = type_repr,
              .tp_call = type_call,
              .tp_getattro = typeGetAttr,
              .tp_setattro = typeSetAttr,
              .tp_init = type_init,
              .tp_new = type_tp_new,
              .nb_or = unionOr},
    .methods = kTypeMethods,
    .getsets = kTypeGetSets,
    .doc = "type(object) -> the object's type\ntype(name, bases, dict, **kwds) -> a new type",
    .dict_offset = static_cast<int32_t>(offsetof(Type, dict)),
    .weakrefable = true,
};
TERN_REGISTER_TYPE(kTypeSpec);

}  // namespace

}  // namespace tern
