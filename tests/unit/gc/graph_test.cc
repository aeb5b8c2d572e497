// Many collections over a random object graph.  A model of the graph (plain ids,
// outside the heap) is kept alongside; after minor and full collections
// interleaved with mutation and allocation churn, a traversal of the real graph
// from its roots must find exactly the model's reachable nodes, each with its
// kind, payload and out-edges, and the heap verifier must find nothing wrong.
// Nodes are small Nodes (two slots), young or old Arrays with trailing refs, and a
// few large Arrays, so edges cross every pair of spaces.
#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <vector>

#include "tests/unit/gc/test_layouts.h"

namespace tern::gc_test {
namespace {

using gc::Generation;

constexpr int64_t kNoEdge = -1;
constexpr int64_t kPayloadSalt = 0x5eed'0000'0000;

struct ModelNode {
  bool is_array = false;
  std::vector<int64_t> edges;  // target id per slot, or kNoEdge
};

class Graph {
 public:
  explicit Graph(uint32_t seed) : rng_(seed) {}

  // Creates `n` nodes rooted temporarily in `all`, wires random edges, then keeps
  // only `root_count` of them as roots: the rest live or die by reachability.
  [[gnu::noinline]] void build(size_t n, size_t root_count) {
    gc::RootVector all;
    for (size_t i = 0; i < n; ++i) all.push_back(val(newRandomNode()));
    for (size_t i = 0; i < n; ++i) {
      int64_t id = static_cast<int64_t>(i);
      for (size_t slot = 0; slot < model_[i].edges.size(); ++slot) {
        if (chance(0.15)) continue;  // leave some slots null
        int64_t target = static_cast<int64_t>(pick(n));
        setEdge(all[i], id, slot, all[static_cast<size_t>(target)], target);
      }
    }
    for (size_t r = 0; r < root_count; ++r) {
      size_t i = pick(n);
      roots_.push_back(all[i]);
      root_ids_.push_back(static_cast<int64_t>(i));
    }
  }

  // Random edits: repoint a reachable node's slot at another reachable node, at a
  // fresh node (young, stored into what is often an old object), or at nothing.
  [[gnu::noinline]] void mutate(size_t edits) {
    for (size_t e = 0; e < edits; ++e) {
      auto [holder, holder_id] = randomWalk();
      if (model_[static_cast<size_t>(holder_id)].edges.empty()) continue;
      size_t slot = pick(model_[static_cast<size_t>(holder_id)].edges.size());
      double p = uniform();
      if (p < 0.45) {
        auto [target, target_id] = randomWalk();
        setEdge(holder, holder_id, slot, target, target_id);
      } else if (p < 0.9) {
        // The allocation may move `holder`: keep it in a root across it.
        gc::RootVector keep;
        keep.push_back(holder);
        Value fresh = val(newRandomNode());
        int64_t fresh_id = static_cast<int64_t>(model_.size() - 1);
        setEdge(keep[0], holder_id, slot, fresh, fresh_id);
      } else {
        setEdge(holder, holder_id, slot, Value(), kNoEdge);
      }
    }
  }

  // Replaces a root (the old one may become garbage with all it alone reaches).
  [[gnu::noinline]] void swapRoot() {
    size_t r = pick(roots_.size());
    auto [target, target_id] = randomWalk();
    roots_.set(r, target);
    root_ids_[r] = target_id;
  }

