package org.hmcflow.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.hmcflow.shared.web.ErrorReference;
import org.hmcflow.shared.web.ConflictException;
import org.hmcflow.shared.web.ForbiddenException;
import org.hmcflow.shared.web.InvalidInputException;
import org.hmcflow.shared.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * A person in a browser who mistypes an address, or meets a failing page, gets the error page
 * ({@code templates/error.html} through Spring Boot's {@code /error}), not the API's JSON problem: the API's
 * exception advice answers every handler's exceptions, including "no such page". Runs before that advice, and only
 * for requests that ask for HTML outside the API paths, so API clients keep the problem format. A server error
 * gets an {@link ErrorReference}, shown on the page and logged with the exception.
 */
@Component
class BrowserErrors implements HandlerExceptionResolver, Ordered {

    private static final Logger log = LoggerFactory.getLogger(BrowserErrors.class);
    private static final List<String> API_PATHS = List.of("/api/", "/engine-rest/", "/camunda/", "/v3/api-docs",
            "/actuator/", "/swagger-ui");

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                         Exception ex) {
        // Security exceptions go on to Spring Security's filters (login redirect, 403).
        if (ex instanceof AccessDeniedException || ex instanceof AuthenticationException || response.isCommitted()
                || !isPageRequest(request)) {
            return null;
        }
        int status = statusOf(ex);
        if (status >= 500) {
            // The page shows the reference (ReferencedErrorAttributes puts it into the error page's model), the log has
            // it beside the exception: how an operator finds what a user reports.
            log.error("Page {} failed, reference {}", request.getRequestURI(), ErrorReference.of(request), ex);
        }
        try {
            response.sendError(status);
        } catch (IOException e) {
            return null;
        }
        return new ModelAndView();
    }

    @Override
    public int getOrder() {
        // After Spring Boot's DefaultErrorAttributes (which only records the exception), before the MVC advice.
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    private static boolean isPageRequest(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (API_PATHS.stream().anyMatch(path::startsWith)) {
            return false;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null) {
            return false;
        }
        try {
            // Explicitly text/html, as browsers send for pages; "*/*" alone (curl, API clients) is not enough.
            return MediaType.parseMediaTypes(accept).stream()
                    .anyMatch(type -> "text".equals(type.getType()) && "html".equals(type.getSubtype()));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    private static int statusOf(Exception ex) {
        // the capabilities' own refusals, which the API's advice answers with the same statuses
        if (ex instanceof ForbiddenException) {
            return HttpServletResponse.SC_FORBIDDEN;
        }
        if (ex instanceof NotFoundException) {
            return HttpServletResponse.SC_NOT_FOUND;
        }
        if (ex instanceof ConflictException) {
            return HttpServletResponse.SC_CONFLICT;
        }
        if (ex instanceof InvalidInputException) {
            return HttpServletResponse.SC_BAD_REQUEST;
        }
        if (ex instanceof ErrorResponse response) {
            return response.getStatusCode().value();
        }
        ResponseStatus annotated = AnnotatedElementUtils.findMergedAnnotation(ex.getClass(), ResponseStatus.class);
        return annotated != null ? annotated.code().value() : HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
