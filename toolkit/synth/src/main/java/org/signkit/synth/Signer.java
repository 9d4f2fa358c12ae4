package org.signkit.synth;

import java.util.SplittableRandom;

/**
 * A synthetic signer's appearance and proportions (all lengths in signer heights, colours BGR).
 *
 * @param id            signer id as used in file names ({@code s1}, {@code s2}, ...)
 * @param skin          skin colour
 * @param shirt         clothing colour
 * @param hair          hair colour
 * @param shoulderHalf  half the shoulder width
 * @param upperArm      shoulder to elbow
 * @param forearm       elbow to wrist
 * @param handSize      hand scale factor (1 = average)
 * @param headSize      head scale factor
 * @param offsetX       place in the frame: horizontal offset of the body centre, fraction of frame width
 * @param scale         size in the frame: signer height as a fraction of frame height
 */
public record Signer(String id, double[] skin, double[] shirt, double[] hair, double shoulderHalf, double upperArm,
                     double forearm, double handSize, double headSize, double offsetX, double scale) {

    private static final double[][] SKINS = {
        {140, 170, 220}, {95, 135, 190}, {60, 90, 140}, {120, 160, 215}, {45, 65, 105}, {110, 150, 200}};
    private static final double[][] SHIRTS = {
        {120, 120, 125}, {160, 90, 220}, {60, 110, 40}, {110, 50, 30}, {40, 40, 140}, {30, 30, 30}, {200, 200, 200}};
    private static final double[][] HAIRS = {{20, 25, 30}, {30, 50, 90}, {60, 90, 140}, {15, 15, 15}};

    /**
     * The {@code index}-th signer (1-based) of a dataset made with {@code seed}. The first two are fixed
     * contrasting people (like the study's two interpreters); more are drawn from the seed.
     */
    public static Signer of(int index, long seed) {
        SplittableRandom r = new SplittableRandom(seed * 1_000_003L + index);
        int skin = index == 1 ? 0 : index == 2 ? 2 : r.nextInt(SKINS.length);
        int shirt = index == 1 ? 0 : index == 2 ? 1 : r.nextInt(SHIRTS.length);
        int hair = index == 1 ? 0 : index == 2 ? 1 : r.nextInt(HAIRS.length);
        double build = index == 1 ? 1.05 : index == 2 ? 0.95 : 0.9 + 0.2 * r.nextDouble();
        double arm = index == 1 ? 1.0 : index == 2 ? 0.96 : 0.93 + 0.12 * r.nextDouble();
        double offset = index == 1 ? -0.03 : index == 2 ? 0.03 : -0.06 + 0.12 * r.nextDouble();
        double scale = index == 1 ? 1.0 : index == 2 ? 0.96 : 0.92 + 0.1 * r.nextDouble();
        return new Signer("s" + index, SKINS[skin], SHIRTS[shirt], HAIRS[hair], 0.11 * build, 0.145 * arm,
                0.135 * arm, index == 2 ? 0.95 : 0.95 + 0.1 * r.nextDouble(), index == 1 ? 1.0 : 0.97 + 0.06 * r.nextDouble(),
                offset, scale);
    }
}
