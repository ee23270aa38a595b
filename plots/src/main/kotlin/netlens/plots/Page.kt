package netlens.plots

/**
 * One report page, whatever it reports (a run, variants, a sweep, a comparison): a title, blocks in
 * order, and the provenance footer. [html] renders it self-contained (inline CSS and SVG, nothing
 * loaded from elsewhere).
 */
internal class Page(private val title: String) {
    sealed interface Block

    /** Sentences under a heading, as paragraphs or as a list. */
    class Text(val id: String, val heading: String, val lines: List<String>, val list: Boolean = false, val css: String? = null) : Block

    /** Rows of text; with [links], each row's first cell links to its page. */
    class Table(val id: String, val heading: String, val header: List<String>, val rows: List<List<String>>, val caption: String? = null,
                val links: List<String>? = null) : Block

    class Figure(val out: FigureOut, val svg: String) : Block

    /** A line diff ('+' added, '-' removed, ' ' kept), or a note instead when there is nothing to diff. */
    class Diff(val id: String, val heading: String, val lines: List<Pair<Char, String>>, val note: String?) : Block

    /** The explorer's data (JSON), drawn by the page's inlined script; hidden without JavaScript. */
    class Explorer(val id: String, val heading: String, val json: String, val caption: String) : Block

    /** The run's details as a two-column table, a caption, and the script folded away. */
    class Details(val rows: List<Pair<String, String>>, val caption: String?, val script: String) : Block

    var subtitle: String? = null
    var backLink: String? = null
    var banner: String? = null
    private val blocks = mutableListOf<Block>()

    operator fun plusAssign(block: Block) {
        blocks += block
    }

    fun html(p: Provenance): String = buildString {
        append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        // Nothing may be fetched from elsewhere: the page holds everything it shows.
        append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n")
        append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>").append(escapeHtml(title))
            .append(" · netlens</title>\n<style>\n").append(STYLE).append("\n</style>\n</head>\n<body>\n<main>\n")
        backLink?.let { append("<p class=\"sub\"><a href=\"").append(escapeHtml(it)).append("\">← all variants</a></p>\n") }
        append("<h1>").append(escapeHtml(title)).append("</h1>\n")
        subtitle?.let { append("<p class=\"sub\">").append(escapeHtml(it)).append("</p>\n") }
        banner?.let { append("<div class=\"banner partial\" id=\"partial\">").append(escapeHtml(it)).append("</div>\n") }
        for (b in blocks) block(b)
        if (blocks.any { it is Explorer }) append("<script>\n").append(SCRIPT).append("</script>\n")
        append("<p class=\"sub\">netlens ").append(escapeHtml(p.netlensVersion)).append(" · ").append(escapeHtml(p.startedAt)).append("</p>\n")
        append("</main>\n</body>\n</html>\n")
    }

