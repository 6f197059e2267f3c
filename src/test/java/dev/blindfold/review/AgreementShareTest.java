package dev.blindfold.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AgreementShareTest {

    @Test
    void shareIsTheMostCommonAnswersPartComparedAsExactText() {
        assertEquals(1.0, AgreementShare.of(List.of("yes", "yes", "yes")));
        assertEquals(2.0 / 3, AgreementShare.of(List.of("yes", "no", "yes")));
        assertEquals(0.5, AgreementShare.of(List.of("billing", "refund")));
        assertEquals(0.5, AgreementShare.of(List.of("Reset it.", "reset it.")), "case counts, as agreement's AnswerKey");
        assertEquals(1.0, AgreementShare.of(List.of("only one")), "one answer cannot disagree");
        assertEquals(1.0, AgreementShare.of(List.of()));
    }

    @Test
    void belowTheThresholdGoesToReviewZeroSendsNothing() {
        assertTrue(AgreementShare.sendsToReview(0.5, 0.51));
        assertFalse(AgreementShare.sendsToReview(0.5, 0.5), "at the threshold is not below it");
        assertTrue(AgreementShare.sendsToReview(2.0 / 3, 1.0), "1 sends every item that is not unanimous");
        assertFalse(AgreementShare.sendsToReview(1.0, 1.0));
        assertFalse(AgreementShare.sendsToReview(0.0, 0.0), "0 is off");
    }
}
