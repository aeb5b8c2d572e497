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

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cfloat>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "cpyext/refcount.h"
#include "runtime/interp/config.h"
#include "runtime/interp/errors.h"
#include "runtime/interp/frame.h"
#include "runtime/interp/gil.h"
#include "runtime/interp/thread_state.h"
#include "runtime/interp/tracing.h"
#include "runtime/interp/runtime.h"
#include "runtime/modules/_io.h"
#include "runtime/modules/_warnings.h"
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
#include "runtime/objects/type.h"

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

// sys.getrefcount: Tern counts no references of its own (docs/differences.md):
// 2, what CPython reports for an object one variable holds while it is the
// argument, plus the references C code holds through the object's proxy.
Value sys_getrefcount(Value* args) { return newInt(2 + cpyext::proxyRefcount(args[1])); }

Value sys__clear_type_cache(Value*) {
  clearTypeCache();
  return None();
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
  // As CPython's PyErr_Display: to sys.stderr, which is then flushed; the
  // process's stderr only when sys.stderr is missing or cannot be written.
  Value file = lookupAttr(sysModule(), internStr("stderr"));
  if (file.isNull() || isNone(file)) {
    clearError();
    printException(value);
    return None();
  }
  flushStdStreams();  // as printException: what the program printed comes first
  Value text = newStr(formatException(value));
  if (text.isNull() || callMethod(file, internStr("write"), &text, 1).isNull() ||
      callMethod(file, internStr("flush"), nullptr, 0).isNull()) {
    clearError();
    printException(value);
  }
  return None();
}

// sys.set_coroutine_origin_tracking_depth: remembered, but Tern's cr_origin
// stays None (generator.h).
thread_local int64_t t_coroutine_origin_depth = 0;

Value sys_set_coroutine_origin_tracking_depth(Value* args) {
  int64_t depth;
  if (isInstance(args[1], types::float_type)) return raise(exc::TypeError, "'float' object cannot be interpreted as an integer");
  if (!indexToInt64(args[1], &depth, exc::OverflowError)) return Value();
  if (depth < 0) return raise(exc::ValueError, "depth must be >= 0");
  t_coroutine_origin_depth = depth;
  return None();
}

Value sys_get_coroutine_origin_tracking_depth(Value* /*args*/) { return newInt(t_coroutine_origin_depth); }

// sys.unraisablehook(unraisable): the default printer of exceptions that
// cannot be raised; printUnraisable() calls a replacement (unraisable.cc).
Value sys_unraisablehook(Value* args) { return defaultUnraisableHook(args[1]); }

// Audit hooks (PEP 578): sys.addaudithook's hooks, called by sys.audit().
// Tern's native code raises no audit events of its own yet (docs/differences.md).
gc::GlobalRoot g_audit_hooks;  // list, or null until the first hook

// Calls every hook with (event, args); false with a hook's exception pending.
bool callAuditHooks(Value event, Value args) {
  Value hooks = g_audit_hooks.get();
  if (hooks.isNull()) return true;
  for (int64_t i = 0; i < listLength(hooks); ++i) {
    Value hook_args[2] = {event, args};
    if (call(listItem(hooks, i), hook_args, 2).isNull()) return false;
  }
  return true;
}

Value sys_audit(Value* args) {
  if (!isStr(args[1])) {
    return raisef(exc::TypeError, "expected str for argument 'event', not %s", typeNameOf(args[1]).c_str());
  }
  if (!callAuditHooks(args[1], args[2])) return Value();
  return None();
}

// sys.addaudithook(hook): the hooks already there hear "sys.addaudithook"
// first; one raising RuntimeError vetoes the new hook silently.
Value sys_addaudithook(Value* args) {
  if (!callAuditHooks(internStr("sys.addaudithook"), newTuple(0))) {
    if (errorMatches(exc::RuntimeError)) {
      clearError();
      return None();
    }
    return Value();
  }
  if (g_audit_hooks.get().isNull()) g_audit_hooks.set(newList());
  if (!listAppend(g_audit_hooks.get(), args[1])) return Value();
  return None();
}

