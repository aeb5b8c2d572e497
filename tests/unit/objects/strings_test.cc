// str, bytes and bytearray through their C++ API and slots: the PEP 393
// invariants, interning, hashing, comparison, methods, `%` and str.format,
// the basic codecs with their errors.  Expected values were printed by
// python3.11.  The binary runs plain and under TERN_GC_STRESS with the heap
// verifier, so strings move while alive.
#include <gtest/gtest.h>

#include <string>

#include "runtime/interp/errors.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/bytearray.h"
#include "runtime/objects/bytes.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/hash.h"
#include "runtime/objects/int.h"
#include "runtime/objects/list.h"
#include "runtime/objects/slice.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"

namespace tern {
namespace {

// repr(v), or "!Type: message" for a null result with an exception pending.
std::string show(Value v) {
  if (v.isNull()) {
    Value e = takeError();
    if (e.isNull()) return "!<no exception>";
    Value s = str(e);
    std::string msg = s.isNull() ? "?" : strToUtf8(s);
    clearError();
    return "!" + typeNameOf(e) + ": " + msg;
  }
  Value r = repr(v);
  if (r.isNull()) return show(r);
  return strToUtf8(r);
}

Value S(const char* s) { return newStr(s); }
Value B(std::string_view s) { return newBytes(s); }
Value I(int64_t n) { return newInt(n); }

Value method(Value self, const char* name, std::initializer_list<Value> args) {
  Value a[6];
  size_t n = 0;
  for (Value v : args) a[n++] = v;
  return callMethod(self, internStr(name), a, n);
}

Value callType(Type* t, std::initializer_list<Value> args) {
  Value a[4];
  size_t n = 0;
  for (Value v : args) a[n++] = v;
  return call(typeValue(t), a, n);
}

TEST(Str, KindsAndAscii) {
  Value a = S("abc");
  EXPECT_EQ(asStr(a)->kind, 1);
  EXPECT_TRUE(asStr(a)->ascii);
  Value e = S("caf\xc3\xa9");
  EXPECT_EQ(asStr(e)->kind, 1);
  EXPECT_FALSE(asStr(e)->ascii);
  Value euro = S("\xe2\x82\xac");
  EXPECT_EQ(asStr(euro)->kind, 2);
  Value emoji = S("a\xf0\x9f\x98\x80");
  EXPECT_EQ(asStr(emoji)->kind, 4);
  EXPECT_EQ(asStr(emoji)->length, 2);
  // Slicing narrows back to the canonical kind.
  Value part = getItem(emoji, I(0));
  EXPECT_EQ(asStr(part)->kind, 1);
  Value sl = strSubstring(S("\xe2\x82\xac" "abc"), 1, 4);
  EXPECT_EQ(asStr(sl)->kind, 1);
  EXPECT_TRUE(asStr(sl)->ascii);
  EXPECT_EQ(strToUtf8(sl), "abc");
}

TEST(Str, InternAndNames) {
  Value a = internStr("hello_world");
  Value b = internStr("hello_world");
  EXPECT_EQ(a, b);
  EXPECT_TRUE(gc::isOld(a.asObject()));
  Value c = intern(S("hello_world"));
  EXPECT_EQ(a, c);
  EXPECT_EQ(internStr("__init__"), names::__init__);
  EXPECT_EQ(names::empty, emptyStr());
  EXPECT_EQ(strFromCodePoint('x'), strFromCodePoint('x'));
  EXPECT_EQ(strFromCodePoint(0xe9), S("\xc3\xa9"));
}

TEST(Str, HashEqualityCompare) {
  Value a = S("\xe2\x82\xac" "x");
  EXPECT_EQ(strHash(a), objects::hash_bytes("\xac\x20x\x00", 4));
  EXPECT_TRUE(strEquals(a, S("\xe2\x82\xac" "x")));
  EXPECT_FALSE(strEquals(a, S("x")));
  EXPECT_LT(strCompare(S("abc"), S("abd")), 0);
  EXPECT_GT(strCompare(S("\xe2\x82\xac"), S("z")), 0);
  EXPECT_LT(strCompare(S("ab"), S("abc")), 0);
  EXPECT_EQ(strToUtf8(strConcat(S("ab"), S("\xe2\x82\xac"))), "ab\xe2\x82\xac");
  EXPECT_TRUE(strEqualsAscii(S("abc"), "abc"));
}

TEST(Str, Repr) {
  EXPECT_EQ(show(S("it's")), "\"it's\"");
  EXPECT_EQ(show(S("a'b\"c")), "'a\\'b\"c'");
  EXPECT_EQ(show(S("\t\n\x01\x7f")), "'\\t\\n\\x01\\x7f'");
  EXPECT_EQ(show(S("\xc3\xa9\xe2\x80\x8b")), "'\xc3\xa9\\u200b'");
  EXPECT_EQ(show(S("\xed\xb2\x80")), "'\\udc80'");
}

TEST(Str, IndexAndSlice) {
  Value s = S("hello");
  EXPECT_EQ(show(getItem(s, I(-1))), "'o'");
  EXPECT_EQ(show(getItem(s, I(5))), "!IndexError: string index out of range");
  EXPECT_EQ(show(getItem(s, S("x"))), "!TypeError: string indices must be integers, not 'str'");
  EXPECT_EQ(show(binaryOp(s, I(3), BinOp::kMultiply)), "'hellohellohello'");
  EXPECT_EQ(show(binaryOp(I(2), S("ab"), BinOp::kMultiply)), "'abab'");
  EXPECT_EQ(show(binaryOp(s, I(1), BinOp::kAdd)), "!TypeError: can only concatenate str (not \"int\") to str");
  EXPECT_EQ(contains(s, S("ell")), 1);
  EXPECT_EQ(contains(s, S("xyz")), 0);
}

TEST(Str, Methods) {
  EXPECT_EQ(show(method(S("a,b,,c"), "split", {S(",")})), "['a', 'b', '', 'c']");
  EXPECT_EQ(show(method(S("  a b  c "), "split", {})), "['a', 'b', 'c']");
  EXPECT_EQ(show(method(S("a b c"), "rsplit", {None(), I(1)})), "['a b', 'c']");
  EXPECT_EQ(show(method(S("ab\r\ncd\ne"), "splitlines", {True()})), "['ab\\r\\n', 'cd\\n', 'e']");
  EXPECT_EQ(show(method(S("abc"), "replace", {S(""), S("-")})), "'-a-b-c-'");
  EXPECT_EQ(show(method(S("abcabc"), "replace", {S("b"), S("XX"), I(1)})), "'aXXcabc'");
  EXPECT_EQ(show(method(S("  xx "), "strip", {})), "'xx'");
  EXPECT_EQ(show(method(S("xxaxx"), "rstrip", {S("x")})), "'xxa'");
  EXPECT_EQ(show(method(S("abc"), "center", {I(6), S("*")})), "'*abc**'");
  EXPECT_EQ(show(method(S("-42"), "zfill", {I(6)})), "'-00042'");
  EXPECT_EQ(show(method(S("a\tb"), "expandtabs", {I(4)})), "'a   b'");
  EXPECT_EQ(show(method(S("hello"), "find", {S("l"), I(3)})), "3");
  EXPECT_EQ(show(method(S("hello"), "rindex", {S("z")})), "!ValueError: substring not found");
  EXPECT_EQ(show(method(S("hello"), "count", {S("l")})), "2");
  EXPECT_EQ(show(method(S("hello"), "startswith", {newTupleOf({S("x"), S("he")})})), "True");
  EXPECT_EQ(show(method(S("a.b.c"), "partition", {S(".")})), "('a', '.', 'b.c')");
  EXPECT_EQ(show(method(S("a.b.c"), "rpartition", {S(".")})), "('a.b', '.', 'c')");
  EXPECT_EQ(show(method(S("-"), "join", {newTupleOf({S("a"), S("b")})})), "'a-b'");
  EXPECT_EQ(show(method(S("-"), "join", {newTupleOf({S("a"), I(1)})})),
            "!TypeError: sequence item 1: expected str instance, int found");
  EXPECT_EQ(show(method(S("\xc3\x9f" "a\xce\xa3"), "upper", {})), "'SSA\xce\xa3'");
  EXPECT_EQ(show(method(S("A\xce\xa3"), "lower", {})), "'a\xcf\x82'");
  EXPECT_EQ(show(method(S("hello world"), "title", {})), "'Hello World'");
  EXPECT_EQ(show(method(S("hELLO"), "capitalize", {})), "'Hello'");
  EXPECT_EQ(show(method(S("Hello"), "swapcase", {})), "'hELLO'");
  EXPECT_EQ(show(method(S("\xc3\x9f"), "casefold", {})), "'ss'");
  EXPECT_EQ(show(method(S("Hello World"), "istitle", {})), "True");
  EXPECT_EQ(show(method(S("abc1"), "isalnum", {})), "True");
  EXPECT_EQ(show(method(S(""), "isprintable", {})), "True");
  EXPECT_EQ(show(method(S("_a1"), "isidentifier", {})), "True");
  EXPECT_EQ(show(method(S("abc"), "removeprefix", {S("ab")})), "'c'");
}

TEST(Str, Translate) {
  Value a[3] = {S("ab"), S("xy"), S("c")};
  Value table = callMethod(typeValue(types::str_type), internStr("maketrans"), a, 3);
  ASSERT_FALSE(table.isNull()) << show(table);
  EXPECT_EQ(show(method(S("abcd"), "translate", {table})), "'xyd'");
}

TEST(Str, PercentFormat) {
  EXPECT_EQ(show(strPercentFormat(S("%s-%r-%5d|%-4x|%+.2f"), newTupleOf({S("a"), S("b"), I(42), I(255), newInt(3)}))),
            "\"a-'b'-   42|ff  |+3.00\"");
  EXPECT_EQ(show(strPercentFormat(S("%#o %#X %05d %c"), newTupleOf({I(8), I(255), I(-42), I(65)}))),
            "'0o10 0XFF -0042 A'");
  EXPECT_EQ(show(strPercentFormat(S("%s %s"), newTupleOf({I(1)}))),
            "!TypeError: not enough arguments for format string");
  EXPECT_EQ(show(strPercentFormat(S("%s"), newTupleOf({I(1), I(2)}))),
            "!TypeError: not all arguments converted during string formatting");
  EXPECT_EQ(show(strPercentFormat(S("%y"), I(1))), "!ValueError: unsupported format character 'y' (0x79) at index 1");
  Value d = newDict();
  dictSet(d, S("name"), S("x"));
  EXPECT_EQ(show(strPercentFormat(S("%(name)s!"), d)), "'x!'");
  EXPECT_EQ(show(strPercentFormat(S("%*d|%.*s"), newTupleOf({I(4), I(7), I(2), S("abcdef")}))), "'   7|ab'");
}

TEST(Str, FormatMethod) {
  Value args = newTupleOf({I(1), S("x")});
  Value a[2] = {I(1), S("x")};
  Value r = callMethod(S("{0}-{1!r}-{0:>3}"), internStr("format"), a, 2);
  EXPECT_EQ(show(r), "\"1-'x'-  1\"");
  (void)args;
  EXPECT_EQ(show(callMethod(S("{}{1}"), internStr("format"), a, 2)),
            "!ValueError: cannot switch from automatic field numbering to manual field specification");
  EXPECT_EQ(show(callMethod(S("{2}"), internStr("format"), a, 2)),
            "!IndexError: Replacement index 2 out of range for positional args tuple");
  EXPECT_EQ(show(callMethod(S("{:{}}|"), internStr("format"), a, 2)), "'1|'");
  EXPECT_EQ(show(callMethod(S("x{{y}}z"), internStr("format"), nullptr, 0)), "'x{y}z'");
  EXPECT_EQ(show(callMethod(S("}"), internStr("format"), nullptr, 0)),
            "!ValueError: Single '}' encountered in format string");
  EXPECT_EQ(show(formatValue(S("ab"), 2, S(">6"))), "\"  'ab'\"");
  EXPECT_EQ(show(format(S("abc"), S("^7"))), "'  abc  '");
}

TEST(Codecs, EncodeDecode) {
  EXPECT_EQ(show(method(S("caf\xc3\xa9"), "encode", {})), "b'caf\\xc3\\xa9'");
  EXPECT_EQ(show(method(S("caf\xc3\xa9"), "encode", {S("latin-1")})), "b'caf\\xe9'");
  EXPECT_EQ(show(method(S("ab\xe2\x82\xac\xe2\x82\xac" "c"), "encode", {S("ascii")})),
            "!UnicodeEncodeError: 'ascii' codec can't encode characters in position 2-3: ordinal not in range(128)");
  EXPECT_EQ(show(method(S("a\xed\xa0\x80"), "encode", {})),
            "!UnicodeEncodeError: 'utf-8' codec can't encode character '\\ud800' in position 1: surrogates not allowed");
  EXPECT_EQ(show(method(S("\xe2\x82\xac"), "encode", {S("ascii"), S("xmlcharrefreplace")})), "b'&#8364;'");
  EXPECT_EQ(show(method(S("a\xe2\x82\xac"), "encode", {S("utf-16")})), "b'\\xff\\xfea\\x00\\xac '");
  // An encoding the native codecs do not know goes to the codec registry,
  // which imports `encodings`: tests/lang/modules/codecs_registry.py covers it.
  EXPECT_EQ(show(method(B("a\xe4\xbd"), "decode", {})),
            "!UnicodeDecodeError: 'utf-8' codec can't decode bytes in position 1-2: unexpected end of data");
  EXPECT_EQ(show(method(B("\xff\x80"), "decode", {S("utf-8"), S("surrogateescape")})), "'\\udcff\\udc80'");
  EXPECT_EQ(show(method(B("\xf0\x90\x41"), "decode", {S("utf-8"), S("replace")})), "'\xef\xbf\xbd" "A'");
  EXPECT_EQ(show(method(B(std::string_view("\xff\xfe" "a\x00", 4)), "decode", {S("utf-16")})), "'a'");
  EXPECT_EQ(show(callType(types::str_type, {B("\xff"), S("ascii")})),
            "!UnicodeDecodeError: 'ascii' codec can't decode byte 0xff in position 0: ordinal not in range(128)");
}

TEST(Bytes, Basics) {
  EXPECT_EQ(show(B("a'b")), "b\"a'b\"");
  EXPECT_EQ(show(getItem(B("abc"), I(1))), "98");
  EXPECT_EQ(show(binaryOp(B("ab"), B("cd"), BinOp::kAdd)), "b'abcd'");
  EXPECT_EQ(show(binaryOp(B("ab"), S("cd"), BinOp::kAdd)), "!TypeError: can't concat str to bytes");
  EXPECT_EQ(show(callType(types::bytes_type, {I(3)})), "b'\\x00\\x00\\x00'");
  EXPECT_EQ(show(callType(types::bytes_type, {newTupleOf({I(104), I(105)})})), "b'hi'");
  EXPECT_EQ(show(callType(types::bytes_type, {S("x")})), "!TypeError: string argument without an encoding");
  EXPECT_EQ(show(method(B("a,b"), "split", {B(",")})), "[b'a', b'b']");
  EXPECT_EQ(show(method(B("\x01\x02\x03"), "hex", {S(":"), I(2)})), "'01:0203'");
  EXPECT_EQ(show(method(typeValue(types::bytes_type), "fromhex", {S(" 01 ff")})), "b'\\x01\\xff'");
  EXPECT_EQ(show(bytesPercentFormat(B("%s=%d"), newTupleOf({B("k"), I(5)}), false)), "b'k=5'");
  EXPECT_EQ(bytesHash(B("abc")), objects::hash_bytes("abc", 3));
}

TEST(ByteArray, Mutation) {
  Value ba = callType(types::bytearray_type, {B("abc")});
  ASSERT_FALSE(ba.isNull()) << show(ba);
  EXPECT_TRUE(isNone(method(ba, "append", {I(100)})));
  EXPECT_EQ(show(ba), "bytearray(b'abcd')");
  EXPECT_EQ(setItem(ba, newSlice(I(1), I(3), None()), B("XYZ")), 0);
  EXPECT_EQ(show(ba), "bytearray(b'aXYZd')");
  EXPECT_EQ(delItem(ba, I(0)), 0);
  EXPECT_EQ(show(method(ba, "pop", {})), "100");
  EXPECT_EQ(show(ba), "bytearray(b'XYZ')");
  EXPECT_EQ(show(binaryOp(ba, B("!"), BinOp::kInplaceAdd)), "bytearray(b'XYZ!')");
  EXPECT_EQ(show(method(ba, "upper", {})), "bytearray(b'XYZ!')");
  EXPECT_EQ(show(method(ba, "append", {I(256)})), "!ValueError: byte must be in range(0, 256)");
  for (int i = 0; i < 1000; ++i) method(ba, "append", {I(i % 256)});
  EXPECT_EQ(length(ba), 1004);
  EXPECT_EQ(show(getItem(ba, I(-1))), "231");
}

TEST(Str, SurvivesCollections) {
  Value list = newList();
  for (int i = 0; i < 2000; ++i) {
    Value s = strPercentFormat(S("item-%d-\xe2\x82\xac"), I(i));
    ASSERT_FALSE(s.isNull());
    listAppend(list, s);
  }
  gc::collect(gc::Generation::kFull);
  EXPECT_EQ(show(listItem(list, 1234)), "'item-1234-\xe2\x82\xac'");
  Value joined = strJoin(S(","), list);
  EXPECT_EQ(length(joined), 2000 * 7 + (10 * 1 + 90 * 2 + 900 * 3 + 1000 * 4) + 1999);
}

}  // namespace
}  // namespace tern
