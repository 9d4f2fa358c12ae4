package org.signkit.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.signkit.core.Parallel;

/** Free slots go to the waiting trial first in the overall order, whatever order the trials began to wait in. */
class TrialSlotsTest {

    @Test
    void aFreedSlotGoesToTheEarliestWaitingTrial() throws Exception {
        TrialSlots slots = new TrialSlots(1);
        slots.acquire(0);
        List<Long> granted = new CopyOnWriteArrayList<>();
        ExecutorService pool = Parallel.daemonPool(3, "slots-test");
        try {
            List<Future<?>> waiting = new java.util.ArrayList<>();
            for (long order : new long[] {(1L << 32) + 2, 7, (1L << 32)}) {
                waiting.add(pool.submit(() -> {
                    slots.acquire(order);
                    granted.add(order);
                    slots.release();
                    return null;
                }));
                while (slots.waiting() < waiting.size()) {
                    Thread.sleep(5);
                }
            }
            slots.release();
            for (Future<?> f : waiting) {
                f.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of(7L, 1L << 32, (1L << 32) + 2), granted);
        assertEquals(0, slots.waiting());
    }

    @Test
    void twoSlotsLetTwoTrialsRunAtOnce() throws Exception {
        TrialSlots slots = new TrialSlots(2);
        slots.acquire(3);
        slots.acquire(1);
        assertEquals(0, slots.waiting());
        assertThrows(IllegalArgumentException.class, () -> new TrialSlots(0));
    }
}
