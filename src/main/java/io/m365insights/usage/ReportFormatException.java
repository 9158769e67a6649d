package io.m365insights.usage;

/** A usage report Microsoft served that we cannot read (a column missing, a truncated line, a value we do not know). */
public class ReportFormatException extends RuntimeException {
    public ReportFormatException(String message) {
        super(message);
    }
}
