package org.hmcflow.enforcement;

import org.hmcflow.support.H2AppTest;

/** The HTTP scenarios on the embedded default database. */
@H2AppTest
class EnforcementApiH2Test extends EnforcementApiScenarios {
}
