package io.squidmesh.web;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * Tells a malformed HTTP BASIC {@code Authorization} header (RFC 7617: {@code Basic base64(user:password)})
 * from a well-formed one. The server's BASIC mechanism fails with an internal error on some malformed values
 * (text that is not base64), before any application code runs; {@link ContainerProblemServlet} uses this to
 * answer those requests as what they are, a caller without valid credentials (401).
 */
public final class BasicCredentials {

    private static final String SCHEME = "basic";

    private BasicCredentials() {
    }

    /**
     * True when the header names the BASIC scheme but what follows is not the base64 of UTF-8
     * {@code user:password}; false for no header, another scheme, or well-formed BASIC credentials.
     */
    public static boolean malformed(String authorization) {
        if (authorization == null) {
            return false;
        }
        String value = authorization.strip();
        int space = value.indexOf(' ');
        String scheme = (space < 0 ? value : value.substring(0, space)).toLowerCase(Locale.ROOT);
        if (!scheme.equals(SCHEME)) {
            return false;
        }
        String token = space < 0 ? "" : value.substring(space + 1).strip();
        if (token.isEmpty()) {
            return true;
        }
        try {
            byte[] decoded = Base64.getDecoder().decode(token);
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(decoded)).toString();
            return text.indexOf(':') < 0;
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return true;
        }
    }
}
