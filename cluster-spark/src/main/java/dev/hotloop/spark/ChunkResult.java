package dev.hotloop.spark;

import java.io.Serializable;

/**
 * What one chunk sends back to the driver: for each written array the slice it wrote (and where
 * that slice starts), for each reduction its partial value, and the exception that stopped it.
 */
final class ChunkResult implements Serializable {

    private static final long serialVersionUID = 1L;

    final int chunk;
    /** Per argument: the written slice (a primitive array), or null. */
    @SuppressWarnings("serial") // primitive arrays and nulls only: serializable
    final Object[] slices;
    /** Per argument: where its slice starts in the caller's array. */
    final int[] sliceFrom;
    /** Per argument: a reduction's value for this chunk (boxed), or null. */
    @SuppressWarnings("serial") // boxed primitives and nulls only: serializable
    final Object[] partials;
    /** The exception of the chunk's first failing iteration, or null. */
    final Throwable failure;

    ChunkResult(int chunk, Object[] slices, int[] sliceFrom, Object[] partials, Throwable failure) {
        this.chunk = chunk;
        this.slices = slices;
        this.sliceFrom = sliceFrom;
        this.partials = partials;
        this.failure = failure;
    }
}
