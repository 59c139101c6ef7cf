package dev.hotloop.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * An RFC 4180 reader for tests: records end with CRLF; a field is either plain (no comma, quote,
 * CR or LF) or quoted, with {@code ""} for a quote. Anything else is an
 * {@link IllegalArgumentException}.
 */
public final class CsvReader {

    private CsvReader() {
    }

    public static List<List<String>> read(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        int p = 0;
        while (p < text.length()) {
            StringBuilder field = new StringBuilder();
            if (text.charAt(p) == '"') {
                p++;
                while (true) {
                    if (p >= text.length()) {
                        throw new IllegalArgumentException("unterminated quoted field");
                    }
                    char c = text.charAt(p++);
                    if (c == '"') {
                        if (p < text.length() && text.charAt(p) == '"') {
                            field.append('"');
                            p++;
                        } else {
                            break;
                        }
                    } else {
                        field.append(c);
                    }
                }
            } else {
                while (p < text.length() && ",\r\n\"".indexOf(text.charAt(p)) < 0) {
                    field.append(text.charAt(p++));
                }
                if (p < text.length() && text.charAt(p) == '"') {
                    throw new IllegalArgumentException("quote inside a plain field at " + p);
                }
            }
            record.add(field.toString());
            if (p < text.length() && text.charAt(p) == ',') {
                p++;
            } else if (text.startsWith("\r\n", p)) {
                p += 2;
                records.add(record);
                record = new ArrayList<>();
            } else {
                throw new IllegalArgumentException("expected ',' or CRLF at " + p);
            }
        }
        if (!record.isEmpty()) {
            throw new IllegalArgumentException("last record has no CRLF");
        }
        return records;
    }
}
