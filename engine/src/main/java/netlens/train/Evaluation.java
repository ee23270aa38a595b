package netlens.train;

/** Mean loss and accuracy of a network on a dataset, with its predicted classes. */
public record Evaluation(double loss, double accuracy, int[] predictions) {
    public static final Evaluation EMPTY = new Evaluation(Double.NaN, Double.NaN, new int[0]);
}
