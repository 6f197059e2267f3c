package dev.blindfold.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * Refuses a NUL character ({@code \u0000}) in any JSON string bound to a Java {@code String}: no field of
 * Blindfold has a use for one, and PostgreSQL cannot store it in text (the insert would fail with a 500).
 * The refusal is a 400 naming the field, like any other mistyped JSON.
 */
@Singleton
class TextWithoutNul implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("text-without-nul").addDeserializer(String.class, new Strings()));
    }

    static final class Strings extends StringDeserializer {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = super.deserialize(p, ctxt);
            if (value != null && value.indexOf('\u0000') >= 0) {
                return ctxt.reportInputMismatch(this, "NUL characters (\\u0000) are not allowed in text");
            }
            return value;
        }
    }
}
