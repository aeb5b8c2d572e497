// The _io module: open(), open_code(), text_encoding(), DEFAULT_BUFFER_SIZE,
// UnsupportedOperation, IncrementalNewlineDecoder and the newline helpers the
// text classes share; the standard streams sys installs at start-up.
// CPython 3.11's Modules/_io/_iomodule.c and textio.c are the reference for
// behaviour and messages.
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>

#include <cstdlib>
#include <cstring>
#include <string>

#include "runtime/interp/config.h"
#include "runtime/interp/errors.h"
#include "runtime/interp/runtime.h"
#include "runtime/modules/_codecs.h"
#include "runtime/modules/_io.h"
#include "runtime/modules/_io_internal.h"
#include "runtime/modules/_warnings.h"
#include "runtime/modules/builtins.h"
#include "runtime/modules/module.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/bytes.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/exceptions.h"
#include "runtime/objects/int.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"

namespace tern::io {

// ===========================================================================
// Newlines

std::u32string translateNewlines(std::u32string_view in, bool translate, bool final, uint8_t* pendingcr,
                                 uint8_t* seennl) {
  std::u32string out;
  out.reserve(in.size() + 1);
  if (*pendingcr && (!in.empty() || final)) {
    out.push_back(U'\r');
    *pendingcr = 0;
  }
  out.append(in);
  if (!final && !out.empty() && out.back() == U'\r') {
    out.pop_back();
    *pendingcr = 1;
  }
  // Record the kinds of line ends, then translate.
  size_t n = out.size();
  bool any_cr = false;
  for (size_t i = 0; i < n; ++i) {
    char32_t c = out[i];
    if (c == U'\n') {
      *seennl |= kSeenLF;
    } else if (c == U'\r') {
      any_cr = true;
      if (i + 1 < n && out[i + 1] == U'\n') {
        *seennl |= kSeenCRLF;
        ++i;
      } else {
        *seennl |= kSeenCR;
      }
    }
  }
  if (!translate || !any_cr) return out;
  std::u32string t;
  t.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    char32_t c = out[i];
    if (c == U'\r') {
      t.push_back(U'\n');
      if (i + 1 < n && out[i + 1] == U'\n') ++i;
    } else {
      t.push_back(c);
    }
  }
  return t;
}

int64_t findLineEnd(std::u32string_view text, int64_t start, bool universal, std::u32string_view nl) {
  int64_t n = static_cast<int64_t>(text.size());
  if (universal) {
    for (int64_t i = start; i < n; ++i) {
      char32_t c = text[static_cast<size_t>(i)];
      if (c == U'\n') return i + 1;
      if (c == U'\r') return (i + 1 < n && text[static_cast<size_t>(i + 1)] == U'\n') ? i + 2 : i + 1;
    }
    return -1;
  }
  size_t at = text.find(nl, static_cast<size_t>(start));
  if (at == std::u32string_view::npos) return -1;
  return static_cast<int64_t>(at + nl.size());
}

Value newlinesValue(uint8_t seennl) {
  switch (seennl) {
    case 0:
      return None();
    case kSeenLF:
      return newStr("\n");
    case kSeenCR:
      return newStr("\r");
    case kSeenCRLF:
      return newStr("\r\n");
    case kSeenCR | kSeenLF:
      return newTupleOf({newStr("\r"), newStr("\n")});
    case kSeenLF | kSeenCRLF:
      return newTupleOf({newStr("\n"), newStr("\r\n")});
    case kSeenCR | kSeenCRLF:
      return newTupleOf({newStr("\r"), newStr("\r\n")});
    default:
      return newTupleOf({newStr("\r"), newStr("\n"), newStr("\r\n")});
  }
}

