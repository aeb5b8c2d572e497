// AddressSanitizer hooks for memory the collector manages itself.  Free nursery
// memory is poisoned so that a stale reference into it is reported at once.
#pragma once

#include <cstddef>

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/asan_interface.h>
#define TERN_NO_SANITIZE_ADDRESS __attribute__((no_sanitize("address")))
#else
#define TERN_NO_SANITIZE_ADDRESS
#endif

namespace tern::gc {

inline void asanPoison([[maybe_unused]] void* p, [[maybe_unused]] size_t n) {
#if defined(__SANITIZE_ADDRESS__)
  ASAN_POISON_MEMORY_REGION(p, n);
#endif
}

inline void asanUnpoison([[maybe_unused]] void* p, [[maybe_unused]] size_t n) {
#if defined(__SANITIZE_ADDRESS__)
  ASAN_UNPOISON_MEMORY_REGION(p, n);
#endif
}

}  // namespace tern::gc
