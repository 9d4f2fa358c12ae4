package org.signkit.experiment;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.signkit.core.BadInputException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A node of a YAML spec with its file, key path and line, so that every validation error can name the
 * key and the line: {@code experiments/x.yaml:12: training.epoch: unknown key (known: ...)}.
 *
 * @param file the spec file
 * @param path dotted key path ({@code training.epochs}, {@code conditions[2].fps})
 * @param node the SnakeYAML node (null for an absent key)
 * @param line 1-based line of the node, or of its parent when absent
 */
public record SpecNode(Path file, String path, Node node, int line) {

    /** Reads a YAML file's root mapping. */
    public static SpecNode read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file, "no such spec file", "give a YAML spec, e.g. experiments/augmentation.yaml");
        }
        Node root;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = new Yaml(new LoaderOptions()).compose(r);
        } catch (MarkedYAMLException e) {
            throw new BadInputException(file, "line " + (e.getProblemMark().getLine() + 1) + ": not valid YAML: "
                    + e.getProblem(), "fix the YAML syntax at that line");
        }
        if (!(root instanceof MappingNode)) {
            throw new BadInputException(file, "the spec must be a YAML mapping of keys", "start with 'name: ...'");
        }
        return new SpecNode(file, "", root, root.getStartMark().getLine() + 1);
    }

    /** True when the key was given. */
    public boolean present() {
        return node != null;
    }

    /** A clear error about this node. */
    public BadInputException error(String problem, String fix) {
        return new BadInputException(file, "line " + line + ": " + (path.isEmpty() ? "" : path + ": ") + problem, fix);
    }

    /** The children of a mapping, by key, after checking that every key is known. */
    public Map<String, SpecNode> mapping(Set<String> known) {
        if (!(node instanceof MappingNode m)) {
            throw error("expected a mapping of keys", "write it as 'key: value' lines indented under " + path);
        }
        Map<String, SpecNode> out = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            String key = ((ScalarNode) t.getKeyNode()).getValue();
            SpecNode child = new SpecNode(file, path.isEmpty() ? key : path + "." + key, t.getValueNode(),
                    t.getKeyNode().getStartMark().getLine() + 1);
            if (!known.contains(key)) {
                throw child.error("unknown key", "known keys here: " + String.join(", ", known.stream().sorted().toList()));
            }
            if (out.containsKey(key)) {
                throw child.error("duplicate key (also on line " + out.get(key).line() + ")", "keep one of them");
            }
            out.put(key, child);
        }
        return out;
    }

    /** A child of a mapping (absent: a node with no value, on this node's line). */
    public static SpecNode child(Map<String, SpecNode> m, SpecNode parent, String key) {
        SpecNode c = m.get(key);
        return c != null ? c : new SpecNode(parent.file(), parent.path().isEmpty() ? key : parent.path() + "." + key, null,
                parent.line());
    }

    /** The items of a sequence. */
    public List<SpecNode> list() {
        if (!(node instanceof SequenceNode s)) {
            throw error("expected a list", "write one '- item' per line");
        }
        List<SpecNode> out = new ArrayList<>();
        for (int i = 0; i < s.getValue().size(); i++) {
            Node n = s.getValue().get(i);
            out.add(new SpecNode(file, path + "[" + i + "]", n, n.getStartMark().getLine() + 1));
        }
        return out;
    }

    /** A scalar's text, or {@code fallback} when absent. */
    public String text(String fallback) {
        if (node == null) {
            return fallback;
        }
        if (!(node instanceof ScalarNode s)) {
            throw error("expected a single value", "write it as 'key: value'");
        }
        return s.getValue();
    }

    /** A required scalar. */
    public String required() {
        if (node == null) {
            throw error("missing", "add '" + path.substring(path.lastIndexOf('.') + 1) + ": ...'");
        }
        return text(null);
    }

    /** An integer in [min, max]. */
    public int integer(int fallback, int min, int max) {
        String t = text(null);
        if (t == null) {
            return fallback;
        }
        int v;
        try {
            v = Integer.parseInt(t.trim());
        } catch (NumberFormatException e) {
            throw error("'" + t + "' is not a whole number", "write a number between " + min + " and " + max);
        }
        if (v < min || v > max) {
            throw error(v + " is out of range", "use a value between " + min + " and " + max);
        }
        return v;
    }

    /** A number in [min, max]. */
    public double number(double fallback, double min, double max) {
        String t = text(null);
        if (t == null) {
            return fallback;
        }
        double v;
        try {
            v = Double.parseDouble(t.trim());
        } catch (NumberFormatException e) {
            throw error("'" + t + "' is not a number", "write a number between " + min + " and " + max);
        }
        if (!(v >= min && v <= max)) {
            throw error(t + " is out of range", "use a value between " + min + " and " + max);
        }
        return v;
    }

    /** One of {@code allowed}. */
    public String choice(String fallback, List<String> allowed) {
        String t = text(fallback);
        if (t != null && !allowed.contains(t)) {
            throw error("'" + t + "' is not allowed", "use one of " + String.join(", ", allowed));
        }
        return t;
    }

    /** A boolean. */
    public boolean bool(boolean fallback) {
        String t = text(null);
        if (t == null) {
            return fallback;
        }
        return switch (t.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw error("'" + t + "' is not true or false", "write true or false");
        };
    }
}
