package rw.ijwi.ops;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

import rw.ijwi.config.Config;

/**
 * Refuses to start when IJWI_PORT or IJWI_METRICS_PORT is taken, by binding each on its configured address
 * first: said in one line before the embedded database spends seconds starting, not as Jetty's exception after.
 */
public final class Ports {

    private Ports() {
    }

    public static void refuseBusy(Config config) {
        refuseBusy("IJWI_PORT", config.bind(), config.port());
        refuseBusy("IJWI_METRICS_PORT", config.metricsBind(), config.metricsPort());
    }

    private static void refuseBusy(String setting, String bind, int port) {
        if (port == 0) {
            return;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(bind), port));
        } catch (BindException e) {
            throw new Config.BadSetting(setting, String.valueOf(port), e.getMessage() != null
                    && e.getMessage().contains("ermission") ? "permission denied (ports below 1024 need root)"
                    : "port already in use");
        } catch (IOException e) {
            throw new Config.BadSetting(setting, String.valueOf(port), "cannot listen on " + bind + " ("
                    + e.getClass().getSimpleName() + ")");
        }
    }
}
