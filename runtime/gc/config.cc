#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "runtime/gc/heap.h"

namespace tern::gc {

namespace {

// Parses a byte count with an optional k/m/g suffix; exits with a message on junk,
// since a mistyped setting silently ignored would measure the wrong thing.
size_t parseBytes(const char* name, const char* text) {
  char* end = nullptr;
  unsigned long long n = std::strtoull(text, &end, 10);
  constexpr struct {
    char suffix;
    unsigned shift;
  } kSuffixes[] = {{'k', 10}, {'m', 20}, {'g', 30}};
  for (auto [suffix, shift] : kSuffixes) {
    if (std::tolower(static_cast<unsigned char>(*end)) == suffix) {
      n <<= shift;
      ++end;
      break;
    }
  }
  if (end == text || *end != '\0' || n == 0) {
    std::fprintf(stderr, "tern: %s=%s: expected a positive byte count such as 4m\n", name, text);
    std::exit(2);
  }
  return n;
}

uint64_t parseCount(const char* name, const char* text, char** end) {
  uint64_t n = std::strtoull(text, end, 10);
  if (*end == text) {
    std::fprintf(stderr, "tern: %s=%s: expected a number\n", name, text);
    std::exit(2);
  }
  return n;
}

}  // namespace

bool Config::setReleaseMode(const char* text) {
  if (std::strcmp(text, "free") == 0) {
    release = ReleaseMode::kFree;
  } else if (std::strcmp(text, "dontneed") == 0) {
    release = ReleaseMode::kDontNeed;
  } else {
    return false;
  }
  return true;
}

Config Config::fromEnvironment() {
  Config c;
  if (const char* v = std::getenv("TERN_GC_NURSERY")) c.nursery_bytes = parseBytes("TERN_GC_NURSERY", v);
  if (const char* v = std::getenv("TERN_GC_OLD_RESERVE")) c.old_reserve_bytes = parseBytes("TERN_GC_OLD_RESERVE", v);
  if (const char* v = std::getenv("TERN_GC_TENURE_AGE")) {
    char* end;
    uint64_t age = parseCount("TERN_GC_TENURE_AGE", v, &end);
    if (*end != '\0' || age < 1 || age > header::kMaxAge) {
      std::fprintf(stderr, "tern: TERN_GC_TENURE_AGE=%s: expected 1..%u\n", v, header::kMaxAge);
      std::exit(2);
    }
    c.tenure_age = static_cast<unsigned>(age);
  }
  if (const char* v = std::getenv("TERN_GC_MADVISE"); v != nullptr && !c.setReleaseMode(v)) {
    std::fprintf(stderr, "tern: TERN_GC_MADVISE=%s: expected free or dontneed\n", v);
    std::exit(2);
  }
  if (const char* v = std::getenv("TERN_GC_STRESS"); v != nullptr && *v != '\0') {
    char* end;
    c.stress_every = parseCount("TERN_GC_STRESS", v, &end);
    if (*end == ',') c.stress_major_every = parseCount("TERN_GC_STRESS", end + 1, &end);
    if (*end != '\0' || c.stress_every == 0) {
      std::fprintf(stderr, "tern: TERN_GC_STRESS=%s: expected N or N,M (N > 0)\n", v);
      std::exit(2);
    }
  }
  if (const char* v = std::getenv("TERN_GC_VERIFY")) c.verify = *v != '\0' && std::strcmp(v, "0") != 0;
  if (const char* v = std::getenv("TERN_GC_HUGEPAGES")) c.huge_pages = *v != '\0' && std::strcmp(v, "0") != 0;
  c.poison = c.verify || c.stress_every != 0;
  return c;
}

}  // namespace tern::gc
