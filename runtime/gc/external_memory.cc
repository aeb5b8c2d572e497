#include "runtime/gc/external_memory.h"

#include <algorithm>
#include <atomic>
#include <cstdlib>

#include "runtime/gc/heap.h"

namespace tern::gc {

namespace {

std::atomic<int64_t> g_live{0};
// What was live when the last collection ended, lowered by frees after it (a
// collection's finalizers free what it found dead).
std::atomic<int64_t> g_at_last_collection{0};
std::atomic<int64_t> g_freed_total{0};
// With the GIL held: after the last full collection, what was live; at the
// last collection this module ran, whether it was minor, how much it was to
// reclaim (what had been allocated since the collection before) and how
// much had been freed in all then.
int64_t g_after_last_full = 0;
bool g_last_was_minor = false;
int64_t g_last_window = 0;
int64_t g_freed_at_last = 0;
std::atomic<bool> g_requested{false};
std::atomic<void (*)()> g_hook{nullptr};

int64_t budget(int64_t base) { return std::max(kMinBudgetBytes, base / 2); }

bool due() {
  int64_t base = g_at_last_collection.load(std::memory_order_relaxed);
  return g_live.load(std::memory_order_relaxed) - base >= budget(base);
}

}  // namespace

void noteExternalAlloc(size_t bytes) {
  g_live.fetch_add(static_cast<int64_t>(bytes), std::memory_order_relaxed);
  if (!due() || g_requested.exchange(true, std::memory_order_acq_rel)) return;
  if (void (*hook)() = g_hook.load(std::memory_order_acquire)) hook();
}

void noteExternalFree(size_t bytes) {
  g_freed_total.fetch_add(static_cast<int64_t>(bytes), std::memory_order_relaxed);
  int64_t live = g_live.fetch_sub(static_cast<int64_t>(bytes), std::memory_order_relaxed) - static_cast<int64_t>(bytes);
  int64_t base = g_at_last_collection.load(std::memory_order_relaxed);
  while (live < base && !g_at_last_collection.compare_exchange_weak(base, live, std::memory_order_relaxed)) {
  }
}

namespace {
constexpr size_t kSizeWordBytes = 16;
size_t* headerOf(void* block) { return reinterpret_cast<size_t*>(static_cast<char*>(block) - kSizeWordBytes); }
}  // namespace

void* externalMalloc(size_t bytes) {
  auto* header = static_cast<size_t*>(std::malloc(kSizeWordBytes + bytes));
  if (header == nullptr) return nullptr;
  *header = bytes;
  noteExternalAlloc(bytes);
  return reinterpret_cast<char*>(header) + kSizeWordBytes;
}

void* externalRealloc(void* block, size_t bytes) {
  if (block == nullptr) return externalMalloc(bytes);
  size_t old = *headerOf(block);
  auto* header = static_cast<size_t*>(std::realloc(headerOf(block), kSizeWordBytes + bytes));
  if (header == nullptr) return nullptr;
  *header = bytes;
  if (bytes >= old) {
    noteExternalAlloc(bytes - old);
  } else {
    noteExternalFree(old - bytes);
  }
  return reinterpret_cast<char*>(header) + kSizeWordBytes;
}

void externalFree(void* block) {
  if (block == nullptr) return;
  noteExternalFree(*headerOf(block));
  std::free(headerOf(block));
}

int64_t externalBytes() { return g_live.load(std::memory_order_relaxed); }

void setExternalPressureHook(void (*hook)()) { g_hook.store(hook, std::memory_order_release); }

bool collectForExternalPressure(bool allow_full) {
  if (!g_requested.load(std::memory_order_acquire)) return false;
  if (!due()) {  // a collection since the request took care of it
    g_requested.store(false, std::memory_order_release);
    return false;
  }
  int64_t live = g_live.load(std::memory_order_relaxed);
  int64_t freed_total = g_freed_total.load(std::memory_order_relaxed);
  // A minor collection that freed less than half of what it was to reclaim
  // found the owners promoted already (C references held by objects that
  // died old): the next one is full.
  bool minor_failed = g_last_was_minor && freed_total - g_freed_at_last < g_last_window / 2;
  bool full = allow_full && (minor_failed || live >= std::max(kMajorMinBytes, 2 * g_after_last_full));
  g_last_was_minor = !full;
  g_last_window = live - g_at_last_collection.load(std::memory_order_relaxed);
  g_freed_at_last = freed_total;
  collect(full ? Generation::kFull : Generation::kYoung);  // ends in noteCollectionForExternalMemory
  return true;
}

void noteCollectionForExternalMemory(bool full) {
  int64_t live = g_live.load(std::memory_order_relaxed);
  g_at_last_collection.store(live, std::memory_order_relaxed);
  if (full) g_after_last_full = live;
  g_requested.store(false, std::memory_order_release);
}

}  // namespace tern::gc
