package io.m365insights.usage;

import org.eclipse.microprofile.graphql.Enum;

/** The platforms of the Microsoft 365 Apps usage report. */
@Enum("Platform")
public enum Platform {
    WINDOWS, MAC, MOBILE, WEB
}
