package netlens.dsl

/** Script text with its `sweep { … }` block removed: what a sweep point's cache key must not depend on. */
internal object SweepText {
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
