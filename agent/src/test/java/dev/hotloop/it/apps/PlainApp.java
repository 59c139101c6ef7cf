package dev.hotloop.it.apps;

import java.util.ArrayList;
import java.util.List;

/** End-to-end target without any Hotloop annotation: what every class of such a program costs. */
public final class PlainApp {

    private PlainApp() {
    }

    /**
     * @param args nothing, or how many milliseconds to idle first (time for the agent's
     *             background threads)
     * @throws InterruptedException never
     */
    public static void main(String[] args) throws InterruptedException {
        if (args.length > 0) {
            Thread.sleep(Long.parseLong(args[0]));
        }
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            words.add(Integer.toString(i * i, 7));
        }
        System.out.println("plain " + String.join("", words).hashCode());
    }
}
