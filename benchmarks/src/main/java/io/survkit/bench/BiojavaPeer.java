package io.survkit.bench;

import io.survkit.data.ModelFrame;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import org.biojava.nbio.survival.cox.CoxInfo;
import org.biojava.nbio.survival.cox.CoxR;
import org.biojava.nbio.survival.cox.StrataInfo;
import org.biojava.nbio.survival.cox.SurvFitInfo;
import org.biojava.nbio.survival.cox.SurvivalInfo;
import org.biojava.nbio.survival.kaplanmeier.figure.SurvFitKM;

/**
 * biojava-survival 6.0.5, the JVM peer, called the way its own examples do: one
 * {@link SurvivalInfo} per subject (the group as a categorical variable, covariates as continuous
 * ones), {@link SurvFitKM} for Kaplan-Meier and {@link CoxR} for Cox (its default method, Efron).
 */
public final class BiojavaPeer {
    static final String GROUP = "group";

    private BiojavaPeer() {
    }

    /** The peer's input for these data: built once, outside the timed region. */
    public static ArrayList<SurvivalInfo> input(ModelFrame d, boolean grouped) {
        ArrayList<SurvivalInfo> list = new ArrayList<>(d.rowCount());
        io.survkit.data.Factor g = grouped ? d.groups().orElse(null) : null;
        java.util.List<String> names = d.columnNames();
        for (int i = 0; i < d.rowCount(); i++) {
            SurvivalInfo si = new SurvivalInfo(d.time(i), d.isEvent(i) ? 1 : 0);
            if (g != null) {
                si.addUnknownDataTypeVariable(GROUP, g.level(g.code(i)));
            } else {
                for (int j = 0; j < names.size(); j++) {
                    si.addContinuousVariable(names.get(j), d.value(i, j));
                }
            }
            list.add(si);
        }
        return list;
    }

    /** Kaplan-Meier curves by group. */
    public static LinkedHashMap<String, StrataInfo> kaplanMeier(ArrayList<SurvivalInfo> input) {
        try {
            SurvFitInfo info = new SurvFitKM().process(GROUP, input, false);
            return info.getStrataInfoHashMap();
        } catch (Exception e) {
            throw new IllegalStateException("biojava SurvFitKM failed", e);
        }
    }

    /** Cox model on the named continuous covariates. */
    public static CoxInfo cox(ArrayList<String> covariates, ArrayList<SurvivalInfo> input) {
        try {
            return new CoxR().process(covariates, input, false, true, false, false);
        } catch (Exception e) {
            throw new IllegalStateException("biojava CoxR failed", e);
        }
    }
}
