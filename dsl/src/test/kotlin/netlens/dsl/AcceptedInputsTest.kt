package netlens.dsl

import java.nio.file.Files
import kotlin.test.assertEquals
import kotlin.test.assertTrue
import netlens.train.OptimizerSpec
import org.junit.jupiter.api.Tag
import org.junit.jupiter.api.Test

/** Inputs a user may reasonably write that netlens once refused or mishandled. */
class AcceptedInputsTest {
    @Test
    @Tag("slow")
    fun aNameInAnyScriptAndWholeNumbersForRealValuesAreAccepted() = Scripts.tempScript("accepted") { s ->
        s.write("""
            experiment("réseau") {
                data = spirals(classes = 3, trainPerClass = 40, testPerClass = 10, noise = 0)
                model = mlp(hidden = listOf(8, 2))
                train { optimizer = sgd(lr = 1, momentum = 0); batchSize = 20; maxEpochs = 2 }
            }
        """.trimIndent())
        val plan = ScriptHost(null).load(s.file).single()
        assertEquals("réseau", plan.experiment.name())
        assertEquals(1.0, (plan.experiment.train().optimizer() as OptimizerSpec.Sgd).lr())
        val run = Scripts.cli(s.file.toString(), "--out", s.dir.toString(), "--threads", "1")
        assertEquals(Cli.OK, run.code, run.err)
        assertTrue(Files.isRegularFile(s.dir.resolve("réseau/index.html")))
        assertTrue(run.err.contains(", 1 thread") && !run.err.contains("1 threads"), run.err)
        netlens.util.Caches.root().resolve("points/réseau").toFile().deleteRecursively()
    }

    @Test
    fun misspeltNamesGetTheClosestDslNames() {
        assertEquals("relu", DslNames.closest("reluu").first())
        assertTrue("neuralCollapse" in DslNames.closest("neuralColapse"))
        assertEquals(emptyList(), DslNames.closest("qqqqqqqq"))
    }

    @Test
    fun aValueErrorPointsAtTheValue() {
        assertEquals(21, valueColumn("        batchSize = -5", "batchSize must be >= 1, got -5"))
        assertEquals(30, valueColumn("        optimizer = sgd(lr = -0.1, momentum = 0.9)", "lr must be > 0, got -0.1"))
        assertEquals(27, valueColumn("    train { extraEpochs = 5 }", "extraEpochs = 5 needs an until"))
    }
}
