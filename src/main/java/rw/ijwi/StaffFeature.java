package rw.ijwi;

import org.jdbi.v3.core.Jdbi;

import rw.ijwi.admin.AdminPage;
import rw.ijwi.audit.AuditLog;
import rw.ijwi.auth.Accounts;
import rw.ijwi.auth.LoginThrottle;
import rw.ijwi.config.Config;
import rw.ijwi.dashboard.LoginPage;
import rw.ijwi.geo.Geography;
import rw.ijwi.web.ErrorPages;
import rw.ijwi.web.Gate;
import rw.ijwi.web.SecurityHeaders;
import rw.ijwi.web.Templates;

/** Staff accounts: sign-in, the gate every staff route passes, error pages, user administration. */
record StaffFeature(Accounts accounts, LoginPage login, Gate gate, ErrorPages errors, SecurityHeaders headers,
        AdminPage admin) {

    static StaffFeature assemble(Config config, Jdbi jdbi, AuditLog audit, Geography geography, Templates templates) {
        Accounts accounts = new Accounts(jdbi);
        // Cookies are Secure when staff reach Ijwi over https (IJWI_PUBLIC_URL says so).
        boolean secureCookies = config.publicUrl().map(u -> "https".equals(u.getScheme())).orElse(false);
        Gate gate = new Gate(accounts);
        return new StaffFeature(accounts,
                new LoginPage(accounts, new LoginThrottle(), audit, templates, secureCookies),
                gate,
                new ErrorPages(templates, gate),
                new SecurityHeaders(secureCookies),
                new AdminPage(accounts, audit, geography, templates));
    }
}
