package dev.aigw.emulator.internal.server;

import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import java.net.InetSocketAddress;
import org.xnio.Options;

/** Owns one Undertow server: binds it, reports its port, and stops it with its threads. */
public final class EmulatorServer {

    private final Undertow undertow;

    public EmulatorServer(String name, String host, int port, int ioThreads, int workerThreads, HttpHandler root) {
        this.undertow = Undertow.builder()
                .addHttpListener(port, host)
                .setIoThreads(ioThreads)
                .setWorkerThreads(workerThreads)
                .setWorkerOption(Options.WORKER_NAME, name)
                .setServerOption(UndertowOptions.ALWAYS_SET_DATE, false)
                .setServerOption(UndertowOptions.RECORD_REQUEST_START_TIME, false)
                .setHandler(root)
                .build();
    }

    /** Binds and starts serving; returns the bound port. */
    public int start() {
        try {
            undertow.start();
        } catch (RuntimeException e) {
            undertow.stop();
            throw new IllegalStateException("could not start the emulator's server: " + e.getMessage(), e);
        }
        InetSocketAddress address = (InetSocketAddress) undertow.getListenerInfo().get(0).getAddress();
        return address.getPort();
    }

    /** Stops serving, frees the port and ends the server's threads. */
    public void stop() {
        undertow.stop();
    }
}
