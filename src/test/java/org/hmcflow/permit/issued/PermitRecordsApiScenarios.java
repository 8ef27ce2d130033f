package org.hmcflow.permit.issued;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.hmcflow.inspection.ViolationKind;
import org.hmcflow.inspection.ViolationsFound;
import org.hmcflow.permit.application.PermitApiScenarios;
import org.hmcflow.support.ApiClient;
import org.hmcflow.support.ApiScenarios;
import org.hmcflow.support.ApiClient.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The issued permit through HTTP as the demo users: its JSON (list, by id, by number), the printable certificate, the
 * execution reports filed by the holder and reviewed by the bureau, and its record, including inspection findings
 * published as {@link ViolationsFound}. Run on H2 ({@link PermitRecordsApiH2Test}) and PostgreSQL
 * ({@link PermitRecordsApiPostgresTest}).
 */
abstract class PermitRecordsApiScenarios extends ApiScenarios {

    static final String APPLICATIONS = "/api/permits/applications";

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;

    /** Files demo enterprise 1's application and takes it to issue as the bureau; returns the permit's id. */
    long issuedPermit() {
        Response filed = enterprise.post(APPLICATIONS, PermitApiScenarios.anApplication());
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        long id = filed.json().get("id").asLong();
        ok(reviewer.post(APPLICATIONS + "/" + id + "/acceptance", Map.of("acceptanceDecision", "ACCEPT")));
        ok(reviewer.post(APPLICATIONS + "/" + id + "/technical-review", Map.of("reviewOutcome", "PROCEED",
                "managementCategory", "KEY", "siteInspectionRequired", false, "reviewComment", "材料齐全")));
        ok(reviewer.post(APPLICATIONS + "/" + id + "/decision", Map.of("decision", "ISSUE", "decisionComment", "准予许可")));
        JsonNode application = enterprise.get(APPLICATIONS + "/" + id).json();
        String number = application.at("/permit/permitNumber").asText();
        for (JsonNode p : enterprise.get("/api/permits").json()) {
            if (p.get("permitNumber").asText().equals(number)) {
                return p.get("id").asLong();
            }
        }
        throw new AssertionError("permit " + number + " not in the holder's list");
    }

