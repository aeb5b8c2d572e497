// The _csv module, what csv.py imports: Dialect (the validated formatting
// parameters), reader and writer objects, the dialect registry,
// field_size_limit, the QUOTE_* constants and _csv.Error.  The reader's
// state machine, the writer's quoting and escaping rules and every message
// are CPython 3.11's (Modules/_csv.c).
//
// A row is parsed within one __next__ call (the lines of a quoted field
// spanning several lines are pulled from the input there), so the parser's
// state lives on the C++ stack; the reader object keeps only its input
// iterator, its dialect and the line count.
#include <cstdint>
#include <string>

#include "runtime/gc/roots.h"
#include "runtime/interp/errors.h"
#include "runtime/modules/module.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/float.h"
#include "runtime/objects/int.h"
#include "runtime/objects/list.h"
#include "runtime/objects/native.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"
#include "runtime/objects/type.h"

namespace tern {

namespace {

constexpr int64_t kNotSet = -1;  // a character parameter that is None
constexpr int64_t kEol = -2;     // the end of a line, fed to the parser
enum Quoting : int64_t { kQuoteMinimal = 0, kQuoteAll = 1, kQuoteNonNumeric = 2, kQuoteNone = 3 };

Type* g_dialect_type = nullptr;
Type* g_reader_type = nullptr;
Type* g_writer_type = nullptr;
gc::GlobalRoot g_csv_error;  // _csv.Error
gc::GlobalRoot g_dialects;   // name -> Dialect
int64_t g_field_limit = 128 * 1024;

Type* errorType() { return static_cast<Type*>(g_csv_error.get().asObject()); }

// ===========================================================================
// Dialect

struct DialectObj : Obj {
  gc::HeapValue lineterminator;  // str (never null once made)
  int64_t delimiter;             // a code point or kNotSet
  int64_t quotechar;
  int64_t escapechar;
  int64_t quoting;
  uint64_t doublequote;
  uint64_t skipinitialspace;
  uint64_t strict;
};
DialectObj* asDialect(Value v) { return static_cast<DialectObj*>(v.asObject()); }
bool isDialect(Value v) { return !v.isSmallInt() && isInstance(v, g_dialect_type); }

bool setBool(Value src, bool dflt, uint64_t* target) {
  if (src.isNull()) {
    *target = dflt;
    return true;
  }
  int r = isTrue(src);
  if (r < 0) return false;
  *target = static_cast<uint64_t>(r);
  return true;
}

bool setInt(const char* name, Value src, int64_t dflt, int64_t* target) {
  if (src.isNull()) {
    *target = dflt;
    return true;
  }
  if (!src.isSmallInt() && typeOf(src) != types::int_type) {
    raisef(exc::TypeError, "\"%s\" must be an integer", name);
    return false;
  }
  int value;
  if (!argCInt(src, &value)) return false;
  *target = value;
  return true;
}

bool setChar(const char* name, Value src, int64_t dflt, int64_t* target, bool none_ok) {
  if (src.isNull()) {
    *target = dflt;
    return true;
  }
  *target = kNotSet;
  if (none_ok && isNone(src)) return true;
  if (!isStr(src)) {
    raisef(exc::TypeError, none_ok ? "\"%s\" must be string or None, not %s" : "\"%s\" must be string, not %s", name,
           typeNameOf(src).c_str());
    return false;
  }
  if (asStr(src)->length != 1) {
    raisef(exc::TypeError, "\"%s\" must be a 1-character string", name);
    return false;
  }
  *target = asStr(src)->at(0);
  return true;
}

const char* const kDialectKeywords[] = {"dialect",   "delimiter", "doublequote",      "escapechar", "lineterminator",
                                        "quotechar", "quoting",   "skipinitialspace", "strict"};
constexpr size_t kDialectParams = 9;

// Dialect(dialect=None, delimiter=..., ...): CPython's dialect_new.
Value dialect_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  Value p[kDialectParams];
  if (nargs > kDialectParams) {
    return raisef(exc::TypeError, "function takes at most %zu arguments (%zu given)", kDialectParams, nargs);
  }
  for (size_t i = 0; i < nargs; ++i) p[i] = args[i];
  size_t nk = kwnames.isNull() ? 0 : static_cast<size_t>(tupleLength(kwnames));
  for (size_t k = 0; k < nk; ++k) {
    std::string key = strToUtf8(tupleItem(kwnames, static_cast<int64_t>(k)));
    size_t i = 0;
    while (i < kDialectParams && key != kDialectKeywords[i]) ++i;
    if (i == kDialectParams) {
      return raisef(exc::TypeError, "'%s' is an invalid keyword argument for this function", key.c_str());
    }
    if (i < nargs) {
      return raisef(exc::TypeError, "argument for function given by name ('%s') and position (%zu)", key.c_str(),
                    i + 1);
    }
    p[i] = args[nargs + k];
  }
  Value dialect = p[0];
  if (!dialect.isNull()) {
    if (isStr(dialect)) {
      Value found = dictGet(g_dialects.get(), dialect);
      if (found.isNull()) {
        if (errorPending()) return Value();
        return raise(errorType(), "unknown dialect");
      }
      dialect = found;
    }
    bool only_dialect = true;
    for (size_t i = 1; i < kDialectParams; ++i) only_dialect = only_dialect && p[i].isNull();
    if (isDialect(dialect) && only_dialect) return dialect;
    for (size_t i = 1; i < kDialectParams; ++i) {
      if (p[i].isNull()) {
        p[i] = lookupAttr(dialect, internStr(kDialectKeywords[i]));
        if (p[i].isNull()) clearError();
      }
    }
  }
  Value self(newObject(type, type->basic_size));
  DialectObj* d = asDialect(self);
  int64_t delimiter, quotechar, escapechar, quoting;
  uint64_t doublequote, skipinitialspace, strict;
  Value lineterminator;
  if (!setChar("delimiter", p[1], ',', &delimiter, false)) return Value();
  if (!setBool(p[2], true, &doublequote)) return Value();
  if (!setChar("escapechar", p[3], kNotSet, &escapechar, true)) return Value();
  if (p[4].isNull()) {
    lineterminator = newStr("\r\n");
  } else if (!isNone(p[4])) {
    if (!isStr(p[4])) return raise(exc::TypeError, "\"lineterminator\" must be a string");
    lineterminator = p[4];
  }
  if (!setChar("quotechar", p[5], '"', &quotechar, true)) return Value();
  if (!setInt("quoting", p[6], kQuoteMinimal, &quoting)) return Value();
  if (!setBool(p[7], false, &skipinitialspace)) return Value();
  if (!setBool(p[8], false, &strict)) return Value();
  if (quoting < kQuoteMinimal || quoting > kQuoteNone) return raise(exc::TypeError, "bad \"quoting\" value");
  if (delimiter == kNotSet) return raise(exc::TypeError, "\"delimiter\" must be a 1-character string");
  if (!p[5].isNull() && isNone(p[5]) && p[6].isNull()) quoting = kQuoteNone;
  if (quoting != kQuoteNone && quotechar == kNotSet) {
    return raise(exc::TypeError, "quotechar must be set if quoting enabled");
  }
  if (lineterminator.isNull()) return raise(exc::TypeError, "lineterminator must be set");
  d = asDialect(self);
  d->lineterminator.set(lineterminator);
  d->delimiter = delimiter;
  d->quotechar = quotechar;
  d->escapechar = escapechar;
  d->quoting = quoting;
  d->doublequote = doublequote;
  d->skipinitialspace = skipinitialspace;
  d->strict = strict;
  return self;
}

Value charOrNone(int64_t c) { return c == kNotSet ? None() : strFromCodePoint(static_cast<char32_t>(c)); }
Value dialect_get_delimiter(Value self) { return charOrNone(asDialect(self)->delimiter); }
Value dialect_get_quotechar(Value self) { return charOrNone(asDialect(self)->quotechar); }
Value dialect_get_escapechar(Value self) { return charOrNone(asDialect(self)->escapechar); }
Value dialect_get_lineterminator(Value self) { return asDialect(self)->lineterminator.get(); }

// Dialect(dialect, **kwargs) as reader/writer/register_dialect make it.
Value callDialect(Value dialect, Value kwargs) {
  Value args = dialect.isNull() ? newTuple(0) : newTupleOf({dialect});
  if (args.isNull()) return args;
  return callTupleDict(typeValue(g_dialect_type), args, kwargs.isNull() ? Value() : kwargs);
}

// PyArg_UnpackTuple(args, "", 1, 2, ...).
bool unpackOneOrTwo(Value args, Value* first, Value* second) {
  int64_t n = tupleLength(args);
  if (n < 1) {
    raisef(exc::TypeError, " expected at least 1 argument, got %lld", static_cast<long long>(n));
    return false;
  }
  if (n > 2) {
    raisef(exc::TypeError, " expected at most 2 arguments, got %lld", static_cast<long long>(n));
    return false;
  }
  *first = tupleItem(args, 0);
  *second = n == 2 ? tupleItem(args, 1) : Value();
  return true;
}

// ===========================================================================
// reader

struct ReaderObj : Obj {
  gc::HeapValue input_iter;
  gc::HeapValue dialect;
  int64_t line_num;
};
ReaderObj* asReader(Value v) { return static_cast<ReaderObj*>(v.asObject()); }

enum class State {
  kStartRecord,
  kStartField,
  kEscapedChar,
  kInField,
  kInQuotedField,
  kEscapeInQuotedField,
  kQuoteInQuotedField,
  kEatCrnl,
  kAfterEscapedCrnl,
};

struct Parser {
  Value dialect;
  Value fields;  // list
  std::u32string field;
  State state = State::kStartRecord;
  bool numeric_field = false;

