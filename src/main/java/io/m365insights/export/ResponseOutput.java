package io.m365insights.export;

import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A Writer onto a chunked HTTP response, for a worker thread: text goes out in chunks of about {@value #CHUNK}
 * characters, and a writer that outpaces the client waits until Vert.x's write queue drains. So an export holds one
 * chunk in memory whatever its size and however slow the client; a client that goes away ends it (IOException).
 */
final class ResponseOutput extends Writer {
    static final int CHUNK = 32 * 1024;
    /** A client that takes no data for this long is given up on. */
    private static final long STALL_SECONDS = 120;

    private final HttpServerResponse response;
    private final Context context;
    private final StringBuilder pending = new StringBuilder(CHUNK + 1024);

    ResponseOutput(HttpServerResponse response, Context context) {
        this.response = response;
        this.context = context;
    }

    @Override
    public void write(char[] chars, int off, int len) throws IOException {
        pending.append(chars, off, len);
        if (pending.length() >= CHUNK) {
            sendPending();
        }
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
        pending.append(s, off, off + len);
        if (pending.length() >= CHUNK) {
            sendPending();
        }
    }

    @Override
    public void flush() throws IOException {
        sendPending();
    }

    /** Sends what is left and ends the response. */
    @Override
    public void close() throws IOException {
        sendPending();
        if (!response.ended()) {
            response.end();
        }
    }

    private void sendPending() throws IOException {
        if (pending.isEmpty()) {
            return;
        }
        awaitWritable();
        response.write(Buffer.buffer(pending.toString(), "UTF-8"));
        pending.setLength(0);
    }

    private void awaitWritable() throws IOException {
        if (response.closed() || response.ended()) {
            throw new IOException("the client closed the connection");
        }
        if (!response.writeQueueFull()) {
            return;
        }
        CompletableFuture<Void> writable = new CompletableFuture<>();
        context.runOnContext(v -> {
            if (!response.writeQueueFull() || response.closed()) {
                writable.complete(null);
            } else {
                response.drainHandler(x -> writable.complete(null));
                response.closeHandler(x -> writable.complete(null));
            }
        });
        try {
            writable.get(STALL_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the client was slow", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("the client took no data for " + STALL_SECONDS + " s", e);
        }
        if (response.closed()) {
            throw new IOException("the client closed the connection");
        }
    }
}
