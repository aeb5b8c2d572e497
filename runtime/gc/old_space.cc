#include "runtime/gc/old_space.h"

#include <sys/mman.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "runtime/gc/heap.h"
#include "runtime/gc/prefault.h"

namespace tern::gc {

namespace {

void* reserve(size_t bytes, const char* what) {
  void* p = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (p == MAP_FAILED) {
    std::fprintf(stderr, "tern: cannot reserve %zu bytes of address space for %s: %s\n", bytes, what,
                 std::strerror(errno));
    std::abort();
  }
  return p;
}

[[noreturn]] void outOfMemory(size_t bytes) {
  std::fprintf(stderr, "tern: out of memory: the old space (TERN_GC_OLD_RESERVE) has no room for %zu more bytes\n",
               bytes);
  std::abort();
}

// Pages for a large object of `bytes` (any size_t: no overflow).
size_t pagesFor(size_t bytes) { return bytes / kPageBytes + (bytes % kPageBytes != 0 ? 1 : 0); }

}  // namespace

static_assert(kHugePageBytes % kPageBytes == 0);

void OldSpace::init(size_t reserve_bytes, bool huge_pages) {
  page_count_ = reserve_bytes / kPageBytes;
  // Over-reserve to align the base to a huge page (a multiple of kPageBytes).
  auto raw = reinterpret_cast<uintptr_t>(reserve(page_count_ * kPageBytes + kHugePageBytes, "the old space"));
  base_ = (raw + kHugePageBytes - 1) & ~(kHugePageBytes - 1);
  if (huge_pages) adviseHugePages(reinterpret_cast<void*>(base_), page_count_ * kPageBytes);
  g_bounds.old_lo = base_;
  g_bounds.old_hi = base_ + page_count_ * kPageBytes;
  g_bounds.cards = static_cast<uint8_t*>(reserve(page_count_ * kPageBytes / kCardBytes, "the card table"));

  // Size classes: fine steps for the small sizes Python objects have, then about
  // 1/8 apart; each class widened to use its page fully.
  std::vector<uint32_t> sizes;
  for (uint32_t s = 16; s <= 128; s += s < 64 ? 8 : 16) sizes.push_back(s);
  for (uint32_t s = 160; s <= kMaxSmallObjectBytes; s += std::max<uint32_t>(16, (s / 8) & ~15u)) sizes.push_back(s);
  sizes.push_back(kMaxSmallObjectBytes);
  for (uint32_t s : sizes) {
    uint32_t cells = kPageBytes / s;
    uint32_t widened = (kPageBytes / cells) & ~uint32_t{7};
    if (!classes_.empty() && classes_.back().cell_bytes >= widened) continue;
    classes_.push_back(SizeClass{widened, {}});
  }
  class_by_words_.resize(kMaxSmallObjectBytes / kWordBytes + 1);
  size_t c = 0;
  for (size_t words = 0; words < class_by_words_.size(); ++words) {
    while (classes_[c].cell_bytes < words * kWordBytes) ++c;
    class_by_words_[words] = static_cast<uint8_t>(c);
  }
}

size_t OldSpace::sizeClassFor(size_t bytes) const { return class_by_words_[(bytes + kWordBytes - 1) / kWordBytes]; }

bool OldSpace::hasRoomFor(size_t bytes) const {
  size_t count = bytes <= kMaxSmallObjectBytes ? 1 : pagesFor(bytes);
  if (count <= page_count_ - frontier_) return true;
  for (const auto& [first, length] : free_runs_) {
    if (length >= count) return true;
  }
  if (bytes > kMaxSmallObjectBytes) return false;
  for (size_t index : classes_[sizeClassFor(bytes)].pages_with_room) {
    if (meta_[index]->live_cells < meta_[index]->cell_count) return true;
  }
  return false;
}

// Invariant: a request that reaches here fits (hasRoomFor).  Objects whose size
// Python code chose come through tryAllocate, which checks first; what is left
// failing is the collector's own need (a promotion, a fresh small page) when the
// whole reservation is in use, and that is fatal.
size_t OldSpace::takePages(size_t count, bool* fresh) {
  for (auto it = free_runs_.begin(); it != free_runs_.end(); ++it) {
    auto [first, length] = *it;
    if (length < count) continue;
    free_runs_.erase(it);
    if (length > count) free_runs_.emplace(first + count, length - count);
    committed_pages_ += count;
    prefault(reinterpret_cast<void*>(pageStart(first)), count * kPageBytes);
    *fresh = false;  // MADV_FREE may have left the old contents
    return first;
  }
  if (frontier_ + count > page_count_) outOfMemory(count * kPageBytes);
  size_t first = frontier_;
  frontier_ += count;
  meta_.resize(frontier_);
  committed_pages_ += count;
  prefault(reinterpret_cast<void*>(pageStart(first)), count * kPageBytes);
  *fresh = true;
  return first;
}

void OldSpace::releasePages(size_t first, size_t count, ReleaseMode release) {
  void* start = reinterpret_cast<void*>(pageStart(first));
  size_t bytes = count * kPageBytes;
  bool released = false;
#ifdef MADV_FREE
  if (release == ReleaseMode::kFree) released = madvise(start, bytes, MADV_FREE) == 0;
#endif
  if (!released) madvise(start, bytes, MADV_DONTNEED);
  std::memset(g_bounds.cards + (pageStart(first) - base_) / kCardBytes, 0, bytes / kCardBytes);
  for (size_t i = first; i < first + count; ++i) meta_[i].reset();
  committed_pages_ -= count;

  auto next = free_runs_.lower_bound(first);
  if (next != free_runs_.end() && next->first == first + count) {
    count += next->second;
    next = free_runs_.erase(next);
  }
  if (next != free_runs_.begin()) {
    auto prev = std::prev(next);
    if (prev->first + prev->second == first) {
      prev->second += count;
      return;
    }
  }
  free_runs_.emplace(first, count);
}

Object* OldSpace::allocate(size_t bytes, bool* zeroed) {
  if (bytes > kMaxSmallObjectBytes) return allocateLarge(bytes, zeroed);
  size_t sc = sizeClassFor(bytes);
  SizeClass& size_class = classes_[sc];
  while (!size_class.pages_with_room.empty()) {
    size_t index = size_class.pages_with_room.back();
    PageMeta& m = *meta_[index];
    for (size_t w = m.cursor / 64; w * 64 < m.cell_count; ++w) {
      uint64_t free_bits = ~m.alloc_bits[w];
      if (w == m.cursor / 64) free_bits &= ~uint64_t{0} << (m.cursor % 64);
      if (free_bits == 0) continue;
      size_t cell = w * 64 + static_cast<size_t>(__builtin_ctzll(free_bits));
      if (cell >= m.cell_count) break;
      m.alloc_bits[w] |= uint64_t{1} << (cell % 64);
      m.cursor = static_cast<uint32_t>(cell + 1);
      *zeroed = cell >= m.zero_from;
      if (*zeroed) m.zero_from = m.cursor;
      ++m.live_cells;
      live_bytes_ += m.cell_bytes;
      return reinterpret_cast<Object*>(pageStart(index) + cell * m.cell_bytes);
    }
    size_class.pages_with_room.pop_back();
  }
  bool fresh;
  size_t index = takePages(1, &fresh);
  auto m = std::make_unique<PageMeta>();
  m->kind = PageMeta::Kind::kSmall;
  m->size_class = static_cast<uint8_t>(sc);
  m->cell_bytes = size_class.cell_bytes;
  m->cell_reciprocal = ((uint64_t{1} << 32) + size_class.cell_bytes - 1) / size_class.cell_bytes;
  m->cell_count = static_cast<uint32_t>(kPageBytes / size_class.cell_bytes);
  m->alloc_bits[0] = 1;
  m->cursor = 1;
  m->zero_from = fresh ? 1 : m->cell_count;
  *zeroed = fresh;
  m->live_cells = 1;
  live_bytes_ += m->cell_bytes;
  meta_[index] = std::move(m);
  size_class.pages_with_room.push_back(index);
  return reinterpret_cast<Object*>(pageStart(index));
}

Object* OldSpace::tryAllocate(size_t bytes, bool* zeroed) {
  return hasRoomFor(bytes) ? allocate(bytes, zeroed) : nullptr;
}

Object* OldSpace::allocateLarge(size_t bytes, bool* zeroed) {
  size_t count = pagesFor(bytes);
  size_t first = takePages(count, zeroed);
  auto head = std::make_unique<PageMeta>();
  head->kind = PageMeta::Kind::kLargeHead;
  head->run_pages = count;
  meta_[first] = std::move(head);
  for (size_t i = first + 1; i < first + count; ++i) {
    auto tail = std::make_unique<PageMeta>();
    tail->kind = PageMeta::Kind::kLargeTail;
    tail->head_page = first;
    meta_[i] = std::move(tail);
  }
  ++large_objects_;
  live_bytes_ += count * kPageBytes;
  return reinterpret_cast<Object*>(pageStart(first));
}

void OldSpace::freeCell(Object* object) {
  auto a = reinterpret_cast<uintptr_t>(object);
  size_t index = pageIndex(a);
  PageMeta& m = *meta_[index];
  size_t cell = m.cellIndex(a - pageStart(index));
  // A page is off its class's list exactly when it is full.
  if (m.live_cells == m.cell_count) classes_[m.size_class].pages_with_room.push_back(index);
  m.alloc_bits[cell / 64] &= ~(uint64_t{1} << (cell % 64));
  --m.live_cells;
  live_bytes_ -= m.cell_bytes;
  if (cell < m.cursor) m.cursor = static_cast<uint32_t>(cell);
}

Object* OldSpace::objectContaining(uintptr_t address) const {
  const PageMeta* m = pageOf(address);
  if (m == nullptr) return nullptr;
  size_t index = pageIndex(address);
  if (m->kind == PageMeta::Kind::kLargeTail) {
    index = m->head_page;
    m = meta_[index].get();
  }
  uintptr_t page = pageStart(index);
  if (m->kind == PageMeta::Kind::kLargeHead) {
    auto* object = reinterpret_cast<Object*>(page);
    return address < page + object->sizeBytes() ? object : nullptr;
  }
  size_t cell = m->cellIndex(address - page);
  if (cell >= m->cell_count || !((m->alloc_bits[cell / 64] >> (cell % 64)) & 1)) return nullptr;
  auto* object = reinterpret_cast<Object*>(page + cell * m->cell_bytes);
  return address < page + cell * m->cell_bytes + object->sizeBytes() ? object : nullptr;
}

bool OldSpace::isObjectStart(uintptr_t address) const {
  return address % kWordBytes == 0 && objectContaining(address) == reinterpret_cast<Object*>(address);
}

size_t OldSpace::footprint(const Object* object) const {
  const PageMeta* m = pageOf(reinterpret_cast<uintptr_t>(object));
  return m->kind == PageMeta::Kind::kSmall ? m->cell_bytes : m->run_pages * kPageBytes;
}

bool OldSpace::mark(Object* object) {
  auto a = reinterpret_cast<uintptr_t>(object);
  size_t index = pageIndex(a);
  PageMeta& m = *meta_[index];
  if (m.kind == PageMeta::Kind::kLargeHead) {
    bool was = m.large_marked;
    m.large_marked = true;
    return !was;
  }
  size_t cell = m.cellIndex(a - pageStart(index));
  uint64_t bit = uint64_t{1} << (cell % 64);
  if (m.mark_bits[cell / 64] & bit) return false;
  m.mark_bits[cell / 64] |= bit;
  return true;
}

bool OldSpace::isMarked(const Object* object) const {
  auto a = reinterpret_cast<uintptr_t>(object);
  const PageMeta& m = *meta_[pageIndex(a)];
  if (m.kind == PageMeta::Kind::kLargeHead) return m.large_marked;
  size_t cell = m.cellIndex(a - pageStart(pageIndex(a)));
  return (m.mark_bits[cell / 64] >> (cell % 64)) & 1;
}

void OldSpace::sweep(bool poison, ReleaseMode release) {
  for (SizeClass& size_class : classes_) size_class.pages_with_room.clear();
  live_bytes_ = 0;
  for (size_t i = 0; i < frontier_; ++i) {
    PageMeta* m = meta_[i].get();
    if (m == nullptr || m->kind == PageMeta::Kind::kLargeTail) continue;
    if (m->kind == PageMeta::Kind::kLargeHead) {
      if (!m->large_marked) {
        if (poison) std::memset(reinterpret_cast<void*>(pageStart(i)), kPoisonByte, m->run_pages * kPageBytes);
        --large_objects_;
        releasePages(i, m->run_pages, release);
      } else {
        m->large_marked = false;
        live_bytes_ += m->run_pages * kPageBytes;
      }
      continue;
    }
    uint32_t live = 0;
    for (size_t w = 0; w < PageMeta::kMaxCells / 64; ++w) {
      uint64_t dead = m->alloc_bits[w] & ~m->mark_bits[w];
      if (poison) {
        for (; dead != 0; dead &= dead - 1) {
          size_t cell = w * 64 + static_cast<size_t>(__builtin_ctzll(dead));
          std::memset(reinterpret_cast<void*>(pageStart(i) + cell * m->cell_bytes), kPoisonByte, m->cell_bytes);
        }
      }
      m->alloc_bits[w] = m->mark_bits[w];
      m->mark_bits[w] = 0;
      live += static_cast<uint32_t>(__builtin_popcountll(m->alloc_bits[w]));
    }
    if (live == 0) {
      releasePages(i, 1, release);
      continue;
    }
    m->live_cells = live;
    m->cursor = 0;
    live_bytes_ += size_t{live} * m->cell_bytes;
    if (live < m->cell_count) classes_[m->size_class].pages_with_room.push_back(i);
  }
}

void OldSpace::clearMarks() {
  for (size_t i = 0; i < frontier_; ++i) {
    PageMeta* m = meta_[i].get();
    if (m == nullptr) continue;
    m->large_marked = false;
    std::memset(m->mark_bits, 0, sizeof m->mark_bits);
  }
}

size_t OldSpace::objectCount() const {
  size_t n = large_objects_;
  for (size_t i = 0; i < frontier_; ++i) {
    const PageMeta* m = meta_[i].get();
    if (m != nullptr && m->kind == PageMeta::Kind::kSmall) n += m->live_cells;
  }
  return n;
}

void OldSpace::clearAllCards() { std::memset(g_bounds.cards, 0, frontier_ * kPageBytes / kCardBytes); }

}  // namespace tern::gc
