package netlens.plots

import java.nio.channels.FileChannel
import java.nio.file.AtomicMoveNotSupportedException
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardCopyOption
import java.nio.file.StandardOpenOption
import java.time.Duration
import java.time.Instant
import java.util.concurrent.ConcurrentHashMap

/**
 * Replaces `<root>/<name>/` only with a complete new version: the content is written into a
 * staging sibling, then swapped in under a lock (one file lock per output folder against other
 * processes, a monitor against other threads). A crash between the swap's two renames leaves
 * `.<name>.previous`, which the next write puts back first, so the folder's last complete version is
 * never lost. Staging folders are named after their process, so those a killed run left behind are
 * removed by the next write. Folders get the permissions the umask gives, like any other.
 */
internal object AtomicFolder {
    /** The one lock file of an output folder. */
    const val LOCK = ".netlens.lock"

    private val monitors = ConcurrentHashMap<Path, Any>()

    fun write(root: Path, name: String, fill: (Path) -> Unit): Path {
        Files.createDirectories(root)
        val staging = Files.createDirectory(root.resolve(".$name$STAGING${ProcessHandle.current().pid()}-${System.nanoTime()}"))
        try {
            fill(staging)
            val target = root.resolve(name)
            locked(root) {
                removeAbandoned(root)
                swap(root, staging, target, name)
            }
            return target
        } finally {
            if (Files.exists(staging)) deleteTree(staging)
        }
    }

    /** Deletes `<root>/<name>/` if it is there, under the same lock as writes. */
    fun remove(root: Path, name: String) {
        val target = root.resolve(name)
        if (!Files.exists(target)) return
        locked(root) { if (Files.exists(target)) deleteTree(target) }
    }

    private fun <T> locked(root: Path, block: () -> T): T {
        val lockFile = root.resolve(LOCK).toAbsolutePath().normalize()
        synchronized(monitors.computeIfAbsent(lockFile) { Any() }) {
            FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE).use { channel ->
                channel.lock().use { return block() }
            }
        }
    }

    private const val STAGING = ".staging-"

    /** Staging folders whose process has ended (or, unnamed by a process, older than a day). */
    private fun removeAbandoned(root: Path) {
        val abandoned = Files.list(root).use { s ->
            s.filter { p ->
                val n = p.fileName.toString()
                if (!n.startsWith(".") || !n.contains(STAGING) || !Files.isDirectory(p)) return@filter false
                val pid = n.substringAfterLast(STAGING).substringBefore('-').toLongOrNull()
                if (pid != null && n.substringAfterLast(STAGING).contains('-')) ProcessHandle.of(pid).map { !it.isAlive }.orElse(true)
                else Files.getLastModifiedTime(p).toInstant().isBefore(Instant.now().minus(Duration.ofDays(1)))
            }.toList()
        }
        for (p in abandoned) deleteTree(p)
    }

    private fun swap(root: Path, staging: Path, target: Path, name: String) {
        val previous = root.resolve(".$name.previous")
        if (!Files.exists(target) && Files.exists(previous)) move(previous, target)
        if (Files.exists(target)) {
            if (Files.exists(previous)) deleteTree(previous)
            move(target, previous)
        }
        move(staging, target)
        if (Files.exists(previous)) deleteTree(previous)
    }

    private fun move(from: Path, to: Path) {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE)
        } catch (e: AtomicMoveNotSupportedException) {
            Files.move(from, to)
        }
    }

    private fun deleteTree(p: Path) {
        Files.walk(p).use { s -> s.sorted(Comparator.reverseOrder()).forEach { Files.deleteIfExists(it) } }
    }
}
