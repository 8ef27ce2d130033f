package org.hmcflow.enterprise;

import org.hmcflow.support.PostgresAppTest;

@PostgresAppTest
class EnterpriseUsccCompletionPostgresTest extends EnterpriseUsccCompletionScenarios {
}
