// tracemalloc from start-up: `-X tracemalloc[=NFRAME]` and PYTHONTRACEMALLOC
// (_tracemalloc.cc).
#pragma once

#include <string>

namespace tern {

// Starts tracing when the configuration asks for it, before any Python code
// runs: PYTHONTRACEMALLOC=N, then `-X tracemalloc` (N = 1) or
// `-X tracemalloc=N`, which wins; N = 0 does not trace.  Returns an empty
// string, or for a bad value the lines CPython's fatal error prints after
// "Fatal Python error: " ("config_init_tracemalloc: ..." for one that is not
// a number >= 0, "init_interp_main: can't initialize tracemalloc" for one
// above 65535, each with the runtime state line).
std::string startTracemallocFromConfig();

}  // namespace tern
