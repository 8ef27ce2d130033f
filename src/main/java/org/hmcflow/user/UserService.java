package org.hmcflow.user;

import java.util.List;
import java.util.Optional;
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
