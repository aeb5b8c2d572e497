// -X track-resources: where each file and socket was created, and the
// ResourceWarning the collector gives when it closes one the program left
// open (docs/differences.md, "Closing files and sockets").
//
// Without the option nothing is recorded: creation costs one flag test.
#pragma once

#include "runtime/objects/object.h"

namespace tern {

// Is -X track-resources on (read once from the configuration)?
bool trackResources();

// The creation record of a new resource: the current Python frames as a
// tuple of (filename, lineno, function name), innermost last; a null Value
// when tracking is off (or on MemoryError, which is cleared: tracking never
// makes creating a file fail).
Value recordCreation();

// Issues ResourceWarning "unclosed <what> <repr(source)>", followed by
// "Object created at (most recent call last):" and the frames of `created`
// when there is a record.  A warning turned into an error (-W error) is
// reported as unraisable in `reporter`, as CPython's finalizers report it.
void warnUnclosed(const char* what, Value source, Value created, Value reporter);

}  // namespace tern
