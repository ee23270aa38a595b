package netlens.plots

import java.nio.channels.FileChannel
import java.nio.file.AtomicMoveNotSupportedException
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardCopyOption
import java.nio.file.StandardOpenOption
import java.util.concurrent.ConcurrentHashMap

/**
 * Replaces `<root>/<name>/` only with a complete new version: the content is written into a
 * temporary sibling, then swapped in under a lock (a file lock against other processes, a monitor
 * against other threads). A crash between the swap's two renames leaves `.<name>.previous`, which
 * the next write puts back first, so the folder's last complete version is never lost.
 */
internal object AtomicFolder {
    private val monitors = ConcurrentHashMap<Path, Any>()

    fun write(root: Path, name: String, fill: (Path) -> Unit): Path {
        Files.createDirectories(root)
        val staging = Files.createTempDirectory(root, ".$name.staging-")
        try {
            fill(staging)
            val target = root.resolve(name)
            val lockFile = root.resolve(".$name.lock").toAbsolutePath().normalize()
            synchronized(monitors.computeIfAbsent(lockFile) { Any() }) {
                FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE).use { channel ->
                    channel.lock().use { swap(root, staging, target, name) }
                }
            }
            return target
        } finally {
            if (Files.exists(staging)) deleteTree(staging)
        }
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
