package netlens.probe;

/**
 * Which probes to take and how often: every {@code every} epochs (plus the initial and the final
 * network), on at most {@code maxSamples} training samples (a stratified random subset beyond that).
 */
public record ProbeConfig(int every, int maxSamples, boolean embeddings, boolean collapse) {
    public ProbeConfig {
        if (every < 1) throw new IllegalArgumentException("every must be >= 1, got " + every);
        if (maxSamples < 2) throw new IllegalArgumentException("samples must be >= 2, got " + maxSamples);
    }
}
