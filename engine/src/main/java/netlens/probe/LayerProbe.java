package netlens.probe;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one probe saw at one layer: the 2-D PCA coordinates of every probed sample, the explained
 * variance of each axis, and the collapse measures. For the penultimate layer the projected class
 * means and nearest simplex-ETF vertices are kept for the figure.
 *
 * @param coords        n×2 PCA coordinates, row-major
 * @param meanCoords    K×2 projected class means (null unless kept)
 * @param etfCoords     K×2 projected ETF vertices (null unless kept)
 */
public record LayerProbe(int layer, String name, int width, float[] coords, double[] explained, double effectiveRank,
                         CollapseMetrics collapse, double[] meanCoords, double[] etfCoords) {

    /** The layer's scalar measures by name, in a stable order, for metrics.csv. */
    public Map<String, Double> metrics() {
        Map<String, Double> m = new LinkedHashMap<>();
        if (explained != null) {
            for (int a = 0; a < explained.length; a++) m.put("pca_explained_" + (a + 1), explained[a]);
            m.put("effective_rank", effectiveRank);
        }
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
        }
        return m;
    }
}
