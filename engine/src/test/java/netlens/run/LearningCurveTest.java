package netlens.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The power-law fit of learning curves against exact data and the coverage of its interval. */
class LearningCurveTest {
    private static final double[] P = {64, 64, 128, 128, 256, 256, 512, 512, 1024, 1024, 2048, 2048};

    @Test
    void anExactPowerLawGivesItsExponent() {
        double[] error = new double[P.length];
        for (int i = 0; i < P.length; i++) error[i] = 3.0 * Math.pow(P[i], -0.7);
        LearningCurve c = LearningCurve.fit(P, error);
        assertEquals(0.7, c.beta(), 1e-12);
        assertEquals(0.7, c.betaLow(), 1e-9);
        assertEquals(0.7, c.betaHigh(), 1e-9);
        assertEquals(3.0 * Math.pow(300, -0.7), c.at(300), 1e-12);
        assertEquals(P.length, c.points());
    }

    /** With log-normal noise on ε the 95 % interval must contain the true β in about 95 % of draws. */
    @Test
    void theConfidenceIntervalCoversTheTrueExponent() {
        Random rng = new Random(1);
        int draws = 4000, covered = 0;
        double[] error = new double[P.length];
        for (int k = 0; k < draws; k++) {
            for (int i = 0; i < P.length; i++) error[i] = 0.5 * Math.pow(P[i], -0.4) * Math.exp(0.3 * rng.nextGaussian());
            LearningCurve c = LearningCurve.fit(P, error);
            if (c.betaLow() <= 0.4 && 0.4 <= c.betaHigh()) covered++;
        }
        double rate = (double) covered / draws;   // binomial standard error 0.0034
        assertTrue(Math.abs(rate - 0.95) < 0.012, "coverage " + rate);
    }

    /** Beyond the table, t_{0.975} against published values. */
    @Test
    void studentQuantilesMatchTheirTables() {
        assertEquals(2.228, LearningCurve.quantile(10), 1e-3);
        assertEquals(2.021, LearningCurve.quantile(40), 2e-3);
        assertEquals(2.000, LearningCurve.quantile(60), 2e-3);
        assertEquals(1.980, LearningCurve.quantile(120), 2e-3);
    }

    @Test
    void zeroErrorsAreLeftOutOfTheLogFit() {
        LearningCurve c = LearningCurve.fit(new double[] {100, 200, 400, 800}, new double[] {0.1, 0.05, 0, 0.0125});
        assertEquals(3, c.points());
        assertEquals(1.0, c.beta(), 1e-12);
    }
}
