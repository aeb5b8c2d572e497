// The builtin exception types (exceptions.h, exceptions.def): BaseException
// and every subclass with attributes or behaviour of its own.
//
// Every builtin exception is declared by one line of exceptions.def; this file
// turns the lines into TypeSpecs and gives the types that need it their own
// slots, methods and members (tables near the end).  Subclasses inherit the
// rest from their base, as in CPython.
#include "runtime/objects/exceptions.h"

#include <cerrno>
#include <cstdio>
#include <cstddef>
#include <string>
#include <string_view>

#include "runtime/interp/errors.h"
#include "runtime/interp/eval.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/bytes.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/genericalias.h"
#include "runtime/objects/int.h"
#include "runtime/objects/list.h"
#include "runtime/objects/native.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"
#include "runtime/objects/type.h"

namespace tern {

namespace {

BaseExceptionObj* asExc(Value v) { return static_cast<BaseExceptionObj*>(v.asObject()); }
template <class T>
T* as(Value v) {
  return static_cast<T*>(v.asObject());
}

Value orNone(Value v) { return v.isNull() ? None() : v; }

Value argsOf(Value self) {
  Value args = asExc(self)->args.get();
  return args.isNull() ? newTuple(0) : args;
}

// The positional arguments of a vectorcall as a tuple.
Value positionalTuple(const Value* args, size_t nargs) { return newTupleFrom(args, static_cast<int64_t>(nargs)); }

bool isTracebackOrNone(Value v) { return isNone(v) || typeOf(v) == types::traceback_type; }

// Keyword arguments accepted by an __init__: every name in kwnames must be one
// of `allowed`; their values land in `out` (same order as `allowed`).
bool takeKeywords(Value self, const Value* args, size_t nargs, Value kwnames, std::initializer_list<const char*> allowed,
                  Value* out) {
  if (kwnames.isNull()) return true;
  for (int64_t i = 0; i < tupleLength(kwnames); ++i) {
    Value name = tupleItem(kwnames, i);
    size_t k = 0;
    bool found = false;
    for (const char* a : allowed) {
      if (strEqualsAscii(name, a)) {
        out[k] = args[nargs + static_cast<size_t>(i)];
        found = true;
        break;
      }
      ++k;
    }
    if (!found) {
      raisef(exc::TypeError, "'%s' is an invalid keyword argument for %s()", strToUtf8(name).c_str(),
             typeNameOf(self).c_str());
      return false;
    }
  }
  return true;
}

// ===========================================================================
// BaseException

Value BaseException_new(Type* type, const Value* args, size_t nargs, Value /*kwnames*/) {
  Value tuple = positionalTuple(args, nargs);
  Obj* self = newObject(type, type->basic_size);
  BaseExceptionObj* e = static_cast<BaseExceptionObj*>(self);
  e->args.set(tuple);
  if (isInstance(Value(self), exc::OSError)) static_cast<OSErrorObj*>(self)->written = -1;
  return Value(self);
}

int BaseException_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!kwnames.isNull() && tupleLength(kwnames) > 0) {
    raisef(exc::TypeError, "%s() takes no keyword arguments", typeNameOf(self).c_str());
    return -1;
  }
  asExc(self)->args.set(positionalTuple(args, nargs));
  return 0;
}

Value BaseException_str(Value self) {
  Value args = argsOf(self);
  switch (tupleLength(args)) {
    case 0:
      return names::empty;
    case 1:
      return str(tupleItem(args, 0));
    default:
      return str(args);
  }
}

Value BaseException_repr(Value self) {
  Value args = argsOf(self);
  std::string text = typeBareName(typeOf(self));
  Value inner = tupleLength(args) == 1 ? repr(tupleItem(args, 0)) : repr(args);
  if (inner.isNull()) return Value();
  if (tupleLength(args) == 1) {
    text += "(" + strToUtf8(inner) + ")";
  } else {
    text += strToUtf8(inner);  // "()" or "(1, 2)"
  }
  return newStr(text);
}

Value BaseException_get_args(Value self) { return argsOf(self); }

int BaseException_set_args(Value self, Value value) {
  if (value.isNull()) {
    raise(exc::TypeError, "args may not be deleted");
    return -1;
  }
  Value tuple = tupleFromIterable(value);
  if (tuple.isNull()) return -1;
  asExc(self)->args.set(tuple);
  return 0;
}

Value BaseException_get_traceback(Value self) { return orNone(asExc(self)->traceback.get()); }

int BaseException_set_traceback(Value self, Value value) {
  if (value.isNull()) {
    raise(exc::TypeError, "__traceback__ may not be deleted");
    return -1;
  }
  if (!isTracebackOrNone(value)) {
    raise(exc::TypeError, "__traceback__ must be a traceback or None");
    return -1;
  }
  asExc(self)->traceback.set(value);
  return 0;
}

Value BaseException_get_context(Value self) { return orNone(asExc(self)->context.get()); }

int BaseException_set_context(Value self, Value value) {
  if (value.isNull()) {
    raise(exc::TypeError, "__context__ may not be deleted");
    return -1;
  }
  if (!isNone(value) && !isException(value)) {
    raise(exc::TypeError, "exception context must be None or derive from BaseException");
    return -1;
  }
  asExc(self)->context.set(value);
  return 0;
}

Value BaseException_get_cause(Value self) { return orNone(asExc(self)->cause.get()); }

int BaseException_set_cause(Value self, Value value) {
  if (value.isNull()) {
    raise(exc::TypeError, "__cause__ may not be deleted");
    return -1;
  }
  if (!isNone(value) && !isException(value)) {
    raise(exc::TypeError, "exception cause must be None or derive from BaseException");
    return -1;
  }
  asExc(self)->cause.set(value);
  asExc(self)->suppress_context = 1;
  return 0;
}

Value BaseException_with_traceback(Value* args) {
  if (BaseException_set_traceback(args[0], args[1]) < 0) return Value();
  return args[0];
}

