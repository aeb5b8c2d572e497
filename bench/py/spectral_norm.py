# spectral_norm: the largest singular value of the infinite matrix
# A[i][j] = 1 / ((i+j)(i+j+1)/2 + i + 1), cut to N x N, by ten rounds of the
# power method on A^T A; small-int and float arithmetic in nested loops.
#
#   spectral_norm.py [N]
# quick: 40

import sys


def a_entry(i, j):
    ij = i + j
    return 1.0 / (ij * (ij + 1) // 2 + i + 1)


def times(u, n):
    # A u
    out = []
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += a_entry(i, j) * u[j]
        out.append(s)
    return out


def times_transposed(u, n):
    # A^T u
    out = []
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += a_entry(j, i) * u[j]
        out.append(s)
    return out


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 350
    u = [1.0] * n
    for _ in range(10):
        v = times_transposed(times(u, n), n)
        u = times_transposed(times(v, n), n)
    vbv = vv = 0.0
    for ue, ve in zip(u, v):
        vbv += ue * ve
        vv += ve * ve
    print("spectral_norm %d: %.9f" % (n, (vbv / vv) ** 0.5))


main()
