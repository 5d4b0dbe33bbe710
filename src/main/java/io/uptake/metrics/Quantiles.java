package io.uptake.metrics;

/** Quantiles of the normal and Student's t distributions, for the width of an interval. */
final class Quantiles {

    private static final double[] A = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
        1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
    private static final double[] B = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
        6.680131188771972e+01, -1.328068155288572e+01};
    private static final double[] C = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
        -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
    private static final double[] D = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
        3.754408661907416e+00};
    private static final double P_LOW = 0.02425;

    private Quantiles() {
    }

    /** The standard normal quantile of {@code p} (rational approximation, relative error below 1.2e-9). */
    static double normal(double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("p must be between 0 and 1, not " + p);
        }
        if (p < P_LOW) {
            return tail(p);
        }
        if (p > 1 - P_LOW) {
            return -tail(1 - p);
        }
        double q = p - 0.5;
        double r = q * q;
        return (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q
                / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
    }

    private static double tail(double p) {
        double q = Math.sqrt(-2 * Math.log(p));
        return (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
                / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
    }

    /**
     * Student's t quantile of {@code p} with {@code df} degrees of freedom. Up to {@link #EXACT_UP_TO} degrees of
     * freedom it is found by bisection on the t distribution's exact function (a finite sum for whole degrees of
     * freedom), to within 1e-9: an interval over a few weeks may have as few as 3. Above, the Cornish–Fisher
     * expansion around the normal quantile is within 1e-6 of it.
     */
    static double studentT(double p, int df) {
        if (df < 1) {
            throw new IllegalArgumentException("degrees of freedom must be positive, not " + df);
        }
        double approximate = cornishFisher(p, df);
        if (df > EXACT_UP_TO) {
            return approximate;
        }
        double low = approximate - 1;
        double high = approximate + 1;
        while (studentCdf(low, df) > p) {
            low -= Math.abs(low) + 1;
        }
        while (studentCdf(high, df) < p) {
            high += Math.abs(high) + 1;
        }
        for (int i = 0; i < 200 && high - low > 1e-10; i++) {
            double mid = (low + high) / 2;
            if (studentCdf(mid, df) < p) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return (low + high) / 2;
    }

    /** Degrees of freedom up to which {@link #studentT} is exact. */
    static final int EXACT_UP_TO = 200;

    /**
     * P(T ≤ t) for Student's t with whole {@code df}: with θ = atan(t/√df), P(|T| < t) is a finite sum in sin θ and
     * cos θ (Abramowitz and Stegun 26.7.3 and 26.7.4).
     */
    static double studentCdf(double t, int df) {
        double theta = Math.atan(Math.abs(t) / Math.sqrt(df));
        double c2 = Math.cos(theta) * Math.cos(theta);
        double s = Math.sin(theta);
        double inside;
        if (df % 2 == 1) {
            double sum = 0;
            if (df > 1) {
                double term = 1;
                sum = 1;
                for (int k = 3; k <= df - 2; k += 2) {
                    term *= c2 * (k - 1) / k;
                    sum += term;
                }
            }
            inside = 2 / Math.PI * (theta + s * Math.cos(theta) * sum);
        } else {
            double term = 1;
            double sum = 1;
            for (int k = 2; k <= df - 2; k += 2) {
                term *= c2 * (k - 1) / k;
                sum += term;
            }
            inside = s * sum;
        }
        return t >= 0 ? (1 + inside) / 2 : (1 - inside) / 2;
    }

    private static double cornishFisher(double p, int df) {
        double z = normal(p);
        double z2 = z * z;
        double z3 = z2 * z;
        double z5 = z3 * z2;
        double z7 = z5 * z2;
        double z9 = z7 * z2;
        double v = df;
        double g1 = (z3 + z) / 4;
        double g2 = (5 * z5 + 16 * z3 + 3 * z) / 96;
        double g3 = (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / 384;
        double g4 = (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / 92160;
        return z + g1 / v + g2 / (v * v) + g3 / (v * v * v) + g4 / (v * v * v * v);
    }
}
