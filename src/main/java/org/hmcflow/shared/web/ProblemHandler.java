package org.hmcflow.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.lang.Nullable;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of our API as an RFC 7807 problem, in the caller's language (Accept-Language: zh-CN first, en), with
 * each bad field named. Never a stack trace.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private final MessageSource messages;

    ProblemHandler(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInputException e) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (InvalidInputException.FieldProblem p : e.problems()) {
            errors.add(Map.of("field", p.field(), "message", text(p.messageKey(), p.args())));
        }
        return problem(HttpStatus.BAD_REQUEST, text("hmc.error.invalid-input"), errors);
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, text("hmc.error.not-found"), null);
    }

    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<ProblemDetail> forbidden(ForbiddenException e) {
        return problem(HttpStatus.FORBIDDEN, text(e.getMessage()), null);
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException e) {
        String detail = text(e.getMessage(), e.args());
        return problem(HttpStatus.CONFLICT, detail, e.field() == null ? null
                : List.of(Map.of("field", e.field(), "message", detail)));
    }

    @ExceptionHandler(ObjectOptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> concurrent(ObjectOptimisticLockingFailureException e) {
        return problem(HttpStatus.CONFLICT, text("hmc.error.concurrent-change"), null);
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(body(HttpStatus.PAYLOAD_TOO_LARGE,
                text("hmc.error.upload-too-large"),
                List.of(Map.of("field", "file", "message", text("hmc.error.upload-too-large")))));
    }

    /** Constraint violations on method parameters outside MVC's own validation (e.g. a @Validated service). */
    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> violated(ConstraintViolationException e) {
        List<Map<String, String>> errors = new ArrayList<>();
        e.getConstraintViolations().forEach(v -> {
            String path = v.getPropertyPath().toString();
            errors.add(Map.of("field", path.substring(path.lastIndexOf('.') + 1), "message", v.getMessage()));
        });
        return problem(HttpStatus.BAD_REQUEST, text("hmc.error.invalid-input"), errors);
    }

    /**
     * Anything else is our failure: the caller gets a sentence and the {@link ErrorReference} (property
     * {@code reference}), the log the same reference with the exception. Never the exception's text.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        String reference = ErrorReference.of(request);
        log.error("Unexpected error on {} {}, reference {}", request.getMethod(), request.getRequestURI(), reference, e);
        ProblemDetail problem = body(HttpStatus.INTERNAL_SERVER_ERROR, text("hmc.error.unexpected"), null);
        problem.setProperty(ErrorReference.PROPERTY, reference);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (FieldError f : e.getBindingResult().getFieldErrors()) {
            errors.add(Map.of("field", f.getField(), "message", messages.getMessage(f, locale())));
        }
        e.getBindingResult().getGlobalErrors().forEach(g ->
                errors.add(Map.of("field", g.getObjectName(), "message", messages.getMessage(g, locale()))));
        return ResponseEntity.badRequest().body(body(HttpStatus.BAD_REQUEST, text("hmc.error.invalid-input"), errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(err ->
                errors.add(Map.of("field", r.getMethodParameter().getParameterName(), "message",
                        messages.getMessage(err, locale())))));
        return ResponseEntity.badRequest().body(body(HttpStatus.BAD_REQUEST, text("hmc.error.invalid-input"), errors));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        // Framework errors (unreadable JSON, wrong method, missing parameter): same format, no internals.
        String key = "hmc.error.http." + statusCode.value();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(statusCode,
                messages.getMessage(key, null, messages.getMessage("hmc.error.http.400", null, locale()), locale()));
        if (statusCode.is5xxServerError()
                && request instanceof ServletWebRequest servlet) {
            String reference = ErrorReference.of(servlet.getRequest());
            log.error("Request {} failed with status {}, reference {}", servlet.getRequest().getRequestURI(),
                    statusCode.value(), reference, ex);
            problem.setProperty(ErrorReference.PROPERTY, reference);
        }
        return ResponseEntity.status(statusCode).headers(headers).body(problem);
    }

    private ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail, List<Map<String, String>> errors) {
        return ResponseEntity.status(status).body(body(status, detail, errors));
    }

    private ProblemDetail body(HttpStatus status, String detail, List<Map<String, String>> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        if (errors != null) {
            problem.setProperty("errors", errors);
        }
        return problem;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
