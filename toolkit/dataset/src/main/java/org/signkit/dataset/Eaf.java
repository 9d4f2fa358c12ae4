package org.signkit.dataset;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.signkit.core.BadInputException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * ELAN annotation files (EAF 3.0, {@code http://www.mpi.nl/tools/elan/EAFv3.0.xsd}) ↔ signkit annotations. Export
 * writes one time-aligned tier per signkit tier, linked to the video by a relative media URL. Import reads every tier:
 * alignable annotations keep their time slots, and symbolic (reference) annotations take their parent's times, so an
 * ELAN gloss tier with a dependent translation tier comes in whole. Time slots without a value (ELAN's unaligned
 * slots) take the time of the nearest aligned slot before and after, as ELAN shows them.
 */
public final class Eaf {

    /** The EAF version written. */
    public static final String FORMAT = "3.0";

    /**
     * An annotation read from an EAF file.
     *
     * @param tier    its tier
     * @param startMs start
     * @param endMs   end
     * @param value   its text
     */
    public record Read(String tier, long startMs, long endMs, String value) {
    }

    /**
     * An EAF file read.
     *
     * @param media       the media file it annotates: the relative URL when given, else the media URL; empty if none
     * @param annotations every annotation of every tier
     */
    public record Content(String media, List<Read> annotations) {
    }

    private Eaf() {
    }

    /**
     * The EAF document of one video's annotations.
     *
     * @param relativeMedia the video's path relative to where the EAF file will lie (ELAN's RELATIVE_MEDIA_URL)
     */
    public static String write(List<Annotation> ofVideo, String relativeMedia) {
        try {
            Document doc = newBuilder().newDocument();
            Element root = doc.createElement("ANNOTATION_DOCUMENT");
            doc.appendChild(root);
            root.setAttribute("AUTHOR", "signkit");
            root.setAttribute("DATE", OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)
                    .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            root.setAttribute("FORMAT", FORMAT);
            root.setAttribute("VERSION", FORMAT);
            root.setAttribute("xmlns:xsi", XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI);
            root.setAttribute("xsi:noNamespaceSchemaLocation", "http://www.mpi.nl/tools/elan/EAFv3.0.xsd");
            Element header = child(doc, root, "HEADER");
            header.setAttribute("MEDIA_FILE", "");
            header.setAttribute("TIME_UNITS", "milliseconds");
            Element media = child(doc, header, "MEDIA_DESCRIPTOR");
            String name = relativeMedia.substring(relativeMedia.lastIndexOf('/') + 1);
            media.setAttribute("MEDIA_URL", "file:///" + name);
            media.setAttribute("MIME_TYPE", mime(name));
            media.setAttribute("RELATIVE_MEDIA_URL", relativeMedia.startsWith(".") ? relativeMedia : "./" + relativeMedia);
            Element lastId = child(doc, header, "PROPERTY");
            lastId.setAttribute("NAME", "lastUsedAnnotationId");
            lastId.setTextContent(Integer.toString(ofVideo.size()));
            Element order = child(doc, root, "TIME_ORDER");
            Map<String, List<Annotation>> tiers = new LinkedHashMap<>();
            tiers.put(Annotation.GLOSS_TIER, new ArrayList<>());
            ofVideo.forEach(a -> tiers.computeIfAbsent(a.tier(), k -> new ArrayList<>()).add(a));
            int slot = 0;
            int id = 0;
            List<Element> tierElements = new ArrayList<>();
            for (Map.Entry<String, List<Annotation>> t : tiers.entrySet()) {
                Element tier = doc.createElement("TIER");
                tier.setAttribute("LINGUISTIC_TYPE_REF", "default-lt");
                tier.setAttribute("TIER_ID", t.getKey());
                for (Annotation a : t.getValue()) {
                    String s1 = "ts" + (++slot);
                    timeSlot(doc, order, s1, a.startMs());
                    String s2 = "ts" + (++slot);
                    timeSlot(doc, order, s2, a.endMs());
                    Element ann = child(doc, tier, "ANNOTATION");
                    Element al = child(doc, ann, "ALIGNABLE_ANNOTATION");
                    al.setAttribute("ANNOTATION_ID", "a" + (++id));
                    al.setAttribute("TIME_SLOT_REF1", s1);
                    al.setAttribute("TIME_SLOT_REF2", s2);
                    child(doc, al, "ANNOTATION_VALUE").setTextContent(a.value());
                }
                tierElements.add(tier);
            }
            tierElements.forEach(root::appendChild);
            Element type = child(doc, root, "LINGUISTIC_TYPE");
            type.setAttribute("GRAPHIC_REFERENCES", "false");
            type.setAttribute("LINGUISTIC_TYPE_ID", "default-lt");
            type.setAttribute("TIME_ALIGNABLE", "true");
            Transformer tf = TransformerFactory.newInstance().newTransformer();
            tf.setOutputProperty(OutputKeys.INDENT, "yes");
            tf.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            tf.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "4");
            StringWriter out = new StringWriter();
            tf.transform(new DOMSource(doc), new StreamResult(out));
            return out.toString();
        } catch (ParserConfigurationException | TransformerException e) {
            throw new IllegalStateException("the JDK's XML support failed: " + e.getMessage(), e);
        }
    }

    /** Reads an EAF file (any 2.x or 3.x ELAN writes). */
    public static Content read(Path file) throws IOException {
        Document doc;
        try {
            try (var in = Files.newInputStream(file)) {
                doc = newBuilder().parse(in);
            }
        } catch (SAXException e) {
            throw new BadInputException(file, "not well-formed XML: " + e.getMessage(), "save it again from ELAN (File > Save)");
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML support failed: " + e.getMessage(), e);
        }
        Element root = doc.getDocumentElement();
        if (!"ANNOTATION_DOCUMENT".equals(root.getTagName())) {
            throw new BadInputException(file, "not an ELAN file (root element " + root.getTagName() + ")",
                    "give an .eaf file saved by ELAN");
        }
        String media = "";
        NodeList descriptors = root.getElementsByTagName("MEDIA_DESCRIPTOR");
        if (descriptors.getLength() > 0) {
            Element d = (Element) descriptors.item(0);
            media = !d.getAttribute("RELATIVE_MEDIA_URL").isEmpty() ? d.getAttribute("RELATIVE_MEDIA_URL") : d.getAttribute("MEDIA_URL");
        }
        Map<String, Long> slots = slots(file, root);
        Map<String, long[]> timesById = new HashMap<>();
        List<Element> refs = new ArrayList<>();
        List<Read> out = new ArrayList<>();
        List<Object[]> pending = new ArrayList<>();
        for (Element tier : elements(root, "TIER")) {
            String tierId = tier.getAttribute("TIER_ID");
            for (Element ann : elements(tier, "ANNOTATION")) {
                for (Element a : elements(ann, "ALIGNABLE_ANNOTATION")) {
                    long s = time(file, slots, a.getAttribute("TIME_SLOT_REF1"));
                    long e = time(file, slots, a.getAttribute("TIME_SLOT_REF2"));
                    timesById.put(a.getAttribute("ANNOTATION_ID"), new long[] {s, e});
                    pending.add(new Object[] {tierId, a, null});
                }
                for (Element a : elements(ann, "REF_ANNOTATION")) {
                    refs.add(a);
                    pending.add(new Object[] {tierId, a, a.getAttribute("ANNOTATION_REF")});
                }
            }
        }
        // Reference annotations point at a parent, which may itself be a reference: resolve until all have times.
        for (int pass = 0; pass <= refs.size(); pass++) {
            for (Element a : refs) {
                long[] parent = timesById.get(a.getAttribute("ANNOTATION_REF"));
                if (parent != null) {
                    timesById.putIfAbsent(a.getAttribute("ANNOTATION_ID"), parent);
                }
            }
        }
        for (Object[] p : pending) {
            Element a = (Element) p[1];
            long[] t = timesById.get(a.getAttribute("ANNOTATION_ID"));
            if (t == null) {
                throw new BadInputException(file, "annotation " + a.getAttribute("ANNOTATION_ID") + " refers to "
                        + p[2] + ", which is not in the file", "save the file again from ELAN");
            }
            if (t[1] <= t[0]) {
                throw new BadInputException(file, "annotation " + a.getAttribute("ANNOTATION_ID") + " on tier " + p[0]
                        + " ends at " + t[1] + " ms, not after its start " + t[0] + " ms", "fix its times in ELAN");
            }
            out.add(new Read((String) p[0], t[0], t[1], text(a)));
        }
        return new Content(media, out);
    }

    private static Map<String, Long> slots(Path file, Element root) {
        List<String> ids = new ArrayList<>();
        Map<String, Long> values = new HashMap<>();
        for (Element order : elements(root, "TIME_ORDER")) {
            for (Element s : elements(order, "TIME_SLOT")) {
                ids.add(s.getAttribute("TIME_SLOT_ID"));
                if (!s.getAttribute("TIME_VALUE").isEmpty()) {
                    try {
                        values.put(s.getAttribute("TIME_SLOT_ID"), Long.parseLong(s.getAttribute("TIME_VALUE").trim()));
                    } catch (NumberFormatException e) {
                        throw new BadInputException(file, "time slot " + s.getAttribute("TIME_SLOT_ID") + " has the value '"
                                + s.getAttribute("TIME_VALUE") + "', not whole milliseconds", "save the file again from ELAN");
                    }
                }
            }
        }
        // Unaligned slots: ELAN interpolates them between their aligned neighbours in time order.
        Map<String, Long> out = new HashMap<>(values);
        for (int i = 0; i < ids.size(); i++) {
            if (out.containsKey(ids.get(i))) {
                continue;
            }
            int before = i - 1;
            while (before >= 0 && !values.containsKey(ids.get(before))) {
                before--;
            }
            int after = i + 1;
            while (after < ids.size() && !values.containsKey(ids.get(after))) {
                after++;
            }
            if (before < 0 || after >= ids.size()) {
                continue;
            }
            long t0 = values.get(ids.get(before));
            long t1 = values.get(ids.get(after));
            out.put(ids.get(i), t0 + Math.round((t1 - t0) * (double) (i - before) / (after - before)));
        }
        return out;
    }

    private static long time(Path file, Map<String, Long> slots, String id) {
        Long t = slots.get(id);
        if (t == null) {
            throw new BadInputException(file, "time slot '" + id + "' is missing or has no time", "align the annotation in ELAN");
        }
        return t;
    }

    private static String text(Element annotation) {
        List<Element> v = elements(annotation, "ANNOTATION_VALUE");
        return v.isEmpty() ? "" : v.get(0).getTextContent();
    }

    private static List<Element> elements(Element parent, String tag) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                out.add(e);
            }
        }
        return out;
    }

    private static DocumentBuilder newBuilder() throws ParserConfigurationException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        // An EAF file comes from outside: no DTDs, no external entities.
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        return f.newDocumentBuilder();
    }

    private static Element child(Document doc, Element parent, String tag) {
        Element e = doc.createElement(tag);
        parent.appendChild(e);
        return e;
    }

    private static void timeSlot(Document doc, Element order, String id, long ms) {
        Element s = child(doc, order, "TIME_SLOT");
        s.setAttribute("TIME_SLOT_ID", id);
        s.setAttribute("TIME_VALUE", Long.toString(ms));
    }

    private static String mime(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".mp4") || n.endsWith(".m4v") ? "video/mp4" : n.endsWith(".mov") ? "video/quicktime"
                : n.endsWith(".webm") ? "video/webm" : "video/*";
    }
}
