package netlens.dsl

import java.nio.file.Files
import java.time.Duration
import kotlin.random.Random
import kotlin.test.assertTrue
import org.junit.jupiter.api.Assertions.assertTimeoutPreemptively
import org.junit.jupiter.api.Tag
import org.junit.jupiter.api.Test

/**
 * Mutated versions of a valid script (lines dropped or repeated, characters deleted or inserted,
 * numbers made wild): each either loads or fails with a ScriptFailure whose message names the
 * file; nothing else escapes, nothing hangs. Scripts are compiled and evaluated, not trained.
 */
@Tag("slow")
class ScriptFuzzTest {
    @Test
    fun mutatedScriptsFailWithLocatedMessages() {
        val original = Files.readString(Scripts.path("tiny.exp.kts"))
        val random = Random(7)
        val host = ScriptHost(null)
        val dir = Files.createTempDirectory("netlens-fuzz")
        assertTimeoutPreemptively(Duration.ofMinutes(4)) {
            repeat(16) { i ->
                val text = mutate(original, random)
                val file = dir.resolve("fuzz$i.exp.kts")
                Files.writeString(file, text)
                try {
                    host.load(file)
                } catch (e: ScriptFailure) {
                    assertTrue(e.message!!.startsWith(file.toString()), "case $i names the file: ${e.message}")
                }
            }
        }
    }

    private fun mutate(text: String, r: Random): String {
        val lines = text.lines().toMutableList()
        return when (r.nextInt(5)) {
            0 -> { lines.removeAt(r.nextInt(lines.size)); lines.joinToString("\n") }
            1 -> { val i = r.nextInt(lines.size); lines.add(i, lines[i]); lines.joinToString("\n") }
            2 -> { val i = r.nextInt(text.length); text.removeRange(i, minOf(text.length, i + 1 + r.nextInt(6))) }
            3 -> { val i = r.nextInt(text.length); text.substring(0, i) + "{}()\"=,.-0x".random(r) + text.substring(i) }
            else -> Regex("""\b\d+(\.\d+)?\b""").replace(text) { m ->
                if (r.nextInt(3) == 0) listOf("-1", "0", "1e308", "999999999", "-0.0").random(r) else m.value
            }
        }
    }
}
