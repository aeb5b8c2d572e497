// The Python surface shared by the hash objects of _md5, _sha1, _sha256,
// _sha512, _sha3 and _blake2: update(), digest(), hexdigest(), copy() and
// the name / digest_size / block_size attributes, over an algorithm of
// hash_algorithms.h described by a HashKind.
//
// Layout: a HashObj is its header, the kind, the digest size and the
// algorithm's state inline (raw integers: nothing the collector traces), so
// every hash type's basic_size is kHashObjHeader + its state's size.  The
// state is reached through the object on every call (objects move).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

#include "runtime/gc/layout.h"
#include "runtime/objects/native.h"
#include "runtime/objects/object.h"

namespace tern {

// One per Python hash type.
struct HashKind {
  const char* name;           // hash.name: "md5", "sha3_256", "blake2b"
  uint32_t digest_size;       // bytes; 0 for SHAKE (digest() takes a length); BLAKE2's is per object
  uint32_t block_size;        // hash.block_size
  uint32_t state_size;        // bytes of the state
  void (*init)(void* state);  // null when the constructor sets the state up itself (BLAKE2)
  void (*update)(void* state, const uint8_t* data, size_t n);
  // Finalises `state` (a scratch copy) and writes `n` bytes of digest.
  void (*final)(void* state, uint8_t* out, size_t n);
};

struct HashObj : Obj {
  const HashKind* kind;
  uint64_t digest_size;
  // The algorithm's state: uint64_t-aligned raw bytes (kind->state_size).
  uint64_t* state() { return reinterpret_cast<uint64_t*>(reinterpret_cast<char*>(this) + sizeof(HashObj)); }
};
inline HashObj* asHash(Value v) { return static_cast<HashObj*>(v.asObject()); }
inline constexpr uint32_t kHashObjHeader = sizeof(HashObj);

// The layout of every hash type (no traced field but ob_type).
extern const gc::Layout kHashLayout;

// A new hash object of `type` (its basic_size must hold the state) with an
// uninitialised state for the caller to set up before it escapes.
Value newHashObject(Type* type, const HashKind* kind);

// kind->init'ed object of `type` fed with `data` (null or None: nothing);
// null on error.
Value hashNew(Type* type, const HashKind* kind, Value data);

// Feeds a bytes-like object to the hash: TypeError "Strings must be encoded
// before hashing" for str, "object supporting the buffer API required" for
// other non-buffers; false with the error pending.
bool hashUpdateFrom(Value self, Value data);

// The digest of the current state (the object stays usable), `n` bytes.
Value hashDigest(Value self, size_t n, bool hex);

// The methods and attributes every hash type has: update, digest, hexdigest,
// copy; name, digest_size, block_size.  SHAKE replaces digest/hexdigest.
extern const std::span<const MethodDef> kHashMethods;
extern const std::span<const MethodDef> kHashMethodsWithoutDigest;  // update, copy
extern const std::span<const GetSetDef> kHashGetSets;

}  // namespace tern
