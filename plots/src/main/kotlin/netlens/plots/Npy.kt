package netlens.plots

import java.io.DataOutputStream
import java.nio.ByteBuffer
import java.nio.ByteOrder
import java.nio.file.Files
import java.nio.file.Path

/** Writes NumPy .npy files (format 1.0, little-endian, C order), readable with numpy.load. */
internal object Npy {
    fun writeFloats(file: Path, shape: IntArray, values: FloatArray) {
        require(shape.fold(1L) { a, b -> a * b } == values.size.toLong()) { "shape does not match ${values.size} values" }
        val body = ByteBuffer.allocate(4 * values.size).order(ByteOrder.LITTLE_ENDIAN)
        body.asFloatBuffer().put(values)
        write(file, "<f4", shape, body.array())
    }

    fun writeInts(file: Path, values: IntArray) {
        val body = ByteBuffer.allocate(4 * values.size).order(ByteOrder.LITTLE_ENDIAN)
        body.asIntBuffer().put(values)
        write(file, "<i4", intArrayOf(values.size), body.array())
    }

    private fun write(file: Path, descr: String, shape: IntArray, body: ByteArray) {
        val dims = if (shape.size == 1) "(${shape[0]},)" else shape.joinToString(", ", "(", ")")
        var header = "{'descr': '$descr', 'fortran_order': False, 'shape': $dims, }"
        // Magic (6) + version (2) + length (2) + header must be a multiple of 64, ending in '\n'.
        val pad = 64 - (10 + header.length + 1) % 64
        header += " ".repeat(pad % 64) + "\n"
        DataOutputStream(Files.newOutputStream(file).buffered()).use { out ->
            out.write(byteArrayOf(0x93.toByte(), 'N'.code.toByte(), 'U'.code.toByte(), 'M'.code.toByte(), 'P'.code.toByte(), 'Y'.code.toByte(), 1, 0))
            out.write(header.length and 0xff)
            out.write(header.length shr 8)
            out.write(header.toByteArray(Charsets.US_ASCII))
            out.write(body)
        }
    }
}
