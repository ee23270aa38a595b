package netlens.plots

import netlens.data.SpiralSpec
import netlens.linalg.Backend
import netlens.linalg.Gemm
import netlens.linalg.Workers
import netlens.nn.Activation
import netlens.nn.Init
import netlens.observables.Collapse
import netlens.observables.Embeddings
import netlens.observables.PrincipalComponents
import netlens.observe.ProbeSchedule
import netlens.probe.Projection
import netlens.run.Experiment
import netlens.run.ModelSpec
import netlens.run.Results
import netlens.run.Runner
import netlens.train.Loss
import netlens.train.OptimizerSpec
import netlens.train.TrainConfig

/** A real, small run (3 spirals, a few epochs) to draw reports from. */
object Fixtures {
    val results: Results by lazy { run("spirals") }

    fun run(name: String): Results {
        val e = Experiment(
            name, 1, SpiralSpec(3, 40, 10, Double.NaN, 0.05, true),
            ModelSpec(intArrayOf(12, 2), Activation.TANH, true, Init.PYTORCH),
            TrainConfig(Loss.CROSS_ENTROPY, OptimizerSpec.Adam(0.01, 0.9, 0.999, 1e-8, 0.0, false), 20, 6, null, 0),
            ProbeSchedule.every(2, 1000), listOf(PrincipalComponents(), Embeddings(Projection.Pca()), Collapse()),
        )
        return Workers(2).use { w -> Runner(Gemm(Backend.blas(), w), null).run(e, object : Runner.Listener {}) }
    }

    val provenance = Provenance(
        scriptPath = "scripts/<test>.exp.kts", scriptText = "experiment(\"x\") { /* <b>not bold</b> & 'quoted' */ }",
        scriptSha256 = "0".repeat(64), gitCommit = null, gitDirty = false, commandLine = listOf("./run"),
        netlensVersion = "test", startedAt = "2026-01-01T00:00:00Z",
    )
}
