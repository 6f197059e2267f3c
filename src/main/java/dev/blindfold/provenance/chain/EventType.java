package dev.blindfold.provenance.chain;

import java.util.EnumSet;
import java.util.Set;

/** What happened. Server events are written by the server; client events are claims the page reports. */
public enum EventType {
    ITEM_SHOWN,
    BLIND_COMMITTED,
    DRAFTS_REVEALED,
    FINAL_SAVED,
    DRAFTS_RATED,
    SKIPPED,
    RELEASED,
    FIRST_INPUT,
    PASTE,
    FOCUS_LOST,
    FOCUS_RETURNED,
    VISIBILITY_HIDDEN,
    KEYSTROKES;

    public static final Set<EventType> CLIENT =
            EnumSet.of(FIRST_INPUT, PASTE, FOCUS_LOST, FOCUS_RETURNED, VISIBILITY_HIDDEN, KEYSTROKES);

    public boolean clientReported() {
        return CLIENT.contains(this);
    }
}
