package netlens.dsl

import java.nio.file.Path

/** A script that does not compile or whose values are invalid; the message is ready to print. */
class ScriptFailure(message: String) : Exception(message)

/** Formats `file:line:col: error: message`, then the source line and a caret under the column. */
internal fun located(file: Path, source: String, line: Int, column: Int?, message: String): String {
    val text = source.lines().getOrNull(line - 1)
    val where = "$file:$line" + (column?.let { ":$it" } ?: "")
    return buildString {
        append(where).append(": error: ").append(message)
        if (text != null) {
            append('\n').append("    ").append(text)
            val caret = column ?: (text.indexOfFirst { !it.isWhitespace() } + 1).coerceAtLeast(1)
            append('\n').append("    ").append(" ".repeat(caret - 1)).append('^')
        }
    }
}

/**
 * The column of the value a message complains about on a script line: the value it quotes after
 * "got", else the value after a key it names (`lr = …`), else null (the statement's start).
 */
internal fun valueColumn(line: String, message: String): Int? {
    Regex("""got (-?[\w.+-]*\w)""").find(message)?.groupValues?.get(1)?.let { v ->
        Regex("""(?<![\w.])${Regex.escape(v)}(?![\w.])""").find(line)?.let { return it.range.first + 1 }
    }
    for (key in Regex("""[A-Za-z_]\w*""").findAll(message).map { it.value }.filter { it.length >= 2 }) {
        Regex("""\b${Regex.escape(key)}\s*=\s*""").find(line)?.let { return it.range.last + 2 }
    }
    return null
}

/**
 * Where a value error belongs: at [line] (the stack's), at the value's column; but an error raised
 * while the whole experiment is checked (at its `experiment(` line, or with no line) goes to the first
 * place in the script where a call or key it names (`decisionRegions(`, `extraEpochs =`) is written.
 */
internal fun locateValue(text: String, line: Int?, message: String): Pair<Int, Int?>? {
    val lines = text.lines()
    val own = line?.let { lines.getOrNull(it - 1) }
    if (own != null && !own.contains("experiment(")) return line to valueColumn(own, message)
    // Not from the example a message may end with ("…, e.g. data = mnist(…)"): it names what is missing.
    val named = Regex("""(\w{3,})(?:\(|\s*=)""").findAll(message.substringBefore("e.g.")).map { it.groupValues[1] }
    for (key in named) Regex("""\b${Regex.escape(key)}\s*[(=]""").find(text)?.let { return position(text, it.range.first) }
    return line?.let { it to null }
}

/** The (line, column) of a character of [text], both from 1. */
internal fun position(text: String, index: Int): Pair<Int, Int> {
    val before = text.substring(0, index)
    return (before.count { it == '\n' } + 1) to (index - before.lastIndexOf('\n'))
}

/** The innermost stack frame in the script file, as (line, message), for errors the script's values raised. */
internal fun locateInScript(e: Throwable, file: Path): Int? {
    val name = file.fileName.toString()
    var t: Throwable? = e
    while (t != null) {
        t.stackTrace.firstOrNull { it.fileName == name && it.lineNumber > 0 }?.let { return it.lineNumber }
        t = t.cause
    }
    return null
}

/** The message a user should read for an exception raised by script values. */
internal fun describe(e: Throwable): String = when (e) {
    is IllegalArgumentException, is IllegalStateException -> e.message ?: e.javaClass.simpleName
    else -> e.javaClass.simpleName + (e.message?.let { ": $it" } ?: "")
}

/** An exception thrown by code a script hands to netlens (a custom probe, a figure), naming what was running. */
class UserCodeException(val what: String, cause: Throwable) : RuntimeException("$what failed: ${describe(cause)}", cause)

internal object UserCode {
    /** Runs script code, so that whatever it throws names the code (value errors pass through as they are). */
    fun <T> run(what: String, block: () -> T): T = try {
        block()
    } catch (e: ScriptValueException) {
        throw e
    } catch (e: Exception) {
        throw UserCodeException(what, e)
    }
}
