package dev.hotloop.agent.parallel;

/** The source forms of loop that {@code @Parallel} splits. */
enum LoopForm {
    /** {@code for (int i = a; i < b; i++)}. */
    RANGE("loop over %s"),
    /** {@code for (T x : array)}, which javac compiles to a range over the array's indexes. */
    ARRAY("for-each over an array"),
    /** {@code for (int i = 0; i < list.size(); i++)}. */
    LIST_INDEX("loop over %s up to list.size()"),
    /** {@code for (T x : list)}, split by index when the list is {@code RandomAccess}. */
    LIST_EACH("for-each over a list");

    private final String pattern;

    LoopForm(String pattern) {
        this.pattern = pattern;
    }

    /**
     * @param inductionName the index variable's name, for the forms that have one
     * @return the loop as the report names it
     */
    String describe(String inductionName) {
        return pattern.replace("%s", String.valueOf(inductionName)); // no Formatter while a class loads
    }
}