Value BaseException_add_note(Value* args) {
  Value self = args[0], note = args[1];
  if (!isStr(note)) return raisef(exc::TypeError, "note must be a str, not '%s'", typeNameOf(note).c_str());
  Value name = internStr("__notes__");
  Value notes = lookupAttr(self, name);
  if (notes.isNull()) {
    if (errorPending()) return Value();
    notes = newList();
    if (setAttr(self, name, notes) < 0) return Value();
  } else if (!isList(notes)) {
    return raise(exc::TypeError, "Cannot add note: __notes__ is not a list");
  }
  if (!listAppend(notes, note)) return Value();
  return None();
}

Value BaseException___reduce__(Value* args) {
  Value self = args[0];
  Value type = typeValue(typeOf(self));
  Value dict = instanceDict(self);
  if (!dict.isNull() && dictSize(dict) > 0) return newTupleOf({type, argsOf(self), dict});
  if (errorPending()) return Value();
  return newTupleOf({type, argsOf(self)});
}

Value BaseException___setstate__(Value* args) {
  Value self = args[0], state = args[1];
  if (isNone(state)) return None();
  if (!isDict(state)) return raise(exc::TypeError, "state is not a dictionary");
  int64_t pos = 0;
  Value key, value;
  while (dictNext(state, &pos, &key, &value)) {
    if (setAttr(self, key, value) < 0) return Value();
  }
  return None();
}

// ===========================================================================
// Subclasses with attributes of their own

int SystemExit_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (BaseException_init(self, args, nargs, kwnames) < 0) return -1;
  Value code = nargs == 0 ? None() : nargs == 1 ? args[0] : argsOf(self);
  as<SystemExitObj>(self)->code.set(code);
  return 0;
}

int StopIteration_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (BaseException_init(self, args, nargs, kwnames) < 0) return -1;
  as<StopIterationObj>(self)->value.set(nargs > 0 ? args[0] : None());
  return 0;
}

Value KeyError_str(Value self) {
  Value args = argsOf(self);
  if (tupleLength(args) == 1) return repr(tupleItem(args, 0));
  return BaseException_str(self);
}

int ImportError_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value kw[2];
  if (!takeKeywords(self, args, nargs, kwnames, {"name", "path"}, kw)) return -1;
  if (BaseException_init(self, args, nargs, Value()) < 0) return -1;
  ImportErrorObj* e = as<ImportErrorObj>(self);
  e->name.set(orNone(kw[0]));
  e->path.set(orNone(kw[1]));
  e->msg.set(nargs == 1 ? args[0] : None());
  return 0;
}

Value ImportError_str(Value self) {
  Value msg = as<ImportErrorObj>(self)->msg.get();
  if (!msg.isNull() && !isNone(msg)) return str(msg);
  return BaseException_str(self);
}

int AttributeError_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value kw[2];
  if (!takeKeywords(self, args, nargs, kwnames, {"name", "obj"}, kw)) return -1;
  if (BaseException_init(self, args, nargs, Value()) < 0) return -1;
  as<AttributeErrorObj>(self)->name.set(orNone(kw[0]));
  as<AttributeErrorObj>(self)->obj.set(orNone(kw[1]));
  return 0;
}

int NameError_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value kw[1];
  if (!takeKeywords(self, args, nargs, kwnames, {"name"}, kw)) return -1;
  if (BaseException_init(self, args, nargs, Value()) < 0) return -1;
  as<NameErrorObj>(self)->name.set(orNone(kw[0]));
  return 0;
}

// --- OSError -----------------------------------------------------------------

// The subclass OSError(errno, ...) becomes (PEP 3151).
Type* osErrorSubclassFor(int64_t code) {
  switch (code) {
    case EAGAIN:
    case EALREADY:
    case EINPROGRESS:
      return exc::BlockingIOError;
    case ECHILD:
      return exc::ChildProcessError;
    case EPIPE:
    case ESHUTDOWN:
      return exc::BrokenPipeError;
    case ECONNABORTED:
      return exc::ConnectionAbortedError;
    case ECONNREFUSED:
      return exc::ConnectionRefusedError;
    case ECONNRESET:
      return exc::ConnectionResetError;
    case EEXIST:
      return exc::FileExistsError;
    case ENOENT:
      return exc::FileNotFoundError;
    case EISDIR:
      return exc::IsADirectoryError;
    case ENOTDIR:
      return exc::NotADirectoryError;
    case EINTR:
      return exc::InterruptedError;
    case EACCES:
    case EPERM:
      return exc::PermissionError;
    case ESRCH:
      return exc::ProcessLookupError;
    case ETIMEDOUT:
      return exc::TimeoutError;
    default:
      return nullptr;
  }
}

int OSError_init(Value self, const Value* args, size_t nargs, Value kwnames);
Value OSError_new(Type* type, const Value* args, size_t nargs, Value kwnames);

// CPython parses OSError's arguments in __new__ unless a subclass overrides
// __init__ but not __new__; then __init__ does it (so the override sees them).
bool osErrorParsesInInit(Type* type) {
  return type->slots.tp_init != OSError_init && type->slots.tp_new == OSError_new;
}

// errno, strerror[, filename[, winerror[, filename2]]]
int parseOSErrorArgs(Value self, const Value* args, size_t nargs) {
  OSErrorObj* e = as<OSErrorObj>(self);
  if (nargs < 2 || nargs > 5) return 0;
  e->myerrno.set(args[0]);
  e->strerror.set(args[1]);
  if (nargs >= 3) {
    Value filename = args[2];
    if (isInstance(self, exc::BlockingIOError) && (isInt(filename) || isInstance(filename, types::float_type))) {
      int64_t written;
      if (!indexToInt64(filename, &written, exc::ValueError)) return -1;
      e->written = written;
    } else {
      e->filename.set(filename);
      if (nargs == 5) e->filename2.set(args[4]);
      // As CPython, args keeps (errno, strerror) only when a filename is given.
      e->args.set(newTupleFrom(args, 2));
    }
  }
  return 0;
}

Value OSError_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  if (type == exc::OSError && nargs >= 2 && nargs <= 5 && isInt(args[0])) {
    int64_t code;
    if (intToInt64(args[0], &code)) {
      if (Type* sub = osErrorSubclassFor(code)) type = sub;
    } else {
      clearError();
    }
  }
  Value self = BaseException_new(type, args, nargs, kwnames);
  if (self.isNull()) return Value();
  if (!osErrorParsesInInit(type)) {
    if (!kwnames.isNull() && tupleLength(kwnames) > 0) {
      return raisef(exc::TypeError, "%s() takes no keyword arguments", typeName(type).c_str());
    }
    if (parseOSErrorArgs(self, args, nargs) < 0) return Value();
  }
  return self;
}

