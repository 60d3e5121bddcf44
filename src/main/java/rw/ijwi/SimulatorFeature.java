package rw.ijwi;

import java.net.http.HttpClient;
import java.time.Duration;

import rw.ijwi.africastalking.AtUssdClient;
import rw.ijwi.geo.Geography;
import rw.ijwi.simulator.SimulatorPage;
import rw.ijwi.simulator.SimulatorSessions;
import rw.ijwi.simulator.TestReportDao;
import rw.ijwi.web.Templates;

/**
 * The phone simulator: staff dial the USSD menu through Ijwi's own webhook, as AT would, and see the test reports
 * they filed. The sessions tell USSD which district a simulating staff member may file in.
 */
record SimulatorFeature(SimulatorSessions sessions, SimulatorPage page) {

    /** The network code the simulator's sessions carry: no real operator uses it. */
    static final String NETWORK = "99999";

    static SimulatorFeature assemble(String webhookToken, TestReportDao reports, Geography geography,
            Templates templates) {
        SimulatorSessions sessions = new SimulatorSessions();
        HttpClient loopback = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        AtUssdClient client = new AtUssdClient(loopback, webhookToken, SimulatorPage.SERVICE_CODE, NETWORK);
        return new SimulatorFeature(sessions, new SimulatorPage(client, sessions, reports, geography, templates));
    }
}
