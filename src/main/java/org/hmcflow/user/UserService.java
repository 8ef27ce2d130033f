package org.hmcflow.user;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** HMC-Flow's users: the one entry for other capabilities. */
@Service
@Transactional(readOnly = true)
public class UserService {

    private final AppUserRepository users;

    UserService(AppUserRepository users) {
        this.users = users;
    }

    public Optional<AppUser> find(String username) {
        return users.findById(username);
    }

    public Optional<Actor> actor(String username) {
        return users.findById(username).filter(AppUser::isEnabled).map(UserService::toActor);
    }

    public List<AppUser> all() {
        return users.findAll();
    }

    /**
     * Every user who may sign in, as an actor, ordered by username: the user directory the engine (Camunda Tasklist,
     * Cockpit, Admin and its REST API) reads, whatever login brought the user here.
     */
    public List<Actor> enabledActors() {
        return users.findByEnabledTrue(Sort.by("username")).stream().map(UserService::toActor).toList();
    }

    public boolean anyDemoUser() {
        return !users.findByDemoTrue().isEmpty();
    }

    @Transactional
    public AppUser saveIfAbsent(AppUser user) {
        return users.findById(user.getUsername()).orElseGet(() -> users.save(user));
    }

    static Actor toActor(AppUser u) {
        return new Actor(u.getUsername(), u.getDisplayName(), u.getRole(), u.getDepartmentCode(), u.getEnterpriseId());
    }
}
