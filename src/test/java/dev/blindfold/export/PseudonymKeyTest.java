package dev.blindfold.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blindfold.support.Api;
import dev.blindfold.support.TestData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Export pseudonyms hide which account wrote a label only if nobody else holds their key. A fresh install without
 * BLINDFOLD_EXPORT_PSEUDONYM_KEY once used a constant, so anyone could recompute "ann-…" for every small user id;
 * now the install generates its own key on its first start and keeps it in the database for every node.
 */
@QuarkusTest
class PseudonymKeyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OLD_BUILT_IN_KEY = "blindfold-dev-pseudonym-key";

    @Inject
    EntityManager em;

    @Test
    void exportPseudonymsComeFromTheDeploymentsOwnRandomKeyNeverABuiltInOne() throws Exception {
        TestData.Fixture f = TestData.freeText(1, 1, 1, "REVEAL_AFTER_COMMIT");
        long aid = TestData.next(f.annotator(), f.projectId());
        TestData.commit(f.annotator(), aid, "my own answer");
        String body = Api.as(f.ops()).get("/api/projects/" + f.projectId() + "/export?format=jsonl")
                .then().statusCode(200).extract().asString();
        String pseudonym = JSON.readTree(body.lines().findFirst().orElseThrow()).get("annotator").asText();
        long userId = userId(f.annotator());

        String stored = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "SELECT secret FROM deployment_secrets WHERE name = 'export-pseudonym-key'").getSingleResult());
        assertTrue(stored.length() >= 43, "a 256-bit key: " + stored.length() + " characters");
        assertEquals(pseudonym(stored, f.projectId(), userId), pseudonym, "the stored key is the one in force");
        assertNotEquals(pseudonym(OLD_BUILT_IN_KEY, f.projectId(), userId), pseudonym,
                "the constant every install used to share gives nothing away");
    }

    private static long userId(String username) {
        for (JsonNode user : Api.as(Api.ADMIN).get("/api/users").then().statusCode(200).extract().as(JsonNode.class)) {
            if (user.get("username").asText().equals(username)) {
                return user.get("id").asLong();
            }
        }
        throw new AssertionError("no user " + username);
    }

    private static String pseudonym(String key, long projectId, long userId) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] digest = mac.doFinal((projectId + ":" + userId).getBytes(StandardCharsets.UTF_8));
        return "ann-" + HexFormat.of().formatHex(digest, 0, 6);
    }
}
