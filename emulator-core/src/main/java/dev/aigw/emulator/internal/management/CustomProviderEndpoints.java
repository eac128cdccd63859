package dev.aigw.emulator.internal.management;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.internal.api.ApiError;
import dev.aigw.emulator.internal.api.ApiException;
import dev.aigw.emulator.internal.api.ApiRequest;
import dev.aigw.emulator.internal.api.ApiResponse;
import dev.aigw.emulator.internal.api.JsonShape;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.provider.custom.CustomProvider;
import dev.aigw.emulator.internal.provider.custom.CustomProviderStore;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The custom-provider operations CP1-CP5 of management-api-2.md 3.2, as endpoints and as calls for the Java API, with this resource's own error codes (3.3):
 * 400/1002 for a bad member (with its {@code path}), 409/1003 for a taken slug, 404/1004 for an unknown id.
 */
public final class CustomProviderEndpoints {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final int MAX_HEADERS = 8192;
    private static final List<String> ORDER_FIELDS = List.of("name", "slug", "position", "created_at", "modified_at");

    private static final Comparator<CustomProvider> BY_POSITION = Comparator.comparing(CustomProvider::position,
            Comparator.nullsLast(Comparator.naturalOrder()));
    private static final Comparator<CustomProvider> DEFAULT_ORDER = BY_POSITION.thenComparing(CustomProvider::name)
            .thenComparing(CustomProvider::id);

    private final ManagementContext context;
    private final CustomProviderStore store;

    /** Creates the operations on the custom providers of a management context. */
    public CustomProviderEndpoints(ManagementContext context) {
        this.context = context;
        this.store = context.customProviders();
    }

    /** CP1 {@code GET /custom-providers}: filtered, ordered, one page with {@code total_pages}. */
    ApiResponse list(ApiRequest request) {
        Pagination pagination = Pagination.of(request, 100);
        String search = request.query("search").map(s -> s.toLowerCase(Locale.ROOT)).orElse("");
        String enable = booleanFilter(request, "enable");
        String beta = booleanFilter(request, "beta");
        Comparator<CustomProvider> order = order(request);
        List<CustomProvider> matching = store.list(request.accountId()).stream()
                .filter(p -> enable == null || String.valueOf(p.enable()).equals(enable))
                .filter(p -> beta == null || String.valueOf(p.beta()).equals(beta))
                .filter(p -> search.isEmpty() || p.id().toLowerCase(Locale.ROOT).contains(search)
                        || p.name().toLowerCase(Locale.ROOT).contains(search)
                        || p.slug().toLowerCase(Locale.ROOT).contains(search))
                .sorted(order)
                .toList();
        ApiResponse.Page page = (ApiResponse.Page) pagination.respond(matching,
                p -> render(p, request.accountId()));
        ObjectNode info = ((ObjectNode) page.resultInfo()).put("total_pages",
                (matching.size() + pagination.perPage() - 1) / pagination.perPage());
        return new ApiResponse.Page(page.result(), info);
    }

    /** CP2 {@code POST /custom-providers}. */
    ApiResponse create(ApiRequest request) {
        return ApiResponse.single(render(create(request.accountId(), request.jsonObjectBody()), request.accountId()));
    }

    /** Creates a provider from a CP2 body, validated as the API validates it. */
    public CustomProvider create(String accountId, ObjectNode body) {
        List<ApiException> failures = new ArrayList<>();
        for (String required : List.of("name", "slug", "base_url")) {
            if (!body.has(required) || body.get(required).isNull()) {
                failures.add(CustomProviderStore.invalid(required + " is required", List.of("body", required)));
            }
        }
        failures.addAll(check(body, false));
        throwAll(failures);
        Instant now = context.clock().now();
        CustomProvider created = apply(body, new CustomProvider(context.newInternalId().get(), "", "", "", now, now,
                null, null, null, null, false, false, null, null, null, null));
        return store.create(accountId, created);
    }

    /** CP3 {@code GET /custom-providers/{id}}. */
    ApiResponse get(ApiRequest request) {
        return ApiResponse.single(render(get(request.accountId(), request.param("id")), request.accountId()));
    }

    /** Returns a provider; 404/1004 when the account has none with this id. */
    public CustomProvider get(String accountId, String id) {
        return store.get(accountId, id);
    }

