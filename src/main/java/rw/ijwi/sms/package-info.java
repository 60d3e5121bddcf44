/**
 * SMS, in rooms that follow one message. What is shared by every room sits here: the reply texts
 * ({@link rw.ijwi.sms.SmsTexts}), the words never sent ({@link rw.ijwi.sms.UnsafeWords}), who may be texted
 * ({@link rw.ijwi.sms.AudienceDao}) and the background loop ({@link rw.ijwi.sms.Worker}).
 *
 * <pre>
 *  Africa's Talking                 africastalking.AtSmsWebhook  (the only code that knows AT's field names)
 *        |  POST /at/sms
 *        v
 *  inbound/   GroupCommit -> DurableReceiver -> SmsReceiver -> sms_inbound        answered 200 once committed
 *                               |  database away?                                 (or spooled: never lost)
 *                               '-> Spool (sealed file) -- replayed in order --'
 *        |  worker "ijwi-sms-inbound", woken by each arrival
 *        v
 *  keywords/  InboundProcessor -> KeywordRouter -> STOP | JOIN | HELP           one transaction per batch:
 *                                             '-> Polls (radio campaigns)        outcome marked, reply queued
 *                                             '-> nothing matched: the inbox
 *        |  reply, at most one a minute per number, never to an opted-out one
 *        v
 *  outbox/    sms_outbox -> OutboxSender -> SmsGateway (africastalking.AtSmsClient, metered)
 *        |  worker "ijwi-sms-outbox"; broadcasts queue here too
 *        v
 *  AT delivery report -> POST /at/sms/delivery -> SmsReceiver -> OutboxDao.delivered (status only moves forward)
 *
 *  pages/     what staff see of all this: the inbox of free text, subscribers per district, delivery figures
 * </pre>
 *
 * Rooms import downwards only: keywords may use inbound and outbox, inbound may use outbox, and no room imports
 * pages; architecture tests (rw.ijwi.ArchitectureTest) keep it so.
 */
package rw.ijwi.sms;
