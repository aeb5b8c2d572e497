// Tables keyed by an object's current address, which the collector rebuilds
// as objects move and die: from linked objects to their external links
// (external.cc; looked up on every handover of an object to C) and from
// traced objects to their allocation traces (alloc_trace.cc; written at
// every allocation while tracing).  Open addressing with linear probing,
// without the node allocations and the modulo of std::unordered_map.
//
// Invariants: capacity is a power of two and at least twice the size; an
// empty slot has a null key; every key sits at or after its home slot with
// no empty slot in between (erase shifts later entries back to keep this).
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "runtime/gc/object.h"

namespace tern::gc {

struct ExternalLink;

// V is a small value type; V{} is what find() answers for an absent key.
template <class V>
class AddressTable {
 public:
  V find(const Object* key) const {
    if (size_ == 0) return V{};
    for (size_t i = home(key);; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.key == key) return s.value;
      if (s.key == nullptr) return V{};
    }
  }

  // Precondition: key is absent.
  void insert(Object* key, V value) {
    if (2 * (size_ + 1) > slots_.size()) grow();
    size_t i = home(key);
    while (slots_[i].key != nullptr) i = (i + 1) & mask_;
    slots_[i] = {key, value};
    ++size_;
  }

  bool erase(const Object* key) {
    if (size_ == 0) return false;
    size_t i = home(key);
    while (slots_[i].key != key) {
      if (slots_[i].key == nullptr) return false;
      i = (i + 1) & mask_;
    }
    // Shift back every later entry of the run whose home is not between the
    // hole and its slot (cyclically), so lookups never stop early.
    for (size_t j = (i + 1) & mask_; slots_[j].key != nullptr; j = (j + 1) & mask_) {
      size_t k = home(slots_[j].key);
      bool stays = i <= j ? (i < k && k <= j) : (i < k || k <= j);
      if (stays) continue;
      slots_[i] = slots_[j];
      i = j;
    }
    slots_[i] = {};
    --size_;
    return true;
  }

  size_t size() const { return size_; }
  // Empties the table and keeps its slots for the entries to come.
  void clear() {
    std::fill(slots_.begin(), slots_.end(), Slot{});
    size_ = 0;
  }
  // The memory the table holds (its slots).
  size_t capacityBytes() const { return slots_.capacity() * sizeof(Slot); }

  void swap(AddressTable& other) {
    slots_.swap(other.slots_);
    std::swap(mask_, other.mask_);
    std::swap(shift_, other.shift_);
    std::swap(size_, other.size_);
  }

  template <class F>
  void forEach(F&& f) const {
    for (const Slot& s : slots_) {
      if (s.key != nullptr) f(s.key, s.value);
    }
  }

 private:
  struct Slot {
    Object* key = nullptr;
    V value{};
  };

  size_t home(const Object* key) const {
    uint64_t h = (reinterpret_cast<uintptr_t>(key) >> 3) * 0x9E3779B97F4A7C15ull;
    return static_cast<size_t>(h >> shift_);
  }

  void grow() {
    std::vector<Slot> old;
    old.swap(slots_);
    size_t capacity = old.empty() ? 64 : old.size() * 2;
    slots_.assign(capacity, Slot{});
    mask_ = capacity - 1;
    shift_ = 64 - static_cast<unsigned>(__builtin_ctzll(capacity));
    size_ = 0;
    for (const Slot& s : old) {
      if (s.key != nullptr) insert(s.key, s.value);
    }
  }

  std::vector<Slot> slots_;
  size_t mask_ = 0;
  unsigned shift_ = 64;
  size_t size_ = 0;
};

using LinkTable = AddressTable<ExternalLink*>;

}  // namespace tern::gc
