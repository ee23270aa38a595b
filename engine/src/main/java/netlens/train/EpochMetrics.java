package netlens.train;

/**
 * Losses and accuracies after an epoch (epoch 0 is the initial network). Test values are NaN when
 * there is no test set. Seconds count the epoch's training steps only, not evaluation.
 *
 * @param minMargin smallest training margin y·O of a binary margin task (NaN otherwise)
 * @param time      gradient-flow time Σ dt so far (NaN for other optimisers)
 */
public record EpochMetrics(int epoch, double trainLoss, double trainAccuracy, double testLoss, double testAccuracy,
                           double seconds, boolean terminalPhase, double minMargin, double time) {}
