package io.survkit.cli;

import io.survkit.data.CsvSurvivalReader;
import io.survkit.data.SurvivalData;
import io.survkit.data.Term;
import io.survkit.data.Terms;
import java.util.ArrayList;
import java.util.List;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/** The data options shared by the commands: which file, which columns mean what. */
final class DataOptions {
    static final Set<String> OPTIONS = Set.of("data", "time", "start", "event", "event-value", "group", "strata",
            "weights", "cluster", "covariates", "censor-value", "delimiter");

    private DataOptions() {
    }

    /** A reader with file, time, start, event, group, strata, weights and cluster set. */
    static CsvSurvivalReader reader(Args a) {
        Path file = Path.of(a.require("data"));
        if (!Files.isReadable(file)) {
            throw new UsageException(a.command() + ": --data " + file + ": no such readable file");
        }
        CsvSurvivalReader r = SurvivalData.csv(file).time(a.require("time"));
        if (a.has("delimiter")) {
            String d = a.get("delimiter");
            r.delimiter(d.equals("tab") || d.equals("\\t") ? '\t' : d.charAt(0));
        }
        if (a.has("start")) {
            r.start(a.get("start"));
        }
        if (a.has("censor-value")) {
            r.causes(a.require("event"), a.get("censor-value"));
        } else {
            r.event(a.require("event"), a.require("event-value").split(","));
        }
        if (a.has("weights")) {
            r.weights(a.get("weights"));
        }
        if (a.has("cluster")) {
            r.cluster(a.get("cluster"));
        }
        return r;
    }

    /**
     * The model of the command line: {@code --group} (a column as it is), {@code --covariates}
     * when {@code withCovariates}, {@code --strata}.
     */
    static Terms terms(Args a, boolean withGroup, boolean withCovariates) {
        List<Term> t = new ArrayList<>();
        if (withGroup && a.has("group")) {
            t.add(Terms.variable(a.get("group")));
        }
        if (withCovariates && a.has("covariates")) {
            covariates(t, a.get("covariates"), a.command());
        }
        if (a.has("strata")) {
            t.add(Terms.strata(a.get("strata")));
        }
        return Terms.of(t.toArray(new Term[0]));
    }

    /** {@code age,sex,celltype:factor=squamous,stage:factor}. */
    static void covariates(List<Term> r, String spec, String command) {
        for (String item : spec.split(",")) {
            String s = item.strip();
            if (s.isEmpty()) {
                continue;
            }
            int colon = s.indexOf(':');
            if (colon < 0) {
                r.add(Terms.variable(s));
                continue;
            }
            String name = s.substring(0, colon);
            String type = s.substring(colon + 1);
            if (type.equals("numeric")) {
                r.add(Terms.numeric(name));
            } else if (type.equals("factor")) {
                r.add(Terms.factor(name));
            } else if (type.startsWith("factor=")) {
                r.add(Terms.factor(name, type.substring("factor=".length())));
            } else {
                throw new UsageException(command + ": covariate '" + s
                        + "': expected name, name:numeric, name:factor or name:factor=REFERENCE");
            }
        }
    }
}
