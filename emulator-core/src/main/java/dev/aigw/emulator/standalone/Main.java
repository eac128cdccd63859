package dev.aigw.emulator.standalone;

import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.ApiToken;
import dev.aigw.emulator.EmulatorClock;
import dev.aigw.emulator.Permission;
import dev.aigw.emulator.VirtualClock;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/** Runs the emulator as a program: {@code java -jar emulator-core-<version>-standalone.jar --help}. */
public final class Main {

    private Main() {
    }

    /** Starts the emulator and serves until SIGTERM or Ctrl-C. */
    public static void main(String[] args) throws InterruptedException {
        // Undertow logs through JBoss Logging, which picks SLF4J on its own only when Logback is present.
        System.setProperty("org.jboss.logging.provider", "slf4j");
        StandaloneOptions options;
        try {
            options = StandaloneOptions.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("aigw-emulator: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(StandaloneOptions.USAGE);
            return;
        }
        AiGatewayEmulator emulator;
        try {
            emulator = build(options).start();
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("aigw-emulator: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "aigw-emulator-shutdown"));
        System.out.println("AI Gateway emulator listening on " + emulator.baseUrl()
                + " account_id=" + emulator.accountId() + " api_token=" + emulator.apiToken()
                + " clock=" + options.clock());
        System.out.flush();
        stopped.await();
    }

    static AiGatewayEmulator build(StandaloneOptions options) {
        AiGatewayEmulator.Builder builder = AiGatewayEmulator.builder()
                .host(options.host())
                .port(options.port())
                .clock(options.clock().equals("virtual") ? VirtualClock.create() : EmulatorClock.system());
        if (options.accountId() != null) {
            builder.accountId(options.accountId());
        }
        if (options.apiToken() != null) {
            String account = options.accountId() != null ? options.accountId() : AiGatewayEmulator.DEFAULT_ACCOUNT_ID;
            builder.token(new ApiToken(options.apiToken(), Set.of(account), EnumSet.allOf(Permission.class)));
        }
        return builder.build();
    }
}
