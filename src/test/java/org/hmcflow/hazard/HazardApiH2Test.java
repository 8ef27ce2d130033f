package org.hmcflow.hazard;

import org.hmcflow.support.H2AppTest;

/** The HTTP scenarios on the embedded default database. */
@H2AppTest
class HazardApiH2Test extends HazardApiScenarios {
}
