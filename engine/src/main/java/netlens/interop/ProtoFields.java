package netlens.interop;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A protobuf message as its fields, decoded and encoded by protobuf-java's wire-format streams: the
 * few messages of onnx.proto netlens reads and writes, addressed by field number (ONNX's numbers are
 * named where they are used), without generated classes or a protoc step in the build.
 */
final class ProtoFields {
    /** Field number → values in order: Long (varint, fixed64), Integer (fixed32 bits), ByteString (length-delimited). */
    private final Map<Integer, List<Object>> values = new LinkedHashMap<>();

    static ProtoFields parse(ByteString bytes) {
        ProtoFields f = new ProtoFields();
        try {
            CodedInputStream in = bytes.newCodedInput();
            in.setRecursionLimit(64);
            for (int tag; (tag = in.readTag()) != 0; ) {
                Object v = switch (WireFormat.getTagWireType(tag)) {
                    case WireFormat.WIRETYPE_VARINT -> in.readInt64();
                    case WireFormat.WIRETYPE_FIXED64 -> in.readFixed64();
                    case WireFormat.WIRETYPE_LENGTH_DELIMITED -> in.readBytes();
                    case WireFormat.WIRETYPE_FIXED32 -> in.readFixed32();
                    default -> throw new NetworkFileException("not a protobuf message: wire type " + WireFormat.getTagWireType(tag));
                };
                f.values.computeIfAbsent(WireFormat.getTagFieldNumber(tag), k -> new ArrayList<>()).add(v);
            }
        } catch (IOException e) {
            throw new NetworkFileException("not a protobuf message: " + e.getMessage(), e);
        }
        return f;
    }

    private List<Object> all(int field) {
        return values.getOrDefault(field, List.of());
    }

    List<ProtoFields> messages(int field) {
        List<ProtoFields> out = new ArrayList<>();
        for (Object v : all(field)) out.add(parse((ByteString) v));
        return out;
    }

    ProtoFields message(int field) {
        List<ProtoFields> m = messages(field);
        return m.isEmpty() ? new ProtoFields() : m.get(m.size() - 1);
    }

    List<String> strings(int field) {
        List<String> out = new ArrayList<>();
        for (Object v : all(field)) out.add(((ByteString) v).toStringUtf8());
        return out;
    }

    String string(int field) {
        List<String> s = strings(field);
        return s.isEmpty() ? "" : s.get(s.size() - 1);
    }

    ByteString bytes(int field) {
        List<Object> v = all(field);
        return v.isEmpty() ? ByteString.EMPTY : (ByteString) v.get(v.size() - 1);
    }

    long int64(int field, long absent) {
        List<Long> v = int64s(field);
        return v.isEmpty() ? absent : v.get(v.size() - 1);
    }

    /** Repeated varints, packed or not. */
    List<Long> int64s(int field) {
        List<Long> out = new ArrayList<>();
        for (Object v : all(field)) {
            if (v instanceof Long x) out.add(x);
            else try {
                CodedInputStream in = ((ByteString) v).newCodedInput();
                while (!in.isAtEnd()) out.add(in.readInt64());
            } catch (IOException e) {
                throw new NetworkFileException("bad packed integers: " + e.getMessage(), e);
            }
        }
        return out;
    }

    float float32(int field, float absent) {
        List<Object> v = all(field);
        return v.isEmpty() ? absent : Float.intBitsToFloat((Integer) v.get(v.size() - 1));
    }

    /** Repeated fixed32 floats, packed or not. */
    float[] floats(int field) {
        List<Float> out = new ArrayList<>();
        for (Object v : all(field)) {
            if (v instanceof Integer bits) out.add(Float.intBitsToFloat(bits));
            else {
                ByteBuffer b = ((ByteString) v).asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
                while (b.remaining() >= 4) out.add(b.getFloat());
            }
        }
        float[] a = new float[out.size()];
        for (int i = 0; i < a.length; i++) a[i] = out.get(i);
        return a;
    }

    /** Repeated fixed64 doubles, packed or not. */
    double[] doubles(int field) {
        List<Double> out = new ArrayList<>();
        for (Object v : all(field)) {
            if (v instanceof Long bits) out.add(Double.longBitsToDouble(bits));
            else {
                ByteBuffer b = ((ByteString) v).asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
                while (b.remaining() >= 8) out.add(b.getDouble());
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** A message being written, field by field in the order called (so the same network gives the same bytes). */
    static final class Writer {
        private final ByteString.Output bytes = ByteString.newOutput();
        private final CodedOutputStream out = CodedOutputStream.newInstance(bytes);

        Writer string(int field, String v) {
            return write(() -> out.writeString(field, v));
        }

        Writer int64(int field, long v) {
            return write(() -> out.writeInt64(field, v));
        }

        Writer bytes(int field, ByteString v) {
            return write(() -> out.writeBytes(field, v));
        }

        Writer message(int field, Writer m) {
            return bytes(field, m.toByteString());
        }

        ByteString toByteString() {
            write(out::flush);
            return bytes.toByteString();
        }

        private interface Write {
            void run() throws IOException;
        }

        private Writer write(Write w) {
            try {
                w.run();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }
    }
}
