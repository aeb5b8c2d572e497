// Traceback objects, and printing an uncaught exception as CPython 3.11's
// default excepthook does (chains, exception groups, notes, carets).
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <unordered_set>
#include <vector>

#include "runtime/compiler/parser.h"
#include "runtime/interp/code.h"
#include "runtime/interp/position_table.h"
#include "runtime/interp/errors.h"
#include "runtime/interp/eval_internal.h"
#include "runtime/interp/frame.h"
#include "runtime/interp/runtime.h"
#include "runtime/modules/builtins.h"
#include "runtime/modules/sys.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/int.h"
#include "runtime/objects/list.h"
#include "runtime/objects/native.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"

namespace tern {

namespace {

struct TracebackObj : Obj {
  gc::HeapValue next;   // traceback or null
  gc::HeapValue frame;  // frame object
  int64_t lasti;        // instruction index
  int64_t lineno;
};

TracebackObj* asTb(Value v) { return static_cast<TracebackObj*>(v.asObject()); }
bool isTraceback(Value v) { return !v.isSmallInt() && typeOf(v) == types::traceback_type; }

Value newTraceback(Value next, Value frame, int64_t lasti, int64_t lineno) {
  Obj* o = newObject(types::traceback_type, sizeof(TracebackObj));
  asTb(o)->next.set(next);
  asTb(o)->frame.set(frame);
  asTb(o)->lasti = lasti;
  asTb(o)->lineno = lineno;
  return o;
}

Value tb_get_next(Value self) {
  Value n = asTb(self)->next.get();
  return n.isNull() ? None() : n;
}
int tb_set_next(Value self, Value v) {
  if (v.isNull()) {
    raise(exc::TypeError, "can't delete tb_next attribute");
    return -1;
  }
  if (isNone(v)) {
    asTb(self)->next.set(Value());
    return 0;
  }
  if (!isTraceback(v)) {
    raisef(exc::TypeError, "expected traceback object or None, got '%s'", typeNameOf(v).c_str());
    return -1;
  }
  for (Value c = v; !c.isNull(); c = asTb(c)->next.get()) {
    if (c == self) {
      raise(exc::ValueError, "traceback loop detected");
      return -1;
    }
  }
  asTb(self)->next.set(v);
  return 0;
}
Value tb_get_frame(Value self) { return asTb(self)->frame.get(); }
Value tb_get_lasti(Value self) { return newInt(asTb(self)->lasti < 0 ? -1 : 2 * asTb(self)->lasti); }
Value tb_get_lineno(Value self) { return newInt(asTb(self)->lineno); }

Value tb___new__(Type*, const Value* args, size_t nargs, Value kwnames) {
  if (!kwnames.isNull() || nargs != 4) return raise(exc::TypeError, "traceback() takes exactly 4 arguments");
  if (!isNone(args[0]) && !isTraceback(args[0])) {
    return raisef(exc::TypeError, "expected traceback object or None, got '%s'", typeNameOf(args[0]).c_str());
  }
  if (typeOf(args[1]) != types::frame_type) {
    return raisef(exc::TypeError, "TracebackType() argument 'tb_frame' must be frame, not %s",
                  typeNameOf(args[1]).c_str());
  }
  int64_t lasti, lineno;
  if (!intToInt64(args[2], &lasti) || !intToInt64(args[3], &lineno)) return Value();
  return newTraceback(isNone(args[0]) ? Value() : args[0], args[1], lasti / 2, lineno);
}

const uint32_t kTbFields[] = {offsetof(Obj, ob_type), offsetof(TracebackObj, next), offsetof(TracebackObj, frame)};
const gc::Layout kTbLayout = {.name = "traceback", .fields = kTbFields};
const GetSetDef kTbGetSets[] = {
    {.name = "tb_next", .get = tb_get_next, .set = tb_set_next},
    {.name = "tb_frame", .get = tb_get_frame},
    {.name = "tb_lasti", .get = tb_get_lasti},
    {.name = "tb_lineno", .get = tb_get_lineno},
};
const TypeSpec kTracebackSpec = {
    .name = "traceback",
    .type = &types::traceback_type,
    .layout = &kTbLayout,
    .basic_size = sizeof(TracebackObj),
    .slots = {.tp_new = tb___new__},
    .getsets = kTbGetSets,
};
TERN_REGISTER_TYPE(kTracebackSpec);

// ---------------------------------------------------------------------------
// Printing

std::map<std::string, std::vector<std::string>>& sourceCache() {
  static auto* cache = new std::map<std::string, std::vector<std::string>>();
  return *cache;
}

// Line `lineno` of `filename` without its newline, or empty.
std::string sourceLine(const std::string& filename, int64_t lineno) {
  if (lineno <= 0 || filename.empty() || filename[0] == '<') return "";
  auto& cache = sourceCache();
  auto it = cache.find(filename);
  if (it == cache.end()) {
    std::vector<std::string> lines;
    std::ifstream in(filename, std::ios::binary);
    std::string line;
    while (std::getline(in, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      lines.push_back(line);
    }
    it = cache.emplace(filename, std::move(lines)).first;
  }
  if (static_cast<size_t>(lineno) > it->second.size()) return "";
  return it->second[static_cast<size_t>(lineno - 1)];
}

// --- "Did you mean" ---------------------------------------------------------------
// 3.11's printer appends ". Did you mean: 'x'?" to the message of an
// AttributeError or NameError when a close enough name exists: a Levenshtein
// distance where a case change costs 1 and any other edit 2, at most a third
// of the characters involved, over dir(obj) / the frame's locals, globals
// and builtins.

constexpr size_t kMoveCost = 2, kCaseCost = 1, kMaxNameBytes = 40, kMaxCandidates = 750;

size_t substitutionCost(char a, char b) {
  if ((a & 31) != (b & 31)) return kMoveCost;
  if (a == b) return 0;
  auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c; };
  return lower(a) == lower(b) ? kCaseCost : kMoveCost;
}

size_t editDistance(std::string_view a, std::string_view b, size_t max_cost) {
  while (!a.empty() && !b.empty() && a.front() == b.front()) {
    a.remove_prefix(1);
    b.remove_prefix(1);
  }
  while (!a.empty() && !b.empty() && a.back() == b.back()) {
    a.remove_suffix(1);
    b.remove_suffix(1);
  }
  if (a.empty() || b.empty()) return (a.size() + b.size()) * kMoveCost;
  if (a.size() > kMaxNameBytes || b.size() > kMaxNameBytes) return max_cost + 1;
  if (b.size() < a.size()) std::swap(a, b);
  if ((b.size() - a.size()) * kMoveCost > max_cost) return max_cost + 1;
  size_t row[kMaxNameBytes];
  for (size_t i = 0; i < a.size(); ++i) row[i] = (i + 1) * kMoveCost;
  size_t result = 0;
  for (size_t bi = 0; bi < b.size(); ++bi) {
    size_t distance = result = bi * kMoveCost;
    size_t minimum = SIZE_MAX;
    for (size_t ai = 0; ai < a.size(); ++ai) {
      size_t substitute = distance + substitutionCost(b[bi], a[ai]);
      distance = row[ai];
      size_t insert_delete = std::min(result, distance) + kMoveCost;
      result = std::min(insert_delete, substitute);
      row[ai] = result;
      minimum = std::min(minimum, result);
    }
    if (minimum > max_cost) return max_cost + 1;
  }
  return result;
}

// The closest of the str items of `candidates` (a list) to `name`, or "".
std::string closestName(Value candidates, const std::string& name) {
  if (candidates.isNull() || !isList(candidates) || listLength(candidates) >= static_cast<int64_t>(kMaxCandidates)) {
    return "";
  }
  std::string best;
  size_t best_distance = SIZE_MAX;
  for (int64_t i = 0; i < listLength(candidates); ++i) {
    Value item = listItem(candidates, i);
    if (!isStr(item)) continue;
    std::string text = strToUtf8(item);
    if (text == name) continue;
    size_t max_distance = (name.size() + text.size() + 3) * kMoveCost / 6;
    if (best_distance != SIZE_MAX) max_distance = std::min(max_distance, best_distance - 1);
    size_t d = editDistance(name, text, max_distance);
    if (d > max_distance) continue;
    if (best.empty() || d < best_distance) {
      best = text;
      best_distance = d;
    }
  }
  return best;
}

Value sortedKeys(Value mapping) {
  Value l = listFromIterable(mapping);
  if (l.isNull()) return l;
  return l;
}

std::string suggestionFor(Value e) {
  Value saved = takeError();
  std::string out;
  if (isInstance(e, exc::AttributeError)) {
    auto* ae = static_cast<AttributeErrorObj*>(e.asObject());
    Value name = ae->name.get(), obj = ae->obj.get();
    if (!name.isNull() && isStr(name) && !obj.isNull() && !isNone(obj)) {
      Value dir = dictGetStr(builtinsDict(), internStr("dir"));
      Value names = dir.isNull() ? Value() : call1(dir, obj);
      if (!names.isNull() && isList(names)) out = closestName(names, strToUtf8(name));
    }
  } else if (isInstance(e, exc::NameError)) {
    Value name = static_cast<NameErrorObj*>(e.asObject())->name.get();
    Value tb = static_cast<BaseExceptionObj*>(e.asObject())->traceback.get();
    if (!name.isNull() && isStr(name) && !tb.isNull() && !isNone(tb)) {
      while (!asTb(tb)->next.get().isNull() && !isNone(asTb(tb)->next.get())) tb = asTb(tb)->next.get();
      Value fo = asTb(tb)->frame.get();
      auto* f = static_cast<interp::FrameObj*>(fo.asObject());
      std::string n = strToUtf8(name);
      Value varnames = asCode(f->code.get())->varnames.get();
      out = closestName(listFromIterable(varnames), n);
      if (out.empty()) out = closestName(sortedKeys(f->globals.get()), n);
      if (out.empty()) out = closestName(sortedKeys(f->builtins.get()), n);
    }
  }
  clearError();
  if (!saved.isNull()) restoreError(saved);
  return out;
}

size_t utf8Chars(const std::string& s, size_t bytes) {
  size_t n = 0;
  for (size_t i = 0; i < bytes && i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) ++n;
  }
  return n;
}

struct Printer {
  std::string out;
  std::unordered_set<uintptr_t> seen;

