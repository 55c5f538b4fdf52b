package io.survkit.regression;

import io.survkit.data.ModelFrame;
import io.survkit.data.Term;
import io.survkit.internal.Check;
import java.util.ArrayList;
import java.util.List;

/**
 * R {@code coxph}'s handling of {@code tt()} terms: the model frame is expanded to one block of rows
 * per event time (the rows at risk there, R's {@code coxcount1} / {@code coxcount2}), each
 * {@code tt(x)} column replaced by f(x, t) in its block, and the blocks fitted as strata. The
 * partial likelihood of the expanded data is the time-varying-covariate partial likelihood of the
 * original rows (each event time's factor only sees its risk set).
 */
final class TimeTransformedCovariates {
    private TimeTransformedCovariates() {
    }

    /**
     * @param frame a frame with {@code tt()} terms
     * @param functions one function for all {@code tt()} terms (R recycles a single function), or one per term
     * @return the expanded frame
     */
    static ModelFrame expand(ModelFrame frame, List<TimeTransformFunction> functions) {
        int terms = 0;
        for (Term t : frame.terms().terms()) {
            terms += t instanceof Term.TimeTransformed ? 1 : 0;
        }
        List<TimeTransformFunction> each = new ArrayList<>(terms);
        if (functions.size() == 1) {
            for (int k = 0; k < terms; k++) {
                each.add(functions.get(0));
            }
        } else if (functions.size() == terms) {
            each.addAll(functions);
        } else {
            // R: "Wrong length for tt argument"
            throw Check.fail("%d time transforms for %d tt() terms; give one for all or one per term",
                    functions.size(), terms);
        }
        return frame.atEventTimes(each);
    }
}
