package io.m365insights.simulator.http;

import io.m365insights.simulator.tenant.UsageModel;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a day's Microsoft 365 Apps user detail report as Microsoft serves it (UTF-8 BOM, CRLF, Yes/No flags).
 * Byte-level on purpose: a 100,000-user day is ~15 MB, and benchmarks must measure the app, not the simulator.
 */
final class ReportCsv {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] YES = ",Yes".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NO = ",No".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HEADER = ReportRoutes.HEADER.getBytes(StandardCharsets.US_ASCII);
    /** Flag bits in the report's column order: platforms, apps, then app x platform by platform. */
    private static final int[] COLUMN_BITS = columnBits();

    private ReportCsv() {
    }

    static byte[] write(LocalDate reportDate, List<UsageModel.Row> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(rows.size() * 170 + 1024);
        Map<LocalDate, byte[]> dates = new HashMap<>();
        byte[] reportDay = reportDate.toString().getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(BOM);
        out.writeBytes(HEADER);
        out.writeBytes(CRLF);
        for (UsageModel.Row row : rows) {
            out.writeBytes(reportDay);
            out.write(',');
            out.writeBytes(row.upn().getBytes(StandardCharsets.UTF_8));
            out.write(',');
            date(out, dates, row.lastActivationDate());
            out.write(',');
            date(out, dates, row.lastActivityDate());
            out.write(',');
            out.write('1');
            long flags = row.flags();
            for (int bit : COLUMN_BITS) {
                out.writeBytes((flags & (1L << bit)) != 0 ? YES : NO);
            }
            out.writeBytes(CRLF);
        }
        return out.toByteArray();
    }

    private static void date(ByteArrayOutputStream out, Map<LocalDate, byte[]> cache, LocalDate d) {
        if (d != null) {
            out.writeBytes(cache.computeIfAbsent(d, x -> x.toString().getBytes(StandardCharsets.US_ASCII)));
        }
    }

    private static int[] columnBits() {
        int[] bits = new int[UsageModel.PLATFORMS + UsageModel.APPS + UsageModel.PLATFORMS * UsageModel.APPS];
        int i = 0;
        for (int p = 0; p < UsageModel.PLATFORMS; p++) {
            bits[i++] = UsageModel.platformBit(p);
        }
        for (int a = 0; a < UsageModel.APPS; a++) {
            bits[i++] = UsageModel.appBit(a);
        }
        for (int p = 0; p < UsageModel.PLATFORMS; p++) {
            for (int a = 0; a < UsageModel.APPS; a++) {
                bits[i++] = UsageModel.pairBit(a, p);
            }
        }
        return bits;
    }
}
