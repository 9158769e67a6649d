package io.m365insights.simulator.http;

/**
 * The simulator's stand-in for Entra ID's password rule: at least 8 (at most 256) characters with three of the four
 * kinds: lower case, upper case, digits, symbols. An approximation: Entra ID also refuses banned and common passwords
 * and ones containing the user's name, which the simulator does not.
 */
final class PasswordPolicy {
    private PasswordPolicy() {
    }

    static boolean complexEnough(String password) {
        if (password == null || password.length() < 8 || password.length() > 256) {
            return false;
        }
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean symbol = false;
        for (char ch : password.toCharArray()) {
            if (Character.isLowerCase(ch)) {
                lower = true;
            } else if (Character.isUpperCase(ch)) {
                upper = true;
            } else if (Character.isDigit(ch)) {
                digit = true;
            } else {
                symbol = true;
            }
        }
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0) >= 3;
    }
}
