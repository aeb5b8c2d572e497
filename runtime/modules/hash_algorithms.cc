// The digests of hash_algorithms.h.  The round constants the specifications
// define by formula (MD5's sines, SHA-2's roots of primes, Keccak's LFSR and
// rotation offsets) are computed from those formulas once, at first use,
// rather than transcribed: GMP's exact integer roots give the SHA-2 words.
#include "runtime/modules/hash_algorithms.h"

#include <gmp.h>

#include <cmath>
#include <cstring>

namespace tern::hashes {

namespace {

inline uint32_t rotl32(uint32_t x, unsigned n) { return (x << n) | (x >> ((32 - n) & 31)); }
inline uint32_t rotr32(uint32_t x, unsigned n) { return (x >> n) | (x << ((32 - n) & 31)); }
inline uint64_t rotl64(uint64_t x, unsigned n) { return (x << n) | (x >> ((64 - n) & 63)); }
inline uint64_t rotr64(uint64_t x, unsigned n) { return (x >> n) | (x << ((64 - n) & 63)); }

inline uint32_t load32le(const uint8_t* p) {
  return uint32_t{p[0]} | uint32_t{p[1]} << 8 | uint32_t{p[2]} << 16 | uint32_t{p[3]} << 24;
}
inline uint32_t load32be(const uint8_t* p) {
  return uint32_t{p[3]} | uint32_t{p[2]} << 8 | uint32_t{p[1]} << 16 | uint32_t{p[0]} << 24;
}
inline uint64_t load64le(const uint8_t* p) { return uint64_t{load32le(p)} | uint64_t{load32le(p + 4)} << 32; }
inline uint64_t load64be(const uint8_t* p) { return uint64_t{load32be(p)} << 32 | uint64_t{load32be(p + 4)}; }
inline void store32le(uint8_t* p, uint32_t v) {
  for (int i = 0; i < 4; ++i) p[i] = static_cast<uint8_t>(v >> (8 * i));
}
inline void store32be(uint8_t* p, uint32_t v) {
  for (int i = 0; i < 4; ++i) p[i] = static_cast<uint8_t>(v >> (24 - 8 * i));
}
inline void store64le(uint8_t* p, uint64_t v) {
  for (int i = 0; i < 8; ++i) p[i] = static_cast<uint8_t>(v >> (8 * i));
}
inline void store64be(uint8_t* p, uint64_t v) {
  for (int i = 0; i < 8; ++i) p[i] = static_cast<uint8_t>(v >> (56 - 8 * i));
}

// ===========================================================================
// Constants

// floor(frac(p ** (1/k)) * 2**bits): the bits of the fractional part of a
// root of a prime, which is how SHA-2 defines its initial values (k = 2) and
// round constants (k = 3).
uint64_t rootFractionBits(unsigned long p, unsigned long k, unsigned bits) {
  mpz_t x;
  mpz_init_set_ui(x, p);
  mpz_mul_2exp(x, x, k * bits);
  mpz_root(x, x, k);
  mpz_fdiv_r_2exp(x, x, bits);
  uint64_t r = mpz_getlimbn(x, 0);
  mpz_clear(x);
  return r;
}

struct Constants {
  uint32_t md5_k[64];
  uint32_t sha256_k[64];
  uint64_t sha512_k[80];
  uint64_t sqrt64[16];  // fractional bits of the square roots of the first 16 primes
  uint64_t keccak_rc[24];
  unsigned keccak_rho[25];  // rotation of lane x + 5y