int OSError_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!osErrorParsesInInit(typeOf(self))) return 0;
  if (BaseException_init(self, args, nargs, kwnames) < 0) return -1;
  return parseOSErrorArgs(self, args, nargs);
}

Value OSError_str(Value self) {
  OSErrorObj* e = as<OSErrorObj>(self);
  Value code = orNone(e->myerrno.get()), reason = orNone(e->strerror.get());
  Value filename = e->filename.get(), filename2 = e->filename2.get();
  auto text = [](Value v) -> std::string { return strToUtf8(v); };
  if (!filename.isNull() && !isNone(filename)) {
    Value c = str(code), r = str(reason), f = repr(filename);
    if (c.isNull() || r.isNull() || f.isNull()) return Value();
    std::string out = "[Errno " + text(c) + "] " + text(r) + ": " + text(f);
    if (!filename2.isNull() && !isNone(filename2)) {
      Value f2 = repr(filename2);
      if (f2.isNull()) return Value();
      out += " -> " + text(f2);
    }
    return newStr(out);
  }
  if (!isNone(code) && !isNone(reason)) {
    Value c = str(code), r = str(reason);
    if (c.isNull() || r.isNull()) return Value();
    return newStr("[Errno " + text(c) + "] " + text(r));
  }
  return BaseException_str(self);
}

Value OSError_get_characters_written(Value self) {
  int64_t written = as<OSErrorObj>(self)->written;
  if (written == -1) return raise(exc::AttributeError, "characters_written");
  return newInt(written);
}

int OSError_set_characters_written(Value self, Value value) {
  OSErrorObj* e = as<OSErrorObj>(self);
  if (value.isNull()) {
    if (e->written == -1) {
      raise(exc::AttributeError, "characters_written");
      return -1;
    }
    e->written = -1;
    return 0;
  }
  int64_t written;
  if (!indexToInt64(value, &written, exc::ValueError)) return -1;
  e->written = written;
  return 0;
}

// --- SyntaxError -------------------------------------------------------------

int SyntaxError_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (BaseException_init(self, args, nargs, kwnames) < 0) return -1;
  SyntaxErrorObj* e = as<SyntaxErrorObj>(self);
  if (nargs >= 1) e->msg.set(args[0]);
  if (nargs == 2) {
    Value info = tupleFromIterable(args[1]);
    if (info.isNull()) return -1;
    int64_t n = tupleLength(info);
    if (n < 4) {
      raisef(exc::TypeError, "function takes at least 4 arguments (%lld given)", static_cast<long long>(n));
      return -1;
    }
    if (n > 6) {
      raisef(exc::TypeError, "function takes at most 6 arguments (%lld given)", static_cast<long long>(n));
      return -1;
    }
    e->filename.set(tupleItem(info, 0));
    e->lineno.set(tupleItem(info, 1));
    e->offset.set(tupleItem(info, 2));
    e->text.set(tupleItem(info, 3));
    if (n >= 5) e->end_lineno.set(tupleItem(info, 4));
    if (n >= 6) e->end_offset.set(tupleItem(info, 5));
  }
  return 0;
}

Value SyntaxError_str(Value self) {
  SyntaxErrorObj* e = as<SyntaxErrorObj>(self);
  Value msg = str(orNone(e->msg.get()));
  if (msg.isNull()) return Value();
  Value filename = e->filename.get(), lineno = e->lineno.get();
  bool have_file = !filename.isNull() && isStr(filename);
  bool have_line = !lineno.isNull() && isInt(lineno);
  if (!have_file && !have_line) return msg;
  std::string out = strToUtf8(msg) + " (";
  if (have_file) {
    std::string path = strToUtf8(filename);
    size_t slash = path.rfind('/');
    out += slash == std::string::npos ? path : path.substr(slash + 1);
    if (have_line) out += ", ";
  }
  if (have_line) out += "line " + intToDecimal(lineno);
  return newStr(out + ")");
}

// --- UnicodeError family -----------------------------------------------------

bool checkArgType(Value v, bool ok, int position, const char* expected) {
  if (ok) return true;
  raisef(exc::TypeError, "argument %d must be %s, not %s", position, expected, typeNameOf(v).c_str());
  return false;
}

// What the `object` argument of a UnicodeError must be.
enum class UnicodeObject { kStr, kBytesLike };

// UnicodeEncodeError(encoding, object, start, end, reason) and its kin:
// CPython's PyArg_ParseTuple formats "UOnnU" / "UnnU", checked in order.
int unicodeErrorInit(Value self, const Value* args, size_t nargs, Value kwnames, bool has_encoding,
                     UnicodeObject object_kind) {
  size_t want = has_encoding ? 5 : 4;
  if (BaseException_init(self, args, nargs, kwnames) < 0) return -1;
  if (nargs != want) {
    raisef(exc::TypeError, "function takes exactly %zu arguments (%zu given)", want, nargs);
    return -1;
  }
  size_t i = 0;
  Value encoding;
  if (has_encoding) {
    encoding = args[i++];
    if (!checkArgType(encoding, isStr(encoding), 1, "str")) return -1;
  }
  Value object = args[i++];
  if (object_kind == UnicodeObject::kStr && !checkArgType(object, isStr(object), static_cast<int>(i), "str")) {
    return -1;
  }
  int64_t start = 0, end = 0;
  if (!indexToInt64(args[i++], &start, exc::OverflowError) || !indexToInt64(args[i++], &end, exc::OverflowError)) {
    return -1;
  }
  Value reason = args[i];
  if (!checkArgType(reason, isStr(reason), static_cast<int>(i + 1), "str")) return -1;
  // A bytes-like object is kept as a bytes copy of its contents.
  if (object_kind == UnicodeObject::kBytesLike && !isBytes(object)) {
    std::string data;
    if (!bytesLikeCopy(object, &data)) return -1;
    object = newBytes(data);
  }
  Value start_value = newInt(start), end_value = newInt(end);
  UnicodeErrorObj* e = as<UnicodeErrorObj>(self);  // after the last allocation
  if (has_encoding) e->encoding.set(encoding);
  e->object.set(object);
  e->start.set(start_value);
  e->end.set(end_value);
  e->reason.set(reason);
  return 0;
}

