package org.hmcflow.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Set;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * Counts the JDBC statements one thread prepares while {@link #count} runs, at the application's DataSource, so the
 * engine's MyBatis statements count as well as JPA's and ours.
 *
 * <p>A component in the scanned package rather than a test configuration: every full-app context ({@link H2AppTest},
 * {@link PostgresAppTest}) gets it without a context of its own (another application start). Outside {@code count} the
 * DataSource hands out its connections as they are; inside, on the counting thread only, wrapped ones that count
 * {@code prepareStatement}, {@code prepareCall} and {@code createStatement}.
 */
@Component
public class StatementCounter implements BeanPostProcessor {

    private static final ThreadLocal<int[]> COUNTING = new ThreadLocal<>();
    private static final Set<String> STATEMENTS = Set.of("prepareStatement", "prepareCall", "createStatement");

    /** What {@code work} returned and how many statements this thread prepared for it. */
    public record Counted<T>(T result, int statements) {
    }

    public static <T> Counted<T> count(Supplier<T> work) {
        int[] counter = new int[1];
        int[] outer = COUNTING.get();
        COUNTING.set(counter);
        try {
            T result = work.get();
            return new Counted<>(result, counter[0]);
        } finally {
            if (outer == null) {
                COUNTING.remove();
            } else {
                outer[0] += counter[0];
                COUNTING.set(outer);
            }
        }
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !Proxy.isProxyClass(bean.getClass())) {
            // every interface of the pool (Closeable for its destroy method, Hikari's MXBean), so nothing else notices
            return Proxy.newProxyInstance(bean.getClass().getClassLoader(), ClassUtils.getAllInterfaces(bean),
                    (InvocationHandler) (proxy, method, args) -> {
                        Object answer = invoke(proxy, dataSource, method, args);
                        return answer instanceof Connection c && COUNTING.get() != null ? counting(c) : answer;
                    });
        }
        return bean;
    }

    private static Connection counting(Connection connection) {
        return (Connection) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    int[] counter = COUNTING.get();
                    if (counter != null && STATEMENTS.contains(method.getName())) {
                        counter[0]++;
                    }
                    return invoke(proxy, connection, method, args);
                });
    }

    /** Calls the wrapped object; a proxy is equal only to itself (Spring keys transaction resources by DataSource). */
    private static Object invoke(Object proxy, Object target, Method method, Object[] args) throws Throwable {
        if (method.getName().equals("equals") && method.getParameterCount() == 1) {
            return proxy == args[0];
        }
        if (method.getName().equals("hashCode") && method.getParameterCount() == 0) {
            return System.identityHashCode(proxy);
        }
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getTargetException();
        }
    }
}
