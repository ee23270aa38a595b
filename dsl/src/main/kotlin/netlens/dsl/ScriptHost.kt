package netlens.dsl

import java.io.File
import java.lang.reflect.InvocationTargetException
import java.net.URLClassLoader
import java.nio.file.Files
import java.nio.file.Path
import java.security.MessageDigest
import java.util.jar.JarFile
import kotlin.script.experimental.api.EvaluationResult
import kotlin.script.experimental.api.ResultValue
import kotlin.script.experimental.api.ResultWithDiagnostics
import kotlin.script.experimental.api.ScriptDiagnostic
import kotlin.script.experimental.api.ScriptEvaluationConfiguration
import kotlin.script.experimental.host.ScriptingHostConfiguration
import kotlin.script.experimental.host.toScriptSource
import kotlin.script.experimental.jvm.baseClassLoader
import kotlin.script.experimental.jvm.compilationCache
import kotlin.script.experimental.jvm.defaultJvmScriptingHostConfiguration
import kotlin.script.experimental.jvm.jvm
import kotlin.script.experimental.jvmhost.BasicJvmScriptingHost
import kotlin.script.experimental.jvmhost.CompiledScriptJarsCache
import kotlin.script.experimental.jvmhost.createJvmCompilationConfigurationFromTemplate

/**
 * Compiles and runs `.exp.kts` scripts. Compiled scripts are cached as jars keyed by the script
 * text and the netlens build, so an unchanged script starts without the Kotlin compiler's cost.
 */
class ScriptHost(private val cacheDir: Path?) {
    // Built on first compile only: reading the template takes half a second of reflection.
    private val compilation by lazy { createJvmCompilationConfigurationFromTemplate<ExperimentScript>() }
    private val evaluation by lazy {
        ScriptEvaluationConfiguration {
            jvm { baseClassLoader(ExperimentScript::class.java.classLoader) }
        }
    }

    /** The experiments a script declares; throws [ScriptFailure] with a located message. */
    fun load(file: Path): List<ExperimentPlan> {
        if (Files.isDirectory(file)) throw ScriptFailure("$file: error: a folder, not a script file")
        if (!Files.isRegularFile(file)) throw ScriptFailure("$file: error: no such script file")
        if (!file.fileName.toString().endsWith(".exp.kts")) throw ScriptFailure("$file: error: experiment scripts end in .exp.kts")
        val text = readText(file)
        // Evaluation runs the script's body, which builds the plans; custom probes read their own source from it.
        val script = ScriptText.evaluating(file, text) {
            cached(file, text) ?: scriptInstance(compileAndEvaluate(file, text), file, text)
        }
        if (script.declared.isEmpty()) throw ScriptFailure("$file: error: declares no experiment; wrap it in experiment(\"name\") { … }")
        return script.declared.toList()
    }

    /**
     * A cache hit: the compiled script class loaded from its jar and constructed (its constructor runs
     * the script's body), without the scripting host, whose classes cost a tenth of a second to load.
     * Null when the jar is missing or unreadable: compiling afresh rewrites it.
     */
    private fun cached(file: Path, text: String): ExperimentScript? {
        val jar = cacheDir?.resolve(cacheKey(text) + ".jar")?.takeIf { Files.isRegularFile(it) } ?: return null
        val scriptClass = try {
            val main = JarFile(jar.toFile()).use { it.manifest?.mainAttributes?.getValue("Main-Class") } ?: return null
            URLClassLoader(arrayOf(jar.toUri().toURL()), ExperimentScript::class.java.classLoader).loadClass(main)
        } catch (e: Exception) {
            return null
        }
        val instance = try {
            scriptClass.getDeclaredConstructor().newInstance()
        } catch (e: InvocationTargetException) {
            throw failure(e.targetException, file, text)
        } catch (e: ReflectiveOperationException) {
            return null
        }
        return instance as? ExperimentScript
    }

    private fun compileAndEvaluate(file: Path, text: String): EvaluationResult {
        val host = BasicJvmScriptingHost(hostConfiguration())
        return when (val result = host.eval(file.toFile().toScriptSource(), compilation, evaluation)) {
            is ResultWithDiagnostics.Failure -> throw ScriptFailure(compileErrors(file, text, result.reports))
            is ResultWithDiagnostics.Success -> result.value
        }
    }

