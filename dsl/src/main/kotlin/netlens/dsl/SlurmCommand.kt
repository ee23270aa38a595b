package netlens.dsl

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardCopyOption
import java.time.LocalDateTime
import java.time.format.DateTimeFormatter
import netlens.linalg.Backend
import netlens.run.Executor
import netlens.run.Point
import netlens.util.Caches

/**
 * A plan's points on Slurm. `--slurm` submits the points not in the point cache (and not already
 * queued) as one `sbatch --array` job, each task running one point with `--task KEY` into the cache
 * (written by atomic rename, so NFS needs no locks), and a job after it (`afterany`) that draws the
 * report from the cache with `--assemble`. `--status` tells each point's state from the cache,
 * `squeue`, and `sacct` where the cluster keeps accounting. Each submission is kept in
 * `~/.cache/netlens/slurm/<experiment>/`: its batch scripts, the cache key of each array task, the job
 * ids, and each task's log. The tasks run a copy of this netlens build in `~/.cache/netlens/builds/`,
 * so rebuilding while they wait changes nothing.
 */
internal class SlurmCommand(private val cli: Cli, private val options: Options) {
    private val runs = RunCommand(cli, options)

    /** Submits what is missing; exit code. */
    fun submit(script: Path): Int {
        val plan = runs.plan(script)
        RunCommand.checkWritable(options.out)
        val jobs = Jobs(plan.name)
        val states = jobs.states(plan.points)
        val missing = plan.points.filter { states.getValue(it.key()).let { s -> s.state == State.MISSING || s.state == State.FAILED } }
        val queued = states.values.count { it.state == State.PENDING || it.state == State.RUNNING }
        val settings = plan.plans.first().slurm.overriddenBy(options)
        if (missing.isEmpty()) {
            cli.stdout.println(if (queued == 0) "netlens: all ${plan.points.size} points are in the cache; ./run $script draws the report"
                else "netlens: nothing to submit: $queued points are queued or running (./run $script --status)")
            if (queued > 0) cli.stdout.println(estimate(plan.points, plan.points.filter { states.getValue(it.key()).state != State.DONE }, "queued", settings))
            return Cli.OK
        }
        cli.stdout.println(estimate(plan.points, missing, "to run", settings))
        val submission = jobs.newSubmission()
        Files.write(submission.tasks, missing.map { it.key() })
        val build = Build.snapshot()
        val java = ProcessHandle.current().info().command().orElse("java")
        val data = options.data?.toAbsolutePath()?.let { " --data ${quote(it.toString())}" } ?: ""
        val jvm = listOfNotNull("-Xss8m", settings.heapOption()).joinToString(" ")
        val command = "exec ${quote(java)} $jvm -cp ${quote(build)} netlens.dsl.MainKt ${quote(script.toAbsolutePath().toString())}"
        val array = submission.script("tasks", settings.directives() + listOf("--job-name=${jobs.jobName}", "--array=0-${missing.size - 1}",
            "--output=${jobs.dir}/%A_%a.out"), """
            key=${'$'}(sed -n "${'$'}((SLURM_ARRAY_TASK_ID + 1))p" ${quote(submission.tasks.toString())})
            $command --task "${'$'}key" --threads "${'$'}{SLURM_CPUS_PER_TASK:-1}"$data
        """)
        val arrayJob = sbatch(array)
        Files.writeString(submission.job, arrayJob)
        val report = submission.script("report", settings.directives().filter { !it.startsWith("--cpus") } + listOf("--cpus-per-task=1",
            "--job-name=${jobs.jobName}-report", "--dependency=afterany:$arrayJob", "--output=${jobs.dir}/%j-report.out"), """
            $command --assemble --out ${quote(options.out.toAbsolutePath().toString())} --threads 1$data
        """)
        val reportJob = sbatch(report)
        cli.stdout.println("netlens: submitted ${missing.size} of ${plan.points.size} points as Slurm job $arrayJob " +
            "(${settings.directives().joinToString(" ")}); job $reportJob draws ${options.out.resolve(plan.name)}/ when they end. " +
            "./run $script --status follows them")
        return Cli.OK
    }

