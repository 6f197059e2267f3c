package dev.blindfold.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Whether text is valid Unicode. A Java string is UTF-16, and JSON's {@code \uD800}-style escapes can put a lone
 * surrogate in one (a high surrogate without the low one after it, or a low one without a high one before it): that
 * is no character at all, UTF-8 cannot encode it, and encoders either fail or write {@code ?} in its place, so two
 * different answers would be stored, hashed and exported alike. A valid pair (an emoji, {@code \uD83D\uDE00}) is
 * fine. Invalid UTF-8 bytes never decode to a lone surrogate, so escapes are the only way one comes in.
 * Plain Java: callers phrase the refusal in their own problem.
 */
public final class UnicodeText {

    /** Completes "&lt;where&gt; …" in a refusal. */
    public static final String NOT_UNICODE =
            "is not valid Unicode: it holds a lone surrogate (a \\uD800-\\uDFFF escape without its pair)";

    private UnicodeText() {
    }

    /** Index of the first lone surrogate in {@code s}, or -1 when every surrogate is half of a pair. */
    public static int loneSurrogate(CharSequence s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            }
        }
        return -1;
    }

    public static boolean isValid(CharSequence s) {
        return s == null || loneSurrogate(s) < 0;
    }

    /**
     * Where in a JSON tree the first text that is not valid Unicode is, a value or an object key, or null when there
     * is none: {@code "data.note"}, {@code "drafts[1].text"}, or {@code "a key in data"}. {@code path} names the
     * tree itself.
     */
    public static String findIn(JsonNode node, String path) {
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            return isValid(node.textValue()) ? null : path;
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!isValid(field.getKey())) {
                    return keyIn(path);
                }
                String found = findIn(field.getValue(), child(path, field.getKey()));
                if (found != null) {
                    return found;
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String found = findIn(node.get(i), path + "[" + i + "]");
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** As {@link #findIn(JsonNode, String)}, for plain values: strings, maps with string keys, lists, scalars. */
    public static String findIn(Object value, String path) {
        if (value instanceof CharSequence s) {
            return isValid(s) ? null : path;
        }
        if (value instanceof JsonNode node) {
            return findIn(node, path);
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = String.valueOf(e.getKey());
                if (!isValid(key)) {
                    return keyIn(path);
                }
                String found = findIn(e.getValue(), child(path, key));
                if (found != null) {
                    return found;
                }
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                String found = findIn(list.get(i), path + "[" + i + "]");
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /**
     * A JSON parser's message in plain words: Jackson's parser refuses a lone surrogate in an object key itself
     * ("Broken surrogate pair in field name …", "Unexpected low surrogate in field name …"), which is said the way
     * this class says it for values.
     */
    public static String parserMessage(String original) {
        if (original != null && original.contains("surrogate") && original.contains("field name")) {
            return "a key " + NOT_UNICODE;
        }
        return original;
    }

    private static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static String keyIn(String path) {
        return path.isEmpty() ? "a key" : "a key in " + path;
    }
}
