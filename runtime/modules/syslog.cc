// The syslog module over the C library's syslog(3): openlog, syslog,
// closelog, setlogmask, LOG_MASK, LOG_UPTO and the LOG_* constants, with
// CPython 3.11's argument rules and audit events (syslog.openlog,
// syslog.syslog, syslog.closelog, syslog.setlogmask).  syslog() opens the
// log first when openlog was not called, with the ident taken from
// sys.argv[0]'s last path component, as CPython does.
#include <syslog.h>

#include <cstdint>
#include <string>

#include "runtime/interp/errors.h"
#include "runtime/interp/gil.h"
#include "runtime/interp/runtime.h"
#include "runtime/modules/fd_arg.h"
#include "runtime/modules/module.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/bytes.h"
#include "runtime/objects/int.h"
#include "runtime/objects/list.h"
#include "runtime/objects/native.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"

namespace tern {

namespace {

// The C library keeps the ident pointer openlog was given: it lives here
// until closelog or the next openlog has replaced it.
std::string* g_ident = nullptr;
bool g_log_open = false;

// sys.audit(event, *args); false when a hook raised.
bool audit(const char* event, std::initializer_list<Value> args) {
  Value hook = lookupAttr(sysModule(), internAscii("audit"));
  if (hook.isNull()) return !errorPending();
  Value call_args[4] = {internStr(event)};
  size_t n = 1;
  for (Value a : args) call_args[n++] = a;
  return !call(hook, call_args, n).isNull();
}

// A str as UTF-8 (PyUnicode_AsUTF8): false with UnicodeEncodeError for
// lone surrogates.
bool utf8(Value s, std::string* out) {
  Value encoded = callMethod(s, internAscii("encode"), nullptr, 0);
  return !encoded.isNull() && bytesLikeCopy(encoded, out);
}

// CPython's syslog_get_argv: the last path component of sys.argv[0], or
// null when there is none (no exception).
Value identFromArgv() {
  Value argv = lookupAttr(sysModule(), internAscii("argv"));
  if (argv.isNull() || !isList(argv) || listLength(argv) == 0) {
    clearError();
    return Value();
  }
  Value first = listItem(argv, 0);
  if (!isStr(first) || asStr(first)->length == 0) return Value();
  int64_t n = asStr(first)->length;
  int64_t slash = n - 1;
  while (slash >= 0 && asStr(first)->at(slash) != '/') --slash;
  return slash < 0 ? first : strSubstring(first, slash + 1, n);
}

// openlog(ident=<unrepresentable>, logoption=0, facility=LOG_USER)
Value syslog_openlog(Value* args) {
  Value ident = args[1];
  if (!ident.isNull() && !isStr(ident)) {
    return raisef(exc::TypeError, "openlog() argument 1 must be str, not %s",
                  isNone(ident) ? "None" : typeNameOf(ident).c_str());
  }
  int64_t logoption, facility;
  if (!argIndex(args[2], &logoption) || !argIndex(args[3], &facility)) return Value();
  if (ident.isNull()) ident = identFromArgv();
  std::string* text = nullptr;
  if (!ident.isNull()) {
    text = new std::string;
    if (!utf8(ident, text)) {
      delete text;
      return Value();
    }
  }
  Value logoption_value = newInt(logoption);
  Value facility_value = newInt(facility);
  if (!audit("syslog.openlog", {ident.isNull() ? None() : ident, logoption_value, facility_value})) {
    delete text;
    return Value();
  }
  openlog(text == nullptr ? nullptr : text->c_str(), static_cast<int>(logoption), static_cast<int>(facility));
  delete g_ident;
  g_ident = text;
  g_log_open = true;
  return None();
}

// syslog([priority=LOG_INFO,] message)
Value syslog_syslog(Value* args) {
  Value a = args[1];
  int64_t n = tupleLength(a);
  int priority = LOG_INFO;
  Value message;
  if (n == 2 && isStr(tupleItem(a, 1))) {
    if (argCInt(tupleItem(a, 0), &priority)) {
      message = tupleItem(a, 1);
    } else {
      clearError();
    }
  } else if (n == 1 && isStr(tupleItem(a, 0))) {
    message = tupleItem(a, 0);
  }
  if (message.isNull()) return raise(exc::TypeError, "[priority,] message string");
  std::string text;
  if (!utf8(message, &text)) return Value();
  if (!audit("syslog.syslog", {newInt(priority), message})) return Value();
  if (!g_log_open) {
    Value open_args[4] = {Value(), Value(), newInt(0), newInt(LOG_USER)};
    if (syslog_openlog(open_args).isNull()) return Value();
  }
  {
    interp::AllowThreads unlocked;
    syslog(priority, "%s", text.c_str());
  }
  return None();
}

// closelog()
Value syslog_closelog(Value*) {
  if (!audit("syslog.closelog", {})) return Value();
  if (g_log_open) {
    closelog();
    delete g_ident;
    g_ident = nullptr;
    g_log_open = false;
  }
  return None();
}

// setlogmask(maskpri, /): the previous mask.
Value syslog_setlogmask(Value* args) {
  int64_t mask;
  if (!argIndex(args[1], &mask)) return Value();
  if (!audit("syslog.setlogmask", {args[1]})) return Value();
  return newInt(setlogmask(static_cast<int>(mask)));
}

// The C macros, on a C int as CPython computes them.
Value syslog_LOG_MASK(Value* args) {
  int64_t pri;
  if (!argIndex(args[1], &pri)) return Value();
  return newInt(static_cast<int>(1u << (pri & 31)));
}

Value syslog_LOG_UPTO(Value* args) {
  int64_t pri;
  if (!argIndex(args[1], &pri)) return Value();
  return newInt(static_cast<int>((1u << ((pri + 1) & 31)) - 1));
}

const MethodDef kSyslogFunctions[] = {
    {.name = "openlog",
     .signature = "($module, /, ident=<unrepresentable>, logoption=0, facility=8)",
     .fn = syslog_openlog},
    {.name = "syslog", .signature = "($module, *args)", .fn = syslog_syslog, .flags = method_flags::kVarArgs},
    {.name = "closelog", .signature = "($module, /)", .fn = syslog_closelog},
    {.name = "setlogmask", .signature = "($module, maskpri, /)", .fn = syslog_setlogmask},
    {.name = "LOG_MASK", .signature = "($module, pri, /)", .fn = syslog_LOG_MASK},
    {.name = "LOG_UPTO", .signature = "($module, pri, /)", .fn = syslog_LOG_UPTO},
};

bool syslogInit(Value module) {
  static const struct {
    const char* name;
    int value;
  } kConstants[] = {
      {"LOG_EMERG", LOG_EMERG},   {"LOG_ALERT", LOG_ALERT},     {"LOG_CRIT", LOG_CRIT},
      {"LOG_ERR", LOG_ERR},       {"LOG_WARNING", LOG_WARNING}, {"LOG_NOTICE", LOG_NOTICE},
      {"LOG_INFO", LOG_INFO},     {"LOG_DEBUG", LOG_DEBUG},     {"LOG_PID", LOG_PID},
      {"LOG_CONS", LOG_CONS},     {"LOG_NDELAY", LOG_NDELAY},   {"LOG_ODELAY", LOG_ODELAY},
      {"LOG_NOWAIT", LOG_NOWAIT}, {"LOG_PERROR", LOG_PERROR},   {"LOG_KERN", LOG_KERN},
      {"LOG_USER", LOG_USER},     {"LOG_MAIL", LOG_MAIL},       {"LOG_DAEMON", LOG_DAEMON},
      {"LOG_AUTH", LOG_AUTH},     {"LOG_LPR", LOG_LPR},         {"LOG_LOCAL0", LOG_LOCAL0},
      {"LOG_LOCAL1", LOG_LOCAL1}, {"LOG_LOCAL2", LOG_LOCAL2},   {"LOG_LOCAL3", LOG_LOCAL3},
      {"LOG_LOCAL4", LOG_LOCAL4}, {"LOG_LOCAL5", LOG_LOCAL5},   {"LOG_LOCAL6", LOG_LOCAL6},
      {"LOG_LOCAL7", LOG_LOCAL7}, {"LOG_SYSLOG", LOG_SYSLOG},   {"LOG_CRON", LOG_CRON},
      {"LOG_UUCP", LOG_UUCP},     {"LOG_NEWS", LOG_NEWS},       {"LOG_AUTHPRIV", LOG_AUTHPRIV},
  };
  for (const auto& c : kConstants) {
    if (!setModuleAttr(module, c.name, newInt(c.value))) return false;
  }
  return true;
}

const NativeModuleDef kSyslogModule = {
    .name = "syslog",
    .methods = kSyslogFunctions,
    .init = syslogInit,
};
TERN_REGISTER_MODULE(kSyslogModule);

}  // namespace

}  // namespace tern
