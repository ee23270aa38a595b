package netlens.dsl

/** The names a script can use, for "did you mean" hints on a misspelt one. */
internal object DslNames {
    private val scopes = listOf(
        "netlens.dsl.CatalogKt", "netlens.dsl.ScheduleKt", "netlens.dsl.VariantsBuilderKt", "netlens.dsl.ExperimentScript",
        "netlens.dsl.ExperimentBuilder", "netlens.dsl.TrainBuilder", "netlens.dsl.ProbeBuilder", "netlens.dsl.ReportBuilder",
        "netlens.dsl.VariantsBuilder", "netlens.dsl.SweepBuilder", "netlens.dsl.EpochState", "netlens.dsl.ProbedLayer",
    )

    val all: Set<String> by lazy {
        scopes.mapNotNull { runCatching { Class.forName(it) }.getOrNull() }.flatMap { c ->
            c.methods.filter { it.declaringClass != Any::class.java && '$' !in it.name }.map { m ->
                val n = m.name
                if ((n.startsWith("get") || n.startsWith("set")) && n.length > 3 && n[3].isUpperCase()) n[3].lowercase() + n.substring(4) else n
            }
        }.toSet()
    }

    /** Up to three names within a few edits of [name], closest first. */
    fun closest(name: String): List<String> {
        val limit = maxOf(1, name.length / 3)
        return all.map { it to distance(name.lowercase(), it.lowercase()) }.filter { it.second in 1..limit }
            .sortedWith(compareBy({ it.second }, { it.first })).take(3).map { it.first }
    }

    /** Levenshtein distance. */
    private fun distance(a: String, b: String): Int {
        var prev = IntArray(b.length + 1) { it }
        for (i in 1..a.length) {
            val cur = IntArray(b.length + 1)
            cur[0] = i
            for (j in 1..b.length) cur[j] = minOf(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + if (a[i - 1] == b[j - 1]) 0 else 1)
            prev = cur
        }
        return prev[b.length]
    }
}
