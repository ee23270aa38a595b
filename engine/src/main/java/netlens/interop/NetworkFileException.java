package netlens.interop;

/** A network or data file netlens cannot read as asked; the message names the file, tensor or layer and what was expected. */
public class NetworkFileException extends RuntimeException {
    public NetworkFileException(String message) {
        super(message);
    }

    public NetworkFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
