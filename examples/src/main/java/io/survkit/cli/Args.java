package io.survkit.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Parsed {@code --name value} options of one command. Flags without a value ({@code --json}) are
 * declared as such; an unknown option, a missing value or a malformed number is a
 * {@link UsageException} naming the option and the value.
 */
final class Args {
    private final String command;
    private final Map<String, String> values = new LinkedHashMap<>();

    private Args(String command) {
        this.command = command;
    }

    static Args parse(String command, String[] argv, int from, Set<String> options, Set<String> flags) {
        Args a = new Args(command);
        for (int i = from; i < argv.length; i++) {
            String arg = argv[i];
            if (!arg.startsWith("--")) {
                throw new UsageException(command + ": unexpected argument '" + arg + "'; options start with --");
            }
            String name = arg.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (flags.contains(name)) {
                a.values.put(name, value == null ? "true" : value);
                continue;
            }
            if (!options.contains(name)) {
                throw new UsageException(command + ": unknown option --" + name + "; expected one of "
                        + join(options, flags));
            }
            if (value == null) {
                if (i + 1 >= argv.length) {
                    throw new UsageException(command + ": option --" + name + " needs a value");
                }
                value = argv[++i];
            }
            a.values.put(name, value);
        }
        return a;
    }

    private static String join(Set<String> options, Set<String> flags) {
        List<String> all = new ArrayList<>();
        options.forEach(o -> all.add("--" + o));
        flags.forEach(f -> all.add("--" + f));
        return String.join(", ", all);
    }

    String command() {
        return command;
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    String get(String name) {
        return values.get(name);
    }

    String require(String name) {
        String v = values.get(name);
        if (v == null || v.isBlank()) {
            throw new UsageException(command + ": option --" + name + " is required");
        }
        return v;
    }

    String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    boolean flag(String name) {
        String v = values.get(name);
        return v != null && !v.equalsIgnoreCase("false");
    }

    double number(String name, double fallback) {
        String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        double x;
        try {
            x = Double.parseDouble(v.strip());
        } catch (NumberFormatException e) {
            throw new UsageException(command + ": option --" + name + " = '" + v + "' is not a number");
        }
        if (!Double.isFinite(x)) {
            throw new UsageException(command + ": option --" + name + " = '" + v + "' is not a finite number");
        }
        return x;
    }

    double[] numbers(String name) {
        String v = values.get(name);
        if (v == null || v.isBlank()) {
            return new double[0];
        }
        String[] parts = v.split(",");
        double[] r = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                r[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new UsageException(command + ": option --" + name + " item " + (i + 1) + " = '" + parts[i]
                        + "' is not a number; expected numbers separated by commas");
            }
            if (!Double.isFinite(r[i])) {
                throw new UsageException(command + ": option --" + name + " item " + (i + 1) + " = '" + parts[i]
                        + "' is not a finite number; expected finite numbers separated by commas");
            }
        }
        return r;
    }

    Boolean bool(String name) {
        String v = values.get(name);
        if (v == null) {
            return null;
        }
        switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "true":
            case "yes":
                return Boolean.TRUE;
            case "false":
            case "no":
                return Boolean.FALSE;
            default:
                throw new UsageException(command + ": option --" + name + " = '" + v + "'; expected true or false");
        }
    }

    <E extends Enum<E>> E choice(String name, Map<String, E> choices, E fallback) {
        String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        E e = choices.get(v.strip().toLowerCase(Locale.ROOT));
        if (e == null) {
            throw new UsageException(command + ": option --" + name + " = '" + v + "'; expected one of "
                    + choices.keySet());
        }
        return e;
    }
}
