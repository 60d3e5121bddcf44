package rw.ijwi.sms;

import java.util.function.IntSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import rw.ijwi.config.SafeErrors;

/**
 * A background loop around one step (which returns how much it did): runs the step again at once while it finds
 * work, otherwise sleeps until woken or until the idle interval passes. Startable and stoppable; one thread.
 * With a full batch and a gathering time, a step that did some work but less than a full batch is followed by
 * that pause (wake-ups do not cut it short), so that work arriving in a stream is taken in fuller batches.
 */
public final class Worker {

    private static final Logger LOG = LoggerFactory.getLogger(Worker.class);

    private final String name;
    private final IntSupplier step;
    private final long idleMillis;
    private final int fullBatch;
    private final long gatherMillis;
    private final Object lock = new Object();
    private boolean woken;
    private volatile boolean running;
    private Thread thread;

    public Worker(String name, IntSupplier step, long idleMillis) {
        this(name, step, idleMillis, Integer.MAX_VALUE, 0);
    }

    public Worker(String name, IntSupplier step, long idleMillis, int fullBatch, long gatherMillis) {
        this.name = name;
        this.step = step;
        this.idleMillis = idleMillis;
        this.fullBatch = fullBatch;
        this.gatherMillis = gatherMillis;
    }

    public synchronized void start() {
        if (thread != null) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops the loop and waits for the step in progress to finish. */
    public synchronized void stop() {
        if (thread == null) {
            return;
        }
        running = false;
        wake();
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
    }

    public void wake() {
        synchronized (lock) {
            woken = true;
            lock.notifyAll();
        }
    }

    private void loop() {
        long pause = idleMillis;
        while (running) {
            int done;
            try {
                done = step.getAsInt();
                pause = idleMillis;
            } catch (RuntimeException e) {
                LOG.error("{} step failed: {}", name, SafeErrors.describe(e));
                done = 0;
                pause = Math.min(pause * 2, 30_000); // a database outage must not become a busy loop
            }
            if (done > 0) {
                if (done < fullBatch && gatherMillis > 0) {
                    try {
                        Thread.sleep(gatherMillis);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                continue;
            }
            synchronized (lock) {
                if (!woken && running) {
                    try {
                        lock.wait(pause);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                woken = false;
            }
        }
    }
}
