// The interpreter under the collector: frames on the value stack stay valid
// across collections (minor and full, forced between and inside calls),
// generators keep their suspended frames across collections and resume
// intact, and runaway recursion ends in RecursionError rather than a crash.
// Each test runs Python source and reads the results from its globals.
#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "runtime/gc/heap.h"
#include "runtime/interp/errors.h"
#include "runtime/interp/runtime.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/exceptions.h"
#include "runtime/objects/int.h"
#include "runtime/objects/str.h"

namespace tern {
namespace {

// Runs `source` in a fresh module namespace; the namespace, or null with the
// exception printed.
Value run(const std::string& source) {
  Value globals = newDict();
  dictSet(globals, internStr("__name__"), internStr("__test__"));
  Value r = runSource(source, "<test>", globals);
  if (r.isNull()) {
    printException(Value());
    return Value();
  }
  return globals;
}

int64_t intGlobal(Value globals, const char* name) {
  Value v = dictGetStr(globals, internStr(name));
  EXPECT_FALSE(v.isNull()) << name;
  int64_t out = -1;
  if (!v.isNull()) {
    EXPECT_TRUE(intToInt64(v, &out));
  }
  return out;
}

std::string strGlobal(Value globals, const char* name) {
  Value v = dictGetStr(globals, internStr(name));
  EXPECT_FALSE(v.isNull()) << name;
  return v.isNull() ? "" : strToUtf8(v);
}

TEST(Eval, FramesStayValidAcrossCollections) {
  // Every level keeps young objects in locals and on its operand stack while
  // the innermost frame collects (minor and full); a frame object taken
  // during the collections reads its locals afterwards.
  Value g = run(R"(
import gc, sys
def deep(n):
    items = [n] * 3
    label = "level%d" % n
    if n == 0:
        gc.collect()
        junk = [[i] for i in range(2000)]
        gc.collect()
        return sys._getframe(1).f_locals["label"]
    inner = deep(n - 1) + "|" + label
    assert items == [n] * 3 and label == "level%d" % n, (items, label)
    return inner
result = deep(40)
total = sum(len(("x%d" % i) * 3) for i in range(5000))
)");
  ASSERT_FALSE(g.isNull());
  gc::collect(gc::Generation::kFull);
  std::string result = strGlobal(g, "result");
  EXPECT_EQ(result.substr(0, 7), "level1|");
  EXPECT_NE(result.find("|level40"), std::string::npos);
  int64_t expected_total = 0;
  for (int i = 0; i < 5000; ++i) expected_total += 3 * static_cast<int64_t>(std::to_string(i).size() + 1);
  EXPECT_EQ(intGlobal(g, "total"), expected_total);
}

TEST(Eval, GeneratorsSurviveCollectionsWhileSuspended) {
  Value g = run(R"(
import gc
def producer(n):
    held = ["held%d" % i for i in range(50)]
    for i in range(n):
        pair = (i, "v%d" % i)
        try:
            yield pair
        finally:
            pass
    yield held[-1]
gens = [producer(200) for _ in range(20)]
checksum = 0
for step in range(200):
    for it in gens:
        i, s = next(it)
        assert s == "v%d" % i
        checksum += i
    if step % 50 == 0:
        gc.collect()
last = [next(it) for it in gens]
last_ok = all(x == "held49" for x in last)
def delegating():
    r = yield from producer(3)
    return r
d = list(delegating())
delegated = len(d)
)");
  ASSERT_FALSE(g.isNull());
  EXPECT_EQ(intGlobal(g, "checksum"), 20 * (199 * 200 / 2));
  EXPECT_EQ(intGlobal(g, "delegated"), 4);
  Value ok = dictGetStr(g, internStr("last_ok"));
  EXPECT_TRUE(ok == True());
}

TEST(Eval, SuspendedGeneratorIsClosedWhenCollected) {
  Value g = run(R"(
import gc
log = []
def gen():
    try:
        yield 1
    finally:
        log.append("closed")
def start():
    it = gen()
    next(it)
start()
for _ in range(3):
    gc.collect()
)");
  ASSERT_FALSE(g.isNull());
  gc::collect(gc::Generation::kFull);
  gc::runFinalizers();
  Value log = dictGetStr(g, internStr("log"));
  ASSERT_FALSE(log.isNull());
  EXPECT_EQ(strToUtf8(repr(log)), "['closed']");
}

TEST(Eval, RecursionLimitRaisesRecursionError) {
  // Filling the whole value stack takes ~10^5 frames, and a collection scans
  // them all: under TERN_GC_STRESS that part stops at a lower limit.
  bool stress = std::getenv("TERN_GC_STRESS") != nullptr;
  Value g = run(std::string("big_limit = ") + (stress ? "3000" : "10 ** 6") + R"(
import sys
caught = []
def f(n):
    return f(n + 1)
try:
    f(0)
except RecursionError:
    caught.append("python")
old = sys.getrecursionlimit()
sys.setrecursionlimit(big_limit)
try:
    f(0)
except RecursionError:
    caught.append("value stack")
class R:
    def __repr__(self):
        return repr(self)
try:
    repr(R())
except RecursionError:
    caught.append("native")
sys.setrecursionlimit(old)
def after(n):
    return 0 if n == 0 else 1 + after(n - 1)
still_works = after(500)
)");
  ASSERT_FALSE(g.isNull());
  EXPECT_EQ(strToUtf8(repr(dictGetStr(g, internStr("caught")))), "['python', 'value stack', 'native']");
  EXPECT_EQ(intGlobal(g, "still_works"), 500);
}

}  // namespace
}  // namespace tern
