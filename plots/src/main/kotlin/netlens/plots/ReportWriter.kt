package netlens.plots

import java.nio.channels.FileChannel
import java.nio.file.AtomicMoveNotSupportedException
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardCopyOption
import java.nio.file.StandardOpenOption
import netlens.run.Results

/**
 * Writes `<root>/<experiment>/`: index.html (self-contained, figures inlined as SVG), one SVG per figure in figures/,
 * metrics.csv, run.json, embeddings.npy and labels.npy. Everything is written into a temporary
 * sibling folder first and swapped in under a lock only when complete, so an earlier report is
 * never replaced by a half-written one, even by two runs at once.
 */
class ReportWriter(private val root: Path) {
    fun write(results: Results, spec: ReportSpec, provenance: Provenance, runInfo: Map<String, Any?>): Path {
        val name = results.experiment().name()
        Files.createDirectories(root)
        val staging = Files.createTempDirectory(root, ".$name.staging-")
        try {
            writeInto(staging, results, spec, provenance, runInfo)
            return swapIn(staging, root.resolve(name), name)
        } finally {
            if (Files.exists(staging)) deleteTree(staging)
        }
    }

    private fun writeInto(dir: Path, results: Results, spec: ReportSpec, provenance: Provenance, runInfo: Map<String, Any?>) {
        val view = ResultView(results)
        val figures = spec.sections.mapNotNull { s ->
            when (s) {
                ReportSpec.TrainingCurves -> trainingCurves(view)
                is ReportSpec.LayerGrid -> if (view.probes.isEmpty()) null else layerGrid(view, s)
                is ReportSpec.Penultimate -> penultimate(view, s)
                ReportSpec.CollapseCurves -> if (view.probes.isEmpty()) null else collapseCurves(view)
            }
        }
        val svgs = figures.map { it to Svg.render(it.figure, it.id) }
        Files.createDirectories(dir.resolve("figures"))
        for ((fig, svg) in svgs) Files.writeString(dir.resolve("figures/${fig.id}.svg"), svg)
        Files.writeString(dir.resolve("metrics.csv"), MetricsTable.csv(results))
        val embeddings = Embeddings.write(dir, view)
        Files.writeString(dir.resolve("run.json"), Json.write(RunJson.of(results, provenance, runInfo, embeddings)) + "\n")
        Files.writeString(dir.resolve("index.html"), HtmlReport.page(view, provenance, svgs, Verdict.sentences(view)))
    }

    private fun swapIn(staging: Path, target: Path, name: String): Path {
        val lockFile = root.resolve(".$name.lock").toAbsolutePath().normalize()
        // A file lock excludes other processes; threads of this one also need a monitor.
        synchronized(monitors.computeIfAbsent(lockFile) { Any() }) {
            FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE).use { channel ->
                channel.lock().use { swap(staging, target, name) }
            }
        }
        return target
    }

    private fun swap(staging: Path, target: Path, name: String) {
        restoreInterruptedSwap(target, name)
        val previous = if (Files.exists(target)) root.resolve(".$name.previous") else null
        if (previous != null) {
            if (Files.exists(previous)) deleteTree(previous)
            move(target, previous)
        }
        move(staging, target)
        if (previous != null) deleteTree(previous)
    }

    /** A crash between the two renames leaves only `.name.previous`: put it back before anything else. */
    private fun restoreInterruptedSwap(target: Path, name: String) {
        val previous = root.resolve(".$name.previous")
        if (!Files.exists(target) && Files.exists(previous)) move(previous, target)
    }

    private fun move(from: Path, to: Path) {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE)
        } catch (e: AtomicMoveNotSupportedException) {
            Files.move(from, to)
        }
    }

    private companion object {
        val monitors = java.util.concurrent.ConcurrentHashMap<Path, Any>()
    }

    private fun deleteTree(p: Path) {
        Files.walk(p).use { s -> s.sorted(Comparator.reverseOrder()).forEach { Files.deleteIfExists(it) } }
    }
}
