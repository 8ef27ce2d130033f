package org.hmcflow.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.hmcflow.shared.security.CurrentActor;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * What every rendered page of a signed-in user needs beside its own model: the top bar's sections
 * ({@link PortalNavigation}, model attribute {@code nav}) and the form viewer's own words in the page's language
 * ({@link FormViewerTexts}, {@code viewerTexts}). Pages of every capability get it, wherever their
 * controller lives; redirects and API responses have no view and are left alone.
 */
@Configuration(proxyBeanMethods = false)
class PortalModel implements WebMvcConfigurer {

    private final FormViewerTexts viewerTexts;

    PortalModel(FormViewerTexts viewerTexts) {
        this.viewerTexts = viewerTexts;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                                   ModelAndView view) throws Exception {
                if (view == null || view.getViewName() == null || view.getViewName().startsWith("redirect:")) {
                    return;
                }
                String path = request.getRequestURI().substring(request.getContextPath().length());
                CurrentActor.find().ifPresent(actor -> view.addObject("nav", PortalNavigation.of(actor, path)));
                view.addObject("viewerTexts", viewerTexts.json(LocaleContextHolder.getLocale()));
            }
        }).excludePathPatterns("/api/**", "/engine-rest/**", "/camunda/**");
    }
}
