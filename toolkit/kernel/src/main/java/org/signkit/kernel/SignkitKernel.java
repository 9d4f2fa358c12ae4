package org.signkit.kernel;

import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.kernel.ReplacementOptions;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;
import jdk.jshell.execution.LocalExecutionControlProvider;
import org.signkit.train.Backend;

/**
 * A Java Jupyter kernel written on jupyter-jvm-basekernel: cells are JShell snippets run in the kernel's
 * own JVM, with signkit and all its dependencies on the classpath from the start (no {@code %maven}, no
 * network). A cell's last expression is shown by {@link Renderers} (Tablesaw tables as HTML, XChart
 * charts and images as PNG); compile errors show the offending code with a caret, runtime errors the
 * exception and the cell's frames.
 */
public final class SignkitKernel extends BaseKernel {

    private final JShell shell;
    private final Magics magics;
    private final LanguageInfo info = new LanguageInfo.Builder("Java").version(Runtime.version().toString())
            .mimetype("text/x-java-source").fileExtension(".jshell").pygments("java").codemirror("text/x-java").build();

    public SignkitKernel() {
        shell = JShell.builder().executionEngine(new LocalExecutionControlProvider(), Map.of()).build();
        magics = new Magics(shell::addToClasspath);
        for (String entry : classpath()) {
            shell.addToClasspath(entry);
        }
        for (String imp : List.of("java.nio.file.*", "java.util.*", "org.signkit.kernel.Notebook")) {
            shell.eval("import " + imp + ";");
        }
    }

