package io.m365insights.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.m365insights.simulator.http.GraphSimulator;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** The simulator's routes need a Graph token: the client-credentials grant, as the app asks it. */
final class SimulatorTokens {
    private SimulatorTokens() {
    }

    /** An access token for the default client id and {@code secret}, the simulator's client secret. */
    static String appToken(GraphSimulator sim, String secret) throws Exception {
        String form = "client_id=" + SimulatorOptions.CLIENT_ID + "&client_secret=" + secret
                + "&grant_type=client_credentials&scope="
                + URLEncoder.encode("https://graph.microsoft.com/.default", StandardCharsets.UTF_8);
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(sim.tokenUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(r.body()).get("access_token").asText();
    }
}
