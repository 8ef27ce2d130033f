package org.hmcflow.permit.afterissue;

import org.hmcflow.support.H2AppTest;

/** The after-issue HTTP scenarios on the embedded default database. */
@H2AppTest
class PermitLifecycleApiH2Test extends PermitLifecycleApiScenarios {
}
