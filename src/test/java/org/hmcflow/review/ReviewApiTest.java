package org.hmcflow.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.hmcflow.support.ApiClient;
import org.hmcflow.support.ApiClient.Response;
import org.hmcflow.support.EngineClockControl;
import org.hmcflow.shared.workflow.Workflow;
import org.hmcflow.support.H2AppTest;
import org.hmcflow.support.ProcessTests;
import org.hmcflow.user.UserService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The review API as the demo users use it: admins keep the expert register, reviewers read it; the bureau uploads an
 * expert's signed opinion beside the form and records it; who is no party to a review is told it does not exist.
 * Problems are RFC 7807 with every field named.
 */
@H2AppTest
class ReviewApiTest {

    private static final String API = "/api/reviews";

    @LocalServerPort
    int port;
    @Autowired
    ReviewService reviews;
    @Autowired
    UserService users;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    Workflow workflow;

    @AfterEach
    void reset() {
        EngineClockControl.reset();
    }

    @Test
    void adminsKeepTheExpertRegisterAndReviewersReadIt() {
        ApiClient admin = new ApiClient(port, "admin");
        ApiClient reviewer = new ApiClient(port, "reviewer");
        ApiClient enterprise = new ApiClient(port, "enterprise");

        Response bad = admin.post(API + "/experts", Map.of("name", " ", "organisation", "华南理工大学"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.raw().headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(fields(bad)).contains("name", "specialty", "title");

        Response created = admin.post(API + "/experts", Map.of("name", "周教授", "organisation", "中山大学",
                "specialty", "重金属污染土壤修复", "title", "教授"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.json().get("active").asBoolean()).isTrue();
        assertThat(reviewer.post(API + "/experts", Map.of("name", "x", "organisation", "x", "specialty", "x", "title", "x"))
                .status()).isEqualTo(403);
        assertThat(reviewer.get(API + "/experts").json().findValuesAsText("name")).contains("周教授");
        assertThat(enterprise.get(API + "/experts").status()).isEqualTo(403);

        Response conflict = admin.post(API + "/experts/" + id + "/conflicts", Map.of("enterpriseId", 1, "reason", "近亲属任职"));
        assertThat(conflict.status()).as(conflict.body()).isEqualTo(201);
        assertThat(conflict.json().get("declaredOn").asText()).isNotBlank();
        Response twice = admin.post(API + "/experts/" + id + "/conflicts", Map.of("enterpriseId", 1, "reason", "再次"));
        assertThat(twice.status()).isEqualTo(400);
        assertThat(fields(twice)).containsExactly("enterpriseId");
        assertThat(reviewer.get(API + "/experts/conflicts?expertId=" + id).json().findValuesAsText("reason"))
                .containsExactly("近亲属任职");

        Response off = admin.post(API + "/experts/" + id + "/deactivate", Map.of("reason", "调离"));
        assertThat(off.status()).isEqualTo(200);
        assertThat(off.json().get("active").asBoolean()).isFalse();
    }

    @Test
    void theBureauUploadsTheSignedScanAndRecordsTheExpertsOpinion() {
        new EngineClockControl(management).set(ZonedDateTime.of(2026, 3, 2, 10, 0, 0, 0, ProcessTests.SHANGHAI).toInstant());
        ApiClient admin = new ApiClient(port, "admin");
        long expertId = admin.post(API + "/experts", Map.of("name", "吴研究员", "organisation", "省环境科学研究院",
                "specialty", "涉重金属废水", "title", "研究员")).json().get("id").asLong();
        Review review = tx.execute(t -> reviews.open(users.actor("reviewer").orElseThrow(),
                new ReviewService.OpenRequest("TEST_SUBJECT", "2", 1L, "city-epb",
                        List.of(ReviewService.PartyRequest.expert(expertId, "permit.joint-review")))));
        workflow.startAsApplication(MultiPartyReviewProcess.KEY, review.getId(),
                Map.of(MultiPartyReviewProcess.VAR_REVIEW_ID, review.getId()));
        long partyId = tx.execute(t -> reviews.ofSubject("TEST_SUBJECT", "2")).orElseThrow().parties().get(0).getId();
        String party = API + "/" + review.getId() + "/parties/" + partyId;

        ApiClient reviewer = new ApiClient(port, "reviewer");
        ApiClient eit = new ApiClient(port, "reviewer2");
        ApiClient enterprise = new ApiClient(port, "enterprise");
        Map<String, Object> signed = Map.of("opinion", "AGREE", "signedBy", "吴研究员", "signedOn", "2026-03-02");

        Response noScan = reviewer.post(party + "/opinion", signed);
        assertThat(noScan.status()).isEqualTo(400);
        assertThat(fields(noScan)).containsExactly("documents");
        // no party to this review, not the bureau: it does not exist for them
        assertThat(eit.upload(party + "/documents", Map.of(), "意见.png", "image/png", ApiClient.png()).status()).isEqualTo(404);
        assertThat(enterprise.get(party + "/documents").status()).isEqualTo(404);
        assertThat(enterprise.get(API + "/" + review.getId()).status()).isEqualTo(404);

        Response uploaded = reviewer.upload(party + "/documents", Map.of(), "吴研究员意见.png", "image/png", ApiClient.png());
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        long documentId = uploaded.json().get("id").asLong();
        assertThat(reviewer.get(party + "/documents").json().findValuesAsText("filename")).containsExactly("吴研究员意见.png");
        Response download = reviewer.get(party + "/documents/" + documentId);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.raw().headers().firstValue("X-Content-SHA256")).contains(uploaded.json().get("sha256").asText());

        assertThat(reviewer.post(party + "/opinion", signed).status()).isEqualTo(204);
        Response read = reviewer.get(API + "/" + review.getId());
        assertThat(read.json().get("state").asText()).isEqualTo("CLOSED");
        assertThat(read.json().get("outcome").asText()).isEqualTo("ALL_AGREE");
        assertThat(read.json().at("/parties/0/signedBy").asText()).isEqualTo("吴研究员");
        assertThat(read.json().at("/parties/0/recordedBy").asText()).isEqualTo("reviewer");
        assertThat(reviewer.upload(party + "/documents", Map.of(), "迟到.png", "image/png", ApiClient.png()).status())
                .as("recorded: no more files").isEqualTo(409);
    }

    private static List<String> fields(Response r) {
        return r.json().path("errors").findValuesAsText("field");
    }
}
