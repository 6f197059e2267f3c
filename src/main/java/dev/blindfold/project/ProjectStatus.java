package dev.blindfold.project;

/**
 * Whether a project hands out items: {@code ACTIVE} does; {@code PAUSED} hands out no new item (an annotator's open
 * one can still be finished) and can resume; {@code CLOSED} hands out no new item, for good.
 */
public enum ProjectStatus {
    ACTIVE,
    PAUSED,
    CLOSED
}
