// The _sha3 module: SHA3-224/256/384/512 and SHAKE128/256 (FIPS 202), the
// fallback hashlib uses when there is no _hashlib.  As in CPython 3.11 the
// types are their own constructors (not subclassable), carry the sponge's
// parameters as _capacity_bits / _rate_bits / _suffix, and the SHAKE types'
// digest() and hexdigest() take the output length.
#include <string>

#include "runtime/interp/errors.h"
#include "runtime/modules/hash_algorithms.h"
#include "runtime/modules/hash_object.h"
#include "runtime/modules/module.h"
#include "runtime/objects/bytes.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/int.h"
#include "runtime/objects/numbers_internal.h"
#include "runtime/objects/str.h"

namespace tern {

namespace {

using hashes::KeccakState;

constexpr int kVariants = 6;

// One per type: the sponge's rate (bytes) and domain suffix.
struct Sha3Variant {
  uint32_t rate;
  uint8_t suffix;
};
constexpr Sha3Variant kVariantParams[kVariants] = {
    {144, 0x06}, {136, 0x06}, {104, 0x06}, {72, 0x06}, {168, 0x1f}, {136, 0x1f},
};

Type* g_types[kVariants] = {};

void keccak_update(void* s, const uint8_t* data, size_t n) {
  hashes::keccakUpdate(static_cast<KeccakState*>(s), data, n);
}
void keccak_final(void* s, uint8_t* out, size_t n) { hashes::keccakFinal(static_cast<KeccakState*>(s), out, n); }

template <int kIndex>
void keccak_init(void* s) {
  hashes::keccakInit(static_cast<KeccakState*>(s), kVariantParams[kIndex].rate, kVariantParams[kIndex].suffix);
}

constexpr HashKind kinds(int i, const char* name, uint32_t digest_size, void (*init)(void*)) {
  return {.name = name,
          .digest_size = digest_size,
          .block_size = kVariantParams[i].rate,
          .state_size = sizeof(KeccakState),
          .init = init,
          .update = keccak_update,
          .final = keccak_final};
}

const HashKind kKinds[kVariants] = {
    kinds(0, "sha3_224", 28, keccak_init<0>), kinds(1, "sha3_256", 32, keccak_init<1>),
    kinds(2, "sha3_384", 48, keccak_init<2>), kinds(3, "sha3_512", 64, keccak_init<3>),
    kinds(4, "shake_128", 0, keccak_init<4>), kinds(5, "shake_256", 0, keccak_init<5>),
};

const MethodDef kNewDefs[kVariants] = {
    {.name = "sha3_224", .signature = "(data=<unrepresentable>, /, *, usedforsecurity=True)"},
    {.name = "sha3_256", .signature = "(data=<unrepresentable>, /, *, usedforsecurity=True)"},
    {.name = "sha3_384", .signature = "(data=<unrepresentable>, /, *, usedforsecurity=True)"},
    {.name = "sha3_512", .signature = "(data=<unrepresentable>, /, *, usedforsecurity=True)"},
    {.name = "shake_128", .signature = "(data=<unrepresentable>, /, *, usedforsecurity=True)"},
    {.name = "shake_256", .signature = "(data=<unrepresentable>, /, *, usedforsecurity=True)"},
};

Value sha3_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  int i = 0;
  while (i < kVariants - 1 && g_types[i] != type) ++i;
  Value bound[2];
  if (!bindArguments(&kNewDefs[i], Value(), args, nargs, kwnames, bound)) return Value();
  Value h = newHashObject(type, &kKinds[i]);
  kKinds[i].init(asHash(h)->state());
  if (!bound[0].isNull() && !hashUpdateFrom(h, bound[0])) return Value();
  return h;
}

KeccakState* keccakOf(Value self) { return reinterpret_cast<KeccakState*>(asHash(self)->state()); }

Value sha3_get_capacity_bits(Value self) { return newInt(1600 - 8 * static_cast<int64_t>(keccakOf(self)->rate)); }
Value sha3_get_rate_bits(Value self) { return newInt(8 * static_cast<int64_t>(keccakOf(self)->rate)); }
Value sha3_get_suffix(Value self) {
  char suffix = static_cast<char>(keccakOf(self)->suffix);
  return newBytes(&suffix, 1);
}

// SHAKE's length argument: an unsigned long below 2**29, as CPython's.
bool shakeLength(Value v, size_t* out) {
  if (!isInt(v)) {
    raise(exc::TypeError, "an integer is required");
    return false;
  }
  numbers::IntRef ref(v);
  if (ref.neg) {
    raise(exc::ValueError, "value must be positive");
    return false;
  }
  if (ref.mag.size() > 1) {
    raise(exc::OverflowError, "Python int too large to convert to C unsigned long");
    return false;
  }
  uint64_t n = ref.mag.empty() ? 0 : ref.mag[0];
  if (n >= (uint64_t{1} << 29)) {
    raise(exc::ValueError, "length is too large");
    return false;
  }
  *out = static_cast<size_t>(n);
  return true;
}

Value shake_digest(Value* args) {
  size_t n;
  if (!shakeLength(args[1], &n)) return Value();
  return hashDigest(args[0], n, false);
}

Value shake_hexdigest(Value* args) {
  size_t n;
  if (!shakeLength(args[1], &n)) return Value();
  return hashDigest(args[0], n, true);
}

// ===========================================================================
// Tables

// The shared getsets plus the sponge's parameters.
struct GetSetTable {
  GetSetDef defs[6];
  GetSetTable() {
    size_t i = 0;
    for (const GetSetDef& d : kHashGetSets) defs[i++] = d;
    defs[i++] = {.name = "_capacity_bits", .get = sha3_get_capacity_bits};
    defs[i++] = {.name = "_rate_bits", .get = sha3_get_rate_bits};
    defs[i++] = {.name = "_suffix", .get = sha3_get_suffix};
  }
};
const GetSetTable kGetSetTable;

// update and copy, then SHAKE's digest(length) and hexdigest(length).
struct ShakeMethodTable {
  MethodDef defs[4];
  ShakeMethodTable() {
    size_t i = 0;
    for (const MethodDef& d : kHashMethodsWithoutDigest) defs[i++] = d;
    defs[i++] = {.name = "digest",
                 .signature = "($self, length, /)",
                 .fn = shake_digest,
                 .doc = "Return the digest value as a bytes object."};
    defs[i++] = {.name = "hexdigest",
                 .signature = "($self, length, /)",
                 .fn = shake_hexdigest,
                 .doc = "Return the digest value as a string of hexadecimal digits."};
  }
};
const ShakeMethodTable kShakeMethodTable;

#define TERN_SHA3_TYPE(index, type_name, methods_span, doc_text) \
  const TypeSpec kSpec##index = {                                \
      .name = type_name,                                         \
      .module = "_sha3",                                         \
      .type = &g_types[index],                                   \
      .layout = &kHashLayout,                                    \
      .basic_size = kHashObjHeader + sizeof(KeccakState),        \
      .slots = {.tp_new = sha3_new},                             \
      .methods = methods_span,                                   \
      .getsets = kGetSetTable.defs,                              \
      .doc = doc_text,                                           \
  };                                                             \
  TERN_REGISTER_TYPE(kSpec##index)

TERN_SHA3_TYPE(0, "sha3_224", kHashMethods,
               "sha3_224([data], *, usedforsecurity=True) -> SHA3 object\n\nReturn a new SHA3 hash object with a "
               "hashbit length of 28 bytes.");
TERN_SHA3_TYPE(1, "sha3_256", kHashMethods,
               "sha3_256([data], *, usedforsecurity=True) -> SHA3 object\n\nReturn a new SHA3 hash object with a "
               "hashbit length of 32 bytes.");
TERN_SHA3_TYPE(2, "sha3_384", kHashMethods,
               "sha3_384([data], *, usedforsecurity=True) -> SHA3 object\n\nReturn a new SHA3 hash object with a "
               "hashbit length of 48 bytes.");
TERN_SHA3_TYPE(3, "sha3_512", kHashMethods,
               "sha3_512([data], *, usedforsecurity=True) -> SHA3 object\n\nReturn a new SHA3 hash object with a "
               "hashbit length of 64 bytes.");
TERN_SHA3_TYPE(4, "shake_128", kShakeMethodTable.defs,
               "shake_128([data], *, usedforsecurity=True) -> SHAKE object\n\nReturn a new SHAKE hash object.");
TERN_SHA3_TYPE(5, "shake_256", kShakeMethodTable.defs,
               "shake_256([data], *, usedforsecurity=True) -> SHAKE object\n\nReturn a new SHAKE hash object.");
#undef TERN_SHA3_TYPE

bool initModule(Value module) {
  Value d = moduleDict(module);
  for (Type* t : g_types) {
    if (dictSet(d, t->name.get(), typeValue(t)) < 0) return false;
  }
  return dictSet(d, internStr("keccakopt"), newInt(0)) == 0 &&
         dictSet(d, internStr("implementation"), internStr("tiny_sha3")) == 0;
}

const NativeModuleDef kSha3Module = {
    .name = "_sha3",
    .init = initModule,
};
TERN_REGISTER_MODULE(kSha3Module);

}  // namespace

}  // namespace tern
