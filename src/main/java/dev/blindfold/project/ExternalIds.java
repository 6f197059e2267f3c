package dev.blindfold.project;

import dev.blindfold.project.ItemLines.ItemLine;
import dev.blindfold.web.ProblemException;
import java.util.HashSet;
import java.util.Set;

/**
 * The externalIds met so far in one upload, to refuse a file that repeats one. This set is the one
 * thing a streamed import keeps for every item (its id, a few dozen bytes), because a repeat can
 * come any distance after the first; items themselves are not kept.
 */
final class ExternalIds {

    private final Set<String> seen = new HashSet<>();
    private final String noun;

    /** {@code noun} names a record in errors: "line" or "task". */
    ExternalIds(String noun) {
        this.noun = noun;
    }

    /** Refuses a repeated externalId, naming the record of the repeat. */
    void add(ItemLine item) {
        if (!seen.add(item.externalId())) {
            throw ProblemException.badRecord(noun, item.line(), "externalId '" + item.externalId() + "' appears twice in this file.");
        }
    }

    /** Refuses an upload that held no item at all. */
    void requireAny() {
        if (seen.isEmpty()) {
            throw ProblemException.badRequest("empty-import", "The upload holds no items.");
        }
    }
}
