package io.kbguide.diagnosis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A diagnosis as the JSON of its {@link DiagnosisView}, written by the application's object mapper. */
final class JsonFormat implements DiagnosisFormat {

    /** How a diagnosis written with no facts ends: they are its last field when no text was sent. */
    private static final byte[] EMPTY_FACTS_AT_END = ",\"facts\":[]}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] COMMA = {','};
    private static final byte[] AFTER = "]}".getBytes(StandardCharsets.UTF_8);

    private final ObjectMapper mapper;

    JsonFormat(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public String name() {
        return "JSON";
    }

    @Override
    public byte[] write(DiagnosisView diagnosis) {
        return json(diagnosis);
    }

    @Override
    public Optional<Around> around(DiagnosisView diagnosis) {
        byte[] json = json(diagnosis.withFacts(List.of()));
        int cut = json.length - EMPTY_FACTS_AT_END.length;
        if (cut < 0 || !Arrays.equals(json, cut, json.length, EMPTY_FACTS_AT_END, 0, EMPTY_FACTS_AT_END.length)) {
            return Optional.empty();
        }
        return Optional.of(new Around(Arrays.copyOf(json, json.length - AFTER.length), AFTER));
    }

    @Override
    public byte[] fact(DiagnosisView.FactUsed fact) {
        return json(fact);
    }

    @Override
    public byte[] between() {
        return COMMA;
    }

    private byte[] json(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a diagnosis could not be written as JSON", e);
        }
    }
}
