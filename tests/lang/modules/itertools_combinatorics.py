# itertools product, permutations, combinations, combinations_with_replacement.
from itertools import product, permutations, combinations, combinations_with_replacement as cwr
from math import factorial

def attempt(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

print(list(product('ab', range(2))))
print(list(product([1, 2], repeat=2)), list(product()), list(product(repeat=3)))
print(list(product('ab', [], 'c')), list(product('ab', repeat=0)))
print(len(list(product(range(3), range(4), range(2), repeat=2))))
attempt(lambda: product([1], repeat=-1))
attempt(lambda: product(x=1))
attempt(lambda: product([1], repeat='a'))
attempt(lambda: product(5))
print(list(permutations('ABC')), list(permutations(range(3), 2)))
print(list(permutations('AB', 0)), list(permutations('AB', 3)), list(permutations([])))
print(len(list(permutations(range(6)))) == factorial(6), len(set(permutations(range(5), 3))))
attempt(lambda: permutations([1], -1))
attempt(lambda: permutations([1], 'a'))
attempt(lambda: permutations())
print(list(combinations('ABCD', 2)), list(combinations(range(4), 3)))
print(list(combinations('AB', 0)), list(combinations('AB', 3)), list(combinations([], 0)))
print(len(list(combinations(range(10), 4))))
attempt(lambda: combinations([1], -1))
attempt(lambda: combinations([1]))
attempt(lambda: combinations([1], 'a'))
print(list(cwr('ABC', 2)), list(cwr([], 2)), list(cwr([], 0)), list(cwr('A', 3)))
print(len(list(cwr(range(5), 3))))
attempt(lambda: cwr([1], -1))
p = permutations('ab')
print(list(p), list(p))
class MyProduct(product):
    pass
print(list(MyProduct('ab', 'c')))
print(combinations.__module__, cwr.__name__)
