package netlens.dsl

/** The script text a sweep point's cache key hashes beside its configuration (its until { } and such). */
internal object SweepText {
    /** The text without its `sweep { … }` block, whole-line comments and blank lines, none of which changes a point. */
    fun forKey(text: String): String =
        withoutSweep(text).lines().filter { it.isNotBlank() && !it.trimStart().startsWith("//") }.joinToString("\n") { it.trimEnd() }

    /** Script text with its `sweep { … }` block removed. */
    fun withoutSweep(text: String): String {
        val start = Regex("""\bsweep\s*\{""").find(text) ?: return text
        var depth = 0
        var i = start.range.last
        var quote = false
        while (i < text.length) {
            val c = text[i]
            when {
                quote -> if (c == '"' && text[i - 1] != '\\') quote = false
                c == '"' -> quote = true
                c == '{' -> depth++
                c == '}' -> if (--depth == 0) return text.removeRange(start.range.first, i + 1)
            }
            i++
        }
        return text
    }
}
