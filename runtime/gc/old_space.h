// The old generation: objects that never move.
//
// One reservation of Config::old_reserve_bytes (isOld() is one range check), cut
// into kPageBytes pages.  A page is either
//   - small: cells of one size class (16 B .. kMaxSmallObjectBytes), with an
//     allocation bitmap and a mark bitmap, one bit per cell; or
//   - part of a large object: a run of whole pages, the object at its start.
// Free pages are kept as coalesced runs; a page is returned to the OS (madvise,
// MADV_FREE or MADV_DONTNEED per Config::release) when it becomes free.
//
// Invariants:
//   - a cell's allocation bit is set iff the cell holds an object (or an identity
//     shadow, identity.cc); between major collections no cell is freed except a
//     dead young object's shadow;
//   - mark bits are clear outside a major collection;
//   - sweeping is a copy: alloc_bits = mark_bits, so it never touches the objects.
//
// The card table covers the whole reservation, one byte per kCardBytes (barrier.h).
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <vector>

#include "runtime/gc/barrier.h"
#include "runtime/gc/object.h"

namespace tern::gc {

enum class ReleaseMode;

inline constexpr size_t kPageBytes = size_t{64} << 10;
inline constexpr size_t kMaxSmallObjectBytes = size_t{32} << 10;

struct PageMeta {
  enum class Kind : uint8_t { kSmall, kLargeHead, kLargeTail };
  static constexpr size_t kMaxCells = kPageBytes / kMinObjectBytes;

  Kind kind = Kind::kSmall;
  uint8_t size_class = 0;
  bool large_marked = false;
  uint32_t cell_bytes = 0;
  // ceil(2^32 / cell_bytes): offset * it >> 32 == offset / cell_bytes for every
  // offset in a page (offset < 2^16, cell_bytes <= 2^15), without a division.
  uint64_t cell_reciprocal = 0;
  uint32_t cell_count = 0;
  uint32_t live_cells = 0;
  uint32_t cursor = 0;   // small: first cell that may be free
  // small: cells at or past it have held nothing since the page came from
  // the kernel, so they are still zero (cell_count: none are known zero)
  uint32_t zero_from = 0;
  size_t run_pages = 0;  // large head: pages in the run
  size_t head_page = 0;  // large tail: index of the head page
  uint64_t alloc_bits[kMaxCells / 64] = {};
  uint64_t mark_bits[kMaxCells / 64] = {};

  size_t cellIndex(size_t offset) const { return (offset * cell_reciprocal) >> 32; }
};

class OldSpace {
 public:
  void init(size_t reserve_bytes, bool huge_pages);

  // An uninitialised cell of at least `bytes`.  The reservation must have
  // room (hasRoomFor): running out here is fatal.  *zeroed tells whether the
  // cell is known to hold only zeros: memory never used since it came from
  // the kernel (pages past the frontier), which the caller need not clear.
  Object* allocate(size_t bytes, bool* zeroed);
  // allocate(), or null when the reservation has no room for `bytes` (any
  // size, even beyond the reservation): the path of objects whose size Python
  // code chose, which raise MemoryError instead (heap.h, tryAllocate).
  Object* tryAllocate(size_t bytes, bool* zeroed);
  // Whether allocate(bytes) finds room: a cell free in its size class, a free
  // run of enough pages, or enough never-used pages past the frontier.
  bool hasRoomFor(size_t bytes) const;
  // Frees one cell outside a collection (a dead young object's identity shadow).
  void freeCell(Object* object);

  Object* objectContaining(uintptr_t address) const;
  bool isObjectStart(uintptr_t address) const;
  // Bytes of the space the object occupies: its cell or its page run.
  size_t footprint(const Object* object) const;

  // Marking.  Returns true when the object was not marked before.
  bool mark(Object* object);
  bool isMarked(const Object* object) const;
  // Frees every unmarked object, clears the marks, returns empty pages to the OS.
  void sweep(bool poison, ReleaseMode release);
  // Clears every mark without freeing anything (collectAtExit).
  void clearMarks();

