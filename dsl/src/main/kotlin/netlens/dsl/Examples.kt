package netlens.dsl

import java.io.PrintStream
import java.nio.file.Files
import java.nio.file.Path

/** `./run --list`: the example scripts, each with the first sentence of its leading comment. */
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
        for (s in scripts) out.println(("scripts/" + s.fileName).padEnd(width) + description(s))
    }

    /** The script's leading // comment up to its first full stop. */
    fun description(script: Path): String {
        val comment = Files.readAllLines(script).takeWhile { it.trimStart().startsWith("//") }
            .joinToString(" ") { it.trimStart().removePrefix("//").trim() }
        return comment.substringBefore(". ").removeSuffix(".").ifEmpty { "(no description)" }
    }
}
