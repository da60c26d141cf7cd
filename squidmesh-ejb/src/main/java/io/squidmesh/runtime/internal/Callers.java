package io.squidmesh.runtime.internal;

import java.security.Principal;
import java.util.Set;

/**
 * Who called the facade, as the audit trail records it. The caller principal decides, never its name: a
 * real user called {@code guest} or {@code anonymous} is a caller like any other. A caller without an
 * identity of its own (an unauthenticated call, or code running under {@code @RunAs} without a run-as
 * principal, such as timers and message listeners) is the server's anonymous principal, which the server
 * makes of a class of its own ({@value #ELYTRON_ANONYMOUS} on WildFly).
 */
final class Callers {

    static final String ELYTRON_ANONYMOUS = "org.wildfly.security.auth.principal.AnonymousPrincipal";

    private static final Set<String> ANONYMOUS_PRINCIPAL_CLASSES = Set.of(ELYTRON_ANONYMOUS);

    private Callers() {
    }

    /** The authenticated caller's name, or null for a caller without an identity of its own. */
    static String name(Principal principal) {
        if (principal == null || anonymous(principal.getClass()) || principal.getName() == null
                || principal.getName().isBlank()) {
            return null;
        }
        return principal.getName();
    }

    static boolean anonymous(Class<?> principalClass) {
        for (Class<?> type = principalClass; type != null; type = type.getSuperclass()) {
            if (ANONYMOUS_PRINCIPAL_CLASSES.contains(type.getName())) {
                return true;
            }
        }
        return false;
    }
}