  Constants() {
    for (int i = 0; i < 64; ++i) {
      md5_k[i] = static_cast<uint32_t>(std::floor(std::fabs(std::sin(i + 1.0)) * 4294967296.0));
    }
    unsigned long primes[80];
    int found = 0;
    for (unsigned long n = 2; found < 80; ++n) {
      bool prime = true;
      for (int i = 0; i < found && primes[i] * primes[i] <= n; ++i) {
        if (n % primes[i] == 0) {
          prime = false;
          break;
        }
      }
      if (prime) primes[found++] = n;
    }
    for (int i = 0; i < 80; ++i) sha512_k[i] = rootFractionBits(primes[i], 3, 64);
    for (int i = 0; i < 64; ++i) sha256_k[i] = static_cast<uint32_t>(sha512_k[i] >> 32);
    for (int i = 0; i < 16; ++i) sqrt64[i] = rootFractionBits(primes[i], 2, 64);
    // FIPS 202 3.2.5: the round constants from the LFSR x^8 + x^6 + x^5 + x^4 + 1.
    uint8_t lfsr = 1;
    for (int round = 0; round < 24; ++round) {
      uint64_t rc = 0;
      for (int j = 0; j < 7; ++j) {
        if (lfsr & 1) rc |= uint64_t{1} << ((1u << j) - 1);
        lfsr = (lfsr & 0x80) ? static_cast<uint8_t>((lfsr << 1) ^ 0x71) : static_cast<uint8_t>(lfsr << 1);
      }
      keccak_rc[round] = rc;
    }
    // FIPS 202 3.2.2: the offsets along the walk (x, y) -> (y, 2x + 3y).
    keccak_rho[0] = 0;
    int x = 1, y = 0;
    for (int t = 0; t < 24; ++t) {
      keccak_rho[x + 5 * y] = static_cast<unsigned>(((t + 1) * (t + 2) / 2) % 64);
      int nx = y, ny = (2 * x + 3 * y) % 5;
      x = nx;
      y = ny;
    }
  }
};

const Constants& constants() {
  static const Constants c;
  return c;
}

// ===========================================================================
// The Merkle-Damgard buffer: full blocks go to `compress`, the rest waits.

template <size_t kBlock, typename State, typename Compress>
void mdUpdate(State* s, const uint8_t* data, size_t n, Compress compress) {
  size_t used = static_cast<size_t>(s->length % kBlock);
  s->length += n;
  if (used > 0) {
    size_t take = kBlock - used < n ? kBlock - used : n;
    std::memcpy(s->block + used, data, take);
    data += take;
    n -= take;
    if (used + take < kBlock) return;
    compress(s, s->block);
  }
  for (; n >= kBlock; data += kBlock, n -= kBlock) compress(s, data);
  std::memcpy(s->block, data, n);
}

// Pads with 0x80, zeros and the message length in bits (`length_bytes`
// bytes, big- or little-endian) and compresses the last block(s).
template <size_t kBlock, size_t kLengthBytes, bool kBigEndian, typename State, typename Compress>
void mdFinal(State* s, Compress compress) {
  uint64_t bits = s->length * 8;
  uint64_t high_bits = s->length >> 61;  // the bits above 64 of a 128-bit length
  size_t used = static_cast<size_t>(s->length % kBlock);
  s->block[used++] = 0x80;
  if (used > kBlock - kLengthBytes) {
    std::memset(s->block + used, 0, kBlock - used);
    compress(s, s->block);
    used = 0;
  }
  std::memset(s->block + used, 0, kBlock - used);
  uint8_t* tail = s->block + kBlock - 8;
  if (kBigEndian) {
    store64be(tail, bits);
    if (kLengthBytes == 16) store64be(tail - 8, high_bits);
  } else {
    store64le(tail, bits);
  }
  compress(s, s->block);
}

// ===========================================================================
// MD5 (RFC 1321)

void md5Compress(Md5State* s, const uint8_t* p) {
  static constexpr unsigned kShift[4][4] = {{7, 12, 17, 22}, {5, 9, 14, 20}, {4, 11, 16, 23}, {6, 10, 15, 21}};
  const uint32_t* k = constants().md5_k;
  uint32_t m[16];
  for (int i = 0; i < 16; ++i) m[i] = load32le(p + 4 * i);
  uint32_t a = s->h[0], b = s->h[1], c = s->h[2], d = s->h[3];
  for (int i = 0; i < 64; ++i) {
    uint32_t f;
    int g, round = i / 16;
    switch (round) {
      case 0:
        f = (b & c) | (~b & d);
        g = i;
        break;
      case 1:
        f = (d & b) | (~d & c);
        g = (5 * i + 1) % 16;
        break;
      case 2:
        f = b ^ c ^ d;
        g = (3 * i + 5) % 16;
        break;
      default:
        f = c ^ (b | ~d);
        g = (7 * i) % 16;
        break;
    }
    f += a + k[i] + m[g];
    a = d;
    d = c;
    c = b;
    b += rotl32(f, kShift[round][i % 4]);
  }
  s->h[0] += a;
  s->h[1] += b;
  s->h[2] += c;
  s->h[3] += d;
}

// ===========================================================================
// SHA-1 (FIPS 180-4 6.1)

void sha1Compress(Sha1State* s, const uint8_t* p) {
  uint32_t w[80];
  for (int t = 0; t < 16; ++t) w[t] = load32be(p + 4 * t);
  for (int t = 16; t < 80; ++t) w[t] = rotl32(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1);
  uint32_t a = s->h[0], b = s->h[1], c = s->h[2], d = s->h[3], e = s->h[4];
  for (int t = 0; t < 80; ++t) {
    uint32_t f, k;
    if (t < 20) {
      f = (b & c) | (~b & d);
      k = 0x5a827999u;
    } else if (t < 40) {
      f = b ^ c ^ d;
      k = 0x6ed9eba1u;
    } else if (t < 60) {
      f = (b & c) | (b & d) | (c & d);
      k = 0x8f1bbcdcu;
    } else {
      f = b ^ c ^ d;
      k = 0xca62c1d6u;
    }
    uint32_t temp = rotl32(a, 5) + f + e + k + w[t];
    e = d;
    d = c;
    c = rotl32(b, 30);
    b = a;
    a = temp;
  }
  s->h[0] += a;
  s->h[1] += b;
  s->h[2] += c;
  s->h[3] += d;
  s->h[4] += e;
}

// ===========================================================================
// SHA-256 (FIPS 180-4 6.2)

void sha256Compress(Sha256State* s, const uint8_t* p) {
  const uint32_t* k = constants().sha256_k;
  uint32_t w[64];
  for (int t = 0; t < 16; ++t) w[t] = load32be(p + 4 * t);
  for (int t = 16; t < 64; ++t) {
    uint32_t s0 = rotr32(w[t - 15], 7) ^ rotr32(w[t - 15], 18) ^ (w[t - 15] >> 3);
    uint32_t s1 = rotr32(w[t - 2], 17) ^ rotr32(w[t - 2], 19) ^ (w[t - 2] >> 10);
    w[t] = w[t - 16] + s0 + w[t - 7] + s1;
  }
  uint32_t v[8];
  std::memcpy(v, s->h, sizeof v);
  for (int t = 0; t < 64; ++t) {
    uint32_t e = v[4], a = v[0];
    uint32_t t1 = v[7] + (rotr32(e, 6) ^ rotr32(e, 11) ^ rotr32(e, 25)) + ((e & v[5]) ^ (~e & v[6])) + k[t] + w[t];
    uint32_t t2 = (rotr32(a, 2) ^ rotr32(a, 13) ^ rotr32(a, 22)) + ((a & v[1]) ^ (a & v[2]) ^ (v[1] & v[2]));
    std::memmove(v + 1, v, 7 * sizeof(uint32_t));
    v[4] += t1;
    v[0] = t1 + t2;
  }
  for (int i = 0; i < 8; ++i) s->h[i] += v[i];
}

// ===========================================================================
// SHA-512 (FIPS 180-4 6.4)

void sha512Compress(Sha512State* s, const uint8_t* p) {
  const uint64_t* k = constants().sha512_k;
  uint64_t w[80];
  for (int t = 0; t < 16; ++t) w[t] = load64be(p + 8 * t);
  for (int t = 16; t < 80; ++t) {
    uint64_t s0 = rotr64(w[t - 15], 1) ^ rotr64(w[t - 15], 8) ^ (w[t - 15] >> 7);
    uint64_t s1 = rotr64(w[t - 2], 19) ^ rotr64(w[t - 2], 61) ^ (w[t - 2] >> 6);
    w[t] = w[t - 16] + s0 + w[t - 7] + s1;
  }
  uint64_t v[8];
  std::memcpy(v, s->h, sizeof v);
  for (int t = 0; t < 80; ++t) {
    uint64_t e = v[4], a = v[0];
    uint64_t t1 = v[7] + (rotr64(e, 14) ^ rotr64(e, 18) ^ rotr64(e, 41)) + ((e & v[5]) ^ (~e & v[6])) + k[t] + w[t];
    uint64_t t2 = (rotr64(a, 28) ^ rotr64(a, 34) ^ rotr64(a, 39)) + ((a & v[1]) ^ (a & v[2]) ^ (v[1] & v[2]));
    std::memmove(v + 1, v, 7 * sizeof(uint64_t));
    v[4] += t1;
    v[0] = t1 + t2;
  }
  for (int i = 0; i < 8; ++i) s->h[i] += v[i];
}

// ===========================================================================
// Keccak-f[1600] (FIPS 202 3.3)

void keccakPermute(uint64_t a[25]) {
  const Constants& k = constants();
  for (int round = 0; round < 24; ++round) {
    uint64_t c[5], b[25];
    for (int x = 0; x < 5; ++x) c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
    for (int x = 0; x < 5; ++x) {
      uint64_t d = c[(x + 4) % 5] ^ rotl64(c[(x + 1) % 5], 1);
      for (int y = 0; y < 25; y += 5) a[x + y] ^= d;
    }
    // rho and pi: lane (x, y) moves to (y, 2x + 3y).
    for (int x = 0; x < 5; ++x) {
      for (int y = 0; y < 5; ++y) b[y + 5 * ((2 * x + 3 * y) % 5)] = rotl64(a[x + 5 * y], k.keccak_rho[x + 5 * y]);
    }
    for (int y = 0; y < 25; y += 5) {
      for (int x = 0; x < 5; ++x) a[x + y] = b[x + y] ^ (~b[(x + 1) % 5 + y] & b[(x + 2) % 5 + y]);
    }
    a[0] ^= k.keccak_rc[round];
  }
}

void keccakXorByte(KeccakState* s, uint32_t i, uint8_t byte) { s->lanes[i / 8] ^= uint64_t{byte} << (8 * (i % 8)); }

// ===========================================================================
// BLAKE2 (RFC 7693)

constexpr uint8_t kSigma[10][16] = {
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}, {14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
    {11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4}, {7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8},
    {9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13}, {2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9},
    {12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11}, {13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10},
    {6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5}, {10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0},
};

// The compression function F over words of type W with G's rotations R1..R4.
template <typename W, int kRounds, unsigned R1, unsigned R2, unsigned R3, unsigned R4>
void blake2Compress(W h[8], const W iv[8], const W m[16], const W t[2], bool last, bool last_node) {
  auto rotr = [](W x, unsigned n) -> W { return static_cast<W>((x >> n) | (x << (sizeof(W) * 8 - n))); };
  W v[16];
  for (int i = 0; i < 8; ++i) {
    v[i] = h[i];
    v[i + 8] = iv[i];
  }
  v[12] ^= t[0];
  v[13] ^= t[1];
  if (last) v[14] = static_cast<W>(~v[14]);
  if (last_node) v[15] = static_cast<W>(~v[15]);
  auto g = [&](int a, int b, int c, int d, W x, W y) {
    v[a] = v[a] + v[b] + x;
    v[d] = rotr(v[d] ^ v[a], R1);
    v[c] = v[c] + v[d];
    v[b] = rotr(v[b] ^ v[c], R2);
    v[a] = v[a] + v[b] + y;
    v[d] = rotr(v[d] ^ v[a], R3);
    v[c] = v[c] + v[d];
    v[b] = rotr(v[b] ^ v[c], R4);
  };
  for (int r = 0; r < kRounds; ++r) {
    const uint8_t* s = kSigma[r % 10];
    g(0, 4, 8, 12, m[s[0]], m[s[1]]);
    g(1, 5, 9, 13, m[s[2]], m[s[3]]);
    g(2, 6, 10, 14, m[s[4]], m[s[5]]);
    g(3, 7, 11, 15, m[s[6]], m[s[7]]);
    g(0, 5, 10, 15, m[s[8]], m[s[9]]);
    g(1, 6, 11, 12, m[s[10]], m[s[11]]);
    g(2, 7, 8, 13, m[s[12]], m[s[13]]);
    g(3, 4, 9, 14, m[s[14]], m[s[15]]);
  }
  for (int i = 0; i < 8; ++i) h[i] ^= v[i] ^ v[i + 8];
}

void blake2bIv(uint64_t iv[8]) {
  for (int i = 0; i < 8; ++i) iv[i] = constants().sqrt64[i];
}
void blake2sIv(uint32_t iv[8]) {
  for (int i = 0; i < 8; ++i) iv[i] = static_cast<uint32_t>(constants().sqrt64[i] >> 32);
}

void blake2bBlock(Blake2bState* s, const uint8_t* p, uint32_t n, bool last) {
  s->t[0] += n;
  if (s->t[0] < n) ++s->t[1];
  uint64_t m[16], iv[8];
  for (int i = 0; i < 16; ++i) m[i] = load64le(p + 8 * i);
  blake2bIv(iv);
  blake2Compress<uint64_t, 12, 32, 24, 16, 63>(s->h, iv, m, s->t, last, last && s->last_node);
}

void blake2sBlock(Blake2sState* s, const uint8_t* p, uint32_t n, bool last) {
  s->t[0] += n;
  if (s->t[0] < n) ++s->t[1];
  uint32_t m[16], iv[8];
  for (int i = 0; i < 16; ++i) m[i] = load32le(p + 4 * i);
  blake2sIv(iv);
  blake2Compress<uint32_t, 10, 16, 12, 8, 7>(s->h, iv, m, s->t, last, last && s->last_node);
}

// BLAKE2 keeps the last block back: it is compressed by final, flagged last.
template <size_t kBlock, typename State, typename Block>
void blake2Update(State* s, const uint8_t* data, size_t n, Block block) {
  while (n > 0) {
    if (s->used == kBlock) {
      block(s, s->block, static_cast<uint32_t>(kBlock), false);
      s->used = 0;
    }
    size_t take = kBlock - s->used < n ? kBlock - s->used : n;
    std::memcpy(s->block + s->used, data, take);
    s->used += static_cast<uint32_t>(take);
    data += take;
    n -= take;
  }
}

}  // namespace

// ===========================================================================
// Public entry points

void md5Init(Md5State* s) {
  s->h[0] = 0x67452301u;
  s->h[1] = 0xefcdab89u;
  s->h[2] = 0x98badcfeu;
  s->h[3] = 0x10325476u;
  s->length = 0;
}
void md5Update(Md5State* s, const uint8_t* data, size_t n) { mdUpdate<64>(s, data, n, md5Compress); }
void md5Final(Md5State* s, uint8_t out[16]) {
  mdFinal<64, 8, false>(s, md5Compress);
  for (int i = 0; i < 4; ++i) store32le(out + 4 * i, s->h[i]);
}

void sha1Init(Sha1State* s) {
  s->h[0] = 0x67452301u;
  s->h[1] = 0xefcdab89u;
  s->h[2] = 0x98badcfeu;
  s->h[3] = 0x10325476u;
  s->h[4] = 0xc3d2e1f0u;
  s->length = 0;
}
void sha1Update(Sha1State* s, const uint8_t* data, size_t n) { mdUpdate<64>(s, data, n, sha1Compress); }
void sha1Final(Sha1State* s, uint8_t out[20]) {
  mdFinal<64, 8, true>(s, sha1Compress);
  for (int i = 0; i < 5; ++i) store32be(out + 4 * i, s->h[i]);
}

// SHA-256 starts from the high words of the square roots of the first 8
// primes; SHA-224 from the low words of those of the 9th to 16th.
void sha256Init(Sha256State* s) {
  for (int i = 0; i < 8; ++i) s->h[i] = static_cast<uint32_t>(constants().sqrt64[i] >> 32);
  s->length = 0;
}
void sha224Init(Sha256State* s) {
  for (int i = 0; i < 8; ++i) s->h[i] = static_cast<uint32_t>(constants().sqrt64[8 + i]);
  s->length = 0;
}
void sha256Update(Sha256State* s, const uint8_t* data, size_t n) { mdUpdate<64>(s, data, n, sha256Compress); }
void sha256Final(Sha256State* s, uint8_t* out, size_t digest_size) {
  mdFinal<64, 8, true>(s, sha256Compress);
  uint8_t full[32];
  for (int i = 0; i < 8; ++i) store32be(full + 4 * i, s->h[i]);
  std::memcpy(out, full, digest_size);
}

void sha512Init(Sha512State* s) {
  for (int i = 0; i < 8; ++i) s->h[i] = constants().sqrt64[i];
  s->length = 0;
}
void sha384Init(Sha512State* s) {
  for (int i = 0; i < 8; ++i) s->h[i] = constants().sqrt64[8 + i];
  s->length = 0;
}
void sha512Update(Sha512State* s, const uint8_t* data, size_t n) { mdUpdate<128>(s, data, n, sha512Compress); }
void sha512Final(Sha512State* s, uint8_t* out, size_t digest_size) {
  mdFinal<128, 16, true>(s, sha512Compress);
  uint8_t full[64];
  for (int i = 0; i < 8; ++i) store64be(full + 8 * i, s->h[i]);
  std::memcpy(out, full, digest_size);
}

void keccakInit(KeccakState* s, uint32_t rate, uint8_t suffix) {
  std::memset(s->lanes, 0, sizeof s->lanes);
  s->rate = rate;
  s->used = 0;
  s->suffix = suffix;
}

void keccakUpdate(KeccakState* s, const uint8_t* data, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    keccakXorByte(s, s->used, data[i]);
    if (++s->used == s->rate) {
      keccakPermute(s->lanes);
      s->used = 0;
    }
  }
}

