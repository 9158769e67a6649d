package io.m365insights.msgraph;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import okhttp3.Request;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code uri} label stays bounded: no ids, no arguments, no query. */
class MsGraphMetricsTest {
    private final MsGraphMetrics metrics = new MsGraphMetrics(new SimpleMeterRegistry(), config());

    @Test
    void resourcesAreNamedWithoutIdsOrArguments() {
        assertThat(resource("https://graph.microsoft.com/v1.0/users?$select=id&$top=999")).isEqualTo("users");
        assertThat(resource("https://graph.microsoft.com/v1.0/users?$skiptoken=X'4453707402'")).isEqualTo("users");
        assertThat(resource("https://graph.microsoft.com/v1.0/subscribedSkus")).isEqualTo("subscribedSkus");
        assertThat(resource("https://graph.microsoft.com/v1.0/users/6e7b768e-07e2-4810-8459-485f84f8f204/assignLicense"))
                .isEqualTo("users/{id}/assignLicense");
        assertThat(resource("https://graph.microsoft.com/v1.0/users/ada.admin@contoso.com")).isEqualTo("users/{id}");
        assertThat(resource("https://graph.microsoft.com/v1.0/reports/getOffice365ActiveUserDetail(period='D7')"))
                .isEqualTo("reports/getOffice365ActiveUserDetail");
        assertThat(resource("https://graph.microsoft.com/v1.0/reports/getTeamsUserActivityUserDetail(date=2026-03-01)"))
                .isEqualTo("reports/getTeamsUserActivityUserDetail");
    }

    @Test
    void anotherHostIsADownload() {
        assertThat(resource("https://reportsneu.office.com/data/abc123.csv?sig=secret")).isEqualTo("download");
    }

    private String resource(String url) {
        return metrics.resource(new Request.Builder().url(url).build());
    }

    /** Only the Graph base URL is read. */
    private static io.m365insights.config.M365Config config() {
        return (io.m365insights.config.M365Config) Proxy.newProxyInstance(MsGraphMetricsTest.class.getClassLoader(),
                new Class<?>[]{io.m365insights.config.M365Config.class}, (proxy, method, args) -> {
                    if (method.getName().equals("graphBaseUrl")) {
                        return "https://graph.microsoft.com/v1.0";
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
