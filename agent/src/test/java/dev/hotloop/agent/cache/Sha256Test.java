package dev.hotloop.agent.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.security.MessageDigest;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Sha256Test {

    @Test
    void sameDigestAsTheJdkAtEveryPaddingBoundary() throws Exception {
        Random r = new Random(9);
        for (int len : new int[] {0, 1, 3, 55, 56, 57, 63, 64, 65, 119, 120, 128, 1000, 70_001}) {
            byte[] data = new byte[len];
            r.nextBytes(data);
            Sha256 mine = new Sha256();
            mine.update(data, 0, len / 3);
            mine.update(data, len / 3, len - len / 3);
            assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(data), mine.digest(), "length " + len);
        }
    }
}
