package dev.blindfold.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * Refuses JSON text that Blindfold cannot store faithfully, in every JSON string bound to a Java {@code String}
 * (record fields, list elements) and every map key: a NUL character ({@code \u0000}), which PostgreSQL cannot hold
 * in text, and text that is not valid Unicode (a lone surrogate, see {@link UnicodeText}), which UTF-8 cannot
 * encode. The refusal is a 400 naming the field, like any other mistyped JSON. JSON trees ({@code JsonNode}) are
 * not bound here: the routes that take one check it with {@link UnicodeText#findIn(JsonNode, String)}, since the
 * app also reads trees back from its own tables.
 */
@Singleton
class WellFormedText implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("well-formed-text")
                .addDeserializer(String.class, new Strings())
                .addKeyDeserializer(String.class, new Keys()));
    }

    /** Why {@code text} cannot be taken, or null. */
    static String problem(String text) {
        if (text.indexOf('\u0000') >= 0) {
            return "NUL characters (\\u0000) are not allowed in text";
        }
        if (!UnicodeText.isValid(text)) {
            return "text " + UnicodeText.NOT_UNICODE;
        }
        return null;
    }

    static final class Strings extends StringDeserializer {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = super.deserialize(p, ctxt);
            String problem = value == null ? null : problem(value);
            return problem == null ? value : ctxt.reportInputMismatch(this, "%s", problem);
        }
    }

    static final class Keys extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
            String problem = problem(key);
            return problem == null ? key : ctxt.reportInputMismatch(String.class, "a key: %s", problem);
        }
    }
}
