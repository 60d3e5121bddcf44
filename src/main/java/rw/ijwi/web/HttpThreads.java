package rw.ijwi.web;

import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Jetty's request threads, capped (IJWI_HTTP_THREADS) instead of Javalin's 250: on a small machine threads beyond
 * the cores only take turns, and each switch costs more than a USSD hop's own work. No reserved threads either:
 * keeping threads spinning for the next request only pays where there are cores to spare.
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