namespace {

// ===========================================================================
// IncrementalNewlineDecoder

NewlineDecoderObj* asNLD(Value v) { return static_cast<NewlineDecoderObj*>(v.asObject()); }

bool checkNLD(Value self) {
  if (!asNLD(self)->initialized) {
    raise(exc::ValueError, "IncrementalNewlineDecoder.__init__() not called");
    return false;
  }
  return true;
}

const MethodDef kNLDInitDef = {.name = "IncrementalNewlineDecoder",
                               .signature = "(decoder, translate, errors='strict')"};

int nld_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value a[3];
  if (!bindArguments(&kNLDInitDef, Value(), args, nargs, kwnames, a)) return -1;
  int translate = isTrue(a[1]);
  if (translate < 0) return -1;
  NewlineDecoderObj* d = asNLD(self);
  d->decoder.set(a[0]);
  d->errors.set(a[2]);
  d->translate = static_cast<uint8_t>(translate);
  d->pendingcr = 0;
  d->seennl = 0;
  d->initialized = 1;
  return 0;
}

Value nld_new(Type* type, const Value* /*args*/, size_t /*nargs*/, Value /*kwnames*/) {
  return Value(newObject(type, type->basic_size));
}

Value nld_decode(Value* args) {
  Value self = args[0], input = args[1], final_arg = args[2];
  if (!checkNLD(self)) return Value();
  int final = isTrue(final_arg);
  if (final < 0) return Value();
  Value output = input;
  Value decoder = asNLD(self)->decoder.get();
  if (!isNone(decoder)) {
    Value call_args[2] = {input, Bool(final)};
    output = callMethod(decoder, TERN_IO_NAME("decode"), call_args, 2);
    if (output.isNull()) return Value();
  }
  if (!isStr(output)) {
    return raisef(exc::TypeError, "decoder should return a string result, not '%s'", typeNameOf(output).c_str());
  }
  NewlineDecoderObj* d = asNLD(self);
  uint8_t pendingcr = d->pendingcr, seennl = d->seennl;
  std::u32string text = translateNewlines(strToUcs4(output), d->translate != 0, final != 0, &pendingcr, &seennl);
  asNLD(self)->pendingcr = pendingcr;
  asNLD(self)->seennl = seennl;
  return newStrFromUcs4(text);
}

Value nld_getstate(Value* args) {
  Value self = args[0];
  if (!checkNLD(self)) return Value();
  Value buffer = emptyBytes();
  int64_t flag = 0;
  Value decoder = asNLD(self)->decoder.get();
  if (!isNone(decoder)) {
    Value state = callMethod(decoder, TERN_IO_NAME("getstate"), nullptr, 0);
    if (state.isNull()) return Value();
    if (!isTuple(state) || tupleLength(state) != 2) return raise(exc::TypeError, "illegal decoder state");
    buffer = tupleItem(state, 0);
    if (!indexToInt64(tupleItem(state, 1), &flag, exc::OverflowError)) return Value();
  }
  flag <<= 1;
  if (asNLD(self)->pendingcr) flag |= 1;
  return newTupleOf({buffer, newInt(flag)});
}

Value nld_setstate(Value* args) {
  Value self = args[0], state = args[1];
  if (!checkNLD(self)) return Value();
  if (!isTuple(state) || tupleLength(state) != 2) return raise(exc::TypeError, "state argument must be a tuple");
  int64_t flag;
  if (!indexToInt64(tupleItem(state, 1), &flag, exc::OverflowError)) return Value();
  asNLD(self)->pendingcr = static_cast<uint8_t>(flag & 1);
  Value decoder = asNLD(self)->decoder.get();
  if (!isNone(decoder)) {
    Value inner = newTupleOf({tupleItem(state, 0), newInt(flag >> 1)});
    if (callMethod(decoder, TERN_IO_NAME("setstate"), &inner, 1).isNull()) return Value();
  }
  return None();
}

