// _io.StringIO: an in-memory text stream (CPython 3.11's
// Modules/_io/stringio.c behaviour, newline modes included).
//
// Invariants: the text is `length` code points (UCS-4) at the start of the
// _rawbytes block `buf` (null while empty); 0 <= pos (past the end is
// allowed: a write there pads with NULs).  newline=None and '' read with
// universal newlines (`decoder` set: it records the kinds seen for
// `newlines`); None also translates '\r' and '\r\n' to '\n' on write; '\r'
// and '\r\n' replace '\n' on write (`writenl`).
#include <cstring>
#include <string>

#include "runtime/interp/errors.h"
#include "runtime/modules/_io_internal.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/exceptions.h"
#include "runtime/objects/int.h"
#include "runtime/objects/list.h"
#include "runtime/objects/rawbytes.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"

namespace tern::io {

namespace {

StringIOObj* asSIO(Value v) { return static_cast<StringIOObj*>(v.asObject()); }

bool checkReady(Value self) {
  if (!asSIO(self)->initialized) {
    raise(exc::ValueError, "I/O operation on uninitialized object");
    return false;
  }
  if (asSIO(self)->closed) {
    raise(exc::ValueError, "I/O operation on closed file");
    return false;
  }
  return true;
}

char32_t* textData(Value self) {
  Value buf = asSIO(self)->buf.get();
  return buf.isNull() ? nullptr : reinterpret_cast<char32_t*>(rawBytesData(buf));
}

int64_t capacityOf(Value self) {
  Value buf = asSIO(self)->buf.get();
  return buf.isNull() ? 0 : rawBytesSize(buf) / 4;
}

bool reserve(Value self, int64_t n) {
  int64_t cap = capacityOf(self);
  if (n <= cap) return true;
  int64_t want = cap + cap / 2 + 16;
  if (want < n) want = n;
  Value block = newRawBytes(static_cast<size_t>(want) * 4);
  if (block.isNull()) return false;
  int64_t len = asSIO(self)->length;
  if (len > 0) std::memcpy(rawBytesData(block), textData(self), static_cast<size_t>(len) * 4);
  asSIO(self)->buf.set(block);
  return true;
}

std::u32string_view textView(Value self) {
  char32_t* d = textData(self);
  return d == nullptr ? std::u32string_view() : std::u32string_view(d, static_cast<size_t>(asSIO(self)->length));
}

Value substring(Value self, int64_t start, int64_t stop) {
  std::u32string copy(textView(self).substr(static_cast<size_t>(start), static_cast<size_t>(stop - start)));
  return newStrFromUcs4(copy);
}

// Writes `s` (a str) at the position, translating newlines.
int64_t writeText(Value self, Value s) {
  int64_t n = asStr(s)->length;
  std::u32string text = strToUcs4(s);
  StringIOObj* o = asSIO(self);
  if (!o->decoder.get().isNull()) {
    auto* dec = static_cast<NewlineDecoderObj*>(o->decoder.get().asObject());
    uint8_t pendingcr = 0;
    text = translateNewlines(text, o->readtranslate != 0, true, &pendingcr, &dec->seennl);
  }
  Value writenl = o->writenl.get();
  if (!writenl.isNull()) {
    std::u32string nl = strToUcs4(writenl);
    std::u32string out;
    out.reserve(text.size());
    for (char32_t c : text) {
      if (c == U'\n') {
        out += nl;
      } else {
        out.push_back(c);
      }
    }
    text.swap(out);
  }
  int64_t len = static_cast<int64_t>(text.size());
  if (len == 0) return n;
  int64_t pos = asSIO(self)->pos;
  int64_t end = pos + len;
  if (!reserve(self, end > asSIO(self)->length ? end : asSIO(self)->length)) return -1;
  char32_t* d = textData(self);
  int64_t old = asSIO(self)->length;
  for (int64_t i = old; i < pos; ++i) d[i] = 0;
  std::memcpy(d + pos, text.data(), text.size() * 4);
  if (end > old) asSIO(self)->length = end;
  asSIO(self)->pos = end;
  return n;
}

// The end of the line starting at the position (up to limit when >= 0).
int64_t lineEnd(Value self, int64_t limit) {
  StringIOObj* o = asSIO(self);
  int64_t start = o->pos, len = o->length;
  if (start >= len) return start;
  std::u32string_view text = textView(self);
  bool universal = o->readuniversal && !o->readtranslate;
  std::u32string nl = o->readtranslate || o->readnl.get().isNull() ? std::u32string(1, U'\n')
                                                                    : strToUcs4(o->readnl.get());
  int64_t end = findLineEnd(text, start, universal, nl);
  if (end < 0) end = len;
  if (limit >= 0 && end - start > limit) end = start + limit;
  return end;
}

// ===========================================================================
// __init__

const MethodDef kStringIOInitDef = {.name = "StringIO", .signature = "(initial_value='', newline='\\n')"};

int stringio_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value a[2];
  if (!bindArguments(&kStringIOInitDef, Value(), args, nargs, kwnames, a)) return -1;
  Value initial = a[0], newline = a[1];
  if (!isNone(newline) && !isStr(newline)) {
    raisef(exc::TypeError, "newline must be str or None, not %s", typeNameOf(newline).c_str());
    return -1;
  }
  if (isStr(newline) && !strEqualsAscii(newline, "") && !strEqualsAscii(newline, "\n") &&
      !strEqualsAscii(newline, "\r") && !strEqualsAscii(newline, "\r\n")) {
    Value r = repr(newline);
    if (r.isNull()) return -1;
    raisef(exc::ValueError, "illegal newline value: %s", strToUtf8(r).c_str());
    return -1;
  }
  if (!isNone(initial) && !isStr(initial)) {
    raisef(exc::TypeError, "initial_value must be str or None, not %s", typeNameOf(initial).c_str());
    return -1;
  }
  StringIOObj* o = asSIO(self);
  o->readuniversal = isNone(newline) || strEqualsAscii(newline, "");
  o->readtranslate = isNone(newline);
  o->readnl.set(isNone(newline) ? Value() : newline);
  o->writenl.set(Value());
  if (isStr(newline) && asStr(newline)->length > 0 && asStr(newline)->at(0) == U'\r') o->writenl.set(newline);
  o->decoder.set(Value());
  if (o->readuniversal) {
    Obj* dec = newObject(IncrementalNewlineDecoder_type, sizeof(NewlineDecoderObj));
    auto* d = static_cast<NewlineDecoderObj*>(dec);
    d->decoder.set(None());
    d->translate = asSIO(self)->readtranslate;
    d->initialized = 1;
    asSIO(self)->decoder.set(Value(dec));
  }
  asSIO(self)->length = 0;
  asSIO(self)->pos = 0;
  asSIO(self)->closed = 0;
  asSIO(self)->initialized = 1;
  if (!isNone(initial) && asStr(initial)->length > 0) {
    if (writeText(self, initial) < 0) return -1;
    asSIO(self)->pos = 0;
  }
  return 0;
}

Value stringio_new(Type* type, const Value* /*args*/, size_t /*nargs*/, Value /*kwnames*/) {
  return Value(ioNewObject(type, false, false));
}

// ===========================================================================
// Methods

Value stringio_getvalue(Value* args) {
  if (!checkReady(args[0])) return Value();
  return substring(args[0], 0, asSIO(args[0])->length);
}

Value stringio_read(Value* args) {
  Value self = args[0];
  if (!checkReady(self)) return Value();
  int64_t n;
  if (!sizeArg(args[1], &n)) return Value();
  int64_t pos = asSIO(self)->pos, len = asSIO(self)->length;
  if (pos >= len) return emptyStr();
  int64_t end = n < 0 || n > len - pos ? len : pos + n;
  asSIO(self)->pos = end;
  return substring(self, pos, end);
}

Value stringio_readline(Value* args) {
  Value self = args[0];
  if (!checkReady(self)) return Value();
  int64_t limit;
  if (!sizeArg(args[1], &limit)) return Value();
  int64_t start = asSIO(self)->pos;
  int64_t end = lineEnd(self, limit);
  if (end <= start) return emptyStr();
  asSIO(self)->pos = end;
  return substring(self, start, end);
}

Value stringio_iternext(Value self) {
  if (!checkReady(self)) return Value();
  Value line;
  if (typeOf(self) == StringIO_type) {
    int64_t start = asSIO(self)->pos;
    int64_t end = lineEnd(self, -1);
    if (end <= start) return Value();
    asSIO(self)->pos = end;
    line = substring(self, start, end);
  } else {
    // A subclass may override readline.
    line = callMethod(self, TERN_IO_NAME("readline"), nullptr, 0);
    if (line.isNull()) return Value();
    if (!isStr(line)) {
      return raisef(exc::OSError, "readline() should have returned a str object, not '%s'",
                    typeNameOf(line).c_str());
    }
  }
  if (asStr(line)->length == 0) return Value();
  return line;
}

Value stringio_write(Value* args) {
  Value self = args[0], s = args[1];
  if (!checkReady(self)) return Value();
  if (!isStr(s)) return raisef(exc::TypeError, "string argument expected, got '%s'", typeNameOf(s).c_str());
  int64_t n = writeText(self, s);
  if (n < 0) return Value();
  return newInt(n);
}

Value stringio_seek(Value* args) {
  Value self = args[0];
  if (!checkReady(self)) return Value();
  int64_t pos, whence;
  if (!indexToInt64(args[1], &pos, exc::OverflowError)) return Value();
  if (!indexToInt64(args[2], &whence, exc::OverflowError)) return Value();
  if (whence != 0 && whence != 1 && whence != 2) {
    return raisef(exc::ValueError, "Invalid whence (%lld, should be 0, 1 or 2)", static_cast<long long>(whence));
  }
  if (pos < 0 && whence == 0) return raisef(exc::ValueError, "Negative seek position %lld", static_cast<long long>(pos));
  if (whence != 0 && pos != 0) return raise(exc::OSError, "Can't do nonzero cur-relative seeks");
  if (whence == 1) {
    pos = asSIO(self)->pos;
  } else if (whence == 2) {
    pos = asSIO(self)->length;
  }
  asSIO(self)->pos = pos;
  return newInt(pos);
}

Value stringio_tell(Value* args) {
  if (!checkReady(args[0])) return Value();
  return newInt(asSIO(args[0])->pos);
}

Value stringio_truncate(Value* args) {
  Value self = args[0];
  if (!checkReady(self)) return Value();
  int64_t size;
  if (isNone(args[1])) {
    size = asSIO(self)->pos;
  } else {
    if (!sizeArg(args[1], &size)) return Value();
    if (size < 0) return raisef(exc::ValueError, "Negative size value %lld", static_cast<long long>(size));
  }
  if (size < asSIO(self)->length) asSIO(self)->length = size;
  return newInt(size);
}

Value stringio_close(Value* args) {
  StringIOObj* o = asSIO(args[0]);
  o->closed = 1;
  o->iobase_closed = 1;
  o->buf.set(Value());
  o->length = 0;
  return None();
}

Value stringio_true_if_open(Value* args) {
  if (!checkReady(args[0])) return Value();
  return True();
}

Value stringio___getstate__(Value* args) {
  Value self = args[0];
  Value value = stringio_getvalue(args);
  if (value.isNull()) return Value();
  StringIOObj* o = asSIO(self);
  Value nl = o->readnl.get().isNull() ? None() : o->readnl.get();
  Value d = o->dict.get();
  return newTupleOf({value, nl, newInt(o->pos), d.isNull() ? None() : d});
}

// The state __getstate__ gives: (value, newline, position, __dict__ or
// None).  __init__ with (value, newline) sets the newline mode; the value
// then replaces the text verbatim (its newlines were translated already).
Value stringio___setstate__(Value* args) {
  Value self = args[0], state = args[1];
  if (asSIO(self)->closed) return raise(exc::ValueError, "I/O operation on closed file");
  if (!isTuple(state) || tupleLength(state) < 4) {
    return raisef(exc::TypeError, "%s.__setstate__ argument should be 4-tuple, got %s", typeNameOf(self).c_str(),
                  typeNameOf(state).c_str());
  }
  Value init_args[2] = {tupleItem(state, 0), tupleItem(state, 1)};
  if (stringio_init(self, init_args, 2, Value()) < 0) return Value();
  Value value = tupleItem(state, 0);
  std::u32string text = isNone(value) ? std::u32string() : strToUcs4(value);
  int64_t n = static_cast<int64_t>(text.size());
  if (!reserve(self, n)) return Value();
  if (n > 0) std::memcpy(textData(self), text.data(), text.size() * 4);
  asSIO(self)->length = n;
  Value pos = tupleItem(state, 2);
  if (!isInt(pos)) {
    return raisef(exc::TypeError, "third item of state must be an integer, got %s", typeNameOf(pos).c_str());
  }
  int64_t p;
  if (!argSsize(pos, &p)) return Value();
  if (p < 0) return raise(exc::ValueError, "position value cannot be negative");
  asSIO(self)->pos = p;
  if (!restoreIoDict(self, tupleItem(state, 3), "fourth")) return Value();
  return None();
}

Value stringio_get_closed(Value self) {
  if (!asSIO(self)->initialized) return raise(exc::ValueError, "I/O operation on uninitialized object");
  return Bool(asSIO(self)->closed != 0);
}

Value stringio_get_line_buffering(Value self) {
  if (!checkReady(self)) return Value();
  return False();
}

Value stringio_get_newlines(Value self) {
  if (!checkReady(self)) return Value();
  Value dec = asSIO(self)->decoder.get();
  if (dec.isNull()) return None();
  return newlinesValue(static_cast<NewlineDecoderObj*>(dec.asObject())->seennl);
}

// ===========================================================================
// Tables

const uint32_t kStringIOFields[] = {offsetof(StringIOObj, ob_type), offsetof(StringIOObj, dict),
                                    offsetof(StringIOObj, buf),     offsetof(StringIOObj, decoder),
                                    offsetof(StringIOObj, readnl),  offsetof(StringIOObj, writenl)};
const gc::Layout kStringIOLayout = {.name = "_io.StringIO", .fields = kStringIOFields, .finalize = ioLayoutFinalize};

const MethodDef kStringIOMethods[] = {
    {.name = "getvalue", .signature = "($self, /)", .fn = stringio_getvalue},
    {.name = "read", .signature = "($self, size=-1, /)", .fn = stringio_read},
    {.name = "readline", .signature = "($self, size=-1, /)", .fn = stringio_readline},
    {.name = "write", .signature = "($self, s, /)", .fn = stringio_write},
    {.name = "seek", .signature = "($self, pos, whence=0, /)", .fn = stringio_seek},
    {.name = "tell", .signature = "($self, /)", .fn = stringio_tell},
    {.name = "truncate", .signature = "($self, pos=None, /)", .fn = stringio_truncate},
    {.name = "close", .signature = "($self, /)", .fn = stringio_close},
    {.name = "readable", .signature = "($self, /)", .fn = stringio_true_if_open},
    {.name = "writable", .signature = "($self, /)", .fn = stringio_true_if_open},
    {.name = "seekable", .signature = "($self, /)", .fn = stringio_true_if_open},
    {.name = "__getstate__", .signature = "($self, /)", .fn = stringio___getstate__},
    {.name = "__setstate__", .signature = "($self, state, /)", .fn = stringio___setstate__},
};

const GetSetDef kStringIOGetSets[] = {
    {.name = "closed", .get = stringio_get_closed},
    {.name = "line_buffering", .get = stringio_get_line_buffering},
    {.name = "newlines", .get = stringio_get_newlines},
};

const TypeSpec kStringIOSpec = {
    .name = "StringIO",
    .module = "_io",
    .type = &StringIO_type,
    .base = &TextIOBase_type,
    .layout = &kStringIOLayout,
    .basic_size = sizeof(StringIOObj),
    .flags = type_flags::kBaseType,
    .slots = {.tp_iternext = stringio_iternext, .tp_init = stringio_init, .tp_new = stringio_new},
    .methods = kStringIOMethods,
    .getsets = kStringIOGetSets,
    .doc = "Text I/O implementation using an in-memory buffer.",
    .dict_offset = static_cast<int32_t>(offsetof(StringIOObj, dict)),
    .weakrefable = true,
};
TERN_REGISTER_TYPE(kStringIOSpec);

}  // namespace

}  // namespace tern::io
