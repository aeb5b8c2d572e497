# dict_set: dictionaries and sets as the data structure: counting words made
# of random syllables, an inverted index (dict of sets), set algebra between
# the index's entries, dicts keyed by tuples, comprehensions, deletion and
# re-insertion.  Output never depends on the iteration order of a set or on
# hash() of a string (randomised per process): results are counts, sums and
# sorted lists.
#
#   dict_set.py [N]   (words of text)
# quick: 5000

import sys

SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "ta", "shi", "vo", "ze", "pa",
             "qui", "do"]


def make_words(n):
    seed = 42
    words = []
    for _ in range(n):
        seed = (seed * 69069 + 1) & 0xFFFFFFFF
        k = 1 + (seed >> 30)
        word = ""
        x = seed >> 4
        for _ in range(k):
            word += SYLLABLES[x % len(SYLLABLES)]
            x //= len(SYLLABLES)
        words.append(word)
    return words


def count(words):
    counts = {}
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    return counts


def index(words):
    # word -> set of line numbers (ten words to a line)
    where = {}
    for i, w in enumerate(words):
        where.setdefault(w, set()).add(i // 10)
    return where


def algebra(where, common):
    total = 0
    for a, b in zip(common, common[1:]):
        sa, sb = where[a], where[b]
        total += len(sa & sb) + len(sa | sb) - len(sa - sb) + len(sa ^ sb)
        if sa.isdisjoint(sb):
            total += 1
    return total


def grid(n):
    # A sparse grid keyed by (x, y): cells live while their neighbour count
    # is right, a few generations of a life-like rule.
    cells = {}
    seed = 7
    for _ in range(n // 4):
        seed = (seed * 69069 + 1) & 0xFFFFFFFF
        cells[(seed >> 8) % 64, (seed >> 16) % 64] = True
    for _ in range(4):
        neighbours = {}
        for (x, y) in cells:
            for dx in (-1, 0, 1):
                for dy in (-1, 0, 1):
                    if dx or dy:
                        key = (x + dx, y + dy)
                        neighbours[key] = neighbours.get(key, 0) + 1
        cells = {k: True for k, v in neighbours.items()
                 if v == 3 or (v == 2 and k in cells)}
    return len(cells), sum(x * 64 + y for x, y in cells)


def churn(counts):
    # Deletes the rare words and re-inserts them under new keys.
    d = dict(counts)
    removed = [w for w, c in d.items() if c < 3]
    for w in removed:
        del d[w]
    for w in removed:
        d[w + "!"] = len(w)
    seen = set()
    for w in d:
        seen.add(w[:3])
    return len(d), len(seen), sum(d.values())


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 400000
    words = make_words(n)
    counts = count(words)
    where = index(words)
    common = sorted(counts, key=lambda w: (-counts[w], w))[:300]
    vocabulary = set(words)
    frequent = {w for w in vocabulary if counts[w] > 10}
    rare = vocabulary - frequent
    top = ", ".join("%s=%d" % (w, counts[w]) for w in common[:3])
    print("dict_set %d: %d distinct, %d frequent, %d rare; %s; algebra %d;"
          " grid %s; churn %s" %
          (n, len(counts), len(frequent), len(rare), top,
           algebra(where, common), grid(n), churn(counts)))


main()
