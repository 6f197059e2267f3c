package dev.blindfold.export;

import dev.blindfold.exposure.ExposureClass;
import dev.blindfold.exposure.LabelExposure;
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
import dev.blindfold.agreement.AgreementService;

/**
 * Which labels an export keeps, and how per-item rows are built from them. {@code excludeExposedTo} drops a
 * label whose annotator had been shown at least {@code minExposures} drafts of that family before
 * committing it, or any draft of that family sharing its content (see {@link #keeps(LabelExposure)}). Dates are ISO instants or days (a day in {@code to} includes the whole day, UTC).
 * {@code gold} asks for one row per item (its gold from the kept labels' {@code source} answers).
 */
public record ExportFilter(Set<ExposureClass> exposure, String excludeExposedTo, int minExposures,
                           String annotator, Instant from, Instant to, boolean gold, AgreementService.Source source) {

    public static ExportFilter parse(List<String> exposure, String excludeExposedTo, Integer minExposures,
                                     String annotator, String from, String to, String gold, String source) {
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
                            + "' is not one of " + ExposureClass.wireNames() + ".");
                }
            }
        }
        int min = minExposures == null ? 1 : minExposures;
        if (min < 1) {
            throw ProblemException.badRequest("invalid-filter", "minExposures must be at least 1.");
        }
        String family = excludeExposedTo == null || excludeExposedTo.isBlank() ? null : excludeExposedTo.strip();
        return new ExportFilter(classes, family, min, annotator == null || annotator.isBlank() ? null : annotator.strip(),
                time(from, "from", false), time(to, "to", true), flag(gold), AgreementService.Source.parse(source));
    }

    /**
     * A label is dropped by {@code excludeExposedTo} when its annotator had been shown {@code minExposures} drafts of
     * the family before the commit, or any one draft of the family that shared this label's content (a draft of the
     * same input, or the same draft text): that is direct exposure, not priming, and no threshold excuses it.
     */
    public boolean keeps(LabelExposure label) {
        if (excludeExposedTo != null && label.sameContentFrom(excludeExposedTo) > 0) {
            return false;
        }
        return keeps(label.exposure(), label.priorExposure(), label.committedAt());
    }

    /**
     * An imported label: exposure unknown, exposed to its item's draft families (its own content, so any one of the
     * family drops it, as a Blindfold label's same-content exposure does), dated by its tool (an undated one is dropped
     * by a date filter); an annotator filter names a Blindfold user, so drops it.
     */
    public boolean keeps(ImportedLabels.ImportedLabel label) {
        if (excludeExposedTo != null && label.priorExposure().containsKey(excludeExposedTo)) {
            return false;
        }
        return annotator == null && keeps(ExposureClass.UNKNOWN, label.priorExposure(), label.createdAt());
    }

    private boolean keeps(ExposureClass exposureClass, Map<String, Integer> prior, Instant at) {
        if (!exposure.isEmpty() && !exposure.contains(exposureClass)) {
            return false;
        }
        if (excludeExposedTo != null && prior.getOrDefault(excludeExposedTo, 0) >= minExposures) {
            return false;
        }
        if ((from != null || to != null) && at == null) {
            return false;
        }
        if (from != null && at.isBefore(from)) {
            return false;
        }
        return to == null || at.isBefore(to);
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
        d.put("gold", gold);
        d.put("source", source.name().toLowerCase(java.util.Locale.ROOT));
        return d;
    }

    private static boolean flag(String value) {
        if (value == null || value.isBlank() || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        throw ProblemException.badRequest("invalid-filter", "gold must be true or false.");
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
