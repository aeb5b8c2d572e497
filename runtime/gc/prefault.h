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

}  // namespace tern::gc
