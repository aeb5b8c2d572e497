// pyexpat: expat's callbacks (CPython's my_*Handler trampolines), which turn
// an event into Python values and call the parser's handler attribute.
//
// CPython's rules, kept here: a callback does nothing while an exception is
// pending; every event but character data first flushes the buffered
// character data (buffer_text); names (element, attribute, entity,
// notation, prefix) go through the parser's intern dict; when a handler
// raises (or its arguments cannot be made), expat is stopped
// (XML_StopParser, so ErrorCode reads XML_ERROR_ABORTED), every handler is
// cleared and external entity references fail, and Parse reports the
// exception.
//
// GC: a callback finds the parser object through its ParserState's active
// ParsingScope (pyexpat.h) and keeps it in a local Value; arguments are
// built into Values on the C++ stack, which the conservative stack scan
// pins.  Nothing here keeps a heap pointer in C memory.
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "runtime/interp/code.h"
#include "runtime/interp/errors.h"
#include "runtime/interp/eval.h"
#include "runtime/interp/frame.h"
#include "runtime/interp/function.h"
#include "runtime/modules/_codecs.h"
#include "runtime/modules/pyexpat.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/bytes.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/exceptions.h"
#include "runtime/objects/int.h"
#include "runtime/objects/list.h"
#include "runtime/objects/native.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"