int UnicodeEncodeError_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  return unicodeErrorInit(self, args, nargs, kwnames, true, UnicodeObject::kStr);
}

int UnicodeDecodeError_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  return unicodeErrorInit(self, args, nargs, kwnames, true, UnicodeObject::kBytesLike);
}

int UnicodeTranslateError_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  return unicodeErrorInit(self, args, nargs, kwnames, false, UnicodeObject::kStr);
}

// '\xe9', '\u1234', '\U00012345': how the messages quote one bad character.
std::string escapedCodePoint(char32_t c) {
  char buffer[16];
  if (c <= 0xff) {
    std::snprintf(buffer, sizeof buffer, "\\x%02x", static_cast<unsigned>(c));
  } else if (c <= 0xffff) {
    std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned>(c));
  } else {
    std::snprintf(buffer, sizeof buffer, "\\U%08x", static_cast<unsigned>(c));
  }
  return buffer;
}

struct UnicodeErrorParts {
  std::string encoding, reason;
  int64_t start = 0, end = 0;
};

bool unicodeErrorParts(Value self, UnicodeErrorParts* out) {
  UnicodeErrorObj* e = as<UnicodeErrorObj>(self);
  Value encoding = e->encoding.get(), reason = e->reason.get(), start = e->start.get(), end = e->end.get();
  if (!encoding.isNull()) {
    Value s = str(encoding);
    if (s.isNull()) return false;
    out->encoding = strToUtf8(s);
  }
  if (!reason.isNull()) {
    Value s = str(reason);
    if (s.isNull()) return false;
    out->reason = strToUtf8(s);
  }
  if (!start.isNull() && !intToInt64(start, &out->start)) return false;
  if (!end.isNull() && !intToInt64(end, &out->end)) return false;
  return true;
}

Value UnicodeEncodeError_str(Value self) {
  UnicodeErrorParts p;
  if (as<UnicodeErrorObj>(self)->object.get().isNull()) return names::empty;
  if (!unicodeErrorParts(self, &p)) return Value();
  Value object = as<UnicodeErrorObj>(self)->object.get();
  if (p.end == p.start + 1 && isStr(object) && p.start >= 0 && p.start < asStr(object)->length) {
    return newStr("'" + p.encoding + "' codec can't encode character '" + escapedCodePoint(asStr(object)->at(p.start)) +
                  "' in position " + std::to_string(p.start) + ": " + p.reason);
  }
  return newStr("'" + p.encoding + "' codec can't encode characters in position " + std::to_string(p.start) + "-" +
                std::to_string(p.end - 1) + ": " + p.reason);
}

Value UnicodeDecodeError_str(Value self) {
  UnicodeErrorParts p;
  Value object = as<UnicodeErrorObj>(self)->object.get();
  if (object.isNull()) return names::empty;
  if (!unicodeErrorParts(self, &p)) return Value();
  if (p.end == p.start + 1) {
    Value byte = getItem(object, newInt(p.start));
    int64_t b;
    if (byte.isNull() || !intToInt64(byte, &b)) return Value();
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02x", static_cast<unsigned>(b & 0xff));
    return newStr("'" + p.encoding + "' codec can't decode byte " + hex + " in position " + std::to_string(p.start) +
                  ": " + p.reason);
  }
  return newStr("'" + p.encoding + "' codec can't decode bytes in position " + std::to_string(p.start) + "-" +
                std::to_string(p.end - 1) + ": " + p.reason);
}

Value UnicodeTranslateError_str(Value self) {
  UnicodeErrorParts p;
  Value object = as<UnicodeErrorObj>(self)->object.get();
  if (object.isNull()) return names::empty;
  if (!unicodeErrorParts(self, &p)) return Value();
  if (p.end == p.start + 1 && isStr(object) && p.start >= 0 && p.start < asStr(object)->length) {
    return newStr("can't translate character '" + escapedCodePoint(asStr(object)->at(p.start)) + "' in position " +
                  std::to_string(p.start) + ": " + p.reason);
  }
  return newStr("can't translate characters in position " + std::to_string(p.start) + "-" +
                std::to_string(p.end - 1) + ": " + p.reason);
}

// --- BaseExceptionGroup ------------------------------------------------------

Value BaseExceptionGroup_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  if (!kwnames.isNull() && tupleLength(kwnames) > 0) {
    return raisef(exc::TypeError, "%s() takes no keyword arguments", typeName(type).c_str());
  }
  if (nargs != 2) {
    return raisef(exc::TypeError, "BaseExceptionGroup.__new__() takes exactly 2 arguments (%zu given)", nargs);
  }
  Value message = args[0], sequence = args[1];
  if (!isStr(message)) {
    return raisef(exc::TypeError, "BaseExceptionGroup.__new__() argument 1 must be str, not %s",
                  typeNameOf(message).c_str());
  }
  // A sequence: has __getitem__ and __len__ and is not a dict (PySequence_Check).
  Type* st = typeOf(sequence);
  if (st->slots.mp_subscript == nullptr || isDict(sequence)) {
    return raise(exc::TypeError, "second argument (exceptions) must be a sequence");
  }
  Value excs = tupleFromIterable(sequence);
  if (excs.isNull()) return Value();
  int64_t n = tupleLength(excs);
  if (n == 0) return raise(exc::ValueError, "second argument (exceptions) must be a non-empty sequence");
  bool all_exceptions = true;
  for (int64_t i = 0; i < n; ++i) {
    Value item = tupleItem(excs, i);
    if (!isException(item)) {
      return raisef(exc::ValueError, "Item %lld of second argument (exceptions) is not an exception",
                    static_cast<long long>(i));
    }
    if (!isInstance(item, exc::Exception)) all_exceptions = false;
  }
  if (type == exc::BaseExceptionGroup) {
    if (all_exceptions) type = exc::ExceptionGroup;
  } else if (type == exc::ExceptionGroup) {
    if (!all_exceptions) return raise(exc::TypeError, "Cannot nest BaseExceptions in an ExceptionGroup");
  } else if (!all_exceptions && isSubtype(type, exc::Exception)) {
    return raisef(exc::TypeError, "Cannot nest BaseExceptions in '%s'", typeName(type).c_str());
  }
  Value self = BaseException_new(type, args, nargs, Value());
  if (self.isNull()) return Value();
  as<BaseExceptionGroupObj>(self)->msg.set(message);
  as<BaseExceptionGroupObj>(self)->excs.set(excs);
  return self;
}

