package io.m365insights.licenses;

/**
 * The one rule of which license assignments count: Microsoft Graph counts an assignment (in a SKU's consumed units, as
 * a license the user holds) unless it failed, state {@code Error}. Every query and check that asks "does the user hold
 * it" uses this, in SQL/HQL or in Java.
 */
public final class EffectiveAssignment {
    /** The state of an assignment that failed: it holds no seat. */
    static final String FAILED_STATE = "Error";

    private EffectiveAssignment() {
    }

    /** The condition, in SQL or HQL, on the state column or property {@code state} (e.g. {@code la.state}). */
    public static String condition(String state) {
        return "coalesce(" + state + ", '') <> '" + FAILED_STATE + "'";
    }

    /** The condition on a state read from Microsoft Graph or the table (null: no state given, which counts). */
    public static boolean counts(String state) {
        return !FAILED_STATE.equals(state);
    }
}
