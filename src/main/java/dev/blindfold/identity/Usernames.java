package dev.blindfold.identity;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Usernames are one name whatever their letter case: {@code ADMIN} and {@code admin} are the same account. The
 * stored form is lowercase (the database checks it); every look-up lowercases what it is given.
 */
public final class Usernames {

    /** ASCII only, so lowercasing is the same in every locale and cannot make two names one. */
    private static final Pattern NEW_USERNAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9._-]{1,63}");

    private Usernames() {
    }

    /** The stored form of a name as someone typed it. */
    public static String canonical(String username) {
        return username.toLowerCase(Locale.ROOT);
    }

    /** Whether a new account may be given this name (2-64 ASCII letters, digits, '.', '_' or '-'). */
    static boolean allowed(String username) {
        return username != null && NEW_USERNAME.matcher(username).matches();
    }
}
