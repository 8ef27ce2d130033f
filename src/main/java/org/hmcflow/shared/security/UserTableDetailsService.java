package org.hmcflow.shared.security;

import org.hmcflow.user.AppUser;
import org.hmcflow.user.UserService;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Password logins against our own user table (demo accounts in the default profile). */
@Component
class UserTableDetailsService implements UserDetailsService {

    private final UserService users;

    UserTableDetailsService(UserService users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        AppUser user = users.find(username)
                .filter(u -> u.isEnabled() && u.getPasswordHash() != null)
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
        return new HmcUserDetails(users.actor(username).orElseThrow(), user.getPasswordHash());
    }
}
