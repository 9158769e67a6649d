package io.m365insights.actions;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Strong temporary passwords for new users: 16 characters from a cryptographic random source, with upper and lower
 * case letters, digits and symbols (Entra ID asks for three of the four), leaving out look-alikes (I l 1 O 0) so it
 * can be read out. The user must change it at first sign-in.
 */
final class TemporaryPasswords {
    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String LOWER = "abcdefghijkmnopqrstuvwxyz";
    private static final String DIGITS = "23456789";
    private static final String SYMBOLS = "!#$%&*+-=?@^_";
    private static final String ALL = UPPER + LOWER + DIGITS + SYMBOLS;
    static final int LENGTH = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private TemporaryPasswords() {
    }

    static String generate() {
        List<Character> chars = new ArrayList<>(LENGTH);
        for (String set : List.of(UPPER, LOWER, DIGITS, SYMBOLS)) {
            chars.add(pick(set));
        }
        while (chars.size() < LENGTH) {
            chars.add(pick(ALL));
        }
        Collections.shuffle(chars, RANDOM);
        StringBuilder sb = new StringBuilder(LENGTH);
        chars.forEach(sb::append);
        return sb.toString();
    }

    private static char pick(String set) {
        return set.charAt(RANDOM.nextInt(set.length()));
    }
}