  void line(const std::string& margin, const std::string& text) { out += margin + text + "\n"; }

  void printEntry(const std::string& margin, Value tb) {
    TracebackObj* t = asTb(tb);
    Value fo = t->frame.get();
    CodeObj* code = asCode(interp::frameObjectCode(fo));
    std::string filename = strToUtf8(code->filename.get());
    std::string name = strToUtf8(code->name.get());
    line(margin, "  File \"" + filename + "\", line " + std::to_string(t->lineno) + ", in " + name);
    std::string src = sourceLine(filename, t->lineno);
    size_t first = src.find_first_not_of(" \t\f");
    if (first == std::string::npos) return;
    size_t last = src.find_last_not_of(" \t\f\r\n");
    std::string stripped = src.substr(first, last - first + 1);
    line(margin, "    " + stripped);
    if (t->lasti < 0 || t->lasti >= static_cast<int64_t>(code->ninstr)) return;
    InstrPosition p = codePosition(code, static_cast<uint32_t>(t->lasti));
    if (p.col < 0 || p.end_col < 0 || p.lineno != t->lineno) return;
    size_t start = utf8Chars(src, static_cast<size_t>(p.col));
    size_t end = p.end_lineno == p.lineno ? utf8Chars(src, static_cast<size_t>(p.end_col))
                                          : utf8Chars(src, first) + utf8Chars(stripped, stripped.size());
    size_t stripped_chars = utf8Chars(src, first);
    size_t stripped_len = utf8Chars(stripped, stripped.size());
    // 3.11 marks the operator of a binary operation or the brackets of a
    // subscript with '^' and the operands with '~'.
    size_t left = 0, right = 0;
    bool anchored = false;
    if (p.end_lineno == p.lineno && p.end_col > p.col && static_cast<size_t>(p.end_col) <= src.size()) {
      std::string segment = src.substr(static_cast<size_t>(p.col), static_cast<size_t>(p.end_col - p.col));
      anchored = caretAnchors(segment, &left, &right);
      if (anchored) {
        left = utf8Chars(segment, left);
        right = utf8Chars(segment, right);
      }
    }
    if (end <= start || (!anchored && end - start >= stripped_len)) return;
    if (start < stripped_chars) return;
    std::string marks;
    for (size_t i = 0; i < end - start; ++i) marks += !anchored || (i >= left && i < right) ? '^' : '~';
    line(margin, "    " + std::string(start - stripped_chars, ' ') + marks);
  }