Value nld_reset(Value* args) {
  Value self = args[0];
  if (!checkNLD(self)) return Value();
  asNLD(self)->seennl = 0;
  asNLD(self)->pendingcr = 0;
  Value decoder = asNLD(self)->decoder.get();
  if (!isNone(decoder) && callMethod(decoder, TERN_IO_NAME("reset"), nullptr, 0).isNull()) return Value();
  return None();
}

Value nld_get_newlines(Value self) {
  if (!checkNLD(self)) return Value();
  return newlinesValue(asNLD(self)->seennl);
}

const uint32_t kNLDFields[] = {offsetof(NewlineDecoderObj, ob_type), offsetof(NewlineDecoderObj, decoder),
                               offsetof(NewlineDecoderObj, errors)};
const gc::Layout kNLDLayout = {.name = "_io.IncrementalNewlineDecoder", .fields = kNLDFields};

const MethodDef kNLDMethods[] = {
    {.name = "decode", .signature = "($self, /, input, final=False)", .fn = nld_decode},
    {.name = "getstate", .signature = "($self, /)", .fn = nld_getstate},
    {.name = "setstate", .signature = "($self, state, /)", .fn = nld_setstate},
    {.name = "reset", .signature = "($self, /)", .fn = nld_reset},
};
const GetSetDef kNLDGetSets[] = {
    {.name = "newlines", .get = nld_get_newlines},
};

const TypeSpec kNLDSpec = {
    .name = "IncrementalNewlineDecoder",
    .module = "_io",
    .type = &IncrementalNewlineDecoder_type,
    .layout = &kNLDLayout,
    .basic_size = sizeof(NewlineDecoderObj),
    .flags = type_flags::kBaseType,
    .slots = {.tp_init = nld_init, .tp_new = nld_new},
    .methods = kNLDMethods,
    .getsets = kNLDGetSets,
    .doc = "Codec used when reading a file in universal newlines mode.",
};
TERN_REGISTER_TYPE(kNLDSpec);

// ===========================================================================
// open()

bool strOrNone(Value v, const char* what) {
  if (isNone(v) || isStr(v)) return true;
  raisef(exc::TypeError, "open() argument '%s' must be str or None, not %s", what, typeNameOf(v).c_str());
  return false;
}

}  // namespace

