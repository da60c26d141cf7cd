package io.squidmesh.persistence;

import java.util.function.Function;

/** Looks a status constant up by the name the schema stores. */
final class StatusNames {

    private StatusNames() {
    }

    /** The constant of {@code all} named {@code value}; an unknown name is a corrupt row, said so. */
    static <S> S named(S[] all, Function<S, String> name, String value, String what) {
        for (S status : all) {
            if (name.apply(status).equals(value)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown " + what + ": " + value);
    }
}
