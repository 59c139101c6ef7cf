package dev.hotloop.agent.transform;

/**
 * Loops of the shapes users annotate, for {@link Prewarm}: never loaded as a class, only read as a
 * class file and rewritten (as if annotated) on the prewarm thread, so that the rewriting stages
 * are loaded and have run once before the program's first annotated class arrives.
 */
final class PrewarmKernels {

    private PrewarmKernels() {
    }

    static float dot(float[] a, float[] b) { // @Vectorize(fastMath = true)
        float s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static int countAbove(float[] a, float t) { // @Vectorize
        int c = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] > t) {
                c++;
            }
        }
        return c;
    }

    static void select(float[] a, float[] b, float[] out) { // @Vectorize
        for (int i = 0; i < out.length; i++) {
            out[i] = a[i] > b[i] ? a[i] : b[i] * 2;
        }
    }

    static void sigmoid(double[] x, double[] out) { // @Vectorize(fastMath = true)
        for (int i = 0; i < out.length; i++) {
            out[i] = 1 / (1 + Math.exp(-x[i]));
        }
    }

    static void rows(double[] image, int width, int height) { // @Parallel
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image[y * width + x] = Math.sqrt((double) x * x + (double) y * y);
            }
        }
    }
}
