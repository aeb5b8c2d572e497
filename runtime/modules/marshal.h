// marshal: values to bytes and back (marshal.cc), for .pyc files.
//
// The format is CPython's for every value that is not a code object (type
// codes, FLAG_REF back-references, 15-bit digits of big ints), so marshal
// data without code objects reads the same in both.  Code objects are
// Tern's own record (type code 'C'): Tern's bytecode is not CPython's.  A
// record starts with kBytecodeFingerprint (bytecode_magic.h), a hash of the
// compiler's sources, the opcode table and this format; a record of another
// fingerprint, or CPython's code record ('c'), is refused with a ValueError
// that says so, and every instruction's operands are checked against the
// code object's tables before the object is made.
//
// .pyc files carry kPycMagicWord + b'\r\n' as importlib's MAGIC_NUMBER
// (importer.cc sets it in _bootstrap_external), so a cache written by
// another build or by CPython is stale, not an error: importlib recompiles
// the source and rewrites the file.
#pragma once

#include <cstddef>
#include <string>

#include "runtime/modules/bytecode_magic.h"
#include "runtime/objects/object.h"

namespace tern {

// marshal.version: the newest format (interned short strings, references).
inline constexpr int kMarshalVersion = 4;

// importlib's MAGIC_NUMBER for Tern's .pyc files: 4 bytes.
std::string pycMagicNumber();

// marshal.dumps(value, version): bytes, or null with ValueError pending
// ("unmarshallable object").
Value marshalDumps(Value value, int version = kMarshalVersion);

// marshal.loads: the value at the start of data[0:size), or null with
// EOFError / ValueError / TypeError pending.  *consumed (if not null) is the
// number of bytes read.
Value marshalLoads(const char* data, size_t size, size_t* consumed = nullptr);

}  // namespace tern
