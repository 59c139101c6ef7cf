package dev.hotloop.reliability;

/**
 * One thing the differential harness caught.
 *
 * @param kind    what went wrong; the shrinker keeps a candidate only when it fails the same way
 * @param kernel  the kernel's method name, or null when the whole class failed
 * @param detail  the evidence
 */
record Failure(Kind kind, String kernel, String detail) {

    /** What went wrong. */
    enum Kind {
        /** The rewriter threw: the agent would have kept the original bytes, but it should not have failed. */
        TRANSFORM_THREW,
        /** ASM's verifier rejects the rewritten class. */
        VERIFY,
        /** The JVM rejects the rewritten class, or it fails to initialise. */
        LOAD,
        /** An annotated kernel got no decision about its loop. */
        PLAN,
        /** A loop that must never be rewritten was rewritten. */
        MUST_REFUSE,
        /** Different results, exceptions or writes. */
        MISMATCH,
        /** The rewritten kernel ran far longer than the original. */
        HANG
    }
}
