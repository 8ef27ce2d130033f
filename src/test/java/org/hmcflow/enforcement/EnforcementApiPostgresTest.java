package org.hmcflow.enforcement;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The same HTTP scenarios on a real PostgreSQL server (the postgres profile, Flyway and Camunda schemas). Runs in a
 * JVM of its own (surefire "isolated" execution), since Camunda registers each context's engine in one static
 * registry under the name "default".
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.job-execution.enabled=false")
@ActiveProfiles("postgres")
@DirtiesContext // close the application, then the server, inside the test run rather than in a JVM shutdown hook
class EnforcementApiPostgresTest extends EnforcementApiScenarios {

    /** The server and the pool are beans, so the context closes the pool before it stops the server. */
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
