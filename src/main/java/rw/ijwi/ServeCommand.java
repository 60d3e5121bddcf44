package rw.ijwi;

import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine;

import rw.ijwi.config.Config;

/** Starts Ijwi and serves until the process is stopped. */
@CommandLine.Command(name = "serve", description = "Serve the webhooks and dashboard (the default command).")
public final class ServeCommand implements Runnable {

    private final Supplier<Config> config;

    public ServeCommand(Supplier<Config> config) {
        this.config = config;
    }

    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Override
    public void run() {
        long started = System.nanoTime();
        App app = App.build(config.get()).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            stopped.countDown();
        }, "ijwi-shutdown"));
        LOG.info("Ready in {} ms", (System.nanoTime() - started) / 1_000_000);
        // On a terminal the URLs carry the token, ready to paste; into a log (journald, docker logs), which many
        // more people and backups read than the data dir, they go without it.
        boolean terminal = System.console() != null;
        System.out.println("Paste these callback URLs into Africa's Talking" + (terminal
                ? " (they carry the webhook token):" : ", with the webhook token in place of TOKEN:"));
        System.out.println(app.callbackUrls(terminal));
        app.setupLink().ifPresent(link -> System.out.println("No dashboard users yet. Create the first administrator "
                + "(this link works once, for 24 hours):\n  " + link));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
