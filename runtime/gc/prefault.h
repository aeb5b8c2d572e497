// Taking memory from the kernel in bulk.
//
// A page fault on fresh anonymous memory costs ~12 us on the virtual machines
// Tern is measured on (~0.3 us on bare metal), while MADV_POPULATE_WRITE maps
// the pages of a range for ~1.1 us each.  The collector prefaults memory it is
// about to fill anyway: a nursery chunk when allocation first enters it, and
// old-space pages when they are taken (bench/README.md, "startup", has figures).
#pragma once

#include <cstddef>

namespace tern::gc {

// Maps [start, start + bytes) writable now.  A kernel without
// MADV_POPULATE_WRITE (before Linux 5.14) leaves the pages to fault as usual.
void prefault(void* start, size_t bytes);

// A transparent huge page on x86-64.  The nursery and the old space are
// reserved aligned to it.
inline constexpr size_t kHugePageBytes = size_t{2} << 20;

// Asks the kernel to back the reserved range [start, start + bytes) with
// transparent huge pages (MADV_HUGEPAGE), so that the heap, which is filled
// densely from its start, takes one TLB entry per 2 MiB instead of 512.  The
// kernel honours it when /sys/kernel/mm/transparent_hugepage/enabled is
// `madvise` (Debian's default) or `always`, and ignores it otherwise.
void adviseHugePages(void* start, size_t bytes);

}  // namespace tern::gc
