// The _heapq module: the binary min-heap operations on lists that heapq.py
// re-exports, and the max-heap helpers (_heappop_max, _heapreplace_max,
// _heapify_max) its merge() and nlargest() use.
//
// The sifts are CPython's: siftdown swaps an item up past larger parents;
// siftup moves the smaller child up until a leaf (one `<` per level between
// the children) and then sifts the item back down.  So the heap layout, and
// the `<` calls user classes see, match CPython's.  A comparison may run
// arbitrary code: when the list's size changes under it the operation stops
// with RuntimeError "list changed size during iteration"; items are re-read
// from the list after every comparison.
#include <cstdint>

#include "runtime/interp/errors.h"
#include "runtime/modules/module.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/list.h"
#include "runtime/objects/native.h"

namespace tern {

namespace {

// a < b for the min-heap, b < a for the max-heap: 1, 0 or -1 on error.
int lessThan(Value a, Value b, bool max_heap) {
  return max_heap ? richCompareBool(b, a, kLt) : richCompareBool(a, b, kLt);
}

void swapItems(Value heap, int64_t i, int64_t j) {
  Value a = listItem(heap, i), b = listItem(heap, j);
  listSetItem(heap, i, b);
  listSetItem(heap, j, a);
}

bool changedSize() {
  raise(exc::RuntimeError, "list changed size during iteration");
  return false;
}

// Moves the item at `pos` towards `start` while it is smaller than its parent.
bool siftDown(Value heap, int64_t start, int64_t pos, bool max_heap) {
  int64_t size = listLength(heap);
  if (pos >= size) {
    raise(exc::IndexError, "index out of range");
    return false;
  }
  while (pos > start) {
    int64_t parent = (pos - 1) >> 1;
    int r = lessThan(listItem(heap, pos), listItem(heap, parent), max_heap);
    if (r < 0) return false;
    if (size != listLength(heap)) return changedSize();
    if (r == 0) break;
    swapItems(heap, parent, pos);
    pos = parent;
  }
  return true;
}

// Moves the smaller child up from `pos` to a leaf, then sifts down from there.
bool siftUp(Value heap, int64_t pos, bool max_heap) {
  int64_t end = listLength(heap), start = pos;
  if (pos >= end) {
    raise(exc::IndexError, "index out of range");
    return false;
  }
  int64_t limit = end >> 1;  // the first position without children
  while (pos < limit) {
    int64_t child = 2 * pos + 1;
    if (child + 1 < end) {
      int r = lessThan(listItem(heap, child), listItem(heap, child + 1), max_heap);
      if (r < 0) return false;
      if (r == 0) ++child;
      if (end != listLength(heap)) return changedSize();
    }
    swapItems(heap, child, pos);
    pos = child;
  }
  return siftDown(heap, start, pos, max_heap);
}

bool checkList(Value heap, const char* function, bool only_argument) {
  if (isList(heap)) return true;
  raisef(exc::TypeError, "%s() argument%s must be list, not %s", function, only_argument ? "" : " 1",
         typeNameOf(heap).c_str());
  return false;
}

// Removes and returns the last item.
Value popLast(Value heap) {
  int64_t n = listLength(heap);
  Value last = listItem(heap, n - 1);
  listTruncate(heap, n - 1);
  return last;
}

Value heapPop(Value heap, const char* function, bool max_heap) {
  if (!checkList(heap, function, true)) return Value();
  int64_t n = listLength(heap);
  if (n == 0) return raise(exc::IndexError, "index out of range");
  Value last = popLast(heap);
  if (n == 1) return last;
  Value top = listItem(heap, 0);
  listSetItem(heap, 0, last);
  if (!siftUp(heap, 0, max_heap)) return Value();
  return top;
}

Value heapReplace(Value heap, Value item, const char* function, bool max_heap) {
  if (!checkList(heap, function, false)) return Value();
  if (listLength(heap) == 0) return raise(exc::IndexError, "index out of range");
  Value top = listItem(heap, 0);
  listSetItem(heap, 0, item);
  if (!siftUp(heap, 0, max_heap)) return Value();
  return top;
}

Value heapify(Value heap, const char* function, bool max_heap) {
  if (!checkList(heap, function, true)) return Value();
  // Bottom-up; CPython's cache-friendly order for big heaps builds the same heap.
  for (int64_t i = (listLength(heap) >> 1) - 1; i >= 0; --i) {
    if (!siftUp(heap, i, max_heap)) return Value();
  }
  return None();
}

Value heapq_heappush(Value* args) {
  Value heap = args[1];
  if (!checkList(heap, "heappush", false)) return Value();
  if (!listAppend(heap, args[2])) return Value();
  return siftDown(heap, 0, listLength(heap) - 1, false) ? None() : Value();
}

Value heapq_heappushpop(Value* args) {
  Value heap = args[1], item = args[2];
  if (!checkList(heap, "heappushpop", false)) return Value();
  if (listLength(heap) == 0) return item;
  int r = richCompareBool(listItem(heap, 0), item, kLt);
  if (r < 0) return Value();
  if (r == 0) return item;
  if (listLength(heap) == 0) return raise(exc::IndexError, "index out of range");
  Value top = listItem(heap, 0);
  listSetItem(heap, 0, item);
  if (!siftUp(heap, 0, false)) return Value();
  return top;
}

Value heapq_heappop(Value* args) { return heapPop(args[1], "heappop", false); }
Value heapq_heapreplace(Value* args) { return heapReplace(args[1], args[2], "heapreplace", false); }
Value heapq_heapify(Value* args) { return heapify(args[1], "heapify", false); }
Value heapq__heappop_max(Value* args) { return heapPop(args[1], "_heappop_max", true); }
Value heapq__heapreplace_max(Value* args) { return heapReplace(args[1], args[2], "_heapreplace_max", true); }
Value heapq__heapify_max(Value* args) { return heapify(args[1], "_heapify_max", true); }

const MethodDef kHeapqFunctions[] = {
    {.name = "heappush",
     .signature = "($module, heap, item, /)",
     .fn = heapq_heappush,
     .doc = "Push item onto heap, maintaining the heap invariant."},
    {.name = "heappushpop",
     .signature = "($module, heap, item, /)",
     .fn = heapq_heappushpop,
     .doc = "Push item on the heap, then pop and return the smallest item from the heap.\n\nThe combined action "
            "runs more efficiently than heappush() followed by\na separate call to heappop()."},
    {.name = "heappop",
     .signature = "($module, heap, /)",
     .fn = heapq_heappop,
     .doc = "Pop the smallest item off the heap, maintaining the heap invariant."},
    {.name = "heapreplace",
     .signature = "($module, heap, item, /)",
     .fn = heapq_heapreplace,
     .doc = "Pop and return the current smallest value, and add the new item.\n\nThis is more efficient than "
            "heappop() followed by heappush(), and can be\nmore appropriate when using a fixed-size heap.  Note "
            "that the value\nreturned may be larger than item!  That constrains reasonable uses of\nthis routine "
            "unless written as part of a conditional replacement:\n\n    if item > heap[0]:\n        item = "
            "heapreplace(heap, item)"},
    {.name = "heapify",
     .signature = "($module, heap, /)",
     .fn = heapq_heapify,
     .doc = "Transform list into a heap, in-place, in O(len(heap)) time."},
    {.name = "_heappop_max",
     .signature = "($module, heap, /)",
     .fn = heapq__heappop_max,
     .doc = "Maxheap variant of heappop."},
    {.name = "_heapreplace_max",
     .signature = "($module, heap, item, /)",
     .fn = heapq__heapreplace_max,
     .doc = "Maxheap variant of heapreplace."},
    {.name = "_heapify_max",
     .signature = "($module, heap, /)",
     .fn = heapq__heapify_max,
     .doc = "Maxheap variant of heapify."},
};

const NativeModuleDef kHeapqModule = {
    .name = "_heapq",
    .methods = kHeapqFunctions,
    .doc =
        "Heap queue algorithm (a.k.a. priority queue).\n\nHeaps are arrays for which a[k] <= a[2*k+1] and a[k] <= "
        "a[2*k+2] for\nall k, counting elements from 0.  For the sake of comparison,\nnon-existing elements are "
        "considered to be infinite.  The interesting\nproperty of a heap is that a[0] is always its smallest "
        "element.\n\nUsage:\n\nheap = []            # creates an empty heap\nheappush(heap, item) # pushes a new "
        "item on the heap\nitem = heappop(heap)  # pops the smallest item from the heap\nitem = heap[0]       # "
        "smallest item on the heap without popping it\nheapify(x)           # transforms list into a heap, "
        "in-place, in linear time\nitem = heapreplace(heap, item) # pops and returns smallest item, and adds\n"
        "                               # new item; the heap size is unchanged\n\nOur API differs from "
        "textbook heap algorithms as follows:\n\n- We use 0-based indexing.  This makes the relationship "
        "between the\n  index for a node and the indexes for its children slightly less\n  obvious, but is "
        "more suitable since Python uses 0-based indexing.\n\n- Our heappop() method returns the smallest item, "
        "not the largest.\n\nThese two make it possible to view the heap as a regular Python list\nwithout "
        "surprises: heap[0] is the smallest item, and heap.sort()\nmaintains the heap invariant!\n",
};
TERN_REGISTER_MODULE(kHeapqModule);

}  // namespace

}  // namespace tern
