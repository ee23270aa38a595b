package netlens.dsl

import java.nio.file.Files
import kotlin.test.assertEquals
import kotlin.test.assertTrue
import org.junit.jupiter.api.Tag
import org.junit.jupiter.api.Test

class KernelStudyTest {
    /** A kernel study sweep: NC1 of every kernel and of the network per point, and the report's comparisons. */
    @Test
    @Tag("slow")
    fun aKernelSweepReportsEveryKernelsNc1AndComparesThem() = Scripts.tempScript("kernel-study") { sweep ->
        sweep.write("""
            experiment("${sweep.name}") {
                data = gaussianClasses(d = 4, separation = 2.0, trainPerClass = listOf(20, 40), testPerClass = 10)
                model = mlp(hidden = listOf(32), activation = relu)
                train { optimizer = adam(lr = 1e-2); batchSize = 20; maxEpochs = 30 }
                kernelCollapse(nngpKernel(relu), ntkKernel(relu), nngpKernel(erf), ntkKernel(erf), adaptiveKernel(hidden = 20))
                sweep { dimension(2, 4); separation(2.0) }
            }
        """.trimIndent())
        val run = sweep.run()
        assertEquals(Cli.OK, run.code, run.err)
        val csv = Files.readAllLines(sweep.report("sweep.csv"))
        val header = csv.first().split(",")
        for (k in listOf("nngp_relu", "ntk_relu", "nngp_erf", "ntk_erf", "adaptive_erf_h20", "network_features", "network_ntk"))
            assertTrue("nc1_$k" in header, "column nc1_$k in $header")
        assertEquals(3, csv.size)
        for (row in csv.drop(1)) assertTrue(row.split(",").takeLast(7).all { it.toDouble() > 0 }, row)
        val html = Files.readString(sweep.report("index.html"))
        assertTrue(Regex("""Paper: the NTK is not more collapsed than the NNGP \(relu\)\. Here: under Tr Σ_W / Tr Σ_B it holds at \d of 2 points""")
            .containsMatchIn(html), "the paper's claim, counted over both points")
        assertTrue(html.contains("id=\"kernel-nc1\""))
    }

    /** A single run lists each kernel's NC1 in its report and metrics.csv. */
    @Test
    @Tag("slow")
    fun aSingleRunReportsItsKernelsNc1() = Scripts.tempScript("kernel-run") { run ->
        run.write("""
            experiment("${run.name}") {
                data = gaussianClasses(d = 3, separation = 3.0, trainPerClass = listOf(15, 30), testPerClass = 10)
                model = mlp(hidden = listOf(16), activation = tanh)
                train { optimizer = adam(lr = 1e-2); batchSize = 15; maxEpochs = 5 }
                kernelCollapse(nngpKernel(tanh, depth = 2), ntkKernel(erf, sigmaB = 0.5))
            }
        """.trimIndent())
        val result = run.run()
        assertEquals(Cli.OK, result.code, result.err)
        val metrics = Files.readAllLines(run.report("metrics.csv"))
        for (k in listOf("nngp_tanh_depth2", "ntk_erf", "network_features", "network_ntk"))
            assertTrue(metrics.any { it.startsWith("5,$k,nc1,") }, "metrics row for $k")
        val html = Files.readString(run.report("index.html"))
        assertTrue(html.contains("id=\"kernels\"") && html.contains("nngp_tanh_depth2"), "kernel table")
    }
}
