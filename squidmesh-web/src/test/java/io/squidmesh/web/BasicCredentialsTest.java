package io.squidmesh.web;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BasicCredentialsTest {

    @Test
    void wellFormedBasicCredentialsOtherSchemesAndNoHeaderAreNotMalformed() {
        assertFalse(BasicCredentials.malformed(null));
        assertFalse(BasicCredentials.malformed("Basic " + base64("operator:operator-pass1!")));
        assertFalse(BasicCredentials.malformed("basic   " + base64("user:") + "  "));
        assertFalse(BasicCredentials.malformed("Bearer abc.def"));
        assertFalse(BasicCredentials.malformed("Basically anything"));
    }

    @Test
    void basicWithoutBase64OfUserColonPasswordIsMalformed() {
        assertTrue(BasicCredentials.malformed("Basic"));
        assertTrue(BasicCredentials.malformed("Basic "));
        assertTrue(BasicCredentials.malformed("Basic %%%not-base64%%%"));
        assertTrue(BasicCredentials.malformed("Basic abc"));
        assertTrue(BasicCredentials.malformed("BASIC " + base64("no colon here")));
        assertTrue(BasicCredentials.malformed("Basic " + Base64.getEncoder().encodeToString(new byte[] {(byte) 0xff, ':', 'x'})));
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
