// CPython 3.11's hash functions (see hash.h).
#include "runtime/objects/hash.h"

#include <fcntl.h>
#include <sys/random.h>
#include <unistd.h>

#include <bit>
#include <cerrno>
#include <climits>
#include <cmath>
#include <cstdlib>
#include <cstring>

namespace tern::objects {

namespace {

static_assert(std::endian::native == std::endian::little, "hash secret layout assumes little-endian");

// CPython's _Py_HashSecret is a 24-byte union; SipHash takes its key from
// the first 16 bytes (k0 then k1, native order).  The seeded LCG fills all
// 24, so only the first 16 matter here.
struct Secret {
  uint64_t k0 = 0;
  uint64_t k1 = 0;
};

Secret g_secret;
bool g_randomized = false;

constexpr char kSeedError[] = "PYTHONHASHSEED must be \"random\" or an integer in range [0; 4294967295]";

// The LCG CPython uses for a fixed seed (that of MSVC's rand()): each byte is
// bits 16..23 of the next state.
void fill_from_seed(uint32_t seed, unsigned char* out, size_t n) {
  uint32_t x = seed;
  for (size_t i = 0; i < n; ++i) {
    x = x * 214013u + 2531011u;
    out[i] = static_cast<unsigned char>((x >> 16) & 0xff);
  }
}

Secret secret_from_seed(uint32_t seed) {
  unsigned char bytes[24] = {};
  if (seed != 0) fill_from_seed(seed, bytes, sizeof bytes);  // seed 0: all-zero key
  Secret s;
  std::memcpy(&s.k0, bytes, 8);
  std::memcpy(&s.k1, bytes + 8, 8);
  return s;
}

// Random bytes from the OS: getrandom(2), falling back to /dev/urandom.
bool os_random(unsigned char* out, size_t n) {
  size_t got = 0;
  while (got < n) {
    ssize_t r = getrandom(out + got, n - got, 0);
    if (r < 0) {
      if (errno == EINTR) continue;
      break;
    }
    got += static_cast<size_t>(r);
  }
  if (got == n) return true;
  int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  while (got < n) {
    ssize_t r = read(fd, out + got, n - got);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) break;
    got += static_cast<size_t>(r);
  }
  close(fd);
  return got == n;
}

// ---------------------------------------------------------------------------
// SipHash-1-3 (one compression round per word, three finalization rounds)

inline void sip_round(uint64_t& v0, uint64_t& v1, uint64_t& v2, uint64_t& v3) {
  v0 += v1;
  v1 = std::rotl(v1, 13);
  v1 ^= v0;
  v0 = std::rotl(v0, 32);
  v2 += v3;
  v3 = std::rotl(v3, 16);
  v3 ^= v2;
  v0 += v3;
  v3 = std::rotl(v3, 21);
  v3 ^= v0;
  v2 += v1;
  v1 = std::rotl(v1, 17);
  v1 ^= v2;
  v2 = std::rotl(v2, 32);
}

uint64_t siphash13(uint64_t k0, uint64_t k1, const unsigned char* p, size_t len) {
  uint64_t v0 = k0 ^ 0x736f6d6570736575ull;
  uint64_t v1 = k1 ^ 0x646f72616e646f6dull;
  uint64_t v2 = k0 ^ 0x6c7967656e657261ull;
  uint64_t v3 = k1 ^ 0x7465646279746573ull;
  size_t words = len / 8;
  for (size_t i = 0; i < words; ++i) {
    uint64_t m;
    std::memcpy(&m, p + 8 * i, 8);
    v3 ^= m;
    sip_round(v0, v1, v2, v3);
    v0 ^= m;
  }
  // The last block: the leftover bytes, with the length's low byte on top.
  uint64_t b = static_cast<uint64_t>(len) << 56;
  const unsigned char* tail = p + 8 * words;
  for (size_t i = 0; i < len % 8; ++i) b |= static_cast<uint64_t>(tail[i]) << (8 * i);
  v3 ^= b;
  sip_round(v0, v1, v2, v3);
  v0 ^= b;
  v2 ^= 0xff;
  sip_round(v0, v1, v2, v3);
  sip_round(v0, v1, v2, v3);
  sip_round(v0, v1, v2, v3);
  return v0 ^ v1 ^ v2 ^ v3;
}

// -1 is CPython's "error" hash, so a genuine -1 becomes -2.
inline int64_t not_minus_one(uint64_t x) { return x == ~uint64_t{0} ? -2 : static_cast<int64_t>(x); }

}  // namespace

