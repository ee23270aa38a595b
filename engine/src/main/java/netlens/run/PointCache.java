package netlens.run;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finished runs kept under their content address ({@link Fingerprint#key}), one file per point in a
 * folder per experiment, so that an interrupted or extended plan computes only what is missing and
 * a report can be redrawn without training. Files are written to a temporary name and renamed into
 * place, so a reader never sees half a point (also on NFS, where renames within a folder are
 * atomic). Only completed runs are kept. Reading a point refreshes its time; when the cache grows
 * beyond its limit the points read longest ago go first.
 */
public final class PointCache {
    private final Path root;
    private final long limitBytes;

    public PointCache(Path root, long limitBytes) {
        this.root = root;
        this.limitBytes = limitBytes;
    }

    private Path file(String experiment, String key) {
        return root.resolve(experiment).resolve(key + ".point");
    }

    /** Whether a point is kept (without reading it: a Slurm status asks this of every point). */
    public boolean contains(Point point) {
        return point.key() != null && Files.isRegularFile(file(point.experiment().name(), point.key()));
    }

    /** The cached results of a point under its plan's experiment, or null when absent or unreadable. */
    public Results load(Point point) {
        if (point.key() == null) return null;
        Path f = file(point.experiment().name(), point.key());
        if (!Files.isRegularFile(f)) return null;
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(f)))) {
            Results r = PointFile.read(point.experiment(), in);
            Files.setLastModifiedTime(f, FileTime.from(Instant.now()));
            return r;
        } catch (IOException | RuntimeException e) {
            return null;                                        // unreadable: run the point again
        }
    }

    /** Keeps a completed point; an unwritable cache only means the point is recomputed next time. */
    public void store(Point point, Results results) {
        if (point.key() == null || !results.complete()) return;
        Path f = file(point.experiment().name(), point.key());
        try {
            Files.createDirectories(f.getParent());
            Path partial = Files.createTempFile(f.getParent(), ".point", ".part");
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(partial)))) {
                PointFile.write(results, out);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(partial);
                throw e;
            }
            Files.move(partial, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            prune();
        } catch (IOException | RuntimeException e) {
            // recomputed next time
        }
    }

    /** Deletes the least recently used points until the cache fits its limit. */
    private void prune() throws IOException {
        List<Path> points;
        try (Stream<Path> s = Files.walk(root)) {
            points = s.filter(p -> p.toString().endsWith(".point") && Files.isRegularFile(p)).toList();
        }
        long total = 0;
        for (Path p : points) total += Files.size(p);
        if (total <= limitBytes) return;
        List<Path> oldest = points.stream().sorted(Comparator.comparing(PointCache::modified)).toList();
        for (Path p : oldest) {
            if (total <= limitBytes) break;
            total -= Files.size(p);
            Files.deleteIfExists(p);
        }
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
