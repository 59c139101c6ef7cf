package dev.hotloop.spark;

/** Chunk boundaries, computed as the local pool computes them ({@code ParallelLoop.run}). */
final class Chunks {

    private Chunks() {
    }

    static int size(int from, int to, int chunks) {
        return (int) ((((long) to - from) + chunks - 1) / chunks);
    }

    static int lower(int from, int to, int chunks, int chunk) {
        return (int) (from + (long) chunk * size(from, to, chunks));
    }

    static int upper(int from, int to, int chunks, int chunk) {
        return (int) Math.min(to, from + (long) (chunk + 1) * size(from, to, chunks));
    }
}
