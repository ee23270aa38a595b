package netlens.dsl

import java.nio.file.Files
import java.nio.file.Path
import kotlin.test.assertTrue
import org.junit.jupiter.api.Tag
import org.junit.jupiter.api.Test

class ExamplesTest {
    /** Every example compiles and declares valid experiments (nothing is trained), and `--list` describes it. */
    @Test
    @Tag("slow")
    fun everyExampleScriptLoads() {
        val scripts = Files.list(Path.of("../scripts")).use { s -> s.filter { it.toString().endsWith(".exp.kts") }.sorted().toList() }
        assertTrue(scripts.size >= 7, "examples: $scripts")
        for (script in scripts) {
            // A network trained elsewhere exists once its trainer ran; PyTorchExampleTest runs it, then the script.
            val networks = Regex("""load\("([^"]+)"""").findAll(Files.readString(script)).map { script.parent.resolve(it.groupValues[1]) }
            if (networks.any { !Files.isRegularFile(it) }) continue
            val plans = ScriptHost(null).load(script.toAbsolutePath())
            assertTrue(plans.isNotEmpty(), "$script declares an experiment")
            assertTrue(Examples.description(script) != "(no description)", "$script opens with a comment saying what it shows")
        }
    }
}
