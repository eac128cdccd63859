package dev.aigw.emulator.internal.server;

import dev.aigw.emulator.internal.util.Logs;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.connector.ByteBufferPool;
import io.undertow.server.DefaultByteBufferPool;
import io.undertow.server.HttpHandler;
import io.undertow.server.protocol.http.HttpOpenListener;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.xnio.ChannelListener;
import org.xnio.ChannelListeners;
import org.xnio.IoUtils;
import org.xnio.OptionMap;
import org.xnio.Options;
import org.xnio.StreamConnection;
import org.xnio.Xnio;
import org.xnio.XnioIoThread;
import org.xnio.XnioWorker;
import org.xnio.channels.AcceptingChannel;

/**
 * Owns one HTTP server: binds it, reports its port, and stops it with its threads.
 *
 * <p>It puts together what {@code Undertow.start()} would (an XNIO worker, a buffer pool, Undertow's HTTP/1.1
 * listener) with the same options and defaults, but keeps one XNIO provider for the JVM: {@code Undertow.start()}
 * looks the provider up through a {@code ServiceLoader} on every start (about 0.75 ms on the bench machine) and
 * logs each start and stop at INFO. This twin of {@code Undertow.start()} stays because it pays on bench/README's
 * "start-up, plain-socket first request" figure: started through {@code Undertow.builder().setWorker(..).build()
 * .start()} instead, the emulator took 1.2 to 1.7 times as long in the same runs. {@code EmulatorServerTest} holds
 * it to the bytes an Undertow server built by the public API answers.
 */
public final class EmulatorServer {

    private static final Logger LOG = Logs.getLogger(EmulatorServer.class);

    private final String name;
    private final InetSocketAddress address;
    private final int ioThreads;
    private final int workerThreads;
    private final Duration readTimeout;
    private final HttpHandler root;

    private RequestThreads tasks;
    private XnioWorker worker;
    private List<Thread> xnioThreads = List.of();
    private ByteBufferPool buffers;
    private AcceptingChannel<StreamConnection> channel;

    /** How long a kept-alive connection may wait between requests before the server closes it. */
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(60);

    private final Duration idleTimeout;

    /**
     * Describes a server not started yet; {@code readTimeout} bounds the time a client may take to send a request's
     * headers (its body has its own deadline, {@link RequestBodyHandler}'s).
     */
    public EmulatorServer(String name, String host, int port, int ioThreads, int workerThreads, Duration readTimeout,
            HttpHandler root) {
        this(name, host, port, ioThreads, workerThreads, readTimeout, IDLE_TIMEOUT, root);
    }

