package org.hmcflow.enforcement;

import org.hmcflow.support.PostgresAppTest;

/** The same HTTP scenarios as {@link EnforcementApiScenarios} on a real PostgreSQL server (see {@link PostgresAppTest}). */
@PostgresAppTest
class EnforcementApiPostgresTest extends EnforcementApiScenarios {
}