    private fun StringBuilder.block(b: Block) {
        when (b) {
            is Text -> {
                append("<section").append(b.css?.let { " class=\"$it\"" } ?: "").append(" id=\"").append(b.id).append("\">\n<h2>")
                    .append(escapeHtml(b.heading)).append("</h2>\n")
                if (b.list) append("<ul>\n")
                for (line in b.lines) append(if (b.list) "<li>" else "<p>").append(escapeHtml(line)).append(if (b.list) "</li>\n" else "</p>\n")
                if (b.list) append("</ul>\n")
                append("</section>\n")
            }
            is Table -> {
                append("<section id=\"").append(b.id).append("\">\n<h2>").append(escapeHtml(b.heading)).append("</h2>\n<table>\n")
                for ((i, row) in (listOf(b.header) + b.rows).withIndex()) {
                    val link = if (i == 0) null else b.links?.get(i - 1)
                    append("<tr>")
                    for ((j, cell) in row.withIndex()) {
                        append("<td>")
                        if (j == 0 && link != null) append("<a href=\"").append(escapeHtml(link)).append("\">").append(escapeHtml(cell)).append("</a>")
                        else append(escapeHtml(cell))
                        append("</td>")
                    }
                    append("</tr>\n")
                }
                append("</table>\n")
                b.caption?.let { append("<p class=\"caption\">").append(escapeHtml(it)).append("</p>\n") }
                append("</section>\n")
            }
            is Figure -> {
                append("<section class=\"figure\" id=\"").append(b.out.id).append("\">\n<h2>").append(escapeHtml(b.out.title)).append("</h2>\n")
                append(b.svg).append("\n<p class=\"caption\">").append(escapeHtml(b.out.caption)).append("</p>\n</section>\n")
            }
            is Explorer -> {
                append("<section class=\"explorer-section\" id=\"").append(b.id).append("\">\n<h2>").append(escapeHtml(b.heading)).append("</h2>\n")
                append("<div class=\"explorer\" hidden></div><script class=\"explorer-data\" type=\"application/json\">").append(b.json)
                append("</script>\n<noscript><p class=\"caption\">The explorer needs JavaScript; the figures below show chosen epochs.</p></noscript>\n")
                append("<p class=\"caption\">").append(escapeHtml(b.caption)).append("</p>\n</section>\n")
            }
            is Diff -> {
                append("<section id=\"").append(b.id).append("\">\n<h2>").append(escapeHtml(b.heading)).append("</h2>\n<pre><code>")
                b.note?.let { append(escapeHtml(it)).append('\n') }
                for ((op, line) in b.lines) {
                    val cls = when (op) { '+' -> "add"; '-' -> "del"; else -> null }
                    if (cls != null) append("<span class=\"").append(cls).append("\">")
                    append(op).append(' ').append(escapeHtml(line))
                    if (cls != null) append("</span>")
                    append('\n')
                }
                append("</code></pre>\n</section>\n")
            }
            is Details -> {
                append("<section id=\"run\">\n<h2>Run</h2>\n")
                if (b.rows.isNotEmpty()) {
                    append("<table>\n")
                    for ((k, v) in b.rows) append("<tr><td>").append(escapeHtml(k)).append("</td><td>").append(escapeHtml(v)).append("</td></tr>\n")
                    append("</table>\n")
                }
                b.caption?.let { append("<p class=\"caption\">").append(escapeHtml(it)).append("</p>\n") }
                append("<details><summary>Script</summary>\n<pre><code>").append(escapeHtml(b.script)).append("</code></pre>\n</details>\n")
                append("</section>\n")
            }
        }
    }

    companion object {
        val STYLE = """
            :root { --ink: #1d2433; --muted: #5b6478; --line: #dde2ea; --accent: #4e79a7; }
            body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); margin: 0; background: #f6f7f9; }
            main { max-width: 1120px; margin: 0 auto; padding: 24px 28px 60px; }
            h1 { font-size: 26px; margin: 8px 0 4px; } h2 { font-size: 19px; margin: 0 0 10px; }
            .sub { color: var(--muted); margin: 0 0 18px; }
            section { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 18px 20px; margin: 18px 0; }
            .figure svg { max-width: 100%; height: auto; display: block; margin: 0 auto; }
            .caption { color: var(--muted); font-size: 13.5px; margin: 10px 0 0; }
            .verdict p { margin: 6px 0; }
            .banner { padding: 12px 16px; border-radius: 8px; margin: 14px 0; font-weight: 600; }
            .partial { background: #fff4e5; border: 1px solid #f0b35a; color: #7a4a00; }
            table { border-collapse: collapse; font-size: 13.5px; } td { padding: 3px 14px 3px 0; vertical-align: top; }
            td:first-child { color: var(--muted); white-space: nowrap; }
            pre { background: #f3f5f8; padding: 12px; border-radius: 6px; overflow-x: auto; font-size: 13px; }
            code { font-size: 13px; }
            .add { background: #e6f4ea; } .del { background: #fce8e6; }
            .explorer { position: relative; }
            .explorer-bar { display: flex; align-items: center; gap: 12px; }
            .explorer-slider { flex: 1; }
            .explorer-epoch { font-variant-numeric: tabular-nums; min-width: 150px; }
            .explorer-info { color: var(--muted); font-size: 13.5px; margin: 6px 0; }
            .explorer-toggles { font-size: 13px; margin: 4px 0; display: flex; flex-wrap: wrap; gap: 4px 14px; }
            .swatch { display: inline-block; width: 10px; height: 10px; border-radius: 5px; margin-left: 3px; }
            .explorer-panels { display: flex; flex-wrap: wrap; gap: 10px; margin-top: 8px; }
            .explorer-panel { margin: 0; } .explorer-panel figcaption { font-size: 12.5px; color: var(--muted); }
            .explorer-panel circle[data-i] { cursor: pointer; }
            .explorer-tip { position: absolute; background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 6px 8px;
              font-size: 12.5px; box-shadow: 0 2px 8px rgba(0,0,0,.12); pointer-events: none; z-index: 2; }
            .explorer-thumb { image-rendering: pixelated; margin-bottom: 4px; }
        """.trimIndent()

        /** The explorer's script, inlined into pages that have one. */
        val SCRIPT: String by lazy { Page::class.java.getResource("/netlens/plots/explorer.js")!!.readText() }
    }
}
