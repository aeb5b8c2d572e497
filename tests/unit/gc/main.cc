// The GC unit tests share one heap, set up from the environment (TERN_GC_STRESS,
// TERN_GC_VERIFY, ...) so the same binary runs plain and under stress.
#include <gtest/gtest.h>

#include "runtime/gc/heap.h"

int main(int argc, char** argv) {
  testing::InitGoogleTest(&argc, argv);
  tern::gc::initialize(tern::gc::Config::fromEnvironment());
  return RUN_ALL_TESTS();
}
