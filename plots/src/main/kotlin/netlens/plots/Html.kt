package netlens.plots

/** Escapes text for HTML element content and attribute values. */
internal fun escapeHtml(s: String): String = buildString(s.length) {
    for (ch in s) when (ch) {
        '&' -> append("&amp;")
        '<' -> append("&lt;")
        '>' -> append("&gt;")
        '"' -> append("&quot;")
        '\'' -> append("&#39;")
        else -> append(ch)
    }
}
