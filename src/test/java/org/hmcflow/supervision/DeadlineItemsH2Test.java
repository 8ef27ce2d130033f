package org.hmcflow.supervision;

import org.hmcflow.support.H2AppTest;

@H2AppTest
class DeadlineItemsH2Test extends DeadlineItemsScenarios {
}
