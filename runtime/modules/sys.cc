// The sys module: argv, path, modules, the standard streams, exit, the
// recursion limit, version and implementation data, exc_info/exception,
// intern, getsizeof, displayhook/excepthook, and what importlib reads
// (meta_path, path_hooks, path_importer_cache, dont_write_bytecode,
// pycache_prefix, implementation.cache_tag 'tern-311').  The rest of
// CPython's sys comes with issue #5.
//
// The standard streams are io objects made by _io (newStandardStream), as in
// CPython.  `stdprinter` (CPython has a type of that name for the same job
// before io exists) is what sys falls back to when io cannot make a stream:
// it encodes str as UTF-8 and writes to file descriptors 0-2 through a buffer
// of its own, flushed by flush() and at exit (flushStdStreams).
#include "runtime/modules/sys.h"

#include <unistd.h>

#include <cerrno>
#include <cfloat>
#include <cstdlib>
#include <cstring>
#include <string>

#include "runtime/interp/errors.h"
#include "runtime/interp/frame.h"
#include "runtime/interp/thread_state.h"
#include "runtime/interp/runtime.h"
#include "runtime/modules/_io.h"
#include "runtime/modules/builtins.h"
#include "runtime/modules/module.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/exceptions.h"
#include "runtime/objects/float.h"
#include "runtime/objects/int.h"
#include "runtime/objects/list.h"
#include "runtime/objects/native.h"
#include "runtime/objects/str.h"
#include "runtime/objects/structseq.h"
#include "runtime/objects/tuple.h"

