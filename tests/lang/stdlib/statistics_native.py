# _statistics: the inverse normal CDF (AS241) that statistics.NormalDist and
# quantiles use, on the three branches of the algorithm and at the edges.
import _statistics
import statistics

f = _statistics._normal_dist_inv_cdf
print(_statistics.__doc__, f.__name__, f.__text_signature__)
for p in (0.5, 0.3, 0.075, 0.925, 0.02, 0.98, 1e-5, 1 - 1e-5, 1e-12, 1e-100, 1e-300, 5e-324, 0.4999999):
    print(repr(p), repr(f(p, 0.0, 1.0)), repr(f(p, -3.25, 0.5)))
print(f(0.25, 10, 2), f(0.75, 10, 2), f(0.5, 1, 1), f(0.5, float('nan'), 1), f(float('nan'), 0, 1))
for bad in (('a', 1, 2), (0.5, None, 1), (0, 0, 1), (1, 0, 1), (True, 0, 1), (0.5, 0, 0), (0.5, 0, -1), (-0.5, 0, 1)):
    try:
        print(f(*bad))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    f(0.5, 1)
except TypeError as e:
    print('TypeError', e)
nd = statistics.NormalDist(100, 15)
print(nd.inv_cdf(0.9), nd.quantiles(4), statistics.NormalDist().inv_cdf(0.975))
print(statistics.NormalDist.from_samples([1, 2, 3, 4, 5]).inv_cdf(0.1))
print(statistics.quantiles(range(1, 101), n=10))
try:
    nd.inv_cdf(0)
except statistics.StatisticsError as e:
    print('StatisticsError', e)
