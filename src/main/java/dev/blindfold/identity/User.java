package dev.blindfold.identity;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A person who signs in. The username is stored in its canonical (lowercase) form; the password is a bcrypt hash;
 * roles are comma-separated role names as stored. What the account may do is {@link #effectiveRoles()}, which is
 * what every sign-in gives its identity.
 */
@Entity
@Table(name = "users")
public class User extends PanacheEntity {

    @Column(nullable = false)
    public String username;

    @Column(name = "password_hash", nullable = false)
    public String passwordHash;

    @Column(nullable = false)
    public String roles;

    @Column(nullable = false)
    public boolean active = true;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The user with this name in any letter case (usernames are one name whatever their case). */
    public static Optional<User> byUsername(String username) {
        if (username == null) {
            return Optional.empty();
        }
        return find("username", Usernames.canonical(username)).firstResultOptional();
    }

    /** The roles as stored, including a combination refused since (see {@link RoleRules#effective}). */
    public List<String> roleList() {
        return roleList(roles);
    }

    /** Role names of a stored {@code users.roles} value. */
    static List<String> roleList(String roles) {
        return Arrays.stream(roles.split(",")).map(String::trim).filter(r -> !r.isEmpty()).toList();
    }

    /** The roles this account acts with. */
    public Set<String> effectiveRoles() {
        return RoleRules.effective(roleList());
    }

    public boolean hasRole(String role) {
        return effectiveRoles().contains(role);
    }
}
