package netlens.dsl

import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit
import kotlin.test.assertEquals
import kotlin.test.assertTrue
import org.junit.jupiter.api.Test

/**
 * Stage times and seconds_to_first_step count from when ./run started (the launcher's
 * -Dnetlens.launched), and without it from the JVM's start: never from the OS's process start
 * instant, which on Linux can be a second off.
 */
class LaunchClockTest {
    private fun run(vararg jvmFlags: String): Pair<Double, Double> {
        val out = Files.createTempDirectory("netlens-clock")
        val java = Path.of(System.getProperty("java.home"), "bin", "java").toString()
        val started = System.nanoTime()
        val p = ProcessBuilder(listOf(java, *jvmFlags, "-cp", System.getProperty("java.class.path"), "netlens.dsl.MainKt",
            Scripts.path("tiny.exp.kts").toString(), "--out", out.toString(), "--data", Scripts.data().toString(), "--fresh"))
            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start()
        assertTrue(p.waitFor(120, TimeUnit.SECONDS))
        assertEquals(0, p.exitValue())
        val wall = (System.nanoTime() - started) / 1e9
        val json = Files.readString(out.resolve("tiny/run.json"))
        val first = Regex(""""seconds_to_first_step": ([0-9.]+)""").find(json)!!.groupValues[1].toDouble()
        return first to wall
    }

    @Test
    fun theFirstStepIsTimedFromTheLaunchOrTheJvmStart() {
        val (own, wall) = run()
        assertTrue(own > 0 && own < wall, "from the JVM's start: $own s of a $wall s run")
        // A launcher that started 5 s before the JVM.
        val launched = String.format(java.util.Locale.ROOT, "%.6f", System.currentTimeMillis() / 1000.0 - 5)
        val (fromLaunch, wall2) = run("-Dnetlens.launched=$launched")
        assertTrue(fromLaunch > 5 && fromLaunch < wall2 + 5, "from the launch: $fromLaunch s, of a $wall2 s run begun 5 s after it")
    }
}
