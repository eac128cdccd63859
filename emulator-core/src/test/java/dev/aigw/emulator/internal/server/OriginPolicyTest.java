package dev.aigw.emulator.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** What {@link OriginPolicy} lets through, without sockets. */
class OriginPolicyTest {

    private final OriginPolicy loopbackOnly = OriginPolicy.of("127.0.0.1", Set.of());

    @Test
    void loopbackNamesAndAddressesAreAllowedWhateverThePort() {
        for (String host : new String[] {"localhost", "localhost:1", "Localhost.", "a.b.localhost", "127.0.0.1",
                "127.255.255.254:9", "[::1]", "[::1]:80", "[0:0:0:0:0:0:0:1]", "[::ffff:127.0.0.1]"}) {
            assertThat(loopbackOnly.refusal("GET", host, null, null)).as(host).isEmpty();
        }
    }

    @Test
    void lookalikesOfLoopbackAreRefused() {
        for (String host : new String[] {"evil.example", "127.0.0.1.nip.io", "localhost.evil.example",
                "notlocalhost", "127.0.0.256", "0.0.0.0", "[::]", "[fe80::1]", "", "10.0.0.5"}) {
            assertThat(loopbackOnly.refusal("GET", host, null, null)).as(host).isPresent();
        }
    }

    @Test
    void theBoundAddressIsAllowedUnlessItIsTheWildcard() {
        assertThat(OriginPolicy.of("10.0.0.5", Set.of()).refusal("GET", "10.0.0.5:8787", null, null)).isEmpty();
        assertThat(OriginPolicy.of("my-host", Set.of()).refusal("GET", "MY-HOST", null, null)).isEmpty();
        assertThat(OriginPolicy.of("::", Set.of()).refusal("GET", "[::]", null, null)).isPresent();
        assertThat(OriginPolicy.of("0.0.0.0", Set.of()).refusal("GET", "0.0.0.0", null, null)).isPresent();
    }

    @Test
    void anHttp10RequestWithoutHostIsAllowed() {
        assertThat(loopbackOnly.refusal("POST", null, null, null)).isEmpty();
    }

    @Test
    void onlyStateChangingRequestsAreJudgedByTheirOrigin() {
        for (String method : new String[] {"POST", "PUT", "PATCH", "DELETE", "post"}) {
            assertThat(loopbackOnly.refusal(method, "localhost", "https://evil.example", null)).as(method).isPresent();
        }
        assertThat(loopbackOnly.refusal("GET", "localhost", "https://evil.example", "cross-site")).isEmpty();
        assertThat(loopbackOnly.refusal("POST", "localhost", "http://localhost:3000", "same-site")).isEmpty();
        assertThat(loopbackOnly.refusal("POST", "localhost", "http://[::1]:3000", null)).isEmpty();
        assertThat(loopbackOnly.refusal("POST", "localhost", "null", null)).isPresent();
        assertThat(loopbackOnly.refusal("POST", "localhost", "not a uri", null)).isPresent();
        assertThat(loopbackOnly.refusal("POST", "localhost", null, "cross-site")).isPresent();
        assertThat(loopbackOnly.refusal("POST", "localhost", null, "same-origin")).isEmpty();
        assertThat(loopbackOnly.refusal("POST", "localhost", null, "none")).isEmpty();
    }

    @Test
    void allowedHostsAreComparedWithoutCaseAndStarAllowsAny() {
        OriginPolicy aliased = OriginPolicy.of("0.0.0.0", Set.of("AIGW", "[fd00::1]"));
        assertThat(aliased.refusal("POST", "aigw:8787", "http://aigw", null)).isEmpty();
        assertThat(aliased.refusal("GET", "[fd00::1]:1", null, null)).isEmpty();
        assertThat(aliased.refusal("GET", "other", null, null)).isPresent();
        assertThat(OriginPolicy.of("127.0.0.1", Set.of("*")).refusal("POST", "x", "http://y", null)).isEmpty();
    }

    @Test
    void hostFormsWithAPortPathOrSpaceAreNotHostNames() {
        assertThat(OriginPolicy.isHostForm("my-alias")).isTrue();
        assertThat(OriginPolicy.isHostForm("fd00::1")).isTrue();
        assertThat(OriginPolicy.isHostForm("[fd00::1]")).isTrue();
        assertThat(OriginPolicy.isHostForm("ab:8787")).isFalse();
        assertThat(OriginPolicy.isHostForm("a/b")).isFalse();
        assertThat(OriginPolicy.isHostForm("a b")).isFalse();
        assertThat(OriginPolicy.isHostForm("")).isFalse();
    }
}
