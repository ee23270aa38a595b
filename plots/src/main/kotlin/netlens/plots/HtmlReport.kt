package netlens.plots

import java.util.Locale
import netlens.train.Trainer

/** The report page: summary, verdict, figures (inline SVG), run details and the script itself. */
internal object HtmlReport {
    val style = """
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
    """.trimIndent()

    /** The report of one run; [variant] and [backLink] are set when it is one variant of several. */
    fun page(view: ResultView, p: Provenance, svgs: List<Pair<FigureOut, String>>, verdict: List<String>,
             variant: String = "", backLink: String? = null): String {
        val r = view.results
        val e = r.experiment()
        val heading = if (variant.isEmpty()) e.name() else "${e.name()} · $variant"
        val partial = r.outcome().status() != Trainer.Status.COMPLETED
        return buildString {
            head(heading)
            if (backLink != null) append("<p class=\"sub\"><a href=\"").append(escapeHtml(backLink)).append("\">← all variants</a></p>\n")
            append("<h1>").append(escapeHtml(heading)).append("</h1>\n")
            append("<p class=\"sub\">").append(escapeHtml(r.dataDescription())).append(" · ")
                .append(escapeHtml(r.network().toString())).append(" · seed ").append(e.seed()).append("</p>\n")
            if (partial) append("<div class=\"banner partial\" id=\"partial\">Partial report: ")
                .append(escapeHtml(r.outcome().message())).append("</div>\n")
            append("<section class=\"verdict\" id=\"summary\">\n<h2>Summary</h2>\n")
            for (s in verdict) append("<p>").append(escapeHtml(s)).append("</p>\n")
            append("</section>\n")
            kernels(r)
            figures(svgs)
            append("<section id=\"run\">\n<h2>Run</h2>\n<table>\n")
            fun row(k: String, v: String) = append("<tr><td>").append(escapeHtml(k)).append("</td><td>").append(escapeHtml(v)).append("</td></tr>\n")
            row("script", "${p.scriptPath} (sha256 ${p.scriptSha256.take(16)}…)")
            row("git", p.gitCommit?.let { it + if (p.gitDirty) " (uncommitted changes)" else "" } ?: "not in a repository")
            row("data", "${r.trainSize()} train / ${r.testSize()} test samples; " +
                r.dataFiles().joinToString("; ") { "${it.name()} sha256 ${it.sha256().take(12)}…" }.ifEmpty { "generated" })
            row("network", "${r.network()}, ${r.parameters()} parameters")
            row("training", "${e.train().loss().key()}, ${e.train().optimizer()}, batch ${if (e.train().batchSize() == 0) "full" else e.train().batchSize()}")
            row("outcome", "${r.outcome().status().name.lowercase()}: ${r.outcome().message()}")
            row("timings", String.format(Locale.ROOT, "data %.1f s, training %.1f s, probes %.1f s", r.timings().loadSeconds(),
                r.timings().trainSeconds(), r.timings().probeSeconds()))
            row("machine", "${r.backend()}, ${r.threads()} threads, Java ${System.getProperty("java.version")}")
            row("files", "metrics.csv (epoch, layer, metric, value), run.json, embeddings.npy + labels.npy, figures/*.svg")
            append("</table>\n")
            script(p)
            append("</section>\n")
            foot(p)
        }
    }

