package org.hmcflow.permit.application;

import org.hmcflow.support.PostgresAppTest;

/** The same HTTP scenarios as {@link PermitApiScenarios} on a real PostgreSQL server (see {@link PostgresAppTest}). */
@PostgresAppTest
class PermitApiPostgresTest extends PermitApiScenarios {
}
