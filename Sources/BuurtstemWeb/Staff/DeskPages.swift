import BuurtstemCore
import BuurtstemDocuments
import BuurtstemStore
import Foundation
public import Hummingbird
import Statuut

/// The check-in desk: find a member by postcode and house number (and name, where the register
/// keeps names), mark them present, record a proxy, hand out or reprint a voting code, with the
/// quorum always in view. For desk and board accounts.
struct DeskPages: Sendable {
    let database: AppDatabase

    /// Routes under `/balie`, behind the desk's gate (board accounts pass it too).
    func register(on desk: RouterGroup<StaffContext>) {
        desk.get { request, context in try await self.assemblies(request, context) }
        desk.get(":a") { request, context in
            let session = try context.session
            let query = request.uri.queryParameters
            // Forms send a space as `+`.
            let field = { (name: String) in
                query[Substring(name)].map { String($0).replacingOccurrences(of: "+", with: " ").trimmingCharacters(in: .whitespaces) }
            }
            let found = Search(postcode: field("postcode"), number: field("huisnummer"), name: field("naam").flatMap { $0.isEmpty ? nil : $0 })
            let done = query["ok"].flatMap { Self.confirmations[String($0)] }
            let id: AssemblyID = try context.id("a")
            return try await Lane.pages.run { try self.desk(id, session: session, search: found, message: done, ok: true) }
        }
        desk.post(":a/aanwezig") { request, context in try await self.checkIn(request, context, try context.id("a")) }
        desk.post(":a/volmacht") { request, context in try await self.proxy(request, context, try context.id("a")) }
        desk.post(":a/code") { request, context in try await self.code(request, context, try context.id("a")) }
        desk.post(":a/stemstatus") { request, context in try await self.votingStatus(request, context, try context.id("a")) }
    }

    /// A member asks "has my vote been counted?": the desk types (or scans) the code on the member's
    /// letter and sees, per open ballot, whether that code voted — never how, and only from the code
    /// the member holds (nothing in the database ties a member to a vote).
    func votingStatus(_ request: Request, _ staff: StaffContext, _ assembly: AssemblyID) async throws -> Response {
        // The store's work runs on the pages lane: no request thread waits on SQLite.
        return try await Lane.pages.run {
            let (session, form) = (try staff.session, try staff.form(DeskForm.self))
            let code: VotingCode
            do { code = try VotingCode(parsing: form.code.filled ?? "") } catch let error as VotingCode.Problem {
                return try desk(assembly, session: session, search: Search(), message: ResidentPages.explain(error), status: .badRequest)
            }
            guard let found = try database.findCode(code), found.assembly == assembly else {
                return try desk(assembly, session: session, search: Search(), message: Catalogue.pair("codeNotThisAssembly"), status: .notFound)
            }
            if found.state == .revoked {
                return try desk(assembly, session: session, search: Search(), message: Catalogue.pair("codeReplacedAskNewest"), status: .conflict)
            }
            var rows: [DeskCards.Status.Row] = []
            for ballot in try database.openBallots(assembly: assembly) {
                let state: String
                if let first = found.firstBallot, ballot < first {
                    state = "statusNotWithThisCode"
                } else if try database.hasVoted(code, ballot: ballot) {
                    state = "statusVoted"
                } else {
                    state = found.state == .active ? "statusNotVotedYet" : "statusNotVotedNotActive"
                }
                rows.append(.init(title: try database.ballotTitle(ballot), state: Catalogue.both(state)))
            }
            return try desk(assembly, session: session, search: Search(), cards: DeskCards(statusCard: .init(rows: rows, hasRows: !rows.isEmpty)))
        }
    }

    static let confirmations: [String: (nl: String, en: String)] = [
        "aanwezig": Catalogue.pair("checkedInActive"), "volmacht": Catalogue.pair("proxyRecordedActive"),
    ]

    /// What the desk searched for (kept in the page after an action).
    struct Search {
        var postcode: String?
        var number: String?
        var name: String?

