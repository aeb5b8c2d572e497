// The garbage-collected heap: Tern's public interface to the collector.
//
// A generational, moving collector (docs/gc.md has the whole picture):
//   - young objects are bump-allocated in the nursery; a minor collection copies
//     the survivors out (into the old space, or back into the nursery while they
//     are younger than Config::tenure_age) and leaves pinned objects in place;
//   - the old space never moves objects; a major collection marks it from the
//     roots and sweeps it, returning empty pages to the OS.
//
// Collections happen only inside allocate() and collect(): every call to either
// is a safepoint at which any young object not referenced from a root, a stack
// or the heap may move or die.  No user code runs inside a collection:
// finalizers and weak-slot callbacks are queued and run by runFinalizers().
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "runtime/gc/barrier.h"
#include "runtime/gc/bump.h"
#include "runtime/gc/layout.h"
#include "runtime/gc/object.h"
#include "runtime/gc/roots.h"
#include "runtime/gc/sanitizer.h"

namespace tern::gc {

enum class ReleaseMode { kFree, kDontNeed };  // how empty pages go back to the OS

struct Config {
  size_t nursery_bytes = size_t{4} << 20;
  // Minor collections an object survives before it is promoted; 1 promotes every
  // survivor at its first collection.
  unsigned tenure_age = 1;
  size_t old_reserve_bytes = size_t{16} << 30;  // address space, not memory
  ReleaseMode release = ReleaseMode::kFree;
  // A major collection starts when the old space has grown by this factor over
  // what the last major collection left live (and by at least major_min_bytes).
  double major_growth = 2.0;
  size_t major_min_bytes = size_t{32} << 20;
  // TERN_GC_STRESS=N[,M]: a minor collection every N allocations, and every M-th
  // of those is a major one.
  uint64_t stress_every = 0;
  uint64_t stress_major_every = 0;
  // Allocation may start a major collection (gc.disable() turns this off;
  // minor collections always run: the nursery must be emptied to allocate).
  bool automatic_major = true;
  bool verify = false;  // TERN_GC_VERIFY: run the heap verifier around every collection
  // Back the nursery and the old space with transparent huge pages (prefault.h);
  // TERN_GC_HUGEPAGES=0 turns it off.
  bool huge_pages = true;
  bool poison = false;  // fill freed memory with kPoisonByte (on with verify or stress)

