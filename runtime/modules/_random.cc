// The _random module: Random, the Mersenne Twister (MT19937) that random.py
// builds every distribution on.  Given the same seed it yields CPython's
// sequences bit for bit:
//
//   - seed(n) with an int takes |n| split into 32-bit words, least
//     significant first, and runs the reference init_by_array on them (one
//     zero word for 0); another hashable object seeds with hash(obj) read as
//     an unsigned 64-bit int; None seeds from 624 words of OS entropy.
//   - random() combines 27 and 26 bits of two outputs into a double in
//     [0, 1) with 53 random bits.
//   - getrandbits(k) takes one output per 32 bits, least significant word
//     first, the last one shifted right to keep its top k mod 32 bits.
//   - getstate() is the 624 state words and the index as a 625-tuple.
//
// Invariant: 0 <= index <= 624 (624: the next output regenerates the state).
// A fresh instance has an all-zero state and index 0 until seeded, as
// CPython's (tp_new does not seed; tp_init does).
#include <sys/random.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <ctime>
#include <vector>

#include "runtime/interp/errors.h"
#include "runtime/modules/module.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/float.h"
#include "runtime/objects/int.h"
#include "runtime/objects/native.h"
#include "runtime/objects/numbers_internal.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"

namespace tern {

namespace {

using numbers::IntRef;
using numbers::Limb;

Type* g_random_type = nullptr;

// ===========================================================================
// MT19937 (Matsumoto and Nishimura, 1998)

constexpr int kN = 624;
constexpr int kM = 397;
constexpr uint32_t kMatrixA = 0x9908b0dfu;
constexpr uint32_t kUpperMask = 0x80000000u;
constexpr uint32_t kLowerMask = 0x7fffffffu;

struct RandomObj : Obj {
  int64_t index;
  uint32_t state[kN];
};
RandomObj* asRandom(Value v) { return static_cast<RandomObj*>(v.asObject()); }

void initGenrand(RandomObj* r, uint32_t s) {
  uint32_t* mt = r->state;
  mt[0] = s;
  for (int i = 1; i < kN; ++i) mt[i] = 1812433253u * (mt[i - 1] ^ (mt[i - 1] >> 30)) + static_cast<uint32_t>(i);
  r->index = kN;
}

void initByArray(RandomObj* r, const uint32_t* key, size_t key_length) {
  uint32_t* mt = r->state;
  initGenrand(r, 19650218u);
  size_t i = 1, j = 0;
  for (size_t k = kN > key_length ? kN : key_length; k > 0; --k) {
    mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525u)) + key[j] + static_cast<uint32_t>(j);
    ++i;
    ++j;
    if (i >= kN) {
      mt[0] = mt[kN - 1];
      i = 1;
    }
    if (j >= key_length) j = 0;
  }
  for (size_t k = kN - 1; k > 0; --k) {
    mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941u)) - static_cast<uint32_t>(i);
    ++i;
    if (i >= kN) {
      mt[0] = mt[kN - 1];
      i = 1;
    }
  }
  mt[0] = 0x80000000u;  // the most significant bit is 1: the initial state is never all zero
}

uint32_t genrandUint32(RandomObj* r) {
  uint32_t* mt = r->state;
  if (r->index >= kN) {
    auto twist = [&](int k, int next, int far) {
      uint32_t y = (mt[k] & kUpperMask) | (mt[next] & kLowerMask);
      mt[k] = mt[far] ^ (y >> 1) ^ ((y & 1u) ? kMatrixA : 0u);
    };
    int k = 0;
    for (; k < kN - kM; ++k) twist(k, k + 1, k + kM);
    for (; k < kN - 1; ++k) twist(k, k + 1, k + (kM - kN));
    twist(kN - 1, 0, kM - 1);
    r->index = 0;
  }
  uint32_t y = mt[r->index++];
  y ^= y >> 11;
  y ^= (y << 7) & 0x9d2c5680u;
  y ^= (y << 15) & 0xefc60000u;
  y ^= y >> 18;
  return y;
}

// ===========================================================================
// Seeding

