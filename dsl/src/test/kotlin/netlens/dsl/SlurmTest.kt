package netlens.dsl

import java.nio.file.Files
import java.nio.file.Path
import kotlin.test.assertEquals
import kotlin.test.assertTrue
import org.junit.jupiter.api.Assumptions.assumeTrue
import org.junit.jupiter.api.Tag
import org.junit.jupiter.api.Test

/**
 * A sweep through a real Slurm (`.ci/local-slurm start`: Debian's slurmctld and slurmd on this
 * machine): its sweep.csv equals the local run's apart from the timing column, and after two of its
 * tasks are killed (one running, one waiting), `--status` names them failed and `--slurm` again runs
 * only those. Skipped where no Slurm answers, unless NETLENS_REQUIRE_SLURM is set (CI), where it fails.
 */
@Tag("slow")
class SlurmTest {
    private val sweep = """
        data = sphere(d = 3, p = 64, pTest = 200)
        model = oneHidden(h = 16, activation = relu)
        train { loss = softHinge(); optimizer = gradientFlow(); fullBatch(); maxEpochs = 300; evaluateEvery = 100 }
        sweep { p(32, 64); seed(1..2); regime(feature = 0.01, lazy = 10) }
    """.trimIndent()

    /** sweep.csv without its wall-clock column. */
    private fun table(file: Path): List<List<String>> {
        val rows = Files.readAllLines(file).map { it.split(',') }
        val seconds = rows.first().indexOf("seconds")
        return rows.map { r -> r.filterIndexed { i, _ -> i != seconds } }
    }

    /** Waits until Slurm holds no job of this experiment (its tasks and the report job). */
    private fun drained(name: String) {
        val deadline = System.nanoTime() + 300e9.toLong()
        while (Slurm.queued("netlens-$name").isNotEmpty() || Slurm.queued("netlens-$name-report").isNotEmpty()) {
            check(System.nanoTime() < deadline) { "the Slurm jobs of $name did not end in 5 minutes" }
            Thread.sleep(500)
        }
    }

    @Test
    fun aSweepOnSlurmEqualsTheLocalRunAndAKilledTaskIsRunAgain() {
        val up = Slurm.run("sinfo", "--noheader").first == 0
        if (System.getenv("NETLENS_REQUIRE_SLURM") != null) assertTrue(up, "NETLENS_REQUIRE_SLURM is set but no Slurm answers (.ci/local-slurm start)")
        assumeTrue(up, "skipped: no Slurm answers here (sudo .ci/local-slurm start)")
        Scripts.tempScript("slurm") { s ->
            s.write("experiment(\"${s.name}\") {\n${sweep.prependIndent("    ")}\n}\n")
            val local = s.run()
            assertEquals(Cli.OK, local.code, local.err)
            val expected = table(s.report("sweep.csv"))
            val points = netlens.util.Caches.root().resolve("points/${s.name}")
            val jobs = netlens.util.Caches.root().resolve("slurm/${s.name}")
            try {
                points.toFile().deleteRecursively()
                val out = s.dir.resolve("slurm-out")
                val submitted = Scripts.cli(s.file.toString(), "--slurm", "--out", out.toString())
                assertEquals(Cli.OK, submitted.code, submitted.err)
                val job = Regex("""as Slurm job (\d+)""").find(submitted.out)?.groupValues?.get(1) ?: error(submitted.out)
                Slurm.run("scancel", "${job}_0", "${job}_7")             // task 0 is starting, task 7 waits for a CPU
                drained(s.name)

                val status = Scripts.cli(s.file.toString(), "--status")
                assertTrue(status.out.contains("8 points: 6 done, 2 failed"), status.out)
                assertTrue(!Files.exists(out.resolve("${s.name}/sweep.csv")), "no report while points are missing")

                val again = Scripts.cli(s.file.toString(), "--slurm", "--out", out.toString())
                assertTrue(again.out.contains("submitted 2 of 8 points"), again.out)
                drained(s.name)
                assertEquals(expected, table(out.resolve("${s.name}/sweep.csv")), "Slurm's sweep.csv is the local one")
                assertTrue(Scripts.cli(s.file.toString(), "--status").out.contains("8 points: 8 done"))
            } finally {
                jobs.toFile().deleteRecursively()
            }
        }
    }
}