Value ioOpen(Value file, Value mode, int64_t buffering, Value encoding, Value errors, Value newline, bool closefd,
             Value opener) {
  if (!isInt(file) && !isStr(file) && !isBytes(file)) {
    Value fspath = lookupSpecial(typeOf(file), internStr("__fspath__"));
    if (fspath.isNull()) {
      if (errorPending()) return Value();
      return raisef(exc::TypeError, "expected str, bytes or os.PathLike object, not %s", typeNameOf(file).c_str());
    }
    bool found = false;
    Value path = callSpecial(file, internStr("__fspath__"), nullptr, 0, &found);
    if (path.isNull()) return Value();
    if (!isStr(path) && !isBytes(path)) {
      return raisef(exc::TypeError, "expected %s.__fspath__() to return str or bytes, not %s",
                    typeNameOf(file).c_str(), typeNameOf(path).c_str());
    }
    file = path;
  }
  if (!isStr(mode)) {
    return raisef(exc::TypeError, "open() argument 'mode' must be str, not %s", typeNameOf(mode).c_str());
  }
  if (!strOrNone(encoding, "encoding") || !strOrNone(errors, "errors") || !strOrNone(newline, "newline")) {
    return Value();
  }
  std::string m = strToUtf8(mode);
  bool creating = false, reading = false, writing = false, appending = false, updating = false, text = false,
       binary = false;
  for (size_t i = 0; i < m.size(); ++i) {
    char c = m[i];
    bool dup = m.find(c, i + 1) != std::string::npos;
    if (std::strchr("rwxabt+", c) == nullptr || c == '\0' || dup) {
      Value r = repr(mode);
      if (r.isNull()) return Value();
      return raisef(exc::ValueError, "invalid mode: %s", strToUtf8(r).c_str());
    }
    switch (c) {
      case 'x': creating = true; break;
      case 'r': reading = true; break;
      case 'w': writing = true; break;
      case 'a': appending = true; break;
      case '+': updating = true; break;
      case 't': text = true; break;
      case 'b': binary = true; break;
      default: break;
    }
  }
  if (text && binary) return raise(exc::ValueError, "can't have text and binary mode at once");
  if (creating + reading + writing + appending > 1) {
    return raise(exc::ValueError, "must have exactly one of create/read/write/append mode");
  }
  if (binary && !isNone(encoding)) return raise(exc::ValueError, "binary mode doesn't take an encoding argument");
  if (binary && !isNone(errors)) return raise(exc::ValueError, "binary mode doesn't take an errors argument");
  if (binary && !isNone(newline)) return raise(exc::ValueError, "binary mode doesn't take a newline argument");
  std::string rawmode;
  if (creating) rawmode += 'x';
  if (reading) rawmode += 'r';
  if (writing) rawmode += 'w';
  if (appending) rawmode += 'a';
  if (updating) rawmode += '+';

  if (binary && buffering == 1 &&
      !warn(exc::RuntimeWarning,
            "line buffering (buffering=1) isn't supported in binary mode, the default buffer size will be used")) {
    return Value();
  }
  Value raw_args[4] = {file, newStr(rawmode), Bool(closefd), opener};
  Value raw = call(typeValue(FileIO_type), raw_args, 4);
  if (raw.isNull()) return Value();
  Value result = raw;
  auto fail = [&]() -> Value {
    Value e = takeError();
    if (callMethod(result, TERN_IO_NAME("close"), nullptr, 0).isNull()) clearError();
    restoreError(e);
    return Value();
  };
  bool line_buffering = false;
  if (buffering == 1 || buffering < 0) {
    int tty = callBoolMethod(raw, TERN_IO_NAME("isatty"));
    if (tty < 0) return fail();
    if (buffering == 1 || tty) {
      buffering = -1;
      line_buffering = true;
    }
  }
  if (buffering < 0) {
    Value blksize = getAttr(raw, TERN_IO_NAME("_blksize"));
    if (blksize.isNull() || !indexToInt64(blksize, &buffering, exc::OverflowError)) return fail();
  }
  if (buffering < 0) {
    raise(exc::ValueError, "invalid buffering size");
    return fail();
  }
  if (buffering == 0) {
    if (binary) return raw;
    raise(exc::ValueError, "can't have unbuffered text I/O");
    return fail();
  }
  Type* buffer_type = updating ? BufferedRandom_type
                      : (creating || writing || appending) ? BufferedWriter_type
                      : reading ? BufferedReader_type
                                : nullptr;
  if (buffer_type == nullptr) {
    raisef(exc::ValueError, "unknown mode: '%s'", m.c_str());
    return fail();
  }
  Value buffer = newBufferedObject(buffer_type, raw, buffering);
  if (buffer.isNull()) return fail();
  result = buffer;
  if (binary) return buffer;
  Value wrapper = newTextIOWrapper(buffer, encoding, errors, newline, line_buffering, false);
  if (wrapper.isNull()) return fail();
  result = wrapper;
  if (setAttr(wrapper, TERN_IO_NAME("mode"), mode) < 0) return fail();
  return wrapper;
}

