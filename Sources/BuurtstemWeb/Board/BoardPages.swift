import BuurtstemCore
import BuurtstemDocuments
import BuurtstemStore
import Foundation
import Hummingbird
import Statuut

/// The board's pages: the year at a glance (advice, members' demands, failed-attempt alerts, the
/// audit head), scheduling and calling assemblies, and per assembly the agenda: proposals,
/// admission, social shareholders' advice, opening and closing ballots. Board accounts only.
struct BoardPages: Sendable {
    let database: AppDatabase
    /// Wrong voting codes (residents) and wrong passwords (staff), for the alert.
    let codeFailures: AttemptLimiter
    let loginFailures: AttemptLimiter
    let clock: WallClock
    /// Failed attempts in five minutes from which the board sees a red alert.
    static let alertThreshold = 30

    /// Routes under `/bestuur`, behind the board's gate.
    func register(on board: RouterGroup<StaffContext>) {
        board.get { _, context in try await self.overview(try context.session) }
        board.post("vergaderingen") { request, context in try await self.schedule(request, context) }
        board.post("vergaderingen/:a/:step") { request, context in
            try await self.step(request, context, try context.id("a"), context.parameters.get("step") ?? "")
        }
        board.get("vergaderingen/:a") { _, context in
            let (id, session) = (try context.id("a") as AssemblyID, try context.session)
            return try await Lane.pages.run { try self.agenda(id, session: session) }
        }
        board.post("vergaderingen/:a/voorstellen") { _, context in
            let (session, form, id) = (try context.session, try context.form(ProposalForm.self), try context.id("a") as AssemblyID)
            return try await Lane.pages.run { try self.submit(session, form, id) }
        }
        board.post("voorstellen/:p/:step") { _, context in
            let (session, form, id, step) = (
                try context.session, try context.form(ProposalStepForm.self), try context.id("p") as ProposalID, context.parameters.get("step") ?? ""
            )
            return try await Lane.pages.run { try self.proposalStep(session, form, id, step) }
        }
        board.get("notulen/:a") { request, context in
            let id: AssemblyID = try context.id("a")
            let english = request.uri.queryParameters["lang"] == "en"
            let database = self.database
            // The minutes read the whole assembly (presence, every ballot): the reports lane.
            return try await Lane.reports.run {
                let minutes = try database.minutes(assembly: id)
                return Response(
                    status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
                    body: .init(byteBuffer: .init(string: minutes.html(in: english ? .en : .nl, stylesheetURL: "/static/minutes.css"))))
            }
        }
        board.get("audit") { _, context in
            let session = try context.session
            return try await Lane.reports.run { try self.audit(session) }
        }
    }

