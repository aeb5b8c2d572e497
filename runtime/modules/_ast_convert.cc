// The converters between the compiler's C++ AST and `ast` objects (their
// per-node code is generated into _ast_nodes.cc), and compile()'s AST half:
// source text to `ast` objects under PyCF_ONLY_AST, `ast` objects to a code
// object (convert, validate, then the compiler's own symbol table and code
// generator, as for source text).
#include <cmath>
#include <string>

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"  // code_unit.h's designated initialisers
#include "runtime/compiler/codegen.h"
#pragma GCC diagnostic pop
#include "runtime/compiler/parser.h"
#include "runtime/compiler/symtable.h"
#include "runtime/interp/code.h"
#include "runtime/interp/config.h"
#include "runtime/interp/errors.h"
#include "runtime/interp/frame.h"
#include "runtime/interp/runtime.h"
#include "runtime/modules/_ast.h"
#include "runtime/modules/_ast_internal.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/bytes.h"
#include "runtime/objects/complex.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/float.h"
#include "runtime/objects/int.h"
#include "runtime/objects/list.h"
#include "runtime/objects/set.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"
#include "runtime/objects/type.h"

namespace tern::pyast {

// ===========================================================================
// C++ tree -> objects

Value ToPy::make(Cls c) {
  Type* t = classType(c);
  Value obj(newObject(t, t->basic_size));
  Value d = newDict();
  if (d.isNull()) return d;
  instanceDictSlot(obj, t->dict_offset)->set(d);
  return obj;
}

bool ToPy::set(Value obj, Name name, Value value) {
  if (value.isNull()) return false;
  return dictSet(instanceDict(obj), nameStr(name), value) == 0;
}

bool ToPy::setPositions(Value obj, const ast::LocatedNode* n) {
  return set(obj, Name::lineno, newInt(n->lineno)) && set(obj, Name::col_offset, newInt(n->col_offset)) &&
         set(obj, Name::end_lineno, newInt(n->end_lineno)) && set(obj, Name::end_col_offset, newInt(n->end_col_offset));
}

// CPython's parser interns identifiers; tern's intern table is immortal, so
// parsing arbitrary text does not feed it (the strs are equal, not identical).
Value ToPy::identifier(std::string_view text) { return text.data() == nullptr ? None() : newStr(text); }

Value ToPy::string(std::string_view text) { return text.data() == nullptr ? None() : newStr(text); }

Value ToPy::integer(int value) { return value == ast::kNoInt ? None() : newInt(value); }

Value ToPy::constant(const ast::ConstantValue& value) {
  using T = ast::ConstantValue::Type;
  switch (value.type) {
    case T::None:
      return None();
    case T::True:
      return True();
    case T::False:
      return False();
    case T::Ellipsis:
      return Value(singletons::Ellipsis);
    case T::Int:
      return intFromString(value.text, 10);
    case T::Float:
      return newFloat(value.number);
    case T::Complex:
      return newComplex(0.0, value.number);
    case T::Str:
      return newStr(value.text);
    case T::Bytes:
      return newBytes(value.text);
  }
  return None();
}

// ===========================================================================
// Objects -> C++ tree: the helpers of the generated code

Value FromPy::field(Value obj, Name name, const char* owner) {
  Value v = lookupAttr(obj, nameStr(name));
  if (v.isNull() && !errorPending()) {
    raisef(exc::TypeError, "required field \"%s\" missing from %s", kNames[static_cast<int>(name)], owner);
  }
  return v;
}

Value FromPy::optionalField(Value obj, Name name, const char*) {
  Value v = lookupAttr(obj, nameStr(name));
  if (v.isNull() && !errorPending()) return None();
  return v;
}

// Missing (or None) end positions default to the start, as CPython 3.11's
// obj2ast does for the optional ones.
bool FromPy::positions(Value obj, const char* owner, bool optional_ends, Positions* out) {
  Value v = field(obj, Name::lineno, owner);
  if (v.isNull() || !integer(v, &out->lineno)) return false;
  v = field(obj, Name::col_offset, owner);
  if (v.isNull() || !integer(v, &out->col_offset)) return false;
  v = optional_ends ? optionalField(obj, Name::end_lineno, owner) : field(obj, Name::end_lineno, owner);
  if (v.isNull()) return false;
  if (optional_ends && isNone(v)) {
    out->end_lineno = out->lineno;
  } else if (!integer(v, &out->end_lineno)) {
    return false;
  }
  v = optional_ends ? optionalField(obj, Name::end_col_offset, owner) : field(obj, Name::end_col_offset, owner);
  if (v.isNull()) return false;
  if (optional_ends && isNone(v)) {
    out->end_col_offset = out->col_offset;
    return true;
  }
  return integer(v, &out->end_col_offset);
}

bool FromPy::identifier(Value v, std::string_view* out) {
  if (isNone(v)) {
    *out = {};
    return true;
  }
  if (!isExactStr(v)) {
    raise(exc::TypeError, "AST identifier must be of type str");
    return false;
  }
  *out = arena_.copy(strToUtf8(v));
  return true;
}

bool FromPy::string(Value v, std::string_view* out) {
  if (isExactStr(v)) {
    *out = arena_.copy(strToUtf8(v));
    return true;
  }
  if (isExactBytes(v)) {
    *out = arena_.copy(asBytes(v)->view());
    return true;
  }
  raise(exc::TypeError, "AST string must be of type str");
  return false;
}

bool FromPy::integer(Value v, int* out) {
  if (!isInt(v)) {
    Value r = repr(v);
    if (r.isNull()) return false;
    raisef(exc::ValueError, "invalid integer value: %s", strToUtf8(r).c_str());
    return false;
  }
  int64_t n = 0;
  if (!intToInt64(v, &n) || n < INT32_MIN || n > INT32_MAX) {
    clearError();
    raise(exc::OverflowError, "Python int too large to convert to C int");
    return false;
  }
  *out = static_cast<int>(n);
  return true;
}

namespace {

// The values ConstantValue holds.  False (no exception) for anything else.
bool scalarConstant(Value v, ast::Arena& arena, ast::ConstantValue* out) {
  using T = ast::ConstantValue::Type;
  if (isNone(v)) {
    out->type = T::None;
  } else if (v.asObject() == singletons::Ellipsis) {
    out->type = T::Ellipsis;
  } else if (isBool(v)) {
    out->type = v.asObject() == singletons::True ? T::True : T::False;
  } else if (isExactInt(v)) {
    out->type = T::Int;
    out->text = arena.copy(intToDecimal(v));
  } else if (v.isSmallInt()) {
    return false;
  } else if (typeOf(v) == types::float_type) {
    out->type = T::Float;
    out->number = floatValue(v);
  } else if (typeOf(v) == types::complex_type && asComplex(v)->real == 0.0 && !std::signbit(asComplex(v)->real)) {
    out->type = T::Complex;
    out->number = asComplex(v)->imag;
  } else if (isExactStr(v)) {
    out->type = T::Str;
    out->text = arena.copy(strToUtf8(v));
  } else if (isExactBytes(v)) {
    out->type = T::Bytes;
    out->text = arena.copy(asBytes(v)->view());
  } else {
    return false;
  }
  return true;
}

}  // namespace

Type* FromPy::invalidConstantType(Value v) {
  if (isNone(v) || v.asObject() == singletons::Ellipsis || isBool(v) || isExactInt(v)) return nullptr;
  Type* t = typeOf(v);
  if (t == types::float_type || t == types::complex_type || t == types::str_type || t == types::bytes_type)
    return nullptr;
  if (t != types::tuple_type && t != types::frozenset_type) return t;
  Value it = getIter(v);
  if (it.isNull()) {
    clearError();
    return t;
  }
  while (true) {
    Value item = iterNext(it);
    if (item.isNull()) {
      clearError();
      return nullptr;
    }
    if (Type* bad = invalidConstantType(item)) return bad;
  }
}

bool FromPy::constant(Value v, ast::Node* owner, ast::ConstantValue* out) {
  *out = ast::ConstantValue{};
  using T = ast::ConstantValue::Type;
  if (scalarConstant(v, arena_, out)) {
    if (owner->kind == ast::Kind::MatchSingleton && out->type != T::None && out->type != T::True &&
        out->type != T::False)
      invalid_[owner] = typeNameOf(v);
    return true;
  }
  *out = ast::ConstantValue{};
  Type* bad = invalidConstantType(v);
  if (owner->kind != ast::Kind::Constant || bad != nullptr) {
    invalid_[owner] = typeName(bad != nullptr ? bad : typeOf(v));
    return true;
  }
  Replacement r;
  if (!constantExpr(v, &r.nodes, &r.root)) return false;
  replaced_[owner] = std::move(r);
  return true;
}

bool FromPy::constantExpr(Value v, std::vector<ast::LocatedNode*>* made, ast::expr** out) {
  ast::ConstantValue scalar;
  if (scalarConstant(v, arena_, &scalar)) {
    auto* c = arena_.make<ast::Constant>();
    c->value = scalar;
    made->push_back(c);
    *out = c;
    return true;
  }
  if (typeOf(v) == types::complex_type) {  // real + imag j
    auto* real = arena_.make<ast::Constant>();
    real->value.type = ast::ConstantValue::Type::Float;
    real->value.number = asComplex(v)->real;
    auto* imag = arena_.make<ast::Constant>();
    imag->value.type = ast::ConstantValue::Type::Complex;
    imag->value.number = asComplex(v)->imag;
    auto* sum = arena_.make<ast::BinOp>();
    sum->left = real;
    sum->op = ast::operator_::Add;
    sum->right = imag;
    made->insert(made->end(), {real, imag, sum});
    *out = sum;
    return true;
  }
  if (typeOf(v) == types::tuple_type) {
    std::vector<ast::expr*> items;
    for (int64_t i = 0; i < tupleLength(v); ++i) {
      ast::expr* item = nullptr;
      if (!constantExpr(tupleItem(v, i), made, &item)) return false;
      items.push_back(item);
    }
    auto* t = arena_.make<ast::Tuple>();
    t->elts = ast::make_seq(arena_, items);
    t->ctx = ast::expr_context::Load;
    made->push_back(t);
    *out = t;
    return true;
  }
  raisef(exc::SystemError, "tern cannot compile a Constant whose value is a %s (docs/differences.md)",
         typeNameOf(v).c_str());
  return false;
}

ast::expr* FromPy::finishConstant(ast::Constant* n) {
  auto it = replaced_.find(n);
  if (it == replaced_.end()) return n;
  for (ast::LocatedNode* made : it->second.nodes) {
    made->lineno = n->lineno;
    made->col_offset = n->col_offset;
    made->end_lineno = n->end_lineno;
    made->end_col_offset = n->end_col_offset;
  }
  return it->second.root;
}

int FromPy::isNode(Value obj, Cls c) {
  Type* t = classType(c);
  if (!obj.isSmallInt() && isInstance(obj, t)) return 1;
  return isInstanceGeneric(obj, typeValue(t));
}

bool FromPy::expected(const char* what, Value obj) {
  Value r = repr(obj);
  if (r.isNull()) return false;
  raisef(exc::TypeError, "expected some sort of %s, but got %s", what, strToUtf8(r).c_str());
  return false;
}

bool FromPy::required(const void* p, const char* field, const char* owner) {
  if (p != nullptr) return true;
  raisef(exc::ValueError, "field '%s' is required for %s", field, owner);
  return false;
}

// ===========================================================================
// compile()

namespace {

// CPython's PyCF_MASK | PyCF_MASK_OBSOLETE | PyCF_COMPILE_MASK: the
// CO_FUTURE_* bits, CO_NESTED, PyCF_ONLY_AST, PyCF_TYPE_COMMENTS,
// PyCF_ALLOW_TOP_LEVEL_AWAIT, PyCF_DONT_IMPLY_DEDENT,
// PyCF_ALLOW_INCOMPLETE_INPUT.
constexpr int64_t kKnownFlags = 0x1fe0000 | 0x10 | kOnlyAst | kTypeComments | kAllowTopLevelAwait | 0x200 | 0x4000;

enum class Mode { Exec, Eval, Single, FuncType };

Value symtableError(const compiler::SyntaxErrorInfo& info) { return raiseSyntaxError(info, {}); }

// The code object of a converted and validated tree.
Value compileTree(ast::Arena& arena, ast::mod* mod, std::string_view filename, uint32_t future_flags, int optimize) {
  auto* module = ast::as<ast::Module>(mod);
  ast::Expression* expression = ast::as<ast::Expression>(mod);
  if (module == nullptr) {
    // The symbol table is built over a Module: Interactive's body, or one
    // statement evaluating the Expression's body.
    module = arena.make<ast::Module>();
    if (auto* interactive = ast::as<ast::Interactive>(mod)) {
      module->body = interactive->body;
    } else {
      auto* stmt = arena.make<ast::Expr>();
      stmt->value = expression->body;
      stmt->lineno = expression->body->lineno;
      stmt->col_offset = expression->body->col_offset;
      stmt->end_lineno = expression->body->end_lineno;
      stmt->end_col_offset = expression->body->end_col_offset;
      module->body = ast::make_seq<ast::stmt*>(arena, {stmt});
    }
  }
  compiler::SymtableResult symbols = compiler::build_symtable(module, filename, future_flags);
  if (!symbols.ok()) return symtableError(*symbols.error);
  compiler::CodegenResult code;
  if (expression != nullptr) {
    code = compiler::compile_expression(expression, *symbols.table, filename, optimize);
  } else if (mod->kind == ast::Kind::Interactive) {
    code = compiler::compile_interactive(module, *symbols.table, filename, optimize);
  } else {
    code = compiler::compile_module(module, *symbols.table, filename, optimize);
  }
  if (!code.ok()) return raiseSyntaxError(*code.error, {});
  return newCode(*code.code);
}

// compile(ast_object, ...): CPython's PyAST_obj2mod, _PyAST_Validate, then
// the compiler.
Value compileObject(Value source, std::string_view filename, Mode mode, uint32_t future_flags, int optimize) {
  static const char* const kRequired[] = {"Module", "Expression", "Interactive", "FunctionType"};
  static const Cls kRequiredCls[] = {Cls::Module, Cls::Expression, Cls::Interactive, Cls::FunctionType};
  int m = static_cast<int>(mode);
  int r = isInstanceGeneric(source, typeValue(classType(kRequiredCls[m])));
  if (r < 0) return Value();
  if (r == 0) return raisef(exc::TypeError, "expected %s node, got %s", kRequired[m], typeBareName(typeOf(source)).c_str());
  ast::Arena arena;
  FromPy converter(arena);
  ast::mod* mod = nullptr;
  if (!converter.convert(source, &mod)) return Value();
  if (!validate(mod, converter)) return Value();
  return compileTree(arena, mod, filename, future_flags, optimize);
}

// ast.parse(): source text to `ast` objects, parsed as compile() parses
// strings (the 'eval' and 'single' grammars included).
Value parseToObjects(std::string_view source, std::string_view filename, Mode mode) {
  if (mode == Mode::FuncType) {
    return raise(exc::SyntaxError, "tern cannot parse in 'func_type' mode yet (docs/differences.md)");
  }
  compiler::ParseOptions options{.mode = mode == Mode::Eval     ? compiler::ParseMode::kEval
                                         : mode == Mode::Single ? compiler::ParseMode::kSingle
                                                                : compiler::ParseMode::kExec,
                                 .string_input = true};
  compiler::ParseResult parsed = compiler::parse(source, filename, options);
  if (!parsed.ok()) return raiseSyntaxError(*parsed.error, source);
  ast::Arena& arena = *parsed.arena;
  const ast::Node* root = parsed.module;
  if (mode == Mode::Eval) {  // the expression is in an Expr statement
    auto* expression = arena.make<ast::Expression>();
    expression->body = static_cast<ast::Expr*>(parsed.module->body[0])->value;
    root = expression;
  } else if (mode == Mode::Single) {
    auto* interactive = arena.make<ast::Interactive>();
    interactive->body = parsed.module->body;
    root = interactive;
  }
  ToPy converter;
  return converter.node(root);
}

// compile()'s first argument as text (str: UTF-8; bytes-like: as is).
bool sourceText(Value source, std::string* out) {
  if (isStr(source)) {
    *out = strToUtf8(source);
  } else if (isBytes(source)) {
    *out = std::string(asBytes(source)->view());
  } else if (!bytesLikeCopy(source, out)) {
    clearError();
    raise(exc::TypeError, "compile() arg 1 must be a string, bytes or AST object");
    return false;
  }
  if (out->find('\0') != std::string::npos) {
    raise(exc::ValueError, "source code string cannot contain null bytes");
    return false;
  }
  return true;
}

// The CO_FUTURE_* bits of the code calling compile(), which the compiled
// code inherits unless dont_inherit (PyEval_MergeCompilerFlags).
uint32_t inheritedFutureFlags() {
  interp::Frame* f = interp::currentFrame();
  return f == nullptr ? 0 : f->codeObj()->flags & compiler::kFutureFlagsMask;
}

// compile() once it knows an AST is involved: its argument checks in
// CPython's order, then the AST object compiled or returned, or the
// source parsed into one.
Value compileWithAstImpl(const Value* args, bool is_ast) {
  Value source = args[1], filename = args[2], mode = args[3];
  std::string fname;
  if (isStr(filename)) {
    fname = strToUtf8(filename);
  } else if (isBytes(filename)) {
    fname = std::string(asBytes(filename)->view());
  } else {
    return raisef(exc::TypeError, "expected str, bytes or os.PathLike object, not %s", typeNameOf(filename).c_str());
  }
  if (!isStr(mode))
    return raisef(exc::TypeError, "compile() argument 'mode' must be str, not %s", typeNameOf(mode).c_str());
  int64_t flags = 0, optimize = -1;
  if (!indexToInt64(args[4], &flags, exc::OverflowError)) return Value();
  int dont_inherit = isTrue(args[5]);
  if (dont_inherit < 0 || !indexToInt64(args[6], &optimize, exc::OverflowError)) return Value();
  if ((flags & ~kKnownFlags) != 0) return raise(exc::ValueError, "compile(): unrecognised flags");
  if (optimize < -1 || optimize > 2) return raise(exc::ValueError, "compile(): invalid optimize value");
  uint32_t future_flags = static_cast<uint32_t>(flags) & compiler::kFutureFlagsMask;
  if (!dont_inherit) future_flags |= inheritedFutureFlags();
  std::string m = strToUtf8(mode);
  bool only_ast = (flags & kOnlyAst) != 0;
  Mode mode_kind;
  if (m == "exec") {
    mode_kind = Mode::Exec;
  } else if (m == "eval") {
    mode_kind = Mode::Eval;
  } else if (m == "single") {
    mode_kind = Mode::Single;
  } else if (m == "func_type") {
    if (!only_ast) return raise(exc::ValueError, "compile() mode 'func_type' requires flag PyCF_ONLY_AST");
    mode_kind = Mode::FuncType;
  } else {
    return raise(exc::ValueError, only_ast ? "compile() mode must be 'exec', 'eval', 'single' or 'func_type'"
                                           : "compile() mode must be 'exec', 'eval' or 'single'");
  }
  if (!ready()) return Value();
  if (is_ast) {
    if (only_ast) return source;
    return compileObject(source, fname, mode_kind, future_flags, optimize < 0 ? config().optimize : static_cast<int>(optimize));
  }
  std::string text;
  if (!sourceText(source, &text)) return Value();
  return parseToObjects(text, fname, mode_kind);
}

}  // namespace

}  // namespace tern::pyast

namespace tern {

bool compileWithAst(const Value* args, Value* result) {
  Value source = args[1], mode = args[3], flags_arg = args[4];
  bool is_ast = isAstNode(source);
  int64_t flags = 0;
  if (isInt(flags_arg) && !intToInt64(flags_arg, &flags)) {
    clearError();
    flags = 0;
  }
  bool func_type = isStr(mode) && strEqualsAscii(mode, "func_type");
  if (!is_ast && (flags & pyast::kOnlyAst) == 0 && !func_type) return false;
  *result = pyast::compileWithAstImpl(args, is_ast);
  return true;
}

}  // namespace tern
