package dev.hotloop.testing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict RFC 8259 reader for tests: objects become {@link LinkedHashMap}s, arrays
 * {@link List}s, numbers {@link BigDecimal}s. Anything the RFC does not allow (raw control
 * characters in strings, unknown escapes, trailing commas, duplicate keys, leading zeros,
 * {@code NaN}, trailing text) is an {@link IllegalArgumentException} naming the offset.
 */
public final class StrictJson {

    private final String s;
    private int p;

    private StrictJson(String s) {
        this.s = s;
    }

    public static Object parse(String text) {
        StrictJson r = new StrictJson(text);
        r.ws();
        Object v = r.value();
        r.ws();
        if (r.p != text.length()) {
            throw r.error("trailing text");
        }
        return v;
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException(what + " at offset " + p);
    }

    private void ws() {
        while (p < s.length() && " \t\r\n".indexOf(s.charAt(p)) >= 0) {
            p++;
        }
    }

    private char peek() {
        if (p >= s.length()) {
            throw error("unexpected end");
        }
        return s.charAt(p);
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        p++;
    }

    private Object value() {
        char c = peek();
        switch (c) {
            case '{':
                return object();
            case '[':
                return array();
            case '"':
                return string();
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", null);
            default:
                return number();
        }
    }

    private Object literal(String word, Object value) {
        if (!s.startsWith(word, p)) {
            throw error("bad literal");
        }
        p += word.length();
        return value;
    }

    private Map<String, Object> object() {
        expect('{');
        Map<String, Object> m = new LinkedHashMap<>();
        ws();
        if (peek() == '}') {
            p++;
            return m;
        }
        while (true) {
            ws();
            String key = string();
            if (m.containsKey(key)) {
                throw error("duplicate key " + key);
            }
            ws();
            expect(':');
            ws();
            m.put(key, value());
            ws();
            if (peek() == ',') {
                p++;
                continue;
            }
            expect('}');
            return m;
        }
    }

    private List<Object> array() {
        expect('[');
        List<Object> l = new ArrayList<>();
        ws();
        if (peek() == ']') {
            p++;
            return l;
        }
        while (true) {
            ws();
            l.add(value());
            ws();
            if (peek() == ',') {
                p++;
                continue;
            }
            expect(']');
            return l;
        }
    }

    private String string() {
        expect('"');
        StringBuilder b = new StringBuilder();
        while (true) {
            char c = peek();
            p++;
            if (c == '"') {
                return b.toString();
            }
            if (c < 0x20) {
                throw error("raw control character in string");
            }
            if (c != '\\') {
                b.append(c);
                continue;
            }
            char e = peek();
            p++;
            switch (e) {
                case '"': b.append('"'); break;
                case '\\': b.append('\\'); break;
                case '/': b.append('/'); break;
                case 'b': b.append('\b'); break;
                case 'f': b.append('\f'); break;
                case 'n': b.append('\n'); break;
                case 'r': b.append('\r'); break;
                case 't': b.append('\t'); break;
                case 'u':
                    if (p + 4 > s.length() || !s.substring(p, p + 4).matches("[0-9a-fA-F]{4}")) {
                        throw error("bad \\u escape");
                    }
                    b.append((char) Integer.parseInt(s.substring(p, p + 4), 16));
                    p += 4;
                    break;
                default:
                    throw error("bad escape \\" + e);
            }
        }
    }

    private BigDecimal number() {
        int start = p;
        if (p < s.length() && s.charAt(p) == '-') {
            p++;
        }
        if (p < s.length() && s.charAt(p) == '0') {
            p++;
        } else if (p < s.length() && s.charAt(p) >= '1' && s.charAt(p) <= '9') {
            digits();
        } else {
            throw error("bad value");
        }
        if (p < s.length() && s.charAt(p) == '.') {
            p++;
            if (digits() == 0) {
                throw error("digits expected after '.'");
            }
        }
        if (p < s.length() && (s.charAt(p) == 'e' || s.charAt(p) == 'E')) {
            p++;
            if (p < s.length() && (s.charAt(p) == '+' || s.charAt(p) == '-')) {
                p++;
            }
            if (digits() == 0) {
                throw error("digits expected in exponent");
            }
        }
        return new BigDecimal(s.substring(start, p));
    }

    private int digits() {
        int n = 0;
        while (p < s.length() && Character.isDigit(s.charAt(p)) && s.charAt(p) < 128) {
            p++;
            n++;
        }
        return n;
    }
}