    /** As above, with the time after which a kept-alive connection that sends no new request is closed. */
    EmulatorServer(String name, String host, int port, int ioThreads, int workerThreads, Duration readTimeout,
            Duration idleTimeout, HttpHandler root) {
        this.name = name;
        this.idleTimeout = idleTimeout;
        this.address = new InetSocketAddress(host, port);
        this.ioThreads = ioThreads;
        this.workerThreads = workerThreads;
        this.readTimeout = readTimeout;
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
            xnioThreads = xnioThreadsOf(worker);
            buffers = newBufferPool();
            HttpOpenListener listener = new HttpOpenListener(buffers, OptionMap.builder()
                    // No BUFFER_PIPELINED_DATA (Undertow's default is off): no client SDK pipelines, no benchmark of
                    // ours does, and its buffer, freed on the I/O thread when a client drops the connection, was then
                    // written by a worker streaming a response, an ERROR (UT000091) each time (PipelinedDropsTest).
                    // An idle kept-alive connection is closed; a paced stream that pauses is not idle (no IDLE_TIMEOUT).
                    .set(UndertowOptions.NO_REQUEST_TIMEOUT, (int) idleTimeout.toMillis())
                    // Slow or stalled headers (slowloris) lose their connection; real time, the network's.
                    .set(UndertowOptions.REQUEST_PARSE_TIMEOUT, (int) readTimeout.toMillis())
                    .set(UndertowOptions.ALWAYS_SET_DATE, false)
                    .set(UndertowOptions.RECORD_REQUEST_START_TIME, false)
                    .getMap());
            listener.setRootHandler(root);
            channel = worker.createStreamConnectionServer(address, opening(listener),
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

    /**
     * Stops serving, frees the port and ends the server's threads, waiting for running requests to end (they were
     * interrupted first). An interrupt does not cut the wait short: it is kept for the caller once every thread
     * has ended.
     *
     * <p>The order matters: first no new connection (the listening channel closes, and the connections XNIO had
     * accepted by then are opened), then the requests running on worker threads end while the I/O threads still
     * serve their connections (a new request that needs a worker gets a 503), and only then the I/O threads stop,
     * closing every connection. Stopping the I/O threads first cut the connections under the requests still
     * running, which then failed loudly, and left XNIO accept tasks to fail on I/O threads already stopping.
     */
    public synchronized void stop() {
        boolean interrupted = false;
        if (channel != null) {
            IoUtils.safeClose(channel);
            channel = null;
            interrupted |= awaitAcceptedConnections();
        }
        if (tasks != null) {
            interrupted |= tasks.shutDownAndJoin();
            tasks = null;
        }
        if (worker != null) {
            worker.shutdown();
            interrupted |= Waits.uninterruptibly(worker::awaitTermination);
            // The worker counts as terminated once its threads leave their loops, a moment before they end.
            interrupted |= Waits.join(xnioThreads);
            worker = null;
            xnioThreads = List.of();
        }
        if (buffers != null) {
            buffers.close();
            buffers = null;
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Waits, once the listening channel is closed, until the connections XNIO accepted before are opened. XNIO's
     * accept thread hands each accepted connection to an I/O thread as a task, which may requeue itself; a task
     * that meets an I/O thread already stopping fails with an ERROR (XNIO000011). Two rounds of an empty task on
     * every thread of the worker settle them: the first runs after any accept in progress on the accept thread has
     * queued its tasks, the second after those tasks have run. Returns whether the wait was interrupted.
     */
    private boolean awaitAcceptedConnections() {
        boolean interrupted = false;
        for (int round = 0; round < 2; round++) {
            CountDownLatch ran = new CountDownLatch(xnioThreads.size());
            for (Thread thread : xnioThreads) {
                ((XnioIoThread) thread).execute(ran::countDown);
            }
            interrupted |= Waits.uninterruptibly(ran::await);
        }
        return interrupted;
    }

    /**
     * Returns the listener that opens each accepted connection, as {@code ChannelListeners.openListenerAdapter}
     * does, except that it expects the channel closed by {@link #stop()}: an accept task XNIO queued before the
     * close may run after it and find nothing to accept, which the adapter logs as an ERROR (XNIO001009).
     */
    private static ChannelListener<AcceptingChannel<StreamConnection>> opening(HttpOpenListener listener) {
        return server -> {
            StreamConnection accepted;
            try {
                accepted = server.accept();
            } catch (ClosedChannelException e) {
                LOG.debug("An accept task ran after the server closed: nothing to accept", e);
                return;
            } catch (IOException e) {
                LOG.error("Could not accept a connection on {}", server, e);
                return;
            }
            if (accepted != null) {
                ChannelListeners.invokeChannelListener(accepted, listener);
            }
        };
    }

    /**
     * Returns the threads the worker started, its I/O threads and the one that accepts connections, so that
     * stopping can wait for them to end. XNIO gives no handle on the accept thread, but it is an
     * {@link XnioIoThread} of this worker like the others, started in the thread group of the thread that built the
     * worker (the current one).
     */
    private static List<Thread> xnioThreadsOf(XnioWorker started) {
        ThreadGroup group = Thread.currentThread().getThreadGroup();
        Thread[] threads = new Thread[group.activeCount() + 64];
        int count = group.enumerate(threads, true);
        List<Thread> found = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (threads[i] instanceof XnioIoThread io && io.getWorker() == started) {
                found.add(io);
            }
        }
        return found;
    }

    /** The buffers {@code Undertow.start()} would use: 16 KB direct ones unless the heap is small. */
    private static ByteBufferPool newBufferPool() {
        long maxMemory = Runtime.getRuntime().maxMemory();
        if (maxMemory < 64L * 1024 * 1024) {
            return new DefaultByteBufferPool(false, 512, -1, 4);
        }
        if (maxMemory < 128L * 1024 * 1024) {
            return new DefaultByteBufferPool(true, 1024, -1, 4);
        }
        // 20 bytes under 16 KB, as Undertow sizes them (UNDERTOW-1209).
        return new DefaultByteBufferPool(true, 16 * 1024 - 20, -1, 4);
    }

    /** Finds the JVM's XNIO provider now, if no emulator has yet (see {@link Preloading}). */
    static void initialiseProvider() {
        Provider.XNIO.getName();
    }

    /** The JVM's one XNIO provider, found once. */
    private static final class Provider {
        static final Xnio XNIO = load();

        private static Xnio load() {
            // Before XNIO's first use, which logs its version at INFO.
            LibraryLogs.quiet();
            return Xnio.getInstance(Undertow.class.getClassLoader());
        }
    }
}
