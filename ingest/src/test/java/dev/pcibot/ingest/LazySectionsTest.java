package dev.pcibot.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LazySectionsTest {
    @Test
    void cutsOnFirstAccessOnlyAndOnce() throws Exception {
        AtomicInteger cuts = new AtomicInteger();
        List<Section> real = GuideLibrary.bundled().sections();
        LazySections lazy = new LazySections(() -> {
            cuts.incrementAndGet();
            return real;
        });
        assertEquals(0, cuts.get(), "nothing is cut before someone looks");
        Thread[] readers = new Thread[4];
        for (int i = 0; i < readers.length; i++) {
            readers[i] = new Thread(lazy::size);
            readers[i].start();
        }
        for (Thread t : readers) {
            t.join();
        }
        assertEquals(real.size(), lazy.size());
        assertEquals(real.get(0), lazy.get(0));
        assertEquals(1, cuts.get(), "four threads and three more calls cut once");
    }

    @Test
    void isReadOnly() {
        LazySections lazy = new LazySections(() -> GuideLibrary.bundled().sections());
        assertThrows(UnsupportedOperationException.class, () -> lazy.add(lazy.get(0)));
    }
}
