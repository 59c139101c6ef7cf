package dev.hotloop.agent.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CacheEntryTest {

    static final String KEY = "ab".repeat(32);

    static CacheEntry entry(int salt) {
        byte[] cls = new byte[300];
        for (int i = 0; i < cls.length; i++) {
            cls[i] = (byte) (i * 7 + salt);
        }
        cls[99] = 3; // a CONSTANT_Integer tag before the placeholder at 100
        return new CacheEntry("com/acme/Stats", cls, List.of(
                new CacheEntry.Method("dot", "([F[F)F", 100, 0x484C0000, "com.acme.Stats.dot(float[],float[])", 42,
                        "SIMD float x8, reduction +", "com.acme.Stats.dot(float[],float[]) line 42: SIMD float x8, reduction +",
                        412_000 + salt, true),
                new CacheEntry.Method("abs", "()V", -1, 0, "com.acme.Stats.abs()", -1, "not rewritten",
                        "com.acme.Stats.abs(): @Vectorize on an abstract or native method", 1_000, true)));
    }

    @Test
    void roundTrips() {
        CacheEntry e = entry(1);
        assertEquals(e, CacheEntry.decode(KEY, e.encode(KEY)));
        CacheEntry unchanged = new CacheEntry("com/acme/Plain", null, List.of());
        assertEquals(unchanged, CacheEntry.decode(KEY, unchanged.encode(KEY)));
    }

    @Test
    void textBeyondAsciiAndLoopRecordsRoundTrip() {
        CacheEntry e = new CacheEntry("com/acme/Größe", new byte[] {1, 2, 3}, List.of(new CacheEntry.Method("σ", "()V", -1, 0,
                "com.acme.Größe.σ() \uD83D\uDE80", 7, "SIMD float x16", "line 7: SIMD float x16 (\u0000 kept)", Long.MAX_VALUE, false,
                List.of(new dev.hotloop.agent.report.LoopRecord(7, "vectorize", false, "not vectorized: ∑",
                        dev.hotloop.agent.report.RefusalCode.values()[0])))));
        assertEquals(e, CacheEntry.decode(KEY, e.encode(KEY)));
    }

    @Test
    void everyTruncationIsRejected() {
        byte[] file = entry(2).encode(KEY);
        for (int len = 0; len < file.length; len++) {
            assertNull(CacheEntry.decode(KEY, Arrays.copyOf(file, len)), "cut at " + len);
        }
        assertNull(CacheEntry.decode(KEY, Arrays.copyOf(file, file.length + 1)), "trailing byte");
    }

    @Test
    void everySingleBitFlipIsRejected() {
        byte[] file = entry(3).encode(KEY);
        for (int i = 0; i < file.length; i++) {
            for (int bit = 0; bit < 8; bit += 3) {
                byte[] bad = file.clone();
                bad[i] ^= (byte) (1 << bit);
                assertNull(CacheEntry.decode(KEY, bad), "byte " + i + " bit " + bit);
            }
        }
    }

    @Test
    void anEntryFiledUnderAnotherKeyIsRejected() {
        byte[] file = entry(4).encode(KEY);
        assertNull(CacheEntry.decode("cd".repeat(32), file));
    }
}
