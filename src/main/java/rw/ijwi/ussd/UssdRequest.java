package rw.ijwi.ussd;

/** One hop of a USSD session, whatever the provider: who, which session, and every input so far joined by '*'. */
public record UssdRequest(String sessionId, String serviceCode, String phoneNumber, String networkCode, String text) {
}
