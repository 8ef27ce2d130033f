package org.hmcflow.permit.issued;

import org.hmcflow.support.PostgresAppTest;

/** The same HTTP scenarios as {@link PermitRecordsApiScenarios} on a real PostgreSQL server (see {@link PostgresAppTest}). */
@PostgresAppTest
class PermitRecordsApiPostgresTest extends PermitRecordsApiScenarios {
}
