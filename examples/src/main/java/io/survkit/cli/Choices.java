package io.survkit.cli;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The allowed words of an option that picks one of a library enum's values ({@code --conf-type
 * log-log}): a picocli converter and the list of candidates that the help prints
 * ({@code ${COMPLETION-CANDIDATES}}). A subclass lists the words in the order the help shows them.
 *
 * @param <E> the library's enum
 */
abstract class Choices<E> implements ITypeConverter<E>, Iterable<String> {
    private final Map<String, E> words = new LinkedHashMap<>();

    /** Adds a word (lower case, as typed) and its value. */
    protected final Choices<E> add(String word, E value) {
        words.put(word, value);
        return this;
    }

    @Override
    public final E convert(String value) {
        E e = words.get(value.strip().toLowerCase(Locale.ROOT));
        if (e == null) {
            throw new TypeConversionException("'" + value + "'; expected one of " + String.join(", ", words.keySet()));
        }
        return e;
    }

    @Override
    public final Iterator<String> iterator() {
        return words.keySet().iterator();
    }
}
