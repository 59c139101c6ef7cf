package dev.hotloop.agent.options;

/** A bad agent option. The message is one line that names the option, its source and the fix. */
public final class OptionsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    OptionsException(String message) {
        super(message);
    }
}
