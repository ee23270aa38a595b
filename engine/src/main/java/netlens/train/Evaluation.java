package netlens.train;

/** Mean loss and accuracy of a network on a dataset, its predicted classes, and (binary margin tasks) the smallest margin. */
public record Evaluation(double loss, double accuracy, int[] predictions, double minMargin) {
    public static final Evaluation EMPTY = new Evaluation(Double.NaN, Double.NaN, new int[0], Double.NaN);
}
