package netlens.linalg;

/**
 * Elementwise work on off-heap buffers goes through small on-heap copies: a bulk copy is a
 * memcpy, and a loop over a float[] is vectorised by the JIT, which together run several times
 * faster than indexed access to a direct buffer. Each thread has its own scratch arrays.
 */
public final class Chunks {
    /** Elements per chunk: three arrays of this size stay in L1/L2. */
    public static final int SIZE = 4096;
    private static final ThreadLocal<float[][]> SCRATCH = ThreadLocal.withInitial(() -> new float[4][SIZE]);

    private Chunks() {}

    /** Scratch array {@code slot} (0..3) of the calling thread, {@link #SIZE} long. */
    public static float[] scratch(int slot) {
        return SCRATCH.get()[slot];
    }
}