        var query: String {
            var items = URLComponents()
            items.queryItems = [("postcode", postcode), ("huisnummer", number), ("naam", name)].compactMap { key, value in
                value.map { URLQueryItem(name: key, value: $0) }
            }
            return items.percentEncodedQuery ?? ""
        }
    }

    func assemblies(_ request: Request, _ staff: StaffContext) async throws -> Response {
        // The store's work runs on the pages lane: no request thread waits on SQLite.
        return try await Lane.pages.run {
            let session = try staff.session
            let current = try database.assemblies().filter { $0.state == .called || $0.state == .open }
                .map { DeskAssembliesView.Item(id: $0.id, date: $0.date.description, place: $0.place) }
            return PageTemplates.staffPage(
                "desk-assemblies", title: "navDesk", session: session, view: DeskAssembliesView(assemblies: current, hasAssemblies: !current.isEmpty))
        }
    }

    /// The desk page of an assembly: the quorum, the search, what was found, and the `cards` shown
    /// after an action (a letter's voting status, whose proxy, a new code).
    func desk(
        _ id: AssemblyID, session: StaffSession, search: Search, message: (nl: String, en: String)? = nil, ok: Bool = false,
        cards: DeskCards = DeskCards(), status: HTTPResponse.Status = .ok
    ) throws -> Response {
        guard let assembly = try database.assemblies().first(where: { $0.id == id }) else {
            return PageTemplates.staffPage(
                "status", title: "notFoundTitle", session: session,
                view: StatusView(heading: Catalogue.both("notFoundTitle"), text: Catalogue.both("noSuchAssembly")), status: .notFound)
        }
        let turnout = try database.turnout(assembly: id)
        let q = turnout.quorum
        var view = DeskView(
            heading: Catalogue.both("deskAssemblyOf", ["date": assembly.date.description]), place: assembly.place, assemblyID: id,
            referenceDate: Catalogue.both("referenceDateOn", ["date": assembly.referenceDate?.description ?? "–"]),
            presence: Catalogue.both(
                "presentRepresentedDot",
                ["present": String(turnout.present), "represented": String(turnout.represented), "electorate": String(turnout.electorate)]),
            quorum: q.needed == 0
                ? Catalogue.both("noQuorumRequiredDot")
                : Catalogue.both(q.met ? "quorumNeededMet" : "quorumNeededNotYetMet", ["counted": String(q.counted), "needed": String(q.needed)]),
            searchPostcode: search.postcode ?? "", searchNumber: search.number ?? "", searchName: search.name ?? "",
            statusCard: cards.statusCard, proxyChoices: cards.proxyChoices, newCode: cards.newCode)
        var status = status
        var message = message
        var ok = ok
        if search.postcode != nil || search.number != nil {
            do {
                let postcode = try Postcode(parsing: (search.postcode ?? "").uppercased())
                guard let number = search.number.flatMap({ Int($0) }), number >= 1 else { throw Problem(key: "enterHouseNumber") }
                let found = try database.deskSearch(assembly: id, postcode: postcode, houseNumber: number, name: search.name)
                if found.isEmpty {
                    view.nobodyFound = Catalogue.both(search.name == nil ? "nobodyAtAddress" : "nobodyAtAddressWithName")
                }
                view.found = found.map { entry($0, search: search, assemblyOpen: assembly.state != .closed) }
            } catch let problem as Postcode.Problem {
                (message, ok, status) = (Catalogue.pair("postcodeProblem", ["problem": problem.description]), false, .badRequest)
            } catch let problem as Problem {
                (message, ok, status) = ((problem.nl, problem.en), false, .badRequest)
            }
        }
        return PageTemplates.staffPage("desk", title: "navDesk", session: session, view: view, flash: message, ok: ok, status: status)
    }

