// cpyext: _Py_HashBytes (pyhash.h), the hash of a byte buffer as
// hash(bytes) computes it: SipHash-1-3 under the process's secret
// (PYTHONHASHSEED), 0 for an empty buffer, never -1.  Debian's _hashlib keys
// its digest table with it; it must agree with the runtime's own str and
// bytes hashes, so it is the runtime's function (runtime/objects/hash.h).
#include "Python.h"
#include "runtime/objects/hash.h"

extern "C" {

Py_hash_t _Py_HashBytes(const void* data, Py_ssize_t len) {
  if (len <= 0) return 0;
  return static_cast<Py_hash_t>(tern::objects::hash_bytes(data, static_cast<size_t>(len)));
}

}  // extern "C"
