package org.hmcflow.enterprise;

import org.hmcflow.support.H2AppTest;

@H2AppTest
class EnterpriseUsccCompletionH2Test extends EnterpriseUsccCompletionScenarios {
}
