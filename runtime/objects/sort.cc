// list.sort's merge sort; see sort.h and CPython's Objects/listsort.txt.
#include "runtime/objects/sort.h"

#include <algorithm>
#include <cstddef>
#include <cstring>

#include "runtime/gc/roots.h"

namespace tern::objects {
namespace {

constexpr ptrdiff_t kMinGallop = 7;
// Enough for any n < 2**64: the invariants make run lengths grow at least like
// Fibonacci numbers from the top of the stack down.
constexpr int kMaxRuns = 85;

// A window onto the merge scratch, indexable like a Value*.
struct TempView {
  const gc::RootVector* vec;
  ptrdiff_t off;
  Value operator[](ptrdiff_t i) const { return (*vec)[static_cast<size_t>(off + i)]; }
};

class Sorter {
 public:
  Sorter(Value* keys, Value* values, SortLess less, void* ctx) : keys_(keys), values_(values), less_(less), ctx_(ctx) {}

  bool run(ptrdiff_t n);

 private:
  struct Run {
    ptrdiff_t base;
    ptrdiff_t len;
  };

  // 1 if a < b, 0 if not, -1 on error.
  int lt(Value a, Value b) { return less_(ctx_, a, b); }

  // Element moves keep keys_ and values_ paired.
  void moveElem(ptrdiff_t to, ptrdiff_t from) {
    keys_[to] = keys_[from];
    if (values_ != nullptr) values_[to] = values_[from];
  }
  void moveRange(ptrdiff_t to, ptrdiff_t from, ptrdiff_t count) {
    if (count <= 0) return;
    std::memmove(keys_ + to, keys_ + from, static_cast<size_t>(count) * sizeof(Value));
    if (values_ != nullptr) std::memmove(values_ + to, values_ + from, static_cast<size_t>(count) * sizeof(Value));
  }
  void toTemp(ptrdiff_t from, ptrdiff_t count) {
    tempKeys_.resize(static_cast<size_t>(count));
    if (values_ != nullptr) tempValues_.resize(static_cast<size_t>(count));
    for (ptrdiff_t i = 0; i < count; i++) {
      tempKeys_.set(static_cast<size_t>(i), keys_[from + i]);
      if (values_ != nullptr) tempValues_.set(static_cast<size_t>(i), values_[from + i]);
    }
  }
  void fromTemp(ptrdiff_t to, ptrdiff_t from, ptrdiff_t count) {
    for (ptrdiff_t i = 0; i < count; i++) {
      keys_[to + i] = tempKeys_[static_cast<size_t>(from + i)];
      if (values_ != nullptr) values_[to + i] = tempValues_[static_cast<size_t>(from + i)];
    }
  }
  void reverseRange(ptrdiff_t lo, ptrdiff_t hi) {
    std::reverse(keys_ + lo, keys_ + hi);
    if (values_ != nullptr) std::reverse(values_ + lo, values_ + hi);
  }

  bool binaryInsertion(ptrdiff_t lo, ptrdiff_t hi, ptrdiff_t start);
  ptrdiff_t countRun(ptrdiff_t lo, ptrdiff_t hi);
  template <typename Seq>
  ptrdiff_t gallopLeft(Value key, Seq a, ptrdiff_t n, ptrdiff_t hint);
  template <typename Seq>
  ptrdiff_t gallopRight(Value key, Seq a, ptrdiff_t n, ptrdiff_t hint);
  bool mergeAt(int i);
  bool mergeLo(ptrdiff_t pa, ptrdiff_t na, ptrdiff_t pb, ptrdiff_t nb);
  bool mergeHi(ptrdiff_t pa, ptrdiff_t na, ptrdiff_t pb, ptrdiff_t nb);
  bool mergeCollapse();
  bool mergeForceCollapse();

