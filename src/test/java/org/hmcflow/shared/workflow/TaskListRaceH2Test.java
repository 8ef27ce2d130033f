package org.hmcflow.shared.workflow;

import org.hmcflow.support.H2AppTest;

/** The task-list race scenarios on the embedded default database. */
@H2AppTest
class TaskListRaceH2Test extends TaskListRaceScenarios {
}
