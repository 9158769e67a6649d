package io.m365insights.simulator.tenant;

import java.text.Normalizer;
import java.util.Locale;
import java.util.SplittableRandom;

/** Realistic, deliberately international people names, and their ASCII user-principal-name form. */
final class Names {
    private Names() {
    }

    private static final String[] FIRST = {"Anna", "Ben", "Carlos", "Chloé", "Daniel", "Élodie", "Fatima", "François",
            "Grace", "Hannah", "Ibrahim", "Jörg", "José", "Julia", "Kenji", "Lars", "Łukasz", "María", "Mohammed",
            "Nadia", "Noah", "Olivia", "Pál", "Priya", "Quentin", "Rafael", "Sofía", "Søren", "Thomas", "Zoë", "Åsa",
            "Ngọc", "Inês", "Aiko", "Emma", "Liam", "Mia", "Lucas", "Amelia", "Oğuz", "Siobhán", "Björn", "Dvora"};
    private static final String[] LAST = {"Müller", "Smith", "García", "Ødegård", "Núñez", "O'Brien", "Nakamura",
            "Kowalski", "Żółkiewski", "Dubois", "Rossi", "Novák", "Dvořák", "Johansson", "Nguyễn", "Patel", "Kim",
            "Schmidt", "Fernández", "Lefèvre", "Andersson", "Yılmaz", "van der Berg", "Brown", "Wilson", "Taylor",
            "Martin", "Jensen", "Öztürk", "Horváth", "Ó Súilleabháin", "Ahmed", "Silva", "Cohen", "Fischer"};
    /** Family name, given name, and their romanisations: display names in the native script. */
    private static final String[][] CJK = {{"王", "芳", "wang", "fang"}, {"李", "娜", "li", "na"},
            {"佐藤", "健", "sato", "ken"}, {"김", "민준", "kim", "minjun"}, {"陈", "静", "chen", "jing"},
            {"高橋", "美咲", "takahashi", "misaki"}};

    record PersonName(String given, String surname, String displayName, String upnLocalPart) {
    }

    static PersonName random(SplittableRandom rnd) {
        if (rnd.nextDouble() < 0.03) {
            String[] n = CJK[rnd.nextInt(CJK.length)];
            return new PersonName(n[1], n[0], n[0] + n[1], n[3] + "." + n[2]);
        }
        String given = FIRST[rnd.nextInt(FIRST.length)];
        String surname = LAST[rnd.nextInt(LAST.length)];
        return new PersonName(given, surname, given + " " + surname, ascii(given) + "." + ascii(surname));
    }

    /** Folds a name to the characters a UPN allows (A-Z a-z 0-9 ' . - _ ! # ^ ~), lower case. */
    static String ascii(String name) {
        String s = name.replace("ł", "l").replace("Ł", "L").replace("ø", "o").replace("Ø", "O")
                .replace("æ", "ae").replace("Æ", "Ae").replace("ß", "ss").replace("đ", "d").replace("ı", "i");
        s = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9'._-]", "");
    }
}
