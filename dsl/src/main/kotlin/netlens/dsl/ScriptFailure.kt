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
