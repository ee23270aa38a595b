package netlens.data;

/** A dataset that is missing, corrupt, or asked for in a way it cannot satisfy; the message says which. */
public final class DataException extends RuntimeException {
    public DataException(String message) {
        super(message);
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