  // Defaults overridden by TERN_GC_NURSERY, TERN_GC_TENURE_AGE, TERN_GC_MADVISE
  // (free|dontneed), TERN_GC_STRESS, TERN_GC_VERIFY, TERN_GC_HUGEPAGES.
  static Config fromEnvironment();
  // `-X gc-madvise=free|dontneed`: false (and nothing changed) for another value.
  bool setReleaseMode(const char* text);
};

inline constexpr uint8_t kPoisonByte = 0xdb;

// Sets the heap up once per process and registers the calling thread.
void initialize(const Config& config);
Config& config();

// Allocates an object of `bytes` (header included, rounded up to 8) with every
// word after the header zeroed.  May collect first.  Never returns null: running
// out of the reserved address space is fatal (tryAllocate is the fallible path).
inline Object* allocate(LayoutId layout, size_t bytes);
// allocate() for a layout the caller knows has no weak slots: one check fewer
// on the inline path (float and other hot fixed-size objects).
inline Object* allocateStrong(LayoutId layout, size_t bytes);

// allocate() for an object whose size Python code chose (bytes(n), [0] * n):
// null, with nothing allocated, when the old space has no room for it even
// after a full collection, or when it is bigger than the whole reservation
// (Config::old_reserve_bytes; `bytes` may be any size_t).  The caller raises
// MemoryError.  Only such objects are fallible: everything else is small or
// already exists (a copy, a promotion), and allocate() aborting for it means
// the reservation itself is exhausted.  Inline: a size the nursery takes is
// allocate()'s, so small fallible objects (tuples) cost no extra call.
inline Object* tryAllocate(LayoutId layout, size_t bytes);
// tryAllocate() for a size beyond the nursery's.
Object* tryAllocateLarge(LayoutId layout, size_t bytes);

// Like allocate(), but the object lives in the old space from the start and
// never moves: its address may be kept anywhere (a static `Type*`, an inline
// cache, a C extension).  It is still collected when unreachable.  Slower than
// allocate(); for objects that are long-lived by nature (types, code, interned
// strings) or that C code must see at a fixed address.
Object* allocateOld(LayoutId layout, size_t bytes);

// The out-of-line rest of allocate(): a new segment, a collection, the old
// space, stress collections, weak holders.  `bytes` is already rounded.
Object* allocateSlow(LayoutId layout, size_t bytes);

enum class Generation { kYoung, kFull };
void collect(Generation generation);
// The collection at exit: marks the heap from the roots without moving or
// freeing anything, then queues the unreachable finalizable objects and clears
// the weak slots of unreachable referents as a full collection would (the
// queued work runs in runFinalizers()).  Linked C objects count as roots.
// Much cheaper than collect(kFull) when the process is about to end: no
// survivor is copied into the old space, nothing is swept.
void collectAtExit();

// Sets the function every collection calls first, before the verifier runs and
// before any root is read.  It must not allocate.  The interpreter restores the
// generational invariant there for the generator frames that ran in place in
// the old space since the last collection: their slots were written without a
// barrier (runtime/interp/generator.h).
void setCollectionPrologue(void (*prologue)());

// Called by every collection, inside the collector: `before` right after the
// prologue, `after` once the collection is over.  Neither may allocate or run
// user code.  The gc module (runtime/modules/gc.cc) notes the collection
// there for gc.callbacks and asks the interpreter to run, at its next safe
// point, the finalizers the collection queued.
struct CollectionObserver {
  void (*before)(Generation generation) = nullptr;
  void (*after)(Generation generation) = nullptr;
};
void setCollectionObserver(const CollectionObserver& observer);

// Stable identity: the same non-zero value for the object's whole life, however
// often it moves, and never shared by two live objects.
uintptr_t identity(Object* object);
// The default hash: identity mixed as CPython mixes addresses (_Py_HashPointer).
int64_t identityHash(Object* object);

// From now on, when the object is found unreachable it is resurrected (with
// everything it references) and its layout's finalize runs from runFinalizers().
// It is finalized at most once.  Precondition: the layout has a finalize.
void setFinalizable(Object* object);

// gc.DEBUG_SAVEALL / DEBUG_COLLECTABLE: while a filter is set, every
// collection resurrects the unreachable objects the filter accepts (with
// everything they reference, after the finalizable ones were queued) and
// lists them for takeSavedUnreachable(); their weak references are not
// cleared.  The filter runs inside the collector on an unreachable object
// (its referents intact, maybe unreachable too): it must not allocate.
// declineSave() marks an object not to be saved again: the next collection
// that finds it unreachable frees it.
void setSaveUnreachable(bool (*filter)(Object* object));
void takeSavedUnreachable(RootVector* out);
inline void declineSave(Object* object) { object->setFlag(header::kSaveDeclined); }

// Runs the queued finalizers and weak-clear callbacks; returns how many ran.
// Callbacks may allocate, and may collect again.
size_t runFinalizers();
size_t pendingFinalizers();
bool runningFinalizers();  // inside runFinalizers(): it runs what is queued meanwhile too

// Heap walks (heap_walk.cc), for the gc module.  Objects in the heap now,
// identity shadows excluded: live ones and, between collections, garbage not
// yet found dead (collect(kFull) first to see live objects only).  Counting is
// cheap: the old space keeps per-page counts.  forEachObject must not
// allocate on the heap (collect the objects into a RootVector).
size_t objectCount();
void objectCounts(size_t* young, size_t* old);
void forEachObject(void (*fn)(Object* object, void* data), void* data);

// Is this address the start of a live object in the heap?
bool isHeapObject(const void* address);

struct Stats {
  uint64_t minor_collections = 0;
  uint64_t major_collections = 0;
  uint64_t bytes_allocated = 0;  // all allocations, young and old
  uint64_t bytes_promoted = 0;   // young -> old by minor collections
  uint64_t minor_pause_ns_total = 0, minor_pause_ns_max = 0;
  uint64_t major_pause_ns_total = 0, major_pause_ns_max = 0;
  std::vector<uint64_t> recent_minor_pauses_ns;  // the last few hundred
  size_t young_capacity_bytes = 0;
  size_t old_committed_bytes = 0;  // pages holding objects
  size_t old_live_bytes = 0;       // cells in use (exact after a major collection)
  size_t large_objects = 0;
  size_t pinned_last_minor = 0;
};
Stats stats();

// Resident set size of the process, from /proc/self/statm.
size_t residentBytes();

// Checks every invariant the collector relies on; returns one line per problem.
std::vector<std::string> verifyHeap();

// ---------------------------------------------------------------------------

inline Object* allocate(LayoutId layout, size_t bytes) {
  if (!layoutOf(layout).weak_fields.empty()) {
    return allocateSlow(layout, bytes < kMinObjectBytes ? kMinObjectBytes : (bytes + kWordBytes - 1) & ~(kWordBytes - 1));
  }
  return allocateStrong(layout, bytes);
}

inline Object* tryAllocate(LayoutId layout, size_t bytes) {
  return bytes <= kMaxYoungObjectBytes ? allocate(layout, bytes) : tryAllocateLarge(layout, bytes);
}

inline Object* allocateStrong(LayoutId layout, size_t bytes) {
  bytes = bytes < kMinObjectBytes ? kMinObjectBytes : (bytes + kWordBytes - 1) & ~(kWordBytes - 1);
  BumpCursor& cursor = g_bump;
  if (bytes > kMaxYoungObjectBytes || bytes > cursor.limit - cursor.top) return allocateSlow(layout, bytes);
  Object* object = cursor.bump(bytes);
  asanUnpoison(object, bytes);
#if defined(__SANITIZE_ADDRESS__)
  constexpr bool kMayClearPastObject = false;  // the free memory past it is poisoned
#else
  constexpr bool kMayClearPastObject = true;
#endif
  if (kMayClearPastObject && !__builtin_constant_p(bytes) && bytes <= kInlineZeroBytes) {
    // A size known only at run time: a few stores of a constant size (bump.h)
    // instead of a memset call.  (A size the compiler knows is zeroed exactly.)
    __builtin_memset(object, 0, kInlineZeroBytes);
  } else {
    __builtin_memset(object->bytes() + kHeaderBytes, 0, bytes - kHeaderBytes);
  }
  object->header_word = header::make(layout, bytes);
  return object;
}

}  // namespace tern::gc
