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
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        long t0 = System.nanoTime();
        Dataset d = CsvReader.read(file, CsvOptions.defaults());
        double secs = (System.nanoTime() - t0) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("read %d rows x %d columns in %.1f s (%.0f MB/s); peak heap <= %.0f MB (sum of pool peaks; max %.0f MB); "
                        + "data %.0f MB%n", d.rows(), d.names().size(), secs, Files.size(file) / 1e6 / secs,
                peak / 1e6, Runtime.getRuntime().maxMemory() / 1e6, d.rows() * 20 * 8 / 1e6);
    }
}