    /// The minutes' stylesheet, public like the pages' own.
    static func registerStylesheet(on router: Router<WebContext>) {
        router.get("static/minutes.css") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=3600"],
                body: .init(byteBuffer: .init(string: Minutes.stylesheet)))
        }
    }

    // MARK: The overview

    func overview(
        _ session: StaffSession, message: (nl: String, en: String)? = nil, ok: Bool = false,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let codes = await codeFailures.recentFailures()
        let logins = await loginFailures.recentFailures()
        let alarm = await codeFailures.guessingAlarm()
        // The rest reads the year's records (the compliance check without the audit log): the reports lane.
        return try await Lane.reports.run {
            try self.renderOverview(session, codes: codes, logins: logins, alarm: alarm, message: message, ok: ok, status: status)
        }
    }

    private func renderOverview(
        _ session: StaffSession, codes: Int, logins: Int, alarm: (perMinute: Int, clients: Int)?, message: (nl: String, en: String)?, ok: Bool,
        status: HTTPResponse.Status
    ) throws -> Response {
        let today = clock.today()
        let assemblies = try database.assemblies()
        let (statute, version) = try database.statute(on: today)
        var view = BoardView(
            heading: Catalogue.both("boardOverviewHeading", ["name": statute.name]),
            inForce: Catalogue.both("statuteInForce", ["date": version.validFrom.description]), optIn: statute.membership.value.mode == .optIn)
        let attempts = ["codes": String(codes), "logins": String(logins)]
        if codes + logins >= Self.alertThreshold {
            view.alert = Catalogue.both("failedAttemptsAlert", attempts)
        } else {
            view.failures = Catalogue.both("failedAttempts", attempts)
        }
        if let alarm {
            view.guessing = Catalogue.both("guessingAlarm", ["perMinute": String(alarm.perMinute), "clients": String(alarm.clients)])
        }
        // What is still to do: the compliance check's open and broken findings (the full report, with the audit log verified, is one click away).
        let report = Compliance.check(try database.complianceFacts(verifyingAudit: false), on: today)
        view.todo = report.findings.filter { $0.status != .kept }.sorted { ($0.deadline ?? today) < ($1.deadline ?? today) }.map { f in
            BoardView.Todo(
                status: f.status.rawValue, statusName: f.status.name(in: .nl), obligation: ["nl": f.obligation.nl, "en": f.obligation.en],
                about: f.about?.nl, evidence: f.evidence.nl, source: f.source.cited(in: .nl),
                by: f.deadline.map { Catalogue.both("byDate", ["date": $0.description]) },
                // Every step the list asks for can be done on a page: link it.
                page: Self.page(for: f.rule).map { .init(href: $0.href, label: Catalogue.both($0.label)) })
        }
        view.hasTodo = !view.todo.isEmpty
        view.assemblies = assemblies.map { a in
            .init(
                id: a.id, date: a.date.description, place: a.place, stateName: Catalogue.both("state-\(a.state.rawValue)"),
                scheduled: a.state == .scheduled, called: a.state == .called, open: a.state == .open, closed: a.state == .closed)
        }
        view.kinds = statute.decisionKinds.map(\.name)
        view.firstMeetings = assemblies.filter { $0.state == .closed && $0.secondMeetingOf == nil }
            .map { .init(id: $0.id, date: $0.date.description, place: $0.place) }
        view.hasFirstMeetings = !view.firstMeetings.isEmpty
        let head = try database.auditHead()
        view.head = "\(head.size):\(head.root.description.prefix(16))"
        return PageTemplates.staffPage("board", title: "navBoard", session: session, view: view, flash: message, ok: ok, status: status)
    }

    func schedule(_ request: Request, _ staff: StaffContext) async throws -> Response {
        let (session, form) = (try staff.session, try staff.form(ScheduleForm.self))
        do {
            guard let date = form.date.filled.flatMap(CivilDate.init(iso:)) else {
                throw Problem(key: "enterDate")
            }
            guard let place = form.place.filled else { throw Problem(key: "enterPlace") }
            let (database, today) = (self.database, clock.today())
            let (assembly, advice) = try await Lane.pages.run {
                try database.scheduleAssembly(
                    date: date, place: place, agendaKinds: form.kind ?? [], today: today,
                    secondMeetingOf: form.secondMeetingOf.filled.flatMap { AssemblyID($0) },
                    actor: session.account.actor)
            }
            let scheduled = Catalogue.pair("assemblyScheduled", ["date": assembly.date.description])
            let message = (scheduled.nl + advice.map { " " + $0.nl }.joined(), scheduled.en + advice.map { " " + $0.en }.joined())
            return try await overview(session, message: message, ok: true)
        } catch let problem as Problem {
            return try await overview(session, message: (problem.nl, problem.en), status: .badRequest)
        } catch {
            return try await overview(session, message: explain(error), status: Explained(error).status)
        }
    }

    /// The page where the board does what a finding asks, by its rule (nil where no step is needed
    /// or the step is on the agenda of an assembly).
    static func page(for rule: String) -> (href: String, label: String)? {
        switch rule {
        case "board-size", "board-term", "board-seat": ("/bestuur/bestuursleden", "boardMembersTitle")
        case "annual-accounts", "organisation": ("/bestuur/naleving", "fullComplianceReport")
        case "assemblies-per-year", "longest-gap", "demand": ("/bestuur#schedule", "scheduleAssembly")
        default: nil
        }
    }

    /// Calling, opening and closing an assembly.
    func step(_ request: Request, _ staff: StaffContext, _ id: AssemblyID, _ step: String) async throws -> Response {
        let session = try staff.session
        let actor = session.account.actor
        let (database, today) = (self.database, clock.today())
        do {
            switch step {
            case "oproepen":
                let (assembly, electorate) = try await Lane.pages.run { try database.callAssembly(id, on: today, actor: actor) }
                return try await overview(
                    session,
                    message: Catalogue.pair(
                        "assemblyCalled", ["electorate": String(electorate), "date": assembly.referenceDate?.description ?? "–"]), ok: true)
            case "openen":
                let quorum = try await Lane.pages.run { try database.openAssembly(id, on: today, actor: actor) }
                return try await overview(
                    session,
                    message: Catalogue.pair(
                        quorum.met ? "openedQuorumMet" : "openedQuorumNotMet", ["counted": String(quorum.counted), "needed": String(quorum.needed)]),
                    ok: true)
            case "sluiten":
                // Closing cannot be undone: first a page that says what it does, then the close.
                guard try staff.form(ConfirmForm.self).confirmed == "ja" else {
                    return try await Lane.pages.run { try self.confirmClose(id, session: session) }
                }
                let head = try await Lane.pages.run { try database.closeAssembly(id, actor: actor) }
                return try await overview(
                    session,
                    message: Catalogue.pair("closedHead", ["head": "\(head.size):\(head.root)"]), ok: true)
            default:
                throw HTTPError(.notFound)
            }
        } catch let error as HTTPError {
            throw error
        } catch {
            return try await overview(session, message: explain(error), status: Explained(error).status)
        }
    }

    /// The step before an assembly closes: its ballots and presence, and that it cannot be undone.
    func confirmClose(_ id: AssemblyID, session: StaffSession) throws -> Response {
        guard let assembly = try database.assemblies().first(where: { $0.id == id }) else { throw HTTPError(.notFound) }
        let turnout = try database.turnout(assembly: id)
        let open = turnout.ballots.filter(\.open).count
        let view = ConfirmCloseView(
            heading: Catalogue.both("confirmCloseAssemblyHeading", ["date": assembly.date.description]),
            facts: [
                Catalogue.both("confirmCloseAssemblyBallots", ["closed": String(turnout.ballots.count - open), "open": String(open)]),
                Catalogue.both(
                    "confirmCloseAssemblyPresent", ["present": String(turnout.present + turnout.represented), "electorate": String(turnout.electorate)]),
            ],
            warning: Catalogue.both("confirmCloseAssemblyWarning"), button: Catalogue.both("confirmCloseAssemblyButton"),
            action: "/bestuur/vergaderingen/\(id)/sluiten", back: "/bestuur")
        return PageTemplates.staffPage("confirm-close", title: "closeAssembly", session: session, view: view)
    }

    /// Verifies the whole audit log (a read; takes about a second per million entries).
    func audit(_ session: StaffSession) throws -> Response {
        let verification = try database.verifyAudit()
        let head = try database.auditHead()
        let intact = verification.problems.isEmpty
        let problems = verification.problems.map(\.description).joined(separator: "; ")
        return PageTemplates.staffPage(
            "audit", title: "auditLog", session: session, view: TextsOnlyView(),
            flash: intact
                ? Catalogue.pair("auditIntact", ["size": String(head.size), "root": head.root.description])
                : Catalogue.pair("auditBroken", ["problems": problems]),
            ok: intact, status: intact ? .ok : .internalServerError)
    }
}