  Value* keys_;
  Value* values_;
  SortLess less_;
  void* ctx_;
  ptrdiff_t minGallop_ = kMinGallop;
  gc::RootVector tempKeys_;
  gc::RootVector tempValues_;
  Run runs_[kMaxRuns];
  int nruns_ = 0;
};

// The minimum run length: n / minrun is a power of two or a little less, so the
// final merges are balanced (listsort.txt, "Computing minrun").
ptrdiff_t computeMinrun(ptrdiff_t n) {
  ptrdiff_t r = 0;
  while (n >= 64) {
    r |= n & 1;
    n >>= 1;
  }
  return n + r;
}

// keys_[lo, start) is sorted; extends that to [lo, hi).  Inserting after equal
// elements keeps the sort stable.  Nothing moves until a position is known, so
// an error leaves a permutation.
bool Sorter::binaryInsertion(ptrdiff_t lo, ptrdiff_t hi, ptrdiff_t start) {
  if (start == lo) start++;
  for (; start < hi; start++) {
    Value pivot = keys_[start];
    ptrdiff_t l = lo;
    ptrdiff_t r = start;
    while (l < r) {
      ptrdiff_t p = l + (r - l) / 2;
      int c = lt(pivot, keys_[p]);
      if (c < 0) return false;
      if (c) {
        r = p;
      } else {
        l = p + 1;
      }
    }
    Value pivotValue = values_ != nullptr ? values_[start] : Value();
    moveRange(l + 1, l, start - l);
    keys_[l] = pivot;
    if (values_ != nullptr) values_[l] = pivotValue;
  }
  return true;
}

// The length of the run at keys_[lo, hi): non-descending, or strictly
// descending (then reversed in place; strictness keeps reversal stable).
ptrdiff_t Sorter::countRun(ptrdiff_t lo, ptrdiff_t hi) {
  if (hi - lo == 1) return 1;
  int c = lt(keys_[lo + 1], keys_[lo]);
  if (c < 0) return -1;
  ptrdiff_t i = lo + 2;
  if (c) {
    for (; i < hi; i++) {
      c = lt(keys_[i], keys_[i - 1]);
      if (c < 0) return -1;
      if (!c) break;
    }
    reverseRange(lo, i);
  } else {
    for (; i < hi; i++) {
      c = lt(keys_[i], keys_[i - 1]);
      if (c < 0) return -1;
      if (c) break;
    }
  }
  return i - lo;
}

// Returns k in [0, n] with a[k-1] < key <= a[k]: where key goes, before equals.
// Searches outward from `hint` by 1, 3, 7, ... then bisects.  -1 on error.
template <typename Seq>
ptrdiff_t Sorter::gallopLeft(Value key, Seq a, ptrdiff_t n, ptrdiff_t hint) {
  ptrdiff_t ofs = 1;
  ptrdiff_t lastofs = 0;
  int c = lt(a[hint], key);
  if (c < 0) return -1;
  if (c) {
    ptrdiff_t maxofs = n - hint;
    while (ofs < maxofs) {
      c = lt(a[hint + ofs], key);
      if (c < 0) return -1;
      if (!c) break;
      lastofs = ofs;
      ofs = 2 * ofs + 1;
    }
    ofs = std::min(ofs, maxofs);
    lastofs += hint;
    ofs += hint;
  } else {
    ptrdiff_t maxofs = hint + 1;
    while (ofs < maxofs) {
      c = lt(a[hint - ofs], key);
      if (c < 0) return -1;
      if (c) break;
      lastofs = ofs;
      ofs = 2 * ofs + 1;
    }
    ofs = std::min(ofs, maxofs);
    ptrdiff_t k = lastofs;
    lastofs = hint - ofs;
    ofs = hint - k;
  }
  // a[lastofs] < key <= a[ofs]
  lastofs++;
  while (lastofs < ofs) {
    ptrdiff_t m = lastofs + (ofs - lastofs) / 2;
    c = lt(a[m], key);
    if (c < 0) return -1;
    if (c) {
      lastofs = m + 1;
    } else {
      ofs = m;
    }
  }
  return ofs;
}

// Returns k in [0, n] with a[k-1] <= key < a[k]: where key goes, after equals.
template <typename Seq>
ptrdiff_t Sorter::gallopRight(Value key, Seq a, ptrdiff_t n, ptrdiff_t hint) {
  ptrdiff_t ofs = 1;
  ptrdiff_t lastofs = 0;
  int c = lt(key, a[hint]);
  if (c < 0) return -1;
  if (c) {
    ptrdiff_t maxofs = hint + 1;
    while (ofs < maxofs) {
      c = lt(key, a[hint - ofs]);
      if (c < 0) return -1;
      if (!c) break;
      lastofs = ofs;
      ofs = 2 * ofs + 1;
    }
    ofs = std::min(ofs, maxofs);
    ptrdiff_t k = lastofs;
    lastofs = hint - ofs;
    ofs = hint - k;
  } else {
    ptrdiff_t maxofs = n - hint;
    while (ofs < maxofs) {
      c = lt(key, a[hint + ofs]);
      if (c < 0) return -1;
      if (c) break;
      lastofs = ofs;
      ofs = 2 * ofs + 1;
    }
    ofs = std::min(ofs, maxofs);
    lastofs += hint;
    ofs += hint;
  }
  // a[lastofs] <= key < a[ofs]
  lastofs++;
  while (lastofs < ofs) {
    ptrdiff_t m = lastofs + (ofs - lastofs) / 2;
    c = lt(key, a[m]);
    if (c < 0) return -1;
    if (c) {
      ofs = m;
    } else {
      lastofs = m + 1;
    }
  }
  return ofs;
}

// Merges the na elements at pa with the nb elements at pb == pa + na, na <= nb.
// A goes to the scratch; the hole [dest, pb) always has exactly na slots, so on
// error copying the rest of the scratch back restores a permutation.
// Precondition (from mergeAt): keys[pb] < keys[pa], and A's last element is
// greater than every element of B.
bool Sorter::mergeLo(ptrdiff_t pa, ptrdiff_t na, ptrdiff_t pb, ptrdiff_t nb) {
  toTemp(pa, na);
  ptrdiff_t dest = pa;
  ptrdiff_t ta = 0;
  bool ok = true;
  ptrdiff_t minGallop = minGallop_;
  moveElem(dest++, pb++);
  nb--;
  if (nb == 0 || na == 1) goto done;
  for (;;) {
    ptrdiff_t acount = 0;
    ptrdiff_t bcount = 0;
    for (;;) {
      int c = lt(keys_[pb], tempKeys_[static_cast<size_t>(ta)]);
      if (c < 0) goto fail;
      if (c) {
        moveElem(dest++, pb++);
        bcount++;
        acount = 0;
        if (--nb == 0) goto done;
        if (bcount >= minGallop) break;
      } else {
        fromTemp(dest++, ta++, 1);
        acount++;
        bcount = 0;
        if (--na == 1) goto done;
        if (acount >= minGallop) break;
      }
    }
    // One run is winning consistently: gallop until it stops paying off.
    minGallop++;
    do {
      minGallop -= minGallop > 1;
      ptrdiff_t k = gallopRight(keys_[pb], TempView{&tempKeys_, ta}, na, 0);
      if (k < 0) goto fail;
      acount = k;
      if (k) {
        fromTemp(dest, ta, k);
        dest += k;
        ta += k;
        na -= k;
        if (na <= 1) goto done;  // 0 only with an inconsistent comparator
      }
      moveElem(dest++, pb++);
      if (--nb == 0) goto done;
      k = gallopLeft(tempKeys_[static_cast<size_t>(ta)], keys_ + pb, nb, 0);
      if (k < 0) goto fail;
      bcount = k;
      if (k) {
        moveRange(dest, pb, k);
        dest += k;
        pb += k;
        nb -= k;
        if (nb == 0) goto done;
      }
      fromTemp(dest++, ta++, 1);
      if (--na == 1) goto done;
    } while (acount >= kMinGallop || bcount >= kMinGallop);
    minGallop++;  // penalise leaving gallop mode
  }
fail:
  ok = false;
done:
  if (ok && na == 1 && nb > 0) {
    // A's last element belongs after all of B.
    moveRange(dest, pb, nb);
    dest += nb;
  }
  fromTemp(dest, ta, na);
  minGallop_ = minGallop;
  return ok;
}

// The mirror image of mergeLo, na >= nb: B goes to the scratch and the merge
// runs from the right.  The hole (pa_end, dest] always has exactly nb slots.
bool Sorter::mergeHi(ptrdiff_t pa, ptrdiff_t na, ptrdiff_t pb, ptrdiff_t nb) {
  toTemp(pb, nb);
  ptrdiff_t dest = pb + nb - 1;
  ptrdiff_t paEnd = pa + na - 1;
  ptrdiff_t tb = nb - 1;
  bool ok = true;
  ptrdiff_t minGallop = minGallop_;
  moveElem(dest--, paEnd--);
  na--;
  if (na == 0 || nb == 1) goto done;
  for (;;) {
    ptrdiff_t acount = 0;
    ptrdiff_t bcount = 0;
    for (;;) {
      int c = lt(tempKeys_[static_cast<size_t>(tb)], keys_[paEnd]);
      if (c < 0) goto fail;
      if (c) {
        moveElem(dest--, paEnd--);
        acount++;
        bcount = 0;
        if (--na == 0) goto done;
        if (acount >= minGallop) break;
      } else {
        fromTemp(dest--, tb--, 1);
        bcount++;
        acount = 0;
        if (--nb == 1) goto done;
        if (bcount >= minGallop) break;
      }
    }
    minGallop++;
    do {
      minGallop -= minGallop > 1;
      ptrdiff_t k = gallopRight(tempKeys_[static_cast<size_t>(tb)], keys_ + pa, na, na - 1);
      if (k < 0) goto fail;
      k = na - k;
      acount = k;
      if (k) {
        dest -= k;
        paEnd -= k;
        moveRange(dest + 1, paEnd + 1, k);
        na -= k;
        if (na == 0) goto done;
      }
      fromTemp(dest--, tb--, 1);
      if (--nb == 1) goto done;
      k = gallopLeft(keys_[paEnd], TempView{&tempKeys_, 0}, nb, nb - 1);
      if (k < 0) goto fail;
      k = nb - k;
      bcount = k;
      if (k) {
        dest -= k;
        tb -= k;
        fromTemp(dest + 1, tb + 1, k);
        nb -= k;
        if (nb <= 1) goto done;  // 0 only with an inconsistent comparator
      }
      moveElem(dest--, paEnd--);
      if (--na == 0) goto done;
    } while (acount >= kMinGallop || bcount >= kMinGallop);
    minGallop++;
  }
fail:
  ok = false;
done:
  if (ok && nb == 1 && na > 0) {
    // B's first element belongs before all that is left of A.
    dest -= na;
    paEnd -= na;
    moveRange(dest + 1, paEnd + 1, na);
  }
  fromTemp(dest - nb + 1, 0, nb);
  minGallop_ = minGallop;
  return ok;
}

// Merges runs i and i + 1 of the stack.
bool Sorter::mergeAt(int i) {
  ptrdiff_t pa = runs_[i].base;
  ptrdiff_t na = runs_[i].len;
  ptrdiff_t pb = runs_[i + 1].base;
  ptrdiff_t nb = runs_[i + 1].len;
  runs_[i].len = na + nb;
  if (i == nruns_ - 3) runs_[i + 1] = runs_[i + 2];
  nruns_--;
  // Elements of A already in place before B's first, and of B already in place
  // after A's last, need not take part.
  ptrdiff_t k = gallopRight(keys_[pb], keys_ + pa, na, 0);
  if (k < 0) return false;
  pa += k;
  na -= k;
  if (na == 0) return true;
  nb = gallopLeft(keys_[pa + na - 1], keys_ + pb, nb, nb - 1);
  if (nb <= 0) return nb == 0;
  bool ok = na <= nb ? mergeLo(pa, na, pb, nb) : mergeHi(pa, na, pb, nb);
  // The scratch keeps nothing alive between merges.
  tempKeys_.clear();
  tempValues_.clear();
  return ok;
}

// Restores, for the top runs A, B, C of the stack (C on top):
//   A > B + C  and  B > C
// also checking one run deeper, the correction found by de Gouw et al. (2015).
bool Sorter::mergeCollapse() {
  while (nruns_ > 1) {
    int n = nruns_ - 2;
    if ((n > 0 && runs_[n - 1].len <= runs_[n].len + runs_[n + 1].len) ||
        (n > 1 && runs_[n - 2].len <= runs_[n - 1].len + runs_[n].len)) {
      if (runs_[n - 1].len < runs_[n + 1].len) n--;
    } else if (runs_[n].len > runs_[n + 1].len) {
      break;
    }
    if (!mergeAt(n)) return false;
  }
  return true;
}

bool Sorter::mergeForceCollapse() {
  while (nruns_ > 1) {
    int n = nruns_ - 2;
    if (n > 0 && runs_[n - 1].len < runs_[n + 1].len) n--;
    if (!mergeAt(n)) return false;
  }
  return true;
}

bool Sorter::run(ptrdiff_t n) {
  if (n < 2) return true;
  ptrdiff_t minrun = computeMinrun(n);
  ptrdiff_t lo = 0;
  ptrdiff_t remaining = n;
  while (remaining > 0) {
    ptrdiff_t len = countRun(lo, lo + remaining);
    if (len < 0) return false;
    if (len < minrun) {
      ptrdiff_t force = std::min(minrun, remaining);
      if (!binaryInsertion(lo, lo + force, lo + len)) return false;
      len = force;
    }
    runs_[nruns_++] = Run{.base = lo, .len = len};
    if (!mergeCollapse()) return false;
    lo += len;
    remaining -= len;
  }
  return mergeForceCollapse();
}

bool sortImpl(Value* keys, Value* values, size_t n, SortLess less, void* ctx, bool reverse) {
  // reverse=True: reversing before and after keeps equal elements in their
  // original order, where sorting with a flipped comparison would not.
  auto flip = [&] {
    std::reverse(keys, keys + n);
    if (values != nullptr) std::reverse(values, values + n);
  };
  if (reverse) flip();
  Sorter sorter(keys, values, less, ctx);
  bool ok = sorter.run(static_cast<ptrdiff_t>(n));
  if (reverse) flip();
  return ok;
}

}  // namespace

bool sortValues(Value* items, size_t n, SortLess less, void* ctx, bool reverse) {
  return sortImpl(items, nullptr, n, less, ctx, reverse);
}

bool sortPairs(Value* keys, Value* values, size_t n, SortLess less, void* ctx, bool reverse) {
  return sortImpl(keys, values, n, less, ctx, reverse);
}

}  // namespace tern::objects
