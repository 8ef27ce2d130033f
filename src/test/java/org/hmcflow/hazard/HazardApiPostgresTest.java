package org.hmcflow.hazard;

import org.hmcflow.support.PostgresAppTest;

/** The same HTTP scenarios as {@link HazardApiScenarios} on a real PostgreSQL server (see {@link PostgresAppTest}). */
@PostgresAppTest
class HazardApiPostgresTest extends HazardApiScenarios {
}
