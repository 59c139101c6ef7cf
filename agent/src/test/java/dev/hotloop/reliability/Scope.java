package dev.hotloop.reliability;

import java.util.ArrayList;
import java.util.List;

/**
 * What an expression inside a fuzzed loop may read: the kernel's arrays and scalar parameters, the
 * locals declared so far, and the index forms of the current iteration ({@code i}, {@code i + 1},
 * {@code base + i}).
 */
final class Scope {

    /** A named variable of a known type; a {@code boolean} local has none (from {@link Ty#BOOL_SEEDS} on). */
    record Var(String name, Ty type) {
    }

    final List<Var> arrays;
    final List<Var> scalars;
    final List<String> indexes;
    /** Index forms computed per element ({@code (keys[i] & 15)}) that loads may use: gathers, from {@link Ty#INDEX_SEEDS} on. */
    final List<String> gathers = new ArrayList<>();
    private final List<Var> locals = new ArrayList<>();

    Scope(List<Var> arrays, List<Var> scalars, List<String> indexes) {
        this.arrays = arrays;
        this.scalars = scalars;
        this.indexes = indexes;
    }

    List<Var> locals() {
        return locals;
    }

    void declare(Var local) {
        locals.add(local);
    }

    /** @return a marker to {@link #close} a nested block's locals with */
    int open() {
        return locals.size();
    }

    void close(int marker) {
        while (locals.size() > marker) {
            locals.remove(locals.size() - 1);
        }
    }
}
