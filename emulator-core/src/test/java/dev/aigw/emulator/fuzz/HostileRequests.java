package dev.aigw.emulator.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Generates malformed and hostile requests over the three surfaces, each from the run's seed and its own index
 * alone (so any one of them can be replayed): methods, paths, percent-encodings, headers, JSON shapes and depths,
 * chunking, sizes, {@code cf-aig-*} values and script bodies. It never sends a reset or a DELETE to the control API,
 * never switches the clock to manual, never scripts a hang (each would stall later requests by design), never holds
 * the owner's token, and scripts steps only under a test id of its own.
 */
final class HostileRequests {

    /** One request to send, with what may come back. */
    record Case(long index, String surface, byte[] setup, byte[] request, Set<Integer> allowed5xx) {

        /** Returns the request as text for a failure message, cut to {@code max} characters. */
        String excerpt(int max) {
            String text = new String(request, StandardCharsets.ISO_8859_1).replace("\r\n", "\\r\\n");
            return text.length() <= max ? text : text.substring(0, max) + "...(" + request.length + " bytes)";
        }
    }

    private static final String[] PROVIDERS = {"openai", "anthropic", "workers-ai", "google-ai-studio", "compat",
        "azure-openai", "aws-bedrock", "groq", "mistral", "cohere", "huggingface", "perplexity-ai", "replicate",
        "deepseek", "no-such-provider", "OpenAI", ""};
    private static final String[] REST = {"chat/completions", "v1/messages", "v1/chat/completions", "embeddings",
        "responses", "completions", "models", "v1beta/models/gemini-1.5-flash:generateContent", "@cf/meta/llama-3-8b",
        "", "/", "..", "%2e%2e", "%2E%2e/%2e%2e/x", "../../../x", "a//b", "%00", "%zz", "%", "%ff%fe", "%C0%AE",
        "x;y=1", "%2F", "chat%2Fcompletions", "\u00e9t\u00e9"};
    private static final String[] CF_AIG = {"cf-aig-cache-ttl", "cf-aig-skip-cache", "cf-aig-cache-key",
        "cf-aig-max-attempts", "cf-aig-retry-delay", "cf-aig-backoff", "cf-aig-request-timeout", "cf-aig-custom-cost",
        "cf-aig-metadata", "cf-aig-collect-log", "cf-aig-event-id", "cf-aig-log-id", "cf-aig-step",
        "cf-aig-collect-log-payload", "cf-aig-byok-alias", "cf-aig-zdr", "cf-aig-dlp"};
    private static final String[] NUMBERS = {"0", "1", "-1", "3", "5000", "2147483647", "2147483648",
        "-2147483649", "9223372036854775807", "9223372036854775808", "1e3", "1.5", "0x10", "NaN", "Infinity",
        "-0", "00012", "1_000", " 7 ", "", "1e308", "4.9e-324", "123456789012345678901234567890"};
    private static final String[] WORDS = {"true", "false", "constant", "linear", "exponential", "null", "{}", "[]",
        "\"x\"", "\u2603", "a\tb", "<script>alert(1)</script>", "' OR 1=1 --", "${jndi:ldap://x}", "../../etc/passwd",
        "%s%s%n", "\\u0000"};
    private static final String[] METHODS = {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE",
        "CONNECT", "PROPFIND", "get", "G\u00c9T", "POST ", ""};
    private static final String[] CONTROL_GETS = {"health", "clock", "scripts", "scripts/openai", "requests",
        "timelines", "logs/fz-1", "logs/default", "no-such-route", "requests/take", "clock/advance", "replies",
        "reply-problems"};
    private static final String[] GATEWAY_FIELDS = {"id", "cache_invalidate_on_update", "cache_ttl", "collect_logs",
        "rate_limiting_interval", "rate_limiting_limit", "rate_limiting_technique", "authentication", "log_management",
        "log_management_strategy", "logpush", "logpush_public_key", "retry_max_attempts", "retry_delay",
        "retry_backoff", "zdr", "store_id", "dlp", "otel", "guardrails", "workers_ai_billing_mode", "is_default"};
    private static final String[] FILTER_KEYS = {"id", "created_at", "request_content_type", "response_content_type",
        "success", "cached", "provider", "model", "cost", "tokens", "tokens_in", "tokens_out", "duration",
        "feedback", "event_id", "metadata.key", "metadata.value", "request_type", "status_code", "nope"};
    private static final String[] FILTER_OPS = {"eq", "neq", "contains", "lt", "gt", "lte", "gte", "in", "like",
        "startswith"};