/// A step that cannot be undone, confirmed: `confirmed=ja`.
struct ConfirmForm: Decodable {
    var confirmed: String?
}

/// A new assembly: its date, place, the decision kinds on its agenda, and the first meeting it is the second of.
struct ScheduleForm: Decodable {
    var date: String?
    var place: String?
    /// Check boxes: `kind[]`.
    var kind: [String]?
    var secondMeetingOf: String?
}

/// The board's overview: alerts, the year's to-do list, the assemblies and the form for a new one.
struct BoardView {
    struct Todo {
        var status: String
        var statusName: String
        var obligation: BothLanguages
        /// What the finding is about (the assembly, the proposal), where its rule recurs.
        var about: String?
        var evidence: String
        var source: String
        var by: BothLanguages?
        var page: Page?
    }
    /// Where the step is done.
    struct Page {
        var href: String
        var label: BothLanguages
    }
    struct Assembly {
        var id: AssemblyID
        var date: String
        var place: String
        var stateName: BothLanguages
        var scheduled: Bool
        var called: Bool
        var open: Bool
        var closed: Bool
    }
    struct FirstMeeting {
        var id: AssemblyID
        var date: String
        var place: String
    }
    var heading: BothLanguages
    var inForce: BothLanguages
    var optIn: Bool
    var alert: BothLanguages?
    var failures: BothLanguages?
    var guessing: BothLanguages?
    var todo: [Todo] = []
    var hasTodo = false
    var assemblies: [Assembly] = []
    var kinds: [String] = []
    var firstMeetings: [FirstMeeting] = []
    var hasFirstMeetings = false
    var head = ""

    init(heading: BothLanguages, inForce: BothLanguages, optIn: Bool) {
        (self.heading, self.inForce, self.optIn) = (heading, inForce, optIn)
    }
}
