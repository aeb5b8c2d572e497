// Message digests for hashlib's fallback modules (_md5, _sha1, _sha256,
// _sha512, _sha3, _blake2), written from their specifications: MD5 (RFC
// 1321), SHA-1 and SHA-2 (FIPS 180-4), SHA-3 and SHAKE (FIPS 202), BLAKE2b
// and BLAKE2s (RFC 7693).  No heap objects: every state is a plain struct
// of integers and bytes, so a Python hash object keeps it inline and copies
// it with memcpy (hash_object.h).
//
// Each algorithm is init / update / final; final works on the state it is
// given (callers finalise a copy when the object must stay usable, as
// digest() does).
#pragma once

#include <cstddef>
#include <cstdint>

namespace tern::hashes {

// --- the Merkle-Damgard family: MD5, SHA-1, SHA-224/256, SHA-384/512 ---

struct Md5State {
  uint32_t h[4];
  uint64_t length;  // bytes hashed so far; length % 64 of them wait in `block`
  uint8_t block[64];
};
void md5Init(Md5State* s);
void md5Update(Md5State* s, const uint8_t* data, size_t n);
void md5Final(Md5State* s, uint8_t out[16]);

struct Sha1State {
  uint32_t h[5];
  uint64_t length;
  uint8_t block[64];
};
void sha1Init(Sha1State* s);
void sha1Update(Sha1State* s, const uint8_t* data, size_t n);
void sha1Final(Sha1State* s, uint8_t out[20]);

struct Sha256State {
  uint32_t h[8];
  uint64_t length;
  uint8_t block[64];
};
void sha224Init(Sha256State* s);
void sha256Init(Sha256State* s);
void sha256Update(Sha256State* s, const uint8_t* data, size_t n);
// Writes `digest_size` bytes: 28 for SHA-224, 32 for SHA-256.
void sha256Final(Sha256State* s, uint8_t* out, size_t digest_size);

struct Sha512State {
  uint64_t h[8];
  uint64_t length;
  uint8_t block[128];
};
void sha384Init(Sha512State* s);
void sha512Init(Sha512State* s);
void sha512Update(Sha512State* s, const uint8_t* data, size_t n);
// Writes `digest_size` bytes: 48 for SHA-384, 64 for SHA-512.
void sha512Final(Sha512State* s, uint8_t* out, size_t digest_size);

// --- Keccak: SHA3-224/256/384/512, SHAKE128/256 ---

struct KeccakState {
  uint64_t lanes[25];
  uint32_t rate;   // bytes absorbed per permutation: 200 - 2 * security bytes
  uint32_t used;   // bytes of the current block absorbed so far (< rate)
  uint8_t suffix;  // domain bits and the first pad bit: 0x06 for SHA-3, 0x1f for SHAKE
};
void keccakInit(KeccakState* s, uint32_t rate, uint8_t suffix);
void keccakUpdate(KeccakState* s, const uint8_t* data, size_t n);
// Pads and squeezes `n` bytes (any length: SHAKE's output is unbounded).
void keccakFinal(KeccakState* s, uint8_t* out, size_t n);

// --- BLAKE2b (64-bit words) and BLAKE2s (32-bit words) ---

// The parameter block's fields (RFC 7693 section 2.5, plus tree hashing).
struct Blake2Params {
  uint8_t digest_size;
  uint8_t key_length;
  uint8_t fanout = 1;
  uint8_t depth = 1;
  uint32_t leaf_size = 0;
  uint64_t node_offset = 0;  // 64 bits in BLAKE2b, 48 in BLAKE2s
  uint8_t node_depth = 0;
  uint8_t inner_size = 0;
  uint8_t salt[16] = {};  // 16 bytes in BLAKE2b, 8 in BLAKE2s (zero-padded)
  uint8_t person[16] = {};
  bool last_node = false;
};

struct Blake2bState {
  uint64_t h[8];
  uint64_t t[2];  // bytes compressed so far (128-bit counter)
  uint8_t block[128];
  uint32_t used;  // bytes waiting in `block` (the last block is compressed by final)
  uint8_t digest_size;
  bool last_node;
};
// `key` has params.key_length bytes (at most 64).
void blake2bInit(Blake2bState* s, const Blake2Params& params, const uint8_t* key);
void blake2bUpdate(Blake2bState* s, const uint8_t* data, size_t n);
void blake2bFinal(Blake2bState* s, uint8_t* out);  // digest_size bytes

struct Blake2sState {
  uint32_t h[8];
  uint32_t t[2];
  uint8_t block[64];
  uint32_t used;
  uint8_t digest_size;
  bool last_node;
};
void blake2sInit(Blake2sState* s, const Blake2Params& params, const uint8_t* key);  // key: at most 32 bytes
void blake2sUpdate(Blake2sState* s, const uint8_t* data, size_t n);
void blake2sFinal(Blake2sState* s, uint8_t* out);

}  // namespace tern::hashes
