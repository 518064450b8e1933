package org.reprise.data;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Benchmark, not a unit test: writes a rows x 20 numeric CSV to /tmp (10 million rows by default) and reads it,
 * printing the read time and the peak heap. Run with -Xmx4g:
 * {@code java -Xmx4g -cp target/classes:target/test-classes:<deps> org.reprise.data.CsvBench [rows]}.
 */
public final class CsvBench {
    private CsvBench() {
    }

    public static void main(String[] args) throws IOException {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
        int cols = 20;
        Path file = Path.of("/tmp/reprise-bench-" + rows + "x" + cols + ".csv");
        if (!Files.exists(file)) {
            long t0 = System.nanoTime();
            Random rnd = new Random(42);
            try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (int j = 0; j < cols; j++) {
                    w.write((j == 0 ? "" : ",") + "v" + j);
                }
                w.write('\n');
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < rows; i++) {
                    sb.setLength(0);
                    for (int j = 0; j < cols; j++) {
                        if (j > 0) {
                            sb.append(',');
                        }
                        if (j == 0) {
                            sb.append(i);
                        } else if (j % 5 == 0) {
                            sb.append(rnd.nextInt(100));
                        } else {
                            sb.append(Math.round(rnd.nextGaussian() * 1e6) / 1e4);
                        }
                    }
                    w.write(sb.append('\n').toString());
                }
            }
            System.out.printf("wrote %s (%.0f MB) in %.1f s%n", file, Files.size(file) / 1e6,
                    (System.nanoTime() - t0) / 1e9);
        }
        // peak heap in use, sampled every 20 ms (includes garbage not yet collected, so an upper bound of live data)
        long[] peak = {0};
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak[0] = Math.max(peak[0], ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        long t0 = System.nanoTime();
        Dataset d = CsvReader.read(file, CsvOptions.defaults());
        double secs = (System.nanoTime() - t0) / 1e9;
        sampler.interrupt();
        long oldGenPeak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getName().contains("Old")) {
                oldGenPeak = Math.max(oldGenPeak, pool.getPeakUsage().getUsed());
            }
        }
        System.gc();
        long retained = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.printf("read %d rows x %d columns in %.1f s (%.0f MB/s); peak heap used %.0f MB (old gen peak "
                        + "%.0f MB), after GC %.0f MB, max heap %.0f MB; raw data %.0f MB%n", d.rows(),
                d.names().size(), secs, Files.size(file) / 1e6 / secs, peak[0] / 1e6, oldGenPeak / 1e6,
                retained / 1e6, Runtime.getRuntime().maxMemory() / 1e6, d.rows() * 20 * 8 / 1e6);
    }
}
