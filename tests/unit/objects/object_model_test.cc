// The object model through its C++ API: the bootstrap, classes made with
// newClass (MRO, layout conflicts, __slots__, instance dicts on var-sized
// bases), attribute lookup order, slot wrappers and slot updates, native
// argument binding and its CPython error messages.  Runs plain and under
// TERN_GC_STRESS with the verifier.
#include <gtest/gtest.h>

#include <initializer_list>
#include <string>
#include <vector>

#include "runtime/interp/errors.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/descriptors.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/int.h"
#include "runtime/objects/list.h"
#include "runtime/objects/method.h"
#include "runtime/objects/native.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"
#include "runtime/objects/type.h"

namespace tern {
namespace {

Value S(const char* s) { return newStr(s); }
Value T(Type* t) { return typeValue(t); }
Type* asType(Value v) { return static_cast<Type*>(v.asObject()); }

std::string pendingMessage() {
  Value e = takeError();
  if (e.isNull()) return "<none>";
  Value s = str(e);
  return typeNameOf(e) + ": " + (s.isNull() ? "?" : strToUtf8(s));
}

std::string reprOf(Value v) {
  Value r = repr(v);
  if (r.isNull()) return "<error " + pendingMessage() + ">";
  return strToUtf8(r);
}

// class <name>(*bases): namespace given as name/value pairs.
Value makeClass(const char* name, std::initializer_list<Value> bases,
                std::initializer_list<std::pair<const char*, Value>> ns = {}) {
  Value d = newDict();
  dictSet(d, names::__module__, S("mod"));
  for (auto& [k, v] : ns) dictSet(d, internStr(k), v);
  std::vector<Value> b(bases);
  return newClass(types::type_type, internStr(name), newTupleFrom(b.data(), static_cast<int64_t>(b.size())), d,
                  Value());
}

std::string mroNames(Value cls) {
  std::string out;
  Value mro = asType(cls)->mro.get();
  for (int64_t i = 0; i < tupleLength(mro); ++i) {
    if (i) out += " ";
    out += typeName(asType(tupleItem(mro, i)));
  }
  return out;
}

TEST(ObjectModel, BootstrapCreatesEveryBuiltinType) {
#define TERN_BUILTIN_TYPE(id, python_name)                          \
  ASSERT_NE(types::id, nullptr) << python_name;                     \
  EXPECT_EQ(typeOf(T(types::id)), types::type_type) << python_name; \
  EXPECT_EQ(typeBareName(types::id), python_name);
#include "runtime/objects/builtin_types.def"
#undef TERN_BUILTIN_TYPE
  EXPECT_EQ(reprOf(T(types::int_type)), "<class 'int'>");
  EXPECT_EQ(reprOf(None()), "None");
  EXPECT_EQ(typeOf(True()), types::bool_type);
  EXPECT_TRUE(isSubtype(types::bool_type, types::int_type));
  EXPECT_EQ(mroNames(T(types::bool_type)), "bool int object");
  EXPECT_EQ(isTrue(None()), 0);
  EXPECT_EQ(isTrue(True()), 1);
}

TEST(ObjectModel, SlotWrappersAppearInBuiltinDicts) {
  Value add = typeLookup(types::int_type, names::__add__);
  ASSERT_FALSE(add.isNull());
  EXPECT_EQ(reprOf(add), "<slot wrapper '__add__' of 'int' objects>");
  Value args[2] = {Value::fromSmallInt(2), Value::fromSmallInt(3)};
  Value r = call(add, args, 2);
  ASSERT_FALSE(r.isNull()) << pendingMessage();
  EXPECT_EQ(r, Value::fromSmallInt(5));
  Value bad[2] = {S("a"), Value::fromSmallInt(1)};
  EXPECT_TRUE(call(add, bad, 2).isNull());
  EXPECT_EQ(pendingMessage(), "TypeError: descriptor '__add__' requires a 'int' object but received a 'str'");
  Value radd = typeLookup(types::int_type, names::__radd__);
  ASSERT_FALSE(radd.isNull());
  // Unhashable builtins show __hash__ = None.
  Value h = typeLookup(types::list_type, names::__hash__);
  EXPECT_TRUE(!h.isNull() && isNone(h));
}

TEST(ObjectModel, MethodDescriptorsBindAndCheckSelf) {
  Value append = typeLookup(types::list_type, internStr("append"));
  ASSERT_FALSE(append.isNull());
  EXPECT_EQ(reprOf(append), "<method 'append' of 'list' objects>");
  Value l = newList(0);
  Value args[2] = {l, Value::fromSmallInt(1)};
  ASSERT_FALSE(call(append, args, 2).isNull()) << pendingMessage();
  EXPECT_EQ(listLength(l), 1);
  Value wrong[2] = {Value::fromSmallInt(1), Value::fromSmallInt(2)};
  EXPECT_TRUE(call(append, wrong, 2).isNull());
  EXPECT_EQ(pendingMessage(), "TypeError: descriptor 'append' for 'list' objects doesn't apply to a 'int' object");
  EXPECT_TRUE(call(append, nullptr, 0).isNull());
  EXPECT_EQ(pendingMessage(), "TypeError: unbound method list.append() needs an argument");
  Value bound = getAttr(l, internStr("append"));
  ASSERT_FALSE(bound.isNull());
  EXPECT_EQ(reprOf(bound).substr(0, 40), "<built-in method append of list object a");
  EXPECT_TRUE(call(bound, nullptr, 0).isNull());
  EXPECT_EQ(pendingMessage(), "TypeError: list.append() takes exactly one argument (0 given)");
}

Value sig_echo(Value* args) { return newTupleOf({args[1], args[2], args[3]}); }
const MethodDef kEchoDef = {.name = "echo", .signature = "($module, a, /, b=None, *, c=3)", .fn = sig_echo};
Value sig_pos(Value* args) { return args[1]; }
const MethodDef kPosDef = {.name = "pos", .signature = "($module, a, b=1, /)", .fn = sig_pos};

TEST(ObjectModel, NativeBindingErrors) {
  Value f = newBuiltinFunction(&kEchoDef, Value(), S("m"));
  Value f2 = newBuiltinFunction(&kPosDef, Value(), S("m"));
  EXPECT_EQ(reprOf(f), "<built-in function echo>");
  Value one[1] = {Value::fromSmallInt(1)};
  Value r = call(f, one, 1);
  ASSERT_FALSE(r.isNull()) << pendingMessage();
  EXPECT_EQ(reprOf(r), "(1, None, 3)");
  Value three[3] = {Value::fromSmallInt(1), Value::fromSmallInt(2), Value::fromSmallInt(3)};
  EXPECT_TRUE(call(f, three, 3).isNull());
  EXPECT_EQ(pendingMessage(), "TypeError: echo() takes at most 2 positional arguments (3 given)");
  Value kw[2] = {Value::fromSmallInt(1), Value::fromSmallInt(5)};
  r = call(f, kw, 1, newTupleOf({internStr("c")}));
  ASSERT_FALSE(r.isNull()) << pendingMessage();
  EXPECT_EQ(reprOf(r), "(1, None, 5)");
  EXPECT_TRUE(call(f, kw, 1, newTupleOf({internStr("zz")})).isNull());
  EXPECT_EQ(pendingMessage(), "TypeError: 'zz' is an invalid keyword argument for echo()");
  EXPECT_TRUE(call(f, nullptr, 0).isNull());
  EXPECT_EQ(pendingMessage(), "TypeError: echo() takes at least 1 positional argument (0 given)");
  EXPECT_TRUE(call(f2, nullptr, 0).isNull());
  EXPECT_EQ(pendingMessage(), "TypeError: pos expected at least 1 argument, got 0");
  EXPECT_TRUE(call(f2, three, 3).isNull());
  EXPECT_EQ(pendingMessage(), "TypeError: pos expected at most 2 arguments, got 3");
  EXPECT_TRUE(call(f2, kw, 1, newTupleOf({internStr("b")})).isNull());
  EXPECT_EQ(pendingMessage(), "TypeError: pos() takes no keyword arguments");
}

TEST(ObjectModel, C3Mro) {
  Value O = T(types::object_type);
  Value A = makeClass("A", {O});
  Value B = makeClass("B", {A});
  Value C = makeClass("C", {A});
  Value D = makeClass("D", {B, C});
  ASSERT_FALSE(D.isNull()) << pendingMessage();
  EXPECT_EQ(mroNames(D), "D B C A object");
  EXPECT_EQ(reprOf(D), "<class 'mod.D'>");
  EXPECT_TRUE(makeClass("E", {A, B}).isNull());
  EXPECT_EQ(pendingMessage(),
            "TypeError: Cannot create a consistent method resolution\norder (MRO) for bases A, B");
  EXPECT_TRUE(makeClass("E", {A, A}).isNull());
  EXPECT_EQ(pendingMessage(), "TypeError: duplicate base class A");
  EXPECT_TRUE(makeClass("E", {T(types::int_type), T(types::str_type)}).isNull());
  EXPECT_EQ(pendingMessage(), "TypeError: multiple bases have instance lay-out conflict");
  EXPECT_TRUE(makeClass("E", {T(types::bool_type)}).isNull());
  EXPECT_EQ(pendingMessage(), "TypeError: type 'bool' is not an acceptable base type");
  // __subclasses__ sees the live direct subclasses.
  Value subs = callMethod(A, internStr("__subclasses__"), nullptr, 0);
  ASSERT_FALSE(subs.isNull()) << pendingMessage();
  EXPECT_EQ(listLength(subs), 2);
  // (B and C must stay reachable until here: the list holds weak references.)
  EXPECT_TRUE(isSubtype(asType(D), asType(B)) && isSubtype(asType(D), asType(C)));
}

TEST(ObjectModel, AttributeLookupOrder) {
  Value O = T(types::object_type);
  Value prop = call(T(types::property_type), nullptr, 0);  // a data descriptor without getter
  ASSERT_FALSE(prop.isNull()) << pendingMessage();
  Value cls = makeClass("K", {O}, {{"attr", S("class")}, {"data", prop}});
  ASSERT_FALSE(cls.isNull()) << pendingMessage();
  Value obj = call(cls, nullptr, 0);
  ASSERT_FALSE(obj.isNull()) << pendingMessage();
  EXPECT_EQ(strToUtf8(getAttr(obj, internStr("attr"))), "class");
  ASSERT_EQ(setAttr(obj, internStr("attr"), S("instance")), 0);
  EXPECT_EQ(strToUtf8(getAttr(obj, internStr("attr"))), "instance");  // instance dict beats non-data
  // A data descriptor beats the instance dict.
  dictSet(instanceDict(obj), internStr("data"), S("shadow"));
  EXPECT_TRUE(getAttr(obj, internStr("data")).isNull());
  EXPECT_EQ(pendingMessage(), "AttributeError: property 'data' of 'K' object has no getter");  // named by __set_name__
  EXPECT_TRUE(getAttr(obj, internStr("missing")).isNull());
  EXPECT_EQ(pendingMessage(), "AttributeError: 'K' object has no attribute 'missing'");
  EXPECT_TRUE(lookupAttr(obj, internStr("missing")).isNull());
  EXPECT_FALSE(errorPending());
  EXPECT_EQ(setAttr(Value(newObject(types::object_type, sizeof(Obj))), internStr("x"), None()), -1);
  EXPECT_EQ(pendingMessage(), "AttributeError: 'object' object has no attribute 'x'");
  EXPECT_EQ(setAttr(T(types::int_type), internStr("x"), None()), -1);
  EXPECT_EQ(pendingMessage(), "TypeError: cannot set 'x' attribute of immutable type 'int'");
}

TEST(ObjectModel, SlotsAndVarSizedBases) {
  Value O = T(types::object_type);
  Value P = makeClass("P", {O}, {{"__slots__", newTupleOf({S("b"), S("a")})}});
  ASSERT_FALSE(P.isNull()) << pendingMessage();
  EXPECT_EQ(asType(P)->dict_offset, 0);
  Value p = call(P, nullptr, 0);
  ASSERT_FALSE(p.isNull());
  EXPECT_TRUE(getAttr(p, internStr("a")).isNull());
  EXPECT_EQ(pendingMessage(), "AttributeError: 'P' object has no attribute 'a'");
  ASSERT_EQ(setAttr(p, internStr("a"), S("x")), 0);
  ASSERT_EQ(setAttr(p, internStr("b"), S("y")), 0);
  gc::collect(gc::Generation::kYoung);
  EXPECT_EQ(strToUtf8(getAttr(p, internStr("a"))), "x");
  EXPECT_EQ(strToUtf8(getAttr(p, internStr("b"))), "y");
  EXPECT_EQ(setAttr(p, internStr("c"), S("z")), -1);
  EXPECT_EQ(pendingMessage(), "AttributeError: 'P' object has no attribute 'c'");
  // Conflicts.
  EXPECT_TRUE(makeClass("Q", {O}, {{"__slots__", newTupleOf({S("a")})}, {"a", None()}}).isNull());
  EXPECT_EQ(pendingMessage(), "ValueError: 'a' in __slots__ conflicts with class variable");
  EXPECT_TRUE(makeClass("Q", {T(types::int_type)}, {{"__slots__", newTupleOf({S("a")})}}).isNull());
  EXPECT_EQ(pendingMessage(), "TypeError: nonempty __slots__ not supported for subtype of 'int'");
  // A tuple subclass keeps its __dict__ after the items.
  Value TS = makeClass("TS", {T(types::tuple_type)});
  ASSERT_FALSE(TS.isNull()) << pendingMessage();
  EXPECT_LT(asType(TS)->dict_offset, 0);
  Value items = newTupleOf({S("i0"), S("i1"), S("i2")});
  Value args[1] = {items};
  Value ts = call(TS, args, 1);
  ASSERT_FALSE(ts.isNull()) << pendingMessage();
  ASSERT_EQ(setAttr(ts, internStr("extra"), S("e")), 0);
  gc::collect(gc::Generation::kYoung);
  gc::collect(gc::Generation::kFull);
  EXPECT_EQ(strToUtf8(getAttr(ts, internStr("extra"))), "e");
  EXPECT_EQ(tupleLength(ts), 3);
  EXPECT_EQ(strToUtf8(tupleItem(ts, 2)), "i2");
}

TEST(ObjectModel, DunderAssignmentUpdatesSlots) {
  Value O = T(types::object_type);
  Value A = makeClass("A", {O});
  Value B = makeClass("B", {A});
  Value b = call(B, nullptr, 0);
  ASSERT_FALSE(b.isNull());
  EXPECT_EQ(length(b), -1);
  EXPECT_EQ(pendingMessage(), "TypeError: object of type 'B' has no len()");
  // A.__len__ = (a builtin returning 7)
  static const MethodDef kSeven = {.name = "seven", .signature = "($self, /)",
                                   .fn = [](Value*) -> Value { return Value::fromSmallInt(7); }};
  Value seven = newMethodDescriptor(types::object_type, &kSeven);
  ASSERT_EQ(setAttr(A, names::__len__, seven), 0);
  EXPECT_EQ(length(b), 7) << pendingMessage();
  ASSERT_EQ(delAttr(A, names::__len__), 0);
  EXPECT_EQ(length(b), -1);
  pendingMessage();
  // __eq__ without __hash__ makes instances unhashable.
  Value C = makeClass("C", {O}, {{"__eq__", seven}});
  Value c = call(C, nullptr, 0);
  EXPECT_EQ(hash(c), -1);
  EXPECT_EQ(pendingMessage(), "TypeError: unhashable type: 'C'");
}

TEST(ObjectModel, BinaryOpsAndErrors) {
  Value r = binaryOp(Value::fromSmallInt(2), Value::fromSmallInt(3), BinOp::kMultiply);
  ASSERT_FALSE(r.isNull()) << pendingMessage();
  EXPECT_EQ(r, Value::fromSmallInt(6));
  EXPECT_TRUE(binaryOp(Value::fromSmallInt(2), S("a"), BinOp::kSubtract).isNull());
  EXPECT_EQ(pendingMessage(), "TypeError: unsupported operand type(s) for -: 'int' and 'str'");
  EXPECT_TRUE(binaryOp(None(), None(), BinOp::kInplaceAdd).isNull());
  EXPECT_EQ(pendingMessage(), "TypeError: unsupported operand type(s) for +=: 'NoneType' and 'NoneType'");
  EXPECT_TRUE(richCompare(Value::fromSmallInt(1), S("a"), kLt).isNull());
  EXPECT_EQ(pendingMessage(), "TypeError: '<' not supported between instances of 'int' and 'str'");
  EXPECT_TRUE(call(None(), nullptr, 0).isNull());
  EXPECT_EQ(pendingMessage(), "TypeError: 'NoneType' object is not callable");
  EXPECT_TRUE(getItem(Value::fromSmallInt(1), None()).isNull());
  EXPECT_EQ(pendingMessage(), "TypeError: 'int' object is not subscriptable");
  EXPECT_TRUE(getIter(Value::fromSmallInt(1)).isNull());
  EXPECT_EQ(pendingMessage(), "TypeError: 'int' object is not iterable");
  EXPECT_EQ(contains(Value::fromSmallInt(1), None()), -1);
  EXPECT_EQ(pendingMessage(), "TypeError: argument of type 'int' is not iterable");
  EXPECT_EQ(hash(newList(0)), -1);
  EXPECT_EQ(pendingMessage(), "TypeError: unhashable type: 'list'");
}

TEST(ObjectModel, IsInstanceAndSubclass) {
  Value O = T(types::object_type);
  Value A = makeClass("A", {O});
  Value B = makeClass("B", {A});
  Value b = call(B, nullptr, 0);
  EXPECT_EQ(isInstanceGeneric(b, A), 1);
  EXPECT_EQ(isInstanceGeneric(b, newTupleOf({T(types::int_type), A})), 1);
  EXPECT_EQ(isInstanceGeneric(b, T(types::int_type)), 0);
  EXPECT_EQ(isSubclassGeneric(B, A), 1);
  EXPECT_EQ(isSubclassGeneric(A, B), 0);
  EXPECT_EQ(isSubclassGeneric(Value::fromSmallInt(1), A), -1);
  EXPECT_EQ(pendingMessage(), "TypeError: issubclass() arg 1 must be a class");
}

}  // namespace
}  // namespace tern
