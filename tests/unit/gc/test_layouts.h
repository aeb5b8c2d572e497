// Heap layouts shared by the GC unit tests, and the helpers that keep the
// conservative stack scanner out of the way of tests that need objects to move or die.
//
// The test objects are standard-layout structs whose first member is the header, so
// an Object* converts to them and offsetof gives the slot offsets their layouts
// declare.  Every reference slot is a HeapValue or WeakHeapValue and tests store
// through set(), as the runtime does; only the tooling tests write around a slot,
// on purpose.
//
// Why so many [[gnu::noinline]] helpers: a stack word that points at or into a young
// object pins it, and one that points into any object keeps it alive.  A test that
// wants objects to move or to die creates them in a helper frame that has returned,
// then overwrites the dead frames (scrubStack) before it collects.  A stray register
// can still keep one object of many alive, so assertions that objects moved, died or
// were cleared are made over many objects against a threshold; assertions that
// objects survived with their contents are exact.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "runtime/gc/heap.h"

namespace tern::gc_test {

// ---------------------------------------------------------------------------
// Objects

// Two strong slots and a payload: the building block of lists, trees and graphs.
struct Node {
  gc::Object header;
  gc::HeapValue a;
  gc::HeapValue b;
  int64_t payload;
};

// A length, a payload, then `length` strong slots to the end of the object
// (trailing_refs_from), like a tuple or a list's storage.
struct Array {
  gc::Object header;
  int64_t length;
  int64_t payload;

  gc::HeapValue& at(size_t i) { return reinterpret_cast<gc::HeapValue*>(header.bytes() + kRefsOffset)[i]; }
  static constexpr uint32_t kRefsOffset = 24;
};

// One weak and one strong slot; its layout's weak_cleared logs the payload.
struct WeakBox {
  gc::Object header;
  gc::WeakHeapValue weak;
  gc::HeapValue strong;
  int64_t payload;
};

// A node whose layout has a finalizer; `flags` says what the finalizer does.
struct FinNode {
  gc::Object header;
  gc::HeapValue a;
  gc::HeapValue b;
  int64_t id;
  int64_t flags;
};

// No references: a payload word, then raw bytes up to the object's size.
struct Blob {
  gc::Object header;
  int64_t payload;

