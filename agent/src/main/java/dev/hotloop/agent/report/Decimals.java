package dev.hotloop.agent.report;

/**
 * The few number formats the exit table needs, built by hand: the first {@code String.format} of a
 * JVM loads the formatter, regular expressions and locale data, 21 ms (JDK 25) to 27 ms (JDK 17) of
 * every run's exit, and {@code BigDecimal}'s first use costs 15 ms on JDK 25. The results are
 * those of {@code String.format(Locale.ROOT, ...)} ({@code DecimalsTest} compares them): fixed
 * decimals round half up from the digits of {@link Double#toString}, as the formatter does.
 */
final class Decimals {

    private Decimals() {
    }

    /**
     * @param x      a number
     * @param digits decimals to print, at least 0
     * @return {@code String.format(Locale.ROOT, "%.<digits>f", x)}
     */
    static String fixed(double x, int digits) {
        if (Double.isNaN(x)) {
            return "NaN";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "Infinity" : "-Infinity";
        }
        boolean negative = x < 0 || x == 0 && 1 / x < 0;
        // The shortest decimal digits of |x| and where the point goes: |x| = 0.d1d2d3... x 10^point.
        String s = Double.toString(Math.abs(x));
        int e = s.indexOf('E');
        String mantissa = e < 0 ? s : s.substring(0, e);
        int dot = mantissa.indexOf('.');
        String all = mantissa.substring(0, dot) + mantissa.substring(dot + 1);
        int point = dot + (e < 0 ? 0 : Integer.parseInt(s.substring(e + 1)));
        String integer = point <= 0 ? "0" : point <= all.length() ? all.substring(0, point) : all + "0".repeat(point - all.length());
        String fraction = point <= 0 ? "0".repeat(-point) + all : point < all.length() ? all.substring(point) : "";
        // The integer digits and the kept decimals as one number, plus one when the first dropped
        // decimal is 5 or more (half up).
        StringBuilder number = new StringBuilder(integer);
        for (int i = 0; i < digits; i++) {
            number.append(i < fraction.length() ? fraction.charAt(i) : '0');
        }
        if (digits < fraction.length() && fraction.charAt(digits) >= '5') {
            int i = number.length() - 1;
            while (i >= 0 && number.charAt(i) == '9') {
                number.setCharAt(i--, '0');
            }
            if (i < 0) {
                number.insert(0, '1');
            } else {
                number.setCharAt(i, (char) (number.charAt(i) + 1));
            }
        }
        int integerDigits = number.length() - digits;
        int first = 0;
        while (first < integerDigits - 1 && number.charAt(first) == '0') {
            first++;
        }
        StringBuilder b = new StringBuilder(number.length() + 2);
        if (negative) {
            b.append('-');
        }
        b.append(number, first, integerDigits);
        if (digits > 0) {
            b.append('.').append(number, integerDigits, number.length());
        }
        return b.toString();
    }

    /**
     * @param n a count
     * @return {@code String.format(Locale.ROOT, "%,d", n)}
     */
    static String grouped(long n) {
        String digits = Long.toString(n);
        int sign = n < 0 ? 1 : 0;
        StringBuilder b = new StringBuilder(digits.length() + digits.length() / 3);
        b.append(digits, 0, sign);
        for (int i = sign; i < digits.length(); i++) {
            if (i > sign && (digits.length() - i) % 3 == 0) {
                b.append(',');
            }
            b.append(digits.charAt(i));
        }
        return b.toString();
    }

    /**
     * @param s     a cell
     * @param width the column's width
     * @param left  whether the cell is left-aligned
     * @return {@code s} padded with spaces to {@code width}, as {@code %-<width>s} or {@code %<width>s}
     */
    static String pad(String s, int width, boolean left) {
        if (s.length() >= width) {
            return s;
        }
        String spaces = " ".repeat(width - s.length());
        return left ? s + spaces : spaces + s;
    }
}