    /** Returns the account's providers in the list's default order: position (absent last), then name. */
    public List<CustomProvider> list(String accountId) {
        return store.list(accountId).stream().sorted(DEFAULT_ORDER).toList();
    }

    /** CP4 {@code PATCH /custom-providers/{id}}: any subset of CP2's members, plus {@code logo}. */
    ApiResponse update(ApiRequest request) {
        store.get(request.accountId(), request.param("id"));
        return ApiResponse.single(render(update(request.accountId(), request.param("id"), request.jsonObjectBody()),
                request.accountId()));
    }

    /** Changes the members a CP4 body gives, validated as the API validates it. */
    public CustomProvider update(String accountId, String id, ObjectNode body) {
        store.get(accountId, id);
        throwAll(check(body, true));
        Instant now = context.clock().now();
        return store.update(accountId, id, before -> {
            CustomProvider changed = apply(body, before);
            return new CustomProvider(changed.id(), changed.name(), changed.slug(), changed.baseUrl(),
                    changed.createdAt(), now, changed.description(), changed.link(), changed.curlExample(),
                    changed.jsExample(), changed.enable(), changed.beta(), changed.headers(),
                    changed.parsedHeaders(), changed.logo(), changed.position());
        });
    }

    /** CP5 {@code DELETE /custom-providers/{id}}: answers the deleted object. */
    ApiResponse delete(ApiRequest request) {
        return ApiResponse.single(render(delete(request.accountId(), request.param("id")), request.accountId()));
    }

    /** Deletes a provider and returns it as it was; 404/1004 when unknown. */
    public CustomProvider delete(String accountId, String id) {
        return store.delete(accountId, id);
    }

    /** Renders a provider; with the legacy account fields on, the docs' {@code account_id} and {@code account_tag}. */
    private ObjectNode render(CustomProvider provider, String accountId) {
        ObjectNode json = provider.toJson();
        if (context.legacyGatewayFields()) {
            json.put("account_id", accountId).put("account_tag", accountId);
        }
        return json;
    }

    private static List<ApiException> check(ObjectNode body, boolean patch) {
        List<ApiException> failures = new ArrayList<>();
        Map<String, JsonShape> shapes = new LinkedHashMap<>();
        shapes.put("name", JsonShape.text(1, 256));
        shapes.put("slug", new JsonShape.Text(1, 64, SLUG, "lower-case letters and digits in groups joined by '-'"));
        shapes.put("description", JsonShape.text(0, Integer.MAX_VALUE));
        shapes.put("link", JsonShape.text(0, Integer.MAX_VALUE));
        shapes.put("curl_example", JsonShape.text(0, Integer.MAX_VALUE));
        shapes.put("js_example", JsonShape.text(0, Integer.MAX_VALUE));
        shapes.put("enable", JsonShape.bool());
        shapes.put("beta", JsonShape.bool());
        shapes.put("headers", JsonShape.text(0, MAX_HEADERS));
        shapes.put("position", JsonShape.integer(Integer.MIN_VALUE, Integer.MAX_VALUE));
        if (patch) {
            shapes.put("logo", JsonShape.text(0, Integer.MAX_VALUE));
        }
        shapes.forEach((name, shape) -> {
            JsonNode value = body.get(name);
            if (value == null || value.isNull() && !patch && List.of("name", "slug").contains(name)) {
                return;
            }
            try {
                new JsonShape.Member(name, shape, false, false).check(body, List.of("body"));
                if (name.equals("headers")) {
                    parseHeaders(value.textValue());
                }
            } catch (ApiException e) {
                failures.add(as1002(e));
            }
        });
        JsonNode baseUrl = body.get("base_url");
        if (baseUrl != null && !(baseUrl.isNull() && !patch)) {
            httpsUrlProblem(baseUrl).ifPresent(failures::add);
        }
        return failures;
    }

    private static CustomProvider apply(ObjectNode body, CustomProvider p) {
        String headers = body.has("headers") ? body.get("headers").textValue() : p.headers();
        return new CustomProvider(p.id(), text(body, "name", p.name()), text(body, "slug", p.slug()),
                text(body, "base_url", p.baseUrl()), p.createdAt(), p.modifiedAt(),
                text(body, "description", p.description()), text(body, "link", p.link()),
                text(body, "curl_example", p.curlExample()), text(body, "js_example", p.jsExample()),
                body.has("enable") ? body.get("enable").booleanValue() : p.enable(),
                body.has("beta") ? body.get("beta").booleanValue() : p.beta(),
                headers, headers == null ? Map.of() : parseHeaders(headers),
                text(body, "logo", p.logo()),
                body.has("position") ? Integer.valueOf(body.get("position").intValue()) : p.position());
    }

