// The descriptor types: what a type's dict holds besides plain functions.
//
//   method_descriptor       list.append: a MethodDef of a builtin type
//   classmethod_descriptor  dict.fromkeys: a MethodDef with kClassMethod
//   wrapper_descriptor      int.__add__: a slot of a builtin type (slots.def)
//   method-wrapper          (1).__add__: a wrapper_descriptor bound to an object
//   getset_descriptor       int.real: a GetSetDef
//   member_descriptor       a MemberDef, or a __slots__ entry of a class
//   builtin_function_or_method  len, [].append: a MethodDef bound to a module or object
//   property, classmethod, staticmethod, super, mappingproxy (descriptors.cc)
//
// Every descriptor holds the type it belongs to (`type`, never null) and its
// name (an interned str).  The MethodDef/GetSetDef/MemberDef pointers are
// static data (never heap memory), kept as raw words.
#pragma once

#include <cstdint>

#include "runtime/objects/native.h"
#include "runtime/objects/object.h"

namespace tern {

struct SlotDef;   // slots.h
struct NativeSig;  // native.cc: a parsed __text_signature__

struct DescrObj : Obj {
  gc::HeapValue type;  // the owning type
  gc::HeapValue name;  // str
};

struct MethodDescrObj : DescrObj {
  const MethodDef* def;
  NativeSig* sig;
};

struct WrapperDescrObj : DescrObj {
  const SlotDef* slot;
  void* fn;  // the slot function wrapped (a pointer of the slot's type)
};

struct MethodWrapperObj : Obj {
  gc::HeapValue descr;  // a wrapper_descriptor
  gc::HeapValue self;
};

struct GetSetDescrObj : DescrObj {
  const GetSetDef* def;
};

struct MemberDescrObj : DescrObj {
  const MemberDef* def;  // null for __slots__ members
  int64_t offset;        // byte offset; negative: from the end of the instance (see type.cc)
  uint64_t kind;         // MemberKind
  uint64_t readonly;
};

struct BuiltinFunctionObj : Obj {
  gc::HeapValue self;    // the module or object bound, or null
  gc::HeapValue module;  // __module__ (str or None), or null
  const MethodDef* def;
  NativeSig* sig;
};

struct StaticMethodObj : Obj {  // staticmethod and classmethod
  gc::HeapValue callable;
  gc::HeapValue dict;
};

struct PropertyObj : Obj {
  gc::HeapValue fget, fset, fdel, doc;
  gc::HeapValue name;   // set by __set_name__, or null
  uint64_t getter_doc;  // the doc came from fget.__doc__
};

struct MappingProxyObj : Obj {
  gc::HeapValue mapping;
};

struct SuperObj : Obj {
  gc::HeapValue type;      // the class super() was called in (or its first argument)
  gc::HeapValue obj;       // the instance or class bound, or null (unbound super)
  gc::HeapValue obj_type;  // the type whose MRO is searched
};

Value newMethodDescriptor(Type* type, const MethodDef* def);
Value newClassMethodDescriptor(Type* type, const MethodDef* def);
Value newWrapperDescriptor(Type* type, const SlotDef* slot, void* fn);
Value newGetSetDescriptor(Type* type, const GetSetDef* def);
Value newMemberDescriptor(Type* type, const MemberDef* def);
// A member_descriptor for a __slots__ entry at `offset` (negative: from the end).
Value newSlotMemberDescriptor(Type* type, Value name, int64_t offset);
// A builtin_function_or_method bound to `self` (an object, a type or a module).
Value newBuiltinMethod(const MethodDef* def, Value self);
// Is `v` a builtin_function_or_method running `def`?
bool isBuiltinFunctionOf(Value v, const MethodDef* def);

Value newStaticMethod(Value callable);
Value newClassMethod(Value callable);
Value newMappingProxy(Value mapping);

// The object an `obj.__dict__`-style slot at `offset` of an instance refers
// to (offset < 0: counted from the end of the instance).
inline gc::HeapValue* instanceSlot(Value obj, int64_t offset) {
  gc::Object* o = obj.asObject();
  char* base = o->bytes();
  return reinterpret_cast<gc::HeapValue*>(offset >= 0 ? base + offset : base + o->sizeBytes() + offset);
}

}  // namespace tern
