import BuurtstemCore
import BuurtstemDocuments
import BuurtstemStore
import Foundation
import Hummingbird
import Statuut

/// One assembly's agenda: proposals, admission, shareholders' advice, ballots, ties.
extension BoardPages {
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
}