    /** The page comparing an experiment's variants, with a link to each variant's own report. */
    fun variantsPage(name: String, runs: List<Run>, p: Provenance, svgs: List<Pair<FigureOut, String>>, folder: (String) -> String): String =
        buildString {
            head(name)
            append("<h1>").append(escapeHtml(name)).append("</h1>\n")
            append("<p class=\"sub\">").append(runs.size).append(" variants · ")
                .append(escapeHtml(runs.first().view.results.dataDescription())).append("</p>\n")
            if (runs.any { it.view.results.outcome().status() != Trainer.Status.COMPLETED })
                append("<div class=\"banner partial\" id=\"partial\">Partial report: not every variant completed</div>\n")
            append("<section id=\"variants\">\n<h2>Variants</h2>\n<table>\n")
            append("<tr><td>variant</td><td>network</td><td>epochs</td><td>train accuracy</td><td>test accuracy</td><td>outcome</td></tr>\n")
            for (run in runs) {
                val r = run.view.results
                val last = r.history().last()
                append("<tr><td><a href=\"").append(escapeHtml(folder(run.label))).append("/index.html\">").append(escapeHtml(run.label))
                    .append("</a></td><td>").append(escapeHtml(r.network().toString())).append("</td><td>").append(last.epoch())
                    .append("</td><td>").append(String.format(Locale.ROOT, "%.2f%%", 100 * last.trainAccuracy()))
                    .append("</td><td>").append(if (last.testAccuracy().isNaN()) "" else String.format(Locale.ROOT, "%.2f%%", 100 * last.testAccuracy()))
                    .append("</td><td>").append(escapeHtml(r.outcome().status().name.lowercase() + ": " + r.outcome().message())).append("</td></tr>\n")
            }
            append("</table>\n<p class=\"caption\">Each variant's own page holds its layer-by-layer figures and data files.</p>\n</section>\n")
            figures(svgs)
            append("<section id=\"run\">\n<h2>Run</h2>\n")
            script(p)
            append("</section>\n")
            foot(p)
        }

    private fun StringBuilder.head(title: String) {
        append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        append("<title>").append(escapeHtml(title)).append(" · netlens</title>\n<style>\n").append(style).append("\n</style>\n</head>\n<body>\n<main>\n")
    }

    /** The studied kernels' NC1 beside the trained network's, and the baselines' test errors. */
    private fun StringBuilder.kernels(r: netlens.run.Results) {
        if (r.collapse().isNotEmpty()) {
            append("<section id=\"kernels\">\n<h2>Kernel NC1</h2>\n<table>\n<tr><td>features of</td><td>NC1</td><td>Tr Σ_W / Tr Σ_B</td><td>CDNV</td></tr>\n")
            for ((k, c) in r.collapse())
                append("<tr><td>").append(escapeHtml(k)).append("</td><td>")
                    .append(String.format(Locale.ROOT, "%.4g</td><td>%.4g</td><td>%.4g", c.nc1(), c.quotient(), c.cdnv())).append("</td></tr>\n")
            append("</table>\n<p class=\"caption\">On the training set: each kernel's implied features, the trained network's last hidden layer ")
                .append("(network_features) and its empirical NTK (network_ntk).</p>\n</section>\n")
        }
        if (r.baselines().isNotEmpty()) {
            append("<section id=\"baselines\">\n<h2>Baselines</h2>\n<table>\n<tr><td>baseline</td><td>test error</td></tr>\n")
            for ((b, error) in r.baselines())
                append("<tr><td>").append(escapeHtml(b.key())).append("</td><td>").append(String.format(Locale.ROOT, "%.4f", error)).append("</td></tr>\n")
            append("</table>\n</section>\n")
        }
    }

    private fun StringBuilder.figures(svgs: List<Pair<FigureOut, String>>) {
        for ((fig, svg) in svgs) {
            append("<section class=\"figure\" id=\"").append(fig.id).append("\">\n<h2>").append(escapeHtml(fig.title)).append("</h2>\n")
            append(svg).append("\n<p class=\"caption\">").append(escapeHtml(fig.caption)).append("</p>\n</section>\n")
        }
    }

    private fun StringBuilder.script(p: Provenance) {
        append("<details><summary>Script</summary>\n<pre><code>").append(escapeHtml(p.scriptText)).append("</code></pre>\n</details>\n")
    }

    private fun StringBuilder.foot(p: Provenance) {
        append("<p class=\"sub\">netlens ").append(escapeHtml(p.netlensVersion)).append(" · ").append(escapeHtml(p.startedAt)).append("</p>\n")
        append("</main>\n</body>\n</html>\n")
    }
}