void seedFromEntropy(RandomObj* r) {
  uint32_t key[kN];
  size_t want = sizeof key, got = 0;
  char* out = reinterpret_cast<char*>(key);
  while (got < want) {
    ssize_t n = getrandom(out + got, want - got, 0);
    if (n <= 0) break;
    got += static_cast<size_t>(n);
  }
  if (got < want) {
    // No entropy: fall back on the time and the process id, as CPython does.
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    uint64_t ns = static_cast<uint64_t>(ts.tv_sec) * 1000000000u + static_cast<uint64_t>(ts.tv_nsec);
    uint32_t small_key[5] = {static_cast<uint32_t>(ns), static_cast<uint32_t>(ns >> 32),
                             static_cast<uint32_t>(getpid()), 0, 0};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    ns = static_cast<uint64_t>(ts.tv_sec) * 1000000000u + static_cast<uint64_t>(ts.tv_nsec);
    small_key[3] = static_cast<uint32_t>(ns);
    small_key[4] = static_cast<uint32_t>(ns >> 32);
    initByArray(r, small_key, 5);
    return;
  }
  initByArray(r, key, kN);
}

// Seeds from |magnitude| given as 64-bit limbs, least significant first.
void seedFromMagnitude(RandomObj* r, const Limb* limbs, size_t n) {
  std::vector<uint32_t> key;
  key.reserve(2 * n + 1);
  for (size_t i = 0; i < n; ++i) {
    key.push_back(static_cast<uint32_t>(limbs[i]));
    key.push_back(static_cast<uint32_t>(static_cast<uint64_t>(limbs[i]) >> 32));
  }
  while (!key.empty() && key.back() == 0) key.pop_back();
  if (key.empty()) key.push_back(0);
  initByArray(r, key.data(), key.size());
}

bool randomSeed(Value self, Value arg) {
  RandomObj* r = asRandom(self);
  if (arg.isNull() || isNone(arg)) {
    seedFromEntropy(r);
    return true;
  }
  if (isInt(arg)) {
    // The magnitude only: int subclasses' __abs__ is not consulted.
    std::vector<Limb> limbs;
    {
      IntRef ref(arg);
      limbs.assign(ref.mag.begin(), ref.mag.end());
    }
    seedFromMagnitude(asRandom(self), limbs.data(), limbs.size());
    return true;
  }
  int64_t h = hash(arg);
  if (h == -1 && errorPending()) return false;
  Limb word = static_cast<Limb>(static_cast<uint64_t>(h));
  seedFromMagnitude(asRandom(self), &word, 1);
  return true;
}

// ===========================================================================
// Random: construction and methods

Value random_new(Type* type, const Value* /*args*/, size_t /*nargs*/, Value /*kwnames*/) {
  return Value(newObject(type, type->basic_size));
}

int random_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  Type* t = typeOf(self);
  bool native_init = t == g_random_type || t->slots.tp_init == g_random_type->slots.tp_init;
  if (native_init && !kwnames.isNull() && tupleLength(kwnames) > 0) {
    raise(exc::TypeError, "Random() takes no keyword arguments");
    return -1;
  }
  if (nargs > 1) {
    raise(exc::TypeError, "Random() requires 0 or 1 argument");
    return -1;
  }
  return randomSeed(self, nargs == 1 ? args[0] : Value()) ? 0 : -1;
}

Value Random_random(Value* args) {
  RandomObj* r = asRandom(args[0]);
  uint32_t a = genrandUint32(r) >> 5, b = genrandUint32(r) >> 6;
  return newFloat((a * 67108864.0 + b) * (1.0 / 9007199254740992.0));
}

Value Random_seed(Value* args) { return randomSeed(args[0], args[1]) ? None() : Value(); }

Value Random_getstate(Value* args) {
  Value self = args[0];
  Value state = newTuple(kN + 1);
  if (state.isNull()) return state;
  // The items are small ints: no allocation while filling.
  for (int i = 0; i < kN; ++i) tupleInit(state, i, newIntUnsigned(asRandom(self)->state[i]));
  tupleInit(state, kN, newInt(asRandom(self)->index));
  return state;
}

