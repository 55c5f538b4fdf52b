package io.survkit.cli;

import io.survkit.data.CsvSurvivalReader;
import io.survkit.data.SurvivalData;
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
        if (a.has("group")) {
            r.group(a.get("group"));
        }
        if (a.has("strata")) {
            r.strata(a.get("strata"));
        }
        if (a.has("weights")) {
            r.weights(a.get("weights"));
        }
        if (a.has("cluster")) {
            r.cluster(a.get("cluster"));
        }
        if (a.has("covariates")) {
            covariates(r, a.get("covariates"), a.command());
        }
        return r;
    }

    /** {@code age,sex,celltype:factor=squamous,stage:factor}. */
    static void covariates(CsvSurvivalReader r, String spec, String command) {
        for (String item : spec.split(",")) {
            String s = item.strip();
            if (s.isEmpty()) {
                continue;
            }
            int colon = s.indexOf(':');
            if (colon < 0) {
                r.numeric(s);
                continue;
            }
            String name = s.substring(0, colon);
            String type = s.substring(colon + 1);
            if (type.equals("numeric")) {
                r.numeric(name);
            } else if (type.equals("factor")) {
                r.factor(name);
            } else if (type.startsWith("factor=")) {
                r.factor(name, type.substring("factor=".length()));
            } else {
                throw new UsageException(command + ": covariate '" + s
                        + "': expected name, name:numeric, name:factor or name:factor=REFERENCE");
            }
        }
    }
}
