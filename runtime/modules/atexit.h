// The atexit module (atexit.cc): callbacks registered by Python code, run
// once at normal interpreter exit.
#pragma once

namespace tern {

// Runs the registered callbacks, last registered first, and forgets them.
// An exception in one is reported to stderr ("Exception ignored in atexit
// callback: <func>" and its traceback) and the next one runs.  The runtime
// calls it once the main program has finished, after an uncaught exception
// has been printed or SystemExit handled (as CPython's Py_FinalizeEx).
void runAtexitCallbacks();

}  // namespace tern
