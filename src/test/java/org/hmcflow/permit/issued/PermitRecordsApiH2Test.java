package org.hmcflow.permit.issued;

import org.hmcflow.support.H2AppTest;

/** The permit, execution-report and record scenarios on the embedded default database. */
@H2AppTest
class PermitRecordsApiH2Test extends PermitRecordsApiScenarios {
}
