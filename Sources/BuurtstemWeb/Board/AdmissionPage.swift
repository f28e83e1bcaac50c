import BuurtstemCore
import BuurtstemDocuments
import BuurtstemStore
public import Hummingbird
import Statuut

/// The board's page for membership on request: record an application, and decide on those
/// waiting — admit (with the intake and profile the statute asks for) or refuse with a reason. Where
/// the statute gives admission to the general assembly, the decision is recorded as the open
/// assembly's. Board accounts only.
struct AdmissionPage: Sendable {
    let database: AppDatabase
    let clock: WallClock

    /// Routes under `/bestuur`, behind the board's gate.
    func register(on board: RouterGroup<StaffContext>) {
        board.get("leden") { _, context in
            let session = try context.session
            return try await Lane.pages.run { try self.page(session) }
        }
        board.post("leden/aanvraag") { request, context in try await self.apply(request, context) }
        board.post("leden/besluit") { request, context in try await self.decide(request, context) }
    }

    func page(_ session: StaffSession, message: (nl: String, en: String)? = nil, ok: Bool = false, status: HTTPResponse.Status = .ok) throws -> Response {
        let today = clock.today()
        let (statute, _) = try database.statute(on: today)
        let area = ["area": statute.membership.value.areaName, "article": statute.membership.source.cited(in: .nl)]
        guard statute.membership.value.mode == .optIn else {
            return PageTemplates.staffPage(
                "admissions", title: "members", session: session, view: AdmissionsView(automatic: Catalogue.both("automaticMembership", area)),
                status: status)
        }
        let admission = statute.admission
        let byAssembly = admission.value.decidedBy == .assembly
        let open = try database.assemblies().first { $0.state == .open }
        let applications = try database.applications()
        let cited = ["article": admission.source.cited(in: .nl)]
        let who =
            !byAssembly
            ? Catalogue.both("boardDecides", cited)
            : open.map { Catalogue.both("assemblyDecidesOpen", cited.merging(["date": $0.date.description]) { a, _ in a }) }
                ?? Catalogue.both("assemblyDecidesNoneOpen", cited)
        var view = AdmissionsView(who: who, afterIntake: admission.value.afterIntake, today: today.description)
        view.waiting = applications.filter { $0.state == .pending }.map { application in
            .init(
                id: application.id, resident: application.resident.rawValue,
                applied: Catalogue.both("appliedOn", ["date": application.appliedOn.description]), decidable: !byAssembly || open != nil)
        }
        view.decided = applications.filter { $0.state != .pending }.map { a in
            .init(resident: a.resident.rawValue, decidedOn: a.decidedOn?.description ?? "", granted: a.state == .granted, reason: a.reason ?? "")
        }
        (view.hasWaiting, view.hasDecided) = (!view.waiting.isEmpty, !view.decided.isEmpty)
        view.profile = statute.profile.map { Catalogue.both("fitsProfile", ["profile": $0.value]) }
        return PageTemplates.staffPage("admissions", title: "members", session: session, view: view, flash: message, ok: ok, status: status)
    }

    func apply(_ request: Request, _ staff: StaffContext) async throws -> Response {
        // The store's work runs on the pages lane: no request thread waits on SQLite.
        return try await Lane.pages.run {
            let (session, form) = (try staff.session, try staff.form(AdmissionForm.self))
            do {
                guard let resident = form.resident.filled, let applied = form.applied.filled.flatMap(CivilDate.init(iso:)) else {
                    throw Problem(key: "enterResidentAndDate")
                }
                try database.apply([.init(resident: ResidentID(resident), appliedOn: applied)], actor: session.account.actor)
                return try page(session, message: Catalogue.pair("applicationRecorded", ["resident": resident]), ok: true)
            } catch let problem as Problem {
                return try page(session, message: (problem.nl, problem.en), status: .badRequest)
            } catch {
                return try page(session, message: explain(error), status: Explained(error).status)
            }
        }
    }

    func decide(_ request: Request, _ staff: StaffContext) async throws -> Response {
        // The store's work runs on the pages lane: no request thread waits on SQLite.
        return try await Lane.pages.run {
            let (session, form) = (try staff.session, try staff.form(AdmissionForm.self))
            do {
                guard let resident = form.resident.filled, let decision = form.decision.filled else {
                    throw Problem(key: "whichApplication")
                }
                let verdict: AdmissionVerdict
                if decision == "admit" {
                    verdict = .grant(intakeOn: form.intake.filled.flatMap(CivilDate.init(iso:)), meetsProfile: form.profile.filled == "ja")
                } else {
                    guard let reason = form.reason.filled else { throw Problem(key: "enterRefusalReason") }
                    verdict = .refuse(reason: reason)
                }
                let (statute, _) = try database.statute(on: clock.today())
                let assembly = statute.admission.value.decidedBy == .assembly ? try database.assemblies().first { $0.state == .open }?.id : nil
                try database.decide([.init(resident: ResidentID(resident), verdict: verdict)], assembly: assembly, actor: session.account.actor)
                return try page(
                    session,
                    message: decision == "admit"
                        ? ("\(resident) is toegelaten en is nu lid.", "\(resident) is admitted and is now a member.")
                        : (
                            "De aanvraag van \(resident) is geweigerd; de reden is vastgelegd.",
                            "The application of \(resident) is refused; the reason is recorded."
                        ),
                    ok: true)
            } catch let problem as Problem {
                return try page(session, message: (problem.nl, problem.en), status: .badRequest)
            } catch {
                return try page(session, message: explain(error), status: Explained(error).status)
            }
        }
    }
}

/// An application for membership (`resident`, `applied`) or the decision on one (`decision`:
/// admit with `intake` and `profile`, or refuse with a `reason`).
struct AdmissionForm: Decodable {
    var resident: String?
    var applied: String?
    var decision: String?
    var intake: String?
    var profile: String?
    var reason: String?
}

/// The members page: where membership is automatic, only that; otherwise who decides, the
/// applications waiting with their forms, and the decisions taken.
struct AdmissionsView {
    struct Waiting {
        var id: ApplicationID
        var resident: String
        var applied: BothLanguages
        var decidable: Bool
    }
    struct Decided {
        var resident: String
        var decidedOn: String
        var granted: Bool
        var reason: String
    }
    var automatic: BothLanguages?
    var who: BothLanguages?
    var waiting: [Waiting] = []
    var hasWaiting = false
    var decided: [Decided] = []
    var hasDecided = false
    var afterIntake = false
    var profile: BothLanguages?
    var today = ""

    /// Membership comes with living in the area: nothing to decide.
    init(automatic: BothLanguages) { self.automatic = automatic }

    init(who: BothLanguages, afterIntake: Bool, today: String) {
        (self.who, self.afterIntake, self.today) = (who, afterIntake, today)
    }
}
