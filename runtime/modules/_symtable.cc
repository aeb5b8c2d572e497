// The _symtable module: symtable(source, filename, mode), the compiler's
// symbol table as the stdlib's `symtable` module reads it -- a tree of
// `symtable entry` objects (CPython's PySTEntryObject) with the attributes
// id, name, type, lineno, nested, symbols (name -> the flags word:
// DEF_* bits | scope << SCOPE_OFF), varnames and children, made from
// runtime/compiler/symtable.h's blocks (the same table the code generator
// uses), and the flag constants.
#include <cstddef>
#include <string>

#include "runtime/compiler/symtable.h"
#include "runtime/interp/errors.h"
#include "runtime/interp/runtime.h"
#include "runtime/modules/fd_arg.h"
#include "runtime/modules/module.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/bytes.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/int.h"
#include "runtime/objects/list.h"
#include "runtime/objects/native.h"
#include "runtime/objects/str.h"
#include "runtime/objects/type.h"

namespace tern {

namespace {

Type* g_entry_type = nullptr;

// Every field is set once, when the entry is made, and read-only after.
struct EntryObj : Obj {
  gc::HeapValue id;        // int: the block's address while it was built (CPython: its AST node's)
  gc::HeapValue name;      // str: "top", the def or class name, "lambda", "listcomp", ...
  gc::HeapValue type;      // int: TYPE_FUNCTION, TYPE_CLASS or TYPE_MODULE
  gc::HeapValue lineno;    // int
  gc::HeapValue nested;    // int: 1 inside a function
  gc::HeapValue symbols;   // dict: name -> flags, in order of first occurrence
  gc::HeapValue varnames;  // list: the parameters, in order
  gc::HeapValue children;  // list: the nested blocks' entries, in source order
};
EntryObj* asEntry(Value v) { return static_cast<EntryObj*>(v.asObject()); }

Value newEntry(const compiler::Block* block) {
  Value symbols = newDict();
  if (symbols.isNull()) return Value();
  for (const compiler::Symbol& symbol : block->symbols) {
    if (dictSet(symbols, newStr(symbol.name), newInt(symbol.flags)) < 0) return Value();
  }
  Value varnames = newList();
  if (varnames.isNull()) return Value();
  for (const std::string& name : block->varnames) {
    if (!listAppend(varnames, newStr(name))) return Value();
  }
  Value children = newList();
  if (children.isNull()) return Value();
  for (const compiler::Block* child : block->children) {
    Value entry = newEntry(child);
    if (entry.isNull() || !listAppend(children, entry)) return Value();
  }
  Value id = newInt(static_cast<int64_t>(reinterpret_cast<intptr_t>(block)));
  Value name = newStr(block->name);
  if (id.isNull() || name.isNull()) return Value();
  Obj* o = newObject(g_entry_type, g_entry_type->basic_size);
  if (o == nullptr) return Value();
  EntryObj* e = static_cast<EntryObj*>(o);
  e->id.set(id);
  e->name.set(name);
  e->type.set(newInt(static_cast<int64_t>(block->type)));
  e->lineno.set(newInt(block->lineno));
  e->nested.set(newInt(block->nested ? 1 : 0));
  e->symbols.set(symbols);
  e->varnames.set(varnames);
  e->children.set(children);
  return Value(o);
}

Value entry_repr(Value self) {
  EntryObj* e = asEntry(self);
  int64_t id = 0, lineno = 0;
  intToInt64(e->id.get(), &id);
  intToInt64(e->lineno.get(), &lineno);
  return newStr("<symtable entry " + strToUtf8(e->name.get()) + "(" + std::to_string(id) +
                "), line " + std::to_string(lineno) + ">");
}

Value symtable_symtable(Value* args) {
  Value source = args[1], filename = args[2], mode = args[3];
  std::string fname;
  if (!filenameArg(filename, &fname)) return Value();
  if (!isStr(mode)) {
    return raisef(exc::TypeError, "symtable() argument 3 must be str, not %s", typeNameOf(mode).c_str());
  }
  std::string text;
  if (!sourceText(source, "symtable", "string or bytes", &text)) return Value();
  std::string m = strToUtf8(mode);
  if (m != "exec" && m != "eval" && m != "single") {
    return raise(exc::ValueError, "symtable() arg 3 must be 'exec' or 'eval' or 'single'");
  }
  // As CPython: no future flags inherited from the caller.
  std::unique_ptr<compiler::SymbolTable> table =
      analyseSource(text, fname, m, {.from_string = true, .from_str = isStr(source)});
  if (table == nullptr) return Value();
  return newEntry(table->top());
}

const uint32_t kEntryFields[] = {offsetof(EntryObj, ob_type),  offsetof(EntryObj, id),       offsetof(EntryObj, name),
                                 offsetof(EntryObj, type),     offsetof(EntryObj, lineno),   offsetof(EntryObj, nested),
                                 offsetof(EntryObj, symbols),  offsetof(EntryObj, varnames), offsetof(EntryObj, children)};
const gc::Layout kEntryLayout = {.name = "symtable entry", .fields = kEntryFields};

#define TERN_ENTRY_MEMBER(field) \
  {.name = #field, .kind = MemberKind::kObject, .offset = offsetof(EntryObj, field), .readonly = true}
const MemberDef kEntryMembers[] = {
    TERN_ENTRY_MEMBER(id),      TERN_ENTRY_MEMBER(name),     TERN_ENTRY_MEMBER(symbols),
    TERN_ENTRY_MEMBER(varnames), TERN_ENTRY_MEMBER(children), TERN_ENTRY_MEMBER(nested),
    TERN_ENTRY_MEMBER(type),    TERN_ENTRY_MEMBER(lineno),
};
#undef TERN_ENTRY_MEMBER

const TypeSpec kEntrySpec = {
    .name = "symtable entry",
    .type = &g_entry_type,
    .layout = &kEntryLayout,
    .basic_size = sizeof(EntryObj),
    .slots = {.tp_repr = entry_repr},
    .members = kEntryMembers,
};
TERN_REGISTER_TYPE(kEntrySpec);

bool symtableInit(Value module) {
  using namespace compiler;
  const struct {
    const char* name;
    int value;
  } constants[] = {
      {"USE", kUse},
      {"DEF_GLOBAL", kDefGlobal},
      {"DEF_NONLOCAL", kDefNonlocal},
      {"DEF_LOCAL", kDefLocal},
      {"DEF_PARAM", kDefParam},
      {"DEF_FREE", kDefFree},
      {"DEF_FREE_CLASS", kDefFreeClass},
      {"DEF_IMPORT", kDefImport},
      {"DEF_BOUND", kDefBound},
      {"DEF_ANNOT", kDefAnnot},
      {"TYPE_FUNCTION", static_cast<int>(BlockType::Function)},
      {"TYPE_CLASS", static_cast<int>(BlockType::Class)},
      {"TYPE_MODULE", static_cast<int>(BlockType::Module)},
      {"LOCAL", static_cast<int>(Scope::Local)},
      {"GLOBAL_EXPLICIT", static_cast<int>(Scope::GlobalExplicit)},
      {"GLOBAL_IMPLICIT", static_cast<int>(Scope::GlobalImplicit)},
      {"FREE", static_cast<int>(Scope::Free)},
      {"CELL", static_cast<int>(Scope::Cell)},
      {"SCOPE_OFF", kScopeOffset},
      {"SCOPE_MASK", kScopeMask},
  };
  for (const auto& c : constants) {
    if (!setModuleAttr(module, c.name, newInt(c.value))) return false;
  }
  return true;
}

const MethodDef kSymtableFunctions[] = {
    {.name = "symtable",
     .signature = "($module, source, filename, startstr, /)",
     .fn = symtable_symtable,
     .doc = "Return symbol and scope dictionaries used internally by compiler."},
};

const NativeModuleDef kSymtableModule = {
    .name = "_symtable",
    .methods = kSymtableFunctions,
    .init = symtableInit,
};
TERN_REGISTER_MODULE(kSymtableModule);

}  // namespace

}  // namespace tern
