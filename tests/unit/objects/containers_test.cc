// The container types through their C++ API and slots: dict (order, deletion,
// resizing, string fast path, merge errors), list (growth, slices, sort), tuple
// (hash), set/frozenset (CPython's iteration order and frozenset hash), range
// and slices.  Runs plain and under TERN_GC_STRESS with the verifier: the
// storage of lists and dicts moves.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "runtime/interp/errors.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/hash.h"
#include "runtime/objects/int.h"
#include "runtime/objects/list.h"
#include "runtime/objects/range.h"
#include "runtime/objects/set.h"
#include "runtime/objects/slice.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"

namespace tern {
namespace {

Value I(int64_t n) { return newInt(n); }
Value S(const char* s) { return newStr(s); }

std::string reprOf(Value v) {
  Value r = repr(v);
  if (r.isNull()) {
    Value e = takeError();
    return "<error " + typeNameOf(e) + ">";
  }
  return strToUtf8(r);
}

std::string pendingMessage() {
  Value e = takeError();
  if (e.isNull()) return "<none>";
  Value s = str(e);
  return typeNameOf(e) + ": " + (s.isNull() ? "?" : strToUtf8(s));
}

Value method(Value obj, const char* name, std::initializer_list<Value> args = {}) {
  std::vector<Value> a(args);
  return callMethod(obj, internStr(name), a.data(), a.size());
}

// ---------------------------------------------------------------------------
// dict

TEST(Dict, InsertLookupOrder) {
  Value d = newDict();
  for (int i = 0; i < 1000; ++i) ASSERT_EQ(dictSet(d, I(i * 7), I(i)), 0);
  EXPECT_EQ(dictSize(d), 1000);
  for (int i = 0; i < 1000; ++i) {
    Value v = dictGet(d, I(i * 7));
    ASSERT_FALSE(v.isNull());
    EXPECT_EQ(v.asSmallInt(), i);
  }
  EXPECT_TRUE(dictGet(d, I(1)).isNull());
  EXPECT_FALSE(errorPending());
  int64_t pos = 0, n = 0;
  Value k, v;
  while (dictNext(d, &pos, &k, &v)) {
    EXPECT_EQ(k.asSmallInt(), n * 7);
    ++n;
  }
  EXPECT_EQ(n, 1000);
}

TEST(Dict, DeleteAndReinsertKeepsInsertionOrder) {
  Value d = newDict();
  for (int i = 0; i < 10; ++i) dictSet(d, I(i), I(i));
  EXPECT_EQ(dictDel(d, I(3)), 1);
  EXPECT_EQ(dictDel(d, I(3)), 0);
  dictSet(d, I(3), S("x"));
  EXPECT_EQ(reprOf(d), "{0: 0, 1: 1, 2: 2, 4: 4, 5: 5, 6: 6, 7: 7, 8: 8, 9: 9, 3: 'x'}");
  // Many deletions and insertions: dummies and compaction.
  for (int round = 0; round < 50; ++round) {
    for (int i = 0; i < 10; ++i) dictDel(d, I(i));
    for (int i = 0; i < 10; ++i) dictSet(d, I(i + round), I(round));
    for (int i = 0; i < 10; ++i) dictDel(d, I(i + round));
    EXPECT_EQ(dictSize(d), 0);
    for (int i = 0; i < 10; ++i) dictSet(d, I(i), I(i));
  }
  EXPECT_EQ(dictSize(d), 10);
}

TEST(Dict, StrKeysAndFastPath) {
  Value d = newDict();
  std::vector<std::string> names;
  for (int i = 0; i < 300; ++i) names.push_back("name" + std::to_string(i));
  for (int i = 0; i < 300; ++i) ASSERT_EQ(dictSet(d, internStr(names[i]), I(i)), 0);
  for (int i = 0; i < 300; ++i) {
    Value v = dictGetStr(d, internStr(names[i]));
    ASSERT_FALSE(v.isNull()) << names[i];
    EXPECT_EQ(v.asSmallInt(), i);
    // A non-interned equal string finds the same entry.
    Value v2 = dictGet(d, newStr(names[i]));
    ASSERT_FALSE(v2.isNull());
  }
  EXPECT_TRUE(dictGetStr(d, internStr("absent")).isNull());
}

TEST(Dict, VersionChangesOnKeyInsertAndDelete) {
  Value d = newDict();
  int64_t v0 = asDict(d)->version;
  dictSet(d, I(1), I(1));
  int64_t v1 = asDict(d)->version;
  EXPECT_NE(v0, v1);
  dictDel(d, I(1));
  EXPECT_NE(asDict(d)->version, v1);
}

TEST(Dict, UnhashableKey) {
  Value d = newDict();
  EXPECT_EQ(dictSet(d, newList(), I(1)), -1);
  EXPECT_EQ(pendingMessage(), "TypeError: unhashable type: 'list'");
}

TEST(Dict, UpdateFromPairsAndErrors) {
  Value d = newDict();
  Value pairs = newList();
  listAppend(pairs, newTupleOf({I(1), I(2)}));
  listAppend(pairs, newTupleOf({S("a"), S("b")}));
  ASSERT_EQ(dictUpdate(d, pairs), 0);
  EXPECT_EQ(reprOf(d), "{1: 2, 'a': 'b'}");
  Value bad = newList();
  listAppend(bad, newTupleOf({I(1)}));
  EXPECT_EQ(dictUpdate(d, bad), -1);
  EXPECT_EQ(pendingMessage(), "ValueError: dictionary update sequence element #0 has length 1; 2 is required");
  Value bad2 = newList();
  listAppend(bad2, I(5));
  EXPECT_EQ(dictUpdate(d, bad2), -1);
  EXPECT_EQ(pendingMessage(), "TypeError: cannot convert dictionary update sequence element #0 to a sequence");
}

TEST(Dict, MergeWithoutOverrideRaisesKeyError) {
  Value a = newDict(), b = newDict();
  dictSet(a, S("x"), I(1));
  dictSet(b, S("x"), I(2));
  EXPECT_EQ(dictMerge(a, b, false), -1);
  EXPECT_EQ(pendingMessage(), "KeyError: 'x'");
  EXPECT_EQ(dictMerge(a, b, true), 0);
  EXPECT_EQ(reprOf(a), "{'x': 2}");
}

TEST(Dict, CopyClearEqualityRepr) {
  Value d = newDict();
  for (int i = 0; i < 20; ++i) dictSet(d, I(i), newTupleOf({I(i), S("v")}));
  Value c = dictCopy(d);
  EXPECT_EQ(richCompareBool(c, d, kEq), 1);
  dictSet(c, I(0), I(0));
  EXPECT_EQ(richCompareBool(c, d, kEq), 0);
  dictClear(c);
  EXPECT_EQ(dictSize(c), 0);
  EXPECT_EQ(reprOf(c), "{}");
  Value self = newDict();
  dictSet(self, S("me"), self);
  EXPECT_EQ(reprOf(self), "{'me': {...}}");
}

TEST(Dict, PopitemAndViews) {
  Value d = newDict();
  for (int i = 0; i < 5; ++i) dictSet(d, I(i), I(i * i));
  EXPECT_EQ(reprOf(method(d, "popitem")), "(4, 16)");
  EXPECT_EQ(reprOf(method(d, "keys")), "dict_keys([0, 1, 2, 3])");
  EXPECT_EQ(reprOf(method(d, "values")), "dict_values([0, 1, 4, 9])");
  EXPECT_EQ(reprOf(method(d, "items")), "dict_items([(0, 0), (1, 1), (2, 4), (3, 9)])");
  Value it = getIter(d);
  ASSERT_FALSE(iterNext(it).isNull());
  dictSet(d, I(100), I(0));
  EXPECT_TRUE(iterNext(it).isNull());
  EXPECT_EQ(pendingMessage(), "RuntimeError: dictionary changed size during iteration");
}

// ---------------------------------------------------------------------------
// list

TEST(List, AppendGrowthAndSizeof) {
  Value l = newList();
  for (int i = 0; i < 10; ++i) ASSERT_TRUE(listAppend(l, I(i)));
  EXPECT_EQ(reprOf(method(l, "__sizeof__")), "168");  // as CPython: capacity 16
  for (int i = 0; i < 10000; ++i) ASSERT_TRUE(listAppend(l, newTupleOf({I(i)})));
  EXPECT_EQ(listLength(l), 10010);
  EXPECT_EQ(reprOf(listItem(l, 10009)), "(9999,)");
}

TEST(List, SlicesAndExtendedSliceErrors) {
  Value l = newList();
  for (int i = 0; i < 10; ++i) listAppend(l, I(i));
  EXPECT_EQ(reprOf(getItem(l, newSlice(I(2), I(8), I(3)))), "[2, 5]");
  EXPECT_EQ(reprOf(getItem(l, newSlice(None(), None(), I(-1)))), "[9, 8, 7, 6, 5, 4, 3, 2, 1, 0]");
  Value three = newListFrom(std::vector<Value>{I(1), I(2), I(3)}.data(), 3);
  EXPECT_EQ(setItem(l, newSlice(I(0), I(4), I(2)), three), -1);
  EXPECT_EQ(pendingMessage(), "ValueError: attempt to assign sequence of size 3 to extended slice of size 2");
  EXPECT_EQ(setItem(l, newSlice(I(1), I(3), None()), three), 0);
  EXPECT_EQ(reprOf(l), "[0, 1, 2, 3, 3, 4, 5, 6, 7, 8, 9]");
  EXPECT_EQ(delItem(l, newSlice(None(), None(), I(2))), 0);
  EXPECT_EQ(reprOf(l), "[1, 3, 4, 6, 8]");
  EXPECT_EQ(setItem(l, newSlice(None(), None(), I(0)), three), -1);
  EXPECT_EQ(pendingMessage(), "ValueError: slice step cannot be zero");
  EXPECT_EQ(setItem(l, I(99), I(0)), -1);
  EXPECT_EQ(pendingMessage(), "IndexError: list assignment index out of range");
  EXPECT_TRUE(getItem(l, S("a")).isNull());
  EXPECT_EQ(pendingMessage(), "TypeError: list indices must be integers or slices, not str");
}

TEST(List, SortAndReverse) {
  Value l = newList();
  for (int i = 0; i < 500; ++i) listAppend(l, I((i * 7919) % 503));
  ASSERT_FALSE(method(l, "sort").isNull());
  for (int i = 1; i < 500; ++i) ASSERT_LE(listItem(l, i - 1).asSmallInt(), listItem(l, i).asSmallInt());
  Value strs = newList();
  for (const char* s : {"pear", "apple", "fig", "banana"}) listAppend(strs, S(s));
  ASSERT_FALSE(method(strs, "sort").isNull());
  EXPECT_EQ(reprOf(strs), "['apple', 'banana', 'fig', 'pear']");
  ASSERT_FALSE(method(strs, "reverse").isNull());
  EXPECT_EQ(reprOf(strs), "['pear', 'fig', 'banana', 'apple']");
  Value mixed = newList();
  listAppend(mixed, I(1));
  listAppend(mixed, S("a"));
  EXPECT_TRUE(method(mixed, "sort").isNull());
  EXPECT_EQ(pendingMessage(), "TypeError: '<' not supported between instances of 'str' and 'int'");
}

TEST(List, RecursiveRepr) {
  Value l = newList();
  listAppend(l, I(1));
  listAppend(l, l);
  EXPECT_EQ(reprOf(l), "[1, [...]]");
}

// ---------------------------------------------------------------------------
// tuple

TEST(Tuple, HashMatchesCPython) {
  EXPECT_EQ(hash(newTupleOf({I(1), I(2), I(3)})), 529344067295497451);
  EXPECT_EQ(hash(newTuple(0)), 5740354900026072187);
  EXPECT_EQ(hash(newTupleOf({I(1)})), -6644214454873602895);
  EXPECT_EQ(hash(newTupleOf({newTupleOf({I(1), I(2)}), I(3)})), -333907151259015829);
  EXPECT_EQ(newTuple(0), newTuple(0));
  EXPECT_EQ(reprOf(newTupleOf({I(1)})), "(1,)");
  EXPECT_EQ(reprOf(newTupleOf({I(1), S("x")})), "(1, 'x')");
}

TEST(Tuple, CompareAndConcat) {
  Value a = newTupleOf({I(1), I(2)}), b = newTupleOf({I(1), I(3)});
  EXPECT_EQ(richCompareBool(a, b, kLt), 1);
  EXPECT_EQ(richCompareBool(a, a, kEq), 1);
  EXPECT_EQ(reprOf(binaryOp(a, b, BinOp::kAdd)), "(1, 2, 1, 3)");
  EXPECT_EQ(reprOf(binaryOp(a, I(2), BinOp::kMultiply)), "(1, 2, 1, 2)");
  EXPECT_TRUE(binaryOp(a, newList(), BinOp::kAdd).isNull());
  EXPECT_EQ(pendingMessage(), "TypeError: can only concatenate tuple (not \"list\") to tuple");
}

// ---------------------------------------------------------------------------
// set

std::string setOrder(Value s) {
  std::string out;
  int64_t pos = 0;
  Value k;
  while (setNext(s, &pos, &k)) out += reprOf(k) + " ";
  return out;
}

TEST(Set, IterationOrderMatchesCPython) {
  Value s = newSet();
  for (int64_t v : {5, 1, 9, 17, 33, 100, -1, 8, 16, 24, 7}) ASSERT_EQ(setAdd(s, I(v)), 0);
  EXPECT_EQ(setOrder(s), "1 33 100 5 7 8 9 16 17 24 -1 ");
  Value r = newSet();
  for (int64_t v = 0; v < 200; v += 7) setAdd(r, I(v));
  EXPECT_EQ(setOrder(r).substr(0, 36), "0 133 7 140 14 147 21 154 28 161 35 ");
  Value d = newSet();
  setAdd(d, I(1));
  setAdd(d, I(9));
  setDiscard(d, I(1));
  setAdd(d, I(17));
  EXPECT_EQ(setOrder(d), "17 9 ");
}

TEST(Set, FrozensetHashMatchesCPython) {
  Value f = newFrozenSet(newTupleOf({I(1), I(2), I(3)}));
  EXPECT_EQ(hash(f), -272375401224217160);
  EXPECT_EQ(hash(newFrozenSet()), 133146708735736);
  Value r = newList();
  for (int i = 0; i < 100; ++i) listAppend(r, I(i));
  EXPECT_EQ(hash(newFrozenSet(r)), 4411996150312757951);
}

TEST(Set, AlgebraAndRepr) {
  Value a = newSet(newTupleOf({I(1), I(2), I(3)}));
  Value b = newSet(newTupleOf({I(2), I(3), I(4)}));
  EXPECT_EQ(reprOf(binaryOp(a, b, BinOp::kAnd)), "{2, 3}");
  EXPECT_EQ(reprOf(binaryOp(a, b, BinOp::kOr)), "{1, 2, 3, 4}");
  EXPECT_EQ(reprOf(binaryOp(a, b, BinOp::kSubtract)), "{1}");
  EXPECT_EQ(reprOf(binaryOp(a, b, BinOp::kXor)), "{1, 4}");
  EXPECT_EQ(reprOf(newSet()), "set()");
  EXPECT_EQ(reprOf(newFrozenSet(newTupleOf({I(1)}))), "frozenset({1})");
  EXPECT_EQ(richCompareBool(newSet(newTupleOf({I(2)})), a, kLt), 1);
  EXPECT_TRUE(setPop(newSet()).isNull());
  EXPECT_EQ(pendingMessage(), "KeyError: 'pop from an empty set'");
  // Many deletions: dummies, then resize.
  Value big = newSet();
  for (int i = 0; i < 5000; ++i) setAdd(big, I(i));
  for (int i = 0; i < 5000; i += 2) setDiscard(big, I(i));
  EXPECT_EQ(setSize(big), 2500);
  for (int i = 0; i < 5000; ++i) EXPECT_EQ(setContains(big, I(i)), i % 2);
}

// ---------------------------------------------------------------------------
// range and slice

TEST(Range, Basics) {
  Value r = newRange(I(0), I(10), I(3));
  EXPECT_EQ(length(r), 4);
  EXPECT_EQ(reprOf(r), "range(0, 10, 3)");
  EXPECT_EQ(reprOf(getItem(r, I(-1))), "9");
  EXPECT_EQ(reprOf(getItem(r, newSlice(None(), None(), I(-1)))), "range(9, -3, -3)");
  EXPECT_EQ(contains(r, I(6)), 1);
  EXPECT_EQ(contains(r, I(7)), 0);
  EXPECT_EQ(reprOf(listFromIterable(r)), "[0, 3, 6, 9]");
  Value bigr = newRange(I(0), intFromString("100000000000000000000", 10), I(1));
  EXPECT_EQ(length(bigr), -1);
  EXPECT_EQ(pendingMessage(), "OverflowError: Python int too large to convert to C ssize_t");
  EXPECT_EQ(hash(newRange(I(0), I(5), I(1))), hash(newTupleOf({I(5), I(0), I(1)})));
}

TEST(Slice, Indices) {
  int64_t start, stop, step, len;
  ASSERT_TRUE(sliceIndices(newSlice(I(-3), None(), None()), 10, &start, &stop, &step, &len));
  EXPECT_EQ(start, 7);
  EXPECT_EQ(stop, 10);
  EXPECT_EQ(len, 3);
  ASSERT_TRUE(sliceIndices(newSlice(None(), None(), I(-2)), 5, &start, &stop, &step, &len));
  EXPECT_EQ(start, 4);
  EXPECT_EQ(stop, -1);
  EXPECT_EQ(len, 3);
  EXPECT_EQ(reprOf(method(newSlice(I(1), I(100), I(2)), "indices", {I(10)})), "(1, 10, 2)");
  EXPECT_EQ(reprOf(newSlice(I(1), None(), None())), "slice(1, None, None)");
}

}  // namespace
}  // namespace tern
