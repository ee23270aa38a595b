package netlens.kernel;

/** The error function to double precision (Java has none). */
final class Erf {
    private Erf() {}

    /**
     * erf by its Taylor series for |x| < 3 and by the continued fraction of erfc beyond; both are
     * summed until they change no digit.
     */
    static double erf(double x) {
        double a = Math.abs(x);
        if (a >= 6) return Math.signum(x);
        double r;
        if (a < 3) {
            // erf x = (2/√π) Σ (−1)ⁿ x^(2n+1) / (n! (2n+1))
            double term = a, sum = a, x2 = a * a;
            for (int n = 1; n < 200; n++) {
                term *= -x2 / n;
                double add = term / (2 * n + 1);
                sum += add;
                if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
            }
            r = 2 / Math.sqrt(Math.PI) * sum;
        } else {
            // erfc x = e^(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + …))))), evaluated from the tail
            double f = a;
            for (int k = 60; k >= 1; k--) f = a + (k / 2.0) / f;
            r = 1 - Math.exp(-a * a) / Math.sqrt(Math.PI) / f;
        }
        return Math.copySign(r, x);
    }
}
