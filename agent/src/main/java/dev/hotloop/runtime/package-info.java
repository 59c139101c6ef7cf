/**
 * Helpers that rewritten application code calls at run time.
 *
 * <p>Everything here depends on the JDK only. The agent appends these classes to the bootstrap
 * class path, so that classes of every class loader resolve the same copy. Not an API for users.
 */
package dev.hotloop.runtime;