  DialectObj* d() const { return asDialect(dialect); }

  bool saveField() {
    Value f = newStrFromUcs4(field);
    field.clear();
    if (f.isNull()) return false;
    if (numeric_field) {
      numeric_field = false;
      f = toFloat(f);
      if (f.isNull()) return false;
    }
    return listAppend(fields, f);
  }

  bool addChar(int64_t c) {
    if (static_cast<int64_t>(field.size()) >= g_field_limit) {
      raisef(errorType(), "field larger than field limit (%lld)", static_cast<long long>(g_field_limit));
      return false;
    }
    field.push_back(static_cast<char32_t>(c));
    return true;
  }

  static bool isNewline(int64_t c) { return c == '\n' || c == '\r'; }

  bool processChar(int64_t c) {
    DialectObj* dl = d();
    switch (state) {
      case State::kStartRecord:
        if (c == kEol) return true;
        if (isNewline(c)) {
          state = State::kEatCrnl;
          return true;
        }
        state = State::kStartField;
        [[fallthrough]];
      case State::kStartField:
        if (isNewline(c) || c == kEol) {
          if (!saveField()) return false;
          state = c == kEol ? State::kStartRecord : State::kEatCrnl;
        } else if (c == dl->quotechar && dl->quoting != kQuoteNone) {
          state = State::kInQuotedField;
        } else if (c == dl->escapechar) {
          state = State::kEscapedChar;
        } else if (c == ' ' && dl->skipinitialspace) {
          // spaces at the start of a field are dropped
        } else if (c == dl->delimiter) {
          if (!saveField()) return false;
        } else {
          if (dl->quoting == kQuoteNonNumeric) numeric_field = true;
          if (!addChar(c)) return false;
          state = State::kInField;
        }
        return true;
      case State::kEscapedChar:
        if (isNewline(c)) {
          if (!addChar(c)) return false;
          state = State::kAfterEscapedCrnl;
          return true;
        }
        if (c == kEol) c = '\n';
        if (!addChar(c)) return false;
        state = State::kInField;
        return true;
      case State::kAfterEscapedCrnl:
        if (c == kEol) return true;
        [[fallthrough]];
      case State::kInField:
        if (isNewline(c) || c == kEol) {
          if (!saveField()) return false;
          state = c == kEol ? State::kStartRecord : State::kEatCrnl;
        } else if (c == dl->escapechar) {
          state = State::kEscapedChar;
        } else if (c == dl->delimiter) {
          if (!saveField()) return false;
          state = State::kStartField;
        } else if (!addChar(c)) {
          return false;
        }
        return true;
      case State::kInQuotedField:
        if (c == kEol) {
          // a newline inside quotes: the next line continues the field
        } else if (c == dl->escapechar) {
          state = State::kEscapeInQuotedField;
        } else if (c == dl->quotechar && dl->quoting != kQuoteNone) {
          state = dl->doublequote ? State::kQuoteInQuotedField : State::kInField;
        } else if (!addChar(c)) {
          return false;
        }
        return true;
      case State::kEscapeInQuotedField:
        if (c == kEol) c = '\n';
        if (!addChar(c)) return false;
        state = State::kInQuotedField;
        return true;
      case State::kQuoteInQuotedField:
        if (dl->quoting != kQuoteNone && c == dl->quotechar) {
          if (!addChar(c)) return false;
          state = State::kInQuotedField;
        } else if (c == dl->delimiter) {
          if (!saveField()) return false;
          state = State::kStartField;
        } else if (isNewline(c) || c == kEol) {
          if (!saveField()) return false;
          state = c == kEol ? State::kStartRecord : State::kEatCrnl;
        } else if (!dl->strict) {
          if (!addChar(c)) return false;
          state = State::kInField;
        } else {
          std::string msg = "'" + strToUtf8(strFromCodePoint(static_cast<char32_t>(dl->delimiter))) +
                            "' expected after '" + strToUtf8(strFromCodePoint(static_cast<char32_t>(dl->quotechar))) +
                            "'";
          raise(errorType(), msg);
          return false;
        }
        return true;
      case State::kEatCrnl:
        if (isNewline(c)) {
          // more line ends
        } else if (c == kEol) {
          state = State::kStartRecord;
        } else {
          raise(errorType(),
                "new-line character seen in unquoted field - do you need to open the file in universal-newline "
                "mode?");
          return false;
        }
        return true;
    }
    return true;
  }
};

Value reader_next(Value self) {
  Parser p;
  p.dialect = asReader(self)->dialect.get();
  p.fields = newList();
  if (p.fields.isNull()) return Value();
  do {
    Value line = iterNext(asReader(self)->input_iter.get());
    if (line.isNull()) {
      if (!errorPending() && (!p.field.empty() || p.state == State::kInQuotedField)) {
        if (p.d()->strict) {
          raise(errorType(), "unexpected end of data");
        } else if (p.saveField()) {
          break;
        }
      }
      return Value();
    }
    if (!isStr(line)) {
      return raisef(errorType(), "iterator should return strings, not %s (the file should be opened in text mode)",
                    typeNameOf(line).c_str());
    }
    asReader(self)->line_num += 1;
    int64_t n = asStr(line)->length;
    for (int64_t i = 0; i < n; ++i) {
      if (!p.processChar(asStr(line)->at(i))) return Value();
    }
    if (!p.processChar(kEol)) return Value();
  } while (p.state != State::kStartRecord);
  return p.fields;
}

Value csv_reader(Value* args) {
  Value iterable, dialect;
  if (!unpackOneOrTwo(args[1], &iterable, &dialect)) return Value();
  Value it = getIter(iterable);
  if (it.isNull()) return it;
  Value d = callDialect(dialect, args[2]);
  if (d.isNull()) return d;
  auto* r = static_cast<ReaderObj*>(newObject(g_reader_type, sizeof(ReaderObj)));
  r->input_iter.set(it);
  r->dialect.set(d);
  return Value(r);
}

// ===========================================================================
// writer

struct WriterObj : Obj {
  gc::HeapValue write;
  gc::HeapValue dialect;
};
WriterObj* asWriter(Value v) { return static_cast<WriterObj*>(v.asObject()); }

// CPython's join_append_data over both phases: appends the field (null: None)
// to `rec`, quoting or escaping as the dialect says.
bool joinAppend(Value dialect, const std::u32string* field, bool quoted, int64_t num_fields, std::u32string* rec) {
  DialectObj* d = asDialect(dialect);
  std::u32string terminator = strToUcs4(d->lineterminator.get());
  std::u32string body;
  if (field != nullptr) {
    for (char32_t c : *field) {
      bool want_escape = false;
      int64_t ch = c;
      if (ch == d->delimiter || ch == d->escapechar || ch == d->quotechar ||
          terminator.find(c) != std::u32string::npos) {
        if (d->quoting == kQuoteNone) {
          want_escape = true;
        } else {
          if (ch == d->quotechar) {
            if (d->doublequote) {
              body.push_back(static_cast<char32_t>(d->quotechar));
            } else {
              want_escape = true;
            }
          } else if (ch == d->escapechar) {
            want_escape = true;
          }
          if (!want_escape) quoted = true;
        }
        if (want_escape) {
          if (d->escapechar == kNotSet) {
            raise(errorType(), "need to escape, but no escapechar set");
            return false;
          }
          body.push_back(static_cast<char32_t>(d->escapechar));
        }
      }
      body.push_back(c);
    }
  }
  if (num_fields > 0) rec->push_back(static_cast<char32_t>(d->delimiter));
  if (quoted) rec->push_back(static_cast<char32_t>(d->quotechar));
  rec->append(body);
  if (quoted) rec->push_back(static_cast<char32_t>(d->quotechar));
  return true;
}

// PyNumber_Check.
bool isNumber(Value v) {
  if (v.isSmallInt()) return true;
  const Slots& s = typeOf(v)->slots;
  return s.nb_index != nullptr || s.nb_int != nullptr || s.nb_float != nullptr || isInstance(v, types::complex_type);
}

Value writerow(Value self, Value row) {
  Value dialect = asWriter(self)->dialect.get();
  Value it = getIter(row);
  if (it.isNull()) {
    if (errorMatches(exc::TypeError)) {
      clearError();
      return raisef(errorType(), "iterable expected, not %s", typeNameOf(row).c_str());
    }
    return it;
  }
  std::u32string rec;
  int64_t num_fields = 0;
  for (;;) {
    Value field = iterNext(it);
    if (field.isNull()) {
      if (errorPending()) return Value();
      break;
    }
    int64_t quoting = asDialect(dialect)->quoting;
    bool quoted = quoting == kQuoteAll || (quoting == kQuoteNonNumeric && !isNumber(field));
    bool ok;
    if (isStr(field)) {
      std::u32string text = strToUcs4(field);
      ok = joinAppend(dialect, &text, quoted, num_fields, &rec);
    } else if (isNone(field)) {
      ok = joinAppend(dialect, nullptr, quoted, num_fields, &rec);
    } else {
      Value s = str(field);
      if (s.isNull()) return s;
      std::u32string text = strToUcs4(s);
      ok = joinAppend(dialect, &text, quoted, num_fields, &rec);
    }
    if (!ok) return Value();
    ++num_fields;
  }
  if (num_fields > 0 && rec.empty()) {
    if (asDialect(dialect)->quoting == kQuoteNone)
      return raise(errorType(), "single empty field record must be quoted");
    if (!joinAppend(dialect, nullptr, true, 0, &rec)) return Value();
  }
  rec.append(strToUcs4(asDialect(dialect)->lineterminator.get()));
  Value line = newStrFromUcs4(rec);
  if (line.isNull()) return line;
  return call1(asWriter(self)->write.get(), line);
}

Value Writer_writerow(Value* args) { return writerow(args[0], args[1]); }

Value Writer_writerows(Value* args) {
  Value it = getIter(args[1]);
  if (it.isNull()) return it;
  for (;;) {
    Value row = iterNext(it);
    if (row.isNull()) return errorPending() ? Value() : None();
    if (writerow(args[0], row).isNull()) return Value();
  }
}

Value csv_writer(Value* args) {
  Value file, dialect;
  if (!unpackOneOrTwo(args[1], &file, &dialect)) return Value();
  Value write = lookupAttr(file, internStr("write"));
  if (write.isNull() && errorPending()) return Value();
  if (write.isNull() || !isCallable(write)) return raise(exc::TypeError, "argument 1 must have a \"write\" method");
  Value d = callDialect(dialect, args[2]);
  if (d.isNull()) return d;
  auto* w = static_cast<WriterObj*>(newObject(g_writer_type, sizeof(WriterObj)));
  w->write.set(write);
  w->dialect.set(d);
  return Value(w);
}

// ===========================================================================
// The dialect registry and field_size_limit

Value csv_register_dialect(Value* args) {
  Value name, dialect;
  if (!unpackOneOrTwo(args[1], &name, &dialect)) return Value();
  if (!isStr(name)) return raise(exc::TypeError, "dialect name must be a string");
  Value d = callDialect(dialect, args[2]);
  if (d.isNull()) return d;
  if (dictSet(g_dialects.get(), name, d) < 0) return Value();
  return None();
}

Value csv_unregister_dialect(Value* args) {
  int r = dictDel(g_dialects.get(), args[1]);
  if (r < 0) return Value();
  if (r == 0) return raise(errorType(), "unknown dialect");
  return None();
}

Value csv_get_dialect(Value* args) {
  Value d = dictGet(g_dialects.get(), args[1]);
  if (d.isNull()) {
    if (errorPending()) return Value();
    return raise(errorType(), "unknown dialect");
  }
  return d;
}

Value csv_list_dialects(Value*) { return dictKeysList(g_dialects.get()); }

Value csv_field_size_limit(Value* args) {
  int64_t old = g_field_limit;
  Value limit = args[1];
  if (!limit.isNull()) {
    if (!limit.isSmallInt() && typeOf(limit) != types::int_type)
      return raise(exc::TypeError, "limit must be an integer");
    int64_t v;
    if (!intToInt64(limit, &v)) {
      clearError();
      return raise(exc::OverflowError, "Python int too large to convert to C long");
    }
    g_field_limit = v;
  }
  return newInt(old);
}

// ===========================================================================
// Tables

const uint32_t kDialectFields[] = {offsetof(Obj, ob_type), offsetof(DialectObj, lineterminator)};
const gc::Layout kDialectLayout = {.name = "_csv.Dialect", .fields = kDialectFields};

const GetSetDef kDialectGetSets[] = {
    {.name = "delimiter", .get = dialect_get_delimiter},
    {.name = "escapechar", .get = dialect_get_escapechar},
    {.name = "lineterminator", .get = dialect_get_lineterminator},
    {.name = "quotechar", .get = dialect_get_quotechar},
};
const MemberDef kDialectMembers[] = {
    {.name = "skipinitialspace",
     .kind = MemberKind::kBool,
     .offset = offsetof(DialectObj, skipinitialspace),
     .readonly = true},
    {.name = "doublequote", .kind = MemberKind::kBool, .offset = offsetof(DialectObj, doublequote), .readonly = true},
    {.name = "strict", .kind = MemberKind::kBool, .offset = offsetof(DialectObj, strict), .readonly = true},
    {.name = "quoting", .kind = MemberKind::kInt64, .offset = offsetof(DialectObj, quoting), .readonly = true},
};

const TypeSpec kDialectSpec = {
    .name = "Dialect",
    .module = "_csv",
    .type = &g_dialect_type,
    .layout = &kDialectLayout,
    .basic_size = sizeof(DialectObj),
    .flags = type_flags::kBaseType,
    .slots = {.tp_new = dialect_new},
    .getsets = kDialectGetSets,
    .members = kDialectMembers,
    .doc = "CSV dialect\n\nThe Dialect type records CSV parsing and generation options.\n",
};
TERN_REGISTER_TYPE(kDialectSpec);

const uint32_t kReaderFields[] = {offsetof(Obj, ob_type), offsetof(ReaderObj, input_iter),
                                  offsetof(ReaderObj, dialect)};
const gc::Layout kReaderLayout = {.name = "_csv.reader", .fields = kReaderFields};
const MemberDef kReaderMembers[] = {
    {.name = "dialect", .kind = MemberKind::kObject, .offset = offsetof(ReaderObj, dialect), .readonly = true},
    {.name = "line_num", .kind = MemberKind::kInt64, .offset = offsetof(ReaderObj, line_num), .readonly = true},
};
Value selfIter(Value v) { return v; }
const TypeSpec kReaderSpec = {
    .name = "reader",
    .module = "_csv",
    .type = &g_reader_type,
    .layout = &kReaderLayout,
    .basic_size = sizeof(ReaderObj),
    .slots = {.tp_iter = selfIter, .tp_iternext = reader_next},
    .members = kReaderMembers,
    .doc = "CSV reader\n\nReader objects are responsible for reading and parsing tabular data\nin CSV format.\n",
};
TERN_REGISTER_TYPE(kReaderSpec);

const uint32_t kWriterFields[] = {offsetof(Obj, ob_type), offsetof(WriterObj, write), offsetof(WriterObj, dialect)};
const gc::Layout kWriterLayout = {.name = "_csv.writer", .fields = kWriterFields};
const MemberDef kWriterMembers[] = {
    {.name = "dialect", .kind = MemberKind::kObject, .offset = offsetof(WriterObj, dialect), .readonly = true},
};
const MethodDef kWriterMethods[] = {
    {.name = "writerow",
     .signature = "($self, row, /)",
     .fn = Writer_writerow,
     .doc = "writerow(iterable)\n\nConstruct and write a CSV record from an iterable of fields.  Non-string\n"
            "elements will be converted to string."},
    {.name = "writerows",
     .signature = "($self, rows, /)",
     .fn = Writer_writerows,
     .doc = "writerows(iterable of iterables)\n\nConstruct and write a series of iterables to a csv file.  "
            "Non-string\nelements will be converted to string."},
};
const TypeSpec kWriterSpec = {
    .name = "writer",
    .module = "_csv",
    .type = &g_writer_type,
    .layout = &kWriterLayout,
    .basic_size = sizeof(WriterObj),
    .methods = kWriterMethods,
    .members = kWriterMembers,
    .doc =
        "CSV writer\n\nWriter objects are responsible for generating tabular data\nin CSV format from sequence "
        "input.\n",
};
TERN_REGISTER_TYPE(kWriterSpec);

const MethodDef kCsvFunctions[] = {
    {.name = "reader",
     .signature = "($module, /, *args, **kwargs)",
     .fn = csv_reader,
     .doc = "    csv_reader = reader(iterable [, dialect='excel']\n                            [optional keyword "
            "args])\n    for row in csv_reader:\n        process(row)\n\nThe \"iterable\" argument can be any object "
            "that returns a line\nof input for each iteration, such as a file object or a list.  The\noptional "
            "\"dialect\" parameter is discussed below.  The function\nalso accepts optional keyword arguments which "
            "override settings\nprovided by the dialect.\n\nThe returned object is an iterator.  Each iteration "
            "returns a row\nof the CSV file (which can span multiple input lines).\n"},
    {.name = "writer",
     .signature = "($module, /, *args, **kwargs)",
     .fn = csv_writer,
     .doc = "    csv_writer = csv.writer(fileobj [, dialect='excel']\n                            [optional keyword "
            "args])\n    for row in sequence:\n        csv_writer.writerow(row)\n\n    [or]\n\n    csv_writer = "
            "csv.writer(fileobj [, dialect='excel']\n                            [optional keyword args])\n    "
            "csv_writer.writerows(rows)\n\nThe \"fileobj\" argument can be any object that supports the file API.\n"},
    {.name = "list_dialects",
     .signature = "($module, /)",
     .fn = csv_list_dialects,
     .doc = "Return a list of all know dialect names.\n    names = csv.list_dialects()"},
    {.name = "register_dialect",
     .signature = "($module, /, *args, **kwargs)",
     .fn = csv_register_dialect,
     .doc = "Create a mapping from a string name to a dialect class.\n    dialect = csv.register_dialect(name[, "
            "dialect[, **fmtparams]])"},
    {.name = "unregister_dialect",
     .signature = "($module, /, name)",
     .fn = csv_unregister_dialect,
     .doc = "Delete the name/dialect mapping associated with a string name.\n\n    csv.unregister_dialect(name)"},
    {.name = "get_dialect",
     .signature = "($module, /, name)",
     .fn = csv_get_dialect,
     .doc = "Return the dialect instance associated with name.\n\n    dialect = csv.get_dialect(name)"},
    {.name = "field_size_limit",
     .signature = "($module, /, new_limit=<unrepresentable>)",
     .fn = csv_field_size_limit,
     .doc = "Sets an upper limit on parsed fields.\n\n    csv.field_size_limit([limit])\n\nReturns old limit. If "
            "limit is not given, no new limit is set and\nthe old limit is returned"},
};

bool csvInit(Value module) {
  if (g_csv_error.get().isNull()) {
    Value ns = newDict();
    if (ns.isNull() || dictSet(ns, names::__module__, internStr("_csv")) < 0) return false;
    Value bases = newTupleOf({typeValue(exc::Exception)});
    if (bases.isNull()) return false;
    Value error = newClass(types::type_type, internStr("Error"), bases, ns, Value());
    if (error.isNull()) return false;
    g_csv_error.set(error);
    Value dialects = newDict();
    if (dialects.isNull()) return false;
    g_dialects.set(dialects);
  }
  Value d = moduleDict(module);
  static const struct {
    const char* name;
    int64_t value;
  } kConstants[] = {{"QUOTE_MINIMAL", kQuoteMinimal},
                    {"QUOTE_ALL", kQuoteAll},
                    {"QUOTE_NONNUMERIC", kQuoteNonNumeric},
                    {"QUOTE_NONE", kQuoteNone}};
  for (const auto& c : kConstants) {
    if (dictSet(d, internStr(c.name), newInt(c.value)) < 0) return false;
  }
  Value version = newStr("1.0");
  return !version.isNull() && dictSet(d, internStr("__version__"), version) == 0 &&
         dictSet(d, internStr("Error"), g_csv_error.get()) == 0 &&
         dictSet(d, internStr("Dialect"), typeValue(g_dialect_type)) == 0 &&
         dictSet(d, internStr("_dialects"), g_dialects.get()) == 0;
}

const NativeModuleDef kCsvModule = {
    .name = "_csv",
    .methods = kCsvFunctions,
    .init = csvInit,
    .doc =
        "CSV parsing and writing.\n\nThis module provides classes that assist in the reading and writing\nof "
        "Comma Separated Value (CSV) files, and implements the interface\ndescribed by PEP 305.  Although many "
        "CSV files are simple to parse,\nthe format is not formally defined by a stable specification and\nis "
        "subtle enough that parsing lines of a CSV file with something\nlike line.split(\",\") is bound to "
        "fail.  The module supports three\nbasic APIs: reading, writing, and registration of dialects.\n",
};
TERN_REGISTER_MODULE(kCsvModule);

}  // namespace

}  // namespace tern
