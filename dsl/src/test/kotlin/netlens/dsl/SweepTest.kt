package netlens.dsl

import java.nio.file.Files
import kotlin.test.assertContentEquals
import kotlin.test.assertEquals
import kotlin.test.assertTrue
import netlens.train.Loss
import netlens.train.OptimizerSpec
import org.junit.jupiter.api.Tag
import org.junit.jupiter.api.Test

class SweepTest {
    @Test
    fun sizesAreLogSpacedIntegersFromFirstToLast() {
        assertContentEquals(listOf(64, 128, 256, 512, 1024), sizes(64, 1024, 5))
        assertEquals(listOf(100, 1000, 10000), sizes(100, 10000, 3))
    }

    @Test
    fun theCacheKeyIgnoresTheSweepAndReportBlocksAndComments() {
        val a = "experiment(\"x\") {\n    // about\n    data = sphere()\n    sweep { p(64, 128) }\n}\n"
        val b = "// other words\nexperiment(\"x\") {\n    data = sphere()   \n\n    sweep {\n        p(64, 128, 256)\n    }\n}\n"
        assertEquals(ScriptText.forKey(a), ScriptText.forKey(b))
        assertTrue(ScriptText.forKey(a) != ScriptText.forKey(a.replace("sphere()", "stripe()")))
        assertEquals(ScriptText.forKey(a), ScriptText.forKey(a.replace("    sweep {", "    report { trainingCurves() }\n    sweep {")))
    }

    @Test
    fun flowToMarginsIsTheFeatureLazyProtocol() {
        val config = TrainBuilder().apply { flowToMargins(maxSteps = 3000) }.build()
        assertEquals(Loss.SoftHinge(20.0), config.loss())
        assertTrue(config.optimizer() is OptimizerSpec.GradientFlow)
        assertEquals(0, config.batchSize(), "full batch")
        assertEquals(3000, config.maxEpochs())
        assertEquals(200, config.evaluateEvery())
    }

    private fun script(name: String, ps: String) = """
        experiment("$name") {
            data = sphere(d = 3, p = 64, pTest = 200)
            model = oneHidden(h = 16, activation = relu)
            train {
                loss = softHinge()
                optimizer = gradientFlow()
                fullBatch()
                maxEpochs = 300
                evaluateEvery = 100
            }
            sweep {
                p($ps)
                seed(1..2)
                regime(feature = 0.01, lazy = 10)
            }
        }
    """.trimIndent()

    /** Each point is cached under its configuration's hash: a second run computes nothing, an extended one only the new points. */
    @Test
    @Tag("slow")
    fun anExtendedSweepRunsOnlyItsNewPoints() = Scripts.tempScript("sweep-cache") { sweep ->
        sweep.write(script(sweep.name, "32, 64"))
        val first = sweep.run()
        assertEquals(Cli.OK, first.code, first.err)
        assertTrue(first.err.contains("8 points: 0 cached, 8 to run"), first.err)
        val csv = Files.readAllLines(sweep.report("sweep.csv"))
        assertEquals(9, csv.size, "a header and one row per point")

        val again = sweep.run()
        assertTrue(again.err.contains("8 points: 8 cached, 0 to run"), again.err)
        assertEquals(csv, Files.readAllLines(sweep.report("sweep.csv")), "cached points give the same table")

        sweep.write(script(sweep.name, "32, 64, 128"))
        val extended = sweep.run()
        assertTrue(extended.err.contains("12 points: 8 cached, 4 to run"), extended.err)

        sweep.write("// a comment changes no point\n\n" + script(sweep.name, "32, 64, 128"))
        val commented = sweep.run()
        assertTrue(commented.err.contains("12 points: 12 cached, 0 to run"), commented.err)
    }
}
