// Native functions and the declarative surface of builtin types.
//
// A native function or method is declared once with its Python signature in
// CPython's __text_signature__ syntax, e.g.
//     {.name = "split", .signature = "($self, /, sep=None, maxsplit=-1)", .fn = str_split}
// The runtime parses the signature at start-up and binds every call's
// arguments to the parameters before calling `fn` (this is Tern's Argument
// Clinic): `fn` receives an array with one Value per parameter in order —
// `self` first for methods, a tuple for `*args`, a dict for `**kwargs`, the
// default for an omitted parameter with a literal default, and null for an
// omitted parameter whose default is written `<unrepresentable>` (meaning
// "optional, no default value"; the function tests for null).  Binding raises
// CPython's TypeErrors ("split() takes at most 2 arguments (3 given)",
// "split() got an unexpected keyword argument 'x'", "missing required
// argument", ...) so `fn` never sees a wrong arity.
//
// Defaults allowed in signatures: None, True, False, integers, floats,
// string literals, and `<unrepresentable>`.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

#include "runtime/objects/object.h"

namespace tern {

using NativeFn = Value (*)(Value* args);

namespace method_flags {
inline constexpr uint32_t kClassMethod = 1u << 0;   // args[0] is the class (classmethod_descriptor)
inline constexpr uint32_t kStaticMethod = 1u << 1;  // no self
// How CPython parses the function's arguments, where the signature alone
// cannot say; it decides the wording of arity errors.  By default a function
// without keyword parameters is METH_NOARGS (no parameters), METH_O (one
// required positional-only parameter) or Argument Clinic's positional-only
// fast path ("f expected at most 2 arguments, got 3").
// PyArg_ParseTuple's / _PyArg_ParseStack's wording of arity errors:
// "find() takes at most 3 arguments (4 given)", "kill() takes exactly 2
// arguments (1 given)".
inline constexpr uint32_t kLegacyArity = 1u << 2;
// METH_VARARGS: "f() takes no keyword arguments" names the function bare
// ("find()"), not qualified ("str.find()", "posix.kill()").
inline constexpr uint32_t kVarArgs = 1u << 3;
// A hand-written _PyArg_CheckPositional naming the method with its class:
// "deque.rotate expected at most 1 argument, got 2".
inline constexpr uint32_t kQualifiedArity = 1u << 5;
// Clinic's optional groups ("log(x, [base])"): "math.log requires 1 to 2
// arguments".
inline constexpr uint32_t kOptionalGroups = 1u << 4;
}  // namespace method_flags

struct MethodDef;
// A raw native binds its own arguments: it gets each call as made (cpyext's
// PyMethodDef functions, which parse their arguments in C).
using RawNativeFn = Value (*)(const MethodDef* def, Value self, const Value* args, size_t nargs, Value kwnames);

struct MethodDef {
  const char* name = nullptr;
  const char* signature = nullptr;  // "($self, /, x, y=None)"; "($module, ...)" for module functions
  NativeFn fn = nullptr;
  uint32_t flags = 0;
  const char* doc = nullptr;
  RawNativeFn raw = nullptr;  // set instead of fn (and signature) for a raw native
  const void* data = nullptr;  // the raw native's own (a PyMethodDef*)
};

// The docs of raw natives and raw getsets, whose tables live in C memory
// that C may still write (numpy's add_docstring sets ml_doc after making its
// module): cpyext installs these to read them there.  Null: the def's `doc`.
extern const char* (*g_raw_method_doc)(const MethodDef* def);
struct GetSetDef;
extern const char* (*g_raw_getset_doc)(const GetSetDef* def);

// A computed attribute (getset_descriptor): `set` null means read-only.
// A raw getset (cpyext's PyGetSetDef and PyMemberDef) gets its def, to reach
// `data`; raw_get/raw_set replace get/set.
struct GetSetDef {
  const char* name = nullptr;
  Value (*get)(Value self) = nullptr;
  int (*set)(Value self, Value value) = nullptr;  // value null: delete
  const char* doc = nullptr;
  Value (*raw_get)(const GetSetDef* def, Value self) = nullptr;
  int (*raw_set)(const GetSetDef* def, Value self, Value value) = nullptr;
  const void* data = nullptr;
};

// A stored attribute at a fixed offset (member_descriptor).
enum class MemberKind : uint8_t {
  kObject,          // a HeapValue; null reads as AttributeError (or None if kNoneIfNull)
  kObjectNoneIfNull,  // a HeapValue; null reads as None
  kInt64,           // an int64_t field
  kBool,            // a uint64_t field read as bool
  kDouble,          // a double field
};
struct MemberDef {
  const char* name = nullptr;
  MemberKind kind = MemberKind::kObject;
  uint32_t offset = 0;
  bool readonly = false;
  const char* doc = nullptr;
};

// The whole Python surface of a builtin type, declared at the end of its
// file (STYLE.md 3) and registered with TERN_REGISTER_TYPE.
struct TypeSpec {
  const char* name = nullptr;      // __name__ ("int"); __module__ is builtins unless `module` says
  const char* module = nullptr;    // e.g. "_io"; null: builtins
  Type** type = nullptr;           // where the created type is stored (types::int_type)
  Type** base = nullptr;           // null: object
  const gc::Layout* layout = nullptr;  // instance layout; null: inherit the base's
  uint32_t basic_size = 0;         // 0: inherit the base's
  uint32_t item_size = 0;
  uint64_t flags = 0;              // type_flags
  Slots slots = {};
  std::span<const MethodDef> methods = {};
  std::span<const GetSetDef> getsets = {};
  std::span<const MemberDef> members = {};
  const char* doc = nullptr;
  const char* text_signature = nullptr;  // type.__text_signature__ ("(x, y=None)"); null: None
  // Byte offset of the instance __dict__ slot (a HeapValue), 0: inherit the
  // base's (none for object).  Setting it implies type_flags::kHasDict.
  int32_t dict_offset = 0;
  // Instances may be weakly referenced.  Tern keeps weak references in the
  // weakref objects (gc::WeakHeapValue), so no word is reserved in the
  // instance; the type's weaklist_offset only says "weakly referenceable".
  bool weakrefable = false;
};

// Self-registration (MicroPython's MP_REGISTER_MODULE idea): a static object
// in the type's file adds its spec to the registry before main runs; the
// registry creates every type at start-up, bases first.
struct TypeRegistration {
  explicit TypeRegistration(const TypeSpec* spec);
};
#define TERN_REGISTER_TYPE(spec_var) \
  static const ::tern::TypeRegistration tern_type_registration_##spec_var(&spec_var)

// A builtin function object for a module-level MethodDef (self = the module
// or null).  `def` must outlive the process (a static).
Value newBuiltinFunction(const MethodDef* def, Value self, Value module_name);

// Binds a call to `def`'s parameters (see above) into `out`, which has room
// for parameterCount(def) Values (`self` included when bound_self is
// non-null: it becomes out[0]).  False with TypeError pending on a bad call.
size_t parameterCount(const MethodDef* def);
bool bindArguments(const MethodDef* def, Value bound_self, const Value* args, size_t nargs, Value kwnames, Value* out);
// Binds and calls: what calling a builtin function or method descriptor does.
Value callNative(const MethodDef* def, Value bound_self, const Value* args, size_t nargs, Value kwnames);

// --- argument conversion helpers for native functions ---
// These raise CPython's TypeError messages ("'str' object cannot be
// interpreted as an integer") and return false on error.
bool argIndex(Value v, int64_t* out);             // __index__, clamped? no: OverflowError when out of int64
bool argSsize(Value v, int64_t* out);             // like argIndex, OverflowError "cannot fit 'int' into an index-sized integer"
bool argSsizeT(Value v, int64_t* out);            // clinic's "n": like argIndex, OverflowError "... convert to C ssize_t"
bool argCInt(Value v, int* out);                 // __index__ into a C int (clinic's "int"), OverflowError outside it
bool argDouble(Value v, double* out);             // float(), __float__/__index__
bool argStr(Value v, const char* func, const char* param);  // type check: str required

}  // namespace tern
