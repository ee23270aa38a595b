package netlens.data;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.Consumer;
import netlens.util.Caches;

/**
 * Finds dataset files: in an offline folder when one is given (--data, or NETLENS_DATA), else in the
 * download cache, else downloads them over HTTPS into the cache. Every file is checked against its
 * published size and SHA-256 before use; a download lands under its final name only once verified.
 */
public final class DataStore {
    private final Path offline;
    private final Path cache;
    private final Consumer<String> status;
    private final java.util.Map<String, Object> shared = new java.util.HashMap<>();

    public DataStore(Path offline, Path cache, Consumer<String> status) {
        this.offline = offline;
        this.cache = cache;
        this.status = status;
    }

    /** Offline folder from the argument, else NETLENS_DATA; the cache is netlens' ({@link Caches}). */
    public static DataStore standard(Path explicitFolder, Consumer<String> status) {
        Path offline = explicitFolder;
        String env = System.getenv("NETLENS_DATA");
        if (offline == null && env != null && !env.isBlank()) offline = Path.of(env);
        return new DataStore(offline, Caches.root(), status);
    }

    /**
     * A value derived from the data, made once per store however many runs ask for it at once (the
     * parallel points of a sweep share one store).
     */
    @SuppressWarnings("unchecked")
    public <T> T shared(String key, java.util.function.Supplier<T> make) {
        synchronized (shared) {
            return (T) shared.computeIfAbsent(key, k -> make.get());
        }
    }

    public Path offlineFolder() {
        return offline;
    }

    /** A verified local copy of the file, downloading it if needed. */
    public Split.SourceFile fetch(ImageCollection collection, ImageCollection.RemoteFile file) {
        if (offline != null) {
            Path p = offline.resolve(collection.folder()).resolve(file.name());
            if (!Files.isRegularFile(p)) p = offline.resolve(file.name());
            if (!Files.isRegularFile(p))
                throw new DataException(collection.title() + " file " + file.name() + " not found in the data folder " + offline
                        + " (looked in " + offline.resolve(collection.folder()) + " and " + offline + ")");
            return verified(p, collection, file);
        }
        Path cached = cache.resolve(collection.folder()).resolve(file.name());
        if (Files.isRegularFile(cached)) return verified(cached, collection, file);
        download(collection, file, cached);
        return verified(cached, collection, file);
    }

    /**
     * Checks size and SHA-256. A stamp in the cache records a file already verified with its size and
     * modification time, so an unchanged file is not hashed again on every run.
     */
    private Split.SourceFile verified(Path p, ImageCollection collection, ImageCollection.RemoteFile file) {
        try {
            long size = Files.size(p);
            if (size != file.bytes()) {
                // The other collection's file of the same name, put in the wrong folder, is the likely mistake.
                for (ImageCollection other : ImageCollection.values())
                    for (ImageCollection.RemoteFile f : other.files())
                        if (other != collection && f.name().equals(file.name()) && f.bytes() == size)
                            throw new DataException(p + " looks like " + other.title() + "'s " + f.name() + " (" + size + " bytes), not "
                                    + collection.title() + "'s (" + file.bytes() + " bytes): the data folder holds " + other.title()
                                    + " where " + collection.title() + " belongs");
                throw new DataException(p + " is corrupt or truncated: " + size + " bytes, expected " + file.bytes());
            }
            String seen = size + " " + Files.getLastModifiedTime(p).toMillis() + " " + file.sha256();
            Path stamp = cache.resolve("verified").resolve(sha256(p.toAbsolutePath().toString()));
            if (!(Files.isRegularFile(stamp) && Files.readString(stamp).equals(seen))) {
                String sha = sha256(p);
                if (!sha.equals(file.sha256()))
                    throw new DataException(p + " is corrupt: SHA-256 " + sha + ", expected " + file.sha256());
                writeQuietly(stamp, seen);
            }
            return new Split.SourceFile(file.name(), p.toAbsolutePath().toString(), size, file.sha256());
        } catch (IOException e) {
            throw new DataException("cannot read " + p + ": " + e.getMessage(), e);
        }
    }

    /** Cache writes are an optimisation: an unwritable cache only costs time. */
    private static void writeQuietly(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Path partial = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".part");
            Files.writeString(partial, content);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | UnsupportedOperationException e) {
            // ignored on purpose
        }
    }

    private void download(ImageCollection collection, ImageCollection.RemoteFile file, Path target) {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(20)).build();
        StringBuilder failures = new StringBuilder();
        for (String mirror : collection.mirrors()) {
            URI uri = URI.create(mirror + file.name());
            if (!"https".equals(uri.getScheme())) throw new IllegalStateException("refusing non-HTTPS mirror " + uri);
            status.accept("downloading " + uri + " (" + file.bytes() / 1024 + " KiB)");
            try {
                Files.createDirectories(target.getParent());
                Path partial = Files.createTempFile(target.getParent(), file.name(), ".part");
                try {
                    HttpResponse<InputStream> response = http.send(
                            HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(5)).GET().build(),
                            HttpResponse.BodyHandlers.ofInputStream());
                    if (response.statusCode() != 200) {
                        response.body().close();
                        throw new IOException("HTTP " + response.statusCode());
                    }
                    try (InputStream in = response.body()) {
                        Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                    }
                    verified(partial, collection, file);
                    try {
                        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
                    } catch (AtomicMoveNotSupportedException e) {
                        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                    return;
                } finally {
                    Files.deleteIfExists(partial);
                }
            } catch (IOException | DataException e) {
                failures.append("\n  ").append(uri).append(": ").append(e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DataException("download of " + uri + " interrupted", e);
            }
        }
        throw new DataException("could not download " + collection.title() + " " + file.name() + ":" + failures
                + "\n  offline? pass --data DIR (or set NETLENS_DATA) to a folder holding " + collection.folder() + "/" + file.name());
    }

    /**
     * The IDX array in a verified file. Decompressed copies are kept in the cache under the
     * SHA-256 of the compressed file, so later runs skip gunzip (the bulk of start-up time).
     */
    public Idx.Array readIdx(Split.SourceFile file) {
        Path plain = cache.resolve("idx").resolve(file.sha256() + ".idx");
        if (Files.isRegularFile(plain)) {
            try {
                return Idx.read(plain);
            } catch (DataException e) {
                // a damaged cache entry: fall back to the verified original below
            }
        }
        Idx.Array array = Idx.read(Path.of(file.path()));
        try {
            Files.createDirectories(plain.getParent());
            Path partial = Files.createTempFile(plain.getParent(), file.sha256(), ".part");
            Idx.write(array, partial);
            Files.move(partial, plain, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | UnsupportedOperationException e) {
            // the cache is an optimisation; an unwritable one only costs time
        }
        return array;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A file's SHA-256 in hex. */
    public static String sha256(Path p) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(p)) {
            for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
