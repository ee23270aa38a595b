package netlens.probe;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one probe saw at one layer. Fields a probe did not ask for are null (objects) or NaN.
 *
 * @param coords        n×2 embedding coordinates, row-major (NaN for points a projection leaves out)
 * @param explained     share of variance along the two principal axes
 * @param spectrum      the largest PCA eigenvalues as fractions of the total variance
 * @param meanCoords    K×2 projected class means (penultimate layer, PCA only)
 * @param etfCoords     K×2 projected nearest simplex-ETF vertices (penultimate layer, PCA only)
 * @param nccTestAccuracy nearest-class-centre accuracy on test samples, centres from the training samples
 * @param separation    He–Su D_l = Tr(Σ_W Σ_B⁺)
 * @param raw           n×2 activations themselves, for 2-unit layers (null otherwise)
 * @param angles        per-class directions of the raw activations, for 2-unit layers
 */
public record LayerProbe(int layer, String name, int width, float[] coords, double[] explained, double effectiveRank,
                         double entropyRank, double[] spectrum, CollapseMetrics collapse, double nccTestAccuracy,
                         double separation, double[] meanCoords, double[] etfCoords, TwoNn.Estimate intrinsicDimension,
                         double linearProbeTrain, double linearProbeTest, double weightMovement, float[] raw, AngleStats angles) {

    /** The layer's scalar measures by name, in a stable order, for metrics.csv. */
    public Map<String, Double> metrics() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("pca_explained_1", explained[0]);
        m.put("pca_explained_2", explained[1]);
        m.put("effective_rank", effectiveRank);
        m.put("effective_rank_entropy", entropyRank);
        if (collapse != null) {
            m.put("nc1", collapse.nc1());
            m.put("nc1_quotient", collapse.nc1Quotient());
            m.put("cdnv", collapse.cdnv());
            m.put("nc2_equinorm", collapse.equinorm());
            m.put("nc2_equiangularity", collapse.equiangularity());
            m.put("nc2_etf_error", collapse.etfError());
            m.put("nc2_orthogonal_frame_error", collapse.orthogonalFrameError());
            if (!Double.isNaN(collapse.nc3())) {
                m.put("nc2_weight_equinorm", collapse.weightEquinorm());
                m.put("nc3", collapse.nc3());
            }
            if (!Double.isNaN(collapse.nc4())) m.put("nc4", collapse.nc4());
            m.put("ncc_accuracy", collapse.nccAccuracy());
            if (!Double.isNaN(nccTestAccuracy)) m.put("ncc_test_accuracy", nccTestAccuracy);
            m.put("separation_d", separation);
        }
        if (intrinsicDimension != null) {
            m.put("id_twonn", intrinsicDimension.fit());
            m.put("id_twonn_error", intrinsicDimension.fitError());
            m.put("id_mle", intrinsicDimension.mle());
            m.put("id_mle_error", intrinsicDimension.mleError());
            m.put("id_points_dropped", (double) intrinsicDimension.dropped());
        }
        if (!Double.isNaN(linearProbeTrain)) {
            m.put("linear_probe_accuracy", linearProbeTrain);
            if (!Double.isNaN(linearProbeTest)) m.put("linear_probe_test_accuracy", linearProbeTest);
        }
        if (!Double.isNaN(weightMovement)) m.put("weight_movement", weightMovement);
        if (angles != null)
            for (int c = 0; c < angles.mean().length; c++) {
                m.put("angle_mean_class_" + c, angles.mean()[c]);
                m.put("angle_std_class_" + c, angles.std()[c]);
            }
        return m;
    }
}
