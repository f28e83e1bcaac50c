import BuurtstemCore
import BuurtstemDocuments
import BuurtstemStore
import Foundation
public import Hummingbird
import Statuut

/// The resident's flow on a phone: enter the code → the open ballots → vote → confirm → receipt.
/// Plain forms, no JavaScript; every post is same-origin checked by `SameOriginMiddleware`.
struct ResidentPages: Sendable {
    let database: AppDatabase
    let writer: VoteWriter
    let limiter: AttemptLimiter
    let sessions: VoterSessions
    static let cookie = "__Host-stem"

    func register(on router: Router<WebContext>) {
        router.get("static/style.css") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=3600"],
                body: .init(byteBuffer: .init(string: PageTemplates.stylesheet)))
        }
        router.get("/") { _, _ in codeForm(error: nil) }
        router.post("stem") { request, context in try await self.enterCode(request, context) }
        router.get("stemmen") { request, _ in try await self.ballots(request) }
        router.get("stemmen/:id") { request, context in try await self.ballotForm(request, try context.id("id"), error: nil) }
        router.post("stemmen/:id") { request, context in try await self.confirm(request, context, try context.id("id")) }
        router.post("stemmen/:id/bevestig") { request, context in try await self.cast(request, context, try context.id("id")) }
        router.post("stem/afmelden") { request, _ in
            await self.sessions.end(request.cookies[Self.cookie]?.value)
            var response = self.codeForm(error: nil, signedOut: true)
            response.setCookie(Cookie(name: Self.cookie, value: "", maxAge: 0, path: "/", secure: true, httpOnly: true, sameSite: .strict))
            return response
        }
        router.get("ballots/:id/board") { _, context in try self.board(try context.id("id")) }
    }

    /// The public bulletin board of a closed ballot: every receipt, and every choice as a separate list.
    func board(_ id: Int) throws -> Response {
        let ballot: BallotRecord
        do { ballot = try database.ballot(id) } catch is StoreError {
            return Self.message("boardNoSuchBallot", title: "notFoundTitle", class: "error", status: .notFound)
        }
        guard !ballot.isOpen else { return Self.message("boardAfterClose", title: "stillOpenTitle", status: .conflict) }
        let names = Dictionary(uniqueKeysWithValues: ballot.options.map { ($0.id, $0.name) })
        let board = try database.ballotBoard(id)
        let choices = board.choices.map { choice in
            let shown = choice.split(separator: ",").map { names[String($0)] ?? String($0) }.joined(separator: " · ")
            return shown.isEmpty ? "—" : shown
        }
        return PageTemplates.page(
            "public-board", title: Catalogue.text("boardTitle", .nl),
            [
                "heading": Catalogue.both("boardHeading", ["title": try database.ballotTitle(id)]),
                "receiptsHeading": Catalogue.both("boardReceipts", ["count": String(board.receipts.count)]),
                "choicesHeading": Catalogue.both("boardChoices", ["count": String(board.choices.count)]),
                "receipts": board.receipts, "choices": choices,
            ])
    }

    /// A page with one message from the catalogue.
    static func message(_ key: String, title: String, class style: String = "", status: HTTPResponse.Status) -> Response {
        PageTemplates.page("message", title: Catalogue.text(title, .nl), ["message": Catalogue.both(key), "class": style], status: status)
    }

    /// The first page: the code from the letter (with why the last one was not accepted).
    func codeForm(error: [String: String]?, status: HTTPResponse.Status = .ok, signedOut: Bool = false) -> Response {
        var context: [String: Any] = ["signedOut": signedOut]
        if let error { context["error"] = error }
        return PageTemplates.page("code-form", title: Catalogue.text("voteTitle", .nl), context, status: status)
    }

    func enterCode(_ request: Request, _ context: WebContext) async throws -> Response {
        let form = try await Forms.fields(request)
        let code: VotingCode
        do { code = try VotingCode(parsing: form.value("code") ?? "") } catch {
            // A typo is not a failed attempt: the check character caught it.
            return codeForm(error: Self.explain(error), status: .badRequest)
        }
        // The code is looked up even for a throttled client: a real code always gets in; only an
        // unknown one waits (every phone on the venue's Wi-Fi shares one address).
        guard let found = try database.findCode(code) else {
            let wait = await limiter.wait(context.client)
            await limiter.fail(context.client)
            if wait > 0 {
                return codeForm(error: Catalogue.both("codeTooManyWrong", ["seconds": String(wait)]), status: .tooManyRequests)
            }
            return codeForm(error: Catalogue.both("codeNotThisAssembly"), status: .forbidden)
        }
        switch found.state {
        case "revoked":
            return codeForm(error: Catalogue.both("codeReplaced"), status: .forbidden)
        case "issued":
            return codeForm(error: Catalogue.both("codeCheckInFirst"), status: .forbidden)
        default:
            let id = await sessions.start(VoterSession(code: code, assembly: found.assembly, firstBallot: found.firstBallot))
            var response = Response(status: .seeOther, headers: [.location: "/stemmen"])
            response.setCookie(
                Cookie(
                    name: Self.cookie, value: id, maxAge: Int(VoterSession.absolute), path: "/", secure: true, httpOnly: true,
                    sameSite: .strict))
            return response
        }
    }

    /// A page for a signed-in voter: the page, then how long the session lasts and a sign-out button.
    static func voterPage(_ title: String, _ body: String, status: HTTPResponse.Status = .ok) -> Response {
        HTML.page(title, body + PageTemplates.library.render("voter-signout", ["t": Catalogue.table]), status: status)
    }

    /// The voter's session, if it is still alive: it ends once every ballot it saw open has closed
    /// (a phone passed on cannot vote on what opens later), and it remembers the ballots open now.
    func voterSession(_ request: Request) async throws -> VoterSession? {
        let id = request.cookies[Self.cookie]?.value
        guard let session = await sessions.session(id) else { return nil }
        let open = Set(try database.openBallots(assembly: session.assembly))
        if !session.ballotsSeen.isEmpty, session.ballotsSeen.isDisjoint(with: open) {
            await sessions.end(id)
            return nil
        }
        if !open.isSubset(of: session.ballotsSeen) { await sessions.update(id) { $0.ballotsSeen.formUnion(open) } }
        return session
    }

    /// Why a typed code is not a code, in Dutch and English.
    static func explain(_ problem: VotingCode.Problem) -> [String: String] {
        switch problem {
        case .typo: Catalogue.both("codeTypo")
        case .wrongLength(let n): Catalogue.both("codeWrongLength", ["count": String(n)])
        case .notACodeCharacter(let c) where "0O".contains(c): Catalogue.both("codeNoZeroOrO")
        case .notACodeCharacter(let c) where "1IL".contains(c): Catalogue.both("codeNoOneIOrL")
        case .notACodeCharacter(let c): Catalogue.both("codeBadCharacter", ["character": String(c)])
        }
    }

    func ballots(_ request: Request) async throws -> Response {
        guard let session = try await voterSession(request) else { return codeForm(error: nil) }
        let turnout = try database.turnout(assembly: session.assembly)
        var items = ""
        for ballot in turnout.ballots where ballot.open {
            if let first = session.firstBallot, ballot.id < first {
                items +=
                    "<li><strong>\(HTML.h(ballot.title))</strong><br>\(HTML.both("Niet met deze code: u kreeg hem nadat deze stemming openging. Had u de vorige brief nog? Ga naar de balie.", "Not with this code: you got it after this ballot opened. Do you still have the earlier letter? Go to the desk."))</li>"
                continue
            }
            let voted = try database.hasVoted(session.code, ballot: ballot.id)
            let change =
                try voted && database.votesMayBeChanged(ballot: ballot.id)
                ? " <a href=\"/stemmen/\(ballot.id)\">\(HTML.both("Stem wijzigen", "Change my vote"))</a>" : ""
            items +=
                "<li><strong>\(HTML.h(ballot.title))</strong><br>"
                + (voted
                    ? "<span class=\"ok\">\(HTML.both("U hebt gestemd", "You have voted"))</span>\(change)"
                    : "<a href=\"/stemmen/\(ballot.id)\">\(HTML.both("Stem nu", "Vote now"))</a>") + "</li>"
        }
        let list =
            items.isEmpty
            ? "<p>\(HTML.both("Er is nu geen stemming open. Ververs deze pagina straks.", "No ballot is open now. Refresh this page later."))</p>"
            : "<ul class=\"ballots\">\(items)</ul>"
        return Self.voterPage("Stemmingen", "<h1>\(HTML.both("Open stemmingen", "Open ballots"))</h1>\(list)")
    }

    func ballotForm(_ request: Request, _ id: Int, error: (nl: String, en: String)?, ticked: Set<String> = []) async throws -> Response {
        guard let session = try await voterSession(request) else { return codeForm(error: nil) }
        let ballot = try database.ballot(id)
        guard ballot.isOpen else {
            return Self.voterPage("Gesloten", "<p class=\"error\">\(HTML.both("Deze stemming is gesloten.", "This ballot is closed."))</p>")
        }
        let changeable = try database.votesMayBeChanged(ballot: id)
        let voted = try database.hasVoted(session.code, ballot: id)
        if voted && !changeable {
            return Self.voterPage(
                "Gestemd",
                "<p class=\"ok\">\(HTML.both("U hebt al gestemd op deze stemming.", "You have already voted on this ballot."))</p><p><a href=\"/stemmen\">\(HTML.both("Terug", "Back"))</a></p>"
            )
        }
        let title = try database.ballotTitle(id)
        var message = error.map { "<p class=\"error\" role=\"alert\">\(HTML.both($0.nl, $0.en))</p>" } ?? ""
        if changeable {
            message +=
                voted
                ? "<p class=\"ok\" id=\"change\">\(HTML.both("U hebt al gestemd. U mag uw stem wijzigen tot de stemming sluit: uw nieuwe stem vervangt de vorige, de laatste telt.", "You have already voted. You may change your vote until the ballot closes: your new vote replaces the previous one, the last one counts."))</p>"
                : "<p id=\"change\">\(HTML.both("U mag uw stem wijzigen tot de stemming sluit; de laatste telt.", "You may change your vote until the ballot closes; the last one counts."))</p>"
        }
        var fields = ""
        switch ballot.method {
        case .yesNo:
            fields = [("yes", "Voor", "Yes"), ("no", "Tegen", "No"), ("blank", "Blanco", "Abstain")].map { value, nl, en in
                "<label class=\"choice\"><input type=\"radio\" name=\"choice\" value=\"\(value)\" required> \(HTML.both(nl, en))</label>"
            }.joined()
        case .plurality:
            fields = ballot.options.map {
                "<label class=\"choice\"><input type=\"radio\" name=\"choice\" value=\"\(HTML.h($0.id))\" required> \(HTML.h($0.name))</label>"
            }.joined()
        case .approval, .equalShares, .greedy:
            fields = ballot.options.map { option in
                let cost = option.cost.map { " — \(HTML.euros($0))" } ?? ""
                let checked = ticked.contains(option.id) ? " checked" : ""
                return
                    "<label class=\"choice\"><input type=\"checkbox\" name=\"option\" value=\"\(HTML.h(option.id))\"\(checked)> \(HTML.h(option.name))\(cost)</label>"
            }.joined()
            if let budget = ballot.budget {
                // A running total without JavaScript: "update the total" posts the ticks back and shows the sum.
                let total = ballot.options.filter { ticked.contains($0.id) }.reduce(0) { $0 + ($1.cost ?? 0) }
                fields +=
                    "<p class=\"big\" id=\"total\" role=\"status\">\(HTML.both("Aangevinkt: \(HTML.euros(total)) van het budget van \(HTML.euros(budget))", "Ticked: \(HTML.euros(total)) of the \(HTML.euros(budget)) budget"))</p>"
                    + "<button type=\"submit\" name=\"action\" value=\"total\" class=\"secondary\">\(HTML.both("Totaal bijwerken", "Update the total"))</button>"
                    + "<p>\(HTML.both("Kies alles wat u steunt, ook als het samen meer is dan het budget: de telling verdeelt het budget eerlijk over wat de buurt steunt.", "Tick everything you support, even if together it is more than the budget: the count shares the budget fairly over what the neighbourhood supports."))</p>"
            }
        case .instantRunoff, .singleTransferableVote, .schulze:
            let positions = (1...ballot.options.count).map { "<option value=\"\($0)\">\($0)</option>" }.joined()
            fields =
                "<p>\(HTML.both("Geef elke keuze een plaats: 1 is uw eerste keuze. Laat leeg wat u niet wilt rangschikken.", "Give each choice a place: 1 is your first choice. Leave empty what you do not want to rank."))</p>"
                + ballot.options.map { option in
                    "<label for=\"rank-\(HTML.h(option.id))\">\(HTML.h(option.name))</label><select id=\"rank-\(HTML.h(option.id))\" name=\"rank-\(HTML.h(option.id))\"><option value=\"\">–</option>\(positions)</select>"
                }.joined()
        }
        return Self.voterPage(
            title,
            """
            <h1>\(HTML.h(title))</h1>
            \(message)
            <form method="post" action="/stemmen/\(id)">
            <fieldset><legend>\(HTML.both("Uw keuze", "Your choice"))</legend>\(fields)</fieldset>
            <button type="submit">\(HTML.both("Volgende: controleren", "Next: check"))</button>
            </form>
            """)
    }

    /// Reads the posted form into the choice text used by the store (ids in order, comma-separated).
    func choice(from form: [String: [String]], ballot: BallotRecord) -> String? {
        switch ballot.method {
        case .yesNo, .plurality: return form["choice"]?.first
        case .approval, .equalShares, .greedy: return (form["option"] ?? []).joined(separator: ",")
        case .instantRunoff, .singleTransferableVote, .schulze:
            let ranked = ballot.options.compactMap { option -> (Int, String)? in
                guard let place = form["rank-\(option.id)"]?.first.flatMap({ Int($0) }) else { return nil }
                return (place, option.id)
            }
            guard Set(ranked.map(\.0)).count == ranked.count else { return nil }
            return ranked.sorted { $0.0 < $1.0 }.map(\.1).joined(separator: ",")
        }
    }

    func confirm(_ request: Request, _ context: WebContext, _ id: Int) async throws -> Response {
        guard try await voterSession(request) != nil else { return codeForm(error: nil) }
        let ballot = try database.ballot(id)
        let form = try await Forms.fields(request)
        if form.value("action") == "total" {
            return try await ballotForm(request, id, error: nil, ticked: Set(form["option"] ?? []))
        }
        guard let choice = choice(from: form, ballot: ballot) else {
            return try await ballotForm(
                request, id,
                error: (
                    "Twee keuzes hebben dezelfde plaats; geef elke plaats één keer.",
                    "Two choices have the same place; use each place once."
                ))
        }
        return confirmPage(id, choice: choice, shown: shown(choice, on: ballot))
    }

    /// A choice as the voter reads it: yes/no in words, options by name (ranked in order), and
    /// for a budget the sum against the budget.
    func shown(_ choice: String, on ballot: BallotRecord) -> String {
        if ballot.method == .yesNo {
            return ["yes": HTML.both("Voor", "Yes"), "no": HTML.both("Tegen", "No"), "blank": HTML.both("Blanco", "Abstain")][choice] ?? HTML.h(choice)
        }
        if choice.isEmpty { return HTML.both("Blanco (niets gekozen)", "Blank (nothing chosen)") }
        let names = Dictionary(uniqueKeysWithValues: ballot.options.map { ($0.id, $0.name) })
        let items = choice.split(separator: ",").map { HTML.h(names[String($0)] ?? String($0)) }
        // Numbered only where the order is the vote (a ranking); approvals are a plain list.
        let tag = ballot.method.isRanked ? "ol" : "ul"
        let list = "<\(tag)><li>" + items.joined(separator: "</li><li>") + "</li></\(tag)>"
        guard ballot.method.needsBudget else { return list }
        let costs = Dictionary(uniqueKeysWithValues: ballot.options.map { ($0.id, $0.cost ?? 0) })
        let total = choice.split(separator: ",").reduce(0) { $0 + (costs[String($1)] ?? 0) }
        return list
            + "<p>\(HTML.both("Samen \(HTML.euros(total)) (budget \(HTML.euros(ballot.budget ?? 0)))", "Together \(HTML.euros(total)) (budget \(HTML.euros(ballot.budget ?? 0)))"))</p>"
    }

    func confirmPage(_ id: Int, choice: String, shown: String) -> Response {
        Self.voterPage(
            "Controleren",
            """
            <h1>\(HTML.both("Klopt dit?", "Is this right?"))</h1>
            <div>\(shown)</div>
            <form method="post" action="/stemmen/\(id)/bevestig">
            <input type="hidden" name="choice" value="\(HTML.h(choice))">
            <button type="submit">\(HTML.both("Ja, stem uitbrengen", "Yes, cast my vote"))</button>
            </form>
            <p><a href="/stemmen/\(id)">\(HTML.both("Nee, terug", "No, go back"))</a></p>
            """)
    }

    func cast(_ request: Request, _ context: WebContext, _ id: Int) async throws -> Response {
        guard let session = try await voterSession(request) else { return codeForm(error: nil) }
        let form = try await Forms.fields(request)
        do {
            let replacing = try database.hasVoted(session.code, ballot: id)
            let receipt = try await writer.cast(code: session.code, ballot: id, choice: form["choice"]?.first ?? "")
            // The choice as stored, read back now: the voter sees it here, privately, once.
            let ballot = try database.ballot(id)
            let recorded = try database.recordedChoice(ballot: id, receipt: receipt).map { shown($0, on: ballot) } ?? "—"
            return Self.voterPage(
                "Ontvangstbewijs",
                """
                <h1>\(replacing ? HTML.both("Uw stem is gewijzigd", "Your vote was changed") : HTML.both("Uw stem is uitgebracht", "Your vote is in"))</h1>
                \(replacing ? "<p>\(HTML.both("Uw vorige stem en zijn bewijs tellen niet meer; alleen deze stem telt.", "Your previous vote and its receipt no longer count; only this vote counts."))</p>" : "")
                <p>\(HTML.both("Zo is uw stem opgeslagen:", "This is how your vote was stored:"))</p>
                <div class="recorded" id="recorded">\(recorded)</div>
                <p>\(HTML.both("Alleen u ziet dit, nu, op deze telefoon. Het wordt nergens anders getoond.", "Only you see this, now, on this phone. It is shown nowhere else."))</p>
                <p>\(HTML.both("Uw ontvangstbewijs:", "Your receipt:"))</p>
                <p class="receipt">\(HTML.h(receipt))</p>
                <p>\(HTML.both("Na de stemming staan alle bewijzen op het openbare bord, los van de keuzes: zoek het uwe op, dan weet u dat uw stem meetelt. Het bewijs zegt niet wat u stemde, dus niemand kan u vragen dat te laten zien.",
                                "After the ballot all receipts are published, apart from the choices: find yours and you know your vote counts. The receipt does not say how you voted, so nobody can ask you to prove it."))</p>
                <p><a href="/stemmen">\(HTML.both("Naar de andere stemmingen", "To the other ballots"))</a></p>
                """, status: .created)
        } catch let rejection as VoteRejection {
            switch rejection {
            case .alreadyVoted:
                return Self.voterPage(
                    "Gestemd",
                    "<p class=\"ok\">\(HTML.both("U hebt al gestemd op deze stemming; uw eerste stem telt.", "You have already voted on this ballot; your first vote counts."))</p><p><a href=\"/stemmen\">\(HTML.both("Terug", "Back"))</a></p>",
                    status: .conflict)
            case .codeNewerThanBallot:
                return Self.voterPage(
                    "Niet met deze code",
                    "<p class=\"error\">\(HTML.both("U kreeg deze code nadat deze stemming openging; met uw vorige code kan al gestemd zijn. Met deze code stemt u op de volgende stemmingen. Hebt u de vorige brief nog? Ga naar de balie: dan gaat die over.", "You got this code after this ballot opened; your earlier code may have voted already. With this code you vote on the next ballots. Do you still have the earlier letter? Go to the desk: it will be carried over."))</p><p><a href=\"/stemmen\">\(HTML.both("Terug", "Back"))</a></p>",
                    status: .forbidden)
            case .ballotClosed:
                return Self.voterPage(
                    "Gesloten", "<p class=\"error\">\(HTML.both("Deze stemming is net gesloten.", "This ballot has just closed."))</p>", status: .conflict)
            default:
                return try await ballotForm(
                    request, id, error: ("Deze stem is niet geldig: \(rejection.description)", "This vote is not valid: \(rejection.description)"))
            }
        }
    }
}
