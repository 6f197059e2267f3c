package dev.blindfold.export;

import dev.blindfold.web.ProblemException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which labels an export keeps. {@code excludeExposedTo} drops a label whose annotator had been shown at
 * least {@code minExposures} drafts of that family before committing it. Dates are ISO instants or days
 * (a day in {@code to} includes the whole day, UTC).
 */
public record ExportFilter(Set<ExposureClass> exposure, String excludeExposedTo, int minExposures,
                           String annotator, Instant from, Instant to) {

    public static ExportFilter parse(List<String> exposure, String excludeExposedTo, Integer minExposures,
                                     String annotator, String from, String to) {
        Set<ExposureClass> classes = EnumSet.noneOf(ExposureClass.class);
        for (String value : exposure == null ? List.<String>of() : exposure) {
            for (String part : value.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                try {
                    classes.add(ExposureClass.fromWire(part.strip()));
                } catch (IllegalArgumentException e) {
                    throw ProblemException.badRequest("invalid-filter", "exposure '" + part.strip()
                            + "' is not one of blind_only, blind_kept, revised_after_reveal, draft_accepted, unknown.");
                }
            }
        }
        int min = minExposures == null ? 1 : minExposures;
        if (min < 1) {
            throw ProblemException.badRequest("invalid-filter", "minExposures must be at least 1.");
        }
        String family = excludeExposedTo == null || excludeExposedTo.isBlank() ? null : excludeExposedTo.strip();
        return new ExportFilter(classes, family, min, annotator == null || annotator.isBlank() ? null : annotator.strip(),
                time(from, "from", false), time(to, "to", true));
    }

    public boolean keeps(LabelExposure label) {
        if (!exposure.isEmpty() && !exposure.contains(label.exposure())) {
            return false;
        }
        if (excludeExposedTo != null && label.priorExposureTo(excludeExposedTo) >= minExposures) {
            return false;
        }
        if (from != null && label.committedAt().isBefore(from)) {
            return false;
        }
        return to == null || label.committedAt().isBefore(to);
    }

    /** The filters as asked, for the manifest. */
    public Map<String, Object> describe() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("exposure", exposure.stream().map(ExposureClass::wireName).toList());
        d.put("excludeExposedTo", excludeExposedTo);
        d.put("minExposures", minExposures);
        d.put("annotator", annotator);
        d.put("from", from == null ? null : from.toString());
        d.put("to", to == null ? null : to.toString());
        return d;
    }

    private static Instant time(String value, String name, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("invalid-filter", name + " must be an ISO date (2026-01-31) or instant.");
        }
    }
}
