package netlens.dsl

import kotlin.script.experimental.annotations.KotlinScript
import kotlin.script.experimental.api.ScriptAcceptedLocation
import kotlin.script.experimental.api.ScriptCompilationConfiguration
import kotlin.script.experimental.api.acceptedLocations
import kotlin.script.experimental.api.defaultImports
import kotlin.script.experimental.api.ide
import kotlin.script.experimental.jvm.dependenciesFromClassContext
import kotlin.script.experimental.jvm.jvm

/**
 * The base class of every `*.exp.kts` script: its body runs as this class's constructor, and each
 * `experiment(...) { }` call records one declared experiment.
 */
@KotlinScript(
    displayName = "netlens experiment",
    fileExtension = "exp.kts",
    compilationConfiguration = ExperimentScriptConfiguration::class,
)
abstract class ExperimentScript {
    internal val declared = mutableListOf<ExperimentPlan>()

    /**
     * Declares an experiment; the name becomes the report folder. With `variants { }` inside, each
     * variant is the block run again on a fresh builder, then changed as the variant says.
     */
    fun experiment(name: String, block: ExperimentBuilder.() -> Unit) {
        val base = ExperimentBuilder(name).apply(block)
        val variants = base.variants ?: base.sweep
        if (variants == null) {
            declared += base.build()
            return
        }
        for (v in variants.expand()) {
            val b = ExperimentBuilder(name, forVariant = true).apply(block)
            for (change in v.changes) b.change()
            declared += b.build().copy(variant = v.label, axes = v.axes, sweep = base.sweep != null)
        }
    }
}

object ExperimentScriptConfiguration : ScriptCompilationConfiguration({
    // The DSL, and for a script's own probes and figures Multik's arrays and Lets-Plot's grammar.
    defaultImports("netlens.dsl.*", "org.jetbrains.kotlinx.multik.api.*", "org.jetbrains.kotlinx.multik.api.linalg.*",
        "org.jetbrains.kotlinx.multik.api.math.*", "org.jetbrains.kotlinx.multik.api.stat.*", "org.jetbrains.kotlinx.multik.ndarray.data.*",
        "org.jetbrains.kotlinx.multik.ndarray.operations.*", "org.jetbrains.letsPlot.*", "org.jetbrains.letsPlot.geom.*",
        "org.jetbrains.letsPlot.scale.*", "org.jetbrains.letsPlot.label.*", "org.jetbrains.letsPlot.facet.*", "org.jetbrains.letsPlot.themes.*")
    jvm { dependenciesFromClassContext(ExperimentScript::class, wholeClasspath = true) }
    ide { acceptedLocations(ScriptAcceptedLocation.Everywhere) }
}) {
    private fun readResolve(): Any = ExperimentScriptConfiguration
}
