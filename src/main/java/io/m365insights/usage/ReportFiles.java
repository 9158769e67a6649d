package io.m365insights.usage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;

/**
 * A report is downloaded to a temporary file before it is read: a network fault while downloading is retried with
 * the whole request, while a file that downloads fine but cannot be read is that day's permanent failure.
 */
public final class ReportFiles {
    @FunctionalInterface
    public interface FileReader<T> {
        T read(InputStream in) throws SQLException;
    }

    private ReportFiles() {
    }

    public static Path download(InputStream body) throws IOException {
        Path file = Files.createTempFile("m365-report-", ".csv");
        try {
            Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /** Reads the downloaded file, then deletes it. */
    public static <T> T readAndDelete(Path file, FileReader<T> reader) throws SQLException {
        try (InputStream in = Files.newInputStream(file)) {
            return reader.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read a downloaded report: " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temp file left behind is harmless
            }
        }
    }
}