// ---------------------------------------------------------------------------
// The secret

std::optional<std::string> init_hash_secret() { return init_hash_secret(std::getenv("PYTHONHASHSEED")); }

std::optional<std::string> init_hash_secret(const char* text) {
  // CPython treats an empty variable as unset.
  if (text == nullptr || *text == '\0' || std::strcmp(text, "random") == 0) {
    unsigned char bytes[16];
    if (!os_random(bytes, sizeof bytes)) return std::string("failed to get random numbers to initialize Python");
    std::memcpy(&g_secret.k0, bytes, 8);
    std::memcpy(&g_secret.k1, bytes + 8, 8);
    g_randomized = true;
    return std::nullopt;
  }
  // Parsed with strtoul like CPython, so leading blanks and a sign are
  // accepted ("-0" is 0; "-1" wraps and is out of range).
  char* end = nullptr;
  errno = 0;
  unsigned long seed = std::strtoul(text, &end, 10);
  if (*end != '\0' || seed > 4294967295ul || (errno == ERANGE && seed == ULONG_MAX)) return std::string(kSeedError);
  set_hash_seed(static_cast<uint32_t>(seed));
  return std::nullopt;
}

void set_hash_seed(uint32_t seed) {
  g_secret = secret_from_seed(seed);
  g_randomized = false;
}

bool hash_randomization() { return g_randomized; }

// ---------------------------------------------------------------------------
// Hash functions

int64_t hash_bytes(const void* data, size_t len) {
  if (len == 0) return 0;
  return not_minus_one(siphash13(g_secret.k0, g_secret.k1, static_cast<const unsigned char*>(data), len));
}

uint64_t keyed_hash(uint64_t key, const void* data, size_t len) {
  return siphash13(key, 0, static_cast<const unsigned char*>(data), len);
}

int64_t hash_double(double v, int64_t nan_hash) {
  if (std::isnan(v)) return nan_hash;
  if (std::isinf(v)) return v > 0 ? kHashInf : -kHashInf;
  // v = m * 2**e with 0.5 <= |m| < 1; feed m's bits in 28 at a time,
  // reducing modulo 2**61 - 1, where multiplying by 2**k is a rotation of
  // the 61-bit value.
  int e;
  double m = std::frexp(v, &e);
  bool neg = m < 0;
  if (neg) m = -m;
  uint64_t x = 0;
  while (m != 0) {
    x = ((x << 28) & kHashModulus) | x >> (kHashBits - 28);
    m *= 268435456.0;  // 2**28
    e -= 28;
    auto y = static_cast<uint64_t>(m);
    m -= static_cast<double>(y);
    x += y;
    if (x >= kHashModulus) x -= kHashModulus;
  }
  // Multiply by 2**e: e modulo 61, rounded towards -infinity.
  e = e >= 0 ? e % kHashBits : kHashBits - 1 - ((-1 - e) % kHashBits);
  x = ((x << e) & kHashModulus) | x >> (kHashBits - e);
  if (neg) x = 0 - x;
  return not_minus_one(x);
}

int64_t hash_complex(double re, double im, int64_t nan_hash) {
  auto hr = static_cast<uint64_t>(hash_double(re, nan_hash));
  auto hi = static_cast<uint64_t>(hash_double(im, nan_hash));
  return not_minus_one(hr + kHashImag * hi);
}

int64_t hash_tuple(const int64_t* hashes, size_t n) {
  constexpr uint64_t kPrime1 = 11400714785074694791ull;
  constexpr uint64_t kPrime2 = 14029467366897019727ull;
  constexpr uint64_t kPrime5 = 2870177450012600261ull;
  uint64_t acc = kPrime5;
  for (size_t i = 0; i < n; ++i) {
    acc += static_cast<uint64_t>(hashes[i]) * kPrime2;
    acc = std::rotl(acc, 31);
    acc *= kPrime1;
  }
  acc += static_cast<uint64_t>(n) ^ (kPrime5 ^ 3527539ull);
  // tuplehash maps -1 to this constant, not to -2.
  if (acc == ~uint64_t{0}) return 1546275796;
  return static_cast<int64_t>(acc);
}

}  // namespace tern::objects
