package org.signkit.train.onednn;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bytedeco.dnnl.memory;
import org.junit.jupiter.api.Test;
import org.signkit.train.onednn.OneDnn.Buffer;

/** Which backward buffers may be shared: a node's own after it, a kept one only after its release, never another layout. */
class BackwardBuffersTest {

    private static final memory.desc MAP = OneDnn.plain(2, 8, 4, 4);
    private static final memory.desc BLOCKED = new memory.desc(new long[] {2, 8, 4, 4}, memory.data_type.f32,
            memory.format_tag.nChw8c);

    @Test
    void aNodesOwnBufferIsReusedByTheNextNodeForTheSameLayoutOnly() {
        BackwardBuffers pool = new BackwardBuffers();
        Buffer first = pool.take(MAP);
        Buffer alongside = pool.take(MAP);
        assertNotSame(first, alongside, "two buffers of one node are both in use");
        pool.endNode();
        assertNotSame(first, pool.take(BLOCKED), "another layout gets its own buffer");
        Buffer again = pool.take(MAP);
        assertTrue(again == first || again == alongside, "the same layout reuses a freed buffer");
    }

    @Test
    void aKeptGradientIsNotHandedOutUntilItsProducerReleasesIt() {
        BackwardBuffers pool = new BackwardBuffers();
        Buffer gradient = pool.takeLasting(MAP);
        pool.endNode();
        Buffer next = pool.take(MAP);
        assertNotSame(gradient, next, "a kept gradient stays with its tensor");
        pool.endNode();
        pool.release(gradient);
        Buffer a = pool.take(MAP);
        Buffer b = pool.take(MAP);
        assertTrue(a == gradient || b == gradient, "a released gradient is free again");
    }
}
