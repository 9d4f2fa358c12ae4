package org.signkit.stats;

import java.util.List;
import java.util.Map;

/**
 * Repeated trials to compare: one value per trial, grouped by condition, and optionally the block of each
 * trial (a repeat that shares seed, split and data order across conditions), which allows paired tests.
 *
 * @param measure what was measured, in words ({@code validation accuracy})
 * @param values  condition → the trials' values, in condition order
 * @param blocks  condition → each value's block key (same order as its values), or null: independent trials
 */
public record Trials(String measure, Map<String, double[]> values, Map<String, List<String>> blocks) {
}