    private static String text(ObjectNode body, String name, String otherwise) {
        return body.has(name) ? body.get(name).textValue() : otherwise;
    }

    /** Parses {@code headers}: a JSON object whose members are all strings; 400/1002 otherwise. */
    private static Map<String, String> parseHeaders(String text) {
        List<String> path = List.of("body", "headers");
        JsonNode parsed;
        try {
            parsed = Json.parse(text);
        } catch (JsonProcessingException e) {
            throw CustomProviderStore.invalid("headers: expected a JSON object of strings as a string, got text that"
                    + " is not JSON (" + e.getOriginalMessage() + ")", path).because(e);
        }
        if (!parsed.isObject()) {
            throw CustomProviderStore.invalid("headers: expected a JSON object of strings as a string, got "
                    + parsed.getNodeType().toString().toLowerCase(Locale.ROOT), path);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = parsed.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) {
                throw CustomProviderStore.invalid("headers: the value of \"" + e.getKey() + "\" must be a string",
                        path);
            }
            headers.put(e.getKey(), e.getValue().textValue());
        }
        return headers;
    }

    /** Returns the documented 400/1002 when {@code base_url} is not an HTTPS URL with a host, no query or fragment. */
    private static Optional<ApiException> httpsUrlProblem(JsonNode value) {
        ApiException problem = CustomProviderStore.invalid("base_url must be a valid HTTPS URL starting with https://",
                List.of("body", "base_url"));
        if (!value.isTextual() || !value.textValue().startsWith("https://")) {
            return Optional.of(problem);
        }
        try {
            URI uri = new URI(value.textValue());
            boolean fits = uri.getHost() != null && uri.getRawQuery() == null && uri.getRawFragment() == null;
            return fits ? Optional.empty() : Optional.of(problem);
        } catch (URISyntaxException e) {
            return Optional.of(problem.because(e));
        }
    }

    private static ApiException as1002(ApiException e) {
        ApiError error = e.error();
        String message = error.message().replaceFirst("^Input Validation Error: ", "");
        return ApiException.service(400, new ApiError(1002, message, error.path(), List.of())).because(e);
    }

    private static void throwAll(List<ApiException> failures) {
        if (failures.size() == 1) {
            throw failures.get(0);
        }
        if (!failures.isEmpty()) {
            throw ApiException.allOf(failures);
        }
    }

    private static String booleanFilter(ApiRequest request, String name) {
        return request.query(name).map(raw -> {
            if (!raw.equals("true") && !raw.equals("false")) {
                throw ApiException.validation(name + ": expected true or false, got \"" + raw + "\"",
                        List.of("query", name));
            }
            return raw;
        }).orElse(null);
    }

    /**
     * The list order: {@code order_by=<field> ASC|DESC} when given, else {@code position} ascending (absent last),
     * then {@code name} (management-api-2.md 3.2, Q-7).
     */
    private static Comparator<CustomProvider> order(ApiRequest request) {
        String raw = request.query("order_by").orElse(null);
        if (raw == null) {
            return DEFAULT_ORDER;
        }
        String[] parts = raw.trim().split("\\s+");
        String field = parts[0];
        String direction = parts.length > 1 ? parts[1].toUpperCase(Locale.ROOT) : "ASC";
        if (!ORDER_FIELDS.contains(field) || parts.length > 2 || !List.of("ASC", "DESC").contains(direction)) {
            throw ApiException.validation("order_by: expected one of " + String.join(", ", ORDER_FIELDS)
                    + ", then ASC or DESC, got \"" + raw + "\"", List.of("query", "order_by"));
        }
        Comparator<CustomProvider> chosen = switch (field) {
            case "name" -> Comparator.comparing(CustomProvider::name);
            case "slug" -> Comparator.comparing(CustomProvider::slug);
            case "position" -> BY_POSITION;
            case "created_at" -> Comparator.comparing(CustomProvider::createdAt);
            default -> Comparator.comparing(CustomProvider::modifiedAt);
        };
        return (direction.equals("DESC") ? chosen.reversed() : chosen).thenComparing(CustomProvider::id);
    }
}
