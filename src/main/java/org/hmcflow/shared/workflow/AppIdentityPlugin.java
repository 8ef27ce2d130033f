package org.hmcflow.shared.workflow;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.hmcflow.department.DepartmentService;
import org.hmcflow.enterprise.EnterpriseService;
import org.hmcflow.user.UserService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Makes {@link AppIdentityProvider} the engine's identity provider, in place of Camunda's own user, group and
 * membership tables ({@code ACT_ID_*}), which HMC-Flow no longer writes. The engine's authorizations and Tasklist
 * filters stay in the engine's tables ({@link EngineIdentity}).
 *
 * <p>The services are passed as {@link ObjectProvider}s: the plugin is needed while the engine is being built, and
 * some services depend on the engine.
 */
@Component
class AppIdentityPlugin extends AbstractProcessEnginePlugin {

    private final IdentityDirectory directory;

    AppIdentityPlugin(ObjectProvider<UserService> users, ObjectProvider<DepartmentService> departments,
                      ObjectProvider<EnterpriseService> enterprises) {
        this.directory = new IdentityDirectory(users, departments, enterprises);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setIdentityProviderSessionFactory(new AppIdentityProvider.Factory(directory));
    }
}
