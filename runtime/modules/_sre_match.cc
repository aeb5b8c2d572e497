// re.Match: the result of a successful match (see _sre_internal.h for the
// layout).  Group values are sliced from the subject on demand.
#include <cstddef>
#include <cstdint>
#include <string>

#include "runtime/interp/errors.h"
#include "runtime/modules/_sre_internal.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/exceptions.h"
#include "runtime/objects/genericalias.h"
#include "runtime/objects/int.h"
#include "runtime/objects/native.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"

namespace tern::sre {

Value newMatchObject(Value pattern, Value string, int64_t pos, int64_t endpos, const MatchState& state) {
  int64_t ngroups = asPattern(pattern)->groups;
  size_t bytes = sizeof(MatchObj) + static_cast<size_t>(2 * (ngroups + 1) - 1) * sizeof(int64_t);
  // Copy what we need from `state` first: it holds no heap pointers we read later.
  Obj* o = newObject(g_match_type, bytes);
  if (o == nullptr) return raiseNoMemory();
  auto* m = static_cast<MatchObj*>(o);
  m->string.set(string);
  m->pattern.set(pattern);
  m->pos = pos;
  m->endpos = endpos;
  m->lastindex = state.lastindex;
  m->ngroups = ngroups;
  m->marks[0] = state.match_start;
  m->marks[1] = state.match_end;
  for (int64_t g = 1; g <= ngroups; ++g) {
    size_t i = static_cast<size_t>(2 * (g - 1));
    int64_t a = i + 1 < state.marks.size() ? state.marks[i] : -1;
    int64_t b = i + 1 < state.marks.size() ? state.marks[i + 1] : -1;
    if (a < 0 || b < 0 || b < a) a = b = -1;
    m->marks[2 * g] = a;
    m->marks[2 * g + 1] = b;
  }
  return Value(static_cast<gc::Object*>(o));
}

namespace {

// The group number named by `g` (an int or a group name); IndexError "no
// such group" otherwise.
bool groupIndex(Value self, Value g, int64_t* out) {
  MatchObj* m = asMatch(self);
  int64_t i = -1;
  if (!isInt(g) && !lookupSpecial(typeOf(g), names::__index__).isNull()) {
    g = index(g);  // an object with __index__ counts as its int
    if (g.isNull()) return false;
  }
  if (isInt(g)) {
    if (!intToInt64(g, &i)) {
      clearError();
      i = -1;
    }
  } else {
    Value groupindex = asPattern(m->pattern.get())->groupindex.get();
    Value found = isDict(groupindex) ? dictGet(groupindex, g) : Value();
    if (found.isNull()) {
      if (errorPending()) clearError();
    } else if (isInt(found) && !intToInt64(found, &i)) {
      clearError();
      i = -1;
    }
  }
  if (i < 0 || i > m->ngroups) {
    raise(exc::IndexError, "no such group");
    return false;
  }
  *out = i;
  return true;
}

Value groupValue(Value self, int64_t i, Value default_value) {
  MatchObj* m = asMatch(self);
  int64_t a = m->marks[2 * i], b = m->marks[2 * i + 1];
  if (a < 0) return default_value;
  return subjectSlice(m->string.get(), a, b);
}

Value groupByKey(Value self, Value key) {
  int64_t i = 0;
  if (!groupIndex(self, key, &i)) return Value();
  return groupValue(self, i, None());
}

Value match_group(Value* args) {
  Value self = args[0], rest = args[1];
  int64_t n = tupleLength(rest);
  if (n == 0) return groupValue(self, 0, None());
  if (n == 1) return groupByKey(self, tupleItem(rest, 0));
  Value result = newTuple(n);
  if (result.isNull()) return result;
  for (int64_t k = 0; k < n; ++k) {
    Value v = groupByKey(self, tupleItem(rest, k));
    if (v.isNull()) return v;
    tupleInit(result, k, v);
  }
  return result;
}

Value match_subscript(Value self, Value key) { return groupByKey(self, key); }

Value match_groups(Value* args) {
  Value self = args[0], default_value = args[1];
  int64_t n = asMatch(self)->ngroups;
  Value result = newTuple(n);
  if (result.isNull()) return result;
  for (int64_t g = 1; g <= n; ++g) {
    Value v = groupValue(self, g, default_value);
    if (v.isNull()) return v;
    tupleInit(result, g - 1, v);
  }
  return result;
}

Value match_groupdict(Value* args) {
  Value self = args[0], default_value = args[1];
  Value result = newDict();
  if (result.isNull()) return result;
  Value groupindex = asPattern(asMatch(self)->pattern.get())->groupindex.get();
  if (!isDict(groupindex)) return result;
  int64_t pos = 0;
  Value key, value;
  while (dictNext(groupindex, &pos, &key, &value)) {
    int64_t i = 0;
    if (!groupIndex(self, key, &i)) return Value();
    Value v = groupValue(self, i, default_value);
    if (v.isNull() || dictSet(result, key, v) < 0) return Value();
  }
  return result;
}

Value match_start(Value* args) {
  int64_t i = 0;
  if (!groupIndex(args[0], args[1], &i)) return Value();
  return newInt(asMatch(args[0])->marks[2 * i]);
}

Value match_end(Value* args) {
  int64_t i = 0;
  if (!groupIndex(args[0], args[1], &i)) return Value();
  return newInt(asMatch(args[0])->marks[2 * i + 1]);
}

Value spanOf(Value self, int64_t i) {
  MatchObj* m = asMatch(self);
  return newTupleOf({newInt(m->marks[2 * i]), newInt(m->marks[2 * i + 1])});
}

Value match_span(Value* args) {
  int64_t i = 0;
  if (!groupIndex(args[0], args[1], &i)) return Value();
  return spanOf(args[0], i);
}

Value match_expand(Value* args) {
  Value call_args[3] = {asMatch(args[0])->pattern.get(), args[0], args[1]};
  return callReHelper("_expand", call_args, 3);
}

Value match___copy__(Value* args) { return args[0]; }
Value match___deepcopy__(Value* args) { return args[0]; }
Value match___class_getitem__(Value* args) { return newGenericAlias(args[0], args[1]); }

Value match_get_regs(Value self) {
  MatchObj* m = asMatch(self);
  if (!m->regs.get().isNull()) return m->regs.get();
  int64_t n = m->ngroups + 1;
  Value result = newTuple(n);
  if (result.isNull()) return result;
  for (int64_t g = 0; g < n; ++g) {
    Value span = spanOf(self, g);
    if (span.isNull()) return span;
    tupleInit(result, g, span);
  }
  asMatch(self)->regs.set(result);
  return result;
}

Value match_get_lastindex(Value self) {
  int64_t i = asMatch(self)->lastindex;
  return i < 0 ? None() : newInt(i);
}

Value match_get_lastgroup(Value self) {
  MatchObj* m = asMatch(self);
  Value indexgroup = asPattern(m->pattern.get())->indexgroup.get();
  if (m->lastindex < 0 || indexgroup.isNull() || !isTuple(indexgroup) || m->lastindex >= tupleLength(indexgroup)) {
    return None();
  }
  return tupleItem(indexgroup, m->lastindex);
}

Value match_get_string(Value self) { return asMatch(self)->string.get(); }
Value match_get_re(Value self) { return asMatch(self)->pattern.get(); }
Value match_get_pos(Value self) { return newInt(asMatch(self)->pos); }
Value match_get_endpos(Value self) { return newInt(asMatch(self)->endpos); }

Value match_repr(Value self) {
  Value g0 = groupValue(self, 0, None());
  if (g0.isNull()) return g0;
  Value r = repr(g0);
  if (r.isNull()) return r;
  std::u32string text = strToUcs4(r);
  if (text.size() > 50) text.resize(50);
  MatchObj* m = asMatch(self);
  std::string head = "<re.Match object; span=(" + std::to_string(m->marks[0]) + ", " + std::to_string(m->marks[1]) +
                     "), match=";
  std::u32string out(head.begin(), head.end());
  out += text;
  out += U">";
  return newStrFromUcs4(out);
}

// ===========================================================================
// Tables

const uint32_t kMatchFields[] = {offsetof(Obj, ob_type), offsetof(MatchObj, string), offsetof(MatchObj, pattern),
                                 offsetof(MatchObj, regs)};
const gc::Layout kMatchLayout = {.name = "re.Match", .fields = kMatchFields};

const MethodDef kMatchMethods[] = {
    {.name = "group", .signature = "($self, /, *args)", .fn = match_group, .flags = method_flags::kVarArgs,
     .doc = "group([group1, ...]) -> str or tuple.\n    Return subgroup(s) of the match by indices or names.\n    "
            "For 0 returns the entire match."},
    {.name = "start", .signature = "($self, group=0, /)", .fn = match_start,
     .doc = "Return index of the start of the substring matched by group."},
    {.name = "end", .signature = "($self, group=0, /)", .fn = match_end,
     .doc = "Return index of the end of the substring matched by group."},
    {.name = "span", .signature = "($self, group=0, /)", .fn = match_span,
     .doc = "For match object m, return the 2-tuple (m.start(group), m.end(group))."},
    {.name = "groups", .signature = "($self, /, default=None)", .fn = match_groups,
     .doc = "Return a tuple containing all the subgroups of the match, from 1.\n\n  default\n    Is used for groups "
            "that did not participate in the match."},
    {.name = "groupdict", .signature = "($self, /, default=None)", .fn = match_groupdict,
     .doc = "Return a dictionary containing all the named subgroups of the match, keyed by the subgroup name.\n\n  "
            "default\n    Is used for groups that did not participate in the match."},
    {.name = "expand", .signature = "($self, /, template)", .fn = match_expand,
     .doc = "Return the string obtained by doing backslash substitution on the string template, as done by the "
            "sub() method."},
    {.name = "__copy__", .signature = "($self, /)", .fn = match___copy__},
    {.name = "__deepcopy__", .signature = "($self, memo, /)", .fn = match___deepcopy__},
    {.name = "__class_getitem__", .signature = "($type, item, /)", .fn = match___class_getitem__,
     .flags = method_flags::kClassMethod, .doc = "See PEP 585"},
};

const GetSetDef kMatchGetSets[] = {
    {.name = "lastindex", .get = match_get_lastindex,
     .doc = "The integer index of the last matched capturing group."},
    {.name = "lastgroup", .get = match_get_lastgroup, .doc = "The name of the last matched capturing group."},
    {.name = "regs", .get = match_get_regs},
    {.name = "string", .get = match_get_string, .doc = "The string passed to match() or search()."},
    {.name = "re", .get = match_get_re, .doc = "The regular expression object."},
    {.name = "pos", .get = match_get_pos, .doc = "The index into the string at which the RE engine started looking for a match."},
    {.name = "endpos", .get = match_get_endpos,
     .doc = "The index into the string beyond which the RE engine will not go."},
};

const TypeSpec kMatchSpec = {
    .name = "Match",
    .module = "re",
    .type = &g_match_type,
    .layout = &kMatchLayout,
    .basic_size = sizeof(MatchObj),
    .item_size = sizeof(int64_t),
    .slots = {.tp_repr = match_repr, .mp_subscript = match_subscript},
    .methods = kMatchMethods,
    .getsets = kMatchGetSets,
    .doc = "The result of re.match() and re.search().\nMatch objects always have a boolean value of True.",
};
TERN_REGISTER_TYPE(kMatchSpec);

}  // namespace

}  // namespace tern::sre