// sys.settrace / setprofile and friends (runtime/interp/tracing.h).
Value sys_settrace(Value* args) {
  interp::setTraceFunction(args[1]);
  return None();
}
Value sys_gettrace(Value* /*args*/) { return interp::traceFunction(); }
Value sys_setprofile(Value* args) {
  interp::setProfileFunction(args[1]);
  return None();
}
Value sys_getprofile(Value* /*args*/) { return interp::profileFunction(); }

// sys.call_tracing(func, args): func(*args); Tern traces it as any call.
Value sys_call_tracing(Value* args) {
  if (!isTuple(args[2])) {
    return raisef(exc::TypeError, "call_tracing() argument 2 must be tuple, not %s", typeNameOf(args[2]).c_str());
  }
  return callTupleDict(args[1], args[2], Value());
}

// sys.breakpointhook(*args, **kws): PYTHONBREAKPOINT names the function to
// call ("0": none; unset or empty: pdb.set_trace), as CPython.
Value sys_breakpointhook(Value* args) {
  const char* env = config().env("PYTHONBREAKPOINT");
  std::string target = env == nullptr ? "pdb.set_trace" : env;
  if (target == "0") return None();
  size_t dot = target.rfind('.');
  std::string module_name = dot == std::string::npos ? "builtins" : target.substr(0, dot);
  std::string attr = dot == std::string::npos ? target : target.substr(dot + 1);
  Value module = importModule(newStr(module_name));
  Value hook = module.isNull() ? Value() : getAttr(module, newStr(attr));
  if (hook.isNull()) {
    if (!errorMatches(exc::ImportError) && !errorMatches(exc::AttributeError)) return Value();
    clearError();
    if (!warn(exc::RuntimeWarning, "Ignoring unimportable $PYTHONBREAKPOINT: \"" + target + "\"")) return Value();
    return None();
  }
  return callTupleDict(hook, args[1], args[2]);
}

Value sys__getframe(Value* args) {
  int64_t depth;
  if (!indexToInt64(args[1], &depth, exc::OverflowError)) return Value();
  return interp::getFrameObject(depth);
}

// The GIL's switch interval (runtime/interp/gil.h; threads helper).
Value sys_getswitchinterval(Value* /*args*/) { return newFloat(interp::switchInterval()); }

Value sys_setswitchinterval(Value* args) {
  double interval;
  if (!argDouble(args[1], &interval)) return Value();
  if (!(interval > 0)) return raise(exc::ValueError, "switch interval must be strictly positive");
  interp::setSwitchInterval(interval);
  return None();
}

