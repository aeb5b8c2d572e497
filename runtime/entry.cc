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

#include "runtime/gc/heap.h"
#include "runtime/interp/errors.h"
#include "runtime/interp/eval.h"
#include "runtime/interp/runtime.h"
#include "runtime/modules/_io.h"
#include "runtime/modules/atexit.h"
#include "runtime/modules/builtins.h"
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
  std::fprintf(stderr, "usage: %s [--version | -c CODE | FILE] [ARG...]\n", program);
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
// traceback printed to stderr and 1.
int reportUncaught() {
  Value e = takeError();
  if (e.isNull()) return 0;
  if (isInstance(e, exc::SystemExit)) return systemExitStatus(e);
  printException(e);
  return 1;
}

// Compiles and runs `source` as the __main__ module (`tern FILE` or
// `tern -c CODE`).  A SyntaxError is an uncaught exception like any other.
int run_main(const std::string& source, const std::string& filename, bool is_file) {
  Value main_dict = moduleDict(mainModule());
  if (is_file && dictSet(main_dict, names::__file__, newStr(filename)) < 0) return reportUncaught();
  Value code = compileSource(source, filename, "exec");
  if (code.isNull()) return reportUncaught();
  Value r = evalCode(code, main_dict, main_dict);
  int status = r.isNull() ? reportUncaught() : 0;
  gc::runFinalizers();  // weakref callbacks and __del__ queued by the last collection (weakref engineer)
  runAtexitCallbacks();  // atexit.h (importer engineer): after the traceback, as Py_FinalizeEx
  finalizeIoAtExit();    // _io.h: files collected or still open are flushed
  flushStdStreams();
  if (errorPending()) {
    // Flushing failed (a closed stdout): CPython reports it and exits 120.
    clearError();
    if (status == 0) status = 120;
  }
  return status;
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
    // sys.argv is ['-c', ARGS...]: the command itself is not in it.
    Value args = lookupAttr(sysModule(), internStr("argv"));
    if (!args.isNull() && listLength(args) >= 2 && delItem(args, Value::fromSmallInt(1)) < 0) clearError();
    clearError();
    setSysPath0("");  // sys.h (importer engineer)
    installSiteBuiltins();
    return run_main(argv[2], "<string>", false);
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
  // sys.path[0]: the directory of the script, links resolved (sys.h, importer engineer).
  setSysPath0(std::filesystem::weakly_canonical(path, ignored).parent_path().string());
  installSiteBuiltins();
  return run_main(*source, path.string(), true);
}

}  // namespace tern
