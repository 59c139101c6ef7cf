package dev.hotloop.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Headless Chromium for tests that check what a page shows once its scripts ran. Found at
 * {@code $CHROMIUM}, {@code /usr/bin/chromium} or as {@code chromium}/{@code chromium-browser} on
 * the path (Debian: {@code apt-get install -y chromium}; {@code .ci/run} installs it). Without a
 * browser the calling test is skipped with a message, unless {@code REQUIRE_CHROMIUM=1} is set
 * (as {@code .ci/run} does), where it fails. Every run uses a fresh profile and no network.
 */
public final class Chromium {

    private static final long TIMEOUT_SECONDS = 60;

    private final Path binary;

    private Chromium(Path binary) {
        this.binary = binary;
    }

    /** @return the browser, or the test is skipped (failed when required) */
    public static Chromium require() {
        Path found = find();
        if (found == null) {
            String why = "headless Chromium not found (set CHROMIUM, or apt-get install -y chromium)";
            if ("1".equals(System.getenv("REQUIRE_CHROMIUM"))) {
                throw new AssertionError(why + "; REQUIRE_CHROMIUM=1 makes it required");
            }
            Assumptions.abort(why + ": skipping the browser check");
        }
        return new Chromium(found);
    }

    private static Path find() {
        List<Path> candidates = new ArrayList<>();
        String env = System.getenv("CHROMIUM");
        if (env != null && !env.isBlank()) {
            candidates.add(Path.of(env));
        }
        candidates.add(Path.of("/usr/bin/chromium"));
        String path = System.getenv("PATH");
        for (String dir : path == null ? new String[0] : path.split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                candidates.add(Path.of(dir, "chromium"));
                candidates.add(Path.of(dir, "chromium-browser"));
            }
        }
        for (Path p : candidates) {
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    /**
     * @param url  the page, {@code file:///...}, with a fragment if wanted
     * @param work a directory for the profile
     * @return the DOM once the page's scripts ran
     * @throws IOException when the browser cannot run or fails
     */
    public String dumpDom(String url, Path work) throws IOException {
        return run(work, "--dump-dom", url);
    }

    /**
     * @param url    the page
     * @param png    where the screenshot goes
     * @param width  the window width in pixels
     * @param height the window height in pixels
     * @param work   a directory for the profile
     * @throws IOException when the browser cannot run, fails, or writes no image
     */
    public void screenshot(String url, Path png, int width, int height, Path work) throws IOException {
        run(work, "--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height,
                "--hide-scrollbars", url);
        if (!Files.isRegularFile(png) || Files.size(png) == 0) {
            throw new IOException("Chromium wrote no screenshot to " + png);
        }
    }

    private String run(Path work, String... args) throws IOException {
        Path profile = Files.createTempDirectory(work, "chromium-profile");
        List<String> cmd = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-dev-shm-usage", "--run-all-compositor-stages-before-draw",
                "--virtual-time-budget=5000", "--user-data-dir=" + profile));
        cmd.addAll(List.of(args));
        Path out = work.resolve("chromium-" + System.nanoTime() + ".out");
        Path err = work.resolve("chromium-" + System.nanoTime() + ".err");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("Chromium did not finish in " + TIMEOUT_SECONDS + " s: " + cmd);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while Chromium ran", e);
        }
        if (p.exitValue() != 0) {
            throw new IOException("Chromium exited with " + p.exitValue() + ": " + cmd + "\n"
                    + Files.readString(err, StandardCharsets.UTF_8));
        }
        return Files.readString(out, StandardCharsets.UTF_8);
    }
}
