package org.hmcflow.shared.workflow;

import java.util.List;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.TenantQueryImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;

/**
 * A tenant query answered by {@link AppIdentityProvider}: always empty. HMC-Flow serves one municipality from one
 * engine without tenants; the Camunda webapps ask for a user's tenants on every sign-in and get none.
 */
final class AppTenantQuery extends TenantQueryImpl {

    private static final long serialVersionUID = 1L;

    AppTenantQuery() {
    }

    AppTenantQuery(CommandExecutor commandExecutor) {
        super(commandExecutor);
    }

    @Override
    public long executeCount(CommandContext context) {
        checkQueryOk();
        return 0;
    }

    @Override
    public List<Tenant> executeList(CommandContext context, Page page) {
        checkQueryOk();
        return List.of();
    }
}
