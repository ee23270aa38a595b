package netlens.dsl

import java.io.File
import java.nio.file.Files
import java.nio.file.Path
import java.security.MessageDigest
import kotlin.coroutines.Continuation
import kotlin.coroutines.EmptyCoroutineContext
import kotlin.coroutines.startCoroutine
import kotlin.script.experimental.api.EvaluationResult
import kotlin.script.experimental.api.ResultValue
import kotlin.script.experimental.api.ResultWithDiagnostics
import kotlin.script.experimental.api.ScriptDiagnostic
import kotlin.script.experimental.api.ScriptEvaluationConfiguration
import kotlin.script.experimental.host.ScriptingHostConfiguration
import kotlin.script.experimental.host.toScriptSource
import kotlin.script.experimental.jvm.BasicJvmScriptEvaluator
import kotlin.script.experimental.jvm.baseClassLoader
import kotlin.script.experimental.jvm.compilationCache
import kotlin.script.experimental.jvm.defaultJvmScriptingHostConfiguration
import kotlin.script.experimental.jvm.jvm
import kotlin.script.experimental.jvmhost.BasicJvmScriptingHost
import kotlin.script.experimental.jvmhost.CompiledScriptJarsCache
import kotlin.script.experimental.jvmhost.createJvmCompilationConfigurationFromTemplate
import kotlin.script.experimental.jvmhost.loadScriptFromJar

/**
 * Compiles and runs `.exp.kts` scripts. Compiled scripts are cached as jars keyed by the script
 * text and the netlens build, so an unchanged script starts without the Kotlin compiler's cost.
 */
class ScriptHost(private val cacheDir: Path?) {
    // Built on first compile only: reading the template takes half a second of reflection.
    private val compilation by lazy { createJvmCompilationConfigurationFromTemplate<ExperimentScript>() }
    private val evaluation = ScriptEvaluationConfiguration {
        jvm { baseClassLoader(ExperimentScript::class.java.classLoader) }
    }

    /** The experiments a script declares; throws [ScriptFailure] with a located message. */
    fun load(file: Path): List<ExperimentPlan> {
        if (!Files.isRegularFile(file)) throw ScriptFailure("$file: no such script file")
        if (!file.fileName.toString().endsWith(".exp.kts")) throw ScriptFailure("$file: experiment scripts end in .exp.kts")
        val text = Files.readString(file)
        // Evaluation runs the script's body, which builds the plans; custom probes read their own source from it.
        val script = ScriptText.evaluating(file.fileName.toString(), text) {
            scriptInstance(cached(text) ?: compileAndEvaluate(file, text), file, text)
        }
        if (script.declared.isEmpty()) throw ScriptFailure("$file: declares no experiment; wrap it in experiment(\"name\") { … }")
        return script.declared.toList()
    }

    /** A cache hit evaluated straight from its jar, without building the compiler's configuration. */
    private fun cached(text: String): EvaluationResult? {
        val jar = cacheDir?.resolve(cacheKey(text) + ".jar")?.toFile()?.takeIf { it.isFile } ?: return null
        val compiled = try {
            jar.loadScriptFromJar(checkMissingDependencies = false)
        } catch (e: Exception) {
            null                                            // unreadable: compile afresh, which rewrites it
        } ?: return null
        return when (val r = runWithoutSuspending { BasicJvmScriptEvaluator()(compiled, evaluation) }) {
            is ResultWithDiagnostics.Success -> r.value
            is ResultWithDiagnostics.Failure -> null
        }
    }

    private fun compileAndEvaluate(file: Path, text: String): EvaluationResult {
        val host = BasicJvmScriptingHost(hostConfiguration())
        return when (val result = host.eval(file.toFile().toScriptSource(), compilation, evaluation)) {
            is ResultWithDiagnostics.Failure -> throw ScriptFailure(compileErrors(file, text, result.reports))
            is ResultWithDiagnostics.Success -> result.value
        }
    }

    /** Runs a suspending call that completes without suspending (the script evaluator does). */
    private fun <T> runWithoutSuspending(block: suspend () -> T): T {
        var outcome: Result<T>? = null
        block.startCoroutine(Continuation(EmptyCoroutineContext) { outcome = it })
        return checkNotNull(outcome) { "script evaluation suspended" }.getOrThrow()
    }

    private fun scriptInstance(evaluated: EvaluationResult, file: Path, text: String): ExperimentScript =
        when (val rv = evaluated.returnValue) {
            is ResultValue.Error -> {
                val line = locateInScript(rv.error, file)
                throw ScriptFailure(
                    if (line != null) located(file, text, line, null, describe(rv.error))
                    else "$file: error: ${describe(rv.error)}"
                )
            }
            else -> rv.scriptInstance as? ExperimentScript ?: throw ScriptFailure("$file: did not evaluate to an experiment script")
        }

    /** Syntax errors first (the rest often follow from them), at most [MAX_ERRORS] shown. */
    private fun compileErrors(file: Path, text: String, reports: List<ScriptDiagnostic>): String {
        val errors = reports.filter { it.severity >= ScriptDiagnostic.Severity.ERROR }.ifEmpty { reports }
            .sortedBy { if (it.message.startsWith("Syntax error")) 0 else 1 }
        val more = if (errors.size > MAX_ERRORS) "\n(${errors.size - MAX_ERRORS} more errors)" else ""
        return errors.take(MAX_ERRORS).joinToString("\n", postfix = more) { d ->
            val loc = d.location
            if (loc != null) located(file, text, loc.start.line, loc.start.col, d.message)
            else "$file: error: ${d.message}" + (d.exception?.let { " ($it)" } ?: "")
        }
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

        fun cacheKey(scriptText: String): String = sha256(scriptText.toByteArray() + byteArrayOf(0) + BUILD_ID.toByteArray())

        fun sha256(bytes: ByteArray): String =
            MessageDigest.getInstance("SHA-256").digest(bytes).joinToString("") { "%02x".format(it) }

        fun sha256(text: String): String = sha256(text.toByteArray())
    }
}
