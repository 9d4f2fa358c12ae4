package org.signkit.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Objects that one thread at a time may use (a detector, a network: not thread-safe, costly to open), for tasks that
 * run on several threads ({@link Parallel}): a task borrows one, opened only when no idle one is left, and gives it
 * back; {@link #close()} closes every one opened. Nothing is opened when no task needs one (e.g. a rerun that reuses
 * every result).
 *
 * @param <R> the resource
 */
public final class ThreadResources<R> implements AutoCloseable {

    /** Opens a resource. */
    @FunctionalInterface
    public interface Opener<R> {
        R open() throws java.io.IOException;
    }

    /** Closes a resource. */
    @FunctionalInterface
    public interface Closer<R> {
        void close(R resource);
    }

    /** Work with a borrowed resource. */
    @FunctionalInterface
    public interface Use<R, V> {
        V apply(R resource) throws java.io.IOException;
    }

    private final Opener<R> opener;
    private final Closer<R> closer;
    private final Queue<R> idle = new ConcurrentLinkedQueue<>();
    private final List<R> opened = new ArrayList<>();

    /**
     * @param opener opens one more resource
     * @param closer closes one (a no-op for a resource the caller owns)
     */
    public ThreadResources(Opener<R> opener, Closer<R> closer) {
        this.opener = opener;
        this.closer = closer;
    }

    /** Runs {@code use} with a resource no other thread holds meanwhile. */
    public <V> V with(Use<R, V> use) throws java.io.IOException {
        R r = idle.poll();
        if (r == null) {
            r = opener.open();
            synchronized (opened) {
                opened.add(r);
            }
        }
        try {
            return use.apply(r);
        } finally {
            idle.add(r);
        }
    }

    /** Closes every resource opened (all tasks must have finished). */
    @Override
    public void close() {
        synchronized (opened) {
            opened.forEach(closer::close);
            opened.clear();
            idle.clear();
        }
    }
}
