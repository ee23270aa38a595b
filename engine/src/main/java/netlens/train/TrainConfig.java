package netlens.train;

/**
 * How to train: loss, optimiser, batch size (0 = full batch), an epoch budget, and an optional
 * target after which training goes on for {@code extraEpochs} more ("terminal phase") and stops.
 */
public record TrainConfig(Loss loss, OptimizerSpec optimizer, int batchSize, int maxEpochs, StopRule until, int extraEpochs) {
    public TrainConfig {
        if (batchSize < 0) throw new IllegalArgumentException("batchSize must be >= 1 (or 0 for full batch), got " + batchSize);
        if (maxEpochs < 1) throw new IllegalArgumentException("maxEpochs must be >= 1, got " + maxEpochs);
        if (extraEpochs < 0) throw new IllegalArgumentException("extraEpochs must be >= 0, got " + extraEpochs);
        if (extraEpochs > 0 && until == null) throw new IllegalArgumentException("extraEpochs needs an until { … } target to count from");
    }
}
