// Threads: a registered thread that parks (ParkedScope) has its stack and saved
// registers scanned by collections on other threads, so its young objects stay
// alive and pinned; the main thread, parked, is scanned by a collection running on
// a worker; threads that registered and exited leave nothing behind.
//
// The heap allows one mutator at a time.  The tests enforce that with a stand-in
// for the GIL, used the way the interpreter will: a thread holds it while it is
// unparked, and parks before letting go of it.
#include <gtest/gtest.h>

#include <condition_variable>
#include <cstring>
#include <mutex>
#include <thread>
#include <vector>

#include "tests/unit/gc/test_layouts.h"

namespace tern::gc_test {
namespace {

using gc::Generation;

std::mutex g_gil;

// Runs f with the GIL released and this thread parked, as Py_BEGIN_ALLOW_THREADS
// does around a blocking call.  Called with the GIL held.
template <class F>
void withoutGil(F&& f) {
  gc::ParkedScope parked;
  g_gil.unlock();
  f();
  g_gil.lock();
}

// A counter threads wait on.
class Rendezvous {
 public:
  void arrive() {
    std::lock_guard lock(mutex_);
    ++count_;
    cv_.notify_all();
  }
  void waitFor(int count) {
    std::unique_lock lock(mutex_);
    cv_.wait(lock, [&] { return count_ >= count; });
  }

