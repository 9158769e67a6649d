package io.m365insights.simulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The simulated Entra ID as the issuer of access tokens for *our* API (the inbound side): OpenID discovery, the
 * signing keys, and a control endpoint that mints a signed RS256 token with the given app roles, shaped like an
 * Entra ID v2 access token ({@code iss}, {@code aud}, {@code tid}, {@code oid}, {@code roles}). Tests and ITs call
 * the API with these real tokens; quarkus-oidc validates them against the published keys.
 */
final class IdentityRoutes {
    /** The application (client) id of the simulated API app registration: the tokens' audience. */
    static final String API_CLIENT_ID = "0f3c2b1a-9d8e-4f7a-b6c5-d4e3f2a1b0c9";

    private final GraphSimulator sim;
    private final RsaJsonWebKey key;

    IdentityRoutes(GraphSimulator sim) {
        this.sim = sim;
        try {
            key = RsaJwkGenerator.generateJwk(2048);
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
        key.setKeyId("sim-" + UUID.randomUUID().toString().substring(0, 8));
        key.setUse("sig");
        key.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
    }

    void register(Router router) {
        router.add("GET", "/([^/]+)/v2\\.0/\\.well-known/openid-configuration", Router.Area.TOKEN, this::discovery);
        router.add("GET", "/([^/]+)/discovery/v2\\.0/keys", Router.Area.TOKEN, r -> SimResponse.of(200,
                "application/json; charset=utf-8", new JsonWebKeySet(key).toJson().getBytes(StandardCharsets.UTF_8)));
        router.add("POST", "/_simulator/api-tokens", Router.Area.CONTROL, this::mint);
    }

    String issuer() {
        return sim.origin() + "/" + sim.tenant().tenantId() + "/v2.0";
    }

    private SimResponse discovery(SimRequest r) {
        String base = sim.origin() + "/" + r.group(1);
        ObjectNode d = Json.object().put("issuer", issuer())
                .put("authorization_endpoint", base + "/oauth2/v2.0/authorize")
                .put("token_endpoint", base + "/oauth2/v2.0/token")
                .put("jwks_uri", base + "/discovery/v2.0/keys");
        d.putArray("response_types_supported").add("code").add("token");
        d.putArray("subject_types_supported").add("pairwise");
        d.putArray("id_token_signing_alg_values_supported").add("RS256");
        return SimResponse.of(200, "application/json; charset=utf-8", Json.write(d).getBytes(StandardCharsets.UTF_8));
    }

    /** Body: {@code {"roles": [...], "name": "...", "upn": "...", "expiresInSeconds": 3600, "audience": "..."}}. */
    private SimResponse mint(SimRequest r) throws JoseException {
        JsonNode b = Json.read(r.body());
        JsonNode body = b == null ? Json.object() : b;
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer());
        claims.setAudience(body.hasNonNull("audience") ? body.get("audience").asText() : API_CLIENT_ID);
        // Real time, not the simulator's clock: quarkus-oidc checks these claims against the wall clock, which no test
        // clock reaches (the tokens say nothing about the tenant's calendar).
        claims.setExpirationTimeMinutesInTheFuture(body.path("expiresInSeconds").asInt(3600) / 60f);
        claims.setIssuedAtToNow();
        claims.setNotBeforeMinutesInThePast(1);
        claims.setGeneratedJwtId();
        String upn = body.path("upn").asText("admin@" + "contoso.com");
        claims.setSubject(UUID.nameUUIDFromBytes(upn.getBytes(StandardCharsets.UTF_8)).toString());
        claims.setClaim("oid", UUID.nameUUIDFromBytes(("oid:" + upn).getBytes(StandardCharsets.UTF_8)).toString());
        claims.setClaim("tid", sim.tenant().tenantId().toString());
        claims.setClaim("preferred_username", upn);
        claims.setClaim("upn", upn);
        claims.setClaim("name", body.path("name").asText(upn));
        claims.setClaim("ver", "2.0");
        List<String> roles = new ArrayList<>();
        body.path("roles").forEach(role -> roles.add(role.asText()));
        if (!roles.isEmpty()) {
            claims.setStringListClaim("roles", roles);
        }
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        ObjectNode out = Json.object().put("access_token", jws.getCompactSerialization()).put("token_type", "Bearer");
        return SimResponse.json(200, Json.write(out));
    }
}
