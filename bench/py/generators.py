# generators: generator functions and generator expressions as the control
# flow: an in-order walk of a binary search tree by recursive generators
# chained with `yield from`, and a pipeline of generator stages (source,
# filter, map, sliding window) pulled by a for loop.  Prints sums of what
# came out.
#
#   generators.py [N]   (keys in the tree, items through the pipeline)
# quick: 3000

import sys


class Node:
    def __init__(self, key):
        self.key = key
        self.left = None
        self.right = None


def insert(root, key):
    if root is None:
        return Node(key)
    node = root
    while True:
        if key < node.key:
            if node.left is None:
                node.left = Node(key)
                return root
            node = node.left
        else:
            if node.right is None:
                node.right = Node(key)
                return root
            node = node.right


def in_order(node):
    if node is not None:
        yield from in_order(node.left)
        yield node.key
        yield from in_order(node.right)


def numbers(n, seed):
    for _ in range(n):
        seed = (seed * 69069 + 1) & 0xFFFFFFFF
        yield seed >> 8


def keep_odd(items):
    for x in items:
        if x & 1:
            yield x


def scale(items, k):
    for x in items:
        yield x * k % 1000003


def windows(items, size):
    window = []
    for x in items:
        window.append(x)
        if len(window) == size:
            yield tuple(window)
            del window[0]


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 80000
    root = None
    for key in numbers(n, 7):
        root = insert(root, key)
    walk_sum = 0
    walk_count = 0
    previous = -1
    for _ in range(3):
        for key in in_order(root):
            if key < previous:
                raise RuntimeError("in-order walk out of order")
            walk_sum += key
            walk_count += 1
            previous = key
        previous = -1
    pipeline = 0
    for w in windows(scale(keep_odd(numbers(n * 4, 99)), 17), 3):
        pipeline += max(w) - min(w)
    squares = sum(x * x % 997 for x in range(n * 4) if x % 3)
    evens = sum(1 for x in (y >> 1 for y in numbers(n, 3)) if not x & 1)
    print("generators %d: walk %d keys summing %d, pipeline %d, %d, %d" %
          (n, walk_count, walk_sum, pipeline, squares, evens))


main()
