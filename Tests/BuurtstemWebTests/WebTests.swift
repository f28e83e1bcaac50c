import BuurtstemCore
import BuurtstemDocuments
import BuurtstemStore
import BuurtstemWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Statuut
import Testing

@Suite("Web: the JSON API and the resident pages")
struct WebTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// An open assembly with 40 members, 30 checked in, an open yes/no ballot, and their codes.
    static func setUp(clock: WallClock = .fixed(Moment(CivilDate(iso: "2026-03-20")!, seconds: 70_000))) throws -> (
        AppDatabase, [ResidentID: VotingCode], BallotID
    ) {
        let db = try AppDatabase.inMemory(clock: clock)
        let (codes, ballot) = try prepare(db)
        return (db, codes, ballot)
    }

    /// Fills a new database: the Wildemanbuurt statute, 40 members, an open assembly with 30 checked
    /// in and an open yes/no ballot; returns the codes and the ballot.
    static func prepare(_ db: AppDatabase, edit: (String) -> String = { $0 }, laterProposals: [String] = [], laterKind: String = "gewoon") throws
        -> ([ResidentID: VotingCode], BallotID)
    {
        let statute = edit(try String(contentsOf: repository.appendingPathComponent("Statutes/wildemanbuurt.statuut"), encoding: .utf8))
        try db.createAssociation(statuteSource: statute, fileName: "wildemanbuurt.statuut")
        let csv = "id;postcode;huisnummer;geboortedatum\n" + (1...40).map { "R\($0);1067 PB;\($0);1980-01-01" }.joined(separator: "\n")
        _ = try db.importRegister(
            try RegisterParser.parse(Array(csv.utf8), today: CivilDate(iso: "2026-01-20")!), fileName: "r.csv", fileSHA256: "h",
            extractDate: CivilDate(iso: "2026-01-20")!)
        _ = try db.scheduleAssembly(date: CivilDate(iso: "2026-03-20")!, place: "LuCafé", today: CivilDate(iso: "2026-02-01")!)
        _ = try db.callAssembly(1, on: CivilDate(iso: "2026-03-01")!)
        let codes = Dictionary(uniqueKeysWithValues: try db.issueCodes(assembly: 1).map { ($0.member, $0.code) })
        let proposal = try db.submitProposal(
            Proposal(
                id: 0, title: "Bankjes op het plein", text: "Zes bankjes rond de speeltuin.\n\nEn schaduw: <twee> bomen.", kind: "gewoon",
                source: .board, assembly: 1),
            on: CivilDate(iso: "2026-02-20")!)
        _ = try db.admitProposal(proposal.id)
        // Proposals admitted to the agenda whose ballots the test opens later.
        for title in laterProposals {
            let later = try db.submitProposal(
                Proposal(id: 0, title: title, text: "", kind: laterKind, source: .board, assembly: 1), on: CivilDate(iso: "2026-02-20")!)
            _ = try db.admitProposal(later.id)
        }
        _ = try db.openAssembly(1, on: CivilDate(iso: "2026-03-20")!)
        for n in 1...30 { _ = try db.checkIn(ResidentID("R\(n)"), assembly: 1) }
        let ballot = try db.openBallot(proposal: proposal.id)
        return (codes, ballot.id)
    }

    static func body(_ code: VotingCode, _ ballot: BallotID, _ choice: String) -> ByteBuffer {
        ByteBuffer(string: "{\"code\":\"\(code)\",\"ballot\":\(ballot),\"choice\":\"\(choice)\"}")
    }

    static let jsonHeaders: HTTPFields = [.contentType: "application/json"]

    @Test("POST /api/v1/votes: 201 with a receipt, 409 for a second vote, 403 for an unknown code, 400 for a typo")
    func votes() async throws {
        let (db, codes, ballot) = try Self.setUp()
        let app = BuurtstemServer.application(database: db)
        try await app.test(.router) { client in
            try await client.execute(uri: "/api/v1/votes", method: .post, headers: Self.jsonHeaders, body: Self.body(codes[ResidentID("R1")]!, ballot, "yes")) {
                response in
                #expect(response.status == .created)
                #expect(String(buffer: response.body).hasPrefix("{\"receipt\":\""))
                #expect(response.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
                #expect(response.headers[.strictTransportSecurity] != nil)
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
            }
            try await client.execute(uri: "/api/v1/votes", method: .post, headers: Self.jsonHeaders, body: Self.body(codes[ResidentID("R1")]!, ballot, "no")) {
                response in
                #expect(response.status == .conflict)
                #expect(String(buffer: response.body).contains("\"id\":\"already-voted\""))
            }
            try await client.execute(uri: "/api/v1/votes", method: .post, headers: Self.jsonHeaders, body: Self.body(codes[ResidentID("R35")]!, ballot, "yes"))
            { response in
                #expect(response.status == .forbidden)
                #expect(String(buffer: response.body).contains("not-checked-in"))
            }
            let typo = ByteBuffer(string: "{\"code\":\"AAAA-AAAA-AAAA-AAB\",\"ballot\":\(ballot),\"choice\":\"yes\"}")
            try await client.execute(uri: "/api/v1/votes", method: .post, headers: Self.jsonHeaders, body: typo) { response in
                #expect(response.status == .badRequest)
                #expect(String(buffer: response.body).contains("\"id\":\"typo\""))
            }
            // Without application/json a cross-site form could post: refused.
            try await client.execute(uri: "/api/v1/votes", method: .post, body: Self.body(codes[ResidentID("R2")]!, ballot, "yes")) { response in
                #expect(response.status == .unsupportedMediaType)
            }
        }
    }

    @Test("wrong codes are rate limited after 10 a minute; typos do not count")
    func rateLimit() async throws {
        let (db, _, ballot) = try Self.setUp()
        let app = BuurtstemServer.application(database: db)
        try await app.test(.router) { client in
            var random = SystemRandomNumberGenerator()
            for _ in 0..<20 {
                let typo = ByteBuffer(string: "{\"code\":\"AAAA-AAAA-AAAA-AAB\",\"ballot\":\(ballot),\"choice\":\"yes\"}")
                try await client.execute(uri: "/api/v1/votes", method: .post, headers: Self.jsonHeaders, body: typo) { #expect($0.status == .badRequest) }
            }
            for _ in 0..<10 {
                try await client.execute(
                    uri: "/api/v1/votes", method: .post, headers: Self.jsonHeaders,
                    body: Self.body(VotingCode.generate(using: &random), ballot, "yes")
                ) { #expect($0.status == .forbidden) }
            }
            try await client.execute(
                uri: "/api/v1/votes", method: .post, headers: Self.jsonHeaders,
                body: Self.body(VotingCode.generate(using: &random), ballot, "yes")
            ) { #expect($0.status == .forbidden) }
            try await client.execute(
                uri: "/api/v1/votes", method: .post, headers: Self.jsonHeaders,
                body: Self.body(VotingCode.generate(using: &random), ballot, "yes")
            ) { response in
                #expect(response.status == .tooManyRequests)
                #expect(response.headers[.retryAfter] != nil)
            }
        }
    }

    @Test("ballot, turnout, audit head and health; the result and board only after close")
    func reads() async throws {
        let (db, codes, ballot) = try Self.setUp()
        let receipt = try db.castVote(code: codes[ResidentID("R1")]!, ballot: ballot, choice: "yes")
        _ = try db.castVote(code: codes[ResidentID("R2")]!, ballot: ballot, choice: "no")
        _ = try db.castVote(code: codes[ResidentID("R3")]!, ballot: ballot, choice: "yes")
        let app = BuurtstemServer.application(database: db)
        try await app.test(.router) { client in
            try await client.execute(uri: "/healthz", method: .get) { #expect(String(buffer: $0.body) == "{\"status\":\"ok\"}") }
            try await client.execute(uri: "/api/v1/ballots/\(ballot)", method: .get) { response in
                let text = String(buffer: response.body)
                #expect(text.contains("\"title\":\"Bankjes op het plein\"") && text.contains("\"seats\":null") && text.contains("\"budget\":null"))
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
            }
            try await client.execute(uri: "/api/v1/ballots/\(ballot)/result", method: .get) { #expect($0.status == .conflict) }
            try await client.execute(uri: "/api/v1/ballots/\(ballot)/board", method: .get) { #expect($0.status == .conflict) }
            try await client.execute(uri: "/api/v1/assemblies/1/turnout", method: .get) { response in
                let text = String(buffer: response.body)
                #expect(text.contains("\"present\":30") && text.contains("\"votes\":3"))
                #expect(!text.contains("yes"))
            }
            try await client.execute(uri: "/api/v1/ballots/99", method: .get) { #expect($0.status == .notFound) }
        }
        _ = try db.closeBallot(ballot)
        try await app.test(.router) { client in
            try await client.execute(uri: "/api/v1/ballots/\(ballot)/board", method: .get) { response in
                // Receipt-free: the receipts and the choices are two separate lists, each sorted.
                let text = String(buffer: response.body)
                #expect(text.contains("\"choices\":[\"no\",\"yes\",\"yes\"]") && text.contains(receipt))
                #expect(!text.contains("\"choice\":"))
            }
            try await client.execute(uri: "/api/v1/ballots/\(ballot)/result", method: .get) {
                #expect(String(buffer: $0.body).contains("\"outcome\":\"adopted\""))
            }
            try await client.execute(uri: "/ballots/\(ballot)/board", method: .get) { response in
                #expect(response.status == .ok)
                let page = String(buffer: response.body)
                #expect(page.contains("<li>voor / yes</li>") && page.contains("<li>tegen / no</li>") && page.contains(receipt))
                #expect(page.components(separatedBy: receipt).count == 2 && !page.contains("<td>"))
            }
            let size = try db.auditHead().size
            try await client.execute(uri: "/api/v1/audit/head", method: .get) { response in
                #expect(String(buffer: response.body).contains("\"size\":\(size)"))
            }
        }
    }

    @Test("the resident flow: code, ballots, vote, confirm, receipt — and forms from other sites are refused")
    func residentFlow() async throws {
        let (db, codes, ballot) = try Self.setUp()
        let app = BuurtstemServer.application(database: db)
        let same: HTTPFields = [.contentType: "application/x-www-form-urlencoded", HTTPField.Name("Sec-Fetch-Site")!: "same-origin"]
        try await app.test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                let page = String(buffer: response.body)
                #expect(page.contains("<label for=\"code\">") && page.contains("lang=\"en\"") && !page.contains("<script"))
            }
            let code = codes[ResidentID("R5")]!
            var cookie = ""
            try await client.execute(uri: "/stem", method: .post, headers: same, body: ByteBuffer(string: "code=\(code.characters.lowercased())")) { response in
                #expect(response.status == .seeOther)
                let setCookie = response.headers[.setCookie] ?? ""
                #expect(
                    setCookie.hasPrefix("__Host-stem=") && setCookie.contains("HttpOnly") && setCookie.contains("Secure")
                        && setCookie.contains("SameSite=Strict"))
                cookie = String(setCookie.split(separator: ";")[0])
            }
            var headers = same
            headers[.cookie] = cookie
            try await client.execute(uri: "/stemmen", method: .get, headers: headers) { #expect(String(buffer: $0.body).contains("/stemmen/\(ballot)")) }
            try await client.execute(uri: "/stemmen/\(ballot)", method: .get, headers: headers) { response in
                let page = String(buffer: response.body)
                #expect(page.contains("value=\"yes\""))
                // The proposal in full, paragraph by paragraph and as text, before the choice.
                #expect(
                    page.contains("<p class=\"proposal-text\">Zes bankjes rond de speeltuin.</p>")
                        && page.contains("<p class=\"proposal-text\">En schaduw: &lt;twee&gt; bomen.</p>"))
            }
            try await client.execute(uri: "/stemmen/\(ballot)", method: .post, headers: headers, body: ByteBuffer(string: "choice=no")) { response in
                let page = String(buffer: response.body)
                #expect(page.contains("name=\"choice\" value=\"no\"") && page.contains("U stemt over: Bankjes op het plein"))
            }
            try await client.execute(uri: "/stemmen/\(ballot)/bevestig", method: .post, headers: headers, body: ByteBuffer(string: "choice=no")) { response in
                #expect(response.status == .created)
                let page = String(buffer: response.body)
                #expect(page.contains("class=\"receipt\""))
                // The voter sees the choice as stored, privately, before leaving the page.
                #expect(page.contains("id=\"recorded\">Tegen"))
            }
            try await client.execute(uri: "/stemmen/\(ballot)/bevestig", method: .post, headers: headers, body: ByteBuffer(string: "choice=yes")) { response in
                #expect(response.status == .conflict)
            }
            var foreign = headers
            foreign[HTTPField.Name("Sec-Fetch-Site")!] = "cross-site"
            try await client.execute(uri: "/stemmen/\(ballot)/bevestig", method: .post, headers: foreign, body: ByteBuffer(string: "choice=yes")) { response in
                #expect(response.status == .forbidden)
            }
        }
        #expect(try db.turnout(assembly: 1).ballots.first?.votes == 1)
    }
}

@Suite("Web: changing a vote where the statute allows it")
struct VoteChangeTests {
    @Test("the ballot page says a vote may be changed; voting again replaces it and says so; the board has only the last")
    func changeOnThePhone() async throws {
        let db = try AppDatabase.inMemory(clock: .fixed(Moment(CivilDate(iso: "2026-03-20")!, seconds: 70_000)))
        let (codes, ballot) = try WebTests.prepare(db) {
            $0.replacingOccurrences(of: "    staking verworpen\n", with: "    staking verworpen\n    stem wijzigen mag tot de sluiting\n")
        }
        let app = BuurtstemServer.application(database: db)
        try await app.test(.router) { client in
            var phone = Browser()
            #expect(try await phone.post(client, "/stem", [("code", codes[ResidentID("R4")]!.description)], csrf: false).status == .seeOther)
            try await phone.get(client, "/stemmen/\(ballot)")
            #expect(phone.lastPage.contains("U mag uw stem wijzigen tot de stemming sluit"))
            #expect(try await phone.post(client, "/stemmen/\(ballot)/bevestig", [("choice", "yes")], csrf: false).status == .created)
            #expect(phone.lastPage.contains("Uw stem is uitgebracht"))
            try await phone.get(client, "/stemmen")
            #expect(phone.lastPage.contains("Stem wijzigen"))
            try await phone.get(client, "/stemmen/\(ballot)")
            #expect(phone.lastPage.contains("U hebt al gestemd. U mag uw stem wijzigen"))
            #expect(try await phone.post(client, "/stemmen/\(ballot)/bevestig", [("choice", "no")], csrf: false).status == .created)
            #expect(phone.lastPage.contains("Uw stem is gewijzigd") && phone.lastPage.contains("id=\"recorded\">Tegen"))
        }
        _ = try db.closeBallot(ballot)
        #expect(try db.ballotBoard(ballot).choices == [.no])
    }
}

@Suite("Web: the projector")
struct ProjectorTests {
    @Test("turnout and live counts while open (never the choices); results with a chart, the audit head and a QR code after close")
    func projector() async throws {
        let (db, codes, ballot) = try WebTests.setUp()
        _ = try db.castVote(code: codes[ResidentID("R1")]!, ballot: ballot, choice: "no")
        _ = try db.castVote(code: codes[ResidentID("R2")]!, ballot: ballot, choice: "yes")
        let app = BuurtstemServer.application(database: db)
        try await app.test(.router) { client in
            try await client.execute(uri: "/projector/1", method: .get) { response in
                let page = String(buffer: response.body)
                #expect(response.headers[HTTPField.Name("Refresh")!] == "10")
                #expect(page.contains("30 aanwezig") && page.contains("2 stemmen uitgebracht"))
                #expect(page.contains("<svg") && page.contains("aria-label=\"QR\""))
                #expect(!page.contains("<script"))
            }
        }
        _ = try db.closeBallot(ballot)
        try await app.test(.router) { client in
            try await client.execute(uri: "/projector/1", method: .get) { response in
                let page = String(buffer: response.body)
                #expect(page.contains("Verworpen") || page.contains("Aangenomen"))
                #expect(page.contains("aria-label=\"voor / yes: 1, tegen / no: 1, blanco / abstain: 0\""))
                #expect(page.contains("Auditlog"))
                // The full head, so that every photo of the projector is an outside copy of it.
                let head = try db.auditHead()
                #expect(page.contains("\(head.size):\(head.root)"))
            }
            try await client.execute(uri: "/projector/9", method: .get) { #expect($0.status == .notFound) }
        }
    }
}

@Suite("Letters with voting codes")
struct LetterTests {
    @Test("one printable page per member, with the code, a QR code and instructions in both languages")
    func letters() throws {
        var random = SystemRandomNumberGenerator()
        let code = VotingCode.generate(using: &random)
        let assembly = Assembly(id: 1, date: CivilDate(iso: "2026-03-20")!, place: "LuCafé")
        let html = Letters.html(
            association: "De rijkdom van de Wildemanbuurt", assembly: assembly, url: "https://stem.example/",
            letters: [
                Letters.Letter(
                    member: ResidentID("R1"), name: nil,
                    address: Address(postcode: try Postcode(parsing: "1067 PB"), houseNumber: 12), code: code)
            ])
        #expect(html.contains(code.description) && html.contains("1067 PB 12"))
        #expect(html.contains("page-break-after: always") && html.contains("<svg"))
        #expect(html.contains("Meld u aan bij de balie") && html.contains("lang=\"en\""))
        // The template escapes what it is given: a name or a place is text, never markup.
        let hostile = Letters.html(
            association: "A & B", assembly: Assembly(id: 1, date: CivilDate(iso: "2026-03-20")!, place: "<i>Café</i>"),
            url: "https://stem.example/",
            letters: [
                Letters.Letter(
                    member: ResidentID("R2"), name: "<script>x</script>",
                    address: nil, code: code)
            ])
        #expect(hostile.contains("A &amp; B") && hostile.contains("&lt;i&gt;Café&lt;/i&gt;") && hostile.contains("&lt;script&gt;x&lt;/script&gt;<br>"))
        #expect(!hostile.contains("<script>") && !hostile.contains("<i>"))
    }
}
