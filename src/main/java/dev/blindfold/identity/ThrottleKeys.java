package dev.blindfold.identity;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The rows the sign-in throttle counts in: one per account name (whether or not it exists, so the answers do not
 * tell which names exist) and one per client address. An IPv6 client counts by its /64, the block one subscriber
 * usually gets, so cycling through addresses of one's own network does not escape the count.
 */
final class ThrottleKeys {

    private static final int MAX_KEY = 120;

    private ThrottleKeys() {
    }

    static String account(String username) {
        String key = "account:" + Usernames.canonical(username);
        return key.length() <= MAX_KEY ? key : "account#" + TokenSecrets.hash(key);
    }

    static String client(String address) {
        if (address == null || address.isBlank()) {
            return "client:unknown";
        }
        String key = "client:" + network(address.strip());
        return key.length() <= MAX_KEY ? key : "client#" + TokenSecrets.hash(key);
    }

    private static String network(String address) {
        if (!address.contains(":")) {
            return address;
        }
        try {
            byte[] bytes = InetAddress.getByName(address.replaceAll("^\\[|]$", "").replaceAll("%.*$", "")).getAddress();
            if (bytes.length != 16) {
                return InetAddress.getByAddress(bytes).getHostAddress();
            }
            for (int i = 8; i < 16; i++) {
                bytes[i] = 0;
            }
            return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
        } catch (UnknownHostException | IllegalArgumentException e) {
            return address;
        }
    }
}
