// cpyext: building values and filling modules (CPython's
// Python/modsupport.c surface): Py_BuildValue and its va_list forms, and
// PyModule_AddObject / AddObjectRef / AddIntConstant / AddStringConstant /
// AddType.
//
// Py_BuildValue builds the runtime objects directly: a container is made
// first and each item converted into it, so nothing but the finished value
// becomes a proxy.  Every item arrives as a new reference (an "N" object's
// is the one the caller gave away, an "O" object's an added one) and is
// released once its value is stored, so "N" steals and "O" borrows exactly
// as in CPython — also when building fails half-way: the remaining items
// are still walked so the "N" objects given are released (do_ignore).
#include <array>
#include <cstdarg>
#include <cstring>

#include "Python.h"
#include "cpyext/proxy.h"
#include "runtime/interp/errors.h"
#include "runtime/modules/module.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/list.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"

#pragma GCC diagnostic ignored "-Wdeprecated-declarations"

namespace tern::cpyext {
namespace {

constexpr int kFlagSizeT = 1;

// What each format character does to countFormat: most are one item.
enum class FormatChar : unsigned char { kItem, kSkip, kOpen, kClose, kNul };
constexpr auto kFormatChars = [] {
  std::array<FormatChar, 256> table{};
  for (unsigned char c : {'#', '&', ',', ':', ' ', '\t'}) table[c] = FormatChar::kSkip;
  for (unsigned char c : {'(', '[', '{'}) table[c] = FormatChar::kOpen;
  for (unsigned char c : {')', ']', '}'}) table[c] = FormatChar::kClose;
  table[0] = FormatChar::kNul;
  return table;
}();

// Items at the current nesting level before `end` (-1: unbalanced); *stop,
// when asked, is where `end` was found.
Py_ssize_t countFormat(const char* format, char end, const char** stop = nullptr) {
  Py_ssize_t count = 0;
  int level = 0;
  for (;; ++format) {
    char c = *format;
    // Items first, the usual character: none of them is an `end`.
    if (kFormatChars[static_cast<unsigned char>(c)] == FormatChar::kItem) {
      count += level == 0;
      continue;
    }
    if (level <= 0 && c == end) {
      if (stop != nullptr) *stop = format;
      return count;
    }
    switch (kFormatChars[static_cast<unsigned char>(c)]) {
      case FormatChar::kItem:
      case FormatChar::kSkip:
        break;
      case FormatChar::kOpen:
        count += level == 0;
        ++level;
        break;
      case FormatChar::kClose:
        --level;
        break;
      case FormatChar::kNul:
        raise(exc::SystemError, "unmatched paren in format");
        return -1;
    }
  }
}

struct Builder {
  va_list* ap;
  int flags;

