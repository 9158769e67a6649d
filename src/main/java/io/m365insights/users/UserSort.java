package io.m365insights.users;

/** The order of a users listing; ties are always broken by object id, so the order is total and stable. */
public record UserSort(Field field, boolean descending) {

    public enum Field {
        DISPLAY_NAME("sort_name"), USER_PRINCIPAL_NAME("sort_upn"), CREATED_AT("sort_created");

        /** The column of directory_user the order is by (indexed with the id, for keyset pages). */
        final String column;

        Field(String column) {
            this.column = column;
        }
    }

    public static UserSort byName() {
        return new UserSort(Field.DISPLAY_NAME, false);
    }

    /** The sort key of a user: where a page ends, and where the next begins. */
    public Object keyOf(UserRow u) {
        return switch (field) {
            case DISPLAY_NAME -> u.sortName();
            case USER_PRINCIPAL_NAME -> u.sortUpn();
            case CREATED_AT -> u.sortCreated();
        };
    }
}