    /** Prints every point's state; exit code. */
    fun status(script: Path): Int {
        val plan = runs.plan(script)
        val states = Jobs(plan.name).states(plan.points)
        val counts = State.values().associateWith { s -> states.values.count { it.state == s } }.filterValues { it > 0 }
        cli.stdout.println("${plan.name}: ${plan.points.size} points: " + counts.entries.joinToString(", ") { "${it.value} ${it.key.word}" })
        for (p in plan.points) {
            val s = states.getValue(p.key())
            cli.stdout.println(String.format("  %-40s %-9s %s", p.label().ifEmpty { plan.name }, s.state.word, s.detail))
        }
        return Cli.OK
    }

    /** A Slurm task: the point with cache key [key], run alone into the cache; exit code. */
    fun task(script: Path, key: String): Int {
        val plan = runs.plan(script)
        val point = plan.points.firstOrNull { it.key() == key }
            ?: throw InputError("$script has no point with cache key $key: the script or netlens changed since the job was submitted; run --slurm again")
        val progress = Progress(cli.stderr, false, point.experiment().train()) { cli.wasInterrupted }
        cli.installInterruptHandler()
        val store = netlens.data.DataStore.standard(options.data) { progress.status(it) }
        progress.status("${plan.name} ${point.label()}: ${Backend.blas().name()}, ${options.threads} thread${if (options.threads == 1) "" else "s"}")
        val done = Executor(Backend.blas(), options.threads, store, RunCommand.pointCache()).run(listOf(point), true, { _, _ -> progress }) { progress.status(it) }.single()
        progress.finish()
        done.failure()?.let { throw it }
        val outcome = done.results().outcome()
        cli.stderr.println("netlens: ${point.label()}: ${outcome.status().name.lowercase()}: ${outcome.message()}")
        return if (done.results().complete()) Cli.OK else Cli.FAILED
    }

    /** The plan's cost in CPU-hours and wall time, from its cached points and the partition's node size (sinfo). */
    private fun estimate(points: List<Point>, missing: List<Point>, what: String, settings: SlurmSettings): String {
        val e = PlanEstimate.of(points, missing, RunCommand.pointCache(), settings.cpusPerTask)
            ?: return "netlens: no estimate of the plan's cost yet: none of its points has run (the cached ones are the measure)"
        val cpus = Slurm.run(*listOfNotNull("sinfo", "--noheader", "--format=%c", settings.partition?.let { "--partition=$it" }).toTypedArray())
            .second.lines().firstOrNull()?.trim()?.toIntOrNull()
        val wall = cpus?.let { c -> "; wall time on nodes of $c CPUs: " +
            listOf(1, 4, 16).joinToString(", ") { n -> "$n node${if (n == 1) "" else "s"} ${duration(e.wallHours(n, c, settings.cpusPerTask))}" } } ?: ""
        return f("netlens: %d points %s, estimated from %d cached ones (seconds ≈ a·p^b per series): %.3g CPU-hours (the whole plan %.3g, "
                + "of which %.3g measured), the longest point %s", missing.size, what, e.measured, e.cpuHours, e.cpuHours + e.measuredCpuHours,
            e.measuredCpuHours, duration(e.longestHours)) + wall
    }

    private fun f(format: String, vararg args: Any?) = String.format(java.util.Locale.ROOT, format, *args)

    private fun duration(hours: Double): String = when {
        hours < 1.0 / 60 -> f("%.0f s", hours * 3600)
        hours < 1 -> f("%.0f min", hours * 60)
        else -> f("%.1f h", hours)
    }

    private fun sbatch(script: Path): String {
        val (code, out) = Slurm.run("sbatch", "--parsable", script.toString())
        if (code != 0) throw InputError("sbatch refused $script: ${out.trim()}")
        return out.trim().substringBefore(';')                      // "id" or "id;cluster"
    }

    enum class State(val word: String) { DONE("done"), RUNNING("running"), PENDING("pending"), FAILED("failed"), MISSING("missing") }

    class PointState(val state: State, val detail: String = "")

    /** The submissions of one experiment, kept in its folder. */
    private class Jobs(name: String) {
        val dir: Path = Files.createDirectories(Caches.root().resolve("slurm").resolve(name))
        val jobName = "netlens-$name"

