package dev.blindfold.security;

import io.agroal.api.AgroalDataSource;
import io.quarkus.elytron.security.common.BcryptUtil;
import dev.blindfold.support.Api;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

/** Rows written behind the app's back, as a database from before a rule was enforced would hold them. */
final class LegacyAccounts {

    private LegacyAccounts() {
    }

    /** A user with the given stored roles (password {@link Api#PASSWORD}), a member of the project; returns its id. */
    static long insert(AgroalDataSource dataSource, String username, String roles, long projectId) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            long userId = next(c, "users_SEQ");
            try (PreparedStatement s = c.prepareStatement("INSERT INTO users (id, username, password_hash, roles,"
                    + " created_at) VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP)")) {
                s.setLong(1, userId);
                s.setString(2, username);
                s.setString(3, BcryptUtil.bcryptHash(Api.PASSWORD, 4));
                s.setString(4, roles);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO project_members (id, project_id, user_id,"
                    + " order_seed, joined_at) VALUES (?, ?, ?, 7, CURRENT_TIMESTAMP)")) {
                s.setLong(1, next(c, "project_members_SEQ"));
                s.setLong(2, projectId);
                s.setLong(3, userId);
                s.executeUpdate();
            }
            return userId;
        }
    }

    static long count(AgroalDataSource dataSource, String sql, long id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /**
     * A value of the sequence taken outside Hibernate: its pooled optimizer hands out (v - 50, v] for each value v
     * it fetches itself, so a value fetched here is never one of them.
     */
    private static long next(Connection c, String sequence) throws SQLException {
        boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        String sql = postgres ? "SELECT nextval('" + sequence.toLowerCase(Locale.ROOT) + "')" : "SELECT NEXT VALUE FOR " + sequence;
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }
}
