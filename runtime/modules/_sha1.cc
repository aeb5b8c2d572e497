// The _sha1 module: SHA-1 hash algorithm (sha1), the fallback hashlib uses
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

Type* g_sha1_type = nullptr;

void sha1_init(void* s) { sha1Init(static_cast<Sha1State*>(s)); }
void sha1_update(void* s, const uint8_t* data, size_t n) { sha1Update(static_cast<Sha1State*>(s), data, n); }
void sha1_final(void* s, uint8_t* out, size_t /*n*/) { sha1Final(static_cast<Sha1State*>(s), out); }

const HashKind kSha1Kind = {.name = "sha1",
                            .digest_size = 20,
                            .block_size = 64,
                            .state_size = sizeof(Sha1State),
                            .init = sha1_init,
                            .update = sha1_update,
                            .final = sha1_final};

Value sha1_sha1(Value* args) { return hashNew(g_sha1_type, &kSha1Kind, args[1]); }

const TypeSpec kSha1Spec = {
    .name = "sha1",
    .module = "_sha1",
    .type = &g_sha1_type,
    .layout = &kHashLayout,
    .basic_size = kHashObjHeader + sizeof(Sha1State),
    .methods = kHashMethods,
    .getsets = kHashGetSets,
};
TERN_REGISTER_TYPE(kSha1Spec);

const MethodDef kSha1Functions[] = {
    {.name = "sha1",
     .signature = "($module, /, string=None, *, usedforsecurity=True)",
     .fn = sha1_sha1,
     .doc = "Return a new SHA1 hash object; optionally initialized with a string."},
};

bool initModule(Value module) {
  Value d = moduleDict(module);
  return dictSet(d, internStr("SHA1Type"), typeValue(g_sha1_type)) == 0;
}

const NativeModuleDef kSha1Module = {
    .name = "_sha1",
    .methods = kSha1Functions,
    .init = initModule,
};
TERN_REGISTER_MODULE(kSha1Module);

}  // namespace

}  // namespace tern
