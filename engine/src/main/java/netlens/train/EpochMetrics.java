package netlens.train;

/**
 * Losses and accuracies after an epoch (epoch 0 is the initial network). Test values are NaN when
 * there is no test set. Seconds count the epoch's training steps only, not evaluation.
 */
public record EpochMetrics(int epoch, double trainLoss, double trainAccuracy, double testLoss, double testAccuracy,
                           double seconds, boolean terminalPhase) {}
