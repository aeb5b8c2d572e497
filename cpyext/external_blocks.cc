#include "cpyext/external_blocks.h"

#include <atomic>
#include <mutex>
#include <unordered_map>

#include "runtime/gc/external_memory.h"

namespace tern::cpyext {

namespace {

struct BlockKey {
  unsigned int domain;
  uintptr_t ptr;
  bool operator==(const BlockKey&) const = default;
};
struct BlockKeyHash {
  size_t operator()(const BlockKey& k) const { return std::hash<uintptr_t>{}(k.ptr) ^ k.domain; }
};

std::mutex g_lock;
std::unordered_map<BlockKey, size_t, BlockKeyHash>* g_blocks = nullptr;  // under g_lock
std::atomic<size_t> g_count{0};  // g_blocks' size: Untrack skips the lock while none is kept

}  // namespace

void trackExternalBlock(unsigned int domain, uintptr_t ptr, size_t size) {
  if (size < kMinTrackedBytes) {
    untrackExternalBlock(domain, ptr);  // a block tracked again smaller
    return;
  }
  size_t replaced = 0;
  {
    std::lock_guard hold(g_lock);
    if (g_blocks == nullptr) g_blocks = new std::unordered_map<BlockKey, size_t, BlockKeyHash>();
    auto [it, inserted] = g_blocks->try_emplace(BlockKey{domain, ptr}, size);
    if (!inserted) {
      replaced = it->second;
      it->second = size;
    }
    g_count.store(g_blocks->size(), std::memory_order_relaxed);
  }
  if (replaced != 0) gc::noteExternalFree(replaced);
  gc::noteExternalAlloc(size);
}

void untrackExternalBlock(unsigned int domain, uintptr_t ptr) {
  if (g_count.load(std::memory_order_relaxed) == 0) return;
  size_t size = 0;
  {
    std::lock_guard hold(g_lock);
    auto it = g_blocks->find(BlockKey{domain, ptr});
    if (it == g_blocks->end()) return;
    size = it->second;
    g_blocks->erase(it);
    g_count.store(g_blocks->size(), std::memory_order_relaxed);
  }
  gc::noteExternalFree(size);
}

}  // namespace tern::cpyext
