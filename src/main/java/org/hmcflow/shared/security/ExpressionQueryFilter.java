package org.hmcflow.shared.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.hmcflow.shared.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Refuses any request to the engine REST API, the webapps' API or our own API that carries an expression:
 * a parameter or JSON key ending in {@code Expression} (anywhere in the body, including inside {@code orQueries}),
 * or a value containing {@code ${} or {@code #{}.
 *
 * <p>Why: on a stock Camunda 7.24.0 the engine settings refuse a top-level {@code assigneeExpression}, but the same
 * key inside {@code orQueries} is evaluated. Nothing in HMC-Flow needs an expression in a query, so none gets in.
 */
public class ExpressionQueryFilter extends OncePerRequestFilter {

    private static final int MAX_INSPECTED_BODY = 2 * 1024 * 1024;

    private final ObjectMapper json;

    public ExpressionQueryFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.startsWith("/engine-rest/") || path.startsWith("/camunda/api/") || path.startsWith("/api/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // A multipart body is left to the endpoint (and its size limits): only its query string is inspected here.
        Optional<String> offending = offendingParameter(isMultipart(request) ? queryParameters(request)
                : request.getParameterMap());
        HttpServletRequest forward = request;
        if (offending.isEmpty() && isJson(request)) {
            byte[] body = request.getInputStream().readNBytes(MAX_INSPECTED_BODY + 1);
            if (body.length > MAX_INSPECTED_BODY) {
                Problems.write(response, json, HttpStatus.PAYLOAD_TOO_LARGE, "Request body too large", "The request body exceeds 2 MiB.", Map.of());
                return;
            }
            offending = offendingJson(body);
            forward = new CachedBodyRequest(request, body);
        }
        if (offending.isPresent()) {
            Problems.write(response, json, HttpStatus.BAD_REQUEST, "Expressions are not accepted",
                    "Queries and requests may not carry expressions; refused: " + offending.get(),
                    Map.of("refused", offending.get()));
            return;
        }
        chain.doFilter(forward, response);
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    private static Map<String, String[]> queryParameters(HttpServletRequest request) {
        Map<String, String[]> parameters = new java.util.HashMap<>();
        UriComponentsBuilder.newInstance().query(request.getQueryString()).build().getQueryParams()
                .forEach((name, values) -> parameters.put(UriUtils.decode(name, StandardCharsets.UTF_8), values.stream()
                        .map(v -> v == null ? "" : UriUtils.decode(v, StandardCharsets.UTF_8)).toArray(String[]::new)));
        return parameters;
    }

    private static boolean isJson(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).contains("json");
    }

    static Optional<String> offendingParameter(Map<String, String[]> parameters) {
        for (Map.Entry<String, String[]> entry : parameters.entrySet()) {
            if (isExpressionKey(entry.getKey())) {
                return Optional.of(entry.getKey());
            }
            for (String value : entry.getValue()) {
                if (containsExpression(value)) {
                    return Optional.of(entry.getKey());
                }
            }
        }
        return Optional.empty();
    }

    Optional<String> offendingJson(byte[] body) {
        if (body.length == 0) {
            return Optional.empty();
        }
        try {
            return offendingNode(json.readTree(body), "$");
        } catch (IOException notJson) {
            // Malformed JSON is the endpoint's to refuse; it cannot evaluate what it cannot parse.
            String text = new String(body, StandardCharsets.UTF_8);
            return containsExpression(text) ? Optional.of("$") : Optional.empty();
        }
    }

    private static Optional<String> offendingNode(JsonNode node, String path) {
        if (node == null) {
            return Optional.empty();
        }
        if (node.isTextual()) {
            return containsExpression(node.textValue()) ? Optional.of(path) : Optional.empty();
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                Optional<String> found = offendingNode(node.get(i), path + "[" + i + "]");
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String fieldPath = path + "." + field.getKey();
                if (isExpressionKey(field.getKey())) {
                    return Optional.of(fieldPath);
                }
                Optional<String> found = offendingNode(field.getValue(), fieldPath);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    static boolean isExpressionKey(String key) {
        return key != null && key.toLowerCase(Locale.ROOT).endsWith("expression");
    }

    static boolean containsExpression(String value) {
        return value != null && (value.contains("${") || value.contains("#{"));
    }

    /** The request with its body already read, so the endpoint reads the same bytes. */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
