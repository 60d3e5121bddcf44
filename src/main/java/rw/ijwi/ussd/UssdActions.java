package rw.ijwi.ussd;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import rw.ijwi.feedback.NewReport;
import rw.ijwi.feedback.ReportDao;
import rw.ijwi.geo.Geography;

/**
 * What END screens do when reached: file the report built from the answers, or delete one by its reference.
 * Returns the values the END text shows ({ref}) and "ok" = false when the action could not be done.
 */
public final class UssdActions {

    /**
     * Each action with the answers it reads. The menu check refuses a menu where no screen saves one of them: a
     * renamed save key would otherwise pass every check and make each report fail (or lose a field) at run time.
     */
    public static final Map<String, Set<String>> ANSWERS = Map.of(
            "submit_report", Set.of("district", "sector", "service", "gap", "comment", "quote"),
            "delete_report", Set.of("ref"));

    private final ReportDao reports;
    private final Geography geography;
    private final FilingCheck check;
    private final Function<NewReport, String> filer;

    public UssdActions(ReportDao reports, Geography geography) {
        this(reports, geography, FilingCheck.ANY);
    }

    public UssdActions(ReportDao reports, Geography geography, FilingCheck check) {
        this(reports, geography, check, reports::file);
    }

    /** With filer storing a report and returning its reference once committed (feedback/ReportCommits groups them). */
    public UssdActions(ReportDao reports, Geography geography, FilingCheck check, Function<NewReport, String> filer) {
        this.reports = reports;
        this.geography = geography;
        this.check = check;
        this.filer = filer;
    }

    public Map<String, String> run(String action, UssdRequest request, byte[] phoneHash, SessionState state) {
        return switch (action) {
            case "submit_report" -> submit(request, phoneHash, state);
            case "delete_report" -> delete(phoneHash, state);
            default -> throw new IllegalArgumentException("unknown action " + action);
        };
    }

    private Map<String, String> submit(UssdRequest request, byte[] phoneHash, SessionState state) {
        Optional<Geography.District> district = geography.district(state.answers().get("district"));
        String service = state.answers().get("service");
        String gap = state.answers().get("gap");
        if (district.isEmpty() || service == null || gap == null
                || !check.allows(request.sessionId(), district.get().name())) {
            return Map.of("ok", "false");
        }
        Optional<Integer> sector = geography.sector(district.get(), state.answers().get("sector"))
                .map(Geography.Sector::id);
        String ref = filer.apply(new NewReport("ussd", Optional.of(request.sessionId()), phoneHash,
                district.get().id(), sector, service, gap, state.language(),
                state.answer("comment").map(String::strip).filter(c -> !c.isEmpty()),
                "yes".equals(state.answers().get("quote"))));
        return Map.of("ref", ref);
    }

    private Map<String, String> delete(byte[] phoneHash, SessionState state) {
        String ref = state.answers().getOrDefault("ref", "");
        int deleted = reports.deleteOwn(ref, phoneHash);
        return deleted > 0 ? Map.of("ref", ref) : Map.of("ref", ref, "ok", "false");
    }
}
