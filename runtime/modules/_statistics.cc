// The _statistics module: statistics.py's accelerator, the inverse of the
// normal distribution's CDF (NormalDist.inv_cdf, quantiles).  Wichura's
// algorithm AS241 (Applied Statistics 37(3), 1988), with its published
// coefficients, evaluated in the same order as statistics.py's Python
// version so both give the same floats.
#include <cmath>
#include <cstddef>

#include "runtime/interp/errors.h"
#include "runtime/modules/module.h"
#include "runtime/objects/float.h"
#include "runtime/objects/native.h"

namespace tern {

namespace {

// Horner's rule over coefficients from the highest power down.
template <size_t N>
double horner(const double (&c)[N], double r) {
  double acc = c[0];
  for (size_t i = 1; i < N; ++i) acc = acc * r + c[i];
  return acc;
}

// Central region, |p - 0.5| <= 0.425.
constexpr double kCentralNum[] = {2.5090809287301226727e+3, 3.3430575583588128105e+4, 6.7265770927008700853e+4,
                                  4.5921953931549871457e+4, 1.3731693765509461125e+4, 1.9715909503065514427e+3,
                                  1.3314166789178437745e+2, 3.3871328727963666080e+0};
constexpr double kCentralDen[] = {
    5.2264952788528545610e+3, 2.8729085735721942674e+4, 3.9307895800092710610e+4, 2.1213794301586595867e+4,
    5.3941960214247511077e+3, 6.8718700749205790830e+2, 4.2313330701600911252e+1, 1.0};
// Intermediate tails, sqrt(-log(min(p, 1 - p))) <= 5.
constexpr double kNearNum[] = {7.74545014278341407640e-4, 2.27238449892691845833e-2, 2.41780725177450611770e-1,
                               1.27045825245236838258e+0, 3.64784832476320460504e+0, 5.76949722146069140550e+0,
                               4.63033784615654529590e+0, 1.42343711074968357734e+0};
constexpr double kNearDen[] = {
    1.05075007164441684324e-9, 5.47593808499534494600e-4, 1.51986665636164571966e-2, 1.48103976427480074590e-1,
    6.89767334985100004550e-1, 1.67638483018380384940e+0, 2.05319162663775882187e+0, 1.0};
// Far tails.
constexpr double kFarNum[] = {2.01033439929228813265e-7, 2.71155556874348757815e-5, 1.24266094738807843860e-3,
                              2.65321895265761230930e-2, 2.96560571828504891230e-1, 1.78482653991729133580e+0,
                              5.46378491116411436990e+0, 6.65790464350110377720e+0};
constexpr double kFarDen[] = {
    2.04426310338993978564e-15, 1.42151175831644588870e-7, 1.84631831751005468180e-5, 7.86869131145613259100e-4,
    1.48753612908506148525e-2,  1.36929880922735805310e-1, 5.99832206555887937690e-1, 1.0};

double normalDistInvCdf(double p, double mu, double sigma) {
  double q = p - 0.5;
  if (std::fabs(q) <= 0.425) {
    double r = 0.180625 - q * q;
    double x = horner(kCentralNum, r) * q / horner(kCentralDen, r);
    return mu + x * sigma;
  }
  double r = std::sqrt(-std::log(q <= 0.0 ? p : 1.0 - p));
  double x;
  if (r <= 5.0) {
    r -= 1.6;
    x = horner(kNearNum, r) / horner(kNearDen, r);
  } else {
    r -= 5.0;
    x = horner(kFarNum, r) / horner(kFarDen, r);
  }
  if (q < 0.0) x = -x;
  return mu + x * sigma;
}

// _normal_dist_inv_cdf(p, mu, sigma, /)
Value statistics__normal_dist_inv_cdf(Value* args) {
  double p, mu, sigma;
  if (!argDouble(args[1], &p) || !argDouble(args[2], &mu) || !argDouble(args[3], &sigma)) return Value();
  // NaNs pass (and give NaN), as in CPython.
  if (p <= 0.0 || p >= 1.0 || sigma <= 0.0) return raise(exc::ValueError, "inv_cdf undefined for these parameters");
  return newFloat(normalDistInvCdf(p, mu, sigma));
}

const MethodDef kStatisticsFunctions[] = {
    {.name = "_normal_dist_inv_cdf", .signature = "($module, p, mu, sigma, /)", .fn = statistics__normal_dist_inv_cdf},
};

const NativeModuleDef kStatisticsModule = {
    .name = "_statistics",
    .methods = kStatisticsFunctions,
    .doc = "Accelerators for the statistics module.\n",
};
TERN_REGISTER_MODULE(kStatisticsModule);

}  // namespace

}  // namespace tern
