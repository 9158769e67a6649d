package io.m365insights.api.model;

import org.eclipse.microprofile.graphql.Enum;

@Enum("CopilotApp")
public enum CopilotApp { CHAT, TEAMS, WORD, EXCEL, POWERPOINT, OUTLOOK, ONENOTE, LOOP }
