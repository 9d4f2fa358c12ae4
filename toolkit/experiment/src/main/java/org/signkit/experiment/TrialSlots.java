package org.signkit.experiment;

import java.util.PriorityQueue;

/**
 * The trials that may train at once across several experiments of one process ({@code signkit reproduce}): a trial
 * takes a slot before it starts and gives it back when it ends, and free slots go to the waiting trial that comes
 * first in the overall order (experiment, then plan index). So the experiments run in order, and the next one's
 * trials fill the cores that the end of the previous one leaves idle.
 */
final class TrialSlots {

    private final PriorityQueue<Long> waiting = new PriorityQueue<>();
    private int free;

    /** @param slots trials at once */
    TrialSlots(int slots) {
        if (slots < 1) {
            throw new IllegalArgumentException("at least one trial slot: " + slots);
        }
        this.free = slots;
    }

    /** Waits for a slot; among waiting trials, the lowest {@code order} gets the next one. */
    synchronized void acquire(long order) throws InterruptedException {
        waiting.add(order);
        try {
            while (free == 0 || waiting.peek().longValue() != order) {
                wait();
            }
        } finally {
            waiting.remove(order);
            // Another waiter may now be first in line for a free slot.
            notifyAll();
        }
        free--;
    }

    /** Trials waiting for a slot now. */
    synchronized int waiting() {
        return waiting.size();
    }

    /** Gives a slot back. */
    synchronized void release() {
        free++;
        notifyAll();
    }
}
