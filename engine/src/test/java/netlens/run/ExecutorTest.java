package netlens.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import netlens.data.SpiralSpec;
import netlens.linalg.Backend;
import netlens.nn.Activation;
import netlens.nn.Init;
import netlens.observables.CkaSimilarity;
import netlens.observables.Collapse;
import netlens.observables.Embeddings;
import netlens.observables.PrincipalComponents;
import netlens.observe.Measurements;
import netlens.observe.ProbeSchedule;
import netlens.probe.Projection;
import netlens.train.EpochMetrics;
import netlens.train.Loss;
import netlens.train.OptimizerSpec;
import netlens.train.TrainConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Points run together give exactly what each gives alone, and come back from the cache unchanged. */
class ExecutorTest {
    @TempDir
    Path cacheDir;

    private static Experiment spirals(String name, Activation a, int classes) {
        return new Experiment(name, 3, new SpiralSpec(classes, 60, 20, Double.NaN, 0.05, true),
                new ModelSpec(new int[] {24, 2}, a, true, Init.PYTORCH),
                new TrainConfig(Loss.CROSS_ENTROPY, new OptimizerSpec.Adam(3e-3, 0.9, 0.999, 1e-8, 0, false), 16, 8, null, 0),
                ProbeSchedule.every(4, 1000),
                List.of(new PrincipalComponents(), new Embeddings(new Projection.Pca()), new Collapse(), new CkaSimilarity(50)));
    }

    private static Point point(Experiment e) {
        return new Point("", Map.of(), Fingerprint.key(e, "", "test"), e);
    }

    private List<Results> run(List<Point> points, int threads, PointCache cache, boolean reuse, List<String> status) {
        return new Executor(Backend.blas(), threads, null, cache).run(points, reuse, (i, e) -> new Runner.Listener() {}, status::add)
                .stream().map(Executor.Done::results).toList();
    }

    @Test
    void aPointsNumbersDoNotDependOnWhichOthersRan() {
        Experiment tanh = spirals("v", Activation.TANH, 3);
        List<Results> together = run(List.of(point(spirals("v", Activation.RELU, 5)), point(tanh), point(spirals("v", Activation.RELU, 3))),
                2, null, true, new ArrayList<>());
        List<Results> alone = run(List.of(point(tanh)), 1, null, true, new ArrayList<>());
        List<EpochMetrics> a = together.get(1).history(), b = alone.get(0).history();
        assertEquals(b.size(), a.size());
        for (int e = 0; e < a.size(); e++) {
            assertEquals(b.get(e).trainLoss(), a.get(e).trainLoss(), 0, "epoch " + e);
            assertEquals(b.get(e).testAccuracy(), a.get(e).testAccuracy(), 0, "epoch " + e);
        }
        assertArrayEquals(alone.get(0).probes().get(2).measured().matrix("h2", "embeddings").values(),
                together.get(1).probes().get(2).measured().matrix("h2", "embeddings").values());
        assertEquals(5, together.get(0).data().classNames().size(), "each point keeps its own data");
    }

    /** A cached point reads back equal to the run that made it, measurement for measurement. */
    @Test
    void aCachedPointIsTheRunThatMadeIt() {
        PointCache cache = new PointCache(cacheDir, Long.MAX_VALUE);
        Point p = point(spirals("cached", Activation.TANH, 3));
        List<String> status = new ArrayList<>();
        Results fresh = run(List.of(p), 2, cache, true, status).get(0);
        Results again = run(List.of(p), 2, cache, true, status).get(0);
        assertEquals(1, status.size(), "the first run says nothing: " + status);
        assertTrue(status.get(0).contains("from the cache"), status.toString());
        assertEquals(fresh.history(), again.history());
        assertEquals(fresh.layers(), again.layers());
        assertArrayEquals(fresh.probeLabels(), again.probeLabels());
        assertEquals(fresh.probes().size(), again.probes().size());
        for (int i = 0; i < fresh.probes().size(); i++) {
            assertEquals(fresh.probes().get(i).epoch(), again.probes().get(i).epoch());
            assertEquals(entries(fresh.probes().get(i).measured()), entries(again.probes().get(i).measured()));
        }
        assertEquals(entries(fresh.acrossProbes()), entries(again.acrossProbes()));
        assertEquals(fresh.outcome(), again.outcome());
        assertEquals(fresh.data(), again.data());
        assertEquals(fresh.network(), again.network());
        assertEquals(fresh.timings(), again.timings());
    }

    @Test
    void anUnreadableCacheFileIsRunAgain() throws Exception {
        PointCache cache = new PointCache(cacheDir, Long.MAX_VALUE);
        Point p = point(spirals("broken", Activation.TANH, 3));
        run(List.of(p), 2, cache, true, new ArrayList<>());
        Path file = cacheDir.resolve("broken").resolve(p.key() + ".point");
        Files.write(file, new byte[] {1, 2, 3});
        assertNull(cache.load(p));
        List<String> status = new ArrayList<>();
        run(List.of(p), 2, cache, true, status);
        assertEquals(List.of(), status, "run again, not read from the cache");
    }

    @Test
    void theCacheDropsTheLeastRecentlyReadPointsBeyondItsLimit() throws Exception {
        Point a = point(spirals("lru", Activation.TANH, 3)), b = point(spirals("lru", Activation.RELU, 3));
        run(List.of(a), 1, new PointCache(cacheDir, Long.MAX_VALUE), true, new ArrayList<>());
        long one = Files.size(cacheDir.resolve("lru").resolve(a.key() + ".point"));
        Files.setLastModifiedTime(cacheDir.resolve("lru").resolve(a.key() + ".point"), java.nio.file.attribute.FileTime.fromMillis(0));
        PointCache small = new PointCache(cacheDir, (long) (1.5 * one));
        run(List.of(b), 1, small, true, new ArrayList<>());
        assertNull(small.load(a), "the older point made room");
        assertTrue(small.load(b) != null);
    }

    private static List<Measurements.Entry> entries(Measurements m) {
        return m.entries();
    }
}
