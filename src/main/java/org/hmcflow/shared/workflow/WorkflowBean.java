package org.hmcflow.shared.workflow;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a Spring bean that BPMN expressions may reach ({@code ${deadlines...}}, {@code delegateExpression}).
 * Only beans with this mark are visible to the engine's expression language; everything else in the application
 * context stays out of reach of an expression, including one smuggled in through a query.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface WorkflowBean {
}
