package io.m365insights.usage;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

/** The apps of the Microsoft 365 Apps usage report, and SUITE: any of Outlook, Word, Excel, PowerPoint, OneNote. */
@Enum("UsageApp")
@Description("SUITE counts people active in any of Outlook, Word, Excel, PowerPoint or OneNote. Teams is not part of it.")
public enum UsageApp {
    @Description("Any of Outlook, Word, Excel, PowerPoint or OneNote (not Teams).")
    SUITE(-1),
    @Description("Outlook.")
    OUTLOOK(0),
    @Description("Word.")
    WORD(1),
    @Description("Excel.")
    EXCEL(2),
    @Description("PowerPoint.")
    POWERPOINT(3),
    @Description("OneNote.")
    ONENOTE(4),
    @Description("Teams.")
    TEAMS(5);

    /** The report's app index (column order), or -1 for SUITE. */
    final int index;

    UsageApp(int index) {
        this.index = index;
    }

    /** The apps whose activity makes up this one: itself, or for SUITE the five suite apps. */
    public java.util.List<UsageApp> members() {
        return this == SUITE ? java.util.List.of(OUTLOOK, WORD, EXCEL, POWERPOINT, ONENOTE) : java.util.List.of(this);
    }
}
