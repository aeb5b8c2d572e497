# itertools combinatorics and islice over small exhaustive ranges of arguments.
from itertools import (product, permutations, combinations, combinations_with_replacement, islice,
                       zip_longest, accumulate, groupby, pairwise, count)

out = []
for n in range(5):
    pool = 'abcde'[:n]
    for r in range(6):
        out.append((n, r, len(list(permutations(pool, r))), list(combinations(pool, r))[-1:],
                    len(list(combinations_with_replacement(pool, r))), list(product(pool, repeat=r))[:2]))
    out.append(list(permutations(pool))[-2:])
for line in out:
    print(line)
data = list(range(12))
for start in [None, 0, 1, 5, 11, 12, 20]:
    for stop in [None, 0, 3, 11, 12, 30]:
        for step in [None, 1, 2, 5]:
            got = list(islice(data, start, stop, step))
            assert got == data[slice(start, stop, step)], (start, stop, step)
            print(len(got), end=' ')
print()
print(list(islice(count(), 2, 50, 7)))
print([list(zip_longest(*[range(i) for i in range(k)], fillvalue='.')) for k in range(4)])
print(list(accumulate(range(10), lambda a, b: a * 2 + b, initial=1)))
print([(k, len(list(g))) for k, g in groupby('aaabccddddeffg')])
print([a + b for a, b in pairwise(range(10))])