    private fun scriptInstance(evaluated: EvaluationResult, file: Path, text: String): ExperimentScript =
        when (val rv = evaluated.returnValue) {
            is ResultValue.Error -> throw failure(rv.error, file, text)
            else -> rv.scriptInstance as? ExperimentScript ?: throw ScriptFailure("$file: error: did not evaluate to an experiment script")
        }

    /** What the script's body threw, located at the script's line that raised it. */
    private fun failure(error: Throwable, file: Path, text: String): ScriptFailure {
        val message = describe(error)
        val at = locateValue(text, locateInScript(error, file), message)
        return ScriptFailure(if (at != null) located(file, text, at.first, at.second, message) else "$file: error: $message")
    }

    /** Syntax errors first (the rest often follow from them), at most [MAX_ERRORS] shown. */
    private fun compileErrors(file: Path, text: String, reports: List<ScriptDiagnostic>): String {
        val errors = reports.filter { it.severity >= ScriptDiagnostic.Severity.ERROR }.ifEmpty { reports }
            .sortedBy { if (it.message.startsWith("Syntax error")) 0 else 1 }
        val more = if (errors.size > MAX_ERRORS) "\n(${errors.size - MAX_ERRORS} more errors)" else ""
        return errors.take(MAX_ERRORS).joinToString("\n", postfix = more) { d ->
            val loc = d.location
            val message = hint(d.message)?.let { d.message.removeSuffix(".") + it } ?: d.message
            if (loc != null) located(file, text, loc.start.line, loc.start.col, message)
            else "$file: error: $message" + (d.exception?.let { " ($it)" } ?: "")
        }
    }

    /** For a name the compiler does not know, the DSL names it may have meant. */
    private fun hint(message: String): String? {
        val name = Regex("""Unresolved reference:? '?(\w+)'?""").find(message)?.groupValues?.get(1) ?: return null
        val near = DslNames.closest(name)
        return if (near.isEmpty()) null else "; did you mean ${near.joinToString(" or ")}?"
    }

    private fun hostConfiguration(): ScriptingHostConfiguration {
        val dir = cacheDir ?: return defaultJvmScriptingHostConfiguration
        return ScriptingHostConfiguration(defaultJvmScriptingHostConfiguration) {
            jvm {
                compilationCache(CompiledScriptJarsCache { source, _ ->
                    Files.createDirectories(dir)
                    File(dir.toFile(), cacheKey(source.text) + ".jar")
                })
            }
        }
    }

    companion object {
        private const val MAX_ERRORS = 3

        /**
         * Changes with every build of netlens, so scripts compiled against an older API are not reused.
         * The cache file is sha256(script bytes ‖ 0x00 ‖ build id).jar, which `./run` recomputes to
         * know whether a script needs compiling.
         */
        val BUILD_ID: String by lazy {
            ExperimentScript::class.java.getResourceAsStream("/netlens/build-id")?.use { String(it.readAllBytes()).trim() } ?: "unknown"
        }

        /** A script's text; one that is not UTF-8 fails at the line and column of its first bad byte. */
        fun readText(file: Path): String {
            val bytes = Files.readAllBytes(file)
            val decoder = Charsets.UTF_8.newDecoder()
            val input = java.nio.ByteBuffer.wrap(bytes)
            val out = java.nio.CharBuffer.allocate(bytes.size)
            val result = decoder.decode(input, out, true)
            if (!result.isError) return String(bytes, Charsets.UTF_8)
            val at = input.position()
            val line = 1 + (0 until at).count { bytes[it] == '\n'.code.toByte() }
            val column = at - (bytes.lastIndexOf(at) + 1) + 1
            throw ScriptFailure("$file:$line:$column: error: byte 0x%02X is not UTF-8 text; scripts are read as UTF-8 (save it as UTF-8)".format(bytes[at]))
        }

        /** The index of the last newline before [end], or −1. */
        private fun ByteArray.lastIndexOf(end: Int): Int = (end - 1 downTo 0).firstOrNull { this[it] == '\n'.code.toByte() } ?: -1

        fun cacheKey(scriptText: String): String = sha256(scriptText.toByteArray() + byteArrayOf(0) + BUILD_ID.toByteArray())

        fun sha256(bytes: ByteArray): String = hex(MessageDigest.getInstance("SHA-256").digest(bytes))

        /** A digest as lower-case hexadecimal. */
        fun hex(digest: ByteArray): String = digest.joinToString("") { "%02x".format(it) }

        fun sha256(text: String): String = sha256(text.toByteArray())
    }
}