namespace tern {

namespace {

// ===========================================================================
// stdprinter: the standard streams

Type* g_stdprinter_type = nullptr;

struct StdPrinterObj : Obj {
  int64_t fd;
};

// What each descriptor's stream keeps outside the heap (no references).
struct StreamState {
  std::string buffer;
  bool line_buffered = false;
  bool write_through = false;
  bool backslashreplace = false;  // stderr's error handler; stdout's is strict
};
StreamState g_streams[3];

int64_t fdOf(Value self) { return static_cast<StdPrinterObj*>(self.asObject())->fd; }

// Writes the whole buffer; false with OSError pending on a write error.
bool flushFd(int64_t fd) {
  std::string& buffer = g_streams[fd].buffer;
  size_t done = 0;
  while (done < buffer.size()) {
    ssize_t n = ::write(static_cast<int>(fd), buffer.data() + done, buffer.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      int error = errno;
      buffer.clear();
      raiseWithArgs(exc::OSError, newTupleOf({newInt(error), newStr(std::strerror(error))}));
      return false;
    }
    done += static_cast<size_t>(n);
  }
  buffer.clear();
  return true;
}

// Lone surrogates are kept in generalized UTF-8 as ED A0..BF xx: the only
// byte sequences that are not valid UTF-8.  Appends `utf8` to `out`, either
// escaping them (\udc80) or reporting the first one's code-point index.
bool appendEncoded(std::string& out, const std::string& utf8, bool escape, int64_t* bad_index) {
  int64_t index = 0;
  for (size_t i = 0; i < utf8.size();) {
    unsigned char c = static_cast<unsigned char>(utf8[i]);
    size_t len = c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
    if (c == 0xed && i + 1 < utf8.size() && static_cast<unsigned char>(utf8[i + 1]) >= 0xa0) {
      if (!escape) {
        *bad_index = index;
        return false;
      }
      char32_t cp = ((c & 0x0f) << 12) | ((static_cast<unsigned char>(utf8[i + 1]) & 0x3f) << 6) |
                    (static_cast<unsigned char>(utf8[i + 2]) & 0x3f);
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(cp));
      out += escaped;
    } else {
      out.append(utf8, i, len);
    }
    i += len;
    ++index;
  }
  return true;
}

Value stdprinter_write(Value* args) {
  Value self = args[0], text = args[1];
  if (!isStr(text)) {
    return raisef(exc::TypeError, "write() argument must be str, not %s", typeNameOf(text).c_str());
  }
  int64_t fd = fdOf(self);
  StreamState& stream = g_streams[fd];
  std::string utf8 = strToUtf8(text);
  int64_t bad_index = 0;
  size_t before = stream.buffer.size();
  if (!appendEncoded(stream.buffer, utf8, stream.backslashreplace, &bad_index)) {
    stream.buffer.resize(before);
    Value reason = newStr("surrogates not allowed");
    Value error = newException(exc::UnicodeEncodeError, newTupleOf({newStr("utf-8"), text, newInt(bad_index),
                                                                    newInt(bad_index + 1), reason}));
    if (error.isNull()) return Value();
    return raiseException(error);
  }
  bool flush = stream.write_through || stream.buffer.size() >= 8192 ||
               (stream.line_buffered && utf8.find('\n') != std::string::npos);
  if (flush && !flushFd(fd)) return Value();
  return newInt(asStr(text)->length);
}

Value stdprinter_flush(Value* args) {
  if (!flushFd(fdOf(args[0]))) return Value();
  return None();
}

Value stdprinter_fileno(Value* args) { return newInt(fdOf(args[0])); }
Value stdprinter_isatty(Value* args) { return Bool(::isatty(static_cast<int>(fdOf(args[0]))) == 1); }
Value stdprinter_writable(Value* args) { return Bool(fdOf(args[0]) != 0); }
Value stdprinter_readable(Value* args) { return Bool(fdOf(args[0]) == 0); }

Value stdprinter_readline(Value* args) {
  if (fdOf(args[0]) != 0) return raise(exc::OSError, "not readable");
  std::string line;
  char c;
  for (;;) {
    ssize_t n = ::read(0, &c, 1);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    line += c;
    if (c == '\n') break;
  }
  return newStr(line);
}

Value stdprinter_repr(Value self) {
  static const char* const kNames[3] = {"<stdin>", "<stdout>", "<stderr>"};
  return newStr(std::string("<stdprinter name='") + kNames[fdOf(self)] + "' encoding='utf-8'>");
}

Value stdprinter_get_encoding(Value) { return internStr("utf-8"); }
Value stdprinter_get_errors(Value self) {
  return internStr(g_streams[fdOf(self)].backslashreplace ? "backslashreplace" : "strict");
}
Value stdprinter_get_closed(Value) { return False(); }
Value stdprinter_get_line_buffering(Value self) { return Bool(g_streams[fdOf(self)].line_buffered); }
Value stdprinter_get_name(Value self) {
  static const char* const kNames[3] = {"<stdin>", "<stdout>", "<stderr>"};
  return internStr(kNames[fdOf(self)]);
}
Value stdprinter_get_mode(Value self) { return internStr(fdOf(self) == 0 ? "r" : "w"); }

constexpr uint32_t kNoFields[] = {0};
const gc::Layout kStdPrinterLayout = {.name = "stdprinter", .fields = std::span<const uint32_t>(kNoFields, 0)};

const MethodDef kStdPrinterMethods[] = {
    {.name = "write", .signature = "($self, s, /)", .fn = stdprinter_write},
    {.name = "flush", .signature = "($self, /)", .fn = stdprinter_flush},
    {.name = "fileno", .signature = "($self, /)", .fn = stdprinter_fileno},
    {.name = "isatty", .signature = "($self, /)", .fn = stdprinter_isatty},
    {.name = "writable", .signature = "($self, /)", .fn = stdprinter_writable},
    {.name = "readable", .signature = "($self, /)", .fn = stdprinter_readable},
    {.name = "readline", .signature = "($self, size=-1, /)", .fn = stdprinter_readline},
};

const GetSetDef kStdPrinterGetSets[] = {
    {.name = "encoding", .get = stdprinter_get_encoding},
    {.name = "errors", .get = stdprinter_get_errors},
    {.name = "closed", .get = stdprinter_get_closed},
    {.name = "line_buffering", .get = stdprinter_get_line_buffering},
    {.name = "name", .get = stdprinter_get_name},
    {.name = "mode", .get = stdprinter_get_mode},
};

const TypeSpec kStdPrinterSpec = {
    .name = "stdprinter",
    .type = &g_stdprinter_type,
    .layout = &kStdPrinterLayout,
    .basic_size = sizeof(StdPrinterObj),
    .slots = {.tp_repr = stdprinter_repr},
    .methods = kStdPrinterMethods,
    .getsets = kStdPrinterGetSets,
};
TERN_REGISTER_TYPE(kStdPrinterSpec);

Value newStdPrinter(int fd) {
  Obj* o = newObject(g_stdprinter_type, sizeof(StdPrinterObj));
  static_cast<StdPrinterObj*>(o)->fd = fd;
  return Value(o);
}

// ===========================================================================
// Struct sequences

Type* g_version_info_type = nullptr;
Type* g_float_info_type = nullptr;
Type* g_int_info_type = nullptr;
Type* g_hash_info_type = nullptr;
Type* g_flags_type = nullptr;
Type* g_thread_info_type = nullptr;
Type* g_asyncgen_hooks_type = nullptr;


const MemberDef kVersionInfoFields[] = {structseqField("major", 0), structseqField("minor", 1),
                                        structseqField("micro", 2), structseqField("releaselevel", 3),
                                        structseqField("serial", 4)};
TERN_STRUCTSEQ_TYPE(kVersionInfoSpec, "sys", "version_info", kVersionInfoFields, g_version_info_type);

const MemberDef kFloatInfoFields[] = {
    structseqField("max", 0),    structseqField("max_exp", 1),  structseqField("max_10_exp", 2),
    structseqField("min", 3),    structseqField("min_exp", 4),  structseqField("min_10_exp", 5),
    structseqField("dig", 6),    structseqField("mant_dig", 7), structseqField("epsilon", 8),
    structseqField("radix", 9),  structseqField("rounds", 10)};
TERN_STRUCTSEQ_TYPE(kFloatInfoSpec, "sys", "float_info", kFloatInfoFields, g_float_info_type);

const MemberDef kIntInfoFields[] = {structseqField("bits_per_digit", 0), structseqField("sizeof_digit", 1),
                                    structseqField("default_max_str_digits", 2),
                                    structseqField("str_digits_check_threshold", 3)};
TERN_STRUCTSEQ_TYPE(kIntInfoSpec, "sys", "int_info", kIntInfoFields, g_int_info_type);

const MemberDef kHashInfoFields[] = {
    structseqField("width", 0),     structseqField("modulus", 1),  structseqField("inf", 2),
    structseqField("nan", 3),       structseqField("imag", 4),     structseqField("algorithm", 5),
    structseqField("hash_bits", 6), structseqField("seed_bits", 7), structseqField("cutoff", 8)};
TERN_STRUCTSEQ_TYPE(kHashInfoSpec, "sys", "hash_info", kHashInfoFields, g_hash_info_type);

const MemberDef kFlagsFields[] = {
    structseqField("debug", 0),          structseqField("inspect", 1),
    structseqField("interactive", 2),    structseqField("optimize", 3),
    structseqField("dont_write_bytecode", 4), structseqField("no_user_site", 5),
    structseqField("no_site", 6),        structseqField("ignore_environment", 7),
    structseqField("verbose", 8),        structseqField("bytes_warning", 9),
    structseqField("quiet", 10),         structseqField("hash_randomization", 11),
    structseqField("isolated", 12),      structseqField("dev_mode", 13),
    structseqField("utf8_mode", 14),     structseqField("warn_default_encoding", 15),
    structseqField("safe_path", 16),     structseqField("int_max_str_digits", 17)};
TERN_STRUCTSEQ_TYPE(kFlagsSpec, "sys", "flags", kFlagsFields, g_flags_type);

const MemberDef kThreadInfoFields[] = {structseqField("name", 0), structseqField("lock", 1),
                                       structseqField("version", 2)};
TERN_STRUCTSEQ_TYPE(kThreadInfoSpec, "sys", "thread_info", kThreadInfoFields, g_thread_info_type);

const MemberDef kAsyncgenHooksFields[] = {structseqField("firstiter", 0), structseqField("finalizer", 1)};
TERN_STRUCTSEQ_TYPE(kAsyncgenHooksSpec, nullptr, "asyncgen_hooks", kAsyncgenHooksFields, g_asyncgen_hooks_type);


Value structSeqOf(Type* type, std::initializer_list<Value> items) {
  Value s = newStructSeq(type);
  int64_t i = 0;
  for (Value v : items) tupleInit(s, i++, v);
  return s;
}

// ===========================================================================
// Functions

// sys.exit(status): SystemExit made as CPython's PyErr_SetObject makes it
// from the status: none for None, the items of a tuple, else the status.
Value sys_exit(Value* args) {
  Value status = args[1];
  if (status.isNull() || isNone(status)) return raiseEmpty(exc::SystemExit);
  if (isTuple(status)) return raiseWithArgs(exc::SystemExit, status);
  return raiseWithArgs(exc::SystemExit, newTupleOf({status}));
}

// sys.set_asyncgen_hooks(firstiter, finalizer): an omitted hook stays, None
// unsets it; both are checked before either is set (finalizer first, as CPython).
Value sys_set_asyncgen_hooks(Value* args) {
  Value firstiter = args[1], finalizer = args[2];
  for (auto [hook, what] : {std::pair{finalizer, "finalizer"}, std::pair{firstiter, "firstiter"}}) {
    if (!hook.isNull() && !isNone(hook) && !isCallable(hook)) {
      return raisef(exc::TypeError, "callable %s expected, got %s", what, typeNameOf(hook).c_str());
    }
  }
  interp::ThreadState* ts = interp::currentThread();
  if (!finalizer.isNull()) ts->asyncgen_finalizer = isNone(finalizer) ? Value() : finalizer;
  if (!firstiter.isNull()) ts->asyncgen_firstiter = isNone(firstiter) ? Value() : firstiter;
  return None();
}

Value sys_get_asyncgen_hooks(Value* /*args*/) {
  interp::ThreadState* ts = interp::currentThread();
  auto orNone = [](Value v) { return v.isNull() ? None() : v; };
  return structSeqOf(g_asyncgen_hooks_type, {orNone(ts->asyncgen_firstiter), orNone(ts->asyncgen_finalizer)});
}

Value sys_getrecursionlimit(Value* /*args*/) { return newInt(interp::currentThread()->recursion_limit); }

Value sys_setrecursionlimit(Value* args) {
  if (isInstance(args[1], types::float_type)) return raise(exc::TypeError, "'float' object cannot be interpreted as an integer");
  int64_t limit;
  if (!indexToInt64(args[1], &limit, exc::OverflowError)) return Value();
  if (limit < 1) return raise(exc::ValueError, "recursion limit must be greater or equal than 1");
  interp::ThreadState* ts = interp::currentThread();
  if (limit <= ts->recursion_depth) {
    return raisef(exc::RecursionError,
                  "cannot set the recursion limit to %lld at the recursion depth %d: the limit is too low",
                  static_cast<long long>(limit), ts->recursion_depth);
  }
  ts->recursion_limit = static_cast<int>(limit > 1000000000 ? 1000000000 : limit);
  return None();
}

Value sys_exc_info(Value* /*args*/) {
  Value e = interp::currentThread()->handled_exception;
  if (e.isNull() || isNone(e)) return newTupleOf({None(), None(), None()});
  Value tb = static_cast<BaseExceptionObj*>(e.asObject())->traceback.get();
  return newTupleOf({typeValue(typeOf(e)), e, tb.isNull() ? None() : tb});
}

Value sys_exception(Value* /*args*/) {
  Value e = interp::currentThread()->handled_exception;
  return e.isNull() ? None() : e;
}

Value sys_intern(Value* args) {
  Value s = args[1];
  if (isStr(s) && !isExactStr(s)) return raisef(exc::TypeError, "can't intern %s", typeNameOf(s).c_str());
  if (!isStr(s)) {
    return raisef(exc::TypeError, "intern() argument must be str, not %s",
                  isNone(s) ? "None" : typeNameOf(s).c_str());
  }
  return intern(s);
}

Value sys_getsizeof(Value* args) {
  Value obj = args[1], fallback = args[2];
  bool found = false;
  Value size = callSpecial(obj, internStr("__sizeof__"), nullptr, 0, &found);
  if (size.isNull()) {
    if (!fallback.isNull() && (!errorPending() || errorMatches(exc::TypeError))) {
      clearError();
      return fallback;
    }
    if (!found && !errorPending()) {
      return raisef(exc::TypeError, "Type %s doesn't define __sizeof__", typeNameOf(obj).c_str());
    }
    return Value();
  }
  // PyLong_AsSsize_t: an int proper, no __index__; its TypeError also gives the default.
  int64_t n;
  if (!isInt(size)) {
    if (!fallback.isNull()) return fallback;
    return raise(exc::TypeError, "an integer is required");
  }
  if (!intToInt64(size, &n)) {
    clearError();
    return raise(exc::OverflowError, "Python int too large to convert to C ssize_t");
  }
  if (n < 0) return raise(exc::ValueError, "__sizeof__() should return >= 0");
  return newInt(n);
}

Value sys_getdefaultencoding(Value* /*args*/) { return internStr("utf-8"); }
Value sys_getfilesystemencoding(Value* /*args*/) { return internStr("utf-8"); }
Value sys_getfilesystemencodeerrors(Value* /*args*/) { return internStr("surrogateescape"); }

Value sys_get_int_max_str_digits(Value* /*args*/) { return newInt(static_cast<int64_t>(g_int_max_str_digits)); }

Value sys_set_int_max_str_digits(Value* args) {
  int64_t n;
  if (!indexToInt64(args[1], &n, exc::OverflowError)) return Value();
  if (n != 0 && n < 640) return raise(exc::ValueError, "maxdigits must be 0 or larger than 640");
  g_int_max_str_digits = static_cast<size_t>(n);
  return None();
}

Value sys_is_finalizing(Value* /*args*/) { return False(); }

// sys.displayhook(value): what the interactive prompt and exec(..., 'single')
// do with an expression statement's value.
Value sys_displayhook(Value* args) {
  Value value = args[1];
  if (isNone(value)) return None();
  Value builtins = builtinsDict();
  Value underscore = internStr("_");
  if (builtins.isNull() || dictSet(builtins, underscore, None()) < 0) return Value();
  Value text = repr(value);
  if (text.isNull()) return Value();
  Value out = dictGetStr(moduleDict(importModule(internStr("sys"))), names::stdout_);
  if (out.isNull() || isNone(out)) return raise(exc::RuntimeError, "lost sys.stdout");
  if (callMethod(out, names::write, &text, 1).isNull()) return Value();
  Value newline = internStr("\n");
  if (callMethod(out, names::write, &newline, 1).isNull()) return Value();
  if (dictSet(builtins, underscore, value) < 0) return Value();
  return None();
}

// sys.excepthook(type, value, traceback): prints the exception as an
// uncaught one is printed.
Value sys_excepthook(Value* args) {
  Value value = args[2];
  if (!isException(value)) {
    return raisef(exc::TypeError, "print_exception(): Exception expected for value, %s found",
                  typeNameOf(value).c_str());
  }
  printException(value);
  return None();
}

// sys.audit: Tern has no audit hooks yet (sys.addaudithook refuses one), so
// an event goes nowhere, as in CPython with no hook installed.
Value sys_audit(Value* args) {
  if (!isStr(args[1])) {
    return raisef(exc::TypeError, "expected str for argument 'event', not %s", typeNameOf(args[1]).c_str());
  }
  return None();
}

Value sys_addaudithook(Value* /*args*/) {
  return raise(exc::NotImplementedError, "sys.addaudithook: audit hooks are not implemented yet (issue #5)");
}

Value sys__getframe(Value* args) {
  int64_t depth;
  if (!indexToInt64(args[1], &depth, exc::OverflowError)) return Value();
  return interp::getFrameObject(depth);
}

const MethodDef kSysFunctions[] = {
    {.name = "exit", .signature = "($module, status=<unrepresentable>, /)", .fn = sys_exit,
     .doc = "Exit the interpreter by raising SystemExit(status)."},
    {.name = "set_asyncgen_hooks",
     .signature = "($module, /, firstiter=<unrepresentable>, finalizer=<unrepresentable>)",
     .fn = sys_set_asyncgen_hooks},
    {.name = "get_asyncgen_hooks", .signature = "($module, /)", .fn = sys_get_asyncgen_hooks},
    {.name = "getrecursionlimit", .signature = "($module, /)", .fn = sys_getrecursionlimit,
     .doc = "Return the current value of the recursion limit."},
    {.name = "setrecursionlimit", .signature = "($module, limit, /)", .fn = sys_setrecursionlimit,
     .doc = "Set the maximum depth of the Python interpreter stack to n."},
    {.name = "exc_info", .signature = "($module, /)", .fn = sys_exc_info,
     .doc = "Return current exception information: (type, value, traceback)."},
    {.name = "exception", .signature = "($module, /)", .fn = sys_exception,
     .doc = "Return the current exception."},
    {.name = "intern", .signature = "($module, string, /)", .fn = sys_intern,
     .doc = "``Intern'' the given string."},
    {.name = "getsizeof", .signature = "($module, object, default=<unrepresentable>, /)", .fn = sys_getsizeof,
     .doc = "getsizeof(object [, default]) -> int\n\nReturn the size of object in bytes."},
    {.name = "getdefaultencoding", .signature = "($module, /)", .fn = sys_getdefaultencoding,
     .doc = "Return the current default encoding used by the Unicode implementation."},
    {.name = "getfilesystemencoding", .signature = "($module, /)", .fn = sys_getfilesystemencoding,
     .doc = "Return the encoding used to convert Unicode filenames to OS filenames."},
    {.name = "getfilesystemencodeerrors", .signature = "($module, /)", .fn = sys_getfilesystemencodeerrors,
     .doc = "Return the error mode used Unicode to OS filename conversion."},
    {.name = "get_int_max_str_digits", .signature = "($module, /)", .fn = sys_get_int_max_str_digits,
     .doc = "Return the maximum string digits limit for non-binary int<->str conversions."},
    {.name = "set_int_max_str_digits", .signature = "($module, /, maxdigits)", .fn = sys_set_int_max_str_digits,
     .doc = "Set the maximum string digits limit for non-binary int<->str conversions."},
    {.name = "is_finalizing", .signature = "($module, /)", .fn = sys_is_finalizing,
     .doc = "Return True if Python is exiting."},
    {.name = "displayhook", .signature = "($module, object, /)", .fn = sys_displayhook,
     .doc = "Print an object to sys.stdout and also save it in builtins._"},
    {.name = "excepthook", .signature = "($module, exctype, value, traceback, /)", .fn = sys_excepthook,
     .doc = "Handle an exception by displaying it with a traceback on sys.stderr."},
    {.name = "audit", .signature = "($module, event, /, *args)", .fn = sys_audit,
     .doc = "Passes the event to any audit hooks that are attached."},
    {.name = "addaudithook", .signature = "($module, hook)", .fn = sys_addaudithook,
     .doc = "Adds a new audit hook callback."},
    {.name = "_getframe", .signature = "($module, depth=0, /)", .fn = sys__getframe,
     .doc = "Return a frame object from the call stack."},
};

// ===========================================================================
// The module

gc::GlobalRoot g_argv;       // list of str, set by setSysArgv before sys is created
gc::GlobalRoot g_orig_argv;
gc::GlobalRoot g_executable;

// PYTHONDONTWRITEBYTECODE set and not empty: sys.dont_write_bytecode.
bool dontWriteBytecode() {
  const char* v = std::getenv("PYTHONDONTWRITEBYTECODE");
  return v != nullptr && *v != '\0';
}

Value stdlibModuleNames() {
  static const char* const kNames[] = {
#define TERN_STDLIB_MODULE(name) name,
#include "runtime/modules/stdlib_module_names.def"
#undef TERN_STDLIB_MODULE
  };
  Value list = newList();
  for (const char* n : kNames) {
    if (!listAppend(list, internStr(n))) return Value();
  }
  return call1(typeValue(types::frozenset_type), list);
}

// sys.flags.hash_randomization: 0 only when PYTHONHASHSEED fixes the seed to 0.
int hashRandomizationFlag() {
  const char* seed = std::getenv("PYTHONHASHSEED");
  return seed != nullptr && std::strcmp(seed, "0") == 0 ? 0 : 1;
}

bool set(Value d, const char* name, Value v) { return !v.isNull() && dictSet(d, internStr(name), v) == 0; }

Value strList(std::initializer_list<const char*> items) {
  Value list = newList();
  for (const char* s : items) listAppend(list, newStr(s));
  return list;
}

// sys.path without its first entry (setSysPath0 inserts that): PYTHONPATH's
// entries, as CPython reads them (an empty entry is the current directory,
// relative entries are made absolute, a trailing ':' adds nothing), then the
// stdlib's directories.
Value initialSysPath() {
  Value path = newList();
  const char* env = std::getenv("PYTHONPATH");
  if (env != nullptr && *env != '\0') {
    char cwd_buffer[4096];
    std::string cwd = ::getcwd(cwd_buffer, sizeof cwd_buffer) != nullptr ? cwd_buffer : "";
    std::string entries = env;
    size_t start = 0;
    for (;;) {
      size_t colon = entries.find(':', start);
      std::string entry = entries.substr(start, colon == std::string::npos ? std::string::npos : colon - start);
      if (colon == std::string::npos && entry.empty()) break;
      if (entry.empty()) {
        entry = cwd;
      } else if (entry[0] != '/' && !cwd.empty()) {
        entry = cwd + "/" + entry;
      }
      if (!listAppend(path, newStr(entry))) return Value();
      if (colon == std::string::npos) break;
      start = colon + 1;
    }
  }
  for (const char* dir : {"/usr/lib/python3.11", "/usr/lib/python3.11/lib-dynload",
                          "/usr/local/lib/python3.11/dist-packages", "/usr/lib/python3/dist-packages"}) {
    if (!listAppend(path, newStr(dir))) return Value();
  }
  return path;
}

// sys.pycache_prefix: PYTHONPYCACHEPREFIX when set and not empty, else None.
Value pycachePrefix() {
  const char* v = std::getenv("PYTHONPYCACHEPREFIX");
  return v != nullptr && *v != '\0' ? newStr(v) : None();
}

bool sysInit(Value module) {
  Value d = moduleDict(module);
  g_streams[1].line_buffered = ::isatty(1) == 1;
  g_streams[2].write_through = true;
  g_streams[2].backslashreplace = true;
  // The io streams (_io.h); the stdprinters stand in only if io fails.
  Value out = newStandardStream(1), err = newStandardStream(2), in = newStandardStream(0);
  if (out.isNull() || err.isNull() || in.isNull()) {
    clearError();
    out = newStdPrinter(1), err = newStdPrinter(2), in = newStdPrinter(0);
  }
  Value version_info = structSeqOf(g_version_info_type, {newInt(3), newInt(11), newInt(2), internStr("final"), newInt(0)});
  Value implementation = call0(typeValue(types::namespace_type));
  if (implementation.isNull()) return false;
  Value impl_dict = instanceDict(implementation);
  if (impl_dict.isNull()) return false;
  if (!set(impl_dict, "name", internStr("tern")) || !set(impl_dict, "cache_tag", internStr("tern-311")) ||
      !set(impl_dict, "version", version_info) || !set(impl_dict, "hexversion", newInt(0x030b02f0)) ||
      !set(impl_dict, "_multiarch", internStr("x86_64-linux-gnu"))) {
    return false;
  }
  Value argv = g_argv.get().isNull() ? strList({""}) : g_argv.get();
  Value orig_argv = g_orig_argv.get().isNull() ? newList() : g_orig_argv.get();
  Value executable = g_executable.get().isNull() ? names::empty : g_executable.get();
  bool ok =
      set(d, "stdout", out) && set(d, "stderr", err) && set(d, "stdin", in) && set(d, "__stdout__", out) &&
      set(d, "__stderr__", err) && set(d, "__stdin__", in) && set(d, "argv", argv) && set(d, "orig_argv", orig_argv) &&
      set(d, "executable", executable) && set(d, "_base_executable", executable) &&
      set(d, "path", initialSysPath()) && set(d, "pycache_prefix", pycachePrefix()) &&
      set(d, "modules", modulesDict()) && set(d, "meta_path", newList()) && set(d, "path_hooks", newList()) &&
      set(d, "path_importer_cache", newDict()) && set(d, "builtin_module_names", nativeModuleNames()) &&
      set(d, "maxsize", newInt(INT64_MAX)) && set(d, "maxunicode", newInt(0x10ffff)) &&
      set(d, "version", newStr("3.11.2 (Tern 0.1.0) [GCC " __VERSION__ "]")) && set(d, "version_info", version_info) &&
      set(d, "hexversion", newInt(0x030b02f0)) && set(d, "api_version", newInt(1013)) &&
      set(d, "implementation", implementation) && set(d, "platform", internStr("linux")) &&
      set(d, "byteorder", internStr("little")) && set(d, "prefix", internStr("/usr")) &&
      set(d, "base_prefix", internStr("/usr")) && set(d, "exec_prefix", internStr("/usr")) &&
      set(d, "base_exec_prefix", internStr("/usr")) && set(d, "platlibdir", internStr("lib")) &&
      set(d, "abiflags", names::empty) && set(d, "float_repr_style", internStr("short")) &&
      set(d, "dont_write_bytecode", Bool(dontWriteBytecode())) &&
      set(d, "stdlib_module_names", stdlibModuleNames()) && set(d, "warnoptions", newList()) && set(d, "_xoptions", newDict()) &&
      set(d, "copyright", internStr("Copyright (c) Tern's authors.\nPython 3.11: Copyright (c) 2001-2023 Python "
                                    "Software Foundation.\nAll Rights Reserved.")) &&
      set(d, "float_info", structSeqOf(g_float_info_type,
                                       {newFloat(DBL_MAX), newInt(DBL_MAX_EXP), newInt(DBL_MAX_10_EXP),
                                        newFloat(DBL_MIN), newInt(DBL_MIN_EXP), newInt(DBL_MIN_10_EXP),
                                        newInt(DBL_DIG), newInt(DBL_MANT_DIG), newFloat(DBL_EPSILON),
                                        newInt(FLT_RADIX), newInt(FLT_ROUNDS)})) &&
      set(d, "int_info", structSeqOf(g_int_info_type, {newInt(30), newInt(4), newInt(4300), newInt(640)})) &&
      set(d, "hash_info", structSeqOf(g_hash_info_type, {newInt(64), newInt(2305843009213693951), newInt(314159),
                                                         newInt(0), newInt(1000003), internStr("siphash13"),
                                                         newInt(64), newInt(128), newInt(0)})) &&
      set(d, "flags", structSeqOf(g_flags_type, {newInt(0), newInt(0), newInt(0), newInt(0), newInt(dontWriteBytecode() ? 1 : 0), newInt(0),
                                                 newInt(0), newInt(0), newInt(0), newInt(0), newInt(0),
                                                 newInt(hashRandomizationFlag()), newInt(0), False(), newInt(0), newInt(0), False(), newInt(-1)})) &&
      set(d, "thread_info", structSeqOf(g_thread_info_type, {internStr("pthread"), internStr("mutex+cond"), None()}));
  if (!ok) return false;
  // The originals, as CPython keeps them for code that replaced the hooks.
  return set(d, "__displayhook__", dictGetStr(d, internStr("displayhook"))) &&
         set(d, "__excepthook__", dictGetStr(d, internStr("excepthook")));
}

const NativeModuleDef kSysModule = {
    .name = "sys",
    .methods = kSysFunctions,
    .init = sysInit,
    .doc = "This module provides access to some objects used or maintained by the\ninterpreter and to functions "
           "that interact strongly with the interpreter.",
};
TERN_REGISTER_MODULE(kSysModule);

}  // namespace

void setSysArgv(int argc, char** argv, int script_index) {
  Value list = newList();
  for (int i = script_index; i < argc; ++i) listAppend(list, newStr(argv[i]));
  if (script_index >= argc) listAppend(list, names::empty);
  g_argv.set(list);
  Value orig = newList();
  for (int i = 0; i < argc; ++i) listAppend(orig, newStr(argv[i]));
  g_orig_argv.set(orig);
  char path[4096];
  ssize_t n = ::readlink("/proc/self/exe", path, sizeof path - 1);
  g_executable.set(n > 0 ? newStr(std::string(path, static_cast<size_t>(n))) : names::empty);
}

void flushStdStreams() {
  flushIoStandardStreams();  // _io.h
  for (int fd = 1; fd <= 2; ++fd) {
    if (!flushFd(fd)) clearError();  // nowhere left to report it
  }
}

}  // namespace tern
