// The runtime as a whole (runtime.h): start-up, compiling and running source,
// and the builtins that need the interpreter (builtins.h): __build_class__,
// __import__, exec, eval, compile, globals, locals.
#include "runtime/interp/runtime.h"

#include <cstdio>
#include <string>

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"  // code_unit.h's designated initialisers
#include "runtime/compiler/codegen.h"
#pragma GCC diagnostic pop
#include "runtime/compiler/parser.h"
#include "runtime/compiler/symtable.h"
#include "runtime/interp/code.h"
#include "runtime/interp/errors.h"
#include "runtime/interp/eval.h"
#include "runtime/interp/eval_internal.h"
#include "runtime/interp/frame.h"
#include "runtime/interp/function.h"
#include "runtime/interp/thread_state.h"
#include "runtime/modules/builtins.h"
#include "runtime/modules/module.h"
#include "runtime/modules/sys.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/bytes.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/int.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"
#include "runtime/objects/type.h"

namespace tern {

namespace {

gc::GlobalRoot& sysRoot() {
  static auto* r = new gc::GlobalRoot();
  return *r;
}
gc::GlobalRoot& mainRoot() {
  static auto* r = new gc::GlobalRoot();
  return *r;
}

// Raises the SyntaxError (IndentationError, TabError) `info` describes.
Value raiseSyntaxError(const compiler::SyntaxErrorInfo& info, std::string_view source) {
  Type* type = info.kind == compiler::ErrorKind::IndentationError ? exc::IndentationError
               : info.kind == compiler::ErrorKind::TabError      ? exc::TabError
                                                                  : exc::SyntaxError;
  std::string text = info.text;
  if (text.empty() && info.lineno > 0) text = compiler::quoted_line(compiler::source_line(source, info.lineno));
  Value details = newTupleOf({newStr(info.filename), newInt(info.lineno), newInt(info.offset),
                              text.empty() ? None() : newStrReplacingInvalid(text), newInt(info.end_lineno),
                              newInt(info.end_offset)});
  if (info.lineno == 0 && info.offset == -1) {
    details = newTupleOf({newStr(info.filename), newInt(0), newInt(-1), None(), newInt(0), newInt(0)});
  }
  Value e = newException(type, newTupleOf({newStr(info.message), details}));
  if (e.isNull()) return e;
  return raiseException(e);
}

Value codeFromUnit(const compiler::CodegenResult& r, std::string_view source) {
  if (!r.ok()) return raiseSyntaxError(*r.error, source);
  return newCode(*r.code);
}

// The source text of exec/eval/compile's first argument.
bool sourceText(Value source, const char* func, std::string* out) {
  if (isStr(source)) {
    *out = strToUtf8(source);
    return true;
  }
  if (isBytes(source)) {
    *out = std::string(asBytes(source)->view());
    return true;
  }
  std::string view;
  if (bytesLikeCopy(source, &view)) {
    *out = view;
    return true;
  }
  clearError();
  raisef(exc::TypeError, "%s() arg 1 must be a string, bytes or code object", func);
  return false;
}

interp::Frame* callerFrame() { return interp::currentFrame(); }

// exec/eval's globals and locals defaults: the caller's.
bool resolveNamespaces(const char* func, Value* globals, Value* locals) {
  if (isNone(*globals)) *globals = Value();
  if (isNone(*locals)) *locals = Value();
  if (!globals->isNull() && !isDict(*globals)) {
    raisef(exc::TypeError, "%s() globals must be a dict, not %s", func, typeNameOf(*globals).c_str());
    return false;
  }
  if (!locals->isNull() && typeOf(*locals)->slots.mp_subscript == nullptr) {
    raisef(exc::TypeError, "locals must be a mapping");
    return false;
  }
  if (globals->isNull()) {
    interp::Frame* f = callerFrame();
    if (f == nullptr) {
      raisef(exc::SystemError, "%s(): no globals", func);
      return false;
    }
    *globals = f->globals;
    if (locals->isNull()) {
      *locals = interp::frameLocals(f);
      if (locals->isNull()) return false;
    }
  } else if (locals->isNull()) {
    *locals = *globals;
  }
  int has = dictContains(*globals, names::__builtins__);
  if (has < 0) return false;
  if (has == 0 && dictSet(*globals, names::__builtins__, builtinsModule()) < 0) return false;
  return true;
}

}  // namespace

// ---------------------------------------------------------------------------
// Start-up

bool initializeRuntime(int argc, char** argv, int script_index) {
  interp::attachThread();
  if (!initializeTypes()) {
    std::fprintf(stderr, "tern: cannot create the builtin types\n");
    return false;
  }
  types::function_type->dict_offset = offsetof(FunctionObj, dict);
  types::module_type->dict_offset = offsetof(ModuleObj, dict);
  initializeModules();
  if (argv != nullptr) setSysArgv(argc, argv, script_index);
  Value builtins = builtinsModule();
  Value sys = builtins.isNull() ? Value() : importModule(internStr("sys"));
  if (builtins.isNull() || sys.isNull()) {
    printException(Value());
    return false;
  }
  sysRoot().set(sys);
  Value main = newModule(names::__main__);
  Value d = moduleDict(main);
  if (dictSet(d, names::__builtins__, builtins) < 0 || dictSet(d, names::__annotations__, newDict()) < 0 ||
      dictSet(modulesDict(), names::__main__, main) < 0) {
    printException(Value());
    return false;
  }
  mainRoot().set(main);
  return true;
}

Value sysModule() { return sysRoot().get(); }
Value mainModule() { return mainRoot().get(); }

// ---------------------------------------------------------------------------
// Compiling and running

Value compileSource(std::string_view source, std::string_view filename, std::string_view mode, int) {
  compiler::ParseResult parsed = compiler::parse_module(source, filename);
  if (!parsed.ok()) return raiseSyntaxError(*parsed.error, source);
  compiler::SymtableResult symbols = compiler::build_symtable(parsed.module, filename);
  if (!symbols.ok()) return raiseSyntaxError(*symbols.error, source);
  if (mode == "eval") {
    const auto& body = parsed.module->body;
    if (body.size != 1 || body[0]->kind != ast::Kind::Expr) {
      compiler::SyntaxErrorInfo info;
      info.message = "invalid syntax";
      info.filename = std::string(filename);
      info.lineno = body.size == 0 ? 1 : body[0]->lineno;
      info.offset = body.size == 0 ? 1 : body[0]->col_offset + 1;
      return raiseSyntaxError(info, source);
    }
    ast::Expression expr;
    expr.body = static_cast<ast::Expr*>(body[0])->value;
    return codeFromUnit(compiler::compile_expression(&expr, *symbols.table, filename, 0), source);
  }
  if (mode == "single") {
    return codeFromUnit(compiler::compile_interactive(parsed.module, *symbols.table, filename, 0), source);
  }
  return codeFromUnit(compiler::compile_module(parsed.module, *symbols.table, filename, 0), source);
}

Value runSource(std::string_view source, std::string_view filename, Value globals, Value locals) {
  Value code = compileSource(source, filename, "exec");
  if (code.isNull()) return code;
  return evalCode(code, globals, locals);
}

int systemExitStatus(Value e) {
  Value code = static_cast<SystemExitObj*>(e.asObject())->code.get();
  if (code.isNull() || isNone(code)) return 0;
  if (isInt(code)) {
    int64_t n = 0;
    if (!intToInt64(code, &n)) {
      clearError();
      return -1;
    }
    return static_cast<int>(n);
  }
  flushStdStreams();
  Value s = str(code);
  if (s.isNull()) {
    clearError();
    return 1;
  }
  std::string text = strToUtf8(s) + "\n";
  std::fwrite(text.data(), 1, text.size(), stderr);
  std::fflush(stderr);
  return 1;
}

// ---------------------------------------------------------------------------
// The builtins that need the interpreter (builtins.h)

Value builtin___build_class__(Value* args) {
  Value func = args[1], name = args[2], orig_bases = args[3], kwds = args[4];
  if (!isFunction(func)) return raise(exc::TypeError, "__build_class__: func must be a function");
  if (!isStr(name)) return raise(exc::TypeError, "__build_class__: name is not a string");
  // PEP 560: __mro_entries__.
  Value bases = orig_bases;
  bool changed = false;
  {
    for (int64_t i = 0; i < tupleLength(orig_bases); ++i) {
      Value base = tupleItem(orig_bases, i);
      if (isInstance(base, types::type_type)) continue;
      Value meth = lookupAttr(base, names::__mro_entries__);
      if (meth.isNull()) {
        if (errorPending()) return Value();
        continue;
      }
      changed = true;
      break;
    }
    if (changed) {
      Value out = call1(typeValue(types::list_type), newTuple(0));
      if (out.isNull()) return out;
      for (int64_t i = 0; i < tupleLength(orig_bases); ++i) {
        Value base = tupleItem(orig_bases, i);
        Value meth = isInstance(base, types::type_type) ? Value() : lookupAttr(base, names::__mro_entries__);
        if (meth.isNull()) {
          if (errorPending()) return Value();
          if (callMethod(out, internStr("append"), &base, 1).isNull()) return Value();
          continue;
        }
        Value entries = call1(meth, orig_bases);
        if (entries.isNull()) return entries;
        if (!isTuple(entries)) return raise(exc::TypeError, "__mro_entries__ must return a tuple");
        if (callMethod(out, internStr("extend"), &entries, 1).isNull()) return Value();
      }
      bases = tupleFromIterable(out);
      if (bases.isNull()) return bases;
    }
  }
  Value meta;
  Value kw;
  if (dictSize(kwds) > 0) {
    kw = dictCopy(kwds);
    Value metaclass_name = internStr("metaclass");
    meta = dictGet(kw, metaclass_name);
    if (!meta.isNull()) {
      if (dictDel(kw, metaclass_name) < 0) return Value();
    } else if (errorPending()) {
      return Value();
    }
  }
  bool isclass;
  if (meta.isNull()) {
    meta = tupleLength(bases) == 0 ? typeValue(types::type_type) : typeValue(typeOf(tupleItem(bases, 0)));
    isclass = true;
  } else {
    isclass = isInstance(meta, types::type_type);
  }
  if (isclass) {
    Type* winner = static_cast<Type*>(meta.asObject());
    for (int64_t i = 0; i < tupleLength(bases); ++i) {
      Type* t = typeOf(tupleItem(bases, i));
      if (isSubtype(winner, t)) continue;
      if (isSubtype(t, winner)) {
        winner = t;
        continue;
      }
      return raise(exc::TypeError,
                   "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the "
                   "metaclasses of all its bases");
    }
    meta = typeValue(winner);
  }
  Value ns;
  Value prep = lookupAttr(meta, names::__prepare__);
  if (prep.isNull()) {
    if (errorPending()) return Value();
    ns = newDict();
  } else {
    Value pargs = newTupleOf({name, bases});
    ns = callTupleDict(prep, pargs, kw.isNull() || dictSize(kw) == 0 ? Value() : kw);
    if (ns.isNull()) return ns;
  }
  if (typeOf(ns)->slots.mp_subscript == nullptr) {
    return raisef(exc::TypeError, "%s.__prepare__() must return a mapping, not %s",
                  isclass ? typeName(static_cast<Type*>(meta.asObject())).c_str() : "<metaclass>",
                  typeNameOf(ns).c_str());
  }
  Value cell = runClassBody(func, ns);
  if (cell.isNull()) return cell;
  if (changed) {
    if (setItem(ns, names::__orig_bases__, orig_bases) < 0) return Value();
  }
  Value margs = newTupleOf({name, bases, ns});
  Value cls = callTupleDict(meta, margs, kw.isNull() || dictSize(kw) == 0 ? Value() : kw);
  if (cls.isNull()) return cls;
  if (isInstance(cls, types::type_type) && isCell(cell)) {
    Value cell_cls = asCell(cell)->contents.get();
    if (cell_cls != cls) {
      if (cell_cls.isNull()) {
        Value nr = repr(name), cr = repr(cls);
        return raisef(exc::RuntimeError,
                      "__class__ not set defining %s as %s. Was __classcell__ propagated to type.__new__?",
                      nr.isNull() ? "?" : strToUtf8(nr).c_str(), cr.isNull() ? "?" : strToUtf8(cr).c_str());
      }
      Value a = repr(cell_cls), nr = repr(name), cr = repr(cls);
      return raisef(exc::TypeError, "__class__ set to %s defining %s as %s", a.isNull() ? "?" : strToUtf8(a).c_str(),
                    nr.isNull() ? "?" : strToUtf8(nr).c_str(), cr.isNull() ? "?" : strToUtf8(cr).c_str());
    }
  }
  return cls;
}

Value builtin___import__(Value* args) {
  Value name = args[1], globals = args[2], fromlist = args[4], level = args[5];
  int64_t lvl = 0;
  if (!isInt(level)) return raisef(exc::TypeError, "'%s' object cannot be interpreted as an integer", typeNameOf(level).c_str());
  if (!intToInt64(level, &lvl)) return Value();
  return importName(name, isNone(globals) ? Value() : globals, fromlist, lvl);
}

Value builtin_compile(Value* args) {
  Value source = args[1], filename = args[2], mode = args[3];
  if (isCode(source)) return source;
  std::string text;
  if (!sourceText(source, "compile", &text)) return Value();
  if (!isStr(mode)) return raisef(exc::TypeError, "compile() argument 'mode' must be str, not %s", typeNameOf(mode).c_str());
  std::string m = strToUtf8(mode);
  if (m != "exec" && m != "eval" && m != "single") {
    return raise(exc::ValueError, "compile() mode must be 'exec', 'eval' or 'single'");
  }
  std::string fname;
  if (isStr(filename)) {
    fname = strToUtf8(filename);
  } else if (isBytes(filename)) {
    fname = std::string(asBytes(filename)->view());
  } else {
    return raisef(exc::TypeError, "expected str, bytes or os.PathLike object, not %s", typeNameOf(filename).c_str());
  }
  return compileSource(text, fname, m);
}

Value builtin_exec(Value* args) {
  Value source = args[1], globals = args[2], locals = args[3];
  if (!resolveNamespaces("exec", &globals, &locals)) return Value();
  Value code = source;
  if (!isCode(source)) {
    std::string text;
    if (!sourceText(source, "exec", &text)) return Value();
    code = compileSource(text, "<string>", "exec");
    if (code.isNull()) return code;
  } else if (asCode(source)->nfrees > 0) {
    return raise(exc::TypeError, "code object passed to exec() may not contain free variables");
  }
  Value r = evalCode(code, globals, locals);
  if (r.isNull()) return r;
  return None();
}

Value builtin_eval(Value* args) {
  Value source = args[1], globals = args[2], locals = args[3];
  if (!isNone(globals) && !isDict(globals)) {
    return raise(exc::TypeError, typeOf(locals)->slots.mp_subscript != nullptr || isNone(locals)
                                     ? "globals must be a real dict; try eval(expr, {}, mapping)"
                                     : "globals must be a dict");
  }
  if (!resolveNamespaces("eval", &globals, &locals)) return Value();
  Value code = source;
  if (!isCode(source)) {
    std::string text;
    if (!sourceText(source, "eval", &text)) return Value();
    // eval() ignores leading spaces and tabs.
    size_t start = text.find_first_not_of(" \t");
    code = compileSource(start == std::string::npos ? std::string() : text.substr(start), "<string>", "eval");
    if (code.isNull()) return code;
  } else if (asCode(source)->nfrees > 0) {
    return raise(exc::TypeError, "code object passed to eval() may not contain free variables");
  }
  return evalCode(code, globals, locals);
}

Value builtin_globals(Value*) {
  interp::Frame* f = interp::currentFrame();
  if (f == nullptr) return raise(exc::SystemError, "globals(): no current frame");
  return f->globals;
}

Value currentLocals() {
  interp::Frame* f = interp::currentFrame();
  if (f == nullptr) return raise(exc::SystemError, "locals(): no current frame");
  return interp::frameLocals(f);
}

Value builtin_locals(Value*) { return currentLocals(); }

}  // namespace tern
