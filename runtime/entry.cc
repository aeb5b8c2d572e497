#include "runtime/entry.h"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <sstream>
#include <string>

#include <signal.h>
#include <unistd.h>

#include "runtime/gc/heap.h"
#include "runtime/interp/errors.h"
#include "runtime/interp/eval.h"
#include "runtime/interp/runtime.h"
#include "runtime/modules/_io.h"
#include "runtime/modules/atexit.h"
#include "runtime/modules/builtins.h"
#include "runtime/modules/importer.h"
#include "runtime/modules/module.h"
#include "runtime/modules/sys.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/exceptions.h"
#include "runtime/objects/hash.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/list.h"
#include "runtime/objects/str.h"

namespace tern {

namespace {

int usage(const char* program) {
  std::fprintf(stderr, "usage: %s [--version | -c CODE | -m MODULE | FILE] [ARG...]\n", program);
  return 2;
}

std::optional<std::string> read_file(const char* path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// The exit status of an uncaught exception: SystemExit's code, else the
// traceback printed to stderr and 1.  *interrupted: it was a KeyboardInterrupt.
int reportUncaught(bool* interrupted) {
  Value e = takeError();
  if (e.isNull()) return 0;
  if (isInstance(e, exc::SystemExit)) return systemExitStatus(e);
  *interrupted = isInstance(e, exc::KeyboardInterrupt);
  printException(e);
  return 1;
}

// After an uncaught KeyboardInterrupt CPython ends by SIGINT itself, so that
// a shell sees the interrupt; 130 (128 + SIGINT) if the signal is blocked.
int exitBySigint() {
  std::fflush(nullptr);
  std::signal(SIGINT, SIG_DFL);
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigprocmask(SIG_UNBLOCK, &set, nullptr);
  kill(getpid(), SIGINT);
  return 128 + SIGINT;
}

// What every way of running the main program ends with: the exit status of
// an uncaught exception, the queued finalizers, atexit callbacks, flushing.
int finish(Value result) {
  bool interrupted = false;
  int status = result.isNull() ? reportUncaught(&interrupted) : 0;
  gc::runFinalizers();  // weakref callbacks and __del__ queued by the last collection (weakref engineer)
  runAtexitCallbacks();  // atexit.h (importer engineer): after the traceback, as Py_FinalizeEx
  finalizeIoAtExit();    // _io.h: files collected or still open are flushed
  flushStdStreams();
  if (errorPending()) {
    // Flushing failed (a closed stdout): CPython reports it and exits 120.
    clearError();
    if (status == 0) status = 120;
  }
  if (interrupted) return exitBySigint();
  return status;
}

// sys.argv is ['-c' or '-m', ARGS...]: the command or module name is not in it.
void dropArgv1() {
  Value args = lookupAttr(sysModule(), internStr("argv"));
  if (!args.isNull() && listLength(args) >= 2 && delItem(args, Value::fromSmallInt(1)) < 0) clearError();
  clearError();
}

// Installs importlib (importer.h) and sets __main__.__loader__ as CPython
// does: BuiltinImporter for -c, a SourceFileLoader for a script.  False
// when importlib cannot be installed (the error is printed: nothing could
// be imported).
bool startImports(const std::string* script) {
  if (!installImportlib()) {
    std::fflush(stdout);
    std::fprintf(stderr, "Fatal Python error: init_importlib: importlib could not be installed\n");
    printException(Value());
    return false;
  }
  Value main_dict = moduleDict(mainModule());
  Value loader;
  if (script != nullptr) {
    Value loader_type = lookupAttr(importlibExternal(), internStr("SourceFileLoader"));
    if (!loader_type.isNull()) loader = call2(loader_type, names::__main__, newStr(*script));
  } else {
    loader = lookupAttr(importlibBootstrap(), internStr("BuiltinImporter"));
  }
  if (loader.isNull() || dictSet(main_dict, names::__loader__, loader) < 0) clearError();
  return true;
}

// Compiles and runs `source` as the __main__ module (`tern FILE` or
// `tern -c CODE`).  A SyntaxError is an uncaught exception like any other.
int run_main(const std::string& source, const std::string& filename, bool is_file) {
  Value main_dict = moduleDict(mainModule());
  if (is_file && (dictSet(main_dict, names::__file__, newStr(filename)) < 0 ||
                  dictSet(main_dict, internStr("__cached__"), None()) < 0)) {
    return finish(Value());
  }
  // -c CODE is compiled as CPython compiles a str (PyRun_SimpleStringFlags).
  Value code = compileSource(source, filename, "exec", {.from_string = !is_file, .from_str = !is_file});
  if (code.isNull()) return finish(code);
  return finish(evalCode(code, main_dict, main_dict));
}

// `tern -m MODULE`: runpy._run_module_as_main(MODULE), as CPython.
int run_module(const char* module) {
  Value runpy = importModule(internStr("runpy"));
  Value run = runpy.isNull() ? Value() : getAttr(runpy, internStr("_run_module_as_main"));
  if (run.isNull()) {
    std::fflush(stdout);
    std::fprintf(stderr, "Could not import runpy module\n");
    printException(Value());
    return 1;
  }
  return finish(call2(run, newStr(module), True()));
}

}  // namespace

int main(int argc, char** argv) {
  if (argc >= 2 && (std::strcmp(argv[1], "--version") == 0 || std::strcmp(argv[1], "-V") == 0)) {
    std::printf("Tern 0.1.0 (Python 3.11)\n");
    return 0;
  }
  // As CPython: a write to a closed pipe is an EPIPE error (BrokenPipeError), not a kill.
  std::signal(SIGPIPE, SIG_IGN);
  // The str/bytes hash secret, from PYTHONHASHSEED, before any hash is taken.
  if (std::optional<std::string> error = objects::init_hash_secret()) {
    std::fprintf(stderr, "Fatal Python error: config_init_hash_seed: %s\nPython runtime state: preinitialized\n\n",
                 error->c_str());
    return 1;
  }
  gc::initialize(gc::Config::fromEnvironment());
  if (argc >= 3 && std::strcmp(argv[1], "-c") == 0) {
    if (!initializeRuntime(argc, argv, 1)) return 1;
    dropArgv1();
    setSysPath0("");  // importer.h
    if (!startImports(nullptr)) return 1;
    installSiteBuiltins();
    return run_main(argv[2], "<string>", false);
  }
  if (argc >= 3 && std::strcmp(argv[1], "-m") == 0) {
    if (!initializeRuntime(argc, argv, 1)) return 1;
    dropArgv1();
    // sys.path[0] is the current directory, made absolute (3.11).
    std::error_code ignored;
    setSysPath0(std::filesystem::current_path(ignored).string());
    if (!startImports(nullptr)) return 1;
    installSiteBuiltins();
    return run_module(argv[2]);
  }
  if (argc < 2 || argv[1][0] == '-') return usage(argv[0]);
  std::optional<std::string> source = read_file(argv[1]);
  if (!source) {
    int error = errno;
    std::fprintf(stderr, "%s: can't open file '%s': [Errno %d] %s\n", argv[0], argv[1], error, std::strerror(error));
    return 2;
  }
  if (!initializeRuntime(argc, argv, 1)) return 1;
  // As CPython 3.11 names the main script: made absolute, links not resolved.
  std::error_code ignored;
  std::filesystem::path path = std::filesystem::absolute(argv[1], ignored).lexically_normal();
  // sys.path[0]: the directory of the script, links resolved (importer.h).
  setSysPath0(std::filesystem::weakly_canonical(path, ignored).parent_path().string());
  std::string script = path.string();
  if (!startImports(&script)) return 1;
  installSiteBuiltins();
  return run_main(*source, script, true);
}

}  // namespace tern
