package dev.blindfold.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class OverloadTest {

    @Test
    void aPoolAcquisitionTimeoutDeepInTheCauseChainIsOverload() {
        SQLException agroal = new SQLException("Sorry, acquisition timeout!");
        RuntimeException hibernate = new RuntimeException("Unable to acquire JDBC Connection", agroal);
        assertTrue(Overload.isOverload(new IllegalStateException("wrapped", hibernate)));
    }

    @Test
    void lockTimeoutsDeadlocksAndSerializationFailuresAreOverload() {
        for (String state : new String[] {"HYT00", "55P03", "40P01", "40001"}) {
            assertTrue(Overload.isOverload(new RuntimeException(new SQLException("busy", state))), state);
        }
    }

    @Test
    void otherDatabaseErrorsAndPlainBugsAreNot() {
        assertFalse(Overload.isOverload(new RuntimeException(new SQLException("duplicate key", "23505"))));
        assertFalse(Overload.isOverload(new NullPointerException()));
    }
}
