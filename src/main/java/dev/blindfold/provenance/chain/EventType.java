package dev.blindfold.provenance.chain;

import java.util.EnumSet;
import java.util.Set;

/**
 * What happened. Server events are written by the server; client events are claims the page reports. DRAFT_REDACTED
 * and DRAFT_DROPPED are label ops changing a draft that names its model before anyone labels its item; they belong
 * to no assignment and go in the ops user's chain. GOLD_ITEM_SET and GOLD_ITEM_CLEARED are label ops giving an item a
 * known answer (a gold item, a control) or taking it away, before anyone is handed the item; the same: no assignment,
 * the ops user's chain. REVIEW_SHOWN, ADJUDICATION_COMMITTED, ADJUDICATION_REVEALED and ADJUDICATION_FINAL are a
 * reviewer's adjudication of one item (its id in the payload): no assignment, the reviewer's chain.
 */
public enum EventType {
    ITEM_SHOWN,
    BLIND_COMMITTED,
    DRAFTS_REVEALED,
    FINAL_SAVED,
    DRAFTS_RATED,
    SKIPPED,
    RELEASED,
    DRAFT_REDACTED,
    DRAFT_DROPPED,
    GOLD_ITEM_SET,
    GOLD_ITEM_CLEARED,
    FIRST_INPUT,
    PASTE,
    FOCUS_LOST,
    FOCUS_RETURNED,
    VISIBILITY_HIDDEN,
    KEYSTROKES,
    REVIEW_SHOWN,
    ADJUDICATION_COMMITTED,
    ADJUDICATION_REVEALED,
    ADJUDICATION_FINAL;

    public static final Set<EventType> CLIENT =
            EnumSet.of(FIRST_INPUT, PASTE, FOCUS_LOST, FOCUS_RETURNED, VISIBILITY_HIDDEN, KEYSTROKES);

    public boolean clientReported() {
        return CLIENT.contains(this);
    }
}
