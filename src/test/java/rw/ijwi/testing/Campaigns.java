package rw.ijwi.testing;

import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

/** A yes/no radio poll as a coordinator would post it to /api/v1/campaigns. */
public final class Campaigns {

    private Campaigns() {
    }

    public static String body(String keyword, String opensAt, String closesAt) {
        return """
                {"name":"Rusizi talk show 1","station":"Radio Rusizi","show":"Ijwi ry'abaturage","keyword":"%s",
                 "question":{"rw":"Ese polisi yabakiriye neza?","en":"Did the police receive you well?",
                             "fr":"La police vous a-t-elle bien recus?"},
                 "options":[{"code":"A","labels":{"rw":"Yego","en":"Yes","fr":"Oui"},"aliases":["1","yego","yes","oui"]},
                            {"code":"B","labels":{"rw":"Oya","en":"No","fr":"Non"},"aliases":["2","oya","no","non"]}],
                 "opensAt":"%s","closesAt":"%s"}""".formatted(keyword, opensAt, closesAt);
    }

    /** Creates the poll and returns its id; fails unless the API answers 201. */
    public static long create(TestApp app, String keyword, String opensAt, String closesAt) {
        HttpResponse<String> response = app.apiPost("/api/v1/campaigns", body(keyword, opensAt, closesAt),
                "application/json");
        if (response.statusCode() != 201) {
            throw new AssertionError("campaign not created: " + response.statusCode() + " " + response.body());
        }
        try {
            return new ObjectMapper().readTree(response.body()).get("id").asLong();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
