// cpyext: the signal-handler helpers of CPython's Python/pylifecycle.c:
// PyOS_getsig / PyOS_setsig, sigaction()-based (SA_ONSTACK, as CPython
// installs its handlers, so extensions' handlers run on an alternate stack
// when one is set).
// clang-format off
#include "Python.h"  // first: it sets feature macros <csignal> reads
#include <csignal>
// clang-format on

extern "C" {

using SigHandler = void (*)(int);

SigHandler PyOS_getsig(int sig) {
  struct sigaction context;
  if (sigaction(sig, nullptr, &context) == -1) return SIG_ERR;
  return context.sa_handler;
}

SigHandler PyOS_setsig(int sig, SigHandler handler) {
  struct sigaction context, ocontext;
  context.sa_handler = handler;
  sigemptyset(&context.sa_mask);
  context.sa_flags = SA_ONSTACK;
  if (sigaction(sig, &context, &ocontext) == -1) return SIG_ERR;
  return ocontext.sa_handler;
}

}  // extern "C"

// The interpreter's flags as C reads them (set from sys.flags when cpyext
// starts: initializeCpyext), and the file-system encoding Tern always uses.
extern "C" {
int Py_OptimizeFlag = 0;
int Py_VerboseFlag = 0;
const char* Py_FileSystemDefaultEncoding = "utf-8";

// tracemalloc keeps no traces under Tern (docs/differences.md): -2 is what
// CPython returns while it is not tracing.
int PyTraceMalloc_Track(unsigned int, uintptr_t, size_t) { return -2; }
int PyTraceMalloc_Untrack(unsigned int, uintptr_t) { return -2; }
}  // extern "C"
