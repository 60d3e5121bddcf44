package rw.ijwi;

import rw.ijwi.audit.AuditLog;
import rw.ijwi.commitments.CommitmentDao;
import rw.ijwi.commitments.CommitmentRegister;
import rw.ijwi.commitments.CommitmentsApi;
import rw.ijwi.commitments.CommitmentsPage;
import rw.ijwi.geo.Geography;
import rw.ijwi.web.Templates;

/** Commitments made by service providers: the register, its pages and its API. USSD lists them by district. */
record CommitmentsFeature(CommitmentDao dao, CommitmentsPage page, CommitmentsApi api) {

    static CommitmentsFeature assemble(CommitmentDao dao, Geography geography, AuditLog audit, Templates templates) {
        CommitmentRegister register = new CommitmentRegister(dao, geography, audit);
        return new CommitmentsFeature(dao, new CommitmentsPage(register, templates), new CommitmentsApi(register));
    }
}
