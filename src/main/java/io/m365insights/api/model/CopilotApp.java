package io.m365insights.api.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("CopilotApp")
@Description("Where Microsoft 365 Copilot was used, as the Copilot usage report tells.")
public enum CopilotApp {
    @Description("Copilot Chat.")
    CHAT,
    @Description("Copilot in Teams.")
    TEAMS,
    @Description("Copilot in Word.")
    WORD,
    @Description("Copilot in Excel.")
    EXCEL,
    @Description("Copilot in PowerPoint.")
    POWERPOINT,
    @Description("Copilot in Outlook.")
    OUTLOOK,
    @Description("Copilot in OneNote.")
    ONENOTE,
    @Description("Copilot in Loop.")
    LOOP
}
