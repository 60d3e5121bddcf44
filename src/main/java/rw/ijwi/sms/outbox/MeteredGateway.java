package rw.ijwi.sms.outbox;

import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** Times every request to the SMS provider (by outcome) and counts recipients per request; never who or what. */
public final class MeteredGateway implements SmsGateway {

    private final SmsGateway gateway;
    private final Map<Class<?>, Timer> timers;
    private final DistributionSummary recipients;

    public MeteredGateway(SmsGateway gateway, MeterRegistry registry) {
        this.gateway = gateway;
        this.timers = Map.of(
                PerRecipient.class, timer(registry, "per_recipient"),
                RetryAll.class, timer(registry, "retry_all"),
                FailAll.class, timer(registry, "fail_all"),
                Pause.class, timer(registry, "pause"),
                Throttled.class, timer(registry, "throttled"));
        this.recipients = DistributionSummary.builder("ijwi.sms.provider.recipients")
                .description("Recipients per request to the SMS provider")
                .publishPercentiles(0.5)
                .register(registry);
    }

    @Override
    public Result send(String text, List<String> numbers) {
        long started = System.nanoTime();
        return measured(started, gateway.send(text, numbers), numbers.size());
    }

    @Override
    public boolean repliesQuoteTheLink() {
        return gateway.repliesQuoteTheLink();
    }

    @Override
    public Result reply(String text, String number, String link) {
        long started = System.nanoTime();
        return measured(started, gateway.reply(text, number, link), 1);
    }

    private Result measured(long started, Result result, int numbers) {
        timers.get(result.getClass()).record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
        recipients.record(numbers);
        return result;
    }

    private static Timer timer(MeterRegistry registry, String outcome) {
        return Timer.builder("ijwi.sms.provider.requests")
                .description("Requests to the SMS provider, by what the whole request came to")
                .tag("outcome", outcome)
                .publishPercentiles(0.5, 0.99)
                .register(registry);
    }
}
