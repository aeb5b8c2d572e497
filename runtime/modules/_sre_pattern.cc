// re.Pattern (a compiled regular expression) and SRE_Scanner: the search
// loops of match/search/findall/finditer/sub/split around the engine.
//
// Every loop re-derives the subject pointer (prepareState) before each
// engine call: a replacement callback or the Match objects it creates may
// move the subject in between.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/interp/errors.h"
#include "runtime/modules/_sre_internal.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/buffer.h"
#include "runtime/objects/bytes.h"
#include "runtime/objects/descriptors.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/exceptions.h"
#include "runtime/objects/genericalias.h"
#include "runtime/objects/int.h"
#include "runtime/objects/list.h"
#include "runtime/objects/native.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"

namespace tern::sre {

// ===========================================================================
// Subjects

bool subjectIsBytes(Value string, bool* is_bytes) {
  if (isStr(string)) {
    *is_bytes = false;
    return true;
  }
  if (hasBuffer(string)) {
    *is_bytes = true;
    return true;
  }
  raisef(exc::TypeError, "expected string or bytes-like object, got '%s'", typeNameOf(string).c_str());
  return false;
}

bool prepareState(Value pattern, Value string, int64_t pos, int64_t endpos, MatchState* state,
                  int64_t* clamped_endpos) {
  PatternObj* p = asPattern(pattern);
  bool is_bytes = false;
  if (!subjectIsBytes(string, &is_bytes)) return false;
  if (p->isbytes == 0 && is_bytes) {
    raise(exc::TypeError, "cannot use a string pattern on a bytes-like object");
    return false;
  }
  if (p->isbytes == 1 && !is_bytes) {
    raise(exc::TypeError, "cannot use a bytes pattern on a string-like object");
    return false;
  }
  Subject subject;
  int64_t length = 0;
  if (!is_bytes) {
    StrObj* s = asStr(string);
    subject.data = s->data();
    subject.width = s->kind;
    length = s->length;
  } else {
    std::string_view view;
    if (!bytesLikeView(string, &view) && !bufferContiguousView(string, &view)) {
      raisef(exc::TypeError, "expected string or bytes-like object, got '%s'", typeNameOf(string).c_str());
      return false;
    }
    subject.data = view.data();
    subject.width = 1;
    length = static_cast<int64_t>(view.size());
  }
  if (pos < 0) pos = 0;
  if (pos > length) pos = length;
  if (endpos < 0) endpos = 0;
  if (endpos > length) endpos = length;
  subject.length = endpos;
  // The code words: a bytes object that never changes (and, like the
  // subject, does not move before the engine returns).
  BytesObj* code = asBytes(p->code.get());
  state->code = reinterpret_cast<const uint32_t*>(code->data());
  state->code_length = code->length / 4;
  state->subject = subject;
  state->start = pos;
  state->ngroups = p->groups;
  if (clamped_endpos != nullptr) *clamped_endpos = endpos;
  return true;
}

Value subjectSlice(Value string, int64_t a, int64_t b) {
  if (isStr(string)) return strSubstring(string, a, b);
  // Bytes-like subjects give bytes slices (bytearray and memoryview too).
  std::string_view view;
  if (!bytesLikeView(string, &view) && !bufferContiguousView(string, &view)) {
    return raisef(exc::TypeError, "expected string or bytes-like object, got '%s'", typeNameOf(string).c_str());
  }
  // A bytearray may have shrunk since it was matched.
  int64_t size = static_cast<int64_t>(view.size());
  a = a < 0 ? 0 : a > size ? size : a;
  b = b < a ? a : b > size ? size : b;
  if (a == 0 && b == static_cast<int64_t>(view.size()) && isExactBytes(string)) return string;
  std::string copy(view.substr(static_cast<size_t>(a), static_cast<size_t>(b - a)));
  return newBytes(copy);
}

Value raiseEngineError() { return raise(exc::RuntimeError, "internal error in regular expression engine"); }

namespace {

bool argPos(Value v, int64_t* out) { return argSsize(v, out); }

// ===========================================================================
// match / fullmatch / search

enum class Mode { kMatch, kFullMatch, kSearch };

Value runOnce(Value self, Value string, Value pos_arg, Value endpos_arg, Mode mode) {
  int64_t pos = 0, endpos = 0;
  if (!argPos(pos_arg, &pos) || !argPos(endpos_arg, &endpos)) return Value();
  MatchState state;
  int64_t clamped_end = 0;
  if (!prepareState(self, string, pos, endpos, &state, &clamped_end)) return Value();
  int64_t start = state.start;
  int r = mode == Mode::kSearch ? search(state) : match(state, mode == Mode::kFullMatch);
  if (r < 0) return raiseEngineError();
  if (r == 0) return None();
  return newMatchObject(self, string, start, clamped_end, state);
}

Value pattern_match(Value* args) { return runOnce(args[0], args[1], args[2], args[3], Mode::kMatch); }
Value pattern_fullmatch(Value* args) { return runOnce(args[0], args[1], args[2], args[3], Mode::kFullMatch); }
Value pattern_search(Value* args) { return runOnce(args[0], args[1], args[2], args[3], Mode::kSearch); }

// ===========================================================================
// findall / split / sub

Value emptyLike(Value string) { return subjectSlice(string, 0, 0); }

Value pattern_findall(Value* args) {
  Value self = args[0], string = args[1];
  int64_t pos = 0, endpos = 0;
  if (!argPos(args[2], &pos) || !argPos(args[3], &endpos)) return Value();
  Value result = newList();
  if (result.isNull()) return result;
  bool must_advance = false;
  int64_t ngroups = asPattern(self)->groups;
  for (;;) {
    MatchState state;
    if (!prepareState(self, string, pos, endpos, &state, nullptr)) return Value();
    state.must_advance = must_advance;
    int r = search(state);
    if (r < 0) return raiseEngineError();
    if (r == 0) break;
    int64_t b = state.match_start, e = state.match_end;
    Value item;
    if (ngroups == 0) {
      item = subjectSlice(string, b, e);
    } else {
      std::vector<int64_t> marks = state.marks;
      auto group = [&](int64_t g) -> Value {
        size_t i = static_cast<size_t>(2 * (g - 1));
        if (i + 1 >= marks.size() || marks[i] < 0 || marks[i + 1] < marks[i]) return emptyLike(string);
        return subjectSlice(string, marks[i], marks[i + 1]);
      };
      if (ngroups == 1) {
        item = group(1);
      } else {
        item = newTuple(ngroups);
        if (item.isNull()) return item;
        for (int64_t g = 1; g <= ngroups; ++g) {
          Value v = group(g);
          if (v.isNull()) return v;
          tupleInit(item, g - 1, v);
        }
      }
    }
    if (item.isNull() || !listAppend(result, item)) return Value();
    must_advance = e == b;
    pos = e;
  }
  return result;
}

Value pattern_split(Value* args) {
  Value self = args[0], string = args[1];
  int64_t maxsplit = 0;
  if (!argPos(args[2], &maxsplit)) return Value();
  Value result = newList();
  if (result.isNull()) return result;
  int64_t last = 0, pos = 0, n = 0, length = 0;
  bool must_advance = false;
  int64_t ngroups = asPattern(self)->groups;
  {
    MatchState probe;
    if (!prepareState(self, string, 0, INT64_MAX, &probe, &length)) return Value();
  }
  while (maxsplit >= 0 && (maxsplit == 0 || n < maxsplit)) {
    MatchState state;
    if (!prepareState(self, string, pos, INT64_MAX, &state, nullptr)) return Value();
    state.must_advance = must_advance;
    int r = search(state);
    if (r < 0) return raiseEngineError();
    if (r == 0) break;
    int64_t b = state.match_start, e = state.match_end;
    std::vector<int64_t> marks = state.marks;
    Value piece = subjectSlice(string, last, b);
    if (piece.isNull() || !listAppend(result, piece)) return Value();
    for (int64_t g = 1; g <= ngroups; ++g) {
      size_t i = static_cast<size_t>(2 * (g - 1));
      Value v = None();
      if (i + 1 < marks.size() && marks[i] >= 0 && marks[i + 1] >= marks[i]) {
        v = subjectSlice(string, marks[i], marks[i + 1]);
        if (v.isNull()) return v;
      }
      if (!listAppend(result, v)) return Value();
    }
    ++n;
    must_advance = e == b;
    last = e;
    pos = e;
  }
  Value tail = subjectSlice(string, last, length);
  if (tail.isNull() || !listAppend(result, tail)) return Value();
  return result;
}

// Whether a str or bytes-like template contains a backslash (then re._subx
// parses it).  Non-template objects count as "needs parsing" too.
bool isLiteralTemplate(Value repl) {
  if (isStr(repl)) {
    StrObj* s = asStr(repl);
    for (int64_t i = 0; i < s->length; ++i) {
      if (s->at(i) == '\\') return false;
    }
    return true;
  }
  std::string_view view;
  if (bytesLikeView(repl, &view)) return view.find('\\') == std::string_view::npos;
  return false;
}

Value joinPieces(Value string, Value pieces) {
  if (isStr(string)) return strJoin(emptyStr(), pieces);
  Value joiner = emptyBytes();
  Value join = internStr("join");
  return callMethod(joiner, join, &pieces, 1);
}

Value subImpl(Value self, Value repl, Value string, Value count_arg, bool subn) {
  int64_t count = 0;
  if (!argPos(count_arg, &count)) return Value();
  Value filter = repl;
  bool callable = false;
  if (isCallable(repl)) {
    callable = true;
  } else if (!isLiteralTemplate(repl)) {
    Value call_args[2] = {self, repl};
    filter = callReHelper("_subx", call_args, 2);
    if (filter.isNull()) return filter;
    callable = isCallable(filter);
  }
  Value pieces = newList();
  if (pieces.isNull()) return pieces;
  int64_t i = 0, pos = 0, n = 0, length = 0;
  bool must_advance = false;
  {
    MatchState probe;
    if (!prepareState(self, string, 0, INT64_MAX, &probe, &length)) return Value();
  }
  bool literal_empty = !callable && ((isStr(filter) && asStr(filter)->length == 0) ||
                                     (isBytes(filter) && asBytes(filter)->length == 0));
  while (count <= 0 || n < count) {
    if (count < 0) break;
    MatchState state;
    if (!prepareState(self, string, pos, INT64_MAX, &state, nullptr)) return Value();
    state.must_advance = must_advance;
    int r = search(state);
    if (r < 0) return raiseEngineError();
    if (r == 0) break;
    int64_t b = state.match_start, e = state.match_end;
    if (i < b) {
      Value piece = subjectSlice(string, i, b);
      if (piece.isNull() || !listAppend(pieces, piece)) return Value();
    }
    if (callable) {
      Value m = newMatchObject(self, string, 0, length, state);
      if (m.isNull()) return m;
      Value item = call1(filter, m);
      if (item.isNull()) return item;
      if (!isNone(item) && !listAppend(pieces, item)) return Value();
    } else if (!literal_empty) {
      if (!listAppend(pieces, filter)) return Value();
    }
    ++n;
    must_advance = e == b;
    i = e;
    pos = e;
  }
  if (i < length) {
    Value piece = subjectSlice(string, i, length);
    if (piece.isNull() || !listAppend(pieces, piece)) return Value();
  }
  Value joined = joinPieces(string, pieces);
  if (joined.isNull() || !subn) return joined;
  return newTupleOf({joined, newInt(n)});
}

Value pattern_sub(Value* args) { return subImpl(args[0], args[1], args[2], args[3], false); }
Value pattern_subn(Value* args) { return subImpl(args[0], args[1], args[2], args[3], true); }

// ===========================================================================
// scanner / finditer

Value newScanner(Value self, Value string, Value pos_arg, Value endpos_arg) {
  int64_t pos = 0, endpos = 0;
  if (!argPos(pos_arg, &pos) || !argPos(endpos_arg, &endpos)) return Value();
  MatchState probe;
  int64_t clamped_end = 0;
  if (!prepareState(self, string, pos, endpos, &probe, &clamped_end)) return Value();
  pos = probe.start;
  Obj* o = newObject(g_scanner_type, sizeof(ScannerObj));
  if (o == nullptr) return raiseNoMemory();
  auto* s = static_cast<ScannerObj*>(o);
  s->pattern.set(self);
  s->string.set(string);
  s->pos = pos;
  s->endpos = clamped_end;
  s->start = pos;
  s->must_advance = 0;
  s->exhausted = 0;
  Value scanner(static_cast<gc::Object*>(o));
  // Like CPython, keep a resizable subject (bytearray) from being resized
  // while the scanner lives: hold a buffer export, given back when the
  // scanner is exhausted or becomes unreachable.
  if (!isStr(string) && !isExactBytes(string)) {
    Buffer view;
    if (!getBuffer(string, &view, buffer_flags::kSimple)) return Value();
    if (view.counted) {
      Value record = bufferTrackOwner(scanner, &view);
      if (record.isNull()) return record;
      asScanner(scanner)->export_record.set(record);
    } else {
      releaseBuffer(&view);
    }
  }
  return scanner;
}

Value pattern_scanner(Value* args) { return newScanner(args[0], args[1], args[2], args[3]); }

Value pattern_finditer(Value* args) {
  Value scanner = newScanner(args[0], args[1], args[2], args[3]);
  if (scanner.isNull()) return scanner;
  Value search_method = getAttr(scanner, internStr("search"));
  if (search_method.isNull()) return search_method;
  return newCallableIterator(search_method, None());
}

Value scannerStep(Value self, bool searching) {
  ScannerObj* s = asScanner(self);
  if (s->exhausted) return None();
  Value pattern = s->pattern.get(), string = s->string.get();
  MatchState state;
  if (!prepareState(pattern, string, s->start, s->endpos, &state, nullptr)) return Value();
  state.must_advance = s->must_advance != 0;
  int r = searching ? search(state) : match(state, false);
  if (r < 0) return raiseEngineError();
  s = asScanner(self);
  if (r == 0) {
    s->exhausted = 1;
    Value record = s->export_record.get();
    if (!record.isNull()) {
      bufferUntrackOwner(record);
      asScanner(self)->export_record.set(Value());
    }
    return None();
  }
  s->must_advance = state.match_end == state.match_start;
  s->start = state.match_end;
  int64_t pos = s->pos, endpos = s->endpos;
  return newMatchObject(pattern, string, pos, endpos, state);
}

Value scanner_match(Value* args) { return scannerStep(args[0], false); }
Value scanner_search(Value* args) { return scannerStep(args[0], true); }
Value scanner_get_pattern(Value self) { return asScanner(self)->pattern.get(); }

// ===========================================================================
// Attributes, comparison, repr

Value pattern_get_pattern(Value self) { return asPattern(self)->pattern.get(); }
Value pattern_get_flags(Value self) { return newInt(asPattern(self)->flags); }
Value pattern_get_groups(Value self) { return newInt(asPattern(self)->groups); }
Value pattern_get_groupindex(Value self) {
  Value d = asPattern(self)->groupindex.get();
  if (!isDict(d)) d = newDict();
  if (d.isNull()) return d;
  return newMappingProxy(d);
}

Value pattern___copy__(Value* args) { return args[0]; }
Value pattern___deepcopy__(Value* args) { return args[0]; }
Value pattern___class_getitem__(Value* args) { return newGenericAlias(args[0], args[1]); }

Value pattern_richcompare(Value a, Value b, int op) {
  if ((op != kEq && op != kNe) || !isInstance(b, g_pattern_type)) return NotImplemented();
  bool equal = a.asObject() == b.asObject();
  if (!equal) {
    PatternObj* pa = asPattern(a);
    PatternObj* pb = asPattern(b);
    equal = pa->flags == pb->flags && pa->isbytes == pb->isbytes &&
            asBytes(pa->code.get())->view() == asBytes(pb->code.get())->view();
    if (equal) {
      int r = richCompareBool(pa->pattern.get(), pb->pattern.get(), kEq);
      if (r < 0) return Value();
      equal = r == 1;
    }
  }
  return Bool(op == kEq ? equal : !equal);
}

int64_t pattern_hash(Value self) {
  int64_t h = hash(asPattern(self)->pattern.get());
  if (h == -1) return -1;
  PatternObj* p = asPattern(self);
  uint64_t x = static_cast<uint64_t>(h) ^ static_cast<uint64_t>(bytesHash(p->code.get())) * 1000003u ^
               static_cast<uint64_t>(p->flags) ^ (static_cast<uint64_t>(p->isbytes) << 20);
  int64_t r = static_cast<int64_t>(x);
  return r == -1 ? -2 : r;
}

Value pattern_repr(Value self) {
  PatternObj* p = asPattern(self);
  int64_t flags = p->flags;
  constexpr int64_t kLocale = 4, kUnicode = 32, kAscii = 256;
  if (p->isbytes == 0 && (flags & (kLocale | kUnicode | kAscii)) == kUnicode) flags &= ~kUnicode;
  Value r = repr(p->pattern.get());
  if (r.isNull()) return r;
  std::u32string text = strToUcs4(r);
  if (text.size() > 200) text.resize(200);
  std::u32string out = U"re.compile(";
  out += text;
  static const struct {
    const char* name;
    int64_t value;
  } kFlagNames[] = {{"re.TEMPLATE", 1},  {"re.IGNORECASE", 2}, {"re.LOCALE", 4},   {"re.MULTILINE", 8},
                    {"re.DOTALL", 16},   {"re.UNICODE", 32},   {"re.VERBOSE", 64}, {"re.DEBUG", 128},
                    {"re.ASCII", 256}};
  if (flags != 0) {
    std::string names;
    for (const auto& f : kFlagNames) {
      if (flags & f.value) {
        if (!names.empty()) names += "|";
        names += f.name;
        flags &= ~f.value;
      }
    }
    if (flags != 0) {
      char hex[32];
      std::snprintf(hex, sizeof hex, "0x%llx", static_cast<unsigned long long>(flags));
      if (!names.empty()) names += "|";
      names += hex;
    }
    out += U", ";
    out.append(names.begin(), names.end());
  }
  out += U")";
  return newStrFromUcs4(out);
}

// ===========================================================================
// Tables

const uint32_t kPatternFields[] = {offsetof(Obj, ob_type), offsetof(PatternObj, pattern),
                                   offsetof(PatternObj, groupindex), offsetof(PatternObj, indexgroup),
                                   offsetof(PatternObj, code)};
const gc::Layout kPatternLayout = {.name = "re.Pattern", .fields = kPatternFields};

#define TERN_SRE_MAXSIZE "9223372036854775807"

const MethodDef kPatternMethods[] = {
    {.name = "match", .signature = "($self, /, string, pos=0, endpos=" TERN_SRE_MAXSIZE ")", .fn = pattern_match,
     .doc = "Matches zero or more characters at the beginning of the string."},
    {.name = "fullmatch", .signature = "($self, /, string, pos=0, endpos=" TERN_SRE_MAXSIZE ")",
     .fn = pattern_fullmatch, .doc = "Matches against all of the string."},
    {.name = "search", .signature = "($self, /, string, pos=0, endpos=" TERN_SRE_MAXSIZE ")", .fn = pattern_search,
     .doc = "Scan through string looking for a match, and return a corresponding match object instance.\n\nReturn "
            "None if no position in the string matches."},
    {.name = "sub", .signature = "($self, /, repl, string, count=0)", .fn = pattern_sub,
     .doc = "Return the string obtained by replacing the leftmost non-overlapping occurrences of pattern in string "
            "by the replacement repl."},
    {.name = "subn", .signature = "($self, /, repl, string, count=0)", .fn = pattern_subn,
     .doc = "Return the tuple (new_string, number_of_subs_made) found by replacing the leftmost non-overlapping "
            "occurrences of pattern with the replacement repl."},
    {.name = "findall", .signature = "($self, /, string, pos=0, endpos=" TERN_SRE_MAXSIZE ")",
     .fn = pattern_findall, .doc = "Return a list of all non-overlapping matches of pattern in string."},
    {.name = "split", .signature = "($self, /, string, maxsplit=0)", .fn = pattern_split,
     .doc = "Split string by the occurrences of pattern."},
    {.name = "finditer", .signature = "($self, /, string, pos=0, endpos=" TERN_SRE_MAXSIZE ")",
     .fn = pattern_finditer,
     .doc = "Return an iterator over all non-overlapping matches for the RE pattern in string.\n\nFor each match, "
            "the iterator returns a match object."},
    {.name = "scanner", .signature = "($self, /, string, pos=0, endpos=" TERN_SRE_MAXSIZE ")",
     .fn = pattern_scanner},
    {.name = "__copy__", .signature = "($self, /)", .fn = pattern___copy__},
    {.name = "__deepcopy__", .signature = "($self, memo, /)", .fn = pattern___deepcopy__},
    {.name = "__class_getitem__", .signature = "($type, item, /)", .fn = pattern___class_getitem__,
     .flags = method_flags::kClassMethod, .doc = "See PEP 585"},
};

const GetSetDef kPatternGetSets[] = {
    {.name = "pattern", .get = pattern_get_pattern, .doc = "The pattern string from which the RE object was compiled."},
    {.name = "flags", .get = pattern_get_flags, .doc = "The regex matching flags."},
    {.name = "groups", .get = pattern_get_groups, .doc = "The number of capturing groups in the pattern."},
    {.name = "groupindex", .get = pattern_get_groupindex,
     .doc = "A dictionary mapping group names to group numbers."},
};

const TypeSpec kPatternSpec = {
    .name = "Pattern",
    .module = "re",
    .type = &g_pattern_type,
    .layout = &kPatternLayout,
    .basic_size = sizeof(PatternObj),
    .slots = {.tp_repr = pattern_repr, .tp_hash = pattern_hash, .tp_richcompare = pattern_richcompare},
    .methods = kPatternMethods,
    .getsets = kPatternGetSets,
    .doc = "Compiled regular expression object.",
    .weakrefable = true,
};
TERN_REGISTER_TYPE(kPatternSpec);

const uint32_t kScannerFields[] = {offsetof(Obj, ob_type), offsetof(ScannerObj, pattern),
                                   offsetof(ScannerObj, string), offsetof(ScannerObj, export_record)};
const gc::Layout kScannerLayout = {.name = "_sre.SRE_Scanner", .fields = kScannerFields};

const MethodDef kScannerMethods[] = {
    {.name = "match", .signature = "($self, /)", .fn = scanner_match},
    {.name = "search", .signature = "($self, /)", .fn = scanner_search},
};

const GetSetDef kScannerGetSets[] = {
    {.name = "pattern", .get = scanner_get_pattern},
};

const TypeSpec kScannerSpec = {
    .name = "SRE_Scanner",
    .module = "_sre",
    .type = &g_scanner_type,
    .layout = &kScannerLayout,
    .basic_size = sizeof(ScannerObj),
    .methods = kScannerMethods,
    .getsets = kScannerGetSets,
};
TERN_REGISTER_TYPE(kScannerSpec);

}  // namespace

}  // namespace tern::sre
