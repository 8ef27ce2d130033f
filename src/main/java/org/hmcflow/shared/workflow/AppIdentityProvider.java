package org.hmcflow.shared.workflow;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.GroupQuery;
import org.camunda.bpm.engine.identity.NativeUserQuery;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.TenantQuery;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.identity.UserQuery;
import org.camunda.bpm.engine.impl.AuthorizationQueryImpl;
import org.camunda.bpm.engine.impl.Direction;
import org.camunda.bpm.engine.impl.QueryOrderingProperty;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.identity.ReadOnlyIdentityProvider;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;

/**
 * The engine's read-only identity provider: users and groups come from HMC-Flow's own tables through
 * {@link IdentityDirectory}, so whatever signs a user in (the demo accounts, an OpenID Connect provider) only has to
 * keep {@code app_user} up to date. Modelled on Camunda's LDAP identity plugin: the query classes
 * ({@link AppUserQuery}, {@link AppGroupQuery}, {@link AppTenantQuery}) filter, sort and page in memory.
 *
 * <p>One instance is an engine session: it lives for one engine command and reads the directory at most once, inside
 * the command's (Spring-managed) transaction. Because the provider is not a {@code WritableIdentityProvider}, the
 * engine and its REST API refuse to create, change or delete users, groups, memberships and tenants.
 *
 * <p>Visibility follows Camunda's own database provider: with authorization on, a user authenticated in the engine
 * sees itself and the users it has READ on ({@link Resources#USER}), the groups it belongs to and the groups it has
 * READ on ({@link Resources#GROUP}); Camunda admins, commands run without authorization checks and unauthenticated
 * engine calls see everything.
 */
final class AppIdentityProvider implements ReadOnlyIdentityProvider {

    private final IdentityDirectory directory;
    private IdentityDirectory.Snapshot snapshot;

    AppIdentityProvider(IdentityDirectory directory) {
        this.directory = directory;
    }

    /** The directory as read for this command; read on first use. */
    IdentityDirectory.Snapshot directory() {
        if (snapshot == null) {
            snapshot = directory.read();
        }
        return snapshot;
    }

    @Override
    public void flush() {
        // Read-only: nothing to write.
    }

    @Override
    public void close() {
        snapshot = null;
    }

    // Users ///////////////////////////////////////////////////////////////////////////////////////////////////////

    @Override
    public User findUserById(String userId) {
        return createUserQuery(Context.getCommandContext()).userId(userId).singleResult();
    }

