package io.m365insights.usage;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

/** The platforms of the Microsoft 365 Apps usage report. */
@Enum("Platform")
@Description("The platforms of the Microsoft 365 Apps usage report.")
public enum Platform {
    @Description("Windows desktop apps.")
    WINDOWS,
    @Description("Mac desktop apps.")
    MAC,
    @Description("iOS and Android apps.")
    MOBILE,
    @Description("Office on the web.")
    WEB
}
