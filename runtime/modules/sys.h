// The sys module (sys.cc): what the runtime tells it before it is created,
// and the buffered standard streams it owns.
#pragma once

#include <string>
#include <vector>

namespace tern {

// sys.argv from the command line: argv[script_index:] (the script path or
// '-c' first), and sys.orig_argv the whole of it.  Call before sys is
// imported.
void setSysArgv(int argc, char** argv, int script_index);
// The same with sys.argv given; sys.executable is found from argv[0] (a
// path, or a name on PATH) as CPython finds it.  May be called before the
// heap exists: only strings are kept until sys is created.
void setSysArgvList(std::vector<std::string> sys_argv, int argc, char** argv);

// Writes out what stdout and stderr hold in their buffers (at exit, and
// before the runtime writes to fd 2 itself, e.g. a traceback).
void flushStdStreams();

// Inserts `path0` as sys.path[0]: the script's directory for `tern FILE`, ''
// for -c, the current directory for -m.  Implemented by importer.cc; call
// after sys exists.
void setSysPath0(const std::string& path0);

}  // namespace tern