  // Walks the heap graph from the roots and compares it with the model.
  [[gnu::noinline]] ::testing::AssertionResult check() const {
    std::vector<int64_t> reachable = modelReachable();
    std::vector<uintptr_t> seen(model_.size(), 0);  // id -> address: one object per id
    size_t seen_count = 0;
    std::vector<Value> stack;
    for (size_t r = 0; r < roots_.size(); ++r) {
      if (!matchesId(roots_[r], root_ids_[r])) return ::testing::AssertionFailure() << "root " << r << " wrong";
      stack.push_back(roots_[r]);
    }
    while (!stack.empty()) {
      Value v = stack.back();
      stack.pop_back();
      gc::Object* o = v.asObject();
      int64_t id = idOf(o);
      uintptr_t& at = seen[static_cast<size_t>(id)];
      if (at != 0) {
        if (at != addr(v)) return ::testing::AssertionFailure() << "node " << id << " at two addresses";
        continue;
      }
      at = addr(v);
      ++seen_count;
      if (!gc::isHeapObject(o)) return ::testing::AssertionFailure() << "node " << id << " is not a heap object";
      const ModelNode& m = model_[static_cast<size_t>(id)];
      if ((o->layoutId() == layouts().array) != m.is_array) {
        return ::testing::AssertionFailure() << "node " << id << " has the wrong layout";
      }
      if (m.is_array && as<Array>(o)->length != static_cast<int64_t>(m.edges.size())) {
        return ::testing::AssertionFailure() << "array " << id << " has the wrong length";
      }
      for (size_t slot = 0; slot < m.edges.size(); ++slot) {
        Value target = slotOf(o, slot).get();
        if (!matchesId(target, m.edges[slot])) {
          return ::testing::AssertionFailure() << "node " << id << " slot " << slot << ": expected " << m.edges[slot]
                                               << ", found bits " << std::hex << target.bits();
        }
        if (target.isObject() && seen[static_cast<size_t>(m.edges[slot])] != target.bits()) stack.push_back(target);
      }
    }
    if (seen_count != reachable.size()) {
      return ::testing::AssertionFailure() << "reached " << seen_count << " nodes, model says " << reachable.size();
    }
    return ::testing::AssertionSuccess();
  }

  size_t modelSize() const { return model_.size(); }

 private:
  // Most nodes are small; some are arrays of every size class; a few are large.
  gc::Object* newRandomNode() {
    int64_t id = static_cast<int64_t>(model_.size());
    ModelNode m;
    gc::Object* o;
    double p = uniform();
    if (p < 0.85) {
      o = &newNode(id ^ kPayloadSalt)->header;
      m.edges.assign(2, kNoEdge);
    } else {
      size_t length;
      if (p < 0.985) {
        length = pick(9);  // 0..8 slots: young
      } else if (p < 0.998) {
        length = 1100 + pick(2000);  // over 8 KiB: old from the start
      } else {
        length = 4200 + pick(4000);  // over 32 KiB: large
      }
      o = &newArray(length, id ^ kPayloadSalt)->header;
      m.is_array = true;
      m.edges.assign(length, kNoEdge);
    }
    model_.push_back(std::move(m));
    return o;
  }

  static int64_t idOf(gc::Object* o) {
    int64_t payload = o->layoutId() == layouts().array ? as<Array>(o)->payload : as<Node>(o)->payload;
    return payload ^ kPayloadSalt;
  }

  bool matchesId(Value v, int64_t id) const {
    if (id == kNoEdge) return v.isNull();
    if (!v.isObject()) return false;
    gc::Object* o = v.asObject();
    if (!gc::isHeapObject(o)) return false;
    gc::LayoutId layout = o->layoutId();
    if (layout != layouts().node && layout != layouts().array) return false;
    return idOf(o) == id;
  }

  static gc::HeapValue& slotOf(gc::Object* o, size_t slot) {
    if (o->layoutId() == layouts().array) return as<Array>(o)->at(slot);
    return slot == 0 ? as<Node>(o)->a : as<Node>(o)->b;
  }

  void setEdge(Value holder, int64_t holder_id, size_t slot, Value target, int64_t target_id) {
    slotOf(holder.asObject(), slot).set(target);
    model_[static_cast<size_t>(holder_id)].edges[slot] = target_id;
  }

