package org.signkit.synth;

import java.util.List;

/**
 * Evaluates a sign's choreography at a time: positions follow a Catmull-Rom spline through the
 * keyframes (smooth, so speed varies continuously and motion blur is realistic), angles and palm facing
 * blend linearly and finger curls blend with an ease, so hand shapes articulate between keyframes.
 */
public final class SignAnimator {

    /** The figure's pose at one instant. */
    public record Pose(HandState right, HandState left, double headDx, double headDy, double headTilt,
                       double torsoDx) {
    }

    private final Sign sign;
    private final TakeStyle style;

    public SignAnimator(Sign sign, TakeStyle style) {
        this.sign = sign;
        this.style = style;
    }

    /** The pose {@code seconds} after the take starts. */
    public Pose at(double seconds) {
        double u = (seconds - style.lead()) * style.speed() / sign.seconds();
        u = Math.max(0, Math.min(1, u));
        u = Math.max(0, Math.min(1, u + style.jitter() * Math.sin(2 * Math.PI * u + style.jitterPhase()) * u * (1 - u) * 4));
        double sway = Math.sin(2 * Math.PI * 0.4 * seconds + style.swayPhase());
        return new Pose(hand(u, true), hand(u, false), style.sway() * sway,
                style.sway() * 0.5 * Math.cos(2 * Math.PI * 0.3 * seconds + style.swayPhase()), 3 * sway,
                style.sway() * 0.6 * sway);
    }

    private HandState hand(double u, boolean right) {
        List<Keyframe> k = sign.keyframes();
        int i = 0;
        while (i < k.size() - 2 && u > k.get(i + 1).t()) {
            i++;
        }
        Keyframe a = k.get(i);
        Keyframe b = k.get(i + 1);
        double s = (u - a.t()) / (b.t() - a.t());
        s = Math.max(0, Math.min(1, s));
        HandPose p0 = pose(k.get(Math.max(0, i - 1)), right);
        HandPose p1 = pose(a, right);
        HandPose p2 = pose(b, right);
        HandPose p3 = pose(k.get(Math.min(k.size() - 1, i + 2)), right);
        double x = catmullRom(p0.x(), p1.x(), p2.x(), p3.x(), s);
        double y = catmullRom(p0.y(), p1.y(), p2.y(), p3.y(), s);
        double ease = s * s * (3 - 2 * s);
        double[] curls = new double[5];
        for (int f = 0; f < 5; f++) {
            curls[f] = lerp(p1.shape().curl(f), p2.shape().curl(f), ease);
        }
        return new HandState(x, y, lerp(p1.angle(), p2.angle(), ease), lerp(p1.facing(), p2.facing(), ease), curls,
                lerp(p1.shape().spread(), p2.shape().spread(), ease));
    }

    private HandPose pose(Keyframe k, boolean right) {
        HandPose p = right ? k.right() : k.left();
        HandPose rest = right ? SignLibrary.RIGHT_REST : SignLibrary.LEFT_REST;
        if (p == null) {
            return rest;
        }
        if (p == rest) {
            return p;
        }
        // Amplitude scales excursions around the centre of the signing space.
        double cx = right ? -0.04 : 0.04;
        double cy = 0.06;
        return new HandPose(cx + (p.x() - cx) * style.amplitude(), cy + (p.y() - cy) * style.amplitude(), p.angle(),
                p.facing(), p.shape());
    }

    private static double catmullRom(double p0, double p1, double p2, double p3, double t) {
        double t2 = t * t;
        double t3 = t2 * t;
        return 0.5 * (2 * p1 + (-p0 + p2) * t + (2 * p0 - 5 * p1 + 4 * p2 - p3) * t2 + (-p0 + 3 * p1 - 3 * p2 + p3) * t3);
    }

    private static double lerp(double a, double b, double t) {
        return a + (b - a) * t;
    }
}
