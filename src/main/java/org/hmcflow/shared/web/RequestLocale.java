package org.hmcflow.shared.web;

import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language of the current request by the application's rule (Simplified Chinese unless the user asks for
 * English), also for code that runs under the engine REST API and the Camunda webapps, where Spring MVC's locale
 * context is not set; without a request (jobs, timers), Simplified Chinese.
 */
@Component
public class RequestLocale {

    private final LocaleResolver localeResolver;

    RequestLocale(LocaleResolver localeResolver) {
        this.localeResolver = localeResolver;
    }

    public Locale current() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return localeResolver.resolveLocale(attributes.getRequest());
        }
        return Locale.SIMPLIFIED_CHINESE;
    }
}
