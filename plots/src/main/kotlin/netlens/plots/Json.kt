package netlens.plots

/** A small JSON writer for run.json: maps, lists, strings, numbers, booleans and null. Non-finite numbers become null. */
internal object Json {
    fun write(value: Any?, indent: String = ""): String = when (value) {
        null -> "null"
        is String -> quote(value)
        is Boolean -> value.toString()
        is Double -> if (value.isFinite()) value.toString() else "null"
        is Float -> if (value.isFinite()) value.toString() else "null"
        is Number -> value.toString()
        is Map<*, *> -> if (value.isEmpty()) "{}" else value.entries.joinToString(",\n", "{\n", "\n$indent}") { (k, v) ->
            "$indent  ${quote(k.toString())}: ${write(v, "$indent  ")}"
        }
        is Iterable<*> -> {
            val items = value.toList()
            if (items.all { it == null || it is Number || it is Boolean }) items.joinToString(", ", "[", "]") { write(it) }
            else items.joinToString(",\n", "[\n", "\n$indent]") { "$indent  ${write(it, "$indent  ")}" }
        }
        is IntArray -> write(value.toList(), indent)
        is DoubleArray -> write(value.toList(), indent)
        else -> quote(value.toString())
    }

    fun quote(s: String): String = buildString {
        append('"')
        for (ch in s) when {
            ch == '"' -> append("\\\"")
            ch == '\\' -> append("\\\\")
            ch == '\n' -> append("\\n")
            ch == '\r' -> append("\\r")
            ch == '\t' -> append("\\t")
            ch < ' ' || ch == '\u2028' || ch == '\u2029' -> append(String.format("\\u%04x", ch.code))
            else -> append(ch)
        }
        append('"')
    }
}
