package netlens.plots

import java.nio.file.Files
import java.nio.file.Path
import netlens.run.Results
import netlens.train.OptimizerSpec

/**
 * run.json, the one provenance record of every report: where it came from (script, git, command,
 * versions, machine), then what the page holds (a run, variants, sweep points or a comparison).
 */
internal object RunJson {
    fun write(dir: Path, p: Provenance, content: Map<String, Any?>) {
        Files.writeString(dir.resolve("run.json"), Json.write(header(p) + content) + "\n")
    }

    private fun header(p: Provenance): Map<String, Any?> {
        val built = java.util.Properties()
        RunJson::class.java.getResourceAsStream("/netlens/plots-versions.properties")?.use { built.load(it) }
        return linkedMapOf(
            "script" to if (p.scriptPath.isEmpty()) null else linkedMapOf("path" to p.scriptPath, "sha256" to p.scriptSha256, "text" to p.scriptText),
            "git" to p.gitCommit?.let { linkedMapOf("commit" to it, "dirty" to p.gitDirty) },
            "command" to p.commandLine,
            "netlens_version" to p.netlensVersion,
            "started_at" to p.startedAt,
            "versions" to linkedMapOf(
                "netlens" to p.netlensVersion,
                "java" to "${System.getProperty("java.vendor")} ${System.getProperty("java.version")}",
                "kotlin" to built.getProperty("kotlin"),
                "lets-plot" to built.getProperty("lets-plot"),
                "lets-plot-kotlin" to built.getProperty("lets-plot-kotlin"),
            ),
            "environment" to linkedMapOf(
                "java" to System.getProperty("java.version"),
                "os" to "${System.getProperty("os.name")} ${System.getProperty("os.arch")}",
                "cores" to Runtime.getRuntime().availableProcessors(),
            ),
        )
    }

    /** What one run was and did. */
    fun run(r: Results, arrays: Map<String, Any?>, saved: List<String>, extra: Map<String, Any?>): Map<String, Any?> {
        val e = r.experiment()
        val t = e.train()
        val optimizer = when (val o = t.optimizer()) {
            is OptimizerSpec.Sgd -> mapOf("name" to "sgd", "lr" to o.lr(), "momentum" to o.momentum(), "nesterov" to o.nesterov(), "weight_decay" to o.weightDecay())
            is OptimizerSpec.Adam -> mapOf("name" to if (o.decoupled()) "adamw" else "adam", "lr" to o.lr(), "beta1" to o.beta1(),
                "beta2" to o.beta2(), "eps" to o.eps(), "weight_decay" to o.weightDecay())
            is OptimizerSpec.GradientFlow -> mapOf("name" to "gradientFlow", "dt" to o.lr(), "grow" to o.grow(), "shrink" to o.shrink(),
                "max_dgrad" to o.maxDgrad(), "max_dout" to o.maxDout(), "max_dt" to o.maxDt())
        }
        val d = r.data()
        return linkedMapOf(
            "experiment" to e.name(),
            "status" to r.outcome().status().name.lowercase(),
            "outcome" to r.outcome().message(),
            "target_epoch" to r.outcome().targetEpoch().takeIf { it >= 0 },
            "epochs_run" to r.last().epoch(),
            "seed" to e.seed(),
            "data" to linkedMapOf(
                "description" to d.description(),
                "classes" to d.classNames(),
                "train_size" to d.trainSize(),
                "test_size" to d.testSize(),
                "files" to d.files().map { linkedMapOf("name" to it.name(), "path" to it.path(), "bytes" to it.bytes(), "sha256" to it.sha256()) },
            ),
            "network" to linkedMapOf(
                "widths" to r.network().widths().toList(),
                "activation" to r.network().activation().key(),
                "bias" to r.network().bias(),
                "init" to r.network().init().key(),
                "parameterisation" to r.network().parameterisation().key(),
                "alpha" to r.network().alpha().takeIf { !it.isNaN() },
                "parameters" to r.parameters(),
                "loaded_from" to e.model().pretrained()?.let {
                    linkedMapOf("path" to it.path(), "sha256" to it.sha256(), "activation" to it.activation().key(), "metadata" to it.metadata())
                },
                "saved_as" to saved.ifEmpty { null },
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
            "probe" to e.probes()?.let {
                linkedMapOf("every" to it.every(), "at" to it.at()?.toList(), "max_samples" to it.samples(), "samples" to r.probeLabels().size,
                    "layers" to r.layers().map { l -> l.name() }, "epochs" to r.probes().map { p -> p.epoch() })
            },
            "observables" to e.observables().map { it.identity() },
            "arrays" to arrays.ifEmpty { null },
            "labels" to if (r.probes().isEmpty()) null else "labels.npy",
            "machine" to linkedMapOf("threads" to r.machine().threads(), "linear_algebra" to r.machine().backend()),
            "timings_seconds" to linkedMapOf(
                "load_data" to r.timings().loadSeconds(),
                "train" to r.timings().trainSeconds(),
                "probe" to r.timings().probeSeconds(),
                "per_epoch" to r.history().drop(1).map { it.seconds() },
            ),
        ) + extra
    }
}
