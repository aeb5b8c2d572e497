// The interpreter tests need the whole runtime: a heap set up from the
// environment (so the same binary runs plain and under TERN_GC_STRESS), the
// builtin types and modules.
#include <gtest/gtest.h>

#include <cstdio>

#include "runtime/gc/heap.h"
#include "runtime/interp/runtime.h"

int main(int argc, char** argv) {
  testing::InitGoogleTest(&argc, argv);
  tern::gc::initialize(tern::gc::Config::fromEnvironment());
  if (!tern::initializeRuntime()) {
    std::fprintf(stderr, "initializeRuntime failed\n");
    return 1;
  }
  return RUN_ALL_TESTS();
}