namespace {

Value _io_open(Value* args) {
  int64_t buffering;
  if (isInstance(args[3], types::float_type)) {
    return raise(exc::TypeError, "'float' object cannot be interpreted as an integer");
  }
  if (!indexToInt64(args[3], &buffering, exc::OverflowError)) return Value();
  int closefd = isTrue(args[7]);
  if (closefd < 0) return Value();
  return ioOpen(args[1], args[2], buffering, args[4], args[5], args[6], closefd != 0, args[8]);
}

Value _io_open_code(Value* args) {
  if (!isStr(args[1])) {
    return raisef(exc::TypeError, "open_code() argument 'path' must be str, not %s", typeNameOf(args[1]).c_str());
  }
  return ioOpen(args[1], internStr("rb"), -1, None(), None(), None(), true, None());
}

// PEP 597: the encoding to use for `encoding` (None: "locale", or "utf-8" in
// the UTF-8 mode), with an EncodingWarning under -X warn_default_encoding.
Value _io_text_encoding(Value* args) {
  if (!isNone(args[1])) return args[1];
  if (config().warn_default_encoding) {
    int64_t stacklevel;
    if (!indexToInt64(args[2], &stacklevel, exc::OverflowError)) return Value();
    if (stacklevel > INT32_MAX) stacklevel = INT32_MAX;  // beyond any stack: the outermost frame
    if (stacklevel < INT32_MIN) stacklevel = INT32_MIN;
    if (!warn(exc::EncodingWarning, "'encoding' argument not specified", static_cast<int>(stacklevel))) {
      return Value();
    }
  }
  return internStr(config().utf8_mode ? "utf-8" : "locale");
}

const MethodDef kIOFunctions[] = {
    {.name = "open",
     .signature = "($module, /, file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, "
                  "closefd=True, opener=None)",
     .fn = _io_open,
     .doc = "Open file and return a stream.  Raise OSError upon failure."},
    {.name = "open_code", .signature = "($module, /, path)", .fn = _io_open_code,
     .doc = "Opens the provided file with the intent to import the contents."},
    {.name = "text_encoding", .signature = "($module, encoding, stacklevel=2, /)", .fn = _io_text_encoding,
     .doc = "A helper function to choose the text encoding."},
};

bool ioInit(Value module) {
  Value d = moduleDict(module);
  Type* unsupported_type = unsupportedOperationType();
  if (unsupported_type == nullptr) return false;
  struct Entry {
    const char* name;
    Type* type;
  };
  const Entry entries[] = {
      {"_IOBase", IOBase_type},
      {"_RawIOBase", RawIOBase_type},
      {"_BufferedIOBase", BufferedIOBase_type},
      {"_TextIOBase", TextIOBase_type},
      {"FileIO", FileIO_type},
      {"BytesIO", BytesIO_type},
      {"StringIO", StringIO_type},
      {"BufferedReader", BufferedReader_type},
      {"BufferedWriter", BufferedWriter_type},
      {"BufferedRandom", BufferedRandom_type},
      {"BufferedRWPair", BufferedRWPair_type},
      {"TextIOWrapper", TextIOWrapper_type},
      {"IncrementalNewlineDecoder", IncrementalNewlineDecoder_type},
      {"UnsupportedOperation", unsupported_type},
      {"BlockingIOError", exc::BlockingIOError},
  };
  for (const Entry& e : entries) {
    if (dictSet(d, internStr(e.name), typeValue(e.type)) < 0) return false;
  }
  if (dictSet(d, internStr("DEFAULT_BUFFER_SIZE"), newInt(kDefaultBufferSize)) < 0) return false;
  // builtins.open is io.open, as CPython's start-up makes it (the builtins
  // module's own `open` calls the same code until _io is first imported).
  Value open = dictGetStr(d, internStr("open"));
  if (open.isNull()) return false;
  return dictSet(builtinsDict(), internStr("open"), open) == 0;
}

const NativeModuleDef kIOModule = {
    .name = "_io",
    .methods = kIOFunctions,
    .init = ioInit,
    .doc = "The io module provides the Python interfaces to stream handling. The\nbuiltin open function is defined "
           "in this module.",
};
TERN_REGISTER_MODULE(kIOModule);

// The error handler of stdin and stdout: surrogateescape in the C and POSIX
// locales (C.UTF-8 included), as CPython chooses it; strict otherwise.
const char* stdioErrors() {
  const char* names[] = {"LC_ALL", "LC_CTYPE", "LANG"};
  const char* locale = nullptr;
  for (const char* n : names) {
    const char* v = std::getenv(n);
    if (v != nullptr && *v != '\0') {
      locale = v;
      break;
    }
  }
  if (locale == nullptr) return "surrogateescape";
  std::string l(locale);
  if (l == "C" || l == "POSIX" || l.rfind("C.", 0) == 0) return "surrogateescape";
  return "strict";
}

}  // namespace

}  // namespace tern::io

