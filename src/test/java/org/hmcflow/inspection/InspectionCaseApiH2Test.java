package org.hmcflow.inspection;

import org.hmcflow.support.H2AppTest;

/** The inspection-lifecycle HTTP scenarios on the embedded default database. */
@H2AppTest
class InspectionCaseApiH2Test extends InspectionCaseApiScenarios {
}
