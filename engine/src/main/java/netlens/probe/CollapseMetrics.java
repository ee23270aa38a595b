package netlens.probe;

/**
 * Neural-collapse measures of one layer (Papyan, Han & Donoho 2020, and follow-ups); NaN where a
 * measure does not apply (no classifier weights, no predictions, fewer than two classes).
 *
 * @param nc1              Tr(Σ_W Σ_B⁺)/K, Σ_B⁺ the pseudo-inverse of rank min(K−1, D)
 * @param cdnv             mean over c≠c' of (σ_c² + σ_c'²)/(2‖μ_c − μ_c'‖²) (Galanti et al.)
 * @param equinorm         std/mean of ‖μ_c − μ_G‖
 * @param equiangularity   mean over c≠c' of |cos(μ_c − μ_G, μ_c' − μ_G) + 1/(K−1)|
 * @param etfError         ‖MMᵀ/‖MMᵀ‖_F − (I − 11ᵀ/K)/√(K−1)‖_F
 * @param orthogonalFrameError ‖GGᵀ/‖GGᵀ‖_F − I/√K‖_F for the uncentred means G = [μ_c]
 * @param weightEquinorm   std/mean of the classifier rows ‖w_c‖
 * @param nc3              ‖W/‖W‖_F − M/‖M‖_F‖²_F (self-duality of classifier and means)
 * @param nc4              fraction of samples whose nearest-class-centre label differs from the network's
 * @param nccAccuracy      accuracy of the nearest-class-centre classifier on the probed samples
 * @param cosines          K×K cosines between centred class means, row-major
 */
public record CollapseMetrics(double nc1, double cdnv, double equinorm, double equiangularity,
                              double etfError, double orthogonalFrameError, double weightEquinorm, double nc3,
                              double nc4, double nccAccuracy, double[] cosines) {}
