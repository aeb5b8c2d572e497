// tern-dis [-O LEVEL] [--summary] FILE: compiles FILE and prints its code
// units recursively, in a format close to python3.11's `dis.dis` (header,
// then one line per instruction: index, line, opcode, argument and what it
// names, then the exception table).
//
// --summary prints instead one JSON object per line and code unit, in the
// depth-first order of co_consts (the order tools/compare-code walks
// python3.11's code objects in): co_name, co_qualname, co_firstlineno, the
// argument counts, co_flags, co_varnames, co_cellvars, co_freevars,
// co_nlocals, co_names, the docstring slot (co_consts[0] when a str) and
// co_stacksize.
//
// When FILE does not compile, prints the SyntaxError's last traceback line
// and `offset: N` to stdout and exits 1, as tern-symdump does.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>

#include "runtime/compiler/codegen.h"
#include "runtime/compiler/literals.h"
#include "runtime/compiler/parser.h"
#include "runtime/compiler/symtable.h"
#include "runtime/interp/opcodes.h"

namespace {

using tern::compiler::CodeUnit;
using tern::compiler::Constant;
using tern::interp::Op;

std::string repr(const Constant& c) {
  using K = Constant::Kind;
  switch (c.kind) {
    case K::None:
      return "None";
    case K::Ellipsis:
      return "Ellipsis";
    case K::True:
      return "True";
    case K::False:
      return "False";
    case K::Int:
      return c.text;
    case K::Float:
      return tern::compiler::repr_float(c.real);
    case K::Complex:
      if (c.real == 0 && !std::signbit(c.real)) return tern::compiler::repr_imaginary(c.imag);
      return "(" + tern::compiler::repr_float(c.real) + (std::signbit(c.imag) ? "-" : "+") +
             tern::compiler::repr_imaginary(std::fabs(c.imag)) + ")";
    case K::Str:
      return tern::compiler::repr_str(c.text);
    case K::Bytes:
      return tern::compiler::repr_bytes(c.text);
    case K::Tuple:
    case K::FrozenSet: {
      std::string out = c.kind == K::Tuple ? "(" : "frozenset({";
      for (size_t i = 0; i < c.items.size(); ++i) {
        if (i) out += ", ";
        out += repr(c.items[i]);
      }
      if (c.kind == K::Tuple && c.items.size() == 1) out += ",";
      out += c.kind == K::Tuple ? ")" : "})";
      return out;
    }
    case K::Code:
      return "<code object " + c.code->co_name + ", line " + std::to_string(c.code->co_firstlineno) + ">";
  }
  return "?";
}

// JSON string: non-ASCII as \uXXXX (lone surrogates included, which
// generalized UTF-8 may hold), so Python's json module reads it back exactly.
std::string json(const std::string& s) {
  std::string out = "\"";
  char buf[16];
  for (size_t i = 0; i < s.size();) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      if (b == '"' || b == '\\') {
        out += '\\';
        out += static_cast<char>(b);
      } else if (b < 0x20 || b == 0x7f) {
        std::snprintf(buf, sizeof buf, "\\u%04x", b);
        out += buf;
      } else {
        out += static_cast<char>(b);
      }
      ++i;
      continue;
    }
    int len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
    uint32_t cp = b & (len == 4 ? 0x07 : len == 3 ? 0x0F : 0x1F);
    for (int k = 1; k < len && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    i += len;
    if (cp >= 0x10000) {
      cp -= 0x10000;
      std::snprintf(buf, sizeof buf, "\\u%04x\\u%04x", 0xD800 + (cp >> 10), 0xDC00 + (cp & 0x3FF));
    } else {
      std::snprintf(buf, sizeof buf, "\\u%04x", cp);
    }
    out += buf;
  }
  return out + "\"";
}

std::string json(const std::vector<std::string>& v) {
  std::string out = "[";
  for (size_t i = 0; i < v.size(); ++i) {
    if (i) out += ", ";
    out += json(v[i]);
  }
  return out + "]";
}

void summary(const CodeUnit& code, std::string& out) {
  out += "{\"name\": " + json(code.co_name) + ", \"qualname\": " + json(code.co_qualname) +
         ", \"firstlineno\": " + std::to_string(code.co_firstlineno) +
         ", \"argcount\": " + std::to_string(code.co_argcount) +
         ", \"posonlyargcount\": " + std::to_string(code.co_posonlyargcount) +
         ", \"kwonlyargcount\": " + std::to_string(code.co_kwonlyargcount) +
         ", \"flags\": " + std::to_string(code.co_flags) + ", \"varnames\": " + json(code.co_varnames) +
         ", \"cellvars\": " + json(code.co_cellvars) + ", \"freevars\": " + json(code.co_freevars) +
         ", \"nlocals\": " + std::to_string(code.co_nlocals()) + ", \"names\": " + json(code.co_names) + ", \"doc\": " +
         (!code.co_consts.empty() && code.co_consts[0].is_str() ? json(code.co_consts[0].text) : "null") +
         ", \"stacksize\": " + std::to_string(code.co_stacksize) + "}\n";
  for (const Constant& c : code.co_consts) {
    if (c.kind == Constant::Kind::Code) summary(*c.code, out);
  }
}