  PyObject* makeValue(const char** p_format);
  // makeValue for an item of a sequence: the commonest units inline.
  PyObject* makeItem(const char** p_format);
  Value makeList(const char** p_format, char end, Py_ssize_t n);
  PyObject* makeTuple(const char** p_format, char end, Py_ssize_t n);
  Value makeDict(const char** p_format, char end, Py_ssize_t n);
  // Walks n more items after a failure, releasing what they make ("N").
  void ignore(const char** p_format, char end, Py_ssize_t n);
  Py_ssize_t lengthArg(const char** p_format, bool* ok);
};

void Builder::ignore(const char** p_format, char end, Py_ssize_t n) {
  Value saved = takeError();
  for (Py_ssize_t i = 0; i < n; ++i) {
    PyObject* w = makeValue(p_format);
    if (w == nullptr) {
      clearError();
    } else {
      Py_DECREF(w);
    }
  }
  if (**p_format == end && end != '\0') ++*p_format;
  restoreError(saved);
}

// Stores each item's value and releases the item reference.
// After a sequence's items: its closing character (none at the top level).
bool closeSequence(const char** p_format, char end) {
  if (**p_format != end) {
    raise(exc::SystemError, "Unmatched paren in format");
    return false;
  }
  if (end != '\0') ++*p_format;
  return true;
}

Value Builder::makeList(const char** p_format, char end, Py_ssize_t n) {
  if (n < 0) return Value();
  Value list = newList(n);
  if (list.isNull()) {
    ignore(p_format, end, n);
    return Value();
  }
  for (Py_ssize_t i = 0; i < n; ++i) {
    PyObject* w = makeValue(p_format);
    if (w == nullptr) {
      ignore(p_format, end, n - i - 1);
      return Value();
    }
    Value item = takeNew(w);
    if (item.isNull() || !listAppend(list, item)) {
      ignore(p_format, end, n - i - 1);
      return Value();
    }
  }
  return closeSequence(p_format, end) ? list : Value();
}

// A tuple is built in C (PyTuple_New, its items stolen), so that one
// returned to the runtime at once is handed over without links (takeNew).
PyObject* Builder::makeTuple(const char** p_format, char end, Py_ssize_t n) {
  if (n < 0) return nullptr;
  PyObject* t = PyTuple_New(n);
  if (t == nullptr) {
    ignore(p_format, end, n);
    return nullptr;
  }
  for (Py_ssize_t i = 0; i < n; ++i) {
    PyObject* w = makeItem(p_format);
    if (w == nullptr) {
      ignore(p_format, end, n - i - 1);
      Py_DECREF(t);
      return nullptr;
    }
    PyTuple_SET_ITEM(t, i, w);
  }
  if (!closeSequence(p_format, end)) {
    Py_DECREF(t);
    return nullptr;
  }
  return t;
}

Value Builder::makeDict(const char** p_format, char end, Py_ssize_t n) {
  if (n < 0) return Value();
  if (n % 2 != 0) {
    raise(exc::SystemError, "Bad dict format");
    ignore(p_format, end, n);
    return Value();
  }
  Value d = newDict();
  for (Py_ssize_t i = 0; i < n; i += 2) {
    PyObject* k = makeValue(p_format);
    if (k == nullptr) {
      ignore(p_format, end, n - i - 1);
      return Value();
    }
    PyObject* v = makeValue(p_format);
    if (v == nullptr) {
      Py_DECREF(k);
      ignore(p_format, end, n - i - 2);
      return Value();
    }
    Value key = takeNew(k);
    Value value = takeNew(v);
    if (key.isNull() || value.isNull() || dictSet(d, key, value) < 0) {
      ignore(p_format, end, n - i - 2);
      return Value();
    }
  }
  if (**p_format != end) {
    raise(exc::SystemError, "Unmatched paren in format");
    return Value();
  }
  if (end != '\0') ++*p_format;
  return d;
}

Py_ssize_t Builder::lengthArg(const char** p_format, bool* ok) {
  *ok = true;
  if (**p_format != '#') return -1;
  ++*p_format;
  if (flags & kFlagSizeT) return va_arg(*ap, Py_ssize_t);
  raise(exc::SystemError, "PY_SSIZE_T_CLEAN macro must be defined for '#' formats");
  *ok = false;
  return -1;
}

// The units most tuples C builds are made of ("(isd)"), each one call
// cheaper than through makeValue's switch over every unit ("s#" and the
// rest take makeValue).
[[gnu::always_inline]] inline PyObject* Builder::makeItem(const char** p_format) {
  const char* f = *p_format;
  switch (f[0]) {
    case 'i':
      *p_format = f + 1;
      return PyLong_FromLong(va_arg(*ap, int));
    case 'l':
      *p_format = f + 1;
      return PyLong_FromLong(va_arg(*ap, long));
    case 'd':
      *p_format = f + 1;
      return PyFloat_FromDouble(va_arg(*ap, double));
    case 's': {
      if (f[1] == '#') break;
      *p_format = f + 1;
      const char* s = va_arg(*ap, const char*);
      return s == nullptr ? toNew(None()) : PyUnicode_FromString(s);
    }
    default:
      break;
  }
  return makeValue(p_format);
}

PyObject* Builder::makeValue(const char** p_format) {
  for (;;) {
    char c = *(*p_format)++;
    switch (c) {
      case '(': {
        Py_ssize_t n = countFormat(*p_format, ')');
        return makeTuple(p_format, ')', n);
      }
      case '[': {
        Py_ssize_t n = countFormat(*p_format, ']');
        return returnNew(makeList(p_format, ']', n));
      }
      case '{': {
        Py_ssize_t n = countFormat(*p_format, '}');
        return returnNew(makeDict(p_format, '}', n));
      }
      case 'b':
      case 'B':
      case 'h':
      case 'i':
        return PyLong_FromLong(va_arg(*ap, int));
      case 'H':
        return PyLong_FromLong(static_cast<long>(va_arg(*ap, unsigned int)));
      case 'I':
        return PyLong_FromUnsignedLong(va_arg(*ap, unsigned int));
      case 'n':
        return PyLong_FromSsize_t(va_arg(*ap, Py_ssize_t));
      case 'l':
        return PyLong_FromLong(va_arg(*ap, long));
      case 'k':
        return PyLong_FromUnsignedLong(va_arg(*ap, unsigned long));
      case 'L':
        return PyLong_FromLongLong(va_arg(*ap, long long));
      case 'K':
        return PyLong_FromUnsignedLongLong(va_arg(*ap, unsigned long long));
      case 'u': {
        auto* u = va_arg(*ap, Py_UNICODE*);
        bool ok;
        Py_ssize_t n = lengthArg(p_format, &ok);
        if (!ok) return nullptr;
        if (u == nullptr) return toNew(None());
        return PyUnicode_FromWideChar(u, n < 0 ? -1 : n);
      }
      case 'f':
      case 'd':
        return PyFloat_FromDouble(va_arg(*ap, double));
      case 'D':
        return PyComplex_FromCComplex(*va_arg(*ap, Py_complex*));
      case 'c': {
        char ch = static_cast<char>(va_arg(*ap, int));
        return PyBytes_FromStringAndSize(&ch, 1);
      }
      case 'C':
        return PyUnicode_FromOrdinal(va_arg(*ap, int));
      case 's':
      case 'z':
      case 'U':
      case 'y': {
        const char* s = va_arg(*ap, const char*);
        bool ok;
        Py_ssize_t n = lengthArg(p_format, &ok);
        if (!ok) return nullptr;
        if (s == nullptr) return toNew(None());
        if (n < 0) n = static_cast<Py_ssize_t>(std::strlen(s));
        return c == 'y' ? PyBytes_FromStringAndSize(s, n) : PyUnicode_FromStringAndSize(s, n);
      }
      case 'N':
      case 'S':
      case 'O': {
        if (**p_format == '&') {
          using Converter = PyObject* (*)(void*);
          auto convert = va_arg(*ap, Converter);
          void* arg = va_arg(*ap, void*);
          ++*p_format;
          return convert(arg);
        }
        PyObject* v = va_arg(*ap, PyObject*);
        if (v != nullptr) {
          if (c != 'N') Py_INCREF(v);
        } else if (!errorPending()) {
          raise(exc::SystemError, "NULL object passed to Py_BuildValue");
        }
        return v;
      }
      case ':':
      case ',':
      case ' ':
      case '\t':
        break;
      default:
        raise(exc::SystemError, "bad format char passed to Py_BuildValue");
        return nullptr;
    }
  }
}

// Whether the format has nothing but separators left.
bool onlySeparators(const char* format) {
  for (; *format != '\0'; ++format) {
    if (kFormatChars[static_cast<unsigned char>(*format)] != FormatChar::kSkip) return false;
  }
  return true;
}

PyObject* buildValue(const char* format, va_list va, int flags) {
  if (format == nullptr) return badInternalCall("Py_BuildValue");
  if (*format == '(') {
    // The usual "(...)": one walk counts the tuple's items (and so that the
    // whole format is one item) instead of one for each level.
    const char* close;
    Py_ssize_t items = countFormat(format + 1, ')', &close);
    if (items < 0) return nullptr;
    if (onlySeparators(close + 1)) {
      va_list ap;
      va_copy(ap, va);
      Builder b{&ap, flags};
      const char* f = format + 1;
      PyObject* r = b.makeTuple(&f, ')', items);
      va_end(ap);
      return r;
    }
  }
  Py_ssize_t n = countFormat(format, '\0');
  if (n < 0) return nullptr;
  if (n == 0) return toNew(None());
  va_list ap;
  va_copy(ap, va);
  Builder b{&ap, flags};
  const char* f = format;
  PyObject* r = n == 1 ? b.makeValue(&f) : b.makeTuple(&f, '\0', n);
  va_end(ap);
  return r;
}

// Py_BuildValue's items as an array of new references (for the
// PyObject_CallFunction family): small_stack when it is big enough, else
// PyMem_Malloc'd (the caller frees it).
PyObject** buildStack(PyObject** small_stack, Py_ssize_t small_stack_len, const char* format, va_list va, int flags,
                      Py_ssize_t* p_nargs) {
  if (format == nullptr || p_nargs == nullptr) return badInternalCall("_Py_VaBuildStack");
  Py_ssize_t n = countFormat(format, '\0');
  if (n < 0) {
    *p_nargs = 0;
    return nullptr;
  }
  if (n == 0) {
    *p_nargs = 0;
    return small_stack;
  }
  PyObject** stack = small_stack;
  if (n > small_stack_len) {
    stack = static_cast<PyObject**>(PyMem_Malloc(static_cast<size_t>(n) * sizeof(PyObject*)));
    if (stack == nullptr) {
      raiseNoMemory();
      return nullptr;
    }
  }
  va_list ap;
  va_copy(ap, va);
  Builder b{&ap, flags};
  const char* f = format;
  for (Py_ssize_t i = 0; i < n; ++i) {
    stack[i] = b.makeValue(&f);
    if (stack[i] == nullptr) {
      b.ignore(&f, '\0', n - i - 1);
      for (Py_ssize_t j = 0; j < i; ++j) Py_DECREF(stack[j]);
      if (stack != small_stack) PyMem_Free(stack);
      va_end(ap);
      return nullptr;
    }
  }
  va_end(ap);
  *p_nargs = n;
  return stack;
}

}  // namespace
}  // namespace tern::cpyext