    /** This JVM's classpath as given ({@code java.class.path}), absolute: what the kernelspec starts the kernel with. */
    public static List<String> classpathOfThisJvm() {
        List<String> out = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            out.add(Path.of(e).toAbsolutePath().toString());
        }
        return out;
    }

    /** The JVM's classpath with the Class-Path entries of its jars (signkit.jar lists its libraries there). */
    static List<String> classpath() {
        Set<String> out = new LinkedHashSet<>();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            expand(Path.of(e).toAbsolutePath(), out);
        }
        return List.copyOf(out);
    }

    private static void expand(Path entry, Set<String> out) {
        if (!out.add(entry.toString()) || !entry.toString().endsWith(".jar") || !Files.isRegularFile(entry)) {
            return;
        }
        try (JarFile jar = new JarFile(entry.toFile())) {
            String cp = jar.getManifest() == null ? null : jar.getManifest().getMainAttributes().getValue("Class-Path");
            if (cp != null) {
                for (String rel : cp.trim().split("\\s+")) {
                    if (!rel.isEmpty()) {
                        Path p = rel.startsWith("file:") ? Path.of(java.net.URI.create(rel)) : entry.getParent().resolve(rel);
                        expand(p.normalize(), out);
                    }
                }
            }
        } catch (IOException e) {
            // An unreadable jar contributes itself only.
        }
    }

    @Override
    public LanguageInfo getLanguageInfo() {
        return info;
    }

    @Override
    public String getBanner() {
        return "Java " + Runtime.version() + " with signkit (JShell)";
    }

    @Override
    public DisplayData eval(String code) throws Exception {
        Magics.Cell cell = magics.apply(code);
        long t0 = System.nanoTime();
        DisplayData value = cell.code().isBlank() ? cell.shown() : evalJava(cell.code());
        if (cell.timeLabel() != null) {
            System.out.println(Magics.timeText(System.nanoTime() - t0));
        }
        return value;
    }

    /**
     * Completions at the cursor from JShell's source analysis: the replacements and the range they replace
     * (Tab in a notebook).
     */
    @Override
    public ReplacementOptions complete(String code, int at) {
        int[] anchor = new int[1];
        List<String> options = shell.sourceCodeAnalysis().completionSuggestions(code, at, anchor).stream()
                .sorted(java.util.Comparator.comparing((SourceCodeAnalysis.Suggestion x) -> !x.matchesType()))
                .map(SourceCodeAnalysis.Suggestion::continuation).distinct().toList();
        return options.isEmpty() ? null : new ReplacementOptions(options, anchor[0], at);
    }

    /** The signature and javadoc of what is at the cursor (Shift-Tab), when JShell can resolve it. */
    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        List<SourceCodeAnalysis.Documentation> docs = shell.sourceCodeAnalysis().documentation(code, at, true);
        if (docs.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (SourceCodeAnalysis.Documentation d : docs) {
            text.append(d.signature()).append('\n');
            String javadoc = d.javadoc() != null && !d.javadoc().isBlank() ? d.javadoc() : ownJavadoc(d.signature());
            if (javadoc != null) {
                text.append(javadoc.strip()).append("\n");
            }
            text.append('\n');
        }
        return new DisplayData(text.toString().strip());
    }

    /**
     * The javadoc of a signkit type or method from its source, given JShell's signature
     * ({@code org.signkit.stats.StatsTables} or {@code Table org.signkit.stats.StatsTables.pairs(Verdict v)}).
     */
    private static String ownJavadoc(String signature) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(org\\.signkit\\.[\\w.$]+)(\\()?").matcher(signature);
        if (!m.find()) {
            return null;
        }
        String name = m.group(1);
        if (m.group(2) == null) {
            return Javadocs.of(name, null);
        }
        int dot = name.lastIndexOf('.');
        return Javadocs.of(name.substring(0, dot), name.substring(dot + 1));
    }

    private DisplayData evalJava(String code) throws Exception {
        Snippet last = null;
        String remaining = code;
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo ci = analysis.analyzeCompletion(remaining);
            if (ci.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
                break;
            }
            String source = ci.completeness().isComplete() ? ci.source() : remaining;
            remaining = ci.completeness().isComplete() ? ci.remaining() : "";
            for (SnippetEvent e : shell.eval(source)) {
                if (e.causeSnippet() != null) {
                    continue;
                }
                if (e.status() == Snippet.Status.REJECTED) {
                    throw new CompileError(source, shell.diagnostics(e.snippet()).toList());
                }
                if (e.exception() != null) {
                    throw new CellError(e.exception());
                }
                last = e.snippet();
            }
        }
        String name = valueName(last);
        if (name == null) {
            return null;
        }
        shell.eval("org.signkit.kernel.Results.hold(" + name + ");");
        return Renderers.render(Results.take());
    }

    /** The variable holding the value a cell ends with, or null when it ends with a statement or declaration. */
    private static String valueName(Snippet s) {
        if (s instanceof VarSnippet v && v.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND) {
            return v.name();
        }
        if (s instanceof ExpressionSnippet x && x.subKind() == Snippet.SubKind.VAR_VALUE_SUBKIND) {
            return x.name();
        }
        return null;
    }

    @Override
    public String isComplete(String code) {
        SourceCodeAnalysis.Completeness c = shell.sourceCodeAnalysis().analyzeCompletion(code).completeness();
        return c.isComplete() || c == SourceCodeAnalysis.Completeness.EMPTY ? IS_COMPLETE_YES
                : c == SourceCodeAnalysis.Completeness.DEFINITELY_INCOMPLETE ? "" : IS_COMPLETE_MAYBE;
    }

    @Override
    public List<String> formatError(Exception e) {
        if (e instanceof CompileError c) {
            return c.lines();
        }
        if (e instanceof CellError c) {
            return c.lines();
        }
        return super.formatError(e);
    }

    @Override
    public void interrupt() {
        shell.stop();
    }

    @Override
    public void onShutdown(boolean restart) {
        shell.close();
    }

    /** A cell that does not compile: each error with its line and a caret. */
    static final class CompileError extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient List<String> lines = new ArrayList<>();

        CompileError(String source, List<Diag> diags) {
            super(diags.stream().map(d -> d.getMessage(Locale.ROOT)).collect(Collectors.joining("; ")));
            for (Diag d : diags) {
                if (!d.isError()) {
                    continue;
                }
                int start = (int) Math.max(0, d.getStartPosition());
                int lineStart = source.lastIndexOf('\n', Math.max(0, start - 1)) + 1;
                int lineEnd = source.indexOf('\n', start);
                String line = source.substring(lineStart, lineEnd < 0 ? source.length() : lineEnd);
                lines.add("compile error: " + d.getMessage(Locale.ROOT));
                lines.add("  " + line);
                lines.add("  " + " ".repeat(Math.max(0, start - lineStart)) + "^");
            }
        }

        List<String> lines() {
            return lines;
        }
    }

    /** A cell that threw: the exception, its message and the frames of the cell and of signkit. */
    static final class CellError extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient List<String> lines = new ArrayList<>();

        CellError(JShellException e) {
            super(e.getMessage(), e);
            if (e instanceof EvalException ev) {
                lines.add(ev.getExceptionClassName() + ": " + ev.getMessage());
            } else if (e instanceof UnresolvedReferenceException u) {
                lines.add("unresolved: " + u.getSnippet().source().strip() + " uses a definition that does not compile yet");
            } else {
                lines.add(e.toString());
            }
            for (StackTraceElement f : e.getStackTrace()) {
                String c = f.getClassName();
                // JShell reports a cell's own frames with no class and the snippet id (#N) as file name.
                boolean cell = c.isEmpty() || c.contains("$JShell$") || (f.getFileName() != null && f.getFileName().startsWith("#"));
                if (cell || c.startsWith("org.signkit.")) {
                    lines.add("    at " + (cell ? "cell" : c + "." + f.getMethodName()) + " line " + f.getLineNumber());
                }
            }
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                lines.add("caused by " + cause);
            }
        }

        List<String> lines() {
            return lines;
        }
    }

    /** Starts the kernel on a Jupyter connection file. */
    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: SignkitKernel CONNECTION_FILE (started by Jupyter; install with 'signkit notebook install')");
            System.exit(2);
        }
        Backend.configureNatives();
        // Shell and control go through a guard that drops forged or malformed messages (see MessageGuard).
        Map.Entry<MessageGuard, String> guarded = MessageGuard.around(Files.readString(Path.of(args[0])));
        try (MessageGuard guard = guarded.getKey()) {
            KernelConnectionProperties props = KernelConnectionProperties.parse(guarded.getValue());
            JupyterConnection connection = new JupyterConnection(props);
            SignkitKernel kernel = new SignkitKernel();
            kernel.becomeHandlerForConnection(connection);
            connection.connect();
            connection.waitUntilClose();
        }
    }
}
