package netlens.probe;

/** How a layer's features are reduced to 2-D for the figures and embeddings.npy. */
public sealed interface Projection {
    /** The first two principal components (default). */
    record Pca() implements Projection {}

    /**
     * A random Gaussian map R ∈ R^{D×2}, Rⱼₐ ~ N(0, 1/2), of the centred features; one fixed map per
     * layer (drawn from the seed), so a layer's pictures at different epochs are comparable.
     */
    record Random() implements Projection {}

    /**
     * UMAP (McInnes et al. 2018) on a stratified subset of {@code samples} points, seeded; the
     * other points get NaN coordinates. Runs single-threaded so a seed gives one answer.
     */
    record Umap(int samples, int neighbours, double minDist) implements Projection {
        public Umap {
            if (samples < 10) throw new IllegalArgumentException("umap samples must be >= 10, got " + samples);
            if (neighbours < 2) throw new IllegalArgumentException("umap neighbours must be >= 2, got " + neighbours);
            if (!(minDist >= 0)) throw new IllegalArgumentException("umap minDist must be >= 0, got " + minDist);
        }
    }
}
