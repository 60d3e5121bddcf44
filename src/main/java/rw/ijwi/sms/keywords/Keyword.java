package rw.ijwi.sms.keywords;

import java.util.List;
import java.util.Map;

/** One SMS keyword: the words that call it in each language, and what it does; App wires the list explicitly. */
public interface Keyword {

    /** Language code to the words (upper case, no accents) that call this keyword in that language. */
    Map<String, List<String>> words();

    /** Runs inside the transaction that marks the message processed; a reply, if any, goes to the outbox. */
    Outcome handle(SmsContext context);
}
