package org.hmcflow.inspection;

import org.hmcflow.support.PostgresAppTest;

/** The same HTTP scenarios as {@link InspectionCaseApiScenarios} on a real PostgreSQL server (see {@link PostgresAppTest}). */
@PostgresAppTest
class InspectionCaseApiPostgresTest extends InspectionCaseApiScenarios {
}
