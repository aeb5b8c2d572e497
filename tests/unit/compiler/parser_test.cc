// The parser's C++ interface: the tree it builds, the errors it reports, and
// its limits.  Whole-file agreement with CPython is tools/compare-ast's job.
#include "runtime/compiler/parser.h"

#include <gtest/gtest.h>

#include <string>

namespace tern::compiler {
namespace {

using namespace ast;

ParseResult parse(const std::string& source) { return parse_module(source, "/some/dir/t.py"); }

TEST(Parser, BuildsTypedNodes) {
  ParseResult r = parse("x = a + 1\n");
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r.module->body.size, 1u);
  auto* assign = as<Assign>(r.module->body[0]);
  ASSERT_NE(assign, nullptr);
  EXPECT_EQ(as<Expr>(r.module->body[0]), nullptr);
  ASSERT_EQ(assign->targets.size, 1u);
  auto* target = as<Name>(assign->targets[0]);
  ASSERT_NE(target, nullptr);
  EXPECT_EQ(target->id, "x");
  EXPECT_EQ(target->ctx, expr_context::Store);
  auto* sum = as<BinOp>(assign->value);
  ASSERT_NE(sum, nullptr);
  EXPECT_EQ(sum->op, operator_::Add);
  auto* one = as<Constant>(sum->right);
  ASSERT_NE(one, nullptr);
  EXPECT_EQ(one->value.type, ConstantValue::Type::Int);
  EXPECT_EQ(one->value.text, "1");
  EXPECT_EQ(sum->col_offset, 4);
  EXPECT_EQ(sum->end_col_offset, 9);
}

TEST(Parser, ColumnsAreUtf8Bytes) {
  ParseResult r = parse("s = 'é'; t\n");
  ASSERT_TRUE(r.ok());
  auto* t = as<Expr>(r.module->body[1]);
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->col_offset, 10);  // 'é' is two bytes
}

TEST(Parser, IdentifiersAreNfkcNormalised) {
  ParseResult r = parse("\xef\xac\x81 = 1\n");  // U+FB01 LATIN SMALL LIGATURE FI
  ASSERT_TRUE(r.ok());
  auto* assign = as<Assign>(r.module->body[0]);
  EXPECT_EQ(as<Name>(assign->targets[0])->id, "fi");
}

TEST(Parser, DumpMatchesAstDump) {
  ParseResult r = parse("f(*a, k=1)\n");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(dump(r.module, false),
            "Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[Starred(value=Name(id='a', "
            "ctx=Load()), ctx=Load())], keywords=[keyword(arg='k', value=Constant(value=1))]))], type_ignores=[])");
}

TEST(Parser, SyntaxErrorHasCPythonLocation) {
  ParseResult r = parse("x = 1\nif x\n    pass\n");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.module, nullptr);
  const SyntaxErrorInfo& e = *r.error;
  EXPECT_EQ(e.kind, ErrorKind::SyntaxError);
  EXPECT_EQ(e.message, "expected ':'");
  EXPECT_EQ(e.lineno, 2);
  EXPECT_EQ(e.offset, 5);
  EXPECT_EQ(e.text, "if x\n");
  EXPECT_EQ(format_syntax_error(e), "SyntaxError: expected ':' (t.py, line 2)");
}

TEST(Parser, OffsetCountsBytesUnlessTheEncodingIsDeclared) {
  // As compile() of bytes does: characters only when a coding declaration
  // or a BOM named the encoding.
  ParseResult r = parse("s = 'é' $\n");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error->message, "invalid syntax");
  EXPECT_EQ(r.error->offset, 10);
  r = parse("# coding: utf-8\ns = 'é' $\n");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error->offset, 9);
  r = parse("\xEF\xBB\xBFs = 'é' $\n");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error->offset, 9);
}

TEST(Parser, IndentationErrors) {
  ParseResult r = parse("def f():\nreturn 1\n");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error->kind, ErrorKind::IndentationError);
  EXPECT_EQ(r.error->message, "expected an indented block after function definition on line 1");
  EXPECT_EQ(r.error->lineno, 2);

  r = parse("x = 1\n  y = 2\n");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error->kind, ErrorKind::IndentationError);
  EXPECT_EQ(r.error->message, "unexpected indent");
}

TEST(Parser, LaterTokenizerErrorWinsOverParserError) {
  // CPython scans the rest of the source after a parser error; an invalid
  // literal further down is what it reports.
  ParseResult r = parse("x = = 1\ny = 1abc\n");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error->message, "invalid decimal literal");
  EXPECT_EQ(r.error->lineno, 2);
}

TEST(Parser, InvalidTargetsNameThePart) {
  ParseResult r = parse("for a, f() in x: pass\n");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error->message, "cannot assign to function call");
  EXPECT_EQ(r.error->offset, 8);
}

TEST(Parser, FstringExpressionsAreParsed) {
  ParseResult r = parse("f'{a!r:>{w}}'\n");
  ASSERT_TRUE(r.ok());
  auto* joined = as<JoinedStr>(as<Expr>(r.module->body[0])->value);
  ASSERT_NE(joined, nullptr);
  auto* field = as<FormattedValue>(joined->values[0]);
  ASSERT_NE(field, nullptr);
  EXPECT_EQ(field->conversion, 'r');
  EXPECT_EQ(as<Name>(field->value)->col_offset, 3);
  auto* spec = as<JoinedStr>(field->format_spec);
  ASSERT_NE(spec, nullptr);
  EXPECT_EQ(spec->values.size, 2u);
}

TEST(Parser, DeepNestingIsAnErrorNotACrash) {
  ParseResult r = parse(std::string(100000, '-') + "1\n");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error->message, "too many nested expressions");
  r = parse("a" + [] {
    std::string s;
    for (int i = 0; i < 100000; i++) s += ".b";
    return s;
  }() + "\n");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error->message, "too many nested expressions");
  r = parse(std::string(5000, '-') + "1\n");
  EXPECT_TRUE(r.ok());
}

TEST(Parser, SoftKeywordsAreNamesElsewhere) {
  ParseResult r = parse("match = case = _ = 1\nmatch -x\nmatch[0]\n");
  ASSERT_TRUE(r.ok());
  EXPECT_NE(as<Assign>(r.module->body[0]), nullptr);
  EXPECT_NE(as<Expr>(r.module->body[1]), nullptr);
  r = parse("match x:\n    case [1, *rest] if rest: pass\n    case _: pass\n");
  ASSERT_TRUE(r.ok());
  auto* m = as<Match>(r.module->body[0]);
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->cases.size, 2u);
  EXPECT_NE(as<MatchSequence>(m->cases[0]->pattern), nullptr);
}

}  // namespace
}  // namespace tern::compiler
