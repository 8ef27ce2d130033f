package org.hmcflow.shared.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Response headers of the portal ({@code hmc.web}).
 *
 * @param contentSecurityPolicy the {@code Content-Security-Policy} of every response outside {@code /camunda/**},
 *     {@code /engine-rest/**} and {@code /api/**} (the Camunda webapps send their own, from Camunda's
 *     {@code HeaderSecurityFilter}; JSON needs none). The pages load and run only the application's own files: no
 *     inline script, no {@code eval} (htmx is configured without it), nothing from another host. {@code style-src
 *     'self'} without {@code 'unsafe-inline'} is enough although ECharts and the form-js viewer set styles from
 *     script: they do it through the CSSOM ({@code element.style.width = …}), which CSP does not govern; what it
 *     blocks is {@code <style>} elements and {@code style=""} attributes in markup, and our templates have none (htmx
 *     would inject an indicator {@code <style>}, which {@code includeIndicatorStyles: false} in
 *     {@code templates/fragments.html} turns off). {@code img-src} allows {@code data:} and {@code blob:} for charts
 *     exported as images and form-js's icons.
 */
@ConfigurationProperties(prefix = "hmc.web")
record WebHeaderProperties(String contentSecurityPolicy) {

    WebHeaderProperties {
        if (contentSecurityPolicy == null || contentSecurityPolicy.isBlank()) {
            throw new IllegalStateException("hmc.web.content-security-policy must be set (config/application.yaml)");
        }
    }
}
