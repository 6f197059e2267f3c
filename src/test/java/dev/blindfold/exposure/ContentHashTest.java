package dev.blindfold.exposure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Content identity: the same text, however it is spaced or composed, has one hash; case still counts. */
class ContentHashTest {

    @Test
    void theHashIsSha256HexOfTheNormalisedTextInUtf8() throws Exception {
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest("Charged twice in March".getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, ContentHash.of("Charged twice in March"));
        assertEquals(64, ContentHash.of("").length());
    }

    @Test
    void whitespaceRunsCollapseToOneSpaceAndTheEndsAreStripped() {
        String plain = ContentHash.of("Charged twice in March");
        assertEquals(plain, ContentHash.of("  Charged\ttwice \n\r\n in   March \u000B"));
        assertEquals(plain, ContentHash.of("Charged\u00A0twice\u2003in\u3000March\u2028"), "Unicode white space too");
        assertEquals("Charged twice in March", ContentHash.normalise("\u00A0Charged \u2009 twice in\fMarch\u0085"));
    }

    @Test
    void composedAndDecomposedFormsAreOneTextButCaseIsNot() {
        assertEquals(ContentHash.of("Z\u00FCrich"), ContentHash.of("Zu\u0308rich"), "NFC: ü composed or u + combining diaeresis");
        assertNotEquals(ContentHash.of("zürich"), ContentHash.of("Zürich"));
        assertNotEquals(ContentHash.of("a b"), ContentHash.of("ab"), "a space between words is kept");
    }

    @Test
    void aKeyIsTheFirstSixtyFourBitsOfTheHash() {
        String hash = ContentHash.of("Charged twice in March");
        assertEquals(Long.parseUnsignedLong(hash.substring(0, 16), 16), ContentHash.key(hash));
        assertEquals(0L, ContentHash.key(null), "no hash, no key");
        assertEquals(0L, ContentHash.key("not a hash"));
    }

    /** The worked example of docs/provenance.md ("Content hash"), so the page and the code cannot drift. */
    @Test
    void theDocumentedExampleHasThisNormalFormAndHash() throws Exception {
        String text = "Zu\u0308rich,\u00A0 is\n\there";
        assertEquals("Z\u00FCrich, is here", ContentHash.normalise(text));
        String hash = "a3e5c9b53625ed8e92a351215a4108a42576e79f034e2bd7eaca48635231811d";
        assertEquals(hash, ContentHash.of(text));
        String doc = java.nio.file.Files.readString(java.nio.file.Path.of("docs", "provenance.md"), StandardCharsets.UTF_8);
        org.junit.jupiter.api.Assertions.assertTrue(doc.contains(hash) && doc.contains("\"Zu\\u0308rich,\\u00A0 is\\n\\there\""),
                "docs/provenance.md shows the example");
    }
}
