package rw.ijwi.web;

import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Jetty's request threads, as many as IJWI_HTTP_THREADS (64 by default on a small machine, against Javalin's
 * 250): enough that webhooks waiting for a group commit do not leave callers queueing, few enough that a small
 * machine does not switch between hundreds. No reserved threads: keeping threads spinning for the next request
 * only pays where there are cores to spare.
 */
public final class HttpThreads {

    private HttpThreads() {
    }

    public static QueuedThreadPool pool(int max) {
        QueuedThreadPool pool = new QueuedThreadPool(max, Math.min(8, max), 60_000);
        pool.setName("JettyServerThreadPool");
        pool.setReservedThreads(0);
        return pool;
    }
}
