package netlens.dsl

import java.nio.file.Files
import java.nio.file.Path

/** Test scripts from src/test/resources/scripts, and a CLI run captured as text. */
object Scripts {
    fun path(name: String): Path = Path.of("src/test/resources/scripts/$name").toAbsolutePath()

    fun data(): Path {
        val env = System.getenv("NETLENS_DATA")
        val p = if (!env.isNullOrBlank()) Path.of(env) else Path.of("../../shared/data")
        check(Files.isDirectory(p.resolve("mnist"))) { "test datasets not found at ${p.toAbsolutePath()}; set NETLENS_DATA" }
        return p.toAbsolutePath().normalize()
    }

    /** How many report figure sections hold an SVG. */
    fun figuresWithSvg(html: String): Int =
        html.split("<section class=\"figure\"").drop(1).count { it.substringBefore("</section>").contains("<svg") }

    class Run(val code: Int, val out: String, val err: String)

    /** A script in a temporary folder, run there with [run]; its folder and any sweep cache are removed afterwards. */
    class TempScript(val name: String, val dir: Path) {
        val file: Path = dir.resolve("$name.exp.kts")

        fun write(text: String) {
            Files.writeString(file, text)
        }

        fun run(): Run = cli(file.toString(), "--out", dir.toString(), "--threads", "2")

        fun report(fileName: String): Path = dir.resolve("$name/$fileName")
    }

    fun tempScript(prefix: String, body: (TempScript) -> Unit) {
        val script = TempScript(prefix + "-" + System.nanoTime(), Files.createTempDirectory("netlens-$prefix"))
        try {
            body(script)
        } finally {
            netlens.util.Caches.root().resolve("points/${script.name}").toFile().deleteRecursively()
            script.dir.toFile().deleteRecursively()
        }
    }

    fun cli(vararg args: String): Run {
        val out = java.io.ByteArrayOutputStream()
        val err = java.io.ByteArrayOutputStream()
        val code = Cli(java.io.PrintStream(out, true, Charsets.UTF_8), java.io.PrintStream(err, true, Charsets.UTF_8)).run(arrayOf(*args))
        return Run(code, out.toString(Charsets.UTF_8), err.toString(Charsets.UTF_8))
    }
}
