// The entry point of the `tern` command, exported from libtern.so, and the
// start and end of the runtime for a program that embeds it
// (cpyext/pylifecycle.cc: Py_InitializeEx, Py_FinalizeEx).
#pragma once

#include <string>

#define TERN_EXPORT __attribute__((visibility("default")))

namespace tern {

struct Config;
class Value;

TERN_EXPORT int main(int argc, char** argv);

// Where the runtime is in its life: Py_IsInitialized is kRunning;
// _Py_IsFinalizing is kFinalizing (from the end of the atexit callbacks on).
enum class RuntimeState { kNotStarted, kRunning, kFinalizing };
RuntimeState runtimeState();

// Starts the runtime on the calling thread as CPython's Py_InitializeEx does
// for an embedder: `config` in force, sys.argv [''], sys.executable found
// from `program_name`, importlib, then `site` unless config.no_site; with
// `install_signals` the SIGINT handler (KeyboardInterrupt) and SIGPIPE /
// SIGXFSZ ignored.  The calling thread holds the GIL afterwards, and its
// whole stack is scanned by the collector (gc::MutatorThread), so the
// embedder's frames may hold references.  False after printing a fatal
// error.
bool startEmbedded(const Config& config, const std::string& program_name, bool install_signals);

// Py_FinalizeEx: queued finalizers, non-daemon threads joined, atexit
// callbacks, the standard streams flushed.  -1 when flushing failed.  The
// heap is not torn down: the process is expected to end.
int finishEmbedded();

// CPython's PyErr_PrintEx for an exception that is not SystemExit: with
// `set_sys_last_vars` sys.last_type/last_value/last_traceback, then
// sys.excepthook, falling back to the built-in printer.
void printUncaughtException(Value e, bool set_sys_last_vars);

}  // namespace tern
