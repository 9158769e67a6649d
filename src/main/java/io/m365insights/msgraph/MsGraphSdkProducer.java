package io.m365insights.msgraph;

import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.RequestOption;
import com.microsoft.kiota.authentication.BaseBearerTokenAuthenticationProvider;
import com.microsoft.kiota.http.middleware.options.RetryHandlerOption;
import io.m365insights.config.M365Config;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

import java.util.concurrent.TimeUnit;

/**
 * The real Microsoft Graph SDK client, pointed at {@code m365.graph-base-url}, authenticated by
 * {@link MsGraphTokenProvider}. The SDK's own retry middleware is switched off: {@link MsGraphRequests} owns retries.
 * Its redirect middleware stays on (report downloads are a 302 to a pre-authenticated URL).
 */
public class MsGraphSdkProducer {

    @Produces
    @Singleton
    GraphServiceClient graphServiceClient(M365Config config, MsGraphTokenProvider tokens) {
        RequestOption[] options = {new RetryHandlerOption((delay, attempt, request, response) -> false, 0, 0)};
        OkHttpClient http = GraphClientFactory.create(options)
                .connectTimeout(config.http().connectTimeout())
                .readTimeout(config.http().readTimeout())
                // OkHttp would otherwise replay a request silently after some connection failures, POSTs included;
                // MsGraphRequests owns retries, and the writes confirm a retried change by reading it back.
                .retryOnConnectionFailure(false)
                // so idle connections are dropped before servers close them (no failure on a stale connection)
                .connectionPool(new ConnectionPool(5, 20, TimeUnit.SECONDS))
                .build();
        GraphServiceClient client = new GraphServiceClient(new BaseBearerTokenAuthenticationProvider(tokens), http);
        client.getRequestAdapter().setBaseUrl(trimSlash(config.graphBaseUrl()));
        return client;
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
