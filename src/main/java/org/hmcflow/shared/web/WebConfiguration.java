package org.hmcflow.shared.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    /** Simplified Chinese first; English when the browser or client asks for it. */
    @Bean
    LocaleResolver localeResolver() {
        AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
        resolver.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
        resolver.setSupportedLocales(List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH));
        return resolver;
    }

    @Bean
    OpenAPI openApi() {
        return new OpenAPI().info(new Info().title("HMC-Flow API")
                .description("重金属污染防治业务流程 — heavy-metal pollution control workflows. Errors are RFC 7807 "
                        + "problems; send Accept-Language: en for English messages.")
                .version("v1"));
    }
}
