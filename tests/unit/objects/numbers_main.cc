// The numbers tests need the object model: a heap (set up from the
// environment, so the same binary runs plain and under TERN_GC_STRESS) and
// the builtin types.
#include <gtest/gtest.h>

#include <cstdio>

#include "runtime/gc/heap.h"
#include "runtime/interp/thread_state.h"
#include "runtime/objects/type.h"

int main(int argc, char** argv) {
  testing::InitGoogleTest(&argc, argv);
  tern::gc::initialize(tern::gc::Config::fromEnvironment());
  tern::interp::attachThread();
  if (!tern::initializeTypes()) {
    std::fprintf(stderr, "initializeTypes failed\n");
    return 1;
  }
  return RUN_ALL_TESTS();
}
