package netlens.plots

/**
 * Where a run came from, for run.json: the script (path, text, SHA-256), the git commit of the
 * repository holding it (null outside one; dirty = the script or tree had uncommitted changes),
 * the command line, and the software versions.
 */
data class Provenance(
    val scriptPath: String,
    val scriptText: String,
    val scriptSha256: String,
    val gitCommit: String?,
    val gitDirty: Boolean,
    val commandLine: List<String>,
    val netlensVersion: String,
    val startedAt: String,
)
