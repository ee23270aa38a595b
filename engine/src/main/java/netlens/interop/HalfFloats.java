package netlens.interop;

/** IEEE 754 binary16 to float32 (Java 17 has no Float.float16ToFloat). */
final class HalfFloats {
    private HalfFloats() {}

    static float half(short bits) {
        int h = bits & 0xffff, sign = (h & 0x8000) << 16, exponent = (h >>> 10) & 0x1f, mantissa = h & 0x3ff;
        if (exponent == 0x1f) return Float.intBitsToFloat(sign | 0x7f800000 | mantissa << 13);      // ∞ and NaN
        if (exponent != 0) return Float.intBitsToFloat(sign | (exponent + 112) << 23 | mantissa << 13); // rebias 15 → 127
        float subnormal = mantissa * 0x1p-24f;                                                      // m · 2^−24
        return sign == 0 ? subnormal : -subnormal;
    }
}