    /// A found member: who, their state, and what the desk can do.
    func entry(_ entry: DeskEntry, search: Search, assemblyOpen: Bool) -> DeskView.Found {
        var states: [BothLanguages] = []
        if entry.present { states.append(Catalogue.both("statePresent")) }
        if let holder = entry.proxyTo { states.append(Catalogue.both("proxyGivenTo", ["holder": holder.rawValue])) }
        if entry.proxiesHeld > 0 { states.append(Catalogue.both("holdsProxies", ["count": String(entry.proxiesHeld)])) }
        states.append(Catalogue.both([DeskEntry.CodeState.none: "noCodeYet", .issued: "codeSentNotActive", .active: "codeActive"][entry.code] ?? "noCodeYet"))
        // What tells members at one address apart (the addition is in the address).
        return DeskView.Found(
            id: entry.id.rawValue, name: entry.name ?? entry.id.rawValue, address: entry.address.description,
            born: entry.birthYear.map { Catalogue.both("bornIn", ["year": String($0)]) }, states: states, present: entry.present,
            noCode: entry.code == .none, canAct: assemblyOpen, back: search.query)
    }

    /// Returns to the desk page with the search kept and a confirmation shown.
    func back(_ assembly: AssemblyID, _ form: DeskForm, ok key: String) -> Response {
        let query = form.back.filled.map { $0 + "&" } ?? ""
        return Response(status: .seeOther, headers: [.location: "/balie/\(assembly)?\(query)ok=\(key)"])
    }

    func search(from form: DeskForm) -> Search {
        let items = URLComponents(string: "?" + (form.back.filled ?? ""))?.queryItems ?? []
        let value = { (name: String) in items.first { $0.name == name }?.value }
        return Search(postcode: value("postcode"), number: value("huisnummer"), name: value("naam"))
    }

    func checkIn(_ request: Request, _ staff: StaffContext, _ assembly: AssemblyID) async throws -> Response {
        // The store's work runs on the pages lane: no request thread waits on SQLite.
        return try await Lane.pages.run {
            let (session, form) = (try staff.session, try staff.form(DeskForm.self))
            do {
                _ = try database.checkIn(ResidentID(form.member.filled ?? ""), assembly: assembly, actor: session.account.actor)
                return back(assembly, form, ok: "aanwezig")
            } catch {
                return try desk(assembly, session: session, search: search(from: form), message: explain(error), status: Explained(error).status)
            }
        }
    }

    func proxy(_ request: Request, _ staff: StaffContext, _ assembly: AssemblyID) async throws -> Response {
        // The store's work runs on the pages lane: no request thread waits on SQLite.
        return try await Lane.pages.run {
            let (session, form) = (try staff.session, try staff.form(DeskForm.self))
            let holder = ResidentID(form.member.filled ?? "")
            do {
                let giver: ResidentID
                if let chosen = form.giver.filled {
                    giver = ResidentID(chosen)
                } else {
                    let postcode: Postcode
                    do { postcode = try Postcode(parsing: (form.postcode.filled ?? "").uppercased()) } catch let error as Postcode.Problem {
                        throw Problem(key: "giverPostcode", ["problem": error.description])
                    }
                    guard let number = form.huisnummer.filled.flatMap({ Int($0) }) else {
                        throw Problem(key: "giverHouseNumber")
                    }
                    let candidates = try database.deskSearch(assembly: assembly, postcode: postcode, houseNumber: number, name: form.naam.filled)
                        .filter { $0.id != holder }
                    guard !candidates.isEmpty else {
                        throw Problem(key: "noOtherMemberThere")
                    }
                    guard candidates.count == 1 else {
                        let choices = candidates.map { candidate in
                            DeskCards.ProxyChoices.Candidate(
                                giver: candidate.id.rawValue, holder: holder.rawValue, back: form.back.filled ?? "",
                                label: Catalogue.both(
                                    "proxyFrom", ["name": candidate.name ?? candidate.id.rawValue, "address": candidate.address.description]))
                        }
                        return try desk(assembly, session: session, search: search(from: form), cards: DeskCards(proxyChoices: .init(candidates: choices)))
                    }
                    giver = candidates[0].id
                }
                _ = try database.proxy(from: giver, to: holder, assembly: assembly, actor: session.account.actor)
                return back(assembly, form, ok: "volmacht")
            } catch let problem as Problem {
                return try desk(assembly, session: session, search: search(from: form), message: (problem.nl, problem.en), status: .badRequest)
            } catch {
                return try desk(assembly, session: session, search: search(from: form), message: explain(error), status: Explained(error).status)
            }
        }
    }

