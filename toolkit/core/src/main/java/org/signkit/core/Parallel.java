package org.signkit.core;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs one task per item on a fixed number of daemon threads, waiting for all; the first failure is rethrown. */
public final class Parallel {

    /** A task that may throw. */
    @FunctionalInterface
    public interface Task<T> {
        void run(T item) throws Exception;
    }

    private Parallel() {
    }

    /** A fixed pool of {@code threads} (at least one) daemon threads named {@code name}: they never keep the JVM alive. */
    public static ExecutorService daemonPool(int threads, String name) {
        return Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * The result of {@code f}, waiting for it. What the task threw comes out as it was when it was an I/O error, an
     * unchecked exception (an input error keeps its message: the file and the fix) or an error; a checked exception
     * is wrapped, named {@code name}.
     */
    public static <V> V await(Future<V> f, String name) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + name, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IOException(name + " failed: " + e.getCause(), e.getCause());
        }
    }

    /**
     * Runs {@code task} for every item on {@code threads} threads named {@code name}.
     *
     * @throws IOException when interrupted, when a task threw one, or when a task threw a checked exception (the cause);
     *                     a task's unchecked exception or error is rethrown as it is
     */
    public static <T> void forEach(List<T> items, int threads, String name, Task<T> task) throws IOException {
        if (items.isEmpty()) {
            return;
        }
        ExecutorService pool = daemonPool(Math.min(threads, items.size()), name);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(pool.submit(() -> {
                    task.run(item);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                await(f, name);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
