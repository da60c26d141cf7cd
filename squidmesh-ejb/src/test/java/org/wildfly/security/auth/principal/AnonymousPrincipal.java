package org.wildfly.security.auth.principal;

import java.security.Principal;

/** A stand-in for WildFly Elytron's anonymous principal (not on the unit tests' class path), named "anonymous" like it. */
public final class AnonymousPrincipal implements Principal {

    @Override
    public String getName() {
        return "anonymous";
    }
}
