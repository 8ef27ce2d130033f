package org.hmcflow.shared.workflow;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.GroupQueryImpl;
import org.camunda.bpm.engine.impl.GroupQueryProperty;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.GroupEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.hmcflow.shared.workflow.IdentityDirectory.DirectoryGroup;

/**
 * A group query answered by {@link AppIdentityProvider} from HMC-Flow's roles, departments and enterprises: every
 * criterion of {@link org.camunda.bpm.engine.identity.GroupQuery}, its orderings in both directions, and paging. A
 * user's groups are those of its {@link org.hmcflow.user.Actor}; no group belongs to a tenant.
 */
final class AppGroupQuery extends GroupQueryImpl {

    private static final long serialVersionUID = 1L;

    private static final Map<String, Function<DirectoryGroup, String>> ORDER_BY = Map.of(
            GroupQueryProperty.GROUP_ID.getName(), DirectoryGroup::id,
            GroupQueryProperty.NAME.getName(), DirectoryGroup::name,
            GroupQueryProperty.TYPE.getName(), DirectoryGroup::type);

    AppGroupQuery() {
    }

    AppGroupQuery(CommandExecutor commandExecutor) {
        super(commandExecutor);
    }

    @Override
    public long executeCount(CommandContext context) {
        checkQueryOk();
        return matching(context).size();
    }

    @Override
    public List<Group> executeList(CommandContext context, Page page) {
        checkQueryOk();
        // Camunda passes no page here; listPage() has set the query's own first result and maximum.
        return AppIdentityProvider.page(matching(context), getFirstResult(), getMaxResults()).stream()
                .map(AppGroupQuery::toGroup).toList();
    }

    private List<DirectoryGroup> matching(CommandContext context) {
        if (tenantId != null) {
            return List.of();
        }
        AppIdentityProvider provider = (AppIdentityProvider) context.getReadOnlyIdentityProvider();
        IdentityDirectory.Snapshot directory = provider.directory();
        List<String> groupsOfMember = userId == null ? null : directory.groupsOf(userId);
        Set<String> starters = procDefId == null ? null
                : AppIdentityProvider.candidateStarters(context, procDefId, IdentityLinkEntity::getGroupId);
        Predicate<String> visible = provider.visibleGroups(context);
        return directory.groups().stream()
                .filter(this::matches)
                .filter(g -> groupsOfMember == null || groupsOfMember.contains(g.id()))
                .filter(g -> starters == null || starters.contains(g.id()))
                .filter(g -> visible.test(g.id()))
                .sorted(AppIdentityProvider.ordering(getOrderingProperties(), ORDER_BY::get, DirectoryGroup::id))
                .toList();
    }

    private boolean matches(DirectoryGroup group) {
        return (id == null || id.equals(group.id()))
                && (ids == null || ids.length == 0 || Arrays.asList(ids).contains(group.id()))
                && (name == null || name.equals(group.name()))
                && (nameLike == null || AppIdentityProvider.like(group.name(), nameLike))
                && (type == null || type.equals(group.type()));
    }

    /** A fresh engine entity per result, so a caller that changes one changes nothing else. */
    private static Group toGroup(DirectoryGroup group) {
        GroupEntity entity = new GroupEntity(group.id());
        entity.setName(group.name());
        entity.setType(group.type());
        return entity;
    }
}
