package org.hmcflow.portal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A failure on a portal page answers with the error page, not the JSON problem our API gives: the reader is a person
 * in a browser. Ordered before the API's {@code ProblemHandler}, which would otherwise take every exception.
 */
@ControllerAdvice(assignableTypes = PortalController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PortalErrors {

    private static final Logger log = LoggerFactory.getLogger(PortalErrors.class);

    @ExceptionHandler(Exception.class)
    ModelAndView failed(Exception e) {
        log.error("Portal page failed", e);
        ModelAndView page = new ModelAndView("error");
        page.setStatus(HttpStatus.INTERNAL_SERVER_ERROR);
        page.addObject("status", HttpStatus.INTERNAL_SERVER_ERROR.value());
        return page;
    }
}
