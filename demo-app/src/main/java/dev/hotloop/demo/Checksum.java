package dev.hotloop.demo;

/**
 * Condenses a result into one short string a reader can compare between runs: the sum of the
 * elements, added in index order in double precision, printed with {@link Double#toString}, which
 * shows enough digits to tell any two doubles apart. A strict rewrite must print the same
 * checksum as the plain JVM; a {@code fastMath} one may differ in the last digits.
 */
final class Checksum {

    private Checksum() {
    }

    /**
     * Returns the checksum of a double array.
     *
     * @param a the values
     * @return their sum, as a string
     */
    static String of(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v;
        }
        return Double.toString(s);
    }

    /**
     * Returns the checksum of a float array.
     *
     * @param a the values
     * @return their sum in double precision, as a string
     */
    static String of(float[] a) {
        double s = 0;
        for (float v : a) {
            s += v;
        }
        return Double.toString(s);
    }

    /**
     * Returns the checksum of a scalar result: the value itself.
     *
     * @param value the result
     * @return its decimal form
     */
    static String of(Number value) {
        return value.toString();
    }
}
