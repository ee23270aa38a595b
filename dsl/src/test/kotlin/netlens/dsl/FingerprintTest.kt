package netlens.dsl

import java.lang.reflect.RecordComponent
import kotlin.reflect.KVisibility
import kotlin.reflect.full.declaredMemberFunctions
import kotlin.reflect.full.instanceParameter
import kotlin.test.assertEquals
import kotlin.test.assertNotEquals
import kotlin.test.assertTrue
import netlens.data.SpiralSpec
import netlens.kernel.Baseline
import netlens.observables.Custom
import netlens.observables.KernelBaselines
import netlens.observe.Measurement
import netlens.observe.Observable
import netlens.observe.ProbeSchedule
import netlens.run.Experiment
import netlens.run.Fingerprint
import netlens.run.ModelSpec
import netlens.train.LearningRate
import netlens.train.Loss
import netlens.train.OptimizerSpec
import netlens.train.TrainConfig
import netlens.nn.Activation
import netlens.nn.Init
import org.junit.jupiter.api.Test

/**
 * A point's cache key covers every parameter of every observable and of the experiment, with no
 * list kept by hand: each probe the DSL offers is built with its defaults, then every component of
 * every record (the experiment's, its data's, network's, training's, schedule's, each observable's,
 * and the records inside them) is changed in turn, and the key must change.
 */
class FingerprintTest {
    /** Every observable a script can ask for: each probe { } call with its defaults, and the after-training ones. */
    private fun catalogue(): List<Observable> {
        val probes = ProbeBuilder(1, 100, null)
        for (f in ProbeBuilder::class.declaredMemberFunctions) {
            if (f.visibility != KVisibility.PUBLIC) continue
            val required = f.parameters.filter { it != f.instanceParameter && !it.isOptional }
            if (required.isEmpty()) f.callBy(mapOf(f.instanceParameter!! to probes))
        }
        probes.custom("spread") { 1.0 }
        val observables = probes.build(2).second
        val kernels = listOf(nngpKernel(relu), ntkKernel(erf, depth = 2, sigmaB = 0.5), adaptiveKernel(hidden = 20)).map { it.kernel }
        return observables + KernelBaselines(Baseline.values().toList()) + netlens.observables.KernelNc1(kernels)
    }

    private fun experiment(observables: List<Observable>, schedule: ProbeSchedule = ProbeSchedule.every(5, 1000)) = Experiment(
        "fingerprint", 1, SpiralSpec(3, 40, 10, Double.NaN, 0.1, true), ModelSpec(intArrayOf(8, 2), Activation.TANH, true, Init.PYTORCH),
        TrainConfig(Loss.CROSS_ENTROPY, OptimizerSpec.Sgd(0.1, 0.9, false, 0.0), 16, 10, null, 0, 1, LearningRate.StepDecay(0.1, intArrayOf(4))),
        schedule, observables)

    private fun key(e: Experiment) = Fingerprint.key(e, "script", "build")

    @Test
    fun changingAnyParameterOfAnyObservableChangesTheKey() {
        val all = catalogue()
        assertTrue(all.size >= 15, "the catalogue has every probe: ${all.map { it.key() }}")
        val base = key(experiment(all))
        var changed = 0
        for ((i, o) in all.withIndex()) {
            for (variant in variants(o)) {
                val other = all.toMutableList().also { it[i] = variant }
                assertNotEquals(base, key(experiment(other)), "${o.identity()} → ${variant.identity()} must change the key")
                changed++
            }
        }
        assertTrue(changed >= 20, "parameters changed: $changed")
        // Records inside records: a UMAP projection's own parameters.
        val umap = netlens.observables.Embeddings(netlens.probe.Projection.Umap(100, 10, 0.1))
        for (variant in variants(umap)) assertNotEquals(key(experiment(listOf(umap))), key(experiment(listOf(variant))), variant.identity())
        assertEquals(4, variants(umap).size, "samples, neighbours, minDist, and another projection")
    }

