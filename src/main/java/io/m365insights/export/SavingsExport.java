package io.m365insights.export;

import io.m365insights.reporting.ReportingDecisions;
import io.m365insights.savings.SavingsCalculator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code /export/savings.csv}: GraphQL's {@code savings(days)}, computed at the time of the request, one row per
 * currency with the columns of {@code reporting.savings} (amounts as plain decimals, monthly).
 */
@ApplicationScoped
public class SavingsExport {
    @Inject
    SavingsCalculator calculator;

    @Inject
    Clock clock;

    public void write(int days, Writer out) throws IOException {
        List<SavingsCalculator.CurrencyFigures> figures = figures(days);
        String decidedAt = clock.instant().toString();
        try (CSVPrinter csv = new CSVPrinter(out, CsvExports.FORMAT)) {
            csv.printRecord(ReportingDecisions.SAVINGS_COLUMNS);
            for (SavingsCalculator.CurrencyFigures f : figures) {
                List<Object> row = new ArrayList<>(Arrays.stream(ReportingDecisions.figures(f)).map(v -> switch (v) {
                    case BigDecimal d -> d.toPlainString();
                    case OffsetDateTime t -> t.toInstant().toString();
                    case null -> null;
                    default -> v;
                }).toList());
                row.add(days);
                row.add(decidedAt);
                csv.printRecord(row);
            }
        }
    }

    @ActivateRequestContext
    List<SavingsCalculator.CurrencyFigures> figures(int days) {
        return calculator.figures(days).currencies();
    }
}
