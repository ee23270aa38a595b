package netlens.plots

import java.nio.ByteBuffer
import java.nio.ByteOrder
import java.nio.file.Files
import netlens.data.Npy
import kotlin.test.assertEquals
import kotlin.test.assertTrue
import org.junit.jupiter.api.Test

class FormatsTest {
    @Test
    fun npyFilesHaveTheNumpyHeaderAndLittleEndianData() {
        val f = Files.createTempFile("x", ".npy")
        Npy.writeFloats(f, intArrayOf(2, 3), floatArrayOf(1f, 2f, 3f, 4f, 5f, -6.5f))
        val bytes = Files.readAllBytes(f)
        assertEquals("NUMPY", String(bytes, 1, 5))
        val len = ByteBuffer.wrap(bytes, 8, 2).order(ByteOrder.LITTLE_ENDIAN).short.toInt()
        val header = String(bytes, 10, len)
        assertEquals("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }", header.trim())
        assertEquals(0, (10 + len) % 64)
        assertTrue(header.endsWith("\n"))
        assertEquals(-6.5f, ByteBuffer.wrap(bytes, 10 + len + 20, 4).order(ByteOrder.LITTLE_ENDIAN).float)
    }

    @Test
    fun oneDimensionalShapesUseThePythonTupleComma() {
        val f = Files.createTempFile("y", ".npy")
        Npy.writeInts(f, intArrayOf(4, 5, 6))
        assertTrue(String(Files.readAllBytes(f), 10, 60).contains("'shape': (3,)"))
    }

    @Test
    fun jsonEscapesControlCharactersAndDropsNonFiniteNumbers() {
        assertEquals(""""a\"b\\c\nd\u0001"""", Json.quote("a\"b\\c\nd\u0001"))
        assertEquals("[1, null, null, true]", Json.write(listOf(1, Double.NaN, Double.POSITIVE_INFINITY, true)))
    }

    @Test
    fun svgIdsAreReplacedOnlyWhereIdsAppear() {
        val svg = """<svg id="abc123"><style>#abc123 .t { fill: #abc123ff }</style><g clip-path="url(#abc123)"><text>abc123</text></g></svg>"""
        val out = Svg.stableIds(svg, "fig")
        assertEquals("""<svg id="fig-0"><style>#fig-0 .t { fill: #abc123ff }</style><g clip-path="url(#fig-0)"><text>abc123</text></g></svg>""", out)
    }
}
