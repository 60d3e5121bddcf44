package rw.ijwi.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import rw.ijwi.testing.TestApp;

/** The one-time setup link makes one admin, however many posts use it at the same moment. */
class SetupRaceTest {

    static final int POSTS = 6;

    @Test
    @Tag("slow")
    @Tag("load") // parallel argon2 hashing: 2-5 s
    void parallel_posts_with_the_setup_link_create_exactly_one_admin() throws Exception {
        try (TestApp app = new TestApp()) {
            String link = app.app().setupLink().orElseThrow();
            String token = link.substring(link.indexOf("token=") + 6);
            HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
            String base = "http://127.0.0.1:" + app.port();
            HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(base + "/setup?token=" + token))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(form.statusCode()).isEqualTo(200);
            String cookie = form.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("ijwi_login="))
                    .findFirst().orElseThrow().split(";")[0];
            String csrf = cookie.substring("ijwi_login=".length());

            ExecutorService pool = Executors.newFixedThreadPool(POSTS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < POSTS; i++) {
                String username = "first-admin-" + i;
                answers.add(pool.submit(() -> {
                    go.await(60, java.util.concurrent.TimeUnit.SECONDS);
                    return http.send(HttpRequest.newBuilder(URI.create(base + "/setup")).header("Cookie", cookie)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(TestApp.encode(Map.of("_csrf", csrf,
                                    "token", token, "username", username, "password", "a long enough password 1",
                                    "repeat", "a long enough password 1")))).build(),
                            HttpResponse.BodyHandlers.ofString()).statusCode();
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(120, java.util.concurrent.TimeUnit.SECONDS));
            }
            pool.shutdown();
            assertThat(statuses).filteredOn(s -> s == 303).hasSize(1);
            assertThat(statuses).filteredOn(s -> s != 303).allMatch(s -> s == 400 || s == 404);
            assertThat(app.database().count("SELECT count(*) FROM app_user")).isEqualTo(1);
            assertThat(app.database().count("SELECT count(*) FROM setup_token")).isZero();
        }
    }
}
