package netlens.plots

/** A line diff by longest common subsequence: (' ', line) kept, ('-', line) only in a, ('+', line) only in b. */
internal object LineDiff {
    fun of(a: List<String>, b: List<String>): List<Pair<Char, String>> {
        val lcs = Array(a.size + 1) { IntArray(b.size + 1) }
        for (i in a.indices.reversed()) for (j in b.indices.reversed())
            lcs[i][j] = if (a[i] == b[j]) lcs[i + 1][j + 1] + 1 else maxOf(lcs[i + 1][j], lcs[i][j + 1])
        val out = mutableListOf<Pair<Char, String>>()
        var i = 0
        var j = 0
        while (i < a.size || j < b.size) {
            when {
                i < a.size && j < b.size && a[i] == b[j] -> { out += ' ' to a[i]; i++; j++ }
                j < b.size && (i == a.size || lcs[i][j + 1] >= lcs[i + 1][j]) -> { out += '+' to b[j]; j++ }
                else -> { out += '-' to a[i]; i++ }
            }
        }
        return out
    }
}
