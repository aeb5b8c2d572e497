// The builtins module: the builtin functions, constants and the names of the
// builtin types and exceptions.
//
// Functions are declared once, in the table at the end, with their Python
// signatures (native.h binds the arguments).  The ones that need the
// interpreter's frames or compiler (exec, eval, compile, globals, locals,
// __build_class__, __import__) live in runtime/interp (builtins.h).
// `open` is _io.open (runtime/modules/_io.h).
#include "runtime/modules/builtins.h"

#include <unistd.h>

#include <cstdio>
#include <string>

#include "runtime/gc/heap.h"
#include "runtime/interp/errors.h"
#include "runtime/interp/eval_internal.h"
#include "runtime/interp/generator.h"
#include "runtime/modules/_io.h"
#include "runtime/modules/module.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/exceptions.h"
#include "runtime/objects/float.h"
#include "runtime/objects/int.h"
#include "runtime/objects/list.h"
#include "runtime/objects/native.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"

namespace tern {

bool (*g_terminal_reader)(const char* prompt, Value* line) = nullptr;

namespace {

// stream.fileno() == fd, a terminal.  Errors count as no.
bool isTerminalStream(Value stream, int fd) {
  Value n = callMethod(stream, internStr("fileno"), nullptr, 0);
  int64_t got = -1;
  if (n.isNull() || !isInt(n) || !indexToInt64(n, &got, exc::OverflowError)) {
    clearError();
    return false;
  }
  return got == fd && ::isatty(fd);
}

}  // namespace

bool readTerminalLine(Value in, Value out, Value prompt, Value* line) {
  if (g_terminal_reader == nullptr || !isTerminalStream(in, 0) || !isTerminalStream(out, 1)) return false;
  Value text = isStr(prompt) ? prompt : str(prompt);
  if (text.isNull() || callMethod(out, names::flush, nullptr, 0).isNull()) {
    *line = Value();
    return true;
  }
  return g_terminal_reader(strToUtf8(text).c_str(), line);
}

namespace {

gc::GlobalRoot g_builtins;

// The named stream of the sys module ("stdout"), or null without an
// exception when sys or the attribute is missing.
Value sysStream(Value name) {
  Value sys = importModule(internStr("sys"));
  if (sys.isNull()) return Value();
  return dictGetStr(moduleDict(sys), name);
}

// Writes `text` (a str) to `file` through its write method.
bool writeTo(Value file, Value text) {
  Value r = callMethod(file, names::write, &text, 1);
  return !r.isNull();
}

// ===========================================================================
// Functions, in the order of the table

Value builtin_abs(Value* args) { return absolute(args[1]); }

Value builtin_all(Value* args) {
  Value it = getIter(args[1]);
  if (it.isNull()) return Value();
  for (;;) {
    Value item = iterNext(it);
    if (item.isNull()) return errorPending() ? Value() : True();
    int truth = isTrue(item);
    if (truth < 0) return Value();
    if (truth == 0) return False();
  }
}

Value builtin_any(Value* args) {
  Value it = getIter(args[1]);
  if (it.isNull()) return Value();
  for (;;) {
    Value item = iterNext(it);
    if (item.isNull()) return errorPending() ? Value() : False();
    int truth = isTrue(item);
    if (truth < 0) return Value();
    if (truth == 1) return True();
  }
}

Value builtin_aiter(Value* args) {
  Value obj = args[1];
  Type* t = typeOf(obj);
  if (t->slots.am_aiter == nullptr) {
    return raisef(exc::TypeError, "'%s' object is not an async iterable", typeName(t).c_str());
  }
  Value it = t->slots.am_aiter(obj);
  if (it.isNull()) return Value();
  if (typeOf(it)->slots.am_anext == nullptr) {
    return raisef(exc::TypeError, "aiter() returned not an async iterator of type '%s'", typeNameOf(it).c_str());
  }
  return it;
}

// ---------------------------------------------------------------------------
// anext(aiterator, default): CPython's anext_awaitable.  Awaiting it awaits
// what aiterator.__anext__() returned (`wrapped`); a StopAsyncIteration from
// that becomes StopIteration(default), so the await's value is the default.
// CPython 3.11 awaits `wrapped` afresh at every step (calling its __await__
// again, which restarts a generator-based one); Tern keeps the iterator the
// first step made (docs/differences.md).

Type* g_anext_awaitable_type = nullptr;

struct AnextAwaitableObj : Obj {
  gc::HeapValue wrapped;
  gc::HeapValue default_value;
  gc::HeapValue iter;  // what awaiting `wrapped` gave, once a step made it
};
const uint32_t kAnextAwaitableFields[] = {offsetof(Obj, ob_type), offsetof(AnextAwaitableObj, wrapped),
                                          offsetof(AnextAwaitableObj, default_value),
                                          offsetof(AnextAwaitableObj, iter)};
const gc::Layout kAnextAwaitableLayout = {.name = "anext_awaitable", .fields = kAnextAwaitableFields};
AnextAwaitableObj* asAnextAwaitable(Value v) { return static_cast<AnextAwaitableObj*>(v.asObject()); }

// The iterator the steps drive: a coroutine's wrapper (its __await__()), or
// what awaiting `wrapped` gives.
Value anextAwaitableIter(Value self) {
  Value it = asAnextAwaitable(self)->iter.get();
  if (!it.isNull()) return it;
  Value w = asAnextAwaitable(self)->wrapped.get();
  it = isCoroutine(w) ? typeOf(w)->slots.am_await(w) : interp::getAwaitableIter(w, 0, nullptr);
  if (!it.isNull()) asAnextAwaitable(self)->iter.set(it);
  return it;
}

// The step's result; StopAsyncIteration turned into StopIteration(default).
Value anextAwaitableResult(Value self, Value r) {
  if (r.isNull() && errorMatches(exc::StopAsyncIteration)) {
    clearError();
    return raiseStopIteration(asAnextAwaitable(self)->default_value.get());
  }
  return r;
}

Value anext_awaitable_iternext(Value self) {
  Value it = anextAwaitableIter(self);
  if (it.isNull()) return it;
  Value r = typeOf(it)->slots.tp_iternext(it);
  if (r.isNull() && !errorPending()) return r;  // exhausted without a value: StopIteration()
  return anextAwaitableResult(self, r);
}

// send/throw/close: the same method of the iterator, its result translated.
Value anextAwaitableProxy(Value self, const char* method, const Value* args, size_t nargs) {
  Value it = anextAwaitableIter(self);
  if (it.isNull()) return it;
  return anextAwaitableResult(self, callMethod(it, internStr(method), args, nargs));
}

Value anext_awaitable_send(Value* args) { return anextAwaitableProxy(args[0], "send", &args[1], 1); }

Value anext_awaitable_throw(Value* args) {
  Value rest = args[1];
  int64_t n = tupleLength(rest);
  if (n < 1 || n > 3) {
    return raisef(exc::TypeError, n < 1 ? "throw expected at least 1 argument, got %lld"
                                        : "throw expected at most 3 arguments, got %lld",
                  static_cast<long long>(n));
  }
  Value items[3];
  for (int64_t i = 0; i < n; ++i) items[i] = tupleItem(rest, i);
  return anextAwaitableProxy(args[0], "throw", items, static_cast<size_t>(n));
}

Value anext_awaitable_close(Value* args) { return anextAwaitableProxy(args[0], "close", nullptr, 0); }

Value anextAwaitableSelf(Value self) { return self; }

const MethodDef kAnextAwaitableMethods[] = {
    {.name = "send", .signature = "($self, value, /)", .fn = anext_awaitable_send,
     .doc = "send(arg) -> send 'arg' into the wrapped iterator,\nreturn next yielded value or raise StopIteration."},
    {.name = "throw", .signature = "($self, /, *args)", .fn = anext_awaitable_throw,
     .doc = "throw(typ[,val[,tb]]) -> raise exception in the wrapped iterator,\nreturn next yielded value or raise "
            "StopIteration."},
    {.name = "close", .signature = "($self, /)", .fn = anext_awaitable_close,
     .doc = "close() -> raise GeneratorExit inside generator."},
};

const TypeSpec kAnextAwaitableSpec = {
    .name = "anext_awaitable",
    .type = &g_anext_awaitable_type,
    .layout = &kAnextAwaitableLayout,
    .basic_size = sizeof(AnextAwaitableObj),
    .slots = {.tp_iter = anextAwaitableSelf, .tp_iternext = anext_awaitable_iternext, .am_await = anextAwaitableSelf},
    .methods = kAnextAwaitableMethods,
};
TERN_REGISTER_TYPE(kAnextAwaitableSpec);

Value builtin_anext(Value* args) {
  Value it = args[1], default_value = args[2];
  Type* t = typeOf(it);
  if (t->slots.am_anext == nullptr) {
    return raisef(exc::TypeError, "'%s' object is not an async iterator", typeName(t).c_str());
  }
  Value awaitable = t->slots.am_anext(it);
  if (default_value.isNull() || awaitable.isNull()) return awaitable;
  Obj* o = newObject(g_anext_awaitable_type, sizeof(AnextAwaitableObj));
  asAnextAwaitable(o)->wrapped.set(awaitable);
  asAnextAwaitable(o)->default_value.set(default_value);
  return Value(o);
}

Value builtin_ascii(Value* args) { return ascii(args[1]); }

// bin/oct/hex: the index formatted with its prefix, as format(x, '#b') does.
Value formatWithPrefix(Value v, const char* spec) {
  Value i = index(v);
  if (i.isNull()) return Value();
  return format(i, internStr(spec));
}

Value builtin_bin(Value* args) { return formatWithPrefix(args[1], "#b"); }
Value builtin_oct(Value* args) { return formatWithPrefix(args[1], "#o"); }
Value builtin_hex(Value* args) { return formatWithPrefix(args[1], "#x"); }

// breakpoint(*args, **kws): sys.breakpointhook(*args, **kws).
Value builtin_breakpoint(Value* args) {
  Value sys = importModule(internStr("sys"));
  if (sys.isNull()) return sys;
  Value hook = lookupAttr(sys, internStr("breakpointhook"));
  if (hook.isNull()) {
    if (errorPending()) return Value();
    return raise(exc::RuntimeError, "lost sys.breakpointhook");
  }
  return callTupleDict(hook, args[1], args[2]);
}

Value builtin_callable(Value* args) { return Bool(isCallable(args[1])); }

Value builtin_chr(Value* args) {
  Value i = index(args[1]);
  if (i.isNull()) return Value();
  int64_t c;
  if (!intToInt64(i, &c)) {
    clearError();
    return raise(exc::OverflowError, "Python int too large to convert to C int");
  }
  if (c < 0 || c > 0x10ffff) return raise(exc::ValueError, "chr() arg not in range(0x110000)");
  return strFromCodePoint(static_cast<char32_t>(c));
}

Value builtin_delattr(Value* args) {
  if (!isStr(args[2])) {
    return raisef(exc::TypeError, "attribute name must be string, not '%s'", typeNameOf(args[2]).c_str());
  }
  if (delAttr(args[1], args[2]) < 0) return Value();
  return None();
}

Value sortedList(Value iterable) {
  Value list = listFromIterable(iterable);
  if (list.isNull()) return Value();
  Value sort = getAttr(list, internStr("sort"));
  if (sort.isNull() || call0(sort).isNull()) return Value();
  return list;
}

Value builtin_dir(Value* args) {
  Value obj = args[1];
  if (obj.isNull()) {
    Value locals = currentLocals();
    if (locals.isNull()) return Value();
    Value keys = callMethod(locals, names::keys, nullptr, 0);
    if (keys.isNull()) return Value();
    return sortedList(keys);
  }
  bool found = false;
  Value result = callSpecial(obj, names::__dir__, nullptr, 0, &found);
  if (result.isNull()) {
    if (!found && !errorPending()) return raise(exc::TypeError, "object does not provide __dir__");
    return Value();
  }
  return sortedList(result);
}

Value builtin_divmod(Value* args) { return divmod(args[1], args[2]); }

Value builtin_format(Value* args) { return format(args[1], args[2]); }

Value builtin_getattr(Value* args) {
  Value obj = args[1], name = args[2], fallback = args[3];
  if (!isStr(name)) {
    return raisef(exc::TypeError, "attribute name must be string, not '%s'", typeNameOf(name).c_str());
  }
  if (fallback.isNull()) return getAttr(obj, name);
  Value v = lookupAttr(obj, name);
  if (v.isNull() && !errorPending()) return fallback;
  return v;
}

Value builtin_hasattr(Value* args) {
  if (!isStr(args[2])) {
    return raisef(exc::TypeError, "attribute name must be string, not '%s'", typeNameOf(args[2]).c_str());
  }
  Value v = lookupAttr(args[1], args[2]);
  if (v.isNull()) return errorPending() ? Value() : False();
  return True();
}

Value builtin_hash(Value* args) {
  int64_t h = hash(args[1]);
  if (h == -1) return Value();
  return newInt(h);
}

Value builtin_id(Value* args) {
  Value v = args[1];
  // A small int has no object: its tagged word is odd, so it never equals
  // an object's identity (an address, even).
  if (v.isSmallInt()) return newIntUnsigned(v.bits());
  return newIntUnsigned(gc::identity(v.asObject()));
}

// input(prompt): through sys.stdout and sys.stdin's readline (the streams
// are stdprinters until io exists), or the terminal's line editor.
Value builtin_input(Value* args) {
  Value prompt = args[1];
  Value out = sysStream(names::stdout_);
  Value in = sysStream(internStr("stdin"));
  if (out.isNull() || in.isNull()) {
    if (errorPending()) return Value();
    return raise(exc::RuntimeError, out.isNull() ? "input(): lost sys.stdout" : "input(): lost sys.stdin");
  }
  if (callMethod(out, names::flush, nullptr, 0).isNull()) return Value();
  if (Value line; readTerminalLine(in, out, prompt, &line)) return line;
  if (!isStr(prompt) || asStr(prompt)->length > 0) {
    Value text = str(prompt);
    if (text.isNull() || !writeTo(out, text) || callMethod(out, names::flush, nullptr, 0).isNull()) return Value();
  }
  Value line = callMethod(in, internStr("readline"), nullptr, 0);
  if (line.isNull()) return Value();
  if (!isStr(line)) return raise(exc::TypeError, "object.readline() returned non-string");
  int64_t n = asStr(line)->length;
  if (n == 0) return raise(exc::EOFError, "EOF when reading a line");
  if (asStr(line)->at(n - 1) == '\n') return strSubstring(line, 0, n - 1);
  return line;
}

Value builtin_isinstance(Value* args) {
  int r = isInstanceGeneric(args[1], args[2]);
  if (r < 0) return Value();
  return Bool(r);
}

Value builtin_issubclass(Value* args) {
  int r = isSubclassGeneric(args[1], args[2]);
  if (r < 0) return Value();
  return Bool(r);
}

Value builtin_iter(Value* args) {
  if (args[2].isNull()) return getIter(args[1]);
  if (!isCallable(args[1])) return raise(exc::TypeError, "iter(v, w): v must be callable");
  return newCallableIterator(args[1], args[2]);
}

// min() and max(): one iterable, or several positional arguments.
Value minmax(Value* args, int op, const char* name) {
  Value positional = args[1], key = args[2], fallback = args[3];
  int64_t n = tupleLength(positional);
  if (n == 0) return raisef(exc::TypeError, "%s expected at least 1 argument, got 0", name);
  if (n > 1 && !fallback.isNull()) {
    return raisef(exc::TypeError, "Cannot specify a default for %s() with multiple positional arguments", name);
  }
  if (!key.isNull() && isNone(key)) key = Value();
  Value it = getIter(n == 1 ? tupleItem(positional, 0) : positional);
  if (it.isNull()) return Value();
  Value best, best_key;
  for (;;) {
    Value item = iterNext(it);
    if (item.isNull()) {
      if (errorPending()) return Value();
      break;
    }
    Value item_key = key.isNull() ? item : call1(key, item);
    if (item_key.isNull()) return Value();
    if (best.isNull()) {
      best = item;
      best_key = item_key;
      continue;
    }
    int better = richCompareBool(item_key, best_key, op);
    if (better < 0) return Value();
    if (better) {
      best = item;
      best_key = item_key;
    }
  }
  if (best.isNull()) {
    if (!fallback.isNull()) return fallback;
    return raisef(exc::ValueError, "%s() arg is an empty sequence", name);
  }
  return best;
}

Value builtin_max(Value* args) { return minmax(args, kGt, "max"); }
Value builtin_min(Value* args) { return minmax(args, kLt, "min"); }

Value builtin_next(Value* args) {
  Value it = args[1];
  UnaryFn next = typeOf(it)->slots.tp_iternext;
  if (next == nullptr) return raisef(exc::TypeError, "'%s' object is not an iterator", typeNameOf(it).c_str());
  Value item = next(it);
  if (!item.isNull()) return item;
  if (errorPending()) {
    if (args[2].isNull() || !errorMatches(exc::StopIteration)) return Value();
    clearError();
    return args[2];
  }
  if (!args[2].isNull()) return args[2];
  return raiseEmpty(exc::StopIteration);
}

Value builtin_open(Value* args) { return io_open(args); }  // _io.h

Value builtin_ord(Value* args) {
  Value c = args[1];
  int64_t n;
  if (isStr(c)) {
    n = asStr(c)->length;
    if (n == 1) return newInt(asStr(c)->at(0));
  } else if (isInstance(c, types::bytes_type) || isInstance(c, types::bytearray_type)) {
    n = length(c);
    if (n < 0) return Value();
    if (n == 1) return getItem(c, newInt(0));
  } else {
    return raisef(exc::TypeError, "ord() expected string of length 1, but %s found", typeNameOf(c).c_str());
  }
  return raisef(exc::TypeError, "ord() expected a character, but string of length %lld found",
                static_cast<long long>(n));
}

Value builtin_pow(Value* args) { return power(args[1], args[2], args[3]); }

Value builtin_print(Value* args) {
  Value values = args[1], sep = args[2], end = args[3], file = args[4], flush = args[5];
  if (isNone(file)) {
    file = sysStream(names::stdout_);
    if (file.isNull()) {
      if (errorPending()) return Value();
      return raise(exc::RuntimeError, "lost sys.stdout");
    }
    if (isNone(file)) return None();
  }
  if (!isNone(sep) && !isStr(sep)) {
    return raisef(exc::TypeError, "sep must be None or a string, not %s", typeNameOf(sep).c_str());
  }
  if (!isNone(end) && !isStr(end)) {
    return raisef(exc::TypeError, "end must be None or a string, not %s", typeNameOf(end).c_str());
  }
  for (int64_t i = 0; i < tupleLength(values); ++i) {
    if (i > 0 && !writeTo(file, isNone(sep) ? internStr(" ") : sep)) return Value();
    Value text = str(tupleItem(values, i));
    if (text.isNull() || !writeTo(file, text)) return Value();
  }
  if (!writeTo(file, isNone(end) ? internStr("\n") : end)) return Value();
  int do_flush = isTrue(flush);
  if (do_flush < 0) return Value();
  if (do_flush && callMethod(file, names::flush, nullptr, 0).isNull()) return Value();
  return None();
}

Value builtin_repr(Value* args) { return repr(args[1]); }

Value builtin_round(Value* args) {
  Value number = args[1], ndigits = args[2];
  Value round = lookupSpecial(typeOf(number), names::__round__);
  if (round.isNull()) {
    if (errorPending()) return Value();
    return raisef(exc::TypeError, "type %s doesn't define __round__ method", typeNameOf(number).c_str());
  }
  Value call_args[2] = {number, ndigits};
  size_t nargs = isNone(ndigits) ? 1 : 2;
  // The method found on the type is unbound: self goes first.
  DescrGetFn get = typeOf(round)->slots.tp_descr_get;
  if (get != nullptr) {
    Value bound = get(round, number, typeValue(typeOf(number)));
    if (bound.isNull()) return Value();
    return call(bound, call_args + 1, nargs - 1);
  }
  return call(round, call_args, nargs);
}

Value builtin_setattr(Value* args) {
  if (!isStr(args[2])) {
    return raisef(exc::TypeError, "attribute name must be string, not '%s'", typeNameOf(args[2]).c_str());
  }
  if (setAttr(args[1], args[2], args[3]) < 0) return Value();
  return None();
}

// sorted(iterable, /, *, key=None, reverse=False): the keywords go to
// list.sort as they are, so its errors are sort()'s, as in CPython.
Value builtin_sorted(Value* args) {
  Value positional = args[1], kwargs = args[2];
  if (tupleLength(positional) != 1) {
    return raisef(exc::TypeError, "sorted expected 1 argument, got %lld",
                  static_cast<long long>(tupleLength(positional)));
  }
  Value list = listFromIterable(tupleItem(positional, 0));
  if (list.isNull()) return Value();
  Value sort = getAttr(list, internStr("sort"));
  if (sort.isNull()) return Value();
  if (callTupleDict(sort, newTuple(0), kwargs).isNull()) return Value();
  return list;
}

Value builtin_sum(Value* args) {
  Value start = args[2];
  if (isStr(start)) return raise(exc::TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
  if (isInstance(start, types::bytes_type)) {
    return raise(exc::TypeError, "sum() can't sum bytes [use b''.join(seq) instead]");
  }
  if (isInstance(start, types::bytearray_type)) {
    return raise(exc::TypeError, "sum() can't sum bytearray [use b''.join(seq) instead]");
  }
  Value it = getIter(args[1]);
  if (it.isNull()) return Value();
  Value total = start;
  // Floats are added in a double while the running total is a float, as
  // CPython does (same rounding: one addition at a time).
  for (;;) {
    Value item = iterNext(it);
    if (item.isNull()) return errorPending() ? Value() : total;
    if (total.isSmallInt() && item.isSmallInt()) {
      int64_t r;
      if (!__builtin_add_overflow(total.asSmallInt(), item.asSmallInt(), &r)) {
        total = newInt(r);
        continue;
      }
    }
    if (typeOf(total) == types::float_type && typeOf(item) == types::float_type) {
      total = newFloat(floatValue(total) + floatValue(item));
      continue;
    }
    total = binaryOp(total, item, BinOp::kAdd);
    if (total.isNull()) return Value();
  }
}

Value builtin_vars(Value* args) {
  Value obj = args[1];
  if (obj.isNull()) return currentLocals();
  Value d = lookupAttr(obj, names::__dict__);
  if (d.isNull()) {
    if (errorPending()) return Value();
    return raise(exc::TypeError, "vars() argument must have __dict__ attribute");
  }
  return d;
}

// ===========================================================================
// The module

const MethodDef kBuiltinFunctions[] = {
    {.name = "__build_class__", .signature = "($module, func, name, /, *bases, **kwds)", .fn = builtin___build_class__,
     .doc = "__build_class__(func, name, /, *bases, [metaclass], **kwds) -> class\n\nInternal helper function used "
            "by the class statement."},
    {.name = "__import__",
     .signature = "($module, name, globals=None, locals=None, fromlist=(), level=0)",
     .fn = builtin___import__,
     .doc = "Import a module."},
    {.name = "abs", .signature = "($module, x, /)", .fn = builtin_abs,
     .doc = "Return the absolute value of the argument."},
    {.name = "aiter", .signature = "($module, async_iterable, /)", .fn = builtin_aiter,
     .doc = "Return an AsyncIterator for an AsyncIterable object."},
    {.name = "all", .signature = "($module, iterable, /)", .fn = builtin_all,
     .doc = "Return True if bool(x) is True for all values x in the iterable.\n\nIf the iterable is empty, return "
            "True."},
    {.name = "anext", .signature = "($module, aiterator, default=<unrepresentable>, /)", .fn = builtin_anext,
     .doc = "Return the next item from the async iterator."},
    {.name = "any", .signature = "($module, iterable, /)", .fn = builtin_any,
     .doc = "Return True if bool(x) is True for any x in the iterable.\n\nIf the iterable is empty, return False."},
    {.name = "ascii", .signature = "($module, obj, /)", .fn = builtin_ascii,
     .doc = "Return an ASCII-only representation of an object."},
    {.name = "bin", .signature = "($module, number, /)", .fn = builtin_bin,
     .doc = "Return the binary representation of an integer.\n\n   >>> bin(10)\n   '0b1010'"},
    {.name = "breakpoint", .signature = "($module, /, *args, **kws)", .fn = builtin_breakpoint,
     .doc = "Call sys.breakpointhook(*args, **kws)."},
    {.name = "callable", .signature = "($module, obj, /)", .fn = builtin_callable,
     .doc = "Return whether the object is callable (i.e., some kind of function)."},
    {.name = "chr", .signature = "($module, i, /)", .fn = builtin_chr,
     .doc = "Return a Unicode string of one character with ordinal i; 0 <= i <= 0x10ffff."},
    {.name = "compile",
     .signature = "($module, source, filename, mode, flags=0, dont_inherit=False, optimize=-1, *, _feature_version=-1)",
     .fn = builtin_compile,
     .doc = "Compile source into a code object that can be executed by exec() or eval()."},
    {.name = "delattr", .signature = "($module, obj, name, /)", .fn = builtin_delattr,
     .doc = "Deletes the named attribute from the given object."},
    {.name = "dir", .signature = "($module, object=<unrepresentable>, /)", .fn = builtin_dir,
     .doc = "Show attributes of an object."},
    {.name = "divmod", .signature = "($module, x, y, /)", .fn = builtin_divmod,
     .doc = "Return the tuple (x//y, x%y).  Invariant: div*y + mod == x."},
    {.name = "eval", .signature = "($module, source, globals=None, locals=None, /)", .fn = builtin_eval,
     .doc = "Evaluate the given source in the context of globals and locals."},
    {.name = "exec", .signature = "($module, source, globals=None, locals=None, /, *, closure=None)",
     .fn = builtin_exec, .doc = "Execute the given source in the context of globals and locals."},
    {.name = "format", .signature = "($module, value, format_spec='', /)", .fn = builtin_format,
     .doc = "Return value.__format__(format_spec)"},
    {.name = "getattr", .signature = "($module, object, name, default=<unrepresentable>, /)", .fn = builtin_getattr,
     .doc = "Get a named attribute from an object."},
    {.name = "globals", .signature = "($module, /)", .fn = builtin_globals,
     .doc = "Return the dictionary containing the current scope's global variables."},
    {.name = "hasattr", .signature = "($module, obj, name, /)", .fn = builtin_hasattr,
     .doc = "Return whether the object has an attribute with the given name."},
    {.name = "hash", .signature = "($module, obj, /)", .fn = builtin_hash,
     .doc = "Return the hash value for the given object."},
    {.name = "hex", .signature = "($module, number, /)", .fn = builtin_hex,
     .doc = "Return the hexadecimal representation of an integer.\n\n   >>> hex(4095)\n   '0xfff'"},
    {.name = "id", .signature = "($module, obj, /)", .fn = builtin_id,
     .doc = "Return the identity of an object."},
    {.name = "input", .signature = "($module, prompt='', /)", .fn = builtin_input,
     .doc = "Read a string from standard input.  The trailing newline is stripped."},
    {.name = "isinstance", .signature = "($module, obj, class_or_tuple, /)", .fn = builtin_isinstance,
     .doc = "Return whether an object is an instance of a class or of a subclass thereof."},
    {.name = "issubclass", .signature = "($module, cls, class_or_tuple, /)", .fn = builtin_issubclass,
     .doc = "Return whether 'cls' is derived from another class or is the same class."},
    {.name = "iter", .signature = "($module, object, sentinel=<unrepresentable>, /)", .fn = builtin_iter,
     .doc = "Get an iterator from an object."},
    {.name = "len", .signature = "($module, obj, /)", .fn = builtin_len,
     .doc = "Return the number of items in a container."},
    {.name = "locals", .signature = "($module, /)", .fn = builtin_locals,
     .doc = "Return a dictionary containing the current scope's local variables."},
    {.name = "max", .signature = "($module, /, *args, key=None, default=<unrepresentable>)", .fn = builtin_max,
     .doc = "With a single iterable argument, return its biggest item."},
    {.name = "min", .signature = "($module, /, *args, key=None, default=<unrepresentable>)", .fn = builtin_min,
     .doc = "With a single iterable argument, return its smallest item."},
    {.name = "next", .signature = "($module, iterator, default=<unrepresentable>, /)", .fn = builtin_next,
     .doc = "Return the next item from the iterator."},
    {.name = "oct", .signature = "($module, number, /)", .fn = builtin_oct,
     .doc = "Return the octal representation of an integer.\n\n   >>> oct(64)\n   '0o100'"},
    {.name = "open",
     .signature = "($module, /, file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, "
                  "closefd=True, opener=None)",
     .fn = builtin_open,
     .doc = "Open file and return a stream."},
    {.name = "ord", .signature = "($module, c, /)", .fn = builtin_ord,
     .doc = "Return the Unicode code point for a one-character string."},
    {.name = "pow", .signature = "($module, base, exp, mod=None)", .fn = builtin_pow,
     .doc = "Equivalent to base**exp with 2 arguments or base**exp % mod with 3 arguments"},
    {.name = "print", .signature = "($module, /, *args, sep=' ', end='\\n', file=None, flush=False)",
     .fn = builtin_print, .doc = "Prints the values to a stream, or to sys.stdout by default."},
    {.name = "repr", .signature = "($module, obj, /)", .fn = builtin_repr,
     .doc = "Return the canonical string representation of the object."},
    {.name = "round", .signature = "($module, number, ndigits=None)", .fn = builtin_round,
     .doc = "Round a number to a given precision in decimal digits."},
    {.name = "setattr", .signature = "($module, obj, name, value, /)", .fn = builtin_setattr,
     .doc = "Sets the named attribute on the given object to the specified value."},
    {.name = "sorted", .signature = "($module, /, *args, **kwargs)", .fn = builtin_sorted,
     .doc = "Return a new list containing all items from the iterable in ascending order."},
    {.name = "sum", .signature = "($module, iterable, /, start=0)", .fn = builtin_sum,
     .doc = "Return the sum of a 'start' value (default: 0) plus an iterable of numbers"},
    {.name = "vars", .signature = "($module, object=<unrepresentable>, /)", .fn = builtin_vars,
     .doc = "Show vars."},
};

bool addValue(Value dict, const char* name, Value v) { return dictSet(dict, internStr(name), v) == 0; }

bool builtinsInit(Value module) {
  Value d = moduleDict(module);
  bool ok = addValue(d, "None", None()) && addValue(d, "Ellipsis", Value(singletons::Ellipsis)) &&
            addValue(d, "NotImplemented", NotImplemented()) && addValue(d, "False", False()) &&
            addValue(d, "True", True()) && addValue(d, "__debug__", True());
  if (!ok) return false;
  // The builtin types under their Python names.
  Type* const* public_types[] = {
      &types::bool_type,         &types::bytearray_type, &types::bytes_type,    &types::classmethod_type,
      &types::complex_type,      &types::dict_type,      &types::enumerate_type, &types::filter_type,
      &types::float_type,        &types::frozenset_type, &types::int_type,      &types::list_type,
      &types::map_type,          &types::memoryview_type, &types::object_type,  &types::property_type,
      &types::range_type,        &types::reversed_type,  &types::set_type,      &types::slice_type,
      &types::staticmethod_type, &types::str_type,       &types::super_type,    &types::tuple_type,
      &types::type_type,         &types::zip_type,
  };
  for (Type* const* t : public_types) {
    if (*t == nullptr) continue;  // a type not written yet (memoryview) is simply absent
    if (dictSet(d, static_cast<Type*>(*t)->name.get(), typeValue(*t)) < 0) return false;
  }
#define TERN_EXCEPTION(N, B, L, D) \
  if (!addValue(d, #N, typeValue(exc::N))) return false;
#include "runtime/objects/exceptions.def"
#undef TERN_EXCEPTION
  return addValue(d, "ExceptionGroup", typeValue(exc::ExceptionGroup)) &&
         addValue(d, "EnvironmentError", typeValue(exc::OSError)) && addValue(d, "IOError", typeValue(exc::OSError));
}

const NativeModuleDef kBuiltinsModule = {
    .name = "builtins",
    .methods = kBuiltinFunctions,
    .init = builtinsInit,
    .doc = "Built-in functions, types, exceptions, and other objects.\n\nThis module provides direct access to all "
           "'built-in'\nidentifiers of Python; for example, builtins.len is\nthe full name for the built-in function "
           "len().\n\nThis module is not normally accessed explicitly by most\napplications, but can be useful in "
           "modules that provide\nobjects with the same name as a built-in value, but which\nalso need to be "
           "referenced directly.",
};
TERN_REGISTER_MODULE(kBuiltinsModule);

}  // namespace

Value builtin_len(Value* args) {
  int64_t n = length(args[1]);
  if (n < 0) return Value();
  return newInt(n);
}

Value builtinsModule() {
  if (g_builtins.get().isNull()) g_builtins.set(importModule(names::builtins));
  return g_builtins.get();
}

Value builtinsDict() {
  Value m = builtinsModule();
  return m.isNull() ? Value() : moduleDict(m);
}

}  // namespace tern