int BaseExceptionGroup_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  return BaseException_init(self, args, nargs, kwnames);
}

Value BaseExceptionGroup_str(Value self) {
  BaseExceptionGroupObj* g = as<BaseExceptionGroupObj>(self);
  int64_t n = tupleLength(g->excs.get());
  return newStr(strToUtf8(g->msg.get()) + " (" + std::to_string(n) + " sub-exception" + (n > 1 ? "s" : "") + ")");
}

Value BaseExceptionGroup_derive(Value* args) {
  Value message = as<BaseExceptionGroupObj>(args[0])->msg.get();
  return newException(exc::BaseExceptionGroup, newTupleOf({message, args[1]}));
}

// How split()/subgroup() decide that an exception matches: by type (as
// PyErr_GivenExceptionMatches, no __instancecheck__), by a predicate, or, for
// the projection PREP_RERAISE_STAR makes, by identity with one of a list of
// leaves.
enum class MatcherKind { kType, kPredicate, kInstanceIds };

bool isExceptionType(Value v) {
  return typeOf(v)->hasFlag(type_flags::kTypeSubclass) &&
         static_cast<Type*>(v.asObject())->hasFlag(type_flags::kBaseExceptionSubclass);
}

bool matcherKind(Value condition, MatcherKind* kind) {
  bool all_types = isExceptionType(condition);
  if (!all_types && isTuple(condition)) {
    all_types = true;
    for (int64_t i = 0; i < tupleLength(condition); ++i) all_types = all_types && isExceptionType(tupleItem(condition, i));
  }
  if (all_types) {
    *kind = MatcherKind::kType;
    return true;
  }
  if (isCallable(condition)) {
    *kind = MatcherKind::kPredicate;
    return true;
  }
  raise(exc::TypeError, "expected a function, exception type or tuple of exception types");
  return false;
}

bool typeMatches(Type* t, Value condition) {
  if (isTuple(condition)) {
    for (int64_t i = 0; i < tupleLength(condition); ++i) {
      if (typeMatches(t, tupleItem(condition, i))) return true;
    }
    return false;
  }
  return isSubtype(t, static_cast<Type*>(condition.asObject()));
}

// 1 match, 0 no match, -1 error.
int matches(Value e, Value condition, MatcherKind kind) {
  switch (kind) {
    case MatcherKind::kType:
      return typeMatches(typeOf(e), condition);
    case MatcherKind::kPredicate: {
      Value r = call1(condition, e);
      if (r.isNull()) return -1;
      return isTrue(r);
    }
    case MatcherKind::kInstanceIds:
      for (int64_t i = 0; i < listLength(condition); ++i) {
        if (listItem(condition, i) == e) return 1;
      }
      return 0;
  }
  return 0;
}

// PySequence_Check: what __notes__ must be for split() to copy it.
bool isSequence(Value v) { return typeOf(v)->slots.mp_subscript != nullptr && !isDict(v); }

// The group holding `excs` (a list) that split() builds from `group`: made by
// group.derive(), with group's traceback, context, cause and a copy of its
// notes (CPython's exceptiongroup_subset, which always derives, even when excs
// holds every exception of `group`); None for an empty list.
Value groupSubset(Value group, Value excs) {
  if (listLength(excs) == 0) return None();
  Value args[] = {excs};
  Value derived = callMethod(group, internStr("derive"), args, 1);
  if (derived.isNull()) return Value();
  if (!isInstance(derived, exc::BaseExceptionGroup)) {
    return raise(exc::TypeError, "derive must return an instance of BaseExceptionGroup");
  }
  BaseExceptionObj* d = asExc(derived);
  BaseExceptionObj* g = asExc(group);
  if (!g->traceback.get().isNull()) d->traceback.set(g->traceback.get());
  d->context.set(g->context.get());
  // Setting the cause (PyException_SetCause) also sets __suppress_context__.
  d->cause.set(g->cause.get());
  d->suppress_context = 1;
  Value notes = lookupAttr(group, names::__notes__);
  if (notes.isNull()) return errorPending() ? Value() : derived;
  // A sequence is copied so that the parts' notes are independent; anything
  // else is a user error split() does not report.
  if (!isSequence(notes)) return derived;
  Value copy = listFromIterable(notes);
  if (copy.isNull() || setAttr(derived, names::__notes__, copy) < 0) return Value();
  return derived;
}

// Splits `e` by `condition`: *match and *rest are exceptions or None (rest
// stays None unless want_rest).  A group is returned itself only when it
// matches as a whole; otherwise its parts are new groups made by derive().
bool splitRecursive(Value e, Value condition, MatcherKind kind, bool want_rest, Value* match, Value* rest) {
  *match = None();
  *rest = None();
  int m = matches(e, condition, kind);
  if (m < 0) return false;
  if (m) {
    *match = e;
    return true;
  }
  if (!isInstance(e, exc::BaseExceptionGroup)) {
    if (want_rest) *rest = e;
    return true;
  }
  Value excs = as<BaseExceptionGroupObj>(e)->excs.get();
  Value matched = newList(), rested = newList();
  for (int64_t i = 0; i < tupleLength(excs); ++i) {
    if (!enterRecursiveCall(" in exceptiongroup_split_recursive")) return false;
    Value sub_match, sub_rest;
    bool ok = splitRecursive(tupleItem(excs, i), condition, kind, want_rest, &sub_match, &sub_rest);
    leaveRecursiveCall();
    if (!ok) return false;
    if (!isNone(sub_match) && !listAppend(matched, sub_match)) return false;
    if (want_rest && !isNone(sub_rest) && !listAppend(rested, sub_rest)) return false;
  }
  *match = groupSubset(e, matched);
  if (match->isNull()) return false;
  if (want_rest) {
    *rest = groupSubset(e, rested);
    if (rest->isNull()) return false;
  }
  return true;
}

