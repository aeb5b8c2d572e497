// The _sha512 module: SHA-384 and SHA-512 hash algorithms (sha384, sha512), the fallback hashlib uses
// when there is no _hashlib (OpenSSL).  The algorithm is hash_algorithms.cc's,
// the object's surface hash_object.cc's.
//
// CPython 3.11 exports the sha512 type under the name SHA384Type (and none
// under SHA512Type); so does this module.
#include "runtime/interp/errors.h"
#include "runtime/modules/hash_algorithms.h"
#include "runtime/modules/hash_object.h"
#include "runtime/modules/module.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/str.h"

namespace tern {

namespace {

using namespace hashes;

Type* g_sha384_type = nullptr;
Type* g_sha512_type = nullptr;

void sha384_init(void* s) { sha384Init(static_cast<Sha512State*>(s)); }
void sha384_update(void* s, const uint8_t* data, size_t n) { sha512Update(static_cast<Sha512State*>(s), data, n); }
void sha384_final(void* s, uint8_t* out, size_t n) { sha512Final(static_cast<Sha512State*>(s), out, n); }

const HashKind kSha384Kind = {.name = "sha384",
                              .digest_size = 48,
                              .block_size = 128,
                              .state_size = sizeof(Sha512State),
                              .init = sha384_init,
                              .update = sha384_update,
                              .final = sha384_final};

Value sha512_sha384(Value* args) { return hashNew(g_sha384_type, &kSha384Kind, args[1]); }

const TypeSpec kSha384Spec = {
    .name = "sha384",
    .module = "_sha512",
    .type = &g_sha384_type,
    .layout = &kHashLayout,
    .basic_size = kHashObjHeader + sizeof(Sha512State),
    .methods = kHashMethods,
    .getsets = kHashGetSets,
};
TERN_REGISTER_TYPE(kSha384Spec);

void sha512_init(void* s) { sha512Init(static_cast<Sha512State*>(s)); }
void sha512_update(void* s, const uint8_t* data, size_t n) { sha512Update(static_cast<Sha512State*>(s), data, n); }
void sha512_final(void* s, uint8_t* out, size_t n) { sha512Final(static_cast<Sha512State*>(s), out, n); }

const HashKind kSha512Kind = {.name = "sha512",
                              .digest_size = 64,
                              .block_size = 128,
                              .state_size = sizeof(Sha512State),
                              .init = sha512_init,
                              .update = sha512_update,
                              .final = sha512_final};

Value sha512_sha512(Value* args) { return hashNew(g_sha512_type, &kSha512Kind, args[1]); }

const TypeSpec kSha512Spec = {
    .name = "sha512",
    .module = "_sha512",
    .type = &g_sha512_type,
    .layout = &kHashLayout,
    .basic_size = kHashObjHeader + sizeof(Sha512State),
    .methods = kHashMethods,
    .getsets = kHashGetSets,
};
TERN_REGISTER_TYPE(kSha512Spec);

const MethodDef kSha512Functions[] = {
    {.name = "sha384",
     .signature = "($module, /, string=None, *, usedforsecurity=True)",
     .fn = sha512_sha384,
     .doc = "Return a new SHA-384 hash object; optionally initialized with a string."},
    {.name = "sha512",
     .signature = "($module, /, string=None, *, usedforsecurity=True)",
     .fn = sha512_sha512,
     .doc = "Return a new SHA-512 hash object; optionally initialized with a string."},
};

bool initModule(Value module) {
  Value d = moduleDict(module);
  return dictSet(d, internStr("SHA384Type"), typeValue(g_sha512_type)) == 0;
}

const NativeModuleDef kSha512Module = {
    .name = "_sha512",
    .methods = kSha512Functions,
    .init = initModule,
};
TERN_REGISTER_MODULE(kSha512Module);

}  // namespace

}  // namespace tern
