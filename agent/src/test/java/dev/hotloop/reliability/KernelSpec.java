package dev.hotloop.reliability;

/**
 * What the differential harness needs to know about a kernel besides its compiled code.
 *
 * @param name       the kernel method's name
 * @param inputSeed  the seed of its inputs
 * @param fastMath   whether floating-point reductions may differ within the reordering bound
 *                   (then a {@code name$scale} twin exists)
 * @param mustRefuse whether a rewrite of its loop is itself a failure
 */
record KernelSpec(String name, long inputSeed, boolean fastMath, boolean mustRefuse) {
}
