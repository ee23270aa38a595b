package netlens.linalg;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/**
 * A row-major float32 matrix in off-heap memory, so native BLAS reads it in place (no copy per call).
 * Row views share the memory of their parent.
 */
public final class Matrix {
    public final int rows;
    public final int cols;
    private final FloatBuffer data;
    private final int offset;

    private Matrix(int rows, int cols, FloatBuffer data, int offset) {
        this.rows = rows;
        this.cols = cols;
        this.data = data;
        this.offset = offset;
    }

    public static Matrix zeros(int rows, int cols) {
        if (rows < 0 || cols < 0) throw new IllegalArgumentException("negative shape " + rows + "x" + cols);
        long bytes = 4L * rows * cols;
        if (bytes > Integer.MAX_VALUE) throw new IllegalArgumentException("matrix " + rows + "x" + cols + " exceeds 2 GiB");
        FloatBuffer buf = ByteBuffer.allocateDirect((int) Math.max(bytes, 4)).order(ByteOrder.nativeOrder()).asFloatBuffer();
        return new Matrix(rows, cols, buf, 0);
    }

    public static Matrix of(int rows, int cols, float[] values) {
        if (values.length != rows * cols) throw new IllegalArgumentException("expected " + rows * cols + " values, got " + values.length);
        Matrix m = zeros(rows, cols);
        m.data.put(0, values);
        return m;
    }

    /** A rows×cols matrix over {@code parent}'s memory starting at element {@code offset} of it. */
    public static Matrix view(Matrix parent, int offset, int rows, int cols) {
        if (offset < 0 || (long) offset + (long) rows * cols > (long) parent.rows * parent.cols)
            throw new IndexOutOfBoundsException("view " + rows + "x" + cols + " at " + offset + " of " + parent.rows + "x" + parent.cols);
        return new Matrix(rows, cols, parent.data, parent.offset + offset);
    }

    /** Rows [from, from+count) as a matrix sharing this one's memory. */
    public Matrix rows(int from, int count) {
        if (from < 0 || count < 0 || from + count > rows) throw new IndexOutOfBoundsException("rows " + from + "+" + count + " of " + rows);
        return new Matrix(count, cols, data, offset + from * cols);
    }

    /** The whole backing buffer; element (r, c) is at {@code offset() + r * cols + c}. */
    public FloatBuffer buffer() {
        return data;
    }

    public int offset() {
        return offset;
    }

    public float get(int r, int c) {
        return data.get(offset + r * cols + c);
    }

    public void set(int r, int c, float v) {
        data.put(offset + r * cols + c, v);
    }

    public void fill(float v) {
        for (int i = 0, n = rows * cols; i < n; i++) data.put(offset + i, v);
    }

    public void copyRowFrom(int row, float[] src, int srcOffset) {
        data.put(offset + row * cols, src, srcOffset, cols);
    }

    public void copyFrom(Matrix src) {
        if (src.rows != rows || src.cols != cols) throw new IllegalArgumentException("shape mismatch");
        data.put(offset, src.data, src.offset, rows * cols);
    }

    public float[] toArray() {
        float[] out = new float[rows * cols];
        data.get(offset, out);
        return out;
    }

    public void rowTo(int row, float[] dst, int dstOffset) {
        data.get(offset + row * cols, dst, dstOffset, cols);
    }
}
