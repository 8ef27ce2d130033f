package org.hmcflow.shared.workflow;

import java.util.Locale;
import java.util.stream.Collectors;
import org.hmcflow.shared.web.ConflictException;
import org.hmcflow.shared.web.ForbiddenException;
import org.hmcflow.shared.web.InvalidInputException;
import org.hmcflow.shared.web.RequestLocale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Camunda Tasklist shows the engine's error text when completing a task fails, not our problem response. Every
 * capability's task-completed listener runs its step through {@link #explain}, so a refused form names each field with
 * its reason in the user's language, and the completion (and everything the step wrote) is rolled back.
 */
@Component
public class TasklistErrors {

    private final MessageSource messages;
    private final RequestLocale requestLocale;

    TasklistErrors(MessageSource messages, RequestLocale requestLocale) {
        this.messages = messages;
        this.requestLocale = requestLocale;
    }

    /** Runs the step; bad input comes out with the same problems and a localized, readable message. */
    public void explain(Runnable step) {
        try {
            step.run();
        } catch (InvalidInputException e) {
            Locale locale = requestLocale.current();
            String reasons = e.problems().stream().map(p -> p.field() + " "
                    + messages.getMessage(p.messageKey(), p.args(), p.messageKey(), locale)).collect(Collectors.joining("；"));
            throw new InvalidInputException(e.problems(),
                    messages.getMessage("hmc.error.invalid-input", null, locale) + " " + reasons);
        }
    }

    /**
     * Like {@link #explain}, for a step that only Tasklist or the engine's own REST API reaches — a start form: there
     * is no problem response of ours around it, so a refusal (our API's 403 or 409) also comes out as its localized
     * sentence instead of its message key. Everything the step wrote is rolled back.
     */
    public void explainFormStart(Runnable step) {
        try {
            explain(step);
        } catch (ForbiddenException e) {
            throw new Refused(messages.getMessage(e.getMessage(), null, e.getMessage(), requestLocale.current()));
        } catch (ConflictException e) {
            throw new Refused(messages.getMessage(e.getMessage(), e.args(), e.getMessage(), requestLocale.current()));
        }
    }

    /** A refusal by message key, as its sentence in the user's language (for a step outside our API, like a start). */
    public RuntimeException refusal(String messageKey, Object... args) {
        return new Refused(messages.getMessage(messageKey, args, messageKey, requestLocale.current()));
    }

    /** A refusal with its sentence in the user's language, which Tasklist shows as it is. */
    public static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }
}
