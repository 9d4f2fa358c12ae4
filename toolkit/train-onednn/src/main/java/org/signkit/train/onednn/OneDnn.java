package org.signkit.train.onednn;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.dnnl.IntMemoryMap;
import org.bytedeco.dnnl.engine;
import org.bytedeco.dnnl.memory;
import org.bytedeco.dnnl.primitive;
import org.bytedeco.dnnl.reorder;
import org.bytedeco.dnnl.stream;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The oneDNN CPU engine and the per-thread streams signkit runs its primitives on, and the few ways it makes memory
 * descriptions. Every buffer a primitive reads or writes is an ND4J array (so the JVM owns its lifetime
 * and DL4J's parameter and gradient views can be used in place); oneDNN sees its address.
 */
final class OneDnn {

    static final engine ENGINE = new engine(engine.kind.cpu, 0);
    /** One stream per thread: a oneDNN stream is not thread-safe, and trials may train on parallel threads. */
    private static final ThreadLocal<stream> STREAM = ThreadLocal.withInitial(() -> new stream(ENGINE));
    private static final ThreadLocal<List<INDArray>> ALLOCATIONS = new ThreadLocal<>();
    private static final ThreadLocal<BackwardBuffers> BACKWARD = new ThreadLocal<>();

    private OneDnn() {
    }

    /** Dense row-major layout of {@code dims} (a, ab, abcd, abcde). */
    static memory.desc plain(long... dims) {
        memory.format_tag tag = switch (dims.length) {
            case 1 -> memory.format_tag.a;
            case 2 -> memory.format_tag.ab;
            case 3 -> memory.format_tag.abc;
            case 4 -> memory.format_tag.abcd;
            case 5 -> memory.format_tag.abcde;
            default -> throw new IllegalArgumentException("rank " + dims.length);
        };
        return new memory.desc(dims, memory.data_type.f32, tag);
    }

    /** Lets the primitive choose the layout (oneDNN's blocked formats on this CPU). */
    static memory.desc any(long... dims) {
        return new memory.desc(dims, memory.data_type.f32, memory.format_tag.any);
    }

    /**
     * The layout of an ND4J array seen with its axes in oneDNN's order: {@code axes[i]} is the array axis
     * of oneDNN dimension i, or -1 for a dimension of size 1 the array lacks (depthwise weights' group
     * split).
     */
    static memory.desc of(INDArray array, long[] dims, int[] axes) {
        long[] strides = new long[dims.length];
        for (int i = 0; i < dims.length; i++) {
            strides[i] = axes[i] < 0 ? 1 : array.stride(axes[i]);
            if (axes[i] >= 0 && array.size(axes[i]) != dims[i]) {
                throw new IllegalArgumentException("axis " + axes[i] + " of " + array.shapeInfoToString()
                        + " is not " + dims[i]);
            }
        }
        return new memory.desc(dims, memory.data_type.f32, strides);
    }

    /** Runs {@code p} with fixed arguments. */
    static void execute(primitive p, Args args) {
        p.execute(STREAM.get(), args.map());
    }

    /** An argument map from pairs (DNNL_ARG_*, buffer). */
    static Args args(Object... pairs) {
        IntMemoryMap map = new IntMemoryMap();
        List<Buffer> buffers = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            Buffer b = (Buffer) pairs[i + 1];
            map.put((Integer) pairs[i], b.memory());
            buffers.add(b);
        }
        return new Args(map, List.copyOf(buffers));
    }

    /**
     * A primitive's arguments. oneDNN's map holds only addresses: the buffers are kept here so that the
     * ND4J arrays behind them live as long as the primitive may touch them.
     */
    record Args(IntMemoryMap map, List<Buffer> buffers) {
    }

    /**
     * Memory that oneDNN reads and writes, backed by an ND4J array.
     *
     * @param array  the ND4J array holding the bytes (a view of a parameter or gradient, or a buffer of
     *               signkit's own)
     * @param desc   its layout
     * @param memory oneDNN's handle on it
     */
    record Buffer(INDArray array, memory.desc desc, memory memory) {

        /**
         * A buffer of {@code desc}'s layout: while a backward pass is planned ({@link #reuseBackward}), one that only
         * the node being planned uses and that later nodes may reuse; otherwise a new, zeroed one.
         */
        static Buffer allocate(memory.desc desc) {
            BackwardBuffers pool = BACKWARD.get();
            return pool == null ? allocateNew(desc) : pool.take(desc);
        }

        /**
         * A buffer that outlives the node being planned (a tensor's gradient, written by its readers and read by
         * its producer), handed back with {@link BackwardBuffers#release}; a new one outside backward planning.
         */
        static Buffer allocateLasting(memory.desc desc) {
            BackwardBuffers pool = BACKWARD.get();
            return pool == null ? allocateNew(desc) : pool.takeLasting(desc);
        }

        /**
         * A new zeroed buffer of {@code desc}'s size (zero so that blocked formats' padding is zero), recorded in
         * the list {@link #recordAllocations} named on this thread, if any.
         */
        static Buffer allocateNew(memory.desc desc) {
            long floats = Math.max(1, desc.get_size() / Float.BYTES);
            INDArray array = Nd4j.create(DataType.FLOAT, floats);
            List<INDArray> owner = ALLOCATIONS.get();
            if (owner != null) {
                owner.add(array);
            }
            return wrap(array, desc);
        }

        /** Makes this thread's {@link #allocate} calls add their arrays to {@code owner} (null: stop). */
        static void recordAllocations(List<INDArray> owner) {
            if (owner == null) {
                ALLOCATIONS.remove();
            } else {
                ALLOCATIONS.set(owner);
            }
        }

        /** Makes this thread's {@link #allocate} calls reuse {@code pool}'s free buffers (null: stop). */
        static void reuseBackward(BackwardBuffers pool) {
            if (pool == null) {
                BACKWARD.remove();
            } else {
                BACKWARD.set(pool);
            }
        }

        /** {@code array}'s own bytes seen through {@code desc}. */
        static Buffer wrap(INDArray array, memory.desc desc) {
            if (array.dataType() != DataType.FLOAT) {
                throw new IllegalArgumentException("oneDNN path runs float networks, got " + array.dataType());
            }
            // A view's data buffer already starts at the view's offset.
            long address = array.data().addressPointer().address();
            return new Buffer(array, desc, new memory(desc, ENGINE, new Address(address)));
        }
    }

    /** A copy between two buffers that may differ in layout. */
    static final class Copy {
        private final reorder primitive;
        private final Args args;

        Copy(Buffer from, Buffer to) {
            this.primitive = new reorder(from.memory(), to.memory());
            this.args = args(org.bytedeco.dnnl.global.dnnl.DNNL_ARG_FROM, from, org.bytedeco.dnnl.global.dnnl.DNNL_ARG_TO,
                    to);
        }

        void run() {
            execute(primitive, args);
        }
    }

    /**
     * A buffer as a primitive needs it laid out: the buffer itself when the layouts agree, else a copy in
     * that layout, brought up to date by {@link #refresh()}.
     *
     * @param buffer what the primitive reads
     * @param copy   the reorder that fills it, or null
     */
    record Relaid(Buffer buffer, Copy copy) {

        static Relaid of(Buffer source, memory.desc layout) {
            if (source.desc().equals(layout)) {
                return new Relaid(source, null);
            }
            Buffer b = Buffer.allocate(layout);
            return new Relaid(b, new Copy(source, b));
        }

        void refresh() {
            if (copy != null) {
                copy.run();
            }
        }
    }

    /** A raw address as a JavaCPP pointer (ND4J owns the memory). */
    private static final class Address extends Pointer {
        Address(long address) {
            this.address = address;
        }
    }
}
