package org.hmcflow.permit.application;

import org.hmcflow.support.H2AppTest;

/** The HTTP scenarios on the embedded default database. */
@H2AppTest
class PermitApiH2Test extends PermitApiScenarios {
}
