package netlens.dsl

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.FileTime
import java.util.jar.JarEntry
import java.util.jar.JarOutputStream
import kotlin.test.assertEquals
import kotlin.test.assertNotEquals
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir

/** The code id in points' cache keys: the classes' names and bytes, nothing a rebuild alone changes. */
class NumbersIdTest {
    @TempDir
    lateinit var dir: Path

    /** A jar of [entries] (name to bytes) written in the given order, every entry stamped [time]. */
    private fun jar(name: String, time: Long, entries: List<Pair<String, ByteArray>>): Path {
        val path = dir.resolve(name)
        JarOutputStream(Files.newOutputStream(path)).use { out ->
            for ((entry, bytes) in entries) {
                out.putNextEntry(JarEntry(entry).apply { lastModifiedTime = FileTime.fromMillis(time) })
                out.write(bytes)
                out.closeEntry()
            }
        }
        return path
    }

    private val a = "netlens/A.class" to byteArrayOf(1, 2, 3)
    private val b = "netlens/B.class" to byteArrayOf(4, 5)

    @Test
    fun aRebuildOfTheSameClassesKeepsTheId() {
        val first = jar("first.jar", 1_000_000, listOf(a, b, "netlens/build-id" to "0.1-2026".toByteArray()))
        val again = jar("again.jar", 9_000_000, listOf(b, "netlens/build-id" to "0.1-2027".toByteArray(), a))
        val folder = dir.resolve("classes")
        for ((name, bytes) in listOf(a, b)) {
            Files.createDirectories(folder.resolve(name).parent)
            Files.write(folder.resolve(name), bytes)
        }
        val id = NumbersId.of(listOf(first), "openblas-1.jar")
        assertEquals(64, id.length)
        assertEquals(id, NumbersId.of(listOf(again), "openblas-1.jar"), "entry order, timestamps and resources do not count")
        assertEquals(id, NumbersId.of(listOf(folder), "openblas-1.jar"), "a class folder gives what its jar gives")
    }

    @Test
    fun aChangedClassOrLibraryChangesTheId() {
        val id = NumbersId.of(listOf(jar("first.jar", 0, listOf(a, b))), "openblas-1.jar")
        assertNotEquals(id, NumbersId.of(listOf(jar("byte.jar", 0, listOf(a, b.first to byteArrayOf(4, 6)))), "openblas-1.jar"))
        assertNotEquals(id, NumbersId.of(listOf(jar("renamed.jar", 0, listOf(a, "netlens/C.class" to b.second))), "openblas-1.jar"))
        assertNotEquals(id, NumbersId.of(listOf(jar("same.jar", 0, listOf(a, b))), "openblas-2.jar"))
    }

    @Test
    fun theRunningBuildHasOne() {
        assertEquals(64, NumbersId.value.length)
    }
}