  // A node reachable from the roots: a root, then a few random non-null edges.
  std::pair<Value, int64_t> randomWalk() {
    size_t r = pick(roots_.size());
    Value v = roots_[r];
    int64_t id = root_ids_[r];
    size_t steps = pick(8);
    for (size_t s = 0; s < steps; ++s) {
      const ModelNode& m = model_[static_cast<size_t>(id)];
      if (m.edges.empty()) break;
      size_t slot = pick(m.edges.size());
      if (m.edges[slot] == kNoEdge) continue;
      v = slotOf(v.asObject(), slot).get();
      id = m.edges[slot];
    }
    return {v, id};
  }

  std::vector<int64_t> modelReachable() const {
    std::vector<bool> marked(model_.size());
    std::vector<int64_t> out, stack(root_ids_.begin(), root_ids_.end());
    while (!stack.empty()) {
      int64_t id = stack.back();
      stack.pop_back();
      if (marked[static_cast<size_t>(id)]) continue;
      marked[static_cast<size_t>(id)] = true;
      out.push_back(id);
      for (int64_t e : model_[static_cast<size_t>(id)].edges) {
        if (e != kNoEdge) stack.push_back(e);
      }
    }
    return out;
  }

  size_t pick(size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(rng_); }
  double uniform() { return std::uniform_real_distribution<double>(0, 1)(rng_); }
  bool chance(double p) { return uniform() < p; }

  std::mt19937 rng_;
  std::vector<ModelNode> model_;
  gc::RootVector roots_;
  std::vector<int64_t> root_ids_;
};

[[gnu::noinline]] void churn(size_t objects, uint32_t seed) {
  std::mt19937 rng(seed);
  for (size_t i = 0; i < objects; ++i) {
    if (rng() % 4 == 0) {
      Array* a = newArray(rng() % 12, -1);
      if (a->length > 0) a->at(0).set(val(newNode(-1)));
    } else {
      newNode(-1);
    }
  }
}

void runGraph(uint32_t seed, size_t nodes, size_t roots, size_t rounds, size_t churn_objects) {
  Graph graph(seed);
  graph.build(nodes, roots);
  ASSERT_TRUE(graph.check()) << "right after building";
  for (size_t round = 0; round < rounds; ++round) {
    SCOPED_TRACE(round);
    graph.mutate(nodes / 20);
    churn(churn_objects, seed + static_cast<uint32_t>(round));
    if (round % 3 == 2) graph.swapRoot();
    collectScrubbed(round % 4 == 3 ? Generation::kFull : Generation::kYoung);
    ASSERT_TRUE(graph.check());
    if (round % 4 == 3) {
      std::vector<std::string> problems = gc::verifyHeap();
      ASSERT_EQ(problems, std::vector<std::string>{});
    }
  }
  collectScrubbed(Generation::kFull);
  EXPECT_TRUE(graph.check());
  EXPECT_EQ(gc::verifyHeap(), std::vector<std::string>{});
}

TEST(Graph, RandomGraphSurvivesManyCollections) {
  runGraph(/*seed=*/1, scaled(100'000, 10'000), scaled(200, 50), scaled(16, 8), scaled(100'000, 5'000));
}

TEST(Graph, FewRootsMuchGarbage) {
  // Few roots: most of each generation of nodes dies, the rest is scattered.
  runGraph(/*seed=*/2, scaled(50'000, 5'000), 3, scaled(12, 6), scaled(50'000, 3'000));
}

TEST(Graph, CollectionsDuringMutation) {
  // Collections between single edits, so barriered stores meet every phase.
  Graph graph(3);
  graph.build(scaled(20'000, 3'000), 20);
  for (int i = 0; i < static_cast<int>(scaled(200, 60)); ++i) {
    graph.mutate(10);
    if (i % 10 == 0) churn(1000, static_cast<uint32_t>(i));
    collectScrubbed(i % 25 == 24 ? Generation::kFull : Generation::kYoung);
  }
  EXPECT_TRUE(graph.check());
  EXPECT_EQ(gc::verifyHeap(), std::vector<std::string>{});
}

}  // namespace
}  // namespace tern::gc_test