const MethodDef kSysFunctions[] = {
    {.name = "getswitchinterval", .signature = "($module, /)", .fn = sys_getswitchinterval,
     .doc = "Return the current thread switch interval; see sys.setswitchinterval()."},
    {.name = "setswitchinterval", .signature = "($module, interval, /)", .fn = sys_setswitchinterval,
     .doc = "Set the ideal thread switching delay inside the Python interpreter."},
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
    {.name = "getrefcount", .signature = "($module, object, /)", .fn = sys_getrefcount,
     .doc = "Return 2 plus the references C extensions hold to the object (Tern counts no others)."},
    {.name = "_clear_type_cache", .signature = "($module, /)", .fn = sys__clear_type_cache,
     .doc = "Clear the internal type lookup cache."},
    {.name = "getsizeof", .signature = "($module, object, default=<unrepresentable>)", .fn = sys_getsizeof,
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
    {.name = "settrace", .signature = "($module, function, /)", .fn = sys_settrace,
     .doc = "Set the global debug tracing function.\n\nIt will be called on each function call.  See the "
            "debugger chapter\nin the library manual."},
    {.name = "gettrace", .signature = "($module, /)", .fn = sys_gettrace,
     .doc = "Return the global debug tracing function set with sys.settrace.\n\nSee the debugger chapter in "
            "the library manual."},
    {.name = "setprofile", .signature = "($module, function, /)", .fn = sys_setprofile,
     .doc = "Set the profiling function.\n\nIt will be called on each function call and return.  See the "
            "profiler chapter\nin the library manual."},
    {.name = "getprofile", .signature = "($module, /)", .fn = sys_getprofile,
     .doc = "Return the profiling function set with sys.setprofile.\n\nSee the profiler chapter in the library "
            "manual."},
    {.name = "call_tracing", .signature = "($module, func, args, /)", .fn = sys_call_tracing,
     .doc = "Call func(*args), while tracing is enabled.\n\nThe tracing state is saved, and restored afterwards."
            "  This is intended\nto be called from a debugger from a checkpoint, to recursively debug some\n"
            "other code."},
    {.name = "set_coroutine_origin_tracking_depth", .signature = "($module, /, depth)",
     .fn = sys_set_coroutine_origin_tracking_depth,
     .doc = "Enable or disable origin tracking for coroutine objects in this thread."},
    {.name = "get_coroutine_origin_tracking_depth", .signature = "($module, /)",
     .fn = sys_get_coroutine_origin_tracking_depth,
     .doc = "Check status of origin tracking for coroutine objects in this thread."},
    {.name = "unraisablehook", .signature = "($module, unraisable, /)", .fn = sys_unraisablehook,
     .doc = "Handle an unraisable exception."},
    {.name = "breakpointhook", .signature = "($module, /, *args, **kws)", .fn = sys_breakpointhook,
     .doc = "This hook function is called by built-in breakpoint()."},
    {.name = "_getframe", .signature = "($module, depth=0, /)", .fn = sys__getframe,
     .doc = "Return a frame object from the call stack."},
};

// ===========================================================================
// The module

// What setSysArgv stores before the heap has types to make objects of.
struct CommandLine {
  bool set = false;
  std::vector<std::string> argv, orig_argv;
  std::string executable, base_executable;
};
CommandLine& commandLine() {
  static auto* c = new CommandLine();
  return *c;
}

Value strListOf(const std::vector<std::string>& items) {
  Value list = newList();
  for (const std::string& s : items) {
    if (!listAppend(list, newStr(s))) return Value();
  }
  return list;
}

bool isExecutableFile(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) && ::access(path.c_str(), X_OK) == 0;
}

// sys.executable as CPython 3.11 finds it: argv[0] made absolute when it
// names a path (links kept, so a venv's bin/python stays itself), else
// looked up on PATH; the running binary when neither works.
std::string findExecutable(const char* argv0) {
  std::error_code ignored;
  if (argv0 != nullptr && std::strchr(argv0, '/') != nullptr) {
    return std::filesystem::absolute(argv0, ignored).lexically_normal().string();
  }
  const char* path = std::getenv("PATH");
  if (argv0 != nullptr && *argv0 != '\0' && path != nullptr) {
    std::string dirs = path;
    size_t start = 0;
    while (start <= dirs.size()) {
      size_t colon = dirs.find(':', start);
      if (colon == std::string::npos) colon = dirs.size();
      std::string dir = dirs.substr(start, colon - start);
      std::string candidate = (dir.empty() ? std::string(".") : dir) + "/" + argv0;
      if (isExecutableFile(candidate)) {
        return std::filesystem::absolute(candidate, ignored).lexically_normal().string();
      }
      start = colon + 1;
    }
  }
  char buffer[4096];
  ssize_t n = ::readlink("/proc/self/exe", buffer, sizeof buffer - 1);
  return n > 0 ? std::string(buffer, static_cast<size_t>(n)) : std::string();
}

