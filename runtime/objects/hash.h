// CPython 3.11's hash functions for values that are not heap objects: byte
// buffers, floats, complex numbers, and the combination of item hashes into a
// tuple hash.  Every result is an int64_t that is never -1 (CPython's error
// value), exactly as `hash()` reports it on 64-bit Linux.
//
// Buffers (str and bytes) hash with SipHash-1-3 keyed by a per-process
// secret, CPython 3.11's default Py_HashBuffer (Py_HASH_CUTOFF is 0, so there
// is no small-string special case).  The key is chosen once at start-up by
// init_hash_secret(), which reads PYTHONHASHSEED as CPython does; tests fix it
// with set_hash_seed().
//
// What to pass to hash_bytes:
//   bytes, bytearray-derived frozen values: the bytes themselves.
//   str: the PEP 393 canonical representation, i.e. the code units of the
//     narrowest kind that holds every character (UCS1 if all < 256, UCS2 if
//     all < 65536, else UCS4), in native (little-endian) byte order, with
//     length = code points * kind.  So hash("é") == hash_bytes("\xe9", 1) and
//     hash("€") == hash_bytes("\xac\x20", 2).
//
// Floats hash by value modulo 2**61 - 1 so that equal int, float, Fraction
// and Decimal values hash alike.  NaN is the exception: since 3.10 a NaN
// hashes by the identity of its object (gc::identityHash of the float object),
// so the caller supplies that hash as `nan_hash`.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tern::objects {

inline constexpr int kHashBits = 61;                                      // _PyHASH_BITS
inline constexpr uint64_t kHashModulus = (uint64_t{1} << kHashBits) - 1;  // _PyHASH_MODULUS
inline constexpr int64_t kHashInf = 314159;                               // _PyHASH_INF
inline constexpr uint64_t kHashImag = 1000003;                            // _PyHASH_IMAG

// ---------------------------------------------------------------------------
// The secret

// Chooses the secret from the environment variable PYTHONHASHSEED (unset,
// empty or "random": random key from the OS; "0": randomization off, all-zero
// key; another integer up to 4294967295: key filled from that seed).  On a
// bad value returns CPython's message; the caller reports it and exits, as
// CPython does at start-up.  The secret is left unchanged on error.
std::optional<std::string> init_hash_secret();

// The same, for a given value of the variable (nullptr means unset).
std::optional<std::string> init_hash_secret(const char* pythonhashseed);

// Fixes the secret as PYTHONHASHSEED=seed would.
void set_hash_seed(uint32_t seed);

// Whether the secret came from the OS (sys.flags.hash_randomization).
bool hash_randomization();

// ---------------------------------------------------------------------------
// Hash functions

// Py_HashBuffer: SipHash-1-3 of the buffer under the secret; 0 for empty input.
int64_t hash_bytes(const void* data, size_t len);
inline int64_t hash_bytes(std::string_view s) { return hash_bytes(s.data(), s.size()); }

// _Py_KeyedHash: SipHash-1-3 of the buffer under the key (key, 0), not the
// secret; importlib's source hashes of hash-based .pyc files (_imp.source_hash).
uint64_t keyed_hash(uint64_t key, const void* data, size_t len);

// _Py_HashDouble.  `nan_hash` is returned for a NaN (the float object's
// identity hash).
int64_t hash_double(double v, int64_t nan_hash);

// complex.__hash__: hash(re) + 1000003 * hash(im), wrapping.  A NaN part
// hashes as `nan_hash` (the complex object's identity hash).
int64_t hash_complex(double re, double im, int64_t nan_hash);

// tuple.__hash__ (3.11's xxHash-based tuplehash) over the items' hashes.
// The caller computes the item hashes and stops at the first that raises.
int64_t hash_tuple(const int64_t* hashes, size_t n);

}  // namespace tern::objects
