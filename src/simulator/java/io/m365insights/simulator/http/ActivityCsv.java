package io.m365insights.simulator.http;

import io.m365insights.simulator.tenant.ActivityModel;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the active user detail and Copilot usage reports as Microsoft serves CSV (UTF-8 BOM, CRLF, header line of
 * CONTRACT.md §1.2 / §10.1, True/False flags, empty field for no date, a field quoted when it holds a comma or quote).
 */
final class ActivityCsv {
    static final String SERVICE_HEADER = "Report Refresh Date,User Principal Name,Display Name,Is Deleted,Deleted Date,"
            + "Has Exchange License,Has OneDrive License,Has SharePoint License,Has Skype For Business License,"
            + "Has Yammer License,Has Teams License,Exchange Last Activity Date,OneDrive Last Activity Date,"
            + "SharePoint Last Activity Date,Skype For Business Last Activity Date,Yammer Last Activity Date,"
            + "Teams Last Activity Date,Exchange License Assign Date,OneDrive License Assign Date,"
            + "SharePoint License Assign Date,Skype For Business License Assign Date,Yammer License Assign Date,"
            + "Teams License Assign Date,Assigned Products";
    static final String COPILOT_HEADER = "Report Refresh Date,User Principal Name,Display Name,Last Activity Date,"
            + "Copilot Chat Last Activity Date,Microsoft Teams Copilot Last Activity Date,Word Copilot Last Activity Date,"
            + "Excel Copilot Last Activity Date,PowerPoint Copilot Last Activity Date,Outlook Copilot Last Activity Date,"
            + "OneNote Copilot Last Activity Date,Loop Copilot Last Activity Date,Report Period";

    private ActivityCsv() {
    }

    static byte[] services(LocalDate refresh, List<ActivityModel.ServiceRow> rows) {
        List<List<String>> lines = new ArrayList<>();
        for (ActivityModel.ServiceRow r : rows) {
            var ex = r.services().get(ActivityModel.Service.EXCHANGE);
            var od = r.services().get(ActivityModel.Service.ONEDRIVE);
            var sp = r.services().get(ActivityModel.Service.SHAREPOINT);
            var tm = r.services().get(ActivityModel.Service.TEAMS);
            LocalDate assigned = ex.assignDate() != null ? ex.assignDate() : sp.assignDate() != null ? sp.assignDate()
                    : tm.assignDate();
            lines.add(List.of(d(refresh), r.upn(), r.displayName(), tf(r.deleted()), d(r.deletedDate()),
                    tf(ex.licensed()), tf(od.licensed()), tf(sp.licensed()), tf(r.skype()), tf(r.yammer()),
                    tf(tm.licensed()), d(ex.lastActivity()), d(od.lastActivity()), d(sp.lastActivity()), "", "",
                    d(tm.lastActivity()), d(ex.assignDate()), d(od.assignDate()), d(sp.assignDate()),
                    r.skype() ? d(assigned) : "", r.yammer() ? d(assigned) : "", d(tm.assignDate()), r.products()));
        }
        return write(SERVICE_HEADER, lines);
    }

    static byte[] copilot(LocalDate refresh, List<ActivityModel.CopilotRow> rows) {
        List<List<String>> lines = new ArrayList<>();
        for (ActivityModel.CopilotRow r : rows) {
            List<String> line = new ArrayList<>(List.of(d(refresh), r.upn(), r.displayName(), d(r.lastActivity())));
            for (ActivityModel.CopilotApp app : ActivityModel.CopilotApp.values()) {
                line.add(d(r.apps().get(app)));
            }
            line.add("7");
            lines.add(line);
        }
        return write(COPILOT_HEADER, lines);
    }

    private static byte[] write(String header, List<List<String>> lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(lines.size() * 200 + 512);
        out.writeBytes(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        out.writeBytes(header.getBytes(StandardCharsets.UTF_8));
        out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        for (List<String> line : lines) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < line.size(); i++) {
                String v = line.get(i) == null ? "" : line.get(i);
                sb.append(i > 0 ? "," : "").append(v.contains(",") || v.contains("\"")
                        ? "\"" + v.replace("\"", "\"\"") + "\"" : v);
            }
            out.writeBytes(sb.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static String d(LocalDate d) {
        return d == null ? "" : d.toString();
    }

    private static String tf(boolean b) {
        return b ? "True" : "False";
    }
}
