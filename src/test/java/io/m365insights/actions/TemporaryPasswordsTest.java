package io.m365insights.actions;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TemporaryPasswordsTest {

    @Test
    void everyPasswordHasSixteenCharactersOfAllFourKindsAndTheyDiffer() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            String p = TemporaryPasswords.generate();
            assertThat(p).hasSize(16);
            assertThat(p.chars().anyMatch(Character::isUpperCase)).as(p).isTrue();
            assertThat(p.chars().anyMatch(Character::isLowerCase)).as(p).isTrue();
            assertThat(p.chars().anyMatch(Character::isDigit)).as(p).isTrue();
            assertThat(p.chars().anyMatch(c -> !Character.isLetterOrDigit(c))).as(p).isTrue();
            assertThat(p).doesNotContain("I", "l", "1", "O", "0");
            seen.add(p);
        }
        assertThat(seen).hasSize(500);
    }
}
