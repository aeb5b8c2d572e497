// The _blake2 module: BLAKE2b and BLAKE2s (RFC 7693) with keys, salts,
// personalisation and the tree-hashing parameters, the fallback hashlib
// uses when there is no _hashlib.  As in CPython 3.11 the types are their
// own constructors (not subclassable) and validate their parameters with
// the same messages.
#include <cstring>
#include <string>

#include "runtime/interp/errors.h"
#include "runtime/modules/hash_algorithms.h"
#include "runtime/modules/hash_object.h"
#include "runtime/modules/module.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/buffer.h"
#include "runtime/objects/bytes.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/int.h"
#include "runtime/objects/numbers_internal.h"
#include "runtime/objects/str.h"
#include "runtime/objects/type.h"

namespace tern {

namespace {

using hashes::Blake2bState;
using hashes::Blake2Params;
using hashes::Blake2sState;

Type* g_blake2b_type = nullptr;
Type* g_blake2s_type = nullptr;

void blake2b_update(void* s, const uint8_t* data, size_t n) {
  hashes::blake2bUpdate(static_cast<Blake2bState*>(s), data, n);
}
void blake2b_final(void* s, uint8_t* out, size_t /*n*/) { hashes::blake2bFinal(static_cast<Blake2bState*>(s), out); }
void blake2s_update(void* s, const uint8_t* data, size_t n) {
  hashes::blake2sUpdate(static_cast<Blake2sState*>(s), data, n);
}
void blake2s_final(void* s, uint8_t* out, size_t /*n*/) { hashes::blake2sFinal(static_cast<Blake2sState*>(s), out); }

const HashKind kBlake2bKind = {.name = "blake2b",
                               .digest_size = 64,
                               .block_size = 128,
                               .state_size = sizeof(Blake2bState),
                               .init = nullptr,
                               .update = blake2b_update,
                               .final = blake2b_final};
const HashKind kBlake2sKind = {.name = "blake2s",
                               .digest_size = 32,
                               .block_size = 64,
                               .state_size = sizeof(Blake2sState),
                               .init = nullptr,
                               .update = blake2s_update,
                               .final = blake2s_final};

// The sizes of one variant.
struct Variant {
  const HashKind* kind;
  int max_digest;  // also the largest key and inner_size
  int max_key;
  int salt_size;  // also the person size
  uint64_t max_node_offset;
};
const Variant kBlake2b = {&kBlake2bKind, 64, 64, 16, UINT64_MAX};
const Variant kBlake2s = {&kBlake2sKind, 32, 32, 8, (uint64_t{1} << 48) - 1};

const MethodDef kBlake2bNewDef = {
    .name = "blake2b",
    .signature =
        "(data=<unrepresentable>, /, *, digest_size=64, key=<unrepresentable>, salt=<unrepresentable>, "
        "person=<unrepresentable>, fanout=1, depth=1, leaf_size=0, node_offset=0, node_depth=0, "
        "inner_size=0, last_node=False, usedforsecurity=True)"};
const MethodDef kBlake2sNewDef = {
    .name = "blake2s",
    .signature =
        "(data=<unrepresentable>, /, *, digest_size=32, key=<unrepresentable>, salt=<unrepresentable>, "
        "person=<unrepresentable>, fanout=1, depth=1, leaf_size=0, node_offset=0, node_depth=0, "
        "inner_size=0, last_node=False, usedforsecurity=True)"};

enum Param {
  kData,
  kDigestSize,
  kKey,
  kSalt,
  kPerson,
  kFanout,
  kDepth,
  kLeafSize,
  kNodeOffset,
  kNodeDepth,
  kInnerSize,
  kLastNode,
  kUsedForSecurity,
  kParamCount
};

// An unsigned argument as CPython's _PyLong_UnsignedLong(Long)_Converter
// reads it: ValueError for negatives, OverflowError past 64 bits.
bool cUnsigned(Value v, uint64_t* out, const char* too_large) {
  if (!isInt(v)) {
    raisef(exc::TypeError, "'%s' object cannot be interpreted as an integer", typeNameOf(v).c_str());
    return false;
  }
  numbers::IntRef ref(v);
  if (ref.neg) {
    raise(exc::ValueError, "value must be positive");
    return false;
  }
  if (ref.mag.size() > 1) {
    raise(exc::OverflowError, too_large);
    return false;
  }
  *out = ref.mag.empty() ? 0 : ref.mag[0];
  return true;
}

// key/salt/person (clinic's "y*"): a bytes-like object, copied.
bool bytesArg(Value v, std::string* out) {
  if (v.isNull()) return true;
  return bufferCopyBytes(v, out);
}

Value blake2New(const Variant& variant, Type* type, const MethodDef* def, const Value* args, size_t nargs,
                Value kwnames) {
  Value p[kParamCount];
  if (!bindArguments(def, Value(), args, nargs, kwnames, p)) return Value();
  int digest_size, fanout, depth, node_depth, inner_size;
  uint64_t leaf_size, node_offset;
  std::string key, salt, person;
  if (!argCInt(p[kDigestSize], &digest_size) || !bytesArg(p[kKey], &key) || !bytesArg(p[kSalt], &salt) ||
      !bytesArg(p[kPerson], &person) || !argCInt(p[kFanout], &fanout) || !argCInt(p[kDepth], &depth) ||
      !cUnsigned(p[kLeafSize], &leaf_size, "Python int too large to convert to C unsigned long") ||
      !cUnsigned(p[kNodeOffset], &node_offset, "int too big to convert") || !argCInt(p[kNodeDepth], &node_depth) ||
      !argCInt(p[kInnerSize], &inner_size)) {
    return Value();
  }
  int last_node = isTrue(p[kLastNode]);
  if (last_node < 0) return Value();

  if (digest_size <= 0 || digest_size > variant.max_digest) {
    return raisef(exc::ValueError, "digest_size must be between 1 and %d bytes", variant.max_digest);
  }
  if (salt.size() > static_cast<size_t>(variant.salt_size)) {
    return raisef(exc::ValueError, "maximum salt length is %d bytes", variant.salt_size);
  }
  if (person.size() > static_cast<size_t>(variant.salt_size)) {
    return raisef(exc::ValueError, "maximum person length is %d bytes", variant.salt_size);
  }
  if (fanout < 0 || fanout > 255) return raise(exc::ValueError, "fanout must be between 0 and 255");
  if (depth <= 0 || depth > 255) return raise(exc::ValueError, "depth must be between 1 and 255");
  if (leaf_size > 0xffffffffu) return raise(exc::OverflowError, "leaf_size is too large");
  if (node_offset > variant.max_node_offset) return raise(exc::OverflowError, "node_offset is too large");
  if (node_depth < 0 || node_depth > 255) return raise(exc::ValueError, "node_depth must be between 0 and 255");
  if (inner_size < 0 || inner_size > variant.max_digest) {
    return raisef(exc::ValueError, "inner_size must be between 0 and is %d", variant.max_digest);
  }
  if (key.size() > static_cast<size_t>(variant.max_key)) {
    return raisef(exc::ValueError, "maximum key length is %d bytes", variant.max_key);
  }

  Blake2Params params;
  params.digest_size = static_cast<uint8_t>(digest_size);
  params.key_length = static_cast<uint8_t>(key.size());
  params.fanout = static_cast<uint8_t>(fanout);
  params.depth = static_cast<uint8_t>(depth);
  params.leaf_size = static_cast<uint32_t>(leaf_size);
  params.node_offset = node_offset;
  params.node_depth = static_cast<uint8_t>(node_depth);
  params.inner_size = static_cast<uint8_t>(inner_size);
  std::memcpy(params.salt, salt.data(), salt.size());
  std::memcpy(params.person, person.data(), person.size());
  params.last_node = last_node != 0;

  Value h = newHashObject(type, variant.kind);
  asHash(h)->digest_size = static_cast<uint64_t>(digest_size);
  const uint8_t* key_bytes = reinterpret_cast<const uint8_t*>(key.data());
  if (variant.kind == &kBlake2bKind) {
    hashes::blake2bInit(reinterpret_cast<Blake2bState*>(asHash(h)->state()), params, key_bytes);
  } else {
    hashes::blake2sInit(reinterpret_cast<Blake2sState*>(asHash(h)->state()), params, key_bytes);
  }
  if (!p[kData].isNull() && !hashUpdateFrom(h, p[kData])) return Value();
  return h;
}

Value blake2b_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  return blake2New(kBlake2b, type, &kBlake2bNewDef, args, nargs, kwnames);
}
Value blake2s_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  return blake2New(kBlake2s, type, &kBlake2sNewDef, args, nargs, kwnames);
}

