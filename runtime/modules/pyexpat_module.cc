// The pyexpat module (what xml.parsers.expat re-exports): ParserCreate,
// ErrorString, ExpatError (also `error`), XMLParserType, the expat version
// (EXPAT_VERSION, version_info, features), native_encoding, the
// XML_PARAM_ENTITY_PARSING_* constants, and the submodules pyexpat.errors
// (error names, messages and codes) and pyexpat.model (content model
// constants), which are in sys.modules too, as CPython puts them there.
//
// CPython's expat_CAPI capsule (the C API its _elementtree uses) is not
// made: Tern has no _elementtree, and ElementTree runs its Python classes.
#include <cstring>
#include <string>

#include "runtime/gc/roots.h"
#include "runtime/interp/errors.h"
#include "runtime/modules/module.h"
#include "runtime/modules/pyexpat.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/int.h"
#include "runtime/objects/list.h"
#include "runtime/objects/native.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"
#include "runtime/objects/type.h"

namespace tern::pyexpat {

namespace {

gc::GlobalRoot g_expat_error;  // pyexpat.ExpatError

// The names of expat's error codes 1..N (pyexpat.errors), in code order.
const char* const kErrorNames[] = {
    "XML_ERROR_NO_MEMORY",
    "XML_ERROR_SYNTAX",
    "XML_ERROR_NO_ELEMENTS",
    "XML_ERROR_INVALID_TOKEN",
    "XML_ERROR_UNCLOSED_TOKEN",
    "XML_ERROR_PARTIAL_CHAR",
    "XML_ERROR_TAG_MISMATCH",
    "XML_ERROR_DUPLICATE_ATTRIBUTE",
    "XML_ERROR_JUNK_AFTER_DOC_ELEMENT",
    "XML_ERROR_PARAM_ENTITY_REF",
    "XML_ERROR_UNDEFINED_ENTITY",
    "XML_ERROR_RECURSIVE_ENTITY_REF",
    "XML_ERROR_ASYNC_ENTITY",
    "XML_ERROR_BAD_CHAR_REF",
    "XML_ERROR_BINARY_ENTITY_REF",
    "XML_ERROR_ATTRIBUTE_EXTERNAL_ENTITY_REF",
    "XML_ERROR_MISPLACED_XML_PI",
    "XML_ERROR_UNKNOWN_ENCODING",
    "XML_ERROR_INCORRECT_ENCODING",
    "XML_ERROR_UNCLOSED_CDATA_SECTION",
    "XML_ERROR_EXTERNAL_ENTITY_HANDLING",
    "XML_ERROR_NOT_STANDALONE",
    "XML_ERROR_UNEXPECTED_STATE",
    "XML_ERROR_ENTITY_DECLARED_IN_PE",
    "XML_ERROR_FEATURE_REQUIRES_XML_DTD",
    "XML_ERROR_CANT_CHANGE_FEATURE_ONCE_PARSING",
    "XML_ERROR_UNBOUND_PREFIX",
    "XML_ERROR_UNDECLARING_PREFIX",
    "XML_ERROR_INCOMPLETE_PE",
    "XML_ERROR_XML_DECL",
    "XML_ERROR_TEXT_DECL",
    "XML_ERROR_PUBLICID",
    "XML_ERROR_SUSPENDED",
    "XML_ERROR_NOT_SUSPENDED",
    "XML_ERROR_ABORTED",
    "XML_ERROR_FINISHED",
    "XML_ERROR_SUSPEND_PE",
    "XML_ERROR_RESERVED_PREFIX_XML",
    "XML_ERROR_RESERVED_PREFIX_XMLNS",
    "XML_ERROR_RESERVED_NAMESPACE_URI",
    "XML_ERROR_INVALID_ARGUMENT",
    "XML_ERROR_NO_BUFFER",
    "XML_ERROR_AMPLIFICATION_LIMIT_BREACH",
};

// An encoding or namespace_separator argument (str or None) as UTF-8
// without NUL; *given false for None.
bool optionalStrArg(Value v, const char* param, std::string* out, bool* given) {
  *given = !isNone(v);
  if (!*given) return true;
  if (!isStr(v)) {
    raisef(exc::TypeError, "ParserCreate() argument '%s' must be str or None, not %s", param, typeNameOf(v).c_str());
    return false;
  }
  if (!strictUtf8(v, out)) return false;
  if (out->find('\0') != std::string::npos) {
    raise(exc::ValueError, "embedded null character");
    return false;
  }
  return true;
}

// ParserCreate(encoding=None, namespace_separator=None, intern=<unrepresentable>)
Value pyexpat_ParserCreate(Value* args) {
  std::string encoding, separator;
  bool has_encoding, has_separator;
  if (!optionalStrArg(args[1], "encoding", &encoding, &has_encoding) ||
      !optionalStrArg(args[2], "namespace_separator", &separator, &has_separator)) {
    return Value();
  }
  // CPython counts the separator's UTF-8 bytes.
  if (has_separator && separator.size() > 1) {
    return raise(exc::ValueError, "namespace_separator must be at most one character, omitted, or None");
  }
  // intern: omitted, a new dict; None, no interning.
  Value intern = args[3];
  if (intern.isNull()) {
    intern = newDict();
  } else if (isNone(intern)) {
    intern = Value();
  } else if (!isDict(intern)) {
    return raise(exc::TypeError, "intern must be a dictionary");
  }
  return newParser(has_encoding ? encoding.c_str() : nullptr, has_separator ? separator.c_str() : nullptr, intern);
}

// ErrorString(code, /)
Value pyexpat_ErrorString(Value* args) {
  int64_t code;
  if (!argIndex(args[1], &code)) return Value();
  return xmlStr(XML_ErrorString(static_cast<XML_Error>(static_cast<int>(code))));
}

bool setItem(Value d, const char* name, Value v) { return !v.isNull() && dictSet(d, internStr(name), v) == 0; }

// A new module `fullname` put in sys.modules and in `parent` as `attr`.
Value addSubmodule(Value parent, const char* fullname, const char* attr, const char* doc) {
  Value name = newStr(fullname);
  if (name.isNull()) return Value();
  Value docstring = newStr(doc);
  if (docstring.isNull()) return Value();
  Value module = newModule(name, docstring);
  if (module.isNull() || dictSet(modulesDict(), name, module) < 0) return Value();
  if (!setItem(moduleDict(parent), attr, module)) return Value();
  return module;
}

bool addErrorsModule(Value module) {
  Value errors = addSubmodule(module, "pyexpat.errors", "errors", "Constants used to describe error conditions.");
  if (errors.isNull()) return false;
  Value codes = newDict();
  Value messages = newDict();
  Value d = moduleDict(errors);
  int code = 1;
  for (const char* name : kErrorNames) {
    Value message = xmlStr(XML_ErrorString(static_cast<XML_Error>(code)));
    Value number = newInt(code);
    if (message.isNull() || !setItem(d, name, message) || dictSet(codes, message, number) < 0 ||
        dictSet(messages, number, message) < 0) {
      return false;
    }
    ++code;
  }
  return setItem(d, "codes", codes) && setItem(d, "messages", messages);
}

bool addModelModule(Value module) {
  Value model =
      addSubmodule(module, "pyexpat.model", "model", "Constants used to interpret content model information.");
  if (model.isNull()) return false;
  static const struct {
    const char* name;
    int value;
  } kConstants[] = {
      {"XML_CTYPE_EMPTY", XML_CTYPE_EMPTY},   {"XML_CTYPE_ANY", XML_CTYPE_ANY},
      {"XML_CTYPE_MIXED", XML_CTYPE_MIXED},   {"XML_CTYPE_NAME", XML_CTYPE_NAME},
      {"XML_CTYPE_CHOICE", XML_CTYPE_CHOICE}, {"XML_CTYPE_SEQ", XML_CTYPE_SEQ},
      {"XML_CQUANT_NONE", XML_CQUANT_NONE},   {"XML_CQUANT_OPT", XML_CQUANT_OPT},
      {"XML_CQUANT_REP", XML_CQUANT_REP},     {"XML_CQUANT_PLUS", XML_CQUANT_PLUS},
  };
  for (const auto& c : kConstants) {
    if (!setItem(moduleDict(model), c.name, newInt(c.value))) return false;
  }
  return true;
}

// features: [(name, value)] of XML_GetFeatureList.
Value featureList() {
  Value list = newList();
  for (const XML_Feature* f = XML_GetFeatureList(); f->feature != XML_FEATURE_END; ++f) {
    Value name = newStr(f->name);
    Value value = newInt(f->value);
    Value item = name.isNull() ? Value() : newTupleOf({name, value});
    if (item.isNull() || !listAppend(list, item)) return Value();
  }
  return list;
}

bool pyexpatInit(Value module) {
  if (g_expat_error.get().isNull()) {
    Value ns = newDict();
    if (ns.isNull() || dictSet(ns, names::__module__, internStr("xml.parsers.expat")) < 0) return false;
    Value bases = newTupleOf({typeValue(exc::Exception)});
    if (bases.isNull()) return false;
    Value error = newClass(types::type_type, internStr("ExpatError"), bases, ns, Value());
    if (error.isNull()) return false;
    g_expat_error.set(error);
  }
  Value d = moduleDict(module);
  XML_Expat_Version version = XML_ExpatVersionInfo();
  if (!setItem(d, "error", g_expat_error.get()) || !setItem(d, "ExpatError", g_expat_error.get()) ||
      !setItem(d, "XMLParserType", typeValue(g_xmlparser_type)) ||
      !setItem(d, "EXPAT_VERSION", newStr(XML_ExpatVersion())) ||
      !setItem(d, "version_info", newTupleOf({newInt(version.major), newInt(version.minor), newInt(version.micro)})) ||
      !setItem(d, "native_encoding", newStr("UTF-8"))) {
    return false;
  }
  if (!addErrorsModule(module) || !addModelModule(module) || !setItem(d, "features", featureList())) return false;
  return setItem(d, "XML_PARAM_ENTITY_PARSING_NEVER", newInt(XML_PARAM_ENTITY_PARSING_NEVER)) &&
         setItem(d, "XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE", newInt(XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE)) &&
         setItem(d, "XML_PARAM_ENTITY_PARSING_ALWAYS", newInt(XML_PARAM_ENTITY_PARSING_ALWAYS));
}

const MethodDef kFunctions[] = {
    {.name = "ParserCreate",
     .signature = "($module, /, encoding=None, namespace_separator=None, intern=<unrepresentable>)",
     .fn = pyexpat_ParserCreate,
     .doc = "Return a new XML parser object."},
    {.name = "ErrorString",
     .signature = "($module, code, /)",
     .fn = pyexpat_ErrorString,
     .doc = "Returns string error for given number."},
};

const NativeModuleDef kPyexpatModule = {
    .name = "pyexpat",
    .methods = kFunctions,
    .init = pyexpatInit,
    .doc = "Python wrapper for Expat parser.",
};
TERN_REGISTER_MODULE(kPyexpatModule);

}  // namespace

Type* expatErrorType() { return static_cast<Type*>(g_expat_error.get().asObject()); }

Value raiseExpatError(XML_Parser parser, XML_Error code) {
  const char* text = XML_ErrorString(code);
  std::string message = text == nullptr ? "(null)" : text;
  message += ": line " + std::to_string(XML_GetCurrentLineNumber(parser)) + ", column " +
             std::to_string(XML_GetCurrentColumnNumber(parser));
  Value line = newIntUnsigned(XML_GetCurrentLineNumber(parser));
  Value column = newIntUnsigned(XML_GetCurrentColumnNumber(parser));
  Value arg = newStr(message);
  if (arg.isNull()) return Value();
  Value error = call1(g_expat_error.get(), arg);
  if (error.isNull()) return Value();
  if (setAttr(error, internAscii("code"), newInt(code)) < 0 || setAttr(error, internAscii("lineno"), line) < 0 ||
      setAttr(error, internAscii("offset"), column) < 0) {
    return Value();
  }
  return raiseException(error);
}

}  // namespace tern::pyexpat
