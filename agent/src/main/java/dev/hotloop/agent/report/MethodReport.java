package dev.hotloop.agent.report;

/**
 * What {@link LoadTimeReporter} says about one annotated method when its class loads: the record
 * for the exit report, and whether the method asked for the Vector API. Built from a fresh plan or
 * read back from the cache of rewritten classes, so the reporter never needs a plan (nor ASM).
 *
 * @param record         the method's record; its diagnostic is the load-time line
 * @param needsVectorApi whether the method carries {@code @Vectorize}
 */
public record MethodReport(MethodRecord record, boolean needsVectorApi) {
}