// ===========================================================================
// Tables

const TypeSpec kBlake2bSpec = {
    .name = "blake2b",
    .module = "_blake2",
    .type = &g_blake2b_type,
    .layout = &kHashLayout,
    .basic_size = kHashObjHeader + sizeof(Blake2bState),
    .slots = {.tp_new = blake2b_new},
    .methods = kHashMethods,
    .getsets = kHashGetSets,
    .doc = "Return a new BLAKE2b hash object.",
};
TERN_REGISTER_TYPE(kBlake2bSpec);

const TypeSpec kBlake2sSpec = {
    .name = "blake2s",
    .module = "_blake2",
    .type = &g_blake2s_type,
    .layout = &kHashLayout,
    .basic_size = kHashObjHeader + sizeof(Blake2sState),
    .slots = {.tp_new = blake2s_new},
    .methods = kHashMethods,
    .getsets = kHashGetSets,
    .doc = "Return a new BLAKE2s hash object.",
};
TERN_REGISTER_TYPE(kBlake2sSpec);

bool addSizes(Value module, Type* type, const char* prefix, const Variant& v) {
  struct {
    const char* name;
    int value;
  } const sizes[] = {{"SALT_SIZE", v.salt_size},
                     {"PERSON_SIZE", v.salt_size},
                     {"MAX_KEY_SIZE", v.max_key},
                     {"MAX_DIGEST_SIZE", v.max_digest}};
  Value d = moduleDict(module);
  for (const auto& s : sizes) {
    Value n = newInt(s.value);
    if (dictSet(type->dict.get(), internStr(s.name), n) < 0) return false;
    if (dictSet(d, internStr(std::string(prefix) + s.name), n) < 0) return false;
  }
  typeModified(type);
  return dictSet(d, type->name.get(), typeValue(type)) == 0;
}

bool initModule(Value module) {
  return addSizes(module, g_blake2b_type, "BLAKE2B_", kBlake2b) &&
         addSizes(module, g_blake2s_type, "BLAKE2S_", kBlake2s);
}

const NativeModuleDef kBlake2Module = {
    .name = "_blake2",
    .init = initModule,
    .doc = "_blake2b provides BLAKE2b for hashlib\n",
};
TERN_REGISTER_MODULE(kBlake2Module);

}  // namespace

}  // namespace tern
