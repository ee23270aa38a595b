package netlens.train;

/**
 * How to train: loss, optimiser, batch size (0 = full batch), an epoch budget (0: measure the network
 * as it is, for one loaded from a file), an optional target
 * after which training goes on for {@code extraEpochs} more ("terminal phase") and stops, and how
 * often to evaluate on the train and test sets (every epoch by default; a full-batch gradient flow
 * takes many cheap steps, each one an "epoch"), and the learning rate's schedule.
 */
public record TrainConfig(Loss loss, OptimizerSpec optimizer, int batchSize, int maxEpochs, StopRule until, int extraEpochs,
                          int evaluateEvery, LearningRate learningRate) {
    public TrainConfig {
        if (batchSize < 0) throw new IllegalArgumentException("batchSize must be >= 1 (or 0 for full batch), got " + batchSize);
        if (maxEpochs < 0) throw new IllegalArgumentException("maxEpochs must be >= 0, got " + maxEpochs);
        if (extraEpochs < 0) throw new IllegalArgumentException("extraEpochs must be >= 0, got " + extraEpochs);
        if (extraEpochs > 0 && until == null) throw new IllegalArgumentException("extraEpochs needs an until { … } target to count from");
        if (evaluateEvery < 1) throw new IllegalArgumentException("evaluateEvery must be >= 1, got " + evaluateEvery);
        if (optimizer instanceof OptimizerSpec.GradientFlow && batchSize != 0)
            throw new IllegalArgumentException("gradientFlow() needs full-batch training (fullBatch())");
        if (optimizer instanceof OptimizerSpec.GradientFlow g && Double.isFinite(g.linearisedFrom())
                && !(loss instanceof Loss.SoftHinge || loss instanceof Loss.QuadraticHinge))
            throw new IllegalArgumentException("the linearised flow (linearisedFrom) needs softHinge or quadraticHinge, whose derivative is continuous, not "
                    + loss.key());
        if (optimizer instanceof OptimizerSpec.GradientFlow && !(learningRate instanceof LearningRate.Constant))
            throw new IllegalArgumentException("gradientFlow() chooses its own steps: a learning-rate decay does not apply");
    }

    public TrainConfig(Loss loss, OptimizerSpec optimizer, int batchSize, int maxEpochs, StopRule until, int extraEpochs) {
        this(loss, optimizer, batchSize, maxEpochs, until, extraEpochs, 1, new LearningRate.Constant());
    }
}
