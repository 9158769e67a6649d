package io.m365insights.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365insights.testsupport.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input gets a GraphQL error that says what is wrong: never a 500, a stack trace or SQL. */
@QuarkusTest
class GraphQLInputTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown field         | { users { nodes { nope } } }                                  | Field 'nope' in type 'User' is undefined",
            "wrong type            | { users(first: \"ten\") { totalCount } }                      | is not a valid 'Int'",
            "page too large        | { users(first: 100000) { totalCount } }                       | first: must be between 0 and 500",
            "negative page         | { users(first: -1) { totalCount } }                           | first: must be between 0 and 500",
            "malformed cursor      | { users(after: \"not-a-cursor\") { totalCount } }             | after: malformed cursor",
            "cursor of other order | { users(after: \"dTF8RElTUExBWV9OQU1FfEF8MDAwMDAwMDAtMDAwMC0wMDAwLTAwMDAtMDAwMDAwMDAwMDAwfGE\", orderBy: {field: CREATED_AT}) { totalCount } } | belongs to another orderBy",
            "bad GUID              | { license(skuId: \"E3\") { total } }                          | skuId: 'E3' is not a GUID",
            "bad filter GUID       | { users(filter: {skuId: \"x\"}) { totalCount } }              | filter.skuId: 'x' is not a GUID",
            "two keys              | { user(id: \"00000000-0000-0000-0000-000000000000\", userPrincipalName: \"a@b.c\") { id } } | exactly one of id or userPrincipalName",
            "unknown enum          | { users(orderBy: {field: SALARY}) { totalCount } }            | SALARY",
            "syntax                | { users(first: 1 { totalCount } }                             | Unparseable input document"})
    void badInputIsAClearGraphQLError(String name, String query, String message) {
        var response = GraphQL.request(GraphQL.adminToken()).body(Map.of("query", query))
                .post("/graphql").then().extract();
        assertThat(response.statusCode()).isLessThan(500);
        String body = response.asString();
        assertThat(body).contains(message);
        // no stack trace, class name or SQL reaches the client
        assertThat(body).doesNotContain("\tat ").doesNotContain("java.").doesNotContain("io.m365insights")
                .doesNotContain("select ");
        JsonNode parsed = GraphQL.post(query, Map.of());
        assertThat(parsed.get("errors")).isNotEmpty();
        parsed.get("errors").forEach(e -> assertThat(e.path("extensions").has("exception")).isFalse());
    }

    @Test
    void anUnknownIdIsNullNotAnError() {
        JsonNode data = GraphQL.data("{ user(id: \"00000000-0000-0000-0000-000000000000\") { id } "
                + "license(skuId: \"00000000-0000-0000-0000-000000000000\") { skuId } }");
        assertThat(data.get("user").isNull()).isTrue();
        assertThat(data.get("license").isNull()).isTrue();
    }
}