// Appends the leaves (the exceptions that are not groups) of `e` to `out`.
bool collectLeaves(Value e, Value out) {
  if (isNone(e)) return true;
  if (!isInstance(e, exc::BaseExceptionGroup)) return listAppend(out, e);
  Value excs = as<BaseExceptionGroupObj>(e)->excs.get();
  for (int64_t i = 0; i < tupleLength(excs); ++i) {
    if (!enterRecursiveCall(" in collect_exception_group_leaf_ids")) return false;
    bool ok = collectLeaves(tupleItem(excs, i), out);
    leaveRecursiveCall();
    if (!ok) return false;
  }
  return true;
}

// Was `e` re-raised from the handled exception `orig` (a bare `raise` or a
// raise of a part split() made), rather than raised anew?  Raising sets a new
// traceback and context, so equal ones mean a re-raise.  (3.11 also compares a
// notes field that stays null: __notes__ does not take part.)
bool isReraiseOf(Value e, Value orig) {
  BaseExceptionObj* a = asExc(e);
  BaseExceptionObj* b = asExc(orig);
  return orNone(a->traceback.get()) == orNone(b->traceback.get()) &&
         orNone(a->cause.get()) == orNone(b->cause.get()) && orNone(a->context.get()) == orNone(b->context.get());
}

Value BaseExceptionGroup_split(Value* args) {
  MatcherKind kind;
  if (!matcherKind(args[1], &kind)) return Value();
  Value match, rest;
  if (!splitRecursive(args[0], args[1], kind, true, &match, &rest)) return Value();
  return newTupleOf({match, rest});
}

Value BaseExceptionGroup_subgroup(Value* args) {
  MatcherKind kind;
  if (!matcherKind(args[1], &kind)) return Value();
  Value match, rest;
  if (!splitRecursive(args[0], args[1], kind, false, &match, &rest)) return Value();
  return match;
}

Value BaseExceptionGroup___class_getitem__(Value* args) { return newGenericAlias(args[0], args[1]); }

// ===========================================================================
// The tables

#define TERN_BASE_FIELDS(T)                                                                          \
  offsetof(T, dict), offsetof(T, args), offsetof(T, traceback), offsetof(T, context), offsetof(T, cause)

constexpr uint32_t kBaseExceptionFields[] = {TERN_BASE_FIELDS(BaseExceptionObj)};
constexpr uint32_t kBaseExceptionGroupFields[] = {TERN_BASE_FIELDS(BaseExceptionGroupObj),
                                                  offsetof(BaseExceptionGroupObj, msg),
                                                  offsetof(BaseExceptionGroupObj, excs)};
constexpr uint32_t kSystemExitFields[] = {TERN_BASE_FIELDS(SystemExitObj), offsetof(SystemExitObj, code)};
constexpr uint32_t kAttributeErrorFields[] = {TERN_BASE_FIELDS(AttributeErrorObj), offsetof(AttributeErrorObj, obj),
                                              offsetof(AttributeErrorObj, name)};
constexpr uint32_t kImportErrorFields[] = {TERN_BASE_FIELDS(ImportErrorObj), offsetof(ImportErrorObj, msg),
                                           offsetof(ImportErrorObj, name), offsetof(ImportErrorObj, path)};
constexpr uint32_t kNameErrorFields[] = {TERN_BASE_FIELDS(NameErrorObj), offsetof(NameErrorObj, name)};
constexpr uint32_t kOSErrorFields[] = {TERN_BASE_FIELDS(OSErrorObj), offsetof(OSErrorObj, myerrno),
                                       offsetof(OSErrorObj, strerror), offsetof(OSErrorObj, filename),
                                       offsetof(OSErrorObj, filename2)};
constexpr uint32_t kStopIterationFields[] = {TERN_BASE_FIELDS(StopIterationObj), offsetof(StopIterationObj, value)};
constexpr uint32_t kSyntaxErrorFields[] = {
    TERN_BASE_FIELDS(SyntaxErrorObj),        offsetof(SyntaxErrorObj, msg),        offsetof(SyntaxErrorObj, filename),
    offsetof(SyntaxErrorObj, lineno),        offsetof(SyntaxErrorObj, offset),     offsetof(SyntaxErrorObj, text),
    offsetof(SyntaxErrorObj, end_lineno),    offsetof(SyntaxErrorObj, end_offset),
    offsetof(SyntaxErrorObj, print_file_and_line)};
constexpr uint32_t kUnicodeErrorFields[] = {TERN_BASE_FIELDS(UnicodeErrorObj), offsetof(UnicodeErrorObj, encoding),
                                            offsetof(UnicodeErrorObj, object), offsetof(UnicodeErrorObj, start),
                                            offsetof(UnicodeErrorObj, end), offsetof(UnicodeErrorObj, reason)};
#undef TERN_BASE_FIELDS

const gc::Layout kBaseExceptionLayout = {.name = "BaseException", .fields = kBaseExceptionFields};
const gc::Layout kBaseExceptionGroupLayout = {.name = "BaseExceptionGroup", .fields = kBaseExceptionGroupFields};
const gc::Layout kSystemExitLayout = {.name = "SystemExit", .fields = kSystemExitFields};
const gc::Layout kAttributeErrorLayout = {.name = "AttributeError", .fields = kAttributeErrorFields};
const gc::Layout kImportErrorLayout = {.name = "ImportError", .fields = kImportErrorFields};
const gc::Layout kNameErrorLayout = {.name = "NameError", .fields = kNameErrorFields};
const gc::Layout kOSErrorLayout = {.name = "OSError", .fields = kOSErrorFields};
const gc::Layout kStopIterationLayout = {.name = "StopIteration", .fields = kStopIterationFields};
const gc::Layout kSyntaxErrorLayout = {.name = "SyntaxError", .fields = kSyntaxErrorFields};
const gc::Layout kUnicodeErrorLayout = {.name = "UnicodeError", .fields = kUnicodeErrorFields};

