package netlens.train;

/** A condition on an epoch's metrics, such as "train accuracy reached 100 %". */
@FunctionalInterface
public interface StopRule {
    boolean reached(EpochMetrics metrics);
}
