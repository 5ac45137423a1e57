package io.kbguide.engine;

import java.util.List;

/** A client's facts that cannot be diagnosed: unknown names, values outside the choices, contradictions. */
public class InvalidFactsException extends RuntimeException {

    private final transient List<FactError> errors;

    public InvalidFactsException(List<FactError> errors) {
        super(errors.stream().map(FactError::message).distinct().reduce((a, b) -> a + "; " + b)
                .orElse("invalid facts"));
        this.errors = List.copyOf(errors);
    }

    public List<FactError> errors() {
        return errors;
    }
}
