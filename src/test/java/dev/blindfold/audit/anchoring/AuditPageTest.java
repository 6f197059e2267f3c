package dev.blindfold.audit.anchoring;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import dev.blindfold.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The project audit page for auditors, and the links to it where they land. */
@QuarkusTest
class AuditPageTest {

    /** Built once for the class (lazily: the port is known only here); the tests only read it. */
    private static AnchoringScenario s;
    private static String page;

    @BeforeEach
    void seed() {
        if (s == null) {
            s = AnchoringScenario.build();
            page = "/projects/" + s.fixture().projectId() + "/audit";
        }
    }

    @Test
    void auditorSeesAnnotatorsChartsFlagsWithTimelineLinksAndCsvLinks() {
        long id = s.fixture().projectId();
        Api.as(s.fixture().auditor()).accept("text/html").get(page).then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("<td>" + s.a() + "</td><td>2</td><td>1</td><td>2</td>"))
                .body(containsString("<td>" + s.b() + "</td><td>2</td><td>2</td><td>2</td><td>50.0%</td>"))
                .body(containsString("<td>" + s.c() + "</td>"))
                .body(containsString("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\""))
                .body(containsString("<title id=\"chart-alpha-title\">"))
                .body(containsString("<a href=\"/audit/assignments/" + s.pastedAid() + "\">timeline</a>"))
                .body(containsString("<a href=\"/audit/assignments/" + s.focusAid() + "\">timeline</a>"))
                .body(containsString("100% pasted"))
                .body(containsString("href=\"/api/projects/" + id + "/audit/annotators?format=csv\">Download CSV"))
                .body(containsString("href=\"/api/projects/" + id + "/audit/drift?format=csv\">Download CSV"))
                .body(containsString("href=\"/api/projects/" + id + "/audit/flags?format=csv\">Download CSV"))
                .body(not(containsString(s.fixture().secrets().get(0))));
        Api.as(Api.ADMIN).accept("text/html").get(page).then().statusCode(200);
    }

    @Test
    void opsAndAnnotatorsGetTheForbiddenErrorPage() {
        for (String who : List.of(s.fixture().ops(), s.a())) {
            Api.as(who).accept("text/html").get(page).then().statusCode(403).contentType(containsString("text/html"))
                    .body(not(containsString(s.b())));
        }
        Api.as(s.fixture().auditor()).accept("text/html").get("/projects/987654321/audit").then().statusCode(404)
                .contentType(containsString("text/html"));
    }

    @Test
    void auditorsFindThePageFromTheProjectListAndTheOverview() {
        String link = "href=\"/projects/" + s.fixture().projectId() + "/audit\"";
        Api.as(s.fixture().auditor()).accept("text/html").get("/").then().statusCode(200).body(containsString(link));
        Api.as(s.fixture().auditor()).accept("text/html").get("/projects/" + s.fixture().projectId() + "/overview")
                .then().statusCode(200).body(containsString(link));
        Api.as(s.fixture().ops()).accept("text/html").get("/").then().statusCode(200).body(not(containsString(link)));
    }
}