namespace tern {

Value io_open(Value* args) { return io::_io_open(args); }

namespace {

Value makeStandardStream(int fd, Value encoding, const char* errors) {
  using namespace io;
  static const char* const kNames[3] = {"<stdin>", "<stdout>", "<stderr>"};
  // A descriptor that is not open gives None, as CPython's create_stdio.
  if (::fcntl(fd, F_GETFD) < 0 && errno == EBADF) return None();
  Value raw_args[3] = {newInt(fd), internStr(fd == 0 ? "rb" : "wb"), False()};
  Value raw = call(typeValue(FileIO_type), raw_args, 3);
  if (raw.isNull()) return Value();
  if (setAttr(raw, internStr("name"), internStr(kNames[fd])) < 0) return Value();
  bool buffered = fd == 0 || !config().unbuffered;  // -u, PYTHONUNBUFFERED (runtime/interp/config.h)
  Value buffer = raw;
  if (buffered) {
    buffer = newBufferedObject(fd == 0 ? BufferedReader_type : BufferedWriter_type, raw, kDefaultBufferSize);
    if (buffer.isNull()) return Value();
  }
  bool line_buffering = fd != 0 && buffered && (fd == 2 || ::isatty(fd) == 1);
  Value text = newTextIOWrapper(buffer, encoding, internStr(fd == 2 ? "backslashreplace" : errors), internStr("\n"),
                                line_buffering, !buffered);
  if (text.isNull()) return Value();
  if (setAttr(text, internStr("mode"), internStr(fd == 0 ? "r" : "w")) < 0) return Value();
  return text;
}

}  // namespace

Value newStandardStream(int fd) { return makeStandardStream(fd, internStr("utf-8"), io::stdioErrors()); }

bool applyStdioEncoding() {
  const Config& c = config();
  if (c.stdio_encoding.empty() && c.stdio_errors.empty()) return true;
  Value encoding = internStr("utf-8");
  if (!c.stdio_encoding.empty()) {
    Value info = codecLookup(newStr(c.stdio_encoding));
    if (info.isNull()) return false;
    encoding = lookupAttr(info, internStr("name"));
    if (encoding.isNull()) return false;
  }
  const char* errors = !c.stdio_errors.empty()   ? c.stdio_errors.c_str()
                       : !c.stdio_encoding.empty() ? "strict"
                                                   : io::stdioErrors();
  Value sys_dict = moduleDict(sysModule());
  static const char* const kNames[3][2] = {{"stdin", "__stdin__"}, {"stdout", "__stdout__"}, {"stderr", "__stderr__"}};
  for (int fd = 0; fd < 3; ++fd) {
    Value stream = makeStandardStream(fd, encoding, errors);
    if (stream.isNull()) return false;
    for (const char* name : kNames[fd]) {
      if (dictSet(sys_dict, internStr(name), stream) < 0) return false;
    }
  }
  return true;
}

void flushIoStandardStreams() {
  Value saved = takeError();
  Value sys = sysModule();
  if (!sys.isNull()) {
    for (const char* name : {"stdout", "stderr"}) {
      Value stream = dictGetStr(moduleDict(sys), internStr(name));
      if (stream.isNull() || isNone(stream)) continue;
      if (callMethod(stream, names::flush, nullptr, 0).isNull()) clearError();
    }
  }
  clearError();
  restoreError(saved);
}

}  // namespace tern
