import BuurtstemCore
import BuurtstemStore
import BuurtstemWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Statuut
import Synchronization
import Testing

/// A clock the test moves forward.
final class TestClock: Sendable {
    let seconds: Atomic<Int64>
    init(_ moment: Moment) { seconds = Atomic(moment.secondsSince1970) }
    var clock: WallClock { WallClock { Moment(secondsSince1970: self.seconds.load(ordering: .relaxed)) } }
    func advance(_ by: Int64) { seconds.add(by, ordering: .relaxed) }
}

/// A browser for the tests: keeps the cookies it is given and reads the CSRF token from the last page.
struct Browser {
    var cookies: [String: String] = [:]
    var csrf = ""
    var lastPage = ""

    var headers: HTTPFields {
        var fields: HTTPFields = [.contentType: "application/x-www-form-urlencoded", HTTPField.Name("Sec-Fetch-Site")!: "same-origin"]
        if !cookies.isEmpty { fields[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ") }
        return fields
    }

    mutating func read(_ response: TestResponse) {
        for field in response.headers[values: .setCookie] {
            let pair = field.split(separator: ";")[0].split(separator: "=", maxSplits: 1).map(String.init)
            cookies[pair[0]] = pair.count > 1 ? pair[1] : ""
            if pair.count < 2 || pair[1].isEmpty { cookies[pair[0]] = nil }
        }
        lastPage = String(buffer: response.body)
        if let range = lastPage.range(of: "name=\"csrf\" value=\"") {
            csrf = String(lastPage[range.upperBound...].prefix { $0 != "\"" })
        }
    }

    /// Signs in (the sign-in form needs no CSRF token: there is no session yet).
    @discardableResult
    mutating func signIn(_ client: some TestClientProtocol, _ name: String, _ password: String) async throws -> TestResponse {
        try await post(client, "/inloggen", [("name", name), ("password", password)], csrf: false)
    }

    @discardableResult
    mutating func get(_ client: some TestClientProtocol, _ uri: String) async throws -> TestResponse {
        let response = try await client.execute(uri: uri, method: .get, headers: headers, body: nil)
        read(response)
        return response
    }

    @discardableResult
    mutating func post(_ client: some TestClientProtocol, _ uri: String, _ fields: [(String, String)], csrf withToken: Bool = true) async throws -> TestResponse
    {
        // As a browser posts a form of the page it loaded: its CSRF token and a one-time token of its own.
        let once = withToken && !fields.contains { $0.0 == "once" } ? [("once", UUID().uuidString)] : []
        let all = (withToken ? [("csrf", csrf)] : []) + fields + once
        let body = all.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&")
        let response = try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
        read(response)
        return response
    }
}

@Suite("Web: board and desk accounts, the check-in desk and the board pages")
struct StaffTests {
    /// The evening of `WebTests.setUp` with staff accounts, a clock the test moves, and the application.
    static func evening() throws -> (db: AppDatabase, codes: [ResidentID: VotingCode], ballot: BallotID, time: TestClock, app: some ApplicationProtocol) {
        let time = TestClock(Moment(CivilDate(iso: "2026-03-20")!, seconds: 70_000))
        let (db, codes, ballot) = try setUp(clock: time.clock)
        return (db, codes, ballot, time, BuurtstemServer.application(database: db, clock: time.clock))
    }

    static func setUp(clock: WallClock) throws -> (AppDatabase, [ResidentID: VotingCode], BallotID) {
        let (db, codes, ballot) = try WebTests.setUp(clock: clock)
        try db.addStaff(name: "fatima", role: .board, password: "bankjes op het plein")
        try db.addStaff(name: "balie1", role: .desk, password: "koffie en koekjes")
        return (db, codes, ballot)
    }

    @Test("passwords are Argon2id hashes; a short one is refused; wrong and unknown both fail the same way")
    func accounts() throws {
        let hash = try PasswordHash.make("correct horse battery")
        #expect(hash.hasPrefix("$argon2id$"))
        #expect(PasswordHash.verify("correct horse battery", against: hash))
        #expect(!PasswordHash.verify("correct horse batterY", against: hash))
        #expect(throws: PasswordHash.Weak.self) { try PasswordHash.make("short") }
        let db = try AppDatabase.inMemory()
        try db.addStaff(name: "fatima", role: .board, password: "bankjes op het plein")
        #expect(throws: StoreError.self) { try db.addStaff(name: "fatima", role: .desk, password: "nog een wachtwoord") }
        #expect(throws: StoreError.self) { try db.addStaff(name: "no spaces", role: .desk, password: "nog een wachtwoord") }
        #expect(try db.authenticateStaff(name: "fatima", password: "bankjes op het plein")?.role == .board)
        #expect(try db.authenticateStaff(name: "fatima", password: "bankjes op het plei") == nil)
        #expect(try db.authenticateStaff(name: "nobody", password: "bankjes op het plein") == nil)
        try db.disableStaff(name: "fatima")
        #expect(try db.authenticateStaff(name: "fatima", password: "bankjes op het plein") == nil)
        try db.setStaffPassword(name: "fatima", password: "een nieuw wachtwoord")
        #expect(try db.authenticateStaff(name: "fatima", password: "een nieuw wachtwoord") != nil)
        // No password or hash in the audit log.
        var log = ""
        try db.exportAudit { log += $0 }
        #expect(log.contains("staff.added") && !log.contains("bankjes") && !log.contains("argon2"))
    }

    @Test("signing in: cookie flags, wrong passwords, roles, CSRF tokens, idle and absolute timeouts")
    func signIn() async throws {
        let (db, _, _, time, app) = try Self.evening()
        try await app.test(.router) { client in
            var browser = Browser()
            #expect(try await browser.get(client, "/balie").status == .seeOther)
            #expect(try await browser.get(client, "/bestuur").headers[.location] == "/inloggen")
            #expect(try await browser.signIn(client, "balie1", "verkeerd wachtwoord").status == .forbidden)
            #expect(try await browser.signIn(client, "niemand", "koffie en koekjes").status == .forbidden)
            let signedIn = try await browser.signIn(client, "balie1", "koffie en koekjes")
            #expect(signedIn.status == .seeOther && signedIn.headers[.location] == "/balie")
            let cookie = signedIn.headers[.setCookie] ?? ""
            #expect(cookie.hasPrefix("__Host-staff=") && cookie.contains("Secure") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"))
            #expect(browser.cookies["__Host-staff"]?.count == 32)
            #expect(try await browser.get(client, "/balie").status == .ok)
            // A desk account may not use the board's pages.
            #expect(try await browser.get(client, "/bestuur").status == .forbidden)
            // A form without the session's token is refused.
            #expect(try await browser.post(client, "/balie/1/aanwezig", [("member", "R35")], csrf: false).status == .forbidden)
            // 29 minutes idle is fine; 31 is not.
            time.advance(29 * 60)
            #expect(try await browser.get(client, "/balie").status == .ok)
            time.advance(31 * 60)
            #expect(try await browser.get(client, "/balie").status == .seeOther)
            // Absolute: 12 hours even when used all the time.
            try await browser.signIn(client, "fatima", "bankjes op het plein")
            for _ in 0..<25 {
                time.advance(29 * 60)
                _ = try await browser.get(client, "/bestuur")
            }
            #expect(try await browser.get(client, "/bestuur").status == .seeOther)
            // Signing out ends the session.
            try await browser.signIn(client, "fatima", "bankjes op het plein")
            try await browser.get(client, "/bestuur")
            #expect(try await browser.post(client, "/uitloggen", []).status == .seeOther)
            #expect(try await browser.get(client, "/bestuur").status == .seeOther)
            // A disabled account is out at its next request.
            try await browser.signIn(client, "balie1", "koffie en koekjes")
            #expect(try await browser.get(client, "/balie").status == .ok)
            try db.disableStaff(name: "balie1")
            #expect(try await browser.get(client, "/balie").status == .seeOther)
        }
    }

    @Test("the board adds, re-keys and disables accounts from the browser; passwords typed twice; never its own")
    func accountsPage() async throws {
        let (db, _, _, time, app) = try Self.evening()
        try await app.test(.router) { client in
            var board = Browser()
            try await board.signIn(client, "fatima", "bankjes op het plein")
            #expect(try await board.get(client, "/bestuur/accounts").status == .ok)
            #expect(board.lastPage.contains("account-balie1"))
            #expect(
                try await board.post(
                    client, "/bestuur/accounts",
                    [
                        ("name", "balie2"), ("role", "desk"), ("password", "thee met honing"),
                        ("again", "thee met honig"),
                    ]
                ).status == .badRequest)
            #expect(
                try await board.post(client, "/bestuur/accounts", [("name", "balie2"), ("role", "desk"), ("password", "kort"), ("again", "kort")]).status
                    == .badRequest)
            #expect(
                try await board.post(
                    client, "/bestuur/accounts",
                    [
                        ("name", "balie2"), ("role", "desk"), ("password", "thee met honing"),
                        ("again", "thee met honing"),
                    ]
                ).status == .ok)
            #expect(try db.authenticateStaff(name: "balie2", password: "thee met honing")?.role == .desk)
            #expect(
                try await board.post(
                    client, "/bestuur/accounts/balie2/wachtwoord",
                    [
                        ("password", "koffie zonder suiker"),
                        ("again", "koffie zonder suiker"),
                    ]
                ).status == .ok)
            #expect(try db.authenticateStaff(name: "balie2", password: "koffie zonder suiker") != nil)
            #expect(try await board.post(client, "/bestuur/accounts/balie2/uitschakelen", []).status == .ok)
            #expect(try db.authenticateStaff(name: "balie2", password: "koffie zonder suiker") == nil)
            #expect(try await board.post(client, "/bestuur/accounts/fatima/uitschakelen", []).status == .badRequest)
            // The desk may not manage accounts.
            var desk = Browser()
            try await desk.signIn(client, "balie1", "koffie en koekjes")
            #expect(try await desk.get(client, "/bestuur/accounts").status == .forbidden)
        }
        var log = ""
        try db.exportAudit { log += $0 + "\n" }
        #expect(log.contains("staff.added") && log.contains("staff.password-set") && log.contains("staff.disabled") && log.contains("\"board:fatima\""))
        #expect(!log.contains("honing") && !log.contains("suiker"))
    }

    @Test("the proposal form is offered only until the assembly opens, and keeps what was typed when it is refused")
    func proposalForm() async throws {
        let (db, _, _, _, app) = try Self.evening()
        let (next, _) = try db.scheduleAssembly(date: CivilDate(iso: "2026-09-20")!, place: "LuCafé", today: CivilDate(iso: "2026-03-20")!)
        try await app.test(.router) { client in
            var board = Browser()
            try await board.signIn(client, "fatima", "bankjes op het plein")
            // The evening's assembly is open: no form that can only fail.
            try await board.get(client, "/bestuur/vergaderingen/1")
            #expect(!board.lastPage.contains("/bestuur/vergaderingen/1/voorstellen") && board.lastPage.contains("tot de vergadering opent"))
            try await board.get(client, "/bestuur/vergaderingen/\(next.id)")
            #expect(board.lastPage.contains("/bestuur/vergaderingen/\(next.id)/voorstellen"))
            // An unknown kind is refused; the title, the text and the submitter stay as typed.
            let refused = try await board.post(
                client, "/bestuur/vergaderingen/\(next.id)/voorstellen",
                [("title", "Bomen <aan> de gracht"), ("text", "Twaalf linden."), ("kind", "onbekend"), ("party", "Gemeente Amsterdam")])
            #expect(refused.status != .ok && refused.status != .seeOther)
            #expect(board.lastPage.contains(#"value="Bomen &lt;aan&gt; de gracht""#) && board.lastPage.contains(">Twaalf linden.</textarea>"))
            #expect(board.lastPage.contains(#"value="Gemeente Amsterdam""#))
            #expect(!board.lastPage.contains("(yesNo)") && board.lastPage.contains("voor of tegen / yes or no"))
        }
    }

    @Test("the desk finds a member by address, checks them in, records a proxy and hands out a new code that works")
    func desk() async throws {
        let (db, codes, ballot, time, app) = try Self.evening()
        try await app.test(.router) { client in
            var desk = Browser()
            try await desk.signIn(client, "balie1", "koffie en koekjes")
            let page = try await desk.get(client, "/balie/1?postcode=1067+pb&huisnummer=35")
            #expect(page.status == .ok)
            #expect(desk.lastPage.contains("id=\"member-R35\"") && desk.lastPage.contains("30 aanwezig"))
            // What tells members at one address apart without names: the year of birth, not the day.
            #expect(desk.lastPage.contains("geboren in 1980") && !desk.lastPage.contains("1980-01-01"))
            #expect(!desk.lastPage.contains("member-R36"))
            #expect(try await desk.get(client, "/balie/1?postcode=1067+XX&huisnummer=99").status == .ok)
            #expect(desk.lastPage.contains("Niemand"))
            #expect(try await desk.get(client, "/balie/1?postcode=0067PB&huisnummer=1").status == .badRequest)
            let checkedIn = try await desk.post(client, "/balie/1/aanwezig", [("member", "R35"), ("back", "postcode=1067%20PB&huisnummer=35")])
            #expect(checkedIn.status == .seeOther)
            try await desk.get(client, checkedIn.headers[.location] ?? "")
            #expect(desk.lastPage.contains("31 aanwezig") && desk.lastPage.contains("Aangemeld"))
            // Checking in twice is refused with the reason.
            #expect(try await desk.post(client, "/balie/1/aanwezig", [("member", "R35")]).status == .conflict)
            // R35 holds R36's proxy, found by R36's address.
            let proxied = try await desk.post(client, "/balie/1/volmacht", [("member", "R35"), ("postcode", "1067PB"), ("huisnummer", "36")])
            #expect(proxied.status == .seeOther)
            #expect(try db.attendance(assembly: 1).attendance.proxies[ResidentID("R36")] == ResidentID("R35"))
            // R36's letter works now (the proxy activated it).
            let vote = ByteBuffer(string: "{\"code\":\"\(codes[ResidentID("R36")]!)\",\"ballot\":\(ballot),\"choice\":\"yes\"}")
            try await client.execute(uri: "/api/v1/votes", method: .post, headers: WebTests.jsonHeaders, body: vote) { #expect($0.status == .created) }
            // A new code for R35, who brings the old letter: shown once; the old one stops, the new one votes.
            #expect(try await desk.post(client, "/balie/1/code", [("member", "R35"), ("oude_code", codes[ResidentID("R35")]!.description)]).status == .ok)
            #expect(desk.lastPage.contains("De oude code is overgezet"))
            func shownCode() throws -> VotingCode {
                try VotingCode(parsing: desk.lastPage.range(of: "id=\"code\">").map { String(desk.lastPage[$0.upperBound...].prefix { $0 != "<" }) } ?? "")
            }
            let code = try shownCode()
            let old = ByteBuffer(string: "{\"code\":\"\(codes[ResidentID("R35")]!)\",\"ballot\":\(ballot),\"choice\":\"yes\"}")
            try await client.execute(uri: "/api/v1/votes", method: .post, headers: WebTests.jsonHeaders, body: old) { #expect($0.status == .forbidden) }
            let new = ByteBuffer(string: "{\"code\":\"\(code)\",\"ballot\":\(ballot),\"choice\":\"no\"}")
            try await client.execute(uri: "/api/v1/votes", method: .post, headers: WebTests.jsonHeaders, body: new) { #expect($0.status == .created) }
            // Another new code, now without the letter: the desk is told it cannot vote on the open ballot
            // (and not why in terms of any vote), and it does not vote there a second time.
            #expect(try await desk.post(client, "/balie/1/code", [("member", "R35")]).status == .ok)
            #expect(desk.lastPage.contains("id=\"limits\"") && desk.lastPage.contains("Bankjes op het plein") && !desk.lastPage.contains("Tegen"))
            let again = ByteBuffer(string: "{\"code\":\"\(try shownCode())\",\"ballot\":\(ballot),\"choice\":\"yes\"}")
            try await client.execute(uri: "/api/v1/votes", method: .post, headers: WebTests.jsonHeaders, body: again) { response in
                #expect(response.status == .forbidden && String(buffer: response.body).contains("code-newer-than-ballot"))
            }
            #expect(try db.turnout(assembly: 1).ballots.first?.votes == 2)
        }
        var log = ""
        try db.exportAudit { log += $0 + "\n" }
        #expect(log.contains("\"desk:balie1\"") && log.contains("member.checked-in") && log.contains("proxy.recorded") && log.contains("code.reissued"))
    }

    @Test("the board schedules and calls an assembly, admits a proposal, opens and closes its ballot, and sees alerts")
    func board() async throws {
        let (db, _, ballot, time, app) = try Self.evening()
        try await app.test(.router) { client in
            var board = Browser()
            try await board.signIn(client, "fatima", "bankjes op het plein")
            try await board.get(client, "/bestuur")
            #expect(board.lastPage.contains("id=\"failures\"") && board.lastPage.contains("bankjes") == false)
            // Schedule an assembly for October and call it today (more than the notice period ahead).
            #expect(
                try await board.post(client, "/bestuur/vergaderingen", [("date", "2026-10-08"), ("place", "Buurthuis"), ("kind[]", "gewoon")]).status == .ok)
            #expect(board.lastPage.contains("2026-10-08") && board.lastPage.contains("gepland"))
            #expect(try await board.post(client, "/bestuur/vergaderingen", [("date", "gisteren"), ("place", "X")]).status == .badRequest)
            #expect(try await board.post(client, "/bestuur/vergaderingen/2/oproepen", []).status == .ok)
            #expect(board.lastPage.contains("Opgeroepen"))
            #expect(try db.assemblies().last?.state == .called)
            // A proposal on assembly 2, admitted.
            #expect(
                try await board.post(
                    client, "/bestuur/vergaderingen/2/voorstellen", [("title", "Moestuin achter de flat"), ("text", "Een moestuin."), ("kind", "gewoon")]
                ).status == .ok)
            let proposal = try #require(try db.proposals(assembly: 2).first)
            #expect(try await board.post(client, "/bestuur/voorstellen/\(proposal.id)/toelaten", []).status == .ok)
            #expect(try db.proposals(assembly: 2).first?.state == .admitted)
            // Opening a ballot before the assembly is open is refused, with the reason.
            #expect(try await board.post(client, "/bestuur/voorstellen/\(proposal.id)/stemming", []).status == .conflict)
            // Many wrong codes → an alert on the board's page.
            var random = SystemRandomNumberGenerator()
            for n in 0..<40 {
                var headers = WebTests.jsonHeaders
                headers[HTTPField.Name("X-Test")!] = String(n)
                let body = ByteBuffer(string: "{\"code\":\"\(VotingCode.generate(using: &random))\",\"ballot\":\(ballot),\"choice\":\"yes\"}")
                _ = try await client.execute(uri: "/api/v1/votes", method: .post, headers: headers, body: body)
            }
            try await board.get(client, "/bestuur")
            #expect(board.lastPage.contains("id=\"alert\""))
            // While the evening runs the board has draft minutes, marked as such.
            try await board.get(client, "/bestuur")
            #expect(board.lastPage.contains("href=\"/bestuur/notulen/1\"") && board.lastPage.contains("Conceptnotulen"))
            #expect(try await board.get(client, "/bestuur/notulen/1").status == .ok)
            #expect(board.lastPage.contains("class=\"draft\"") && board.lastPage.contains("Conceptnotulen van de algemene vergadering"))
            #expect(board.lastPage.contains("Dit zijn geen vastgestelde notulen") && board.lastPage.contains("name=\"viewport\""))
            // A close first asks: it says what closing does, and nothing is closed yet.
            let first = try #require(try db.proposals(assembly: 1).first)
            let sizeBefore = try db.auditHead().size
            #expect(try await board.post(client, "/bestuur/voorstellen/\(first.id)/sluiten", [("ballot", String(ballot))]).status == .ok)
            #expect(board.lastPage.contains("kan niet ongedaan worden gemaakt") && board.lastPage.contains("name=\"confirmed\" value=\"ja\""))
            #expect(try db.ballot(ballot).isOpen && (try db.auditHead().size) == sizeBefore)
            #expect(try await board.post(client, "/bestuur/vergaderingen/1/sluiten", []).status == .ok)
            #expect(try board.lastPage.contains("Nog open: 1") && db.assemblies().first?.state == .open)
            // Closing assembly 1's ballot shows the audit head.
            #expect(try await board.post(client, "/bestuur/voorstellen/\(first.id)/sluiten", [("ballot", String(ballot)), ("confirmed", "ja")]).status == .ok)
            let head = try db.auditHead()
            #expect(board.lastPage.contains("\(head.size):\(head.root)"))
            #expect(board.lastPage.contains("/ballots/\(ballot)/board"))
            // Closing the assembly shows the head too.
            #expect(try await board.post(client, "/bestuur/vergaderingen/1/sluiten", [("confirmed", "ja")]).status == .ok)
            #expect(board.lastPage.contains("\(try db.auditHead().size):\(try db.auditHead().root)"))
            // Then the minutes are final: no draft mark.
            #expect(try await board.get(client, "/bestuur/notulen/1").status == .ok)
            #expect(!board.lastPage.contains("class=\"draft\"") && board.lastPage.contains("Notulen van de algemene vergadering"))
            // The compliance report and the minutes of the closed assembly.
            #expect(try await board.get(client, "/bestuur/naleving").status == .ok)
            #expect(board.lastPage.contains("Naleving van het statuut") && board.lastPage.contains("artikel 4"))
            // The board records the organisations' confirmations and last year's accounts on that page.
            #expect(try await board.post(client, "/bestuur/naleving/organisatie", [("organisation", "LuCafé"), ("text", "Wij doen mee.")]).status == .ok)
            #expect(board.lastPage.contains("Bevestiging van LuCafé vastgelegd"))
            #expect(try await board.post(client, "/bestuur/naleving/jaarrekening", [("year", "2025"), ("on", "2026-03-20")]).status == .ok)
            #expect(try await board.post(client, "/bestuur/naleving/jaarrekening", [("year", "2025"), ("on", "2026-03-20")]).status == .conflict)
            #expect(try db.confirmations().map(\.organisation) == ["LuCafé"])
            #expect(try await board.get(client, "/bestuur/notulen/1").status == .ok)
            #expect(
                board.lastPage.contains("Notulen van de algemene vergadering") && board.lastPage.contains("/static/minutes.css")
                    && !board.lastPage.contains("<style>"))
            // The audit page verifies.
            #expect(try await board.get(client, "/bestuur/audit").status == .ok)
            #expect(board.lastPage.contains("in orde"))
        }
    }
}
