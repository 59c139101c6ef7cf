package dev.hotloop.agent.vector;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * What one call of a static kernel did.
 *
 * @param result    its return value (null for void)
 * @param thrown    what it threw, or null
 * @param argsAfter its arguments after the call, arrays included
 */
record CallOutcome(Object result, Throwable thrown, Object[] argsAfter) {

    /**
     * @param kernel a public static method
     * @param args   its arguments; arrays are changed by the call
     * @return what the call did
     */
    static CallOutcome of(Method kernel, Object[] args) {
        try {
            return new CallOutcome(kernel.invoke(null, args), null, args);
        } catch (InvocationTargetException e) {
            return new CallOutcome(null, e.getCause(), args);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(kernel + " is not public", e);
        }
    }
}
