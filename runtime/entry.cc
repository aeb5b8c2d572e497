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
#include <vector>

#include <signal.h>
#include <unistd.h>

#include "runtime/gc/heap.h"
#include "runtime/interp/config.h"
#include "runtime/interp/errors.h"
#include "runtime/interp/eval.h"
#include "runtime/interp/gil.h"
#include "runtime/interp/runtime.h"
#include "runtime/modules/_io.h"
#include "runtime/modules/_signal.h"
#include "runtime/modules/_tracemalloc.h"
#include "runtime/modules/atexit.h"
#include "runtime/modules/builtins.h"
#include "runtime/modules/faulthandler.h"
#include "runtime/modules/importer.h"
#include "runtime/modules/module.h"
#include "runtime/modules/sys.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/exceptions.h"
#include "runtime/objects/hash.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/list.h"
#include "runtime/objects/native.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"

namespace tern {

namespace {

// ===========================================================================
// The command line (CPython's, see `tern -h`)

const char kUsageLine[] = "usage: %s [option] ... [-c cmd | -m mod | file | -] [arg] ...\n";

// A command-line error: the message, the usage line and a hint; status 2.
int usageError(const char* program, const std::string& message) {
  std::fprintf(stderr, "%s\n", message.c_str());
  std::fprintf(stderr, kUsageLine, program);
  std::fprintf(stderr, "Try `python -h' for more information.\n");
  return 2;
}

const char kHelp[] =
    "Options (and corresponding environment variables):\n"
    "-b     : warn about str(bytes) and comparing bytes with str (-bb: errors);\n"
    "         sets sys.flags.bytes_warning and a BytesWarning filter\n"
    "-B     : don't write .pyc files on import; also PYTHONDONTWRITEBYTECODE=x\n"
    "-c cmd : program passed in as string (terminates option list)\n"
    "-d     : sys.flags.debug; also PYTHONDEBUG=x\n"
    "-E     : ignore PYTHON* environment variables (such as PYTHONPATH)\n"
    "-h     : print this help message and exit (also -? or --help)\n"
    "-i     : sys.flags.inspect and interactive; also PYTHONINSPECT=x\n"
    "-I     : isolate Python from the user's environment (implies -E, -P and -s)\n"
    "-m mod : run library module as a script (terminates option list)\n"
    "-O     : remove assert and __debug__-dependent statements; add .opt-1 before\n"
    "         .pyc extension; also PYTHONOPTIMIZE=x\n"
    "-OO    : do -O changes and also discard docstrings; add .opt-2 before\n"
    "         .pyc extension\n"
    "-P     : don't prepend a potentially unsafe path to sys.path; also PYTHONSAFEPATH\n"
    "-q     : don't print version and copyright messages on interactive startup\n"
    "-s     : don't add user site directory to sys.path; also PYTHONNOUSERSITE\n"
    "-S     : don't imply 'import site' on initialization\n"
    "-u     : force the stdout and stderr streams to be unbuffered;\n"
    "         this option has no effect on stdin; also PYTHONUNBUFFERED=x\n"
    "-v     : sys.flags.verbose: importlib reports what it imports (-vv: more);\n"
    "         also PYTHONVERBOSE=x\n"
    "-V     : print the Tern version number and exit (also --version)\n"
    "-W arg : warning control; arg is action:message:category:module:lineno\n"
    "         also PYTHONWARNINGS=arg\n"
    "-x     : skip first line of source, allowing use of non-Unix forms of #!cmd\n"
    "-X opt : set implementation-specific option (sys._xoptions): dev, utf8,\n"
    "         int_max_str_digits=N, pycache_prefix=PATH, warn_default_encoding;\n"
    "         Tern's own: track-resources (files and sockets record where they\n"
    "         were created, for ResourceWarning), gc-madvise=free|dontneed\n"
    "--check-hash-based-pycs always|default|never:\n"
    "         control how Python invalidates hash-based .pyc files\n"
    "file   : program read from script file\n"
    "-      : program read from stdin (default; interactive mode if a tty)\n"
    "arg ...: arguments passed to program in sys.argv[1:]\n";

// What the command line asks to run.
struct Invocation {
  // kMainPath: FILE is a directory or zip file; its __main__ module runs.
  enum class Mode { kInteractive, kCommand, kModule, kFile, kMainPath, kStdin } mode = Mode::kInteractive;
  std::string target;                  // the command, module name or file
  std::vector<std::string> sys_argv;   // sys.argv
  std::vector<std::string> warnings;   // the -W options, in order
  int version = 0;                     // -V given (twice: -VV)
  bool help = false;
};

// Parses argv as CPython's getopt does (options may be grouped: -Sc CMD,
// -Wd; -c, -m, a file or '-' end the options).  Returns -1 to go on, else
// the exit status of a command-line error (printed).
int parseCommandLine(int argc, char** argv, Config* c, Invocation* inv) {
  const char* program = argc > 0 ? argv[0] : "tern";
  int i = 1;
  for (; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg.size() < 2 || arg[0] != '-') break;  // a file, or '-'
    if (arg == "--") {
      ++i;
      break;
    }
    if (arg[1] == '-') {
      if (arg == "--help" || arg == "--help-env" || arg == "--help-xoptions" || arg == "--help-all") {
        inv->help = true;
      } else if (arg == "--version") {
        ++inv->version;
      } else if (arg == "--check-hash-based-pycs") {
        if (i + 1 >= argc) return usageError(program, "Argument expected for the --check-hash-based-pycs option");
        std::string v = argv[++i];
        if (v != "always" && v != "default" && v != "never") {
          return usageError(program, "--check-hash-based-pycs must be one of 'default', 'always', or 'never'");
        }
        c->check_hash_based_pycs = v;
      } else {
        return usageError(program, "unknown option " + arg);
      }
      continue;
    }
    for (size_t j = 1; j < arg.size(); ++j) {
      char opt = arg[j];
      if (opt == 'c' || opt == 'm' || opt == 'W' || opt == 'X') {
        std::string value;
        if (j + 1 < arg.size()) {
          value = arg.substr(j + 1);
        } else if (i + 1 < argc) {
          value = argv[++i];
        } else {
          return usageError(program, std::string("Argument expected for the -") + opt + " option");
        }
        if (opt == 'W') {
          inv->warnings.push_back(value);
        } else if (opt == 'X') {
          size_t eq = value.find('=');
          c->xoptions.push_back(eq == std::string::npos
                                    ? XOption{.name = value, .value = "", .has_value = false}
                                    : XOption{.name = value.substr(0, eq), .value = value.substr(eq + 1), .has_value = true});
        } else {
          inv->mode = opt == 'c' ? Invocation::Mode::kCommand : Invocation::Mode::kModule;
          inv->target = value;
          // sys.argv[0] is '-c' or '-m' (runpy makes the latter the module's path).
          inv->sys_argv.push_back(opt == 'c' ? "-c" : "-m");
          for (int k = i + 1; k < argc; ++k) inv->sys_argv.emplace_back(argv[k]);
          return -1;
        }
        break;  // the rest of this argument was the value
      }
      switch (opt) {
        case 'b': ++c->bytes_warning; break;
        case 'B': c->dont_write_bytecode = true; break;
        case 'd': ++c->debug; break;
        case 'E': c->ignore_environment = true; break;
        case 'h': case '?': inv->help = true; break;
        case 'i': ++c->inspect; ++c->interactive; break;
        case 'I': c->isolated = c->ignore_environment = c->no_user_site = c->safe_path = true; break;
        case 'O': ++c->optimize; break;
        case 'P': c->safe_path = true; break;
        case 'q': c->quiet = true; break;
        case 'R': c->random_hash = true; break;
        case 's': c->no_user_site = true; break;
        case 'S': c->no_site = true; break;
        case 'u': c->unbuffered = true; break;
        case 'v': ++c->verbose; break;
        case 'V': ++inv->version; break;
        case 'x': c->skip_first_line = true; break;
        default:
          return usageError(program, std::string("Unknown option: -") + opt);
      }
    }
  }
  if (i < argc) {
    inv->mode = std::strcmp(argv[i], "-") == 0 ? Invocation::Mode::kStdin : Invocation::Mode::kFile;
    inv->target = argv[i];
    for (int k = i; k < argc; ++k) inv->sys_argv.emplace_back(argv[k]);
  } else {
    inv->mode = ::isatty(0) == 1 ? Invocation::Mode::kInteractive : Invocation::Mode::kStdin;
    inv->sys_argv.emplace_back();
  }
  return -1;
}

std::optional<std::string> read_file(const char* path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// Reports an uncaught exception as CPython's PyErr_PrintEx: sys.last_*
// set, then sys.excepthook(type, value, traceback), falling back to the
// built-in printer when the hook is missing or fails.
void printUncaught(Value e, bool set_sys_last_vars = true) {
  Value sys = sysModule();
  Value type = typeValue(typeOf(e));
  Value tb = static_cast<BaseExceptionObj*>(e.asObject())->traceback.get();
  if (tb.isNull()) tb = None();
  if (set_sys_last_vars &&
      (setAttr(sys, internStr("last_type"), type) < 0 || setAttr(sys, internStr("last_value"), e) < 0 ||
       setAttr(sys, internStr("last_traceback"), tb) < 0)) {
    clearError();
  }
  Value hook = lookupAttr(sys, internStr("excepthook"));
  clearError();
  if (hook.isNull() || isNone(hook)) {
    std::fflush(stdout);
    std::fprintf(stderr, "sys.excepthook is missing\n");
    printException(e);
    return;
  }
  Value args[3] = {type, e, tb};
  if (!call(hook, args, 3).isNull()) return;
  Value hook_error = takeError();
  if (isInstance(hook_error, exc::SystemExit)) return;  // as CPython: a SystemExit from the hook ends quietly
  flushStdStreams();
  std::fprintf(stderr, "Error in sys.excepthook:\n");
  printException(hook_error);
  std::fprintf(stderr, "\nOriginal exception was:\n");
  printException(e);
}

// The exit status of an uncaught exception: SystemExit's code, else the
// traceback printed to stderr and 1.  *interrupted: it was a KeyboardInterrupt.
int reportUncaught(bool* interrupted) {
  Value e = takeError();
  if (e.isNull()) return 0;
  if (isInstance(e, exc::SystemExit)) return systemExitStatus(e);
  *interrupted = isInstance(e, exc::KeyboardInterrupt);
  printUncaught(e);
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

// code.interact's readfunc: on a terminal with a line editor, through it
// (readTerminalLine); otherwise the prompt goes to sys.stderr, as CPython's
// own prompt does, and the line comes from sys.stdin; EOFError at its end.
Value promptReadline(Value* args) {
  Value sys = sysModule();
  Value in = lookupAttr(sys, internStr("stdin"));
  Value out = in.isNull() ? Value() : lookupAttr(sys, names::stdout_);
  if (Value line; !out.isNull() && !isNone(in) && !isNone(out) && readTerminalLine(in, out, args[1], &line)) {
    return line;
  }
  if (errorPending()) return Value();
  Value err = lookupAttr(sys, internStr("stderr"));
  if (!err.isNull() && !isNone(err)) {
    Value prompt = args[1];
    if (callMethod(err, internStr("write"), &prompt, 1).isNull() ||
        callMethod(err, internStr("flush"), nullptr, 0).isNull()) {
      return Value();
    }
  }
  if (errorPending()) return Value();
  if (in.isNull() || isNone(in)) return errorPending() ? Value() : raise(exc::RuntimeError, "lost sys.stdin");
  Value line = callMethod(in, internStr("readline"), nullptr, 0);
  if (line.isNull()) return line;
  if (!isStr(line)) return raise(exc::TypeError, "sys.stdin.readline() must return a str");
  std::string text = strToUtf8(line);
  if (text.empty()) return raiseEmpty(exc::EOFError);
  if (text.back() == '\n') text.pop_back();
  return newStr(text);
}

const MethodDef kPromptReadline = {.name = "readfunc", .signature = "($module, prompt, /)", .fn = promptReadline};

// sys.__interactivehook__ (site's: the readline module with tab completion
// and ~/.python_history), called before the prompt as CPython calls it; its
// failure is reported and the prompt starts anyway.
void runInteractiveHook() {
  Value hook = lookupAttr(sysModule(), internStr("__interactivehook__"));
  if (hook.isNull() && !errorPending()) return;
  if (!hook.isNull() && !call(hook, nullptr, 0).isNull()) return;
  std::fprintf(stderr, "Failed calling sys.__interactivehook__\n");
  printException(Value());
}

// The stdlib's `code.interact` over __main__'s namespace, with a banner
// (none under -q, nor after a program); its result or null.
Value interact(bool banner) {
  runInteractiveHook();
  Value code_module = importModule(internStr("code"));
  Value console_type = code_module.isNull() ? Value() : getAttr(code_module, internStr("InteractiveConsole"));
  if (console_type.isNull()) return console_type;
  std::string text = !banner || config().quiet ? ""
                                               : "Tern 0.1.0 (Python 3.11.2) on linux\n"
                                                 "Type \"help\", \"copyright\", \"credits\" or \"license\" for "
                                                 "more information.";
  // code.interact's console, with CPython's file name for what is typed.
  Value console = call2(console_type, moduleDict(mainModule()), newStr("<stdin>"));
  Value readfunc = console.isNull() ? Value() : newBuiltinFunction(&kPromptReadline, Value(), Value());
  if (readfunc.isNull() || setAttr(console, internStr("raw_input"), readfunc) < 0) return Value();
  return call2(getAttr(console, internStr("interact")), newStr(text), names::empty);
}

// -i or PYTHONINSPECT (also when the program set it): the prompt follows
// the program, after its uncaught exception (SystemExit included) is shown.
bool g_prompt_running = false;
Value inspectAfter(Value result) {
  const char* env = std::getenv("PYTHONINSPECT");
  bool inspect = config().inspect > 0 || (!config().ignore_environment && env != nullptr && *env != '\0');
  if (!inspect || g_prompt_running) return result;
  g_prompt_running = true;
  if (result.isNull()) printUncaught(takeError());
  std::fflush(stdout);
  return interact(false);
}

// Py_IsInitialized / _Py_IsFinalizing (runtimeState).
RuntimeState g_runtime_state = RuntimeState::kNotStarted;

// What every way of running the main program ends with: the exit status of
// an uncaught exception, the queued finalizers, atexit callbacks, flushing.
int finish(Value result) {
  result = inspectAfter(result);
  bool interrupted = false;
  int status = result.isNull() ? reportUncaught(&interrupted) : 0;
  gc::runFinalizers();  // weakref callbacks and __del__ queued by the last collection (weakref engineer)
  interp::waitForThreadShutdown();  // gil.h: threading._shutdown() joins the non-daemon threads
  runAtexitCallbacks();  // atexit.h (importer engineer): after the traceback, as Py_FinalizeEx
  g_runtime_state = RuntimeState::kFinalizing;
  interp::beginFinalization();  // gil.h: daemon threads never get the GIL back
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
  if (!applyStdioEncoding()) {  // _io.h: codecs are found from here on
    std::fflush(stdout);
    std::fprintf(stderr, "Fatal Python error: init_stdio_encoding: failed to get the Python codec name of the stdio "
                         "encoding\nPython runtime state: core initialized\n");
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

// How run_main got its source.
enum class SourceKind { kFile, kCommand, kStdin };

// Compiles and runs `source` as the __main__ module (`tern FILE`, `tern -c
// CODE`, `tern -` or a program on stdin).  A SyntaxError is an uncaught
// exception like any other.
int run_main(std::string source, const std::string& filename, SourceKind kind) {
  Value main_dict = moduleDict(mainModule());
  if (kind == SourceKind::kFile && (dictSet(main_dict, names::__file__, newStr(filename)) < 0 ||
                                    dictSet(main_dict, internStr("__cached__"), None()) < 0)) {
    return finish(Value());
  }
  if (config().skip_first_line && kind != SourceKind::kCommand) {
    // -x: the first line is dropped, its newline kept so that line numbers hold.
    size_t newline = source.find('\n');
    source.erase(0, newline == std::string::npos ? source.size() : newline);
  }
  // -c CODE is compiled as CPython compiles a str (PyRun_SimpleStringFlags).
  bool from_string = kind == SourceKind::kCommand;
  Value code = compileSource(source, filename, "exec",
                             {.optimize = config().optimize, .from_string = from_string, .from_str = from_string});
  if (code.isNull()) return finish(code);
  return finish(evalCode(code, main_dict, main_dict));
}

// `tern -m MODULE`: runpy._run_module_as_main(MODULE), as CPython; with
// alter_argv false for the __main__ of a directory or zip file.
int run_module(const std::string& module, bool alter_argv = true) {
  Value runpy = importModule(internStr("runpy"));
  Value run = runpy.isNull() ? Value() : getAttr(runpy, internStr("_run_module_as_main"));
  if (run.isNull()) {
    std::fflush(stdout);
    std::fprintf(stderr, "Could not import runpy module\n");
    printException(Value());
    return 1;
  }
  return finish(call2(run, newStr(module), Bool(alter_argv)));
}

// Before a prompt on a terminal (no program, or -i), the readline module is
// imported, also under -S, so input() and the prompt edit lines with GNU
// readline; not under -I.  Failing to import it is not an error.  (CPython's
// pymain_import_readline.)
void importReadline(bool no_program) {
  if (config().isolated || (!no_program && config().inspect <= 0) || !::isatty(0)) return;
  if (importModule(internStr("readline")).isNull()) clearError();
}

// The interactive prompt (`tern` on a terminal, or after the program under
// -i): the stdlib's `code.interact` over __main__'s namespace.
int run_interactive() {
  g_prompt_running = true;
  return finish(interact(true));
}

// Reads all of standard input (`tern -` or a program piped in).
std::string readStdin() {
  std::string text;
  char buffer[65536];
  for (;;) {
    ssize_t n = ::read(0, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    text.append(buffer, static_cast<size_t>(n));
  }
  return text;
}

// What CPython's init_interp_main does after importlib: warnings when -W or
// PYTHONWARNINGS gave options, then `site` (unless -S).  False when `site`
// failed (printed as CPython's fatal error).
bool importStartupModules() {
  if (!config().warnoptions.empty() && importModule(internStr("warnings")).isNull()) {
    // As CPython: a broken warnings module is reported, not fatal.
    printException(Value());
  }
  if (config().no_site) return true;
  if (!importModule(internStr("site")).isNull()) return true;
  std::fflush(stdout);
  std::fprintf(stderr, "Fatal Python error: init_import_site: Failed to import the site module\n"
                       "Python runtime state: initialized\n");
  printException(Value());
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  Config parsed;
  Invocation inv;
  int status = parseCommandLine(argc, argv, &parsed, &inv);
  if (status >= 0) return status;
  if (inv.help) {
    std::printf(kUsageLine, argc > 0 ? argv[0] : "tern");
    std::fputs(kHelp, stdout);
    return 0;
  }
  if (inv.version > 0) {
    if (inv.version > 1) {
      std::printf("Tern 0.1.0 (Python 3.11.2) [GCC " __VERSION__ "]\n");
    } else {
      std::printf("Tern 0.1.0 (Python 3.11)\n");
    }
    return 0;
  }
  std::string error = parsed.applyEnvironmentAndXOptions();
  if (!error.empty()) {
    bool pre = error.rfind("preconfig", 0) == 0;
    std::fprintf(stderr, "Fatal Python error: %s\nPython runtime state: %s\n\n", error.c_str(),
                 pre ? "preinitializing" : "preinitialized");
    return 1;
  }
  parsed.finishWarnOptions(inv.warnings);
  if (parsed.inspect > 0 && inv.mode == Invocation::Mode::kStdin && inv.target.empty()) {
    inv.mode = Invocation::Mode::kInteractive;
  }
  config() = parsed;

  // A directory or zip file runs its __main__ module.
  if (inv.mode == Invocation::Mode::kFile) {
    std::error_code ignored;
    bool zip = false;
    if (std::FILE* f = std::fopen(inv.target.c_str(), "rb")) {
      char magic[4] = {};
      zip = std::fread(magic, 1, 4, f) == 4 && std::memcmp(magic, "PK\x03\x04", 4) == 0;
      std::fclose(f);
    }
    if (zip || std::filesystem::is_directory(inv.target, ignored)) inv.mode = Invocation::Mode::kMainPath;
  }

  // The script is read before anything starts, as CPython does.
  std::string source;
  if (inv.mode == Invocation::Mode::kFile) {
    std::optional<std::string> text = read_file(inv.target.c_str());
    if (!text) {
      int e = errno;
      std::error_code ignored;
      std::string shown = std::filesystem::absolute(inv.target, ignored).lexically_normal().string();
      std::fprintf(stderr, "%s: can't open file '%s': [Errno %d] %s\n", argv[0], shown.c_str(), e, std::strerror(e));
      return 2;
    }
    source = std::move(*text);
  }

  // As CPython: a write to a closed pipe is an EPIPE error (BrokenPipeError), not a kill.
  std::signal(SIGPIPE, SIG_IGN);
  // As CPython: exceeding RLIMIT_FSIZE is an EFBIG error (OSError), not a kill.
  std::signal(SIGXFSZ, SIG_IGN);
  // The str/bytes hash secret, from PYTHONHASHSEED, before any hash is taken.
  if (std::optional<std::string> e = objects::init_hash_secret(config().random_hash ? nullptr : config().env("PYTHONHASHSEED"))) {
    std::fprintf(stderr, "Fatal Python error: config_init_hash_seed: %s\nPython runtime state: preinitialized\n\n",
                 e->c_str());
    return 1;
  }
  gc::Config gc_config = gc::Config::fromEnvironment();
  // -X gc-madvise=free|dontneed: how empty heap pages go back to the OS (docs/gc.md).
  if (config().hasXOption("gc-madvise")) {
    const std::string* v = config().xoptionValue("gc-madvise");
    if (v == nullptr || !gc_config.setReleaseMode(v->c_str())) {
      std::fprintf(stderr, "tern: -X gc-madvise=%s: expected free or dontneed\n", v == nullptr ? "" : v->c_str());
      return 2;
    }
  }
  gc::initialize(gc_config);
  setSysArgvList(inv.sys_argv, argc, argv);  // sys.h
  if (!initializeRuntime()) return 1;
  // -X tracemalloc[=N], PYTHONTRACEMALLOC: tracing starts before any Python code runs.
  if (std::string e = startTracemallocFromConfig(); !e.empty()) {
    std::fprintf(stderr, "Fatal Python error: %s\n\n", e.c_str());
    return 1;
  }
  g_runtime_state = RuntimeState::kRunning;

  std::string script;
  if (inv.mode == Invocation::Mode::kFile) {
    // As CPython 3.11 names the main script: made absolute, links not resolved.
    std::error_code ignored;
    script = std::filesystem::absolute(inv.target, ignored).lexically_normal().string();
  }
  if (!startImports(inv.mode == Invocation::Mode::kFile ? &script : nullptr)) return 1;
  // Ctrl-C raises KeyboardInterrupt (_signal.h).
  if (!installStartupSigintHandler()) printException(Value());
  // -X faulthandler, PYTHONFAULTHANDLER, -X dev (faulthandler.h).
  if (!enableFaulthandlerAtStartup()) printException(Value());
  if (!importStartupModules()) return 1;

  // sys.path[0] (importer.h), after `site` as in CPython; none under -P / -I
  // (but always the directory or zip file whose __main__ runs).
  if (inv.mode == Invocation::Mode::kMainPath) {
    std::error_code ignored;
    setSysPath0(std::filesystem::absolute(inv.target, ignored).lexically_normal().string());
  } else if (!config().safe_path) {
    std::error_code ignored;
    switch (inv.mode) {
      case Invocation::Mode::kFile:
        // The directory of the script, links resolved.
        setSysPath0(std::filesystem::weakly_canonical(script, ignored).parent_path().string());
        break;
      case Invocation::Mode::kModule:
        // The current directory, made absolute (3.11).
        setSysPath0(std::filesystem::current_path(ignored).string());
        break;
      default:
        setSysPath0("");
        break;
    }
  }

  importReadline(inv.mode == Invocation::Mode::kInteractive);
  switch (inv.mode) {
    case Invocation::Mode::kCommand:
      return run_main(inv.target, "<string>", SourceKind::kCommand);
    case Invocation::Mode::kModule:
      return run_module(inv.target);
    case Invocation::Mode::kFile:
      return run_main(std::move(source), script, SourceKind::kFile);
    case Invocation::Mode::kMainPath:
      return run_module("__main__", false);
    case Invocation::Mode::kStdin:
      return run_main(readStdin(), "<stdin>", SourceKind::kStdin);
    case Invocation::Mode::kInteractive:
      return run_interactive();
  }
  return 0;
}

// ===========================================================================
// Embedding (cpyext/pylifecycle.cc)

RuntimeState runtimeState() { return g_runtime_state; }

void printUncaughtException(Value e, bool set_sys_last_vars) { printUncaught(e, set_sys_last_vars); }

bool startEmbedded(const Config& embedder_config, const std::string& program_name, bool install_signals) {
  config() = embedder_config;
  if (install_signals) {
    std::signal(SIGPIPE, SIG_IGN);
    std::signal(SIGXFSZ, SIG_IGN);
  }
  if (std::optional<std::string> e = objects::init_hash_secret(config().random_hash ? nullptr : config().env("PYTHONHASHSEED"))) {
    std::fprintf(stderr, "Fatal Python error: config_init_hash_seed: %s\nPython runtime state: preinitialized\n\n",
                 e->c_str());
    return false;
  }
  // The calling thread becomes the heap's first mutator: its whole stack,
  // the embedder's frames below this one included, is scanned conservatively.
  gc::initialize(gc::Config::fromEnvironment());
  std::string argv0 = program_name;
  char* argv[] = {argv0.data(), nullptr};
  setSysArgvList({""}, 1, argv);  // sys.argv == [''] until PySys_SetArgv
  if (!initializeRuntime()) return false;
  if (!startImports(nullptr)) return false;
  if (install_signals && !installStartupSigintHandler()) printException(Value());
  if (!importStartupModules()) return false;
  g_runtime_state = RuntimeState::kRunning;
  return true;
}

int finishEmbedded() {
  gc::runFinalizers();
  interp::waitForThreadShutdown();
  runAtexitCallbacks();
  g_runtime_state = RuntimeState::kFinalizing;
  interp::beginFinalization();
  finalizeIoAtExit();
  flushStdStreams();
  if (errorPending()) {
    clearError();
    return -1;
  }
  return 0;
}

}  // namespace tern
