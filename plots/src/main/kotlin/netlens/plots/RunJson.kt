package netlens.plots

import netlens.run.Results
import netlens.train.OptimizerSpec

/** run.json: everything needed to know what ran and to run it again. */
internal object RunJson {
    private fun versions(p: Provenance): Map<String, String?> {
        val built = java.util.Properties()
        RunJson::class.java.getResourceAsStream("/netlens/plots-versions.properties")?.use { built.load(it) }
        return linkedMapOf(
            "netlens" to p.netlensVersion,
            "java" to "${System.getProperty("java.vendor")} ${System.getProperty("java.version")}",
            "kotlin" to built.getProperty("kotlin"),
            "lets-plot" to built.getProperty("lets-plot"),
            "lets-plot-kotlin" to built.getProperty("lets-plot-kotlin"),
        )
    }

    fun of(r: Results, p: Provenance, extra: Map<String, Any?>, embeddings: Map<String, Any?>?): Map<String, Any?> {
        val e = r.experiment()
        val t = e.train()
        val optimizer = when (val o = t.optimizer()) {
            is OptimizerSpec.Sgd -> mapOf("name" to "sgd", "lr" to o.lr(), "momentum" to o.momentum(), "nesterov" to o.nesterov(), "weight_decay" to o.weightDecay())
            is OptimizerSpec.Adam -> mapOf("name" to if (o.decoupled()) "adamw" else "adam", "lr" to o.lr(), "beta1" to o.beta1(),
                "beta2" to o.beta2(), "eps" to o.eps(), "weight_decay" to o.weightDecay())
            is OptimizerSpec.GradientFlow -> mapOf("name" to "gradientFlow", "dt" to o.lr(), "grow" to o.grow(), "shrink" to o.shrink(), "max_dgrad" to o.maxDgrad(), "max_dout" to o.maxDout(), "max_dt" to o.maxDt())
        }
        return linkedMapOf(
            "experiment" to e.name(),
            "status" to r.outcome().status().name.lowercase(),
            "outcome" to r.outcome().message(),
            "target_epoch" to r.outcome().targetEpoch().takeIf { it >= 0 },
            "epochs_run" to r.history().last().epoch(),
            "seed" to e.seed(),
            "script" to linkedMapOf("path" to p.scriptPath, "sha256" to p.scriptSha256, "text" to p.scriptText),
            "git" to p.gitCommit?.let { linkedMapOf("commit" to it, "dirty" to p.gitDirty) },
            "command" to p.commandLine,
            "netlens_version" to p.netlensVersion,
            "started_at" to p.startedAt,
            "data" to linkedMapOf(
                "description" to r.dataDescription(),
                "classes" to r.classNames(),
                "train_size" to r.trainSize(),
                "test_size" to r.testSize(),
                "files" to r.dataFiles().map { linkedMapOf("name" to it.name(), "path" to it.path(), "bytes" to it.bytes(), "sha256" to it.sha256()) },
            ),
            "network" to linkedMapOf(
                "widths" to r.network().widths().toList(),
                "activation" to r.network().activation().key(),
                "bias" to r.network().bias(),
                "init" to r.network().init().key(),
                "parameterisation" to r.network().parameterisation().key(),
                "alpha" to r.network().alpha().takeIf { !it.isNaN() },
                "parameters" to r.parameters(),
            ),
            "training" to linkedMapOf(
                "loss" to t.loss().key(),
                "optimizer" to optimizer,
                "batch_size" to if (t.batchSize() == 0) "full" else t.batchSize(),
                "max_epochs" to t.maxEpochs(),
                "until" to (t.until() != null),
                "extra_epochs" to t.extraEpochs(),
                "evaluate_every" to t.evaluateEvery(),
            ),
            "probe" to e.probe()?.let { linkedMapOf("every" to it.every(), "max_samples" to it.maxSamples(), "samples" to r.probeLabels().size,
                "embeddings" to it.embeddings(), "neural_collapse" to it.collapse(), "epochs" to r.probes().map { p -> p.epoch() }) },
            "embeddings" to embeddings,
            "versions" to versions(p),
            "environment" to linkedMapOf(
                "java" to System.getProperty("java.version"),
                "os" to "${System.getProperty("os.name")} ${System.getProperty("os.arch")}",
                "cores" to Runtime.getRuntime().availableProcessors(),
                "threads" to r.threads(),
                "linear_algebra" to r.backend(),
            ),
            "timings_seconds" to linkedMapOf(
                "load_data" to r.timings().loadSeconds(),
                "train" to r.timings().trainSeconds(),
                "probe" to r.timings().probeSeconds(),
                "per_epoch" to r.history().drop(1).map { it.seconds() },
            ),
        ).apply { putAll(extra) }
    }
}
