package io.uptake.message;

/** Small rules of English for text people read: the article before a number, and a count with its noun. */
public final class Words {

    private Words() {
    }

    /**
     * "a" or "an" before a number as it is read aloud: an 8-person team, an 11-person team, an 18-week streak,
     * an 80-person team, but a 1-person team and a 100-person team.
     */
    public static String article(long number) {
        String digits = Long.toString(Math.abs(number));
        if (number < 0 || digits.startsWith("8")) {
            return number < 0 ? "a" : "an";
        }
        // 11 and 18 are read "eleven" and "eighteen", also as the leading group of 11,000 or 18 million.
        boolean leadingPairOfDigits = digits.length() % 3 == 2;
        return leadingPairOfDigits && (digits.startsWith("11") || digits.startsWith("18")) ? "an" : "a";
    }

    /** A count with its noun in the right number: 1 mistake, 2 mistakes, 0 mistakes. */
    public static String count(long n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }

    /** A count with a noun whose plural takes an "s": 1 mistake, 3 mistakes. */
    public static String count(long n, String singular) {
        return count(n, singular, singular + "s");
    }
}
