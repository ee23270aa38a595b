package netlens.dsl

import java.util.concurrent.TimeUnit

/** Slurm's own commands, as netlens asks them: sbatch to submit, squeue for what waits or runs, sacct for how a task ended. */
internal object Slurm {
    /** Exit code and combined output of a Slurm command; -1 when it is not installed. */
    fun run(vararg command: String): Pair<Int, String> {
        val process = try {
            ProcessBuilder(*command).redirectErrorStream(true).start()
        } catch (e: java.io.IOException) {
            return -1 to "${command.first()} is not installed here (netlens submits with Slurm's sbatch, squeue and sacct)"
        }
        val out = process.inputStream.bufferedReader().readText()
        if (!process.waitFor(60, TimeUnit.SECONDS)) process.destroyForcibly()
        return process.exitValue() to out
    }

    /** "job_index" → state (PENDING, RUNNING, …) of every array task with this job name that Slurm still queues or runs. */
    fun queued(jobName: String): Map<String, String> {
        val (code, out) = run("squeue", "--noheader", "--array", "--name=$jobName", "--format=%i %T")
        if (code != 0) throw InputError("squeue failed: ${out.trim()}")
        return out.lines().map { it.trim().split(" ") }.filter { it.size == 2 }.associate { it[0] to it[1] }
    }

    /**
     * "job_index" → "FAILED, exit 1:0" for the ended array tasks of these jobs, where the cluster keeps
     * accounting (sacct); empty where it does not (then a task that left neither the queue nor a point failed).
     */
    fun accounting(jobs: List<String>): Map<String, String> {
        if (jobs.isEmpty()) return emptyMap()
        val (code, out) = run("sacct", "--noheader", "--parsable2", "--allocations", "--jobs=${jobs.joinToString(",")}", "--format=JobID,State,ExitCode")
        if (code != 0) return emptyMap()
        return out.lines().map { it.split("|") }.filter { it.size == 3 && it[0].contains('_') }
            .associate { it[0] to "${it[1].lowercase()}, exit ${it[2]}" }
    }
}
