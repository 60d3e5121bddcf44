package rw.ijwi.ussd;

/**
 * Whether a USSD session may file a report into a district, asked just before it is stored. Reporters' sessions
 * always may; the dashboard's phone simulator limits its own (simulator/SimulatorSessions). Knows no users.
 */
@FunctionalInterface
public interface FilingCheck {

    FilingCheck ANY = (sessionId, district) -> true;

    boolean allows(String sessionId, String district);
}
