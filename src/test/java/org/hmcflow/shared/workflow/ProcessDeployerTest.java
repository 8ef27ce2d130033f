package org.hmcflow.shared.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.hmcflow.support.H2AppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Deployment on start: an unchanged file is not redeployed; a changed one becomes a new version, a BPMN with its forms,
 * a DMN on its own.
 */
@H2AppTest
class ProcessDeployerTest {

    @Autowired
    ProcessDeployer deployer;
    @Autowired
    RepositoryService repository;

    @Test
    void anUnchangedProcessIsNotRedeployed() {
        long versions = repository.createProcessDefinitionQuery().processDefinitionKey("hazard-lifecycle").count();
        assertThat(deployer.deployAll(repository)).isEmpty();
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("hazard-lifecycle").count()).isEqualTo(versions);
    }

    @Test
    void aChangedProcessBecomesANewVersionTogetherWithTheFormsItNames() throws Exception {
        String name = "processes/hazard/hazard-lifecycle.bpmn";
        ProcessDefinition latest = repository.createProcessDefinitionQuery().processDefinitionKey("hazard-lifecycle")
                .latestVersion().singleResult();
        String bpmn = Files.readString(Path.of(name), StandardCharsets.UTF_8)
                .replace("name=\"隐患排查治理 Hazard lifecycle\"", "name=\"隐患排查治理 Hazard lifecycle (v2)\"");
        // What the deployer does with a changed file: the same unit name, so duplicate filtering compares them.
        var builder = repository.createDeployment().name(name).source(ProcessDeployer.SOURCE).enableDuplicateFiltering(false)
                .addInputStream(name, new ByteArrayInputStream(bpmn.getBytes(StandardCharsets.UTF_8)));
        for (String form : repository.getDeploymentResourceNames(latest.getDeploymentId())) {
            if (form.endsWith(".form")) {
                builder.addInputStream(form, repository.getResourceAsStream(latest.getDeploymentId(), form));
            }
        }
        builder.deploy();
        ProcessDefinition next = repository.createProcessDefinitionQuery().processDefinitionKey("hazard-lifecycle")
                .latestVersion().singleResult();
        assertThat(next.getVersion()).isEqualTo(latest.getVersion() + 1);
        assertThat(repository.getDeploymentResourceNames(next.getDeploymentId())).contains("forms/hazard/hazard-triage.form");
        // Back to the file on disk: that is a change again, so it deploys as the next version.
        assertThat(deployer.deployAll(repository)).containsExactly(name);
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("hazard-lifecycle").latestVersion()
                .singleResult().getVersion()).isEqualTo(latest.getVersion() + 2);
    }

    @Test
    void eachDecisionTableIsADeploymentOfItsOwnFileAndAnUnchangedOneIsNotRedeployed() {
        for (String key : List.of("permit-admission", "permit-management-category")) {
            String file = "processes/permit/" + key + ".dmn";
            List<Deployment> deployments = repository.createDeploymentQuery().deploymentName(file).list();
            assertThat(deployments).as(file).isNotEmpty().allSatisfy(d -> assertThat(d.getSource()).isEqualTo(ProcessDeployer.SOURCE));
            DecisionDefinition latest = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key)
                    .latestVersion().singleResult();
            assertThat(repository.getDeploymentResourceNames(latest.getDeploymentId())).containsExactly(file);
        }
        long versions = repository.createDecisionDefinitionQuery().decisionDefinitionKey("permit-admission").count();
        assertThat(deployer.deployAll(repository)).isEmpty();
        assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey("permit-admission").count()).isEqualTo(versions);
    }

    @Test
    void aChangedDecisionTableBecomesANewVersionAndTheFileOnDiskComesBackAsTheNext() throws Exception {
        String name = "processes/permit/permit-management-category.dmn";
        DecisionDefinition latest = repository.createDecisionDefinitionQuery()
                .decisionDefinitionKey("permit-management-category").latestVersion().singleResult();
        String dmn = Files.readString(Path.of(name), StandardCharsets.UTF_8)
                .replace("name=\"排污许可管理类别 Management category\"", "name=\"排污许可管理类别 Management category (v2)\"");
        assertThat(dmn).contains("(v2)");
        repository.createDeployment().name(name).source(ProcessDeployer.SOURCE).enableDuplicateFiltering(false)
                .addInputStream(name, new ByteArrayInputStream(dmn.getBytes(StandardCharsets.UTF_8))).deploy();
        DecisionDefinition changed = repository.createDecisionDefinitionQuery()
                .decisionDefinitionKey("permit-management-category").latestVersion().singleResult();
        assertThat(changed.getVersion()).isEqualTo(latest.getVersion() + 1);
        assertThat(changed.getName()).endsWith("(v2)");

        assertThat(deployer.deployAll(repository)).containsExactly(name);
        DecisionDefinition restored = repository.createDecisionDefinitionQuery()
                .decisionDefinitionKey("permit-management-category").latestVersion().singleResult();
        assertThat(restored.getVersion()).isEqualTo(latest.getVersion() + 2);
        assertThat(restored.getName()).isEqualTo(latest.getName());
    }
}
