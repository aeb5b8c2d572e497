// The exception hierarchy: instance layouts and the builtin exception types.
//
// Every exception instance starts with BaseExceptionObj's fields; subclasses
// with attributes of their own (SystemExit.code, OSError.errno, ...) extend it,
// as CPython's Py*ErrorObject structs do.  Instances of Python subclasses add
// their __dict__ after the builtin fields (dict_offset of the type).
//
// Invariants: `args` is always a tuple (never null once __new__ returned);
// `traceback` is None or a traceback object; `cause` and `context` are None or
// exception instances (null is read as None).  __notes__ is an ordinary
// attribute in the instance dict, as in CPython.
#pragma once

#include "runtime/objects/object.h"

namespace tern {

struct BaseExceptionObj : Obj {
  gc::HeapValue dict;        // instance __dict__ (lazily created)
  gc::HeapValue args;        // tuple
  gc::HeapValue traceback;   // __traceback__
  gc::HeapValue context;     // __context__
  gc::HeapValue cause;       // __cause__
  uint64_t suppress_context; // __suppress_context__ (0/1)
};

struct BaseExceptionGroupObj : BaseExceptionObj {
  gc::HeapValue msg;  // str
  gc::HeapValue excs;  // tuple of exceptions
};

struct SystemExitObj : BaseExceptionObj {
  gc::HeapValue code;
};

struct AttributeErrorObj : BaseExceptionObj {
  gc::HeapValue obj, name;
};

struct ImportErrorObj : BaseExceptionObj {
  gc::HeapValue msg, name, path;
};

struct NameErrorObj : BaseExceptionObj {
  gc::HeapValue name;
};

struct OSErrorObj : BaseExceptionObj {
  gc::HeapValue myerrno, strerror, filename, filename2;
  int64_t written;  // BlockingIOError.characters_written; -1 when unset
};

struct StopIterationObj : BaseExceptionObj {
  gc::HeapValue value;
};

struct SyntaxErrorObj : BaseExceptionObj {
  gc::HeapValue msg, filename, lineno, offset, text, end_lineno, end_offset, print_file_and_line;
};

struct UnicodeErrorObj : BaseExceptionObj {
  gc::HeapValue encoding, object, start, end, reason;
};

// `exc::TypeError` etc.: the builtin exception types, set once at start-up.
namespace exc {
#define TERN_EXCEPTION(name, base, layout, doc) inline Type* name = nullptr;
#include "runtime/objects/exceptions.def"
#undef TERN_EXCEPTION
// Created by initializeExceptions() as CPython creates it: a class with two
// bases, (BaseExceptionGroup, Exception).
inline Type* ExceptionGroup = nullptr;
}  // namespace exc

// Creates ExceptionGroup and the preallocated MemoryError; called at the end
// of initializeTypes() once every builtin type exists.  False on failure.
bool initializeExceptions();

inline bool isException(Value v) { return hasTypeFlag(v, type_flags::kBaseExceptionSubclass); }

// Creates an instance of exception type `type` with the arguments `args` (a
// tuple), running its __new__ and __init__ as calling the type would; null
// with an exception pending if that fails.
Value newException(Type* type, Value args);
// `inst`, the result of calling exception class `cls`, when it is an exception
// instance; otherwise raises CPython's TypeError and returns null.  Null in, null out.
Value requireExceptionInstance(Value cls, Value inst);

// PREP_RERAISE_STAR (CPython's _PyExc_PrepReraiseStar): what a try-except*
// raises once its handlers ran.  `orig` is the exception caught, `excs` a list
// of what each handler raised or re-raised (None for a handler that did
// neither, or the unmatched rest).  Re-raised leaves keep their nesting in
// orig (projected with split()'s machinery); exceptions raised anew join them
// in a new ExceptionGroup("", [...]).  None when nothing is left to raise.
Value prepReraiseStar(Value orig, Value excs);

}  // namespace tern
