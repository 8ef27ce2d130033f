package org.hmcflow.supervision;

import org.hmcflow.support.PostgresAppTest;

@PostgresAppTest
class DeadlineItemsPostgresTest extends DeadlineItemsScenarios {
}
