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
    let telemetry: Telemetry
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
        router.get("ballots/:id/board") { _, context in
            let id: BallotID = try context.id("id")
            return try await Lane.pages.run { try self.board(id) }
        }
    }

    /// The public bulletin board of a closed ballot: every receipt, and every choice as a separate list.
    func board(_ id: BallotID) throws -> Response {
        let ballot: BallotRecord
        do { ballot = try database.ballot(id) } catch is StoreError {
            return Self.message("boardNoSuchBallot", title: "notFoundTitle", class: "error", status: .notFound)
        }
        guard !ballot.isOpen else { return Self.message("boardAfterClose", title: "stillOpenTitle", status: .conflict) }
        let names = Dictionary(uniqueKeysWithValues: ballot.options.map { ($0.id, $0.name) })
        let board = try database.ballotBoard(id)
        let choices = board.choices.map { choice -> String in
            let ids = ballot.method == .yesNo ? [choice.stored] : choice.optionIDs
            let shown = ids.map { names[$0] ?? $0 }.joined(separator: " · ")
            return shown.isEmpty ? "—" : shown
        }
        return PageTemplates.page(
            "public-board", title: "boardTitle",
            view: PublicBoardView(
                heading: Catalogue.both("boardHeading", ["title": try database.ballotTitle(id)]),
                receiptsHeading: Catalogue.both("boardReceipts", ["count": String(board.receipts.count)]),
                choicesHeading: Catalogue.both("boardChoices", ["count": String(board.choices.count)]), receipts: board.receipts, choices: choices))
    }

    /// A page with one message from the catalogue.
    static func message(_ key: String, title: String, class style: String = "", status: HTTPResponse.Status) -> Response {
        PageTemplates.page("message", title: title, view: VoterMessageView(message: Catalogue.both(key), class: style, back: false), status: status)
    }

    /// The first page: the code from the letter (with why the last one was not accepted, and the
    /// code as typed when it had a typo).
    func codeForm(error: (nl: String, en: String)?, status: HTTPResponse.Status = .ok, signedOut: Bool = false, typed: String? = nil) -> Response {
        let view = CodeFormView(error: error.map { ["nl": $0.nl, "en": $0.en] }, signedOut: signedOut, code: typed)
        return PageTemplates.page("code-form", title: "voteTitle", view: view, status: status)
    }

    func enterCode(_ request: Request, _ context: WebContext) async throws -> Response {
        let typed = try await Forms.read(CodeForm.self, from: request).code.filled ?? ""
        let code: VotingCode
        do { code = try VotingCode(parsing: typed) } catch {
            // A typo is not a failed attempt: the check character caught it. The code stays in the field to be corrected.
            return codeForm(error: Self.explain(error), status: .badRequest, typed: typed)
        }
        // The code is looked up even for a throttled client: a real code always gets in; only an
        // unknown one waits (every phone on the venue's Wi-Fi shares one address).
        guard let found = try await database.onPages({ try $0.findCode(code) }) else {
            let wait = await limiter.wait(context.client)
            await limiter.fail(context.client)
            if wait > 0 {
                telemetry.rateLimited("code")
                return codeForm(error: Catalogue.pair("codeTooManyWrong", ["seconds": String(wait)]), status: .tooManyRequests)
            }
            return codeForm(error: Catalogue.pair("codeNotThisAssembly"), status: .forbidden)
        }
        switch found.state {
        case .revoked:
            return codeForm(error: Catalogue.pair("codeReplaced"), status: .forbidden)
        case .issued:
            return codeForm(error: Catalogue.pair("codeCheckInFirst"), status: .forbidden)
        case .active:
            let id = await sessions.start(VoterSession(code: code, assembly: found.assembly, firstBallot: found.firstBallot))
            var response = Response(status: .seeOther, headers: [.location: "/stemmen"])
            response.setCookie(
                Cookie(
                    name: Self.cookie, value: id, maxAge: Int(VoterSession.absolute), path: "/", secure: true, httpOnly: true,
                    sameSite: .strict))
            return response
        }
    }

    /// A page for a signed-in voter: the template `name`, then how long the session lasts and a
    /// sign-out button. `title` is a catalogue key, or the text itself with `literalTitle`.
    static func voterPage(_ name: String, title: String, literalTitle: Bool = false, _ view: Any, status: HTTPResponse.Status = .ok) -> Response {
        let body = PageTemplates.render(name, view: view) + PageTemplates.render("voter-signout", view: view)
        return HTML.page(literalTitle ? title : Catalogue.text(title, .nl), body, status: status)
    }

    /// A voter's page with one message and a link back to the ballots.
    static func voterMessage(_ key: String, title: String, class style: String, back: Bool = true, status: HTTPResponse.Status = .ok) -> Response {
        voterPage("voter-message", title: title, VoterMessageView(message: Catalogue.both(key), class: style, back: back), status: status)
    }

    /// The voter's session, if it is still alive: it ends once every ballot it saw open has closed
    /// (a phone passed on cannot vote on what opens later), and it remembers the ballots open now.
    func voterSession(_ request: Request) async throws -> VoterSession? {
        let id = request.cookies[Self.cookie]?.value
        guard let session = await sessions.session(id) else { return nil }
        let open = Set(try await database.onPages { try $0.openBallots(assembly: session.assembly) })
        if !session.ballotsSeen.isEmpty, session.ballotsSeen.isDisjoint(with: open) {
            await sessions.end(id)
            return nil
        }
        if !open.isSubset(of: session.ballotsSeen) { await sessions.update(id) { $0.ballotsSeen.formUnion(open) } }
        return session
    }

    /// Why a typed code is not a code, in Dutch and English.
    static func explain(_ problem: VotingCode.Problem) -> (nl: String, en: String) { (problem.text(in: .nl), problem.text(in: .en)) }

    func ballots(_ request: Request) async throws -> Response {
        guard let session = try await voterSession(request) else { return codeForm(error: nil) }
        return try await Lane.pages.run { try self.ballotsPage(session) }
    }

    private func ballotsPage(_ session: VoterSession) throws -> Response {
        let turnout = try database.turnout(assembly: session.assembly)
        var items: [BallotsView.Item] = []
        for ballot in turnout.ballots where ballot.open {
            if let first = session.firstBallot, ballot.id < first {
                items.append(.init(id: ballot.id, title: ballot.title, tooNew: true))
                continue
            }
            let voted = try database.hasVoted(session.code, ballot: ballot.id)
            items.append(
                .init(id: ballot.id, title: ballot.title, tooNew: false, voted: voted, changeable: try voted && database.votesMayBeChanged(ballot: ballot.id)))
        }
        return Self.voterPage("ballots", title: "ballotsTitle", BallotsView(ballots: items))
    }

    func ballotForm(_ request: Request, _ id: BallotID, error: (nl: String, en: String)?, kept: ChoiceForm = ChoiceForm()) async throws -> Response {
        guard let session = try await voterSession(request) else { return codeForm(error: nil) }
        return try await Lane.pages.run { try self.ballotFormPage(session, id, error: error, kept: kept) }
    }

    /// The ballot's page; after an error it keeps what was ticked or ranked (`kept`) and marks
    /// the options given the same place.
    private func ballotFormPage(_ session: VoterSession, _ id: BallotID, error: (nl: String, en: String)?, kept: ChoiceForm) throws -> Response {
        let ticked = Set(kept.option ?? [])
        let ballot = try database.ballot(id)
        guard ballot.isOpen else { return Self.voterMessage("ballotClosed", title: "closedTitle", class: "error") }
        let changeable = try database.votesMayBeChanged(ballot: id)
        let voted = try database.hasVoted(session.code, ballot: id)
        if voted && !changeable { return Self.voterMessage("alreadyVoted", title: "votedTitle", class: "ok") }
        let proposal = try database.ballotProposal(id)
        let title = proposal.title
        // The proposal in full before the choice: a resident votes on what it says, not on a title.
        var view = BallotFormView(
            id: id, title: title, voted: voted, paragraphs: Self.paragraphs(proposal.text), error: error.map { ["nl": $0.nl, "en": $0.en] },
            changeNotice: changeable ? Catalogue.both(voted ? "changeAfterVoting" : "changeAllowed") : nil)
        switch ballot.method {
        case .yesNo:
            view.yesNo = [("yes", "choiceYes"), ("no", "choiceNo"), ("blank", "choiceBlank")].map { .init(value: $0.0, text: Catalogue.both($0.1)) }
        case .plurality:
            view.single = ballot.options.map { .init(id: $0.id, name: $0.name, description: $0.description) }
        case .approval, .equalShares, .greedy, .greedyTopUp:
            view.approve = ballot.options.map {
                .init(id: $0.id, name: $0.name, checked: ticked.contains($0.id), cost: $0.cost.map(HTML.euros), description: $0.description)
            }
            if let budget = ballot.budget {
                // A running total without JavaScript: "update the total" posts the ticks back and shows the sum.
                let total = ballot.options.filter { ticked.contains($0.id) }.reduce(0) { $0 + ($1.cost ?? 0) }
                // How the count uses the ticks, as the method does it.
                let hint = ballot.method == .greedy ? "tickEverythingGreedy" : ballot.method == .greedyTopUp ? "tickEverythingTopUp" : "tickEverything"
                view.budget = .init(
                    total: Catalogue.both("tickedOfBudget", ["total": HTML.euros(total), "budget": HTML.euros(budget)]), hint: Catalogue.both(hint))
            } else {
                let seats = ballot.seats ?? 1
                view.approvalHint = seats == 1 ? Catalogue.both("approvalHintOne") : Catalogue.both("approvalHint", ["seats": String(seats)])
            }
        case .instantRunoff, .singleTransferableVote, .schulze:
            let (places, wrong) = (kept.places, kept.samePlace)
            view.ranked = .init(
                options: ballot.options.map { option in
                    .init(
                        id: option.id, name: option.name, description: option.description,
                        positions: (1...ballot.options.count).map { .init(value: $0, selected: places[option.id] == $0) },
                        wrong: wrong.contains(option.id),
                        describedBy: Self.describedBy(error: wrong.contains(option.id), option))
                })
        }
        return Self.voterPage("ballot-form", title: title, literalTitle: true, view)
    }

    /// What an option's control is described by: the error when it is wrong, its description when it has one.
    static func describedBy(error: Bool, _ option: BallotOption) -> String? {
        var ids: [String] = []
        if error { ids.append("choice-error") }
        if option.description != nil { ids.append("about-\(option.id)") }
        return ids.isEmpty ? nil : ids.joined(separator: " ")
    }

    /// Reads the posted form into the choice text used by the store (ids in order, comma-separated);
    /// nil when two options were given the same place.
    func choice(from form: ChoiceForm, ballot: BallotRecord) -> String? {
        switch ballot.method {
        case .yesNo, .plurality: return form.choice ?? ""
        case .approval, .equalShares, .greedy, .greedyTopUp: return (form.option ?? []).joined(separator: ",")
        case .instantRunoff, .singleTransferableVote, .schulze:
            guard form.samePlace.isEmpty else { return nil }
            let places = form.places
            return ballot.options.compactMap { option in places[option.id].map { ($0, option.id) } }.sorted { $0.0 < $1.0 }.map(\.1)
                .joined(separator: ",")
        }
    }

    func confirm(_ request: Request, _ context: WebContext, _ id: BallotID) async throws -> Response {
        guard try await voterSession(request) != nil else { return codeForm(error: nil) }
        let ballot = try await database.onPages { try $0.ballot(id) }
        let form = try await Forms.read(ChoiceForm.self, from: request)
        if form.action == "total" {
            return try await ballotForm(request, id, error: nil, kept: form)
        }
        guard let written = choice(from: form, ballot: ballot) else {
            return try await ballotForm(request, id, error: Catalogue.pair("samePlaceTwice"), kept: form)
        }
        let choice: Choice
        do throws(Refusal) { choice = try Choice(written, method: ballot.method, options: ballot.options) } catch {
            return try await ballotForm(request, id, error: (error.nl, error.en), kept: form)
        }
        let subject = try await database.onPages { try $0.ballotProposal(id).title }
        return Self.voterPage(
            "confirm", title: "confirmTitle",
            ConfirmView(id: id, choice: choice.stored, shown: shown(choice, on: ballot), subject: Catalogue.both("votingOn", ["title": subject])))
    }

    /// A proposal's text as paragraphs (split at blank lines), for the page to show as written.
    static func paragraphs(_ text: String) -> [String] {
        text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n\n")
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    /// A choice as the voter reads it: yes/no in words, options by name (ranked in order), and
    /// for a budget the sum against the budget (the context of the `shown-choice` partial).
    func shown(_ choice: Choice, on ballot: BallotRecord) -> ShownChoice {
        shown(choice, method: ballot.method, options: ballot.options, budget: ballot.budget)
    }

    /// The same, from what a cast vote knows of its ballot.
    func shown(_ choice: Choice, method: TallyMethod, options: [BallotOption], budget: Int?) -> ShownChoice {
        switch choice {
        case .yes: return ShownChoice(word: Catalogue.both("choiceYes"))
        case .no: return ShownChoice(word: Catalogue.both("choiceNo"))
        case .blank: return ShownChoice(word: Catalogue.both("choiceBlank"))
        case .options(let ids) where ids.isEmpty: return ShownChoice(word: Catalogue.both("blankNothingChosen"))
        case .options: break
        }
        let names = Dictionary(uniqueKeysWithValues: options.map { ($0.id, $0.name) })
        let items = choice.optionIDs.map { names[$0] ?? $0 }
        // Numbered only where the order is the vote (a ranking); approvals are a plain list.
        var shown = ShownChoice(items: items, ranked: method.isRanked, list: true)
        if method.needsBudget {
            let costs = Dictionary(uniqueKeysWithValues: options.map { ($0.id, $0.cost ?? 0) })
            let total = choice.optionIDs.reduce(0) { $0 + (costs[$1] ?? 0) }
            shown.total = Catalogue.both("togetherOfBudget", ["total": HTML.euros(total), "budget": HTML.euros(budget ?? 0)])
        }
        return shown
    }

    func cast(_ request: Request, _ context: WebContext, _ id: BallotID) async throws -> Response {
        guard let session = try await voterSession(request) else { return codeForm(error: nil) }
        let form = try await Forms.read(ChoiceForm.self, from: request)
        do {
            // One transaction decides, writes and says what it did: no "has this code voted?" before
            // (a check-then-act race), no reading the vote back after.
            let cast = try await writer.cast(code: session.code, ballot: id, choice: form.choice ?? "")
            telemetry.voteAccepted()
            // The choice as stored: the voter sees it here, privately, once.
            let recorded = shown(cast.choice, method: cast.method, options: cast.options, budget: cast.budget)
            return Self.voterPage(
                "receipt", title: "receiptTitle", ReceiptView(replacing: cast.replaced, shown: recorded, receipt: cast.receipt), status: .created)
        } catch let rejection as VoteRejection {
            telemetry.voteRefused(rejection.id)
            switch rejection {
            case .alreadyVoted: return Self.voterMessage("alreadyVotedFirstCounts", title: "votedTitle", class: "ok", status: .conflict)
            case .codeNewerThanBallot: return Self.voterMessage("codeNewerThanBallot", title: "notWithThisCodeTitle", class: "error", status: .forbidden)
            case .ballotClosed: return Self.voterMessage("ballotJustClosed", title: "closedTitle", class: "error", back: false, status: .conflict)
            default:
                let why = Explained(rejection)
                return try await ballotForm(request, id, error: (why.nl, why.en))
            }
        }
    }
}
