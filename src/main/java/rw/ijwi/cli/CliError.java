package rw.ijwi.cli;

/** A command-line mistake whose message names the bad value; printed without a stack trace, exit code 2. */
public final class CliError extends RuntimeException {
    public CliError(String message) {
        super(message);
    }
}
