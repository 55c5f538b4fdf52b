/**
 * PNG and vector PDF output of survkit's SVG figures ({@link io.survkit.render.FigureRenderer}), in
 * a module of its own so that {@code survkit-core} stays free of rendering libraries.
 */
package io.survkit.render;
