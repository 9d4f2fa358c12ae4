package org.signkit.synth;

import java.util.ArrayList;
import java.util.List;

/**
 * The 14 synthetic signs, named after everyday Libras words. They are designed so that recognising
 * them needs the hands: OBRIGADO/BOM_DIA, AGUA/NOME, CARRO/TRABALHO, CASA/ESCOLA and AMIGO/DESCULPA share
 * a trajectory and differ only in hand shape; BOM_DIA/DESCULPA, AGUA/FAMILIA, ESCOLA/COMER and
 * TRABALHO/CASA share a hand shape and differ in movement or location. (The motions are invented for
 * the generator; they are not the Libras signs.)
 */
public final class SignLibrary {

    /** Right wrist at rest, hanging beside the hip. */
    static final HandPose RIGHT_REST = new HandPose(-0.1, 0.34, 180, 0.5, HandShape.FLAT);
    /** Left wrist at rest. */
    static final HandPose LEFT_REST = new HandPose(0.1, 0.34, 180, 0.5, HandShape.FLAT);

    private SignLibrary() {
    }

    /** All 14 signs, in a fixed order. */
    public static List<Sign> study14() {
        List<Sign> s = new ArrayList<>();
        double[][] foreheadArc = {{-0.03, -0.15}, {-0.09, -0.1}, {-0.14, -0.02}, {-0.16, 0.05}};
        double[][] chinTaps = {{-0.03, 0.03}, {-0.012, -0.06}, {-0.03, 0.0}, {-0.012, -0.06}, {-0.03, 0.03}};
        double[][] chestCircle = circle(-0.05, 0.12, 0.055, 9);
        double[][] sideToSide = {{-0.15, 0.1}, {0.0, 0.1}, {-0.15, 0.1}, {0.0, 0.1}};
        double[][] toMouth = {{-0.08, 0.13}, {-0.02, -0.075}, {-0.06, 0.04}, {-0.02, -0.075}};
        double[][] shoulderShake = {{-0.16, -0.03}, {-0.12, -0.03}, {-0.16, -0.03}, {-0.12, -0.03}, {-0.16, -0.03}};
        s.add(oneHand("OBRIGADO", 1.6, foreheadArc, HandShape.FLAT, 0, 0.9));
        s.add(oneHand("BOM_DIA", 1.6, foreheadArc, HandShape.Y, 0, 0.9));
        s.add(oneHand("AGUA", 1.8, chinTaps, HandShape.L, 10, 0.8));
        s.add(oneHand("NOME", 1.8, chinTaps, HandShape.V, 10, 0.8));
        s.add(steering("CARRO", HandShape.FIST));
        s.add(steering("TRABALHO", HandShape.FLAT));
        s.add(roof("CASA", HandShape.FLAT));
        s.add(roof("ESCOLA", HandShape.C));
        s.add(oneHand("AMIGO", 2.0, chestCircle, HandShape.POINT, 20, 0.8));
        s.add(oneHand("DESCULPA", 2.0, chestCircle, HandShape.Y, 20, 0.8));
        s.add(oneHand("COMER", 1.8, toMouth, HandShape.C, 15, 0.6));
        s.add(oneHand("FAMILIA", 1.6, sideToSide, HandShape.L, 0, 1.0));
        s.add(help());
        s.add(oneHand("BANCO", 1.4, shoulderShake, HandShape.OPEN, -10, 1.0));
        return List.copyOf(s);
    }

    private static double[][] circle(double cx, double cy, double r, int n) {
        double[][] p = new double[n][];
        for (int i = 0; i < n; i++) {
            double a = 2 * Math.PI * i / (n - 1);
            p[i] = new double[] {cx + r * Math.cos(a), cy + r * Math.sin(a)};
        }
        return p;
    }

    /** Rest, then the right hand through the points with one shape, then rest. */
    private static Sign oneHand(String gloss, double seconds, double[][] points, HandShape shape, double angle,
                                double facing) {
        List<Keyframe> k = new ArrayList<>();
        k.add(new Keyframe(0, RIGHT_REST, null));
        for (int i = 0; i < points.length; i++) {
            double t = 0.2 + 0.6 * i / (points.length - 1);
            k.add(new Keyframe(t, new HandPose(points[i][0], points[i][1], angle, facing, shape), null));
        }
        k.add(new Keyframe(1, RIGHT_REST, null));
        return new Sign(gloss, seconds, k);
    }

    /** Both fists/hands move up and down in antiphase, as turning a steering wheel. */
    private static Sign steering(String gloss, HandShape shape) {
        double[] ry = {0.1, 0.02, 0.14, 0.03, 0.12};
        List<Keyframe> k = new ArrayList<>();
        k.add(new Keyframe(0, RIGHT_REST, LEFT_REST));
        for (int i = 0; i < ry.length; i++) {
            double t = 0.2 + 0.6 * i / (ry.length - 1);
            double ly = 0.12 - (ry[i] - 0.08);
            k.add(new Keyframe(t, new HandPose(-0.085, ry[i], 10, 0.5, shape),
                    new HandPose(0.085, ly, -10, 0.5, shape)));
        }
        k.add(new Keyframe(1, RIGHT_REST, LEFT_REST));
        return new Sign(gloss, 2.2, k);
    }

    /** Both hands meet above the chest as a roof, then draw the walls down. */
    private static Sign roof(String gloss, HandShape shape) {
        List<Keyframe> k = new ArrayList<>();
        k.add(new Keyframe(0, RIGHT_REST, LEFT_REST));
        k.add(new Keyframe(0.25, new HandPose(-0.13, 0.1, 30, 0.9, shape), new HandPose(0.13, 0.1, -30, 0.9, shape)));
        k.add(new Keyframe(0.45, new HandPose(-0.025, -0.02, 40, 0.9, shape), new HandPose(0.025, -0.02, -40, 0.9, shape)));
        k.add(new Keyframe(0.6, new HandPose(-0.1, 0.05, 5, 0.9, shape), new HandPose(0.1, 0.05, -5, 0.9, shape)));
        k.add(new Keyframe(0.78, new HandPose(-0.1, 0.17, 0, 0.9, shape), new HandPose(0.1, 0.17, 0, 0.9, shape)));
        k.add(new Keyframe(1, RIGHT_REST, LEFT_REST));
        return new Sign(gloss, 2.4, k);
    }

    /** AJUDA: the left flat hand lifts the right thumbs-up fist. */
    private static Sign help() {
        HandPose leftLow = new HandPose(0.03, 0.16, -90, 0.4, HandShape.FLAT);
        HandPose leftHigh = new HandPose(0.03, 0.03, -90, 0.4, HandShape.FLAT);
        List<Keyframe> k = new ArrayList<>();
        k.add(new Keyframe(0, RIGHT_REST, LEFT_REST));
        k.add(new Keyframe(0.3, new HandPose(0.005, 0.12, 0, 0.6, HandShape.THUMB_UP), leftLow));
        k.add(new Keyframe(0.7, new HandPose(0.005, -0.01, 0, 0.6, HandShape.THUMB_UP), leftHigh));
        k.add(new Keyframe(1, RIGHT_REST, LEFT_REST));
        return new Sign("AJUDA", 1.8, k);
    }
}
