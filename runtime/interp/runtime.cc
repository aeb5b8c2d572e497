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
#include "runtime/interp/config.h"
#include "runtime/interp/errors.h"
#include "runtime/interp/eval.h"
#include "runtime/interp/eval_internal.h"
#include "runtime/interp/frame.h"
#include "runtime/interp/function.h"
#include "runtime/interp/thread_state.h"
#include "runtime/modules/_ast.h"
#include "runtime/modules/_warnings.h"
#include "runtime/modules/builtins.h"
#include "runtime/modules/module.h"
#include "runtime/modules/posix_internal.h"
#include "runtime/modules/sys.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/buffer.h"
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

}  // namespace

Value raiseSyntaxError(const compiler::SyntaxErrorInfo& info, std::string_view source) {
  Type* type = info.kind == compiler::ErrorKind::IndentationError ? exc::IndentationError
               : info.kind == compiler::ErrorKind::TabError      ? exc::TabError
                                                                  : exc::SyntaxError;
  std::string text = info.text;
  bool compiler_error = info.quoted == compiler::QuotedLine::kFromCompiler;
  if (compiler_error && text.empty() && info.lineno > 0) {
    text = compiler::quoted_line(compiler::source_line(source, info.lineno));
  }
  // The parser always quotes a line, if an empty one; the compiler may have none.
  bool no_position = info.lineno == 0 && info.offset == -1;
  Value text_value = text.empty() && (compiler_error || no_position) ? None() : newStrReplacingInvalid(text);
  Value details;
  if (no_position) {  // no end either
    details = newTupleOf({newStr(info.filename), newInt(0), newInt(-1), None()});
  } else {
    details = newTupleOf({newStr(info.filename), newInt(info.lineno), newInt(info.offset), text_value,
                          newInt(info.end_lineno), newInt(info.end_offset)});
  }
  Value args = info.location_in_attributes ? newTupleOf({newStr(info.message)}) : newTupleOf({newStr(info.message), details});
  Value e = newException(type, args);
  if (e.isNull()) return e;
  if (info.location_in_attributes) {
    auto* se = static_cast<SyntaxErrorObj*>(e.asObject());
    se->filename.set(tupleItem(details, 0));
    se->lineno.set(tupleItem(details, 1));
    se->offset.set(tupleItem(details, 2));
    se->text.set(text_value);
    se->end_lineno.set(tupleItem(details, 4));
    if (info.end_offset >= 0) se->end_offset.set(tupleItem(details, 5));
  }
  return raiseException(e);
}

bool sourceText(Value source, const char* func, const char* what, std::string* out) {
  if (isStr(source)) {
    *out = strToUtf8(source);
  } else if (isBytes(source)) {
    *out = std::string(asBytes(source)->view());
  } else if (std::string view; bytesLikeCopy(source, &view)) {
    *out = std::move(view);
  } else {
    clearError();
    raisef(exc::TypeError, "%s() arg 1 must be a %s object", func, what);
    return false;
  }
  if (out->find('\0') != std::string::npos) {
    raise(exc::ValueError, "source code string cannot contain null bytes");
    return false;
  }
  return true;
}

