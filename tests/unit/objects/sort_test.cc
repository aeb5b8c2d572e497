// list.sort's merge sort on small-int Values, against std::stable_sort.
#include "runtime/objects/sort.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <vector>

namespace tern::objects {
namespace {

struct Counter {
  long calls = 0;
  long failAt = -1;  // fail on this comparison (0-based), -1 never
};

int lessInt(void* ctx, Value a, Value b) {
  auto* c = static_cast<Counter*>(ctx);
  if (c->failAt >= 0 && c->calls >= c->failAt) return -1;
  c->calls++;
  return a.asSmallInt() < b.asSmallInt() ? 1 : 0;
}

std::vector<Value> values(const std::vector<int64_t>& v) {
  std::vector<Value> out;
  for (int64_t x : v) out.push_back(Value::fromSmallInt(x));
  return out;
}

std::vector<int64_t> ints(const std::vector<Value>& v) {
  std::vector<int64_t> out;
  for (Value x : v) out.push_back(x.asSmallInt());
  return out;
}

// Sorts (key, index) pairs and checks the result is std::stable_sort's.
void checkStable(const std::vector<int64_t>& keys, bool reverse = false) {
  std::vector<Value> k = values(keys);
  std::vector<Value> v;
  for (size_t i = 0; i < keys.size(); i++) v.push_back(Value::fromSmallInt(static_cast<int64_t>(i)));
  Counter c;
  ASSERT_TRUE(sortPairs(k.data(), v.data(), k.size(), lessInt, &c, reverse));
  std::vector<size_t> idx(keys.size());
  for (size_t i = 0; i < idx.size(); i++) idx[i] = i;
  std::stable_sort(idx.begin(), idx.end(),
                   [&](size_t a, size_t b) { return reverse ? keys[b] < keys[a] : keys[a] < keys[b]; });
  for (size_t i = 0; i < idx.size(); i++) {
    ASSERT_EQ(v[i].asSmallInt(), static_cast<int64_t>(idx[i])) << "at " << i;
    ASSERT_EQ(k[i].asSmallInt(), keys[idx[i]]) << "at " << i;
  }
}

const size_t kSizes[] = {0, 1, 2, 3, 7, 31, 63, 64, 65, 127, 128, 129, 1000, 4097, 100000};

TEST(Sort, RandomSizes) {
  std::mt19937_64 rng(42);
  for (size_t n : kSizes) {
    std::vector<int64_t> keys(n);
    for (auto& x : keys) x = static_cast<int64_t>(rng() % 1000000);
    checkStable(keys);
    checkStable(keys, /*reverse=*/true);
  }
}

TEST(Sort, ManyDuplicates) {
  std::mt19937_64 rng(7);
  for (size_t n : kSizes) {
    std::vector<int64_t> keys(n);
    for (auto& x : keys) x = static_cast<int64_t>(rng() % 5);
    checkStable(keys);
    checkStable(keys, true);
  }
}

TEST(Sort, SortedReversedSawtooth) {
  for (size_t n : kSizes) {
    std::vector<int64_t> up(n), down(n), saw(n), descRuns(n), plateau(n);
    for (size_t i = 0; i < n; i++) {
      up[i] = static_cast<int64_t>(i);
      down[i] = static_cast<int64_t>(n - i);
      saw[i] = static_cast<int64_t>(i % 100);
      descRuns[i] = static_cast<int64_t>(100 - i % 100) + static_cast<int64_t>(i / 100) * 7;
      plateau[i] = static_cast<int64_t>((i / 50) % 3);
    }
    for (auto* v : {&up, &down, &saw, &descRuns, &plateau}) {
      checkStable(*v);
      checkStable(*v, true);
    }
  }
}

TEST(Sort, SortedCostsLinearComparisons) {
  std::vector<Value> v;
  for (int i = 0; i < 100000; i++) v.push_back(Value::fromSmallInt(i));
  Counter c;
  ASSERT_TRUE(sortValues(v.data(), v.size(), lessInt, &c));
  EXPECT_EQ(c.calls, 99999);
}

TEST(Sort, FailingComparatorLeavesPermutation) {
  std::mt19937_64 rng(3);
  for (size_t n : {size_t{2}, size_t{65}, size_t{1000}, size_t{20000}}) {
    std::vector<int64_t> keys(n);
    for (size_t i = 0; i < n; i++) keys[i] = static_cast<int64_t>(rng() % (n / 2 + 1));
    std::vector<int64_t> want = keys;
    std::sort(want.begin(), want.end());
    for (long failAt : {0L, 1L, 10L, 100L, 1000L, 5000L, 50000L, 200000L}) {
      for (bool reverse : {false, true}) {
        std::vector<Value> k = values(keys);
        std::vector<Value> v = values(keys);  // values mirror keys: pairing kept
        Counter c;
        c.failAt = failAt;
        bool ok = sortPairs(k.data(), v.data(), n, lessInt, &c, reverse);
        if (!ok) {
          EXPECT_EQ(c.calls, failAt);
        }
        std::vector<int64_t> got = ints(k);
        EXPECT_EQ(got, ints(v));
        std::sort(got.begin(), got.end());
        EXPECT_EQ(got, want) << "n=" << n << " failAt=" << failAt;
      }
    }
  }
}

}  // namespace
}  // namespace tern::objects
