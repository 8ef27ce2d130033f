package org.hmcflow.shared.workflow;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys {@code processes/} and {@code forms/} from the classpath when the engine starts, one deployment per BPMN
 * file together with the forms it names in {@code camunda:formRef} (so {@code formRefBinding="deployment"} finds
 * them), one per DMN file, one for forms no process names. A deployment is made only when one of its files changed:
 * a changed BPMN becomes a new version, an unchanged one stays as it is, and running instances keep their version.
 */
@Component
public class ProcessDeployer extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(ProcessDeployer.class);
    private static final Pattern FORM_REF = Pattern.compile("camunda:formRef=\"([^\"$]+)\"");
    static final String SOURCE = "hmc-flow";

    private final ObjectMapper json = new ObjectMapper();
    private final PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        deployAll(engine.getRepositoryService());
    }

    /** Deploys every unit whose content changed; returns the names of the units deployed anew. */
    public List<String> deployAll(RepositoryService repository) {
        Map<String, byte[]> forms = new TreeMap<>();
        Map<String, String> formFileById = new HashMap<>();
        for (Map.Entry<String, byte[]> form : read("classpath*:forms/**/*.form").entrySet()) {
            forms.put(form.getKey(), form.getValue());
            formFileById.put(formId(form.getKey(), form.getValue()), form.getKey());
        }
        Map<String, Map<String, byte[]>> units = new LinkedHashMap<>();
        Set<String> referencedForms = new LinkedHashSet<>();
        for (Map.Entry<String, byte[]> bpmn : read("classpath*:processes/**/*.bpmn").entrySet()) {
            Map<String, byte[]> unit = new TreeMap<>();
            unit.put(bpmn.getKey(), bpmn.getValue());
            Matcher m = FORM_REF.matcher(new String(bpmn.getValue(), StandardCharsets.UTF_8));
            while (m.find()) {
                String file = formFileById.get(m.group(1));
                if (file == null) {
                    throw new IllegalStateException(bpmn.getKey() + " names form '" + m.group(1) + "', which no file in forms/ defines");
                }
                unit.put(file, forms.get(file));
                referencedForms.add(file);
            }
            units.put(bpmn.getKey(), unit);
        }
        read("classpath*:processes/**/*.dmn").forEach((name, content) -> units.put(name, Map.of(name, content)));
        Map<String, byte[]> looseForms = new TreeMap<>(forms);
        looseForms.keySet().removeAll(referencedForms);
        if (!looseForms.isEmpty()) {
            units.put("forms", looseForms);
        }
        List<String> deployed = new ArrayList<>();
        units.forEach((name, resources) -> {
            long before = repository.createDeploymentQuery().deploymentName(name).count();
            // Duplicate filtering: an identical set of files to the last deployment of this name deploys nothing.
            DeploymentBuilder builder = repository.createDeployment().name(name).source(SOURCE)
                    .enableDuplicateFiltering(false);
            resources.forEach((file, content) -> builder.addInputStream(file, new ByteArrayInputStream(content)));
            String id = builder.deploy().getId();
            if (repository.createDeploymentQuery().deploymentName(name).count() > before) {
                deployed.add(name);
                log.info("Deployed {} as deployment {}", name, id);
            }
        });
        return deployed;
    }

    private Map<String, byte[]> read(String pattern) {
        try {
            Map<String, byte[]> files = new TreeMap<>();
            for (Resource resource : resolver.getResources(pattern)) {
                String url = resource.getURL().toString();
                String prefix = pattern.substring("classpath*:".length(), pattern.indexOf('/') + 1);
                String name = url.substring(url.lastIndexOf(prefix));
                try (InputStream in = resource.getInputStream()) {
                    files.put(name, in.readAllBytes());
                }
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String formId(String file, byte[] content) {
        try {
            String id = json.readTree(content).path("id").asText(null);
            if (id == null || id.isBlank()) {
                throw new IllegalStateException(file + " has no form id");
            }
            return id;
        } catch (IOException e) {
            throw new IllegalStateException(file + " is not valid form JSON", e);
        }
    }
}
