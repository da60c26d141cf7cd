package io.squidmesh.web.request;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SameOriginFilterTest {

    @Test
    void requestsWithoutAnOriginAreNotFromABrowserPageAndPass() {
        assertTrue(SameOriginFilter.sameOrigin(null, "127.0.0.1:8080", null));
    }

    @Test
    void thePagesOwnOriginPasses() {
        assertTrue(SameOriginFilter.sameOrigin("http://127.0.0.1:8080", "127.0.0.1:8080", null));
        assertTrue(SameOriginFilter.sameOrigin("https://Ops.Example.com", "ops.example.com", null));
        assertTrue(SameOriginFilter.sameOrigin("https://ops.example.com", "10.0.0.5:8080", "ops.example.com, proxy.local"));
    }

    @Test
    void anotherSiteOrAnOpaqueOriginIsRefused() {
        assertFalse(SameOriginFilter.sameOrigin("http://evil.example", "127.0.0.1:8080", null));
        assertFalse(SameOriginFilter.sameOrigin("http://127.0.0.1:9999", "127.0.0.1:8080", null));
        assertFalse(SameOriginFilter.sameOrigin("http://127.0.0.1.evil.example:8080", "127.0.0.1:8080", null));
        assertFalse(SameOriginFilter.sameOrigin("null", "127.0.0.1:8080", null));
        assertFalse(SameOriginFilter.sameOrigin("not a url", "127.0.0.1:8080", null));
        assertFalse(SameOriginFilter.sameOrigin("http://evil.example", null, null));
    }
}
