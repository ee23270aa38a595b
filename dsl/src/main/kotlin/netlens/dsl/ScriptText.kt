package netlens.dsl

import java.nio.file.Path

/**
 * The script text around values: what a point's cache key hashes beside its configuration (its
 * until { } and other code), and the source of code a builder is handed (a custom probe's body).
 */
internal object ScriptText {
    /** A file a script names, relative to the script's folder (to the working folder outside a script). */
    fun resolve(path: String): Path {
        val p = Path.of(path)
        val folder = evaluating.get()?.first?.toAbsolutePath()?.parent
        return if (p.isAbsolute || folder == null) p else folder.resolve(p).normalize()
    }

    /**
     * The text without its `sweep { … }` and `report { … }` blocks, whole-line comments and blank
     * lines, none of which changes a point's numbers.
     */
    fun forKey(text: String): String =
        without(without(text, "sweep"), "report").lines().filter { it.isNotBlank() && !it.trimStart().startsWith("//") }
            .joinToString("\n") { it.trimEnd() }

    /** Script text with its first `name { … }` block removed. */
    fun without(text: String, name: String): String {
        val start = Regex("""\b$name\s*\{""").find(text) ?: return text
        val end = blockEnd(text, start.range.last) ?: return text
        return text.removeRange(start.range.first, end + 1)
    }

    /**
     * The call of [callee] on [line] (1-based) through the end of its block: `custom("x") { … }`.
     * The whole line when the call or its block cannot be found.
     */
    fun callAt(text: String, line: Int, callee: String): String {
        val lines = text.lines()
        if (line < 1 || line > lines.size) return ""
        val lineStart = lines.take(line - 1).sumOf { it.length + 1 }
        val call = text.indexOf("$callee(", lineStart).takeIf { it >= 0 && it < lineStart + lines[line - 1].length } ?: return lines[line - 1]
        val open = text.indexOf('{', call).takeIf { it >= 0 } ?: return lines[line - 1]
        val end = blockEnd(text, open) ?: return lines[line - 1]
        return text.substring(call, end + 1)
    }

    /** The index of the '}' closing the '{' at [open], skipping braces inside strings; null when unbalanced. */
    private fun blockEnd(text: String, open: Int): Int? {
        var depth = 0
        var i = open
        var quote = false
        while (i < text.length) {
            val c = text[i]
            when {
                quote -> if (c == '"' && text[i - 1] != '\\') quote = false
                c == '"' -> quote = true
                c == '{' -> depth++
                c == '}' -> if (--depth == 0) return i
            }
            i++
        }
        return null
    }

    /** The script being evaluated on this thread (file and text), so builders can find the source of code they are given. */
    private val evaluating = ThreadLocal<Pair<Path, String>>()

    fun <T> evaluating(file: Path, text: String, block: () -> T): T {
        evaluating.set(file to text)
        try {
            return block()
        } finally {
            evaluating.remove()
        }
    }

    /** The source of the [callee] call that the script being evaluated is making now, or "" outside a script. */
    fun currentCall(callee: String): String {
        val (file, text) = evaluating.get() ?: return ""
        val name = file.fileName.toString()
        val line = StackWalker.getInstance().walk { frames -> frames.filter { it.fileName == name }.findFirst() }
            .map { it.lineNumber }.orElse(-1)
        return callAt(text, line, callee)
    }
}