const MethodDef kBaseExceptionMethods[] = {
    {.name = "with_traceback", .signature = "($self, tb, /)", .fn = BaseException_with_traceback,
     .doc = "Exception.with_traceback(tb) --\n    set self.__traceback__ to tb and return self."},
    {.name = "add_note", .signature = "($self, note, /)", .fn = BaseException_add_note,
     .doc = "Exception.add_note(note) --\n    add a note to the exception"},
    {.name = "__reduce__", .signature = "($self, /)", .fn = BaseException___reduce__},
    {.name = "__setstate__", .signature = "($self, state, /)", .fn = BaseException___setstate__},
};

const GetSetDef kBaseExceptionGetSets[] = {
    {.name = "args", .get = BaseException_get_args, .set = BaseException_set_args},
    {.name = "__traceback__", .get = BaseException_get_traceback, .set = BaseException_set_traceback},
    {.name = "__context__", .get = BaseException_get_context, .set = BaseException_set_context,
     .doc = "exception context"},
    {.name = "__cause__", .get = BaseException_get_cause, .set = BaseException_set_cause,
     .doc = "exception cause"},
};

const MemberDef kBaseExceptionMembers[] = {
    {.name = "__suppress_context__", .kind = MemberKind::kBool, .offset = offsetof(BaseExceptionObj, suppress_context)},
};

#define TERN_MEMBER(T, field, python_name, text)                                                            \
  MemberDef {                                                                                               \
    .name = python_name, .kind = MemberKind::kObjectNoneIfNull, .offset = offsetof(T, field), .doc = text \
  }

const MemberDef kSystemExitMembers[] = {TERN_MEMBER(SystemExitObj, code, "code", "exception code")};
const MemberDef kStopIterationMembers[] = {TERN_MEMBER(StopIterationObj, value, "value", "generator return value")};
const MemberDef kImportErrorMembers[] = {TERN_MEMBER(ImportErrorObj, msg, "msg", "exception message"),
                                         TERN_MEMBER(ImportErrorObj, name, "name", "module name"),
                                         TERN_MEMBER(ImportErrorObj, path, "path", "module path")};
const MemberDef kAttributeErrorMembers[] = {TERN_MEMBER(AttributeErrorObj, name, "name", "attribute name"),
                                            TERN_MEMBER(AttributeErrorObj, obj, "obj", "object")};
const MemberDef kNameErrorMembers[] = {TERN_MEMBER(NameErrorObj, name, "name", "name")};
const MemberDef kOSErrorMembers[] = {TERN_MEMBER(OSErrorObj, myerrno, "errno", "POSIX exception code"),
                                     TERN_MEMBER(OSErrorObj, strerror, "strerror", "exception strerror"),
                                     TERN_MEMBER(OSErrorObj, filename, "filename", "exception filename"),
                                     TERN_MEMBER(OSErrorObj, filename2, "filename2", "second exception filename")};
const GetSetDef kOSErrorGetSets[] = {
    {.name = "characters_written", .get = OSError_get_characters_written, .set = OSError_set_characters_written}};
const MemberDef kSyntaxErrorMembers[] = {
    TERN_MEMBER(SyntaxErrorObj, msg, "msg", "exception msg"),
    TERN_MEMBER(SyntaxErrorObj, filename, "filename", "exception filename"),
    TERN_MEMBER(SyntaxErrorObj, lineno, "lineno", "exception lineno"),
    TERN_MEMBER(SyntaxErrorObj, offset, "offset", "exception offset"),
    TERN_MEMBER(SyntaxErrorObj, text, "text", "exception text"),
    TERN_MEMBER(SyntaxErrorObj, end_lineno, "end_lineno", "exception end lineno"),
    TERN_MEMBER(SyntaxErrorObj, end_offset, "end_offset", "exception end offset"),
    TERN_MEMBER(SyntaxErrorObj, print_file_and_line, "print_file_and_line", "exception print_file_and_line")};
const MemberDef kUnicodeErrorMembers[] = {TERN_MEMBER(UnicodeErrorObj, encoding, "encoding", "exception encoding"),
                                          TERN_MEMBER(UnicodeErrorObj, object, "object", "exception object"),
                                          TERN_MEMBER(UnicodeErrorObj, start, "start", "exception start"),
                                          TERN_MEMBER(UnicodeErrorObj, end, "end", "exception end"),
                                          TERN_MEMBER(UnicodeErrorObj, reason, "reason", "exception reason")};
const MemberDef kBaseExceptionGroupMembers[] = {
    {.name = "message", .kind = MemberKind::kObject, .offset = offsetof(BaseExceptionGroupObj, msg), .readonly = true,
     .doc = "exception message"},
    {.name = "exceptions", .kind = MemberKind::kObject, .offset = offsetof(BaseExceptionGroupObj, excs),
     .readonly = true, .doc = "nested exceptions"}};
const MethodDef kBaseExceptionGroupMethods[] = {
    {.name = "derive", .signature = "($self, excs, /)", .fn = BaseExceptionGroup_derive},
    {.name = "split", .signature = "($self, matcher_value, /)", .fn = BaseExceptionGroup_split},
    {.name = "subgroup", .signature = "($self, matcher_value, /)", .fn = BaseExceptionGroup_subgroup},
    {.name = "__class_getitem__", .signature = "($type, item, /)", .fn = BaseExceptionGroup___class_getitem__,
     .flags = method_flags::kClassMethod, .doc = "See PEP 585"},
};
#undef TERN_MEMBER

// What one exception type defines itself (everything else is inherited).
struct Own {
  Slots slots = {};
  std::span<const MethodDef> methods = {};
  std::span<const GetSetDef> getsets = {};
  std::span<const MemberDef> members = {};
};

