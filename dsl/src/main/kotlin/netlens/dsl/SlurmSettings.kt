package netlens.dsl

/**
 * What each Slurm task of a sweep asks for: `slurm { partition = "short"; time = "2:00:00";
 * cpusPerTask = 4; memory = "8G"; account = "lab" }` in a script, each overridden by the
 * command line's `--partition`, `--time`, `--cpus`, `--mem`, `--account`. Unset keys are left to
 * the cluster's defaults. None of them changes a point's numbers, so none is part of its cache key.
 */
@NetlensDsl
class SlurmSettings {
    var partition: String? = null
    var time: String? = null
    var cpusPerTask: Int = 1
        set(value) {
            requireValue(value in 1..1024) { "cpusPerTask must be between 1 and 1024, got $value" }
            field = value
        }
    var memory: String? = null
        set(value) {
            requireValue(value == null || megabytes(value) != null) { "memory = \"$value\": give a size as Slurm takes it, e.g. \"4G\" or \"4000M\"" }
            field = value
        }
    var account: String? = null

    /** These settings with the command line's given ones in their place. */
    internal fun overriddenBy(o: Options): SlurmSettings = SlurmSettings().also { s ->
        s.partition = o.partition ?: partition
        s.time = o.time ?: time
        s.cpusPerTask = o.cpus ?: cpusPerTask
        s.memory = o.memory ?: memory
        s.account = o.account ?: account
    }

    /** The #SBATCH lines for these settings. */
    internal fun directives(): List<String> = listOfNotNull(
        "--cpus-per-task=$cpusPerTask",
        partition?.let { "--partition=$it" },
        time?.let { "--time=$it" },
        memory?.let { "--mem=$it" },
        account?.let { "--account=$it" },
    )

    /** The JVM's heap for a task: 80 % of the memory asked for (the rest is native: OpenBLAS, thread stacks), or the JVM's default. */
    internal fun heapOption(): String? = memory?.let { megabytes(it) }?.let { "-Xmx${(it * 0.8).toLong()}m" }

    companion object {
        /** Slurm's memory sizes: a number in megabytes, or with a K, M, G or T suffix. */
        fun megabytes(size: String): Long? {
            val m = Regex("""(\d+)([KMGT]?)""", RegexOption.IGNORE_CASE).matchEntire(size.trim()) ?: return null
            val n = m.groupValues[1].toLongOrNull() ?: return null
            return when (m.groupValues[2].uppercase()) {
                "K" -> n / 1024
                "", "M" -> n
                "G" -> n * 1024
                else -> n * 1024 * 1024
            }
        }
    }
}
