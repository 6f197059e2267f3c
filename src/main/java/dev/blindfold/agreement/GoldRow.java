package dev.blindfold.agreement;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * One item's gold: a row of {@code GET /api/projects/{id}/gold}, in item import order.
 *
 * @param externalId the item's external id
 * @param gold       the gold answer; {@code null} on a tie (left for a person to adjudicate) or
 *                   when the item has no answers
 * @param posterior  {@code method=dawid-skene} only: the Dawid–Skene posterior probability of
 *                   {@code gold} (on a tie, of each tied label); absent for majority and for an
 *                   item without answers
 * @param votes      the raw answer counts, most first, equal counts in string order (both methods)
 * @param tie        majority: two answers share the top count; Dawid–Skene: the two best posteriors
 *                   are equal
 * @param partial    fewer answers than the project's overlap
 * @param references free-text task types only (every type but CATEGORICAL): the distinct answers
 *                   in the order given
 */
public record GoldRow(String externalId, String gold, @JsonInclude(JsonInclude.Include.NON_NULL) Double posterior,
                      Map<String, Integer> votes, boolean tie, boolean partial,
                      @JsonInclude(JsonInclude.Include.NON_NULL) List<String> references) {
}
