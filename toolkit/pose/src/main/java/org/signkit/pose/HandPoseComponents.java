package org.signkit.pose;

import java.util.ArrayList;
import java.util.List;
import org.signkit.hands.FrameHands;
import org.signkit.synth.FrameTruth;

/**
 * The components signkit writes, named as pose-format's MediaPipe Holistic files name them so that their readers and
 * visualisers work unchanged: each hand's 21 landmarks with MediaPipe's hand connections, the face box as two points
 * and BlazeFace's 6 face keypoints.
 */
public final class HandPoseComponents {

    /** MediaPipe's 21 hand landmark names, in landmark order. */
    public static final List<String> HAND_POINTS = List.of("WRIST", "THUMB_CMC", "THUMB_MCP", "THUMB_IP", "THUMB_TIP",
            "INDEX_FINGER_MCP", "INDEX_FINGER_PIP", "INDEX_FINGER_DIP", "INDEX_FINGER_TIP", "MIDDLE_FINGER_MCP",
            "MIDDLE_FINGER_PIP", "MIDDLE_FINGER_DIP", "MIDDLE_FINGER_TIP", "RING_FINGER_MCP", "RING_FINGER_PIP",
            "RING_FINGER_DIP", "RING_FINGER_TIP", "PINKY_MCP", "PINKY_PIP", "PINKY_DIP", "PINKY_TIP");

    /** MediaPipe's hand connections (palm and fingers). */
    static final int[][] HAND_LIMBS = {{0, 1}, {1, 2}, {2, 3}, {3, 4}, {0, 5}, {5, 6}, {6, 7}, {7, 8}, {5, 9}, {9, 10},
        {10, 11}, {11, 12}, {9, 13}, {13, 14}, {14, 15}, {15, 16}, {13, 17}, {0, 17}, {17, 18}, {18, 19}, {19, 20}};

    /** The left hand's component. */
    public static final String LEFT_HAND = "LEFT_HAND_LANDMARKS";
    /** The right hand's component. */
    public static final String RIGHT_HAND = "RIGHT_HAND_LANDMARKS";
    /** The face box component. */
    public static final String FACE_BOX = "FACE_BOX";
    /** BlazeFace's 6 face keypoints (eyes, nose tip, mouth centre, ear tragions). */
    public static final String FACE_KEYPOINTS = "FACE_KEYPOINTS";
    /** The body component, named as MediaPipe Holistic's (the landmarker's 33 points, or the truth's subset). */
    public static final String BODY = "POSE_LANDMARKS";
    /**
     * The body points a keypoint model reads (MediaPipe Pose names, the synthetic truth's set; pose-format's reduced
     * files keep a subset too).
     */
    public static final List<String> BODY_POINTS = FrameTruth.BODY_POINTS;

    private HandPoseComponents() {
    }

    /** Face box, face keypoints, left hand, right hand: 2 + 6 + 21 + 21 points, {@code XYZC}. */
    public static List<PoseComponent> all() {
        PoseComponent.Color white = new PoseComponent.Color(255, 255, 255);
        return List.of(new PoseComponent(FACE_BOX, "XYZC", List.of("TOP_LEFT", "BOTTOM_RIGHT"),
                        List.of(new PoseComponent.Limb(0, 1)), List.of(white)),
                // Eyes to the nose tip, the nose tip to the mouth.
                new PoseComponent(FACE_KEYPOINTS, "XYZC", FrameHands.FACE_KEYPOINTS, List.of(new PoseComponent.Limb(0, 2),
                        new PoseComponent.Limb(1, 2), new PoseComponent.Limb(2, 3)), List.of(white, white, white)),
                hand(LEFT_HAND, new PoseComponent.Color(0, 255, 0)), hand(RIGHT_HAND, new PoseComponent.Color(255, 128, 0)));
    }

    /**
     * {@link #all()} and the body component with {@code points} (MediaPipe Pose names), its limbs the shoulder line and
     * the arms where both ends are among the points.
     */
    public static List<PoseComponent> withBody(List<String> points) {
        List<PoseComponent> out = new ArrayList<>(all());
        String[][] limbs = {{"LEFT_SHOULDER", "RIGHT_SHOULDER"}, {"LEFT_SHOULDER", "LEFT_ELBOW"}, {"LEFT_ELBOW", "LEFT_WRIST"},
            {"RIGHT_SHOULDER", "RIGHT_ELBOW"}, {"RIGHT_ELBOW", "RIGHT_WRIST"}, {"LEFT_SHOULDER", "LEFT_HIP"},
            {"RIGHT_SHOULDER", "RIGHT_HIP"}, {"LEFT_HIP", "RIGHT_HIP"}};
        List<PoseComponent.Limb> l = new ArrayList<>();
        List<PoseComponent.Color> c = new ArrayList<>();
        for (String[] limb : limbs) {
            int from = points.indexOf(limb[0]);
            int to = points.indexOf(limb[1]);
            if (from >= 0 && to >= 0) {
                l.add(new PoseComponent.Limb(from, to));
                c.add(new PoseComponent.Color(0, 128, 255));
            }
        }
        out.add(0, new PoseComponent(BODY, "XYZC", points, l, c));
        return out;
    }

    private static PoseComponent hand(String name, PoseComponent.Color color) {
        List<PoseComponent.Limb> limbs = new ArrayList<>();
        List<PoseComponent.Color> colors = new ArrayList<>();
        for (int[] l : HAND_LIMBS) {
            limbs.add(new PoseComponent.Limb(l[0], l[1]));
            colors.add(color);
        }
        return new PoseComponent(name, "XYZC", HAND_POINTS, limbs, colors);
    }
}