    private final long seed;
    private final String hostHeader;

    HostileRequests(long seed, int port) {
        this.seed = seed;
        this.hostHeader = "127.0.0.1:" + port;
    }

    /** Returns the case of this index; the same seed and index give the same case. */
    Case next(long index) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        int surface = r.nextInt(10);
        if (surface < 5) {
            return proxy(index, r);
        }
        if (surface < 8) {
            return management(index, r);
        }
        return control(index, r);
    }

    private Case proxy(long index, SplittableRandom r) {
        String testId = "fz-" + seed + "-" + index;
        Set<Integer> allowed = new LinkedHashSet<>(List.of(501));
        byte[] setup = null;
        List<String> headers = new ArrayList<>();
        if (r.nextInt(4) == 0) {
            String steps = steps(r, allowed);
            setup = frame("POST", "/__emulator/scripts/" + pick(r, "openai", "anthropic", "workers-ai",
                    "google-ai-studio"), List.of("Host: " + hostHeader, "Content-Type: application/json"),
                    utf8("{\"test_id\":\"" + testId + "\",\"steps\":" + steps + "}"), false);
            headers.add("x-aigw-test-id: " + testId);
        } else if (r.nextInt(5) == 0) {
            headers.add("x-aigw-test-id: " + pick(r, "", "a b", "\u00e9", "x".repeat(5000), testId));
        }
        String account = often(r, FuzzTarget.FUZZ_ACCOUNT, FuzzTarget.OWNER_ACCOUNT, "not-an-account", "", "%30",
                "a".repeat(300));
        String gateway = often(r, pick(r, "default", "fz-" + r.nextInt(8)), "protected", "protected-logs", "..",
                "%2e%2e", "", "x".repeat(r.nextInt(2) == 0 ? 65 : 2000), "%00", "a%2Fb", "fz-9");
        String[] native_ = pick(r, new String[] {"openai", "chat/completions"}, new String[] {"anthropic",
            "v1/messages"}, new String[] {"workers-ai", "@cf/meta/llama-3-8b-instruct"}, new String[] {
            "google-ai-studio", "v1beta/models/gemini-1.5-flash:generateContent"}, new String[] {"compat",
            "chat/completions"}, new String[] {"groq", "chat/completions"}, new String[] {"openai", "embeddings"},
            new String[] {"openai", "responses"});
        String provider = often(r, native_[0], PROVIDERS);
        String path;
        int shape = r.nextInt(12);
        if (shape == 0) {
            path = "/v1/" + account + "/" + gateway;
        } else if (shape == 1) {
            path = "/v1/" + account;
        } else if (shape == 2) {
            path = randomPath(r, "/v1");
        } else {
            path = "/v1/" + account + "/" + gateway + "/" + provider + "/" + often(r, native_[1], REST);
        }
        if (r.nextInt(8) == 0) {
            path += "?" + query(r);
        }
        int auth = r.nextInt(8);
        if (auth < 6) {
            headers.add("cf-aig-authorization: Bearer " + FuzzTarget.FUZZ_TOKEN);
        } else if (auth == 3) {
            headers.add("cf-aig-authorization: " + pick(r, "Bearer ", "Bearer x", "Basic Zm9v", "", "Bearer "
                    + "t".repeat(600)));
        }
        if (r.nextBoolean()) {
            headers.add("Authorization: Bearer sk-" + r.nextInt(1000));
        }
        int cfCount = r.nextInt(3) == 0 ? r.nextInt(1, 5) : 0;
        for (int i = 0; i < cfCount; i++) {
            headers.add(pick(r, CF_AIG) + ": " + cfValue(r));
        }
        if (r.nextInt(8) == 0) {
            headers.add("cf-aig-request-timeout: " + r.nextInt(1, 100));
            allowed.add(504);
        }
        if (r.nextInt(4) == 0) {
            headers.add("cf-aig-" + pick(r, "cache-ttl: 60", "skip-cache: true", "max-attempts: 3", "retry-delay: 100",
                    "backoff: exponential", "metadata: {\"a\":1,\"b\":\"x\"}", "collect-log: false",
                    "custom-cost: {\"per_token_in\":0.001,\"per_token_out\":0.002}", "event-id: e1"));
        }
        byte[] body = shape == 0 ? universalBody(r) : r.nextInt(7) == 0 ? body(r) : utf8(chat(r));
        return finish(index, "proxy", r, often(r, "POST", "GET", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH"),
                path, headers, body, setup, allowed);
    }

    private Case management(long index, SplittableRandom r) {
        String account = often(r, FuzzTarget.FUZZ_ACCOUNT, FuzzTarget.OWNER_ACCOUNT, "x", "%2e%2e", "");
        String base = "/client/v4/accounts/" + account + "/ai-gateway/gateways";
        String method = r.nextInt(8) == 0 ? pick(r, METHODS) : pick(r, "GET", "GET", "GET", "POST", "PUT", "PATCH",
                "DELETE");
        // Changes go to gateways of the fuzzer's own making (fz-8 to fz-11), so the declared ones stay for the proxy.
        String id = often(r, "fz-" + (method.equals("GET") ? r.nextInt(12) : r.nextInt(8, 12)), "protected", "default", "", "%2e%2e", "a".repeat(70),
                "\u00e9", "fz-" + r.nextInt(8) + "%20", "fz-9");
        String path = switch (r.nextInt(9)) {
            case 0 -> base;
            case 1 -> base + "/" + id;
            case 2 -> base + "/" + id + "/logs";
            case 3 -> base + "/" + id + "/logs/" + pick(r, "01J0000000000000000000000", "x", "%00", "..");
            case 4 -> base + "/" + id + "/logs/" + pick(r, "x", "01J0") + "/" + pick(r, "request", "response", "x");
            case 5 -> base + "/" + id + "/url/" + pick(r, PROVIDERS);
            case 6 -> randomPath(r, "/client/v4");
            case 7 -> base + "/" + id + "/logs";
            default -> base;
        };
        if (r.nextInt(3) == 0 || path.endsWith("/logs")) {
            path += "?" + (path.endsWith("/logs") && r.nextBoolean() ? logQuery(r) : query(r));
        }
        List<String> headers = new ArrayList<>();
        int auth = r.nextInt(10);
        if (auth < 7) {
            headers.add("Authorization: Bearer " + FuzzTarget.FUZZ_TOKEN);
        } else if (auth == 5) {
            headers.add("Authorization: " + pick(r, "Bearer", "Bearer  " + FuzzTarget.FUZZ_TOKEN, "Basic x",
                    "bearer " + FuzzTarget.FUZZ_TOKEN, "Bearer " + "t".repeat(10_000)));
        } else if (auth == 6) {
            headers.add("X-Auth-Email: a@example.com");
            headers.add("X-Auth-Key: " + pick(r, "k", ""));
        }
        byte[] body = method.equals("GET") ? null : r.nextInt(3) == 0 ? body(r) : gatewayBody(r);
        return finish(index, "management", r, method, path, headers, body, null, Set.of());
    }

    private Case control(long index, SplittableRandom r) {
        List<String> headers = new ArrayList<>();
        String method;
        String path;
        byte[] body = null;
        int kind = r.nextInt(8);
        if (kind == 0 && r.nextBoolean()) {
            // Rules narrowed to a test id no request carries: they change what no one gets.
            method = "POST";
            path = "/__emulator/replies?test_id=fzr-" + index;
            body = utf8(pick(r, json(r, 0), "{\"rules\":" + json(r, 0) + "}",
                    "{\"name\":\"r\",\"replies\":" + json(r, 0) + "}",
                    "{\"name\":\"r\",\"reply\":{\"text\":\"x\",\"usage\":{\"input_tokens\":" + pick(r, NUMBERS)
                            + ",\"output_tokens\":1}}}",
                    "{\"name\":\"r\",\"reply\":{\"text\":\"x\"},\"match\":{\"turn\":" + pick(r, NUMBERS)
                            + ",\"metadata\":{\"a\":" + pick(r, NUMBERS) + "}}}"));
        } else if (kind == 0) {
            method = "POST";
            path = "/__emulator/scripts/" + pick(r, PROVIDERS);
            Set<Integer> ignored = new LinkedHashSet<>();
            String steps = r.nextInt(4) == 0 ? json(r, 0) : steps(r, ignored);
            body = utf8("{\"test_id\":\"fzs-" + index + "\"," + (r.nextBoolean() ? "\"gateway_id\":\"fz-1\"," : "")
                    + "\"steps\":" + steps + "}");
        } else if (kind == 1) {
            method = "POST";
            path = "/__emulator/clock/" + pick(r, "advance", "await-waiters");
            body = utf8(pick(r, "{\"millis\":" + pick(r, NUMBERS) + "}", "{\"millis\":" + r.nextInt(100_000) + "}",
                    "{\"count\":" + r.nextInt(3) + ",\"timeout_ms\":" + r.nextInt(50) + "}",
                    "{\"count\":" + pick(r, NUMBERS) + ",\"timeout_ms\":" + pick(r, "0", "-1", "x", "1.5") + "}",
                    json(r, 0)));
        } else if (kind == 2) {
            method = "PUT";
            path = "/__emulator/clock";
            body = utf8(pick(r, "{\"mode\":\"auto\"}", "{\"mode\":\"Auto\"}", "{\"mode\":1}", "{}", "[]", "x"));
        } else if (kind == 3) {
            method = "PUT";
            path = "/__emulator/gateways/" + pick(r, "fz-" + r.nextInt(8, 12), "%2e%2e", "", "a".repeat(80))
                    + "?account_id=" + FuzzTarget.FUZZ_ACCOUNT;
            body = gatewayBody(r);
        } else if (kind == 4) {
            method = "POST";
            path = "/__emulator/requests/take";
            body = utf8(pick(r, "{}", "{\"timeout_ms\":" + r.nextInt(30) + "}", "{\"timeout_ms\":-1}",
                    "{\"timeout_ms\":1e9}", "[]", ""));
        } else if (kind == 5) {
            method = "GET";
            path = "/__emulator/logs/" + pick(r, "fz-" + r.nextInt(8), "default", "x") + "?account_id="
                    + FuzzTarget.FUZZ_ACCOUNT + (r.nextBoolean() ? "&" + logQuery(r) : "");
        } else if (kind == 6) {
            method = pick(r, "GET", "GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH");
            path = "/__emulator/" + pick(r, CONTROL_GETS) + (r.nextBoolean() ? "?" + query(r) : "");
            body = r.nextBoolean() ? body(r) : null;
        } else {
            method = pick(r, "GET", "POST");
            path = randomPath(r, "/__emulator");
        }
        if (r.nextInt(6) == 0) {
            headers.add("Origin: " + pick(r, "http://evil.example", "null", "http://localhost:3000", "x"));
        }
        if (r.nextInt(8) == 0) {
            headers.add("Sec-Fetch-Site: " + pick(r, "cross-site", "same-site", "same-origin", "none"));
        }
        return finish(index, "control", r, method, path, headers, body, null, Set.of());
    }

    /** Adds the Host, content type and framing, maybe breaking them, and returns the case. */
    private Case finish(long index, String surface, SplittableRandom r, String method, String path,
                        List<String> headers, byte[] body, byte[] setup, Set<Integer> allowed5xx) {
        List<String> all = new ArrayList<>();
        int host = r.nextInt(40);
        if (host == 0) {
            all.add("Host: " + pick(r, "evil.example", "[::1]", "localhost", "", "a b", "127.0.0.1:99999"));
        } else if (host != 1) {
            all.add("Host: " + hostHeader);
        }
        all.add("Content-Type: " + (r.nextInt(12) == 0 ? pick(r, "text/plain", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "application/json; charset=utf-16", "", ";;;", "application/"
                        + "json".repeat(100)) : "application/json"));
        all.addAll(headers);
        if (r.nextInt(10) == 0) {
            all.add(pick(r, "X-Big: " + "b".repeat(r.nextInt(1, 20_000)), "Accept-Encoding: gzip, br",
                    "Expect: 100-continue", "Connection: keep-alive, Upgrade", "Upgrade: websocket",
                    "Content-Encoding: gzip", "X-Null: a\u0000b", "Bad Header: x", ": empty", "X-Fold: a\r\n b",
                    "Accept: text/event-stream", "Range: bytes=0-1", "If-None-Match: *"));
        }
        if (r.nextInt(25) == 0 && body != null) {
            body = resize(r, body);
        }
        String version = r.nextInt(40) == 0 ? pick(r, "HTTP/1.0", "HTTP/2.0", "HTTP/1.1 x", "", "HTTP/9") : "HTTP/1.1";
        String target = r.nextInt(40) == 0 ? pick(r, "*", "http://evil.example" + path, path.replace('/', '\\'),
                path + " x", path + "#frag") : path;
        boolean chunked = body != null && r.nextInt(8) == 0;
        byte[] request = frame(method, target, version, all, body, chunked, r);
        int broken = r.nextInt(50);
        if (broken == 0) {
            // A chunk whose data is longer than its size says, as in issue 16's report.
            request = concat(frame(method, target, version, all.stream().filter(h -> !h.startsWith("Content-Length"))
                    .toList(), null, false, r), utf8(""));
            request = utf8(new String(request, StandardCharsets.ISO_8859_1).replace("Connection: close\r\n\r\n",
                    "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n3\r\nabc0\r\n\r\n"));
        } else if (broken == 1) {
            // Two requests in one write (pipelined); the emulator answers both, then closes.
            request = concat(new String(request, StandardCharsets.ISO_8859_1).replace("Connection: close\r\n", "")
                    .getBytes(StandardCharsets.ISO_8859_1), frame("GET", "/__emulator/health", List.of("Host: "
                    + hostHeader), null, false));
        }
        return new Case(index, surface, setup, request, allowed5xx);
    }

    private static byte[] frame(String method, String target, List<String> headers, byte[] body, boolean chunked) {
        return frame(method, target, "HTTP/1.1", headers, body, chunked, null);
    }

    private static byte[] frame(String method, String target, String version, List<String> headers, byte[] body,
                                boolean chunked, SplittableRandom r) {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(' ').append(version)
                .append("\r\n");
        headers.forEach(h -> head.append(h).append("\r\n"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (body == null) {
            head.append("Connection: close\r\n\r\n");
            out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
            return out.toByteArray();
        }
        if (!chunked) {
            int framing = r == null ? 0 : r.nextInt(60);
            long length = framing == 0 ? body.length : switch (framing) {
                case 1 -> body.length + 1L + r.nextInt(100);
                case 2 -> Math.max(0, body.length - 1 - r.nextInt(Math.max(1, body.length)));
                case 3 -> -1;
                default -> body.length;
            };
            head.append(framing == 4 ? "Content-Length: " + pick(r, "x", "1,1", "99999999999999999999", " ")
                    : framing == 5 ? "Content-Length: " + body.length + "\r\nContent-Length: " + (body.length + 1)
                    : "Content-Length: " + length).append("\r\n");
            head.append("Connection: close\r\n\r\n");
            out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
            out.writeBytes(body);
            return out.toByteArray();
        }
        head.append("Transfer-Encoding: ").append(r.nextInt(10) == 0 ? pick(r, "gzip, chunked", "Chunked",
                "chunked, identity") : "chunked").append("\r\n");
        if (r.nextInt(10) == 0) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        int at = 0;
        while (at < body.length) {
            int n = Math.min(body.length - at, r.nextInt(1, 2000));
            String size = Integer.toHexString(n);
            out.writeBytes((r.nextInt(20) == 0 ? size.toUpperCase() + ";ext=1" : size).getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(new byte[] {'\r', '\n'});
            out.write(body, at, n);
            out.writeBytes(new byte[] {'\r', '\n'});
            at += n;
        }
        out.writeBytes(r.nextInt(20) == 0 ? utf8("0\r\nX-Trailer: 1\r\n\r\n") : utf8("0\r\n\r\n"));
        return out.toByteArray();
    }

    private static String steps(SplittableRandom r, Set<Integer> allowed) {
        StringBuilder steps = new StringBuilder("[");
        int count = r.nextInt(1, 4);
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                steps.append(',');
            }
            int kind = r.nextInt(6);
            if (kind < 3) {
                int status = pick(r, 200, 201, 204, 301, 304, 400, 401, 404, 408, 413, 429, 500, 502, 503, 504, 529,
                        599, 299, 600, 0, 99, 100, 101, 103, 200);
                if (status >= 500 && status <= 599) {
                    allowed.add(status);
                }
                steps.append("{\"status\":").append(status);
                if (r.nextBoolean()) {
                    steps.append(",\"body\":").append(pick(r, "\"plain\"", "{\"a\":1}", "[]", "null",
                            "\"" + "z".repeat(r.nextInt(1, 5000)) + "\"", "1e999"));
                }
                if (r.nextInt(4) == 0) {
                    steps.append(",\"headers\":").append(pick(r, "{\"x-a\":\"b\"}", "{\"content-length\":\"5\"}",
                            "{\"transfer-encoding\":\"chunked\"}", "{\"\":\"x\"}", "{\"x\":1}", "[]"));
                }
                if (r.nextInt(4) == 0) {
                    steps.append(",\"latency_ms\":").append(pick(r, NUMBERS));
                }
                if (r.nextInt(4) == 0) {
                    steps.append(",\"events\":").append(pick(r, "[\"a\",\"b\"]", "[{\"data\":\"x\"}]", "[]",
                            "[1,2]", "\"x\""));
                    if (r.nextBoolean()) {
                        steps.append(",\"time_to_first_token_ms\":").append(pick(r, NUMBERS))
                                .append(",\"tokens_per_second\":").append(pick(r, NUMBERS));
                    }
                }
            } else if (kind < 5) {
                allowed.addAll(List.of(500, 502, 503, 504));
                steps.append("{\"fault\":\"").append(pick(r, "connection_reset", "empty_response", "broken_stream",
                        "malformed_body", "Hang", "nope")).append('"');
                if (r.nextBoolean()) {
                    steps.append(",\"after_events\":").append(pick(r, NUMBERS));
                }
            } else {
                steps.append(json(r, 0));
            }
            if (r.nextInt(3) == 0) {
                steps.append(pick(r, "", ",\"times\":" + pick(r, NUMBERS), ",\"times\":\"always\"",
                        ",\"every_nth\":" + pick(r, NUMBERS), ",\"probability\":0.5,\"seed\":" + pick(r, NUMBERS)));
            }
            if (kind != 5) {
                steps.append('}');
            }
        }
        return steps.append(']').toString();
    }

    private static String cfValue(SplittableRandom r) {
        return switch (r.nextInt(6)) {
            case 0 -> pick(r, NUMBERS);
            case 1 -> pick(r, WORDS);
            case 2 -> "{\"per_token_in\":" + pick(r, NUMBERS) + ",\"per_token_out\":" + pick(r, NUMBERS) + "}";
            case 3 -> "{\"" + pick(r, "a", "", "\u00e9") + "\":" + pick(r, "1", "\"x\"", "true", "null", "{}", "[1]")
                    + "}";
            case 4 -> pick(r, "1e999999999", "1e400", "-1e400", "1e99999999", "1e-400");
            default -> json(r, 0);
        };
    }

    private static byte[] body(SplittableRandom r) {
        return switch (r.nextInt(10)) {
            case 0 -> null;
            case 1 -> utf8(deep(r.nextInt(2) == 0 ? r.nextInt(10, 200) : r.nextInt(900, 3000), r.nextBoolean()));
            case 2 -> randomBytes(r, r.nextInt(0, 3000));
            case 3 -> utf8(json(r, 0));
            case 4 -> utf8(pick(r, "", "{", "}", "[", "{\"model\":", "nul", "{\"a\":1}{\"b\":2}", "\ufeff{}",
                    "{\"a\":\"\\ud800\"}", "{\"a\":1e999999}", "[" + "1,".repeat(5000) + "1]"));
            default -> utf8(chat(r));
        };
    }

    private static String chat(SplittableRandom r) {
        StringBuilder b = new StringBuilder("{");
        if (r.nextInt(6) != 0) {
            b.append("\"model\":").append(pick(r, "\"gpt-4o-mini\"", "\"claude-3-5-sonnet\"", "\"openai/gpt-4o\"",
                    "\"\"", "1", "null", "[]", "\"" + "m".repeat(3000) + "\"", "\"a/b/c\"", "\"../x\"")).append(',');
        }
        b.append("\"messages\":").append(pick(r, "[{\"role\":\"user\",\"content\":\"hi\"}]", "[]", "null", "\"x\"",
                "[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"hi\"}]}]", "[{}]", "[1]",
                "[{\"role\":\"user\",\"content\":\"" + "w ".repeat(r.nextInt(1, 20_000)) + "\"}]",
                "[{\"role\":\"tool\",\"content\":null,\"tool_calls\":[{\"function\":{\"arguments\":\"{\"}}]}]"));
        if (r.nextBoolean()) {
            b.append(",\"stream\":").append(pick(r, "true", "false", "\"yes\"", "1", "null"));
        }
        if (r.nextInt(3) == 0) {
            b.append(",\"max_tokens\":").append(pick(r, NUMBERS).isEmpty() ? "0" : pick(r, "1", "-1", "1e9",
                    "99999999999999999999", "0.5", "\"x\""));
        }
        if (r.nextInt(3) == 0) {
            b.append(",\"n\":").append(pick(r, "1", "0", "1000000", "-1", "2"));
        }
        if (r.nextInt(3) == 0) {
            b.append(",\"stream_options\":").append(pick(r, "{\"include_usage\":true}", "1", "{}"));
        }
        return b.append('}').toString();
    }

    private static byte[] universalBody(SplittableRandom r) {
        StringBuilder b = new StringBuilder("[");
        int n = r.nextInt(0, 4);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append("{\"provider\":\"").append(pick(r, PROVIDERS)).append("\",\"endpoint\":\"")
                    .append(pick(r, REST)).append("\",\"headers\":").append(pick(r, "{}", "{\"authorization\":\"x\"}",
                            "{\"cf-aig-custom-cost\":\"{\\\"per_token_in\\\":1}\"}", "[]", "null"))
                    .append(",\"query\":").append(r.nextBoolean() ? chat(r) : json(r, 0)).append('}');
        }
        return utf8(r.nextInt(6) == 0 ? json(r, 0) : b.append(']').toString());
    }

    private static byte[] gatewayBody(SplittableRandom r) {
        if (r.nextInt(3) != 0) {
            return utf8("{\"id\":\"fz-" + r.nextInt(8, 12) + "\",\"cache_invalidate_on_update\":false,\"cache_ttl\":"
                    + pick(r, "0", "60", "-1", "1e400", "\"x\"") + ",\"collect_logs\":" + pick(r, "true", "false", "1")
                    + ",\"rate_limiting_interval\":" + pick(r, "0", "10", "-5") + ",\"rate_limiting_limit\":"
                    + pick(r, "0", "1000000", "99999999999") + (r.nextBoolean() ? ",\"" + pick(r, GATEWAY_FIELDS) + "\":"
                    + pick(r, "1", "true", "null", "\"x\"", "{}", "1e400") : "") + "}");
        }
        StringBuilder b = new StringBuilder("{");
        int n = r.nextInt(0, 10);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                b.append(',');
            }
            String field = pick(r, GATEWAY_FIELDS);
            b.append('"').append(field).append("\":");
            b.append(field.equals("id") ? pick(r, "\"fz-" + r.nextInt(8, 12) + "\"", "\"\"", "1", "\"a b\"",
                    "\"" + "i".repeat(80) + "\"", "\"protected\"") : pick(r, NUMBERS).isEmpty() ? "null"
                    : pick(r, "0", "1", "-1", "true", "false", "null", "\"x\"", "1.5", "1e400", "3600", "{}", "[]",
                            "99999999999999999999999", "\"sliding\"", "\"fixed\"", "\"DELETE_OLDEST\"",
                            "\"STOP_INSERTING\"", "\"exponential\"", "10000000"));
        }
        return utf8(b.append('}').toString());
    }

    private static String json(SplittableRandom r, int depth) {
        int kind = depth > 6 ? r.nextInt(5) : r.nextInt(8);
        return switch (kind) {
            case 0 -> pick(r, NUMBERS).isEmpty() ? "0" : pick(r, "1", "-0", "1e308", "1e400", "-1e-400", "0.1",
                    "123456789012345678901234567890", "1E+2");
            case 1 -> pick(r, "\"\"", "\"x\"", "\"\\u0000\"", "\"\\ud83d\\ude00\"", "\"" + "s".repeat(r.nextInt(100)) + "\"",
                    "\"\\\"\"");
            case 2 -> pick(r, "true", "false", "null");
            case 3 -> pick(r, "{}", "[]");
            case 4 -> "\"" + pick(r, WORDS).replace("\"", "") + "\"";
            case 5, 6 -> {
                StringBuilder o = new StringBuilder("{");
                int n = r.nextInt(0, 5);
                for (int i = 0; i < n; i++) {
                    if (i > 0) {
                        o.append(',');
                    }
                    o.append('"').append(pick(r, "model", "messages", "stream", "status", "steps", "a", "", "id",
                            "filters", "test_id", "times", "headers")).append("\":").append(json(r, depth + 1));
                }
                yield o.append('}').toString();
            }
            default -> {
                StringBuilder a = new StringBuilder("[");
                int n = r.nextInt(0, 5);
                for (int i = 0; i < n; i++) {
                    if (i > 0) {
                        a.append(',');
                    }
                    a.append(json(r, depth + 1));
                }
                yield a.append(']').toString();
            }
        };
    }

    private static String deep(int depth, boolean arrays) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            b.append(arrays ? "[" : "{\"a\":");
        }
        b.append("1");
        for (int i = 0; i < depth; i++) {
            b.append(arrays ? "]" : "}");
        }
        return b.toString();
    }

    private static String query(SplittableRandom r) {
        StringBuilder q = new StringBuilder();
        int n = r.nextInt(1, 5);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                q.append('&');
            }
            q.append(pick(r, "page", "per_page", "order_by", "order_by_direction", "direction", "search", "provider",
                    "gateway_id", "test_id", "account_id", "exact_scope", "%zz", "", "a[]", "filters", "x"))
                    .append(r.nextInt(6) == 0 ? "" : "=" + pick(r, "1", "0", "-1", "1e999", "%00", "%", "%E9",
                    "desc", "asc", "created_at", "true", "99999999999999999999", "x".repeat(r.nextInt(1, 3000)),
                    "%5B%5D", "[{}]"));
        }
        return q.toString();
    }

    private static String logQuery(SplittableRandom r) {
        StringBuilder f = new StringBuilder("[");
        int n = r.nextInt(0, 4);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                f.append(',');
            }
            f.append("{\"key\":\"").append(pick(r, FILTER_KEYS)).append("\",\"operator\":\"")
                    .append(pick(r, FILTER_OPS)).append("\",\"value\":").append(pick(r, "[1]", "[\"x\"]", "[true]",
                            "[1e999]", "[-1e400]", "[99999999999999999999]", "[]", "1", "[null]", "[{}]",
                            "[\"2026-01-01T00:00:00Z\"]", "[0.5]", "[\"NaN\"]")).append('}');
        }
        String filters = f.append(']').toString();
        return "filters=" + percent(r.nextInt(6) == 0 ? json(r, 0) : filters)
                + (r.nextBoolean() ? "&" + query(r) : "");
    }

    private static String percent(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String randomPath(SplittableRandom r, String prefix) {
        StringBuilder p = new StringBuilder(prefix);
        int n = r.nextInt(0, 8);
        for (int i = 0; i < n; i++) {
            p.append('/').append(pick(r, "a", "..", ".", "%2e", "%2E%2E", "%2f", "", "%00", "%", "%g0", "\u00e9",
                    "%C3%A9", "x".repeat(r.nextInt(1, 300)), "ai-gateway", "gateways", "logs", "accounts", "~",
                    "*", "a;b", "%252e%252e", "reset", "scripts"));
        }
        String path = p.toString();
        // Never a reset: the fuzzer keeps the state it checks.
        return path.contains("reset") ? path.replace("reset", "re-set") : path;
    }

    private static byte[] resize(SplittableRandom r, byte[] body) {
        if (r.nextBoolean()) {
            return new byte[0];
        }
        int size = pick(r, 1 << 16, (1 << 20) - 10, (1 << 20) + 10, 3 << 20);
        byte[] big = new byte[size];
        for (int i = 0; i < size; i++) {
            big[i] = body.length == 0 ? (byte) 'x' : body[i % body.length];
        }
        return big;
    }

    private static byte[] randomBytes(SplittableRandom r, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) r.nextInt(256);
        }
        return b;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

        private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Returns {@code valid} nine times in ten, else one of the mutants: most requests get far enough to matter. */
    @SafeVarargs
    private static <T> T often(SplittableRandom r, T valid, T... mutants) {
        return r.nextInt(10) != 0 ? valid : pick(r, mutants);
    }

    @SafeVarargs
    private static <T> T pick(SplittableRandom r, T... choices) {
        return choices[r.nextInt(choices.length)];
    }
}
