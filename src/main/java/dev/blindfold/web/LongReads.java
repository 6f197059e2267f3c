package dev.blindfold.web;

/**
 * How long a transaction may run that reads a whole project: an export, agreement and gold, the overview, or a
 * verification of the log, each at a million labels.
 */
public final class LongReads {

    /** An hour. */
    public static final int TIMEOUT_SECONDS = 3600;

    private LongReads() {
    }
}
