package rw.ijwi.commitments;

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

/** The commitments register pages: create, list and filter, edit, dated notes; only in one's own districts. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommitmentsPageTest {

    private final TestApp app = new TestApp();
    private final Staff rusizi = Staff.signIn(app, Role.COORDINATOR, "Rusizi");

    @AfterAll
    void stop() {
        app.close();
    }

    static Map<String, String> form(String district, String promise) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("district", district);
        form.put("sector", "");
        form.put("actor", "National Police");
        form.put("promise", promise);
        form.put("service", "police");
        form.put("gap", "not_available");
        form.put("dueDate", "2027-03-31");
        form.put("status", "pledged");
        return form;
    }

    long create(Staff staff, String district, String promise) {
        HttpResponse<String> response = staff.post("/commitments", form(district, promise));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
        String location = response.headers().firstValue("Location").orElseThrow();
        return Long.parseLong(location.substring("/commitments/".length()));
    }

    @Test
    void a_coordinator_records_a_commitment_and_everyone_signed_in_sees_it_listed() {
        long id = create(rusizi, "Rusizi", "Officers at Nzahaha station");
        Staff viewer = Staff.signIn(app, Role.VIEWER);
        String list = viewer.get("/commitments?district=Rusizi&status=pledged").body();
        assertThat(list).contains("Officers at Nzahaha station").contains("/commitments/" + id);
        assertThat(viewer.get("/commitments").body()).contains("Officers at Nzahaha station");
        assertThat(viewer.get("/commitments?status=done").body()).doesNotContain("Officers at Nzahaha station");
        String detail = viewer.get("/commitments/" + id).body();
        assertThat(detail).contains("Officers at Nzahaha station").doesNotContain("id=\"commitment-form\"");
    }

    @Test
    void a_bad_form_is_shown_again_with_each_reason_and_what_was_typed() {
        Map<String, String> form = form("Rusizi", "Keep what I typed");
        form.put("dueDate", "next year");
        form.put("sector", "Kimironko");
        HttpResponse<String> response = rusizi.post("/commitments", form);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("dueDate: 'next year' is not a date")
                .contains("sector: 'Kimironko' is not a sector of Rusizi").contains("Keep what I typed");
    }

    @Test
    void a_status_change_and_a_dated_note_are_stored_and_audited() {
        long id = create(rusizi, "Rusizi", "Transport budget for Isange");
        Map<String, String> edit = form("Rusizi", "Transport budget for Isange");
        edit.put("status", "in_progress");
        assertThat(rusizi.post("/commitments/" + id, edit).statusCode()).isEqualTo(303);
        assertThat(rusizi.post("/commitments/" + id + "/notes",
                Map.of("notedOn", "2026-11-20", "note", "Budget line seen in the district plan")).statusCode())
                .isEqualTo(303);
        String detail = rusizi.get("/commitments/" + id).body();
        assertThat(detail).contains("In progress").contains("20 Nov 2026").contains("Budget line seen in the district plan");
        assertThat(app.database().count("SELECT count(*) FROM audit_log WHERE username = '" + rusizi.username()
                + "' AND action IN ('commitment_updated', 'commitment_note_added') AND detail LIKE 'id=" + id + " %'"))
                .isEqualTo(2);
    }

    @Test
    void a_coordinator_of_another_district_can_read_but_not_change_it() {
        long id = create(rusizi, "Rusizi", "Night shift at Bugarama");
        Staff huye = Staff.signIn(app, Role.COORDINATOR, "Huye");
        assertThat(huye.get("/commitments/" + id).body()).doesNotContain("id=\"commitment-form\"");
        assertThat(huye.post("/commitments/" + id, form("Huye", "Moved")).statusCode()).isEqualTo(403);
        assertThat(huye.post("/commitments/" + id + "/notes", Map.of("note", "x")).statusCode()).isEqualTo(403);
        assertThat(huye.post("/commitments", form("Rusizi", "Not mine")).statusCode()).isEqualTo(403);
        assertThat(rusizi.post("/commitments/" + id, form("Huye", "Moved away")).statusCode()).isEqualTo(403);
        assertThat(app.database().value("SELECT promise FROM commitment WHERE id = " + id)).isEqualTo("Night shift at Bugarama");
    }

    @Test
    void the_new_form_offers_a_coordinator_only_their_districts() {
        String page = rusizi.get("/commitments/new").body();
        assertThat(page).contains("<option value=\"Rusizi\"").doesNotContain("<option value=\"Huye\"")
                .contains("<option value=\"Bugarama\"");
        assertThat(Staff.signIn(app, Role.VIEWER).get("/commitments/new").statusCode()).isEqualTo(403);
    }

    @Test
    void the_register_reads_in_french_with_kinyarwanda_labels() {
        Staff french = Staff.signIn(app, Role.COORDINATOR, "Rusizi");
        String page = french.get("/commitments?lang=fr").body();
        assertThat(page).contains("<html lang=\"fr\">").contains("Registre des engagements")
                .contains("District (Akarere)").contains("Nouvel engagement");
        assertThat(french.get("/commitments/new").body()).contains("Qui s'est engagé").contains("Échéance");
    }
}
