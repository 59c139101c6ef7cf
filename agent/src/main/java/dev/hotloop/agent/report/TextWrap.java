package dev.hotloop.agent.report;

import java.util.ArrayList;
import java.util.List;

/** Breaks text into lines of at most a given width, at spaces where it can, never dropping a character. */
final class TextWrap {

    private TextWrap() {
    }

    /**
     * @param text  the text, one paragraph
     * @param width the widest line, at least 1
     * @return the lines; a word longer than the width is split; at least one (possibly empty) line
     */
    static List<String> wrap(String text, int width) {
        List<String> out = new ArrayList<>();
        String rest = text.strip();
        while (rest.length() > width) {
            int cut = rest.lastIndexOf(' ', width);
            if (cut <= 0) {
                out.add(rest.substring(0, width));
                rest = rest.substring(width);
            } else {
                out.add(rest.substring(0, cut));
                rest = rest.substring(cut + 1).stripLeading();
            }
        }
        out.add(rest);
        return out;
    }
}
