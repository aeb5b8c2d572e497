// pyexpat.xmlparser (XMLParserType): the parser object ParserCreate and
// ExternalEntityParserCreate make, with CPython 3.11's methods (Parse,
// ParseFile, SetBase, GetBase, GetInputContext, ExternalEntityParserCreate,
// SetParamEntityParsing, UseForeignDTD), its handler attributes and its
// settings (buffer_text, buffer_size, ordered_attributes,
// specified_attributes, namespace_prefixes, intern) with CPython's messages.
//
// Input is copied out of the heap before expat sees it (a handler may move
// a young bytes object).  The object and its ParserState are described in
// pyexpat.h; the finalizer ends the state.
#include <array>
#include <climits>
#include <cstdint>
#include <cstring>
#include <new>
#include <string>
#include <utility>

#include "runtime/gc/external_memory.h"
#include "runtime/gc/heap.h"
#include "runtime/gc/roots.h"
#include "runtime/interp/errors.h"
#include "runtime/modules/pyexpat.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/buffer.h"
#include "runtime/objects/bytearray.h"
#include "runtime/objects/bytes.h"
#include "runtime/objects/int.h"
#include "runtime/objects/native.h"
#include "runtime/objects/str.h"
#include "runtime/objects/type.h"

namespace tern::pyexpat {

Type* g_xmlparser_type = nullptr;

namespace {

// CPython's MAX_CHUNK_SIZE (Parse feeds expat at most this much at a time)
// and BUF_SIZE (ParseFile's read size).
constexpr int64_t kMaxChunkSize = int64_t{1} << 20;
constexpr int kReadSize = 2048;

// The parser's XML_Parser, or null with an exception when its finalizer
// already ran (a __del__ of the same garbage cycle may still reach it).
XML_Parser parserOf(Value self) {
  ParserState* state = stateOf(self);
  if (state == nullptr) {
    raise(exc::ValueError, "the parser has been finalized");
    return nullptr;
  }
  return state->parser;
}

// Frees `state` (and then its parent, ...) once neither its object nor any
// child parser uses it.
void releaseState(ParserState* state) {
  while (state != nullptr && state->object_gone && state->children == 0) {
    ParserState* parent = state->parent;
    XML_ParserFree(state->parser);
    delete state;
    if (parent != nullptr) --parent->children;
    state = parent;
  }
}

// The parsers found unreachable whose states are not freed yet: a __del__
// (or a generator's finally) of the same garbage may still use them, as in
// CPython, which runs every finalizer of a cycle before freeing anything.
// All of a collection's unreachable finalizable objects are queued together,
// so once the queue is empty nothing of that garbage is left to run.  A
// parser a finalizer stored away for good then raises on use, not crashes.
gc::RootVector g_finalized;

// Frees the states of g_finalized, except those of parsers that are parsing
// (a finalizer kept one and it runs again), which wait for a later call.
void releaseFinalized() {
  size_t kept = 0;
  for (size_t i = 0; i < g_finalized.size(); ++i) {
    XmlParserObj* self = asParser(g_finalized[i]);
    ParserState* state = self->state;
    if (state->active != nullptr) {
      g_finalized.set(kept++, g_finalized[i]);
      continue;
    }
    self->state = nullptr;
    state->object_gone = true;
    releaseState(state);
  }
  g_finalized.resize(kept);
}

void parserFinalize(gc::Object* object) {
  auto* self = static_cast<XmlParserObj*>(object);
  if (self->state == nullptr) return;
  g_finalized.push_back(Value(static_cast<Obj*>(self)));
  if (gc::pendingFinalizers() == 0) releaseFinalized();
}

// Before a parser is made: frees what the finalizers of earlier
// collections left, unless a finalizer batch is running now.
void noteNewParser() {
  if (!gc::runningFinalizers() && !g_finalized.empty()) releaseFinalized();
}

// A parser object around `state`, which it owns from here on.
Value newParserObject(ParserState* state) {
  Value self(newObject(g_xmlparser_type, g_xmlparser_type->basic_size));
  asParser(self)->state = state;
  gc::setFinalizable(asParser(self));
  XML_SetUserData(state->parser, state);
  return self;
}

// CPython's get_parse_result.
Value parseResult(Value self, int rv) {
  if (errorPending()) return Value();
  if (rv == 0) return raiseExpatError(stateOf(self)->parser, XML_GetErrorCode(stateOf(self)->parser));
  if (flushCharacterBuffer(self) < 0) return Value();
  return newInt(rv);
}

// A handler attribute's new value (CPython's xmlparse_handler_setter).
int setHandler(Value self, Handler h, Value v) {
  if (v.isNull()) {
    raise(exc::RuntimeError, "Cannot delete attribute");
    return -1;
  }
  if (parserOf(self) == nullptr) return -1;
  if (h == kCharacterData && flushCharacterBuffer(self) < 0) return -1;
  ParserState* state = stateOf(self);
  if (isNone(v)) {
    asParser(self)->handlers[h].set(Value());
    // expat cannot drop the character-data callback that is running.
    if (h == kCharacterData && state->in_callback) {
      installNoopCharacterHandler(state->parser);
    } else {
      installHandler(state->parser, h, false);
    }
    return 0;
  }
  asParser(self)->handlers[h].set(v);
  installHandler(state->parser, h, true);
  return 0;
}

template <int H>
Value getHandlerAttr(Value self) {
  Value v = asParser(self)->handlers[H].get();
  return v.isNull() ? None() : v;
}

template <int H>
int setHandlerAttr(Value self, Value v) {
  return setHandler(self, static_cast<Handler>(H), v);
}

// A setting's new truth value: false with an exception for `del` or a
// failing __bool__.
bool boolSetting(Value v, bool* out) {
  if (v.isNull()) {
    raise(exc::RuntimeError, "Cannot delete attribute");
    return false;
  }
  int b = isTrue(v);
  if (b < 0) return false;
  *out = b != 0;
  return true;
}

// ===========================================================================
// Methods

// Parse(data, isfinal=False, /)
Value xmlparser_Parse(Value* args) {
  Value self = args[0];
  int isfinal;
  if (!argCInt(args[2], &isfinal)) return Value();
  std::string data;
  if (isStr(args[1])) {
    if (!strictUtf8(args[1], &data)) return Value();
  } else if (!bufferCopyBytes(args[1], &data)) {
    return Value();
  }
  XML_Parser parser = parserOf(self);
  if (parser == nullptr) return Value();
  // The encoding declaration of a str's text does not apply.
  if (isStr(args[1])) XML_SetEncoding(parser, "utf-8");
  ParsingScope scope(self, stateOf(self));
  const char* s = data.data();
  int64_t remaining = static_cast<int64_t>(data.size());
  int rv = 1;
  while (rv != 0 && remaining > kMaxChunkSize) {
    rv = XML_Parse(parser, s, static_cast<int>(kMaxChunkSize), XML_FALSE);
    s += kMaxChunkSize;
    remaining -= kMaxChunkSize;
  }
  if (rv != 0) rv = XML_Parse(parser, s, static_cast<int>(remaining), isfinal);
  return parseResult(self, rv);
}

// CPython's readinst: calls read(kReadSize) and copies the bytes into
// `buf`; their number, or -1 with an exception.
int readInto(char* buf, Value read) {
  Value size = newInt(kReadSize);
  Value chunk = call1(read, size);
  if (chunk.isNull()) return -1;
  std::string bytes;
  if (!isBytes(chunk) && !isByteArray(chunk)) {
    raisef(exc::TypeError, "read() did not return a bytes object (type=%.400s)", typeNameOf(chunk).c_str());
    return -1;
  }
  if (!bytesLikeCopy(chunk, &bytes)) return -1;
  if (bytes.size() > static_cast<size_t>(kReadSize)) {
    raisef(exc::ValueError, "read() returned too much data: %i bytes requested, %zu returned", kReadSize, bytes.size());
    return -1;
  }
  std::memcpy(buf, bytes.data(), bytes.size());
  return static_cast<int>(bytes.size());
}

// ParseFile(file, /)
Value xmlparser_ParseFile(Value* args) {
  Value self = args[0];
  Value read = lookupAttr(args[1], internAscii("read"));
  if (read.isNull()) {
    if (errorPending()) return Value();
    return raise(exc::TypeError, "argument must have 'read' attribute");
  }
  XML_Parser parser = parserOf(self);
  if (parser == nullptr) return Value();
  ParsingScope scope(self, stateOf(self));
  int rv = 1;
  for (;;) {
    void* buf = XML_GetBuffer(parser, kReadSize);
    if (buf == nullptr) return parseResult(self, 0);
    int n = readInto(static_cast<char*>(buf), read);
    if (n < 0) return Value();
    rv = XML_ParseBuffer(parser, n, n == 0);
    if (errorPending()) return Value();
    if (rv == 0 || n == 0) break;
  }
  return parseResult(self, rv);
}

// A str argument as UTF-8 without NUL (clinic's "str" converter).
bool strArg(Value v, const char* function, const char* which, std::string* out) {
  if (!argStr(v, function, which) || !strictUtf8(v, out)) return false;
  if (out->find('\0') != std::string::npos) {
    raise(exc::ValueError, "embedded null character");
    return false;
  }
  return true;
}

// SetBase(base, /)
Value xmlparser_SetBase(Value* args) {
  std::string base;
  if (!isStr(args[1])) {
    return raisef(exc::TypeError, "SetBase() argument must be str, not %s", typeNameOf(args[1]).c_str());
  }
  if (!strArg(args[1], "SetBase", "1", &base)) return Value();
  XML_Parser parser = parserOf(args[0]);
  if (parser == nullptr) return Value();
  if (!XML_SetBase(parser, base.c_str())) return raiseNoMemory();
  return None();
}

// GetBase()
Value xmlparser_GetBase(Value* args) {
  XML_Parser parser = parserOf(args[0]);
  if (parser == nullptr) return Value();
  return xmlStr(XML_GetBase(parser));
}

// GetInputContext(): the input of the current event, only inside a handler.
Value xmlparser_GetInputContext(Value* args) {
  XML_Parser parser = parserOf(args[0]);
  if (parser == nullptr) return Value();
  if (!stateOf(args[0])->in_callback) return None();
  int offset, size;
  const char* buffer = XML_GetInputContext(parser, &offset, &size);
  if (buffer == nullptr) return None();
  return newBytes(buffer + offset, size - offset);
}

// ExternalEntityParserCreate(context, encoding=<unrepresentable>, /)
Value xmlparser_ExternalEntityParserCreate(Value* args) {
  Value self = args[0];
  std::string context, encoding;
  bool has_context = !isNone(args[1]);
  if (has_context && !isStr(args[1])) {
    return raisef(exc::TypeError, "ExternalEntityParserCreate() argument 1 must be str or None, not %s",
                  typeNameOf(args[1]).c_str());
  }
  if (has_context && !strArg(args[1], "ExternalEntityParserCreate", "1", &context)) return Value();
  bool has_encoding = !args[2].isNull();
  if (has_encoding && !strArg(args[2], "ExternalEntityParserCreate", "2", &encoding)) return Value();
  XML_Parser parent_parser = parserOf(self);
  if (parent_parser == nullptr) return Value();
  ParserState* parent = stateOf(self);
  noteNewParser();
  auto* state = new (std::nothrow) ParserState;
  if (state == nullptr) return raiseNoMemory();
  state->parser = XML_ExternalEntityParserCreate(parent_parser, has_context ? context.c_str() : nullptr,
                                                 has_encoding ? encoding.c_str() : nullptr);
  if (state->parser == nullptr) {
    delete state;
    return raiseNoMemory();
  }
  state->parent = parent;
  ++parent->children;
  state->ordered_attributes = parent->ordered_attributes;
  state->specified_attributes = parent->specified_attributes;
  state->ns_prefixes = parent->ns_prefixes;
  state->buffering = parent->buffering;
  state->buffer_size = parent->buffer_size;
  Value child = newParserObject(state);
  XmlParserObj* from = asParser(self);
  XmlParserObj* to = asParser(child);
  to->intern.set(from->intern.get());
  for (int h = 0; h < kHandlerCount; ++h) {
    Value handler = from->handlers[h].get();
    to->handlers[h].set(handler);
    installHandler(state->parser, static_cast<Handler>(h), !handler.isNull());
  }
  return child;
}

// SetParamEntityParsing(flag, /)
Value xmlparser_SetParamEntityParsing(Value* args) {
  int flag;
  if (!argCInt(args[1], &flag)) return Value();
  XML_Parser parser = parserOf(args[0]);
  if (parser == nullptr) return Value();
  return newInt(XML_SetParamEntityParsing(parser, static_cast<XML_ParamEntityParsing>(flag)));
}

// UseForeignDTD(flag=True, /)
Value xmlparser_UseForeignDTD(Value* args) {
  int flag = isTrue(args[1]);
  if (flag < 0) return Value();
  XML_Parser parser = parserOf(args[0]);
  if (parser == nullptr) return Value();
  XML_Error rc = XML_UseForeignDTD(parser, flag != 0 ? XML_TRUE : XML_FALSE);
  if (rc != XML_ERROR_NONE) return raiseExpatError(parser, rc);
  return None();
}

// ===========================================================================
// Attributes

template <typename T>
Value positionAttr(Value self, T (*get)(XML_Parser)) {
  XML_Parser parser = parserOf(self);
  if (parser == nullptr) return Value();
  return newInt(static_cast<int64_t>(get(parser)));
}

Value get_ErrorCode(Value self) {
  XML_Parser parser = parserOf(self);
  if (parser == nullptr) return Value();
  return newInt(XML_GetErrorCode(parser));
}
Value get_ErrorLineNumber(Value self) { return positionAttr(self, XML_GetCurrentLineNumber); }
Value get_ErrorColumnNumber(Value self) { return positionAttr(self, XML_GetCurrentColumnNumber); }
Value get_ErrorByteIndex(Value self) { return positionAttr(self, XML_GetCurrentByteIndex); }
Value get_CurrentLineNumber(Value self) { return positionAttr(self, XML_GetCurrentLineNumber); }
Value get_CurrentColumnNumber(Value self) { return positionAttr(self, XML_GetCurrentColumnNumber); }
Value get_CurrentByteIndex(Value self) { return positionAttr(self, XML_GetCurrentByteIndex); }

Value get_buffer_text(Value self) { return Bool(stateOf(self) != nullptr && stateOf(self)->buffering); }

int set_buffer_text(Value self, Value v) {
  bool on;
  if (!boolSetting(v, &on) || parserOf(self) == nullptr) return -1;
  ParserState* state = stateOf(self);
  if (on) {
    if (!state->buffering) {
      state->buffering = true;
      state->buffer.clear();
    }
  } else if (state->buffering) {
    if (flushCharacterBuffer(self) < 0) return -1;
    stateOf(self)->buffering = false;
    stateOf(self)->buffer.clear();
  }
  return 0;
}

Value get_buffer_size(Value self) { return newInt(stateOf(self) == nullptr ? 0 : stateOf(self)->buffer_size); }

// As CPython's: setting buffer_size also turns buffer_text on.
int set_buffer_size(Value self, Value v) {
  if (v.isNull()) {
    raise(exc::RuntimeError, "Cannot delete attribute");
    return -1;
  }
  if (!isInt(v)) {
    raise(exc::TypeError, "buffer_size must be an integer");
    return -1;
  }
  int64_t size;
  if (!argIndex(v, &size)) return -1;
  if (size <= 0) {
    raise(exc::ValueError, "buffer_size must be greater than zero");
    return -1;
  }
  if (parserOf(self) == nullptr) return -1;
  if (size == stateOf(self)->buffer_size) return 0;
  if (size > INT_MAX) {
    raisef(exc::ValueError, "buffer_size must not be greater than %i", INT_MAX);
    return -1;
  }
  if (stateOf(self)->buffering && flushCharacterBuffer(self) < 0) return -1;
  ParserState* state = stateOf(self);
  state->buffer.clear();
  state->buffering = true;
  state->buffer_size = static_cast<int>(size);
  return 0;
}

Value get_buffer_used(Value self) {
  return newInt(stateOf(self) == nullptr ? 0 : static_cast<int64_t>(stateOf(self)->buffer.size()));
}

Value get_namespace_prefixes(Value self) { return Bool(stateOf(self) != nullptr && stateOf(self)->ns_prefixes); }

int set_namespace_prefixes(Value self, Value v) {
  bool on;
  if (!boolSetting(v, &on) || parserOf(self) == nullptr) return -1;
  stateOf(self)->ns_prefixes = on;
  XML_SetReturnNSTriplet(stateOf(self)->parser, on ? 1 : 0);
  return 0;
}

Value get_ordered_attributes(Value self) { return Bool(stateOf(self) != nullptr && stateOf(self)->ordered_attributes); }

int set_ordered_attributes(Value self, Value v) {
  bool on;
  if (!boolSetting(v, &on) || parserOf(self) == nullptr) return -1;
  stateOf(self)->ordered_attributes = on;
  return 0;
}

Value get_specified_attributes(Value self) {
  return Bool(stateOf(self) != nullptr && stateOf(self)->specified_attributes);
}

int set_specified_attributes(Value self, Value v) {
  bool on;
  if (!boolSetting(v, &on) || parserOf(self) == nullptr) return -1;
  stateOf(self)->specified_attributes = on;
  return 0;
}

// ===========================================================================
// Tables

constexpr GetSetDef kSettingGetsets[] = {
    {.name = "ErrorCode", .get = get_ErrorCode},
    {.name = "ErrorLineNumber", .get = get_ErrorLineNumber},
    {.name = "ErrorColumnNumber", .get = get_ErrorColumnNumber},
    {.name = "ErrorByteIndex", .get = get_ErrorByteIndex},
    {.name = "CurrentLineNumber", .get = get_CurrentLineNumber},
    {.name = "CurrentColumnNumber", .get = get_CurrentColumnNumber},
    {.name = "CurrentByteIndex", .get = get_CurrentByteIndex},
    {.name = "buffer_size", .get = get_buffer_size, .set = set_buffer_size},
    {.name = "buffer_text", .get = get_buffer_text, .set = set_buffer_text},
    {.name = "buffer_used", .get = get_buffer_used},
    {.name = "namespace_prefixes", .get = get_namespace_prefixes, .set = set_namespace_prefixes},
    {.name = "ordered_attributes", .get = get_ordered_attributes, .set = set_ordered_attributes},
    {.name = "specified_attributes", .get = get_specified_attributes, .set = set_specified_attributes},
};
constexpr size_t kSettingCount = sizeof(kSettingGetsets) / sizeof(kSettingGetsets[0]);

// The settings, then one getset per handler (as CPython adds them).
template <size_t... H>
constexpr std::array<GetSetDef, kSettingCount + kHandlerCount> allGetsets(std::index_sequence<H...>) {
  std::array<GetSetDef, kSettingCount + kHandlerCount> all{};
  for (size_t i = 0; i < kSettingCount; ++i) all[i] = kSettingGetsets[i];
  const GetSetDef handlers[] = {
      GetSetDef{.name = kHandlerNames[H], .get = getHandlerAttr<H>, .set = setHandlerAttr<H>}...};
  for (size_t i = 0; i < kHandlerCount; ++i) all[kSettingCount + i] = handlers[i];
  return all;
}
constexpr auto kGetsets = allGetsets(std::make_index_sequence<kHandlerCount>());

const MemberDef kMembers[] = {
    {.name = "intern",
     .kind = MemberKind::kObjectNoneIfNull,
     .offset = offsetof(XmlParserObj, intern),
     .readonly = true},
};

const MethodDef kMethods[] = {
    {.name = "Parse", .signature = "($self, data, isfinal=False, /)", .fn = xmlparser_Parse},
    {.name = "ParseFile", .signature = "($self, file, /)", .fn = xmlparser_ParseFile},
    {.name = "SetBase",
     .signature = "($self, base, /)",
     .fn = xmlparser_SetBase,
     .doc = "Set the base URL for the parser."},
    {.name = "GetBase",
     .signature = "($self, /)",
     .fn = xmlparser_GetBase,
     .doc = "Return base URL string for the parser."},
    {.name = "GetInputContext",
     .signature = "($self, /)",
     .fn = xmlparser_GetInputContext,
     .doc = "Return the untranslated text of the input that caused the current event.\n\nIf the event was "
            "generated by a large amount of text (such as a start tag\nfor an element with many attributes), not "
            "all of the text may be available."},
    {.name = "ExternalEntityParserCreate",
     .signature = "($self, context, encoding=<unrepresentable>, /)",
     .fn = xmlparser_ExternalEntityParserCreate},
    {.name = "SetParamEntityParsing",
     .signature = "($self, flag, /)",
     .fn = xmlparser_SetParamEntityParsing,
     .doc = "Controls parsing of parameter entities (including the external DTD subset).\n\nPossible flag values "
            "are XML_PARAM_ENTITY_PARSING_NEVER,\nXML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE and\n"
            "XML_PARAM_ENTITY_PARSING_ALWAYS. Returns true if setting the flag\nwas successful."},
    {.name = "UseForeignDTD", .signature = "($self, flag=True, /)", .fn = xmlparser_UseForeignDTD},
};

// The type, every handler slot and the intern dict.
constexpr auto kParserFields = [] {
  std::array<uint32_t, kHandlerCount + 2> fields{};
  fields[0] = offsetof(Obj, ob_type);
  for (size_t h = 0; h < kHandlerCount; ++h) {
    fields[1 + h] = static_cast<uint32_t>(offsetof(XmlParserObj, handlers) + h * sizeof(gc::HeapValue));
  }
  fields[kHandlerCount + 1] = offsetof(XmlParserObj, intern);
  return fields;
}();
const gc::Layout kParserLayout = {.name = "pyexpat.xmlparser", .fields = kParserFields, .finalize = parserFinalize};

const TypeSpec kXmlParserSpec = {
    .name = "xmlparser",
    .module = "pyexpat",
    .type = &g_xmlparser_type,
    .layout = &kParserLayout,
    .basic_size = sizeof(XmlParserObj),
    .methods = kMethods,
    .getsets = kGetsets,
    .members = kMembers,
    .doc = "XML parser",
};
TERN_REGISTER_TYPE(kXmlParserSpec);

}  // namespace

// expat's memory, reported to the collector (external_memory.h), so that a
// loop dropping parsers runs collections; external entity parsers inherit it.
const XML_Memory_Handling_Suite kExternalMemory = {
    .malloc_fcn = gc::externalMalloc, .realloc_fcn = gc::externalRealloc, .free_fcn = gc::externalFree};

Value newParser(const char* encoding, const char* namespace_separator, Value intern) {
  noteNewParser();
  auto* state = new (std::nothrow) ParserState;
  if (state == nullptr) return raiseNoMemory();
  state->parser = XML_ParserCreate_MM(encoding, &kExternalMemory, namespace_separator);
  if (state->parser == nullptr) {
    delete state;
    return raise(exc::RuntimeError, "XML_ParserCreate failed");
  }
  XML_SetUnknownEncodingHandler(state->parser, unknownEncodingHandler, nullptr);
  Value self = newParserObject(state);
  asParser(self)->intern.set(intern);
  return self;
}

}  // namespace tern::pyexpat