        inner class Submission(stamp: String) {
            val tasks: Path = dir.resolve("$stamp.tasks")
            val job: Path = dir.resolve("$stamp.job")
            private val prefix = stamp

            fun script(role: String, directives: List<String>, body: String): Path {
                val file = dir.resolve("$prefix-$role.sh")
                Files.writeString(file, "#!/bin/bash\n" + directives.joinToString("") { "#SBATCH $it\n" } + body.trimIndent() + "\n")
                return file
            }
        }

        fun newSubmission(): Submission =
            Submission(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")))

        /** Each point's state: in the cache, else what Slurm says of the last task that ran it. */
        fun states(points: List<Point>): Map<String, PointState> {
            val cache = RunCommand.pointCache()
            val taskOf = HashMap<String, String>()                  // key -> "job_index", the latest submission last
            Files.list(dir).use { s -> s.filter { it.toString().endsWith(".job") }.sorted().toList() }.forEach { jobFile ->
                val job = Files.readString(jobFile).trim()
                val keys = Files.readAllLines(jobFile.resolveSibling(jobFile.fileName.toString().removeSuffix(".job") + ".tasks"))
                keys.forEachIndexed { i, key -> taskOf[key] = "${job}_$i" }
            }
            val queued = Slurm.queued(jobName)
            val ended = Slurm.accounting(taskOf.values.map { it.substringBefore('_') }.distinct())
            return points.associate { p ->
                val task = taskOf[p.key()]
                p.key() to when {
                    cache.contains(p) -> PointState(State.DONE, task?.let { "job $it" } ?: "")
                    task == null -> PointState(State.MISSING, "not submitted")
                    queued[task] == "RUNNING" -> PointState(State.RUNNING, "job $task")
                    queued[task] != null -> PointState(State.PENDING, "job $task (${queued[task]!!.lowercase()})")
                    else -> PointState(State.FAILED, "job $task" + (ended[task]?.let { ", $it" } ?: "") + lastLine(task))
                }
            }
        }

        private fun lastLine(task: String): String {
            val log = dir.resolve("$task.out")
            if (!Files.isRegularFile(log)) return ", no log"
            val last = Files.readAllLines(log).lastOrNull { it.isNotBlank() } ?: return ", empty log $log"
            return ": \"${last.trim().take(160)}\" ($log)"
        }
    }

    /** A copy of the running build's class path that later builds cannot touch: jars and class folders outside Maven's repository. */
    private object Build {
        fun snapshot(): String {
            val target = Caches.root().resolve("builds").resolve(ScriptHost.BUILD_ID)
            val entries = classPath()
            val own = entries.filter { !it.toString().contains("/.m2/") }
            if (!Files.isDirectory(target)) {
                val staging = Files.createTempDirectory(Files.createDirectories(target.parent), ".build")
                own.forEachIndexed { i, entry ->
                    val copy = staging.resolve("$i-${entry.fileName}")
                    if (Files.isDirectory(entry)) entry.toFile().copyRecursively(copy.toFile()) else Files.copy(entry, copy)
                }
                try {
                    Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE)
                } catch (e: java.nio.file.FileSystemException) {
                    staging.toFile().deleteRecursively()            // another submission got there first
                }
            }
            val copies = own.indices.map { i -> target.resolve("$i-${own[i].fileName}") }
            return (copies + entries.filter { it.toString().contains("/.m2/") }).joinToString(java.io.File.pathSeparator)
        }

        /** The class path, with the entries a jar's manifest adds (Surefire's manifest-only jar lists the whole test class path). */
        private fun classPath(): List<Path> = System.getProperty("java.class.path").split(java.io.File.pathSeparator).filter { it.isNotBlank() }.flatMap { e ->
            val p = Path.of(e).toAbsolutePath()
            val listed = if (Files.isRegularFile(p) && p.toString().endsWith(".jar"))
                java.util.jar.JarFile(p.toFile()).use { it.manifest?.mainAttributes?.getValue("Class-Path") } else null
            listOf(p) + listed.orEmpty().trim().split(Regex("\\s+")).filter { it.isNotEmpty() }.map { Path.of(p.parent.toUri().resolve(it)) }.filter { Files.exists(it) }
        }.distinct()
    }

    companion object {
        fun quote(s: String) = "'" + s.replace("'", "'\\''") + "'"
    }
}
