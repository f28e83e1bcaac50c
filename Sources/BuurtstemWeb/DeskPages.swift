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
    let gate: StaffGate

    func register(on router: Router<WebContext>) {
        router.get("balie") { request, _ in try await self.assemblies(request) }
        router.get("balie/:a") { request, context in
            guard let session = try await gate.session(request, role: .desk) else { return StaffGate.signIn }
            let query = request.uri.queryParameters
            // Forms send a space as `+`.
            let field = { (name: String) in
                query[Substring(name)].map { String($0).replacingOccurrences(of: "+", with: " ").trimmingCharacters(in: .whitespaces) }
            }
            let found = Search(postcode: field("postcode"), number: field("huisnummer"), name: field("naam").flatMap { $0.isEmpty ? nil : $0 })
            let done = query["ok"].flatMap { Self.confirmations[String($0)] }
            return try self.desk(try context.id("a"), session: session, search: found, message: done, ok: true)
        }
        router.post("balie/:a/aanwezig") { request, context in try await self.checkIn(request, try context.id("a")) }
        router.post("balie/:a/volmacht") { request, context in try await self.proxy(request, try context.id("a")) }
        router.post("balie/:a/code") { request, context in try await self.code(request, try context.id("a")) }
        router.post("balie/:a/stemstatus") { request, context in try await self.votingStatus(request, try context.id("a")) }
    }

    /// A member asks "has my vote been counted?": the desk types (or scans) the code on the member's
    /// letter and sees, per open ballot, whether that code voted — never how, and only from the code
    /// the member holds (nothing in the database ties a member to a vote).
    func votingStatus(_ request: Request, _ assembly: Int) async throws -> Response {
        guard let (session, form) = try await gate.post(request, role: .desk) else { return StaffGate.signIn }
        let code: VotingCode
        do { code = try VotingCode(parsing: form.value("code") ?? "") } catch {
            let why = ResidentPages.explain(error)
            return try desk(assembly, session: session, search: Search(), message: (why["nl"] ?? "", why["en"] ?? ""), status: .badRequest)
        }
        guard let found = try database.findCode(code), found.assembly == assembly else {
            return try desk(
                assembly, session: session, search: Search(),
                message: ("Deze code hoort niet bij deze vergadering.", "This code does not belong to this assembly."), status: .notFound)
        }
        if found.state == "revoked" {
            return try desk(
                assembly, session: session, search: Search(),
                message: ("Deze code is vervangen door een nieuwe; vraag naar de nieuwste brief.", "This code was replaced by a new one."), status: .conflict)
        }
        var rows = ""
        for ballot in try database.openBallots(assembly: assembly) {
            let title = HTML.h(try database.ballotTitle(ballot))
            let state: String
            if let first = found.firstBallot, ballot < first {
                state = HTML.both("niet met deze code (gegeven nadat deze stemming openging)", "not with this code (given after this ballot opened)")
            } else if try database.hasVoted(code, ballot: ballot) {
                state = HTML.both("gestemd — de stem telt mee", "voted — the vote counts")
            } else {
                state =
                    found.state == "active"
                    ? HTML.both("nog niet gestemd", "not voted yet")
                    : HTML.both("nog niet gestemd; de code is nog niet actief (aanmelden)", "not voted yet; the code is not active yet (check in)")
            }
            rows += "<li><strong>\(title)</strong>: \(state)</li>"
        }
        let extra =
            "<div class=\"card\" id=\"status\"><p>\(HTML.both("Stemstatus van deze brief (niet hoe er gestemd is):", "Voting status of this letter (not how it voted):"))</p>"
            + (rows.isEmpty ? "<p>\(HTML.both("Er is nu geen stemming open.", "No ballot is open now."))</p>" : "<ul>\(rows)</ul>") + "</div>"
        return try desk(assembly, session: session, search: Search(), extra: extra)
    }

    static let confirmations: [String: (nl: String, en: String)] = [
        "aanwezig": ("Aangemeld; de stemcode is nu actief.", "Checked in; the voting code is now active."),
        "volmacht": ("Volmacht vastgelegd; de code van de volmachtgever is nu actief.", "Proxy recorded; the giver's code is now active."),
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

    func assemblies(_ request: Request) async throws -> Response {
        guard let session = try await gate.session(request, role: .desk) else { return StaffGate.signIn }
        let current = try database.assemblies().filter { $0.state == .called || $0.state == .open }
        let list =
            current.isEmpty
            ? "<p>\(HTML.both("Er is nu geen opgeroepen vergadering.", "No assembly has been called now."))</p>"
            : "<ul class=\"ballots\">"
                + current.map {
                    "<li><a href=\"/balie/\($0.id)\">\(HTML.h($0.date.description)) — \(HTML.h($0.place))</a></li>"
                }.joined() + "</ul>"
        return HTML.staffPage("Balie", "<h1>\(HTML.both("Balie", "Check-in desk"))</h1>\(list)", session: session)
    }

    func desk(
        _ id: Int, session: StaffSession, search: Search, message: (nl: String, en: String)? = nil, ok: Bool = false,
        extra: String = "", status: HTTPResponse.Status = .ok
    ) throws -> Response {
        guard let assembly = try database.assemblies().first(where: { $0.id == id }) else {
            return HTML.staffPage(
                "Niet gevonden", HTML.message(("Deze vergadering bestaat niet.", "There is no such assembly.")), session: session, status: .notFound)
        }
        let turnout = try database.turnout(assembly: id)
        let quorum = turnout.quorum
        let quorumText =
            quorum.needed == 0
            ? HTML.both("Geen quorum vereist.", "No quorum required.")
            : HTML.both(
                "Quorum: \(quorum.counted) van \(quorum.needed) nodig — \(quorum.met ? "gehaald" : "nog niet gehaald").",
                "Quorum: \(quorum.counted) of \(quorum.needed) needed — \(quorum.met ? "met" : "not yet met").")
        var results = ""
        var status = status
        var message = message
        var ok = ok
        if search.postcode != nil || search.number != nil {
            do {
                let postcode = try Postcode(parsing: (search.postcode ?? "").uppercased())
                guard let number = search.number.flatMap({ Int($0) }), number >= 1 else {
                    throw Problem(nl: "Vul een huisnummer in (alleen het getal).", en: "Enter a house number (just the number).")
                }
                let found = try database.deskSearch(assembly: id, postcode: postcode, houseNumber: number, name: search.name)
                results =
                    found.isEmpty
                    ? HTML.message(
                        (
                            "Niemand van de stemgerechtigden woonde op de peildatum op dit adres\(search.name == nil ? "" : " met deze naam").",
                            "No one entitled to vote lived at this address on the reference date\(search.name == nil ? "" : " with this name")."
                        ))
                    : found.map { entry(id, $0, search: search, session: session, assemblyOpen: assembly.state != .closed) }.joined()
            } catch let problem as Postcode.Problem {
                (message, ok, status) = (("Postcode: \(problem.description)", "Postcode: \(problem.description)"), false, .badRequest)
            } catch let problem as Problem {
                (message, ok, status) = ((problem.nl, problem.en), false, .badRequest)
            }
        }
        let body = """
            <h1>\(HTML.both("Balie: vergadering van \(assembly.date)", "Desk: assembly of \(assembly.date)"))</h1>
            <p>\(HTML.h(assembly.place)) · \(HTML.inline("peildatum \(assembly.referenceDate?.description ?? "–")", "reference date"))</p>
            <p class="big" id="quorum">\(HTML.both("\(turnout.present) aanwezig, \(turnout.represented) vertegenwoordigd, van \(turnout.electorate) leden.",
                                                   "\(turnout.present) present, \(turnout.represented) represented, of \(turnout.electorate) members.")) \(quorumText)</p>
            \(HTML.message(message, ok: ok))
            \(extra)
            <form method="get" action="/balie/\(id)" class="card">
            <div class="row">
            <div><label for="postcode">\(HTML.both("Postcode", "Postcode"))</label>
            <input type="text" id="postcode" name="postcode" value="\(HTML.h(search.postcode ?? ""))" autocapitalize="characters" required></div>
            <div><label for="huisnummer">\(HTML.both("Huisnummer", "House number"))</label>
            <input type="text" id="huisnummer" name="huisnummer" inputmode="numeric" value="\(HTML.h(search.number ?? ""))" required></div>
            <div><label for="naam">\(HTML.both("Naam (als bekend)", "Name (if kept)"))</label>
            <input type="text" id="naam" name="naam" value="\(HTML.h(search.name ?? ""))"></div>
            </div>
            <button type="submit">\(HTML.both("Zoeken", "Find"))</button>
            </form>
            <form method="post" action="/balie/\(id)/stemstatus" class="card">\(HTML.csrf(session))
            <label for="status-code">\(HTML.both("Heeft deze brief gestemd? Typ de code van de brief van het lid", "Has this letter voted? Type the code from the member's letter"))</label>
            <input type="text" id="status-code" name="code" autocomplete="off" autocapitalize="characters" spellcheck="false" required>
            <button type="submit" class="secondary">\(HTML.both("Stemstatus bekijken", "Show voting status"))</button>
            </form>
            \(results)
            """
        return HTML.staffPage("Balie", body, session: session, status: status)
    }

    /// A found member: who, their state, and what the desk can do.
    func entry(_ assembly: Int, _ entry: DeskEntry, search: Search, session: StaffSession, assemblyOpen: Bool) -> String {
        let member = ["member": entry.id.rawValue, "back": search.query]
        var state: [String] = []
        if entry.present { state.append(HTML.both("Aanwezig", "Present")) }
        if let holder = entry.proxyTo { state.append(HTML.both("Volmacht gegeven aan \(holder.rawValue)", "Proxy given to \(holder.rawValue)")) }
        if entry.proxiesHeld > 0 { state.append(HTML.both("Heeft \(entry.proxiesHeld) volmacht(en)", "Holds \(entry.proxiesHeld) proxy(ies)")) }
        state.append(
            [
                DeskEntry.CodeState.none: HTML.both("Nog geen stemcode", "No voting code yet"),
                .issued: HTML.both("Stemcode verstuurd, nog niet actief", "Voting code sent, not active yet"),
                .active: HTML.both("Stemcode actief", "Voting code active"),
            ][entry.code] ?? "")
        var actions = ""
        if assemblyOpen {
            if !entry.present {
                actions += HTML.button("/balie/\(assembly)/aanwezig", HTML.both("Aanwezig melden", "Check in"), fields: member, session: session)
            }
            if entry.code == .none {
                actions += HTML.button(
                    "/balie/\(assembly)/code", HTML.both("Stemcode geven", "Hand out a code"), fields: member, session: session, secondary: true)
            } else {
                let field = "oc-\(HTML.h(entry.id.rawValue))"
                actions += """
                    <form method="post" action="/balie/\(assembly)/code" class="card">\(HTML.csrf(session))
                    <input type="hidden" name="member" value="\(HTML.h(entry.id.rawValue))"><input type="hidden" name="back" value="\(HTML.h(search.query))">
                    <label for="\(field)">\(HTML.both("Oude stemcode (van de brief, als het lid die bij zich heeft)", "Old voting code (from the letter, if the member has it)"))</label>
                    <input type="text" id="\(field)" name="oude_code" autocomplete="off" autocapitalize="characters" spellcheck="false">
                    <button type="submit" class="secondary">\(HTML.both("Nieuwe stemcode (oude vervalt)", "New code (old one stops)"))</button></form>
                    """
            }
            if entry.present {
                actions += """
                    <form method="post" action="/balie/\(assembly)/volmacht" class="card">\(HTML.csrf(session))
                    <input type="hidden" name="member" value="\(HTML.h(entry.id.rawValue))"><input type="hidden" name="back" value="\(HTML.h(search.query))">
                    <strong>\(HTML.both("Volmacht ontvangen van (adres van de volmachtgever)", "Proxy received from (the giver's address)"))</strong>
                    <div class="row">
                    <div><label for="gp-\(HTML.h(entry.id.rawValue))">Postcode</label><input type="text" id="gp-\(HTML.h(entry.id.rawValue))" name="postcode" required></div>
                    <div><label for="gn-\(HTML.h(entry.id.rawValue))">\(HTML.both("Huisnummer", "House number"))</label><input type="text" id="gn-\(HTML.h(entry.id.rawValue))" name="huisnummer" inputmode="numeric" required></div>
                    <div><label for="gm-\(HTML.h(entry.id.rawValue))">\(HTML.both("Naam (als bekend)", "Name (if kept)"))</label><input type="text" id="gm-\(HTML.h(entry.id.rawValue))" name="naam"></div>
                    </div>
                    <button type="submit">\(HTML.both("Volmacht vastleggen", "Record the proxy"))</button></form>
                    """
            }
        }
        return """
            <div class="card member" id="member-\(HTML.h(entry.id.rawValue))">
            <p><strong>\(HTML.h(entry.name ?? entry.id.rawValue))</strong> · \(HTML.h(entry.address.description))<br>\(state.joined(separator: "<br>"))</p>
            \(actions)
            </div>
            """
    }

    /// Returns to the desk page with the search kept and a confirmation shown.
    func back(_ assembly: Int, _ form: [String: [String]], ok key: String) -> Response {
        let query = form.value("back").map { $0 + "&" } ?? ""
        return Response(status: .seeOther, headers: [.location: "/balie/\(assembly)?\(query)ok=\(key)"])
    }

    func search(from form: [String: [String]]) -> Search {
        let items = URLComponents(string: "?" + (form.value("back") ?? ""))?.queryItems ?? []
        let value = { (name: String) in items.first { $0.name == name }?.value }
        return Search(postcode: value("postcode"), number: value("huisnummer"), name: value("naam"))
    }

    func checkIn(_ request: Request, _ assembly: Int) async throws -> Response {
        guard let (session, form) = try await gate.post(request, role: .desk) else { return StaffGate.signIn }
        do {
            _ = try database.checkIn(ResidentID(form.value("member") ?? ""), assembly: assembly, actor: session.account.actor)
            return back(assembly, form, ok: "aanwezig")
        } catch {
            return try desk(assembly, session: session, search: search(from: form), message: explain(error), status: .conflict)
        }
    }

    func proxy(_ request: Request, _ assembly: Int) async throws -> Response {
        guard let (session, form) = try await gate.post(request, role: .desk) else { return StaffGate.signIn }
        let holder = ResidentID(form.value("member") ?? "")
        do {
            let giver: ResidentID
            if let chosen = form.value("giver") {
                giver = ResidentID(chosen)
            } else {
                let postcode: Postcode
                do { postcode = try Postcode(parsing: (form.value("postcode") ?? "").uppercased()) } catch {
                    throw Problem(nl: "Postcode van de volmachtgever: \(error.description)", en: "The giver's postcode: \(error.description)")
                }
                guard let number = form.value("huisnummer").flatMap({ Int($0) }) else {
                    throw Problem(nl: "Vul het huisnummer van de volmachtgever in.", en: "Enter the giver's house number.")
                }
                let candidates = try database.deskSearch(assembly: assembly, postcode: postcode, houseNumber: number, name: form.value("naam"))
                    .filter { $0.id != holder }
                guard !candidates.isEmpty else {
                    throw Problem(
                        nl: "Op dat adres woonde op de peildatum geen ander stemgerechtigd lid.",
                        en: "No other member entitled to vote lived at that address on the reference date.")
                }
                guard candidates.count == 1 else {
                    let choices = candidates.map { candidate in
                        HTML.button(
                            "/balie/\(assembly)/volmacht",
                            HTML.both("Van \(candidate.name ?? candidate.id.rawValue) (\(candidate.address))", "From this member"),
                            fields: ["member": holder.rawValue, "giver": candidate.id.rawValue, "back": form.value("back") ?? ""], session: session)
                    }.joined()
                    let extra =
                        "<div class=\"card\"><p>\(HTML.both("Op dat adres wonen meer leden. Van wie is de volmacht?", "More members live there. Whose proxy is it?"))</p>\(choices)</div>"
                    return try desk(assembly, session: session, search: search(from: form), extra: extra)
                }
                giver = candidates[0].id
            }
            _ = try database.proxy(from: giver, to: holder, assembly: assembly, actor: session.account.actor)
            return back(assembly, form, ok: "volmacht")
        } catch let problem as Problem {
            return try desk(assembly, session: session, search: search(from: form), message: (problem.nl, problem.en), status: .badRequest)
        } catch {
            return try desk(assembly, session: session, search: search(from: form), message: explain(error), status: .conflict)
        }
    }

    /// Hands out a new code: shown once, on this page only (it is stored as a keyed hash).
    func code(_ request: Request, _ assembly: Int) async throws -> Response {
        guard let (session, form) = try await gate.post(request, role: .desk) else { return StaffGate.signIn }
        let member = ResidentID(form.value("member") ?? "")
        do {
            var old: VotingCode?
            if let typed = form.value("oude_code") {
                do { old = try VotingCode(parsing: typed) } catch {
                    let why = ResidentPages.explain(error)
                    return try desk(
                        assembly, session: session, search: search(from: form),
                        message: ("Oude code: \(why["nl"] ?? "")", "Old code: \(why["en"] ?? "")"), status: .badRequest)
                }
            }
            let reissued = try database.reissueCode(assembly: assembly, member: member, old: old, actor: session.account.actor)
            let code = reissued.code
            var limits = ""
            if !reissued.unavailableBallots.isEmpty {
                let titles = try reissued.unavailableBallots.map { try database.ballotTitle($0) }.map(HTML.h).joined(separator: ", ")
                limits =
                    "<p class=\"alert\" id=\"limits\">\(HTML.both("Deze code kan niet stemmen op wat al open stond (\(titles)): de vorige code kan daar al gestemd hebben, en dat weet alleen die code. Heeft het lid de oude brief toch? Typ die code hierboven in; dan gaat wat de oude code deed over en kan de nieuwe code overal stemmen waar de oude dat niet deed. Op de volgende stemmingen stemt deze code gewoon.", "This code cannot vote on what was already open (\(titles)): the earlier code may have voted there, and only that code can tell. If the member does have the old letter, type its code above: what the old code did carries over, and the new code votes wherever the old one did not. On the next ballots this code votes as usual."))</p>"
            } else if let carried = reissued.carriedOver {
                limits =
                    "<p class=\"ok\" id=\"limits\">\(HTML.both("De oude code is overgezet (\(carried) stemming(en) waarop die al stemde tellen mee); de nieuwe code stemt op alle andere.", "The old code was carried over (\(carried) ballot(s) it voted on count); the new code votes on all others."))</p>"
            }
            let entry = try database.deskEntry(assembly: assembly, member: member)
            let url = "http://\(request.head.authority ?? "127.0.0.1:8080")/"
            let extra = """
                <div class="card" id="new-code">
                <p>\(HTML.both("Nieuwe stemcode voor \(entry?.name ?? member.rawValue), \(entry?.address.description ?? ""):",
                                "New voting code for this member:"))</p>
                <p class="code" id="code">\(HTML.h(code.description))</p>
                <div class="qr">\(QRCode.svg(url) ?? "")</div>
                \(limits)
                <p>\(HTML.both("Geef deze code aan het lid (overschrijven of deze pagina printen). Hij verschijnt maar één keer; een eerdere code werkt niet meer.\(entry?.present == true || entry?.proxyTo != nil ? "" : " Meld het lid ook aan, dan wordt de code actief.")",
                                "Give this code to the member (write it down or print this page). It is shown only once; any earlier code no longer works."))</p>
                </div>
                """
            return try desk(assembly, session: session, search: search(from: form), extra: extra)
        } catch {
            return try desk(assembly, session: session, search: search(from: form), message: explain(error), status: .conflict)
        }
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
        self.init(nl: Catalogue.text(key, .nl, values), en: Catalogue.text(key, .en, values))
    }
}
