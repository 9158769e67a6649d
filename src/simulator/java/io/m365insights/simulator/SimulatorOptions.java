package io.m365insights.simulator;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;

/**
 * How to start the Microsoft Graph simulator.
 *
 * @param seed         makes the tenant deterministic
 * @param users        tenant size
 * @param port         0 picks a free port
 * @param clientId     the app registration the token endpoint accepts
 * @param clientSecret its secret
 * @param clock        what "now" is for the simulated Microsoft 365: the day reports are served up to, token lifetimes,
 *                     creation times. The system clock in dev mode; tests give it the application's test clock.
 */
public record SimulatorOptions(long seed, int users, int port, String clientId, String clientSecret, Clock clock) {
    public static final String CLIENT_ID = "5b0d7a3e-6c1f-4c55-9d8e-3f2a1b0c9d8e";

    public static SimulatorOptions defaults() {
        return new SimulatorOptions(42, 300, 0, CLIENT_ID, randomSecret(), Clock.systemUTC());
    }

    public SimulatorOptions withUsers(int n) {
        return new SimulatorOptions(seed, n, port, clientId, clientSecret, clock);
    }

    public SimulatorOptions withSeed(long s) {
        return new SimulatorOptions(s, users, port, clientId, clientSecret, clock);
    }

    public SimulatorOptions withPort(int p) {
        return new SimulatorOptions(seed, users, p, clientId, clientSecret, clock);
    }

    public SimulatorOptions withClientSecret(String secret) {
        return new SimulatorOptions(seed, users, port, clientId, secret, clock);
    }

    public SimulatorOptions withClock(Clock c) {
        return new SimulatorOptions(seed, users, port, clientId, clientSecret, c);
    }

    /** A fresh secret per start, shaped like an Entra ID client secret value. */
    public static String randomSecret() {
        byte[] b = new byte[20];
        new SecureRandom().nextBytes(b);
        return "sim~" + HexFormat.of().formatHex(b);
    }
}
