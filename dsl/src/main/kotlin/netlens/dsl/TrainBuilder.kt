package netlens.dsl

import netlens.train.EpochMetrics
import netlens.train.LearningRate
import netlens.train.Loss
import netlens.train.OptimizerSpec
import netlens.train.StopRule
import netlens.train.TrainConfig

/** What an until { } condition can look at after each epoch. */
data class EpochState(
    val epoch: Int,
    val trainLoss: Double,
    val trainAccuracy: Double,
    val testLoss: Double,
    val testAccuracy: Double,
    /** The smallest training margin y·f of a binary margin task (NaN otherwise). */
    val minMargin: Double,
)

@NetlensDsl
class TrainBuilder internal constructor() {
    var optimizer: OptimizerSpec = sgd(lr = 0.01, momentum = 0.9)
    var loss: Loss = crossEntropy

    /** Samples per step; setting it after [fullBatch] (in a variant, say) goes back to mini-batches. */
    var batchSize: Int = 128
        set(value) {
            requireValue(value >= 1) { "batchSize must be >= 1, got $value (use fullBatch() for full-batch training)" }
            field = value
            full = false
        }

    /** Upper bound on epochs, whatever [until] says; 0 probes the network as it is (one loaded from a file). */
    var maxEpochs: Int = 100
        set(value) {
            requireValue(value >= 0) { "maxEpochs must be >= 0, got $value" }
            field = value
        }

    /** Epochs to keep training after [until] first holds (the terminal phase of training). */
    var extraEpochs: Int = 0
        set(value) {
            requireValue(value >= 0) { "extraEpochs must be >= 0, got $value" }
            field = value
        }

    /** Evaluate on the train and test sets every this many epochs (steps of a full-batch gradient flow). */
    var evaluateEvery: Int = 1
        set(value) {
            requireValue(value >= 1) { "evaluateEvery must be >= 1, got $value" }
            field = value
        }

    private var rule: (EpochState.() -> Boolean)? = null
    private var full = false
    private var lrSchedule: LearningRate = LearningRate.Constant()

    /** Stop (after [extraEpochs] more) once this holds after an epoch, e.g. `until { trainAccuracy >= 1.0 }`. */
    fun until(condition: EpochState.() -> Boolean) {
        rule = condition
    }

    /** Every step sees the whole training set, until a later `batchSize = …`. */
    fun fullBatch() {
        full = true
    }

    /**
     * Multiplies the learning rate by [by] after each epoch in [atEpochs] (PyTorch's MultiStepLR),
     * as Papyan et al. 2020 train their collapse networks: `decayLearningRate(by = 0.1, atEpochs = listOf(117, 233))`.
     */
    fun decayLearningRate(by: Number, atEpochs: List<Int>) {
        val factor = by.toDouble()
        requireValue(factor > 0 && factor < 1) { "decayLearningRate(by = $by): the factor must be in (0, 1)" }
        requireValue(atEpochs.isNotEmpty() && atEpochs.all { it >= 1 }) { "decayLearningRate(atEpochs = $atEpochs): give epochs >= 1" }
        lrSchedule = LearningRate.StepDecay(factor, atEpochs.toIntArray())
    }

    /**
     * The protocol of the feature/lazy studies (and of Geiger's feature_lazy code): the soft hinge
     * with β = 20, full-batch gradient flow until every margin reaches 1 or [maxSteps] steps pass,
     * evaluated every [maxSteps]/15 steps. Variants with α ≥ [linearisedFrom] (the lazy regime) train
     * the network's linearisation instead, feature_lazy's "init kernel" dynamics, evaluated at every
     * one of its implicit steps.
     */
    fun flowToMargins(maxSteps: Int, beta: Double = 20.0, linearisedFrom: Number = Double.POSITIVE_INFINITY) {
        requireValue(maxSteps >= 1) { "flowToMargins(maxSteps = $maxSteps): must be >= 1" }
        loss = softHinge(beta)
        optimizer = gradientFlow(linearisedFrom = linearisedFrom)
        fullBatch()
        maxEpochs = maxSteps
        evaluateEvery = maxOf(1, maxSteps / 15)
    }

    internal fun build(): TrainConfig {
        val r = rule
        val stop = r?.let { cond ->
            StopRule { m: EpochMetrics ->
                UserCode.run("until { }") { EpochState(m.epoch(), m.trainLoss(), m.trainAccuracy(), m.testLoss(), m.testAccuracy(), m.minMargin()).cond() }
            }
        }
        requireValue(extraEpochs == 0 || stop != null) { "extraEpochs = $extraEpochs needs an until { … } condition to count from" }
        requireValue(optimizer !is OptimizerSpec.GradientFlow || full) { "gradientFlow() needs fullBatch() in train { }" }
        requireValue(optimizer !is OptimizerSpec.GradientFlow || lrSchedule is LearningRate.Constant) { "gradientFlow() chooses its own steps: decayLearningRate does not apply" }
        return TrainConfig(loss, optimizer, if (full) 0 else batchSize, maxEpochs, stop, extraEpochs, evaluateEvery, lrSchedule)
    }
}
