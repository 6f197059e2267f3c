package dev.blindfold.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Where a JSON body binds a whole number ({@code overlap}, {@code ratings}), a number written with a fraction or an
 * exponent ({@code 1.5}, {@code 2.0}, {@code 1e0}) is refused with a 400 naming the field, instead of Jackson's default
 * of silently cutting it to an integer (1.5 stored as 1). Whether a written number is whole is decided by how it is
 * written, not by its value after parsing, since {@code 1.0000000000000001} parses to exactly 1.
 */
@Singleton
class WholeNumbers implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }
}
