// The _md5 module: MD5 hash algorithm (md5), the fallback hashlib uses
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

Type* g_md5_type = nullptr;

void md5_init(void* s) { md5Init(static_cast<Md5State*>(s)); }
void md5_update(void* s, const uint8_t* data, size_t n) { md5Update(static_cast<Md5State*>(s), data, n); }
void md5_final(void* s, uint8_t* out, size_t /*n*/) { md5Final(static_cast<Md5State*>(s), out); }

const HashKind kMd5Kind = {.name = "md5",
                           .digest_size = 16,
                           .block_size = 64,
                           .state_size = sizeof(Md5State),
                           .init = md5_init,
                           .update = md5_update,
                           .final = md5_final};

Value md5_md5(Value* args) { return hashNew(g_md5_type, &kMd5Kind, args[1]); }

const TypeSpec kMd5Spec = {
    .name = "md5",
    .module = "_md5",
    .type = &g_md5_type,
    .layout = &kHashLayout,
    .basic_size = kHashObjHeader + sizeof(Md5State),
    .methods = kHashMethods,
    .getsets = kHashGetSets,
};
TERN_REGISTER_TYPE(kMd5Spec);

const MethodDef kMd5Functions[] = {
    {.name = "md5",
     .signature = "($module, /, string=None, *, usedforsecurity=True)",
     .fn = md5_md5,
     .doc = "Return a new MD5 hash object; optionally initialized with a string."},
};

bool initModule(Value module) {
  Value d = moduleDict(module);
  return dictSet(d, internStr("MD5Type"), typeValue(g_md5_type)) == 0;
}

const NativeModuleDef kMd5Module = {
    .name = "_md5",
    .methods = kMd5Functions,
    .init = initModule,
};
TERN_REGISTER_MODULE(kMd5Module);

}  // namespace

}  // namespace tern
