package netlens.run;

/**
 * An error that stopped a run after training began, carrying what the run had measured by then
 * (its outcome FAILED), so that the report keeps it and the error is still told.
 */
public final class RunFailure extends RuntimeException {
    private final transient Results partial;

    RunFailure(Results partial, Throwable cause) {
        super(cause.toString(), cause);
        this.partial = partial;
    }

    public Results partial() {
        return partial;
    }
}
