package io.kbguide.problem;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.inject.Inject;

import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Counts the bytes of a request body as it is read and refuses it with a 413 problem past the limit. Bodies with a
 * Content-Length are refused before they are read ({@link BodySizeFilter}); this catches the ones sent without
 * one (chunked).
 */
@Provider
public class BodyLimitInterceptor implements ReaderInterceptor {

    @ConfigProperty(name = "kbguide.api.max-body-bytes", defaultValue = "16384")
    long maxBytes;

    @ConfigProperty(name = "kbguide.slack.max-body-bytes", defaultValue = "262144")
    long maxSlackBytes;

    @Inject
    CurrentVertxRequest request;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        var current = request.getCurrent();
        long max = BodySizeFilter.limitFor(current == null ? null : current.normalizedPath(), maxBytes,
                maxSlackBytes);
        context.setInputStream(new Limited(context.getInputStream(), max));
        return context.proceed();
    }

    private static final class Limited extends FilterInputStream {
        private final long max;
        private long read;

        Limited(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > max) {
                throw new ProblemException(413, "payload-too-large", "Payload too large",
                        "The request body has more than " + max + " bytes; at most " + max + " are accepted.",
                        List.of());
            }
        }
    }
}