using namespace tern;
using namespace tern::cpyext;

extern "C" {

PyObject* Py_BuildValue(const char* format, ...) {
  va_list ap;
  va_start(ap, format);
  PyObject* r = buildValue(format, ap, 0);
  va_end(ap);
  return r;
}

PyObject* _Py_BuildValue_SizeT(const char* format, ...) {
  va_list ap;
  va_start(ap, format);
  PyObject* r = buildValue(format, ap, kFlagSizeT);
  va_end(ap);
  return r;
}

PyObject* Py_VaBuildValue(const char* format, va_list va) { return buildValue(format, va, 0); }
PyObject* _Py_VaBuildValue_SizeT(const char* format, va_list va) { return buildValue(format, va, kFlagSizeT); }

PyObject** _Py_VaBuildStack(PyObject** small_stack, Py_ssize_t small_stack_len, const char* format, va_list va,
                            Py_ssize_t* p_nargs) {
  return buildStack(small_stack, small_stack_len, format, va, 0, p_nargs);
}

PyObject** _Py_VaBuildStack_SizeT(PyObject** small_stack, Py_ssize_t small_stack_len, const char* format, va_list va,
                                  Py_ssize_t* p_nargs) {
  return buildStack(small_stack, small_stack_len, format, va, kFlagSizeT, p_nargs);
}

// ===========================================================================
// Modules

int PyModule_AddObjectRef(PyObject* mod, const char* name, PyObject* value) {
  if (mod == nullptr || name == nullptr) return badInternalCall("PyModule_AddObjectRef"), -1;
  Value m = fromC(mod);
  if (m.isNull()) return -1;
  if (!isModule(m)) {
    raise(exc::TypeError, "PyModule_AddObjectRef() first argument must be a module");
    return -1;
  }
  if (value == nullptr) {
    if (!errorPending()) {
      raise(exc::SystemError, "PyModule_AddObjectRef() must be called with an exception raised if value is NULL");
    }
    return -1;
  }
  Value dict = instanceDict(m);
  if (dict.isNull()) {
    if (!errorPending()) raise(exc::SystemError, "module has no __dict__");
    return -1;
  }
  Value key = newStrReplacingInvalid(name);
  if (key.isNull()) return -1;
  Value v = fromC(value);
  if (v.isNull()) return -1;
  return dictSet(dict, intern(key), v) < 0 ? -1 : 0;
}

int PyModule_AddObject(PyObject* mod, const char* name, PyObject* value) {
  int r = PyModule_AddObjectRef(mod, name, value);
  if (r == 0) Py_DECREF(value);
  return r;
}

int PyModule_AddIntConstant(PyObject* mod, const char* name, long value) {
  PyObject* o = PyLong_FromLong(value);
  if (o == nullptr) return -1;
  int r = PyModule_AddObjectRef(mod, name, o);
  Py_DECREF(o);
  return r;
}

int PyModule_AddStringConstant(PyObject* mod, const char* name, const char* value) {
  PyObject* o = PyUnicode_FromString(value);
  if (o == nullptr) return -1;
  int r = PyModule_AddObjectRef(mod, name, o);
  Py_DECREF(o);
  return r;
}

int PyModule_AddType(PyObject* mod, PyTypeObject* type) {
  if (type == nullptr) return badInternalCall("PyModule_AddType"), -1;
  if (PyType_Ready(type) < 0) return -1;
  const char* name = std::strrchr(type->tp_name, '.');
  name = name == nullptr ? type->tp_name : name + 1;
  return PyModule_AddObjectRef(mod, name, reinterpret_cast<PyObject*>(type));
}

}  // extern "C"
