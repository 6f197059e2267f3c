package dev.blindfold.export;

import dev.blindfold.facts.LabelReader;
import java.util.function.Consumer;
import java.util.function.LongUnaryOperator;

/**
 * Which state of the log an export reads, and who else sees its labels: {@code lastSeq(annotator)} bounds each
 * annotator's chain in the project (an audit bundle's recorded heads; see {@link LabelReader#forEach(long, Long,
 * LongUnaryOperator, Consumer)}), and {@code observer} is handed every label read, before any export filter (an audit
 * bundle notes the evidence of its seen_before_commit tags from the same pass instead of classifying twice).
 */
public record LabelScope(LongUnaryOperator lastSeq, Consumer<LabelReader.ProjectLabel> observer) {

    /** The whole log, nobody else watching: a plain export. */
    public static final LabelScope EVERYTHING = new LabelScope(LabelReader.ALL_EVENTS, label -> { });
}
