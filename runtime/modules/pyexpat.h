// pyexpat over the system's libexpat (Debian's libexpat1): what the three
// files pyexpat_module.cc (the module, ParserCreate, ErrorString, ExpatError,
// the errors and model submodules), pyexpat_parser.cc (the xmlparser type)
// and pyexpat_handlers.cc (expat's callbacks, which call the Python
// handlers) share.  Private to them.
//
// An xmlparser is two pieces:
//   - XmlParserObj, the heap object: the Python handlers and the intern dict
//     (HeapValues, traced from its layout) and a pointer to
//   - ParserState, malloc'd, never moving: the XML_Parser and the settings
//     expat's callbacks read.  expat's user data is the ParserState, never
//     the heap object, which may move.
// expat calls back only from inside XML_Parse / XML_ParseBuffer, which only
// Parse and ParseFile call; for their duration a ParsingScope on the C++
// stack roots the object and ParserState::active points at it, so a callback
// finds the object there (afresh after anything that may have allocated).
//
// Lifetime: the object's finalizer ends its ParserState once every other
// finalizer of the same collection has run (pyexpat_parser.cc, g_finalized);
// from then on `state` is null and the methods raise.  A parser made by
// ExternalEntityParserCreate keeps using its parent's XML_Parser inside
// expat, so a ParserState whose object is gone lives on while it has
// children (`children`), and the last child to end frees it.
#pragma once

#include <expat.h>

#include <cstdint>
#include <string>

#include "runtime/gc/roots.h"
#include "runtime/objects/object.h"

namespace tern::pyexpat {

// The handler attributes, in CPython's order (its handler_info table).
enum Handler : int {
  kStartElement,
  kEndElement,
  kProcessingInstruction,
  kCharacterData,
  kUnparsedEntityDecl,
  kNotationDecl,
  kStartNamespaceDecl,
  kEndNamespaceDecl,
  kComment,
  kStartCdataSection,
  kEndCdataSection,
  kDefault,
  kDefaultExpand,
  kNotStandalone,
  kExternalEntityRef,
  kStartDoctypeDecl,
  kEndDoctypeDecl,
  kEntityDecl,
  kXmlDecl,
  kElementDecl,
  kAttlistDecl,
  kSkippedEntity,
  kHandlerCount
};

// The attribute names of the handlers ("StartElementHandler").
inline constexpr const char* kHandlerNames[kHandlerCount] = {
    "StartElementHandler",
    "EndElementHandler",
    "ProcessingInstructionHandler",
    "CharacterDataHandler",
    "UnparsedEntityDeclHandler",
    "NotationDeclHandler",
    "StartNamespaceDeclHandler",
    "EndNamespaceDeclHandler",
    "CommentHandler",
    "StartCdataSectionHandler",
    "EndCdataSectionHandler",
    "DefaultHandler",
    "DefaultHandlerExpand",
    "NotStandaloneHandler",
    "ExternalEntityRefHandler",
    "StartDoctypeDeclHandler",
    "EndDoctypeDeclHandler",
    "EntityDeclHandler",
    "XmlDeclHandler",
    "ElementDeclHandler",
    "AttlistDeclHandler",
    "SkippedEntityHandler",
};

// CPython's CHARACTER_DATA_BUFFER_SIZE: buffer_size's initial value.
constexpr int kDefaultBufferSize = 8192;

// Roots the parser object while expat may call back (see above).
struct ParsingScope;

struct ParserState {
  XML_Parser parser = nullptr;
  ParserState* parent = nullptr;   // the parser this one was made from, or null
  int64_t children = 0;            // live parsers made from this one
  bool object_gone = false;        // the xmlparser object was finalized
  ParsingScope* active = nullptr;  // the innermost Parse/ParseFile running, or null
  bool ordered_attributes = false;
  bool specified_attributes = false;
  bool ns_prefixes = false;
  bool in_callback = false;  // a Python handler is running (GetInputContext)
  // buffer_text: character data gathered until another event (or
  // buffer_size bytes) and reported in one call.  `buffer` holds at most
  // buffer_size bytes while `buffering`.
  bool buffering = false;
  int buffer_size = kDefaultBufferSize;
  std::string buffer;
};

struct ParsingScope {
  gc::GlobalRoot object;
  ParserState* state;
  ParsingScope* outer;  // an enclosing Parse of the same parser (a handler re-entering it)
  ParsingScope(Value self, ParserState* s) : object(self), state(s), outer(s->active) { s->active = this; }
  ~ParsingScope() { state->active = outer; }
  ParsingScope(const ParsingScope&) = delete;
  ParsingScope& operator=(const ParsingScope&) = delete;
};

struct XmlParserObj : Obj {
  gc::HeapValue handlers[kHandlerCount];  // a callable, or null for None
  gc::HeapValue intern;                   // dict, or null (intern=None)
  ParserState* state;                     // null once finalized
};

inline XmlParserObj* asParser(Value v) { return static_cast<XmlParserObj*>(v.asObject()); }
inline ParserState* stateOf(Value v) { return asParser(v)->state; }

// --- pyexpat_module.cc --------------------------------------------------------

// pyexpat.ExpatError (also pyexpat.error).
Type* expatErrorType();
// Raises ExpatError "<message>: line L, column C" with code, lineno and
// offset set, at the parser's current position; returns null.
Value raiseExpatError(XML_Parser parser, XML_Error code);

// --- pyexpat_parser.cc --------------------------------------------------------

extern Type* g_xmlparser_type;
// A new parser (ParserCreate after its checks): `encoding` and
// `namespace_separator` may be null; `intern` is a dict or null.
Value newParser(const char* encoding, const char* namespace_separator, Value intern);

// --- pyexpat_handlers.cc ------------------------------------------------------

// Points expat's callback for `h` at Tern's trampoline (`on`) or at nothing.
void installHandler(XML_Parser parser, Handler h, bool on);
// The character-data callback that calls nothing: CPython installs it in
// place of the real one when the handler goes away during a callback.
void installNoopCharacterHandler(XML_Parser parser);
// Sends the buffered character data to CharacterDataHandler: 0, or -1 with
// an exception pending (and the handlers cleared).
int flushCharacterBuffer(Value self);
// A str from expat's UTF-8 (null pointer: None); null with
// UnicodeDecodeError when it is not UTF-8.
Value xmlStr(const char* s);
Value xmlStrLen(const char* s, int64_t len);
// A str as strict UTF-8 (PyUnicode_AsUTF8AndSize): false with
// UnicodeEncodeError when it holds lone surrogates.
bool strictUtf8(Value s, std::string* out);
// PyUnknownEncodingHandler: a single-byte encoding that Python's codecs
// know, mapped byte by byte.
int unknownEncodingHandler(void* data, const XML_Char* name, XML_Encoding* info);

}  // namespace tern::pyexpat
