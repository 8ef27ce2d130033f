package org.hmcflow.permit.afterissue;

import org.hmcflow.support.PostgresAppTest;

/** The same HTTP scenarios as {@link PermitLifecycleApiScenarios} on a real PostgreSQL server (see {@link PostgresAppTest}). */
@PostgresAppTest
class PermitLifecycleApiPostgresTest extends PermitLifecycleApiScenarios {
}
