// The _io module (runtime/modules/_io_*.cc): what the rest of the runtime
// needs from it.  The module itself (open, FileIO, BufferedReader/Writer/
// Random/RWPair, BytesIO, StringIO, TextIOWrapper, IncrementalNewlineDecoder)
// is reached from Python; its internals are in _io_internal.h.
#pragma once

#include "runtime/objects/object.h"

namespace tern {

// A standard stream as CPython makes it at start-up: for fd 0
// TextIOWrapper(BufferedReader(FileIO(0, 'rb', closefd=False))), for 1 and 2
// the same over a BufferedWriter (or the FileIO itself when
// PYTHONUNBUFFERED is set), named '<stdin>', '<stdout>', '<stderr>',
// encoding utf-8; errors 'surrogateescape' for stdin/stdout in the C/POSIX
// locale (else 'strict') and 'backslashreplace' for stderr; stdout is
// line-buffered on a terminal, stderr always.  None when `fd` is not an
// open descriptor; null with an exception pending on failure.
Value newStandardStream(int fd);

// CPython's init_sys_streams for PYTHONIOENCODING / Py_SetStandardStreamEncoding
// (config.h stdio_encoding, stdio_errors): when either is set, makes the three
// standard streams again with the codec's own name and the error handler
// chosen (stdin and stdout: the one given, else 'strict' when an encoding was
// given, else the default; stderr keeps 'backslashreplace') and installs them
// as sys.stdin/stdout/stderr and sys.__stdin__/...  Called once importlib can
// find codecs (entry.cc).  False with the exception pending (an unknown
// encoding: LookupError).
bool applyStdioEncoding();

// Flushes sys.stdout and sys.stderr (the current objects, whatever they are);
// errors are dropped.  flushStdStreams (sys.h) calls it.
void flushIoStandardStreams();

// At interpreter exit, after atexit callbacks: runs a full collection and the
// finalizers of files that became garbage (which close them), then flushes
// every io object still open, so no written data is lost.  When flushing
// sys.stdout or sys.stderr fails, the error is reported and an exception is
// left pending: the caller exits with status 120, as CPython.
void finalizeIoAtExit();

// builtins.open: _io.open(file, mode='r', buffering=-1, encoding=None,
// errors=None, newline=None, closefd=True, opener=None); `args` as bound by
// the signature "($module, file, mode='r', buffering=-1, encoding=None,
// errors=None, newline=None, closefd=True, opener=None)".
Value io_open(Value* args);

}  // namespace tern
