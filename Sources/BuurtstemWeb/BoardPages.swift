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

    // MARK: One assembly's agenda

    func agenda(
        _ id: Int, session: StaffSession, message: (nl: String, en: String)? = nil, ok: Bool = false,
        status: HTTPResponse.Status = .ok
    ) throws -> Response {
        guard let assembly = try database.assemblies().first(where: { $0.id == id }) else {
            return HTML.staffPage(
                "Niet gevonden", HTML.message(("Deze vergadering bestaat niet.", "There is no such assembly.")), session: session, status: .notFound)
        }
        let (statute, _) = try database.statute(on: assembly.date)
        // The latest ballot of each proposal (a tie under `staking herstemming` has a second round).
        let ballots = Dictionary(try database.ballots(assembly: id).map { ($0.proposal, $0) }, uniquingKeysWith: { _, later in later })
        let cards = try database.proposals(assembly: id).map { try card($0, ballot: ballots[$0.id], statute: statute, session: session) }.joined()
        let kinds = statute.decisionKinds.map { "<option value=\"\(HTML.h($0.name))\">\(HTML.h($0.name)) (\(HTML.h($0.method.value.rawValue)))</option>" }
            .joined()
        let body = """
            <h1>\(HTML.both("Agenda van \(assembly.date)", "Agenda of \(assembly.date)"))</h1>
            <p>\(HTML.h(assembly.place)) · \(Self.stateName(assembly.state)) · <a href="/bestuur">\(HTML.inline("terug", "back"))</a></p>
            \(HTML.message(message, ok: ok))
            \(cards.isEmpty ? "<p>\(HTML.both("Nog geen voorstellen.", "No proposals yet."))</p>" : cards)
            <form method="post" action="/bestuur/vergaderingen/\(id)/voorstellen" class="card">\(HTML.csrf(session))
            <h3>\(HTML.both("Voorstel indienen", "Submit a proposal"))</h3>
            <label for="title">\(HTML.both("Titel", "Title"))</label><input type="text" id="title" name="title" required>
            <label for="text">\(HTML.both("Tekst", "Text"))</label><textarea id="text" name="text" rows="4"></textarea>
            <label for="kind">\(HTML.both("Soort besluit", "Kind of decision"))</label><select id="kind" name="kind">\(kinds)</select>
            <label for="party">\(HTML.both("Ingediend door (leeg = het bestuur; of de naam van een partij met voorstelrecht)", "Submitted by (empty = the board; or a party with the right to propose)"))</label>
            <input type="text" id="party" name="party">
            <button type="submit">\(HTML.both("Indienen", "Submit"))</button>
            </form>
            """
        return HTML.staffPage("Agenda", body, session: session, status: status)
    }

    func card(_ proposal: Proposal, ballot: BallotRecord?, statute: Statute, session: StaffSession) throws -> String {
        let state: String
        switch proposal.state {
        case .draft: state = HTML.inline("concept", "draft")
        case .submitted: state = HTML.inline("ingediend", "submitted")
        case .admitted: state = HTML.inline("toegelaten", "admitted")
        case .refused(let why): state = HTML.inline("geweigerd: \(why.nl)", "refused")
        case .onAgenda: state = HTML.inline("in stemming", "being voted on")
        case .decided: state = HTML.inline("besloten", "decided")
        }
        let source: String
        switch proposal.source {
        case .board: source = HTML.inline("bestuur", "board")
        case .members(let ids): source = HTML.inline("\(ids.count) leden", "\(ids.count) members")
        case .party(let name): source = HTML.h(name)
        }
        var parts = ["<h3>\(HTML.h(proposal.title))</h3><p>\(HTML.h(proposal.kind)) · \(source) · \(state)</p>"]
        if !proposal.text.isEmpty { parts.append("<p>\(HTML.h(proposal.text))</p>") }
        let responses = try database.shareholderResponses(proposal: proposal.id)
        if !responses.isEmpty {
            let kinds: [ShareholderResponse.Kind: String] = [
                .advice: HTML.inline("advies", "advice"), .consent: HTML.inline("instemming", "consent"),
                .refusal: HTML.inline("weigering", "refusal"),
            ]
            parts.append(
                "<ul>" + responses.map { "<li>\(HTML.h($0.shareholder)) — \(kinds[$0.kind] ?? "") (\($0.on)): \(HTML.h($0.text))</li>" }.joined() + "</ul>")
        }
        let base = "/bestuur/voorstellen/\(proposal.id)"
        if proposal.state == .submitted {
            parts.append(HTML.button("\(base)/toelaten", HTML.both("Toelaten tot de agenda", "Admit to the agenda"), session: session))
        }
        let shareholders = statute.socialShareholders.filter { $0.rights.contains { $0.decisionKind == proposal.kind } }
        if !shareholders.isEmpty, ballot == nil, proposal.state == .admitted || proposal.state == .submitted {
            let names = shareholders.map { "<option>\(HTML.h($0.name))</option>" }.joined()
            parts.append(
                """
                <form method="post" action="\(base)/advies" class="card">\(HTML.csrf(session))
                <strong>\(HTML.both("Advies of instemming van een sociaal aandeelhouder vastleggen", "Record a social shareholder's advice or consent"))</strong>
                <div class="row"><div><label for="sh-\(proposal.id)">\(HTML.both("Aandeelhouder", "Shareholder"))</label><select id="sh-\(proposal.id)" name="shareholder">\(names)</select></div>
                <div><label for="sk-\(proposal.id)">\(HTML.both("Soort", "Kind"))</label><select id="sk-\(proposal.id)" name="kind">
                <option value="advice">advies / advice</option><option value="consent">instemming / consent</option><option value="refusal">weigering / refusal</option></select></div></div>
                <label for="st-\(proposal.id)">\(HTML.both("Tekst", "Text"))</label><textarea id="st-\(proposal.id)" name="text" rows="2" required></textarea>
                <button type="submit">\(HTML.both("Vastleggen", "Record"))</button></form>
                """)
        }
        if proposal.state == .admitted, ballot == nil || ballot?.isOpen == false {
            if let ballot, let result = ballot.result {
                parts.append(ProjectorPage.result(result, options: ballot.options))
                parts.append("<p><strong>\(HTML.both("De stemmen staken: er wordt opnieuw gestemd.", "The votes tied: the vote is held again."))</strong></p>")
            }
            let method = statute.decisionKind(named: proposal.kind)?.method.value ?? .yesNo
            let options =
                method == .yesNo
                ? ""
                : """
                <label for="opt-\(proposal.id)">\(HTML.both("Keuzes, één per regel: id:naam\(method.needsBudget ? ":bedrag in euro" : "")", "Options, one per line: id:name\(method.needsBudget ? ":cost in euros" : "")"))</label>
                <textarea id="opt-\(proposal.id)" name="options" rows="4" required></textarea>
                """
            parts.append(
                """
                <form method="post" action="\(base)/stemming" class="card">\(HTML.csrf(session))
                <strong>\(HTML.both("Stemming openen (\(method.rawValue))", "Open the ballot (\(method.rawValue))"))</strong>\(options)
                <button type="submit">\(ballot == nil ? HTML.both("Stemming openen", "Open the ballot") : HTML.both("Herstemming openen", "Open the second round"))</button></form>
                """)
        } else if let ballot {
            if ballot.isOpen {
                parts.append(
                    HTML.button(
                        "\(base)/sluiten", HTML.both("Stemming sluiten en tellen", "Close the ballot and count"), fields: ["ballot": String(ballot.id)],
                        session: session))
            } else if let result = ballot.result {
                parts.append(ProjectorPage.result(result, options: ballot.options))
                if let counted = JSONValue.parse(result), counted["outcome"] == .string("chairDecides"), counted["chairDecision"] == nil {
                    parts.append(
                        """
                        <form method="post" action="\(base)/voorzitter" class="card">\(HTML.csrf(session))<input type="hidden" name="ballot" value="\(ballot.id)">
                        <strong>\(HTML.both("De stemmen staken: de voorzitter beslist", "The votes tied: the chair decides"))</strong>
                        <label for="chair-\(ballot.id)">\(HTML.both("Naam van de voorzitter", "The chair's name"))</label><input type="text" id="chair-\(ballot.id)" name="chair" required>
                        <button type="submit" name="decision" value="adopted">\(HTML.both("Aangenomen", "Adopted"))</button>
                        <button type="submit" name="decision" value="rejected" class="secondary">\(HTML.both("Verworpen", "Rejected"))</button></form>
                        """)
                }
                parts.append("<p><a href=\"/ballots/\(ballot.id)/board\">\(HTML.both("Openbaar bord", "Public board"))</a></p>")
            }
        }
        return "<div class=\"card\" id=\"proposal-\(proposal.id)\">\(parts.joined())</div>"
    }

    func submit(_ request: Request, _ assembly: Int) async throws -> Response {
        guard let (session, form) = try await gate.post(request, role: .board) else { return StaffGate.signIn }
        do {
            guard let title = form.value("title") else { throw Problem(nl: "Geef het voorstel een titel.", en: "Give the proposal a title.") }
            let source: ProposalSource = form.value("party").map { .party($0) } ?? .board
            let draft = Proposal(
                id: 0, title: title, text: form.value("text") ?? "", kind: form.value("kind") ?? DecisionKind.ordinary,
                source: source, assembly: assembly)
            let proposal = try database.submitProposal(draft, on: clock.today(), actor: session.account.actor)
            return try agenda(assembly, session: session, message: ("Voorstel \(proposal.id) ingediend.", "Proposal \(proposal.id) submitted."), ok: true)
        } catch let problem as Problem {
            return try agenda(assembly, session: session, message: (problem.nl, problem.en), status: .badRequest)
        } catch {
            return try agenda(assembly, session: session, message: explain(error), status: .conflict)
        }
    }

    /// Admitting, recording advice, opening and closing the ballot of a proposal.
    func proposalStep(_ request: Request, _ id: Int, _ step: String) async throws -> Response {
        guard let (session, form) = try await gate.post(request, role: .board) else { return StaffGate.signIn }
        let actor = session.account.actor
        guard let proposal = try database.proposals().first(where: { $0.id == id }) else { throw HTTPError(.notFound) }
        do {
            switch step {
            case "toelaten":
                let admitted = try database.admitProposal(id, actor: actor)
                if case .refused(let why) = admitted.state {
                    return try agenda(proposal.assembly, session: session, message: (why.text(in: .nl), why.text(in: .en)), status: .conflict)
                }
                return try agenda(proposal.assembly, session: session, message: ("Toegelaten tot de agenda.", "Admitted to the agenda."), ok: true)
            case "advies":
                guard let kind = form.value("kind").flatMap(ShareholderResponse.Kind.init(rawValue:)), let shareholder = form.value("shareholder"),
                    let text = form.value("text")
                else {
                    throw Problem(nl: "Kies de aandeelhouder en de soort, en vul de tekst in.", en: "Choose the shareholder and the kind, and enter the text.")
                }
                try database.recordShareholderResponse(
                    ShareholderResponse(shareholder: shareholder, proposal: id, kind: kind, on: clock.today(), text: text),
                    actor: actor)
                return try agenda(proposal.assembly, session: session, message: ("Vastgelegd.", "Recorded."), ok: true)
            case "stemming":
                let lines = (form.value("options") ?? "").split(whereSeparator: \.isNewline).map(String.init).filter {
                    !$0.trimmingCharacters(in: .whitespaces).isEmpty
                }
                let options = try lines.map { try BallotOption(parsing: $0) }
                let ballot = try database.openBallot(proposal: id, options: options, actor: actor)
                return try agenda(proposal.assembly, session: session, message: ("Stemming \(ballot.id) is open.", "Ballot \(ballot.id) is open."), ok: true)
            case "sluiten":
                guard let ballot = form.value("ballot").flatMap({ Int($0) }) else { throw Problem(nl: "Welke stemming?", en: "Which ballot?") }
                let (_, head) = try database.closeBallot(ballot, actor: actor)
                return try agenda(
                    proposal.assembly, session: session,
                    message: (
                        "Stemming gesloten en geteld. Auditlog bij sluiting: \(head.size):\(head.root)",
                        "Ballot closed and counted. Audit head at close: \(head.size):\(head.root)"
                    ), ok: true)
            case "voorzitter":
                guard let ballot = form.value("ballot").flatMap({ Int($0) }), let chair = form.value("chair"),
                    let decision = form.value("decision"), decision == "adopted" || decision == "rejected"
                else {
                    throw Problem(nl: "Vul de naam van de voorzitter in en kies het besluit.", en: "Enter the chair's name and choose the decision.")
                }
                _ = try database.decideByChair(ballot: ballot, adopted: decision == "adopted", chair: chair, actor: actor)
                return try agenda(
                    proposal.assembly, session: session, message: ("Het besluit van de voorzitter is vastgelegd.", "The chair's decision is recorded."),
                    ok: true)
            default:
                throw HTTPError(.notFound)
            }
        } catch let error as HTTPError {
            throw error
        } catch let problem as Problem {
            return try agenda(proposal.assembly, session: session, message: (problem.nl, problem.en), status: .badRequest)
        } catch {
            return try agenda(proposal.assembly, session: session, message: explain(error), status: .conflict)
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
