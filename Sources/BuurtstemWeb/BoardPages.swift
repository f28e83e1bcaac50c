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
    let gate: StaffGate
    /// Wrong voting codes (residents) and wrong passwords (staff), for the alert.
    let codeFailures: AttemptLimiter
    let loginFailures: AttemptLimiter
    let clock: WallClock
    /// Failed attempts in five minutes from which the board sees a red alert.
    static let alertThreshold = 30

    func register(on router: Router<WebContext>) {
        router.get("bestuur") { request, _ in
            guard let session = try await gate.session(request, role: .board) else { return StaffGate.signIn }
            return try await self.overview(session)
        }
        router.post("bestuur/vergaderingen") { request, _ in try await self.schedule(request) }
        router.post("bestuur/vergaderingen/:a/:step") { request, context in
            try await self.step(request, try context.id("a"), context.parameters.get("step") ?? "")
        }
        router.get("bestuur/vergaderingen/:a") { request, context in
            guard let session = try await gate.session(request, role: .board) else { return StaffGate.signIn }
            return try self.agenda(try context.id("a"), session: session)
        }
        router.post("bestuur/vergaderingen/:a/voorstellen") { request, context in
            try await self.submit(request, try context.id("a"))
        }
        router.post("bestuur/voorstellen/:p/:step") { request, context in
            try await self.proposalStep(request, try context.id("p"), context.parameters.get("step") ?? "")
        }
        router.get("bestuur/notulen/:a") { request, context in
            guard try await gate.session(request, role: .board) != nil else { return StaffGate.signIn }
            let minutes = try database.minutes(assembly: try context.id("a"))
            let english = request.uri.queryParameters["lang"] == "en"
            return Response(
                status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
                body: .init(byteBuffer: .init(string: minutes.html(in: english ? .en : .nl, stylesheetURL: "/static/minutes.css"))))
        }
        router.get("static/minutes.css") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=3600"],
                body: .init(byteBuffer: .init(string: Minutes.stylesheet)))
        }
        router.get("bestuur/audit") { request, _ in
            guard let session = try await gate.session(request, role: .board) else { return StaffGate.signIn }
            return try self.audit(session)
        }
    }

    // MARK: The overview

    func overview(
        _ session: StaffSession, message: (nl: String, en: String)? = nil, ok: Bool = false,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let today = clock.today()
        let assemblies = try database.assemblies()
        let (statute, version) = try database.statute(on: today)
        let codes = await codeFailures.recentFailures()
        let logins = await loginFailures.recentFailures()
        let alert =
            codes + logins >= Self.alertThreshold
            ? "<p class=\"alert\" role=\"alert\" id=\"alert\">\(HTML.both("Let op: \(codes) verkeerde stemcodes en \(logins) verkeerde wachtwoorden in de laatste 5 minuten. Iemand probeert misschien codes te raden; de server remt dat af.", "Warning: \(codes) wrong voting codes and \(logins) wrong passwords in the last 5 minutes. Someone may be guessing; the server slows them down."))</p>"
            : "<p id=\"failures\">\(HTML.both("Mislukte pogingen (5 min): \(codes) stemcodes, \(logins) wachtwoorden.", "Failed attempts (5 min): \(codes) codes, \(logins) passwords."))</p>"
        let guessing =
            await codeFailures.guessingAlarm().map { alarm in
                "<p class=\"alert\" role=\"alert\" id=\"guessing\">\(HTML.both("Alarm: \(alarm.perMinute) onbekende stemcodes in de laatste minuut, van \(alarm.clients) adres(sen) — sneller dan iemand typt. Iemand probeert codes te raden. Echte codes werken gewoon; het raden wordt afgeremd.", "Alarm: \(alarm.perMinute) unknown voting codes in the last minute, from \(alarm.clients) address(es) — faster than a person types. Someone is guessing codes. Real codes still work; the guessing is slowed down."))</p>"
            } ?? ""
        // What is still to do: the compliance check's open and broken findings (the full report, with the audit log verified, is one click away).
        let report = Compliance.check(try database.complianceFacts(verifyingAudit: false), on: today)
        let todo = report.findings.filter { $0.status != .kept }.sorted { ($0.deadline ?? today) < ($1.deadline ?? today) }.map { finding in
            "<li class=\"\(finding.status.rawValue)\"><strong>\(HTML.h(finding.status.name(in: .nl)))</strong>: \(HTML.both(finding.obligation.nl, finding.obligation.en))"
                + (finding.deadline.map { " <strong>\(HTML.both("uiterlijk \($0)", "by \($0)"))</strong>" } ?? "")
                + "<br><small>\(HTML.h(finding.evidence.nl)) (\(HTML.h(finding.source.cited(in: .nl))))</small></li>"
        }
        let rows = assemblies.map { assembly -> String in
            var actions = "<a href=\"/bestuur/vergaderingen/\(assembly.id)\">\(HTML.both("Agenda", "Agenda"))</a> "
            switch assembly.state {
            case .scheduled:
                actions += HTML.button("/bestuur/vergaderingen/\(assembly.id)/oproepen", HTML.both("Oproepen (vandaag)", "Call (today)"), session: session)
            case .called:
                actions += HTML.button("/bestuur/vergaderingen/\(assembly.id)/openen", HTML.both("Openen", "Open"), session: session)
                actions += "<a href=\"/balie/\(assembly.id)\">\(HTML.both("Balie", "Desk"))</a>"
            case .open:
                actions += HTML.button("/bestuur/vergaderingen/\(assembly.id)/sluiten", HTML.both("Sluiten", "Close"), session: session)
                actions += "<a href=\"/balie/\(assembly.id)\">\(HTML.both("Balie", "Desk"))</a> <a href=\"/projector/\(assembly.id)\">Projector</a>"
            case .closed:
                actions +=
                    "<a href=\"/projector/\(assembly.id)\">\(HTML.both("Uitslagen", "Results"))</a> "
                    + "<a href=\"/bestuur/notulen/\(assembly.id)\">\(HTML.both("Notulen", "Minutes"))</a>"
            }
            return "<tr><td>\(assembly.date)</td><td>\(HTML.h(assembly.place))</td><td>\(Self.stateName(assembly.state))</td><td>\(actions)</td></tr>"
        }.joined()
        let kinds = statute.decisionKinds.map { kind in
            "<label class=\"choice\"><input type=\"checkbox\" name=\"kind\" value=\"\(HTML.h(kind.name))\"> \(HTML.h(kind.name))</label>"
        }.joined()
        let firstMeetings = assemblies.filter { $0.state == .closed && $0.secondMeetingOf == nil }
            .map { "<option value=\"\($0.id)\">\($0.date) · \(HTML.h($0.place))</option>" }.joined()
        let head = try database.auditHead()
        let body = """
            <h1>\(HTML.both("Bestuur: \(statute.name)", "Board"))</h1>
            <p>\(HTML.both("Statuut in werking: versie van \(version.validFrom)", "Statute in force: version of \(version.validFrom)"))</p>
            \(HTML.message(message, ok: ok))
            \(guessing)\(alert)
            <p><a href="/bestuur/naleving">\(HTML.both("Naleving van het statuut: het volledige overzicht", "Compliance with the statute: the full report"))</a>\(statute.membership.value.mode == .optIn ? " · <a href=\"/bestuur/leden\">\(HTML.inline("aanvragen voor het lidmaatschap", "applications for membership"))</a>" : "")</p>
            <h2>\(HTML.both("Te doen", "To do"))</h2>
            \(todo.isEmpty ? "<p>\(HTML.both("Niets dringends.", "Nothing urgent."))</p>" : "<ul>\(todo.joined())</ul>")
            <h2>\(HTML.both("Vergaderingen", "Assemblies"))</h2>
            <table><thead><tr><th>\(HTML.both("Datum", "Date"))</th><th>\(HTML.both("Plaats", "Place"))</th><th>\(HTML.both("Stand", "State"))</th><th></th></tr></thead>
            <tbody>\(rows)</tbody></table>
            <form method="post" action="/bestuur/vergaderingen" class="card">\(HTML.csrf(session))
            <h3>\(HTML.both("Vergadering plannen", "Schedule an assembly"))</h3>
            <div class="row">
            <div><label for="date">\(HTML.both("Datum", "Date"))</label><input type="date" id="date" name="date" required></div>
            <div><label for="place">\(HTML.both("Plaats", "Place"))</label><input type="text" id="place" name="place" required></div>
            </div>
            <fieldset><legend>\(HTML.both("Soorten besluiten op de agenda (bepaalt de oproepingstermijn)", "Kinds of decision on the agenda (sets the notice period)"))</legend>\(kinds)</fieldset>
            \(firstMeetings.isEmpty ? "" : """
            <label for="second">\(HTML.both("Tweede vergadering voor punten zonder quorum van", "Second meeting for items without quorum of"))</label>
            <select id="second" name="secondMeetingOf"><option value="">—</option>\(firstMeetings)</select>
            """)
            <button type="submit">\(HTML.both("Plannen", "Schedule"))</button>
            </form>
            <p class="head">\(HTML.both("Auditlog", "Audit log")): \(head.size):\(head.root.description.prefix(16))… · <a href="/bestuur/audit">\(HTML.both("controleren", "verify"))</a>
            · <a href="/bestuur/accounts">\(HTML.inline("accounts van bestuur en balie", "board and desk accounts"))</a></p>
            """
        return HTML.staffPage("Bestuur", body, session: session, status: status)
    }

    static func stateName(_ state: Assembly.State) -> String {
        switch state {
        case .scheduled: return HTML.inline("gepland", "scheduled")
        case .called: return HTML.inline("opgeroepen", "called")
        case .open: return HTML.inline("geopend", "open")
        case .closed: return HTML.inline("gesloten", "closed")
        }
    }

    func schedule(_ request: Request) async throws -> Response {
        guard let (session, form) = try await gate.post(request, role: .board) else { return StaffGate.signIn }
        do {
            guard let date = form.value("date").flatMap(CivilDate.init(iso:)) else {
                throw Problem(nl: "Vul een datum in (jjjj-mm-dd).", en: "Enter a date (yyyy-mm-dd).")
            }
            guard let place = form.value("place") else { throw Problem(nl: "Vul de plaats in.", en: "Enter the place.") }
            let (assembly, advice) = try database.scheduleAssembly(
                date: date, place: place, agendaKinds: form["kind"] ?? [], today: clock.today(),
                secondMeetingOf: form.value("secondMeetingOf").flatMap { Int($0) },
                actor: session.account.actor)
            let note = advice.map { " " + $0.nl }.joined()
            let noteEn = advice.map { " " + $0.en }.joined()
            return try await overview(
                session, message: ("Vergadering van \(assembly.date) gepland.\(note)", "Assembly of \(assembly.date) scheduled.\(noteEn)"), ok: true)
        } catch let problem as Problem {
            return try await overview(session, message: (problem.nl, problem.en), status: .badRequest)
        } catch {
            return try await overview(session, message: explain(error), status: .conflict)
        }
    }

    /// Calling, opening and closing an assembly.
    func step(_ request: Request, _ id: Int, _ step: String) async throws -> Response {
        guard let (session, _) = try await gate.post(request, role: .board) else { return StaffGate.signIn }
        let actor = session.account.actor
        do {
            switch step {
            case "oproepen":
                let (assembly, electorate) = try database.callAssembly(id, on: clock.today(), actor: actor)
                return try await overview(
                    session,
                    message: (
                        "Opgeroepen: \(electorate) stemgerechtigden op peildatum \(assembly.referenceDate?.description ?? "–"). Maak nu de stemcodes en brieven met `buurtstem codes issue` en `codes print`.",
                        "Called: \(electorate) members entitled to vote. Now make the codes and letters with `buurtstem codes issue` and `codes print`."
                    ), ok: true)
            case "openen":
                let quorum = try database.openAssembly(id, on: clock.today(), actor: actor)
                return try await overview(
                    session,
                    message: (
                        "Geopend. Quorum: \(quorum.counted) van \(quorum.needed) — \(quorum.met ? "gehaald" : "niet gehaald").",
                        "Opened. Quorum: \(quorum.counted) of \(quorum.needed) — \(quorum.met ? "met" : "not met")."
                    ), ok: true)
            case "sluiten":
                let head = try database.closeAssembly(id, actor: actor)
                return try await overview(
                    session,
                    message: (
                        "Gesloten. Auditlog bij sluiting: \(head.size):\(head.root) — zet dit in de notulen.",
                        "Closed. Audit head at close: put it in the minutes."
                    ), ok: true)
            default:
                throw HTTPError(.notFound)
            }
        } catch let error as HTTPError {
            throw error
        } catch {
            return try await overview(session, message: explain(error), status: .conflict)
        }
    }

    /// Verifies the whole audit log (a read; takes about a second per million entries).
    func audit(_ session: StaffSession) throws -> Response {
        let verification = try database.verifyAudit()
        let head = try database.auditHead()
        let verdict =
            verification.problems.isEmpty
            ? HTML.message(("Het auditlog is in orde: \(head.size) regels, kop \(head.root).", "The audit log verifies: \(head.size) entries."), ok: true)
            : HTML.message(
                (
                    "Het auditlog klopt niet: " + verification.problems.map(\.description).joined(separator: "; "),
                    "The audit log does not verify: " + verification.problems.map(\.description).joined(separator: "; ")
                ))
        return HTML.staffPage(
            "Auditlog", "<h1>\(HTML.both("Auditlog", "Audit log"))</h1>\(verdict)<p><a href=\"/bestuur\">\(HTML.both("terug", "back"))</a></p>",
            session: session, status: verification.problems.isEmpty ? .ok : .internalServerError)
    }
}