void keccakFinal(KeccakState* s, uint8_t* out, size_t n) {
  keccakXorByte(s, s->used, s->suffix);
  keccakXorByte(s, s->rate - 1, 0x80);
  keccakPermute(s->lanes);
  for (size_t done = 0; done < n;) {
    for (uint32_t i = 0; i < s->rate && done < n; ++i) {
      out[done++] = static_cast<uint8_t>(s->lanes[i / 8] >> (8 * (i % 8)));
    }
    if (done < n) keccakPermute(s->lanes);
  }
}

void blake2bInit(Blake2bState* s, const Blake2Params& p, const uint8_t* key) {
  uint8_t block[64] = {};
  block[0] = p.digest_size;
  block[1] = p.key_length;
  block[2] = p.fanout;
  block[3] = p.depth;
  store32le(block + 4, p.leaf_size);
  store64le(block + 8, p.node_offset);
  block[16] = p.node_depth;
  block[17] = p.inner_size;
  std::memcpy(block + 32, p.salt, 16);
  std::memcpy(block + 48, p.person, 16);
  blake2bIv(s->h);
  for (int i = 0; i < 8; ++i) s->h[i] ^= load64le(block + 8 * i);
  s->t[0] = s->t[1] = 0;
  s->used = 0;
  s->digest_size = p.digest_size;
  s->last_node = p.last_node;
  if (p.key_length > 0) {
    uint8_t padded[128] = {};
    std::memcpy(padded, key, p.key_length);
    blake2bUpdate(s, padded, sizeof padded);
  }
}