    /** The same walk over the experiment record itself: data, network, training and schedule settings. */
    @Test
    fun changingAnySettingOfTheExperimentChangesTheKey() {
        val base = experiment(listOf(netlens.observables.PrincipalComponents()))
        val variants = changes(base).map { it as Experiment }
        val settings = variants.map { v -> Fingerprint.of(v) }
        assertTrue(variants.size >= 20, "settings changed: ${variants.size}")
        for ((v, text) in variants.zip(settings)) assertNotEquals(key(base), key(v), text)
    }

    @Test
    fun theKeyIsTheSameForEqualPlansAndNamesNoObjectIdentity() {
        assertEquals(key(experiment(catalogue())), key(experiment(catalogue())), "built twice, the same key")
        for (o in catalogue()) assertTrue(!Regex("""@[0-9a-f]{4,}|[$]{2}Lambda""").containsMatchIn(o.identity()), o.identity())
    }

    @Test
    fun theScheduleAndAScriptProbesSourceArePartOfTheKey() {
        val all = catalogue()
        assertNotEquals(key(experiment(all)), key(experiment(all, ProbeSchedule.every(6, 1000))))
        assertNotEquals(key(experiment(all)), key(experiment(all, ProbeSchedule(5, null, 1000, intArrayOf(0, 2)))))
        val a = Custom("m", "custom(\"m\") { 1.0 }") { _, _ -> Measurement.Scalar(1.0) }
        val b = Custom("m", "custom(\"m\") { 2.0 }") { _, _ -> Measurement.Scalar(1.0) }
        assertNotEquals(key(experiment(listOf(a))), key(experiment(listOf(b))), "edited code, another key")
    }

    /** One copy of an observable per parameter, with that parameter changed (recursively into records it holds). */
    private fun variants(o: Observable): List<Observable> =
        if (o is Custom) listOf(Custom(o.name() + "x", o.source(), o.measure()), Custom(o.name(), o.source() + " ", o.measure()))
        else changes(o).map { it as Observable }

    private fun changes(value: Any): List<Any> {
        val type = value.javaClass
        if (!type.isRecord) return listOfNotNull(changed(value))
        val components: Array<RecordComponent> = type.recordComponents
        val constructor = type.getDeclaredConstructor(*components.map { it.type }.toTypedArray())
        constructor.isAccessible = true
        val args = components.map { it.accessor.also { a -> a.isAccessible = true }.invoke(value) }
        return components.indices.flatMap { c ->
            val arg = args[c]
            val alternatives = when {
                arg is List<*> -> listOfNotNull(changed(arg)) + arg.indices.flatMap { i ->
                    changes(arg[i]!!).map { e -> arg.toMutableList().also { it[i] = e } }
                }
                arg != null && arg.javaClass.isRecord && arg.javaClass.recordComponents.isNotEmpty() -> changes(arg) + listOfNotNull(changed(arg))
                else -> listOfNotNull(changed(arg))
            }
            // A change the record's own checks refuse (extraEpochs without an until { }, say) is not a configuration.
            alternatives.mapNotNull { alt -> runCatching { constructor.newInstance(*args.toMutableList().also { it[c] = alt }.toTypedArray()) }.getOrNull() }
        }
    }

    /** Another valid value of the same kind. */
    private fun changed(v: Any?): Any? = when (v) {
        is Int -> v + 1
        is Long -> v + 1
        is IntArray -> if (v.isEmpty()) null else v.copyOf().also { it[0] += 1 }
        is Double -> if (v.isNaN()) 1.0 else v * 1.5 + 0.25
        is Boolean -> !v
        is String -> v + "x"
        is Enum<*> -> v.declaringJavaClass.enumConstants.let { it[(v.ordinal + 1) % it.size] }
        is List<*> -> if (v.size > 1) v.dropLast(1) else null
        is netlens.probe.Projection.Umap -> netlens.probe.Projection.Pca()
        is netlens.probe.Projection.Pca -> netlens.probe.Projection.Random()
        else -> null
    }
}
