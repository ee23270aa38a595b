package netlens.run;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import netlens.data.Split;
import netlens.nn.Activation;
import netlens.nn.Init;
import netlens.nn.MlpSpec;
import netlens.nn.Parameterisation;
import netlens.observe.LayerInfo;
import netlens.observe.Measurement;
import netlens.observe.Measurements;
import netlens.observe.ProbeRecord;
import netlens.train.EpochMetrics;
import netlens.train.Trainer;

/**
 * A run's results as bytes for the point cache: everything but the experiment, which the plan
 * that asks for the point supplies. Reading gives back equal values, so a report drawn from a
 * cached point is the report of a fresh run.
 */
final class PointFile {
    private static final int MAGIC = 0x4e4c5054;          // "NLPT"
    private static final int VERSION = 2;

    private PointFile() {}

    static void write(Results r, DataOutputStream out) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        MlpSpec n = r.network();
        out.writeInt(n.inputs());
        ints(out, n.hidden());
        out.writeInt(n.outputs());
        out.writeUTF(n.activation().name());
        out.writeBoolean(n.bias());
        out.writeUTF(n.init().name());
        out.writeUTF(n.parameterisation().name());
        out.writeDouble(n.alpha());
        out.writeInt(r.parameters());
        for (float w : r.weights()) out.writeFloat(w);
        Results.Data d = r.data();
        out.writeUTF(d.description());
        strings(out, d.classNames());
        out.writeInt(d.trainSize());
        out.writeInt(d.testSize());
        out.writeInt(d.files().size());
        for (Split.SourceFile f : d.files()) {
            out.writeUTF(f.name());
            out.writeUTF(f.path());
            out.writeLong(f.bytes());
            out.writeUTF(f.sha256());
        }
        out.writeInt(r.history().size());
        for (EpochMetrics m : r.history()) {
            out.writeInt(m.epoch());
            for (double v : new double[] {m.trainLoss(), m.trainAccuracy(), m.testLoss(), m.testAccuracy(), m.seconds()}) out.writeDouble(v);
            out.writeBoolean(m.terminalPhase());
            out.writeDouble(m.minMargin());
            out.writeDouble(m.time());
        }
        out.writeInt(r.layers().size());
        for (LayerInfo l : r.layers()) {
            out.writeInt(l.index());
            out.writeUTF(l.name());
            out.writeInt(l.width());
        }
        ints(out, r.probeLabels());
        out.writeInt(r.probes().size());
        for (ProbeRecord p : r.probes()) {
            out.writeInt(p.epoch());
            measurements(out, p.measured());
        }
        measurements(out, r.acrossProbes());
        measurements(out, r.afterTraining());
        out.writeUTF(r.outcome().status().name());
        out.writeInt(r.outcome().targetEpoch());
        out.writeUTF(r.outcome().message());
        strings(out, r.warnings());
        out.writeDouble(r.timings().loadSeconds());
        out.writeDouble(r.timings().trainSeconds());
        out.writeDouble(r.timings().probeSeconds());
        out.writeUTF(r.machine().backend());
        out.writeInt(r.machine().threads());
    }

    static Results read(Experiment e, DataInputStream in) throws IOException {
        if (in.readInt() != MAGIC || in.readInt() != VERSION) throw new IOException("not a netlens point file of this version");
        MlpSpec network = new MlpSpec(in.readInt(), ints(in), in.readInt(), Activation.valueOf(in.readUTF()), in.readBoolean(),
                Init.valueOf(in.readUTF()), Parameterisation.valueOf(in.readUTF()), in.readDouble());
        float[] weights = new float[in.readInt()];
        for (int i = 0; i < weights.length; i++) weights[i] = in.readFloat();
        String description = in.readUTF();
        List<String> classes = strings(in);
        int trainSize = in.readInt(), testSize = in.readInt();
        List<Split.SourceFile> files = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) files.add(new Split.SourceFile(in.readUTF(), in.readUTF(), in.readLong(), in.readUTF()));
        List<EpochMetrics> history = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--)
            history.add(new EpochMetrics(in.readInt(), in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(),
                    in.readBoolean(), in.readDouble(), in.readDouble()));
        List<LayerInfo> layers = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) layers.add(new LayerInfo(in.readInt(), in.readUTF(), in.readInt()));
        int[] labels = ints(in);
        List<ProbeRecord> probes = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) probes.add(new ProbeRecord(in.readInt(), measurements(in)));
        Measurements across = measurements(in), after = measurements(in);
        Trainer.Outcome outcome = new Trainer.Outcome(Trainer.Status.valueOf(in.readUTF()), history, in.readInt(), in.readUTF());
        List<String> warnings = strings(in);
        Results.Timings timings = new Results.Timings(in.readDouble(), in.readDouble(), in.readDouble());
        Results.Machine machine = new Results.Machine(in.readUTF(), in.readInt());
        return new Results(e, network, weights, new Results.Data(description, classes, trainSize, testSize, files), history, layers,
                labels, probes, across, after, outcome, warnings, timings, machine);
    }

    private static void measurements(DataOutputStream out, Measurements m) throws IOException {
        List<Measurements.Entry> entries = m.entries();
        out.writeInt(entries.size());
        for (Measurements.Entry e : entries) {
            out.writeUTF(e.subject());
            out.writeUTF(e.name());
            Measurement value = e.value();
            if (value instanceof Measurement.Scalar x) {
                out.writeByte('s');
                out.writeDouble(x.value());
            } else if (value instanceof Measurement.Vector x) {
                out.writeByte('v');
                out.writeInt(x.values().length);
                for (double v : x.values()) out.writeDouble(v);
            } else if (value instanceof Measurement.Matrix x) {
                out.writeByte('m');
                out.writeInt(x.rows());
                out.writeInt(x.cols());
                for (float f : x.values()) out.writeFloat(f);
            } else if (value instanceof Measurement.Table x) {
                out.writeByte('t');
                strings(out, x.columns());
                out.writeInt(x.rows().size());
                for (List<Object> row : x.rows()) for (Object cell : row) cell(out, cell);
            }
        }
    }

    private static Measurements measurements(DataInputStream in) throws IOException {
        Measurements m = new Measurements();
        for (int i = in.readInt(); i > 0; i--) {
            String subject = in.readUTF(), name = in.readUTF();
            Measurement value = switch (in.readByte()) {
                case 's' -> new Measurement.Scalar(in.readDouble());
                case 'v' -> {
                    double[] v = new double[in.readInt()];
                    for (int j = 0; j < v.length; j++) v[j] = in.readDouble();
                    yield new Measurement.Vector(v);
                }
                case 'm' -> {
                    int rows = in.readInt(), cols = in.readInt();
                    float[] v = new float[rows * cols];
                    for (int j = 0; j < v.length; j++) v[j] = in.readFloat();
                    yield new Measurement.Matrix(rows, cols, v);
                }
                case 't' -> {
                    List<String> columns = strings(in);
                    List<List<Object>> rows = new ArrayList<>();
                    for (int r = in.readInt(); r > 0; r--) {
                        List<Object> row = new ArrayList<>();
                        for (int c = 0; c < columns.size(); c++) row.add(cell(in));
                        rows.add(row);
                    }
                    yield new Measurement.Table(columns, rows);
                }
                default -> throw new IOException("unknown measurement kind");
            };
            m.put(subject, name, value);
        }
        return m;
    }

    private static void cell(DataOutputStream out, Object cell) throws IOException {
        if (cell instanceof Integer i) {
            out.writeByte('i');
            out.writeInt(i);
        } else if (cell instanceof Double d) {
            out.writeByte('d');
            out.writeDouble(d);
        } else if (cell instanceof String s) {
            out.writeByte('s');
            out.writeUTF(s);
        } else {
            throw new IOException("a table cell must be an Integer, a Double or a String, not " + cell.getClass().getSimpleName());
        }
    }

    private static Object cell(DataInputStream in) throws IOException {
        return switch (in.readByte()) {
            case 'i' -> in.readInt();
            case 'd' -> in.readDouble();
            case 's' -> in.readUTF();
            default -> throw new IOException("unknown table cell");
        };
    }

    private static void ints(DataOutputStream out, int[] v) throws IOException {
        out.writeInt(v.length);
        for (int x : v) out.writeInt(x);
    }

    private static int[] ints(DataInputStream in) throws IOException {
        int[] v = new int[in.readInt()];
        for (int i = 0; i < v.length; i++) v[i] = in.readInt();
        return v;
    }

    private static void strings(DataOutputStream out, List<String> v) throws IOException {
        out.writeInt(v.size());
        for (String s : v) out.writeUTF(s);
    }

    private static List<String> strings(DataInputStream in) throws IOException {
        List<String> v = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) v.add(in.readUTF());
        return v;
    }
}
