// The codec registry of _codecs, for the runtime: str.encode / bytes.decode
// fall back to it for the encodings codecs_basic.cc does not handle itself.
#pragma once

#include <string_view>

#include "runtime/objects/object.h"

namespace tern {

// codecs.lookup(encoding): the CodecInfo of a str name (imports `encodings`
// on first use); null with LookupError "unknown encoding: x" pending.
Value codecLookup(Value encoding);

// str.encode(encoding, errors) through the registry: bytes, or null.
// `errors` may be null (strict).  Raises CPython's LookupError for codecs
// that are not text encodings and TypeError when the codec returns a
// non-bytes object.
Value codecRegistryEncode(Value s, Value encoding, Value errors);
// bytes.decode(encoding, errors) through the registry: a str, or null.
Value codecRegistryDecode(std::string_view data, Value encoding, Value errors);

// str.encode / bytes.decode in a codec of codecs_basic.cc with an error
// handler it does not implement itself (one registered with
// codecs.register_error, or namereplace): runs the codec strictly and calls
// the handler from the registry at each failure.  Null on error.
Value codecEncodeWithHandler(Value s, Value encoding, Value errors);
Value codecDecodeWithHandler(std::string_view data, Value encoding, Value errors);

}  // namespace tern