    @Override
    public UserQuery createUserQuery() {
        return new AppUserQuery(Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
    }

    @Override
    public UserQuery createUserQuery(CommandContext commandContext) {
        return new AppUserQuery();
    }

    @Override
    public NativeUserQuery createNativeUserQuery() {
        throw new BadUserRequestException("Native user queries are not supported: HMC-Flow's users are not kept in "
                + "the engine's tables.");
    }

    /**
     * Always {@code false}: passwords belong to Spring Security, and users sign in through HMC-Flow's login, which
     * hands the engine and the Camunda webapps an already authenticated user (container-based authentication). Nothing
     * may sign in by asking the engine to check a password.
     */
    @Override
    public boolean checkPassword(String userId, String password) {
        return false;
    }

    // Groups //////////////////////////////////////////////////////////////////////////////////////////////////////

    @Override
    public Group findGroupById(String groupId) {
        return createGroupQuery(Context.getCommandContext()).groupId(groupId).singleResult();
    }

    @Override
    public GroupQuery createGroupQuery() {
        return new AppGroupQuery(Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
    }

    @Override
    public GroupQuery createGroupQuery(CommandContext commandContext) {
        return new AppGroupQuery();
    }

    // Tenants: HMC-Flow runs one tenant, the engine's default, so there are none to list. /////////////////////////

    @Override
    public Tenant findTenantById(String tenantId) {
        return null;
    }

    @Override
    public TenantQuery createTenantQuery() {
        return new AppTenantQuery(Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
    }

    @Override
    public TenantQuery createTenantQuery(CommandContext commandContext) {
        return new AppTenantQuery();
    }

    // Authorization ///////////////////////////////////////////////////////////////////////////////////////////////

    /** The user ids the engine's current user may see: itself and those it has READ on. */
    Predicate<String> visibleUsers(CommandContext context) {
        return visible(context, Resources.USER, authentication -> Set.of(authentication.getUserId()));
    }

    /** The group ids the engine's current user may see: its own groups and those it has READ on. */
    Predicate<String> visibleGroups(CommandContext context) {
        return visible(context, Resources.GROUP,
                authentication -> Set.copyOf(directory().groupsOf(authentication.getUserId())));
    }

    private Predicate<String> visible(CommandContext context, Resource resource,
                                      Function<Authentication, Set<String>> own) {
        Authentication authentication = context.getAuthentication();
        AuthorizationManager authorizations = context.getAuthorizationManager();
        if (!context.getProcessEngineConfiguration().isAuthorizationEnabled() || !context.isAuthorizationCheckEnabled()
                || authentication == null || authentication.getUserId() == null
                || authorizations.isCamundaAdmin(authentication)) {
            return id -> true;
        }
        String userId = authentication.getUserId();
        List<String> groupIds = authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
        // One check instead of one per entry; valid only while no authorization revokes READ on a single entry.
        if (authorizations.isAuthorized(userId, groupIds, Permissions.READ, resource, Authorization.ANY)
                && !anyRevocation(context, resource)) {
            return id -> true;
        }
        Set<String> mine = own.apply(authentication);
        return id -> mine.contains(id) || authorizations.isAuthorized(userId, groupIds, Permissions.READ, resource, id);
    }

    private static boolean anyRevocation(CommandContext context, Resource resource) {
        // The authorization table itself is protected; this question is the provider's, not the user's.
        AuthorizationQueryImpl revocations = new AuthorizationQueryImpl();
        revocations.resourceType(resource).authorizationType(Authorization.AUTH_TYPE_REVOKE);
        return context.runWithoutAuthorization(() -> revocations.executeCount(context) > 0);
    }

    // Helpers for the in-memory queries ///////////////////////////////////////////////////////////////////////////

    /**
     * The users or groups named as candidate starters of a process definition ({@code camunda:candidateStarterUsers}
     * or {@code candidateStarterGroups}), as Camunda's database provider answers {@code potentialStarter}.
     */
    static Set<String> candidateStarters(CommandContext context, String processDefinitionId,
                                         Function<IdentityLinkEntity, String> id) {
        return context.getIdentityLinkManager().findIdentityLinksByProcessDefinitionId(processDefinitionId).stream()
                .map(id).filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * SQL {@code LIKE} as the engine's database queries use it: {@code %} any run of characters, {@code _} one
     * character, backslash escapes the next character; case-sensitive. A null value matches no pattern.
     */
    static boolean like(String value, String pattern) {
        if (value == null) {
            return false;
        }
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                literal.append(pattern.charAt(++i));
            } else if (c == '%' || c == '_') {
                if (!literal.isEmpty()) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '%' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (!literal.isEmpty()) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(value).matches();
    }

    /**
     * The order a query asks for, by the name of each ordering property ({@code RES.ID_}, ...), then by id so that
     * pages never overlap. Absent values sort as on PostgreSQL: last ascending, first descending.
     */
    static <T> Comparator<T> ordering(List<QueryOrderingProperty> properties,
                                      Function<String, Function<T, String>> valueByPropertyName,
                                      Function<T, String> id) {
        Comparator<T> order = (a, b) -> 0;
        for (QueryOrderingProperty property : properties) {
            Function<T, String> value = valueByPropertyName.apply(property.getQueryProperty().getName());
            if (value == null) {
                continue;
            }
            Comparator<T> by = Comparator.comparing(value, Comparator.nullsLast(Comparator.naturalOrder()));
            order = order.thenComparing(Direction.DESCENDING.equals(property.getDirection()) ? by.reversed() : by);
        }
        return order.thenComparing(id);
    }

    /**
     * The page a query asked for ({@code listPage} sets the query's first result and maximum; {@code list} leaves them
     * at 0 and {@link Integer#MAX_VALUE}), as the database provider reads them from the query too.
     */
    static <T> List<T> page(List<T> all, int firstResult, int maxResults) {
        int from = Math.min(Math.max(firstResult, 0), all.size());
        int to = (int) Math.min((long) from + Math.max(maxResults, 0), all.size());
        return all.subList(from, to);
    }

    /** Opens one provider per engine command. */
    static final class Factory implements SessionFactory {

        private final IdentityDirectory directory;

        Factory(IdentityDirectory directory) {
            this.directory = directory;
        }

        @Override
        public Class<?> getSessionType() {
            return ReadOnlyIdentityProvider.class;
        }

        @Override
        public Session openSession() {
            return new AppIdentityProvider(directory);
        }
    }
}