    /// Hands out a new code: shown once, on this page only (it is stored as a keyed hash).
    func code(_ request: Request, _ staff: StaffContext, _ assembly: AssemblyID) async throws -> Response {
        // The store's work runs on the pages lane: no request thread waits on SQLite.
        return try await Lane.pages.run {
            let (session, form) = (try staff.session, try staff.form(DeskForm.self))
            let member = ResidentID(form.member.filled ?? "")
            do {
                var old: VotingCode?
                if let typed = form.oudeCode.filled {
                    do { old = try VotingCode(parsing: typed) } catch let error as VotingCode.Problem {
                        let why = ResidentPages.explain(error)
                        return try desk(
                            assembly, session: session, search: search(from: form),
                            message: (
                                Catalogue.text("oldCodeProblem", .nl, ["problem": why.nl]),
                                Catalogue.text("oldCodeProblem", .en, ["problem": why.en])
                            ),
                            status: .badRequest)
                    }
                }
                let reissued = try database.reissueCode(assembly: assembly, member: member, old: old, actor: session.account.actor)
                let code = reissued.code
                var unavailable: BothLanguages?
                var carried: BothLanguages?
                if !reissued.unavailableBallots.isEmpty {
                    let titles = try reissued.unavailableBallots.map { try database.ballotTitle($0) }.joined(separator: ", ")
                    unavailable = Catalogue.both("codeCannotVoteOn", ["titles": titles])
                } else if let count = reissued.carriedOver {
                    carried = Catalogue.both("oldCodeCarriedOver", ["count": String(count)])
                }
                let entry = try database.deskEntry(assembly: assembly, member: member)
                let url = "\(staff.scheme)://\(request.head.authority ?? "127.0.0.1:8080")/"
                let card = DeskCards.NewCode(
                    code: code.description, qr: QRCode.svg(url) ?? "",
                    forMember: Catalogue.both("newCodeFor", ["name": entry?.name ?? member.rawValue, "address": entry?.address.description ?? ""]),
                    giveCode: Catalogue.both(entry?.present == true || entry?.proxyTo != nil ? "giveThisCode" : "giveThisCodeAndCheckIn"),
                    unavailable: unavailable, carried: carried)
                return try desk(assembly, session: session, search: search(from: form), cards: DeskCards(newCode: card))
            } catch {
                return try desk(assembly, session: session, search: search(from: form), message: explain(error), status: Explained(error).status)
            }
        }
    }
}

/// What the desk's forms post: the member acted for, the search to return to, and per action its
/// fields (the giver of a proxy or where to find them, the old code, a code to look up).
struct DeskForm: Decodable {
    var member: String?
    /// The search the page showed, as a query string, to return to.
    var back: String?
    var giver: String?
    var postcode: String?
    var huisnummer: String?
    var naam: String?
    var oudeCode: String?
    var code: String?

    enum CodingKeys: String, CodingKey {
        case member, back, giver, postcode, huisnummer, naam, code
        case oudeCode = "oude_code"
    }
}

/// Input the desk or board typed that cannot be used, in both languages.
struct Problem: Error {
    var nl: String
    var en: String

    init(nl: String, en: String) {
        self.nl = nl
        self.en = en
    }

    /// A problem worded by the catalogue.
    init(key: String, _ values: [String: String] = [:]) {
        (nl, en) = Catalogue.pair(key, values)
    }
}
