package org.signkit.synth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@link VideoTruth#atRest} marks the lead-in and the return to rest of a rendered take, not the sign. */
class RestFramesTest {

    @Test
    void restFramesAreTheTakesStartAndEnd() throws Exception {
        Sign sign = SignLibrary.study14().get(0);
        TakeStyle style = TakeStyle.draw(7);
        int n = (int) (style.seconds(sign) * 30);
        List<FrameTruth> frames = new ArrayList<>();
        TakeRenderer.Camera camera = new SynthOptions(1, 1, 1, List.of(30), false, 360, 640, 1, 1).camera();
        try (TakeRenderer r = new TakeRenderer(camera, Scene.trainingWall(), Signer.of(1, 1), 30)) {
            r.film(new SignAnimator(sign, style), n, 5, (bgr, truth) -> frames.add(truth));
        }
        VideoTruth take = new VideoTruth("v.mp4", sign.gloss(), "s1", "1", "capture30", 360, 640, 30, 0.025, 4,
                Scene.trainingWall(), style, frames);
        double tolerance = 16;
        assertTrue(take.atRest(0, tolerance));
        assertTrue(take.atRest(n - 1, tolerance), "the take ends back at rest");
        int middle = (int) ((style.lead() + 0.5 * sign.seconds() / style.speed()) * 30);
        assertFalse(take.atRest(middle, tolerance), "mid-sign frame " + middle);
        long rest = IntStream.range(0, n).filter(i -> take.atRest(i, tolerance)).count();
        int lead = (int) (style.lead() * 30);
        // The lead-in frames are at rest; the whole sign is not.
        assertTrue(IntStream.range(0, lead).allMatch(i -> take.atRest(i, tolerance)));
        assertTrue(rest >= lead && rest < n / 2, rest + " of " + n + " frames at rest");
    }
}
