package netlens.dsl

import java.nio.file.Path
import kotlin.test.assertEquals
import kotlin.test.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

class OptionsTest {
    @Test
    fun allOptionsParse() {
        val o = Options.parse(arrayOf("x.exp.kts", "--out", "r", "--data", "d", "--threads", "3"))
        assertEquals(Path.of("x.exp.kts"), o.script)
        assertEquals(Path.of("r"), o.out)
        assertEquals(Path.of("d"), o.data)
        assertEquals(3, o.threads)
    }

    @Test
    fun badOptionsSayWhatIsWrong() {
        assertTrue(assertThrows<Options.UsageError> { Options.parse(arrayOf("x.exp.kts", "--threads", "0")) }.message!!.contains("between 1"))
        assertTrue(assertThrows<Options.UsageError> { Options.parse(arrayOf("x.exp.kts", "--threads", "two")) }.message!!.contains("whole number"))
        assertTrue(assertThrows<Options.UsageError> { Options.parse(arrayOf("x.exp.kts", "--fast")) }.message!!.contains("unknown option '--fast'"))
        assertTrue(assertThrows<Options.UsageError> { Options.parse(arrayOf("x.exp.kts", "--out")) }.message!!.contains("--out needs a value"))
        assertTrue(assertThrows<Options.UsageError> { Options.parse(arrayOf()) }.message!!.contains("no script"))
        assertTrue(assertThrows<Options.UsageError> { Options.parse(arrayOf("a.exp.kts", "b.exp.kts")) }.message!!.contains("one script at a time"))
        assertTrue(assertThrows<Options.UsageError> { Options.parse(arrayOf("compare", "a")) }.message!!.contains("two report folders"))
        assertTrue(assertThrows<Options.UsageError> { Options.parse(arrayOf("--list", "x")) }.message!!.contains("unexpected argument"))
    }

    @Test
    fun compareTakesTwoTargets() {
        val o = Options.parse(arrayOf("compare", "reports/a", "b.exp.kts", "--threads", "1"))
        assertEquals(Options.Command.COMPARE, o.command)
        assertEquals(listOf(Path.of("reports/a"), Path.of("b.exp.kts")), o.targets)
    }

    @Test
    fun helpAndUsageErrorsGoThroughTheCli() {
        assertEquals(Cli.OK, Scripts.cli("--help").code)
        val bad = Scripts.cli("--threads", "-1")
        assertEquals(Cli.USAGE, bad.code)
        assertTrue(bad.err.contains("usage: ./run"), bad.err)
    }
}
