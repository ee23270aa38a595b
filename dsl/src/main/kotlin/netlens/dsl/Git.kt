package netlens.dsl

import java.nio.file.Path
import java.util.concurrent.TimeUnit

/** The git state of the repository holding a script, if git is installed and the script is in one. */
internal object Git {
    fun commit(file: Path): String? = git(file, "rev-parse", "HEAD")?.trim()?.takeIf { it.matches(Regex("[0-9a-f]{40}")) }

    /** True when the repository has uncommitted changes. */
    fun dirty(file: Path): Boolean = git(file, "status", "--porcelain", "--untracked-files=no")?.isNotBlank() ?: false

    private fun git(file: Path, vararg args: String): String? = try {
        val dir = file.toAbsolutePath().parent.toFile()
        val p = ProcessBuilder(listOf("git", "-C", dir.path) + args).redirectErrorStream(false).start()
        val text = p.inputStream.bufferedReader().readText()
        if (p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0) text else null
    } catch (e: Exception) {
        null
    }
}
