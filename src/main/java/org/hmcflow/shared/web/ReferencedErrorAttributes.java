package org.hmcflow.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

/**
 * Spring Boot's error attributes plus the {@link ErrorReference} of a server error (status 500 and above), for the
 * error page ({@code templates/error.html}) and Boot's JSON error body alike. A failure that reached {@code /error}
 * without anyone logging it (a filter's exception, a {@code sendError(500)}) is logged here with its reference.
 * Message, exception and trace stay out ({@code server.error.include-*}).
 */
@Component
class ReferencedErrorAttributes extends DefaultErrorAttributes {

    private static final Logger log = LoggerFactory.getLogger(ReferencedErrorAttributes.class);

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest webRequest, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(webRequest, options);
        if (attributes.get("status") instanceof Integer status && status >= 500
                && webRequest.resolveReference(RequestAttributes.REFERENCE_REQUEST) instanceof HttpServletRequest request) {
            String reference = ErrorReference.assigned(request);
            if (reference == null) {
                reference = ErrorReference.of(request);
                log.error("Request {} failed with status {}, reference {}", attributes.get("path"), status, reference,
                        getError(webRequest));
            }
            attributes.put(ErrorReference.PROPERTY, reference);
        }
        return attributes;
    }
}
