package dev.blindfold.audit.anchoring;

import dev.blindfold.exposure.ExposureClass;
import dev.blindfold.facts.LabelReader.ProjectLabel;
import dev.blindfold.facts.NotBlind;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongFunction;
import dev.blindfold.audit.anchoring.AnchoringFlag;
import dev.blindfold.audit.anchoring.AnnotatorAnchoring;
import dev.blindfold.audit.anchoring.DriftWeek;
import dev.blindfold.audit.anchoring.AnchoringTables;
import dev.blindfold.audit.anchoring.AnnotatorTally;
import dev.blindfold.audit.anchoring.FlagRules;
import dev.blindfold.audit.anchoring.WeekTally;

/**
 * Takes a project's labels one at a time, in any order, and builds the three audit views at once: a row per
 * annotator ({@link AnnotatorTally}), a row per ISO week of commit time, UTC ({@link WeekTally}; weeks without
 * labels between the first and the last are listed empty so a chart's x axis is time), and the flags
 * ({@link FlagRules}), sorted by annotator, then commit time; and the labels per exposure class. Plain Java; not thread-safe.
 */
public final class AnchoringStatistics {

    private final LongFunction<String> usernames;
    private final FlagRules rules;
    private final Map<Long, AnnotatorTally> annotators = new HashMap<>();
    private final TreeMap<LocalDate, WeekTally> weeks = new TreeMap<>();
    private final List<AnchoringFlag> flags = new ArrayList<>();
    private final Map<String, Long> exposure = new LinkedHashMap<>();
    private final NotBlind notBlind = new NotBlind();

    /**
     * @param usernames annotator id → username
     * @param minBlindMs the floor: blind steps shorter than this, or than their item's reading time plus the project's
     *                   minimum, are {@code fast_blind}
     * @param maxBlindFocusLosses this many focus losses in the blind step or more are {@code focus_losses}
     */
    public AnchoringStatistics(LongFunction<String> usernames, long minBlindMs, int maxBlindFocusLosses) {
        this.usernames = usernames;
        this.rules = new FlagRules(minBlindMs, maxBlindFocusLosses);
        for (ExposureClass c : ExposureClass.values()) {
            exposure.put(c.wireName(), 0L);
        }
    }

    public void add(ProjectLabel label) {
        exposure.merge(label.label().exposure().wireName(), 1L, Long::sum);
        if (label.label().exposure() == ExposureClass.SEEN_BEFORE_COMMIT) {
            notBlind.add(label.label().assignmentId());
        }
        annotators.computeIfAbsent(label.annotatorId(), id -> new AnnotatorTally()).add(label.label());
        weeks.computeIfAbsent(monday(label), day -> new WeekTally()).add(label.itemId(), label.label());
        flags.addAll(rules.flags(label.label(), label.need(), usernames.apply(label.annotatorId()), label.externalId()));
    }

    /** The labels added so far that were not written blind: what agreement and gold from blind answers leave out. */
    public NotBlind notBlind() {
        return notBlind;
    }

    public AnchoringTables report() {
        List<AnnotatorAnchoring> rows = new ArrayList<>();
        annotators.forEach((id, tally) -> rows.add(tally.row(usernames.apply(id))));
        rows.sort(Comparator.comparing(AnnotatorAnchoring::username));
        List<DriftWeek> drift = new ArrayList<>();
        if (!weeks.isEmpty()) {
            for (LocalDate day = weeks.firstKey(); !day.isAfter(weeks.lastKey()); day = day.plusWeeks(1)) {
                WeekTally week = weeks.get(day);
                drift.add(week == null ? WeekTally.empty(day) : week.row(day));
            }
        }
        List<AnchoringFlag> sorted = new ArrayList<>(flags);
        sorted.sort(Comparator.comparing(AnchoringFlag::annotator).thenComparing(AnchoringFlag::committedAt)
                .thenComparingLong(AnchoringFlag::assignmentId));
        return new AnchoringTables(rows, drift, sorted, sorted.size(), java.util.Collections.unmodifiableMap(new LinkedHashMap<>(exposure)));
    }

    private static LocalDate monday(ProjectLabel label) {
        return label.label().committedAt().atZone(ZoneOffset.UTC).toLocalDate()
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
