package io.squidmesh.runtime.internal;

import org.junit.jupiter.api.Test;

import java.security.Principal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CallersTest {

    /** A user of the realm, whatever its name. */
    private record User(String getName) implements Principal {
    }

    @Test
    void aRealUserIsTheCallerWhateverItsName() {
        assertEquals("guest", Callers.name(new User("guest")));
        assertEquals("anonymous", Callers.name(new User("anonymous")));
        assertEquals("ANONYMOUS", Callers.name(new User("ANONYMOUS")));
        assertEquals("operator", Callers.name(new User("operator")));
    }

    @Test
    void noPrincipalOrNoNameIsNoCaller() {
        assertNull(Callers.name(null));
        assertNull(Callers.name(new User(null)));
        assertNull(Callers.name(new User(" ")));
    }

    @Test
    void theServersAnonymousPrincipalIsNoCallerByItsClass() {
        assertNull(Callers.name(new org.wildfly.security.auth.principal.AnonymousPrincipal()));
        assertTrue(Callers.anonymous(org.wildfly.security.auth.principal.AnonymousPrincipal.class));
        assertFalse(Callers.anonymous(User.class));
    }
}
