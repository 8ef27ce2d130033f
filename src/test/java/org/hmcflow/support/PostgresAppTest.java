package org.hmcflow.support;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a real PostgreSQL server (embedded, binaries from Maven Central; the postgres profile,
 * Flyway and Camunda schemas), job executor off, random port. Test classes that share this annotation share one
 * server and one application: the *PostgresTest classes run together in the surefire "postgres" execution, a JVM of
 * their own, since Camunda registers each context's engine in one static registry under the name "default".
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.job-execution.enabled=false")
@ActiveProfiles("postgres")
@Import(PostgresAppTest.PostgresServer.class)
public @interface PostgresAppTest {

    /**
     * The server and the pool are beans, so the context closes the pool before it stops the server. The server's own
     * shutdown hook is off: run beside the context's at JVM exit, it stopped the server first and the closing context
     * then waited on connections until surefire killed the JVM (30 s lost per run).
     */
    @TestConfiguration(proxyBeanMethods = false)
    class PostgresServer {

        @Bean(destroyMethod = "close")
        EmbeddedPostgres embeddedPostgres() throws IOException {
            return EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
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
