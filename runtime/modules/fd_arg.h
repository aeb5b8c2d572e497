// What the issue #5 native modules share (fcntl, termios, pwd, grp,
// resource, mmap, _locale, _queue, faulthandler, ...): file descriptors as
// CPython's PyObject_AsFileDescriptor reads them, uid/gid arguments with
// CPython's errors, module attributes and module-level
// exception classes made from C++.
#pragma once

#include <cstdint>

#include "runtime/objects/object.h"

namespace tern {

// An int, or an object whose fileno() gives one (PyObject_AsFileDescriptor):
// TypeError "argument must be an int, or have a fileno() method.",
// TypeError "fileno() returned a non-integer", OverflowError outside a C int,
// ValueError "file descriptor cannot be a negative integer (-1)".
bool asFileDescriptor(Value v, int* out);

// module.name = value; false with an exception pending (value null: the
// error of whoever made it).
bool setModuleAttr(Value module, const char* name, Value value);
bool setModuleInt(Value module, const char* name, int64_t value);

// A new exception class `module.name` deriving from `base` (a type).
Value newModuleException(const char* module, const char* name, Type* base);

// uid_t / gid_t as CPython 3.11's _Py_Uid_Converter / _Py_Gid_Converter read
// them (`what` is "uid" or "gid"): -1 and 2**32-1 both mean (uid_t)-1;
// TypeError "uid should be integer, not str"; OverflowError "uid is less
// than minimum" below -1 and (3.11's quirk) for values that fit a C long but
// not 32 bits, "uid is greater than maximum" beyond a C long.
bool argUidGid(Value v, uint32_t* out, const char* what);

}  // namespace tern
