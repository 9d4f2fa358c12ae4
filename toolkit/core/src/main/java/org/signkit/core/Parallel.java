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
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, items.size())), r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(pool.submit(() -> {
                    task.run(item);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            // An input error or an I/O error keeps its own message (the file and the fix); the rest are wrapped.
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
        } finally {
            pool.shutdownNow();
        }
    }
}