  // The anchors (byte offsets into `segment`, the source of the failing
  // expression) of the part marked '^': a binary operator, or a subscript's
  // brackets.  False when the segment is neither.
  static bool caretAnchors(const std::string& segment, size_t* left, size_t* right) {
    compiler::ParseResult r = compiler::parse_module(segment, "<segment>");
    if (!r.ok() || r.module->body.size != 1 || r.module->body[0]->kind != ast::Kind::Expr) return false;
    ast::expr* e = static_cast<ast::Expr*>(r.module->body[0])->value;
    auto space = [](char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\n' || c == '\r'; };
    if (e->kind == ast::Kind::BinOp) {
      auto* b = static_cast<ast::BinOp*>(e);
      if (b->left->lineno != 1 || b->right->lineno != 1) return false;
      auto lo = static_cast<size_t>(b->left->end_col_offset), hi = static_cast<size_t>(b->right->col_offset);
      bool found = false;
      for (size_t i = lo; i < hi && i < segment.size(); ++i) {
        if (space(segment[i])) continue;
        *left = i;
        *right = i + 1;
        if (i + 1 < hi && !space(segment[i + 1])) ++*right;  // a two-character operator
        found = true;
        if (segment[i] == ')' && i + 1 < hi) continue;  // the operator comes after the closing parentheses
        break;
      }
      return found;
    }
    if (e->kind == ast::Kind::Subscript) {
      auto* sub = static_cast<ast::Subscript*>(e);
      if (sub->value->end_lineno != 1 || sub->slice->end_lineno != 1) return false;
      auto lo = static_cast<size_t>(sub->value->end_col_offset), hi = static_cast<size_t>(sub->slice->end_col_offset) + 1;
      while (lo < segment.size() && segment[lo] != '[') ++lo;
      while (hi < segment.size() && segment[hi] != ']') ++hi;
      if (hi < segment.size()) ++hi;
      *left = lo;
      *right = hi;
      return true;
    }
    return false;
  }

  void printTraceback(const std::string& margin, Value tb, bool group) {
    if (tb.isNull() || isNone(tb)) return;
    line(margin, group ? "Exception Group Traceback (most recent call last):" : "Traceback (most recent call last):");
    std::string last_file, last_name;
    int64_t last_line = -1;
    int64_t count = 0;
    auto repeated = [&](int64_t cnt) {
      if (cnt > 3) {
        int64_t more = cnt - 3;
        line(margin, "  [Previous line repeated " + std::to_string(more) + " more time" + (more > 1 ? "s" : "") + "]");
      }
    };
    for (Value t = tb; !t.isNull(); t = asTb(t)->next.get()) {
      CodeObj* code = asCode(interp::frameObjectCode(asTb(t)->frame.get()));
      std::string file = strToUtf8(code->filename.get());
      std::string name = strToUtf8(code->name.get());
      int64_t lineno = asTb(t)->lineno;
      if (file != last_file || lineno != last_line || name != last_name) {
        repeated(count);
        last_file = file;
        last_line = lineno;
        last_name = name;
        count = 0;
      }
      ++count;
      if (count <= 3) printEntry(margin, t);
    }
    repeated(count);
  }

  std::string typeLabel(Value e) {
    Type* t = typeOf(e);
    Value module = dictGetStr(t->dict.get(), names::__module__);
    clearError();
    std::string qual = strToUtf8(t->qualname.get());
    if (!module.isNull() && isStr(module) && !strEqualsAscii(module, "builtins") && !strEqualsAscii(module, "__main__")) {
      return strToUtf8(module) + "." + qual;
    }
    return qual;
  }

  void printSyntaxError(const std::string& margin, Value e) {
    auto* se = static_cast<SyntaxErrorObj*>(e.asObject());
    compiler::SyntaxErrorInfo info;
    // Only SyntaxError itself shows its range with carets; subclasses
    // (IndentationError, TabError, user classes) get one caret, as CPython.
    if (typeOf(e) != exc::SyntaxError) info.kind = compiler::ErrorKind::IndentationError;
    Value msg = se->msg.get();
    info.message = msg.isNull() || isNone(msg) ? "" : strToUtf8(str(msg));
    Value fn = se->filename.get();
    info.filename = fn.isNull() || isNone(fn) || !isStr(fn) ? "<string>" : strToUtf8(fn);
    int64_t v = 0;
    auto num = [&](Value x) -> int {
      if (x.isNull() || isNone(x) || !isInt(x) || !intToInt64(x, &v)) {
        clearError();
        return 0;
      }
      return static_cast<int>(v);
    };
    info.lineno = num(se->lineno.get());
    info.offset = num(se->offset.get());
    info.end_lineno = num(se->end_lineno.get());
    info.end_offset = num(se->end_offset.get());
    Value text = se->text.get();
    info.text = text.isNull() || isNone(text) || !isStr(text) ? "" : strToUtf8(text);
    std::string report = compiler::format_syntax_error_report(info);
    // The report's last line names SyntaxError; use the real class.
    size_t cut = report.rfind('\n', report.size() >= 2 ? report.size() - 2 : 0);
    std::string head = cut == std::string::npos ? "" : report.substr(0, cut + 1);
    std::stringstream ss(head);
    std::string l;
    while (std::getline(ss, l)) line(margin, l);
    line(margin, typeLabel(e) + (info.message.empty() ? "" : ": " + info.message));
  }

  void printMessage(const std::string& margin, Value e) {
    if (isInstance(e, exc::SyntaxError)) {
      printSyntaxError(margin, e);
    } else {
      std::string label = typeLabel(e);
      Value s = str(e);
      if (s.isNull()) {
        clearError();
        line(margin, label + ": <exception str() failed>");
      } else if (asStr(s)->length == 0) {
        line(margin, label);
      } else {
        std::string text = strToUtf8(s);
        std::string suggestion = suggestionFor(e);
        if (!suggestion.empty()) text += ". Did you mean: '" + suggestion + "'?";
        std::stringstream ss(text);
        std::string l;
        bool firstl = true;
        while (std::getline(ss, l)) {
          line(margin, firstl ? label + ": " + l : l);
          firstl = false;
        }
      }
    }
    Value notes = lookupAttr(e, names::__notes__);
    if (notes.isNull()) {
      clearError();
      return;
    }
    if (!isList(notes) && !isTuple(notes)) {
      Value r = repr(notes);
      if (r.isNull()) {
        clearError();
        line(margin, "<__notes__ repr() failed>");
      } else {
        line(margin, strToUtf8(r));
      }
      return;
    }
    Value it = getIter(notes);
    if (it.isNull()) {
      clearError();
      return;
    }
    for (Value n = iterNext(it); !n.isNull(); n = iterNext(it)) {
      Value s = isStr(n) ? n : str(n);
      if (s.isNull()) {
        clearError();
        line(margin, "<note str() failed>");
        continue;
      }
      std::stringstream ss(strToUtf8(s));
      std::string l;
      while (std::getline(ss, l)) line(margin, l);
    }
    clearError();
  }

  void printOne(const std::string& margin, Value e, int depth) {
    bool group = isInstance(e, exc::BaseExceptionGroup);
    Value tb = static_cast<BaseExceptionObj*>(e.asObject())->traceback.get();
    if (!group) {
      printTraceback(margin, tb, false);
      printMessage(margin, e);
      return;
    }
    // The boxed form of exception groups.
    std::string gm = margin + (depth == 0 ? "  " : "");
    if (!tb.isNull() && !isNone(tb)) {
      std::string saved;
      std::swap(saved, out);
      printTraceback("", tb, true);
      std::string body;
      std::swap(body, out);
      out = saved;
      std::stringstream ss(body);
      std::string l;
      bool firstl = true;
      while (std::getline(ss, l)) {
        out += margin + (firstl ? "  + " : "  | ") + l + "\n";
        firstl = false;
      }
    }
    {
      std::string saved;
      std::swap(saved, out);
      printMessage("", e);
      std::string body;
      std::swap(body, out);
      out = saved;
      std::stringstream ss(body);
      std::string l;
      while (std::getline(ss, l)) out += margin + "  | " + l + "\n";
    }
    Value excs = static_cast<BaseExceptionGroupObj*>(e.asObject())->excs.get();
    int64_t n = excs.isNull() ? 0 : tupleLength(excs);
    int64_t shown = n > 15 ? 15 : n;
    for (int64_t i = 0; i < shown; ++i) {
      std::string title = "---------------- " + std::to_string(i + 1) + " ----------------";
      out += margin + (i == 0 ? "  +-+" : "    +") + title + "\n";
      if (depth + 1 >= 10) {
        out += margin + "    | ... (max_group_depth is 10)\n";
        continue;
      }
      printChain(margin + "    | ", tupleItem(excs, i), depth + 1);
    }
    if (n > 15) {
      out += margin + "    +---------------- ... ----------------\n";
      out += margin + "    | and " + std::to_string(n - 15) + " more exception" + (n - 15 > 1 ? "s" : "") + "\n";
    }
    if (n > 0) out += margin + "    +------------------------------------\n";
  }

  void printChain(const std::string& margin, Value e, int depth) {
    seen.insert(e.bits());
    auto* be = static_cast<BaseExceptionObj*>(e.asObject());
    Value cause = be->cause.get();
    Value context = be->context.get();
    if (!cause.isNull() && !isNone(cause) && isException(cause)) {
      if (!seen.count(cause.bits())) {
        printChain(margin, cause, depth);
        line(margin, "");
        line(margin, "The above exception was the direct cause of the following exception:");
        line(margin, "");
      }
    } else if (!context.isNull() && !isNone(context) && isException(context) && !be->suppress_context) {
      if (!seen.count(context.bits())) {
        printChain(margin, context, depth);
        line(margin, "");
        line(margin, "During handling of the above exception, another exception occurred:");
        line(margin, "");
      }
    }
    printOne(margin, e, depth);
  }
};

}  // namespace

void printException(Value e) {
  if (e.isNull()) e = takeError();
  if (e.isNull()) return;
  flushStdStreams();
  Printer p;
  p.printChain("", e, 0);
  clearError();
  std::fwrite(p.out.data(), 1, p.out.size(), stderr);
  std::fflush(stderr);
}

std::string formatException(Value e) {
  Printer p;
  p.printChain("", e, 0);
  clearError();
  return p.out;
}

void printUnraisableDefault(Value e, Value obj, Value err_msg) {
  if (e.isNull()) return;
  flushStdStreams();
  bool has_obj = !obj.isNull() && !isNone(obj);
  bool has_msg = !err_msg.isNull() && !isNone(err_msg);
  std::string msg;
  if (has_msg) {
    Value s = str(err_msg);
    if (s.isNull()) {
      clearError();
      has_msg = false;
    } else {
      msg = strToUtf8(s);
    }
  }
  Printer p;
  if (has_obj) {
    std::string where = "<object repr() failed>";
    Value r = repr(obj);
    if (r.isNull()) {
      clearError();
    } else {
      where = strToUtf8(r);
    }
    p.line("", (has_msg ? msg + ": " : std::string("Exception ignored in: ")) + where);
  } else if (has_msg) {
    p.line("", msg + ":");
  }
  p.printOne("", e, 0);
  clearError();
  std::fwrite(p.out.data(), 1, p.out.size(), stderr);
  std::fflush(stderr);
}

}  // namespace tern

namespace tern::interp {

void addTraceback(Frame* frame) {
  if (pendingError().isNull()) return;
  Value fo = frameObject(frame);
  Value e = pendingError();
  auto* be = static_cast<BaseExceptionObj*>(e.asObject());
  Value next = be->traceback.get();
  if (!next.isNull() && isNone(next)) next = Value();
  Value tb = newTraceback(next, fo, frame->lasti(), frame->line());
  static_cast<BaseExceptionObj*>(pendingError().asObject())->traceback.set(tb);
}

}  // namespace tern::interp
