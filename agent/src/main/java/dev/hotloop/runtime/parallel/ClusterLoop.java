package dev.hotloop.runtime.parallel;

/**
 * One run of a loop bound for the cluster, as the rewritten code hands it over: where its chunk
 * method is, the method's arguments, how each travels, and the chunk boundaries, which are the
 * local pool's ({@link ParallelLoop#run}). Not an API for users.
 */
public final class ClusterLoop {

    private final Class<?> owner;
    private final String method;
    private final String descriptor;
    private final Object[] args;
    private final String[] roles;
    private final int from;
    private final int to;
    private final int chunks;
    private final int size;
    private final String site;

    ClusterLoop(Class<?> owner, String method, String descriptor, Object[] args, String[] roles, int from, int to,
                int chunks, String site) {
        this.owner = owner;
        this.method = method;
        this.descriptor = descriptor;
        this.args = args;
        this.roles = roles;
        this.from = from;
        this.to = to;
        this.chunks = chunks;
        this.size = (int) ((((long) to - from) + chunks - 1) / chunks);
        this.site = site;
    }

    /** @return the class that declares the chunk method */
    public Class<?> owner() {
        return owner;
    }

    /** @return the chunk method's name, {@code hotloop$parallel$N} */
    public String method() {
        return method;
    }

    /** @return its descriptor: the arguments of {@link #args()}, then {@code int chunk, int from, int to} */
    public String descriptor() {
        return descriptor;
    }

    /** @return the chunk method's arguments before {@code chunk, from, to}; the caller's own arrays */
    public Object[] args() {
        return args;
    }

    /**
     * @return per argument: {@code v} a value, {@code r} an array only read, {@code w<c>} an array
     *     only written at {@code i + c}, {@code x<c>} one also read, {@code p} a reduction's chunk values
     */
    public String[] roles() {
        return roles.clone();
    }

    /** @return the first iteration */
    public int from() {
        return from;
    }

    /** @return one past the last iteration */
    public int to() {
        return to;
    }

    /** @return how many chunks */
    public int chunks() {
        return chunks;
    }

    /** @return the first iteration of a chunk */
    public int lower(int chunk) {
        return (int) (from + (long) chunk * size);
    }

    /** @return one past the last iteration of a chunk */
    public int upper(int chunk) {
        return (int) Math.min(to, from + (long) (chunk + 1) * size);
    }

    /** @return {@code Class.method}, for progress lines */
    public String site() {
        return site;
    }
}
