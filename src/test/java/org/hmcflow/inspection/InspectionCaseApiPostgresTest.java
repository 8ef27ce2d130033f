package org.hmcflow.inspection;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The inspection-lifecycle HTTP scenarios on a real PostgreSQL server (BYTEA evidence, DECIMAL measurements, the
 * V8 migration). Runs in a JVM of its own (surefire "isolated" execution), like the hazard and permit ones.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.job-execution.enabled=false")
@ActiveProfiles("postgres")
@DirtiesContext
class InspectionCaseApiPostgresTest extends InspectionCaseApiScenarios {

    @TestConfiguration(proxyBeanMethods = false)
    static class PostgresServer {

        @Bean(destroyMethod = "close")
        EmbeddedPostgres embeddedPostgres() throws IOException {
            return EmbeddedPostgres.builder().start();
        }

        @Bean(destroyMethod = "close")
        HikariDataSource dataSource(EmbeddedPostgres postgres) {
            HikariDataSource pool = new HikariDataSource();
            pool.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
            pool.setUsername("postgres");
            pool.setPassword("postgres");
            pool.setMaximumPoolSize(10);
            return pool;
        }
    }
}
