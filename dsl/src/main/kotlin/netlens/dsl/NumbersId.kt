package netlens.dsl

import java.io.IOException
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardCopyOption
import java.security.MessageDigest
import java.util.jar.JarFile
import netlens.run.Experiment
import netlens.util.Caches

/**
 * What a point's numbers depend on in netlens itself, for its cache key: SHA-256 over the engine's
 * and the DSL's compiled classes (their names and bytes; both compilers write identical classes for
 * identical sources) and the bundled OpenBLAS's version. The plots are left out: they only draw
 * what points hold. Unlike the build id, which changes with every `mvn package`, it survives
 * rebuilds that change nothing numeric (a report's wording, a test), so the points of a Slurm plan
 * still running stay found by `--status` and `--slurm` after such a rebuild.
 */
internal object NumbersId {
    val value: String by lazy {
        // Hashing the classes takes a seventh of a second in a fresh JVM, so each build's id is kept.
        val memo = Caches.root().resolve("numbers-id").resolve(ScriptHost.BUILD_ID)
        val kept = try {
            Files.readString(memo).trim()
        } catch (e: IOException) {
            ""
        }
        if (kept.matches(Regex("[0-9a-f]{64}"))) kept
        else of(listOf(location(Experiment::class.java), location(ExperimentScript::class.java)), openBlasVersion()).also { keep(memo, it) }
    }

    /** Written to a temporary file and renamed, so a concurrent reader sees all of it or nothing. */
    private fun keep(memo: Path, id: String) {
        try {
            Files.createDirectories(memo.parent)
            val partial = Files.createTempFile(memo.parent, ScriptHost.BUILD_ID, ".part")
            Files.writeString(partial, id)
            Files.move(partial, memo, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING)
        } catch (e: IOException) {
            // an unwritable cache only costs the next run the hashing again
        }
    }

    /** The id of the classes in [code] (jars or class folders) and a native library's [version]. */
    fun of(code: List<Path>, version: String): String {
        val digest = MessageDigest.getInstance("SHA-256")
        for (at in code) classes(at, digest)
        digest.update(version.toByteArray())
        return ScriptHost.hex(digest.digest())
    }

    private fun location(c: Class<*>): Path = Path.of(c.protectionDomain.codeSource.location.toURI())

    /** Each class file's name and bytes, in name order, from a jar or (in tests) a class folder. */
    private fun classes(at: Path, digest: MessageDigest) {
        if (Files.isDirectory(at)) {
            Files.walk(at).use { files ->
                files.filter { it.toString().endsWith(".class") }.map { at.relativize(it).toString().replace('\\', '/') to it }
                    .sorted(compareBy { it.first }).forEach { (name, file) -> digest.update(name.toByteArray()); digest.update(Files.readAllBytes(file)) }
            }
            return
        }
        JarFile(at.toFile()).use { jar ->
            jar.entries().toList().filter { it.name.endsWith(".class") }.sortedBy { it.name }.forEach { entry ->
                digest.update(entry.name.toByteArray())
                jar.getInputStream(entry).use { digest.update(it.readAllBytes()) }
            }
        }
    }

    /** The OpenBLAS jar's file name (openblas-0.3.30-1.5.12.jar), read without loading the native library. */
    private fun openBlasVersion(): String = try {
        location(Class.forName("org.bytedeco.openblas.global.openblas", false, NumbersId::class.java.classLoader)).fileName.toString()
    } catch (e: ReflectiveOperationException) {
        "no openblas"
    }
}
