package org.signkit.core;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.nio.file.Path;

/** The one JSON configuration signkit writes and reads (records, pretty-printed, stable key order). */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(nonFiniteAsNull())
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Json() {
    }

    /**
     * JSON has no NaN or infinity: a number that is not finite (a test that could not run, a bound of a one-sided
     * interval) is written as {@code null}, and {@code null} reads back into a {@code double} as NaN.
     */
    private static SimpleModule nonFiniteAsNull() {
        SimpleModule m = new SimpleModule("non-finite-as-null");
        JsonSerializer<Double> number = new JsonSerializer<>() {
            @Override
            public void serialize(Double v, JsonGenerator g, SerializerProvider p) throws IOException {
                if (Double.isFinite(v)) {
                    g.writeNumber(v);
                } else {
                    g.writeNull();
                }
            }
        };
        m.addSerializer(Double.class, number);
        m.addSerializer(Double.TYPE, number);
        m.addSerializer(double[].class, new JsonSerializer<>() {
            @Override
            public void serialize(double[] v, JsonGenerator g, SerializerProvider p) throws IOException {
                g.writeStartArray();
                for (double x : v) {
                    number.serialize(x, g, p);
                }
                g.writeEndArray();
            }
        });
        m.addDeserializer(Double.TYPE, new JsonDeserializer<>() {
            @Override
            public Double deserialize(JsonParser parser, DeserializationContext c) throws IOException {
                return parser.getValueAsDouble();
            }

            @Override
            public Double getNullValue(DeserializationContext c) {
                return Double.NaN;
            }
        });
        return m;
    }

    /** The shared mapper; it is thread-safe once configured. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Serialises a value to pretty JSON text. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value) + "\n";
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot serialise " + value.getClass().getName(), e);
        }
    }

    /** Writes a value as JSON, atomically. */
    public static void write(Path file, Object value) throws IOException {
        AtomicFiles.writeString(file, write(value));
    }

    /** Writes a value as single-line JSON, atomically: for large machine-read files (ground truth). */
    public static void writeCompact(Path file, Object value) throws IOException {
        byte[] bytes = MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(value);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    /** Reads a JSON file into a type. */
    public static <T> T read(Path file, Class<T> type) throws IOException {
        return MAPPER.readValue(file.toFile(), type);
    }
}
