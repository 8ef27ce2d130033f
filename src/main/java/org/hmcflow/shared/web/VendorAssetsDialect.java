package org.hmcflow.shared.web;

import java.util.Set;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/**
 * {@link VendorAssets} as the expression object {@code #vendor} of every template:
 * {@code th:src="@{${#vendor.url('htmx.org/htmx.min.js')}}"}. Thymeleaf 3.1.5 evaluates the base of a link expression
 * in restricted mode, which refuses bean references ({@code ${@vendorAssets.url(…)}} fails every page with "access to
 * static classes or parameters is forbidden"); an expression object is allowed there.
 */
@Component
class VendorAssetsDialect extends AbstractDialect implements IExpressionObjectDialect {

    private final VendorAssets assets;

    VendorAssetsDialect(VendorAssets assets) {
        super("hmc-vendor-assets");
        this.assets = assets;
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {
            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of("vendor");
            }

            @Override
            public Object buildObject(IExpressionContext context, String expressionObjectName) {
                return "vendor".equals(expressionObjectName) ? assets : null;
            }

            @Override
            public boolean isCacheable(String expressionObjectName) {
                return true;
            }
        };
    }
}