namespace tern::pyexpat {

namespace {

// Whether `s` is well-formed UTF-8 (no surrogates, nothing past U+10FFFF).
bool isUtf8(std::string_view s) {
  static constexpr char32_t kMinimum[] = {0, 0, 0x80, 0x800, 0x10000};
  size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len;
    char32_t cp;
    if ((c & 0xe0) == 0xc0) {
      len = 2;
      cp = c & 0x1f;
    } else if ((c & 0xf0) == 0xe0) {
      len = 3;
      cp = c & 0x0f;
    } else if ((c & 0xf8) == 0xf0) {
      len = 4;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (len > s.size() - i) return false;
    for (size_t k = 1; k < len; ++k) {
      auto d = static_cast<unsigned char>(s[i + k]);
      if ((d & 0xc0) != 0x80) return false;
      cp = (cp << 6) | (d & 0x3f);
    }
    if (cp < kMinimum[len] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
    i += len;
  }
  return true;
}

// The parser object whose Parse is running, for expat's user data.
Value objectOf(void* user_data) {
  ParsingScope* scope = static_cast<ParserState*>(user_data)->active;
  return scope == nullptr ? Value() : scope->object.get();
}

bool haveHandler(Value self, Handler h) { return !asParser(self)->handlers[h].get().isNull(); }

// expat's external-entity callback once a handler failed: refuse, so
// expat stops at the next reference.
int refuseExternalEntity(XML_Parser, const XML_Char*, const XML_Char*, const XML_Char*, const XML_Char*) { return 0; }

void ignoreCharacterData(void*, const XML_Char*, int) {}

// CPython's flag_error: clears every handler and refuses external entities.
void flagError(Value self) {
  XmlParserObj* p = asParser(self);
  for (int h = 0; h < kHandlerCount; ++h) {
    p->handlers[h].set(Value());
    installHandler(p->state->parser, static_cast<Handler>(h), false);
  }
  XML_SetExternalEntityRefHandler(p->state->parser, refuseExternalEntity);
}

// CPython's _PyTraceback_Add: an entry `File "pyexpat.c", line N, in
// <event>` between Parse's caller and the handler, as CPython's traceback
// has (the line is this file's, not CPython's).
void addTracebackEntry(Handler h, int line) {
  Value error = takeError();
  std::string_view event = kHandlerNames[h];
  if (event.ends_with("Handler")) event.remove_suffix(7);
  Value filename = newStr("pyexpat.c");
  Value name = newStr(event);
  Value empty = newTuple(0);
  CodeObj* code = allocateCode(0, 0, 0, 0);
  for (gc::HeapValue CodeObj::*f : {&CodeObj::consts, &CodeObj::names, &CodeObj::localsplusnames, &CodeObj::varnames,
                                    &CodeObj::cellvars, &CodeObj::freevars}) {
    (code->*f).set(empty);
  }
  code->filename.set(filename);
  code->name.set(name);
  code->qualname.set(name);
  code->firstlineno = line;
  Value code_value(static_cast<Obj*>(code));
  Value globals = newDict();
  Value builtins = builtinsForGlobals(globals);
  if (builtins.isNull()) {
    clearError();  // the handler's exception matters more
    restoreError(error);
    return;
  }
  Value frame(newObject(types::frame_type, sizeof(interp::FrameObj)));
  auto* f = static_cast<interp::FrameObj*>(frame.asObject());
  f->code.set(code_value);
  f->globals.set(globals);
  f->builtins.set(builtins);
  f->lasti = -1;
  Value next = static_cast<BaseExceptionObj*>(error.asObject())->traceback.get();
  Value tb_args[4] = {next.isNull() ? None() : next, frame, newInt(-2), newInt(line)};
  Value tb = call(typeValue(types::traceback_type), tb_args, 4);
  if (tb.isNull()) {
    clearError();
  } else {
    static_cast<BaseExceptionObj*>(error.asObject())->traceback.set(tb);
  }
  restoreError(error);
}

// Calls handler `h` with `args`: its result, or null (expat stopped and the
// handlers cleared) when it raised.
Value callHandler(Value self, Handler h, const Value* args, size_t nargs) {
  ParserState* state = stateOf(self);
  state->in_callback = true;
  Value result = call(asParser(self)->handlers[h].get(), args, nargs);
  state->in_callback = false;
  if (result.isNull()) {
    addTracebackEntry(h, __LINE__);
    XML_StopParser(state->parser, XML_FALSE);
    flagError(self);
  }
  return result;
}

// CPython's string_intern: the str of `s`, or the equal one already in the
// intern dict (where it goes if it is new).
Value internedStr(Value self, const char* s) {
  Value result = xmlStr(s);
  if (result.isNull()) return result;
  Value dict = asParser(self)->intern.get();
  if (dict.isNull()) return result;
  Value found = dictGet(dict, result);
  if (!found.isNull()) return found;
  if (errorPending() || dictSet(dict, result, result) < 0) return Value();
  return result;
}

// A handler's arguments, built one by one; after the first failure (an
// exception pending) the rest are skipped.
struct Args {
  explicit Args(Value s) : self(s) {}
  Value self;
  Value items[8];
  size_t count = 0;
  bool ok = true;

  Args& put(Value v) {
    if (v.isNull()) {
      ok = false;
    } else {
      items[count++] = v;
    }
    return *this;
  }
  Args& str(const char* s) { return ok ? put(xmlStr(s)) : *this; }
  Args& name(const char* s) { return ok ? put(internedStr(self, s)) : *this; }
  Args& text(const char* s, int len) { return ok ? put(xmlStrLen(s, len)) : *this; }
  Args& integer(int64_t i) { return ok ? put(newInt(i)) : *this; }
};

// CPython's RC_HANDLER: `fill` adds the arguments.  The handler's result,
// or null when there is no handler or something failed.
template <typename Fill>
Value dispatch(void* user_data, Handler h, Fill fill) {
  Value self = objectOf(user_data);
  if (self.isNull() || !haveHandler(self, h) || errorPending()) return Value();
  if (flushCharacterBuffer(self) < 0) return Value();
  Args args(self);
  fill(args);
  if (!args.ok) {
    flagError(self);
    return Value();
  }
  return callHandler(self, h, args.items, args.count);
}

// An int handler's result as CPython's PyLong_AsLong takes it: 0 when the
// handler did not run, -1 with an exception when it is not an int.
int intResult(Value result) {
  if (result.isNull()) return 0;
  int64_t v;
  if (!argIndex(result, &v)) return -1;
  return static_cast<int>(v);
}

// ===========================================================================
// Character data

// CPython's call_character_handler: 0, or -1 with an exception pending.
int callCharacterHandler(Value self, const char* data, int64_t len) {
  if (!haveHandler(self, kCharacterData)) return 0;  // the data has nowhere to go
  Value text = xmlStrLen(data, len);
  Value result = text.isNull() ? Value() : callHandler(self, kCharacterData, &text, 1);
  if (result.isNull()) {
    if (text.isNull()) flagError(self);
    installNoopCharacterHandler(stateOf(self)->parser);
    return -1;
  }
  return 0;
}

void onCharacterData(void* user_data, const XML_Char* data, int len) {
  Value self = objectOf(user_data);
  if (self.isNull() || errorPending()) return;
  ParserState* state = stateOf(self);
  if (!state->buffering) {
    callCharacterHandler(self, data, len);
    return;
  }
  if (static_cast<size_t>(len) > static_cast<size_t>(state->buffer_size) - state->buffer.size()) {
    if (flushCharacterBuffer(self) < 0) return;
    // The handler may have gone, or turned buffering off, meanwhile.
    if (!haveHandler(self, kCharacterData)) return;
  }
  if (!state->buffering || len > state->buffer_size) {
    callCharacterHandler(self, data, len);
    state->buffer.clear();
  } else {
    state->buffer.append(data, static_cast<size_t>(len));
  }
}

// ===========================================================================
// Elements

void onStartElement(void* user_data, const XML_Char* name, const XML_Char** atts) {
  Value self = objectOf(user_data);
  if (self.isNull() || !haveHandler(self, kStartElement) || errorPending()) return;
  if (flushCharacterBuffer(self) < 0) return;
  ParserState* state = stateOf(self);
  int max = 0;
  if (state->specified_attributes) {
    max = XML_GetSpecifiedAttributeCount(state->parser);
  } else {
    while (atts[max] != nullptr) max += 2;
  }
  bool ordered = state->ordered_attributes;
  Value container = ordered ? newList(max) : newDict();
  for (int i = 0; i < max; i += 2) {
    Value n = internedStr(self, atts[i]);
    Value v = n.isNull() ? Value() : xmlStr(atts[i + 1]);
    bool stored =
        !v.isNull() && (ordered ? listAppend(container, n) && listAppend(container, v) : dictSet(container, n, v) == 0);
    if (!stored) {
      flagError(self);
      return;
    }
  }
  Value element = internedStr(self, name);
  if (element.isNull()) return;
  Value args[2] = {element, container};
  callHandler(self, kStartElement, args, 2);
}

void onEndElement(void* user_data, const XML_Char* name) {
  dispatch(user_data, kEndElement, [&](Args& a) { a.name(name); });
}

void onProcessingInstruction(void* user_data, const XML_Char* target, const XML_Char* data) {
  dispatch(user_data, kProcessingInstruction, [&](Args& a) { a.name(target).str(data); });
}

void onStartNamespaceDecl(void* user_data, const XML_Char* prefix, const XML_Char* uri) {
  dispatch(user_data, kStartNamespaceDecl, [&](Args& a) { a.name(prefix).name(uri); });
}

void onEndNamespaceDecl(void* user_data, const XML_Char* prefix) {
  dispatch(user_data, kEndNamespaceDecl, [&](Args& a) { a.name(prefix); });
}

void onComment(void* user_data, const XML_Char* data) {
  dispatch(user_data, kComment, [&](Args& a) { a.str(data); });
}

void onStartCdataSection(void* user_data) {
  dispatch(user_data, kStartCdataSection, [](Args&) {});
}

void onEndCdataSection(void* user_data) {
  dispatch(user_data, kEndCdataSection, [](Args&) {});
}

void onDefault(void* user_data, const XML_Char* s, int len) {
  dispatch(user_data, kDefault, [&](Args& a) { a.text(s, len); });
}

void onDefaultExpand(void* user_data, const XML_Char* s, int len) {
  dispatch(user_data, kDefaultExpand, [&](Args& a) { a.text(s, len); });
}

// ===========================================================================
// The document type

void onUnparsedEntityDecl(void* user_data, const XML_Char* entity_name, const XML_Char* base, const XML_Char* system_id,
                          const XML_Char* public_id, const XML_Char* notation_name) {
  dispatch(user_data, kUnparsedEntityDecl,
           [&](Args& a) { a.name(entity_name).name(base).name(system_id).name(public_id).name(notation_name); });
}

void onNotationDecl(void* user_data, const XML_Char* notation_name, const XML_Char* base, const XML_Char* system_id,
                    const XML_Char* public_id) {
  dispatch(user_data, kNotationDecl,
           [&](Args& a) { a.name(notation_name).name(base).name(system_id).name(public_id); });
}

int onNotStandalone(void* user_data) {
  return intResult(dispatch(user_data, kNotStandalone, [](Args&) {}));
}

int onExternalEntityRef(XML_Parser parser, const XML_Char* context, const XML_Char* base, const XML_Char* system_id,
                        const XML_Char* public_id) {
  return intResult(dispatch(XML_GetUserData(parser), kExternalEntityRef,
                            [&](Args& a) { a.str(context).name(base).name(system_id).name(public_id); }));
}

void onStartDoctypeDecl(void* user_data, const XML_Char* doctype_name, const XML_Char* sysid, const XML_Char* pubid,
                        int has_internal_subset) {
  dispatch(user_data, kStartDoctypeDecl,
           [&](Args& a) { a.name(doctype_name).name(sysid).name(pubid).integer(has_internal_subset); });
}

void onEndDoctypeDecl(void* user_data) {
  dispatch(user_data, kEndDoctypeDecl, [](Args&) {});
}

void onEntityDecl(void* user_data, const XML_Char* entity_name, int is_parameter_entity, const XML_Char* value,
                  int value_length, const XML_Char* base, const XML_Char* system_id, const XML_Char* public_id,
                  const XML_Char* notation_name) {
  dispatch(user_data, kEntityDecl, [&](Args& a) {
    a.name(entity_name).integer(is_parameter_entity).text(value, value_length);
    a.name(base).name(system_id).name(public_id).name(notation_name);
  });
}

void onXmlDecl(void* user_data, const XML_Char* version, const XML_Char* encoding, int standalone) {
  dispatch(user_data, kXmlDecl, [&](Args& a) { a.str(version).str(encoding).integer(standalone); });
}

// A content model as CPython gives it: (type, quantifier, name or None,
// (children...)).
Value contentModel(const XML_Content* model) {
  if (!enterRecursiveCall(" in conv_content_model")) return Value();
  Value result;
  Value children = newTuple(model->numchildren);
  bool ok = true;
  for (unsigned i = 0; ok && i < model->numchildren; ++i) {
    Value child = contentModel(&model->children[i]);
    ok = !child.isNull();
    if (ok) tupleInit(children, i, child);
  }
  if (ok) {
    Value type = newInt(model->type);
    Value quant = newInt(model->quant);
    Value name = xmlStr(model->name);
    if (!name.isNull()) result = newTupleOf({type, quant, name, children});
  }
  leaveRecursiveCall();
  return result;
}

void onElementDecl(void* user_data, const XML_Char* name, XML_Content* model) {
  Value self = objectOf(user_data);
  if (!self.isNull() && haveHandler(self, kElementDecl) && !errorPending() && flushCharacterBuffer(self) == 0) {
    Value args[2];
    args[1] = contentModel(model);
    if (!args[1].isNull()) args[0] = internedStr(self, name);
    if (args[0].isNull()) {
      flagError(self);
    } else {
      callHandler(self, kElementDecl, args, 2);
    }
  }
  XML_FreeContentModel(static_cast<ParserState*>(user_data)->parser, model);
}

void onAttlistDecl(void* user_data, const XML_Char* elname, const XML_Char* attname, const XML_Char* att_type,
                   const XML_Char* dflt, int isrequired) {
  dispatch(user_data, kAttlistDecl,
           [&](Args& a) { a.name(elname).name(attname).str(att_type).str(dflt).integer(isrequired); });
}

void onSkippedEntity(void* user_data, const XML_Char* entity_name, int is_parameter_entity) {
  dispatch(user_data, kSkippedEntity, [&](Args& a) { a.name(entity_name).integer(is_parameter_entity); });
}

}  // namespace

// ===========================================================================
// Shared with the parser type

void installHandler(XML_Parser p, Handler h, bool on) {
  switch (h) {
    case kStartElement:
      XML_SetStartElementHandler(p, on ? onStartElement : nullptr);
      return;
    case kEndElement:
      XML_SetEndElementHandler(p, on ? onEndElement : nullptr);
      return;
    case kProcessingInstruction:
      XML_SetProcessingInstructionHandler(p, on ? onProcessingInstruction : nullptr);
      return;
    case kCharacterData:
      XML_SetCharacterDataHandler(p, on ? onCharacterData : nullptr);
      return;
    case kUnparsedEntityDecl:
      XML_SetUnparsedEntityDeclHandler(p, on ? onUnparsedEntityDecl : nullptr);
      return;
    case kNotationDecl:
      XML_SetNotationDeclHandler(p, on ? onNotationDecl : nullptr);
      return;
    case kStartNamespaceDecl:
      XML_SetStartNamespaceDeclHandler(p, on ? onStartNamespaceDecl : nullptr);
      return;
    case kEndNamespaceDecl:
      XML_SetEndNamespaceDeclHandler(p, on ? onEndNamespaceDecl : nullptr);
      return;
    case kComment:
      XML_SetCommentHandler(p, on ? onComment : nullptr);
      return;
    case kStartCdataSection:
      XML_SetStartCdataSectionHandler(p, on ? onStartCdataSection : nullptr);
      return;
    case kEndCdataSection:
      XML_SetEndCdataSectionHandler(p, on ? onEndCdataSection : nullptr);
      return;
    case kDefault:
      XML_SetDefaultHandler(p, on ? onDefault : nullptr);
      return;
    case kDefaultExpand:
      XML_SetDefaultHandlerExpand(p, on ? onDefaultExpand : nullptr);
      return;
    case kNotStandalone:
      XML_SetNotStandaloneHandler(p, on ? onNotStandalone : nullptr);
      return;
    case kExternalEntityRef:
      XML_SetExternalEntityRefHandler(p, on ? onExternalEntityRef : nullptr);
      return;
    case kStartDoctypeDecl:
      XML_SetStartDoctypeDeclHandler(p, on ? onStartDoctypeDecl : nullptr);
      return;
    case kEndDoctypeDecl:
      XML_SetEndDoctypeDeclHandler(p, on ? onEndDoctypeDecl : nullptr);
      return;
    case kEntityDecl:
      XML_SetEntityDeclHandler(p, on ? onEntityDecl : nullptr);
      return;
    case kXmlDecl:
      XML_SetXmlDeclHandler(p, on ? onXmlDecl : nullptr);
      return;
    case kElementDecl:
      XML_SetElementDeclHandler(p, on ? onElementDecl : nullptr);
      return;
    case kAttlistDecl:
      XML_SetAttlistDeclHandler(p, on ? onAttlistDecl : nullptr);
      return;
    case kSkippedEntity:
      XML_SetSkippedEntityHandler(p, on ? onSkippedEntity : nullptr);
      return;
    case kHandlerCount:
      return;
  }
}

void installNoopCharacterHandler(XML_Parser parser) { XML_SetCharacterDataHandler(parser, ignoreCharacterData); }

int flushCharacterBuffer(Value self) {
  ParserState* state = stateOf(self);
  if (!state->buffering || state->buffer.empty()) return 0;
  // Copied out: the handler may buffer more (or resize the buffer) meanwhile.
  std::string data;
  data.swap(state->buffer);
  return callCharacterHandler(self, data.data(), static_cast<int64_t>(data.size()));
}

Value xmlStr(const char* s) {
  if (s == nullptr) return None();
  return xmlStrLen(s, static_cast<int64_t>(std::strlen(s)));
}

Value xmlStrLen(const char* s, int64_t len) {
  if (s == nullptr) return None();
  std::string_view text(s, static_cast<size_t>(len));
  if (isUtf8(text)) return newStr(text);
  // Not expected from expat: let the codec raise CPython's UnicodeDecodeError.
  return codecRegistryDecode(text, internAscii("utf-8"), Value());
}

bool strictUtf8(Value s, std::string* out) {
  *out = strToUtf8(s);
  if (isUtf8(*out)) return true;
  // Lone surrogates: the codec raises CPython's UnicodeEncodeError.
  Value encoded = codecRegistryEncode(s, internAscii("utf-8"), Value());
  if (encoded.isNull()) return false;
  return bytesLikeCopy(encoded, out);
}

int unknownEncodingHandler(void*, const XML_Char* name, XML_Encoding* info) {
  if (errorPending()) return XML_STATUS_ERROR;
  char bytes[256];
  for (int i = 0; i < 256; ++i) bytes[i] = static_cast<char>(i);
  Value encoding = xmlStr(name);
  if (encoding.isNull()) return XML_STATUS_ERROR;
  Value u = codecRegistryDecode(std::string_view(bytes, 256), encoding, internAscii("replace"));
  if (u.isNull()) return XML_STATUS_ERROR;
  if (asStr(u)->length != 256) {
    raise(exc::ValueError, "multi-byte encodings are not supported");
    return XML_STATUS_ERROR;
  }
  for (int i = 0; i < 256; ++i) {
    char32_t ch = asStr(u)->at(i);
    info->map[i] = ch == 0xfffd ? -1 : static_cast<int>(ch);
  }
  info->data = nullptr;
  info->convert = nullptr;
  info->release = nullptr;
  return XML_STATUS_OK;
}

}  // namespace tern::pyexpat
