package dev.blindfold.labeling;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Slot letters for drafts shown with identities hidden, and the per-assignment random order.
 * Plain Java; adjudication (review) shows its drafts the same way. Slot i (0-based) is "A", "B", ...; the order is stored as comma-separated draft ids.
 */
public final class DraftSlots {

    private DraftSlots() {
    }

    public static String slot(int index) {
        if (index < 0 || index >= 26) {
            throw new IllegalArgumentException("at most 26 drafts per item");
        }
        return String.valueOf((char) ('A' + index));
    }

    public static int index(String slot) {
        if (slot == null || slot.length() != 1 || slot.charAt(0) < 'A' || slot.charAt(0) > 'Z') {
            return -1;
        }
        return slot.charAt(0) - 'A';
    }

    /** The slots of {@code count} shown drafts for a message: "A or B", "A, B or C"; "none shown" for 0. */
    public static String describe(int count) {
        if (count == 0) {
            return "none shown";
        }
        List<String> slots = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            slots.add(slot(i));
        }
        return count == 1 ? slots.get(0)
                : String.join(", ", slots.subList(0, count - 1)) + " or " + slots.get(count - 1);
    }

    public static String shuffled(List<Long> draftIds, Random random) {
        List<Long> order = new ArrayList<>(draftIds);
        Collections.shuffle(order, random);
        return String.join(",", order.stream().map(String::valueOf).toList());
    }

    public static List<Long> parse(String order) {
        if (order == null || order.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(order.split(",")).map(Long::valueOf).toList();
    }
}
