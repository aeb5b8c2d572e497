#include <unistd.h>

#include <cstdio>

#include "runtime/gc/heap_internal.h"

namespace tern::gc {

namespace {
constexpr size_t kPauseRing = 512;
}

void recordPause(Generation generation, std::chrono::nanoseconds pause) {
  Stats& s = heap().stats;
  auto ns = static_cast<uint64_t>(pause.count());
  if (generation == Generation::kYoung) {
    s.minor_pause_ns_total += ns;
    s.minor_pause_ns_max = std::max(s.minor_pause_ns_max, ns);
    if (s.recent_minor_pauses_ns.size() < kPauseRing) {
      s.recent_minor_pauses_ns.push_back(ns);
    } else {
      s.recent_minor_pauses_ns[heap().pause_ring_next] = ns;
    }
    heap().pause_ring_next = (heap().pause_ring_next + 1) % kPauseRing;
  } else {
    s.major_pause_ns_total += ns;
    s.major_pause_ns_max = std::max(s.major_pause_ns_max, ns);
  }
}

Stats stats() {
  Heap& h = heap();
  Stats s = h.stats;
  s.bytes_allocated += h.nursery.allocatedBytes();
  s.old_committed_bytes = h.old.committedBytes();
  s.old_live_bytes = h.old.liveBytes();
  s.large_objects = h.old.largeObjectCount();
  return s;
}

size_t residentBytes() {
  FILE* f = std::fopen("/proc/self/statm", "r");
  if (f == nullptr) return 0;
  unsigned long size = 0, resident = 0;
  int n = std::fscanf(f, "%lu %lu", &size, &resident);
  std::fclose(f);
  return n == 2 ? resident * static_cast<size_t>(sysconf(_SC_PAGESIZE)) : 0;
}

}  // namespace tern::gc