// sys._base_executable: in a virtual environment (a pyvenv.cfg beside the
// executable or in its parent directory, with a `home` key) the executable
// of that name in `home`, else where the link leads; else the executable.
std::string findBaseExecutable(const std::string& executable) {
  namespace fs = std::filesystem;
  std::error_code ignored;
  fs::path exe_dir = fs::path(executable).parent_path();
  for (const fs::path& cfg : {exe_dir / "pyvenv.cfg", exe_dir.parent_path() / "pyvenv.cfg"}) {
    std::FILE* f = std::fopen(cfg.c_str(), "r");
    if (f == nullptr) continue;
    std::string home;
    char line[4096];
    while (std::fgets(line, sizeof line, f) != nullptr) {
      std::string l = line;
      size_t eq = l.find('=');
      if (eq == std::string::npos) continue;
      auto strip = [](std::string t) {
        size_t b = t.find_first_not_of(" \t\r\n"), e = t.find_last_not_of(" \t\r\n");
        return b == std::string::npos ? std::string() : t.substr(b, e - b + 1);
      };
      std::string key = strip(l.substr(0, eq));
      for (char& ch : key) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      if (key == "home") home = strip(l.substr(eq + 1));
    }
    std::fclose(f);
    if (home.empty()) break;
    std::string candidate = (fs::path(home) / fs::path(executable).filename()).string();
    if (isExecutableFile(candidate)) return candidate;
    fs::path real = fs::canonical(executable, ignored);
    return real.empty() ? executable : real.string();
  }
  return executable;
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

// sys.flags.hash_randomization: 0 only when PYTHONHASHSEED fixes the seed to 0 (and -R is not given).
int hashRandomizationFlag() {
  const char* seed = config().random_hash ? nullptr : config().env("PYTHONHASHSEED");
  return seed != nullptr && std::strcmp(seed, "0") == 0 ? 0 : 1;
}

Value sysFlags() {
  const Config& c = config();
  return structSeqOf(g_flags_type,
                     {newInt(c.debug), newInt(c.inspect), newInt(c.interactive), newInt(c.optimize),
                      newInt(c.dont_write_bytecode), newInt(c.no_user_site), newInt(c.no_site),
                      newInt(c.ignore_environment), newInt(c.verbose), newInt(c.bytes_warning), newInt(c.quiet),
                      newInt(hashRandomizationFlag()), newInt(c.isolated), Bool(c.dev_mode), newInt(c.utf8_mode),
                      newInt(c.warn_default_encoding), Bool(c.safe_path), newInt(c.int_max_str_digits)});
}

Value warnOptions() {
  Value list = newList();
  for (const std::string& w : config().warnoptions) {
    if (!listAppend(list, newStr(w))) return Value();
  }
  return list;
}

// sys._xoptions: -X NAME=VALUE gives 'VALUE', a bare -X NAME True.
Value xOptions() {
  Value d = newDict();
  for (const XOption& x : config().xoptions) {
    if (dictSet(d, newStr(x.name), x.has_value ? newStr(x.value) : True()) < 0) return Value();
  }
  return d;
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
  if (config().search_path_set) {
    const std::string& entries = config().search_path;
    for (size_t start = 0;;) {
      size_t colon = entries.find(':', start);
      if (!listAppend(path, newStr(entries.substr(start, colon == std::string::npos ? colon : colon - start)))) {
        return Value();
      }
      if (colon == std::string::npos) return path;
      start = colon + 1;
    }
  }
  const char* env = config().env("PYTHONPATH");
  if (env != nullptr) {
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
  // The site-packages directories come from `site` (Debian's layout).
  for (const char* dir : {"/usr/lib/python311.zip", "/usr/lib/python3.11", "/usr/lib/python3.11/lib-dynload"}) {
    if (!listAppend(path, newStr(dir))) return Value();
  }
  return path;
}

// sys.pycache_prefix: -X pycache_prefix=PATH, else PYTHONPYCACHEPREFIX, else None.
Value pycachePrefix() {
  if (const std::string* x = config().xoptionValue("pycache_prefix")) return newStr(*x);
  if (config().hasXOption("pycache_prefix")) return None();
  const char* v = config().env("PYTHONPYCACHEPREFIX");
  return v != nullptr ? newStr(v) : None();
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
  const CommandLine& command_line = commandLine();
  Value argv = command_line.set ? strListOf(command_line.argv) : strList({""});
  Value orig_argv = strListOf(command_line.orig_argv);
  Value executable = newStr(command_line.executable);
  Value base_executable = newStr(command_line.base_executable);
  if (config().int_max_str_digits >= 0) g_int_max_str_digits = static_cast<size_t>(config().int_max_str_digits);
  Value prefix = internStr(config().search_path_set ? "" : "/usr");
  bool ok =
      set(d, "stdout", out) && set(d, "stderr", err) && set(d, "stdin", in) && set(d, "__stdout__", out) &&
      set(d, "__stderr__", err) && set(d, "__stdin__", in) && set(d, "argv", argv) && set(d, "orig_argv", orig_argv) &&
      set(d, "executable", executable) && set(d, "_base_executable", base_executable) &&
      set(d, "path", initialSysPath()) && set(d, "pycache_prefix", pycachePrefix()) &&
      set(d, "modules", modulesDict()) && set(d, "meta_path", newList()) && set(d, "path_hooks", newList()) &&
      set(d, "path_importer_cache", newDict()) && set(d, "builtin_module_names", nativeModuleNames()) &&
      set(d, "maxsize", newInt(INT64_MAX)) && set(d, "maxunicode", newInt(0x10ffff)) &&
      set(d, "version", newStr("3.11.2 (Tern 0.1.0) [GCC " __VERSION__ "]")) && set(d, "version_info", version_info) &&
      set(d, "hexversion", newInt(0x030b02f0)) && set(d, "api_version", newInt(1013)) &&
      set(d, "implementation", implementation) && set(d, "platform", internStr("linux")) &&
      set(d, "byteorder", internStr("little")) && set(d, "prefix", prefix) &&
      set(d, "base_prefix", prefix) && set(d, "exec_prefix", prefix) &&
      set(d, "base_exec_prefix", prefix) && set(d, "platlibdir", internStr("lib")) &&
      set(d, "abiflags", names::empty) && set(d, "float_repr_style", internStr("short")) &&
      set(d, "dont_write_bytecode", Bool(config().dont_write_bytecode)) &&
      set(d, "stdlib_module_names", stdlibModuleNames()) && set(d, "warnoptions", warnOptions()) &&
      set(d, "_xoptions", xOptions()) &&
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
      set(d, "flags", sysFlags()) &&
      set(d, "thread_info", structSeqOf(g_thread_info_type, {internStr("pthread"), internStr("mutex+cond"), None()}));
  if (!ok) return false;
  // The originals, as CPython keeps them for code that replaced the hooks.
  return set(d, "__displayhook__", dictGetStr(d, internStr("displayhook"))) &&
         set(d, "__excepthook__", dictGetStr(d, internStr("excepthook"))) &&
         set(d, "__breakpointhook__", dictGetStr(d, internStr("breakpointhook"))) &&
         set(d, "__unraisablehook__", dictGetStr(d, internStr("unraisablehook")));
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
  std::vector<std::string> sys_argv;
  for (int i = script_index; i < argc; ++i) sys_argv.emplace_back(argv[i]);
  if (sys_argv.empty()) sys_argv.emplace_back();
  setSysArgvList(std::move(sys_argv), argc, argv);
}

void setSysArgvList(std::vector<std::string> sys_argv, int argc, char** argv) {
  CommandLine& c = commandLine();
  c.set = true;
  c.argv = std::move(sys_argv);
  c.orig_argv.assign(argv, argv + argc);
  c.executable = findExecutable(argc > 0 ? argv[0] : nullptr);
  c.base_executable = findBaseExecutable(c.executable);
}

void flushStdStreams() {
  flushIoStandardStreams();  // _io.h
  for (int fd = 1; fd <= 2; ++fd) {
    if (!flushFd(fd)) clearError();  // nowhere left to report it
  }
}

}  // namespace tern
