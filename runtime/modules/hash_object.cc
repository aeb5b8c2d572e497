// The shared Python surface of hash objects (hash_object.h).
#include "runtime/modules/hash_object.h"

#include <cstring>
#include <memory>
#include <string>

#include "runtime/interp/errors.h"
#include "runtime/objects/buffer.h"
#include "runtime/objects/bytes.h"
#include "runtime/objects/int.h"
#include "runtime/objects/str.h"

namespace tern {

namespace {

const uint32_t kHashFields[] = {offsetof(Obj, ob_type)};

Value hash_update(Value* args) { return hashUpdateFrom(args[0], args[1]) ? None() : Value(); }
Value hash_digest(Value* args) { return hashDigest(args[0], asHash(args[0])->digest_size, false); }
Value hash_hexdigest(Value* args) { return hashDigest(args[0], asHash(args[0])->digest_size, true); }

Value hash_copy(Value* args) {
  Value self = args[0];
  Value copy = newHashObject(typeOf(self), asHash(self)->kind);
  if (copy.isNull()) return copy;
  asHash(copy)->digest_size = asHash(self)->digest_size;
  std::memcpy(asHash(copy)->state(), asHash(self)->state(), asHash(self)->kind->state_size);
  return copy;
}

Value hash_get_name(Value self) { return newStr(asHash(self)->kind->name); }
Value hash_get_digest_size(Value self) { return newInt(static_cast<int64_t>(asHash(self)->digest_size)); }
Value hash_get_block_size(Value self) { return newInt(asHash(self)->kind->block_size); }

const MethodDef kMethods[] = {
    {.name = "update",
     .signature = "($self, obj, /)",
     .fn = hash_update,
     .doc = "Update this hash object's state with the provided string."},
    {.name = "copy", .signature = "($self, /)", .fn = hash_copy, .doc = "Return a copy of the hash object."},
    {.name = "digest",
     .signature = "($self, /)",
     .fn = hash_digest,
     .doc = "Return the digest value as a bytes object."},
    {.name = "hexdigest",
     .signature = "($self, /)",
     .fn = hash_hexdigest,
     .doc = "Return the digest value as a string of hexadecimal digits."},
};

const GetSetDef kGetSets[] = {
    {.name = "name", .get = hash_get_name},
    {.name = "digest_size", .get = hash_get_digest_size},
    {.name = "block_size", .get = hash_get_block_size},
};

}  // namespace

const gc::Layout kHashLayout = {.name = "hash", .fields = kHashFields};
const std::span<const MethodDef> kHashMethods = kMethods;
const std::span<const MethodDef> kHashMethodsWithoutDigest = std::span<const MethodDef>(kMethods, 2);
const std::span<const GetSetDef> kHashGetSets = kGetSets;

Value newHashObject(Type* type, const HashKind* kind) {
  HashObj* h = static_cast<HashObj*>(newObject(type, type->basic_size));
  h->kind = kind;
  h->digest_size = kind->digest_size;
  return Value(h);
}

Value hashNew(Type* type, const HashKind* kind, Value data) {
  Value h = newHashObject(type, kind);
  kind->init(asHash(h)->state());
  if (!data.isNull() && !isNone(data) && !hashUpdateFrom(h, data)) return Value();
  return h;
}

bool hashUpdateFrom(Value self, Value data) {
  if (!data.isSmallInt() && hasTypeFlag(data, type_flags::kStrSubclass)) {
    raise(exc::TypeError, "Strings must be encoded before hashing");
    return false;
  }
  if (!hasBuffer(data)) {
    raise(exc::TypeError, "object supporting the buffer API required");
    return false;
  }
  // A simple request: a non-contiguous view is refused with CPython's BufferError.
  ScopedBuffer view;
  if (!getBuffer(data, &view, buffer_flags::kSimple)) return false;
  asHash(self)->kind->update(asHash(self)->state(), reinterpret_cast<const uint8_t*>(view.data()),
                             static_cast<size_t>(view.len));
  return true;
}

Value hashDigest(Value self, size_t n, bool hex) {
  const HashKind* kind = asHash(self)->kind;
  // Finalise a copy: the object goes on hashing.
  std::unique_ptr<uint64_t[]> scratch(new uint64_t[(kind->state_size + 7) / 8]);
  std::memcpy(scratch.get(), asHash(self)->state(), kind->state_size);
  std::string out(n, '\0');
  kind->final(scratch.get(), reinterpret_cast<uint8_t*>(out.data()), n);
  if (!hex) return newBytes(out);
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string text(2 * n, '\0');
  for (size_t i = 0; i < n; ++i) {
    text[2 * i] = kDigits[static_cast<uint8_t>(out[i]) >> 4];
    text[2 * i + 1] = kDigits[static_cast<uint8_t>(out[i]) & 15];
  }
  return newStr(text);
}

}  // namespace tern
