package dev.aigw.emulator.internal.server;

import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.connector.ByteBufferPool;
import io.undertow.server.DefaultByteBufferPool;
import io.undertow.server.HttpHandler;
import io.undertow.server.protocol.http.HttpOpenListener;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.HashSet;
import java.util.Set;
import org.xnio.ChannelListeners;
import org.xnio.IoUtils;
import org.xnio.OptionMap;
import org.xnio.Options;
import org.xnio.StreamConnection;
import org.xnio.Xnio;
import org.xnio.XnioWorker;
import org.xnio.channels.AcceptingChannel;

/**
 * Owns one HTTP server: binds it, reports its port, and stops it with its threads.
 *
 * <p>It puts together what {@code Undertow.start()} would (an XNIO worker, a buffer pool, Undertow's HTTP/1.1
 * listener) with the same options, but keeps one XNIO provider for the JVM: {@code Undertow.start()} looks the
 * provider up through a {@code ServiceLoader} and registers its MBean again on every start, and logs each start at
 * INFO. Both weigh on an emulator that a test suite starts hundreds of times.
 */
public final class EmulatorServer {

    private static final int BUFFER_SIZE = 16 * 1024;

    private final String name;
    private final InetSocketAddress address;
    private final int ioThreads;
    private final int workerThreads;
    private final HttpHandler root;

    private RequestThreads tasks;
    private XnioWorker worker;
    private ByteBufferPool buffers;
    private AcceptingChannel<StreamConnection> channel;

    public EmulatorServer(String name, String host, int port, int ioThreads, int workerThreads, HttpHandler root) {
        this.name = name;
        this.address = new InetSocketAddress(host, port);
        this.ioThreads = ioThreads;
        this.workerThreads = workerThreads;
        this.root = root;
    }

    /** Binds and starts serving; returns the bound port. */
    public synchronized int start() {
        if (address.isUnresolved()) {
            throw new IllegalStateException("could not start the emulator's server: unknown host " + address.getHostString());
        }
        try {
            tasks = new RequestThreads(name, workerThreads);
            worker = Provider.XNIO.createWorkerBuilder()
                    .populateFromOptions(OptionMap.builder()
                            .set(Options.WORKER_NAME, name)
                            .set(Options.WORKER_IO_THREADS, ioThreads)
                            .set(Options.CONNECTION_HIGH_WATER, 1_000_000)
                            .set(Options.CONNECTION_LOW_WATER, 1_000_000)
                            .set(Options.TCP_NODELAY, true)
                            .set(Options.CORK, true)
                            .getMap())
                    .setExternalExecutorService(tasks)
                    .build();
            buffers = new DefaultByteBufferPool(true, BUFFER_SIZE, -1, 4);
            HttpOpenListener listener = new HttpOpenListener(buffers, OptionMap.builder()
                    .set(UndertowOptions.BUFFER_PIPELINED_DATA, true)
                    .set(UndertowOptions.ALWAYS_SET_DATE, false)
                    .set(UndertowOptions.RECORD_REQUEST_START_TIME, false)
                    .getMap());
            listener.setRootHandler(root);
            channel = worker.createStreamConnectionServer(address, ChannelListeners.openListenerAdapter(listener),
                    OptionMap.builder()
                            .set(Options.WORKER_IO_THREADS, worker.getIoThreadCount())
                            .set(Options.TCP_NODELAY, true)
                            .set(Options.REUSE_ADDRESSES, true)
                            .set(Options.BALANCING_TOKENS, 1)
                            .set(Options.BALANCING_CONNECTIONS, 2)
                            .set(Options.BACKLOG, 1000)
                            .getMap());
            channel.resumeAccepts();
        } catch (IOException | RuntimeException e) {
            stop();
            throw new IllegalStateException("could not start the emulator's server: " + e.getMessage(), e);
        }
        return ((InetSocketAddress) channel.getLocalAddress()).getPort();
    }

    /** Stops serving, frees the port and ends the server's threads (waiting for running requests to end). */
    public synchronized void stop() {
        IoUtils.safeClose(channel);
        channel = null;
        if (worker != null) {
            Set<Thread> ioThreads = new HashSet<>();
            for (int i = 0; i < worker.getIoThreadCount(); i++) {
                ioThreads.add(worker.getIoThread(i));
            }
            worker.shutdown();
            try {
                worker.awaitTermination();
                // The worker counts as terminated once its I/O threads leave their loops, a moment before they end.
                for (Thread ioThread : ioThreads) {
                    ioThread.join();
                }
            } catch (InterruptedException e) {
                worker.shutdownNow();
                Thread.currentThread().interrupt();
            }
            worker = null;
        }
        if (tasks != null) {
            tasks.shutDownAndJoin();
            tasks = null;
        }
        if (buffers != null) {
            buffers.close();
            buffers = null;
        }
    }

    /** The JVM's one XNIO provider, found once. */
    private static final class Provider {
        static final Xnio XNIO = Xnio.getInstance(Undertow.class.getClassLoader());
    }
}