  uint8_t* data() { return reinterpret_cast<uint8_t*>(header.bytes()) + 16; }
  size_t dataBytes() const { return header.sizeBytes() - 16; }
};

struct Layouts {
  gc::LayoutId node, array, weak_box, fin_node, blob;
};
// Registers the test layouts on first use.
const Layouts& layouts();

template <class T>
T* as(Value v) {
  return reinterpret_cast<T*>(v.asObject());
}
template <class T>
T* as(gc::Object* o) {
  return reinterpret_cast<T*>(o);
}
template <class T>
Value val(T* t) {
  return Value(&t->header);
}
inline Value val(gc::Object* o) { return Value(o); }
template <class T>
uintptr_t addr(T* t) {
  return reinterpret_cast<uintptr_t>(t);
}
inline uintptr_t addr(Value v) { return v.bits(); }

// Objects bigger than this skip the nursery; bigger than kLargeBytes they go to the
// large-object space.
inline constexpr size_t kYoungMaxBytes = 8192;
inline constexpr size_t kLargeBytes = 32768;

// `bytes` may exceed sizeof(Node): the layout only traces the first two words, so an
// oversized Node is how tests get an old object with ordinary fields.
Node* newNode(int64_t payload, size_t bytes = sizeof(Node));
Node* newOldNode(int64_t payload);  // allocated directly in the old space
Array* newArray(size_t length, int64_t payload);
WeakBox* newWeakBox(int64_t payload, size_t bytes = sizeof(WeakBox));
// A FinNode already registered with setFinalizable.
FinNode* newFinNode(int64_t id, int64_t flags = 0, size_t bytes = sizeof(FinNode));
Blob* newBlob(size_t bytes, int64_t payload);

// ---------------------------------------------------------------------------
// Finalizer and weak-clear logs

// FinNode flags.
inline constexpr int64_t kResurrect = 1;            // store itself into resurrected()
inline constexpr int64_t kAllocateInFinalizer = 2;  // allocate a few nurseries' worth
inline constexpr int64_t kCollectInFinalizer = 4;   // run a minor collection

// The Node hung off FinNode::a carries this payload, so a finalizer can check that
// what its object references is still intact when it runs.
inline int64_t childPayloadFor(int64_t id) { return id * 16 + 5; }

struct CallbackLog {
  std::vector<int64_t> finalized_ids;  // FinNode ids, in the order their finalizers ran
  std::vector<int64_t> weak_cleared;   // WeakBox payloads, one per weak_cleared call
  size_t broken = 0;                   // callbacks that found their object damaged
};
CallbackLog& callbackLog();
// Where resurrecting finalizers put their object (a leaked root: outlives every test).
gc::RootVector& resurrected();

// How many times `id` appears in the finalizer log.
size_t timesFinalized(int64_t id);
// Ids in [lo, hi) finalized at least once.
size_t finalizedInRange(int64_t lo, int64_t hi);
// Fresh id ranges, so tests never see each other's finalizers.
int64_t freshIds(int64_t count);

// ---------------------------------------------------------------------------
// Stack hygiene and scale

// Overwrites the stack below the caller's frame, where returned helpers left words.
[[gnu::noinline]] void scrubStack();
// scrubStack() then collect(): the usual way for a test to collect when it wants
// objects it no longer holds to move or die.
[[gnu::noinline]] void collectScrubbed(gc::Generation generation);
// Allocate in a helper frame and push onto `roots`: the caller's frame never
// holds the reference, so the object can move.
[[gnu::noinline]] void pushNode(gc::RootVector& roots, int64_t payload);
// Pushes n fresh young Nodes with payloads base, base + 1, ...
[[gnu::noinline]] void pushNodes(gc::RootVector& roots, size_t n, int64_t base);
// The current addresses of the rooted objects (taken in a helper frame, so the
// caller's stack does not pin them).
[[gnu::noinline]] std::vector<uintptr_t> addressesOf(const gc::RootVector& roots);
[[gnu::noinline]] void pushWeakBox(gc::RootVector& roots, int64_t payload);
// Collects minor collections until the object in `root` is old; false if it never
// gets there (pinned by a stray stack word every time).
[[gnu::noinline]] bool promote(gc::RootVector& roots, size_t index);

// Under TERN_GC_STRESS or TERN_GC_VERIFY every collection walks the whole heap, and
// a sanitizer build runs unoptimised and checks every access: tests size
// themselves down.
bool wantSmallHeap();
inline size_t scaled(size_t plain, size_t small) { return wantSmallHeap() ? small : plain; }

// A reference hidden from the conservative scanner: kept only XOR-ed, in malloc'd
// memory or a register, it never looks like a pointer into the heap.
inline constexpr uintptr_t kHideMask = 0x5a5a'0000'0000'5a5aULL;
// The empty asm makes the value opaque: otherwise the optimiser, seeing the XOR
// undone later, may keep the plain address around instead.
inline uintptr_t hide(uintptr_t a) {
  uintptr_t h = a ^ kHideMask;
  asm volatile("" : "+r"(h));
  return h;
}
inline uintptr_t hide(const void* p) { return hide(reinterpret_cast<uintptr_t>(p)); }
inline uintptr_t unhideAddress(uintptr_t h) {
  asm volatile("" : "+r"(h));
  return h ^ kHideMask;
}
template <class T>
T* unhide(uintptr_t h) {
  return reinterpret_cast<T*>(unhideAddress(h));
}

// Restores a Config field when the test ends, whatever the assertions did.
template <class T>
class ConfigRestorer {
 public:
  explicit ConfigRestorer(T gc::Config::*field) : field_(field), saved_(gc::config().*field) {}
  ~ConfigRestorer() { gc::config().*field_ = saved_; }
  ConfigRestorer(const ConfigRestorer&) = delete;
  ConfigRestorer& operator=(const ConfigRestorer&) = delete;

 private:
  T gc::Config::*field_;
  T saved_;
};

}  // namespace tern::gc_test
