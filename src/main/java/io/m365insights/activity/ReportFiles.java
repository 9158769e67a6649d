package io.m365insights.activity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A report is downloaded to a temporary file before it is read (as the usage sync does): a network fault while
 * downloading is retried with the whole request, while a file that downloads fine but cannot be read is that day's
 * permanent failure.
 */
final class ReportFiles {
    @FunctionalInterface
    interface FileReader<T> {
        T read(InputStream in);
    }

    private ReportFiles() {
    }

    static Path download(InputStream body) throws IOException {
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
    static <T> T readAndDelete(Path file, FileReader<T> reader) {
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