namespace {

// warnings.warn_explicit(message, category, filename, lineno), as CPython's
// parser warns (PyErr_WarnExplicitObject, no module nor registry).
bool warnExplicit(Type* category, const std::string& message, std::string_view filename, int lineno) {
  Value warnings = importModule(internStr("warnings"));
  Value fn = warnings.isNull() ? Value() : getAttr(warnings, internStr("warn_explicit"));
  if (fn.isNull()) return false;
  Value args = newTupleOf({newStr(message), typeValue(category), newStr(filename), newInt(lineno)});
  return !callTupleDict(fn, args, Value()).isNull();
}

// The CO_FUTURE_* bits of the code calling exec/eval/compile, which the
// code it compiles inherits (PyEval_MergeCompilerFlags).
uint32_t inheritedFutureFlags() {
  interp::Frame* f = interp::currentFrame();
  return f == nullptr ? 0 : f->codeObj()->flags & compiler::kFutureFlagsMask;
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
  if (has == 0 && dictSet(*globals, names::__builtins__, builtinsDict()) < 0) return false;
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

namespace {

// How compileSource and analyseSource report: a SyntaxError quoting the
// source (a file's text) or what CPython reads back from the file named
// `filename` (QuotedLine); warnings issued in order, one a filter makes an
// error raised as a SyntaxError instead, as CPython's compiler does.
class SourceReporter {
 public:
  SourceReporter(std::string_view source, std::string_view filename, compiler::ParseMode mode, bool from_string)
      : source_(source), filename_(filename), mode_(mode), from_string_(from_string) {}

  Value fail(compiler::SyntaxErrorInfo info) const {
    if (!from_string_) return raiseSyntaxError(info, source_);
    bool from_file = info.quoted == compiler::QuotedLine::kFromCompiler ||
                     (info.quoted == compiler::QuotedLine::kFromParser && mode_ == compiler::ParseMode::kExec);
    if (from_file) {
      if (std::optional<std::string> line = compiler::read_file_line(info.filename, info.lineno)) info.text = *line;
    }
    return raiseSyntaxError(info, {});
  }

  // False with the exception pending.
  bool issue(const std::vector<compiler::CompileWarning>& warnings) const {
    for (const compiler::CompileWarning& w : warnings) {
      Type* category =
          w.category == compiler::WarningCategory::SyntaxWarning ? exc::SyntaxWarning : exc::DeprecationWarning;
      if (warnExplicit(category, w.message, filename_, w.lineno)) continue;
      if (errorMatches(category)) {
        clearError();
        fail(w.as_error);
      }
      return false;
    }
    return true;
  }

 private:
  std::string_view source_, filename_;
  compiler::ParseMode mode_;
  bool from_string_;
};

compiler::ParseOptions parseOptionsFor(std::string_view mode, const CompileOptions& options) {
  return {.mode = mode == "eval"     ? compiler::ParseMode::kEval
                  : mode == "single" ? compiler::ParseMode::kSingle
                                     : compiler::ParseMode::kExec,
          .string_input = options.from_string,
          .ignore_cookie = options.from_str,
          .int_max_str_digits = g_int_max_str_digits,
          .dont_imply_dedent = options.dont_imply_dedent,
          .allow_incomplete = options.allow_incomplete};
}

}  // namespace

Value compileSource(std::string_view source, std::string_view filename, std::string_view mode,
                    const CompileOptions& options) {
  compiler::ParseOptions parse_options = parseOptionsFor(mode, options);
  SourceReporter report(source, filename, parse_options.mode, options.from_string);
  compiler::ParseResult parsed = compiler::parse(source, filename, parse_options);
  if (!report.issue(parsed.warnings)) return Value();
  if (!parsed.ok()) return report.fail(*parsed.error);
  compiler::SymtableResult symbols = compiler::build_symtable(parsed.module, filename, options.flags);
  if (!symbols.ok()) return report.fail(*symbols.error);
  compiler::CodegenResult code;
  if (mode == "eval") {
    ast::Expression expr;  // parse() put the expression in an Expr statement
    expr.body = static_cast<ast::Expr*>(parsed.module->body[0])->value;
    code = compiler::compile_expression(&expr, *symbols.table, filename, options.optimize);
  } else if (mode == "single") {
    code = compiler::compile_interactive(parsed.module, *symbols.table, filename, options.optimize);
  } else {
    code = compiler::compile_module(parsed.module, *symbols.table, filename, options.optimize);
  }
  if (!report.issue(code.warnings)) return Value();
  if (!code.ok()) return report.fail(*code.error);
  return newCode(*code.code);
}

std::unique_ptr<compiler::SymbolTable> analyseSource(std::string_view source, std::string_view filename,
                                                     std::string_view mode, const CompileOptions& options) {
  compiler::ParseOptions parse_options = parseOptionsFor(mode, options);
  SourceReporter report(source, filename, parse_options.mode, options.from_string);
  compiler::ParseResult parsed = compiler::parse(source, filename, parse_options);
  if (!report.issue(parsed.warnings)) return nullptr;
  if (!parsed.ok()) {
    report.fail(*parsed.error);
    return nullptr;
  }
  compiler::SymtableResult symbols = compiler::build_symtable(parsed.module, filename, options.flags);
  if (!symbols.ok()) {
    report.fail(*symbols.error);
    return nullptr;
  }
  return std::move(symbols.table);
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

bool filenameArg(Value filename, std::string* out) {
  bool is_buffer = !isBytes(filename) && !isStr(filename) && hasBuffer(filename);
  Value path = is_buffer ? filename : posix::fspath(filename);
  if (path.isNull()) return false;
  if (isStr(path)) {
    *out = strToUtf8(path);
  } else if (isBytes(path)) {
    *out = std::string(asBytes(path)->view());
  } else {
    std::string message = "path should be string, bytes, or os.PathLike, not " + typeNameOf(filename);
    if (!warn(exc::DeprecationWarning, message) || !bufferCopyBytes(filename, out)) return false;
  }
  if (out->find('\0') != std::string::npos) {
    raise(exc::ValueError, "embedded null character");
    return false;
  }
  return true;
}

Value builtin_compile(Value* args) {
  Value source = args[1], filename = args[2], mode = args[3];
  if (Value r; compileWithAst(args, &r)) return r;  // AST objects, PyCF_ONLY_AST (_ast.h)
  // Checked in CPython's order: the arguments' types, flags, optimize, mode, source.
  std::string fname;
  if (!filenameArg(filename, &fname)) return Value();
  if (!isStr(mode)) return raisef(exc::TypeError, "compile() argument 'mode' must be str, not %s", typeNameOf(mode).c_str());
  int64_t flags = 0, optimize = 0;
  if (!indexToInt64(args[4], &flags, exc::OverflowError)) return Value();
  int dont_inherit = isTrue(args[5]);
  if (dont_inherit < 0 || !indexToInt64(args[6], &optimize, exc::OverflowError)) return Value();
  // What compile() accepts besides the CO_FUTURE_* bits: CO_NESTED (obsolete)
  // and the PyCF_* bits (only AST, dont imply dedent, type comments, top-level
  // await, incomplete input).
  constexpr int64_t kDontImplyDedent = 0x0200, kAllowIncompleteInput = 0x4000;
  constexpr int64_t kOtherFlags = 0x0010 | kDontImplyDedent | 0x0400 | 0x1000 | 0x2000 | kAllowIncompleteInput;
  if ((flags & ~static_cast<int64_t>(compiler::kFutureFlagsMask | kOtherFlags)) != 0) {
    return raise(exc::ValueError, "compile(): unrecognised flags");
  }
  if (optimize < -1 || optimize > 2) return raise(exc::ValueError, "compile(): invalid optimize value");
  CompileOptions options{.flags = static_cast<uint32_t>(flags) & compiler::kFutureFlagsMask,
                         .optimize = optimize < 0 ? config().optimize : static_cast<int>(optimize),  // -1: the interpreter's (-O)
                         .from_string = true,
                         .dont_imply_dedent = (flags & kDontImplyDedent) != 0,
                         .allow_incomplete = (flags & kAllowIncompleteInput) != 0};
  if (!dont_inherit) options.flags |= inheritedFutureFlags();
  std::string m = strToUtf8(mode);
  if (m != "exec" && m != "eval" && m != "single") {
    return raise(exc::ValueError, "compile() mode must be 'exec', 'eval' or 'single'");
  }
  std::string text;
  if (!sourceText(source, "compile", "string, bytes or AST", &text)) return Value();
  options.from_str = isStr(source);
  return compileSource(text, fname, m, options);
}

Value builtin_exec(Value* args) {
  Value source = args[1], globals = args[2], locals = args[3];
  if (!resolveNamespaces("exec", &globals, &locals)) return Value();
  Value code = source;
  if (!isCode(source)) {
    std::string text;
    if (!sourceText(source, "exec", "string, bytes or code", &text)) return Value();
    code = compileSource(text, "<string>", "exec",
                         {.flags = inheritedFutureFlags(), .from_string = true, .from_str = isStr(source)});
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
    if (!sourceText(source, "eval", "string, bytes or code", &text)) return Value();
    // eval() ignores leading spaces and tabs.
    size_t start = text.find_first_not_of(" \t");
    code = compileSource(start == std::string::npos ? std::string() : text.substr(start), "<string>", "eval",
                         {.flags = inheritedFutureFlags(), .from_string = true, .from_str = isStr(source)});
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
