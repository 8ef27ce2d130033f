package org.hmcflow.shared.workflow;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.UserQueryImpl;
import org.camunda.bpm.engine.impl.UserQueryProperty;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.hmcflow.shared.workflow.IdentityDirectory.DirectoryUser;

/**
 * A user query answered by {@link AppIdentityProvider} from HMC-Flow's users: every criterion of
 * {@link org.camunda.bpm.engine.identity.UserQuery}, its orderings in both directions, and paging. Users have a first
 * name (the display name), an empty last name and no e-mail; no user belongs to a tenant.
 */
final class AppUserQuery extends UserQueryImpl {

    private static final long serialVersionUID = 1L;

    private static final Map<String, Function<DirectoryUser, String>> ORDER_BY = Map.of(
            UserQueryProperty.USER_ID.getName(), DirectoryUser::id,
            UserQueryProperty.FIRST_NAME.getName(), DirectoryUser::displayName,
            UserQueryProperty.LAST_NAME.getName(), AppUserQuery::lastName,
            UserQueryProperty.EMAIL.getName(), AppUserQuery::email);

    AppUserQuery() {
    }

    AppUserQuery(CommandExecutor commandExecutor) {
        super(commandExecutor);
    }

    @Override
    public long executeCount(CommandContext context) {
        checkQueryOk();
        return matching(context).size();
    }

    @Override
    public List<User> executeList(CommandContext context, Page page) {
        checkQueryOk();
        // Camunda passes no page here; listPage() has set the query's own first result and maximum.
        return AppIdentityProvider.page(matching(context), getFirstResult(), getMaxResults()).stream()
                .map(AppUserQuery::toUser).toList();
    }

    private List<DirectoryUser> matching(CommandContext context) {
        if (tenantId != null) {
            return List.of();
        }
        AppIdentityProvider provider = (AppIdentityProvider) context.getReadOnlyIdentityProvider();
        Set<String> starters = procDefId == null ? null
                : AppIdentityProvider.candidateStarters(context, procDefId, IdentityLinkEntity::getUserId);
        Predicate<String> visible = provider.visibleUsers(context);
        return provider.directory().users().stream()
                .filter(this::matches)
                .filter(u -> starters == null || starters.contains(u.id()))
                .filter(u -> visible.test(u.id()))
                .sorted(AppIdentityProvider.ordering(getOrderingProperties(), ORDER_BY::get, DirectoryUser::id))
                .toList();
    }

    private boolean matches(DirectoryUser user) {
        return (id == null || id.equals(user.id()))
                && (ids == null || ids.length == 0 || Arrays.asList(ids).contains(user.id()))
                && (firstName == null || firstName.equals(user.displayName()))
                && (firstNameLike == null || AppIdentityProvider.like(user.displayName(), firstNameLike))
                && (lastName == null || lastName.equals(lastName(user)))
                && (lastNameLike == null || AppIdentityProvider.like(lastName(user), lastNameLike))
                && (email == null || email.equals(email(user)))
                && (emailLike == null || AppIdentityProvider.like(email(user), emailLike))
                && (groupId == null || user.groups().contains(groupId));
    }

    private static String lastName(DirectoryUser user) {
        return "";
    }

    private static String email(DirectoryUser user) {
        return null;
    }

    /** A fresh engine entity per result, so a caller that changes one changes nothing else. */
    private static User toUser(DirectoryUser user) {
        UserEntity entity = new UserEntity(user.id());
        entity.setFirstName(user.displayName());
        entity.setLastName(lastName(user));
        entity.setEmail(email(user));
        return entity;
    }
}
