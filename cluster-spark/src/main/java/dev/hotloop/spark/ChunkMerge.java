package dev.hotloop.spark;

import java.lang.reflect.Array;
import java.util.List;

/**
 * Merges the chunks' results into the caller's arrays in chunk order, as the local pool leaves
 * them: every chunk's written slice and reduction value up to the lowest failing chunk, that
 * chunk's slice too (the writes of the iterations before the one that threw), then the exception.
 */
final class ChunkMerge {

    private ChunkMerge() {
    }

    /**
     * @param args    the chunk method's arguments on the driver: the caller's arrays
     * @param roles   their roles
     * @param results one per chunk, in chunk order
     * @throws Throwable the exception of the lowest failing chunk, unchanged
     */
    static void merge(Object[] args, String[] roles, List<ChunkResult> results) throws Throwable {
        for (int k = 0; k < results.size(); k++) {
            ChunkResult r = results.get(k);
            if (r.chunk != k) {
                throw new IllegalStateException("chunk " + r.chunk + " came back in place " + k);
            }
            for (int a = 0; a < roles.length; a++) {
                if (r.slices[a] != null) {
                    System.arraycopy(r.slices[a], 0, args[a], r.sliceFrom[a], Array.getLength(r.slices[a]));
                } else if (roles[a].charAt(0) == 'p' && r.failure == null) {
                    Array.set(args[a], k, r.partials[a]);
                }
            }
            if (r.failure != null) {
                throw r.failure;
            }
        }
    }
}
