package org.sightline.app.security;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.sightline.app.security.adapter.db.UserRepository;
import org.sightline.app.security.adapter.db.UserRow;
import org.sightline.app.security.domain.PasswordPolicy;
import org.sightline.app.security.domain.Role;
import org.sightline.app.security.domain.UserAccount;
import org.sightline.platform.audit.AuditLog;
import org.sightline.platform.audit.domain.AuditEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates users and checks their passwords, with lock-out after repeated failures. */
@Singleton
public class UserService {

    private static final Logger LOG = LoggerFactory.getLogger(UserService.class);

    /** The result of a login attempt. */
    public sealed interface LoginResult {
        /** Logged in. */
        record Success(UserAccount user) implements LoginResult { }

        /** Refused; {@code reason} is safe to show (it never says whether the user exists). */
        record Refused(String reason) implements LoginResult { }
    }

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final SecurityProperties config;
    private final Clock clock;
    private final AuditLog audit;

    public UserService(UserRepository users, PasswordHasher hasher, SecurityProperties config, AuditLog audit) {
        this(users, hasher, config, audit, Clock.systemUTC());
    }

    UserService(UserRepository users, PasswordHasher hasher, SecurityProperties config, AuditLog audit, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.config = config;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Creates the user, or replaces the password and roles of an existing one.
     *
     * @throws IllegalArgumentException when the username or password breaks the rules
     */
    public void createOrReplace(String username, String password, Set<Role> roles, boolean covertCleared) {
        UserAccount.requireValidUsername(username);
        PasswordPolicy.findProblem(password, username).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        String[] roleArray = roles.stream().map(Enum::name).sorted().toArray(String[]::new);
        users.upsert(username, hasher.hash(password), roleArray, covertCleared);
        audit.record(new AuditEvent(clock.instant(), "system:users", "user.save", username, "", "",
                "roles=" + String.join(",", roleArray) + (covertCleared ? ";covert-cleared" : "")));
    }

    /** The user, if one exists with this name. */
    public Optional<UserAccount> findUser(String username) {
        return users.findByUsername(username).map(UserService::toAccount);
    }

    /** All users, by name. */
    public List<UserAccount> listUsers() {
        return users.findAllOrderByUsername().stream().map(UserService::toAccount).toList();
    }

    /** Checks a login; counts failures and locks the account after too many. */
    public LoginResult login(String username, String password) {
        Instant now = clock.instant();
        Optional<UserAccount> found = username == null ? Optional.empty() : findUser(username);
        if (found.isEmpty()) {
            hasher.matches(password, null);
            LOG.info("Login refused: unknown user");
            // the attempted name is not recorded: people type passwords into the username field
            audit.record(new AuditEvent(now, "unknown", "login.failure", "", "", "", "unknown user"));
            return new LoginResult.Refused("Wrong username or password");
        }
        UserAccount user = found.get();
        if (user.isLockedAt(now)) {
            LOG.warn("Login refused for {}: account locked until {}", user.username(), user.lockedUntil());
            audit.record(new AuditEvent(now, user.username(), "login.failure", user.username(), "", "", "account locked"));
            return new LoginResult.Refused("Account locked after repeated failed logins; try again later");
        }
        if (!user.enabled() || !hasher.matches(password, user.passwordHash())) {
            users.recordFailure(user.username(), config.maxFailedLogins(), now.plus(config.lockout()));
            LOG.info("Login refused for {}: wrong password or disabled", user.username());
            audit.record(new AuditEvent(now, user.username(), "login.failure", user.username(), "", "",
                    user.enabled() ? "wrong password" : "account disabled"));
            return new LoginResult.Refused("Wrong username or password");
        }
        users.recordSuccess(user.username(), now);
        audit.record(new AuditEvent(now, user.username(), "login.success", user.username(), "", "", ""));
        LOG.info("Login of {}", user.username());
        return new LoginResult.Success(user);
    }

    static UserAccount toAccount(UserRow row) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(row.roles() == null ? new String[0] : row.roles())
                .map(Role::find).flatMap(Optional::stream).forEach(roles::add);
        return new UserAccount(row.username(), row.passwordHash(), roles, row.covertCleared(),
                row.enabled(), row.failedLogins(), row.lockedUntil());
    }
}
