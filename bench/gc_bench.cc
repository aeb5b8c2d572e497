// gc_bench: what Tern's collector costs, measured in one run and printed as a table.
//
//   a. Small-object allocation: gc::allocate against malloc+free for the same
//      sequence of sizes, every object garbage at once.
//   b. Minor-GC pauses in steady state at a fixed survival rate.
//   c. Major-GC time per live MiB for large graphs of small nodes.
//
// bench/README.md says how to read the output.  Usage: gc_bench [--quick]
//
// The heap is configured from the environment (TERN_GC_NURSERY, ...), so the same
// binary measures other nursery sizes.  Locals holding heap objects pin them
// through the conservative stack scanner; the measuring loops live in noinline
// functions that keep at most a handful of such locals, and everything meant to
// stay alive sits in a RootVector or in the heap.
#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "runtime/gc/heap.h"

namespace {

using namespace tern;
using Clock = std::chrono::steady_clock;

constexpr double kMiB = 1024.0 * 1024.0;

double secondsSince(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

// ---------------------------------------------------------------------------
// Objects and their layouts

// The allocation sizes, header included, cycled in this order by every
// benchmark.  Skewed small the way Python heaps are (ints, floats, short tuples
// and strings), fixed so that runs compare.
constexpr size_t kSizes[] = {32, 16, 48, 24, 64, 32, 16, 40, 56, 24,  32, 80, 16, 48, 128, 32,
                             24, 64, 16, 96, 40, 32, 24, 56, 16, 112, 48, 32, 72, 24, 88,  40};
constexpr size_t kSizeCount = sizeof(kSizes) / sizeof(kSizes[0]);

constexpr double meanSize() {
  size_t sum = 0;
  for (size_t s : kSizes) sum += s;
  return static_cast<double>(sum) / kSizeCount;
}

// Benchmark (a): no reference slots, so a collection never looks inside.
const gc::Layout kBlobLayout{.name = "bench.Blob"};

// Benchmark (b): every word after the header is a reference slot, like a tuple,
// so survivors cost the scavenger a scan of each word as real objects do.
const gc::Layout kTupleLayout{.name = "bench.Tuple", .trailing_refs_from = gc::kHeaderBytes};

gc::HeapValue& firstSlot(gc::Object* object) {
  return *reinterpret_cast<gc::HeapValue*>(object->bytes() + gc::kHeaderBytes);
}

// Benchmark (c): a binary tree node.
struct Node {
  gc::Object header;
  gc::HeapValue left;
  gc::HeapValue right;
  int64_t payload;
};
constexpr uint32_t kNodeFields[] = {offsetof(Node, left), offsetof(Node, right)};
const gc::Layout kNodeLayout{.name = "bench.Node", .fields = kNodeFields};

struct Layouts {
  gc::LayoutId blob, tuple, node;
};

// A fixed-seed xorshift64: which objects survive must not depend on their index
// modulo the size table, or the byte survival rate would drift from the count rate.
struct Rng {
  uint64_t state = 0x9e3779b97f4a7c15u;
  uint32_t next() {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return static_cast<uint32_t>(state >> 32);
  }
};

// The pauses of minor collections number [first, last) since start-up.  The heap
// keeps the most recent ones in a ring filled in order, collection k at index
// k % capacity once it has wrapped (stats.cc); a phase longer than the ring gets
// the whole ring, which is all its own.
std::vector<uint64_t> minorPauses(const gc::Stats& s, uint64_t first, uint64_t last) {
  const std::vector<uint64_t>& ring = s.recent_minor_pauses_ns;
  if (ring.empty() || last <= first) return {};
  if (ring.size() == s.minor_collections) {
    return {ring.begin() + static_cast<ptrdiff_t>(first), ring.begin() + static_cast<ptrdiff_t>(last)};
  }
  if (last - first >= ring.size()) return ring;
  std::vector<uint64_t> out;
  for (uint64_t k = first; k < last; ++k) out.push_back(ring[k % ring.size()]);
  return out;
}

double percentile(std::vector<uint64_t> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return static_cast<double>(v[static_cast<size_t>(p * static_cast<double>(v.size() - 1) + 0.5)]);
}

// ---------------------------------------------------------------------------
// (a) Small-object allocation throughput

// Each object is written once (gc::allocate has zeroed it already) and its
// address folded into the result, so neither loop can be optimised away.
[[gnu::noinline]] uint64_t allocateGc(gc::LayoutId layout, size_t count) {
  uint64_t acc = 0;
  for (size_t i = 0; i < count; ++i) {
    gc::Object* object = gc::allocate(layout, kSizes[i % kSizeCount]);
    object->bytes()[gc::kHeaderBytes] = static_cast<char>(i);
    acc ^= reinterpret_cast<uintptr_t>(object);
  }
  return acc;
}

// malloc'd objects live for one batch and are freed in allocation order: a short
// lifetime, yet more than the malloc-free-malloc of one slot that glibc's tcache
// would turn into a pointer swap.
constexpr size_t kMallocBatch = 64;

[[gnu::noinline]] uint64_t allocateMalloc(size_t count) {
  char* batch[kMallocBatch];
  uint64_t acc = 0;
  for (size_t i = 0; i < count; i += kMallocBatch) {
    size_t n = std::min(kMallocBatch, count - i);
    for (size_t j = 0; j < n; ++j) {
      char* p = static_cast<char*>(std::malloc(kSizes[(i + j) % kSizeCount]));
      if (p == nullptr) std::abort();
      p[0] = static_cast<char>(i + j);
      acc ^= reinterpret_cast<uintptr_t>(p);
      batch[j] = p;
    }
    for (size_t j = 0; j < n; ++j) std::free(batch[j]);
  }
  return acc;
}

volatile uint64_t g_sink;

void benchAllocation(const Layouts& layouts, size_t count) {
  constexpr int kRounds = 3;
  // Warm up both paths: first touch of the nursery chunks and of malloc's arenas.
  g_sink = allocateGc(layouts.blob, count / 10 + 1) ^ allocateMalloc(count / 10 + 1);

  double best_gc = 1e30, best_malloc = 1e30;
  uint64_t minors = 0;
  double median_pause_us = 0;
  for (int round = 0; round < kRounds; ++round) {
    uint64_t minors_before = gc::stats().minor_collections;
    auto start = Clock::now();
    g_sink = allocateGc(layouts.blob, count);
    best_gc = std::min(best_gc, secondsSince(start));
    gc::Stats after = gc::stats();
    minors = after.minor_collections - minors_before;
    median_pause_us = percentile(minorPauses(after, minors_before, after.minor_collections), 0.5) / 1e3;

    start = Clock::now();
    g_sink = allocateMalloc(count);
    best_malloc = std::min(best_malloc, secondsSince(start));
  }

  double n = static_cast<double>(count);
  std::printf("(a) small-object allocation: %zu objects of %zu sizes in 16..128 B (mean %.1f B), all garbage;\n", count,
              kSizeCount, meanSize());
  std::printf("    best of %d rounds; malloc+free frees in batches of %zu, in allocation order\n\n", kRounds,
              kMallocBatch);
  std::printf("    %-24s %10s %12s\n", "allocator", "ns/object", "Mobjects/s");
  std::printf("    %-24s %10.2f %12.1f   (%llu minor GCs per round, median pause %.1f us)\n", "gc::allocate",
              best_gc * 1e9 / n, n / best_gc / 1e6, static_cast<unsigned long long>(minors), median_pause_us);
  std::printf("    %-24s %10.2f %12.1f\n", "malloc+free", best_malloc * 1e9 / n, n / best_malloc / 1e6);
  std::printf("    gc/malloc time ratio: %.2f\n\n", best_gc / best_malloc);
}

// ---------------------------------------------------------------------------
// (b) Minor-GC pauses at a fixed survival rate

struct SurvivalResult {
  double rate = 0;
  size_t ring_size = 0;
  double promoted_fraction = 0;  // bytes promoted / bytes allocated
  uint64_t minors = 0, majors = 0;
  double promoted_per_minor = 0;
  double median_us = 0, p99_us = 0, max_us = 0;
};

// Allocates until `target` minor collections have happened since start-up.  A
// fraction `rate` of the objects is stored into the ring, replacing the oldest
// entry: a survivor lives for about one nursery's worth of allocation, survives
// one minor collection and then dies in the old space, so the heap stays in a
// steady state (old garbage is left to the major collections allocate() starts).
[[gnu::noinline]] void allocateWithSurvivors(gc::LayoutId layout, double rate, gc::RootVector& ring, Rng& rng,
                                             uint64_t target) {
  const auto threshold = static_cast<uint32_t>(rate * 4294967296.0);
  size_t next = 0, i = 0;
  while (gc::stats().minor_collections < target) {
    for (size_t block = 0; block < 16384; ++block, ++i) {
      gc::Object* object = gc::allocate(layout, kSizes[i % kSizeCount]);
      firstSlot(object).set(Value::fromSmallInt(static_cast<int64_t>(i)));
      if (rng.next() < threshold) {
        ring.set(next, object);
        next = next + 1 == ring.size() ? 0 : next + 1;
      }
    }
  }
}

SurvivalResult benchSurvival(const Layouts& layouts, double rate, uint64_t warmup_minors, uint64_t measured_minors) {
  SurvivalResult r;
  r.rate = rate;
  size_t nursery = gc::stats().young_capacity_bytes;
  r.ring_size = std::max<size_t>(1, static_cast<size_t>(static_cast<double>(nursery) * rate / meanSize()));
  gc::RootVector ring;
  ring.resize(r.ring_size);
  Rng rng;

  allocateWithSurvivors(layouts.tuple, rate, ring, rng, gc::stats().minor_collections + warmup_minors);
  gc::Stats before = gc::stats();
  allocateWithSurvivors(layouts.tuple, rate, ring, rng, before.minor_collections + measured_minors);
  gc::Stats after = gc::stats();

  r.minors = after.minor_collections - before.minor_collections;
  r.majors = after.major_collections - before.major_collections;
  uint64_t promoted = after.bytes_promoted - before.bytes_promoted;
  r.promoted_fraction =
      static_cast<double>(promoted) / static_cast<double>(after.bytes_allocated - before.bytes_allocated);
  r.promoted_per_minor = static_cast<double>(promoted) / static_cast<double>(r.minors);
  std::vector<uint64_t> pauses = minorPauses(after, before.minor_collections, after.minor_collections);
  r.median_us = percentile(pauses, 0.5) / 1e3;
  r.p99_us = percentile(pauses, 0.99) / 1e3;
  r.max_us = pauses.empty() ? 0 : static_cast<double>(*std::max_element(pauses.begin(), pauses.end())) / 1e3;
  return r;
}

void printSurvival(const std::vector<SurvivalResult>& results) {
  size_t nursery = gc::stats().young_capacity_bytes;
  std::printf("(b) minor-GC pause, steady state: nursery %.1f MiB, survivors held in a RootVector ring,\n",
              static_cast<double>(nursery) / kMiB);
  std::printf("    tuple-like objects (every word a reference slot), pauses of the measured minor GCs only\n\n");
  std::printf("    %8s %9s %9s %7s %7s %14s %11s %9s %9s\n", "survival", "promoted", "ring", "minors", "majors",
              "KiB prom/minor", "median us", "p99 us", "max us");
  for (const SurvivalResult& r : results) {
    std::printf("    %7.1f%% %8.2f%% %9zu %7llu %7llu %14.1f %11.1f %9.1f %9.1f\n", r.rate * 100,
                r.promoted_fraction * 100, r.ring_size, static_cast<unsigned long long>(r.minors),
                static_cast<unsigned long long>(r.majors), r.promoted_per_minor / 1024, r.median_us, r.p99_us,
                r.max_us);
  }
  std::printf("\n");
}

// ---------------------------------------------------------------------------
// (c) Major-GC time per live MiB

constexpr int kTreeDepth = 15;  // 32767 nodes of 32 B: 1 MiB per tree

// Top-down, so the parent is on the stack (pinned) while its subtrees are built
// and promoted around it, as happens when a program builds a structure.
[[gnu::noinline]] gc::Object* buildTree(gc::LayoutId layout, int depth, int64_t& counter) {
  auto* node = reinterpret_cast<Node*>(gc::allocate(layout, sizeof(Node)));
  node->payload = counter++;
  if (depth > 1) {
    node->left.set(buildTree(layout, depth - 1, counter));
    node->right.set(buildTree(layout, depth - 1, counter));
  }
  return &node->header;
}

struct MajorResult {
  double live_mib = 0;
  uint64_t nodes = 0;
  double build_seconds = 0;
  std::vector<double> ms;
  double rss_mib = 0;
};

// Builds `trees` trees referenced from `roots`; returns the node count.
[[gnu::noinline]] uint64_t buildForest(gc::LayoutId layout, size_t trees, gc::RootVector& roots) {
  int64_t counter = 0;
  for (size_t t = 0; t < trees; ++t) roots.push_back(buildTree(layout, kTreeDepth, counter));
  return static_cast<uint64_t>(counter);
}

MajorResult benchMajor(const Layouts& layouts, size_t target_mib, int collections) {
  MajorResult r;
  gc::collect(gc::Generation::kFull);  // start from an old space with only the graph in it
  gc::RootVector roots;
  auto start = Clock::now();
  r.nodes = buildForest(layouts.node, target_mib, roots);
  r.build_seconds = secondsSince(start);
  for (int i = 0; i < collections; ++i) {
    start = Clock::now();
    gc::collect(gc::Generation::kFull);
    r.ms.push_back(secondsSince(start) * 1e3);
  }
  r.live_mib = static_cast<double>(gc::stats().old_live_bytes) / kMiB;
  r.rss_mib = static_cast<double>(gc::residentBytes()) / kMiB;
  roots.clear();
  gc::collect(gc::Generation::kFull);  // give the graph back before the next one is built
  return r;
}

void printMajor(const std::vector<MajorResult>& results) {
  std::printf("(c) major GC (gc::collect(kFull)): forests of complete binary trees of 32 B nodes with 2 reference\n");
  std::printf("    fields, %d nodes per tree, trees referenced from a RootVector\n\n", (1 << kTreeDepth) - 1);
  std::printf("    %9s %10s %8s %9s %22s %12s %8s\n", "live MiB", "nodes", "build s", "full GCs",
              "ms (median, min..max)", "ms/live MiB", "RSS MiB");
  for (const MajorResult& r : results) {
    std::vector<double> ms = r.ms;
    std::sort(ms.begin(), ms.end());
    double median = ms[ms.size() / 2];
    char times[64];
    std::snprintf(times, sizeof(times), "%.1f (%.1f..%.1f)", median, ms.front(), ms.back());
    std::printf("    %9.1f %10llu %8.2f %9zu %22s %12.2f %8.1f\n", r.live_mib, static_cast<unsigned long long>(r.nodes),
                r.build_seconds, ms.size(), times, median / r.live_mib, r.rss_mib);
  }
  std::printf("\n");
}

// ---------------------------------------------------------------------------

struct Plan {
  size_t allocation_count;
  uint64_t warmup_minors, measured_minors;
  std::vector<size_t> graph_mib;
  int major_collections;
};

}  // namespace

int main(int argc, char** argv) {
  bool quick = false;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--quick") == 0) {
      quick = true;
    } else {
      std::fprintf(stderr, "usage: %s [--quick]\n", argv[0]);
      return 2;
    }
  }
  // Full mode runs more minor GCs per survival rate than the pause ring holds, so
  // the reported pauses are a full window of steady state.
  const Plan plan = quick ? Plan{.allocation_count = 1'000'000,
                                 .warmup_minors = 4,
                                 .measured_minors = 40,
                                 .graph_mib = {4, 16},
                                 .major_collections = 3}
                          : Plan{.allocation_count = 20'000'000,
                                 .warmup_minors = 16,
                                 .measured_minors = 600,
                                 .graph_mib = {64, 256},
                                 .major_collections = 5};

  gc::initialize(gc::Config::fromEnvironment());
  const Layouts layouts{.blob = gc::registerLayout(&kBlobLayout),
                        .tuple = gc::registerLayout(&kTupleLayout),
                        .node = gc::registerLayout(&kNodeLayout)};

  const gc::Config& config = gc::config();
  std::printf("Tern gc_bench (%s): nursery %.1f MiB, tenure age %u, major at %.1fx growth (min %.0f MiB)\n",
              quick ? "quick" : "full", static_cast<double>(gc::stats().young_capacity_bytes) / kMiB, config.tenure_age,
              config.major_growth, static_cast<double>(config.major_min_bytes) / kMiB);
  if (config.stress_every != 0 || config.verify) {
    std::printf("WARNING: TERN_GC_STRESS or TERN_GC_VERIFY is set; these numbers measure the debug tooling\n");
  }
  std::printf("\n");
  auto start = Clock::now();

  benchAllocation(layouts, plan.allocation_count);

  std::vector<SurvivalResult> survival;
  for (double rate : {0.01, 0.10}) {
    survival.push_back(benchSurvival(layouts, rate, plan.warmup_minors, plan.measured_minors));
  }
  printSurvival(survival);

  std::vector<MajorResult> major;
  for (size_t mib : plan.graph_mib) major.push_back(benchMajor(layouts, mib, plan.major_collections));
  printMajor(major);

  std::printf("total %.1f s, RSS at exit %.1f MiB\n", secondsSince(start),
              static_cast<double>(gc::residentBytes()) / kMiB);
  return 0;
}
