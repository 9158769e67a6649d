import io.m365insights.usage.UsageReportParser;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Java side of staging usage report files, without a database: each file parsed by the app's UsageReportParser
 * and its rows written as the COPY text CopyIn sends (batches of 5,000), ROUNDS times; -Dnoprint=true parses only.
 * Run with the single-file launcher (bench/README.md): java -cp CLASSPATH bench/tools/ParseBench.java ROUNDS FILE...
 */
public class ParseBench {
    static final boolean NOPRINT = Boolean.getBoolean("noprint");

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            long rows = 0;
            long chars = 0;
            for (int i = 1; i < args.length; i++) {
                StringWriter buffer = new StringWriter(1 << 16);
                CSVPrinter printer = new CSVPrinter(buffer, CSVFormat.POSTGRESQL_CSV);
                long[] sent = {0};
                int[] pending = {0};
                try (InputStream in = Files.newInputStream(Path.of(args[i]))) {
                    rows += UsageReportParser.parse(in, row -> {
                        if (!NOPRINT) {
                            printer.printRecord(row.name(), row.concealed(), row.flags(), row.lastActivityDate(),
                                    row.lastActivationDate());
                        }
                        if (++pending[0] == 5000) {
                            printer.flush();
                            sent[0] += buffer.getBuffer().length();
                            buffer.getBuffer().setLength(0);
                            pending[0] = 0;
                        }
                    });
                }
                printer.flush();
                chars += sent[0] + buffer.getBuffer().length();
            }
            System.out.printf("round %d: %d rows, %d characters of COPY text, %d ms%n", r + 1, rows, chars,
                    (System.nanoTime() - t0) / 1_000_000);
        }
    }
}
