// The interpreter's configuration (CPython's PyConfig): what the command line
// and the PYTHON* environment variables ask for.  `tern` (entry.cc) fills it
// from its arguments before the runtime starts; an embedder that does not
// gets the environment's settings (Config::fromEnvironment).  sys.flags,
// sys.warnoptions, sys._xoptions, sys.path, the standard streams and the
// default `optimize` of compile() are read from it.
//
// Every variable CPython reads itself is read here through `env()`, which
// answers null under -E and -I, so that those flags hold everywhere.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace tern {

struct XOption {
  std::string name;
  std::string value;
  bool has_value = false;  // -X NAME=VALUE; a bare -X NAME is True in sys._xoptions
};

struct Config {
  // sys.flags, in its order.
  int debug = 0;              // -d, PYTHONDEBUG
  int inspect = 0;            // -i, PYTHONINSPECT
  int interactive = 0;        // -i
  int optimize = 0;           // -O/-OO, PYTHONOPTIMIZE
  bool dont_write_bytecode = false;  // -B, PYTHONDONTWRITEBYTECODE
  bool no_user_site = false;  // -s, -I, PYTHONNOUSERSITE
  bool no_site = false;       // -S
  bool ignore_environment = false;  // -E, -I
  int verbose = 0;            // -v, PYTHONVERBOSE
  int bytes_warning = 0;      // -b
  bool quiet = false;         // -q
  bool isolated = false;      // -I
  bool dev_mode = false;      // -X dev, PYTHONDEVMODE
  int utf8_mode = 0;          // -X utf8, PYTHONUTF8, else 1 in the C/POSIX locale
  bool warn_default_encoding = false;  // -X warn_default_encoding, PYTHONWARNDEFAULTENCODING
  bool safe_path = false;     // -P, -I, PYTHONSAFEPATH
  int int_max_str_digits = -1;  // -X int_max_str_digits, PYTHONINTMAXSTRDIGITS; -1: not set

  bool unbuffered = false;    // -u, PYTHONUNBUFFERED
  // The encoding and error handler of sys.stdin/stdout/stderr (the error
  // handler not stderr's) from PYTHONIOENCODING=ENCODING[:ERRORS] or the
  // embedder's Py_SetStandardStreamEncoding; empty: the default.
  std::string stdio_encoding;
  std::string stdio_errors;
  // An embedder's Py_SetPath: sys.path is these ':'-separated entries alone
  // (PYTHONPATH and the stdlib directories are not added) and sys.prefix,
  // sys.exec_prefix are '' (so `site` adds no site-packages of a prefix).
  bool search_path_set = false;
  std::string search_path;
  bool skip_first_line = false;  // -x
  bool random_hash = false;      // -R: PYTHONHASHSEED is ignored
  std::vector<std::string> warnoptions;  // sys.warnoptions: see finishWarnOptions
  std::vector<XOption> xoptions;         // -X NAME[=VALUE], in order (sys._xoptions)
  std::string check_hash_based_pycs = "default";  // --check-hash-based-pycs

  // The defaults of a process started without options: the environment's settings.
  static Config fromEnvironment();
  // getenv(name), or null under -E / -I or when the variable is empty.
  const char* env(const char* name) const;
  // Applies the environment variables (unless ignore_environment) and the
  // -X options to the flags, after the command line set its own.  An
  // invalid value gives an error message (what follows CPython's "Fatal
  // Python error: "), else "".
  std::string applyEnvironmentAndXOptions();
  // sys.warnoptions from the -W options given: CPython's order, lowest
  // priority first ('default' of dev mode, PYTHONWARNINGS, -W, -b/-bb).
  void finishWarnOptions(const std::vector<std::string>& command_line);
  // -X NAME was given (with or without a value); its value, or null.
  bool hasXOption(const std::string& name) const;
  const std::string* xoptionValue(const std::string& name) const;
};

// The configuration in force.
Config& config();

}  // namespace tern
