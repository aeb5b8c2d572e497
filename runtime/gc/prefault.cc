#include "runtime/gc/prefault.h"

#include <sys/mman.h>

#include <cerrno>

#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23  // Linux 5.14; older headers lack it
#endif

namespace tern::gc {

namespace {
bool g_unsupported = false;  // the kernel refused MADV_POPULATE_WRITE once
}

void prefault(void* start, size_t bytes) {
  if (g_unsupported || bytes == 0) return;
  if (madvise(start, bytes, MADV_POPULATE_WRITE) != 0 && errno == EINVAL) g_unsupported = true;
}

void adviseHugePages(void* start, size_t bytes) {
  // Failure (a kernel without transparent huge pages) only leaves small pages.
  (void)madvise(start, bytes, MADV_HUGEPAGE);
}

}  // namespace tern::gc
