// Memory return: once a full collection frees whole old-space pages they go back to
// the OS.  With ReleaseMode::kDontNeed the resident set shrinks at once; with kFree
// (MADV_FREE) the kernel may keep the pages until memory pressure, so the test
// accepts either a smaller RSS or more LazyFree memory.  Covered for large objects,
// medium objects allocated straight into the old space, and small promoted ones.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>

#include "tests/unit/gc/test_layouts.h"

namespace tern::gc_test {
namespace {

using gc::Generation;

constexpr size_t kMiB = size_t{1} << 20;

// The value of one "Name: N kB" line of a /proc file, in bytes (0 if absent).
size_t procKiBLine(const char* path, const char* format) {
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    unsigned long kb = 0;
    if (sscanf(line.c_str(), format, &kb) == 1) return kb * 1024;
  }
  return 0;
}

size_t lazyFreeBytes() { return procKiBLine("/proc/self/smaps_rollup", "LazyFree: %lu kB"); }

// RSS from /proc/self/status, independently of residentBytes().
size_t statusRss() { return procKiBLine("/proc/self/status", "VmRSS: %lu kB"); }

// Allocates `total` bytes in objects of `bytes` each, touching every page, all
// referenced only from `roots`.  Returns how many came back not zeroed (sampled
// every 512 bytes: released memory must read as zero when reused).
[[gnu::noinline]] size_t fillOld(gc::RootVector& roots, size_t total, size_t bytes) {
  size_t dirty = 0;
  for (size_t done = 0; done < total; done += bytes) {
    Blob* b = newBlob(bytes, static_cast<int64_t>(done));
    for (size_t k = 0; k < b->dataBytes(); k += 512) {
      if (b->data()[k] != 0) {
        ++dirty;
        break;
      }
    }
    memset(b->data(), 0x5a, b->dataBytes());
    roots.push_back(val(b));
  }
  return dirty;
}

struct Measure {
  size_t rss_full = 0, rss_after = 0;
  size_t lazy_full = 0, lazy_after = 0;
  size_t committed_full = 0, committed_after = 0;
};

Measure allocateAndRelease(size_t total, size_t object_bytes, gc::ReleaseMode mode) {
  ConfigRestorer<gc::ReleaseMode> restore(&gc::Config::release);
  gc::config().release = mode;
  Measure m;
  gc::RootVector roots;
  EXPECT_EQ(fillOld(roots, total, object_bytes), 0u) << "fresh objects not zeroed";
  // Small objects are promoted by a minor collection; big ones are old already.
  collectScrubbed(Generation::kYoung);
  m.rss_full = gc::residentBytes();
  m.lazy_full = lazyFreeBytes();
  m.committed_full = gc::stats().old_committed_bytes;
  roots.clear();
  collectScrubbed(Generation::kFull);
  m.rss_after = gc::residentBytes();
  m.lazy_after = lazyFreeBytes();
  m.committed_after = gc::stats().old_committed_bytes;
  return m;
}

std::string describe(const Measure& m) {
  char out[256];
  snprintf(out, sizeof out, "RSS %zu -> %zu MiB, LazyFree %zu -> %zu MiB, committed %zu -> %zu MiB", m.rss_full / kMiB,
           m.rss_after / kMiB, m.lazy_full / kMiB, m.lazy_after / kMiB, m.committed_full / kMiB,
           m.committed_after / kMiB);
  return out;
}

TEST(MemoryRelease, ResidentBytesMatchesProc) {
  size_t ours = gc::residentBytes();
  size_t theirs = statusRss();
  ASSERT_GT(theirs, 0u);
  EXPECT_LE(ours, theirs + 4 * kMiB);
  EXPECT_GE(ours + 4 * kMiB, theirs);
}

TEST(MemoryRelease, LargeObjectsDontNeed) {
  size_t total = 256 * kMiB;
  Measure m = allocateAndRelease(total, 65536 + 8, gc::ReleaseMode::kDontNeed);
  SCOPED_TRACE(describe(m));
  EXPECT_GE(m.rss_full, total);
  EXPECT_LE(m.rss_after + total * 8 / 10, m.rss_full);
  EXPECT_LE(m.committed_after + total * 8 / 10, m.committed_full);
}

TEST(MemoryRelease, MediumObjectsDontNeed) {
  // 16 KiB objects: old space size-class pages, not the large-object space.
  size_t total = 256 * kMiB;
  Measure m = allocateAndRelease(total, 16384, gc::ReleaseMode::kDontNeed);
  SCOPED_TRACE(describe(m));
  EXPECT_GE(m.rss_full, total);
  EXPECT_LE(m.rss_after + total * 8 / 10, m.rss_full);
  EXPECT_LE(m.committed_after + total * 8 / 10, m.committed_full);
}

TEST(MemoryRelease, SmallPromotedObjectsDontNeed) {
  // 256-byte objects promoted by minor collections: under stress every collection
  // walks the heap, so the volume is smaller there.
  size_t total = scaled(128, 32) * kMiB;
  Measure m = allocateAndRelease(total, 256, gc::ReleaseMode::kDontNeed);
  SCOPED_TRACE(describe(m));
  EXPECT_LE(m.rss_after + total * 7 / 10, m.rss_full);
  EXPECT_LE(m.committed_after + total * 7 / 10, m.committed_full);
}

TEST(MemoryRelease, LargeObjectsFree) {
  size_t total = 256 * kMiB;
  Measure m = allocateAndRelease(total, 65536 + 8, gc::ReleaseMode::kFree);
  SCOPED_TRACE(describe(m));
  EXPECT_GE(m.rss_full, total);
  bool rss_dropped = m.rss_after + total * 8 / 10 <= m.rss_full;
  bool lazily_freed = m.lazy_after >= m.lazy_full + total * 8 / 10;
  EXPECT_TRUE(rss_dropped || lazily_freed);
  EXPECT_LE(m.committed_after + total * 8 / 10, m.committed_full);
}

TEST(MemoryRelease, MediumObjectsFree) {
  size_t total = 256 * kMiB;
  Measure m = allocateAndRelease(total, 16384, gc::ReleaseMode::kFree);
  SCOPED_TRACE(describe(m));
  bool rss_dropped = m.rss_after + total * 8 / 10 <= m.rss_full;
  bool lazily_freed = m.lazy_after >= m.lazy_full + total * 8 / 10;
  EXPECT_TRUE(rss_dropped || lazily_freed);
}

TEST(MemoryRelease, ReleasedMemoryIsReusable) {
  // After release the same volume again: it must come back zeroed and usable, and
  // the committed size must not double (the released pages are reused).
  size_t total = 64 * kMiB;
  Measure first = allocateAndRelease(total, 65536 + 8, gc::ReleaseMode::kDontNeed);
  Measure second = allocateAndRelease(total, 65536 + 8, gc::ReleaseMode::kDontNeed);
  EXPECT_LE(second.committed_full, first.committed_full + total / 4);
  gc::RootVector roots;
  EXPECT_EQ(fillOld(roots, 16 * kMiB, 16384), 0u);
  EXPECT_EQ(gc::verifyHeap(), std::vector<std::string>{});
}

}  // namespace
}  // namespace tern::gc_test
