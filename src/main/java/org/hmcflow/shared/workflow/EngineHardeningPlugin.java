package org.hmcflow.shared.workflow;

import java.util.ArrayList;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Engine settings that are not plain properties: the expression language sees only {@link WorkflowBean} beans, and
 * every user task and start event refuses structured values other than its form's lists ({@link FormListGuard}), and
 * every user task tells its life as {@link StepEvent}s ({@link StepEventPublisher}).
 * The remaining hardening (authorizations, no Java serialization, no expressions in queries, TASK_WORK for
 * candidates, retry cycle, history time-to-live) is in {@code config/application.yaml} under
 * {@code camunda.bpm.generic-properties}, where an operator can read it.
 */
@Component
class EngineHardeningPlugin extends AbstractProcessEnginePlugin {

    private final ApplicationContext applicationContext;

    EngineHardeningPlugin(ApplicationContext applicationContext) {
        this.applicationContext = applicationContext;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        Map<Object, Object> beans = new WorkflowBeans(applicationContext);
        configuration.setBeans(beans);
        // A SpringExpressionManager built with a bean map resolves only that map, never the whole context.
        configuration.setExpressionManager(new SpringExpressionManager(applicationContext, beans));
        configuration.setCmmnEnabled(false);
        configuration.setJavaSerializationFormatEnabled(false);
        configuration.setDeserializationTypeValidationEnabled(true);
        configuration.setEnableExpressionsInAdhocQueries(false);
        configuration.setEnableExpressionsInStoredQueries(false);
        if (configuration.getCustomPreBPMNParseListeners() == null) {
            configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPreBPMNParseListeners().add(
                new FormListGuard(() -> applicationContext.getBean(TasklistErrors.class)));
        configuration.getCustomPreBPMNParseListeners().add(new StepEventPublisher(() -> applicationContext));
    }
}
