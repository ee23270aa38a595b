package netlens.dsl

import java.io.PrintStream
import java.nio.file.Files
import java.nio.file.Path

/**
 * `./run --list`: the example scripts, each with the first sentence of its leading comment, whether
 * it is a sweep, and how long it runs (its comment's "Runs in about …").
 */
internal object Examples {
    fun list(out: PrintStream) {
        val home = System.getProperty("netlens.home")?.let { Path.of(it) } ?: Path.of(".")
        val folder = home.resolve("scripts")
        val scripts = if (Files.isDirectory(folder)) Files.list(folder).use { s ->
            s.filter { it.fileName.toString().endsWith(".exp.kts") }.sorted().toList()
        } else emptyList()
        if (scripts.isEmpty()) {
            out.println("no example scripts found in $folder")
            return
        }
        val width = scripts.maxOf { it.fileName.toString().length } + 11
        for (s in scripts) out.println(("scripts/" + s.fileName).padEnd(width) + description(s) + duration(s))
    }

    /** " (a sweep, about 7 minutes on 2 cores)", from the script's text and leading comment. */
    fun duration(script: Path): String {
        val text = Files.readString(script)
        val time = Regex("""Runs in (about [^.]+)""").find(comment(script))?.groupValues?.get(1)
        val parts = listOfNotNull("a sweep".takeIf { Regex("""\bsweep\s*\{""").containsMatchIn(text) }, time)
        return if (parts.isEmpty()) "" else parts.joinToString(", ", " (", ")")
    }

    private fun comment(script: Path): String = Files.readAllLines(script).takeWhile { it.trimStart().startsWith("//") }
        .joinToString(" ") { it.trimStart().removePrefix("//").trim() }

    /** The script's leading // comment up to its first full stop. */
    fun description(script: Path): String =
        comment(script).substringBefore(". ").removeSuffix(".").ifEmpty { "(no description)" }
}
