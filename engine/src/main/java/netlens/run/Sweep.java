package netlens.run;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import netlens.data.DataStore;
import netlens.linalg.Blas;

/**
 * Runs the points of a sweep, each cached under the hash of its configuration, so that an
 * interrupted or extended sweep computes only what is missing. Points run concurrently through
 * {@link Batch}; a point is cached as soon as it completes (interrupted or diverged points are not).
 */
public final class Sweep {
    /** A point to run: its label, axis values, cache key and experiment. */
    public record Plan(String label, Map<String, String> axes, String key, Experiment experiment) {}

    private Sweep() {}

    public static List<SweepPoint> run(List<Plan> plans, Path cache, Blas blas, int threads, DataStore store,
                                       Batch.Listeners listeners, Consumer<String> status) {
        SweepPoint[] points = new SweepPoint[plans.size()];
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            Plan plan = plans.get(i);
            SweepPoint hit = cached(cache.resolve(plan.key() + ".properties"));
            if (hit == null) missing.add(i);
            else points[i] = hit.labelled(plan.label(), plan.axes());
        }
        status.accept(plans.size() + " sweep points: " + (plans.size() - missing.size()) + " cached, " + missing.size() + " to run");
        if (!missing.isEmpty()) {
            List<Experiment> experiments = missing.stream().map(i -> plans.get(i).experiment()).toList();
            Batch.run(experiments, blas, threads, store, (j, e) -> listeners.forRun(missing.get(j), e), (j, results) -> {
                Plan plan = plans.get(missing.get(j));
                SweepPoint point = SweepPoint.of(plan.label(), plan.axes(), results);
                points[missing.get(j)] = point;
                if (point.completed()) store(cache.resolve(plan.key() + ".properties"), point);
            });
        }
        return List.of(points);
    }

    private static SweepPoint cached(Path file) {
        if (!Files.isRegularFile(file)) return null;
        try (Reader in = Files.newBufferedReader(file)) {
            return SweepPoint.read(in);
        } catch (IOException | RuntimeException e) {
            return null;                                        // unreadable: run the point again
        }
    }

    private static void store(Path file, SweepPoint point) {
        try {
            Files.createDirectories(file.getParent());
            Path partial = Files.createTempFile(file.getParent(), "point", ".part");
            try (Writer out = Files.newBufferedWriter(partial)) {
                point.write(out);
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // an unwritable cache only means the point is recomputed next time
        }
    }
}