constexpr Own ownSurface(std::string_view name) {
  if (name == "BaseException") {
    return {.slots = {.tp_repr = BaseException_repr, .tp_str = BaseException_str, .tp_init = BaseException_init,
                      .tp_new = BaseException_new},
            .methods = kBaseExceptionMethods,
            .getsets = kBaseExceptionGetSets,
            .members = kBaseExceptionMembers};
  }
  if (name == "BaseExceptionGroup") {
    return {.slots = {.tp_str = BaseExceptionGroup_str, .tp_init = BaseExceptionGroup_init,
                      .tp_new = BaseExceptionGroup_new},
            .methods = kBaseExceptionGroupMethods,
            .members = kBaseExceptionGroupMembers};
  }
  if (name == "SystemExit") return {.slots = {.tp_init = SystemExit_init}, .members = kSystemExitMembers};
  if (name == "StopIteration") return {.slots = {.tp_init = StopIteration_init}, .members = kStopIterationMembers};
  if (name == "KeyError") return {.slots = {.tp_str = KeyError_str}};
  if (name == "ImportError") {
    return {.slots = {.tp_str = ImportError_str, .tp_init = ImportError_init}, .members = kImportErrorMembers};
  }
  if (name == "AttributeError") return {.slots = {.tp_init = AttributeError_init}, .members = kAttributeErrorMembers};
  if (name == "NameError") return {.slots = {.tp_init = NameError_init}, .members = kNameErrorMembers};
  if (name == "OSError") {
    return {.slots = {.tp_str = OSError_str, .tp_init = OSError_init, .tp_new = OSError_new},
            .getsets = kOSErrorGetSets,
            .members = kOSErrorMembers};
  }
  if (name == "SyntaxError") {
    return {.slots = {.tp_str = SyntaxError_str, .tp_init = SyntaxError_init}, .members = kSyntaxErrorMembers};
  }
  // UnicodeError has the fields but, as in CPython, only its subclasses have the members.
  if (name == "UnicodeEncodeError") {
    return {.slots = {.tp_str = UnicodeEncodeError_str, .tp_init = UnicodeEncodeError_init},
            .members = kUnicodeErrorMembers};
  }
  if (name == "UnicodeDecodeError") {
    return {.slots = {.tp_str = UnicodeDecodeError_str, .tp_init = UnicodeDecodeError_init},
            .members = kUnicodeErrorMembers};
  }
  if (name == "UnicodeTranslateError") {
    return {.slots = {.tp_str = UnicodeTranslateError_str, .tp_init = UnicodeTranslateError_init},
            .members = kUnicodeErrorMembers};
  }
  return {};
}

constexpr uint64_t kExceptionFlags =
    type_flags::kBaseType | type_flags::kHasDict | type_flags::kBaseExceptionSubclass;

// `object` is BaseException's base; every other base is an exception type.
namespace bases {
inline Type** const object = &types::object_type;
#define TERN_EXCEPTION(N, B, L, D) inline Type** const N = &exc::N;
#include "runtime/objects/exceptions.def"
#undef TERN_EXCEPTION
}  // namespace bases

#define TERN_EXCEPTION(N, B, L, D)                                                                    \
  constexpr Own k##N##Own = ownSurface(#N);                                                          \
  const TypeSpec k##N##Spec = {.name = #N,                                                           \
                               .type = &exc::N,                                                      \
                               .base = bases::B,                                                     \
                               .layout = &k##L##Layout,                                              \
                               .basic_size = sizeof(L##Obj),                                         \
                               .flags = kExceptionFlags,                                             \
                               .slots = k##N##Own.slots,                                             \
                               .methods = k##N##Own.methods,                                         \
                               .getsets = k##N##Own.getsets,                                         \
                               .members = k##N##Own.members,                                         \
                               .doc = D,                                                             \
                               .dict_offset = static_cast<int32_t>(offsetof(L##Obj, dict))};         \
  TERN_REGISTER_TYPE(k##N##Spec);
#include "runtime/objects/exceptions.def"
#undef TERN_EXCEPTION

// Raised without allocating when memory runs out.
gc::GlobalRoot g_memory_error;
// ExceptionGroup is a class, not a registered builtin type: this keeps it alive.
gc::GlobalRoot g_exception_group;

}  // namespace

Value newException(Type* type, Value args) {
  return requireExceptionInstance(typeValue(type), callTupleDict(typeValue(type), args, Value()));
}

Value requireExceptionInstance(Value cls, Value inst) {
  if (inst.isNull() || isException(inst)) return inst;
  Value r = repr(cls);
  return raisef(exc::TypeError, "calling %s should have returned an instance of BaseException, not %s",
                r.isNull() ? "?" : strToUtf8(r).c_str(), typeNameOf(inst).c_str());
}

Value prepReraiseStar(Value orig, Value excs) {
  int64_t n = listLength(excs);
  if (n == 0) return None();
  // A naked exception was caught and wrapped: only one handler could run.
  if (!isInstance(orig, exc::BaseExceptionGroup)) return listItem(excs, 0);
  Value raised = newList();
  Value reraised_leaves = newList();
  for (int64_t i = 0; i < n; ++i) {
    Value e = listItem(excs, i);
    if (isNone(e)) continue;
    bool ok = isReraiseOf(e, orig) ? collectLeaves(e, reraised_leaves) : listAppend(raised, e);
    if (!ok) return Value();
  }
  // The re-raised leaves keep their place in orig's tree.
  Value reraised = None(), unused;
  if (!splitRecursive(orig, reraised_leaves, MatcherKind::kInstanceIds, false, &reraised, &unused)) return Value();
  if (listLength(raised) == 0) return reraised;
  if (!isNone(reraised) && !listAppend(raised, reraised)) return Value();
  // 3.11 wraps even a single new exception (3.12 stopped doing so).
  return newException(exc::BaseExceptionGroup, newTupleOf({names::empty, raised}));
}

// A new instance each time, as CPython's free list hands out: one shared
// instance would gather the tracebacks and contexts of every raise.  The
// preallocated one is for when even that small allocation cannot be made.
Value raiseNoMemory() {
  Value exc = newException(exc::MemoryError, newTuple(0));
  return raiseException(exc.isNull() ? g_memory_error.get() : exc);
}

bool initializeExceptions() {
  Value ns = newDict();
  if (dictSet(ns, names::__module__, names::builtins) < 0) return false;
  if (dictSet(ns, names::__doc__, None()) < 0) return false;
  Value bases = newTupleOf({typeValue(exc::BaseExceptionGroup), typeValue(exc::Exception)});
  Value group = newClass(types::type_type, internStr("ExceptionGroup"), bases, ns, Value());
  if (group.isNull()) return false;
  g_exception_group.set(group);
  exc::ExceptionGroup = static_cast<Type*>(group.asObject());
  Value memory_error = newException(exc::MemoryError, newTuple(0));
  if (memory_error.isNull()) return false;
  g_memory_error.set(memory_error);
  return true;
}

}  // namespace tern
