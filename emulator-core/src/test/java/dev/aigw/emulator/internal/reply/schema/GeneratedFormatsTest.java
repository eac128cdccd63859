package dev.aigw.emulator.internal.reply.schema;

import static dev.aigw.emulator.internal.reply.schema.Generated.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each well-known string format gets its fixed example, which the validator (formats asserted) accepts and which
 * Java's own parsers read as that format.
 */
class GeneratedFormatsTest {

    /** A format, its example and a check of it that does not use the schema validator. */
    enum Format {
        DATE_TIME("date-time", "2025-01-01T00:00:00Z", s -> OffsetDateTime.parse(s) != null),
        DATE("date", "2025-01-01", s -> LocalDate.parse(s) != null),
        TIME("time", "00:00:00Z", s -> OffsetTime.parse(s) != null),
        DURATION("duration", "P1D", s -> Period.parse(s).getDays() == 1),
        EMAIL("email", "user@example.com", s -> s.matches("[a-z]+@[a-z]+\\.[a-z]+")),
        HOSTNAME("hostname", "example.com", s -> URI.create("https://" + s + "/").getHost().equals(s)),
        IPV4("ipv4", "192.0.2.1", s -> address(s) instanceof Inet4Address),
        IPV6("ipv6", "2001:db8::1", s -> address(s) instanceof Inet6Address),
        URI_("uri", "https://example.com/", s -> URI.create(s).isAbsolute()),
        UUID_("uuid", "00000000-0000-4000-8000-000000000000", s -> UUID.fromString(s).version() == 4);

        final String name;
        final String example;
        final Predicate<String> check;

        Format(String name, String example, Predicate<String> check) {
            this.name = name;
            this.example = example;
            this.check = check;
        }
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void aFormattedStringIsTheFormatsExample(Format format) {
        String json = json("{\"type\": \"string\", \"format\": \"" + format.name + "\"}");

        assertThat(json).isEqualTo("\"" + format.example + "\"");
        assertThat(format.check).accepts(format.example);
    }

    @Test
    void theFormatsListedAreTheFormatsGenerated() {
        assertThat(Formats.NAMES).containsExactlyInAnyOrder(
                Arrays.stream(Format.values()).map(f -> f.name).toArray(String[]::new));
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(literal + " is not an address literal", e);
        }
    }
}
