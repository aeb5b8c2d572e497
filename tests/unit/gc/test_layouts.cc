#include "tests/unit/gc/test_layouts.h"

#include <algorithm>
#include <cstddef>
#include <cstring>

namespace tern::gc_test {
namespace {

constexpr uint32_t kNodeFields[] = {offsetof(Node, a), offsetof(Node, b)};
constexpr uint32_t kWeakBoxFields[] = {offsetof(WeakBox, strong)};
constexpr uint32_t kWeakBoxWeakFields[] = {offsetof(WeakBox, weak)};
constexpr uint32_t kFinNodeFields[] = {offsetof(FinNode, a), offsetof(FinNode, b)};

static_assert(offsetof(Array, payload) + sizeof(int64_t) == Array::kRefsOffset);

// The finalizer is also a probe: it checks that the collector kept alive
// everything the object references while it runs.
void finalizeFinNode(gc::Object* object) {
  CallbackLog& log = callbackLog();
  auto* self = as<FinNode>(object);
  if (!gc::isHeapObject(object) || object->layoutId() != layouts().fin_node) {
    ++log.broken;
    return;
  }
  log.finalized_ids.push_back(self->id);
  Value child = self->a.get();
  if (child.isObject()) {
    if (!gc::isHeapObject(child.asObject())) {
      ++log.broken;
    } else if (child.asObject()->layoutId() == layouts().node &&
               as<Node>(child)->payload != childPayloadFor(self->id)) {
      ++log.broken;
    }
  }
  Value other = self->b.get();
  if (other.isObject() && !gc::isHeapObject(other.asObject())) ++log.broken;

  if (self->flags & kAllocateInFinalizer) {
    // Enough to fill the nursery more than once: the callback runs collections
    // while the finalizer queue is being drained.
    size_t bytes = 2 * gc::config().nursery_bytes;
    for (size_t done = 0; done < bytes; done += 1024) newBlob(1024, self->id);
    // A store into the (possibly old) finalized object: the barrier must hold here too.
    Node* fresh = newNode(childPayloadFor(self->id));
    self->a.set(val(fresh));
  }
  if (self->flags & kCollectInFinalizer) gc::collect(gc::Generation::kYoung);
  if (self->flags & kResurrect) resurrected().push_back(val(self));
}

void weakClearedWeakBox(gc::Object* object) {
  CallbackLog& log = callbackLog();
  if (!gc::isHeapObject(object) || object->layoutId() != layouts().weak_box) {
    ++log.broken;
    return;
  }
  log.weak_cleared.push_back(as<WeakBox>(object)->payload);
}

// Every span is spelled out: GCC's -Wmissing-field-initializers flags members that
// have no default member initializer, even in designated initialisers.
const gc::Layout kNodeLayout = {.name = "test.Node", .fields = kNodeFields, .weak_fields = {}};
const gc::Layout kArrayLayout = {
    .name = "test.Array",
    .fields = {},
    .trailing_refs_from = Array::kRefsOffset,
    .weak_fields = {},
};
const gc::Layout kWeakBoxLayout = {
    .name = "test.WeakBox",
    .fields = kWeakBoxFields,
    .weak_fields = kWeakBoxWeakFields,
    .weak_cleared = weakClearedWeakBox,
};
const gc::Layout kFinNodeLayout = {
    .name = "test.FinNode",
    .fields = kFinNodeFields,
    .weak_fields = {},
    .finalize = finalizeFinNode,
};
const gc::Layout kBlobLayout = {.name = "test.Blob", .fields = {}, .weak_fields = {}};

}  // namespace

const Layouts& layouts() {
  static const Layouts ids = {
      .node = gc::registerLayout(&kNodeLayout),
      .array = gc::registerLayout(&kArrayLayout),
      .weak_box = gc::registerLayout(&kWeakBoxLayout),
      .fin_node = gc::registerLayout(&kFinNodeLayout),
      .blob = gc::registerLayout(&kBlobLayout),
  };
  return ids;
}

Node* newNode(int64_t payload, size_t bytes) {
  auto* n = as<Node>(gc::allocate(layouts().node, bytes));
  n->payload = payload;
  return n;
}

Node* newOldNode(int64_t payload) { return newNode(payload, kYoungMaxBytes + 64); }

Array* newArray(size_t length, int64_t payload) {
  auto* a = as<Array>(gc::allocate(layouts().array, Array::kRefsOffset + length * sizeof(Value)));
  a->length = static_cast<int64_t>(length);
  a->payload = payload;
  return a;
}

WeakBox* newWeakBox(int64_t payload, size_t bytes) {
  auto* w = as<WeakBox>(gc::allocate(layouts().weak_box, bytes));
  w->payload = payload;
  return w;
}

FinNode* newFinNode(int64_t id, int64_t flags, size_t bytes) {
  auto* f = as<FinNode>(gc::allocate(layouts().fin_node, bytes));
  f->id = id;
  f->flags = flags;
  gc::setFinalizable(&f->header);
  return f;
}

Blob* newBlob(size_t bytes, int64_t payload) {
  auto* b = as<Blob>(gc::allocate(layouts().blob, bytes));
  b->payload = payload;
  return b;
}

CallbackLog& callbackLog() {
  static auto* log = new CallbackLog;
  return *log;
}

gc::RootVector& resurrected() {
  static auto* roots = new gc::RootVector;
  return *roots;
}

size_t timesFinalized(int64_t id) {
  const auto& ids = callbackLog().finalized_ids;
  return static_cast<size_t>(std::count(ids.begin(), ids.end(), id));
}

size_t finalizedInRange(int64_t lo, int64_t hi) {
  std::vector<int64_t> seen;
  for (int64_t id : callbackLog().finalized_ids) {
    if (id >= lo && id < hi) seen.push_back(id);
  }
  std::sort(seen.begin(), seen.end());
  return static_cast<size_t>(std::unique(seen.begin(), seen.end()) - seen.begin());
}

int64_t freshIds(int64_t count) {
  static int64_t next = 1'000'000;
  int64_t first = next;
  next += count;
  return first;
}

void scrubStack() {
  // Zeroes the 64 KiB below the stack pointer in assembly: a C++ buffer would leave
  // gaps (ASan's redzones around it, padding, the frame's own saved words) where
  // stale references survive.  Nothing lives below the stack pointer but the red
  // zone, which this leaf function does not use.
  asm volatile(
      "lea -65536(%%rsp), %%rdi\n\t"
      "mov $8192, %%ecx\n\t"
      "xor %%eax, %%eax\n\t"
      "rep stosq"
      :
      :
      : "rdi", "rcx", "rax", "memory", "cc");
}

void collectScrubbed(gc::Generation generation) {
  scrubStack();
  gc::collect(generation);
}

void pushNode(gc::RootVector& roots, int64_t payload) { roots.push_back(val(newNode(payload))); }

void pushNodes(gc::RootVector& roots, size_t n, int64_t base) {
  for (size_t i = 0; i < n; ++i) roots.push_back(val(newNode(base + static_cast<int64_t>(i))));
}

std::vector<uintptr_t> addressesOf(const gc::RootVector& roots) {
  std::vector<uintptr_t> out;
  for (size_t i = 0; i < roots.size(); ++i) out.push_back(roots[i].bits());
  return out;
}
void pushWeakBox(gc::RootVector& roots, int64_t payload) { roots.push_back(val(newWeakBox(payload))); }

namespace {
// Separate frame: at -O0 an expression's temporaries stay in the frame that
// evaluated it, and promote()'s frame is live across its collections.
[[gnu::noinline]] bool isOldAt(const gc::RootVector& roots, size_t index) { return gc::isOld(roots[index].asObject()); }
}  // namespace

bool promote(gc::RootVector& roots, size_t index) {
  for (int i = 0; i < 16 && !isOldAt(roots, index); ++i) collectScrubbed(gc::Generation::kYoung);
  return isOldAt(roots, index);
}

bool wantSmallHeap() {
#if defined(__SANITIZE_ADDRESS__)
  return true;
#else
  return gc::config().stress_every != 0 || gc::config().verify;
#endif
}

}  // namespace tern::gc_test
