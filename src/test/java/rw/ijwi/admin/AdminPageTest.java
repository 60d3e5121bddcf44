package rw.ijwi.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import rw.ijwi.auth.Role;
import rw.ijwi.testing.Staff;
import rw.ijwi.testing.TestApp;

/** The admin page: list, add and disable users; read the audit log. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminPageTest {

    private final TestApp app = new TestApp();
    private final Staff admin = Staff.signIn(app, Role.ADMIN);

    @AfterAll
    void stop() {
        app.close();
    }

    static Map<String, String> user(String username, String role, String district) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", username);
        form.put("password", Staff.PASSWORD);
        form.put("role", role);
        if (district != null) {
            form.put("districts", district);
        }
        return form;
    }

    @Test
    void an_admin_adds_a_coordinator_who_can_then_sign_in_and_it_is_audited() {
        assertThat(admin.post("/admin/users", user("claudine", "coordinator", "Rusizi")).statusCode()).isEqualTo(303);
        String page = admin.get("/admin").body();
        assertThat(page).contains("claudine").contains("Rusizi");
        assertThat(app.database().count("SELECT count(*) FROM audit_log WHERE action = 'user_added' "
                + "AND detail = 'user=claudine role=coordinator districts=Rusizi'")).isEqualTo(1);
        assertThat(page).contains("user_added");
        assertThat(app.database().count("SELECT count(*) FROM audit_log WHERE detail LIKE '%" + Staff.PASSWORD + "%'"))
                .isZero();
    }

    @Test
    void a_bad_user_is_refused_with_the_reason() {
        HttpResponse<String> noDistrict = admin.post("/admin/users", user("nodistrict", "coordinator", null));
        assertThat(noDistrict.statusCode()).isEqualTo(400);
        assertThat(noDistrict.body()).contains("a coordinator needs at least one");
        Map<String, String> weak = user("weak", "viewer", null);
        weak.put("password", "short");
        assertThat(admin.post("/admin/users", weak).body()).contains("at least 12 characters");
        assertThat(admin.post("/admin/users", user("x", "emperor", null)).statusCode()).isEqualTo(400);
    }

    @Test
    void a_disabled_user_is_signed_out_at_once_and_an_admin_cannot_disable_themselves() {
        Staff viewer = Staff.signIn(app, Role.VIEWER);
        assertThat(viewer.get("/").statusCode()).isEqualTo(200);
        assertThat(admin.post("/admin/users/" + viewer.username() + "/disable", Map.of()).statusCode()).isEqualTo(303);
        assertThat(viewer.get("/").statusCode()).isEqualTo(302);
        assertThat(admin.post("/admin/users/" + admin.username() + "/disable", Map.of()).statusCode()).isEqualTo(400);
        assertThat(app.database().count("SELECT count(*) FROM audit_log WHERE action = 'user_disabled' AND detail = 'user="
                + viewer.username() + "'")).isEqualTo(1);
    }
}
