package io.kbguide.edge;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.kbguide.problem.ProblemException;
import io.kbguide.problem.ProblemMappers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.hibernate.validator.HibernateValidatorFactory;

import java.io.IOException;
import java.lang.annotation.ElementType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the JSON request bodies of the API, which the resources take as bytes: the size limit (bodies sent chunked,
 * without a Content-Length, are only counted here; {@link BodySizeFilter} refuses the others before they are
 * read), then Jackson with the application's settings, stricter in two ways: nothing may follow the JSON value, and
 * a number or boolean is not turned into a string field; then Bean Validation of the record. Every refusal is an
 * exception {@link ProblemMappers} turns into a problem document naming the field.
 * <p>
 * Reading the bytes here instead of through RESTEasy's Jackson entity reader, a reader interceptor and {@code @Valid}
 * took the diagnosis from 0.5 to 0.65 of the throughput ceiling (docs/performance.md), and lets every endpoint say
 * the same thing for a missing body (with an example of the body it takes).
 */
@ApplicationScoped
public class JsonBodies {

    private final ObjectMapper mapper;
    private final Validator validator;
    private final long maxBytes;
    private final Map<Class<?>, ObjectReader> readers = new ConcurrentHashMap<>();

    @jakarta.inject.Inject
    public JsonBodies(ObjectMapper application, ValidatorFactory validation, ApiConfig api) {
        this(application, validation, api.maxBodyBytes());
    }

    JsonBodies(ObjectMapper application, ValidatorFactory validation, long maxBytes) {
        this.mapper = strict(application.copy());
        // Request records have no lazily loaded state: every property is reachable, and without a resolver that
        // says so Hibernate Validator asks (and caches the answer in a new map) for each one on every request.
        this.validator = validation.unwrap(HibernateValidatorFactory.class).usingContext()
                .traversableResolver(EVERYTHING_REACHABLE).enableTraversableResolverResultCache(false).getValidator();
        this.maxBytes = maxBytes;
    }

    private static final TraversableResolver EVERYTHING_REACHABLE = new TraversableResolver() {
        @Override
        public boolean isReachable(Object bean, Path.Node property, Class<?> root, Path path, ElementType type) {
            return true;
        }

        @Override
        public boolean isCascadable(Object bean, Path.Node property, Class<?> root, Path path, ElementType type) {
            return true;
        }
    };

    private static ObjectMapper strict(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }

    /**
     * The body as a {@code type}, valid by its constraints.
     *
     * @param example a body of this kind, shown when there is none
     * @throws ProblemException 413 past the limit, 400 when the body is empty or {@code null}
     * @throws com.fasterxml.jackson.core.JsonProcessingException when it is not JSON or not this shape
     * @throws ConstraintViolationException when a constraint of the record is broken
     */
    public <T> T read(byte[] body, Class<T> type, String example) throws IOException {
        limit(body, maxBytes);
        T value = blank(body) ? null : readers.computeIfAbsent(type, mapper::readerFor).readValue(body);
        if (value == null) {
            throw ProblemException.badRequest("missing-body", "Missing body", "Send a JSON body such as " + example
                    + ".", List.of());
        }
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return value;
    }

    /** Refuses a body of more than {@code max} bytes with a 413 problem. */
    public static void limit(byte[] body, long max) {
        if (body != null && body.length > max) {
            throw new ProblemException(413, "payload-too-large", "Payload too large",
                    BodySizeFilter.tooLarge(body.length, max), List.of());
        }
    }

    private static boolean blank(byte[] body) {
        if (body == null) {
            return true;
        }
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return false;
            }
        }
        return true;
    }
}
