// The _sha256 module: SHA-224 and SHA-256 hash algorithms (sha224, sha256), the fallback hashlib uses
// when there is no _hashlib (OpenSSL).  The algorithm is hash_algorithms.cc's,
// the object's surface hash_object.cc's.
#include "runtime/interp/errors.h"
#include "runtime/modules/hash_algorithms.h"
#include "runtime/modules/hash_object.h"
#include "runtime/modules/module.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/str.h"

namespace tern {

namespace {

using namespace hashes;

Type* g_sha224_type = nullptr;
Type* g_sha256_type = nullptr;

void sha224_init(void* s) { sha224Init(static_cast<Sha256State*>(s)); }
void sha224_update(void* s, const uint8_t* data, size_t n) { sha256Update(static_cast<Sha256State*>(s), data, n); }
void sha224_final(void* s, uint8_t* out, size_t n) { sha256Final(static_cast<Sha256State*>(s), out, n); }

const HashKind kSha224Kind = {.name = "sha224",
                              .digest_size = 28,
                              .block_size = 64,
                              .state_size = sizeof(Sha256State),
                              .init = sha224_init,
                              .update = sha224_update,
                              .final = sha224_final};

Value sha256_sha224(Value* args) { return hashNew(g_sha224_type, &kSha224Kind, args[1]); }

const TypeSpec kSha224Spec = {
    .name = "sha224",
    .module = "_sha256",
    .type = &g_sha224_type,
    .layout = &kHashLayout,
    .basic_size = kHashObjHeader + sizeof(Sha256State),
    .methods = kHashMethods,
    .getsets = kHashGetSets,
};
TERN_REGISTER_TYPE(kSha224Spec);

void sha256_init(void* s) { sha256Init(static_cast<Sha256State*>(s)); }
void sha256_update(void* s, const uint8_t* data, size_t n) { sha256Update(static_cast<Sha256State*>(s), data, n); }
void sha256_final(void* s, uint8_t* out, size_t n) { sha256Final(static_cast<Sha256State*>(s), out, n); }

const HashKind kSha256Kind = {.name = "sha256",
                              .digest_size = 32,
                              .block_size = 64,
                              .state_size = sizeof(Sha256State),
                              .init = sha256_init,
                              .update = sha256_update,
                              .final = sha256_final};

Value sha256_sha256(Value* args) { return hashNew(g_sha256_type, &kSha256Kind, args[1]); }

const TypeSpec kSha256Spec = {
    .name = "sha256",
    .module = "_sha256",
    .type = &g_sha256_type,
    .layout = &kHashLayout,
    .basic_size = kHashObjHeader + sizeof(Sha256State),
    .methods = kHashMethods,
    .getsets = kHashGetSets,
};
TERN_REGISTER_TYPE(kSha256Spec);

const MethodDef kSha256Functions[] = {
    {.name = "sha224",
     .signature = "($module, /, string=None, *, usedforsecurity=True)",
     .fn = sha256_sha224,
     .doc = "Return a new SHA-224 hash object; optionally initialized with a string."},
    {.name = "sha256",
     .signature = "($module, /, string=None, *, usedforsecurity=True)",
     .fn = sha256_sha256,
     .doc = "Return a new SHA-256 hash object; optionally initialized with a string."},
};

bool initModule(Value module) {
  Value d = moduleDict(module);
  return dictSet(d, internStr("SHA224Type"), typeValue(g_sha224_type)) == 0 &&
         dictSet(d, internStr("SHA256Type"), typeValue(g_sha256_type)) == 0;
}

const NativeModuleDef kSha256Module = {
    .name = "_sha256",
    .methods = kSha256Functions,
    .init = initModule,
};
TERN_REGISTER_MODULE(kSha256Module);

}  // namespace

}  // namespace tern
