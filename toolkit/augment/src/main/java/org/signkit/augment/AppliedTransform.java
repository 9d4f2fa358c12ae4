package org.signkit.augment;

import java.util.Map;

/**
 * One transform as applied to one sample: its position in the pipeline, its name and the drawn
 * parameters — enough to apply it again to identical bytes.
 *
 * @param index  position in the pipeline
 * @param name   transform name
 * @param params the drawn parameters
 */
public record AppliedTransform(int index, String name, Map<String, Double> params) {
}
