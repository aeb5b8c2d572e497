#include "runtime/interp/value_stack.h"

#include <sys/mman.h>

#include <cstdio>
#include <cstdlib>

namespace tern::interp {

ValueStack::ValueStack(size_t capacity) : capacity_(capacity) {
  void* memory = mmap(nullptr, capacity * sizeof(Value), PROT_READ | PROT_WRITE,
                      MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (memory == MAP_FAILED) {
    std::fprintf(stderr, "tern: cannot reserve a value stack of %zu words\n", capacity);
    std::abort();
  }
  base_ = top_ = static_cast<Value*>(memory);
  limit_ = base_ + capacity;
}

ValueStack::~ValueStack() { munmap(base_, capacity_ * sizeof(Value)); }

void ValueStack::traceRoots(gc::RootVisitor& visitor) {
  for (Value* slot = base_; slot < top_; ++slot) visitor.visitRoot(slot);
}

}  // namespace tern::interp