void blake2bUpdate(Blake2bState* s, const uint8_t* data, size_t n) { blake2Update<128>(s, data, n, blake2bBlock); }

void blake2bFinal(Blake2bState* s, uint8_t* out) {
  std::memset(s->block + s->used, 0, sizeof s->block - s->used);
  blake2bBlock(s, s->block, s->used, true);
  uint8_t full[64];
  for (int i = 0; i < 8; ++i) store64le(full + 8 * i, s->h[i]);
  std::memcpy(out, full, s->digest_size);
}

void blake2sInit(Blake2sState* s, const Blake2Params& p, const uint8_t* key) {
  uint8_t block[32] = {};
  block[0] = p.digest_size;
  block[1] = p.key_length;
  block[2] = p.fanout;
  block[3] = p.depth;
  store32le(block + 4, p.leaf_size);
  for (int i = 0; i < 6; ++i) block[8 + i] = static_cast<uint8_t>(p.node_offset >> (8 * i));
  block[14] = p.node_depth;
  block[15] = p.inner_size;
  std::memcpy(block + 16, p.salt, 8);
  std::memcpy(block + 24, p.person, 8);
  blake2sIv(s->h);
  for (int i = 0; i < 8; ++i) s->h[i] ^= load32le(block + 4 * i);
  s->t[0] = s->t[1] = 0;
  s->used = 0;
  s->digest_size = p.digest_size;
  s->last_node = p.last_node;
  if (p.key_length > 0) {
    uint8_t padded[64] = {};
    std::memcpy(padded, key, p.key_length);
    blake2sUpdate(s, padded, sizeof padded);
  }
}

void blake2sUpdate(Blake2sState* s, const uint8_t* data, size_t n) { blake2Update<64>(s, data, n, blake2sBlock); }

void blake2sFinal(Blake2sState* s, uint8_t* out) {
  std::memset(s->block + s->used, 0, sizeof s->block - s->used);
  blake2sBlock(s, s->block, s->used, true);
  uint8_t full[32];
  for (int i = 0; i < 8; ++i) store32le(full + 4 * i, s->h[i]);
  std::memcpy(out, full, s->digest_size);
}

}  // namespace tern::hashes
