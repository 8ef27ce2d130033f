package org.hmcflow.inspection;

/**
 * SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014; the reference
 * code is Vigna's {@code splitmix64.c}), written out here so that a draw never depends on a JDK's choice of algorithm
 * and anyone can re-implement it in a few lines: the state starts at the seed; each step adds 0x9E3779B97F4A7C15 and
 * mixes the result with two xor-shift-multiply rounds. Not for secrets: only for reproducible draws.
 */
final class SplitMix64 {

    private long state;

    SplitMix64(long seed) {
        this.state = seed;
    }

    long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A double in [0, 1): the top 53 bits of the next value, times 2⁻⁵³ (so exactly representable). */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /**
     * A uniform integer in [0, bound): the top 63 bits of the next value, rejected while not below the largest multiple
     * of {@code bound} that fits (no modulo bias), then taken modulo {@code bound}.
     */
    int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        long limit = (Long.MAX_VALUE / bound) * bound;
        while (true) {
            long u = nextLong() >>> 1;
            if (u < limit) {
                return (int) (u % bound);
            }
        }
    }
}