    @Test
    void theHolderAndTheBureauReadTheIssuedPermitAndItsCertificateOthersDoNot() {
        long id = issuedPermit();
        JsonNode permit = read(enterprise, "/api/permits/" + id);
        String number = permit.get("permitNumber").asText();
        assertThat(number).matches(PermitApiScenarios.USCC_1 + "\\d{3}P");
        assertThat(permit.get("unitName").asText()).isEqualTo("清远市尤尼电源科技有限公司");
        assertThat(permit.get("uscc").asText()).isEqualTo(PermitApiScenarios.USCC_1);
        assertThat(permit.get("managementCategory").asText()).isEqualTo("KEY");
        assertThat(permit.get("validFrom").asText()).isEqualTo("2026-03-02");
        assertThat(permit.get("validUntil").asText()).isEqualTo("2031-03-01");
        assertThat(permit.at("/outlets/0/code").asText()).isEqualTo("DW001");
        assertThat(permit.at("/outlets/0/pollutants/0/pollutant").asText()).isEqualTo("Pb");
        assertThat(permit.get("executionReports").size()).isGreaterThan(20);
        assertThat(permit.at("/executionReports/0/period").asText()).isEqualTo("2026-Q2");
        assertThat(permit.at("/executionReports/0/state").asText()).isEqualTo("SCHEDULED");
        assertThat(permit.at("/executionReports/0/dueOn").asText()).isEqualTo("2026-07-15");
        assertThat(permit.get("record").findValuesAsText("kind")).containsExactly("ISSUED");
        assertThat(read(reviewer2, "/api/permits/by-number/" + number).get("id").asLong()).isEqualTo(id);
        assertThat(read(supervisor, "/api/permits").findValuesAsText("permitNumber")).contains(number);

        // another enterprise does not learn it exists
        assertThat(enterprise2.get("/api/permits/" + id).status()).isEqualTo(404);
        assertThat(enterprise2.get("/api/permits/by-number/" + number).status()).isEqualTo(404);
        assertThat(enterprise2.get("/api/permits/" + id + "/audit").status()).isEqualTo(404);
        assertThat(enterprise2.get("/api/permits").json().findValuesAsText("permitNumber")).doesNotContain(number);
        assertThat(enterprise2.get("/permits/" + id + "/certificate").status()).isEqualTo(404);
        assertThat(new ApiClient(port, null).get("/permits/" + id + "/certificate").status()).isIn(302, 401);

        Response certificate = enterprise.get("/permits/" + id + "/certificate");
        assertThat(certificate.status()).isEqualTo(200);
        assertThat(certificate.raw().headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(certificate.body()).contains("排污许可证", "Pollutant Discharge Permit", number,
                "清远市尤尼电源科技有限公司", PermitApiScenarios.USCC_1, "重点管理", "2026年3月2日 至 2031年3月1日",
                "市环境保护局", "DW001", "GB 30484-2013");
        assertThat(certificate.body()).as("no third-party resources").doesNotContainPattern("(?i)(src|href)=\"(https?:)?//");
        assertThat(reviewer.get("/permits/" + id + "/certificate").status()).isEqualTo(200);
    }

    @Test
    void theHolderFilesAnExecutionReportThroughTheApiAndTheBureauAcceptsIt() {
        long id = issuedPermit();
        String report = "/api/permits/" + id + "/execution-reports/2026-Q2";
        Response early = enterprise.post(report, filing("Pb", "3.0", "100"));
        assertThat(early.status()).as("the quarter has not ended").isEqualTo(409);

        clock.set(ZonedDateTime.parse("2026-07-10T10:00:00+08:00").toInstant());
        clock.fireDueJobs();
        assertThat(read(enterprise, "/api/permits/" + id).at("/executionReports/0/state").asText()).isEqualTo("OPEN");
        assertThat(read(enterprise, "/api/permits/" + id).at("/executionReports/0/openTasks/0/key").asText())
                .isEqualTo("Task_FileExecutionReport");

        Response bad = enterprise.post(report, Map.of("actualEmissions", List.of(Map.of("pollutant", "Cd", "actualKg", -1)),
                "exceedances", "无", "abnormalOperation", "无", "monitoringCompleteness", 130));
        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        assertThat(bad.json().get("errors").findValuesAsText("field")).contains("actualEmissions", "monitoringCompleteness");
        assertThat(bad.body()).contains("Pb");
        assertThat(enterprise2.post(report, filing("Pb", "3.0", "100")).status()).isEqualTo(404);
        assertThat(reviewer.post(report, filing("Pb", "3.0", "100")).status()).isEqualTo(403);
        ok(enterprise.post(report, filing("Pb", "3.0", "98.5")));

        assertThat(reviewer2.post(report + "/review", Map.of("reportReview", "ACCEPT", "reportReviewComment", "x")).status())
                .as("another department").isEqualTo(403);
        assertThat(enterprise.post(report + "/review", Map.of("reportReview", "ACCEPT", "reportReviewComment", "x")).status())
                .isEqualTo(403);
        ok(reviewer.post(report + "/review", Map.of("reportReview", "ACCEPT", "reportReviewComment", "内容完整")));
        JsonNode accepted = read(enterprise, "/api/permits/" + id).at("/executionReports/0");
        assertThat(accepted.get("state").asText()).isEqualTo("ACCEPTED");
        assertThat(accepted.get("late").asBoolean()).isFalse();
        assertThat(accepted.at("/actualEmissions/0/actualKg").decimalValue()).isEqualByComparingTo("3.0");
        assertThat(accepted.get("monitoringCompleteness").decimalValue()).isEqualByComparingTo("98.5");
        assertThat(read(supervisor, report + "/audit").findValuesAsText("action")).containsSubsequence("OPENED", "FILED",
                "ACCEPTED");
        assertThat(read(enterprise, "/api/permits/" + id).get("record").findValuesAsText("kind"))
                .containsExactly("ISSUED", "REPORT_FILED", "REPORT_ACCEPTED");
    }

    @Test
    void inspectionFindingsAgainstThePermitGoOnItsRecord() {
        long id = issuedPermit();
        String number = read(enterprise, "/api/permits/" + id).get("permitNumber").asText();
        Instant decidedAt = ZonedDateTime.parse("2026-04-20T15:00:00+08:00").toInstant();
        ViolationsFound found = new ViolationsFound(9001, 1, "reviewer", decidedAt, List.of(
                new ViolationsFound.Violation(ViolationKind.EXCEEDS_STANDARD, "Pb", "DW001", new BigDecimal("1.60"),
                        new BigDecimal("0.5"), "mg/L", "mg/L", new BigDecimal("3.20"), true, number, "总铅超标"),
                new ViolationsFound.Violation(ViolationKind.PERMIT_CONDITION_BREACH, null, null, null, null, null, null,
                        null, false, null, "未按许可证规定设置排放口标志牌"),
                new ViolationsFound.Violation(ViolationKind.FACILITY_NOT_RUNNING, null, null, null, null, null, null,
                        null, false, null, "不涉及许可证编号")));
        transactions.executeWithoutResult(s -> events.publishEvent(found));
        // published twice (a retried listener): written once
        transactions.executeWithoutResult(s -> events.publishEvent(found));

        JsonNode record = read(enterprise, "/api/permits/" + id).get("record");
        assertThat(record.findValuesAsText("kind")).containsExactly("ISSUED", "INSPECTION_FINDING", "INSPECTION_FINDING");
        assertThat(record.get(1).get("violationKind").asText()).isEqualTo("EXCEEDS_STANDARD");
        assertThat(record.get(1).get("reference").asText()).isEqualTo("inspection:9001");
        assertThat(record.get(1).get("summary").asText()).contains("Pb", "DW001", "3.20", "总铅超标");
        assertThat(record.get(1).get("occurredAt").asText()).isEqualTo("2026-04-20T07:00:00Z");
        assertThat(record.get(2).get("violationKind").asText()).isEqualTo("PERMIT_CONDITION_BREACH");
        assertThat(record.get(2).get("summary").asText()).contains("排放口标志牌");
        assertThat(read(supervisor, "/api/permits/" + id + "/audit").findValuesAsText("action"))
                .containsSubsequence("RECORD_ISSUED", "EXECUTION_REPORTS_SCHEDULED", "RECORD_INSPECTION_FINDING",
                        "RECORD_INSPECTION_FINDING");

        // a finding naming this permit number for another enterprise is not this permit's
        transactions.executeWithoutResult(s -> events.publishEvent(new ViolationsFound(9002, 2, "reviewer", decidedAt,
                List.of(new ViolationsFound.Violation(ViolationKind.PERMIT_CONDITION_BREACH, null, null, null, null, null,
                        null, null, false, number, "x")))));
        assertThat(read(enterprise, "/api/permits/" + id).get("record").size()).isEqualTo(3);
    }

    @Test
    void theApplicantUploadsDocumentsCheckedByContentAndOnlyTheHolderAndTheBureauDownloadThem() throws Exception {
        long app = enterprise.post(APPLICATIONS, PermitApiScenarios.anApplication()).json().get("id").asLong();
        String docs = APPLICATIONS + "/" + app + "/documents";
        byte[] pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
                .getBytes(StandardCharsets.US_ASCII);

        Response text = enterprise.upload(docs, Map.of("kind", "EIA_APPROVAL"), "批复.pdf", "application/pdf",
                "not a pdf".getBytes(StandardCharsets.UTF_8));
        assertThat(text.status()).as(text.body()).isEqualTo(400);
        assertThat(text.json().get("errors").findValuesAsText("field")).containsExactly("file");
        Response noKind = enterprise.upload(docs, Map.of(), "批复.pdf", "application/pdf", pdf);
        assertThat(noKind.status()).isEqualTo(400);
        assertThat(noKind.json().get("errors").findValuesAsText("field")).containsExactly("kind");
        byte[] big = new byte[8 * 1024 * 1024 + 1];
        System.arraycopy(pdf, 0, big, 0, pdf.length);
        Response tooBig = enterprise.upload(docs, Map.of("kind", "OTHER"), "big.pdf", "application/pdf", big);
        assertThat(tooBig.status()).as(tooBig.body()).isEqualTo(400);
        assertThat(tooBig.body()).contains("8 MB");
        assertThat(reviewer.upload(docs, Map.of("kind", "OTHER"), "x.pdf", "application/pdf", pdf).status()).isEqualTo(403);
        assertThat(enterprise2.upload(docs, Map.of("kind", "OTHER"), "x.pdf", "application/pdf", pdf).status()).isEqualTo(404);
        assertThat(enterprise.get(docs).json().size()).as("nothing stored").isZero();

        Response saved = enterprise.upload(docs, Map.of("kind", "EIA_APPROVAL"), "C:\\scan\\环评批复.pdf", "application/pdf", pdf);
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(pdf));
        assertThat(saved.json().get("sha256").asText()).isEqualTo(sha);
        assertThat(saved.json().get("filename").asText()).isEqualTo("环评批复.pdf");
        assertThat(saved.json().get("contentType").asText()).isEqualTo("application/pdf");
        assertThat(saved.json().get("sizeBytes").asLong()).isEqualTo(pdf.length);
        assertThat(saved.json().get("correctionNoticeId").isNull()).isTrue();
        long fileId = saved.json().get("id").asLong();

        assertThat(enterprise.get(docs).json().findValuesAsText("kind")).containsExactly("EIA_APPROVAL");
        Response download = enterprise.get(docs + "/" + fileId);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.raw().headers().firstValue("Content-Type").orElse("")).isEqualTo("application/pdf");
        assertThat(download.raw().headers().firstValue("X-Content-SHA256").orElse("")).isEqualTo(sha);
        assertThat(download.body().getBytes(StandardCharsets.ISO_8859_1)).isEqualTo(pdf);
        assertThat(reviewer2.get(docs + "/" + fileId).status()).isEqualTo(200);
        assertThat(enterprise2.get(docs + "/" + fileId).status()).isEqualTo(404);
        assertThat(enterprise2.get(docs).status()).isEqualTo(404);
        JsonNode trail = supervisor.get(APPLICATIONS + "/" + app + "/audit").json();
        assertThat(trail.findValuesAsText("action")).containsSubsequence("FILED", "DOCUMENT_UPLOADED");
        assertThat(trail.get(1).get("changes").asText()).contains(sha).contains("EIA_APPROVAL");

        // a file uploaded while a correction notice is open answers it
        ok(reviewer.post(APPLICATIONS + "/" + app + "/acceptance", Map.of("acceptanceDecision", "RETURN",
                "missingItems", List.of("信息公开情况说明"))));
        Response answer = enterprise.upload(docs, Map.of("kind", "DISCLOSURE_STATEMENT"), "公开说明.png", "image/png",
                ApiClient.png());
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        long notice = read(enterprise, APPLICATIONS + "/" + app).at("/corrections/0/id").asLong();
        assertThat(answer.json().get("correctionNoticeId").asLong()).isEqualTo(notice);
    }

    static Map<String, Object> filing(String pollutant, String kg, String completeness) {
        return Map.of("actualEmissions", List.of(Map.of("pollutant", pollutant, "actualKg", new BigDecimal(kg))),
                "exceedances", "无", "abnormalOperation", "无", "monitoringCompleteness", new BigDecimal(completeness));
    }

    static JsonNode read(ApiClient who, String path) {
        Response r = who.get(path);
        assertThat(r.status()).as(path + " " + r.body()).isEqualTo(200);
        return r.json();
    }

    static void ok(Response r) {
        assertThat(r.status()).as(r.body()).isBetween(200, 299);
    }
}
