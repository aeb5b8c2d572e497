// The _sre module: what re/_compiler.py and re/__init__.py call — compile
// (makes a Pattern from the code list), the case helpers the compiler uses
// to build IGNORECASE code, and the constants MAGIC, CODESIZE, MAXREPEAT,
// MAXGROUPS.  The matcher is _sre_engine.cc; Pattern and Match are
// _sre_pattern.cc and _sre_match.cc.
#include <cstdint>
#include <cstring>
#include <string>

#include "runtime/interp/errors.h"
#include "runtime/modules/_sre_internal.h"
#include "runtime/modules/module.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/buffer.h"
#include "runtime/objects/bytes.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/exceptions.h"
#include "runtime/objects/int.h"
#include "runtime/objects/list.h"
#include "runtime/objects/native.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"

namespace tern::sre {

Value callReHelper(const char* name, const Value* args, size_t nargs) {
  Value re = importModule(internStr("re"));
  if (re.isNull()) return re;
  Value fn = getAttr(re, internStr(name));
  if (fn.isNull()) return fn;
  return call(fn, args, nargs);
}

namespace {

// _sre.compile(pattern, flags, code, groups, groupindex, indexgroup)
Value sre_compile(Value* args) {
  Value pattern = args[1], flags_arg = args[2], code = args[3], groups_arg = args[4], groupindex = args[5],
        indexgroup = args[6];
  int64_t flags = 0, groups = 0;
  if (!argSsize(flags_arg, &flags) || !argSsize(groups_arg, &groups)) return Value();
  if (!isList(code)) return raisef(exc::TypeError, "compile() argument 'code' must be list, not %s", typeNameOf(code).c_str());
  if (!isDict(groupindex)) {
    return raisef(exc::TypeError, "compile() argument 'groupindex' must be dict, not %s", typeNameOf(groupindex).c_str());
  }
  if (!isTuple(indexgroup)) {
    return raisef(exc::TypeError, "compile() argument 'indexgroup' must be tuple, not %s", typeNameOf(indexgroup).c_str());
  }
  int64_t n = listLength(code);
  std::string words(static_cast<size_t>(n) * 4, '\0');
  for (int64_t i = 0; i < n; ++i) {
    int64_t v = 0;
    Value item = listItem(code, i);
    if (!isInt(item)) return raisef(exc::TypeError, "an integer is required");
    if (!intToInt64(item, &v) || v < 0 || v > 0xFFFFFFFFll) {
      if (errorPending()) clearError();
      return raise(exc::OverflowError, "regular expression code size limit exceeded");
    }
    uint32_t w = static_cast<uint32_t>(v);
    std::memcpy(&words[static_cast<size_t>(i) * 4], &w, 4);
  }
  int64_t isbytes = -1;
  if (isStr(pattern)) {
    isbytes = 0;
  } else if (!isNone(pattern)) {
    isbytes = hasBuffer(pattern) ? 1 : -1;
  }
  Value code_bytes = newBytes(words);
  if (code_bytes.isNull()) return code_bytes;
  Value groupindex_copy = dictCopy(groupindex);
  if (groupindex_copy.isNull()) return groupindex_copy;
  Obj* o = newObject(g_pattern_type, sizeof(PatternObj));
  if (o == nullptr) return raiseNoMemory();
  auto* p = static_cast<PatternObj*>(o);
  p->pattern.set(pattern);
  p->groupindex.set(groupindex_copy);
  p->indexgroup.set(indexgroup);
  p->code.set(code_bytes);
  p->flags = flags;
  p->groups = groups;
  p->isbytes = isbytes;
  return Value(static_cast<gc::Object*>(o));
}

Value sre_getcodesize(Value*) { return newInt(kCodeSize); }

bool charArg(Value v, uint32_t* out) {
  int64_t c = 0;
  if (!argSsize(v, &c)) return false;
  *out = static_cast<uint32_t>(c);
  return true;
}

Value sre_ascii_iscased(Value* args) {
  uint32_t c = 0;
  if (!charArg(args[1], &c)) return Value();
  return Bool(asciiIsCased(c));
}
Value sre_unicode_iscased(Value* args) {
  uint32_t c = 0;
  if (!charArg(args[1], &c)) return Value();
  return Bool(unicodeIsCased(c));
}
Value sre_ascii_tolower(Value* args) {
  uint32_t c = 0;
  if (!charArg(args[1], &c)) return Value();
  return newInt(asciiToLower(c));
}
Value sre_unicode_tolower(Value* args) {
  uint32_t c = 0;
  if (!charArg(args[1], &c)) return Value();
  return newInt(unicodeToLower(c));
}

const MethodDef kSreFunctions[] = {
    {.name = "compile", .signature = "($module, /, pattern, flags, code, groups, groupindex, indexgroup)",
     .fn = sre_compile},
    {.name = "getcodesize", .signature = "($module, /)", .fn = sre_getcodesize},
    {.name = "ascii_iscased", .signature = "($module, character, /)", .fn = sre_ascii_iscased},
    {.name = "unicode_iscased", .signature = "($module, character, /)", .fn = sre_unicode_iscased},
    {.name = "ascii_tolower", .signature = "($module, character, /)", .fn = sre_ascii_tolower},
    {.name = "unicode_tolower", .signature = "($module, character, /)", .fn = sre_unicode_tolower},
};

bool sreInit(Value module) {
  Value d = moduleDict(module);
  return dictSet(d, internStr("MAGIC"), newInt(kMagic)) == 0 &&
         dictSet(d, internStr("CODESIZE"), newInt(kCodeSize)) == 0 &&
         dictSet(d, internStr("MAXREPEAT"), newInt(kMaxRepeat)) == 0 &&
         dictSet(d, internStr("MAXGROUPS"), newInt(kMaxGroups)) == 0 &&
         dictSet(d, internStr("copyright"),
                 newStr(" SRE 2.2.2 Copyright (c) 1997-2002 by Secret Labs AB ")) == 0;
}

const NativeModuleDef kSreModule = {
    .name = "_sre",
    .methods = kSreFunctions,
    .init = sreInit,
};
TERN_REGISTER_MODULE(kSreModule);

}  // namespace

}  // namespace tern::sre
