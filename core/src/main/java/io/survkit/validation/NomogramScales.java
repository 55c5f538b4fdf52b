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

    /** One axis per model term, in model order. */
    public List<NomogramAxis> terms() {
        return terms;
    }

    /** The total-points axis (R {@code nom$total.points}). */
    public NomogramAxis totalPoints() {
        return totalPoints;
    }

    /** The linear-predictor axis (R {@code nom$lp}), centred at the column means as rms does. */
    public NomogramAxis linearPredictor() {
        return linearPredictor;
    }

    /** One predicted-survival axis per time. */
    public List<NomogramAxis> survival() {
        return survival;
    }

    /** Points per unit of linear predictor (R {@code attr(nom, "info")$sc}). */
    public double scale() {
        return scale;
    }

    /** Points of the term with the widest effect (R {@code maxscale}, default 100). */
    public double maxPoints() {
        return maxPoints;
    }
}
