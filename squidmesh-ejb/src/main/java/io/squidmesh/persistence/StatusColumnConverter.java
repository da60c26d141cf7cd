package io.squidmesh.persistence;

import jakarta.persistence.AttributeConverter;

import java.util.function.Function;

/**
 * Stores a status enum as its SPEC name ({@code pending}, {@code running}, ...), the text the schema holds; one
 * subclass per status type, since JPA names converters by class.
 */
public abstract class StatusColumnConverter<S extends Enum<S>> implements AttributeConverter<S, String> {

    private final Function<S, String> name;
    private final Function<String, S> parse;

    protected StatusColumnConverter(Function<S, String> name, Function<String, S> parse) {
        this.name = name;
        this.parse = parse;
    }

    @Override
    public String convertToDatabaseColumn(S status) {
        return status == null ? null : name.apply(status);
    }

    @Override
    public S convertToEntityAttribute(String value) {
        return value == null ? null : parse.apply(value);
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