  // Calls f(Object*) for every allocated cell or large object.
  template <class F>
  void forEachObject(F&& f) const;
  // Calls f(Object*) for every object overlapping [lo, hi).
  template <class F>
  void forEachObjectOverlapping(uintptr_t lo, uintptr_t hi, F&& f) const;

  void clearAllCards();
  size_t reservedBytes() const { return page_count_ * kPageBytes; }
  size_t committedBytes() const { return committed_pages_ * kPageBytes; }
  size_t liveBytes() const { return live_bytes_; }
  size_t largeObjectCount() const { return large_objects_; }
  // Cells in use plus large objects (identity shadows included).
  size_t objectCount() const;

 private:
  struct SizeClass {
    uint32_t cell_bytes;
    std::vector<size_t> pages_with_room;
  };

  size_t pageIndex(uintptr_t a) const { return (a - base_) / kPageBytes; }
  uintptr_t pageStart(size_t index) const { return base_ + index * kPageBytes; }
  const PageMeta* pageOf(uintptr_t a) const {
    return a - base_ < meta_.size() * kPageBytes ? meta_[pageIndex(a)].get() : nullptr;
  }
  // The first of `count` pages; *fresh: they come from past the frontier
  // (never used, so zero) rather than from a free run.
  size_t takePages(size_t count, bool* fresh);
  void releasePages(size_t first, size_t count, ReleaseMode release);
  Object* allocateLarge(size_t bytes, bool* zeroed);
  size_t sizeClassFor(size_t bytes) const;

  uintptr_t base_ = 0;
  size_t page_count_ = 0;
  size_t frontier_ = 0;  // pages at or past it were never used
  // One entry per page below frontier_ (grown by takePages: a reservation of
  // gigabytes has hundreds of thousands of pages, and start-up must not clear
  // an entry for each); null for a free page.
  std::vector<std::unique_ptr<PageMeta>> meta_;
  std::map<size_t, size_t> free_runs_;  // first page -> page count, coalesced
  std::vector<SizeClass> classes_;
  std::vector<uint8_t> class_by_words_;  // object size in words -> size class
  size_t committed_pages_ = 0;
  size_t live_bytes_ = 0;
  size_t large_objects_ = 0;
};

// ---------------------------------------------------------------------------

template <class F>
void OldSpace::forEachObject(F&& f) const {
  for (size_t i = 0; i < frontier_; ++i) {
    const PageMeta* m = meta_[i].get();
    if (m == nullptr) continue;
    if (m->kind == PageMeta::Kind::kLargeHead) {
      f(reinterpret_cast<Object*>(pageStart(i)));
    } else if (m->kind == PageMeta::Kind::kSmall) {
      for (size_t w = 0; w < PageMeta::kMaxCells / 64; ++w) {
        for (uint64_t bits = m->alloc_bits[w]; bits != 0; bits &= bits - 1) {
          size_t cell = w * 64 + static_cast<size_t>(__builtin_ctzll(bits));
          f(reinterpret_cast<Object*>(pageStart(i) + cell * m->cell_bytes));
        }
      }
    }
  }
}

template <class F>
void OldSpace::forEachObjectOverlapping(uintptr_t lo, uintptr_t hi, F&& f) const {
  // A card never spans two pages (kPageBytes is a multiple of kCardBytes).
  const PageMeta* m = pageOf(lo);
  if (m == nullptr) return;
  size_t index = pageIndex(lo);
  if (m->kind == PageMeta::Kind::kLargeTail) {
    index = m->head_page;
    m = meta_[index].get();
  }
  uintptr_t page = pageStart(index);
  if (m->kind == PageMeta::Kind::kLargeHead) {
    f(reinterpret_cast<Object*>(page));
    return;
  }
  size_t first = m->cellIndex(lo - page);
  size_t last = std::min<size_t>(m->cellIndex(hi - 1 - page), m->cell_count - 1);
  for (size_t cell = first; cell <= last; ++cell) {
    if ((m->alloc_bits[cell / 64] >> (cell % 64)) & 1) f(reinterpret_cast<Object*>(page + cell * m->cell_bytes));
  }
}

}  // namespace tern::gc
