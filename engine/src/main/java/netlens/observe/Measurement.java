package netlens.observe;

import java.util.Arrays;
import java.util.List;

/**
 * One named result of an observable. Scalars go to metrics.csv and the curves drawn from it;
 * vectors, matrices and tables go to files of their own beside it.
 */
public sealed interface Measurement {
    /** A single number (NaN where it does not apply). */
    record Scalar(double value) implements Measurement {}

    /** A sequence, e.g. a spectrum, indexed from 1 in the files. */
    record Vector(double[] values) implements Measurement {
        @Override
        public boolean equals(Object o) {
            return o instanceof Vector v && Arrays.equals(values, v.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }
    }

    /**
     * rows × cols float32 values, row-major: per-sample coordinates (rows = probe samples), grids,
     * small matrices. Written to .npy files.
     */
    record Matrix(int rows, int cols, float[] values) implements Measurement {
        public Matrix {
            if (values.length != rows * cols) throw new IllegalArgumentException(values.length + " values do not make " + rows + " × " + cols);
        }

        public float get(int r, int c) {
            return values[r * cols + c];
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Matrix m && rows == m.rows && cols == m.cols && Arrays.equals(values, m.values);
        }

        @Override
        public int hashCode() {
            return 31 * rows + cols + Arrays.hashCode(values);
        }
    }

    /** Named columns of equal length; a cell is an Integer, a Double (other numbers become one) or a String (anything else). */
    record Table(List<String> columns, List<List<Object>> rows) implements Measurement {
        public Table {
            columns = List.copyOf(columns);
            rows = rows.stream().map(r -> r.stream().map(Table::cell).toList()).toList();
            for (List<Object> row : rows)
                if (row.size() != columns.size()) throw new IllegalArgumentException("a row of " + row.size() + " cells under " + columns);
        }

        private static Object cell(Object v) {
            if (v instanceof Integer || v instanceof Double || v instanceof String) return v;
            if (v instanceof Short || v instanceof Byte) return ((Number) v).intValue();
            if (v instanceof Number n) return n.doubleValue();
            return String.valueOf(v);
        }

        /** The column as numbers. */
        public double[] numbers(String column) {
            int c = columns.indexOf(column);
            if (c < 0) throw new IllegalArgumentException("no column " + column + " in " + columns);
            return rows.stream().mapToDouble(r -> ((Number) r.get(c)).doubleValue()).toArray();
        }

        /** The column as text. */
        public List<String> texts(String column) {
            int c = columns.indexOf(column);
            if (c < 0) throw new IllegalArgumentException("no column " + column + " in " + columns);
            return rows.stream().map(r -> String.valueOf(r.get(c))).toList();
        }
    }
}
