package org.hmcflow.shared.workflow;

import java.util.AbstractMap;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationContext;

/**
 * The beans BPMN expressions may reach: those marked {@link WorkflowBean}, looked up by name when an expression
 * first asks for one. Lazy on purpose: delegates depend on engine services, so they cannot be created while the
 * engine itself is being built.
 */
final class WorkflowBeans extends AbstractMap<Object, Object> {

    private final ApplicationContext applicationContext;
    private volatile Set<String> names;

    WorkflowBeans(ApplicationContext applicationContext) {
        this.applicationContext = applicationContext;
    }

    Set<String> names() {
        if (names == null) {
            names = Set.copyOf(Arrays.asList(applicationContext.getBeanNamesForAnnotation(WorkflowBean.class)));
        }
        return names;
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String name && names().contains(name);
    }

    @Override
    public Object get(Object key) {
        return containsKey(key) ? applicationContext.getBean((String) key) : null;
    }

    @Override
    public Set<Entry<Object, Object>> entrySet() {
        return names().stream()
                .map(name -> (Entry<Object, Object>) new SimpleImmutableEntry<Object, Object>(name, applicationContext.getBean(name)))
                .collect(Collectors.toUnmodifiableSet());
    }
}
