package io.survkit.validation;

import java.util.List;

/**
 * The scales of a {@link Nomogram}: one points axis per model term, the total-points axis, the
 * linear-predictor axis and one predicted-survival axis per time; what {@code rms::nomogram}
 * returns and {@code io.survkit.plot.NomogramPlot} draws.
 */
public final class NomogramScales {
    private final List<NomogramAxis> terms;
    private final NomogramAxis totalPoints;
    private final NomogramAxis linearPredictor;
    private final List<NomogramAxis> survival;
    private final double scale;
    private final double maxPoints;

    NomogramScales(List<NomogramAxis> terms, NomogramAxis totalPoints, NomogramAxis linearPredictor,
            List<NomogramAxis> survival, double scale, double maxPoints) {
        this.terms = List.copyOf(terms);
        this.totalPoints = totalPoints;
        this.linearPredictor = linearPredictor;
        this.survival = List.copyOf(survival);
        this.scale = scale;
        this.maxPoints = maxPoints;
    }

    /** {@return one axis per model term, in model order} */
    public List<NomogramAxis> terms() {
        return terms;
    }

    /** {@return the total-points axis (R {@code nom$total.points})} */
    public NomogramAxis totalPoints() {
        return totalPoints;
    }

    /** {@return the linear-predictor axis (R {@code nom$lp}), centred at the column means as rms does} */
    public NomogramAxis linearPredictor() {
        return linearPredictor;
    }

    /** {@return one predicted-survival axis per time} */
    public List<NomogramAxis> survival() {
        return survival;
    }

    /** {@return points per unit of linear predictor (R {@code attr(nom, "info")$sc})} */
    public double scale() {
        return scale;
    }

    /** {@return points of the term with the widest effect (R {@code maxscale}, default 100)} */
    public double maxPoints() {
        return maxPoints;
    }
}
