// Roots: where the collector starts.
//
//  1. Thread stacks and registers, scanned conservatively (stack_scan.cc).  A C++
//     local holding a heap reference is always safe.  A young object that a stack
//     word points at or into is pinned: it does not move during that collection.
//  2. Root containers, scanned precisely: GlobalRoot (one Value) and RootVector (a
//     growable array of Values).  They are the only place heap references may live
//     outside the heap and the stacks; a reference kept in a plain std::vector or a
//     static is invisible to the collector and goes stale at the next collection.
//  3. The collector's own tables: dirty cards, objects awaiting finalisation.
//
// Threads: a thread that touches the heap registers itself (MutatorThread).  The
// heap has one mutator at a time (the GIL will enforce it); every other registered
// thread must be parked (ParkedScope) when a collection starts, which saves its
// callee-saved registers and stack pointer so its stack can be scanned.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "runtime/gc/value.h"

namespace tern::gc {

class RootVisitor {
 public:
  virtual void visitRoot(Value* slot) = 0;

 protected:
  ~RootVisitor() = default;
};

// Intrusive registration shared by the root containers.
class RootBase {
 public:
  RootBase(const RootBase&) = delete;
  RootBase& operator=(const RootBase&) = delete;
  virtual void traceRoots(RootVisitor& visitor) = 0;

 protected:
  RootBase();
  virtual ~RootBase();

 private:
  friend void traceRegisteredRoots(RootVisitor& visitor);
  RootBase* prev_ = nullptr;
  RootBase* next_ = nullptr;
};

void traceRegisteredRoots(RootVisitor& visitor);

class GlobalRoot final : public RootBase {
 public:
  explicit GlobalRoot(Value v = Value()) : value_(v) {}
  Value get() const { return value_; }
  void set(Value v) { value_ = v; }
  void traceRoots(RootVisitor& visitor) override { visitor.visitRoot(&value_); }

 private:
  Value value_;
};

class RootVector final : public RootBase {
 public:
  RootVector() = default;
  size_t size() const { return values_.size(); }
  bool empty() const { return values_.empty(); }
  Value operator[](size_t i) const { return values_[i]; }
  void set(size_t i, Value v) { values_[i] = v; }
  void push_back(Value v) { values_.push_back(v); }
  void pop_back() { values_.pop_back(); }
  Value back() const { return values_.back(); }
  void clear() { values_.clear(); }
  void resize(size_t n) { values_.resize(n); }
  // The slots as an array (e.g. a sort buffer): valid until the next resize,
  // push_back or clear; the collector updates the slots in place.
  Value* data() { return values_.data(); }
  void traceRoots(RootVisitor& visitor) override {
    for (Value& v : values_) visitor.visitRoot(&v);
  }

 private:
  std::vector<Value> values_;
};

// ---------------------------------------------------------------------------
// Threads

struct ThreadRecord;

// Registers the calling thread with the heap for the object's lifetime.
class MutatorThread {
 public:
  MutatorThread();
  ~MutatorThread();
  MutatorThread(const MutatorThread&) = delete;
  MutatorThread& operator=(const MutatorThread&) = delete;

 private:
  ThreadRecord* record_;
};

// The callee-saved registers and stack pointer of a parked thread.
struct SavedRegisters {
  uintptr_t words[7];  // rbx rbp r12 r13 r14 r15 rsp
};

// Captures the calling frame's registers; always inlined so that what it saves is
// the caller's state, not a dead callee frame's.
[[gnu::always_inline]] inline void saveRegisters(SavedRegisters* out) {
#if defined(__x86_64__)
  asm volatile(
      "movq %%rbx, 0(%0)\n\t"
      "movq %%rbp, 8(%0)\n\t"
      "movq %%r12, 16(%0)\n\t"
      "movq %%r13, 24(%0)\n\t"
      "movq %%r14, 32(%0)\n\t"
      "movq %%r15, 40(%0)\n\t"
      "movq %%rsp, 48(%0)\n\t"
      :
      : "r"(out)
      : "memory");
#else
#error "Tern's conservative stack scanning supports x86-64 only"
#endif
}

void parkCurrentThread(const SavedRegisters& registers);
void unparkCurrentThread();

// While alive, the calling thread promises not to touch the heap; a collection on
// another thread may run and scans this thread's stack from here up.
class ParkedScope {
 public:
  [[gnu::always_inline]] ParkedScope() {
    SavedRegisters registers;
    saveRegisters(&registers);
    parkCurrentThread(registers);
  }
  ~ParkedScope() { unparkCurrentThread(); }
  ParkedScope(const ParkedScope&) = delete;
  ParkedScope& operator=(const ParkedScope&) = delete;
};

}  // namespace tern::gc