 private:
  std::mutex mutex_;
  std::condition_variable cv_;
  int count_ = 0;
};

struct WorkerReport {
  uintptr_t hidden_pinned = 0;  // the object also in the shared root, hidden
  bool stack_only_intact = false;
  bool pinned_intact = false;
  bool blob_intact = false;
};

[[gnu::noinline]] void hangChild(Node* parent, int64_t payload) { parent->a.set(val(newNode(payload))); }

bool nodeWithChildIntact(Node* n, int64_t payload) {
  if (!gc::isHeapObject(n) || n->header.layoutId() != layouts().node || n->payload != payload) return false;
  Value child = n->a.get();
  return child.isObject() && gc::isHeapObject(child.asObject()) && as<Node>(child)->payload == payload + 1;
}

bool blobIntact(Blob* b, int64_t payload, uint8_t fill) {
  if (!gc::isHeapObject(b) || b->payload != payload) return false;
  for (size_t i = 0; i < b->dataBytes(); ++i) {
    if (b->data()[i] != fill) return false;
  }
  return true;
}

// Keeps its objects only on its own stack (one also in `shared`, to see whether it
// moved), parks, and checks them after the main thread collected.
void worker(int index, gc::RootVector& shared, Rendezvous& parked, Rendezvous& released, WorkerReport& report) {
  std::lock_guard gil(g_gil);
  gc::MutatorThread registration;
  int64_t base = 1000 * (index + 1);
  Node* stack_only = newNode(base);
  hangChild(stack_only, base + 1);
  Node* pinned = newNode(base + 10);
  hangChild(pinned, base + 11);
  shared.set(static_cast<size_t>(index), val(pinned));
  Blob* blob = newBlob(1024, base + 20);
  memset(blob->data(), 0x30 + index, blob->dataBytes());
  report.hidden_pinned = hide(pinned);

  withoutGil([&] {
    parked.arrive();
    released.waitFor(1);
  });

  report.stack_only_intact = nodeWithChildIntact(stack_only, base);
  report.pinned_intact = nodeWithChildIntact(pinned, base + 10);
  report.blob_intact = blobIntact(blob, base + 20, static_cast<uint8_t>(0x30 + index));
  // Allocating again after unparking works, and the thread can collect too.
  for (int i = 0; i < 1000; ++i) newNode(i);
  gc::collect(Generation::kYoung);
}

[[gnu::noinline]] void churn(size_t bytes) {
  for (size_t done = 0; done < bytes; done += 512) memset(newBlob(512, -1)->data(), 0xcc, 496);
}

TEST(Threads, ParkedThreadsKeepTheirStackObjectsPinned) {
  const int kWorkers = static_cast<int>(scaled(4, 2));
  gc::RootVector shared;
  shared.resize(static_cast<size_t>(kWorkers));
  std::vector<WorkerReport> reports(static_cast<size_t>(kWorkers));
  Rendezvous parked, released;
  std::vector<std::thread> threads;

  std::unique_lock gil(g_gil);
  withoutGil([&] {
    for (int i = 0; i < kWorkers; ++i) {
      threads.emplace_back(worker, i, std::ref(shared), std::ref(parked), std::ref(released),
                           std::ref(reports[static_cast<size_t>(i)]));
    }
    parked.waitFor(kWorkers);
  });

  // Every worker is parked holding young objects on its stack.  Collect hard, and
  // reuse the nursery in between so that a moved or freed object gets overwritten.
  size_t capacity = gc::stats().young_capacity_bytes;
  for (int round = 0; round < 3; ++round) {
    churn(scaled(2, 1) * capacity);
    collectScrubbed(Generation::kFull);
    collectScrubbed(Generation::kYoung);
  }
  for (int i = 0; i < kWorkers; ++i) {
    EXPECT_EQ(shared[static_cast<size_t>(i)].bits(), unhideAddress(reports[static_cast<size_t>(i)].hidden_pinned))
        << "worker " << i << "'s stack did not pin its object";
  }
  EXPECT_EQ(gc::verifyHeap(), std::vector<std::string>{});

  released.arrive();
  withoutGil([&] {
    for (std::thread& t : threads) t.join();
  });
  for (int i = 0; i < kWorkers; ++i) {
    const WorkerReport& r = reports[static_cast<size_t>(i)];
    EXPECT_TRUE(r.stack_only_intact) << "worker " << i;
    EXPECT_TRUE(r.pinned_intact) << "worker " << i;
    EXPECT_TRUE(r.blob_intact) << "worker " << i;
  }
}

TEST(Threads, CollectionOnWorkerScansParkedMainThread) {
  Node* mine = newNode(500);
  hangChild(mine, 501);
  Blob* blob = newBlob(2048, 502);
  memset(blob->data(), 0x77, blob->dataBytes());
  gc::RootVector shared;
  shared.push_back(val(mine));
  uintptr_t where = addr(mine);

  std::unique_lock gil(g_gil);
  withoutGil([&] {
    std::thread t([] {
      std::lock_guard worker_gil(g_gil);
      gc::MutatorThread registration;
      size_t capacity = gc::stats().young_capacity_bytes;
      for (int round = 0; round < 2; ++round) {
        churn(scaled(2, 1) * capacity);
        gc::collect(Generation::kFull);
        gc::collect(Generation::kYoung);
      }
    });
    t.join();
  });

  asm volatile("" : : "r"(mine), "r"(blob) : "memory");
  EXPECT_EQ(shared[0].bits(), where) << "the parked main thread's stack did not pin its object";
  EXPECT_TRUE(nodeWithChildIntact(mine, 500));
  EXPECT_TRUE(blobIntact(blob, 502, 0x77));
}

TEST(Threads, ShortLivedThreadsRegisterAndLeave) {
  const int kThreads = static_cast<int>(scaled(16, 4));
  gc::RootVector kept;
  std::unique_lock gil(g_gil);
  for (int i = 0; i < kThreads; ++i) {
    withoutGil([&] {
      std::thread t([&kept, i] {
        std::lock_guard worker_gil(g_gil);
        gc::MutatorThread registration;
        for (int k = 0; k < 100; ++k) kept.push_back(val(newNode(i * 100 + k)));
      });
      t.join();
    });
  }
  // The exited threads' records are gone: collecting neither trips over them nor
  // scans their freed stacks.
  collectScrubbed(Generation::kYoung);
  collectScrubbed(Generation::kFull);
  ASSERT_EQ(kept.size(), static_cast<size_t>(kThreads) * 100);
  for (size_t i = 0; i < kept.size(); ++i) ASSERT_EQ(as<Node>(kept[i])->payload, static_cast<int64_t>(i));
  EXPECT_EQ(gc::verifyHeap(), std::vector<std::string>{});
}

}  // namespace
}  // namespace tern::gc_test
