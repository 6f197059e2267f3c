package dev.blindfold.facts;

import dev.blindfold.exposure.ExposureClass;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/** label_facts rows to {@link LabelFact} and back, in the column order of {@link FactStore#COLUMNS}. Plain Java. */
final class FactRows {

    /** The number of columns of a label_facts row, as {@link FactStore#COLUMNS} lists them. */
    static final int COUNT = 25;

    private FactRows() {
    }

    static LabelFact fact(Object[] r) {
        return new LabelFact(number(r[0]), number(r[1]), number(r[2]), number(r[3]), date(r[4]), instant(r[5]),
                ExposureClass.fromWire((String) r[6]), (Boolean) r[7], (Boolean) r[8], boxed(r[9]), boxed(r[10]),
                (int) number(r[11]), (int) number(r[12]), (Boolean) r[13], (int) number(r[14]), boxed(r[15]),
                (int) number(r[16]), (String) r[18], number(r[19]), boxed(r[20]), (Boolean) r[21], boxed(r[22]), boxed(r[23]), boxed(r[24]));
    }

    /** Binds parameters 1–25 of a JDBC insert of {@code f}. */
    static void bind(PreparedStatement s, LabelFact f) throws SQLException {
        List<Object> values = values(f);
        for (int i = 0; i < values.size(); i++) {
            // Typed nulls: one batch binds the same parameter as a value in one row and a null in another.
            DirectSql.set(s, i + 1, values.get(i), i == 18 ? Types.VARCHAR : Types.BIGINT);
        }
    }

    /** Parameters 1–25 of an insert or update of {@code f} (nulls where it has none). */
    static List<Object> values(LabelFact f) {
        return Arrays.asList(f.assignmentId(), f.projectId(), f.annotatorId(), f.itemId(), f.week(), f.committedAt(),
            f.exposure().wireName(), f.revealed(), f.hasFinal(), f.closestFinalE9(), f.closestBlindE9(), f.blindChars(),
            f.pastedChars(), f.pasteDominant(), f.focusLosses(), f.blindMs(), f.flags(), f.flags() != 0,
            f.seenDetail(), f.blindKey(), f.finalKey(), f.finalIsDraft(), f.needMs(), f.readingMs(), f.decisionMs());
    }

    static long number(Object value) {
        return ((Number) value).longValue();
    }

    static Long boxed(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }

    static LocalDate date(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }

    static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        return ((java.time.ZonedDateTime) value).toInstant();
    }
}
