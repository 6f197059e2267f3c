package dev.blindfold.scale;

/**
 * The texts of the scale benchmark's items, drafts and answers: every item's input and drafts distinct, answers free
 * text of varied wording and length, the two annotators of 3 items in 10 agreeing word for word.
 */
final class ScaleTexts {

    private static final String[] TOPICS = {"reset a password after the email changed", "move a subscription to another"
            + " card", "export last month's invoices as CSV", "add a second admin to a shared account",
        "recover a deleted project", "turn off weekly summary emails", "change the billing currency"};
    private static final String[] OPENINGS = {"Go to Settings", "Open the account menu", "From the dashboard, choose Help",
        "Ask the workspace owner to", "Sign out and back in, then"};

    private ScaleTexts() {
    }

    static String input(int item) {
        return "Customer " + item + " asks how to " + TOPICS[item % TOPICS.length] + "; reply in two sentences and"
                + " mention anything they should check first (ticket " + item + ").";
    }

    static String draft(String family, int item) {
        return OPENINGS[(item + family.length()) % OPENINGS.length] + " and follow the steps to "
                + TOPICS[item % TOPICS.length] + "; it takes effect within a minute (" + family + " draft, ticket "
                + item + ").";
    }

    /** The blind answer of the item's {@code overlap}-th label (0 or 1). */
    static String blind(int item, int overlap) {
        if (item % 10 < 3) {
            return "Use the help page for ticket " + item + ": it walks through how to " + TOPICS[item % TOPICS.length] + ".";
        }
        String opening = OPENINGS[(item * 3 + overlap) % OPENINGS.length];
        return switch ((item + overlap) % 3) {
            case 0 -> opening + "; that is where you " + TOPICS[item % TOPICS.length] + " (" + item + "/" + overlap + ").";
            case 1 -> opening + ", then look for the option to " + TOPICS[item % TOPICS.length] + ". If it is missing,"
                    + " your role may not allow it; ask an admin (" + item + "/" + overlap + ").";
            default -> "Short answer " + item + "/" + overlap + ": " + opening.toLowerCase(java.util.Locale.ROOT) + ".";
        };
    }

    static String revised(String blind) {
        return blind + " Afterwards sign in again so the change shows everywhere.";
    }
}
