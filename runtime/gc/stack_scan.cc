// Conservative roots: the stacks and saved registers of the mutator threads.
//
// Every registered thread has a ThreadRecord with the top (highest address) of
// its stack.  The collecting thread scans its own stack from its current stack
// pointer, after __builtin_unwind_init() has forced its callee-saved registers
// into the frame.  Every other registered thread must be parked: it saved its
// callee-saved registers and stack pointer on parking (roots.h), and its stack is
// scanned from there.  Each aligned word is masked of its tag bits and kept if
// it falls in the young or old space; the collectors resolve interior pointers.
// A collection stops the world (stopTheWorld) for its whole length.
#include <pthread.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <vector>

#include "runtime/gc/heap_internal.h"
#include "runtime/gc/roots.h"
#include "runtime/gc/sanitizer.h"

namespace tern::gc {

struct ThreadRecord {
  uintptr_t stack_hi = 0;
  bool parked = false;  // guarded by g_threads_mutex
  SavedRegisters registers{};
};

namespace {

constinit std::mutex g_threads_mutex;
std::vector<ThreadRecord*>& threads() {
  static std::vector<ThreadRecord*> records;
  return records;
}
thread_local ThreadRecord* t_self = nullptr;

// The x86-64 red zone: a leaf function may keep data this far below its stack
// pointer.
constexpr uintptr_t kRedZoneBytes = 128;

TERN_NO_SANITIZE_ADDRESS void scanRange(uintptr_t lo, uintptr_t hi, std::vector<uintptr_t>& out) {
  lo &= ~uintptr_t{7};
  for (uintptr_t a = lo; a + sizeof(uintptr_t) <= hi; a += sizeof(uintptr_t)) {
    uintptr_t word = *reinterpret_cast<const uintptr_t*>(a) & ~uintptr_t{7};
    if (isYoungAddress(word) || isOldAddress(word)) out.push_back(word);
  }
}

void scanWords(const uintptr_t* words, size_t n, std::vector<uintptr_t>& out) {
  scanRange(reinterpret_cast<uintptr_t>(words), reinterpret_cast<uintptr_t>(words + n), out);
}

}  // namespace

MutatorThread::MutatorThread() : record_(new ThreadRecord()) {
  pthread_attr_t attr;
  void* stack_lo = nullptr;
  size_t stack_size = 0;
  if (pthread_getattr_np(pthread_self(), &attr) != 0 || pthread_attr_getstack(&attr, &stack_lo, &stack_size) != 0) {
    std::fprintf(stderr, "tern: cannot find the stack of a new thread\n");
    std::abort();
  }
  pthread_attr_destroy(&attr);
  record_->stack_hi = reinterpret_cast<uintptr_t>(stack_lo) + stack_size;
  std::lock_guard lock(g_threads_mutex);
  threads().push_back(record_);
  t_self = record_;
}

MutatorThread::~MutatorThread() {
  std::lock_guard lock(g_threads_mutex);
  auto& records = threads();
  records.erase(std::find(records.begin(), records.end(), record_));
  if (t_self == record_) t_self = nullptr;
  delete record_;
}

// A collection holds g_threads_mutex from start to end: a parked thread that
// wants to unpark waits until the collection is over, and no thread registers or
// parks halfway through one.
void stopTheWorld() { g_threads_mutex.lock(); }
void resumeTheWorld() { g_threads_mutex.unlock(); }

void parkCurrentThread(const SavedRegisters& registers) {
  std::lock_guard lock(g_threads_mutex);
  t_self->registers = registers;
  t_self->parked = true;
}

void unparkCurrentThread() {
  std::lock_guard lock(g_threads_mutex);
  t_self->parked = false;
}

TERN_NO_SANITIZE_ADDRESS [[gnu::noinline]] std::vector<uintptr_t> conservativeRoots() {
  // Spill the callee-saved registers into this frame, which is scanned below.
  __builtin_unwind_init();
  uintptr_t sp;
  asm volatile("movq %%rsp, %0" : "=r"(sp));

  std::vector<uintptr_t> words;
  if (t_self == nullptr) {
    std::fprintf(stderr, "tern: internal error: a collection on a thread not registered with the heap\n");
    std::abort();
  }
  scanRange(sp - kRedZoneBytes, t_self->stack_hi, words);
  for (ThreadRecord* record : threads()) {
    if (record == t_self) continue;
    if (!record->parked) {
      std::fprintf(stderr, "tern: internal error: a collection while another mutator thread runs\n");
      std::abort();
    }
    scanWords(record->registers.words, 6, words);
    scanRange(record->registers.words[6] - kRedZoneBytes, record->stack_hi, words);
  }
  return words;
}

}  // namespace tern::gc
