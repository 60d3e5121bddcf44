package rw.ijwi.ussd;

/** A USSD answer: the text to show, and whether the session stays open for input. */
public record Reply(boolean end, String text) {
}
