package rw.ijwi.sms.outbox;

/**
 * A provider's delivery report in neutral terms: the message id, the status word as given, its rank on the way
 * to the handset (unknown words rank 0 and never overwrite a known status) and the failure reason.
 */
public record DeliveryReport(String messageId, String status, int rank, String failureReason, String networkCode) {
}