std::string argrepr(const CodeUnit& code, Op op, uint32_t arg, const std::vector<std::string>& localsplus) {
  uint32_t flags = tern::interp::opFlags(op);
  if (flags & tern::interp::kConst) return arg < code.co_consts.size() ? repr(code.co_consts[arg]) : "?";
  if (op == Op::LOAD_GLOBAL) {
    std::string name = (arg >> 1) < code.co_names.size() ? code.co_names[arg >> 1] : "?";
    return (arg & 1) ? "NULL + " + name : name;
  }
  if (flags & tern::interp::kName) return arg < code.co_names.size() ? code.co_names[arg] : "?";
  if (flags & (tern::interp::kLocal | tern::interp::kFree)) return arg < localsplus.size() ? localsplus[arg] : "?";
  if (flags & tern::interp::kJump) return "to " + std::to_string(arg);
  switch (op) {
    case Op::COMPARE_OP: {
      static const char* kOps[] = {"<", "<=", "==", "!=", ">", ">="};
      return arg < 6 ? kOps[arg] : "?";
    }
    case Op::BINARY_OP: {
      static const char* kOps[] = {"+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^"};
      return arg < 13 ? kOps[arg] : arg < 26 ? std::string(kOps[arg - 13]) + "=" : "?";
    }
    case Op::IS_OP:
      return arg ? "is not" : "is";
    case Op::CONTAINS_OP:
      return arg ? "not in" : "in";
    default:
      return "";
  }
}

void disassemble(const CodeUnit& code, std::string& out) {
  char buf[256];
  std::snprintf(buf, sizeof buf, "Disassembly of <code object %s at %s, line %d>:\n", code.co_name.c_str(),
                code.co_filename.c_str(), code.co_firstlineno);
  out += buf;
  std::snprintf(buf, sizeof buf, "  qualname %s, flags 0x%x, argcount %d (posonly %d, kwonly %d), stacksize %d\n",
                code.co_qualname.c_str(), code.co_flags, code.co_argcount, code.co_posonlyargcount,
                code.co_kwonlyargcount, code.co_stacksize);
  out += buf;
  auto list = [&out](const char* what, const std::vector<std::string>& v) {
    if (v.empty()) return;
    out += std::string("  ") + what + ":";
    for (const std::string& s : v) out += " " + s;
    out += "\n";
  };
  list("names", code.co_names);
  list("varnames", code.co_varnames);
  list("cellvars", code.co_cellvars);
  list("freevars", code.co_freevars);
  std::vector<std::string> localsplus = code.localsplus_names();
  int last_line = -2;
  for (size_t i = 0; i < code.code.size(); ++i) {
    uint32_t insn = code.code[i];
    Op op = tern::interp::opOf(insn);
    uint32_t arg = tern::interp::argOf(insn);
    int line = code.positions[i].lineno;
    std::string line_text = line != last_line ? (line < 0 ? "None" : std::to_string(line)) : "";
    if (line != last_line && i) out += "\n";
    last_line = line;
    bool has_arg = tern::interp::opFlags(op) & tern::interp::kArg;
    std::snprintf(buf, sizeof buf, "%6s %6zu %-28s", line_text.c_str(), i, tern::interp::opName(op));
    out += buf;
    if (has_arg) {
      out += std::to_string(arg);
      std::string a = argrepr(code, op, arg, localsplus);
      if (!a.empty()) out += " (" + a + ")";
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    out += "\n";
  }
  if (!code.exception_table.empty()) {
    out += "ExceptionTable:\n";
    for (const auto& e : code.exception_table) {
      std::snprintf(buf, sizeof buf, "  %u to %u -> %u [%u]%s\n", e.start, e.end, e.target, e.depth,
                    e.push_lasti ? " lasti" : "");
      out += buf;
    }
  }
  out += "\n";
  for (const Constant& c : code.co_consts) {
    if (c.kind == Constant::Kind::Code) disassemble(*c.code, out);
  }
}

int report(const tern::compiler::SyntaxErrorInfo& error) {
  std::string out = tern::compiler::format_syntax_error(error) + "\noffset: " + std::to_string(error.offset) + "\n";
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  bool summary_mode = false;
  int optimize = 0;
  const char* path = nullptr;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--summary") == 0) {
      summary_mode = true;
    } else if (std::strcmp(argv[i], "-O") == 0 && i + 1 < argc) {
      optimize = std::atoi(argv[++i]);
    } else {
      path = argv[i];
    }
  }
  if (!path) {
    std::fprintf(stderr, "usage: tern-dis [-O LEVEL] [--summary] FILE\n");
    return 2;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "tern-dis: cannot open %s\n", path);
    return 2;
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string source = buffer.str();
  tern::compiler::ParseResult parsed = tern::compiler::parse_module(source, path);
  if (!parsed.ok()) return report(*parsed.error);
  tern::compiler::SymtableResult symbols = tern::compiler::build_symtable(parsed.module, path);
  if (!symbols.ok()) return report(*symbols.error);
  tern::compiler::CodegenResult result = tern::compiler::compile_module(parsed.module, *symbols.table, path, optimize);
  if (!result.ok()) return report(*result.error);
  std::string out;
  if (summary_mode) {
    summary(*result.code, out);
  } else {
    disassemble(*result.code, out);
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}
