package netlens.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The PyTorch peers (engine/src/bench/python/), run with Debian's /usr/bin/python3. Each task is
 * timed under both BLAS settings a PyTorch user might choose, one OpenBLAS thread (PyTorch's own
 * threads split the work) and as many as PyTorch's, and the faster one counts: the peer is the best
 * a user could do.
 */
final class Peers {
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    private final Path scripts;
    private final Path mnist;
    private final int threads;

    Peers(Path scripts, Path mnist, int threads) {
        this.scripts = scripts;
        this.mnist = mnist;
        this.threads = threads;
    }

    /** Whether Debian's PyTorch answers, or why not. */
    static String missing() {
        if (!Files.isExecutable(PYTHON)) return "no /usr/bin/python3";
        try {
            Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import torch").redirectErrorStream(true).start();
            return p.waitFor() == 0 ? null : "PyTorch is not installed (apt-get install python3-torch libopenblas0-pthread)";
        } catch (IOException e) {
            return e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /**
     * The peer's best seconds for a task of peers.py in one of its two BLAS settings (round 0: one
     * BLAS thread beside PyTorch's own; round 1: as many as PyTorch's): the bench keeps the better.
     */
    double seconds(String task, int round) {
        return run(task, round == 0 ? 1 : threads);
    }

    /** The training peer's best seconds per epoch over [epochs] timed epochs, in the BLAS setting of [round] (see {@link #seconds}). */
    double trainingEpoch(int epochs, int round) {
        return runTraining(round == 0 ? 1 : threads, epochs);
    }

    private double run(String task, int blasThreads) {
        return value(launch(blasThreads, scripts.resolve("peers.py").toString(), task, mnist.toString(), String.valueOf(threads)), "seconds ");
    }

    private double runTraining(int blasThreads, int epochs) {
        List<String> out = launch(blasThreads, scripts.resolve("torch_mlp_epoch.py").toString(), mnist.toString(), String.valueOf(threads),
                String.valueOf(epochs));
        String last = out.get(out.size() - 1);                     // "pytorch …: best X s/epoch"
        return Double.parseDouble(last.replaceAll(".*best ([0-9.]+) s/epoch.*", "$1"));
    }

    private static double value(List<String> lines, String prefix) {
        OptionalDouble v = lines.stream().filter(l -> l.startsWith(prefix)).mapToDouble(l -> Double.parseDouble(l.substring(prefix.length()).trim())).findFirst();
        if (v.isEmpty()) throw new IllegalStateException("the PyTorch peer printed no '" + prefix.trim() + "' line: " + lines);
        return v.getAsDouble();
    }

    private List<String> launch(int blasThreads, String... args) {
        List<String> command = new ArrayList<>(List.of(PYTHON.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("OPENBLAS_NUM_THREADS", String.valueOf(blasThreads));
        pb.environment().put("OMP_NUM_THREADS", String.valueOf(threads));
        try {
            Process p = pb.start();
            List<String> lines = new ArrayList<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) lines.add(line);
            }
            if (p.waitFor() != 0) throw new IllegalStateException("PyTorch peer " + String.join(" ", args) + " failed: " + lines);
            return lines;
        } catch (IOException e) {
            throw new IllegalStateException("could not start the PyTorch peer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
