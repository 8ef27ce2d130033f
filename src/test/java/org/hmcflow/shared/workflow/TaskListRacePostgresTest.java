package org.hmcflow.shared.workflow;

import org.hmcflow.support.PostgresAppTest;

/** The same task-list race scenarios as {@link TaskListRaceScenarios} on a real PostgreSQL server. */
@PostgresAppTest
class TaskListRacePostgresTest extends TaskListRaceScenarios {
}
