package org.signkit.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signkit.core.BadInputException;
import org.signkit.hands.SigningSpace;

/** Annotation files, ELAN's hostile or broken input, the motion rule and the annotation trim. */
class AnnotationsTest {

    @TempDir
    Path dir;

    @Test
    void eafFilesThatAreNotElanOrCarryEntitiesAreRefusedNamingTheFile() throws Exception {
        Path doctype = dir.resolve("xxe.eaf");
        Files.writeString(doctype, "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<ANNOTATION_DOCUMENT><TIER TIER_ID=\"gloss\">&x;</TIER></ANNOTATION_DOCUMENT>");
        BadInputException e = assertThrows(BadInputException.class, () -> Eaf.read(doctype));
        assertTrue(e.getMessage().startsWith(doctype.toString()) && e.getMessage().contains("not well-formed"), e.getMessage());
        Path other = dir.resolve("other.eaf");
        Files.writeString(other, "<html/>");
        assertTrue(assertThrows(BadInputException.class, () -> Eaf.read(other)).getMessage().contains("not an ELAN file"));
        Path backwards = dir.resolve("backwards.eaf");
        Files.writeString(backwards, "<ANNOTATION_DOCUMENT><TIME_ORDER><TIME_SLOT TIME_SLOT_ID=\"t1\" TIME_VALUE=\"900\"/>"
                + "<TIME_SLOT TIME_SLOT_ID=\"t2\" TIME_VALUE=\"400\"/></TIME_ORDER><TIER TIER_ID=\"gloss\"><ANNOTATION>"
                + "<ALIGNABLE_ANNOTATION ANNOTATION_ID=\"a1\" TIME_SLOT_REF1=\"t1\" TIME_SLOT_REF2=\"t2\"><ANNOTATION_VALUE>X"
                + "</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION></TIER></ANNOTATION_DOCUMENT>");
        assertTrue(assertThrows(BadInputException.class, () -> Eaf.read(backwards)).getMessage().contains("not after its start"));
    }

    @Test
    void anExportedEafReadsBackTheSameTiersTimesAndValues() throws Exception {
        List<Annotation> in = List.of(new Annotation("videos/train/A/s1_1.mp4", "gloss", 120, 980, "A", Annotation.Origin.MANUAL),
                new Annotation("videos/train/A/s1_1.mp4", "mouthing", 300, 700, "a <b> & \"c\"", Annotation.Origin.MANUAL));
        Path f = dir.resolve("a.eaf");
        Files.writeString(f, Eaf.write(in, "../videos/train/A/s1_1.mp4"));
        Eaf.Content c = Eaf.read(f);
        assertEquals("../videos/train/A/s1_1.mp4", c.media());
        assertEquals(List.of(new Eaf.Read("gloss", 120, 980, "A"), new Eaf.Read("mouthing", 300, 700, "a <b> & \"c\"")), c.annotations());
    }

    @Test
    void glossIdsOutsideTheGlossListAndBadRowsAreRefused() throws Exception {
        DatasetLayout layout = DatasetKit.init(new DatasetLayout(dir.resolve("ds")), "T", "LSX", "XX", List.of("HELLO"));
        Files.writeString(layout.importIndex(), String.join(",", ImportedVideo.COLUMNS) + "\n"
                + "videos/train/HELLO/s1_1.mp4,train,HELLO,s1,1,x,abc,1,30.0,false,0,96,160,1.0,30,\n");
        BadInputException unknown = assertThrows(BadInputException.class, () -> Annotations.replace(layout,
                "videos/train/HELLO/s1_1.mp4", List.of(new Annotation("videos/train/HELLO/s1_1.mp4", "gloss", 0, 500, "BYE",
                        Annotation.Origin.MANUAL))));
        assertTrue(unknown.getMessage().contains("gloss ID 'BYE'") && unknown.getMessage().contains("glosses.csv"), unknown.getMessage());
        assertThrows(BadInputException.class, () -> Annotations.replace(layout, "videos/train/HELLO/s9_1.mp4", List.of()));
        Files.writeString(layout.annotations(), String.join(",", Annotation.COLUMNS) + "\nvideos/train/HELLO/s1_1.mp4,gloss,700,300,HELLO,manual\n");
        BadInputException backwards = assertThrows(BadInputException.class, () -> Annotations.read(layout));
        assertTrue(backwards.getMessage().contains("line 2") && backwards.getMessage().contains("0 <= start < end"), backwards.getMessage());
    }

    @Test
    void motionEnergyFindsTheMovingStretchAndNothingInStillVideo() {
        double[] energy = {0.3, 0.2, 0.3, 0.2, 4, 9, 12, 10, 8, 0.4, 0.3, 0.2};
        // Smoothed: 0.25 0.27 0.23 1.5 4.4 8.3 10.3 10 6.1 2.9 0.3 0.25; rest (lower quartile) 0.27, peak 10.3, so the
        // threshold is 2.78: frames 4..9 move, and the sign starts a frame before the first change.
        assertArrayEquals(new int[] {3, 9}, SignSpanSuggester.moving(energy));
        assertNull(SignSpanSuggester.moving(new double[] {0.3, 0.4, 0.3, 0.5, 0.3, 0.4}), "sensor noise is not a sign");
    }

    @Test
    void theAnnotationTrimKeepsTheFramesInsideTheSpan() {
        List<Double> t = List.of(0.0, 0.1, 0.2, 0.3, 0.4, 0.5);
        assertArrayEquals(new int[] {2, 4}, SigningSpace.annotationTrim(t, new SigningSpace.Span(0.2, 0.5)));
        assertNull(SigningSpace.annotationTrim(t, new SigningSpace.Span(0.8, 0.9)));
    }
}