Value Random_setstate(Value* args) {
  Value self = args[0], state = args[1];
  if (!isTuple(state)) return raise(exc::TypeError, "state vector must be a tuple");
  if (tupleLength(state) != kN + 1) return raise(exc::ValueError, "state vector is the wrong size");
  uint32_t words[kN];
  for (int i = 0; i < kN; ++i) {
    Value item = tupleItem(state, i);
    if (!isInt(item)) return raise(exc::TypeError, "an integer is required");
    IntRef ref(item);
    if (ref.neg) return raise(exc::OverflowError, "can't convert negative value to unsigned int");
    if (ref.mag.size() > 1) return raise(exc::OverflowError, "Python int too large to convert to C unsigned long");
    words[i] = ref.mag.empty() ? 0 : static_cast<uint32_t>(ref.mag[0]);
  }
  Value last = tupleItem(state, kN);
  if (!isInt(last)) return raise(exc::TypeError, "an integer is required");
  int64_t index;
  if (!intToInt64(last, &index)) {
    clearError();
    return raise(exc::OverflowError, "Python int too large to convert to C long");
  }
  if (index < 0 || index > kN) return raise(exc::ValueError, "invalid state");
  RandomObj* r = asRandom(self);
  for (int i = 0; i < kN; ++i) r->state[i] = words[i];
  r->index = index;
  return None();
}

Value Random_getrandbits(Value* args) {
  Value k_value = index(args[1]);
  if (k_value.isNull()) return k_value;
  int64_t k;
  if (!intToInt64(k_value, &k) || k > INT32_MAX || k < INT32_MIN) {
    clearError();
    return raise(exc::OverflowError, "Python int too large to convert to C int");
  }
  if (k < 0) return raise(exc::ValueError, "number of bits must be non-negative");
  RandomObj* r = asRandom(args[0]);
  if (k == 0) return newInt(0);
  if (k <= 32) return newInt(genrandUint32(r) >> (32 - k));
  size_t words = static_cast<size_t>((k - 1) / 32 + 1);
  numbers::Scratch limbs((words + 1) / 2);
  if (!limbs.ok()) return raiseNoMemory();
  Limb* out = limbs.data();
  for (size_t i = 0; i < (words + 1) / 2; ++i) out[i] = 0;
  for (size_t i = 0; i < words; ++i, k -= 32) {
    uint32_t w = genrandUint32(r);
    if (k < 32) w >>= 32 - k;
    out[i / 2] |= static_cast<Limb>(w) << (32 * (i % 2));
  }
  return newIntFromMag(false, numbers::Mag(out, (words + 1) / 2));
}

// ===========================================================================
// Tables

const uint32_t kRandomFields[] = {offsetof(Obj, ob_type)};
const gc::Layout kRandomLayout = {.name = "_random.Random", .fields = kRandomFields};

const MethodDef kRandomMethods[] = {
    {.name = "random", .signature = "($self, /)", .fn = Random_random, .doc = "random() -> x in the interval [0, 1)."},
    {.name = "seed",
     .signature = "($self, n=None, /)",
     .fn = Random_seed,
     .doc = "seed([n]) -> None.\n\nDefaults to use urandom and falls back to a combination\nof the current time and "
            "the process identifier."},
    {.name = "getstate",
     .signature = "($self, /)",
     .fn = Random_getstate,
     .doc = "getstate() -> tuple containing the current state."},
    {.name = "setstate",
     .signature = "($self, state, /)",
     .fn = Random_setstate,
     .doc = "setstate(state) -> None.  Restores generator state."},
    {.name = "getrandbits",
     .signature = "($self, k, /)",
     .fn = Random_getrandbits,
     .doc = "getrandbits(k) -> x.  Generates an int with k random bits."},
};

const TypeSpec kRandomSpec = {
    .name = "Random",
    .module = "_random",
    .type = &g_random_type,
    .layout = &kRandomLayout,
    .basic_size = sizeof(RandomObj),
    .flags = type_flags::kBaseType,
    .slots = {.tp_init = random_init, .tp_new = random_new},
    .methods = kRandomMethods,
    .doc = "Random() -> create a random number generator with its own internal state.",
};
TERN_REGISTER_TYPE(kRandomSpec);

bool randomInit(Value module) {
  return dictSet(moduleDict(module), internStr("Random"), typeValue(g_random_type)) == 0;
}

const NativeModuleDef kRandomModule = {
    .name = "_random",
    .init = randomInit,
    .doc = "Module implements the Mersenne Twister random number generator.",
};
TERN_REGISTER_MODULE(kRandomModule);

}  // namespace

}  // namespace tern
