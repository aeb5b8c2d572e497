# fannkuch: for every permutation of 0..N-1, count the prefix reversals
# ("pancake flips") it takes to bring 0 to the front; list slicing and small
# loops.  Prints the permutation checksum (flip counts summed with alternating
# sign over the generation order) and the largest flip count.
#
#   fannkuch.py [N]
# quick: 7

import sys


def fannkuch(n):
    perm = list(range(n))
    # count[r] says how many more rotations of perm[0..r] remain before the
    # prefix of length r+2 rotates: the permutations come in a fixed order
    # whose parity alternates, which the checksum depends on.
    count = [0] * n
    max_flips = 0
    checksum = 0
    sign = 1
    r = n
    while True:
        while r != 1:
            count[r - 1] = r
            r -= 1
        if perm[0] != 0:
            p = perm[:]
            flips = 0
            k = p[0]
            while k:
                p[:k + 1] = p[k::-1]
                flips += 1
                k = p[0]
            if flips > max_flips:
                max_flips = flips
            checksum += sign * flips
        sign = -sign
        while True:
            if r == n:
                return checksum, max_flips
            first = perm[0]
            for i in range(r):
                perm[i] = perm[i + 1]
            perm[r] = first
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 9
    checksum, max_flips = fannkuch(n)
    print("fannkuch %d: checksum %d, max flips %d" % (n, checksum, max_flips))


main()
