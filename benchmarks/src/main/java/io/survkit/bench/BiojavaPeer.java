package io.survkit.bench;

import io.survkit.data.Covariate;
import io.survkit.data.SurvivalData;
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
    public static ArrayList<SurvivalInfo> input(SurvivalData d) {
        ArrayList<SurvivalInfo> list = new ArrayList<>(d.size());
        for (int i = 0; i < d.size(); i++) {
            SurvivalInfo si = new SurvivalInfo(d.time(i), d.isEvent(i) ? 1 : 0);
            if (d.group() != null) {
                si.addUnknownDataTypeVariable(GROUP, d.group().level(d.group().code(i)));
            }
            for (Covariate c : d.covariates().values()) {
                si.addContinuousVariable(c.name(), c.value(i));
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
