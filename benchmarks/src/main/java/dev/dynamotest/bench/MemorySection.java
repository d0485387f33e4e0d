package dev.dynamotest.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code memory} section of RESULTS.md: {@link MemoryBench} in a fresh data JVM for each side (DynamoTest in
 * process, DynamoDB Local embedded on its own class path), items of ~100 B, ~1 KB and ~10 KB, bytes per item
 * against the items' DynamoDB size.
 */
final class MemorySection {
    private MemorySection() {
    }

    static void run(Main main, StringBuilder md) throws Exception {
        String sizes = main.quick ? "100:20000,1000:10000,10000:1000" : MemoryBench.DEFAULT_SIZES;
        Map<String, String[]> dt = measure(main, "dynamotest-inprocess", sizes);
        Map<String, String[]> ddb = measure(main, "ddblocal-embedded", sizes);
        md.append("| item size (DynamoDB) | items | ").append(Main.DT).append(" bytes per item (heap) | ")
            .append(Main.DDB).append(" bytes per item (heap + native) | ").append(Main.DT).append(" / item size | ")
            .append(Main.DDB).append(" / item size | **memory ratio** DynamoTest / DynamoDB Local (lower is better) |\n")
            .append("|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Map.Entry<String, String[]> e : dt.entrySet()) {
            String[] a = e.getValue();
            String[] b = ddb.get(e.getKey());
            double exact = Double.parseDouble(a[6]);
            double mine = Double.parseDouble(a[4]);
            double theirs = b == null ? Double.NaN : Double.parseDouble(b[4]) + Double.parseDouble(b[5]);
            md.append("| ").append(Report.n0(exact)).append(" B | ").append(Report.n0(Double.parseDouble(a[3]))).append(" | ")
                .append(Report.n0(mine)).append(" | ").append(Report.n0(theirs)).append(" | ").append(Report.n2(mine / exact))
                .append(" | ").append(Report.n2(theirs / exact)).append(" | ").append(Report.n2(mine / theirs)).append(" |\n");
        }
        md.append("\nEach side in a JVM of its own (`-Xms").append(main.heap).append(" -Xmx").append(main.heap)
            .append(" -XX:+AlwaysPreTouch`), a table per size loaded by BatchWriteItem; heap in use after repeated full GCs "
                + "before and after the load (DynamoTest's request journal emptied first: it keeps the last 10,000 requests' "
                + "keys, bounded, not item storage), plus for DynamoDB Local the growth of the resident set (its SQLite data "
                + "is native memory). Item size as DynamoDB counts it: attribute name bytes plus value bytes.\n");
    }

    /** {@code size -> MEMORY line fields} from one MemoryBench JVM. */
    private static Map<String, String[]> measure(Main main, String kind, String sizes) throws Exception {
        Main.log("memory: %s", kind);
        List<String> cmd = main.workerCommand(main.dataJvm(), MemoryBench.class.getName(), kind, sizes);
        ProcessBuilder pb = Procs.builder(cmd, Main.DDB_ENV, main.runDir)
            .redirectError(ProcessBuilder.Redirect.appendTo(main.runDir.resolve("memory-" + kind + ".log").toFile()));
        Process p = pb.start();
        Map<String, String[]> out = new LinkedHashMap<>();
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                lines.add(line);
                if (line.startsWith("MEMORY ")) {
                    String[] f = line.split(" ");
                    out.put(f[2], f);
                    main.raw.add(line);
                }
            }
        }
        if (p.waitFor() != 0 || out.isEmpty()) {
            throw new IllegalStateException("memory benchmark of " + kind + " failed: " + lines);
        }
        return out;
    }
}
